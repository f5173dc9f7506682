// The figures rules, and the whole figures analysis of a document (every relation, held
// or not) that hovers and the figures table show.
import type { ReportDocument } from '../../model/document';
import { quantities, type Quantity } from '../../figures/quantity';
import type { Relation } from '../../figures/relation';
import type { FigureRule } from './relation-rule';
import { partsTotal } from './parts-total';
import { listCount } from './list-count';
import { namedCount } from './named-count';
import { enumerationCount } from './enumeration-count';
import { percentage } from './percentage';
import { sum } from './sum';
import { change } from './change';
import { restated } from './restated';
import { date } from './date';
import { perCapita } from './per-capita';

export const figuresRules: FigureRule[] = [partsTotal, listCount, namedCount, enumerationCount, percentage, sum, change, perCapita, restated, date];

export interface FigureAnalysis {
  quantities: Quantity[];
  relations: Relation[];
}

/** Every quantity read and every relation found, once per document version. */
export function figures(doc: ReportDocument): FigureAnalysis {
  return doc.memo('figures:analysis', () => ({
    quantities: quantities(doc),
    relations: figuresRules.flatMap((r) => r.relations(doc)),
  }));
}

// The figures analysis of a document: its quantities and every relation between them,
// computed once per document version (doc.memo) and shared by the figures rules and hover.
import type { ReportDocument } from '../model/document';
import { FigureContext } from './context';
import type { Quantity } from './quantity';
import type { Relation } from './relation';
import { findNamedCounts } from './relations/named-count';
import { findPartsTotals } from './relations/parts-total';
import { findPercentages } from './relations/percentage';
import { findSums } from './relations/sum';
import { findChanges } from './relations/change';
import { findRestated } from './relations/restated';
import { findDates } from './relations/date';
import { findListCounts } from './relations/list-count';
import { findEnumerations } from './relations/enumeration-count';

export interface FigureAnalysis {
  quantities: Quantity[];
  relations: Relation[];
}

const FINDERS: ((ctx: FigureContext) => Relation[])[] = [findPartsTotals, findNamedCounts, findPercentages, findSums, findChanges, findRestated, findDates, findListCounts, findEnumerations];

export function figures(doc: ReportDocument): FigureAnalysis {
  return doc.memo('figures:analysis', () => {
    const ctx = new FigureContext(doc);
    const relations: Relation[] = [];
    for (const find of FINDERS) relations.push(...find(ctx));
    return { quantities: ctx.qs, relations };
  });
}

// The figures analysis as rows for the figures table (core/figures-table.ts):
// every quantity read and every relation checked, in original offsets.
import type { FiguresTableData, RelationRow } from '../authoring/figures-table';
import type { ReportDocument } from '../model/document';
import type { Locale } from '../types';
import { figures } from './analysis';
import { describeQuantity } from './describe';
import { RELATION_NAMES } from './hover';

const COUNTED = new Set(['count', 'percent', 'points', 'money', 'measure', 'time', 'multiple']);

export function figuresTableData(doc: ReportDocument, locale: Locale): FiguresTableData {
  const { quantities, relations } = figures(doc);
  return {
    analysed: true,
    quantities: quantities
      .filter((q) => COUNTED.has(q.kind))
      .map((q) => {
        const d = describeQuantity(q);
        return { ...doc.toOrig(q.start, q.end), reading: locale === 'zh' ? d.zh : d.en };
      }),
    relations: relations.map(
      (r): RelationRow => ({
        ...doc.toOrig(r.start, r.end),
        kind: RELATION_NAMES[r.rule]?.[locale] ?? r.rule,
        rule: r.rule,
        status: r.ok ? 'ok' : r.severity,
        detail: r.arithmetic,
      }),
    ),
  };
}

/** Original spans of the quantities read (for per-section figure counts). */
export function quantitySpansOf(doc: ReportDocument) {
  return figures(doc)
    .quantities.filter((q) => COUNTED.has(q.kind))
    .map((q) => doc.toOrig(q.start, q.end));
}

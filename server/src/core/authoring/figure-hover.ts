// Hover on a number: how it was read (value, unit, noun, approximate) and every relation
// it takes part in, satisfied or not, with the arithmetic. Also answers on a listed name
// or item, or a date, that a relation involves.
import type { HoverProvider, HoverResult } from '../authoring/hover';
import type { ReportDocument } from '../model/document';
import type { Locale, Span } from '../types';
import { figures } from '../rules/figures';
import type { Quantity } from '../figures/quantity';
import type { Relation } from '../figures/relation';
import { codeSpan, md, readingOf, relationExcerpt, RELATION_NAMES, STATUS } from './figure-text';

/** One relation in the hover: status in words, kind, the rule's message (with its arithmetic). */
function relationLine(r: Relation, locale: Locale): string {
  const name = RELATION_NAMES[r.rule]?.[locale] ?? r.rule;
  const st = r.ok ? STATUS.ok[locale] : `**${STATUS[r.severity][locale]}**`;
  const what = r.ok ? codeSpan(r.arithmetic) : md(locale === 'zh' ? r.message.zh : r.message.en);
  return `- ${st} · ${name}${locale === 'zh' ? '：' : ': '}${what}`;
}

/** The quantity under an original offset, if any. */
export function quantityAt(doc: ReportDocument, offset: number): Quantity | undefined {
  const v = doc.toView(offset);
  for (const q of figures(doc).quantities) {
    if (q.start <= v && v < q.end) return q;
    // The cursor right after the unit still means this quantity.
    if (v === q.end && doc.toView(offset) === v && offset > 0 && doc.toView(offset - 1) < q.end) return q;
  }
  return undefined;
}

export const figureHover: HoverProvider = (doc, offset, ctx): HoverResult | undefined => {
  const locale = ctx.locale;
  const { relations } = figures(doc);
  const v = doc.toView(offset);
  const q = quantityAt(doc, offset);
  let span: Span | undefined;
  const lines: string[] = [];
  let involved: Relation[];
  if (q) {
    span = doc.toOrig(q.start, q.end);
    // The number as written in the report (findable with Ctrl+F), then how it was read.
    lines.push(`**${md(doc.text.slice(span.start, span.end))}**${locale === 'zh' ? '：' : ': '}${md(readingOf(q, locale))}`);
    involved = relations.filter((r) => r.quantities.includes(q));
  } else {
    involved = relations.filter(
      (r) => (r.places ?? []).some((p) => p.start <= v && v < p.end) || (r.rule === 'figures/date' && r.start <= v && v < r.end),
    );
    if (!involved.length) return undefined;
    const p = involved[0].places?.find((x) => x.start <= v && v < x.end);
    span = p ? doc.toOrig(p.start, p.end) : doc.toOrig(involved[0].start, involved[0].end);
  }
  if (involved.length) {
    lines.push('', `**${locale === 'zh' ? '参与的核对' : 'Checked in'}**`, '');
    for (const r of involved) {
      lines.push(relationLine(r, locale));
      // The sentence as written, its numbers and names in bold.
      const text = relationExcerpt(doc, { ...doc.toOrig(r.start, r.end), marks: [...r.quantities, ...(r.places ?? [])].map((x) => doc.toOrig(x.start, x.end)) });
      // A paragraph of the list item (a blank line first: else it runs on after the message).
      if (text) lines.push('', `  ${text}`, '');
    }
  } else if (q && (q.kind === 'count' || q.kind === 'money' || q.kind === 'percent' || q.kind === 'measure')) {
    lines.push('', locale === 'zh' ? '未与其他数字构成可核对的关系。' : 'Not part of any relation that can be checked.');
  }
  return { start: span.start, end: span.end, markdown: lines.join('\n') };
};

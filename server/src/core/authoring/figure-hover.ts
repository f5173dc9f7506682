// Hover on a number: how it was read (value, unit, noun, approximate) and every relation
// it takes part in, satisfied or not, with the arithmetic. Also answers on a listed name
// or item, or a date, that a relation involves.
//
// A check builds only the relations that do not hold (rules/figures/relation-rule.ts), and
// an edit re-reads only the lines it touched (run/incremental.ts): every relation of a 1 M
// report is 100 ms and more to build after each edit. A hover needs those of one figure:
// the relations of the rules that read each paragraph on its own (Rule.perLine) are read
// from the hovered line alone, as the incremental check reads that line; only the
// document-wide ones (a share of an earlier whole, a figure said twice) come from the whole
// document (the whole document where a line cannot be read alone: see nearRelationsAt).
// test/property/figure-hover.property.test.ts holds the two ways to the same hover.
import type { HoverProvider, HoverResult } from '../authoring/hover';
import { ReportDocument } from '../model/document';
import type { Locale, Span } from '../types';
import { figuresRules } from '../rules/figures';
import { linesLocal } from '../run/incremental';
import { firstQuantityFrom, longestQuantity, quantities, type Quantity } from '../figures/quantity';
import type { Relation } from '../figures/relation';
import { codeSpan, md, readingOf, relationExcerpt, RELATION_NAMES, STATUS } from './figure-text';

/** One relation in the hover: status in words, kind, the rule's message (with its arithmetic). */
function relationLine(r: Relation, locale: Locale): string {
  const name = RELATION_NAMES[r.rule]?.[locale] ?? r.rule;
  const st = r.ok ? STATUS.ok[locale] : `**${STATUS[r.severity][locale]}**`;
  const what = r.ok ? codeSpan(r.arithmetic) : md(locale === 'zh' ? r.message.zh : r.message.en);
  return `- ${st} · ${name}${locale === 'zh' ? '：' : ': '}${what}`;
}

/**
 * The quantity under an original offset, if any: the first, in text order, that holds it.
 * Looked for among those that start at most the longest figure's length before it (binary
 * search: a 1 M report has 39,000 figures, and a hover right after an edit paid a walk
 * through all of them).
 */
export function quantityAt(doc: ReportDocument, offset: number): Quantity | undefined {
  const v = doc.toView(offset);
  const qs = quantities(doc);
  const to = firstQuantityFrom(qs, v + 1);
  for (let k = firstQuantityFrom(qs, v - longestQuantity(doc)); k < to; k++) {
    const q = qs[k];
    if (q.start <= v && v < q.end) return q;
    // The cursor right after the unit still means this quantity.
    if (v === q.end && offset > 0 && doc.toView(offset - 1) < q.end) return q;
  }
  return undefined;
}

/** Where a relation was found: the document, or one of its lines read alone from `base` on. */
interface Reading {
  doc: ReportDocument;
  base: number;
  /** The hovered offset in that reading's view. */
  v: number;
  /** The quantity under it in that reading. */
  q: Quantity | undefined;
}

/** A relation the hover shows, with the reading it was found in. */
export interface Involved {
  r: Relation;
  at: Reading;
}

/** The relations that involve the figure, name, item or date at `offset`. */
export type RelationsAt = (doc: ReportDocument, offset: number) => { q: Quantity | undefined; involved: Involved[] };

function reading(doc: ReportDocument, base: number, offset: number): Reading {
  return { doc, base, v: doc.toView(offset - base), q: quantityAt(doc, offset - base) };
}

function involves(r: Relation, at: Reading): boolean {
  const { v, q } = at;
  if (q) return r.quantities.includes(q);
  return (r.places ?? []).some((p) => p.start <= v && v < p.end) || (r.rule === 'figures/date' && r.start <= v && v < r.end);
}

/** From the whole document, every rule (the way the figures table reads them). */
export const wholeRelationsAt: RelationsAt = (doc, offset) => {
  const at = reading(doc, 0, offset);
  const involved: Involved[] = [];
  for (const rule of figuresRules) for (const r of rule.relations(doc)) if (involves(r, at)) involved.push({ r, at });
  return { q: at.q, involved };
};

/**
 * The per-paragraph rules from the hovered line read alone (with its break), the others from
 * the document; all from the document where the incremental check would not read a line alone
 * either (run/incremental.ts lineLocal: lone CRs, a later BOM; Markdown over several lines
 * does not count: the figures rules do not read it).
 */
export const nearRelationsAt: RelationsAt = (doc, offset) => {
  if (!linesLocal(doc)) return wholeRelationsAt(doc, offset);
  const whole = reading(doc, 0, offset);
  const line = doc.lineAt(offset);
  const next = line.index + 1 < doc.lines.length ? doc.lines[line.index + 1].start : doc.text.length;
  let alone: Reading | undefined;
  const involved: Involved[] = [];
  for (const rule of figuresRules) {
    const at = rule.perLine ? (alone ??= reading(new ReportDocument(doc.text.slice(line.start, next)), line.start, offset)) : whole;
    for (const r of rule.relations(at.doc)) if (involves(r, at)) involved.push({ r, at });
  }
  return { q: whole.q, involved };
};

/** A span of a reading in the document's original offsets. */
function orig(at: Reading, s: Span): Span {
  const o = at.doc.toOrig(s.start, s.end);
  return { start: o.start + at.base, end: o.end + at.base };
}

export function figureHoverWith(relationsAt: RelationsAt): HoverProvider {
  return (doc, offset, ctx): HoverResult | undefined => {
    const locale = ctx.locale;
    const { q, involved } = relationsAt(doc, offset);
    if (!q && !involved.length) return undefined;
    let span: Span;
    const lines: string[] = [];
    if (q) {
      span = doc.toOrig(q.start, q.end);
      // The number as written in the report (findable with Ctrl+F), then how it was read.
      lines.push(`**${md(doc.text.slice(span.start, span.end))}**${locale === 'zh' ? '：' : ': '}${md(readingOf(q, locale, doc.view.text))}`);
    } else {
      const { r, at } = involved[0];
      const p = r.places?.find((x) => x.start <= at.v && at.v < x.end);
      span = orig(at, p ?? r);
    }
    if (involved.length) {
      lines.push('', `**${locale === 'zh' ? '参与的核对' : 'Checked in'}**`, '');
      for (const { r, at } of involved) {
        lines.push(relationLine(r, locale));
        // The sentence as written, its numbers and names in bold.
        const text = relationExcerpt(doc, { ...orig(at, r), marks: [...r.quantities, ...(r.places ?? [])].map((x) => orig(at, x)) });
        // A paragraph of the list item (a blank line first: else it runs on after the message).
        if (text) lines.push('', `  ${text}`, '');
      }
    } else if (q && (q.kind === 'count' || q.kind === 'money' || q.kind === 'percent' || q.kind === 'measure')) {
      lines.push('', locale === 'zh' ? '未与其他数字构成可核对的关系。' : 'Not part of any relation that can be checked.');
    }
    return { start: span.start, end: span.end, markdown: lines.join('\n') };
  };
}

export const figureHover: HoverProvider = figureHoverWith(nearRelationsAt);

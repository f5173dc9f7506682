// How the figures table and the figure hover say things: status in words, relation names,
// a number's reading without the folded quote, and the sentence around a relation as written.
import type { ReportDocument } from '../model/document';
import type { Locale, Span } from '../types';
import { describeReading } from '../figures/describe';
import type { Quantity } from '../figures/quantity';
import { excerpt } from '../quote';

export type RelationStatus = 'ok' | 'error' | 'warning' | 'unknown';

/** Status in words (no emoji: they need an emoji font and say nothing to a screen reader). */
export const STATUS: Record<RelationStatus, { zh: string; en: string }> = {
  ok: { zh: '一致', en: 'consistent' },
  error: { zh: '矛盾', en: 'contradiction' },
  warning: { zh: '存疑', en: 'doubtful' },
  unknown: { zh: '无法核对', en: 'cannot check' },
};

export const RELATION_NAMES: Record<string, { zh: string; en: string }> = {
  'figures/parts-total': { zh: '部分与总数', en: 'parts vs total' },
  'figures/list-count': { zh: '列举与数量', en: 'list vs count' },
  'figures/named-count': { zh: '点名人数', en: 'named people vs count' },
  'figures/enumeration-count': { zh: '概括与列举', en: 'numbered phrase vs items' },
  'figures/percentage': { zh: '比例', en: 'percentage' },
  'figures/sum': { zh: '合计', en: 'sum' },
  'figures/change': { zh: '增减', en: 'change' },
  'figures/per-capita': { zh: '人均', en: 'per capita' },
  'figures/restated': { zh: '前后数字', en: 'restated figure' },
  'figures/date': { zh: '日期', en: 'date' },
};

/**
 * How a number was read, without the quote that describeQuantity starts with (that quote is
 * the folded view: simplified, annotations dropped). Callers quote the original text.
 */
export function readingOf(q: Quantity, locale: Locale, text: string): string {
  const d = describeReading(q, text);
  return locale === 'zh' ? d.zh : d.en;
}

/** Text for Markdown: its syntax characters escaped, on one line. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/** Arithmetic as a Markdown code span (a backtick inside it becomes ' so the span holds). */
export function codeSpan(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

/**
 * The sentences around a relation, as written (original characters), with its numbers,
 * names and items in bold: per line involved, at most two lines.
 */
export function relationExcerpt(doc: ReportDocument, r: Span & { marks?: Span[] }): string {
  const marks = r.marks?.length ? r.marks : [r];
  const lines = [...new Set(marks.map((m) => doc.lineAt(m.start).index))].sort((a, b) => a - b);
  const shown = lines.length > 2 ? [lines[0], lines[lines.length - 1]] : lines;
  return shown
    .map((li) => excerpt(doc.text, doc.lines[li], marks).map((p) => (p.marked ? bold(p.text) : md(p.text))).join(''))
    .filter(Boolean)
    .join(' … ');
}

/**
 * `**text**`, with punctuation at either end left outside: CommonMark opens `**` before
 * `“` only after a space or punctuation, so `以**“三个结合”**` would not be bold in Chinese.
 */
function bold(text: string): string {
  const m = /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su.exec(text)!;
  return m[2] ? `${md(m[1])}**${md(m[2])}**${md(m[3])}` : md(text);
}

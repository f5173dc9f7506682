// The figures table (数字核对表): every quantity read and every relation checked, as
// Markdown, each row linking back to its place in the report. Pure: the caller gives the
// figures data and how to link a span; the LSP layer serves the text, the client shows it.
import { countChars } from './count';
import type { ReportDocument } from '../model/document';
import { positionAt } from '../model/position';
import type { Finding, Locale, Span } from '../types';
import { figures } from '../rules/figures';
import { firstQuantityFrom, quantities } from '../figures/quantity';
import { codeSpan, md, readingOf, relationExcerpt, RELATION_NAMES, STATUS, type RelationStatus } from './figure-text';

export type { RelationStatus } from './figure-text';

export interface QuantityRow extends Span {
  /** How it was read: `数量 8，单位“人”，对象“科级干部”` (without a quote of the number). */
  reading: string;
}

export interface RelationRow extends Span {
  /** Relation kind in words: parts vs total, named people vs count… */
  kind: string;
  status: RelationStatus;
  /** The arithmetic: `2 + 5 = 7 ≠ 8`. */
  detail: string;
  rule?: string;
  /** Original spans of the numbers, names and items involved: marked in the excerpt. */
  marks?: Span[];
}

export interface FiguresTableData {
  quantities: QuantityRow[];
  relations: RelationRow[];
  /** False when no figures analysis was available (only figure findings are listed). */
  analysed: boolean;
}

export interface TableOptions {
  title: string;
  locale: Locale;
  /** Link to a span of the report (e.g. `file:///…/report.txt#L12,5`). */
  link(span: Span, line: number, column: number): string;
}

/** Relations from the figure findings alone, for when no relation list is available. */
export function relationsFromFindings(findings: readonly Finding[], locale: Locale): RelationRow[] {
  return findings
    .filter((f) => f.rule.startsWith('figures/'))
    .map((f) => ({
      start: f.start,
      end: f.end,
      kind: f.rule,
      rule: f.rule,
      status: f.severity === 'error' ? 'error' : 'warning',
      detail: locale === 'zh' ? f.message.zh : f.message.en,
      marks: [{ start: f.start, end: f.end }, ...(f.related ?? []).map((r) => ({ start: r.start, end: r.end }))],
    }));
}

export function renderFiguresTable(doc: ReportDocument, data: FiguresTableData, o: TableOptions): string {
  const zh = o.locale === 'zh';
  const where = (s: Span) => {
    const p = positionAt(doc.lines, s.start);
    const label = zh ? `第${p.line + 1}行` : `line ${p.line + 1}`;
    return `[${label}](${o.link(s, p.line + 1, p.character + 1)})`;
  };
  const out: string[] = [];
  out.push(`# ${md(o.title)}`, '');
  const bad = data.relations.filter((r) => r.status === 'error' || r.status === 'warning').length;
  const words = countChars(doc.text).words;
  out.push(
    zh
      ? `全文${words}字，读出数字${data.quantities.length}处，核对关系${data.relations.length}项，其中有问题${bad}项。`
      : `${words.toLocaleString('en-US')} characters; ${data.quantities.length} figures read, ${data.relations.length} relations checked, ${bad} with problems.`,
    '',
  );
  if (!data.analysed) {
    out.push(zh ? '> 数字分析尚不可用：下面只列出数字类检查的结果。' : '> The figures analysis is not available: only the figure findings are listed.', '');
  }
  out.push(zh ? `## 关系核对（${data.relations.length}项）` : `## Relations checked (${data.relations.length})`, '');
  if (data.relations.length) {
    // One entry per relation: status, kind, arithmetic and place on the first line; the
    // sentence as written below it. Readable at half an editor's width.
    const order: Record<RelationStatus, number> = { error: 0, warning: 1, unknown: 2, ok: 3 };
    const rows = [...data.relations].sort((x, y) => order[x.status] - order[y.status] || x.start - y.start);
    for (const r of rows) {
      const status = zh ? STATUS[r.status].zh : STATUS[r.status].en;
      const head = r.status === 'ok' || r.status === 'unknown' ? status : `**${status}**`;
      out.push(`- ${head} · ${md(r.kind)} · ${codeSpan(r.detail)} · ${where(r)}`);
      const text = relationExcerpt(doc, r);
      if (text) out.push('', `  ${text}`, '');
    }
  } else out.push(zh ? '没有可核对的关系。' : 'No relations to check.');
  out.push('', zh ? `## 读出的数字（${data.quantities.length}处）` : `## Figures read (${data.quantities.length})`, '');
  if (data.quantities.length) {
    for (const q of data.quantities) out.push(`- **${md(doc.text.slice(q.start, q.end))}** · ${md(q.reading)} · ${where(q)}`);
  } else out.push(zh ? '没有读出数字。' : 'No figures read.');
  out.push('');
  return out.join('\n');
}

// The figures analysis as rows for the table: every quantity read and every relation
// checked, in original offsets.
const COUNTED = new Set(['count', 'percent', 'points', 'money', 'measure', 'time', 'multiple']);

export function figuresTableData(doc: ReportDocument, locale: Locale): FiguresTableData {
  const { quantities, relations } = figures(doc);
  return {
    analysed: true,
    quantities: quantities
      .filter((q) => COUNTED.has(q.kind))
      .map((q) => ({ ...doc.toOrig(q.start, q.end), reading: readingOf(q, locale, doc.view.text) })),
    relations: relations.map(
      (r): RelationRow => ({
        ...doc.toOrig(r.start, r.end),
        kind: RELATION_NAMES[r.rule]?.[locale] ?? r.rule,
        rule: r.rule,
        status: r.ok ? 'ok' : r.severity,
        detail: r.arithmetic,
        marks: [...r.quantities, ...(r.places ?? [])].map((x) => doc.toOrig(x.start, x.end)),
      }),
    ),
  };
}

/**
 * How many figures (of the kinds the table lists) start in an original span: those that start
 * in the view from where the span's start maps to, up to where its end maps to (the view maps
 * to the text in order), found by binary search. A hover on a heading asks for its section's;
 * mapping every figure of a 1 M report (39,000) to the text was most of such a hover right
 * after an edit.
 */
export function figuresIn(doc: ReportDocument, span: Span): number {
  const qs = quantities(doc);
  const end = doc.toView(span.end);
  let n = 0;
  for (let k = firstQuantityFrom(qs, doc.toView(span.start)); k < qs.length && qs[k].start < end; k++) if (COUNTED.has(qs[k].kind)) n++;
  return n;
}

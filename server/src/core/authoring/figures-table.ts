// The figures table (数字核对表): every quantity read and every relation checked, as
// Markdown, each row linking back to its place in the report. Pure: the caller gives the
// figures data and how to link a span; the LSP layer serves the text, the client shows it.
import { countChars } from './count';
import type { ReportDocument } from '../model/document';
import { positionAt } from '../model/position';
import type { Finding, Locale, Span } from '../types';
import { figures } from '../rules/figures';
import { describeQuantity } from '../figures/describe';
import { RELATION_NAMES } from './figure-hover';

export interface QuantityRow extends Span {
  /** How it was read: `8 人 · 科级干部`, `约 300 人`. */
  reading: string;
}

export type RelationStatus = 'ok' | 'error' | 'warning' | 'unknown';

export interface RelationRow extends Span {
  /** Relation kind in words: parts vs total, named people vs count… */
  kind: string;
  status: RelationStatus;
  /** The arithmetic: `2 + 5 = 7 ≠ 8`. */
  detail: string;
  rule?: string;
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

const STATUS: Record<RelationStatus, { zh: string; en: string }> = {
  // Text symbols, not emoji: they render in any editor font.
  ok: { zh: '✔ 一致', en: '✔ consistent' },
  error: { zh: '✘ 矛盾', en: '✘ contradiction' },
  warning: { zh: '⚠ 存疑', en: '⚠ doubtful' },
  unknown: { zh: '… 无法核对', en: '… cannot check' },
};

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
    }));
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}

/** Quote of a span, kept short, with a little context when the span is tiny. */
function quote(doc: ReportDocument, s: Span): string {
  let a = s.start;
  let b = s.end;
  const line = doc.lineAt(a);
  if (b - a < 6) {
    a = Math.max(line.start, a - 6);
    b = Math.min(line.end, b + 6);
  }
  let q = doc.text.slice(a, Math.min(b, a + 60));
  if (b - a > 60) q += '…';
  return q.trim();
}

export function renderFiguresTable(doc: ReportDocument, data: FiguresTableData, o: TableOptions): string {
  const zh = o.locale === 'zh';
  const where = (s: Span) => {
    const p = positionAt(doc.lines, s.start);
    const label = zh ? `第 ${p.line + 1} 行` : `line ${p.line + 1}`;
    return `[${label}](${o.link(s, p.line + 1, p.character + 1)})`;
  };
  const out: string[] = [];
  out.push(`# ${cell(o.title)}`, '');
  const bad = data.relations.filter((r) => r.status === 'error' || r.status === 'warning').length;
  const words = countChars(doc.text).words;
  out.push(
    zh
      ? `全文 ${words.toLocaleString('en-US')} 字 · 读出数字 ${data.quantities.length} 处 · 核对关系 ${data.relations.length} 项，其中有问题 ${bad} 项`
      : `${words.toLocaleString('en-US')} characters · ${data.quantities.length} quantities read · ${data.relations.length} relations checked, ${bad} with problems`,
    '',
  );
  if (!data.analysed) {
    out.push(zh ? '> 数字分析尚不可用：下表只列出数字类检查的结果。' : '> The figures analysis is not available: only the figure findings are listed.', '');
  }
  out.push(zh ? '## 关系核对' : '## Relations checked', '');
  if (data.relations.length) {
    out.push(zh ? '| 状态 | 关系 | 核对 | 原文 | 位置 |' : '| Status | Relation | Check | Text | Where |', '|---|---|---|---|---|');
    const order: Record<RelationStatus, number> = { error: 0, warning: 1, unknown: 2, ok: 3 };
    const rows = [...data.relations].sort((x, y) => order[x.status] - order[y.status] || x.start - y.start);
    for (const r of rows) {
      out.push(`| ${zh ? STATUS[r.status].zh : STATUS[r.status].en} | ${cell(r.kind)} | ${cell(r.detail)} | ${cell(quote(doc, r))} | ${where(r)} |`);
    }
  } else out.push(zh ? '（没有可核对的关系）' : '(no relations to check)');
  out.push('', zh ? '## 读出的数字' : '## Quantities read', '');
  if (data.quantities.length) {
    out.push(zh ? '| # | 原文 | 读作 | 位置 |' : '| # | Text | Read as | Where |', '|---:|---|---|---|');
    data.quantities.forEach((q, i) => {
      out.push(`| ${i + 1} | ${cell(doc.text.slice(q.start, q.end))} | ${cell(q.reading)} | ${where(q)} |`);
    });
  } else out.push(zh ? '（没有读出数字）' : '(no quantities read)');
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

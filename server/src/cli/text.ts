// The two formats for people and for tools that read lines:
//
// text (default) — findings grouped by file, each one a compiler-style line that terminals
// and editors make clickable (`path:line:col severity rule message`, the severity in the
// run's language), the source line with the span underlined, the fix when there is one;
// then one summary line (problems by severity, files, how many --fix would fix).
//
// compact — only the compiler-style lines, severities in English, nothing else: the
// stable format for problem matchers, grep and scripts (SPEC §7).
import { createColors } from 'picocolors';
import { say } from '../core/locale';
import type { Locale, Severity } from '../core/types';
import { CodeFrames } from './codeframe';
import { count, SEVERITY_WORD, T } from './i18n';
import type { FileResult } from './report';

export interface TextOptions {
  locale: Locale;
  color: boolean;
  /** Terminal width the source excerpts are cut to. */
  columns: number;
  /** Findings left out by --quiet, per severity (said in the summary). */
  hidden?: Partial<Record<Severity, number>>;
  /** The name shown for standard input (`-`). */
  stdinName?: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];

export function formatCompact(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) out.push(`${r.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export function formatText(results: FileResult[], o: TextOptions): string {
  const c = createColors(o.color);
  const sevStyle: Record<Severity, (s: string) => string> = {
    error: (s) => c.bold(c.red(s)),
    warning: (s) => c.bold(c.yellow(s)),
    information: (s) => c.bold(c.cyan(s)),
    hint: (s) => c.dim(s),
  };
  const out: string[] = [];
  for (const r of results) {
    const shown = r.path === '-' ? (o.stdinName ?? say(T.stdinName, o.locale)) : r.path;
    const block: string[] = [];
    if (r.fixed?.size) {
      const n = [...r.fixed.values()].reduce((s, x) => s + x, 0);
      const byRule = [...r.fixed].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, k]) => `${rule} ${k}`);
      block.push(`${c.bold(shown)}: ${c.green(say(T.fixed(n, byRule.join(o.locale === 'zh' ? '，' : ', ')), o.locale))}`);
    }
    const src = r.source;
    const frames = src && new CodeFrames(src, o.columns, { gutter: c.blue, secondary: c.blue, dim: c.dim }, (line) => say(T.toLine(line), o.locale));
    r.diagnostics.forEach((d, i) => {
      const sev = sevStyle[d.severity];
      if (block.length) block.push('');
      block.push(`${c.bold(`${shown}:${d.line}:${d.column}`)} ${sev(SEVERITY_WORD[o.locale][d.severity])} ${c.dim(d.rule)} ${d.message}`);
      const f = src?.findings[i];
      if (!f || !frames) return;
      const notes: string[] = [];
      if (f.fix) {
        const label = f.fix.safe ? say(T.fixTitle, o.locale) : say(T.suggestion, o.locale);
        notes.push(`${c.green(label)}${o.locale === 'zh' ? '：' : ': '}${say(f.fix.title, o.locale)}`);
      }
      block.push(...frames.frame(f, sev, notes));
    });
    if (block.length) out.push(block.join('\n'));
  }
  // Nothing was checked (every file unreadable, each said on stderr): nothing to sum up.
  if (!results.some((r) => r.source)) return '';
  return (out.length ? out.join('\n\n') + '\n\n' : '') + summaryLine(results, o, c) + '\n';
}

function summaryLine(results: FileResult[], o: TextOptions, c: ReturnType<typeof createColors>): string {
  const zh = o.locale === 'zh';
  const sep = zh ? '，' : ', ';
  const bySeverity = new Map<Severity, number>();
  let fixable = 0;
  let withProblems = 0;
  let unreadable = 0;
  for (const r of results) {
    if (r.error) unreadable++;
    if (!r.source) continue;
    if (r.diagnostics.length) withProblems++;
    for (const d of r.diagnostics) bySeverity.set(d.severity, (bySeverity.get(d.severity) ?? 0) + 1);
    for (const f of r.source?.findings ?? []) if (f.fix?.safe) fixable++;
  }
  const checked = results.filter((r) => r.source).length;
  const total = [...bySeverity.values()].reduce((s, x) => s + x, 0);
  const parts: string[] = [];
  if (total) {
    const kinds = SEVERITIES.filter((s) => bySeverity.get(s)).map((s) => count(o.locale, bySeverity.get(s)!, s));
    const files = checked > 1 ? (zh ? `，涉及 ${checked} 个文件中的 ${withProblems} 个` : ` in ${withProblems} of ${checked} files`) : '';
    const head = zh ? `✖ 共 ${count(o.locale, total, 'problem')}（${kinds.join(sep)}）${files}` : `✖ ${count(o.locale, total, 'problem')} (${kinds.join(sep)})${files}`;
    parts.push((bySeverity.get('error') ? (s: string) => c.bold(c.red(s)) : bySeverity.get('warning') ? (s: string) => c.bold(c.yellow(s)) : c.bold)(head));
    if (fixable) parts.push(zh ? `其中 ${fixable} 个可用 --fix 自动修复` : `${fixable} fixable with --fix`);
  } else {
    parts.push(c.green(`✔ ${say(T.noProblems(checked), o.locale)}`));
  }
  const hidden = SEVERITIES.filter((s) => o.hidden?.[s]).map((s) => count(o.locale, o.hidden![s]!, s));
  if (hidden.length) parts.push(c.dim(say(T.hiddenByQuiet(hidden.join(sep)), o.locale)));
  if (unreadable) parts.push(c.red(say(T.unreadable(unreadable), o.locale)));
  return parts.join(zh ? '；' : '; ');
}

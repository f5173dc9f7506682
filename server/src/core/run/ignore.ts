// "Ignore here": a finding the writer dismissed is recorded in settings or the config
// file as {rule, text}, never in the report. `text` is the finding's own text with a few
// characters of context on its line, so the ignore follows the words when the document is
// edited elsewhere, and lapses when the words themselves change. The same words with the
// same rule elsewhere are ignored too (they would get the same answer).
import type { Finding } from '../types';
import { lineIndexAt, type Line } from '../model/lines';

export interface IgnoreEntry {
  rule: string;
  text: string;
}

const CONTEXT = 8;
const MAX = 48;

/** The text an ignore entry records for a finding at [start, end). */
export function fingerprint(text: string, lines: Line[], start: number, end: number): string {
  const line = lines[lineIndexAt(lines, start)];
  const a = Math.max(line.start, start - CONTEXT);
  const b = Math.min(line.end, Math.max(end, start) + CONTEXT, a + MAX);
  return text.slice(a, b).trim();
}

/** Findings without the ignored ones. */
export function withoutIgnored(text: string, lines: Line[], findings: Finding[], ignore: readonly IgnoreEntry[] | undefined): Finding[] {
  const ignored = ignoredBy(text, lines, ignore);
  return ignored ? findings.filter((f) => !ignored(f.rule, f.start, f.end)) : findings;
}

/** Whether `ignore` dismisses a finding of `rule` at [start, end); undefined when it dismisses none. */
export function ignoredBy(text: string, lines: Line[], ignore: readonly IgnoreEntry[] | undefined): ((rule: string, start: number, end: number) => boolean) | undefined {
  if (!ignore?.length) return undefined;
  const byRule = new Map<string, Set<string>>();
  for (const e of ignore) {
    let s = byRule.get(e.rule);
    if (!s) byRule.set(e.rule, (s = new Set()));
    s.add(e.text);
  }
  return (rule, start, end) => {
    const texts = byRule.get(rule);
    return !!texts && texts.has(fingerprint(text, lines, start, end));
  };
}

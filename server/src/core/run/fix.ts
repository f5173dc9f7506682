// Applying fixes: non-overlapping edits, last to first; repeated to a fixed point so
// that fixing twice gives the same text as fixing once.
import { check } from './check';
import type { Config } from '../config/config';
import type { Finding, TextEdit } from '../types';

/**
 * Edits of the given findings' fixes, sorted, with overlapping ones dropped (first wins).
 * `applied`, when given, counts per rule the findings of which an edit was kept.
 */
export function collectEdits(findings: Finding[], filter: (f: Finding) => boolean = (f) => !!f.fix?.safe, applied?: Map<string, number>): TextEdit[] {
  const edits: { edit: TextEdit; rule: string; finding: number }[] = [];
  findings.forEach((f, i) => {
    if (!f.fix || !filter(f)) return;
    for (const edit of f.fix.edits) edits.push({ edit, rule: f.rule, finding: i });
  });
  edits.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const kept: TextEdit[] = [];
  const counted = new Set<number>();
  let lastEnd = -1;
  for (const { edit: e, rule, finding } of edits) {
    // Touching is fine for two deletions/replacements; a shared insertion point is not.
    if (e.start < lastEnd || (e.start === lastEnd && kept.length && kept[kept.length - 1].start === e.start)) continue;
    kept.push(e);
    lastEnd = e.end;
    if (applied && !counted.has(finding)) {
      counted.add(finding);
      applied.set(rule, (applied.get(rule) ?? 0) + 1);
    }
  }
  return kept;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface FixAllResult {
  text: string;
  rounds: number;
  /** Findings fixed, per rule, over all rounds (the CLI's --fix report). */
  applied: Map<string, number>;
}

/** Apply every safe fix until nothing changes (at most `passes` rounds). */
export function fixAll(text: string, config?: Partial<Config>, filter?: (f: Finding) => boolean, passes = 10): FixAllResult {
  let current = text;
  const applied = new Map<string, number>();
  for (let round = 0; round < passes; round++) {
    const { findings } = check(current, config);
    const counts = new Map<string, number>();
    const edits = collectEdits(findings, filter, counts);
    if (!edits.length) return { text: current, rounds: round, applied };
    const next = applyEdits(current, edits);
    if (next === current) return { text: current, rounds: round, applied };
    for (const [rule, n] of counts) applied.set(rule, (applied.get(rule) ?? 0) + n);
    current = next;
  }
  return { text: current, rounds: passes, applied };
}

// Applying fixes: non-overlapping edits, last to first; repeated to a fixed point so
// that fixing twice gives the same text as fixing once.
import { check } from './check';
import type { Config } from '../config/config';
import type { Finding, TextEdit } from '../types';

/** Edits of the given findings' fixes, sorted, with overlapping ones dropped (first wins). */
export function collectEdits(findings: Finding[], filter: (f: Finding) => boolean = (f) => !!f.fix?.safe): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (!f.fix || !filter(f)) continue;
    edits.push(...f.fix.edits);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of edits) {
    // Touching is fine for two deletions/replacements; a shared insertion point is not.
    if (e.start < lastEnd || (e.start === lastEnd && kept.length && kept[kept.length - 1].start === e.start)) continue;
    kept.push(e);
    lastEnd = e.end;
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

/** Apply every safe fix until nothing changes (at most `passes` rounds). */
export function fixAll(text: string, config?: Partial<Config>, filter?: (f: Finding) => boolean, passes = 10): { text: string; rounds: number } {
  let current = text;
  for (let round = 0; round < passes; round++) {
    const { findings } = check(current, config);
    const edits = collectEdits(findings, filter);
    if (!edits.length) return { text: current, rounds: round };
    const next = applyEdits(current, edits);
    if (next === current) return { text: current, rounds: round };
    current = next;
  }
  return { text: current, rounds: passes };
}

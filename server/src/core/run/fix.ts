// Applying fixes: non-overlapping edits, last to first; repeated to a fixed point so
// that fixing twice gives the same text as fixing once.
import { check } from './check';
import type { IncrementalChecker } from './incremental';
import type { Rule } from '../rule';
import { RULES } from '../rules';
import type { Config } from '../config/config';
import { fixEdits, type Finding, type TextEdit } from '../types';
import { middle } from './diff';

/**
 * Edits of the given findings' fixes, sorted, with overlapping ones dropped (first wins).
 * `applied`, when given, counts per rule the findings of which an edit was kept.
 */
export function collectEdits(findings: Finding[], filter: (f: Finding) => boolean = (f) => !!f.fix?.safe, applied?: Map<string, number>): TextEdit[] {
  const edits: { edit: TextEdit; rule: string; finding: number }[] = [];
  findings.forEach((f, i) => {
    if (!f.fix || !filter(f)) return;
    for (const edit of fixEdits(f)) edits.push({ edit, rule: f.rule, finding: i });
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
  /**
   * The same change as edits of the ORIGINAL text, one per changed run (what an editor
   * sends: the cursor stays, undo is small): applying them to the input gives `text`.
   */
  edits: TextEdit[];
}

/** What a caller already knows: the findings of the text under the same config, and a checker that has seen it. */
export interface FixAllStart {
  findings: Finding[];
  /** Has seen the text; the rounds after the first re-read only the lines a round of fixes changed (run/incremental.ts), with a fork of it: it is left as it is. */
  checker?: IncrementalChecker;
}

/**
 * The rules that can fix (`Rule.fixable`; check() drops a fix from any other): only their
 * findings can be applied, so the rounds of fix-all run only them. The outline and figures
 * relations that cannot fix (and the figures reader they need) are not read again each round.
 */
export const FIXING_RULES: readonly Rule[] = RULES.filter((r) => r.fixable);

/**
 * Apply every safe fix until nothing changes (at most `passes` rounds). `filter` chooses
 * the fixes; it also sees the text the finding was made on. `start`: the first round's
 * findings (the server's analysis of the text), and a checker for the rounds after it.
 */
export function fixAll(text: string, config?: Partial<Config>, filter?: (f: Finding, text: string) => boolean, passes = 10, start?: FixAllStart): FixAllResult {
  let current = text;
  const applied = new Map<string, number>();
  let pieces: Piece[] = [{ from: 0, to: text.length }];
  const done = (rounds: number): FixAllResult => ({ text: current, rounds, applied, edits: editsFromPieces(text, pieces) });
  const checker = start?.checker?.fork(FIXING_RULES);
  for (let round = 0; round < passes; round++) {
    const findings = round === 0 && start ? start.findings : checker ? checker.check(current, config).findings.toArray() : check(current, config, FIXING_RULES).findings;
    const counts = new Map<string, number>();
    const at = current;
    const edits = collectEdits(findings, filter ? (f) => filter(f, at) : undefined, counts);
    if (!edits.length) return done(round);
    const next = applyEdits(current, edits);
    if (next === current) return done(round);
    for (const [rule, n] of counts) applied.set(rule, (applied.get(rule) ?? 0) + n);
    pieces = applyToPieces(pieces, edits);
    current = next;
  }
  return done(passes);
}

/**
 * Does the edit change only punctuation and spacing? Letters and digits (compared after
 * NFKC, so `１８` → `18` counts as layout) must stay the same: such an edit cannot remove
 * or change a word. Format Document applies only these.
 */
export function isLayoutEdit(text: string, e: TextEdit): boolean {
  const words = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  return words(text.slice(e.start, e.end)) === words(e.newText);
}

/** The safe fixes Format Document applies: punctuation and spacing only. */
export const layoutOnly = (f: Finding, text: string): boolean => !!f.fix?.safe && fixEdits(f).every((e) => isLayoutEdit(text, e));

/**
 * The text after some rounds of fixes, as pieces: a run of the original text [from, to),
 * or text written by a fix. Applying a round's edits to the pieces keeps track of which
 * parts of the result are still the original, so the change can be sent as small edits.
 */
interface Piece {
  from: number;
  to: number;
  text?: string;
}

const pieceLength = (p: Piece) => (p.text !== undefined ? p.text.length : p.to - p.from);

function slicePiece(p: Piece, a: number, b: number): Piece {
  return p.text !== undefined ? { from: p.from, to: p.from, text: p.text.slice(a, b) } : { from: p.from + a, to: p.from + b };
}

/** The pieces after `edits` (sorted, not overlapping, offsets in the current text). */
function applyToPieces(pieces: Piece[], edits: TextEdit[]): Piece[] {
  const out: Piece[] = [];
  let k = 0; // current piece
  let off = 0; // offset of piece k in the current text
  let used = 0; // how much of piece k is already consumed
  const take = (upTo: number) => {
    // Copy the current text up to offset `upTo`.
    while (k < pieces.length && off + pieceLength(pieces[k]) <= upTo) {
      if (used < pieceLength(pieces[k])) out.push(slicePiece(pieces[k], used, pieceLength(pieces[k])));
      off += pieceLength(pieces[k]);
      k++;
      used = 0;
    }
    if (k < pieces.length && upTo > off + used) {
      out.push(slicePiece(pieces[k], used, upTo - off));
      used = upTo - off;
    }
  };
  const skip = (upTo: number) => {
    while (k < pieces.length && off + pieceLength(pieces[k]) <= upTo) {
      off += pieceLength(pieces[k]);
      k++;
      used = 0;
    }
    if (k < pieces.length && upTo > off + used) used = upTo - off;
  };
  for (const e of edits) {
    take(e.start);
    skip(e.end);
    if (e.newText) out.push({ from: 0, to: 0, text: e.newText });
  }
  take(Infinity);
  return out;
}

/** Edits of the original text that give the pieces' text: one per changed run, trimmed. */
function editsFromPieces(orig: string, pieces: Piece[]): TextEdit[] {
  const raw: TextEdit[] = [];
  let pos = 0; // next original offset not yet accounted for
  let start = -1;
  let written = '';
  const flush = (end: number) => {
    if (start >= 0 || end > pos) raw.push({ start: start >= 0 ? start : pos, end, newText: written });
    start = -1;
    written = '';
  };
  for (const p of pieces) {
    if (p.text !== undefined) {
      if (start < 0) start = pos;
      written += p.text;
      continue;
    }
    if (p.from !== pos || start >= 0) flush(p.from);
    pos = p.to;
  }
  flush(orig.length);
  const out: TextEdit[] = [];
  for (const e of raw) {
    const t = trimEdit(orig, e);
    if (t) out.push(t);
  }
  return out;
}

/** The edit without the text it leaves as it is at either end (never splitting a pair or a CRLF); undefined if it changes nothing. */
function trimEdit(orig: string, e: TextEdit): TextEdit | undefined {
  if (orig.slice(e.start, e.end) === e.newText) return undefined;
  return middle(orig, e.newText, e.start, e.end, 0, e.newText.length);
}

// Matching paired marks line by line (a paragraph is one line): “ ” ‘ ’ 《 》 〈 〉
// （ ） ( ) 【 】 「 」 『 』. Shared by punct/unpaired and punct/nesting, computed once.
import type { ReportDocument } from '../../model/document';
import { BOILERPLATE, PAIR_MARK, PAIR_MARKS, SKIPPED, isLatinOrDigit, listMarkerAt, scope } from '../../model/scope';

export type PairKind = 'double' | 'single' | 'book' | 'angle' | 'paren' | 'square' | 'corner' | 'wcorner';

const OPEN: Record<string, PairKind> = {
  '“': 'double', '‘': 'single', '《': 'book', '〈': 'angle', '（': 'paren', '(': 'paren', '【': 'square', '「': 'corner', '『': 'wcorner',
};
const CLOSE: Record<string, PairKind> = {
  '”': 'double', '’': 'single', '》': 'book', '〉': 'angle', '）': 'paren', ')': 'paren', '】': 'square', '」': 'corner', '』': 'wcorner',
};
const MAX_DEPTH = 256;
/** The kinds by number (1…8) in char-code tables: one typed-array load per character, no string per mark. */
const KINDS: PairKind[] = ['double', 'single', 'book', 'angle', 'paren', 'square', 'corner', 'wcorner'];
/** Per char code: 0 no mark; an opener's kind number; a closer's kind number + CLOSER (one load per character). */
const MARK = new Uint8Array(0x10000);
const CLOSER = 16;
for (const [c, k] of Object.entries(OPEN)) MARK[c.charCodeAt(0)] = KINDS.indexOf(k) + 1;
for (const [c, k] of Object.entries(CLOSE)) MARK[c.charCodeAt(0)] = KINDS.indexOf(k) + 1 + CLOSER;
// The scope finds these marks for the scan below (its PAIR_MARK class): the same characters.
if ([...PAIR_MARKS].sort().join('') !== [...Object.keys(OPEN), ...Object.keys(CLOSE)].sort().join('')) throw new Error('scope.ts PAIR_MARKS differs from the marks of pairs.ts');
/** `(` `（` `)` `）` `’`: the marks with a special case below. */
const PAREN_OPEN = (c: number) => c === 0x28 || c === 0xff08;
const PAREN_CLOSE = (c: number) => c === 0x29 || c === 0xff09;
const RIGHT_SINGLE = 0x2019;
const isOpener = (c: number) => MARK[c] > 0 && MARK[c] < CLOSER;
export const CLOSER_OF: Record<PairKind, string> = {
  double: '”', single: '’', book: '》', angle: '〉', paren: '）', square: '】', corner: '」', wcorner: '』',
};
export const OPENER_OF: Record<PairKind, string> = {
  double: '“', single: '‘', book: '《', angle: '〈', paren: '（', square: '【', corner: '「', wcorner: '『',
};

export interface Mark {
  at: number;
  kind: PairKind;
  open: boolean;
}

export interface Pair {
  open: number;
  close: number;
  kind: PairKind;
  /** Kinds of the pairs enclosing this one, innermost first. */
  outer: PairKind[];
}

export interface PairScan {
  /** Marks with no partner on their line. */
  unpaired: Mark[];
  /** Matched pairs inside another pair (what punct/nesting reads), on lines where every mark is paired. */
  pairs: Pair[];
}

export function scanPairs(doc: ReportDocument): PairScan {
  return doc.memo('punct:pairs', () => {
    const text = doc.text;
    const s = scope(doc);
    const out: PairScan = { unpaired: [], pairs: [] };
    // Open marks per kind, so a closer with no partner costs O(1), not a stack walk.
    const open = new Int32Array(KINDS.length + 1);
    // The stack of open marks as offsets and kind numbers (no object per mark: a Mark is
    // made only for one left unpaired), reused from line to line.
    const stackAt = new Int32Array(MAX_DEPTH);
    const stackKind = new Uint8Array(MAX_DEPTH);
    const mark = (d: number): Mark => ({ at: stackAt[d], kind: KINDS[stackKind[d] - 1], open: true });
    // Only the marks are read, from the scope's index of them: no pass over every character.
    const markFrom = s.finder(PAIR_MARK);
    const lines = doc.lines;
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li];
      if (line.end === line.start || s.mask[line.start] & BOILERPLATE) continue;
      const i0 = markFrom(line.start);
      if (i0 >= line.end) continue; // no paired mark on this line
      let depth = 0;
      open.fill(0);
      let bad: Mark[] | undefined;
      let pairs: Pair[] | undefined;
      for (let i = i0; i < line.end; i = markFrom(i + 1)) {
        const c = text.charCodeAt(i);
        const m = MARK[c];
        if (s.mask[i] & SKIPPED) continue;
        const o = m < CLOSER ? m : 0; // the kind number of an opener, else 0
        const k = m & (CLOSER - 1);
        if (PAREN_OPEN(c)) {
          const len = listMarkerAt(text, i, line.start);
          if (len) {
            i += len - 1;
            continue;
          }
        }
        if (PAREN_CLOSE(c) && listMarkerAt(text, i - 1, line.start) && !isOpener(text.charCodeAt(i - 1))) continue;
        // An apostrophe inside an English word (don’t) is not a quote.
        if (c === RIGHT_SINGLE && isLatinOrDigit(text[i - 1]) && isLatinOrDigit(text[i + 1])) continue;
        if (o) {
          // Hundreds of open marks is not prose: report the first and stop (bounded work).
          if (depth >= MAX_DEPTH) {
            depth = 1;
            break;
          }
          stackAt[depth] = i;
          stackKind[depth++] = o;
          open[o]++;
          continue;
        }
        if (!open[k]) {
          bad ??= [];
          if (bad.length < MAX_DEPTH) bad.push({ at: i, kind: KINDS[k - 1], open: false });
          continue;
        }
        // Everything opened after the partner is left open (each mark leaves the stack once).
        while (stackKind[depth - 1] !== k) {
          open[stackKind[--depth]]--;
          (bad ??= []).push(mark(depth));
        }
        const partner = stackAt[--depth];
        open[k]--;
        // Only a pair inside another can be a nesting (punct/nesting); the others are not kept.
        if (depth) (pairs ??= []).push({ open: partner, close: i, kind: KINDS[k - 1], outer: outerKinds(stackKind, depth) });
      }
      if (depth) {
        bad ??= [];
        for (let d = 0; d < depth; d++) bad.push(mark(d));
      }
      if (bad) {
        bad.sort((a, b) => a.at - b.at);
        for (const m of bad) out.unpaired.push(m);
      } else if (pairs) for (const p of pairs) out.pairs.push(p);
    }
    return out;
  });
}

/** Kinds of the enclosing marks (the stack's kind numbers below `depth`), innermost first; only the nearest few matter. */
function outerKinds(stackKind: Uint8Array, depth: number): PairKind[] {
  const out: PairKind[] = [];
  for (let k = depth - 1; k >= 0 && out.length < 4; k--) out.push(KINDS[stackKind[k] - 1]);
  return out;
}

// Matching paired marks line by line (a paragraph is one line): “ ” ‘ ’ 《 》 〈 〉
// （ ） ( ) 【 】 「 」 『 』. Shared by punct/unpaired and punct/nesting, computed once.
import type { ReportDocument } from '../../model/document';
import { BOILERPLATE, SKIPPED, isLatinOrDigit, listMarkerAt, scope } from '../../model/scope';

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
    for (const line of doc.lines) {
      if (line.end === line.start || s.mask[line.start] & BOILERPLATE) continue;
      let i0 = line.start;
      while (i0 < line.end && !MARK[text.charCodeAt(i0)]) i0++;
      if (i0 === line.end) continue; // no paired mark on this line
      const stack: Mark[] = [];
      const stackKinds: number[] = [];
      open.fill(0);
      const bad: Mark[] = [];
      const pairs: Pair[] = [];
      for (let i = i0; i < line.end; i++) {
        const c = text.charCodeAt(i);
        const mark = MARK[c];
        if (!mark || s.mask[i] & SKIPPED) continue;
        const o = mark < CLOSER ? mark : 0; // the kind number of an opener, else 0
        const k = mark & (CLOSER - 1);
        if (PAREN_OPEN(c)) {
          const m = listMarkerAt(text, i, line.start);
          if (m) {
            i += m - 1;
            continue;
          }
        }
        if (PAREN_CLOSE(c) && listMarkerAt(text, i - 1, line.start) && !isOpener(text.charCodeAt(i - 1))) continue;
        // An apostrophe inside an English word (don’t) is not a quote.
        if (c === RIGHT_SINGLE && isLatinOrDigit(text[i - 1]) && isLatinOrDigit(text[i + 1])) continue;
        if (o) {
          // Hundreds of open marks is not prose: report the first and stop (bounded work).
          if (stack.length >= MAX_DEPTH) {
            stack.length = 1;
            stackKinds.length = 1;
            break;
          }
          stack.push({ at: i, kind: KINDS[o - 1], open: true });
          stackKinds.push(o);
          open[o]++;
          continue;
        }
        if (!open[k]) {
          if (bad.length < MAX_DEPTH) bad.push({ at: i, kind: KINDS[k - 1], open: false });
          continue;
        }
        // Everything opened after the partner is left open (each mark leaves the stack once).
        while (stackKinds[stackKinds.length - 1] !== k) {
          open[stackKinds.pop()!]--;
          bad.push(stack.pop()!);
        }
        const partner = stack.pop()!;
        stackKinds.pop();
        open[k]--;
        // Only a pair inside another can be a nesting (punct/nesting); the others are not kept.
        if (stack.length) pairs.push({ open: partner.at, close: i, kind: KINDS[k - 1], outer: outerKinds(stack) });
      }
      for (const m of stack) bad.push(m);
      bad.sort((a, b) => a.at - b.at);
      if (bad.length) for (const m of bad) out.unpaired.push(m);
      else for (const p of pairs) out.pairs.push(p);
    }
    return out;
  });
}

/** Kinds of the enclosing marks, innermost first; only the nearest few matter. */
function outerKinds(stack: Mark[]): PairKind[] {
  const out: PairKind[] = [];
  for (let k = stack.length - 1; k >= 0 && out.length < 4; k--) out.push(stack[k].kind);
  return out;
}

// Matching paired marks line by line (a paragraph is one line): “ ” ‘ ’ 《 》 〈 〉
// （ ） ( ) 【 】 「 」 『 』. Shared by punct/unpaired and punct/nesting, computed once.
import type { ReportDocument } from '../../model/document';
import { BOILERPLATE, isLatinOrDigit, listMarkerAt, scope } from '../../model/scope';

export type PairKind = 'double' | 'single' | 'book' | 'angle' | 'paren' | 'square' | 'corner' | 'wcorner';

const OPEN: Record<string, PairKind> = {
  '“': 'double', '‘': 'single', '《': 'book', '〈': 'angle', '（': 'paren', '(': 'paren', '【': 'square', '「': 'corner', '『': 'wcorner',
};
const CLOSE: Record<string, PairKind> = {
  '”': 'double', '’': 'single', '》': 'book', '〉': 'angle', '）': 'paren', ')': 'paren', '】': 'square', '」': 'corner', '』': 'wcorner',
};
const MAX_DEPTH = 256;
// Indexed by char code (one typed-array load per character, not a Set lookup).
const MARK_CODES = new Uint8Array(0x10000);
for (const c of [...Object.keys(OPEN), ...Object.keys(CLOSE)]) MARK_CODES[c.charCodeAt(0)] = 1;
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
  /** Matched pairs on lines where every mark is paired. */
  pairs: Pair[];
}

export function scanPairs(doc: ReportDocument): PairScan {
  return doc.memo('punct:pairs', () => {
    const text = doc.text;
    const s = scope(doc);
    const out: PairScan = { unpaired: [], pairs: [] };
    for (const line of doc.lines) {
      if (line.end === line.start || s.mask[line.start] & BOILERPLATE) continue;
      let i0 = line.start;
      while (i0 < line.end && !MARK_CODES[text.charCodeAt(i0)]) i0++;
      if (i0 === line.end) continue; // no paired mark on this line
      const stack: Mark[] = [];
      // Open marks per kind, so a closer with no partner costs O(1), not a stack walk.
      const open = new Map<PairKind, number>();
      const bad: Mark[] = [];
      const pairs: Pair[] = [];
      for (let i = i0; i < line.end; i++) {
        if (!MARK_CODES[text.charCodeAt(i)] || s.skip(i)) continue;
        const ch = text[i];
        if (ch === '(' || ch === '（') {
          const m = listMarkerAt(text, i, line.start);
          if (m) {
            i += m - 1;
            continue;
          }
        }
        if ((ch === ')' || ch === '）') && listMarkerAt(text, i - 1, line.start) && !OPEN[text[i - 1]]) continue;
        // An apostrophe inside an English word (don’t) is not a quote.
        if (ch === '’' && isLatinOrDigit(text[i - 1]) && isLatinOrDigit(text[i + 1])) continue;
        if (OPEN[ch]) {
          // Hundreds of open marks is not prose: report the first and stop (bounded work).
          if (stack.length >= MAX_DEPTH) {
            stack.length = 1;
            break;
          }
          stack.push({ at: i, kind: OPEN[ch], open: true });
          open.set(OPEN[ch], (open.get(OPEN[ch]) ?? 0) + 1);
          continue;
        }
        const kind = CLOSE[ch];
        if (!open.get(kind)) {
          if (bad.length < MAX_DEPTH) bad.push({ at: i, kind, open: false });
          continue;
        }
        // Everything opened after the partner is left open (each mark leaves the stack once).
        while (stack[stack.length - 1].kind !== kind) {
          const m = stack.pop()!;
          open.set(m.kind, open.get(m.kind)! - 1);
          bad.push(m);
        }
        const partner = stack.pop()!;
        open.set(kind, open.get(kind)! - 1);
        pairs.push({ open: partner.at, close: i, kind, outer: outerKinds(stack) });
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

// Matching paired marks line by line (a paragraph is one line): “ ” ‘ ’ 《 》 〈 〉
// （ ） ( ) 【 】 「 」 『 』. Shared by punct/unpaired and punct/nesting, computed once.
import type { ReportDocument } from '../../model/document';
import { BOILERPLATE, isLatinOrDigit, listMarkerAt, scope } from './scope';

export type PairKind = 'double' | 'single' | 'book' | 'angle' | 'paren' | 'square' | 'corner' | 'wcorner';

const OPEN: Record<string, PairKind> = {
  '“': 'double', '‘': 'single', '《': 'book', '〈': 'angle', '（': 'paren', '(': 'paren', '【': 'square', '「': 'corner', '『': 'wcorner',
};
const CLOSE: Record<string, PairKind> = {
  '”': 'double', '’': 'single', '》': 'book', '〉': 'angle', '）': 'paren', ')': 'paren', '】': 'square', '」': 'corner', '』': 'wcorner',
};
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
      if (s.mask[line.start] & BOILERPLATE) continue;
      const stack: Mark[] = [];
      const bad: Mark[] = [];
      const pairs: Pair[] = [];
      for (let i = line.start; i < line.end; i++) {
        const ch = text[i];
        const ok = OPEN[ch] ?? CLOSE[ch];
        if (!ok || s.skip(i)) continue;
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
          stack.push({ at: i, kind: OPEN[ch], open: true });
          continue;
        }
        const kind = CLOSE[ch];
        let k = stack.length - 1;
        while (k >= 0 && stack[k].kind !== kind) k--;
        if (k < 0) {
          bad.push({ at: i, kind, open: false });
          continue;
        }
        // Everything opened after the partner is left open.
        bad.push(...stack.splice(k + 1));
        const open = stack.pop()!;
        pairs.push({ open: open.at, close: i, kind, outer: stack.map((m) => m.kind).reverse() });
      }
      bad.push(...stack);
      if (bad.length) out.unpaired.push(...bad.sort((a, b) => a.at - b.at));
      else out.pairs.push(...pairs);
    }
    return out;
  });
}

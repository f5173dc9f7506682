// Garbled runs left by a wrong encoding: `確?;顒`, `當?shù)攸h`, `高??傊?個`, U+FFFD.
// A lone half-width `?` between Chinese words is NOT taken (that is a half-width
// question mark, which punct/halfwidth handles): only the shapes mojibake leaves.
import type { Span } from '../types';
import { isHanAt } from './chars';

const LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
// Seeds of a run: `??`, `?;`, `?` + pinyin-ish letters + `)` with no `(`, U+FFFD.
const SEED = new RegExp(`\\?{2,}|\\?;|\\?[${LETTERS}]{1,6}\\)|\\uFFFD+`, 'g');
const TAIL = new RegExp(`^(?:[?;╊\\uFFFD]|[${LETTERS}]{1,6}\\))`);

export function findGarbled(text: string): Span[] {
  const spans: Span[] = [];
  SEED.lastIndex = 0;
  for (let m = SEED.exec(text); m; m = SEED.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // Grow over what mojibake glues on: more `?`/`;`, letter debris after a `?`, and a
    // decoded half (one Han character) that sits between two `?`.
    for (let guard = 0; guard < 64 && end < text.length; guard++) {
      const rest = text.slice(end, end + 8);
      const tail = TAIL.exec(rest);
      if (tail && (tail[0].length === 1 || text[end - 1] === '?')) {
        end += tail[0].length;
        continue;
      }
      const w = (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
      if (isHanAt(text, end) && text[end + w] === '?') {
        end += w + 1;
        continue;
      }
      break;
    }
    SEED.lastIndex = end;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

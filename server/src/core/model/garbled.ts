// Garbled runs left by a wrong encoding: `確?;顒`, `當?shù)攸h`, `高??傊?個`, U+FFFD.
// A lone half-width `?` between Chinese words is NOT taken (that is a half-width
// question mark, which punct/halfwidth handles): only the shapes mojibake leaves.
import type { Span } from '../types';
import { isHanAt } from './chars';

const LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
// Seeds of a run: `??`, `?;`, `?` + pinyin-ish letters + `)` with no `(`, U+FFFD, and
// the classic mojibake signatures: 锟斤拷 (U+FFFD as UTF-8 read as GBK), 烫烫烫/屯屯屯
// (uninitialised memory), and UTF-8 read as Latin-1 (â€œ, ï¿½, Ã©).
const SEED = new RegExp(
  `\\?{2,}|\\?;|\\?[${LETTERS}]{1,6}\\)|\\uFFFD+|(?:锟斤拷)+锟?|(?:烫){3,}|(?:屯){3,}|(?:â€[\\u0080-\\u00ff\\u0152-\\u2122]?)+|(?:ï¿½)+|(?:Ã[\\u0080-\\u00bf])+`,
  'g',
);
const TAIL = new RegExp(`^(?:[?;╊\\uFFFD]|[${LETTERS}]{1,6}\\))`);

/**
 * Is text[i] a `?` right before a number (`?8.8亿元`, `?.05亿元`)? In Chinese text that is a
 * character an encoding lost (a digit, 入), not a question: the view marks it lost when Chinese
 * comes before it (view.ts), and punct/halfwidth does not ask for `？` there.
 */
export function questionBeforeNumber(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x3f) return false;
  const digit = (c: number) => c >= 0x30 && c <= 0x39;
  const next = text.charCodeAt(i + 1);
  return digit(next) || (next === 0x2e && digit(text.charCodeAt(i + 2)));
}

export function findGarbled(text: string): Span[] {
  const spans: Span[] = [];
  SEED.lastIndex = 0;
  for (let m = SEED.exec(text); m; m = SEED.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // `??` in English or code (`what??`, `a ?? b`) is not mojibake: it sits in non-ASCII text.
    if (/^\?+$/.test(m[0]) && !(text.charCodeAt(start - 1) > 0x7f) && !(text.charCodeAt(end) > 0x7f)) continue;
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
      // Box-drawing debris a few characters on (`?cè)谝恍╊I`): the Han between is garbled too.
      const box = text.slice(end, end + 5).indexOf('╊');
      if (box > 0 && /^[\u3400-\u9fff]+$/.test(text.slice(end, end + box))) {
        end += box + 1;
        if (/^[A-Za-z]$/.test(text[end] ?? '') && text[end + 1] === '(') end++;
        continue;
      }
      // Debris after a run: a Han character with one stray ASCII letter (`?shù)攸h政`).
      if (isHanAt(text, end) && /^[a-z]$/.test(text[end + w] ?? '') && !/[A-Za-z]/.test(text[end + w + 1] ?? '')) {
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

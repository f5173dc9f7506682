// 字数: the character count Chinese word processors show (Word 审阅 › 字数统计, WPS 字数).
// Both count 字数 = 中文字符 + 非中文单词:
//  - every Han character and every full-width character (中文标点 ，。“”《》…… and full-width
//    letters/digits) counts 1;
//  - a run of half-width letters/digits (with the half-width punctuation inside it, such as
//    `2014-11-24`, `GB/T`, `3.5`) counts 1 as one "word", whatever its length;
//  - spaces, line breaks and half-width punctuation standing alone count nothing.
// So `2013年7月以来，` is 2013 (1) + 年 + 7 (1) + 月以来 + ， = 7.
import type { Span } from '../types';

export interface CharCount {
  /** 字数 as Word and WPS show it. */
  words: number;
  /** Han characters (中文字符, 〇 included). */
  han: number;
  /** Full-width punctuation and symbols. */
  punctuation: number;
  /** Runs of half-width letters/digits (非中文单词). */
  latinWords: number;
  /** Characters other than whitespace (字符数，不计空格), counting a surrogate pair once. */
  nonSpace: number;
}

function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3007
  );
}

/** Characters a Chinese editor sets full width and counts as 中文字符 although they are not Han. */
function isWideSymbol(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x303f) || // 、。〈〉《》「」『』【】〔〕〖〗〜 …
    (cp >= 0xff01 && cp <= 0xff60) || // ！（），．：；？ and full-width letters/digits
    (cp >= 0xffe0 && cp <= 0xffe6) || // ￠￡￥
    (cp >= 0x2018 && cp <= 0x201d) || // ‘’“”
    cp === 0x2014 || cp === 0x2026 || cp === 0x00b7 || cp === 0x2015 || // —…·―
    (cp >= 0x2460 && cp <= 0x24ff) || // ①②
    cp === 0xfffd // a lost character still takes a place
  );
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || cp === 0xa0 || cp === 0xfeff ||
    cp === 0x0b || cp === 0x0c || (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f;
}

function isLatinWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || // Latin letters with diacritics (pinyin ā…)
    (cp >= 0x370 && cp <= 0x52f); // Greek, Cyrillic
}

/** Count text[start, end) (UTF-16 offsets) the way Word/WPS count 字数. Linear, no regexes. */
export function countChars(text: string, span?: Span): CharCount {
  const start = span ? Math.max(0, span.start) : 0;
  const end = span ? Math.min(text.length, span.end) : text.length;
  let han = 0;
  let punctuation = 0;
  let latinWords = 0;
  let nonSpace = 0;
  // Inside a run of half-width non-space characters; whether it has a letter/digit yet.
  let inRun = false;
  let runHasWord = false;
  for (let i = start; i < end; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (isSpace(cp)) {
      if (inRun && runHasWord) latinWords++;
      inRun = runHasWord = false;
      continue;
    }
    nonSpace++;
    const wide = isHan(cp) ? 1 : isWideSymbol(cp) ? 2 : 0;
    if (wide) {
      if (inRun && runHasWord) latinWords++;
      inRun = runHasWord = false;
      if (wide === 1) han++;
      else punctuation++;
      continue;
    }
    inRun = true;
    if (isLatinWordChar(cp)) runHasWord = true;
  }
  if (inRun && runHasWord) latinWords++;
  return { words: han + punctuation + latinWords, han, punctuation, latinWords, nonSpace };
}

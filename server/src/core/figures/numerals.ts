// Chinese numerals (十八, 三百一十一, 两万, 廿, 二〇二四) → numbers. A small hand-written
// parser: `nzh` would add ~30 kB for the same result, and reports only need integers
// up to 亿 plus the positional form of years.
import { charTable } from '../model/chars';

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 廿: 20, 卅: 30 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can appear in a Chinese numeral. */
export const CN_NUMERAL = '零〇一二三四五六七八九两十百千万亿廿卅';

const CN_NUMERAL_CODES = charTable(CN_NUMERAL);

export function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CN_NUMERAL_CODES[ch.charCodeAt(0)] === 1;
}

/** isCnNumeral by char code (NaN, past the end of a text: false). */
export function isCnNumeralCode(c: number): boolean {
  return CN_NUMERAL_CODES[c] === 1;
}

export function isCnDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT[ch] !== undefined;
}

/** Digit values by char code (-1: not a digit). */
const DIGIT_CODE = new Int8Array(0x10000).fill(-1);
for (const [c, v] of Object.entries(DIGIT)) DIGIT_CODE[c.charCodeAt(0)] = v;
/** 十 百 千 廿 卅 and 万 亿 by char code (0: neither); the narrowest arrays that hold the values exactly (128 and 256 KB). */
const SMALL_CODE = new Uint16Array(0x10000);
for (const [c, v] of Object.entries(SMALL)) SMALL_CODE[c.charCodeAt(0)] = v;
const BIG_CODE = new Uint32Array(0x10000);
for (const [c, v] of Object.entries(BIG)) BIG_CODE[c.charCodeAt(0)] = v;
const LING = 0x96f6; // 零
const LING_O = 0x3007; // 〇
const NIAN = 0x5eff; // 廿
const SA = 0x5345; // 卅

/** Value of a Chinese numeral, or undefined when it is not well formed (read by char code: no iterator, no string per character). */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  const n = s.length;
  // Positional digits: 二〇二四 (years, codes).
  if (n >= 3) {
    let all = true;
    for (let k = 0; k < n; k++) if (DIGIT_CODE[s.charCodeAt(k)] < 0) all = false;
    if (all) {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 10 + DIGIT_CODE[s.charCodeAt(k)];
      return v;
    }
  }
  let total = 0;
  let section = 0;
  let num = -1;
  let lastBig = Infinity;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    const d = DIGIT_CODE[c];
    if (c === LING || c === LING_O) continue; // 一千零五: a place holder
    if (d >= 0) {
      if (num >= 0) return undefined; // 二三 is not a number
      num = d;
      continue;
    }
    const small = SMALL_CODE[c];
    if (small !== 0) {
      if (c === NIAN || c === SA) {
        if (num >= 0) return undefined;
        section += small;
      } else section += (num >= 0 ? num : 1) * small;
      num = -1;
      continue;
    }
    const big = BIG_CODE[c];
    if (big !== 0) {
      const part = section + Math.max(num, 0);
      if (part === 0 && total === 0 && num < 0) return undefined; // bare 万
      // 一亿二千万: a smaller 万 after 亿 scales only its own section.
      total = big < lastBig ? total + part * big : (total + part) * big;
      lastBig = big;
      section = 0;
      num = -1;
      continue;
    }
    // A surrogate pair or any other character.
    return undefined;
  }
  return total + section + Math.max(num, 0);
}

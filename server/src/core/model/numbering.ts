// Heading numbering: `一、` `（一）` `1.` `（1）` and the variants writers use.
// GB/T 9704 levels: 一、 → 1, （一） → 2, 1. → 3, （1） → 4; ① is the customary fifth.

export type NumberingStyle =
  | 'han-dun' //      一、  (standard level 1)
  | 'han-dot' //      一.   一．
  | 'han-paren' //    （一） (standard level 2)
  | 'han-halfparen' // (一)
  | 'han-paren-dun' // （一）、 (一)、
  | 'arabic-dot' //   1.  1．(standard level 3)
  | 'arabic-dun' //   1、
  | 'arabic-paren' // （1） (standard level 4)
  | 'arabic-halfparen' // (1)  1)
  | 'circled'; //     ①

export interface Numbering {
  readonly style: NumberingStyle;
  /** The ordinal it writes (一 → 1). */
  readonly value: number;
  /** Length of the marker in the text it was read from (view). */
  readonly length: number;
  /** The level GB/T 9704 gives this family of markers (① is below the four levels). */
  readonly level: NumberingLevel;
}

export type NumberingLevel = 1 | 2 | 3 | 4 | 5;

/** The standard (GB/T 9704) style of each level, and how to write a marker in it. */
export const STANDARD_STYLE: Record<NumberingLevel, NumberingStyle> = {
  1: 'han-dun',
  2: 'han-paren',
  3: 'arabic-dot',
  4: 'arabic-paren',
  5: 'circled',
};

/** The marker `value` written in `style` (`writeMarker('han-paren', 3)` = `（三）`). */
export function writeMarker(style: NumberingStyle, value: number): string {
  const han = hanNumeral(value);
  switch (style) {
    case 'han-dun': return `${han}、`;
    case 'han-dot': return `${han}.`;
    case 'han-paren': return `（${han}）`;
    case 'han-halfparen': return `(${han})`;
    case 'han-paren-dun': return `（${han}）、`;
    case 'arabic-dot': return `${value}.`;
    case 'arabic-dun': return `${value}、`;
    case 'arabic-paren': return `（${value}）`;
    case 'arabic-halfparen': return `(${value})`;
    case 'circled': return CIRCLED[value - 1] ?? `(${value})`;
  }
}

const HAN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (ordinals up to 99). */
export function hanNumeral(n: number): string {
  if (n < 10) return HAN_UNITS[n] || '〇';
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : HAN_UNITS[tens]) + '十' + HAN_UNITS[n % 10];
}

const HAN_DIGIT: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 〇: 0, 零: 0,
};

/** Han numerals by char code (一 … 十, 〇, 零 → their value + 1, so that 0 means none). */
const HAN_CODE = new Uint8Array(0x10000);
for (const [ch, v] of Object.entries(HAN_DIGIT)) HAN_CODE[ch.charCodeAt(0)] = v + 1;

/** 一 … 九十九 written as ordinals. */
export function hanOrdinal(s: string): number | undefined {
  const n = s.length;
  if (!n || n > 3) return undefined;
  if (n === 1) {
    const v = HAN_CODE[s.charCodeAt(0)] - 1;
    return v > 0 ? v : undefined;
  }
  const ten = s.indexOf('十');
  if (ten < 0 || ten > 1) return undefined;
  const tens = ten === 0 ? 1 : HAN_CODE[s.charCodeAt(0)] - 1;
  if (tens <= 0) return undefined;
  if (ten === n - 1) return tens * 10;
  const ones = HAN_CODE[s.charCodeAt(ten + 1)] - 1;
  return ones < 0 ? undefined : tens * 10 + ones;
}

// The lookaheads keep body text out: `1.2亿元` (a decimal), `1、2月份` and `一、二等奖`
// (a 顿号 between numbers is an approximate number or a list of them, not a marker),
// while `一、2024年工作情况` stays a heading (a year has four digits).
const PATTERNS: { re: RegExp; style: NumberingStyle; level: NumberingLevel; han: boolean }[] = [
  { re: /^（([一二三四五六七八九十]{1,3})）、/y, style: 'han-paren-dun', level: 2, han: true },
  { re: /^（([一二三四五六七八九十]{1,3})）/y, style: 'han-paren', level: 2, han: true },
  { re: /^([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十][、等季])/y, style: 'han-dun', level: 1, han: true },
  { re: /^([一二三四五六七八九十]{1,3})[.．](?![0-9一二三四五六七八九十])/y, style: 'han-dot', level: 1, han: true },
  { re: /^（([0-9]{1,2})）/y, style: 'arabic-paren', level: 4, han: false },
  { re: /^([0-9]{1,2})[.．](?![0-9])/y, style: 'arabic-dot', level: 3, han: false },
  { re: /^([0-9]{1,2})、(?![0-9]{1,2}(?![0-9]))/y, style: 'arabic-dun', level: 3, han: false },
  { re: /^([0-9]{1,2})[)）](?![0-9])/y, style: 'arabic-halfparen', level: 4, han: false },
];

const BRACKETED = PATTERNS.filter((p) => p.re.source.startsWith('^（'));
const ARABIC = PATTERNS.filter((p) => p.re.source.startsWith('^([0-9]'));
const HAN = PATTERNS.filter((p) => p.re.source.startsWith('^([一二三四五六七八九十]'));

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * One-character markers that word processors insert: ㈠ (U+3220…) for （一）, ⑴ (U+2474…)
 * for （1）, ⒈ (U+2488…) for 1. They number the same levels as what they stand for, and the
 * numbering-style note rewrites them in the GB/T 9704 form.
 */
const ENCLOSED: { first: number; count: number; style: NumberingStyle; level: NumberingLevel }[] = [
  { first: 0x3220, count: 10, style: 'han-paren', level: 2 },
  { first: 0x2474, count: 20, style: 'arabic-paren', level: 4 },
  { first: 0x2488, count: 20, style: 'arabic-dot', level: 3 },
];

/** The ㈠/⑴/⒈ block that the character code `code` is in, if any. */
function enclosedBlock(code: number): (typeof ENCLOSED)[number] | undefined {
  // Below ⑴ (U+2474) no block starts: most characters are told in one comparison.
  if (code < 0x2474) return undefined;
  for (const x of ENCLOSED) if (code >= x.first && code < x.first + x.count) return x;
  return undefined;
}

/** `marker` written again with ordinal `value` when it is a one-character ㈠/⑴/⒈ marker. */
export function enclosedMarker(marker: string, value: number): string | undefined {
  if (marker.length !== 1) return undefined;
  const e = enclosedBlock(marker.charCodeAt(0));
  return e && value >= 1 && value <= e.count ? String.fromCharCode(e.first + value - 1) : undefined;
}

/**
 * Read a numbering marker at the start of `s` (a view line with its indent removed,
 * so half-width brackets around Chinese are already full-width).
 */
export function readNumbering(s: string, original?: string): Numbering | undefined {
  return readNumberingOf(s, original !== undefined && original[0] === '(');
}

/** ①…⑳ (U+2460…U+2473), contiguous. */
const CIRCLED_FIRST = 0x2460;
/** readNumbering, told by `halfParen` whether the original text opens the marker with a half-width `(`. */
export function readNumberingOf(s: string, halfParen: boolean): Numbering | undefined {
  const code = s.charCodeAt(0);
  if (code >= CIRCLED_FIRST && code < CIRCLED_FIRST + CIRCLED.length) return numberingOf('circled', code - CIRCLED_FIRST + 1, 1, 5);
  const e = enclosedBlock(code);
  if (e) return numberingOf(e.style, code - e.first + 1, 1, e.level);
  // Each pattern starts with a fixed class (（, a Han numeral or a digit): only those that can match are tried.
  const candidates = code === 0xff08 ? BRACKETED : code >= 0x30 && code <= 0x39 ? ARABIC : HAN_CODE[code] >= 2 ? HAN : undefined;
  if (!candidates) return undefined;
  // Where the numeral starts: after an opening （, else at the start.
  const from = code === 0xff08 ? 1 : 0;
  for (let k = 0; k < candidates.length; k++) {
    const p = candidates[k];
    // Tested, not matched: no match array (a check of the 1 M bench report read 8,000 markers,
    // 1 MB of them). The pattern is sticky from 0, so lastIndex is where the marker ends; its
    // numeral is the run of numeral characters after an opening （ (if any), which a character
    // outside the run ends in every pattern.
    p.re.lastIndex = 0;
    if (!p.re.test(s)) continue;
    const length = p.re.lastIndex;
    let value: number | undefined;
    if (p.han) {
      let to = from;
      while (to < s.length && HAN_CODE[s.charCodeAt(to)] >= 2) to++;
      value = hanOrdinal(s.slice(from, to));
    } else {
      value = 0;
      for (let j = from, c = s.charCodeAt(j); c >= 0x30 && c <= 0x39; c = s.charCodeAt(++j)) value = value * 10 + (c - 0x30);
    }
    if (!value) continue;
    let style = p.style;
    // The view turned `(一)` into `（一）`: the original tells which the writer typed.
    if (halfParen) {
      if (style === 'han-paren') style = 'han-halfparen';
      else if (style === 'arabic-paren') style = 'arabic-halfparen';
    }
    return numberingOf(style, value, length, p.level);
  }
  return undefined;
}

/**
 * One Numbering per style, level, value and length, shared by every
 * heading that writes it: no reader changes one, and a report numbers its headings with a few
 * dozen of them (6,591 headings on the 1 M bench report each held its own, 56 bytes).
 */
const NUMBERINGS = new Map<number, Numbering>();
const STYLE_INDEX = new Map<NumberingStyle, number>();

function numberingOf(style: NumberingStyle, value: number, length: number, level: NumberingLevel): Numbering {
  let si = STYLE_INDEX.get(style);
  if (si === undefined) STYLE_INDEX.set(style, (si = STYLE_INDEX.size));
  // value < 100 (two digits or 九十九), length < 256, level < 8: the key is exact; others are not kept.
  if (value >= 100 || length >= 256) return { style, value, length, level };
  const key = (si << 19) | (level << 16) | (value << 8) | length;
  let n = NUMBERINGS.get(key);
  if (!n) NUMBERINGS.set(key, (n = { style, value, length, level }));
  return n;
}

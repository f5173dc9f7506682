// Heading numbering: `一、` `（一）` `1.` `（1）` and the variants writers use.
// GB/T 9704 levels: 一、 → 1, （一） → 2, 1. → 3, （1） → 4.

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
  style: NumberingStyle;
  /** The ordinal it writes (一 → 1). */
  value: number;
  /** Length of the marker in the text it was read from (view). */
  length: number;
  /** The level GB/T 9704 gives this family of markers. */
  level: 1 | 2 | 3 | 4;
}

const HAN_DIGIT: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 〇: 0, 零: 0,
};

/** 一 … 九十九 written as ordinals. */
export function hanOrdinal(s: string): number | undefined {
  if (!s || s.length > 3) return undefined;
  let total = 0;
  if (s.length === 1) return HAN_DIGIT[s] || undefined;
  const ten = s.indexOf('十');
  if (ten < 0) return undefined;
  const tens = ten === 0 ? 1 : HAN_DIGIT[s[0]];
  const ones = ten === s.length - 1 ? 0 : HAN_DIGIT[s[ten + 1]];
  if (!tens || ones === undefined || (ten > 1)) return undefined;
  total = tens * 10 + ones;
  return total;
}

const PATTERNS: { re: RegExp; style: NumberingStyle; level: 1 | 2 | 3 | 4; han: boolean }[] = [
  { re: /^（([一二三四五六七八九十]{1,3})）、/, style: 'han-paren-dun', level: 2, han: true },
  { re: /^（([一二三四五六七八九十]{1,3})）/, style: 'han-paren', level: 2, han: true },
  { re: /^([一二三四五六七八九十]{1,3})、/, style: 'han-dun', level: 1, han: true },
  { re: /^([一二三四五六七八九十]{1,3})[.．](?![0-9])/, style: 'han-dot', level: 1, han: true },
  { re: /^（([0-9]{1,2})）/, style: 'arabic-paren', level: 4, han: false },
  { re: /^([0-9]{1,2})[.．](?![0-9])/, style: 'arabic-dot', level: 3, han: false },
  { re: /^([0-9]{1,2})、/, style: 'arabic-dun', level: 3, han: false },
  { re: /^([0-9]{1,2})\)(?![0-9])/, style: 'arabic-halfparen', level: 4, han: false },
];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * Read a numbering marker at the start of `s` (a view line with its indent removed,
 * so half-width brackets around Chinese are already full-width).
 */
export function readNumbering(s: string, original?: string): Numbering | undefined {
  const circled = CIRCLED.indexOf(s[0]);
  if (circled >= 0) return { style: 'circled', value: circled + 1, length: 1, level: 4 };
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const value = p.han ? hanOrdinal(m[1]) : Number(m[1]);
    if (!value) continue;
    let style = p.style;
    // The view turned `(一)` into `（一）`: the original tells which the writer typed.
    if (original !== undefined && original[0] === '(') {
      if (style === 'han-paren') style = 'han-halfparen';
      else if (style === 'arabic-paren') style = 'arabic-halfparen';
    }
    return { style, value, length: m[0].length, level: p.level };
  }
  return undefined;
}

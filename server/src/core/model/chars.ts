// Character classes used throughout the model. Code points, not code units, so
// CJK Ext. B names (𠀾) are Han too.

export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007 // 〇
  );
}

/** Is the code point at `i` (a UTF-16 index) a Han character? */
export function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && isHanCode(cp);
}

/** The Han character ending just before index `i`, or '' (handles surrogate pairs). */
export function hanBefore(text: string, i: number): string {
  if (i <= 0) return '';
  let start = i - 1;
  const c = text.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff && start > 0) {
    const h = text.charCodeAt(start - 1);
    if (h >= 0xd800 && h <= 0xdbff) start--;
  }
  const ch = text.slice(start, i);
  return isHanCode(ch.codePointAt(0)!) ? ch : '';
}

/** Full-width CJK punctuation that ends or separates Chinese clauses. */
export const CJK_PUNCT = '，。、；：？！“”‘’《》（）【】…—～·「」『』〔〕';

export function isCjkPunct(ch: string): boolean {
  return ch.length > 0 && CJK_PUNCT.includes(ch);
}

/** Han or CJK punctuation: "Chinese text" for the purpose of punctuation rules. */
export function isChineseAt(text: string, i: number): boolean {
  return isHanAt(text, i) || isCjkPunct(text[i] ?? '');
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Za-z]$/.test(ch);
}

/** A table by char code: 1 for each of `chars` (single UTF-16 units), 0 for every other. */
export function charTable(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** A character of the regex class `\s` (ECMAScript WhiteSpace and LineTerminator), by code. */
export function isSpaceCode(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** isSpaceCode by char code, one load per character for loops over long stretches (1 for a `\s` unit, else 0). */
export const SPACE_TABLE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) SPACE_TABLE[c] = 1;

/** Does view text `s` hold a `\s` character in [from, to)? */
export function hasSpaceIn(s: string, from: number, to: number): boolean {
  return anyCharIn(s, from, to, SPACE_TABLE);
}

/** Does s[from, to) hold a character of `table` (a charTable)? By char code, no slice. */
export function anyCharIn(s: string, from: number, to: number, table: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (table[s.charCodeAt(k)]) return true;
  return false;
}

/** Length of the run of `\s` characters at the start of `s` (what the pattern ^\s* matches), without a regex. */
export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

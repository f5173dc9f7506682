// Terminal columns of text, for underlining a span under its source line. A Han character,
// a full-width mark (，。“” in their full-width forms, U+3000) or a wide emoji takes two
// columns; combining marks, joiners and variation selectors none. East Asian "ambiguous"
// characters (“ ” … ·) count as narrow, as the terminals in common use draw them (Unicode
// TR11: narrow when the context is unknown). The width table is get-east-asian-width
// (4.6 KB minified), generated from Unicode's EastAsianWidth.txt.
import { eastAsianWidth } from 'get-east-asian-width';

/** Characters drawn as something visible in a code frame, so the underline has a place. */
const SHOWN_AS: Record<number, string> = { 0x09: '    ' };
/** Zero-width and format characters (zero-width space, joiners, BOM, soft hyphen, bidi controls). */
const INVISIBLE = /^[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]$/;
/** Marks that draw on the character before them: no column of their own. */
const ZERO_WIDTH = /^(?:[\p{Mn}\p{Me}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]|\u200d)$/u;

/** Columns one code point takes in a terminal. */
export function codePointWidth(ch: string): 0 | 1 | 2 {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (ZERO_WIDTH.test(ch) || INVISIBLE.test(ch)) return 0;
  return eastAsianWidth(cp);
}

/** Columns a string takes in a terminal (no escape sequences in it). */
export function stringWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += codePointWidth(ch);
  return w;
}

/** One visible cell of a source line as a code frame draws it. */
export interface Cell {
  /** UTF-16 offset of the character in the line. */
  offset: number;
  /** What is drawn: the character, or a visible stand-in for a tab, control or invisible character. */
  text: string;
  width: number;
}

/**
 * A source line as drawn in a code frame: tabs become four spaces, control characters
 * their Unicode control pictures (␀…␟, ␡), invisible characters ␣, so that every
 * character a finding can point at takes at least one column.
 */
export function cells(line: string): Cell[] {
  const out: Cell[] = [];
  let offset = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    let text = SHOWN_AS[cp];
    if (text === undefined) {
      if (cp < 0x20) text = String.fromCharCode(0x2400 + cp);
      else if (cp === 0x7f) text = '\u2421';
      else if (cp >= 0x80 && cp < 0xa0) text = '\ufffd';
      else if (INVISIBLE.test(ch)) text = '\u2423';
      else text = ch;
    }
    out.push({ offset, text, width: text === ch ? codePointWidth(ch) : stringWidth(text) });
    offset += ch.length;
  }
  return out;
}

// What the typography rules read, decided once per document version: a mask over the
// ORIGINAL text marking pinyin annotations, garbled runs, page-boilerplate lines and
// tokens that are not Chinese prose (URLs, e-mail, code, Markdown link targets), plus
// the character classes those rules share.
import type { ReportDocument } from '../../model/document';
import { isHanAt } from '../../model/chars';

export const ANNOTATION = 1;
export const GARBLED = 2;
export const BOILERPLATE = 4;
export const TOKEN = 8;

export interface Scope {
  mask: Uint8Array;
  /** Annotation, garbled or token: not prose at all. */
  skip(i: number): boolean;
}

// ASCII runs that are machine text, not prose. Linear patterns (no nested quantifiers).
const TOKENS = new RegExp(
  [
    '(?:https?|ftp)://[!-~]+', // URL (ASCII printable; trailing punctuation trimmed below)
    'www\\.[A-Za-z0-9-]+(?:\\.[!-~]+)?',
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+', // e-mail
    '`[^`\\n]*`', // Markdown code
    '\\]\\([^()\\s]*\\)', // Markdown link target
    '[A-Za-z_][A-Za-z0-9_-]*(?:(?:\\.|::|->)[A-Za-z0-9_-]+)+(?:\\(\\))?', // a.b.c, file.txt, ns::f
  ].join('|'),
  'g',
);

export function scope(doc: ReportDocument): Scope {
  return doc.memo('punct:scope', () => {
    const text = doc.text;
    const mask = new Uint8Array(text.length + 1);
    for (const a of doc.annotations) mask.fill(ANNOTATION, a.start, a.end);
    for (const g of doc.garbled) for (let i = g.start; i < g.end; i++) mask[i] |= GARBLED;
    for (const li of doc.boilerplate) {
      const l = doc.lines[li];
      for (let i = l.start; i < l.end; i++) mask[i] |= BOILERPLATE;
    }
    TOKENS.lastIndex = 0;
    for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
      let end = m.index + m[0].length;
      // A URL or name does not end with sentence punctuation: `见www.a.cn.` keeps its `.`.
      while (end > m.index + 1 && /[.,;:!?)]/.test(text[end - 1]) && !/^[`\]]/.test(m[0]) && !m[0].endsWith('()')) end--;
      for (let i = m.index; i < end; i++) mask[i] |= TOKEN;
    }
    return {
      mask,
      skip: (i: number) => (mask[i] & (ANNOTATION | GARBLED | TOKEN)) !== 0,
    };
  });
}

/** Closing CJK punctuation that ends a Chinese phrase (a following `,` belongs to Chinese). */
const CJK_CLOSERS = '”’》）】」』〉…—。，、；：？！%％';
/** Opening CJK punctuation that starts a Chinese phrase. */
const CJK_OPENERS = '“‘《（【「『〈';

/** Han, or CJK punctuation. */
export function isChineseChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  if (isHanAt(text, i)) return true;
  // The low half of a surrogate pair: look at the pair.
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHanAt(text, i - 1)) return true;
  const ch = text[i];
  return CJK_CLOSERS.includes(ch) || CJK_OPENERS.includes(ch) || ch === '\ufffd';
}

export function isOpenerCjk(ch: string): boolean {
  return CJK_OPENERS.includes(ch);
}

export function isLatinOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** Index of the nearest non-space character before `i` on the same line, or -1. */
export function prevIndex(text: string, i: number, lineStart: number, s?: Scope): number {
  let k = i - 1;
  while (k >= lineStart && (isSpace(text[k]) || (s && s.mask[k] & ANNOTATION))) k--;
  return k >= lineStart ? k : -1;
}

/** Index of the nearest non-space character after `i` on the same line, or -1. */
export function nextIndex(text: string, i: number, lineEnd: number, s?: Scope): number {
  let k = i + 1;
  while (k < lineEnd && (isSpace(text[k]) || (s && s.mask[k] & ANNOTATION))) k++;
  return k < lineEnd ? k : -1;
}

/**
 * Length of a list marker at `i` such as `1)`, `a)`, `(1)`, `（一）`, `1、`, `一、`, `①`
 * when it stands where a list item starts (line start, or after a CJK colon/semicolon/
 * space); 0 otherwise. Pair checking and half-width rules leave such markers to the
 * outline rules.
 */
export function listMarkerAt(text: string, i: number, lineStart: number): number {
  const before = prevIndex(text, i, lineStart);
  if (before >= 0 && !'：；:;，。'.includes(text[before])) return 0;
  const m = /^(?:[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])[)）]|(?:\d{1,2}|[A-Za-z])[)）])/.exec(text.slice(i, i + 6));
  return m ? m[0].length : 0;
}

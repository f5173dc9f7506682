// What the typography rules read, decided once per document version: a mask over the
// ORIGINAL text marking pinyin annotations, garbled runs, page-boilerplate lines and
// tokens that are not Chinese prose (URLs, e-mail, code, Markdown syntax: markdown.ts), plus
// the character classes those rules share.
import type { ReportDocument } from './document';
import type { Line } from './lines';
import type { Report } from '../types';
import { hasSpaceIn, isHanAt, isHanCode } from './chars';
import { markdownSpans } from './markdown';
import { scriptData } from '../script/data';
import { MAX_KEPT, type ScriptTally } from '../script/mixing';

export const ANNOTATION = 1;
export const GARBLED = 2;
export const BOILERPLATE = 4;
export const TOKEN = 8;
/** What Scope.skip skips (annotation, garbled, token): for hot loops that read the mask themselves. */
export const SKIPPED = ANNOTATION | GARBLED | TOKEN;

export interface Scope {
  mask: Uint8Array;
  /** Annotation, garbled or token: not prose at all. */
  skip(i: number): boolean;
  /**
   * Where the next character of a class (PAIR_MARK, HALF_MARK, STRAY_SPACE, FULL_DIGIT, DASH) is at or after a
   * position, or text.length: a new finder (positions asked for must not decrease), read from
   * the one pass over the text that scope() makes for every typography scan.
   */
  finder(cls: number): (from: number) => number;
  /**
   * The unambiguous simplified and traditional characters of the whole text (mask not
   * applied), counted by the same pass: text/script-mixing's evidence, handed over once
   * (undefined after: the positions are not kept with the scope).
   */
  takeScript(): ScriptTally | undefined;
}

/**
 * The characters the typography scans look for, by class (bits): found in one pass over the
 * text, instead of a pass per rule (a class pattern or a loop over every character each).
 */
export const PAIR_MARK = 1; // the paired marks of punct/pairs.ts
export const HALF_MARK = 2; // the half-width marks punct/halfwidth reads, and the straight quote
export const STRAY_SPACE = 4; // the spaces and invisible characters text/stray-space reads
const TRIGGER = 8; // what starts a token (tokenSpans)
const MD_SPECIAL = 16; // what Markdown syntax holds (markdown.ts)
export const FULL_DIGIT = 32; // ０-９ (numbers/fullwidth-digit)
export const DASH = 64; // the marks of a range (punct/range)
export const PAIR_MARKS = '“”‘’《》〈〉（）()【】「」『』';
const CLASS = new Uint8Array(0x10000);
const classOf = (chars: string, bit: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit;
};
classOf(PAIR_MARKS, PAIR_MARK);
classOf(',.:;?!()"', HALF_MARK);
classOf(' \u3000\u00a0\u202f\u205f\u2060\ufeff\u00ad\u180e', STRAY_SPACE);
for (let c = 0x2002; c <= 0x200d; c++) CLASS[c] |= STRAY_SPACE; // \u2002-\u200a, \u200b-\u200d
classOf(':wW@`].-', TRIGGER);
classOf('`<]', MD_SPECIAL);
classOf('０１２３４５６７８９', FULL_DIGIT);
classOf('-–~〜－', DASH);

/** Offsets of the text's characters that have a class, in order, with their classes. */
interface CharIndex {
  at: Int32Array;
  cls: Uint8Array;
  /** The entries that have a class of SPARSE (of 99,000 entries on the bench report, 10,000): what their finders walk. */
  sparse: { at: Int32Array; cls: Uint8Array };
  /** The text's length: what a finder answers past the last one. */
  end: number;
}

/** The classes few characters have (all but the paired and the half-width marks, which are most of the index). */
const SPARSE = STRAY_SPACE | TRIGGER | MD_SPECIAL | FULL_DIGIT | DASH;

/** The entries of at/cls[0, n) that have a class of SPARSE, in order (one pass to count them, one to copy). */
function sparseOf(at: Int32Array, cls: Uint8Array, n: number): { at: Int32Array; cls: Uint8Array } {
  let m = 0;
  for (let j = 0; j < n; j++) if (cls[j] & SPARSE) m++;
  const sAt = new Int32Array(m);
  const sCls = new Uint8Array(m);
  for (let j = 0, o = 0; j < n; j++) {
    if (cls[j] & SPARSE) {
      sAt[o] = at[j];
      sCls[o++] = cls[j];
    }
  }
  return { at: sAt, cls: sCls };
}

/** TRADITIONAL or SIMPLIFIED in a unit's entry of CHARS: an unambiguous character of that script (script/data.ts kinds 1 and 2). */
const TRADITIONAL = 0x100;
const SIMPLIFIED = 0x200;
let charsTable: Uint16Array | undefined;
let charsTableOf: Uint8Array | undefined;

/**
 * Per UTF-16 unit, what indexChars does with it: its class (CLASS, the low byte), else whether
 * it is an unambiguous traditional or simplified character: one lookup a character, where a
 * lookup in CLASS, a comparison and a lookup in the script's kinds were three steps.
 */
function charsTableFor(kinds: Uint8Array): Uint16Array {
  if (charsTable && charsTableOf === kinds) return charsTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = CLASS[c] ? CLASS[c] : c < 0x3400 ? 0 : kinds[c] === 1 ? TRADITIONAL : kinds[c] === 2 ? SIMPLIFIED : 0;
  charsTableOf = kinds;
  return (charsTable = t);
}

function indexChars(text: string): CharIndex & { script: ScriptTally } {
  const len = text.length;
  let at = new Int32Array((len >> 4) + 16);
  let cls = new Uint8Array(at.length);
  let n = 0;
  // The script's evidence, in the same pass (script/mixing.ts scriptProfileOf; none has a class).
  const table = charsTableFor(scriptData().kinds);
  let traditional = 0;
  let simplified = 0;
  let firstSimplified = len;
  let tradAt = new Int32Array(64);
  let kept = 0;
  for (let i = 0; i < len; i++) {
    const k = table[text.charCodeAt(i)];
    if (k === 0) continue;
    if (k > 0xff) {
      if (k === TRADITIONAL) {
        if (traditional++ < MAX_KEPT) {
          if (kept === tradAt.length) {
            const a = new Int32Array(kept * 2);
            a.set(tradAt);
            tradAt = a;
          }
          tradAt[kept++] = i;
        }
      } else if (simplified++ === 0) firstSimplified = i;
      continue;
    }
    if (n === at.length) {
      const a = new Int32Array(n * 2);
      a.set(at);
      at = a;
      const c = new Uint8Array(n * 2);
      c.set(cls);
      cls = c;
    }
    at[n] = i;
    cls[n++] = k;
  }
  // Kept with the scope as long as the analysis: no spare capacity.
  const script = { traditional, simplified, firstSimplified, tradAt, tradCount: kept, tradKept: traditional <= MAX_KEPT };
  return { at: at.slice(0, n), cls: cls.slice(0, n), sparse: sparseOf(at, cls, n), end: len, script };
}

/**
 * A finder over the index for one class (nextFinder's contract): a class of SPARSE walks only
 * the entries that have one of those (each of the seven finders walked the whole index, 2 ms
 * on the bench report where five of them find a few hundred places).
 */
function classFinder(ix: CharIndex, bit: number): (from: number) => number {
  const { at, cls } = bit & SPARSE && !(bit & ~SPARSE) ? ix.sparse : ix;
  const end = ix.end;
  const count = at.length;
  let k = 0;
  return (from) => {
    while (k < count && (at[k] < from || !(cls[k] & bit))) k++;
    return k < count ? at[k] : end;
  };
}

/** Findings per rule per document: a pasted 1 MB page needs a sample, not 500,000. */
export const MAX_FINDINGS = 5000;

/**
 * The ASCII classes tokenSpans grows over, one bit each, by char code: a table lookup per
 * character instead of a one-character string and a pattern test (a decimal point after a
 * digit is a trigger: the bench report has thousands).
 */
const URL_CHAR = 1; // [!-~]
const WORD = 2; // [A-Za-z0-9_]
const TOKEN_CHAR = 4; // [A-Za-z0-9_-]
const MAIL_LOCAL = 8; // [A-Za-z0-9._%+-]
const MAIL_DOMAIN = 16; // [A-Za-z0-9.-]
const TRAILING = 32; // [.,;:!?)]: sentence punctuation after a URL or name
const LETTER = 64; // [A-Za-z]
const NAME_START = 128; // [A-Za-z_]
const ASCII_CLASS = new Uint8Array(0x80);
{
  const add = (chars: string, bit: number) => {
    for (const ch of chars) ASCII_CLASS[ch.charCodeAt(0)] |= bit;
  };
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const alnum = letters + '0123456789';
  for (let c = 0x21; c <= 0x7e; c++) ASCII_CLASS[c] |= URL_CHAR;
  add(alnum + '_', WORD);
  add(alnum + '_-', TOKEN_CHAR);
  add(alnum + '._%+-', MAIL_LOCAL);
  add(alnum + '.-', MAIL_DOMAIN);
  add('.,;:!?)', TRAILING);
  add(letters, LETTER);
  add(letters + '_', NAME_START);
}

/** Is text[k] an ASCII character of class `bit`? (No character outside the text is.) */
function asciiIs(text: string, k: number, bit: number): boolean {
  const c = text.charCodeAt(k);
  return c < 0x80 && (ASCII_CLASS[c] & bit) !== 0;
}

/** The memo key of a version's scope (read without building it: script-mixing; dropped when a run ends: run/incremental.ts). */
export const SCOPE_KEY = 'punct:scope';

/**
 * ASCII runs that are machine text, not prose: URLs, e-mail addresses, Markdown code and
 * link targets, dotted names (config.json, fs.readFile(), std::vector). Found from their
 * trigger characters with bounded expansion and a high-water mark, so the scan is O(n)
 * on any input (no regex that can fail late at every position).
 */
export function tokenSpans(text: string, triggerFrom: (from: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let covered = 0;
  const add = (s: number, e: number) => {
    // Sentence punctuation after a URL or name is not part of it (`见www.a.cn.`).
    while (e > s + 1 && asciiIs(text, e - 1, TRAILING) && !(text[e - 1] === ')' && text[e - 2] === '(')) e--;
    if (e > s) {
      out.push([s, e]);
      covered = Math.max(covered, e);
    }
  };
  const grow = (from: number, cls: number, limit: number) => {
    let e = from;
    while (e < text.length && e - from < limit && asciiIs(text, e, cls)) e++;
    return e;
  };
  const back = (from: number, cls: number, limit: number) => {
    let s = from;
    while (s > 0 && from - s < limit && asciiIs(text, s - 1, cls)) s--;
    return s;
  };
  // Only the ASCII triggers matter, found from the scope's index (Chinese text has few of them).
  for (let i = triggerFrom(0); i < text.length; i = triggerFrom(i + 1)) {
    if (i < covered) continue;
    const c = text[i];
    if (c === ':' && text[i + 1] === '/' && text[i + 2] === '/') {
      const s = back(i, LETTER, 10);
      if (s < i) add(s, grow(i, URL_CHAR, 4096));
    } else if ((c === 'w' || c === 'W') && /^www\./i.test(text.slice(i, i + 4)) && !asciiIs(text, i - 1, WORD)) {
      add(i, grow(i, URL_CHAR, 4096));
    } else if (c === '@') {
      const s = back(i, MAIL_LOCAL, 64);
      const e = grow(i + 1, MAIL_DOMAIN, 255);
      if (s < i && text.slice(i + 1, e).includes('.')) add(s, e);
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close > 0 && (nl < 0 || close < nl)) add(i, close + 1);
    } else if (c === ']' && text[i + 1] === '(') {
      const close = text.indexOf(')', i + 2);
      if (close > 0 && close - i < 4096 && !hasSpaceIn(text, i + 2, close)) add(i, close + 1);
    } else if ((c === '.' || (c === ':' && text[i + 1] === ':') || (c === '-' && text[i + 1] === '>')) && asciiIs(text, i - 1, WORD)) {
      const s = back(i, TOKEN_CHAR, 64);
      const step = c === '.' ? 1 : 2;
      if (!asciiIs(text, s, NAME_START) || !asciiIs(text, i + step, WORD)) continue;
      // Extend over further .name / ::name / ->name parts and a trailing ().
      let e = i;
      for (let parts = 0; parts < 8; parts++) {
        const st = text[e] === '.' ? 1 : (text[e] === ':' && text[e + 1] === ':') || (text[e] === '-' && text[e + 1] === '>') ? 2 : 0;
        if (!st || !asciiIs(text, e + st, TOKEN_CHAR)) break;
        e = grow(e + st, TOKEN_CHAR, 64);
      }
      if (text[e] === '(' && text[e + 1] === ')') e += 2;
      add(s, e);
    }
  }
  return out;
}

export function scope(doc: ReportDocument): Scope {
  return doc.memo(SCOPE_KEY, () => {
    const text = doc.text;
    const mask = new Uint8Array(text.length + 1);
    const { script, ...chars } = indexChars(text);
    let tally: ScriptTally | undefined = script;
    // Annotations are a few characters each: a loop, not a fill() call per annotation. Indexed
    // loops: this runs once per version, mostly unoptimised, where a for…of step makes an iterator result.
    const { starts, ends } = doc.annotations;
    for (let k = 0; k < starts.length; k++) for (let i = starts[k], e = ends[k]; i < e; i++) mask[i] = ANNOTATION;
    const garbled = doc.garbled;
    for (let k = 0; k < garbled.length; k++) for (let i = garbled[k].start, e = garbled[k].end; i < e; i++) mask[i] |= GARBLED;
    for (const li of doc.boilerplate) {
      const l = doc.lines[li];
      for (let i = l.start; i < l.end; i++) mask[i] |= BOILERPLATE;
    }
    for (const [a, b] of tokenSpans(text, classFinder(chars, TRIGGER))) for (let i = a; i < b; i++) mask[i] |= TOKEN;
    for (const [a, b] of markdownSpans(text, doc.lines, classFinder(chars, MD_SPECIAL))) for (let i = a; i < b; i++) mask[i] |= TOKEN;
    return {
      mask,
      skip: (i: number) => (mask[i] & SKIPPED) !== 0,
      finder: (cls: number) => classFinder(chars, cls),
      takeScript: () => {
        const t = tally;
        tally = undefined;
        return t;
      },
    };
  });
}

/** Closing CJK punctuation that ends a Chinese phrase (a following `,` belongs to Chinese). */
const CJK_CLOSERS = '”’》）】」』〉…—。，、；：？！%％';
/** Opening CJK punctuation that starts a Chinese phrase. */
const CJK_OPENERS = '“‘《（【「『〈';

/**
 * Per BMP code unit: 1 for a Han character of the BMP (isHanCode) or CJK punctuation
 * (CJK_CLOSERS, CJK_OPENERS, U+FFFD); 2 more for an opener. Surrogates are 0 (read as a pair).
 * The classes by char code: `text[i]` makes a string for every non-Latin-1 character read.
 */
const CHINESE = new Uint8Array(0x10000);
const OPENER = 2;
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) CHINESE[c] = isHanCode(c) ? 1 : 0;
for (const ch of CJK_CLOSERS + '\ufffd') CHINESE[ch.charCodeAt(0)] = 1;
for (const ch of CJK_OPENERS) CHINESE[ch.charCodeAt(0)] = 1 | OPENER;

/** Han, or CJK punctuation. */
export function isChineseChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return CHINESE[c] !== 0;
  // A high surrogate: the pair's code point; the low half of a pair: look at the pair.
  if (c <= 0xdbff) return isHanAt(text, i);
  return i > 0 && isHanAt(text, i - 1);
}

export function isOpenerCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && (CHINESE[ch.charCodeAt(0)] & OPENER) !== 0;
}

/** isOpenerCjk(text[i]) by char code. */
export function isOpenerCjkAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && (CHINESE[text.charCodeAt(i)] & OPENER) !== 0;
}

export function isLatinOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** isSpace(text[i]) by char code (NaN past the text is no space). */
export function isSpaceCodeAt(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** Index of the nearest non-space character before `i` on the same line, or -1. */
export function prevIndex(text: string, i: number, lineStart: number, s?: Scope): number {
  let k = i - 1;
  while (k >= lineStart && (isSpaceCodeAt(text.charCodeAt(k)) || (s && s.mask[k] & ANNOTATION))) k--;
  return k >= lineStart ? k : -1;
}

/** Index of the nearest non-space character after `i` on the same line, or -1. */
export function nextIndex(text: string, i: number, lineEnd: number, s?: Scope): number {
  let k = i + 1;
  while (k < lineEnd && (isSpaceCodeAt(text.charCodeAt(k)) || (s && s.mask[k] & ANNOTATION))) k++;
  return k < lineEnd ? k : -1;
}

/**
 * Length of a list marker at `i` such as `1)`, `a)`, `(1)`, `（一）`, `1、`, `一、`, `①`
 * when it stands where a list item starts (line start, or after a CJK colon/semicolon/
 * space); 0 otherwise. Pair checking and half-width rules leave such markers to the
 * outline rules.
 */
export function listMarkerAt(text: string, i: number, lineStart: number): number {
  // A marker begins with a bracket, a digit or a Latin letter: most characters are told here.
  const c = text.charCodeAt(i);
  if (!(c === 0x28 || c === 0xff08 || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) return 0;
  const before = prevIndex(text, i, lineStart);
  if (before >= 0 && !'：；:;，。'.includes(text[before])) return 0;
  const m = /^(?:[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])[)）]|(?:\d{1,2}|[A-Za-z])[)）])/.exec(text.slice(i, i + 6));
  return m ? m[0].length : 0;
}

/**
 * Where the next occurrence of `needs` (a string, found by indexOf, or a pattern that matches
 * one UTF-16 unit) is at or after a position, or text.length: one native scan, reused while
 * the positions asked for stay behind it, so that a rule reads only the lines (and the
 * stretches of a line) where its characters are. The positions asked for must not decrease.
 */
export function nextFinder(text: string, needs: string | RegExp): (from: number) => number {
  const re = typeof needs === 'string' ? undefined : new RegExp(needs.source, 'g');
  let next = -1;
  return (from) => {
    if (next < from) {
      if (re) {
        re.lastIndex = from;
        // test() makes no match object; the match is one character, ending at lastIndex.
        next = re.test(text) ? re.lastIndex - 1 : text.length;
      } else {
        const k = text.indexOf(needs as string, from);
        next = k < 0 ? text.length : k;
      }
    }
    return next;
  };
}

/** `ctx.report` that stops after MAX_FINDINGS findings of one rule. */
export function capped(ctx: { report(r: Report): void }): (r: Report) => void {
  let n = 0;
  return (r) => {
    if (n++ < MAX_FINDINGS) ctx.report(r);
  };
}

/**
 * Every match of a global pattern in the lines punctuation rules read (non-empty, not page
 * boilerplate), with its line, handed to `visit`. `needs`: what every match holds (a string, or a pattern of one UTF-16 unit), or a
 * finder of a place every match starts at or holds (a Scope.finder); a line without it is passed over before its text is made.
 * A callback, not a generator: a generator made an iterator result and a tuple per match, and the loop runs once per version, mostly unoptimised.
 */
export function eachLineMatch(doc: ReportDocument, s: Scope, re: RegExp, needs: string | RegExp | ((from: number) => number), visit: (line: Line, str: string, m: RegExpExecArray) => void): void {
  const text = doc.text;
  const next = typeof needs === 'function' ? needs : nextFinder(text, needs);
  const width = typeof needs === 'string' ? needs.length : 1;
  const lines = doc.lines;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.end === line.start || s.mask[line.start] & BOILERPLATE) continue;
    // The first occurrence at or after the line's start: past the line, none is in it.
    if (next(line.start) + width > line.end) continue;
    const str = text.slice(line.start, line.end);
    re.lastIndex = 0;
    for (let m = re.exec(str); m; m = re.exec(str)) visit(line, str, m);
  }
}

// Pinyin annotations pasted from web pages: 當(dāng)前位置. An annotation is a
// parenthesised Hanyu Pinyin syllable that either carries a tone mark, or — without
// one — is a reading of the Han character right before it. So `(a)` list labels and
// English words in brackets are never taken.
import readingTable from 'workreport-data:pinyin';
import { hanBefore } from './chars';
import { foldChar } from './fold';
import type { Span } from '../types';
import { PackedSpanBuilder, PackedSpans } from './spans';

const TONED: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v',
  ü: 'v', ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};

const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL =
  '(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)';
const SYLLABLE = new RegExp(`^(?:${INITIAL}${FINAL}|ng|m|n|hm|hng)$`);

/** An annotation: its span and syllable (whether it carries a tone mark is read while it is found, and not kept: no reader asks, and a pasted page has one every 30 characters). */
export interface PinyinAnnotation extends Span {
  /** The syllable as written, e.g. `dāng`. */
  syllable: string;
}

/**
 * A text's annotations, in text order, packed (spans.ts): a version keeps two Int32Arrays,
 * no object per annotation; the syllable is read again from the text when asked (it is what
 * is between the brackets).
 */
export class PinyinAnnotations extends PackedSpans {
  constructor(
    readonly text: string,
    starts: Int32Array,
    ends: Int32Array,
  ) {
    super(starts, ends);
  }

  /** The k-th syllable as written, e.g. `dāng` (a new string: rules key by syllableKey instead). */
  syllable(k: number): string {
    return this.text.slice(this.starts[k] + 1, this.ends[k] - 1);
  }

  override at(k: number): PinyinAnnotation {
    return { start: this.starts[k], end: this.ends[k], syllable: this.syllable(k) };
  }

  override *[Symbol.iterator](): Iterator<PinyinAnnotation> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }
}

/** Strip tone marks; ü → v. Returns '' when a character is not a pinyin letter. */
export function plainSyllable(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') out += ch;
    else if (TONED[ch]) out += TONED[ch];
    else return '';
  }
  return out;
}

let readings: Map<string, Set<string>> | undefined;

/** Character → toneless readings, from pinyin-pro's data (computed at build time, scripts/data/tables.mjs). */
function readingMap(): Map<string, Set<string>> {
  if (readings) return readings;
  readings = new Map();
  for (const [syllable, chars] of Object.entries(readingTable)) {
    for (const ch of chars) {
      let r = readings.get(ch);
      if (!r) readings.set(ch, (r = new Set()));
      r.add(syllable);
    }
  }
  return readings;
}

const NONE: ReadonlySet<string> = new Set();

const merged = new Map<string, ReadonlySet<string>>();

/** Toneless readings of one Han character (traditional folded first): the whole table, for the tests that hold it to pinyin-pro (matchAt asks hasReading). */
export function readingsOf(han: string): ReadonlySet<string> {
  const m = readingMap();
  const own = m.get(han) ?? NONE;
  const folded = foldChar(han);
  const other = folded === han ? undefined : m.get(folded);
  if (!other) return own;
  let both = merged.get(han);
  if (!both) merged.set(han, (both = new Set([...own, ...other])));
  return both;
}

/** By toneless syllable, the characters read so (readingTable's string as a set), made when the syllable is first asked about. */
const BY_SYLLABLE = new Map<string, ReadonlySet<string>>();

/**
 * readingsOf(han).has(plain), without the table of every character's readings: an
 * annotation asks about one syllable, and a pasted page holds a few hundred of them
 * (building the whole table was most of what the first check of a process allocated).
 */
export function hasReading(han: string, plain: string): boolean {
  let chars = BY_SYLLABLE.get(plain);
  if (!chars) BY_SYLLABLE.set(plain, (chars = Object.hasOwn(readingTable, plain) ? new Set(readingTable[plain]) : NONE));
  if (chars.has(han)) return true;
  const folded = foldChar(han);
  return folded !== han && chars.has(folded);
}

const MAX_SYLLABLE = 7; // zhuang + a tone mark is 6

/**
 * What was between brackets, read (letters, tone, SYLLABLE), kept across documents: pasted
 * pages repeat the same few hundred syllables, and every check of a version read them again.
 * At most READ_MAX entries (each at most MAX_SYLLABLE characters): past that, new ones are
 * read each time (a hostile text cannot grow it).
 */
const READ = new Map<number, Syllable | null>();
const READ_MAX = 8192;

/**
 * Each letter a syllable can be written with (a-z, the toned letters and ü) by char code,
 * numbered 1…63: what is between the brackets (at most 8 of them) is then one number, six
 * bits a letter, the key READ keeps it under: no string is cut or hashed per bracket. 0: no
 * pinyin letter (no syllable, readSyllable's null).
 */
const LETTER = new Uint8Array(0x1e40);
{
  let k = 0;
  for (let c = 0x61; c <= 0x7a; c++) LETTER[c] = ++k;
  for (const ch of Object.keys(TONED)) LETTER[ch.charCodeAt(0)] = ++k;
}

/**
 * The k-th annotation's syllable as one number, the same for every annotation that writes it
 * the same (its letters' LETTER numbers, six bits each, at most 8 letters: below 2^48, exact):
 * a key that makes no string.
 */
export function syllableKey(annotations: PinyinAnnotations, k: number): number {
  const text = annotations.text;
  let key = 0;
  let scale = 1;
  for (let i = annotations.starts[k] + 1, e = annotations.ends[k] - 1; i < e; i++) {
    key += LETTER[text.charCodeAt(i)] * scale;
    scale *= 64;
  }
  return key;
}

export function findPinyinAnnotations(text: string): PinyinAnnotations {
  const out = new PackedSpanBuilder();
  const read = READ;
  let i = text.indexOf('(');
  let j = text.indexOf('（');
  // Walk every opening bracket of either width, in order.
  while (i >= 0 || j >= 0) {
    const at = i < 0 ? j : j < 0 ? i : Math.min(i, j);
    const end = matchAt(text, at, read);
    if (end >= 0) out.push(at, end);
    if (at === i) i = text.indexOf('(', at + 1);
    else j = text.indexOf('（', at + 1);
  }
  const [starts, ends] = out.finish();
  return new PinyinAnnotations(text, starts, ends);
}

/** `(` or `（` (char codes: no one-character strings in the scan). */
const isOpenCode = (c: number) => c === 0x28 || c === 0xff08;
const isCloseCode = (c: number) => c === 0x29 || c === 0xff09;
const U_UMLAUT = 0xfc; // ü

/** What is between the brackets, read: the plain (toneless) syllable, and whether a tone mark is written. */
interface Syllable {
  plain: string;
  toned: boolean;
}

/** plainSyllable(raw) in one pass, noting a tone mark (any TONED letter but ü); null when it is no syllable. */
function readSyllable(raw: string): Syllable | null {
  let plain = '';
  let toned = false;
  for (let p = 0; p < raw.length; p++) {
    const c = raw.charCodeAt(p);
    if (c >= 0x61 && c <= 0x7a) plain += raw[p];
    else {
      const t = TONED[raw[p]];
      if (!t) return null; // not a pinyin letter (plainSyllable would give '')
      plain += t;
      if (c !== U_UMLAUT) toned = true;
    }
  }
  return plain && SYLLABLE.test(plain) ? { plain, toned } : null;
}

/** The end of the annotation whose bracket opens at `open`, or -1 when there is none. */
function matchAt(text: string, open: number, read: Map<number, Syllable | null>): number {
  if (!isOpenCode(text.charCodeAt(open))) return -1;
  // Most brackets open Chinese text: the first character is no pinyin letter (a-z, or a
  // toned or ü letter, all below U+1E40), and nothing below can match.
  const c0 = text.charCodeAt(open + 1);
  if (!(c0 >= 0x61 && c0 <= 0x7a) && !(c0 >= 0xe0 && c0 < 0x1e40)) return -1;
  let k = open + 1;
  // The letters' number (LETTER, six bits each, the first lowest); a character that is no letter makes it -1.
  let key = 0;
  let scale = 1;
  while (k < text.length && k - open - 1 <= MAX_SYLLABLE) {
    const c = text.charCodeAt(k);
    if (isCloseCode(c)) break;
    const l = c < 0x1e40 ? LETTER[c] : 0;
    if (!l) key = -1;
    else if (key >= 0) key += l * scale;
    scale *= 64;
    k++;
  }
  if (k >= text.length || !isCloseCode(text.charCodeAt(k))) return -1;
  // A character that is no pinyin letter: no syllable (readSyllable would say null).
  if (key < 0) return -1;
  let syl = read.get(key);
  if (syl === undefined) {
    syl = readSyllable(text.slice(open + 1, k));
    if (read.size < READ_MAX) read.set(key, syl);
  }
  if (!syl) return -1;
  if (!syl.toned) {
    const han = hanBefore(text, open);
    if (!han || !hasReading(han, syl.plain)) return -1;
  }
  return k + 1;
}

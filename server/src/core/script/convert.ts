// Conversion between simplified and traditional, by phrase, on OpenCC's dictionaries.
//
// To simplified: phrases are matched on a partly folded form of the text (traditional-only
// characters folded, ambiguous ones as written), so that mixed text (`乾县`, `於潛镇`) meets
// OpenCC's phrases (`乾縣 → 乾县`, `於潛 → 於潜`) and the simplified phrases that keep a
// traditional character (乾隆, 乾坤). Outside a phrase, a traditional-only character takes
// its simplified form; an ambiguous one (乾, 於) changes only in a traditional document or
// next to a traditional-only character — in simplified text it is a name or a word of its
// own (乾县, 於梨华), never a mistake.
//
// To traditional: OpenCC's cn → tw chain (phrases first, then the Taiwan forms). Its phrase
// table is large; the Node server loads it on first use (esbuild.mjs, `lazyStPhrases`).
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import loadStPhrases from 'workreport-data:st-phrases';
import type { Span } from '../types';
import { scriptData } from './data';
import type { Script } from './mixing';

type Convert = (s: string) => string;

/** A piece of the converted text: the original span and what it becomes. */
export interface Segment extends Span {
  text: string;
}

export interface PhraseTable {
  /** Partly folded key → simplified phrase. */
  phrases: Map<string, string>;
  /** Longest key starting with each UTF-16 unit (0: no key starts with it; most positions start no phrase). */
  longest: Uint8Array;
  /** Longest key starting with a pair of units, by pairHash (0: none; a bound: pairs that share a slot share it). */
  pairLongest: Uint8Array;
  maxLen: number;
}

/** A unit's match form by the matchFormCodes table (not SPECIAL). */
function formOf(forms: Uint16Array, c: number): number {
  const f = forms[c];
  return f === 0 ? c : f;
}

/** The slot of two UTF-16 units in PhraseTable.pairLongest. */
function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x45d9f3b) ^ b) & 0xffff;
}
let phraseTable: PhraseTable | undefined;

/** The matching form of one character: traditional-only folded, everything else as written. */
function matchForm(ch: string): string {
  const d = scriptData();
  return d.traditionalOnly.has(ch) ? d.toSimplified.get(ch) ?? ch : ch;
}

/** The match form of a string, code point by code point (exported for the tests' reference reader). */
export function matchKey(s: string): string {
  let out = '';
  for (const ch of s) out += matchForm(ch);
  return out;
}

/** Per BMP unit: the unit of its match form (0: itself; SPECIAL: a surrogate or a form of another width, read by matchForm). */
const SPECIAL = 0xffff;
let formCodes: Uint16Array | undefined;
function matchFormCodes(): Uint16Array {
  if (formCodes) return formCodes;
  const d = scriptData();
  const t = new Uint16Array(0x10000);
  for (let c = 0xd800; c <= 0xdfff; c++) t[c] = SPECIAL;
  for (const ch of d.traditionalOnly) {
    if (ch.length !== 1) continue;
    const to = matchForm(ch);
    if (to !== ch) t[ch.charCodeAt(0)] = to.length === 1 && to.charCodeAt(0) !== SPECIAL && to.charCodeAt(0) !== 0 ? to.charCodeAt(0) : SPECIAL;
  }
  return (formCodes = t);
}

/** `[...text].map(matchForm).join('')`, one table load per unit (the code point path only for surrogates and odd forms). */
function matchKeyOf(text: string): string {
  const t = matchFormCodes();
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; ) {
    const to = t[text.charCodeAt(i)];
    if (to === 0) {
      i++;
      continue;
    }
    out += text.slice(run, i);
    if (to !== SPECIAL) {
      out += String.fromCharCode(to);
      i++;
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      out += matchForm(ch);
      i += ch.length;
    }
    run = i;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** The phrase table (exported for the tests' reference reader). */
export function phrases(): PhraseTable {
  if (phraseTable) return phraseTable;
  const d = scriptData();
  const map = new Map<string, string>();
  const longest = new Uint8Array(0x10000);
  const pairLongest = new Uint8Array(0x10000);
  let maxLen = 1;
  const add = (from: string, to: string) => {
    const key = matchKey(from);
    if (!map.has(key)) map.set(key, to);
    const c = key.charCodeAt(0);
    const len = Math.min(255, key.length);
    longest[c] = Math.max(longest[c], len);
    if (key.length >= 2) {
      const h = pairHash(c, key.charCodeAt(1));
      pairLongest[h] = Math.max(pairLongest[h], len);
    }
    maxLen = Math.max(maxLen, key.length);
  };
  // Kept phrases first: OpenCC writes 乾隆 in both scripts.
  for (const list of d.keepsInSimplified.values()) for (const p of list) add(p, p);
  for (const entry of (TSPhrases as string).split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to) add(from, to);
  }
  return (phraseTable = { phrases: map, longest, pairLongest, maxLen });
}

/**
 * The text to simplified, as segments of the original (longest phrase first). `ambiguous`:
 * 'convert' changes 乾/於 outside phrases (a traditional document); 'adjacent' only when a
 * traditional-only character touches them (a simplified document with a pasted run).
 */
export function toSimplifiedSegments(text: string, ambiguous: 'convert' | 'adjacent'): Segment[] {
  return simplifiedSegmentsIn(text, ambiguous, 0, text.length);
}

/**
 * The segments of `toSimplifiedSegments(text.slice(from, to), ambiguous)` that overlap [lo, hi),
 * at their offsets in `text`, without making the others (the window is still read from its
 * start: phrases match greedily left to right). A stray's conversion reads a window around it
 * and keeps only what overlaps the stray.
 */
export function simplifiedSegmentsIn(text: string, ambiguous: 'convert' | 'adjacent', lo: number, hi: number, from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  eachSimplifiedSegment(text, ambiguous, lo, hi, from, to, { add: (start, end, t) => void out.push({ start, end, text: t }) });
  return out;
}

/**
 * What the segments of `simplifiedSegmentsIn(text, ambiguous, lo, hi, from, to)` cover: from the
 * first's start to the last's end, and their text (a stray's conversion, made without the segments).
 */
export function simplifiedOver(text: string, ambiguous: 'convert' | 'adjacent', lo: number, hi: number, from: number, to: number): { start: number; end: number; text: string } {
  const over = new Over(lo, hi);
  eachSimplifiedSegment(text, ambiguous, lo, hi, from, to, over);
  return over;
}

class Over {
  text = '';
  n = 0;
  constructor(public start: number, public end: number) {}
  add(start: number, end: number, t: string): void {
    if (this.n++ === 0) this.start = start;
    this.end = end;
    this.text += t;
  }
}

/** The segments of simplifiedSegmentsIn, in order, each handed to `sink`. */
function eachSimplifiedSegment(text: string, ambiguous: 'convert' | 'adjacent', lo: number, hi: number, from: number, to: number, sink: { add(start: number, end: number, text: string): void }): void {
  const d = scriptData();
  const { phrases: table, longest, pairLongest, maxLen } = phrases();
  const forms = matchFormCodes();
  // The match key of the window is read unit by unit from the table: it is made (as a
  // string, for the phrase lookups) only where a key's first two units stand. Keys are built
  // per code point, so key and text have the same UTF-16 length only when folding kept each
  // character's width: where a unit's form is SPECIAL, the key is made and measured.
  let key: string | undefined;
  let aligned = true;
  for (let i = from; i < to; i++) {
    if (forms[text.charCodeAt(i)] === SPECIAL) {
      key = matchKeyOf(text.slice(from, to));
      aligned = key.length === to - from;
      break;
    }
  }
  const kinds = d.kinds;
  for (let i = from; i < to && i < hi; ) {
    let matched = false;
    // A key starts here only if one starts with this unit and one with this pair of units.
    let first = 0;
    if (aligned && i + 1 < to) {
      const a = key ? key.charCodeAt(i - from) : formOf(forms, text.charCodeAt(i));
      first = longest[a];
      if (first) first = Math.min(first, pairLongest[pairHash(a, key ? key.charCodeAt(i + 1 - from) : formOf(forms, text.charCodeAt(i + 1)))]);
    }
    if (first) {
      key ??= matchKeyOf(text.slice(from, to));
      for (let len = Math.min(maxLen, first, to - i); len >= 2 && !matched; len--) {
        const phrase = table.get(key.slice(i - from, i - from + len));
        if (phrase !== undefined) {
          if (i + len > lo) sink.add(i, i + len, phrase);
          i += len;
          matched = true;
        }
      }
    }
    if (matched) continue;
    const cp = text.codePointAt(i)!;
    // A pair cut by the window's end is a lone surrogate in the window.
    const width = cp > 0xffff && i + 1 < to ? 2 : 1;
    if (i + width <= lo) {
      i += width;
      continue;
    }
    const ch = width === 2 ? String.fromCodePoint(cp) : text[i];
    let conv = ch;
    const k = kinds[text.charCodeAt(i)];
    if (k === 1) conv = d.toSimplified.get(ch) ?? ch;
    else if (k === 3 && (ambiguous === 'convert' || (i > from && kinds[text.charCodeAt(i - 1)] === 1) || (i + 1 < to && kinds[text.charCodeAt(i + 1)] === 1))) conv = d.toSimplified.get(ch) ?? ch;
    else if (width === 2 && d.traditionalOnly.has(ch)) conv = d.toSimplified.get(ch) ?? ch;
    sink.add(i, i + ch.length, conv);
    i += ch.length;
  }
}

let toTrad: Convert | undefined;
let variants: Convert | undefined;

function toTraditional(): Convert {
  if (toTrad) return toTrad;
  // Keys that convert character by character are stored without their target (scripts/data/tables.mjs).
  const { same, diff } = loadStPhrases();
  const first = new Map<string, string>();
  for (const entry of (STCharacters as string).split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to) first.set(from, to);
  }
  const pairs: [string, string][] = [];
  for (const s of same.split('|')) {
    let t = '';
    for (const ch of s) t += first.get(ch) ?? ch;
    pairs.push([s, t]);
  }
  for (const entry of diff.split('|')) {
    const [from, to] = entry.split(' ');
    pairs.push([from, to]);
  }
  // Simplified → OpenCC traditional → the Taiwan forms most readers expect (為, 群).
  return (toTrad = ConverterFactory([pairs, STCharacters as string], [[TWVariantsPhrases, TWVariants] as string[]]));
}

/** Taiwan and Hong Kong variants to OpenCC's forms, before traditional → simplified. */
function variantsToOpenCC(): Convert {
  return (variants ??= ConverterFactory([[TWVariantsRevPhrases, TWVariantsRev] as string[]], [[HKVariantsRevPhrases, HKVariantsRev] as string[]]));
}

function convertPart(text: string, target: Script, from: Script | undefined): string {
  if (target === 'traditional') return toTraditional()(text);
  // A traditional document may use Taiwan or Hong Kong forms (著 for 着); a simplified one
  // is left as written apart from its traditional characters.
  const source = from === 'traditional' ? variantsToOpenCC()(text) : text;
  return toSimplifiedSegments(source, from === 'traditional' ? 'convert' : 'adjacent').map((s) => s.text).join('');
}

/**
 * The text converted to `target`, leaving `keep` spans (garbled runs, pinyin annotations)
 * exactly as they are. `from` is the document's script when known (see mixing.ts).
 */
export function convertScript(text: string, target: Script, keep: Span[] = [], from?: Script): string {
  const spans = [...keep].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const k of spans) {
    if (k.start < pos) continue;
    out += convertPart(text.slice(pos, k.start), target, from) + text.slice(k.start, k.end);
    pos = k.end;
  }
  return out + convertPart(text.slice(pos), target, from);
}

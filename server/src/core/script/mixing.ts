// Which script a document is written in, and the characters that break it. Evidence is
// only what cannot be read either way (see data.ts). In a simplified document, a run of
// traditional-only characters is a stray, together with an ambiguous character (乾, 於)
// it touches; its replacement is converted by phrase (convert.ts), so 於潛镇 becomes
// 於潜镇 and 乾淨 becomes 干净. An ambiguous character on its own (乾县, 乾坤, 於梨华) is
// simplified text and never flagged.
import type { Span } from '../types';
import { simplifiedOver } from './convert';
import { scriptData } from './data';
import { detached } from '../detach';
import { lowerBoundIndex } from '../search';

export type Script = 'simplified' | 'traditional';

export interface ScriptProfile {
  /** Unambiguous traditional / simplified characters seen. */
  traditional: number;
  simplified: number;
  /** The document's script, or undefined when there is no evidence either way. */
  script?: Script;
  /** The first `limit` runs of characters of the other script, with their conversion (found on demand: a rule shows a few thousand at most). */
  strays(limit: number): Stray[];
}

export type Stray = Span & { text: string; replacement: string };

/** How many traditional positions the first pass keeps (beyond it, the strays pass reads the text again). */
export const MAX_KEPT = 1 << 16;

/**
 * The unambiguous characters of a whole text, counted by a pass that reads every character
 * anyway (model/scope.ts, its index of the characters the typography rules look for), before
 * any mask: scriptProfileOf takes out what the mask skips.
 */
export interface ScriptTally {
  traditional: number;
  simplified: number;
  /** The first simplified character (text.length: none). */
  firstSimplified: number;
  /** The positions of the first MAX_KEPT traditional characters, the first `tradCount` of its entries; `tradKept`: that is all of them. */
  tradAt: Int32Array;
  tradCount: number;
  tradKept: boolean;
}

/** What a profile found, kept so that the next version's can be derived from it (deriveScriptProfile). */
interface Facts {
  text: string;
  /** The mask, made on first use (a derived profile reads only the changed region's until its strays are asked for). */
  mask: () => Uint8Array;
  skipBits: number;
  traditional: number;
  simplified: number;
  /**
   * The positions of the first MAX_KEPT traditional characters, exactly as many (kept as long as
   * the version: four bytes each, where a list of numbers took eight and a grown one up to half
   * as many again); `tradKept`: that is all of them.
   */
  tradAt: Int32Array;
  tradKept: boolean;
  /** Where the strays pass of a traditional document may start: no simplified character before it. */
  firstSimplified: number;
  /** The last strays found: up to `limit` of them, and how far into the text finding them read. */
  found?: { limit: number; strays: PackedStrays; reach: number };
}

/**
 * Strays as a version keeps them for the next (a few thousand on a long pasted page): their
 * spans in two Int32Arrays, their words as the index of a pair (the stray's text, then its
 * replacement) made once per distinct pair (a long text repeats a few hundred runs thousands of
 * times), no object per stray; the rule gets objects. Two references a stray were 16 bytes, 64 KB
 * of what the server held for a 100 K report; an index is 4.
 */
interface PackedStrays {
  starts: Int32Array;
  ends: Int32Array;
  /** By stray: where its text is in `words` (its replacement is the word after). */
  pairs: Int32Array;
  words: string[];
}

function packStrays(strays: readonly Stray[]): PackedStrays {
  const n = strays.length;
  const packed: PackedStrays = { starts: new Int32Array(n), ends: new Int32Array(n), pairs: new Int32Array(n), words: [] };
  const words = packed.words;
  // A later version may take them over: copies, not slices of this version's text (core/detach.ts), one for each distinct pair.
  // By the stray's text, where its pairs are (most texts have one replacement; 发 has 發 and 髮):
  // no key made of both, a new string to hash for every stray.
  const byText = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const st = strays[k];
    packed.starts[k] = st.start;
    packed.ends[k] = st.end;
    let ats = byText.get(st.text);
    if (!ats) byText.set(st.text, (ats = []));
    let at = -1;
    for (let i = 0; i < ats.length && at < 0; i++) if (words[ats[i] + 1] === st.replacement) at = ats[i];
    if (at < 0) {
      ats.push((at = words.length));
      words.push(detached(st.text), detached(st.replacement));
    }
    packed.pairs[k] = at;
  }
  return packed;
}

/** The first `limit` strays of `packed`, as objects. */
function unpackStrays(packed: PackedStrays, limit: number): Stray[] {
  const n = Math.min(limit, packed.starts.length);
  const { starts, ends, pairs, words } = packed;
  const out: Stray[] = new Array<Stray>(n);
  for (let k = 0; k < n; k++) out[k] = { start: starts[k], end: ends[k], text: words[pairs[k]], replacement: words[pairs[k] + 1] };
  return out;
}

const FACTS = new WeakMap<ScriptProfile, Facts>();

/**
 * `text` is the original; offsets whose `mask` has any of `skipBits` are ignored (annotations,
 * garbled runs, boilerplate). `again`: the mask when the strays are asked for (kept by the
 * profile, for as long as its version is: one byte a character; default, `mask` itself).
 */
export function scriptProfile(text: string, mask: Uint8Array, skipBits: number, again: () => Uint8Array = () => mask): ScriptProfile {
  const d = scriptData();
  const kinds = d.kinds;
  let traditional = 0;
  let simplified = 0;
  // Counts, and the positions of the traditional characters (the strays of the usual,
  // simplified document) up to a bound; any other positions are collected by a second pass
  // when strays are asked for. Collecting the positions of every character of both scripts
  // here was most of the rule's time and garbage.
  const tradAt: number[] = [];
  let tradKept = true;
  let firstSimplified = -1; // where the strays pass of a traditional document starts
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const kind = kinds[c];
    if (kind === 1) {
      if (mask[i] & skipBits) continue;
      traditional++;
      if (tradAt.length < MAX_KEPT) tradAt.push(i);
      else tradKept = false;
    } else if (kind === 2) {
      if (!(mask[i] & skipBits) && simplified++ === 0) firstSimplified = i;
    }
  }
  return profileOf({ text, mask: again, skipBits, traditional, simplified, tradAt: Int32Array.from(tradAt), tradKept, firstSimplified: simplified ? firstSimplified : text.length });
}

/**
 * scriptProfile(text, mask, skipBits), from the tally of every character of the text: the
 * characters the mask skips (annotations, garbled runs, boilerplate: found where the mask has
 * a bit, read four bytes at a time) taken out of the counts and positions. The tally is given,
 * not kept: its positions are compacted in place. `hanBits`: the bits of skipBits whose spans
 * can hold a character of either script (the others' characters are never counted, and are
 * not read again: a pasted page's annotations are most of its text).
 */
export function scriptProfileOf(text: string, mask: Uint8Array, skipBits: number, tally: ScriptTally, again: () => Uint8Array = () => mask, hanBits = skipBits): ScriptProfile {
  const kinds = scriptData().kinds;
  let traditional = tally.traditional;
  let simplified = tally.simplified;
  let skipped = 0;
  const uncount = (i: number) => {
    const c = text.charCodeAt(i);
    if (c < 0x3400) return;
    const kind = kinds[c];
    if (kind === 1) {
      traditional--;
      skipped++;
    } else if (kind === 2) simplified--;
  };
  const n = Math.min(mask.length, text.length);
  let i = 0;
  if (mask.byteOffset % 4 === 0) {
    const words = new Uint32Array(mask.buffer, mask.byteOffset, n >> 2);
    const any = Math.imul(hanBits & 0xff, 0x01010101);
    for (let w = 0; w < words.length; w++) {
      if (!(words[w] & any)) continue;
      for (let k = w * 4; k < w * 4 + 4; k++) if (mask[k] & hanBits) uncount(k);
    }
    i = words.length * 4;
  }
  for (; i < n; i++) if (mask[i] & hanBits) uncount(i);
  // The positions, without the skipped ones: the tally's own array, compacted in place (the
  // tally is given, not kept: scope.ts takeScript hands it over once), then copied at its length.
  // A filter() made a copy of every position of a traditional document, a callback call each.
  const all = tally.tradAt;
  let m = tally.tradCount;
  if (skipped) {
    const count = m;
    m = 0;
    for (let k = 0; k < count; k++) {
      const p = all[k];
      if (!(mask[p] & hanBits)) all[m++] = p;
    }
  }
  const tradAt = all.slice(0, m);
  // A lower bound of the first simplified character is enough (the strays pass reads on from it).
  return profileOf({ text, mask: again, skipBits, traditional, simplified, tradAt, tradKept: tally.tradKept, firstSimplified: simplified ? tally.firstSimplified : text.length });
}

/** The document's script by its counts of unambiguous characters; undefined when it has none. */
function scriptOf(traditional: number, simplified: number): 'traditional' | 'simplified' | undefined {
  return !traditional && !simplified ? undefined : traditional > simplified ? 'traditional' : 'simplified';
}

function profileOf(facts: Facts): ScriptProfile {
  const { traditional, simplified } = facts;
  const profile: ScriptProfile = { traditional, simplified, strays: () => [] };
  FACTS.set(profile, facts);
  if (!traditional && !simplified) return profile;
  const script = (profile.script = scriptOf(traditional, simplified)!);
  profile.strays = (limit) => {
    const found = facts.found;
    if (found && found.limit >= limit) return unpackStrays(found.strays, limit);
    const { text, skipBits } = facts;
    const mask = facts.mask();
    const kinds = scriptData().kinds;
    const skip = (i: number) => (mask[i] & skipBits) !== 0;
    const other = script === 'simplified' ? 1 : 2;
    let at: ArrayLike<number> = facts.tradAt;
    if (other !== 1 || !facts.tradKept) {
      const all: number[] = [];
      // A traditional document without a simplified character has no stray: nothing to read.
      for (let i = other === 2 ? facts.firstSimplified : 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x3400 && kinds[c] === other && !(mask[i] & skipBits)) all.push(i);
      }
      at = all;
    }
    const reach = { at: 0 };
    const strays = script === 'simplified' ? traditionalRuns(text, at, skip, limit, reach) : simplifiedRuns(text, at, limit, reach);
    const packed = packStrays(strays);
    facts.found = { limit, strays: packed, reach: reach.at };
    return unpackStrays(packed, limit);
  };
  return profile;
}

/**
 * The profile of `text`, a new version of the text of `prev` in which only [start, end) (whole
 * lines; [start, prevEnd) in the previous text) changed, and so did the mask there only:
 * the counts and positions outside it are the previous version's (moved by the difference in
 * length after it), the region's are counted. `regionMask(text)`: the mask of the region
 * (offsets relative to start) in a version; `mask()`: the whole mask of the new version, made
 * only if strays must be found again. The strays are the previous version's when finding them
 * read nothing at or after `start` (a simplified document with strays to its limit before
 * the change: the common long document). Undefined when prev was not a profile of this kind.
 */
export function deriveScriptProfile(prev: ScriptProfile, text: string, region: { start: number; end: number; prevEnd: number }, regionMask: { prev: Uint8Array; next: Uint8Array }, mask: () => Uint8Array): ScriptProfile | undefined {
  const was = FACTS.get(prev);
  if (!was || !was.tradKept) return undefined;
  const { start, end, prevEnd } = region;
  const kinds = scriptData().kinds;
  const bits = was.skipBits;
  const count = (t: string, to: number, m: Uint8Array, positions: number[] | undefined) => {
    let trad = 0;
    let simp = 0;
    let first = -1;
    for (let k = 0; k < to; k++) {
      const c = t.charCodeAt(start + k);
      if (c < 0x3400 || m[k] & bits) continue;
      const kind = kinds[c];
      if (kind === 1) {
        trad++;
        positions?.push(start + k);
      } else if (kind === 2 && simp++ === 0) first = start + k;
    }
    return { trad, simp, first };
  };
  const old = count(was.text, prevEnd - start, regionMask.prev, undefined);
  const by = end - prevEnd;
  const oldAt = was.tradAt;
  // The region's positions, then the list made at its length (pushed onto, a list of 65,536 grew by copies).
  const mid: number[] = [];
  const now = count(text, end - start, regionMask.next, mid);
  const k0 = lowerBoundIndex(oldAt.length, (k) => oldAt[k] < start);
  const k1 = lowerBoundIndex(oldAt.length, (k) => oldAt[k] < prevEnd);
  const length = k0 + mid.length + oldAt.length - k1;
  const tradKept = length <= MAX_KEPT;
  const tradAt = new Int32Array(Math.min(length, MAX_KEPT));
  tradAt.set(oldAt.subarray(0, k0));
  let o = k0;
  for (let k = 0; k < mid.length && o < tradAt.length; k++) tradAt[o++] = mid[k];
  for (let k = k1; k < oldAt.length && o < tradAt.length; k++) tradAt[o++] = oldAt[k] + by;
  const traditional = was.traditional - old.trad + now.trad;
  const simplified = was.simplified - old.simp + now.simp;
  // A lower bound of the first simplified character is enough (the strays pass reads on from it).
  const firstSimplified = was.firstSimplified < start ? was.firstSimplified : now.first >= 0 ? now.first : was.firstSimplified >= prevEnd ? was.firstSimplified + by : end;
  const facts: Facts = { text, mask, skipBits: bits, traditional, simplified, tradAt, tradKept, firstSimplified: simplified ? firstSimplified : text.length };
  const found = was.found;
  if (found && found.reach <= start && found.strays.starts.length >= found.limit && scriptOf(traditional, simplified) === prev.script) facts.found = found;
  return profileOf(facts);
}

/** Runs of simplified characters in traditional text, each with its character-by-character conversion. */
function simplifiedRuns(text: string, at: ArrayLike<number>, limit: number, reach: { at: number }): Stray[] {
  const d = scriptData();
  const out: Stray[] = [];
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    // What was read: this position, and the next (a character of the run's).
    reach.at = i + 2;
    const last = out[out.length - 1];
    const rep = d.toTraditional.get(text[i]) ?? text[i];
    if (last && last.end === i) {
      last.end = i + 1;
      last.text += text[i];
      last.replacement += rep;
    } else if (out.length < limit) out.push({ start: i, end: i + 1, text: text[i], replacement: rep });
    else break;
  }
  return out;
}

/** Runs of traditional characters in simplified text, each with its phrase-level conversion. */
function traditionalRuns(text: string, at: ArrayLike<number>, skip: (i: number) => boolean, limit: number, reach: { at: number }): Stray[] {
  const d = scriptData();
  const ambiguous = (i: number) => i >= 0 && i < text.length && d.kinds[text.charCodeAt(i)] === 3 && !skip(i);
  const out: Stray[] = [];
  const margin = d.maxPhrase;
  // Runs of adjacent characters (or two with one ambiguous character between them), each
  // grown over the ambiguous characters it touches and converted as soon as it is complete:
  // the text past the `limit`-th stray is never read.
  let start = -1;
  let end = -1;
  for (let k = 0; k <= at.length && out.length < limit; k++) {
    const i = k < at.length ? at[k] : -1;
    // What was read: up to the position after this one (an ambiguous character between two runs).
    reach.at = Math.max(reach.at, i + 2);
    if (i >= 0 && start >= 0 && (end === i || (end === i - 1 && ambiguous(i - 1)))) {
      end = i + 1;
      continue;
    }
    if (start >= 0) {
      while (ambiguous(start - 1)) start--;
      while (ambiguous(end)) end++;
      // The run's window, and the character after the run that ended it.
      reach.at = Math.max(reach.at, Math.min(text.length, end + margin) + 1);
      convertRun(text, start, end, margin, out);
    }
    start = i;
    end = i + 1;
  }
  return out;
}

/** The stray of run [rStart, rEnd): what changes when it is converted by phrase, appended to `out` unless it overlaps the last one. */
function convertRun(text: string, rStart: number, rEnd: number, margin: number, out: Stray[]): void {
  const from = Math.max(0, rStart - margin);
  const to = Math.min(text.length, rEnd + margin);
  // The segments of the window's conversion that overlap the run, in one piece.
  const over = simplifiedOver(text, 'adjacent', rStart, rEnd, from, to);
  let start = Math.min(rStart, over.start);
  let end = Math.max(rEnd, over.end);
  let replacement = over.text;
  // Only what changes is flagged: 於潛 → 於潜 flags 潛.
  let original = text.slice(start, end);
  const high = (c: number) => c >= 0xd800 && c < 0xdc00;
  const low = (c: number) => c >= 0xdc00 && c < 0xe000;
  while (original.length > 1 && replacement.length > 1 && original[0] === replacement[0] && !high(original.charCodeAt(0))) {
    original = original.slice(1);
    replacement = replacement.slice(1);
    start++;
  }
  while (original.length > 1 && replacement.length > 1 && original[original.length - 1] === replacement[replacement.length - 1] && !low(original.charCodeAt(original.length - 1))) {
    original = original.slice(0, -1);
    replacement = replacement.slice(0, -1);
    end--;
  }
  if (original === replacement) return;
  const last = out[out.length - 1];
  if (last && last.end >= start) return;
  out.push({ start, end, text: original, replacement });
}

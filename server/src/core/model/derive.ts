// A new version of a document built from the previous one: after an edit, the lines before
// and after what changed are the same text, and every model part that reads each line on its
// own (annotations, garbled runs, the folded view and its lines, boilerplate; the figures
// layers in figures/derive.ts) is the same there too — moved, after the edit, by the
// difference in length (and in line count). So a part the previous version has built is
// spliced: its part before the changed lines taken as it is, the changed lines (widened by a
// margin, `Splice`) read anew as a text of their own, its part after them moved.
//
// Reading a line does not look beyond the line and its break, except: the view's first
// character at offset 0 (a BOM), and a lone CR, which some scans do not take for a break; a
// text with either where it matters is not derived. A part is derived only from a part the
// previous version has built, and never when unsure: then it is built from scratch.
// test/property/derive.property.test.ts holds every derived part equal to the part built from
// scratch after random edits.
import type { Span } from '../types';
import { detached, detachStrings } from '../detach';
import { lowerBound } from '../search';
import { ReportDocument } from './document';
import { findGarbled } from './garbled';
import { hasLoneCr, lineIndexAt, PackedLines, splitLines, type Line } from './lines';
import { findPinyinAnnotations, PinyinAnnotations } from './pinyin';
import { PackedSpanBuilder, PackedSpans } from './spans';
import { isBoilerplateLine } from './boilerplate';
import { readHeadingLines, type Heading, type KeptSections, type Section } from './headings';
import { buildView, MapBuilder, viewLinesOf, type TextView } from './view';

/**
 * Lines [from, to) of the new version stand where lines [from, prevTo) of the previous one
 * stood; the lines before are the same, the lines after are the previous version's moved by
 * `to - prevTo` lines and `end - prevEnd` characters. start/end/prevEnd: original offsets
 * of the region (end: the start of line `to`, or the text's end).
 */
export interface Splice {
  from: number;
  to: number;
  prevTo: number;
  start: number;
  end: number;
  prevEnd: number;
  /** The first line after the lines the edit touched (from ≤ changedTo ≤ to): the lines [changedTo, to) are a margin of unchanged text. */
  changedTo: number;
}

/** Unchanged lines read again on either side of the change (some parts look a few characters back, across a line break). */
const MARGIN_CHARS = 40;
/** Derive only when the region is at most this share of the text (else reading it all costs about as much). */
const MAX_SHARE = 0.5;

/** The region of `text` that differs from `prev` (whole lines, with a margin), or undefined when the text cannot be derived. */
export function spliceOf(prev: ReportDocument, doc: ReportDocument, span: ChangedSpan): Splice | undefined {
  const { text, lines } = doc;
  const old = prev.text;
  if (crsOf(doc) === 'lone' || crsOf(prev) === 'lone') return undefined;
  const { start: p, end: changedEnd } = span;
  const from = Math.max(0, lineIndexAt(lines, p) - 1);
  const changedTo = Math.min(lines.length, lineIndexAt(lines, changedEnd) + 1);
  let to = changedTo;
  while (to < lines.length && lines[to].start - changedEnd < MARGIN_CHARS) to++;
  if (to < lines.length) to++;
  // The unchanged lines read again hold MARGIN_CHARS of their own: the figures of a line look
  // back across the line break (figures/derive.ts), so a short line after the change (a
  // heading, a blank line) left too little margin, and every figure was read again.
  while (to < lines.length && lines[to].start - lines[changedTo].start < MARGIN_CHARS) to++;
  const start = lines[from].start;
  const end = to < lines.length ? lines[to].start : text.length;
  const prevEnd = end - (text.length - old.length);
  const prevLines = prev.lines;
  const prevTo = prevEnd === old.length ? prevLines.length : lineIndexAt(prevLines, prevEnd);
  // The region must end at a line start in both versions (it does: the text after the change is the same).
  if (prevTo < prevLines.length && prevLines[prevTo].start !== prevEnd) return undefined;
  if (prevTo < from || end - start > MAX_SHARE * text.length) return undefined;
  // A later line that starts with U+FEFF would read as a byte-order mark in the region read alone.
  if (start > 0 && text.charCodeAt(start) === 0xfeff) return undefined;
  return { from, to, prevTo, start, end, prevEnd, changedTo };
}

export interface ChangedSpan {
  readonly start: number;
  readonly end: number;
  readonly oldEnd: number;
}

/**
 * What changed from `old` to `text`: the span between their longest common start and end —
 * [start, end) in `text`, [start, oldEnd) in `old`.
 */
export function changedSpan(old: string, text: string): ChangedSpan {
  const n = Math.min(old.length, text.length);
  // Whole blocks compared as strings first (a native comparison), then character by character.
  let p = 0;
  while (p + BLOCK <= n && old.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
  while (p < n && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s + BLOCK <= n - p && old.slice(old.length - s - BLOCK, old.length - s) === text.slice(text.length - s - BLOCK, text.length - s)) s += BLOCK;
  while (s < n - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { start: p, end: text.length - s, oldEnd: old.length - s };
}

const BLOCK = 4096;

/** `text` as a new version of `prev`: its parts derived from prev's where the text did not change. `span`: changedSpan(prev.text, text) when the caller has it. */
export function deriveDocument(prev: ReportDocument, text: string, span: ChangedSpan = changedSpan(prev.text, text)): ReportDocument {
  const crs = crsOfText(text);
  // With a lone CR in either version the lines before the change may not be the same (an LF
  // typed after a CR pairs them); with none, they are (each CR before p is followed by its LF in both).
  const doc = new ReportDocument(text, crs !== 'lone' && crsOf(prev) !== 'lone' ? linesAfterEdit(prev.lines, text, span.start) : undefined);
  doc.memo(CRS, () => crs);
  // One step back at most: prev's own source is not read again.
  prev.derivation = undefined;
  const splice = spliceOf(prev, doc, span);
  if (splice) doc.derivation = new Derivation(doc, prev, splice);
  return doc;
}

/** The CRs of a text: none, each before an LF, or some alone (old Mac line ends: some scans do not take one for a break). */
export type Crs = 'none' | 'crlf' | 'lone';

const CRS = 'model:crs';

/** A version's CRs, found once (the model, its lines, the splice and the incremental checker each ask, of this version and then of the next one's source). */
export function crsOf(doc: ReportDocument): Crs {
  return doc.memo(CRS, () => crsOfText(doc.text));
}

function crsOfText(text: string): Crs {
  return text.indexOf('\r') < 0 ? 'none' : hasLoneCr(text) ? 'lone' : 'crlf';
}

/**
 * The lines of `text`, which is the same as the text of `prev` up to `p`: prev's lines before
 * the one holding p (their text and break lie before p) taken as they are, the rest split.
 * Only for two versions without a lone CR (in one with a lone CR before p, an LF at p could pair with it).
 */
function linesAfterEdit(prev: Line[], text: string, p: number): Line[] {
  const k = lineIndexAt(prev, p);
  return splitLines(text, prev.slice(0, k), prev[k].start);
}

/** The region of the view: [start, end) in the new version, [start, prevEnd) in the previous one. */
export interface ViewRegion {
  start: number;
  end: number;
  prevEnd: number;
}

export class Derivation {
  /** The model parts and memo entries that were derived (for tests and measurements). */
  readonly derived: string[] = [];
  private sub?: { text: string; annotations: PinyinAnnotations; garbled: Span[] };
  private region?: ViewRegion | null;

  constructor(
    readonly doc: ReportDocument,
    readonly prev: ReportDocument,
    readonly splice: Splice,
  ) {}

  /** The region's text read alone: its annotations and garbled runs (offsets in the region). */
  private part(): { text: string; annotations: PinyinAnnotations; garbled: Span[] } {
    if (this.sub) return this.sub;
    // A copy: what is read from it is carried into later versions (../detach.ts).
    const text = detached(this.doc.text.slice(this.splice.start, this.splice.end));
    return (this.sub = { text, annotations: findPinyinAnnotations(text), garbled: findGarbled(text) });
  }

  annotations(): PinyinAnnotations | undefined {
    const old = this.prev.built.annotations;
    if (!old) return undefined;
    this.derived.push('annotations');
    const sp = this.splice;
    // As spliceSpans, packed: prev's before the region, the region's own, prev's after it moved.
    const before = old.firstStartingFrom(sp.start);
    const after = old.firstStartingFrom(sp.prevEnd);
    const region = this.part().annotations;
    // Made at the version's count (31,388 on the 1 M bench report: grown by doubling, its arrays were allocated 13 times).
    const out = new PackedSpanBuilder(before + region.length + (old.length - after));
    out.pushMoved(old, 0, before, 0);
    out.pushMoved(region, 0, region.length, sp.start);
    out.pushMoved(old, after, old.length, sp.end - sp.prevEnd);
    const [starts, ends] = out.finish();
    return new PinyinAnnotations(this.doc.text, starts, ends);
  }

  garbled(): Span[] | undefined {
    const old = this.prev.built.garbled;
    if (!old) return undefined;
    this.derived.push('garbled');
    return spliceSpans(old, this.part().garbled, this.splice, (g, by) => ({ start: g.start + by, end: g.end + by }));
  }

  view(): TextView | undefined {
    const { view: old, viewLines: oldLines } = this.prev.built;
    if (!old || !oldLines) return undefined;
    const sp = this.splice;
    const part = this.part();
    // The region's annotations and garbled runs are this version's (derived or read whole).
    const ann = packedWithin(this.doc.annotations, sp.start, sp.end);
    const bad = within(this.doc.garbled, sp.start, sp.end);
    const sub = buildView(part.text, ann, bad);
    const vStart = oldLines.start(sp.from);
    const vPrevEnd = sp.prevTo < oldLines.length ? oldLines.start(sp.prevTo) : old.text.length;
    const vEnd = vStart + sub.text.length;
    const len = vEnd + (old.text.length - vPrevEnd);
    const map = new MapBuilder(old.toOrig.runs + sub.toOrig.runs + 1)
      .append(old.toOrig, 0, vStart, 0, 0)
      .append(sub.toOrig, 0, sub.text.length, vStart, sp.start)
      .append(old.toOrig, vPrevEnd, old.toOrig.length, vEnd, sp.end - sp.prevEnd)
      .finish(len + 1);
    this.derived.push('view');
    return { text: old.text.slice(0, vStart) + sub.text + old.text.slice(vPrevEnd), toOrig: map };
  }

  /** The view region in both versions (from their view lines; the new version's are built if need be), or undefined when prev has none built. */
  viewRegion(): ViewRegion | undefined {
    if (this.region !== undefined) return this.region ?? undefined;
    const old = this.prev.built.viewLines;
    const oldView = this.prev.built.view;
    this.region = null;
    if (!old || !oldView) return undefined;
    const sp = this.splice;
    const lines = this.doc.viewLines;
    const view = this.doc.view;
    const start = lines.start(sp.from);
    const end = sp.to < lines.length ? lines.start(sp.to) : view.text.length;
    const prevEnd = sp.prevTo < old.length ? old.start(sp.prevTo) : oldView.text.length;
    // The text before and after the region is the same in both views (a cheap native check of what the splice assumes).
    if (old.start(sp.from) !== start || view.text.length - end !== oldView.text.length - prevEnd) return undefined;
    return (this.region = { start, end, prevEnd });
  }

  viewLines(): PackedLines | undefined {
    const old = this.prev.built.viewLines;
    if (!old || !this.prev.built.view) return undefined;
    const sp = this.splice;
    const view = this.doc.view;
    const vStart = old.start(sp.from);
    const lines = this.doc.lines;
    // The region's lines, relative to it, with the empty line after its last break (as splitLines gives).
    const rel: Line[] = [];
    for (let i = sp.from; i < sp.to; i++) rel.push({ index: i - sp.from, start: lines[i].start - sp.start, end: lines[i].end - sp.start });
    if (sp.to < lines.length) rel.push({ index: rel.length, start: sp.end - sp.start, end: sp.end - sp.start });
    const vEndOld = sp.prevTo < old.length ? old.start(sp.prevTo) : this.prev.view.text.length;
    const vEnd = view.text.length - (this.prev.view.text.length - vEndOld);
    const subView: TextView = { text: view.text.slice(vStart, vEnd), toOrig: view.toOrig.slice(vStart, vEnd + 1, -sp.start) };
    const sub = viewLinesOf(rel, subView);
    if (sub.length !== rel.length) return undefined;
    const dl = sp.to - sp.prevTo;
    if (old.length + dl !== lines.length) return undefined;
    const starts = new Int32Array(lines.length);
    const ends = new Int32Array(lines.length);
    // The lines before as they were, the region's read, the lines after moved (typed arrays: no object a line).
    starts.set(old.starts.subarray(0, sp.from));
    ends.set(old.ends.subarray(0, sp.from));
    for (let k = 0; k < sp.to - sp.from; k++) {
      // Each line's break where the line's end maps to (viewLinesOf's own check; else it split the view again).
      if (subView.toOrig.at(sub.end(k)) !== rel[k].end) return undefined;
      starts[sp.from + k] = sub.start(k) + vStart;
      ends[sp.from + k] = sub.end(k) + vStart;
    }
    const dv = vEnd - vEndOld;
    const os = old.starts;
    const oe = old.ends;
    for (let i = sp.prevTo; i < old.length; i++) {
      starts[i + dl] = os[i] + dv;
      ends[i + dl] = oe[i] + dv;
    }
    this.derived.push('viewLines');
    return new PackedLines(starts, ends);
  }

  /** The heading candidates (headings.ts readHeadingLines): the previous version's before and after the region (moved), the region's read. */
  headingCandidates(): Heading[] | undefined {
    const old = this.prev.built.headingCandidates;
    if (!old) return undefined;
    const sp = this.splice;
    const doc = this.doc;
    const boilerplate = doc.boilerplate;
    let k = 0;
    const out: Heading[] = [];
    while (k < old.length && old[k].line < sp.from) out.push(old[k++]);
    const read = out.length;
    readHeadingLines(doc.text, doc.view, doc.viewLines, (i) => boilerplate.has(i), sp.from, sp.to, out);
    // Their titles are cut from this version's text, and later versions keep them (../detach.ts).
    for (let r = read; r < out.length; r++) detachStrings(out[r]);
    while (k < old.length && old[k].line < sp.prevTo) k++;
    const dl = sp.to - sp.prevTo;
    const by = sp.end - sp.prevEnd;
    for (; k < old.length; k++) out.push(old[k].moved(dl, by));
    this.derived.push('headings');
    return out;
  }

  /**
   * The previous version's top-level sections that lie wholly before the changed lines, and
   * are closed there too, taken over as they are (buildSections goes on from the heading
   * that closes the last of them). A section is kept only while its headings, and the one
   * that closes it, are the same objects on the same lines in both versions: then every field
   * of it and of its subsections is what buildSections would make. A heading before the region
   * is taken over as it is; a Markdown heading stays the same object while its level does
   * (headings.ts atLevel), and a new level ends what is kept. Undefined when none is.
   */
  keptSections(): KeptSections | undefined {
    const { sections: old, headings: oldHs } = this.prev.built;
    if (!old || !oldHs) return undefined;
    const hs = this.doc.headings;
    const from = this.splice.from;
    // The headings before the region that are the previous version's own.
    let same = 0;
    while (same < hs.length && same < oldHs.length && hs[same] === oldHs[same] && hs[same].line < from) same++;
    let next = 0;
    let kept = 0;
    for (const r of old) {
      let i = next;
      while (i < same && hs[i].level === 0) i++;
      if (i >= same || hs[i] !== r.heading) break;
      // The heading after its subsections closes it: one of those same headings.
      const after = i + sectionCount(r);
      if (after >= same) break;
      next = after;
      kept++;
    }
    if (!kept) return undefined;
    this.derived.push('sections');
    return { roots: old.slice(0, kept), from: next };
  }

  boilerplate(): Set<number> | undefined {
    const old = this.prev.built.boilerplate;
    if (!old) return undefined;
    const sp = this.splice;
    const out = new Set<number>();
    const after: number[] = [];
    for (const i of old) {
      if (i < sp.from) out.add(i);
      else if (i >= sp.prevTo) after.push(i + sp.to - sp.prevTo);
    }
    for (let i = sp.from; i < sp.to; i++) if (isBoilerplateLine(this.doc.viewLine(i))) out.add(i);
    // In line order, as a whole read adds them.
    for (const i of after) out.add(i);
    this.derived.push('boilerplate');
    return sortedSet(out);
  }
}

/** A section and its subsections, counted. */
function sectionCount(s: Section): number {
  let n = 1;
  for (const c of s.children) n += sectionCount(c);
  return n;
}

/** A set of line indices in ascending order (the order a whole read adds them in). */
function sortedSet(s: Set<number>): Set<number> {
  let prev = -1;
  for (const i of s) {
    if (i < prev) return new Set([...s].sort((a, b) => a - b));
    prev = i;
  }
  return s;
}

/** The spans (in order, none crossing a line break) that start in [start, end), made relative to start. */
function within<T extends Span>(spans: T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let k = lowerBound(spans, (s) => s.start < start); k < spans.length && spans[k].start < end; k++) {
    const s = spans[k];
    out.push({ ...s, start: s.start - start, end: s.end - start });
  }
  return out;
}

/** The packed spans that start in [start, end), made relative to start (as within). */
function packedWithin(spans: PackedSpans, start: number, end: number): PackedSpans {
  const out = new PackedSpanBuilder();
  const from = spans.firstStartingFrom(start);
  let to = from;
  while (to < spans.length && spans.starts[to] < end) to++;
  out.pushMoved(spans, from, to, -start);
  const [starts, ends] = out.finish();
  return new PackedSpans(starts, ends);
}

/** Spans in text order: prev's before the region, the region's own (relative to it), prev's after it moved. */
function spliceSpans<T extends Span>(old: T[], region: T[], sp: Splice, move: (s: T, by: number) => T): T[] {
  // Those before the region: one copy of that part of the list.
  const out = old.slice(0, lowerBound(old, (s) => s.start < sp.start));
  for (const r of region) out.push(move(r, sp.start));
  const by = sp.end - sp.prevEnd;
  for (let k = lowerBound(old, (s) => s.start < sp.prevEnd); k < old.length; k++) out.push(move(old[k], by));
  return out;
}

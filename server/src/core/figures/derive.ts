// The figures layers of a version derived from the previous one (model/derive.ts): the
// quantities of the lines before the changed region are the previous version's (the same
// objects), the region's are read, and those after it are the previous version's moved —
// view offsets by the difference in the view's length, line, sentence and clause numbers (of
// the clauses) and indices by the difference in their counts. The clauses, phrases and groups likewise, the
// region's read on the region as a document of its own (each of these layers reads within a
// line: a sentence, its clauses and asides, a group and the figures it names never cross a
// line break), then moved into place. Undefined whenever that is not certain: the caller then
// reads the document whole.
import type { Derivation, ViewRegion } from '../model/derive';
import { ReportDocument } from '../model/document';
import { detached, detachStrings } from '../detach';
import type { PackedLines } from '../model/lines';
import { A_ANCHOR, A_CLOSE, A_FIRST, A_OPEN, C_ASIDE, C_END, C_INFO, C_START, Clauses, clausesOf, INNER_FIELDS, SENT_FIELDS, SIDE_FIELDS, S_END, S_FIRST, S_IN_PARA, S_LAST, S_LINE, S_START, TOP_FIELDS, type PackedClauses } from './clauses';
import { groupsOf, type Group } from './groups';
import { MAX_MARKERS, NO_PHRASE, PHRASE_FIELDS, P_CLAUSE, P_MARKER, P_PRE, P_START, Phrases, phrasesOf } from './phrases';
import { firstQuantityFrom, Quantity, quantities, readQuantityLines } from './quantity';
import { lowerBoundIndex } from '../search';

/** How far back (view characters) reading a line's quantities may look, across line breaks (占…的 before a bare figure). */
const LOOK_BACK = 18;

/** The quantities of a derived document from its previous version's, or undefined. */
export function deriveQuantities(doc: ReportDocument): Quantity[] | undefined {
  const d = doc.derivation;
  if (!d) return undefined;
  const old = d.prev.memoed('figures:quantities') as Quantity[] | undefined;
  if (!old) return undefined;
  const region = d.viewRegion();
  if (!region) return undefined;
  const sp = d.splice;
  const text = doc.view.text;
  const lines = doc.viewLines;
  const skip = doc.boilerplate;
  // The lines after the region look back into it: only at text that did not change.
  if (sp.to < lines.length && (sp.changedTo >= sp.to || lines.start(sp.to) - lines.start(sp.changedTo) <= LOOK_BACK)) return undefined;
  const oldLines = d.prev.built.viewLines;
  if (!oldLines) return undefined;
  const k0 = firstOnLine(old, oldLines, sp.from);
  const k1 = firstOnLine(old, oldLines, sp.prevTo);
  const fresh: Quantity[] = [];
  readQuantityLines(text, lines, skip, sp.from, sp.to, fresh);
  // The version's list made at its size at once, packed (every place is written below): an
  // array of tens of thousands of figures is a large object, allocated afresh, and built by
  // pushes onto a slice it was allocated three times as it grew (0.75 MB an edit of the 1 M
  // bench report for a list of 0.3 MB).
  const n = k0 + fresh.length + (old.length - k1);
  const out = n <= old.length ? old.slice(0, n) : old.concat(fresh.slice(0, n - old.length));
  for (let i = 0; i < fresh.length; i++) {
    const q = fresh[i];
    q.index = k0 + i;
    // Its strings are cut from this version's view, and later versions keep them (../detach.ts).
    detachStrings(q);
    out[k0 + i] = q;
  }
  const dv = region.end - region.prevEnd;
  const di = k0 + fresh.length - k1;
  for (let k = k1; k < old.length; k++) out[k + di] = old[k].moved(dv, di);
  d.derived.push('figures:quantities');
  return out;
}

/**
 * Index of the first quantity on view line `line` or after it, in the version whose view
 * lines are `lines` (a figure starts within its line's clause, so at or after the line's start).
 */
export function firstOnLine(qs: readonly Quantity[], lines: PackedLines, line: number): number {
  return line < lines.length ? firstQuantityFrom(qs, lines.start(line)) : qs.length;
}

/**
 * Where the figures of a derived version's changed lines are: [k0, kEnd) in its own `qs`, and
 * the previous version's (`old`) after them from k1 on; undefined when the previous version's
 * view lines are not built.
 */
export function spliceOfFigures(doc: ReportDocument, d: Derivation, qs: readonly Quantity[], old: readonly Quantity[]): { k0: number; kEnd: number; k1: number } | undefined {
  const oldLines = d.prev.built.viewLines;
  if (!oldLines) return undefined;
  const sp = d.splice;
  return { k0: firstOnLine(qs, doc.viewLines, sp.from), kEnd: firstOnLine(qs, doc.viewLines, sp.to), k1: firstOnLine(old, oldLines, sp.prevTo) };
}


/** The changed region read alone, and where its figures go in the new version. */
interface Region {
  /** The region's text as a document of its own. */
  sub: ReportDocument;
  view: ViewRegion;
  /** The new version's quantities [k0, kEnd) are the region's; the previous version's from k1 on are those after it (moved by di). */
  k0: number;
  kEnd: number;
  k1: number;
  di: number;
  /** View offsets and line numbers after the region move by these. */
  dv: number;
  dl: number;
  /** Set when the clauses are derived: how the clauses of the region, and of the previous version after it, moved. */
  clauses?: { sub: ClauseMove; old: ClauseMove };
}

/** How the clauses of one source (the region read alone, or the previous version) moved: top-level ones by `top`, the asides' ones (their rows) by `inner`. */
interface ClauseMove {
  top: number;
  inner: number;
}

const regions = new WeakMap<Derivation, Region | null>();

/** The region of a derived document whose quantities were derived, read alone — if its figures are the same read alone as in the document. */
function regionOf(doc: ReportDocument): Region | undefined {
  const d = doc.derivation;
  if (!d) return undefined;
  const known = regions.get(d);
  if (known !== undefined) return known ?? undefined;
  regions.set(d, null);
  const qs = quantities(doc);
  const old = d.prev.memoed('figures:quantities') as Quantity[] | undefined;
  const view = d.viewRegion();
  if (!old || !view || !d.derived.includes('figures:quantities')) return undefined;
  const sp = d.splice;
  // A copy: the region's clauses, phrases and groups, read from it, are carried into later versions (../detach.ts).
  const sub = new ReportDocument(detached(doc.text.slice(sp.start, sp.end)));
  if (sub.view.text !== doc.view.text.slice(view.start, view.end)) return undefined;
  for (let i = sp.from; i < sp.to; i++) if (doc.boilerplate.has(i) !== sub.boilerplate.has(i - sp.from)) return undefined;
  const at = spliceOfFigures(doc, d, qs, old);
  if (!at) return undefined;
  const { k0, kEnd, k1 } = at;
  const sq = quantities(sub);
  if (sq.length !== kEnd - k0) return undefined;
  // Read alone, a figure on the region's first line does not see the line before (占…的): then it is not the same.
  for (let k = 0; k < sq.length; k++) if (!sameMoved(sq[k], qs[k0 + k], view.start)) return undefined;
  const r: Region = { sub, view, k0, kEnd, k1, di: kEnd - k1, dv: view.end - view.prevEnd, dl: sp.to - sp.prevTo };
  regions.set(d, r);
  return r;
}

/** Quantity fields that say where it is: compared moved, or (its index) not at all. Where its numeral starts and ends and where it ends are read from start and its packed fields, not fields. */
const MOVED = new Set(['start']);

/** `b` is `a` moved by `dv` view characters (its index aside; its line follows from where it starts). */
function sameMoved(a: Quantity, b: Quantity, dv: number): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = Object.keys(rb);
  if (keys.length !== Object.keys(ra).length) return false;
  for (const k of keys) {
    if (MOVED.has(k)) {
      if (rb[k] !== (ra[k] as number) + dv) return false;
    } else if (k !== 'index' && !Object.is(ra[k], rb[k]) && (typeof ra[k] !== 'object' || JSON.stringify(ra[k]) !== JSON.stringify(rb[k]))) return false;
  }
  return true;
}

/** The clause layer of a derived document: the previous version's before and after the region (moved), the region's read alone. */
export function deriveClauses(doc: ReportDocument): Clauses | undefined {
  const d = doc.derivation;
  const old = d?.prev.memoed('figures:clauses') as Clauses | undefined;
  if (!d || !old) return undefined;
  const r = regionOf(doc);
  if (!r) return undefined;
  const sp = d.splice;
  const sc = clausesOf(r.sub);
  const sFrom = firstSentenceOnLine(old, sp.from);
  const sTo = firstSentenceOnLine(old, sp.prevTo);
  const firstOf = (s: number) => (s < old.sentenceCount ? old.sents[s * SENT_FIELDS + S_FIRST] : old.clauseCount);
  const cFrom = firstOf(sFrom);
  const cTo = firstOf(sTo);
  const aFrom = firstAsideFrom(old, r.view.start);
  const aTo = firstAsideFrom(old, r.view.prevEnd);
  const jFrom = old.innerStart(aFrom);
  const jTo = old.innerStart(aTo);
  const nSub = { c: sc.clauseCount, s: sc.sentenceCount, a: sc.asideCount, j: sc.innerCount };
  const ds = sFrom + nSub.s - sTo;
  const dc = cFrom + nSub.c - cTo;
  const da = aFrom + nSub.a - aTo;
  const dj = jFrom + nSub.j - jTo;
  const out: PackedClauses = {
    tops: new Int32Array((old.clauseCount + dc) * TOP_FIELDS),
    sents: new Int32Array((old.sentenceCount + ds) * SENT_FIELDS),
    sides: new Int32Array((old.asideCount + da) * SIDE_FIELDS),
    inner: new Int32Array(old.inner.length + dj * INNER_FIELDS),
  };
  // Before the region: the previous version's rows as they are.
  out.tops.set(old.tops.subarray(0, cFrom * TOP_FIELDS));
  out.sents.set(old.sents.subarray(0, sFrom * SENT_FIELDS));
  out.sides.set(old.sides.subarray(0, aFrom * SIDE_FIELDS));
  out.inner.set(old.inner.subarray(0, jFrom * INNER_FIELDS));
  // The region's, then the previous version's after it, moved.
  moveClauses(sc, { c: 0, s: 0, a: 0, j: 0 }, nSub, { c: cFrom, s: sFrom, a: aFrom, j: jFrom }, r.view.start, sp.from, out);
  moveClauses(old, { c: cTo, s: sTo, a: aTo, j: jTo }, { c: old.clauseCount, s: old.sentenceCount, a: old.asideCount, j: old.innerCount }, { c: cFrom + nSub.c, s: sFrom + nSub.s, a: aFrom + nSub.a, j: jFrom + nSub.j }, r.dv, r.dl, out);
  r.clauses = { sub: { top: cFrom, inner: jFrom }, old: { top: dc, inner: dj } };
  d.derived.push('figures:clauses');
  return new Clauses(out);
}

/** Row numbers in each packed list of a Clauses: top-level clauses, sentences, asides, the asides' clauses. */
interface At {
  c: number;
  s: number;
  a: number;
  j: number;
}

/**
 * The rows [from, to) of each of `src`'s packed lists copied onto `out` from row `at` on,
 * moved: view offsets by dv, lines by dl, and the numbers of sentences, top-level clauses and
 * the asides' clauses they hold by where their rows now are.
 */
function moveClauses(src: Clauses, from: At, to: At, at: At, dv: number, dl: number, out: PackedClauses): void {
  const ds = at.s - from.s;
  const dc = at.c - from.c;
  const da = at.a - from.a;
  const dj = at.j - from.j;
  // A clause's info is its sentence · 8 + its stop.
  const di = ds * 8;
  // Four loops written out, not one over a table of shifts by field: they run on every edit
  // (≈100,000 rows on 1 M characters), and the general loop measured 0.3–0.6 ms more an edit.
  let a = src.tops;
  let b = out.tops;
  for (let k = from.c, i = k * TOP_FIELDS, o = at.c * TOP_FIELDS; k < to.c; k++, i += TOP_FIELDS, o += TOP_FIELDS) {
    b[o + C_START] = a[i + C_START] + dv;
    b[o + C_END] = a[i + C_END] + dv;
    b[o + C_INFO] = a[i + C_INFO] + di;
  }
  a = src.sents;
  b = out.sents;
  for (let k = from.s, i = k * SENT_FIELDS, o = at.s * SENT_FIELDS; k < to.s; k++, i += SENT_FIELDS, o += SENT_FIELDS) {
    b[o + S_START] = a[i + S_START] + dv;
    b[o + S_END] = a[i + S_END] + dv;
    b[o + S_LINE] = a[i + S_LINE] + dl;
    b[o + S_FIRST] = a[i + S_FIRST] + dc;
    b[o + S_LAST] = a[i + S_LAST] + dc;
    b[o + S_IN_PARA] = a[i + S_IN_PARA];
  }
  a = src.sides;
  b = out.sides;
  for (let k = from.a, i = k * SIDE_FIELDS, o = at.a * SIDE_FIELDS; k < to.a; k++, i += SIDE_FIELDS, o += SIDE_FIELDS) {
    b[o + A_OPEN] = a[i + A_OPEN] + dv;
    b[o + A_CLOSE] = a[i + A_CLOSE] + dv;
    b[o + A_ANCHOR] = a[i + A_ANCHOR] + dc;
    b[o + A_FIRST] = a[i + A_FIRST] + dj;
  }
  a = src.inner;
  b = out.inner;
  for (let k = from.j, i = k * INNER_FIELDS, o = at.j * INNER_FIELDS; k < to.j; k++, i += INNER_FIELDS, o += INNER_FIELDS) {
    b[o + C_START] = a[i + C_START] + dv;
    b[o + C_END] = a[i + C_END] + dv;
    b[o + C_INFO] = a[i + C_INFO] + di;
    b[o + C_ASIDE] = a[i + C_ASIDE] + da;
  }
}

/** The phrases of a derived document (its quantities and clauses derived). */
export function derivePhrases(doc: ReportDocument): Phrases | undefined {
  const d = doc.derivation;
  const old = d?.prev.memoed('figures:phrases') as Phrases | undefined;
  if (!d || !old) return undefined;
  const clauses = clausesOf(doc);
  const r = regionOf(doc);
  const moves = r?.clauses;
  if (!r || !moves) return undefined;
  const qs = quantities(doc);
  const sub = phrasesOf(r.sub);
  const n = r.k0 + sub.length + old.length - r.k1;
  if (n !== qs.length) return undefined;
  // The region's markers by their index in the new table: the previous version's table, with those it lacks added (a copy, only then).
  let markers = old.markers;
  const markerOf = new Int32Array(sub.markers.length);
  for (let m = 0; m < sub.markers.length; m++) {
    let at = markers.indexOf(sub.markers[m]);
    if (at < 0) {
      if (markers === old.markers) markers = markers.slice();
      at = (markers as string[]).push(sub.markers[m]) - 1;
    }
    markerOf[m] = at;
  }
  if (markers.length > MAX_MARKERS) return undefined;
  const rows = new Int32Array(n * PHRASE_FIELDS);
  rows.set(old.rows.subarray(0, r.k0 * PHRASE_FIELDS));
  // The words kept as strings are in the order of their phrases: those of the phrases before the region are the table's first.
  let kept = old.pres.length;
  for (let k = r.k0, o = k * PHRASE_FIELDS; k < old.length; k++, o += PHRASE_FIELDS) {
    if (old.rows[o + P_CLAUSE] !== NO_PHRASE && old.rows[o + P_PRE] >= 0) {
      kept = old.rows[o + P_PRE];
      break;
    }
  }
  const pres = old.pres.slice(0, kept);
  movePhrases(sub, 0, sub.length, rows, r.k0, moves.sub, r.view.start, markerOf, pres);
  movePhrases(old, r.k1, old.length, rows, r.k0 + sub.length, moves.old, r.dv, undefined, pres);
  d.derived.push('figures:phrases');
  return new Phrases(doc.view.text, qs, clauses, rows, markers, pres);
}

/**
 * The rows [from, to) of `src` copied onto `rows` from row `at` on, moved: clauses by `m`,
 * view offsets by dv, markers through `markerOf` (none: as they are), the words kept as
 * strings appended to `pres`.
 */
function movePhrases(src: Phrases, from: number, to: number, rows: Int32Array, at: number, m: ClauseMove, dv: number, markerOf: Int32Array | undefined, pres: string[]): void {
  const a = src.rows;
  for (let k = from, i = k * PHRASE_FIELDS, o = at * PHRASE_FIELDS; k < to; k++, i += PHRASE_FIELDS, o += PHRASE_FIELDS) {
    const c = a[i + P_CLAUSE];
    if (c === NO_PHRASE) {
      rows[o + P_CLAUSE] = NO_PHRASE;
      continue;
    }
    // Clauses.refOf: a top-level clause's index, or -1 - the row of an aside's clause.
    rows[o + P_CLAUSE] = c >= 0 ? c + m.top : c - m.inner;
    rows[o + P_START] = a[i + P_START] + dv;
    rows[o + P_MARKER] = markerOf ? markerOf[a[i + P_MARKER]] : a[i + P_MARKER];
    const pre = a[i + P_PRE];
    rows[o + P_PRE] = pre < 0 ? -1 : pres.push(src.pres[pre]) - 1;
  }
}

/** The groups of a derived document (its quantities derived): those of the previous version before and after the region (moved), the region's read alone. */
export function deriveGroups(doc: ReportDocument): Group[] | undefined {
  const d = doc.derivation;
  const old = d?.prev.memoed('figures:groups') as Group[] | undefined;
  if (!d || !old) return undefined;
  const r = regionOf(doc);
  if (!r) return undefined;
  const qs = quantities(doc);
  const out: Group[] = [];
  let k = 0;
  while (k < old.length && old[k].at < r.view.start) out.push(old[k++]);
  for (const g of groupsOf(r.sub)) out.push(movedGroup(g, (q) => qs[q.index + r.k0], g.at + r.view.start));
  while (k < old.length && old[k].at < r.view.prevEnd) k++;
  for (; k < old.length; k++) out.push(movedGroup(old[k], (q) => qs[q.index + r.di], old[k].at + r.dv));
  d.derived.push('figures:groups');
  return out;
}

/** A group moved, its fields written out in groups.ts's order (not spread: a spread copy is a slow path, ≈1 ms an edit on 1 M). */
function movedGroup(g: Group, q: (q: Quantity) => Quantity, at: number): Group {
  return {
    total: q(g.total),
    parts: g.parts.map(q),
    marker: g.marker,
    at,
    exhaustive: g.exhaustive,
    alternatives: g.alternatives.map(q),
    partClause: g.partClause,
    survey: g.survey,
    unknown: g.unknown,
  };
}

/** Index of the first sentence on line `line` or after it. */
function firstSentenceOnLine(c: Clauses, line: number): number {
  return lowerBoundIndex(c.sentenceCount, (k) => c.sents[k * SENT_FIELDS + S_LINE] < line);
}

/** Index of the first aside that opens at view offset `at` or after it. */
const firstAsideFrom = (c: Clauses, at: number) => lowerBoundIndex(c.asideCount, (k) => c.sides[k * SIDE_FIELDS + A_OPEN] < at);

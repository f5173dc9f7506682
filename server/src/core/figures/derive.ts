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
import { AsideClause, BracketAside, Clauses, clausesOf, SENT_FIELDS, S_END, S_FIRST, S_IN_PARA, S_LAST, S_LINE, S_START, TopClause, type Aside, type Clause } from './clauses';
import { groupsOf, type Group } from './groups';
import { movedPhrase, phrasesOf, type Phrase, type Phrases } from './phrases';
import { firstQuantityFrom, Quantity, quantities, readQuantityLines } from './quantity';
import { lowerBound, lowerBoundIndex } from '../search';

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
  if (sp.to < lines.length && (sp.changedTo >= sp.to || lines[sp.to].start - lines[sp.changedTo].start <= LOOK_BACK)) return undefined;
  const oldLines = d.prev.built.viewLines;
  if (!oldLines) return undefined;
  const k0 = firstOnLine(old, oldLines, sp.from);
  const k1 = firstOnLine(old, oldLines, sp.prevTo);
  const out = old.slice(0, k0);
  const read = out.length;
  readQuantityLines(text, lines, skip, sp.from, sp.to, out);
  // Their strings are cut from this version's view, and later versions keep them (../detach.ts).
  for (let k = read; k < out.length; k++) detachStrings(out[k]);
  const dv = region.end - region.prevEnd;
  const di = out.length - k1;
  for (let k = k1; k < old.length; k++) out.push(movedQuantity(old[k], dv, di));
  d.derived.push('figures:quantities');
  return out;
}

/**
 * A quantity moved: view offsets by dv, index by di. Every field passed to the
 * constructor; a field added there and not here fails the property test
 * (test/property/derive.property.test.ts).
 */
function movedQuantity(o: Quantity, dv: number, di: number): Quantity {
  return new Quantity(o.index + di, o.start + dv, o.end + dv, o.numStart + dv, o.numEnd + dv, o.value, o.high, o.unit, o.after, o.rate, o.facts);
}

/**
 * Index of the first quantity on view line `line` or after it, in the version whose view
 * lines are `lines` (a figure starts within its line's clause, so at or after the line's start).
 */
export function firstOnLine(qs: readonly Quantity[], lines: readonly { start: number }[], line: number): number {
  return line < lines.length ? firstQuantityFrom(qs, lines[line].start) : qs.length;
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
  /** Set when the clauses are derived: where a clause of the region, or of the previous version after it, now is. */
  clauses?: { sub: ClauseMove; old: ClauseMove };
}

/** Where the clauses of one source (the region read alone, or the previous version) went. */
interface ClauseMove {
  dc: number;
  into: Clause[];
  /** The source's asides, those from index `from` on moved to `out` from index `to` on, in order (found by where they open: no map from each to its copy). */
  asides: readonly Aside[];
  from: number;
  out: readonly Aside[];
  to: number;
  /** The index of the source aside found last: phrases come in text order, so the next one asked for is mostly that one or the next. */
  hint: number;
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

/** Quantity fields that say where it is: compared moved, or (its index) not at all. Its numStart is read from start and its packed facts, not a field. */
const MOVED = new Set(['start', 'end', 'numEnd']);

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
  const firstOf = (s: number) => (s < old.sentenceCount ? old.sents[s * SENT_FIELDS + S_FIRST] : old.clauses.length);
  const cFrom = firstOf(sFrom);
  const cTo = firstOf(sTo);
  const aFrom = firstAsideFrom(old.asides, r.view.start);
  const aTo = firstAsideFrom(old.asides, r.view.prevEnd);
  const sents = new Int32Array((sFrom + sc.sentenceCount + old.sentenceCount - sTo) * SENT_FIELDS);
  sents.set(old.sents.subarray(0, sFrom * SENT_FIELDS));
  const out = { clauses: old.clauses.slice(0, cFrom), sents, asides: old.asides.slice(0, aFrom) };
  moveClauses(sc.clauses, 0, sc.sents, 0, sc.sentenceCount, sc.asides, 0, r.view.start, sp.from, sFrom, cFrom, out, sFrom);
  const ds = sFrom + sc.sentenceCount - sTo;
  const dc = cFrom + sc.clauses.length - cTo;
  moveClauses(old.clauses, cTo, old.sents, sTo, old.sentenceCount, old.asides, aTo, r.dv, r.dl, ds, dc, out, sFrom + sc.sentenceCount);
  r.clauses = {
    sub: { dc: cFrom, into: out.clauses, asides: sc.asides, from: 0, out: out.asides, to: aFrom, hint: 0 },
    old: { dc, into: out.clauses, asides: old.asides, from: aTo, out: out.asides, to: aFrom + sc.asides.length, hint: aTo },
  };
  d.derived.push('figures:clauses');
  return new Clauses(doc.view.text, [], EMPTY_SET, out);
}

const EMPTY_SET: ReadonlySet<number> = new Set();

/**
 * Clauses from `c0` on, sentences [s0, s1) of the packed `sents` and asides from `a0` on moved
 * (view offsets by dv, lines by dl, sentence and clause numbers by ds and dc) onto `out` (the
 * sentences from row `at` of out.sents on), in order.
 */
function moveClauses(
  clauses: readonly Clause[],
  c0: number,
  sents: Int32Array,
  s0: number,
  s1: number,
  asides: readonly Aside[],
  a0: number,
  dv: number,
  dl: number,
  ds: number,
  dc: number,
  out: { clauses: Clause[]; sents: Int32Array; asides: Aside[] },
  at: number,
): void {
  for (let n = a0; n < asides.length; n++) {
    const a = asides[n];
    const b = new BracketAside(a.open + dv, a.close + dv);
    b.anchor = a.anchor + dc;
    const cs: Clause[] = new Array(a.clauses.length);
    for (let k = 0; k < cs.length; k++) {
      const c = a.clauses[k];
      cs[k] = new AsideClause(c.start + dv, c.end + dv, c.stop, c.sentence + ds, c.index, b);
    }
    b.clauses = cs;
    out.asides.push(b);
  }
  for (let n = c0; n < clauses.length; n++) {
    const c = clauses[n];
    out.clauses.push(new TopClause(c.start + dv, c.end + dv, c.stop, c.sentence + ds, c.index + dc));
  }
  const to = out.sents;
  for (let s = s0, o = at * SENT_FIELDS; s < s1; s++, o += SENT_FIELDS) {
    const i = s * SENT_FIELDS;
    to[o + S_START] = sents[i + S_START] + dv;
    to[o + S_END] = sents[i + S_END] + dv;
    to[o + S_LINE] = sents[i + S_LINE] + dl;
    to[o + S_FIRST] = sents[i + S_FIRST] + dc;
    to[o + S_LAST] = sents[i + S_LAST] + dc;
    to[o + S_IN_PARA] = sents[i + S_IN_PARA];
  }
}

/** Where a clause of the region or of the previous version now is. */
function movedClause(c: Clause, m: ClauseMove): Clause {
  if (!c.aside) return m.into[c.index + m.dc];
  const a = c.aside;
  const h = m.hint;
  const n = m.asides[h] === a ? h : m.asides[h + 1] === a ? h + 1 : firstAsideFrom(m.asides, a.open);
  m.hint = n;
  return m.out[m.to + n - m.from].clauses[c.index];
}

/** The phrases of a derived document (its quantities and clauses derived). */
export function derivePhrases(doc: ReportDocument): Phrases | undefined {
  const d = doc.derivation;
  const old = d?.prev.memoed('figures:phrases') as Phrases | undefined;
  if (!d || !old) return undefined;
  clausesOf(doc);
  const r = regionOf(doc);
  const moves = r?.clauses;
  if (!r || !moves) return undefined;
  const qs = quantities(doc);
  const out: (Phrase | undefined)[] = old.slice(0, r.k0);
  const sub = phrasesOf(r.sub);
  for (let k = 0; k < sub.length; k++) {
    const p = sub[k];
    out.push(p && movedPhrase(p, qs[r.k0 + k], movedClause(p.clause, moves.sub), p.start + r.view.start));
  }
  for (let k = r.k1; k < old.length; k++) {
    const p = old[k];
    out.push(p && movedPhrase(p, qs[k + r.di], movedClause(p.clause, moves.old), p.start + r.dv));
  }
  if (out.length !== qs.length) return undefined;
  d.derived.push('figures:phrases');
  return out;
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
const firstAsideFrom = (as: readonly Aside[], at: number) => lowerBound(as, (a) => a.open < at);

// The figures layers of a version derived from the previous one (model/derive.ts): the
// quantities of the lines before the changed region are the previous version's (the same
// objects), the region's are read, and those after it are the previous version's moved —
// view offsets by the difference in the view's length, line, sentence and clause numbers and
// indices by the difference in their counts. Undefined whenever that is not certain: the
// caller then reads the document whole.
import type { ReportDocument } from '../model/document';
import { readQuantityLines, stopsIn, type Quantity } from './quantity';

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
  const prev = d.prev.built;
  const oldText = prev.view!.text;
  const oldLines = prev.viewLines!;
  const oldSkip = prev.boilerplate!;
  const k0 = firstOnLine(old, sp.from);
  const k1 = firstOnLine(old, sp.prevTo);
  // The counters before line `from` (the same in both versions: the text before it is).
  const state = { sentence: 0, clause: 0 };
  let line = 0;
  if (k0 > 0) {
    const q = old[k0 - 1];
    const rest = stopsIn(text, q.numStart, lines[q.line].end);
    state.sentence = q.sentence + rest.sentences;
    state.clause = q.clause + rest.clauses;
    line = q.line + 1;
  }
  for (; line < sp.from; line++) add(state, text, lines[line], skip.has(line), 1);
  const out = old.slice(0, k0);
  readQuantityLines(text, lines, skip, sp.from, sp.to, state, out);
  if (k1 < old.length) {
    // The previous version's counters before line prevTo, back from its first quantity after the region.
    const q = old[k1];
    const was = stopsIn(oldText, oldLines[q.line].start, q.numStart);
    const before = { sentence: q.sentence - was.sentences, clause: q.clause - was.clauses };
    for (let l = sp.prevTo; l <= q.line; l++) add(before, oldText, oldLines[l], l === q.line || oldSkip.has(l), -1);
    const ds = state.sentence - before.sentence;
    const dc = state.clause - before.clause;
    const dv = region.end - region.prevEnd;
    const dl = sp.to - sp.prevTo;
    const di = out.length - k1;
    for (let k = k1; k < old.length; k++) {
      const o = old[k];
      const q2: Quantity = { ...o };
      q2.index = o.index + di;
      q2.start = o.start + dv;
      q2.end = o.end + dv;
      q2.numStart = o.numStart + dv;
      q2.numEnd = o.numEnd + dv;
      q2.line = o.line + dl;
      q2.sentence = o.sentence + ds;
      q2.clause = o.clause + dc;
      out.push(q2);
    }
  }
  d.derived.push('figures:quantities');
  return out;
}

/** A line's effect on the counters (times `sign`): one each for the line, and its marks unless it is skipped. */
function add(state: { sentence: number; clause: number }, text: string, line: { start: number; end: number }, skipped: boolean, sign: number): void {
  state.sentence += sign;
  state.clause += sign;
  if (skipped) return;
  const s = stopsIn(text, line.start, line.end);
  state.sentence += sign * s.sentences;
  state.clause += sign * s.clauses;
}

/** Index of the first quantity on line `line` or after it (quantities are in line order). */
function firstOnLine(qs: readonly Quantity[], line: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

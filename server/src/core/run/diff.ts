// The difference of two versions of a text as small edits of the first, for changes made
// as a whole (a script conversion): one edit per changed run, so the editor keeps the
// cursor and undo stays small. Line by line when the line count is unchanged (a conversion
// never adds or removes lines); within a line, character by character when its length is
// unchanged, else the changed middle. Otherwise one edit with the unchanged ends trimmed.
import type { TextEdit } from '../types';
import { splitLines } from '../model/lines';

export function diffEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const la = splitLines(a);
  const lb = splitLines(b);
  if (la.length !== lb.length) return [middle(a, b, 0, a.length, 0, b.length)];
  const out: TextEdit[] = [];
  for (let i = 0; i < la.length; i++) {
    // Each line with its line break: a changed break is part of the line's edit.
    const aEnd = i + 1 < la.length ? la[i + 1].start : a.length;
    const bEnd = i + 1 < lb.length ? lb[i + 1].start : b.length;
    const as = la[i].start;
    const bs = lb[i].start;
    if (aEnd - as === bEnd - bs) {
      if (a.slice(as, aEnd) === b.slice(bs, bEnd)) continue;
      runs(a, b, as, aEnd, bs, out);
    } else out.push(middle(a, b, as, aEnd, bs, bEnd));
  }
  return out;
}

/** Runs of differing characters between two equally long ranges (whole surrogate pairs). */
function runs(a: string, b: string, as: number, ae: number, bs: number, out: TextEdit[]): void {
  const shift = bs - as;
  for (let i = as; i < ae; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i + shift)) continue;
    let j = i + 1;
    while (j < ae && a.charCodeAt(j) !== b.charCodeAt(j + shift)) j++;
    let s = i;
    if (s > as && isLow(a.charCodeAt(s))) s--;
    if (j < ae && isLow(a.charCodeAt(j))) j++;
    if (out.length && out[out.length - 1].end >= s) {
      const last = out.pop()!;
      s = last.start;
    }
    out.push({ start: s, end: j, newText: b.slice(s + shift, j + shift) });
    i = j - 1;
  }
}

/** One edit for [as, ae) of `a` → [bs, be) of `b` with the equal ends trimmed (whole characters and line breaks). */
export function middle(a: string, b: string, as: number, ae: number, bs: number, be: number): TextEdit {
  let p = 0;
  while (as + p < ae && bs + p < be && a[as + p] === b[bs + p]) p++;
  let q = 0;
  while (ae - q > as + p && be - q > bs + p && a[ae - 1 - q] === b[be - 1 - q]) q++;
  const splits = (s: string, i: number) => i > 0 && i < s.length && (isLow(s.charCodeAt(i)) || (s[i - 1] === '\r' && s[i] === '\n'));
  while (p > 0 && (splits(a, as + p) || splits(b, bs + p))) p--;
  while (q > 0 && (splits(a, ae - q) || splits(b, be - q))) q--;
  return { start: as + p, end: ae - q, newText: b.slice(bs + p, be - q) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

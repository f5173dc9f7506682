// The source lines of one finding with its span underlined, as compilers show them:
//
//   15 | …今年评选优秀楼栋长5人，分别是张华、李明、王芳、赵强。…
//      |    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^----------------------
//
// `^` marks the finding, `-` the other places it involves (the numbers of a sum, the names
// counted). Reports hold a paragraph per line, so a long line is cut to the terminal's
// width around the span (… at each cut). Columns are counted as the terminal draws them
// (width.ts), so the marks sit under the right characters in Chinese text.
import type { Line } from '../core/model/lines';
import { lineIndexAt } from '../core/model/lines';
import type { Span } from '../core/types';
import { cells, type Cell } from './width';

export interface FrameStyle {
  gutter(s: string): string;
  secondary(s: string): string;
  dim(s: string): string;
}

type Paint = (s: string) => string;

export interface FrameSource {
  text: string;
  lines: Line[];
}

/** Most lines besides the finding's own that a frame shows for its related places. */
const MAX_OTHER_LINES = 2;
/** Never narrower than this, whatever the terminal says. */
const MIN_WIDTH = 24;

interface Mark {
  /** UTF-16 offsets from the line start, end exclusive; equal for an insertion point. */
  start: number;
  end: number;
  primary: boolean;
}

/** Draws the frames of one file's findings (caching each line's cells). */
export class CodeFrames {
  private readonly cellCache = new Map<number, LineCells>();

  constructor(
    private readonly src: FrameSource,
    private readonly columns: number,
    private readonly style: FrameStyle,
    /** The words after an underline whose span runs on: `to line 14`. */
    private readonly toLine: (line: number) => string,
  ) {}

  /**
   * The frame's rows (no trailing newline), indented by two spaces; `primary` paints the
   * finding's marks; `notes` follow as `= note` rows (the fix).
   */
  frame(finding: Span & { related?: readonly Span[] }, primary: Paint = (s) => s, notes: readonly string[] = []): string[] {
    const { lines } = this.src;
    const own = lineIndexAt(lines, finding.start);
    const others = new Set<number>();
    for (const r of finding.related ?? []) {
      const li = lineIndexAt(lines, r.start);
      if (li !== own && others.size < MAX_OTHER_LINES) others.add(li);
    }
    const shown = [own, ...others].sort((a, b) => a - b);
    const digits = String(shown[shown.length - 1] + 1).length;
    const pad = ' '.repeat(digits);
    const rows: string[] = [];
    let previous = -1;
    for (const li of shown) {
      if (previous >= 0 && li > previous + 1) rows.push(`  ${this.style.gutter(`${' '.repeat(Math.max(0, digits - 2))}...`)}`);
      previous = li;
      const marks = this.marksOn(li, finding);
      const [content, underline] = this.drawLine(li, marks, this.columns - digits - 5, primary);
      rows.push(`  ${this.style.gutter(`${String(li + 1).padStart(digits)} |`)} ${content}`);
      let label = '';
      const endLine = lineIndexAt(lines, Math.max(finding.start, finding.end - 1));
      if (li === own && endLine > own) label = ' ' + this.style.dim(this.toLine(endLine + 1));
      rows.push(`  ${this.style.gutter(`${pad} |`)} ${underline}${label}`.trimEnd());
    }
    for (const n of notes) rows.push(`  ${pad} ${this.style.gutter('=')} ${n}`);
    return rows;
  }

  private marksOn(li: number, finding: Span & { related?: readonly Span[] }): Mark[] {
    const line = this.src.lines[li];
    const clip = (s: Span, primary: boolean): Mark | undefined => {
      if (s.start < line.start || s.start > line.end) return undefined;
      return { start: s.start - line.start, end: Math.min(s.end, line.end) - line.start, primary };
    };
    const marks: Mark[] = [];
    const p = clip(finding, true);
    if (p) marks.push(p);
    for (const r of finding.related ?? []) {
      const m = clip(r, false);
      // A related place that is the finding itself adds nothing to draw.
      if (m && !(p && m.start === p.start && m.end === p.end)) marks.push(m);
    }
    return marks;
  }

  private lineOf(li: number): LineCells {
    let c = this.cellCache.get(li);
    if (!c) {
      const line = this.src.lines[li];
      const cs = cells(this.src.text.slice(line.start, line.end));
      // The byte-order mark is not part of the text.
      if (li === 0 && cs.length && this.src.text.charCodeAt(0) === 0xfeff) cs[0] = { ...cs[0], text: '', width: 0 };
      // The place after the last character: where an insertion point or a missing mark is shown.
      cs.push({ offset: line.end - line.start, text: '', width: 1 });
      const prefix = new Int32Array(cs.length + 1);
      for (let i = 0; i < cs.length; i++) prefix[i + 1] = prefix[i] + cs[i].width;
      c = { cells: cs, prefix };
      this.cellCache.set(li, c);
    }
    return c;
  }

  /** The line (cut to `budget` columns around the marks) and its underline row. */
  private drawLine(li: number, marks: Mark[], budget: number, primary: Paint): [string, string] {
    const line = this.lineOf(li);
    const cs = line.cells;
    // The end-of-line cell is drawn only when a mark is there.
    const limit = marks.some((m) => m.start >= cs[cs.length - 1].offset) ? cs.length : cs.length - 1;
    const ranges = marks.map((m) => {
      const s = cellAt(cs, m.start);
      return { s, e: m.end > m.start ? Math.max(s + 1, cellAt(cs, m.end)) : s + 1, primary: m.primary };
    });
    // 2 under the finding, 1 under a related place (drawn over the finding: it is inside it), 0 elsewhere.
    const kindAt = (i: number): number => {
      let k = 0;
      for (const r of ranges) {
        if (i < r.s || i >= r.e) continue;
        if (!r.primary) return 1;
        k = 2;
      }
      return k;
    };
    const [a, b] = window(line.prefix, limit, ranges, Math.max(MIN_WIDTH, budget));
    let content = a > 0 ? this.style.dim('…') : '';
    let underline = a > 0 ? ' ' : '';
    let run = '';
    let runKind = 0;
    const flush = () => {
      if (!run) return;
      underline += runKind === 2 ? primary(run) : runKind === 1 ? this.style.secondary(run) : run;
      run = '';
    };
    for (let i = a; i < b; i++) {
      content += cs[i].text;
      const k = kindAt(i);
      if (k !== runKind) flush();
      runKind = k;
      run += (k === 2 ? '^' : k === 1 ? '-' : ' ').repeat(cs[i].width);
    }
    flush();
    if (b < limit) content += this.style.dim('…');
    if (!/[-^]/.test(underline)) {
      // Every marked character was zero-width: point at the place all the same.
      const at = Math.min(...ranges.map((r) => r.s));
      const col = line.prefix[Math.max(a, Math.min(at, b))] - line.prefix[a] + (a > 0 ? 1 : 0);
      underline = ' '.repeat(col) + primary('^');
    }
    return [content, underline.trimEnd()];
  }
}

interface LineCells {
  /** The line's cells and one more for the place after its end. */
  cells: Cell[];
  /** prefix[i]: columns of cells [0, i). */
  prefix: Int32Array;
}

/** Index of the first cell at or after a UTF-16 offset of the line (binary search). */
function cellAt(cs: Cell[], offset: number): number {
  let lo = 0;
  let hi = cs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cells [a, b) to show within `budget` columns: the marks, with context on both sides. */
function window(prefix: Int32Array, limit: number, ranges: { s: number; e: number; primary: boolean }[], budget: number): [number, number] {
  if (prefix[limit] <= budget) return [0, limit];
  const width = (a: number, b: number) => prefix[b] - prefix[a];
  const avail = budget - 2; // room for an ellipsis at each cut
  const span = (rs: typeof ranges): [number, number] | undefined =>
    rs.length ? [Math.min(...rs.map((r) => r.s)), Math.min(limit, Math.max(...rs.map((r) => r.e)))] : undefined;
  // The finding; widened to its related places when they fit.
  let [a, b] = span(ranges.filter((r) => r.primary)) ?? span(ranges) ?? [0, 1];
  const all = span(ranges);
  if (all && width(all[0], all[1]) <= avail) [a, b] = all;
  if (width(a, b) > avail) {
    // The span alone is wider than the screen: show its start.
    b = a;
    while (b < limit && width(a, b + 1) <= avail) b++;
    return [a, Math.max(b, a + 1)];
  }
  // Context: up to half of what is left before the span (what a figure refers to is
  // usually written before it), the rest after, then before again if the line ended.
  const before = Math.floor((avail - width(a, b)) / 2);
  const first = a;
  while (a > 0 && width(a - 1, first) <= before) a--;
  while (b < limit && width(a, b + 1) <= avail) b++;
  while (a > 0 && width(a - 1, b) <= avail) a--;
  return [a, b];
}

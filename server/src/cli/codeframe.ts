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
import { cells, stringWidth, type Cell } from './width';

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
  private readonly cellCache = new Map<number, Cell[]>();

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

  private cellsOf(li: number): Cell[] {
    let c = this.cellCache.get(li);
    if (!c) {
      const line = this.src.lines[li];
      c = cells(this.src.text.slice(line.start, line.end));
      // The byte-order mark is not part of the text.
      if (li === 0 && c.length && this.src.text.charCodeAt(0) === 0xfeff) c[0] = { ...c[0], text: '', width: 0 };
      this.cellCache.set(li, c);
    }
    return c;
  }

  /** The line (cut to `budget` columns around the marks) and its underline row. */
  private drawLine(li: number, marks: Mark[], budget: number, primary: Paint): [string, string] {
    const cs = this.cellsOf(li);
    const lineLength = this.src.lines[li].end - this.src.lines[li].start;
    // A mark at the end of the line (an insertion point, a missing full stop) gets a cell of its own.
    const all: Cell[] = marks.some((m) => m.start >= lineLength) ? [...cs, { offset: lineLength, text: '', width: 1 }] : cs;
    const kind = all.map((c) => markAt(marks, c.offset));
    const [a, b] = window(all, kind, Math.max(MIN_WIDTH, budget));
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
      content += all[i].text;
      const k = kind[i];
      const ch = k === 2 ? '^' : k === 1 ? '-' : ' ';
      if (k !== runKind) flush();
      runKind = k;
      run += ch.repeat(all[i].width);
    }
    flush();
    if (b < all.length) content += this.style.dim('…');
    if (!/[-^]/.test(underline)) {
      // Every marked character was zero-width: point at the place all the same.
      const at = all.findIndex((_, i) => kind[i] > 0);
      const col = stringWidth(all.slice(a, Math.max(a, at)).map((c) => c.text).join('')) + (a > 0 ? 1 : 0);
      underline = ' '.repeat(col) + primary('^');
    }
    return [content, underline.trimEnd()];
  }
}

/** 2 under the finding, 1 under a related place (drawn over the finding: it is inside it), 0 elsewhere. */
function markAt(marks: Mark[], offset: number): 0 | 1 | 2 {
  let k: 0 | 1 | 2 = 0;
  for (const m of marks) {
    const inside = m.start === m.end ? offset === m.start : offset >= m.start && offset < m.end;
    if (!inside) continue;
    if (!m.primary) return 1;
    k = 2;
  }
  return k;
}

/** The cells [a, b) to show within `budget` columns: the marks, with context on both sides. */
function window(all: Cell[], kind: number[], budget: number): [number, number] {
  const total = all.reduce((s, c) => s + c.width, 0);
  if (total <= budget) return [0, all.length];
  const avail = budget - 2; // room for an ellipsis at each cut
  let first = kind.indexOf(2);
  let last = kind.lastIndexOf(2);
  if (first < 0) first = last = Math.max(0, kind.findIndex((k) => k > 0));
  // Widen the focus to the related places when they fit.
  const anyFirst = kind.findIndex((k) => k > 0);
  const anyLast = kind.length - 1 - [...kind].reverse().findIndex((k) => k > 0);
  if (anyFirst >= 0 && widthOf(all, anyFirst, anyLast + 1) <= avail) [first, last] = [anyFirst, anyLast];
  let a = first;
  let b = last + 1;
  let used = widthOf(all, a, b);
  if (used > avail) {
    // The span alone is wider than the screen: show its start.
    b = a;
    used = 0;
    while (b < all.length && used + all[b].width <= avail) used += all[b++].width;
    return [a, Math.max(b, a + 1)];
  }
  // Context: up to half of what is left before the span (what a figure refers to is
  // usually written before it), the rest after, then before again if the line ended.
  const before = Math.floor((avail - used) / 2);
  let left = 0;
  while (a > 0 && left + all[a - 1].width <= before) left += all[--a].width;
  used += left;
  while (b < all.length && used + all[b].width <= avail) used += all[b++].width;
  while (a > 0 && used + all[a - 1].width <= avail) used += all[--a].width;
  return [a, b];
}

function widthOf(all: Cell[], a: number, b: number): number {
  let w = 0;
  for (let i = a; i < b; i++) w += all[i].width;
  return w;
}

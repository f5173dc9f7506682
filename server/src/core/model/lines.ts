// Lines of the original text. `end` excludes the line break (LF, CRLF or CR).
import { lowerBoundIndex } from '../search';

export interface Line {
  index: number;
  start: number;
  end: number;
}

/** Whether a line of the text ends in a lone CR (old Mac line ends): no part that reads a line alone may take such a text line by line. */
export function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** The lines of `text`; or those from `from` (a line's start) on, after the lines already in `lines`. */
export function splitLines(text: string, lines: Line[] = [], from = 0): Line[] {
  let start = from;
  // The native search for the next CR and the next LF (a CRLF is one break, a CR alone is one);
  // a text with no CR has its one search for a CR made once.
  let cr = text.indexOf('\r', start);
  let lf = text.indexOf('\n', start);
  while (cr >= 0 || lf >= 0) {
    const i = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    lines.push({ index: lines.length, start, end: i });
    start = i === cr && lf === i + 1 ? i + 2 : i + 1;
    // A search that found nothing is not made again (each would read to the end of the text).
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

/** Index of the line holding `offset` (binary search). */
export function lineIndexAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Lines held packed: line i is [starts[i], ends[i]). The view's lines (document.ts viewLines)
 * are held so: a line object is 48 bytes and a reference 8 more, and every edit made one for
 * each view line after it (14,253 on the 1 M bench report: 0.8 MB a version); an edit now
 * moves numbers.
 */
export class PackedLines {
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}

  static of(lines: readonly Line[]): PackedLines {
    const starts = new Int32Array(lines.length);
    const ends = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      starts[i] = lines[i].start;
      ends[i] = lines[i].end;
    }
    return new PackedLines(starts, ends);
  }

  get length(): number {
    return this.starts.length;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  /** Line i as an object, made now. */
  at(i: number): Line {
    return { index: i, start: this.starts[i], end: this.ends[i] };
  }

  /** Index of the line holding `offset`: the last line starting at or before it (as lineIndexAt). */
  indexAt(offset: number): number {
    const s = this.starts;
    return Math.max(0, lowerBoundIndex(s.length, (k) => s[k] <= offset) - 1);
  }
}

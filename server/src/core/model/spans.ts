// Spans in text order held packed: two Int32Arrays, no object per span. A pasted page has a
// pinyin annotation every 30 characters, and an object {start, end, syllable} each was 1.8 MB
// of what a version of the 1 M bench report keeps (31,388 of them and their array).
import type { Span } from '../types';
import { lowerBoundIndex } from '../search';

export class PackedSpans implements Iterable<Span> {
  readonly length: number;

  /** `starts` and `ends` as long as each other, in text order (by start), disjoint. */
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {
    this.length = starts.length;
  }

  /** Spans given as objects (sorted by start here: a caller's list need not be). */
  static of(spans: readonly Span[]): PackedSpans {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    return new PackedSpans(Int32Array.from(sorted, (s) => s.start), Int32Array.from(sorted, (s) => s.end));
  }

  /** The k-th span as an object, made when asked (no reader on a hot path asks). */
  at(k: number): Span {
    return { start: this.starts[k], end: this.ends[k] };
  }

  *[Symbol.iterator](): Iterator<Span> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }

  /** The first k whose span ends after `offset` (length when none does). */
  firstEndingAfter(offset: number): number {
    const ends = this.ends;
    return lowerBoundIndex(ends.length, (k) => ends[k] <= offset);
  }

  /** The first k whose span starts at or after `offset` (length when none does). */
  firstStartingFrom(offset: number): number {
    const starts = this.starts;
    return lowerBoundIndex(starts.length, (k) => starts[k] < offset);
  }
}

/** Appends spans to two growing Int32Arrays, then gives them at their length. */
export class PackedSpanBuilder {
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private n = 0;

  push(start: number, end: number): void {
    if (this.n === this.starts.length) {
      const starts = new Int32Array(this.n * 2);
      const ends = new Int32Array(this.n * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.n] = start;
    this.ends[this.n++] = end;
  }

  /** The spans [from, to) of `spans`, moved by `by`. */
  pushMoved(spans: PackedSpans, from: number, to: number, by: number): void {
    for (let k = from; k < to; k++) this.push(spans.starts[k] + by, spans.ends[k] + by);
  }

  /** The starts and ends pushed, each an array of their own exact length. */
  finish(): [Int32Array, Int32Array] {
    return [this.starts.slice(0, this.n), this.ends.slice(0, this.n)];
  }
}

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

/** `a` copied into a new array of `size` (its first `used` numbers): a growing store's next one. */
export function grownTo(a: Int32Array, used: number, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, used));
  return b;
}

/** Appends spans to two growing Int32Arrays, then gives them at their length. */
export class PackedSpanBuilder {
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  /** `capacity`: how many spans are expected (the arrays grow past it; at exactly it, finish() copies nothing). */
  constructor(capacity = 16) {
    this.starts = new Int32Array(Math.max(1, capacity));
    this.ends = new Int32Array(Math.max(1, capacity));
  }

  /** Room for `more` spans after the n pushed. */
  private reserve(more: number): void {
    const need = this.n + more;
    if (need <= this.starts.length) return;
    const size = Math.max(need, this.starts.length * 2);
    this.starts = grownTo(this.starts, this.n, size);
    this.ends = grownTo(this.ends, this.n, size);
  }

  push(start: number, end: number): void {
    if (this.n === this.starts.length) this.reserve(1);
    this.starts[this.n] = start;
    this.ends[this.n++] = end;
  }

  /** The spans [from, to) of `spans`, moved by `by` (a version's spans after an edit: tens of thousands on a pasted page, copied in one loop). */
  pushMoved(spans: PackedSpans, from: number, to: number, by: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    const { starts: s, ends: e } = spans;
    const starts = this.starts;
    const ends = this.ends;
    let n = this.n;
    for (let k = from; k < to; k++, n++) {
      starts[n] = s[k] + by;
      ends[n] = e[k] + by;
    }
    this.n = n;
  }

  /** The starts and ends pushed, each an array of their own exact length (the builder's own when it was filled exactly: it is not used after). */
  finish(): [Int32Array, Int32Array] {
    if (this.n === this.starts.length) return [this.starts, this.ends];
    return [this.starts.slice(0, this.n), this.ends.slice(0, this.n)];
  }
}

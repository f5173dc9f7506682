// Long lists of references held in chunks, so that no array of them is a "large object".
//
// V8 gives an array of more than 16,384 references (128 KB; Node runs without pointer
// compression) a space of its own: memory mapped afresh for it and unmapped when it dies, so
// every page of it is a page fault when first written. A fault cost ≈10 µs on the bench machine
// (bench.ts faultCost), and `new Array(42000)` took 1.1–1.5 ms there, 85 faults of it; as six
// arrays of 8,192 the same references took 0.04 ms (ordinary objects of the young generation,
// in pages already mapped). An edit of the 1 M bench report made six such lists of its
// 42,000 findings (run/finding-list.ts).

const CHUNK_BITS = 13;
/** References in a chunk: 8,192 (64 KB), half the size from which an array is a large object. */
export const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** A read-only list of references, by index. */
export class Chunked<T> {
  static readonly EMPTY = new Chunked<never>(0, []);

  constructor(
    readonly length: number,
    private readonly chunks: readonly (readonly T[])[],
  ) {}

  get(i: number): T {
    return this.chunks[i >> CHUNK_BITS][i & MASK];
  }
}

/** Builds a Chunked list reference by reference, in order. */
export class ChunkedBuilder<T> {
  private readonly chunks: T[][] = [];
  private chunk: T[] = [];
  private n = 0;

  /** `capacity`: about how many references are expected (a chunk is made at the size left of it; more still fit). */
  constructor(private readonly capacity = CHUNK) {}

  get length(): number {
    return this.n;
  }

  push(x: T): void {
    const k = this.n & MASK;
    if (k === 0) this.chunks.push((this.chunk = new Array<T>(Math.max(16, Math.min(CHUNK, this.capacity - this.n)))));
    // Past the size the chunk was made at, the array grows (never past CHUNK: a new chunk starts there).
    this.chunk[k] = x;
    this.n++;
  }

  /**
   * The references as one array made at its size: allocated once (an array of tens of
   * thousands grown by pushes was allocated afresh at each growth past the large-object size,
   * and copied each time). The builder is not used after.
   */
  toArray(): T[] {
    const out = new Array<T>(this.n);
    let i = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      const m = Math.min(CHUNK, this.n - i);
      for (let k = 0; k < m; k++) out[i++] = chunk[k];
    }
    return out;
  }

  /** The list, the last chunk trimmed to what it holds; the builder is not used after. */
  build(): Chunked<T> {
    if (!this.n) return Chunked.EMPTY;
    const k = this.n & MASK;
    if (k && this.chunk.length !== k) this.chunk.length = k;
    return new Chunked(this.n, this.chunks);
  }
}

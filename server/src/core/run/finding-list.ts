// Findings as a version keeps them (the checker's per-line state, its carried findings, the
// server's analysis): packed. A finding whose positions are its range alone — no related
// places, no fix but one of its own range (types.ts OwnRangeFix) — is held as its start and
// end in two Int32Arrays and a reference to a finding with the same rule, severity, message
// and fix, shared by every such finding (a pasted page repeats the same few hundred words
// thousands of times: one object each took 64–72 bytes, and their copies moved after every
// edit were most of what an edit made). Any other finding is held as it is. Readers get
// Finding objects (`at`, iteration, `toArray`), made when read.
import { isOwnRange, type Finding, type Fix, type Msg, type Severity } from '../types';
import { Chunked, ChunkedBuilder } from '../chunked';
import { grownTo } from '../model/spans';

/** Findings with the same words (rule, severity, message, fix): by message, a few per message. */
const SHARED = new WeakMap<Msg, Finding[]>();

/** Is `f` one whose positions are its range alone (held as its start, end and a shared finding)? */
function isPlain(f: Finding): boolean {
  return f.related === undefined && (f.fix === undefined || isOwnRange(f.fix));
}

/** The finding shared by the plain findings with the words of `f` (its own range not read). */
function sharedOf(f: Finding): Finding {
  let list = SHARED.get(f.message);
  if (!list) SHARED.set(f.message, (list = []));
  for (let k = 0; k < list.length; k++) {
    const s = list[k];
    if (s.rule === f.rule && s.severity === f.severity && s.fix === f.fix) return s;
  }
  // Positions no finding has: a shared finding is never handed out as it is.
  const s: Finding = f.fix ? { rule: f.rule, severity: f.severity, start: -1, end: -1, message: f.message, fix: f.fix } : { rule: f.rule, severity: f.severity, start: -1, end: -1, message: f.message };
  list.push(s);
  return s;
}

export class FindingList implements Iterable<Finding> {
  static readonly EMPTY = new FindingList(0, new Int32Array(0), new Int32Array(0), Chunked.EMPTY);

  /** The findings made when last read whole (toArray), for as long as the collector leaves them. */
  private made: WeakRef<Finding[]> | undefined;

  /** Made by FindingListBuilder (or FindingList.of); its fields are read by the builder, never written. */
  constructor(
    readonly length: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** By index: the shared finding of a plain one (positions -1), else the finding itself (in chunks: ../chunked.ts). */
    private readonly held: Chunked<Finding>,
  ) {}

  /** `findings`, in their order, packed. */
  static of(findings: readonly Finding[]): FindingList {
    if (!findings.length) return FindingList.EMPTY;
    const b = new FindingListBuilder(findings.length);
    for (let i = 0; i < findings.length; i++) b.push(findings[i]);
    return b.build();
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  rule(i: number): string {
    return this.held.get(i).rule;
  }

  severity(i: number): Severity {
    return this.held.get(i).severity;
  }

  /** What is held for finding i: the shared finding of a plain one (positions -1), else the finding itself. Two lists holding the same object at the same range hold the same finding. */
  heldAt(i: number): Finding {
    return this.held.get(i);
  }

  /** Finding i, made now (a plain one is a new object on each read). */
  at(i: number): Finding {
    const h = this.held.get(i);
    if (h.start >= 0) return h;
    return h.fix
      ? { rule: h.rule, severity: h.severity, start: this.starts[i], end: this.ends[i], message: h.message, fix: h.fix }
      : { rule: h.rule, severity: h.severity, start: this.starts[i], end: this.ends[i], message: h.message };
  }

  /** Every finding, in order: made once while the collector has not taken them (fix-all's rounds read them in turn); the array is shared: read it, never change it. */
  toArray(): Finding[] {
    const made = this.made?.deref();
    if (made) return made;
    const out = new Array<Finding>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    this.made = new WeakRef(out);
    return out;
  }

  *[Symbol.iterator](): Iterator<Finding> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** The findings of the rules and severities `keep` says yes to, made (no other finding is). */
  pick(keep: (rule: string, severity: Severity) => boolean): Finding[] {
    const out: Finding[] = [];
    for (let i = 0; i < this.length; i++) {
      const h = this.held.get(i);
      if (keep(h.rule, h.severity)) out.push(this.at(i));
    }
    return out;
  }

  /** The findings whose rule `keep` says yes to, packed (the held ones shared). */
  withRules(keep: (rule: string) => boolean): FindingList {
    return this.split(keep)[0];
  }

  /**
   * The findings whose rule `keep` says yes to, and the others: counted, then each list made at
   * its size (`keep` asked once for a run of findings of one rule): 1.2 ms on the 42,763
   * findings of the 1 M bench report, half of it the copying of the references.
   */
  split(keep: (rule: string) => boolean): [FindingList, FindingList] {
    const n = this.length;
    const held = this.held;
    const mark = new Uint8Array(n);
    let k = 0;
    let rule: string | undefined;
    let kept = false;
    for (let i = 0; i < n; i++) {
      const r = held.get(i).rule;
      if (r !== rule) {
        rule = r;
        kept = keep(r);
      }
      if (kept) {
        mark[i] = 1;
        k++;
      }
    }
    if (k === n) return [this, FindingList.EMPTY];
    if (k === 0) return [FindingList.EMPTY, this];
    const ys = new Int32Array(k);
    const ye = new Int32Array(k);
    const yh = new ChunkedBuilder<Finding>(k);
    const ns = new Int32Array(n - k);
    const ne = new Int32Array(n - k);
    const nh = new ChunkedBuilder<Finding>(n - k);
    const starts = this.starts;
    const ends = this.ends;
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      if (mark[i]) {
        ys[a] = starts[i];
        ye[a] = ends[i];
        yh.push(held.get(i));
        a++;
      } else {
        ns[b] = starts[i];
        ne[b] = ends[i];
        nh.push(held.get(i));
        b++;
      }
    }
    return [new FindingList(k, ys, ye, yh.build()), new FindingList(n - k, ns, ne, nh.build())];
  }
}

/** Builds a FindingList finding by finding, in order. */
export class FindingListBuilder {
  private starts: Int32Array;
  private ends: Int32Array;
  private readonly held: ChunkedBuilder<Finding>;
  private n = 0;

  constructor(capacity = 16) {
    this.starts = new Int32Array(Math.max(4, capacity));
    this.ends = new Int32Array(Math.max(4, capacity));
    this.held = new ChunkedBuilder<Finding>(Math.max(4, capacity));
  }

  private room(k: number): void {
    if (this.n + k <= this.starts.length) return;
    const size = Math.max(this.n + k, this.starts.length * 2);
    this.starts = grownTo(this.starts, this.n, size);
    this.ends = grownTo(this.ends, this.n, size);
  }

  push(f: Finding): void {
    if (this.n === this.starts.length) this.room(1);
    this.starts[this.n] = f.start;
    this.ends[this.n] = f.end;
    this.held.push(isPlain(f) ? sharedOf(f) : f);
    this.n++;
  }

  /** Finding i of `list`, as it is. */
  copy(list: FindingList, i: number): void {
    if (this.n === this.starts.length) this.room(1);
    this.starts[this.n] = list.starts[i];
    this.ends[this.n] = list.ends[i];
    this.held.push(list.heldAt(i));
    this.n++;
  }

  /** Findings [from, to) of `list`, moved by `by`: a plain one keeps its shared finding, its range moved; another is made moved (shifted). */
  copyRange(list: FindingList, from: number, to: number, by: number): void {
    const k = to - from;
    if (k <= 0) return;
    this.room(k);
    const n = this.n;
    const held = this.held;
    if (by === 0 && k >= 64) {
      // A long stretch: the stores copied natively.
      this.starts.set(list.starts.subarray(from, to), n);
      this.ends.set(list.ends.subarray(from, to), n);
      for (let i = 0; i < k; i++) held.push(list.heldAt(from + i));
    } else {
      const starts = this.starts;
      const ends = this.ends;
      for (let i = 0; i < k; i++) {
        starts[n + i] = list.starts[from + i] + by;
        ends[n + i] = list.ends[from + i] + by;
        const h = list.heldAt(from + i);
        held.push(h.start < 0 || by === 0 ? h : shifted(h, by));
      }
    }
    this.n = n + k;
  }

  build(): FindingList {
    if (!this.n) return FindingList.EMPTY;
    // A list is kept for as long as its version: its stores are trimmed to its length, unless
    // little is left over (a builder is made for about as many findings as it gets).
    const n = this.n;
    const trim = this.starts.length - n > (n >> 4) + 16;
    const s = trim ? this.starts.slice(0, n) : this.starts.subarray(0, n);
    const e = trim ? this.ends.slice(0, n) : this.ends.subarray(0, n);
    return new FindingList(n, s, e, this.held.build());
  }
}

/** A finding moved by `by` (the same object when it does not move; a fix of its own range is shared). */
export function shifted(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const fix = f.fix;
  // One literal with its fix (check.ts runRule makes the same two shapes).
  const g: Finding = fix
    ? { rule: f.rule, severity: f.severity, start: f.start + by, end: f.end + by, message: f.message, fix: isOwnRange(fix) ? fix : movedFix(fix, by) }
    : { rule: f.rule, severity: f.severity, start: f.start + by, end: f.end + by, message: f.message };
  if (f.related) g.related = f.related.map((r) => ({ message: r.message, start: r.start + by, end: r.end + by }));
  return g;
}

function movedFix(fix: Fix, by: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })), safe: fix.safe };
}

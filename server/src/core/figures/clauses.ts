// The clause layer every figures relation reads: paragraphs → sentences → clauses, with
// brackets and quotes understood. Offsets are VIEW offsets.
//
//   全年新造林3.05万亩（其中：甲0.5万亩，乙1.8万亩），完成抚育1万亩。
//   └ sentence ─────────────────────────────────────────────────┘
//   └ clause 0 ─────────────────────────────────┘└ clause 1 ───┘
//              └ aside: clauses 甲…, 乙… ──────┘
//
// A comma inside （…） or a short “…” does not end the clause around it; a bracket's content
// is an *aside* with clauses of its own, anchored to the clause it interrupts.
// `；` ends a clause, not a sentence: parallel parts are often joined by it
// (其中：甲339户，发放贷款6200万元；乙195户，发放贷款3817万元).
import { charTable } from '../model/chars';
import type { ReportDocument } from '../model/document';
import type { PackedLines } from '../model/lines';
import { deriveClauses } from './derive';

/** A clause, as Clauses makes it on demand (clauses are kept packed, not as objects: compare them with sameClause, not by identity). */
export interface Clause {
  readonly start: number;
  readonly end: number;
  /** The mark that ends it: ，；： or '' at a sentence end (、 separates items inside a clause). */
  readonly stop: string;
  readonly sentence: number;
  /** Index in its list (the top level, or its aside's clauses). */
  readonly index: number;
  /** Index of the aside it is in (Clauses.aside), or -1 at the top level. */
  readonly inAside: number;
}

/** A sentence, as Clauses.sentence(k) makes it on demand (sentences are kept packed, not as objects). */
export interface Sentence {
  start: number;
  end: number;
  /** View line (paragraph) index. */
  line: number;
  /** Top-level clauses first..last. */
  first: number;
  last: number;
  /** 0 = the sentence opens its paragraph. */
  inPara: number;
  index: number;
}

/** An aside, as Clauses.aside(k) makes it on demand; its clauses are read with Clauses.clauseOfAside(index, k). */
export interface Aside {
  /** View offsets of the opening and closing bracket. */
  readonly open: number;
  readonly close: number;
  /** How many clauses it has. */
  readonly size: number;
  /** Index of the top-level clause it interrupts. */
  readonly anchor: number;
  /** Its index in Clauses' asides. */
  readonly index: number;
}

/** Are `a` and `b` the same clause (of one version)? */
export function sameClause(a: Clause | undefined, b: Clause | undefined): boolean {
  return a === b || (!!a && !!b && a.index === b.index && a.inAside === b.inAside);
}

const OPEN = '（【〔';
const CLOSE = '）】〕';
const QUOTE_OPEN = '“‘《「『';
const QUOTE_CLOSE = '”’》」』';
/** A quote longer than this is prose in quotation marks, not a term: its commas split clauses. */
const MAX_QUOTE = 40;
/** A bracket that does not close within this many characters is a stray mark. */
const MAX_ASIDE = 400;
/** A clause longer than this is cut, so one 1 MB line stays linear. */
const MAX_CLAUSE = 300;
/** A sentence longer than this ends at its next clause break (figures never relate that far). */
const MAX_SENTENCE = 1000;

const SENT_STOP = charTable('。！？');
const CLAUSE_STOP = charTable('，；：');
const MARK = new Uint8Array(0x10000); // 1 open bracket, 2 close bracket, 3 open quote, 4 close quote
for (const c of OPEN) MARK[c.charCodeAt(0)] = 1;
for (const c of CLOSE) MARK[c.charCodeAt(0)] = 2;
for (const c of QUOTE_OPEN) MARK[c.charCodeAt(0)] = 3;
for (const c of QUOTE_CLOSE) MARK[c.charCodeAt(0)] = 4;
/** Which pair a bracket or quote mark belongs to, the same number for its opening and closing mark (0: none). */
const PAIR = new Uint8Array(0x10000);
for (let k = 0; k < OPEN.length; k++) PAIR[OPEN.charCodeAt(k)] = PAIR[CLOSE.charCodeAt(k)] = k + 1;
for (let k = 0; k < QUOTE_OPEN.length; k++) PAIR[QUOTE_OPEN.charCodeAt(k)] = PAIR[QUOTE_CLOSE.charCodeAt(k)] = OPEN.length + k + 1;
/** The characters readLine acts on: an opening bracket or quote, a clause or sentence stop. */
const ACTS = charTable(OPEN + QUOTE_OPEN + '，；：。！？');

/** The fields of a packed sentence (Clauses.sents: SENT_FIELDS numbers a sentence), in the order of Sentence's. */
export const SENT_FIELDS = 6;
export const S_START = 0;
export const S_END = 1;
export const S_LINE = 2;
export const S_FIRST = 3;
export const S_LAST = 4;
export const S_IN_PARA = 5;
/** The fields of a packed clause (Clauses.tops: top-level clauses, Clauses.inner: the asides' clauses, the latter with C_ASIDE). */
export const TOP_FIELDS = 3;
export const INNER_FIELDS = 4;
export const C_START = 0;
export const C_END = 1;
/** sentence · 8 + the code of its stop in STOPS. */
export const C_INFO = 2;
/** An aside's clause: the index of its aside. */
export const C_ASIDE = 3;
/** The fields of a packed aside (Clauses.sides). */
export const SIDE_FIELDS = 4;
export const A_OPEN = 0;
export const A_CLOSE = 1;
/** The top-level clause it interrupts (-1 until known). */
export const A_ANCHOR = 2;
/** The row of its first clause in Clauses.inner (its clauses run to the next aside's first). */
export const A_FIRST = 3;

/** The packed lists of a Clauses (figures/derive.ts splices them from another version's). */
export interface PackedClauses {
  tops: Int32Array;
  sents: Int32Array;
  sides: Int32Array;
  inner: Int32Array;
}

/** What refCursor() answers where no clause is: no refOf() is this. */
export const NO_CLAUSE = -0x80000000;

export class Clauses {
  /**
   * The top-level clauses in text order, packed: clause k is start, end, info at
   * [TOP_FIELDS·k, TOP_FIELDS·(k+1)) (55,000 on a 1 M-character report, kept with the
   * version: as objects, with the list of them, they held 3.7 MB). Read with clause(k).
   */
  readonly tops: Int32Array;
  /**
   * The sentences, packed: sentence k is start, end, line, first, last, inPara at
   * [SENT_FIELDS·k, SENT_FIELDS·(k+1)) (22,000 on a 1 M-character report, kept with the
   * version: as objects they held 1.8 MB). Read with sentence(k) and sentenceAt(i).
   */
  readonly sents: Int32Array;
  /** Bracketed notes in text order (nested brackets stay inside their outer aside), packed: SIDE_FIELDS numbers each. Read with aside(k). */
  readonly sides: Int32Array;
  /** The asides' clauses, aside after aside, packed: INNER_FIELDS numbers each. Read with clauseOfAside(a, k). */
  readonly inner: Int32Array;

  /** The packed lists, made by read() or elsewhere (figures/derive.ts: spliced from another version's). */
  constructor(made: PackedClauses) {
    this.tops = made.tops;
    this.sents = made.sents;
    this.sides = made.sides;
    this.inner = made.inner;
  }

  /** The clauses of the view's `lines` (those in `skip` left out). */
  static read(text: string, lines: PackedLines, skip: ReadonlySet<number>): Clauses {
    const r = new Reader(text);
    for (let k = 0; k < lines.length; k++) if (!skip.has(k)) r.readLine(lines.start(k), lines.end(k), k);
    return new Clauses({ tops: r.tops.done(), sents: r.sents.done(), sides: r.sides.done(), inner: r.inner.done() });
  }

  /** How many top-level clauses. */
  get clauseCount(): number {
    return this.tops.length / TOP_FIELDS;
  }

  /** How many sentences (sents holds SENT_FIELDS numbers for each). */
  get sentenceCount(): number {
    return this.sents.length / SENT_FIELDS;
  }

  /** How many asides. */
  get asideCount(): number {
    return this.sides.length / SIDE_FIELDS;
  }

  /** How many clauses the asides hold in all (inner holds INNER_FIELDS numbers for each). */
  get innerCount(): number {
    return this.inner.length / INNER_FIELDS;
  }

  /** The row in `inner` of aside a's first clause; innerCount for a = asideCount (where the rows of an aside after the last would start). */
  innerStart(a: number): number {
    return a < this.asideCount ? this.sides[a * SIDE_FIELDS + A_FIRST] : this.innerCount;
  }

  /** Top-level clause k (made on each call), or undefined. */
  clause(k: number): Clause | undefined {
    if (!(k >= 0 && k < this.clauseCount)) return undefined;
    const t = this.tops;
    const o = k * TOP_FIELDS;
    return new PackedClause(t[o + C_START], t[o + C_END], t[o + C_INFO], k, -1);
  }

  /** Aside k (made on each call), or undefined. */
  aside(k: number): Aside | undefined {
    if (!(k >= 0 && k < this.asideCount)) return undefined;
    const a = this.sides;
    const o = k * SIDE_FIELDS;
    return { open: a[o + A_OPEN], close: a[o + A_CLOSE], size: this.innerEnd(k) - a[o + A_FIRST], anchor: a[o + A_ANCHOR], index: k };
  }

  /** Clause k of aside `a` (made on each call), or undefined. */
  clauseOfAside(a: number, k: number): Clause | undefined {
    if (!(a >= 0 && a < this.asideCount)) return undefined;
    const j = this.sides[a * SIDE_FIELDS + A_FIRST] + k;
    return k >= 0 && j < this.innerEnd(a) ? this.innerClause(j) : undefined;
  }

  /**
   * A number that names clause `c` in this version (phrases.ts keeps it in place of the
   * clause): a top-level clause's index, or -1 - the row of an aside's clause in `inner`.
   */
  refOf(c: Clause): number {
    return c.inAside < 0 ? c.index : -1 - (this.sides[c.inAside * SIDE_FIELDS + A_FIRST] + c.index);
  }

  /** The sentence of the clause refOf named `ref` (no object made). */
  sentenceOfRef(ref: number): number {
    return (ref >= 0 ? this.tops[ref * TOP_FIELDS + C_INFO] : this.inner[(-1 - ref) * INNER_FIELDS + C_INFO]) >> 3;
  }

  /** The index in its list of the clause refOf named `ref` (no object made). */
  indexOfRef(ref: number): number {
    if (ref >= 0) return ref;
    const j = -1 - ref;
    return j - this.sides[this.inner[j * INNER_FIELDS + C_ASIDE] * SIDE_FIELDS + A_FIRST];
  }

  /** The clause refOf named `ref`. */
  byRef(ref: number): Clause {
    return ref >= 0 ? this.clause(ref)! : this.innerClause(-1 - ref);
  }

  /** The innermost clause at view offset `i` (inside an aside: the aside's clause). */
  clauseAt(i: number): Clause | undefined {
    const a = this.asideIndexAt(i);
    const j = a >= 0 ? this.innerAt(a, i) : -1;
    if (j >= 0) return this.innerClause(j);
    return this.clause(floor(this.tops, i, this.clauseCount, TOP_FIELDS, C_START));
  }

  /**
   * clauseAt for offsets that never decrease (a layer's figures in text order): the same
   * answers, its two binary searches walked forward from the last offset asked instead.
   */
  cursor(): (i: number) => Clause | undefined {
    const at = this.refCursor();
    return (i) => {
      const ref = at(i);
      return ref === NO_CLAUSE ? undefined : this.byRef(ref);
    };
  }

  /** cursor() naming each clause as refOf does (NO_CLAUSE for none): no object made. */
  refCursor(): (i: number) => number {
    const tops = this.tops;
    const sides = this.sides;
    const nTop = this.clauseCount;
    const nSide = this.asideCount;
    let top = -1;
    let side = -1;
    return (i) => {
      while (side + 1 < nSide && sides[(side + 1) * SIDE_FIELDS + A_OPEN] <= i - 1) side++;
      const j = side >= 0 && sides[side * SIDE_FIELDS + A_OPEN] < i && i < sides[side * SIDE_FIELDS + A_CLOSE] ? this.innerAt(side, i) : -1;
      if (j >= 0) return -1 - j;
      while (top + 1 < nTop && tops[(top + 1) * TOP_FIELDS + C_START] <= i) top++;
      return top >= 0 ? top : NO_CLAUSE;
    };
  }

  /** Where the clause refOf named `ref` starts (no object made). */
  startOfRef(ref: number): number {
    return ref >= 0 ? this.tops[ref * TOP_FIELDS + C_START] : this.inner[(-1 - ref) * INNER_FIELDS + C_START];
  }

  /** The aside whose brackets enclose `i` (exclusive of the brackets). */
  asideAt(i: number): Aside | undefined {
    return this.aside(this.asideIndexAt(i));
  }

  /** The index of the aside whose brackets enclose `i` (exclusive of the brackets), or -1. */
  asideIndexAt(i: number): number {
    const k = floor(this.sides, i - 1, this.asideCount, SIDE_FIELDS, A_OPEN);
    return k >= 0 && i < this.sides[k * SIDE_FIELDS + A_CLOSE] ? k : -1;
  }

  sentenceAt(i: number): Sentence | undefined {
    // The last sentence starting at or before i (over the packed starts).
    const k = floor(this.sents, i, this.sentenceCount, SENT_FIELDS, S_START);
    return k >= 0 && i <= this.sentenceEnd(k)! ? this.sentence(k) : undefined;
  }

  /** Sentence k (made on each call: compare sentences by index, not by identity), or undefined. */
  sentence(k: number): Sentence | undefined {
    if (!(k >= 0 && k < this.sentenceCount)) return undefined;
    const s = this.sents;
    const o = k * SENT_FIELDS;
    return { start: s[o + S_START], end: s[o + S_END], line: s[o + S_LINE], first: s[o + S_FIRST], last: s[o + S_LAST], inPara: s[o + S_IN_PARA], index: k };
  }

  /** Where sentence k ends, read from the packed sentences (no Sentence object); undefined past the last. */
  sentenceEnd(k: number): number | undefined {
    return k >= 0 && k < this.sentenceCount ? this.sents[k * SENT_FIELDS + S_END] : undefined;
  }

  /** The row past aside a's last clause in `inner`. */
  private innerEnd(a: number): number {
    return this.innerStart(a + 1);
  }

  /** The row in `inner` of aside a's first clause holding view offset `i`, or -1. */
  private innerAt(a: number, i: number): number {
    const c = this.inner;
    for (let j = this.sides[a * SIDE_FIELDS + A_FIRST], end = this.innerEnd(a); j < end; j++) {
      if (c[j * INNER_FIELDS + C_START] <= i && i <= c[j * INNER_FIELDS + C_END]) return j;
    }
    return -1;
  }

  /** The aside's clause at row j of `inner`. */
  private innerClause(j: number): Clause {
    const c = this.inner;
    const o = j * INNER_FIELDS;
    const a = c[o + C_ASIDE];
    return new PackedClause(c[o + C_START], c[o + C_END], c[o + C_INFO], j - this.sides[a * SIDE_FIELDS + A_FIRST], a);
  }
}

/** A growing list of packed rows of `width` numbers each (trimmed to an Int32Array of their own length when done). */
class Rows {
  buf: Int32Array;
  count = 0;
  constructor(
    readonly width: number,
    capacity: number,
  ) {
    this.buf = new Int32Array(capacity * width);
  }
  /** Adds a row: the offset of its first number in `buf` (read buf after: it may have grown). */
  add(): number {
    const o = this.count * this.width;
    if (o + this.width > this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.count++;
    return o;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.count * this.width);
  }
}

/** Reads the lines of a text into packed clauses, sentences and asides (Clauses' constructor; dropped once read). */
class Reader {
  readonly tops = new Rows(TOP_FIELDS, 1024);
  readonly sents = new Rows(SENT_FIELDS, 1024);
  readonly sides = new Rows(SIDE_FIELDS, 64);
  readonly inner = new Rows(INNER_FIELDS, 64);
  /** Asides met since the last clause was pushed (they interrupt the next one), by index: one list for every line. */
  private readonly pending: number[] = [];

  constructor(readonly text: string) {}

  /** A top-level clause [s, e) ending in `stop`, the anchor of the pending asides. */
  private pushClause(s: number, e: number, stop: string): void {
    const index = this.tops.count;
    const o = this.tops.add();
    const t = this.tops.buf;
    t[o + C_START] = s;
    t[o + C_END] = e;
    t[o + C_INFO] = infoOf(this.sents.count, stop);
    const pending = this.pending;
    if (pending.length === 0) return;
    const sides = this.sides.buf;
    for (let k = 0; k < pending.length; k++) sides[pending[k] * SIDE_FIELDS + A_ANCHOR] = index;
    // Setting an array's length is a call into the runtime: only when there is something to drop.
    pending.length = 0;
  }

  /** Closes the sentence [s, e) of `line` over the clauses from `first` on, if it has any; returns whether it did. */
  private closeSentence(s: number, e: number, line: number, first: number, inPara: number): boolean {
    if (this.tops.count === first) return false;
    const o = this.sents.add();
    const b = this.sents.buf;
    b[o + S_START] = s;
    b[o + S_END] = e;
    b[o + S_LINE] = line;
    b[o + S_FIRST] = first;
    b[o + S_LAST] = this.tops.count - 1;
    b[o + S_IN_PARA] = inPara;
    return true;
  }

  // Methods, not closures made per line: a line's closures and their context were most of
  // what reading the clauses allocated beside the clauses themselves.
  readLine(start: number, end: number, line: number): void {
    const t = this.text;
    // The line's brackets and quotes are matched when the first opening mark is met, from
    // there: a line with none is read once, not twice, and a line with some only once before it.
    let match: Matches | undefined;
    let inPara = 0;
    let sStart = start;
    let cStart = start;
    let first = this.tops.count;
    if (this.pending.length) this.pending.length = 0;
    for (let i = start; i < end; i++) {
      const code = t.charCodeAt(i);
      // Most characters are none of the marks below: one lookup.
      if (!ACTS[code] && i - cStart < MAX_CLAUSE) continue;
      const m = MARK[code];
      if (m === 1 || m === 3) {
        const close = (match ??= matchPairs(t, start, i, end)).at(i - start);
        if (close >= 0) {
          if (m === 1) this.pending.push(this.readAside(i, close));
          i = close;
          continue;
        }
      }
      if (CLAUSE_STOP[code] || i - cStart >= MAX_CLAUSE) {
        const stop = CLAUSE_STOP[code] ? STOP_TEXT[code] : '';
        this.pushClause(cStart, i, stop);
        cStart = stop ? i + 1 : i;
        if (i - sStart >= MAX_SENTENCE) {
          if (this.closeSentence(sStart, cStart, line, first, inPara)) {
            inPara++;
            first = this.tops.count;
          }
          sStart = cStart;
        }
        continue;
      }
      if (SENT_STOP[code]) {
        // Closing quotes right after the stop stay with the sentence.
        let e = i + 1;
        while (e < end && MARK[t.charCodeAt(e)] === 4) e++;
        this.pushClause(cStart, i, '');
        if (this.closeSentence(sStart, e, line, first, inPara)) {
          inPara++;
          first = this.tops.count;
        }
        sStart = cStart = e;
        i = e - 1;
      }
    }
    if (end > cStart || this.pending.length) this.pushClause(cStart, end, '');
    this.closeSentence(sStart, end, line, first, inPara);
  }

  /** The clauses inside （…）, split at its own commas; brackets nested in it stay opaque. Returns the aside's index. */
  private readAside(open: number, close: number): number {
    const t = this.text;
    const index = this.sides.count;
    const o = this.sides.add();
    const a = this.sides.buf;
    a[o + A_OPEN] = open;
    a[o + A_CLOSE] = close;
    a[o + A_ANCHOR] = -1;
    a[o + A_FIRST] = this.inner.count;
    let cStart = open + 1;
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const m = MARK[t.charCodeAt(i)];
      if (m === 1 || m === 3) depth++;
      else if ((m === 2 || m === 4) && depth > 0) depth--;
      else if (depth === 0 && (CLAUSE_STOP[t.charCodeAt(i)] || SENT_STOP[t.charCodeAt(i)])) {
        this.pushInner(cStart, i, STOP_TEXT[t.charCodeAt(i)], index);
        cStart = i + 1;
      }
    }
    if (close > cStart) this.pushInner(cStart, close, '', index);
    return index;
  }

  private pushInner(s: number, e: number, stop: string, aside: number): void {
    const o = this.inner.add();
    const c = this.inner.buf;
    c[o + C_START] = s;
    c[o + C_END] = e;
    c[o + C_INFO] = infoOf(this.sents.count, stop);
    c[o + C_ASIDE] = aside;
  }
}

/** The marks a clause ends in (Clause.stop), by their code in a packed clause's info ('' is 0). */
const STOPS = ['', '，', '；', '：', '。', '！', '？'];
const STOP_CODE = new Uint8Array(0x10000);
for (let k = 1; k < STOPS.length; k++) STOP_CODE[STOPS[k].charCodeAt(0)] = k;

/** A packed clause's info: its sentence and its stop in one number. */
function infoOf(sentence: number, stop: string): number {
  return sentence * 8 + (stop ? STOP_CODE[stop.charCodeAt(0)] : 0);
}

/**
 * A clause made from its packed row, for as long as a reader holds it (fields declared and
 * written once by the constructor: class fields would be defined as undefined first).
 */
class PackedClause implements Clause {
  declare readonly start: number;
  declare readonly end: number;
  declare readonly stop: string;
  declare readonly sentence: number;
  declare readonly index: number;
  declare readonly inAside: number;
  constructor(start: number, end: number, info: number, index: number, inAside: number) {
    this.start = start;
    this.end = end;
    this.stop = STOPS[info & 7];
    this.sentence = info >> 3;
    this.index = index;
    this.inAside = inAside;
  }
}

/**
 * Where each open mark's match closes, by offset from a line's start: -1 when it has none.
 * One buffer for every line (read before the next line is matched); only the offsets of
 * open marks are written, and only they are read.
 */
class Matches {
  private buf = new Int32Array(1024);
  /** Offsets of the open marks not yet closed (innermost last): a typed array, so that emptying it frees nothing. */
  readonly stack = new Int32Array(MAX_OPEN + 1);
  get length(): number {
    return this.buf.length;
  }
  set length(n: number) {
    if (n > this.buf.length) this.buf = new Int32Array(Math.max(n, this.buf.length * 2));
  }
  at(k: number): number {
    return this.buf[k];
  }
  set(k: number, v: number): void {
    this.buf[k] = v;
  }
}
/** Open marks kept unclosed on a long line with unbalanced marks (the oldest is dropped). */
const MAX_OPEN = 64;
const MATCHES = new Matches();
/** Each stop of STOPS (，；：。！？) as a string, by its char code. */
const STOP_TEXT: string[] = [];
for (let k = 1; k < STOPS.length; k++) STOP_TEXT[STOPS[k].charCodeAt(0)] = STOPS[k];

/**
 * Matching brackets (within MAX_ASIDE) and short quotes (within MAX_QUOTE) on the line
 * [start, end), read from its first opening mark `first` (nothing before it is open).
 */
function matchPairs(t: string, start: number, first: number, end: number): Matches {
  const match = MATCHES;
  match.length = end - start;
  const stack = match.stack;
  let depth = 0;
  for (let i = first; i < end; i++) {
    const m = MARK[t.charCodeAt(i)];
    if (m === 1 || m === 3) {
      stack[depth++] = i;
      match.set(i - start, -1);
      // Unbalanced marks in a long line: keep the stack small.
      if (depth > MAX_OPEN) {
        stack.copyWithin(0, 1, depth);
        depth--;
      }
    } else if (m === 2 || m === 4) {
      const pair = PAIR[t.charCodeAt(i)];
      for (let k = depth - 1; k >= 0; k--) {
        if (PAIR[t.charCodeAt(stack[k])] === pair) {
          if (i - stack[k] <= (m === 2 ? MAX_ASIDE : MAX_QUOTE)) match.set(stack[k] - start, i);
          depth = k;
          break;
        }
      }
    }
  }
  return match;
}

/** Index of the last element ≤ x in a sorted array, or -1; of a packed one: `n` rows of `stride` numbers, sorted by the one at `field`. */
function floor(a: Int32Array, x: number, n: number, stride: number, field: number): number {
  let lo = 0;
  let hi = n - 1;
  if (hi < 0 || a[field] > x) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid * stride + field] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function clausesOf(doc: ReportDocument): Clauses {
  return doc.memo('figures:clauses', () => deriveClauses(doc) ?? Clauses.read(doc.view.text, doc.viewLines, doc.boilerplate));
}

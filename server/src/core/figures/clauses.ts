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
import { deriveClauses } from './derive';

export interface Clause {
  readonly start: number;
  readonly end: number;
  /** The mark that ends it: ，；： or '' at a sentence end (、 separates items inside a clause). */
  readonly stop: string;
  readonly sentence: number;
  /** Index in its list (the top level, or its aside's clauses). */
  readonly index: number;
  readonly aside?: Aside;
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

export interface Aside {
  /** View offsets of the opening and closing bracket. */
  open: number;
  close: number;
  clauses: Clause[];
  /** Index of the top-level clause it interrupts. */
  anchor: number;
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

export class Clauses {
  /** Top-level clauses, in text order. */
  readonly clauses: Clause[] = [];
  /**
   * The sentences, packed: sentence k is start, end, line, first, last, inPara at
   * [SENT_FIELDS·k, SENT_FIELDS·(k+1)) (22,000 on a 1 M-character report, kept with the
   * version: as objects they held 1.8 MB). Read with sentence(k) and sentenceAt(i).
   */
  readonly sents: Int32Array;
  /** Bracketed notes, in text order (nested brackets stay inside their outer aside). */
  readonly asides: Aside[] = [];
  private clauseStarts: Int32Array;
  private asideOpens: Int32Array;

  /** `made`: the lists made elsewhere (figures/derive.ts: spliced from another version's); the lines are then not read. */
  constructor(readonly text: string, lines: readonly { start: number; end: number; index: number }[], skip: ReadonlySet<number>, made?: { clauses: Clause[]; sents: Int32Array; asides: Aside[] }) {
    if (made) {
      this.clauses = made.clauses;
      this.sents = made.sents;
      this.asides = made.asides;
    } else {
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        if (!skip.has(l.index)) this.readLine(l.start, l.end, l.index);
      }
      this.sents = this.building.slice(0, this.sentCount * SENT_FIELDS);
    }
    this.building = EMPTY;
    this.sentCount = this.sents.length / SENT_FIELDS;
    // Filled by hand: Int32Array.from with a map function goes through the iterator protocol.
    this.clauseStarts = starts(this.clauses, (c) => c.start);
    this.asideOpens = starts(this.asides, (a) => a.open);
  }

  /** Sentence k (made on each call: compare sentences by index, not by identity), or undefined. */
  sentence(k: number): Sentence | undefined {
    if (!(k >= 0 && k < this.sentenceCount)) return undefined;
    const s = this.sents;
    const o = k * SENT_FIELDS;
    return { start: s[o + S_START], end: s[o + S_END], line: s[o + S_LINE], first: s[o + S_FIRST], last: s[o + S_LAST], inPara: s[o + S_IN_PARA], index: k };
  }

  /** The innermost clause at view offset `i` (inside an aside: the aside's clause). */
  clauseAt(i: number): Clause | undefined {
    const a = this.asideAt(i);
    const c = a && clauseIn(a, i);
    if (c) return c;
    const k = floor(this.clauseStarts, i);
    return k >= 0 ? this.clauses[k] : undefined;
  }

  /**
   * clauseAt for offsets that never decrease (a layer's figures in text order): the same
   * answers, its two binary searches walked forward from the last offset asked instead.
   */
  cursor(): (i: number) => Clause | undefined {
    const starts = this.clauseStarts;
    const opens = this.asideOpens;
    let top = -1;
    let side = -1;
    return (i) => {
      while (side + 1 < opens.length && opens[side + 1] <= i - 1) side++;
      const a = side >= 0 ? this.asides[side] : undefined;
      const c = a && a.open < i && i < a.close && clauseIn(a, i);
      if (c) return c;
      while (top + 1 < starts.length && starts[top + 1] <= i) top++;
      return top >= 0 ? this.clauses[top] : undefined;
    };
  }

  /** The aside whose brackets enclose `i` (exclusive of the brackets). */
  asideAt(i: number): Aside | undefined {
    const k = floor(this.asideOpens, i - 1);
    const a = k >= 0 ? this.asides[k] : undefined;
    return a && a.open < i && i < a.close ? a : undefined;
  }

  sentenceAt(i: number): Sentence | undefined {
    // The last sentence starting at or before i (over the packed starts).
    const k = floor(this.sents, i, this.sentCount, SENT_FIELDS, S_START);
    return k >= 0 && i <= this.sentenceEnd(k)! ? this.sentence(k) : undefined;
  }

  /** Where sentence k ends, read from the packed sentences (no Sentence object); undefined past the last. */
  sentenceEnd(k: number): number | undefined {
    return k >= 0 && k < this.sentCount ? this.sents[k * SENT_FIELDS + S_END] : undefined;
  }

  /** The top-level clause a clause belongs to (itself, or the one its aside interrupts). */
  topOf(c: Clause): Clause {
    return c.aside ? this.clauses[c.aside.anchor] : c;
  }

  /** Asides met since the last clause was pushed (they interrupt the next one): one list for every line. */
  private readonly pending: Aside[] = [];
  /** The sentences while the lines are read (grown by doubling; trimmed into sents). */
  private building = new Int32Array(1024 * SENT_FIELDS);
  private sentCount = 0;

  /** How many sentences (sents holds SENT_FIELDS numbers for each). */
  get sentenceCount(): number {
    return this.sentCount;
  }

  /** A top-level clause [s, e) ending in `stop`, the anchor of the pending asides. */
  private pushClause(s: number, e: number, stop: string): void {
    const index = this.clauses.length;
    this.clauses.push(new TopClause(s, e, stop, this.sentCount, index));
    const pending = this.pending;
    if (pending.length === 0) return;
    for (let k = 0; k < pending.length; k++) pending[k].anchor = index;
    // Setting an array's length is a call into the runtime: only when there is something to drop.
    pending.length = 0;
  }

  /** Closes the sentence [s, e) of `line` over the clauses from `first` on, if it has any; returns whether it did. */
  private closeSentence(s: number, e: number, line: number, first: number, inPara: number): boolean {
    if (this.clauses.length === first) return false;
    let b = this.building;
    const o = this.sentCount * SENT_FIELDS;
    if (o + SENT_FIELDS > b.length) {
      const grown = new Int32Array(b.length * 2);
      grown.set(b);
      this.building = b = grown;
    }
    b[o + S_START] = s;
    b[o + S_END] = e;
    b[o + S_LINE] = line;
    b[o + S_FIRST] = first;
    b[o + S_LAST] = this.clauses.length - 1;
    b[o + S_IN_PARA] = inPara;
    this.sentCount++;
    return true;
  }

  // Methods, not closures made per line: a line's closures and their context were most of
  // what reading the clauses allocated beside the clauses themselves.
  private readLine(start: number, end: number, line: number): void {
    const t = this.text;
    // The line's brackets and quotes are matched when the first opening mark is met, from
    // there: a line with none is read once, not twice, and a line with some only once before it.
    let match: Matches | undefined;
    let inPara = 0;
    let sStart = start;
    let cStart = start;
    let first = this.clauses.length;
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
            first = this.clauses.length;
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
          first = this.clauses.length;
        }
        sStart = cStart = e;
        i = e - 1;
      }
    }
    if (end > cStart || this.pending.length) this.pushClause(cStart, end, '');
    this.closeSentence(sStart, end, line, first, inPara);
  }

  /** The clauses inside （…）, split at its own commas; brackets nested in it stay opaque. */
  private readAside(open: number, close: number): Aside {
    const t = this.text;
    const aside = new BracketAside(open, close);
    this.asides.push(aside);
    const list = ASIDE_CLAUSES;
    let cStart = open + 1;
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const m = MARK[t.charCodeAt(i)];
      if (m === 1 || m === 3) depth++;
      else if ((m === 2 || m === 4) && depth > 0) depth--;
      else if (depth === 0 && (CLAUSE_STOP[t.charCodeAt(i)] || SENT_STOP[t.charCodeAt(i)])) {
        list.push(new AsideClause(cStart, i, STOP_TEXT[t.charCodeAt(i)], this.sentCount, list.length, aside));
        cStart = i + 1;
      }
    }
    if (close > cStart) list.push(new AsideClause(cStart, close, '', this.sentCount, list.length, aside));
    // A copy of its own length: an array grown by push keeps room for 17 (152 bytes for the one clause most asides have).
    aside.clauses = list.slice();
    list.length = 0;
    return aside;
  }
}

const EMPTY = new Int32Array(0);
/** The clauses of the aside being read (one list for every aside; each keeps a copy). */
const ASIDE_CLAUSES: Clause[] = [];
/** An aside's clauses until they are read: none, and none may be added. */
const NO_CLAUSES: Clause[] = Object.freeze([]) as unknown as Clause[];

// Classes, not object literals: one constructor per shape, fields declared (not class fields,
// which would each be written twice: defined as undefined first).

/** The marks a clause ends in (Clause.stop), by their code in TopClause.info ('' is 0). */
const STOPS = ['', '，', '；', '：', '。', '！', '？'];
const STOP_CODE = new Uint8Array(0x10000);
for (let k = 1; k < STOPS.length; k++) STOP_CODE[STOPS[k].charCodeAt(0)] = k;

/**
 * A top-level clause (no aside field: one shape for the 55,000 of a 1 M-character report):
 * four fields, its sentence and stop packed in one (8 bytes a clause less than a field each).
 */
export class TopClause implements Clause {
  declare readonly start: number;
  declare readonly end: number;
  /** sentence · 8 + the code of its stop in STOPS. */
  declare private readonly info: number;
  declare readonly index: number;
  constructor(start: number, end: number, stop: string, sentence: number, index: number) {
    this.start = start;
    this.end = end;
    this.info = sentence * 8 + (stop ? STOP_CODE[stop.charCodeAt(0)] : 0);
    this.index = index;
  }
  get stop(): string {
    return STOPS[this.info & 7];
  }
  get sentence(): number {
    return this.info >> 3;
  }
}

/** A clause inside an aside: a clause with the aside it is in. */
export class AsideClause extends TopClause {
  declare readonly aside: Aside;
  constructor(start: number, end: number, stop: string, sentence: number, index: number, aside: Aside) {
    super(start, end, stop, sentence, index);
    this.aside = aside;
  }
}

/** An aside: its brackets, its clauses (set once read: an array of their number), and the top-level clause it interrupts (-1 until known). */
export class BracketAside implements Aside {
  declare open: number;
  declare close: number;
  declare clauses: Clause[];
  declare anchor: number;
  constructor(open: number, close: number) {
    this.open = open;
    this.close = close;
    this.clauses = NO_CLAUSES;
    this.anchor = -1;
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

function starts<T>(xs: readonly T[], at: (x: T) => number): Int32Array {
  const a = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) a[i] = at(xs[i]);
  return a;
}

/** The clause of aside `a` holding view offset `i`, if any (clauseAt and its cursor). */
function clauseIn(a: Aside, i: number): Clause | undefined {
  for (let k = 0; k < a.clauses.length; k++) {
    const c = a.clauses[k];
    if (c.start <= i && i <= c.end) return c;
  }
  return undefined;
}

/** Index of the last element ≤ x in a sorted array, or -1; of a packed one: `n` rows of `stride` numbers, sorted by the one at `field`. */
function floor(a: Int32Array, x: number, n = a.length, stride = 1, field = 0): number {
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
  return doc.memo('figures:clauses', () => deriveClauses(doc) ?? new Clauses(doc.view.text, doc.viewLines, doc.boilerplate));
}

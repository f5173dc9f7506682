// The folded view: what rules read. Pinyin annotations and the BOM are dropped,
// garbled runs become U+FFFD (so no rule reads a figure out of them), traditional
// characters fold to simplified, full-width digits and letters to ASCII, and half-width
// punctuation in Chinese context to full-width. Line breaks are kept, so view lines
// are original lines. `toOrig` maps every view index (and the end) to the original.
import { foldTable } from './fold';
import { isAsciiAlnum, isChineseAt, isDigit } from './chars';
import { questionBeforeNumber } from './garbled';
import type { Span } from '../types';
import { grownTo, type PackedSpans } from './spans';
import { PackedLines, splitLines, type Line } from './lines';

export interface TextView {
  text: string;
  /** toOrig.at(i) = original offset of view index i; toOrig.at(text.length) = original end. */
  toOrig: ViewMap;
}

/**
 * The view's map back to its text: view index i (0 … view length, the last the text's end)
 * ↦ original offset. Held as runs of equal shift (original − view index): run k starts at view
 * index `starts[k]` and maps i ↦ i + `shifts[k]` up to the next run's start. A view differs in
 * length from its text only where something is dropped (the BOM, annotations) or a character
 * folds to more units than it has, so a report has a few runs, most often one; the map was an
 * Int32Array as long as the text (4 MB held for 1 M characters). Consecutive runs always
 * differ in shift, so two maps of the same entries are equal field by field.
 */
export class ViewMap {
  private readonly one: boolean;
  private readonly shift0: number;
  /**
   * Where to start looking, per BUCKET view indices (the run holding index b × BUCKET) and per
   * BUCKET original offsets (the first run whose last entry reaches b × BUCKET): a lookup then
   * steps over the few runs of one bucket instead of a binary search over all of them (a
   * pasted page has an annotation every 30 characters, and every finding's range is mapped).
   */
  private readonly byView: Int32Array;
  private readonly byOrig: Int32Array;

  constructor(
    /** Number of entries: the view's length + 1. */
    readonly length: number,
    private readonly starts: Int32Array,
    private readonly shifts: Int32Array,
  ) {
    const n = starts.length;
    this.one = n === 1;
    this.shift0 = shifts[0];
    if (this.one) {
      this.byView = this.byOrig = EMPTY;
      return;
    }
    const byView = new Int32Array((length >> BUCKET_BITS) + 1);
    for (let b = 0, k = 0; b < byView.length; b++) {
      const i = b << BUCKET_BITS;
      while (k + 1 < n && starts[k + 1] <= i) k++;
      byView[b] = k;
    }
    const end = length - 1 + shifts[n - 1]; // the text's end
    const byOrig = new Int32Array((end >> BUCKET_BITS) + 1);
    for (let b = 0, k = 0; b < byOrig.length; b++) {
      const o = b << BUCKET_BITS;
      while (k < n - 1 && starts[k + 1] - 1 + shifts[k] < o) k++;
      byOrig[b] = k;
    }
    this.byView = byView;
    this.byOrig = byOrig;
  }

  /** The original offset of view index i (0 ≤ i < length). */
  at(i: number): number {
    return this.one ? i + this.shift0 : i + this.shifts[this.runOf(i)];
  }

  /** The run holding view index i (0 ≤ i < length: the last run starting at or before it). */
  runOf(i: number): number {
    if (this.one) return 0;
    const s = this.starts;
    let k = this.byView[i >> BUCKET_BITS];
    while (k + 1 < s.length && s[k + 1] <= i) k++;
    return k;
  }

  get runs(): number {
    return this.starts.length;
  }

  runStart(k: number): number {
    return this.starts[k];
  }

  /** One past run k's last view index. */
  runEnd(k: number): number {
    return k + 1 < this.starts.length ? this.starts[k + 1] : this.length;
  }

  runShift(k: number): number {
    return this.shifts[k];
  }

  /** The first view index at or after `from` whose original offset is at least `offset` (the last index, the text's end, when there is none). */
  indexOf(offset: number, from = 0): number {
    const sh = this.shifts;
    if (this.one) return Math.max(from, Math.min(this.length - 1, Math.max(0, offset - sh[0])));
    // The first run whose last entry reaches the offset (the entries ascend, so do the runs' last ones).
    const s = this.starts;
    const n = s.length;
    if (offset > this.length - 1 + sh[n - 1]) return Math.max(from, this.length - 1);
    let k = offset <= 0 ? 0 : this.byOrig[offset >> BUCKET_BITS];
    while (k < n - 1 && s[k + 1] - 1 + sh[k] < offset) k++;
    return Math.max(from, s[k], offset - sh[k]);
  }

  /** Entries [from, to), each moved by `by`: the map of a part of the view, relative to a part of the text. */
  slice(from: number, to: number, by: number): ViewMap {
    return new MapBuilder().append(this, from, to, 0, by).finish(to - from);
  }

  /** Every entry, as the dense map it stands for (for tests). */
  dense(): Int32Array {
    const out = new Int32Array(this.length);
    for (let k = 0; k < this.starts.length; k++) for (let i = this.starts[k], e = this.runEnd(k); i < e; i++) out[i] = i + this.shifts[k];
    return out;
  }
}

const BUCKET_BITS = 6;
const EMPTY = new Int32Array(0);

/** Builds a ViewMap run by run, joining runs of equal shift. */
export class MapBuilder {
  private starts: Int32Array;
  private shifts: Int32Array;
  private n = 0;
  private shift = NaN;

  /** `runs`: how many runs are expected (the arrays grow past it). */
  constructor(runs = 8) {
    this.starts = new Int32Array(runs);
    this.shifts = new Int32Array(runs);
  }

  /** Entries from view index `at` on map to at + shift (until the next run). */
  run(at: number, shift: number): this {
    if (shift === this.shift) return this;
    const n = this.n;
    if (n > 0 && this.starts[n - 1] === at) {
      // A run with no entries is replaced (and dropped if the one before it has this shift).
      if (n > 1 && this.shifts[n - 2] === shift) this.n--;
      else this.shifts[n - 1] = shift;
    } else {
      if (n === this.starts.length) this.reserve(1);
      this.starts[n] = at;
      this.shifts[n] = shift;
      this.n++;
    }
    this.shift = shift;
    return this;
  }

  /** Room for `more` runs after the n made. */
  private reserve(more: number): void {
    const need = this.n + more;
    if (need <= this.starts.length) return;
    const size = Math.max(need, this.starts.length * 2 + 8);
    this.starts = grownTo(this.starts, this.n, size);
    this.shifts = grownTo(this.shifts, this.n, size);
  }

  /** `map`'s entries [from, to), each moved by `by`, placed from view index `at` on. */
  append(map: ViewMap, from: number, to: number, at: number, by: number): this {
    if (from >= to) return this;
    const first = map.runOf(from);
    const d = at - from;
    const dShift = by - d;
    // The first run starts at `from` (it may join the last run made); the others follow it
    // in one loop: a map's consecutive runs differ in shift and none is empty, so none joins
    // another (a version's map after an edit: 31,389 runs on the 1 M bench report).
    this.run(at, map.runShift(first) + dShift);
    let last = first + 1;
    while (last < map.runs && map.runStart(last) < to) last++;
    if (last === first + 1) return this;
    this.reserve(last - first - 1);
    const starts = this.starts;
    const shifts = this.shifts;
    let n = this.n;
    for (let k = first + 1; k < last; k++, n++) {
      starts[n] = map.runStart(k) + d;
      shifts[n] = map.runShift(k) + dShift;
    }
    this.n = n;
    this.shift = shifts[n - 1];
    return this;
  }

  finish(length: number): ViewMap {
    if (this.n === 0) this.run(0, 0);
    return new ViewMap(length, this.starts.slice(0, this.n), this.shifts.slice(0, this.n));
  }
}

const HALF_TO_FULL: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};

/** The view of `text`: `dropped` (in text order, disjoint: the annotations) left out, `garbled` runs replaced by U+FFFD. */
export function buildView(text: string, dropped: PackedSpans, garbled: Span[]): TextView {
  const table = foldTable();
  const codes = foldCodes(table);
  const len = text.length;
  // The view's code units are written into a typed array and made a string once at the end
  // (joining a string per changed character and per run between them was the largest part of
  // the view's time on a pasted page). Until a unit is dropped or replaced the view is the
  // text itself (n === i): the array is made then, with what came before copied, so a text
  // that folds to itself is only read.
  let out: Uint16Array | undefined;
  // A run starts after each dropped span (and the BOM), and where a character folds to more units than it has.
  const map = new MapBuilder(dropped.length + 2);
  let shift = 0; // original − view index of the units written last
  map.run(0, 0);
  let n = 0;
  let lone = false; // a lone surrogate is kept: the string is then made without TextDecoder
  const { starts: dropStarts, ends: dropEnds } = dropped;
  const bad = inOrder(garbled);
  let d = 0;
  let g = 0;
  for (let i = 0; i < len; ) {
    if (i === 0 && text.charCodeAt(0) === 0xfeff) {
      out ??= unitsOf(text, n);
      i = 1;
      continue;
    }
    while (d < dropStarts.length && dropEnds[d] <= i) d++;
    if (d < dropStarts.length && dropStarts[d] <= i) {
      out ??= unitsOf(text, n);
      i = dropEnds[d];
      continue;
    }
    if (i - n !== shift) map.run(n, (shift = i - n));
    while (g < bad.length && bad[g].end <= i) g++;
    if (!(g < bad.length && bad[g].start <= i)) {
      // The common case, in a tight loop: characters that fold to themselves, up to the next
      // dropped or garbled span (surrogates and everything else take the general path). The
      // shift stays as it is.
      const stop = Math.min(d < dropStarts.length ? dropStarts[d] : len, g < bad.length ? bad[g].start : len);
      const from = i;
      if (!out) {
        // Nothing folded yet: only find the first unit that folds (n === i).
        while (i < stop) {
          const c = text.charCodeAt(i);
          if (codes[c] !== 0 || (c >= 0xd800 && c <= 0xdfff)) break;
          i++;
        }
        n = i;
      } else {
        // A unit the table maps to one other unit (a traditional character, a full-width
        // digit) is written here too: on a pasted traditional page that is most of the Han text.
        while (i < stop) {
          const c = text.charCodeAt(i);
          const to = codes[c];
          if (to === 0) {
            if (c >= 0xd800 && c <= 0xdfff) break;
            out[n] = c;
          } else if (to === SLOW) break;
          else out[n] = to;
          n++;
          i++;
        }
      }
      if (i > from) continue;
    }
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let ch: string | undefined; // undefined: the character folds to itself
    if (g < bad.length && bad[g].start <= i) ch = width === 2 ? '\ufffd\ufffd' : '\ufffd';
    else if (width === 1) {
      const to = codes[c];
      if (to === 0) ch = undefined;
      else if (to !== SLOW) ch = String.fromCharCode(to);
      else {
        const one = text[i];
        const folded = foldOne(text, i, one, table);
        ch = folded === one ? undefined : folded;
      }
    }
    if (ch === undefined) {
      if (out) {
        out[n] = c;
        if (width === 2) out[n + 1] = text.charCodeAt(i + 1);
      }
      n += width;
      if (width === 1 && c >= 0xd800 && c <= 0xdfff) lone = true;
    } else {
      out ??= unitsOf(text, n);
      // The units of `ch` map to i, i + 1, … (the shift as it is); a character folded to more
      // units than it has shifts the map after it, found at the next unit written.
      for (let k = 0; k < ch.length; k++) out[n++] = ch.charCodeAt(k);
    }
    i += width;
  }
  if (len - n !== shift) map.run(n, len - n);
  return { text: out ? fromCodes(out.subarray(0, n), lone) : text, toOrig: map.finish(n + 1) };
}

/** A buffer for a view of `text`, holding its first n units (not a closure: the view's loop keeps n in a register). */
function unitsOf(text: string, n: number): Uint16Array {
  const u = new Uint16Array(text.length);
  for (let k = 0; k < n; k++) u[k] = text.charCodeAt(k);
  return u;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: TextDecoder | undefined;

/** The string of UTF-16 code units: TextDecoder (native) when they are well-formed, else String.fromCharCode in chunks (a lone surrogate kept as it is). */
function fromCodes(units: Uint16Array, lone: boolean): string {
  if (!lone && LITTLE_ENDIAN && typeof TextDecoder === 'function') {
    utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
    return utf16.decode(units);
  }
  const chunks: string[] = [];
  for (let k = 0; k < units.length; k += 8192) chunks.push(String.fromCharCode(...units.subarray(k, k + 8192)));
  return chunks.join('');
}

/** Spans by start: as given when they already are (garbled runs are found in order). */
function inOrder(spans: Span[]): Span[] {
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  return spans;
}

/** Marks a code unit whose folding depends on its neighbours (or maps to several units). */
const SLOW = 0xffff;
let codeTable: Uint16Array | undefined;
let codeTableOf: Map<string, string> | undefined;

/** Per BMP code unit: 0 = folds to itself, SLOW = ask foldOne, else the unit it folds to. */
function foldCodes(table: Map<string, string>): Uint16Array {
  if (codeTable && codeTableOf === table) return codeTable;
  const t = new Uint16Array(0x10000);
  for (const [from, to] of table) {
    if (from.length !== 1) continue; // only single units are looked up (astral characters are kept)
    t[from.charCodeAt(0)] = to.length === 1 && to.charCodeAt(0) !== SLOW && to.charCodeAt(0) !== 0 ? to.charCodeAt(0) : SLOW;
  }
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = c - 0xfee0; // ０-９
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = c - 0xfee0; // Ａ-Ｚ
  for (let c = 0xff41; c <= 0xff5a; c++) t[c] = c - 0xfee0; // ａ-ｚ
  t[0xff05] = 0x25; // ％
  t[0xff0e] = SLOW; // ．only after a digit
  for (const ch of Object.keys(HALF_TO_FULL)) t[ch.charCodeAt(0)] = SLOW;
  codeTable = t;
  codeTableOf = table;
  return t;
}

/** What the view writes for the code unit at i, read alone (for tests: the view's general path). */
export function foldUnit(text: string, i: number): string {
  return foldOne(text, i, text[i], foldTable());
}

function foldOne(text: string, i: number, ch: string, table: Map<string, string>): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0); // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff05) return '%'; // ％
  if (c === 0xff0e && isDigit(text[i - 1])) return '.'; // ３．５
  const full = HALF_TO_FULL[ch];
  // `收?8.8亿元`, `村?.05亿元`: a `?` between Chinese and a number stands for a character an
  // encoding lost; the view marks it lost, as it does a garbled run, so the figure beside it is
  // unknown (figures/quantity.ts), not a smaller number.
  if (isChineseAt(text, i - 1) && questionBeforeNumber(text, i)) return '\ufffd';
  if (full) {
    // Keep `1,000`, `a, b`, `10:30`: ASCII on both sides means it is not Chinese text.
    const prev = prevVisible(text, i);
    const next = text[i + 1];
    if (isAsciiAlnum(prev) && (isAsciiAlnum(next) || next === ' ' || next === undefined)) return ch;
    if (!isChineseAt(text, i - 1) && !isChineseAt(text, i + 1) && ch !== '(' && ch !== ')') return ch;
    return full;
  }
  return table.get(ch) ?? ch;
}

function prevVisible(text: string, i: number): string | undefined {
  return text[i - 1];
}

/** Original span of a view span. */
export function viewToOrig(view: TextView, start: number, end: number): Span {
  const s = view.toOrig.at(start);
  // End: one past the original of the last view char (not the start of what follows,
  // which may sit after a dropped annotation).
  const e = end > start ? view.toOrig.at(end - 1) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/** Does the view hold each line's break where the text does (its first unit a CR or LF)? */
function breaksKept(lines: readonly Line[], v: string): boolean {
  for (let k = 0; k + 1 < lines.length; k++) {
    const c = v.charCodeAt(lines[k].end);
    if (c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * The view's lines, with the same indices as the text's `lines`. The view keeps every line
 * break as written (no dropped or garbled span holds one), so each view line ends where its
 * original line's break is mapped: found by `toOrig.indexOf` per line instead of
 * reading every character again. Each break is checked in the view; if one is not there,
 * the view is split again (splitLines), which is what this computes. A view that maps each
 * index to itself (nothing dropped, no character folded to more units) has the text's lines.
 * Packed (lines.ts PackedLines): 8 bytes a line, where such a view's lines were the text's own
 * objects until its first edit (a derived version made them anew, a copy of the text's).
 */
export function viewLinesOf(lines: readonly Line[], view: TextView): PackedLines {
  const v = view.text;
  const map = view.toOrig;
  if (map.runs === 1 && map.runShift(0) === 0 && lines.length > 0 && lines[lines.length - 1].end === v.length && breaksKept(lines, v)) return PackedLines.of(lines);
  const n = lines.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let start = 0;
  for (let k = 0; k < n; k++) {
    const l = lines[k];
    starts[k] = start;
    if (k === n - 1) {
      ends[k] = v.length;
      break;
    }
    // The first view index at or after the break (map.at(v.length) is the text's end).
    const a = map.indexOf(l.end, start);
    const br = lines[k + 1].start - l.end; // 1, or 2 for CRLF
    const c = v.charCodeAt(a);
    // A lone CR stays one break even where the view folded a line away after it and a LF of
    // the text now follows (`甲\r(dāng)\n乙`: one view line per line of the text, always).
    const ok = map.at(a) === l.end && (br === 1 ? c === 10 || c === 13 : c === 13 && v.charCodeAt(a + 1) === 10 && map.at(a + 1) === l.end + 1);
    if (!ok) return PackedLines.of(splitLines(v));
    ends[k] = a;
    start = a + br;
  }
  return new PackedLines(starts, ends);
}

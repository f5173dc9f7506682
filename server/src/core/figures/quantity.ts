// The quantity reader: every number in the folded view, with its value, unit, the noun
// it counts, approximation marks, and whether it is a count at all (第三届, 68周年,
// 2013年7月, “五个一”, 6+3论坛, 12345热线 are not). Offsets are VIEW offsets.
import { anyCharIn, charTable, isHanAt } from '../model/chars';
import type { ReportDocument } from '../model/document';
import type { PackedLines } from '../model/lines';
import { isCnDigit, isCnNumeralCode, parseChineseNumeral } from './numerals';
import { unitAt, unitId, unitNamed, UNITS, type UnitInfo } from './units';
import { deriveQuantities } from './derive';
import { ChunkedBuilder } from '../chunked';

export type QuantityKind =
  | 'count' | 'percent' | 'points' | 'money' | 'measure' | 'time' | 'multiple' | 'rate'
  | 'ordinal' | 'session' | 'date' | 'age' | 'name' | 'code' | 'bare' | 'marker';

/** What the clause says about a number (由A增加到B，增加N，占P%, 每个…). */
export type Role = 'from' | 'to' | 'delta' | 'per' | 'share' | 'target' | 'threshold';

/** The longest numeral (from the figure's start), and the longest rest of a figure after it, that Quantity.tail holds (12 bits each). */
const LENGTH_MAX = 4095;

/** What few figures have: a range high, a rate word, or a length past LENGTH_MAX (then numLength and length, from its start; else 0). */
interface Rare {
  readonly after: string;
  readonly high: number | undefined;
  readonly rate: string | undefined;
  readonly numLength: number;
  readonly length: number;
}

/**
 * A figure as read. A class, not an object literal: every figure is made by one constructor
 * that writes its fields in one order (one shape), and the rarely written facts — decimals,
 * scale, Chinese numeral, bound, garbled — are packed in one small integer read by getters
 * (a figure is kept for as long as its version: 39,000 of them on a 1 M-character report).
 * Six fields, read through getters where packed: where it and its numeral end and its unit in
 * one integer (`tail`), the noun after it and the rare range high and rate word in one (`more`).
 */
export class Quantity {
  declare index: number;
  /** View span of the whole expression: approximation prefix, numeral(s), unit, suffix. */
  declare readonly start: number;
  /** Value in base units (8600万 → 86000000); NaN when unknown (数百, garbled). */
  declare readonly value: number;
  /** decimals, scale, chinese, bound, unknown, the length of the words before it… packed (packFacts), and numStart − start (bits 25–26). */
  declare readonly facts: number;
  /**
   * Where it ends and where its numeral ends, relative to its start, and its unit (its id in
   * UNITS), in one small integer: bits 0–6 the unit, bits 7–18 numEnd − start, bits 19–30
   * end − numEnd. A figure whose numeral, or what follows its numeral, is 4,096 characters or
   * more (a long run of digits, a range written out at length) keeps −1 − its unit here, and
   * both lengths in `more`.
   */
  declare private readonly tail: number;
  /** `after`, or when the figure has a range high or a rate word (both rare) or is too long for `tail`, a Rare of them. */
  declare private readonly more: string | Rare;
  // Declared, and written by the constructor: fields defined as class fields would each be
  // written twice (defined as undefined first). The constructor takes the fields as kept
  // (Quantity.of packs them; moved() copies them).
  private constructor(index: number, start: number, value: number, facts: number, tail: number, more: string | Rare) {
    this.index = index;
    this.start = start;
    this.value = value;
    this.facts = facts;
    this.tail = tail;
    this.more = more;
  }
  /** A figure as read; `unit`: its id in UNITS (units.ts unitId; 0 none). */
  static of(index: number, start: number, end: number, numStart: number, numEnd: number, value: number, high: number | undefined, unit: number, after: string, rate: string | undefined, facts: number): Quantity {
    // An integer as a small integer (Smi): the reader's arithmetic (a Double field of its
    // scratch numeral, a product with the written scale) hands most integer values over as heap
    // numbers (12.0), and a tagged field keeps a heap number as it is given, boxed, 16 bytes
    // a figure. `| 0` gives the Smi (−0 and values past 32 bits stay as they are). A moved
    // figure's value is copied as it is (moved()).
    const int = value | 0;
    value = int === value && (int !== 0 || 1 / value > 0) ? int : value;
    // The words before the numeral that the figure takes in (约, 不少于) are at most three characters.
    const lead = numStart - start;
    if (!(lead >= 0 && lead <= 3)) throw new Error(`numeral at ${numStart}, figure at ${start}`);
    if (!(unit >= 0 && unit < 128 && end >= numEnd && numEnd >= numStart)) throw new Error(`unit ${unit}, numeral [${numStart}, ${numEnd}), figure [${start}, ${end})`);
    const numLength = numEnd - start;
    const rest = end - numEnd;
    const packed = facts | (lead << 25);
    if (numLength > LENGTH_MAX || rest > LENGTH_MAX) return new Quantity(index, start, value, packed, -1 - unit, { after, high, rate, numLength, length: end - start });
    const tail = (rest << 19) | (numLength << 7) | unit;
    return new Quantity(index, start, value, packed, tail, high === undefined && rate === undefined ? after : { after, high, rate, numLength: 0, length: 0 });
  }
  /** This figure moved: view offsets by dv, index by di (its packed fields are relative to its start, and copied as they are). */
  moved(dv: number, di: number): Quantity {
    return new Quantity(this.index + di, this.start + dv, this.value, this.facts, this.tail, this.more);
  }
  /** View end of the whole expression (its start: start). */
  get end(): number {
    const t = this.tail;
    return t >= 0 ? this.start + ((t >> 7) & LENGTH_MAX) + (t >> 19) : this.start + (this.more as Rare).length;
  }
  /** View end of the (first) numeral (its start: numStart). */
  get numEnd(): number {
    const t = this.tail;
    return this.start + (t >= 0 ? (t >> 7) & LENGTH_MAX : (this.more as Rare).numLength);
  }
  get unit(): UnitInfo | undefined {
    return UNITS[this.unitId];
  }
  /** The unit's id in UNITS (0: none). */
  get unitId(): number {
    const t = this.tail;
    return t >= 0 ? t & 127 : -1 - t;
  }
  /** Han text after the unit, e.g. 基层支部 in 18个基层支部. */
  get after(): string {
    const m = this.more;
    return typeof m === 'string' ? m : m.after;
  }
  /** View start of the (first) numeral: after the approximation words the figure starts with (约, 不少于). */
  get numStart(): number {
    return this.start + ((this.facts >> 25) & 3);
  }
  /** Upper end of a range (3至5个). */
  get high(): number | undefined {
    const m = this.more;
    return typeof m === 'string' ? undefined : m.high;
  }
  /** Rate word before a percentage: 办结率, 完成率. */
  get rate(): string | undefined {
    const m = this.more;
    return typeof m === 'string' ? undefined : m.rate;
  }
  get kind(): QuantityKind {
    return KINDS[(this.facts >> 17) & 15];
  }
  /** What the clause says about the number, if anything. */
  get role(): Role | undefined {
    return ROLES[(this.facts >> 21) & 7];
  }
  get approx(): boolean {
    return (this.facts & (1 << 24)) !== 0;
  }
  /** Decimal places written (precision of a percentage or amount). */
  get decimals(): number {
    return (this.facts >> 8) & 31;
  }
  /** 万 = 1e4, 亿 = 1e8 as written, for display. */
  get scale(): number {
    return SCALES[(this.facts >> 4) & 7];
  }
  get chinese(): boolean {
    return (this.facts & 1) !== 0;
  }
  /** The value is a bound: 以上/超过 (lower), 以内/不足 (upper). */
  get bound(): 'lower' | 'upper' | undefined {
    return BOUNDS[(this.facts >> 2) & 3];
  }
  /** Touches a garbled run: never used in arithmetic. */
  get unknown(): boolean {
    return (this.facts & 2) !== 0;
  }
  /** How many characters before `start` the words before it take (beforeOf). */
  get beforeLength(): number {
    return (this.facts >> 13) & 15;
  }
  /**
   * One figure made with no value, before any other: the class's `value` field is then tagged,
   * and an integer value given as a Smi (Quantity.of makes it one) is kept in the field
   * itself. A field that met a Smi or a heap number first would become a Double field, and a
   * Double field boxes every value, 16 bytes each (V8 field representations). Held by the class
   * for as long as the process: the representation is the object shape's (map's), and a shape
   * no live object has is dropped by the next full collection, the next figure then making the
   * field anew from its own value (a figure made at load and not kept: every value was boxed).
   */
  static readonly generalised = Quantity.of(0, 0, 0, 0, 0, undefined as unknown as number, undefined, 0, '', undefined, 0);
}

/**
 * The Han text before a figure in its clause (qualifiers + noun), e.g. 新任科级干部 in
 * 新任科级干部8人: at most 14 characters (15 with a surrogate pair) of `text`, the view text of
 * the figure's version. Sliced when read: a figure keeps only its length.
 */
export function beforeOf(text: string, q: Quantity): string {
  return text.slice(q.start - q.beforeLength, q.start);
}

/** The scales a numeral is written in (Quantity.scale), by their code in Quantity.facts. */
const SCALES = [1, 1e3, 1e4, 1e6, 1e7, 1e8, 1e12];
const BOUNDS = [undefined, 'lower', 'upper'] as const;
const KINDS: readonly QuantityKind[] = ['count', 'percent', 'points', 'money', 'measure', 'time', 'multiple', 'rate', 'ordinal', 'session', 'date', 'age', 'name', 'code', 'bare', 'marker'];
const ROLES: readonly (Role | undefined)[] = [undefined, 'from', 'to', 'delta', 'per', 'share', 'target', 'threshold'];

/**
 * Quantity.facts: bit 0 chinese, bit 1 unknown, bits 2–3 bound, bits 4–6 scale, bits 8–12
 * decimals (at most 20), bits 13–16 the length of the words before it (at most 15), bits 17–20
 * the kind, bits 21–23 the role, bit 24 approx; bits 25–26 numStart − start, added by Quantity.of.
 */
function packFacts(decimals: number, scale: number, chinese: boolean, bound: 'lower' | 'upper' | undefined, unknown: boolean, beforeLength: number, kind: QuantityKind, role: Role | undefined, approx: boolean): number {
  const k = KINDS.indexOf(kind);
  const r = ROLES.indexOf(role);
  if (k < 0 || r < 0) throw new Error(`kind ${kind}, role ${role}`);
  const sc = SCALES.indexOf(scale);
  if (sc < 0 || decimals > 31 || beforeLength > 15) throw new Error(`scale ${scale}, decimals ${decimals}, ${beforeLength} characters before`);
  return (chinese ? 1 : 0) | (unknown ? 2 : 0) | (bound === 'lower' ? 4 : bound === 'upper' ? 8 : 0) | (sc << 4) | (decimals << 8) | (beforeLength << 13) | (k << 17) | (r << 21) | (approx ? 1 << 24 : 0);
}

const SENT_STOP = '。！？；\n';
// Character classes for the scan: one table lookup per character.
const SENT = 1;
const CLAUSE = 2;
const NUMERAL = 3;
const CLASS = new Uint8Array(0x10000);
for (const c of '，、：') CLASS[c.charCodeAt(0)] = CLAUSE;
for (const c of SENT_STOP) CLASS[c.charCodeAt(0)] = SENT;
for (const c of '0123456789零〇一二三四五六七八九两十百千万亿廿卅') CLASS[c.charCodeAt(0)] = NUMERAL;
const QUOTE_OPEN = '“‘《「『';
const QUOTE_CLOSE = '”’》」』';
const APPROX_BEFORE = ['将近', '接近', '大约', '约为', '近', '约', '逾'];
const LOWER_BEFORE = ['超过', '多达', '至少', '不少于', '不低于', '高于', '大于'];
const UPPER_BEFORE = ['不足', '不到', '不超过', '低于', '少于', '小于'];
/**
 * The longest of those words: a figure keeps how far its numeral starts after it in two bits
 * (Quantity.of throws past 3), so a longer word fails every test at load, not a
 * writer's check on the first text that holds it.
 */
const BEFORE_MAX = Math.max(...[...APPROX_BEFORE, ...LOWER_BEFORE, ...UPPER_BEFORE].map((w) => w.length));
if (BEFORE_MAX > 3) throw new Error(`a word before a figure is ${BEFORE_MAX} characters long; a figure keeps at most 3`);
const QUALIFIERS = [
  '新任', '新增', '新建', '新发展', '新提拔', '新命名', '新成立', '新聘', '新招', '新录用', '现有', '现任', '原有',
  '全市', '全区', '全县', '全省', '全镇', '全乡', '全街道', '全国', '全会', '全局', '全院', '全校', '全年', '累计', '共有', '共计', '合计',
  '目前', '各级', '年内', '当年', '上年', '今年', '去年', '本年', '已', '县级', '市级', '省级', '国家级', '区级',
];
/** QUALIFIERS by their first character (char code): most words before a number have none. */
const QUALIFIER_BY_FIRST = new Map<number, number[]>();
QUALIFIERS.forEach((w, k) => {
  const c = w.charCodeAt(0);
  QUALIFIER_BY_FIRST.set(c, [...(QUALIFIER_BY_FIRST.get(c) ?? []), k]);
});
const QUALIFIER_FIRST = charTable(QUALIFIERS.map((w) => w[0]));

/**
 * The noun a figure counts: its `after` if any, else its `before` without leading function
 * words (其中, 包括, 含, 有, 共有, 现有, 共, 达, 达到, 为, 是). Made when read (the hover,
 * the figures table), not for every figure.
 */
export function nounOf(text: string, q: Quantity): string {
  if (q.after) return q.after;
  const before = beforeOf(text, q);
  // The regular expressions only where they can match (their first characters; 共有/现有).
  const lead = LEAD_FIRST[before.charCodeAt(0)] ? before.replace(/^(?:其中|包括|含|有|共有|现有|共|达|达到|为|是)/, '') : before;
  return lead.includes('有') ? lead.replace(/^.{0,4}?(?:共有|现有)/, '') : lead;
}

/** The qualifiers (新任, 全市, 累计…) among the words before a figure, in the order of the list. Made when read, like nounOf. */
export function qualifiersOf(text: string, q: Quantity): readonly string[] {
  return qualifiersIn(beforeOf(text, q));
}

/** No qualifiers: one shared empty list (most figures have none, and every figure is kept). */
const NO_QUALIFIERS: readonly string[] = Object.freeze([]);

/** The QUALIFIERS that occur in `s`, in the order of the list (each once). */
function qualifiersIn(s: string): readonly string[] {
  let found: number[] | undefined;
  for (let k = 0; k < s.length; k++) {
    if (!QUALIFIER_FIRST[s.charCodeAt(k)]) continue;
    const ws = QUALIFIER_BY_FIRST.get(s.charCodeAt(k))!;
    for (let j = 0; j < ws.length; j++) {
      const w = ws[j];
      if (s.startsWith(QUALIFIERS[w], k) && !found?.includes(w)) (found ??= []).push(w);
    }
  }
  if (!found) return NO_QUALIFIERS;
  // One qualifier (the common case): no sort, no callback.
  if (found.length === 1) return [QUALIFIERS[found[0]]];
  return found.sort((a, b) => a - b).map((w) => QUALIFIERS[w]);
}

/** Index of the first quantity that starts at view offset `start` or after it (qs in text order; binary search). */
export function firstQuantityFrom(qs: readonly Quantity[], start: number): number {
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The length of the document's longest figure (end − start; 0 without any), once per version:
 * a figure that holds a view offset v starts at most this far before it, so that a search for
 * it can start there (authoring/figure-hover.ts quantityAt).
 */
export function longestQuantity(doc: ReportDocument): number {
  return doc.memo('figures:longest', () => {
    let n = 0;
    for (const q of quantities(doc)) n = Math.max(n, q.end - q.start);
    return n;
  });
}

/** The quantities that start in view[start, end) (qs in text order; binary search). */
export function quantitiesIn(qs: readonly Quantity[], start: number, end: number): Quantity[] {
  const lo = firstQuantityFrom(qs, start);
  const out: Quantity[] = [];
  for (let i = lo; i < qs.length && qs[i].start < end; i++) out.push(qs[i]);
  return out;
}

/** Read all quantities of the document (memoised per version). */
export function quantities(doc: ReportDocument): Quantity[] {
  return doc.memo('figures:quantities', () => deriveQuantities(doc) ?? readQuantities(doc));
}

/**
 * The quantities of each kind, in text order, and the amounts (count, money, measure) in
 * text order (memoised per version): a rule that reads one kind walks those, not every
 * figure of the document.
 */
export function quantitiesByKind(doc: ReportDocument): { of(kind: QuantityKind): readonly Quantity[]; amounts: readonly Quantity[] } {
  return doc.memo('figures:quantitiesByKind', () => {
    const all = quantities(doc);
    // Counted first, then each list made at its size and filled: grown by pushes, the lists
    // of a 1 M report (15,000 counts, 18,000 amounts) left every smaller copy behind as garbage.
    const sizes = new Map<QuantityKind, number>();
    let amountCount = 0;
    for (let k = 0; k < all.length; k++) {
      const kind = all[k].kind;
      sizes.set(kind, (sizes.get(kind) ?? 0) + 1);
      if (kind === 'count' || kind === 'money' || kind === 'measure') amountCount++;
    }
    const byKind = new Map<QuantityKind, { list: Quantity[]; n: number }>();
    for (const [kind, n] of sizes) byKind.set(kind, { list: new Array<Quantity>(n), n: 0 });
    const amounts = new Array<Quantity>(amountCount);
    let a = 0;
    for (let k = 0; k < all.length; k++) {
      const q = all[k];
      const l = byKind.get(q.kind)!;
      l.list[l.n++] = q;
      if (q.kind === 'count' || q.kind === 'money' || q.kind === 'measure') amounts[a++] = q;
    }
    return { of: (kind: QuantityKind): readonly Quantity[] => byKind.get(kind)?.list ?? [], amounts };
  });
}

function readQuantities(doc: ReportDocument): Quantity[] {
  // Gathered in chunks, then made one array at its size (chunked.ts). The first chunk is made
  // for a figure every 32 characters (the bench's reports have one every 27; more still fit).
  const out = new ChunkedBuilder<Quantity>(doc.view.text.length >> 5);
  readQuantityLines(doc.view.text, doc.viewLines, doc.boilerplate, 0, doc.viewLines.length, out);
  return out.toArray();
}

/**
 * The quantities of view lines [from, to), appended to `out` (their index: their place in it).
 * Reading a line looks at nothing beyond it but its break and, for 占…的 before a bare
 * figure, at most 18 characters back (figures/derive.ts relies on it).
 */
export function readQuantityLines(
  text: string,
  lines: PackedLines,
  skipLines: ReadonlySet<number>,
  from: number,
  to: number,
  out: { readonly length: number; push(q: Quantity): unknown },
): void {
  for (let n = from; n < to; n++) {
    const lineStart = lines.start(n);
    const lineEnd = lines.end(n);
    let clauseStart = lineStart;
    if (skipLines.has(n)) continue;
    for (let i = lineStart; i < lineEnd; i++) {
      const cls = CLASS[text.charCodeAt(i)];
      if (cls === 0) continue;
      if (cls === SENT || cls === CLAUSE) {
        clauseStart = i + 1;
        continue;
      }
      // NUMERAL: an Arabic digit or a character of a Chinese numeral.
      const code = text.charCodeAt(i);
      const isArabic = code >= 48 && code <= 57;
      const prev = text.charCodeAt(i - 1);
      if (isArabic && ((prev >= 48 && prev <= 57) || prev === 46 || prev === 44)) continue;
      if (!isArabic && isCnNumeralCode(prev)) continue;
      const q = readAt(text, i, lineEnd, clauseStart);
      if (!q) continue;
      q.index = out.length;
      out.push(q);
      // Skip to the end of the numeral (not the whole expression: a range's second
      // number is inside it and must not be read again).
      i = Math.max(i, q.end - 1);
      // The clause's start must still see the punctuation inside the expression.
      for (let k = q.numStart; k < q.end; k++) {
        // Every mark of SENT_STOP and CLAUSE_STOP (their union is the SENT and CLAUSE classes).
        const c = CLASS[text.charCodeAt(k)];
        if (c === SENT || c === CLAUSE) {
          i = k - 1;
          break;
        }
      }
    }
  }
}

/** An ASCII digit at k (none before the start or past the end). */
function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

/** Spaces that group digits: a space, a thin space, a narrow no-break space. */
const THIN = charTable(' \u2009\u202f');

/** Digits with thousands separators (1,234) and decimals (3.5) at `i`, by hand (no regex per number): where they end. */
function scanArabic(text: string, i: number): number {
  let p = i;
  while (isDigitAt(text, p)) p++;
  // 1 286人, 12 345 678元 (GB/T 15835 groups digits with a thin space): groups of exactly three
  // after one of one to three, the number then followed by its unit, not by another column.
  if (p - i <= 3 && THIN[text.charCodeAt(p)] && !isDigitAt(text, i - 1)) {
    let q = p;
    while (THIN[text.charCodeAt(q)] && isDigitAt(text, q + 1) && isDigitAt(text, q + 2) && isDigitAt(text, q + 3) && !isDigitAt(text, q + 4)) q += 4;
    if (q > p && q < text.length && !THIN[text.charCodeAt(q)] && text.charCodeAt(q) !== 0x2c /* , */ && text.charCodeAt(q) !== 0x2e /* . */ && text.charCodeAt(q) > 0x2000) {
      p = q;
    }
  }
  // 1,234,567: groups of exactly three digits.
  while (text.charCodeAt(p) === 0x2c /* , */ && isDigitAt(text, p + 1) && isDigitAt(text, p + 2) && isDigitAt(text, p + 3) && !isDigitAt(text, p + 4)) {
    p += 4;
  }
  if (text.charCodeAt(p) === 0x2e /* . */ && isDigitAt(text, p + 1)) {
    p++;
    while (isDigitAt(text, p)) p++;
  }
  return p;
}

/** Exact powers of ten: a number of at most 15 digits over one of them is rounded as Number() rounds the decimal. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** What the last arabicValue() read: digits after the point, and whether a comma or a point was written. */
let arabicDecimals = 0;
let arabicComma = false;

/**
 * The value of the number scanArabic read at view[i, p), without a string: at most 15 digits
 * are an exact integer, and that integer divided by an exact power of ten is the double
 * nearest the decimal, as Number() reads it; longer numbers are read by Number().
 */
function arabicValue(text: string, i: number, p: number): number {
  let n = 0;
  let digits = 0;
  let decimals = -1;
  arabicComma = false;
  for (let k = i; k < p; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e /* . */) decimals = 0;
    else if (c === 0x2c /* , */) arabicComma = true;
  }
  // Capped: toFixed() takes at most 100 digits, and no report writes more than a few.
  arabicDecimals = decimals < 0 ? 0 : Math.min(20, decimals);
  if (digits > 15) return Number(text.slice(i, p).replace(/[, \u2009\u202f]/g, ''));
  return decimals > 0 ? n / POW10[decimals] : n;
}

interface Num {
  start: number;
  end: number;
  value: number;
  decimals: number;
  scale: number;
  chinese: boolean;
  approx: boolean;
  /** The numeral as written (a Chinese numeral's characters; '' for Arabic digits, read in place). */
  raw: string;
  /** Arabic digits that read as a code without a unit: five or more characters, no point, no comma. */
  codeLike: boolean;
}

/** Two numerals read in place (a figure's, and a range's second): no object per number read. */
const FIRST: Num = { start: 0, end: 0, value: 0, decimals: 0, scale: 1, chinese: false, approx: false, raw: '', codeLike: false };
const SECOND: Num = { ...FIRST };

function setNum(out: Num, start: number, end: number, value: number, decimals: number, scale: number, chinese: boolean, approx: boolean, raw: string, codeLike = false): Num {
  out.start = start;
  out.end = end;
  out.value = value;
  out.decimals = decimals;
  out.scale = scale;
  out.chinese = chinese;
  out.approx = approx;
  out.raw = raw;
  out.codeLike = codeLike;
  return out;
}

/** A numeral at `i`: Arabic with 万/亿, or a Chinese numeral, read into `out`; or undefined. */
function readNum(text: string, i: number, end: number, out: Num): Num | undefined {
  if (isDigitAt(text, i)) {
    const e = scanArabic(text, i);
    let p = e;
    let value = arabicValue(text, i, e);
    const decimals = arabicDecimals;
    // No decimal point (scanArabic takes one only with a digit after it) and no comma.
    const codeLike = e - i >= 5 && arabicDecimals === 0 && !arabicComma;
    let scale = 1;
    // 3万, 1.2亿, 5千万, 2万亿
    if (text.startsWith('千万', p)) scale = 1e7;
    else if (text.startsWith('百万', p)) scale = 1e6;
    else if (text.startsWith('万亿', p)) scale = 1e12;
    else if (text.charCodeAt(p) === 0x4e07 /* 万 */) scale = 1e4;
    else if (text.charCodeAt(p) === 0x4ebf /* 亿 */) scale = 1e8;
    else if (text.charCodeAt(p) === 0x5343 /* 千 */ && unitAt(text, p + 1)) scale = 1e3;
    if (scale !== 1) {
      p += scale === 1e7 || scale === 1e6 || scale === 1e12 ? 2 : 1;
      value = value * scale;
    }
    return setNum(out, i, Math.min(p, end), value, decimals, scale, false, false, '', codeLike);
  }
  if (!isCnNumeralCode(text.charCodeAt(i))) return undefined;
  let p = i;
  while (p < end && p - i < 12 && isCnNumeralCode(text.charCodeAt(p))) p++;
  // 百姓, 千家万户, 万家: a numeral starts with a digit or 十/廿 (数百, 几千 are read by the caller).
  const vague = text.charCodeAt(i - 1) === 0x6570 /* 数 */ || text.charCodeAt(i - 1) === 0x51e0 /* 几 */;
  const c0 = text.charCodeAt(i);
  if (!vague && (c0 === 0x767e /* 百 */ || c0 === 0x5343 /* 千 */ || c0 === 0x4e07 /* 万 */ || c0 === 0x4ebf /* 亿 */)) return undefined;
  const run = text.slice(i, p);
  if (vague) return setNum(out, i, p, NaN, 0, 1, true, true, run);
  // 两三家, 三五名, 七八个: two neighbouring digits are an approximate range.
  if (run.length === 2 && isCnDigit(run[0]) && isCnDigit(run[1])) {
    const a = parseChineseNumeral(run[0])!;
    const b = parseChineseNumeral(run[1])!;
    if (b > a && b - a <= 2 && a > 0) return setNum(out, i, p, a, 0, 1, true, true, run);
    return undefined;
  }
  // 十余, 二十多: 余/多 after a round Chinese numeral.
  const v = parseChineseNumeral(run);
  if (v === undefined) return undefined;
  let scale = 1;
  if (run.includes('亿')) scale = 1e8;
  else if (run.includes('万')) scale = 1e4;
  return setNum(out, i, p, v, 0, scale, true, false, run);
}

/** The first of `words` that ends at `i`, starting at most `room` characters before it. */
function endsWithAny(text: string, i: number, room: number, words: string[]): string | undefined {
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.length <= room && text.startsWith(w, i - w.length)) return w;
  }
  return undefined;
}

/** Marks between the two numbers of a range: 3至5个, 60%～68%, 18-25周岁. */
const RANGE_SEP = charTable('至到-～~—');

/** Last characters of the words before a number (APPROX/LOWER/UPPER_BEFORE): most heads end otherwise. */
const BEFORE_LAST = charTable([...APPROX_BEFORE, ...LOWER_BEFORE, ...UPPER_BEFORE].map((w) => w[w.length - 1]));

/** First characters of the leading words dropped from a noun (其中, 包括, 含, 有, 共有, 现有, 共, 达, 达到, 为, 是). */
const LEAD_FIRST = charTable('其包含有共现达为是');

const HAN_STOP_AFTER = '的被获在为和与及是将到向对把由等均都已有了来参实开得从经共占达以进作让使给按于受用就跟、';
const STOP_AFTER = charTable(HAN_STOP_AFTER);

function readAt(text: string, i: number, lineEnd: number, clauseStart: number): Quantity | undefined {
  const num = readNum(text, i, lineEnd, FIRST);
  if (!num) return undefined;
  let p = num.end;
  let approx = num.approx;
  let bound: Quantity['bound'];
  let high: number | undefined;
  // 数百, 几十: an unknown multiple.
  const prev = text.charCodeAt(i - 1);
  let value = num.value;
  if (num.chinese && (prev === 0x6570 /* 数 */ || prev === 0x51e0 /* 几 */) && /^[十百千万]/.test(num.raw)) {
    approx = true;
    value = NaN;
  }
  // 10余, 3200余, 十余 before the unit.
  if (text.charCodeAt(p) === 0x4f59 /* 余 */ || (text.charCodeAt(p) === 0x591a /* 多 */ && unitAt(text, p + 1))) {
    approx = true;
    bound = 'lower';
    p++;
  }
  // Ranges: 3至5个, 60%～68%, 18-25周岁.
  let pctFirst = false;
  if (text.charCodeAt(p) === 37 /* % */) {
    const d = text.charCodeAt(p + 2);
    if (RANGE_SEP[text.charCodeAt(p + 1)] && d >= 48 && d <= 57) {
      pctFirst = true;
      p++;
    }
  }
  if (RANGE_SEP[text.charCodeAt(p)]) {
    const second = readNum(text, p + 1, lineEnd, SECOND);
    if (second && second.chinese === num.chinese && second.value >= num.value) {
      high = second.value;
      approx = true;
      p = second.end;
      if (text.charCodeAt(p) === 0x4f59 /* 余 */) p++;
    }
  }
  if (pctFirst && text.charCodeAt(p) !== 0x25 /* % */) return undefined;
  let unit = unitAt(text, p);
  // Chinese-numeral percentages are written 七成; Arabic 3成 is rare and ambiguous.
  if (unit?.unit === '成' && !num.chinese) unit = undefined;
  // 分 is never read as a unit here: 十分重视 is "very".
  if (unit) p += unit.unit.length;
  // 七成 is 70 %, 三成五 is 35 %.
  let tenths = 1;
  if (unit?.unit === '成') {
    tenths = 10;
    approx = true;
    if (isCnDigit(text[p]) && text.charCodeAt(p) !== 0x4e24 /* 两 */) {
      value += parseChineseNumeral(text[p])! / 10;
      p++;
    }
  }
  // 5506公斤/公顷, 12元/吨: a rate, not an amount that adds up.
  let rate = false;
  if (unit && unit.what !== 'percent' && (text.charCodeAt(p) === 0x2f /* / */ || text.charCodeAt(p) === 0x6bcf /* 每 */) && unitAt(text, p + 1)) {
    rate = true;
    p += 1 + unitAt(text, p + 1)!.unit.length;
  }
  // 2个多月, 5名以上, 120元左右
  if (text.charCodeAt(p) === 0x591a /* 多 */ || text.charCodeAt(p) === 0x4f59 /* 余 */) {
    approx = true;
    bound = 'lower';
    p++;
    // 2个多月
    if (unit?.unit === '个' && text.charCodeAt(p) === 0x6708 /* 月 */) {
      unit = unitNamed('个月');
      p++;
    }
  }
  if (text.startsWith('左右', p) || text.startsWith('上下', p)) {
    approx = true;
    p += 2;
  } else if (text.startsWith('以上', p) || text.startsWith('之多', p)) {
    approx = true;
    bound = 'lower';
    p += 2;
  } else if (text.startsWith('以下', p) || text.startsWith('以内', p)) {
    approx = true;
    bound = 'upper';
    p += 2;
  }
  // Approximation before the number.
  let start = i;
  let ap: string | undefined;
  let lo: string | undefined;
  let up: string | undefined;
  if (i > clauseStart && BEFORE_LAST[text.charCodeAt(i - 1)]) {
    // The words end at i within the clause (compared in place).
    const room = Math.min(BEFORE_MAX, i - clauseStart);
    ap = endsWithAny(text, i, room, APPROX_BEFORE);
    lo = endsWithAny(text, i, room, LOWER_BEFORE);
    up = endsWithAny(text, i, room, UPPER_BEFORE);
  }
  if (ap) {
    approx = true;
    start = i - ap.length;
  } else if (lo) {
    approx = true;
    bound = 'lower';
    start = i - lo.length;
  } else if (up) {
    approx = true;
    bound = 'upper';
    start = i - up.length;
  }
  const unknown = text.charCodeAt(start - 1) === 0xfffd /* U+FFFD */ || text.charCodeAt(p) === 0xfffd /* U+FFFD */;
  const beforeStart = hanRunBefore(text, start, clauseStart);
  const after = unit && unit.what === 'count' ? nounAfter(text, p, lineEnd) : '';
  const kind = rate ? 'rate' : classify(text, num, unit, i, p, beforeStart, start);
  assignRole(kind, start, p, text, clauseStart);
  return Quantity.of(
    0,
    start,
    p,
    num.start,
    num.end,
    unknown ? NaN : value * tenths,
    high === undefined ? undefined : high * tenths,
    unitId(unit),
    after,
    RATE,
    packFacts(num.decimals, num.scale, num.chinese, bound, unknown, start - beforeStart, kind, ROLE, approx),
  );
}

/** Where the Han (and quote) characters right before `i` start, within the clause: at most 14 back (15 with a surrogate pair). */
function hanRunBefore(text: string, i: number, clauseStart: number): number {
  let s = i;
  while (s > clauseStart && i - s < 14) {
    const c = text.charCodeAt(s - 1);
    if (isHanAt(text, s - 1) || c === 0x201c || c === 0x201d || c === 0xff08 || c === 0xff09) s--;
    else if (c >= 0xdc00 && c <= 0xdfff && s - 2 >= clauseStart) s -= 2;
    else break;
  }
  return s;
}

function nounAfter(text: string, p: number, lineEnd: number): string {
  let e = p;
  let quoted = false;
  let quotes = false;
  while (e < lineEnd && e - p < 10) {
    const c = text.charCodeAt(e);
    if (c === 0x201c) {
      quoted = quotes = true;
      e++;
      continue;
    }
    if (c === 0x201d && quoted) {
      e++;
      quoted = false;
      continue;
    }
    if (!isHanAt(text, e)) break;
    if (!quoted && STOP_AFTER[c]) break;
    e++;
  }
  const s = text.slice(p, e);
  return quotes ? s.replace(/[“”]/g, '') : s;
}

const SESSION_AFTER = /^(?:中全会|次全会|全会|全委会|次全委会|次代表大会|代表大会|人大|政协|党代会|次会议|届)/;
const CONGRESS_AFTER = /^(?:精神|以来|报告|代表|召开|胜利|和|、|，|。|；|提出|作出|部署|期间)/;

/** `beforeStart`, `start`: the words before the figure (hanRunBefore) and where the figure starts. */
function classify(text: string, num: Num, unit: UnitInfo | undefined, i: number, p: number, beforeStart: number, start: number): QuantityKind {
  // Char codes (NaN before the start and past the end): no one-character string per figure.
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(num.end);
  // Enumeration markers: 一是、二是; 其一.
  if (num.chinese && next === 0x662f /* 是 */ && num.value <= 20 && !unit) return 'marker';
  if (prev === 0x7b2c /* 第 */) return 'ordinal';
  // Lone 一 is a word (一批, 统一, 一个好的支部), not a figure worth reading.
  if (num.chinese && num.raw === '一') return 'bare';
  if (prev === 0x2b /* + */ || next === 0x2b || text.charCodeAt(p) === 0x2b) return 'name';
  if (next === 0x5f3a /* 强 */ && !unit) return 'name';
  if (insideShortQuote(text, i)) return 'name';
  // Codes: digits glued to Latin letters or slashes (GB/T 9704, 4G, Q3): /[A-Za-z/][ ]?$/ on
  // the two characters before, or a letter after.
  if (!num.chinese && (latinOrSlash(text.charCodeAt(i - 1)) || (text.charCodeAt(i - 1) === 32 && i >= 2 && latinOrSlash(text.charCodeAt(i - 2))) || latin(text.charCodeAt(num.end)))) return 'code';
  if (!unit) {
    if (num.codeLike) return 'code';
    if (num.chinese && next === 0x4e2d /* 中 */) return 'session'; // 三中全会
    if (next === 0x25 /* % */) return 'percent';
    // 占总数的60，: a share whose % sign was lost on the way (web pages strip it).
    if ((num.end >= text.length || SHARE_AFTER[next]) && /占[^，。；、\d]{0,16}的$/.test(text.slice(Math.max(0, i - 18), i)) && num.value <= 100) return 'percent';
    return 'bare';
  }
  switch (unit.what) {
    case 'percent':
      return 'percent';
    case 'points':
      return 'points';
    case 'multiple':
      return 'multiple';
    case 'money':
      return 'money';
    case 'measure':
      return 'measure';
    case 'time':
      return 'time';
    case 'age':
      return 'age';
    case 'session':
      return unit.unit === '周年' ? 'ordinal' : 'session';
    case 'date':
      return 'date';
  }
  // The five characters after the figure, for the few measure words that need them.
  if (unit.unit === '次' && SESSION_AFTER.test(text.slice(p, p + 5))) return 'session';
  if (unit.unit === '大') {
    // 三大行业 counts; 二十大, 党的十九大 are congresses.
    if (!num.chinese || num.value > 10 || /(?:党的|中共|党)$/.test(text.slice(beforeStart, start)) || CONGRESS_AFTER.test(text.slice(p, p + 5))) return 'ordinal';
  }
  if (unit.unit === '点' && (!num.chinese || /^[半钟整]/.test(text.slice(p, p + 5)))) return 'time';
  if (unit.unit === '号') return 'ordinal';
  if (unit.unit === '级' && text.slice(p - 2, p) === '星级') return 'name';
  return 'count';
}

/** What may follow a share whose % sign was lost (or the end of the text). */
const SHARE_AFTER = charTable('，。；、');

function latin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function latinOrSlash(c: number): boolean {
  return latin(c) || c === 47;
}

/** Per char code: 1 an opening quote or 书名号, 2 a closing one, 3 a line feed. */
const QUOTE_MARK = new Uint8Array(0x10000);
for (const c of QUOTE_OPEN) QUOTE_MARK[c.charCodeAt(0)] = 1;
for (const c of QUOTE_CLOSE) QUOTE_MARK[c.charCodeAt(0)] = 2;
QUOTE_MARK[10] = 3;

/** Inside a short quoted or 书名号 term (“五个一”, 《十四五规划》): a name, not a figure. */
function insideShortQuote(text: string, i: number): boolean {
  let open = -1;
  for (let k = i - 1; k >= 0 && i - k <= 12; k--) {
    const m = QUOTE_MARK[text.charCodeAt(k)];
    if (m === 2 || m === 3) return false;
    if (m === 1) {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  for (let k = i + 1; k < text.length && k - open <= 16; k++) {
    const m = QUOTE_MARK[text.charCodeAt(k)];
    if (m === 1 || m === 3) return false;
    if (m === 2) return true;
  }
  return false;
}

const FROM = /(?:由|较|比|从)(?:(?:[\dxX]{2,4}|[〇零一二三四五六七八九]{4})年(?:底|初|末|年底|年初|上半年|下半年|同期|前)?|上年|去年|上一年|前一年|同期|上年同期|年初|成立之初|改革前|[一二三四五六七八九十两\d]{1,2}年前)?(?:的)?$/;
const TO = /(?:增加|增长|提高|提升|上升|下降|减少|降低|缩短|扩大|缩小|发展|增|降|减|升|回落|攀升)(?:到|至)(?:了)?(?:\d{4}年(?:底|初|末)?)?(?:的)?$/;
const DELTA = /(?:同比|比上年|较上年|环比)?(?:净增|增加|增长|提高|提升|上升|下降|减少|降低|增收|减收|增产|减产|增支|减支|回落|下滑|缩减|多|少|增|减)(?:了)?(?:比例|幅度|速度)?(?:为|达|达到|约为)?$/;
const PER = /每|人均|生均|户均|社均|平均|日均|年均|月均|亩均|场均|次均|校均|村均/;
// 争取 is a target (争取完成…) unless what it says was obtained: 共争取, 累计争取, 已争取,
// 成功争取, 先后争取, 争取到.
const TARGET = /力争|目标|计划到|预计|(?<![共计已功后])争取(?!到)|确保到|到20\d\d年(?:底|末)?/;

const HAS_ROLE = new Set<QuantityKind>(['count', 'money', 'measure', 'time', 'percent', 'points', 'multiple']);

// Each pattern is tried only where it can match (most numbers have no role): the last
// character an end-anchored pattern can match, or a character every match contains.
const TO_LAST = charTable('到至了年底初末的');
const DELTA_LAST = charTable('增加长高升降少低收产支落滑减多了例度为达到');
const THRESHOLD_LAST = charTable('过足到于');
const RATE_LAST = charTable('率为达到是约在');
const FROM_ANY = charTable('由较比从');
const TARGET_ANY = charTable('力目计预争确到');
/** What the share (占), comparison (FROM_ANY) and per-unit (每, 均) patterns need somewhere in the words before a figure. */
const ROLE_ANY = charTable('占每均由较比从');
/** What assignRole found last (no object per figure). */
let ROLE: Role | undefined;
let RATE: string | undefined;

/** The role (and for a percentage, the rate word) of a figure of `kind` at view[start, end): into ROLE and RATE. */
function assignRole(kind: QuantityKind, start: number, end: number, text: string, clauseStart: number): void {
  ROLE = undefined;
  RATE = undefined;
  if (!HAS_ROLE.has(kind)) return;
  // The words before the figure in its clause (at most 16 characters), sliced only when a
  // pattern below other than the target's can match them (most figures have no role): each
  // test of the chain asks for its last character or a character of ROLE_ANY first.
  const from = Math.max(clauseStart, start - 16);
  const last = start > from ? text.charCodeAt(start - 1) : NaN;
  const prefix = TO_LAST[last] || DELTA_LAST[last] || THRESHOLD_LAST[last] || (kind === 'percent' && RATE_LAST[last]) || anyCharIn(text, from, start, ROLE_ANY) ? text.slice(from, start) : '';
  if (TO_LAST[last] && TO.test(prefix)) ROLE = 'to';
  // 占比 before 比: a share, not a comparison.
  else if (prefix.includes('占') && (/占(?:[^，。；\d]{0,16}?的)?(?:比例)?(?:为|达|达到)?$/.test(prefix) || /占比(?:为|达|达到)?$/.test(prefix))) ROLE = 'share';
  else if (anyCharIn(text, from, start, FROM_ANY) && FROM.test(prefix)) ROLE = 'from';
  else if (DELTA_LAST[last] && DELTA.test(prefix)) ROLE = 'delta';
  else if ((prefix.includes('每') || prefix.includes('均')) && PER.test(prefix)) ROLE = 'per';
  else if (targetIn(text, Math.max(clauseStart, start - 40), start)) ROLE = 'target';
  else if (THRESHOLD_LAST[last] && /(?:超过|不足|不到|高于|低于)$/.test(prefix) && /^的/.test(text.slice(end, end + 1))) ROLE = 'threshold';
  if (kind === 'percent' && RATE_LAST[last]) {
    const m = /([\u4e00-\u9fff]{1,4}率)(?:为|达|达到|是|约|保持在)?$/.exec(prefix);
    if (m) RATE = m[1];
  }
}

function targetIn(text: string, start: number, end: number): boolean {
  return anyCharIn(text, start, end, TARGET_ANY) && TARGET.test(text.slice(start, end));
}

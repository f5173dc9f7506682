// A relation between figures (部分与总数, 列举与数量, 比例, 合计, 增减, 前后数字, 日期),
// found by the finders in relations/ and checked once per document. Rules report the
// relations that do not hold; hover shows every relation a number takes part in.
import type { Fix, Msg } from '../types';
import type { Quantity } from './quantity';

/** What a figure is in a relation, as related information names it. */
export type PlaceRole = 'total' | 'part' | 'item' | 'stated-total' | 'share' | 'whole' | 'before' | 'after' | 'change' | 'per' | 'count' | 'earlier' | 'later' | 'removed' | 'remaining';

const ROLE_LABEL: Record<PlaceRole, [string, string]> = {
  total: ['总数', 'the total'],
  part: ['分项', 'a part'],
  item: ['所列一项', 'an item'],
  'stated-total': ['文中合计', 'the stated total'],
  share: ['文中比例', 'the stated share'],
  whole: ['作为整体的数字', 'the whole'],
  before: ['变化前', 'the value before'],
  after: ['变化后', 'the value after'],
  change: ['文中增减', 'the stated change'],
  per: ['文中人均数', 'the stated figure per unit'],
  count: ['文中人数或数量', 'the stated count'],
  earlier: ['前文', 'said earlier'],
  later: ['此处', 'said here'],
  removed: ['已减去的', 'what left'],
  remaining: ['文中余数', 'what is said to remain'],
};

/** Related information for a figure: what it is in the relation, and its words as written. */
export function roleLabel(role: PlaceRole, quote: string): Msg {
  const [zh, en] = ROLE_LABEL[role];
  return { zh: `${zh}“${quote}”`, en: `${en} “${quote}”` };
}

export interface ViewSpan {
  start: number;
  end: number;
  /** What this place is in the relation (shown as related information). */
  label: Msg;
}

export interface Relation {
  /** The rule that reports it, e.g. figures/parts-total. */
  rule: string;
  ok: boolean;
  /** Error only when the reading is certain. */
  severity: 'error' | 'warning';
  /** VIEW span the finding is reported at. */
  start: number;
  end: number;
  /** Quantities involved (each becomes related information). */
  quantities: Quantity[];
  /** What each quantity is in the relation, in the same order (related information says so). */
  roles?: PlaceRole[];
  /** Other places involved: listed names, enumerated items. */
  places?: ViewSpan[];
  /** The arithmetic, e.g. `2 + 5 = 7 ≠ 8`. */
  arithmetic: string;
  /** Why the figures are related this way: 分别为, one dimension (性别), 共计… */
  evidence?: Msg;
  message: Msg;
  fix?: (toOrig: (s: number, e: number) => { start: number; end: number }) => Fix;
}

/**
 * A message built on first read: most relations hold, and what a relation that holds says
 * is seldom read (the figures table and hovers show its arithmetic). Reading it gives the
 * same strings as building it at once; JSON.stringify gives the built message. (A class:
 * an object literal with getters is defined property by property at run time, which cost
 * more than the message it saved.)
 */
class LazyMsg implements Msg {
  private built: Msg | undefined;
  constructor(private readonly make: () => Msg) {}
  get zh(): string {
    return (this.built ??= this.make()).zh;
  }
  get en(): string {
    return (this.built ??= this.make()).en;
  }
  toJSON(): Msg {
    return { zh: this.zh, en: this.en };
  }
}

export function lazyMsg(make: () => Msg): Msg {
  return new LazyMsg(make);
}

/**
 * What a relation says: built at once when the relation does not hold (it is reported), on
 * first read when it holds. A finding never carries a message that is still to be built.
 */
export function relationMsg(ok: boolean, make: () => Msg): Msg {
  return ok ? lazyMsg(make) : make();
}

/**
 * Arithmetic for English messages: Chinese scale words may only stand inside quotes, so
 * `8000万 + 5000万 = 13000万` becomes `8000 + 5000 = 13000 (in “万”)`.
 */
export function arithmeticEn(a: string): string {
  const scales = new Set([...a.matchAll(/\d(万亿|亿|万|千万)/g)].map((m) => m[1]));
  if (!scales.size) return a;
  const plain = a.replace(/(\d)(?:万亿|亿|万|千万)/g, '$1');
  return scales.size === 1 ? `${plain} (in “${[...scales][0]}”)` : a.replace(/(\d[\d.]*)(万亿|亿|万|千万)/g, '$1 “$2”');
}

/** The same value exactly, not merely within the rounding of what is written (floating-point noise aside). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
}

/** A number for arithmetic display, in the scale it was written in (86.47亿 → 86.47). */
export function fmt(v: number, scale = 1, decimals?: number): string {
  const x = v / scale;
  const d = decimals ?? (Number.isInteger(x) ? 0 : Math.min(4, (String(x).split('.')[1] ?? '').length));
  const s = x.toFixed(d);
  return d > 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Scale suffix for display: 万/亿. */
export function scaleWord(scale: number): string {
  return scale === 1e4 ? '万' : scale === 1e8 ? '亿' : scale === 1e12 ? '万亿' : scale === 1e7 ? '千万' : '';
}

/** The largest scale among quantities, to show them all in one scale. */
export function commonScale(qs: Quantity[]): { scale: number; decimals: number } {
  let scale = 1;
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    if (q.scale > scale) scale = q.scale;
  }
  // Enough decimals for every part in that scale.
  let decimals = 0;
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    const x = q.value / scale;
    const d = Number.isInteger(x) ? 0 : Math.min(4, (String(+x.toFixed(6)).split('.')[1] ?? '').length);
    if (d > decimals) decimals = d;
  }
  return { scale, decimals };
}

/** Display of quantities in a common scale. */
export function shows(qs: Quantity[]): { list: string[]; of: (v: number) => string; unit: string } {
  const { scale, decimals } = commonScale(qs);
  // Mixed scales (8600万 vs 3.2亿): say the scale on every number.
  const mixed = qs.some((q) => q.scale !== qs[0].scale);
  const small = Math.min(...qs.map((q) => q.scale));
  // 1.2亿 − 8000万 reads best in the smaller scale: 12000万 − 8000万 = 4000万.
  const of = (v: number) => (mixed ? fmt(v, small) + scaleWord(small) : fmt(v, scale, decimals));
  const u = qs[0]?.unit?.unit ?? '';
  return { list: qs.map((q) => of(q.value)), of, unit: scaleWord(scale) + (u === '%' ? '' : u) };
}

/**
 * Tolerance for comparing figures as written. A figure with decimals or a 万/亿 scale is
 * rounded to its last written digit: each adds half that unit, and a difference of one
 * unit in the last digit is always allowed (parts rounded separately, shares forced to
 * 100 %). Plain integers without a scale (18个, 312人) are exact. Within one statement the
 * writer keeps one precision: 1亿元 beside 0.7亿元 means 1.0亿元, not "about one 亿".
 * An approximate figure (约4.61万) may be off by three units of its last digit.
 */
export function tolerance(qs: Quantity[]): number {
  // Loops over the few figures, no Map, spread or callback: parts-total asks this for every
  // reading of every group.
  let half = 0;
  let unitMax = 0;
  let approx = 0;
  let scaleMax = 1;
  let uniform = true;
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    const decimals = q.scale > 1 ? finestDecimals(qs, q.scale) : q.decimals;
    const rounded = decimals > 0 || q.scale > 1;
    const unit = Math.pow(10, -decimals) * q.scale;
    scaleMax = Math.max(scaleMax, Math.abs(q.value));
    // One unit of the last digit only when all figures are written to that one precision.
    if (q.scale !== qs[0].scale || q.decimals !== qs[0].decimals) uniform = false;
    if (q.approx) approx += 3 * (rounded ? unit : significantUnit(q.value));
    if (!rounded) continue;
    half += unit / 2;
    unitMax = Math.max(unitMax, unit);
  }
  return (uniform ? Math.max(half, unitMax) : half) + approx + 1e-9 * scaleMax;
}

/** The most decimals written among the figures of one scale (1亿元 beside 0.7亿元: 1). */
function finestDecimals(qs: Quantity[], scale: number): number {
  let d = 0;
  for (let k = 0; k < qs.length; k++) if (qs[k].scale === scale && qs[k].decimals > d) d = qs[k].decimals;
  return d;
}

/** Place of the last non-zero digit of an integer (300 → 100, 12 → 1). */
function significantUnit(v: number): number {
  if (!Number.isFinite(v) || v === 0 || !Number.isInteger(v)) return 1;
  let u = 1;
  while (v % (u * 10) === 0) u *= 10;
  return u;
}

/** Equal within the written precision of the figures involved (see tolerance). */
export function nearlyEqual(a: number, b: number, qs: Quantity[]): boolean {
  return Math.abs(a - b) <= tolerance(qs);
}

/** Tolerance for a written percentage: one unit of its last digit, at least 0.15 points. */
export function pctTolerance(decimals: number): number {
  return decimals === 0 ? 1 : Math.max(0.15, Math.pow(10, -decimals));
}

export function isUsable(q: Quantity): boolean {
  return !q.unknown && !Number.isNaN(q.value) && !q.approx;
}

/** Kinds that are amounts one can add up. */
export function isAmount(q: Quantity): boolean {
  return q.kind === 'count' || q.kind === 'money' || q.kind === 'measure';
}

/** A figure as written: its own scale and decimals (70.0 stays 70.0). */
export function written(q: Quantity): string {
  return (q.value / q.scale).toFixed(q.decimals);
}

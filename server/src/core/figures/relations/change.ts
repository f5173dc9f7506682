// 增减: a change stated next to the values it changes between.
//   由上年的1260名增加到1386名，增长12%          (1386 − 1260) ÷ 1260 = 10.0% ≠ 12%
//   1362家，较2019年底的856家增加506家，增长59.1%  1362 − 856 = 506; 506 ÷ 856 = 59.1%
//   86.47亿元，同比增加4.35亿元，增长5.3%          4.35 ÷ (86.47 − 4.35) = 5.3%
//   由91.2%提高到97.6%，提高6.4个百分点           97.6 − 91.2 = 6.4
import type { FigureContext } from '../context';
import type { Quantity } from '../quantity';
import { fmt, isUsable, nearlyEqual, pctTolerance, phraseStart, shows, written, type Relation } from '../relation';

const RULE = 'figures/change';
const DOWN = /下降|减少|降低|缩短|缩小|回落|减/;

export function findChanges(ctx: FigureContext): Relation[] {
  const { text, qs } = ctx;
  const out: Relation[] = [];
  for (const from of qs) {
    if (from.role !== 'from' || !isUsable(from)) continue;
    const sent = ctx.sentenceAt(from.start);
    const fam = from.unit?.family;
    if (!fam) continue;
    // The value after the change: 到B after 由A, or the figure before 较A.
    let to: Quantity | undefined;
    const after = ctx.range(from.end, sent.end);
    const toQ = after.find((q) => q.role === 'to');
    if (toQ) {
      if (toQ.unit?.family !== fam) continue;
      to = toQ;
    } else {
      for (let i = from.index - 1; i >= 0; i--) {
        const q = qs[i];
        if (q.start < sent.start) break;
        if (q.unit?.family === fam && !q.role && (q.kind === from.kind)) {
          to = q;
          break;
        }
      }
    }
    if (!to || !isUsable(to)) continue;
    // Stated changes right after: within the next two clauses.
    // 年均增长9.1% is a yearly rate over several years, not the change from A to B.
    const stated = after.filter(
      (q) => q.role === 'delta' && q.start > to!.start && q.clause <= to!.clause + 2 && isUsable(q) && !/年均|平均|每年/.test(q.before),
    );
    for (const d of stated) {
      const down = DOWN.test(text.slice(Math.max(sent.start, d.start - 4), d.start));
      const A = from.value;
      const B = to.value;
      if (d.kind === 'percent' && from.kind !== 'percent') {
        if (A === 0) continue;
        const actual = ((down ? A - B : B - A) / A) * 100;
        const tol = pctTolerance(d.decimals);
        const ok = Math.abs(actual - d.value) <= tol + 1e-9;
        const s = shows([from, to]);
        const expr = down ? `(${s.of(A)} − ${s.of(B)}) ÷ ${s.of(A)}` : `(${s.of(B)} − ${s.of(A)}) ÷ ${s.of(A)}`;
        const arithmetic = `${expr} = ${actual.toFixed(Math.max(1, d.decimals))}% ${ok ? '≈' : '≠'} ${written(d)}%`;
        out.push(rel(ok, Math.abs(actual - d.value) > 1.5 * tol ? 'error' : 'warning', from, to, d, arithmetic, text));
      } else if (d.kind === 'points' && from.kind === 'percent') {
        const actual = down ? A - B : B - A;
        const dec = Math.max(d.decimals, from.decimals, to.decimals);
        const ok = Math.abs(actual - d.value) <= 0.5 * Math.pow(10, -dec) + 1e-9;
        const arithmetic = `${down ? `${fmt(A)} − ${fmt(B)}` : `${fmt(B)} − ${fmt(A)}`} = ${actual.toFixed(dec)}${ok ? '' : ` ≠ ${written(d)}`}`;
        out.push(rel(ok, 'error', from, to, d, arithmetic, text));
      } else if (d.unit?.family === fam && d.kind !== 'percent') {
        const actual = down ? A - B : B - A;
        const ok = nearlyEqual(actual, d.value, [from, to, d]);
        const s = shows([from, to, d]);
        const arithmetic = `${down ? `${s.of(A)} − ${s.of(B)}` : `${s.of(B)} − ${s.of(A)}`} = ${s.of(actual)}${ok ? '' : ` ≠ ${s.of(d.value)}`}`;
        out.push(rel(ok, 'error', from, to, d, arithmetic, text));
      }
    }
  }
  // 同比增加D，增长C%: the base is the current value minus the change.
  for (const d of qs) {
    if (d.role !== 'delta' || !isUsable(d) || d.kind === 'percent' || d.kind === 'points') continue;
    const sent = ctx.sentenceAt(d.start);
    if (ctx.range(sent.start, d.start).some((q) => q.role === 'from')) continue;
    const fam = d.unit?.family;
    let cur: Quantity | undefined;
    for (let i = d.index - 1; i >= 0; i--) {
      const q = qs[i];
      if (q.start < sent.start) break;
      if (q.unit?.family === fam && !q.role) {
        cur = q;
        break;
      }
    }
    const pct = qs[d.index + 1];
    if (!cur || !isUsable(cur) || !pct || pct.role !== 'delta' || pct.kind !== 'percent' || !isUsable(pct) || pct.clause > d.clause + 1) continue;
    const down = DOWN.test(text.slice(Math.max(sent.start, d.start - 4), d.start));
    const base = down ? cur.value + d.value : cur.value - d.value;
    if (base <= 0) continue;
    const actual = (d.value / base) * 100;
    const tol = pctTolerance(pct.decimals);
    const ok = Math.abs(actual - pct.value) <= tol + 1e-9;
    const s = shows([cur, d]);
    const arithmetic = `${s.of(d.value)} ÷ (${s.of(cur.value)} ${down ? '+' : '−'} ${s.of(d.value)}) = ${actual.toFixed(Math.max(1, pct.decimals))}% ${ok ? '≈' : '≠'} ${written(pct)}%`;
    out.push(rel(ok, Math.abs(actual - pct.value) > 1.5 * tol ? 'error' : 'warning', cur, d, pct, arithmetic, text));
  }
  return out;
}

function rel(ok: boolean, severity: 'error' | 'warning', a: Quantity, b: Quantity, d: Quantity, arithmetic: string, text: string): Relation {
  const first = a.start < b.start ? a : b;
  return {
    rule: RULE,
    ok,
    severity,
    start: first.role === 'from' ? clauseStart(text, first.start) : phraseStart(first),
    end: d.end,
    quantities: [a, b, d],
    arithmetic,
    message: ok
      ? { zh: `增减与前后数字相符：${arithmetic}`, en: `The change agrees with the values: ${arithmetic}` }
      : { zh: `增减与前后数字不符：${arithmetic}`, en: `The change does not match the values: ${arithmetic}` },
  };
}

function clauseStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && i - s < 60 && !'，。；：！？、\n'.includes(text[s - 1])) s--;
  return s;
}

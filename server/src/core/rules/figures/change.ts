// figures/change — a change stated beside the values it changes between.
//   由上年的1260名增加到1386名，增长12%          (1386 − 1260) ÷ 1260 = 10.0% ≠ 12%
//   从14503户增加到8531户                        an increase to a smaller value
//   1362家，较2019年底的856家增加506家，增长59.1%  1362 − 856 = 506; 506 ÷ 856 = 59.1%
//   86.47亿元，同比增加4.35亿元，增长5.3%          4.35 ÷ (86.47 − 4.35) = 5.3%
//   由91.2%提高到97.6%，提高6.4个百分点           97.6 − 91.2 = 6.4
//   由150张增加到420张，增长2.8倍                 增长N倍 is (420 − 150) ÷ 150 = 1.8; 420 ÷ 150 = 2.8 is 增长到2.8倍
import type { Msg } from '../../types';
import { charTable } from '../../model/chars';
import { beforeOf, type Quantity } from '../../figures/quantity';
import { arithmeticEn, fmt, isUsable, pctTolerance, relationMsg, shows, tolerance, written, type PlaceRole, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';
import { finderInputs, found, relationRule, type Found } from './relation-rule';

const RULE = 'figures/change';
/** Figures that left a total (已脱贫61户) and what is left of it (现有贫困户29户). */
const REMOVED_VERB = '(?:脱贫|出列|摘帽|整改|完成|销号|办结|化解|退出|解决|销户|结案|清退|清理|偿还|归还|拨付|验收|整顿|处置|答复|回复|落实)';
const REMOVED = new RegExp(`^(?:其中|目前|现|累计)?已(?:经)?${REMOVED_VERB}`);
/** Without 已 (结案181件) the verb says what left the total only when the rest is named as such (其余5件). */
const REMOVED_BARE = new RegExp(`^(?:其中|目前|现|累计)?${REMOVED_VERB}`);
/** The characters REMOVED and REMOVED_BARE can start with: a phrase that opens otherwise is passed over untested. */
const REMOVED_FIRST = charTable(['其', '目', '现', '累', '已', ...REMOVED_VERB.slice(3, -1).split('|').map((w) => w[0])]);
const THE_REST = /^(?:其余|剩余|余下|剩下)/;
/** 其余 is the rest; 另有/另外 may as well add something new (另有新增诉求40件), so they are not read. */
const REMAINS = /^(?:现有|尚有|还有|剩余|仍有|余下|剩下|其余|未)/;
const DOWN = /下降|减少|降低|缩短|缩小|回落|下滑|缩减|减收|减产|减支|减/;
const UP_TO = /(?:增加|增长|提高|提升|上升|扩大|增|升|攀升)(?:到|至)(?:了)?[^，。；]{0,8}$/;
const DOWN_TO = /(?:下降|减少|降低|缩小|减|降|回落)(?:到|至)(?:了)?[^，。；]{0,8}$/;

export const change = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '增减幅度应与前后两个数字相符', en: 'A stated change must match the values before and after it' },
  find(doc) {
    const { text, qs, phrases } = finderInputs(doc);
    const out: Found[] = [];
    const sentenceOf = (q: Quantity) => phrases.sentenceOf(q.index);
    const clauseOf = (q: Quantity) => phrases.clauseIndexOf(q.index);
    /** A figure as written, with the verb before it (增长12%, 增加到8531户). */
    const quote: Quote = (q) => quoteView(doc, Math.min(q.start, verbStart(text, q.start)), q.end);
    for (let fi = 0; fi < qs.length; fi++) {
      const from = qs[fi];
      if (from.role !== 'from' || !isUsable(from) || !from.unit) continue;
      const s = sentenceOf(from);
      const fam = from.unit.family;
      let to: Quantity | undefined;
      for (let k = fi + 1; k < qs.length && sentenceOf(qs[k]) === s; k++) {
        if (qs[k].role === 'to') {
          to = qs[k];
          break;
        }
      }
      if (to && to.unit?.family !== fam) continue;
      if (!to) {
        // 1362家，较2019年底的856家…: the figure before 较 is the value now.
        for (let k = fi - 1; k >= 0 && sentenceOf(qs[k]) === s; k--) {
          if (qs[k].unit?.family === fam && !qs[k].role && qs[k].kind === from.kind) {
            to = qs[k];
            break;
          }
        }
      }
      if (!to || !isUsable(to)) continue;
      const A = from.value;
      const B = to.value;
      const verb = text.slice(Math.max(0, to.start - 12), to.start);
      // An increase to a smaller value, or a fall to a larger one.
      if (to.role === 'to' && ((UP_TO.test(verb) && B < A && !DOWN.test(verb.slice(-6))) || (DOWN_TO.test(verb) && B > A))) {
        const up = UP_TO.test(verb);
        const sh = shows([from, to]);
        const arithmetic = `${sh.of(B)} ${up ? '<' : '>'} ${sh.of(A)}`;
        out.push(rel(quote, false, 'error', from, to, to, arithmetic, {
          zh: `“${quote(to)}”有误：${up ? '后值小于前值' : '后值大于前值'}，${arithmetic}`,
          en: `“${quote(to)}” is wrong: the new value is ${up ? 'smaller' : 'larger'} than the old, ${arithmeticEn(arithmetic)}`,
        }));
        continue;
      }
      // Stated changes right after: within the next two clauses. 年均增长9.1% is a yearly
      // rate over several years, not the change from A to B.
      for (let k = Math.max(fi, to.index) + 1; k < qs.length && sentenceOf(qs[k]) === s; k++) {
        const d = qs[k];
        if (clauseOf(d) > clauseOf(to) + 2) break;
        if (d.role === 'from') break;
        if (d.role !== 'delta' || !isUsable(d) || /年均|平均|每年/.test(beforeOf(text, d))) continue;
        const down = DOWN.test(text.slice(Math.max(0, d.start - 4), d.start));
        const r = compare(quote, from, to, d, down);
        if (r) out.push(r);
        break;
      }
    }
    // 同比增加D，增长C%: the base is the current value minus the change.
    for (let di = 0; di < qs.length; di++) {
      const d = qs[di];
      if (d.role !== 'delta' || !isUsable(d) || d.kind === 'percent' || d.kind === 'points' || d.kind === 'multiple') continue;
      const s = sentenceOf(d);
      let cur: Quantity | undefined;
      let hasFrom = false;
      for (let k = di - 1; k >= 0 && sentenceOf(qs[k]) === s; k--) {
        if (qs[k].role === 'from') hasFrom = true;
        if (!cur && qs[k].unit?.family === d.unit?.family && !qs[k].role) cur = qs[k];
      }
      const pct = qs[di + 1];
      if (hasFrom || !cur || !isUsable(cur) || !pct || pct.role !== 'delta' || pct.kind !== 'percent' || !isUsable(pct)) continue;
      if (sentenceOf(pct) !== s || clauseOf(pct) > clauseOf(d) + 1) continue;
      const down = DOWN.test(text.slice(Math.max(0, d.start - 4), d.start));
      const base = down ? cur.value + d.value : cur.value - d.value;
      if (base <= 0) continue;
      const actual = (d.value / base) * 100;
      const tol = pctTolerance(pct.decimals) + actual * relErr([cur, d]);
      const ok = Math.abs(actual - pct.value) <= tol + 1e-9;
      out.push(rateOfChange(quote, ok, cur, d, pct, down, actual, tol));
    }
    // 贫困户88户，已脱贫61户，现有贫困户29户: what remains is the total less what left it.
    for (let ri = 0; ri < qs.length; ri++) {
      const r = qs[ri];
      // The figure's own facts first: its phrase (another object) only for the figures left.
      if (r.role || !isUsable(r)) continue;
      // Its first character, read in place: the phrase is made only for the few that may say what left.
      if (!REMOVED_FIRST[phrases.leadCode(r.index)]) continue;
      const rp = phrases.at(r.index)!;
      const words = rp.marker + rp.pre;
      const explicit = REMOVED.test(words);
      if (!explicit && !REMOVED_BARE.test(words)) continue;
      const s = rp.clause.sentence;
      let total: Quantity | undefined;
      for (let k = ri - 1; k >= 0 && sentenceOf(qs[k]) === s; k--) {
        if (qs[k].unit?.family === r.unit?.family && !qs[k].role) {
          total = qs[k];
          break;
        }
      }
      if (!total || !isUsable(total)) continue;
      const head = (phrases.at(total.index)?.words ?? '').slice(-2);
      let left: Quantity | undefined;
      for (let k = ri + 1; k < qs.length && sentenceOf(qs[k]) === s; k++) {
        const x = qs[k];
        const xp = phrases.at(x.index);
        if (x.unit?.family !== r.unit?.family || !xp) continue;
        if (REMAINS.test(xp.marker + xp.pre) && (explicit || THE_REST.test(xp.marker + xp.pre)) && (head.length === 2 && (xp.words.includes(head) || xp.pre.length <= 2))) left = x;
        break;
      }
      if (!left || !isUsable(left)) continue;
      const actual = total.value - r.value;
      const ok = Math.abs(actual - left.value) <= tolerance([total, r, left]);
      out.push(remainder(quote, ok, total, r, left, actual));
    }
    return out;
  },
});

// The relations of find()'s second and third loops, built in functions of their own (Found):
// a closure made in a loop gives every figure the loop reads a context of its own.

/** 同比增加D，增长C%: the rate of the change D on the current value `now`. */
function rateOfChange(quote: Quote, ok: boolean, now: Quantity, d: Quantity, pct: Quantity, down: boolean, actual: number, tol: number): Found {
  return found(ok, () => {
    const sh = shows([now, d]);
    const arithmetic = `${sh.of(d.value)} ÷ (${sh.of(now.value)} ${down ? '+' : '−'} ${sh.of(d.value)}) = ${actual.toFixed(Math.max(1, pct.decimals))}% ${ok ? '≈' : '≠'} ${written(pct)}%`;
    return rel(quote, ok, Math.abs(actual - pct.value) > 2 * tol ? 'error' : 'warning', now, d, pct, arithmetic);
  });
}

/** 贫困户88户，已脱贫61户，现有贫困户29户: what remains of `whole` after `r` left. */
function remainder(quote: Quote, ok: boolean, whole: Quantity, r: Quantity, rest: Quantity, actual: number): Found {
  return found(ok, () => {
    const sh = shows([whole, r, rest]);
    const arithmetic = `${sh.of(whole.value)} − ${sh.of(r.value)} = ${sh.of(actual)}${ok ? '' : ` ≠ ${sh.of(rest.value)}`}`;
    const said = relationMsg(ok, () => ok
      ? { zh: `余数“${quote(rest)}”相符：${arithmetic}`, en: `What remains, “${quote(rest)}”, agrees: ${arithmeticEn(arithmetic)}` }
      : { zh: `余数“${quote(rest)}”有误：${arithmetic}`, en: `What remains, “${quote(rest)}”, does not follow: ${arithmeticEn(arithmetic)}` });
    return rel(quote, ok, 'warning', whole, r, rest, arithmetic, said, ['total', 'removed', 'remaining']);
  });
}

/** Relative rounding error of rounded figures (decimals or 万/亿), for rates computed from them. */
function relErr(qs: Quantity[]): number {
  let e = 0;
  for (const x of qs) if (x.decimals > 0 || x.scale > 1) e += (0.5 * Math.pow(10, -x.decimals) * x.scale) / Math.max(1, Math.abs(x.value));
  return e;
}

function compare(quote: Quote, from: Quantity, to: Quantity, d: Quantity, down: boolean): Found | undefined {
  const A = from.value;
  const B = to.value;
  if (d.kind === 'percent' && from.kind !== 'percent') {
    if (A === 0) return undefined;
    const actual = ((down ? A - B : B - A) / A) * 100;
    const tol = pctTolerance(d.decimals) + Math.abs(actual) * relErr([from, to]) + (100 * relErr([from, to]));
    const ok = Math.abs(actual - d.value) <= tol + 1e-9;
    return found(ok, () => {
      const s = shows([from, to]);
      const expr = down ? `(${s.of(A)} − ${s.of(B)}) ÷ ${s.of(A)}` : `(${s.of(B)} − ${s.of(A)}) ÷ ${s.of(A)}`;
      const arithmetic = `${expr} = ${actual.toFixed(Math.max(1, d.decimals))}% ${ok ? '≈' : '≠'} ${written(d)}%`;
      return rel(quote, ok, Math.abs(actual - d.value) > 2 * tol ? 'error' : 'warning', from, to, d, arithmetic);
    });
  }
  if (d.kind === 'points' && from.kind === 'percent') {
    const actual = down ? A - B : B - A;
    const dec = Math.max(d.decimals, from.decimals, to.decimals);
    const ok = Math.abs(actual - d.value) <= Math.pow(10, -dec) + 1e-9;
    return found(ok, () => {
      const arithmetic = `${down ? `${fmt(A)} − ${fmt(B)}` : `${fmt(B)} − ${fmt(A)}`} = ${actual.toFixed(dec)}${ok ? '' : ` ≠ ${written(d)}`}`;
      return rel(quote, ok, 'error', from, to, d, arithmetic);
    });
  }
  if (d.kind === 'multiple' && from.kind !== 'percent' && A > 0 && !down) {
    // 增长N倍 = (B − A) ÷ A; B ÷ A is 增长到N倍 / 是原来的N倍.
    const by = (B - A) / A;
    const to_ = B / A;
    const tol = Math.pow(10, -Math.max(1, d.decimals)) + to_ * relErr([from, to]);
    if (Math.abs(by - d.value) <= tol) return () => rel(quote, true, 'warning', from, to, d, `(${fmt(B)} − ${fmt(A)}) ÷ ${fmt(A)} = ${by.toFixed(Math.max(1, d.decimals))}`);
    const s = shows([from, to]);
    if (Math.abs(to_ - d.value) <= tol) {
      const arithmetic = `${s.of(B)} ÷ ${s.of(A)} = ${to_.toFixed(Math.max(1, d.decimals))}，增长 ${by.toFixed(Math.max(1, d.decimals))} 倍`;
      return rel(quote, false, 'warning', from, to, d, arithmetic, {
        zh: `“${quote(d)}”指增加了${written(d)}倍，此处应为“增长到${written(d)}倍”或“增长${by.toFixed(Math.max(1, d.decimals))}倍”：${s.of(B)} ÷ ${s.of(A)} = ${to_.toFixed(Math.max(1, d.decimals))}`,
        en: `“${quote(d)}” means ${written(d)} times more: write “增长到${written(d)}倍” or “增长${by.toFixed(Math.max(1, d.decimals))}倍” (${arithmeticEn(`${s.of(B)} ÷ ${s.of(A)} = ${to_.toFixed(Math.max(1, d.decimals))}`)})`,
      });
    }
    const arithmetic = `(${s.of(B)} − ${s.of(A)}) ÷ ${s.of(A)} = ${by.toFixed(Math.max(1, d.decimals))} ≠ ${written(d)}`;
    return rel(quote, false, 'warning', from, to, d, arithmetic);
  }
  if (d.unit?.family === from.unit?.family && d.kind !== 'percent' && d.kind !== 'multiple') {
    const actual = down ? A - B : B - A;
    const ok = Math.abs(actual - d.value) <= tolerance([from, to, d]);
    return found(ok, () => {
      const s = shows([from, to, d]);
      const arithmetic = `${down ? `${s.of(A)} − ${s.of(B)}` : `${s.of(B)} − ${s.of(A)}`} = ${s.of(actual)}${ok ? '' : ` ≠ ${s.of(d.value)}`}`;
      return rel(quote, ok, from.approx || to.approx || d.approx ? 'warning' : 'error', from, to, d, arithmetic);
    });
  }
  return undefined;
}

type Quote = (q: Quantity) => string;

function rel(quote: Quote, ok: boolean, severity: 'error' | 'warning', a: Quantity, b: Quantity, d: Quantity, arithmetic: string, message?: Msg, roleNames?: PlaceRole[]): Relation {
  const first = a.start < b.start ? a : b;
  const qs = [a, b, d].filter((q, i, all) => all.indexOf(q) === i);
  const roles = (['before', 'after', 'change'] as const).slice(0, qs.length);
  return {
    rule: RULE,
    ok,
    severity,
    start: first.start,
    end: Math.max(d.end, a.end, b.end),
    quantities: qs,
    roles: roleNames ?? [...roles],
    arithmetic,
    message: message ?? relationMsg(ok, () => ok
      ? { zh: `“${quote(d)}”与前后两数相符：${arithmetic}`, en: `“${quote(d)}” follows from the values: ${arithmeticEn(arithmetic)}` }
      : { zh: `“${quote(d)}”有误：${arithmetic}`, en: `“${quote(d)}” does not follow from the values: ${arithmeticEn(arithmetic)}` }),
  };
}

/** Where the verb before a change starts (增长12%, 同比增加4.35亿元): up to six Han characters back. */
function verbStart(text: string, i: number): number {
  const m = /(?:同比|比上年|较上年|环比)?(?:净增|增加到|增加|增长到|增长|提高到|提高|提升|上升|下降到|下降|减少到|减少|降低|增收|减收|增产|减产|增至|降至|回落|下滑|缩减|增|减)(?:了)?(?:比例|幅度|速度)?(?:为|达|达到|约为)?$/.exec(text.slice(Math.max(0, i - 10), i));
  return m ? i - m[0].length : i;
}

// 比例: a share cannot exceed 100%, and a share of a known total must equal part ÷ total
// to the precision written.
//   参与…的成员农户占全部成员农户的106.3%            share > 100%
//   帮助2350名妇女…，其中农村妇女1480名，占58.2%     1480 ÷ 2350 = 63.0% ≠ 58.2%
//   共受理…21436件，办结21087件，办结率98.37%          21087 ÷ 21436 = 98.37%
// Growth (增长150%) and completion (完成计划的117%) may pass 100%.
import type { FigureContext } from '../context';
import type { Quantity } from '../quantity';
import { isAmount, isUsable, pctTolerance, phraseStart, shows, written, type Relation } from '../relation';
import { groupOfPart } from '../subsets';

const RULE = 'figures/percentage';
/** Rates that are shares of a whole and so cannot pass 100%. */
const BOUNDED = /(?:合格|覆盖|办结|及格|就业|回收|满意|参与|知晓|入学|巩固|达标|出勤|参保|接种|及时|准确|通过|录取|普及|使用|签约|好评|正确|结案|到位|完好|受理|治愈|优良|优秀|对口|升学|入园|建档|审核|公开|响应|回复|办理|兑现|化解|调解成功|占)率$|^占比$|比例$|比重$/;
const GROWTH = /增长|增加|提高|提升|上升|下降|减少|降低|完成|超额|超过|相当于|计划|任务|目标|是上年|是去年|为上年|为去年|同比|环比/;

export function findPercentages(ctx: FigureContext): Relation[] {
  const out: Relation[] = [];
  const { text, qs } = ctx;
  for (const q of qs) {
    if (q.kind !== 'percent' || q.unknown || Number.isNaN(q.value)) continue;
    const clause = clauseBefore(text, q.start);
    const isShare = q.role === 'share' || (q.rate !== undefined && BOUNDED.test(q.rate));
    // 1. Impossible share.
    if (isShare && q.value > 100 && !GROWTH.test(clause) && !q.approx) {
      out.push({
        rule: RULE,
        ok: false,
        severity: 'error',
        start: Math.max(clauseStartOf(text, q.start), q.start - 24),
        end: q.end,
        quantities: [q],
        arithmetic: `${written(q)}% > 100%`,
        message: { zh: `占比不能超过100%：${written(q)}% > 100%`, en: `A share cannot exceed 100%: ${written(q)}% > 100%` },
      });
      continue;
    }
    if (q.approx) continue;
    // 2. Share of a known total.
    if (q.role === 'share') {
      const part = partBefore(ctx, q);
      if (!part) continue;
      const base = baseNoun(clause);
      let totals: Quantity[] = [];
      let certain = false;
      if (base) {
        // The base is looked for in the text before (bounded, so long documents stay linear).
        totals = ctx.range(Math.max(0, part.start - 4000), part.start).filter(
          (t) => t.end <= part.start && t !== part && isAmount(t) && isUsable(t) && t.unit?.family === part.unit?.family &&
            (!t.role || t.role === 'to') && (t.before.endsWith(base) || t.noun.endsWith(base) || t.after.endsWith(base)),
        );
      } else {
        const g = groupOfPart(ctx, part);
        if (g && isUsable(g.total)) {
          totals = [g.total];
          certain = !g.survey || true;
        }
      }
      if (!totals.length) continue;
      const tol = pctTolerance(q.decimals);
      const fits = (t: Quantity) => Math.abs((part.value / t.value) * 100 - q.value) <= tol + 1e-9;
      const hit = totals.find(fits);
      const t = hit ?? totals[totals.length - 1];
      const actual = (part.value / t.value) * 100;
      const d = Math.max(1, q.decimals);
      const s = shows([part, t]);
      const arithmetic = `${s.of(part.value)} ÷ ${s.of(t.value)} = ${actual.toFixed(d)}% ${hit ? '≈' : '≠'} ${written(q)}%`;
      out.push({
        rule: RULE,
        ok: !!hit,
        severity: certain && Math.abs(actual - q.value) > 3 * tol ? 'error' : 'warning',
        start: phraseStart(part),
        end: q.end,
        quantities: [part, t, q],
        arithmetic,
        message: hit
          ? { zh: `比例与部分÷总数相符：${arithmetic}`, en: `Share agrees with part ÷ total: ${arithmetic}` }
          : { zh: `比例与部分÷总数不符：${arithmetic}`, en: `Share does not match part ÷ total: ${arithmetic}` },
      });
      continue;
    }
    // 3. A rate after its numerator and denominator: 形成…146项，已完成138项，完成率94.5%.
    if (q.rate) {
      const stem = q.rate.replace(/率$/, '').slice(-2);
      const sent = ctx.sentenceAt(q.start);
      const before = ctx.range(sent.start, q.start).filter((x) => x.end <= q.start && isAmount(x) && isUsable(x) && !x.role);
      const num = before[before.length - 1];
      if (!num || !stem || !(num.before.includes(stem) || num.noun.includes(stem))) continue;
      const den = [...before].reverse().find((x) => x !== num && x.unit?.family === num.unit?.family && x.value >= num.value);
      if (!den) continue;
      const tol = pctTolerance(q.decimals);
      const actual = (num.value / den.value) * 100;
      const ok = Math.abs(actual - q.value) <= tol + 1e-9;
      const s = shows([num, den]);
      const arithmetic = `${s.of(num.value)} ÷ ${s.of(den.value)} = ${actual.toFixed(Math.max(1, q.decimals))}% ${ok ? '≈' : '≠'} ${written(q)}%`;
      out.push({
        rule: RULE,
        ok,
        severity: 'warning',
        start: phraseStart(num),
        end: q.end,
        quantities: [num, den, q],
        arithmetic,
        message: ok
          ? { zh: `${q.rate}与所列数字相符：${arithmetic}`, en: `${q.rate} agrees with the figures: ${arithmetic}` }
          : { zh: `${q.rate}与所列数字不符：${arithmetic}`, en: `${q.rate} does not match the figures: ${arithmetic}` },
      });
    }
  }
  return out;
}

function clauseStartOf(text: string, i: number): number {
  let s = i;
  while (s > 0 && i - s < 60 && !'，。；：！？\n'.includes(text[s - 1])) s--;
  return s;
}

function clauseBefore(text: string, i: number): string {
  return text.slice(clauseStartOf(text, i), i);
}

/** 占税收收入的 → 税收收入; 占合作社总数的 → 合作社; 占全部成员农户的 → 成员农户. */
function baseNoun(clause: string): string | undefined {
  const m = /占([^，。；\d]{1,16}?)的(?:比例|比重)?(?:为|达|达到)?$/.exec(clause);
  if (!m) return undefined;
  const n = m[1].replace(/^(?:全部|全体|所有|全|总)/, '').replace(/(?:总数|总量|总额|总人数|总户数|总数量|总)$/, '');
  return n.length >= 2 ? n : undefined;
}

/** The part a share belongs to: the nearest amount before it in the sentence, outside （…）. */
function partBefore(ctx: FigureContext, q: Quantity): Quantity | undefined {
  const { text, qs } = ctx;
  const sent = ctx.sentenceAt(q.start);
  for (let i = q.index - 1; i >= 0; i--) {
    const p = qs[i];
    if (p.start < sent.start) return undefined;
    if (!isAmount(p)) continue;
    const between = text.slice(p.end, q.start);
    if (between.includes('）') && !between.includes('（')) continue;
    if (!isUsable(p) || p.role === 'per' || p.role === 'delta') return undefined;
    return p;
  }
  return undefined;
}

// 合计: a stated total (共计, 合计, 总计, 共) equals the items listed before it.
//   党员教育培训182万元、阵地建设215万元、困难党员帮扶69万元，共计486万元   182 + 215 + 69 = 466 ≠ 486
//   获一等奖1项、二等奖3项、三等奖2项，共计6项                            1 + 3 + 2 = 6
import type { FigureContext } from '../context';
import type { Quantity } from '../quantity';
import { isAmount, isUsable, nearlyEqual, phraseStart, shows, type Relation } from '../relation';

const RULE = 'figures/sum';
const MARK = /共计|合计|总计|累计共|一共|共$/;
/** Generic measure words a total may use for parts counted with other words (发言2篇、课题3个，共计5项). */
const GENERIC = new Set(['项', '个', '件']);

export function findSums(ctx: FigureContext): Relation[] {
  const { text, qs } = ctx;
  const out: Relation[] = [];
  for (const t of qs) {
    if (!isAmount(t) || t.role === 'per' || t.role === 'share' || t.role === 'target') continue;
    // The marker sits right before the total, after at most a short noun: ，各级示范社共计96家.
    const clauseStart = startOfClause(text, t.start);
    const head = text.slice(clauseStart, t.start);
    const m = /(共计|合计|总计|一共|共)(?:为|达|达到|有)?$/.exec(head);
    if (!m || !MARK.test(m[1])) continue;
    if (m[1] === '共' && head.length > m[0].length) continue; // 全市共有…: a stock, not a sum
    // Parts: amounts in the clauses right before, contiguous, none in the total's clause
    // before the marker except through 、.
    const sent = ctx.sentenceAt(t.start);
    const parts: Quantity[] = [];
    let expect = t.clause - 1;
    let lastClause = -1;
    for (let i = t.index - 1; i >= 0; i--) {
      const p = qs[i];
      if (p.start < sent.start) break;
      if (p.clause === t.clause || isNoise(p)) continue;
      // 、/，-separated items, or several in one clause joined by 和/及.
      if (p.clause !== expect && p.clause !== lastClause) break;
      if (!isAmount(p) || p.role === 'per' || p.role === 'share' || p.role === 'target') break;
      parts.unshift(p);
      lastClause = p.clause;
      expect = p.clause - 1;
    }
    if (parts.length < 2) continue;
    const fam = t.unit!.family;
    const same = parts.every((p) => p.unit?.family === fam);
    const generic = !same && GENERIC.has(t.unit!.unit) && parts.every((p) => p.kind === 'count' && p.unit?.family !== 'person');
    if (!same && !generic) continue;
    if (!isUsable(t) || parts.some((p) => !isUsable(p))) continue;
    const sum = parts.reduce((a, p) => a + p.value, 0);
    const ok = nearlyEqual(sum, t.value, [t, ...parts]);
    const s = shows([t, ...parts]);
    const arithmetic = `${parts.map((p) => s.of(p.value)).join(' + ')} = ${s.of(sum)}${ok ? '' : ` ≠ ${s.of(t.value)}`}`;
    out.push({
      rule: RULE,
      ok,
      severity: same ? 'error' : 'warning',
      start: phraseStart(parts[0]),
      end: t.end,
      quantities: [...parts, t],
      arithmetic,
      message: ok
        ? { zh: `合计与各项之和相符：${arithmetic}`, en: `The total agrees with its items: ${arithmetic}` }
        : { zh: `合计与各项之和不符：${arithmetic}`, en: `The total does not match its items: ${arithmetic}` },
    });
  }
  return out;
}

function startOfClause(text: string, i: number): number {
  let s = i;
  while (s > 0 && i - s < 40 && !'，。；：！？、\n'.includes(text[s - 1])) s--;
  return s;
}

/** Numbers inside words (一等奖, 二〇二四年, 第三届) that do not interrupt a list of items. */
function isNoise(q: Quantity): boolean {
  return q.kind === 'bare' || q.kind === 'date' || q.kind === 'ordinal' || q.kind === 'session' || q.kind === 'name' ||
    q.kind === 'code' || q.kind === 'age' || q.kind === 'marker';
}

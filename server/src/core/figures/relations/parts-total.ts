// 部分与总数: parts after 其中 cannot add up to more than their total, and exhaustive
// parts (男/女, 城/乡, 其他, 分别) must add up to it exactly.
//   各级妇联组织286个，其中…234个、…38个、…25个   234 + 38 + 25 = 297 > 286
//   管理和技术人员46人，其中男性29人、女性15人      29 + 15 = 44 ≠ 46
import type { FigureContext } from '../context';
import { isUsable, nearlyEqual, phraseStart, shows, type Relation } from '../relation';
import { subsetGroups } from '../subsets';

const RULE = 'figures/parts-total';

export function findPartsTotals(ctx: FigureContext): Relation[] {
  const out: Relation[] = [];
  for (const g of subsetGroups(ctx)) {
    const { total, parts } = g;
    if (g.survey && !g.exhaustive) continue;
    if (!isUsable(total) || parts.some((p) => Number.isNaN(p.value) || p.unknown)) continue;
    const approx = total.approx || parts.some((p) => p.approx);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    const all = shows([total, ...parts]);
    const terms = parts.map((p) => all.of(p.value)).join(' + ');
    const sumText = parts.length > 1 ? `${terms} = ${all.of(sum)}` : terms;
    const tol = (x: number, y: number) => nearlyEqual(x, y, [total, ...parts]);
    let ok: boolean;
    let op: string;
    if (g.exhaustive && !g.unknown) {
      if (approx) continue;
      ok = tol(sum, total.value);
      op = ok ? '=' : sum > total.value ? '>' : '<';
      if (!ok) op = '≠';
    } else {
      // Approximate parts (约、余) only count when even their sum clearly passes the total.
      if (total.approx && total.bound !== 'upper') continue;
      ok = sum <= total.value || tol(sum, total.value);
      if (!ok && approx && sum <= total.value * 1.1) continue;
      op = ok ? (tol(sum, total.value) ? '=' : '≤') : '>';
    }
    const arithmetic = op === '=' && parts.length > 1 ? `${terms} = ${all.of(total.value)}` : `${sumText} ${op} ${all.of(total.value)}`;
    const certain = parts.length >= 2 && !approx && (g.exhaustive === '男/女' || g.exhaustive === '其他' || g.exhaustive === '城/乡' || !g.exhaustive);
    const last = parts[parts.length - 1];
    out.push({
      rule: RULE,
      ok,
      severity: certain ? 'error' : 'warning',
      start: phraseStart(total),
      end: last.end,
      quantities: [total, ...parts],
      arithmetic,
      message: ok
        ? { zh: `部分与总数相符：${arithmetic}`, en: `Parts agree with the total: ${arithmetic}` }
        : g.exhaustive
          ? {
              zh: `分项（${g.exhaustive}）之和应等于总数：${arithmetic}`,
              en: `Exhaustive parts (${g.exhaustive}) must add up to the total: ${arithmetic}`,
            }
          : { zh: `分项之和超过总数：${arithmetic}`, en: `Parts add up to more than the total: ${arithmetic}` },
    });
  }
  return out;
}

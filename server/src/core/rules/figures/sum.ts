// figures/sum — a stated total (共计, 合计, 总计, 一共) equals the items listed right before it.
//   党员教育培训182万元、阵地建设215万元、困难党员帮扶69万元，合计486万元   182 + 215 + 69 = 466 ≠ 486
//   获一等奖1项、二等奖3项、三等奖2项，共计6项                            1 + 3 + 2 = 6
// The items are the figures of the same sentence before the total, clause by clause back
// from it, none of them a part of another item (其中…) or a change, share or rate.
import { anyCharIn, charTable } from '../../model/chars';
import type { ReportDocument } from '../../model/document';
import type { Msg } from '../../types';
import { groupIndex, isAmount } from '../../figures/groups';
import { sameClause } from '../../figures/clauses';
import { phrasesOf } from '../../figures/phrases';
import { quantitiesByKind, type Quantity } from '../../figures/quantity';
import { arithmeticEn, relationMsg, shows, tolerance, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';
import { finderInputs, found, relationRule, type Found } from './relation-rule';

const RULE = 'figures/sum';
const MARK = /(共计|合计|总计|一共|累计共|总共)(?:[\u4e00-\u9fff]{0,4}?)(?:为|达|达到|有)?$/;
/** 共 alone opening the total's clause (，共8个镇街); with a verb (，共规划10个) it may count something else. */
const OPENING_GONG = /^(共)(?:为|达|达到)?$/;
/** Generic measure words a total may use for items counted with other words (发言2篇、课题3个，共计5项). */
const GENERIC = new Set(['项', '个', '件']);
const NOT_ITEM = new Set(['per', 'share', 'target', 'threshold', 'from', 'delta']);

/** 计 and 共, one of which ends a total's marker (共, 合计, 共计…). */
const MARKER_END = charTable('计共');

export const sum = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '“共计”“合计”之数应等于所列各项之和', en: 'A stated total (“共计”, “合计”) equals the items listed before it' },
  find(doc) {
    const { text, qs, phrases } = finderInputs(doc);
    const { byPart, byTotal } = groupIndex(doc);
    const out: Found[] = [];
    // A total is an amount (isAmount): the amounts, in text order, each at its index in qs.
    const amounts = quantitiesByKind(doc).amounts;
    for (let ai = 0; ai < amounts.length; ai++) {
      const t = amounts[ai];
      const ti = t.index;
      // A cheap test first: a 计 or 共 among the three characters before the figure (a marker's
      // end, before 为, 达到…; within the clause below), the figure's phrase read only then.
      if (!anyCharIn(text, Math.max(0, t.start - 3), t.start, MARKER_END)) continue;
      const tp = phrases.at(ti);
      if (!tp || (t.role && NOT_ITEM.has(t.role))) continue;
      // The marker sits right before the total, after at most a short noun: ，各级示范社共计96家.
      // Within the clause: looked for again only where the clause cuts the window above.
      const clause = tp.clause;
      if (clause.start > t.start - 3 && !anyCharIn(text, clause.start, t.start, MARKER_END)) continue;
      const head = text.slice(clause.start, t.start);
      // A clause that opens with 共 after the items (甲5个、乙3个，共8个) states their sum too.
      const m = MARK.exec(head) ?? (clause.index > 0 ? OPENING_GONG.exec(head) : null);
      if (!m) continue;
      // Items: amounts of the same sentence and level, clause by clause back from the total.
      const items: Quantity[] = [];
      let expect = clause.index - 1;
      const markStart = clause.start + m.index;
      // 两项合计, 以上三项共计: the number of items, not one of them; the list must have that many.
      let itemCount: number | undefined;
      for (let i = ti - 1; i >= 0; i--) {
        const p = qs[i];
        const pp = phrases.at(p.index);
        if (!pp || pp.clause.sentence !== clause.sentence) break;
        if (itemCount === undefined && items.length === 0 && p.kind === 'count' && p.unit?.unit === '项' && p.end === markStart && sameClause(pp.clause, clause)) {
          itemCount = p.value;
          continue;
        }
        if (pp.clause.inAside !== clause.inAside) continue; // a note in brackets
        if (sameClause(pp.clause, clause)) {
          // In the total's own clause only through a list join (甲3项、乙2项共计5项).
          if (!/^[、和及]/.test(text.slice(p.end, p.end + 1))) break;
        } else if (pp.clause.index !== expect && pp.clause.index !== expect + 1) break;
        if (!isAmount(p)) {
          if (p.kind === 'percent' || p.kind === 'points' || p.kind === 'rate' || p.kind === 'multiple') continue;
          if (p.kind === 'count' || p.kind === 'money' || p.kind === 'measure') break;
          continue;
        }
        if (p.role && NOT_ITEM.has(p.role)) continue;
        if (p.unit?.family !== t.unit?.family && !(GENERIC.has(t.unit!.unit) && p.kind === 'count' && p.unit?.family !== 'person')) break;
        items.unshift(p);
        expect = pp.clause.index - 1;
      }
      // 培训960人次，其中甲120人次、乙380人次、丙410人次，合计…: the 合计 adds up the parts.
      const whole = wholeAmong(items, byTotal);
      if (whole) items.splice(items.indexOf(whole), 1);
      // Otherwise a part of an item (其中线上培训300人 after 党员460人) is already inside it.
      else for (let k = items.length - 1; k >= 0; k--) if (items.includes(byPart.get(items[k])?.total as Quantity)) items.splice(k, 1);
      if (items.length < 2) continue;
      // 两项合计: the two items right before it.
      if (itemCount !== undefined) {
        if (items.length < itemCount) continue;
        items.splice(0, items.length - itemCount);
      }
      if (t.unknown || Number.isNaN(t.value) || items.some((p) => p.unknown || Number.isNaN(p.value))) continue;
      const same = items.every((p) => p.unit?.family === t.unit?.family);
      const total = items.reduce((a, p) => a + p.value, 0);
      const tol = tolerance([t, ...items]);
      let ok = Math.abs(total - t.value) <= tol;
      // The list may start later than the sentence: a tail of the items makes up the total.
      let used = items;
      for (let k = 1; !ok && k <= items.length - 2; k++) {
        const tail = items.slice(k);
        if (Math.abs(tail.reduce((a, p) => a + p.value, 0) - t.value) <= tolerance([t, ...tail])) {
          ok = true;
          used = tail;
        }
      }
      // An upper or lower bound (超过, 余) cannot contradict a sum.
      if (!ok && (t.bound || items.some((p) => p.bound))) continue;
      out.push(sumRelation(doc, t, used, ok, same, m[1], markStart));
    }
    return out;
  },
});

/**
 * The items and their stated total; when they agree, the function that builds it (Found).
 * A function of its own: a closure made in the finder's loop would give every figure it
 * reads a context of its own.
 */
function sumRelation(doc: ReportDocument, t: Quantity, listed: Quantity[], holds: boolean, same: boolean, mark: string, markStart: number): Found {
  return found(holds, (): Relation => {
    const s = shows([t, ...listed]);
    const usedTotal = listed.reduce((a, p) => a + p.value, 0);
    const arithmetic = `${listed.map((p) => s.of(p.value)).join(' + ')} = ${s.of(usedTotal)}${holds ? '' : ` ≠ ${s.of(t.value)}`}`;
    const approx = t.approx || listed.some((p) => p.approx);
    const why: Msg = { zh: `“${mark}”之数应为所列各项之和`, en: `“${mark}” is the sum of the items listed` };
    return {
      rule: RULE,
      ok: holds,
      severity: same && !approx ? 'error' : 'warning',
      start: phrasesOf(doc).at(listed[0].index)?.shownStart ?? listed[0].start,
      end: t.end,
      quantities: [...listed, t],
      roles: [...listed.map(() => 'item' as const), 'stated-total'],
      arithmetic,
      evidence: why,
      message: relationMsg(holds, () => {
        const stated = quoteView(doc, markStart, t.end);
        return holds
          ? { zh: `所列各项之和与“${stated}”相符：${arithmetic}`, en: `The items agree with “${stated}”: ${arithmeticEn(arithmetic)}` }
          : { zh: `所列各项之和与“${stated}”不符：${arithmetic}`, en: `The items listed do not add up to “${stated}”: ${arithmeticEn(arithmetic)}` };
      }),
    };
  });
}

/**
 * The item that is the total of two or more of the others (培训960人次，其中甲…、乙…), if any.
 * A function of its own: a closure over the items in the finder's loop would give every
 * figure it reads a context of its own.
 */
function wholeAmong(items: Quantity[], byTotal: ReturnType<typeof groupIndex>['byTotal']): Quantity | undefined {
  return items.find((x) => {
    const g = byTotal.get(x);
    return g?.some((gg) => gg.parts.filter((pp) => items.includes(pp)).length >= 2);
  });
}

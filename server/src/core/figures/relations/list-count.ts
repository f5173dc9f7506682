// 列举与数量: a number of things against the things listed.
//   新建4个“青年驿站”，分别是高铁站驿站、大学城驿站、物流园驿站   3 ≠ 4
//   按照街道、社区、网格、楼栋四级架构                           4 = 4
//   “青禾大米”“青禾山茶”2个区域公用品牌                           2 = 2
// People are left to figures/named-count; 等 lists are partial and not checked.
import type { FigureContext } from '../context';
import { quotedRunBefore, splitItems, type ItemList } from '../lists';
import type { Quantity } from '../quantity';
import { phraseStart, type Relation } from '../relation';

const RULE = 'figures/list-count';
const AFTER = /^[，：]?(?:分别是|分别为|分别有|即|包括|包含|依次是|依次为|具体是|具体为)[：，]?|^：/;
/** Measure words of small counts of things that are listed (个, 大, 级, 步, 类…). */
const LIST_UNITS = new Set(['个', '大', '级', '步', '类', '种', '项', '方面', '支', '家', '所', '条', '座', '批', '部', '处', '件', '门', '张', '本', '篇', '场', '次', '轮']);

function listBounds(text: string, start: number): number {
  let e = start;
  while (e < text.length && e - start < 300 && !'，。；：！？\n'.includes(text[e])) e++;
  return e;
}

export function findListCounts(ctx: FigureContext): Relation[] {
  const { text } = ctx;
  const out: Relation[] = [];
  for (const q of ctx.qs) {
    if (q.kind !== 'count' || q.approx || q.unknown || !q.unit || !LIST_UNITS.has(q.unit.unit)) continue;
    if (q.value < 2 || q.value > 20 || q.role === 'per' || q.role === 'target' || q.role === 'delta') continue;
    // After: N个X，分别是A、B、C
    const afterNoun = q.end + q.after.length + (text[q.end] === '“' ? 2 : 0);
    let p = q.end;
    // skip the noun, quoted or not
    while (p < text.length && p - q.end < 14 && !'，。；：！？\n'.includes(text[p])) p++;
    void afterNoun;
    const rest = text.slice(p, p + 8);
    const m = AFTER.exec(rest);
    let list: ItemList | undefined;
    let where: 'after' | 'before' = 'after';
    if (m) {
      const s = p + m[0].length;
      list = splitItems(text, s, listBounds(text, s));
      if (list.items.length < 2) list = undefined;
    }
    if (!list && q.numStart === q.start) {
      // Before: A、B、C + 四级/三大/五步 (Chinese numeral glued to the last item).
      where = 'before';
      list = quotedRunBefore(text, q.start);
      if (!list && q.chinese) {
        let s = q.start;
        while (s > 0 && q.start - s < 300 && !'，。；：！？\n'.includes(text[s - 1])) s--;
        while (s < q.start && ' \u3000\t\u00a0'.includes(text[s])) s++;
        const l = splitItems(text, s, q.start);
        const lastItem = l.items[l.items.length - 1];
        // The first item may carry the verb (分为广泛动员); the others are short names.
        const short = l.items.slice(1).every((it) => it.end - it.start <= 10) && lastItem.end - lastItem.start <= 6;
        if (l.items.length >= 2 && short && !/\d/.test(text.slice(s, q.start))) list = l;
      }
    }
    if (!list || list.partial) continue;
    // Items with figures of their own are parts, not names of things.
    if (list.items.some((it) => /\d/.test(text.slice(it.start, it.end)) || it.end <= it.start)) continue;
    const n = list.items.length;
    const ok = n === q.value;
    // Two words before a number (新建、改建三个站点) are as often verbs as items: only a
    // longer list is taken for the items counted when it disagrees.
    if (!ok && where === 'before' && n < 3 && list.items.every((it) => text[it.start] !== '“')) continue;
    const arithmetic = `${n} ${ok ? '=' : '≠'} ${q.value}`;
    out.push({
      rule: RULE,
      ok,
      severity: where === 'after' ? 'error' : 'warning',
      start: where === 'after' ? phraseStart(q) : list.start,
      end: where === 'after' ? list.end : q.end,
      quantities: [q],
      places: list.items.map((it, i) => ({ start: it.start, end: it.end, label: { zh: `第 ${i + 1} 项`, en: `item ${i + 1}` } })),
      arithmetic,
      message: ok
        ? { zh: `列举项数与“${q.text}”相符：${arithmetic}`, en: `Items listed match “${q.text}”: ${arithmetic}` }
        : { zh: `列举了 ${n} 项，与“${q.text}”不符：${arithmetic}`, en: `${n} items listed, not ${q.value} as “${q.text}” says: ${arithmetic}` },
    });
  }
  return out;
}

export type { Quantity };

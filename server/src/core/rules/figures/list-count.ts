// figures/list-count — a number of things against the things listed.
//   新建4个“青年驿站”，分别是高铁站驿站、大学城驿站、物流园驿站        3 ≠ 4
//   确定4个重点村，分别是东村、西村（原贫困村），南村及北村             4 = 4 (past a note and a comma)
//   项目任务共三个，即甲补助1120人；乙康复82人                        2 ≠ 3 (items joined by ；)
//   按照街道、社区、网格、楼栋四级架构                                4 = 4
//   “青禾大米”“青禾山茶”2个区域公用品牌                                2 = 2
// People are left to figures/named-count; 等 lists are open and not checked.
import { anyCharIn, charTable } from '../../model/chars';
import type { ReportDocument } from '../../model/document';
import { clausesOf, type Clause, type Clauses } from '../../figures/clauses';
import { quotedRunBefore, splitItems, type ItemList } from '../../figures/lists';
import { phrasesOf, type Phrase } from '../../figures/phrases';
import { quantitiesByKind, type Quantity } from '../../figures/quantity';
import { quoteView } from '../../quote';
import { relationMsg } from '../../figures/relation';
import { found, relationRule, type Found } from './relation-rule';

const RULE = 'figures/list-count';
/** The words that lead into a list, and the colon after them. */
const LEAD_WORDS = ['分别是', '分别为', '分别有', '即', '包括', '包含', '依次是', '依次为', '具体是', '具体为'];
const LEAD = new RegExp(`^(?:${LEAD_WORDS.join('|')})?[：:]?`);
/** Measure words of small counts of things that are listed (个, 大, 级, 步, 类…). */
const LIST_UNITS = new Set(['个', '大', '级', '步', '类', '种', '项', '方面', '支', '家', '所', '条', '座', '批', '部', '处', '件', '门', '张', '本', '篇', '场', '轮', '村', '镇', '乡']);
/** Measure words whose Chinese numeral may close a list written before it (街道、社区、网格四级). */
const BEFORE_UNITS = new Set(['大', '级', '步', '类', '种', '项', '方面', '个', '支', '条']);
/** The characters of a numeral, by char code. */
const NUMERAL_CHAR = charTable('0123456789一二两三四五六七八九十百千万');
/** The characters LEAD's words and colons start with. */
const LEAD_FIRST = charTable([...LEAD_WORDS.map((w) => w[0]), '：', ':']);

export const listCount = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '所列项目数应与前文数量相符', en: 'The number of items listed must match the count' },
  find(doc) {
    const text = doc.view.text;
    const clauses = clausesOf(doc);
    const phrases = phrasesOf(doc);
    const out: Found[] = [];
    const counts = quantitiesByKind(doc).of('count');
    for (let qi = 0; qi < counts.length; qi++) {
      const q = counts[qi];
      if (q.kind !== 'count' || q.approx || q.unknown || !q.unit || !LIST_UNITS.has(q.unit.unit)) continue;
      if (q.value < 2 || q.value > 20 || (q.role && q.role !== 'to')) continue;
      // Told in place first: most counts are in no list, and their phrase (an object) is not made.
      if (!phrases.has(q.index) || phrases.inAside(q.index)) continue;
      const p = phrases.at(q.index)!;
      let list: ItemList | undefined;
      let where: 'after' | 'before' = 'after';
      // After: N个X，分别是A、B、C (the count ends its clause; the list is what follows).
      const next = clauses.clause(p.clause.index + 1);
      // The count's noun may follow it, but no other figure (六项污染物有5项下降，分别是…):
      // the rest of the clause tested character by character, not sliced.
      if (anyCharIn(text, q.end, p.clause.end, NUMERAL_CHAR)) continue;
      if (p.clause.end - q.end <= 14 && next && next.sentence === p.clause.sentence && p.clause.stop !== '；') {
        const colon = p.clause.stop === '：';
        // LEAD matches more than nothing only at one of its first characters: the next
        // clause is sliced only then.
        const lead = LEAD_FIRST[text.charCodeAt(next.start)] ? LEAD.exec(text.slice(next.start, next.end))![0] : '';
        if (lead || colon) list = listAfter(text, clauses, next, next.start + lead.length);
      } else if (/^[^，。；]{0,14}?[：:]/.test(text.slice(q.end, p.clause.end))) {
        const k = text.indexOf('：', q.end);
        if (k >= 0 && k < p.clause.end) list = listAfter(text, clauses, p.clause, k + 1);
      }
      if (!list && q.numStart === q.start && BEFORE_UNITS.has(q.unit.unit)) {
        // Before: A、B、C + 四级 / 三大 (a Chinese numeral glued to the last item).
        where = 'before';
        list = quotedRunBefore(text, q.start);
        if (!list && q.chinese) {
          const l = splitItems(text, p.clause.start, q.start);
          const items = l.items.map((it) => text.slice(it.start, it.end));
          const short = items.slice(1).every((s) => s.length <= 6) && items[0].length <= 12 && !items.some((s) => anyCharIn(s, 0, s.length, NUMERAL_CHAR));
          if (l.items.length >= 3 && short) list = l;
        }
      }
      if (!list || list.partial || list.items.length < 2) continue;
      out.push(listRelation(doc, q, p, list, where));
    }
    return out;
  },
});

/**
 * The items listed from `start` (in `clause`) to the end of the sentence: items joined by
 * ；, or 、-items that may run on over further clauses of short items past a note in brackets.
 */
function listAfter(text: string, clauses: Clauses, clause: Clause, start: number): ItemList | undefined {
  const run: Clause[] = [];
  for (let k = clause.index, c = clauses.clause(k); c && c.sentence === clause.sentence; c = clauses.clause(++k)) run.push(c);
  // Items joined by ；: each clause up to a ； is one item (items of several clauses are a
  // description, not a list).
  if (run.some((c) => c.stop === '；') && run.every((c) => c.stop === '；' || c === run[run.length - 1])) {
    const items: { start: number; end: number }[] = [];
    let s = start;
    for (const c of run) {
      if (c.stop === '；' || c === run[run.length - 1]) {
        items.push({ start: s, end: c.end });
        s = c.end + 1;
      }
    }
    const tailEtc = /等等?$/.test(text.slice(items[items.length - 1].start, items[items.length - 1].end));
    return { start, end: items[items.length - 1].end, items, partial: tailEtc };
  }
  const first = splitItems(text, start, clause.end);
  // Items with figures of their own are parts, not names of things.
  if (first.items.some((it) => it.end <= it.start || anyCharIn(text, it.start, it.end, NUMERAL_CHAR))) return undefined;
  if (first.partial) return first;
  // Further clauses that are only short items continue the list (…西村（原贫困村），南村及北村).
  let list = first;
  for (const c of run.slice(1)) {
    const more = splitItems(text, c.start, c.end, true);
    const short = more.items.every((it) => it.end - it.start >= 1 && it.end - it.start <= 8 && !anyCharIn(text, it.start, it.end, NUMERAL_CHAR));
    if (!short || c !== run[run.length - 1] || first.items.some((it) => it.end - it.start > 8)) break;
    list = { start: list.start, end: more.end, items: [...list.items, ...more.items], partial: more.partial };
  }
  return list;
}

/** The count and the items listed; when they agree, the function that builds it (Found). A
 * function of its own: a closure made in the finder's loop would give every count it reads
 * a context of its own. */
function listRelation(doc: ReportDocument, q: Quantity, p: Phrase, list: ItemList, where: 'after' | 'before'): Found {
  const n = list.items.length;
  const ok = n === q.value;
  return found(ok, () => {
    const arithmetic = `${n} ${ok ? '=' : '≠'} ${q.value}`;
    return {
      rule: RULE,
      ok,
      severity: where === 'after' ? 'error' : 'warning',
      start: where === 'after' ? p.start : list.start,
      end: where === 'after' ? list.end : q.end,
      quantities: [q],
      roles: ['count'],
      places: list.items.map((it, i) => ({ start: it.start, end: it.end, label: { zh: `第${i + 1}项`, en: `item ${i + 1}` } })),
      arithmetic,
      evidence: where === 'after' ? { zh: '数量之后逐项列出', en: 'the items are listed after the count' } : { zh: '数量概括其前所列各项', en: 'the count sums up the items before it' },
      message: relationMsg(ok, () => {
        const count = quoteView(doc, q.start, q.end + p.post.length);
        return ok
          ? { zh: `列出${n}项，与“${count}”相符：${arithmetic}`, en: `${n} items listed, as “${count}” says: ${arithmetic}` }
          : { zh: `列出${n}项，与“${count}”不符：${arithmetic}`, en: `${n} items listed, not “${count}”: ${arithmetic}` };
      }),
    };
  });
}

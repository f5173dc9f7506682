// 数字概括与列举: a numbered phrase against the items that spell it out.
//   “四个到位”：培训师资到位、教学设备到位、场地保障到位        3 ≠ 4
//   “四个结合”…，即A相结合、B相结合、C相结合、D相结合          4 = 4
//   统一供种、统一育秧、统一机插、统一植保、统一收储的“五统一”  5 = 5
//   以下三个方面的问题：一是…二是…三是…                       3 = 3
// An item list counts only when every item repeats the phrase's key word (到位, 结合,
// 早, 统一), so a loose sentence after 即 is never taken for the enumeration.
import type { ReportDocument } from '../../model/document';
import { clausesOf } from '../../figures/clauses';
import { splitItems, type ItemList } from '../../figures/lists';
import { parseChineseNumeral } from '../../figures/numerals';
import { quantities, quantitiesIn, type Quantity } from '../../figures/quantity';
import { relationMsg, type Relation } from '../../figures/relation';
import { found, relationRule, type Found } from './relation-rule';
import { quoteView } from '../../quote';

const RULE = 'figures/enumeration-count';
const TERM = /“([一二两三四五六七八九十]{1,2})(个)?([\u4e00-\u9fff]{1,4})”/g;
const ANNOUNCE = /([二两三四五六七八九十])(?:个)?(?:方面|点|项|条)(?:[\u4e00-\u9fff]{0,6})：/g;

function itemsShare(text: string, list: ItemList, key: string): boolean {
  const k2 = key.length > 2 ? key.slice(-2) : key;
  return list.items.every((it) => {
    const s = text.slice(it.start, it.end);
    return s.includes(key) || s.endsWith(k2) || s.startsWith(key[0] + (key[1] ?? ''));
  });
}

export const enumerationCount = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '数字概括（“四个结合”“三个方面”）应与其后列举的项数相符', en: 'A numbered phrase (“四个结合”, “三个方面”) must match the items that spell it out' },
  find: findEnumerations,
});

function findEnumerations(doc: ReportDocument): Found[] {
  const text = doc.view.text;
  const clauses = clausesOf(doc);
  const sentenceAt = (i: number) => clauses.sentenceAt(i) ?? { start: i, end: i };
  const lineAt = (i: number) => doc.viewLines.at(doc.viewLines.indexAt(i));
  const qs = quantities(doc);
  const out: Found[] = [];
  TERM.lastIndex = 0;
  for (let m = TERM.exec(text); m; m = TERM.exec(text)) {
    const n = parseChineseNumeral(m[1]);
    const key = m[3];
    if (!n || n < 2 || n > 12 || /^[一二两三四五六七八九十]/.test(key)) continue;
    const termStart = m.index;
    const termEnd = m.index + m[0].length;
    const sent = sentenceAt(termStart);
    let list: ItemList | undefined;
    // After: “…”：A、B、C  or “…”…，即A、B、C (within the sentence).
    const after = text.slice(termEnd, sent.end);
    const lead = /^(?:[：]|[^。；]{0,30}?(?:，即|即|：|，包括|，分别是))/.exec(after);
    if (lead) {
      const s = termEnd + lead[0].length;
      let e = s;
      while (e < sent.end && !'，。；：！？'.includes(text[e])) e++;
      const l = splitItems(text, s, e);
      if (l.items.length >= 2 && itemsShare(text, l, key)) list = l;
    }
    // Before: A、B、C的“五统一”.
    if (!list) {
      let e = termStart;
      if (text[e - 1] === '的') e--;
      let s = e;
      while (s > 0 && e - s < 300 && !'，。；：！？\n'.includes(text[s - 1])) s--;
      const l = splitItems(text, s, e);
      // The first item may carry a verb before it (提供统一供种): trim to the key word.
      const first = l.items[0];
      const k = text.slice(first.start, first.end).indexOf(key.slice(0, 2));
      if (k > 0) first.start += k;
      if (l.items.length >= 2 && itemsShare(text, l, key)) list = l;
    }
    if (!list || list.partial) continue;
    const count = list.items.length;
    // Fewer items than said, and the paragraph goes on naming more of them (…育才工程。同时推进
    // 惠民工程): the rest are told later, not missing.
    if (count < n && list.end >= termEnd) {
      const para = lineAt(list.end);
      const k2 = key.length > 2 ? key.slice(-2) : key;
      if (k2.length >= 2 && text.slice(list.end, para.end).includes(k2)) continue;
    }
    const ok = count === n;
    const arithmetic = `${count} ${ok ? '=' : '≠'} ${n}`;
    out.push(termRelation(doc, ok, termStart, termEnd, count, n, list, arithmetic));
  }
  // 三个方面：一是…二是…三是…
  ANNOUNCE.lastIndex = 0;
  for (let m = ANNOUNCE.exec(text); m; m = ANNOUNCE.exec(text)) {
    const n = parseChineseNumeral(m[1])!;
    const para = lineAt(m.index);
    const from = m.index + m[0].length;
    const markers: Quantity[] = quantitiesIn(qs, from, para.end).filter((q) => q.kind === 'marker');
    if (!markers.length || markers[0].value !== 1 || markers[0].start - from > 2) continue;
    // Count the run 一是, 二是, … in order.
    let k = 0;
    while (k < markers.length && markers[k].value === k + 1) k++;
    const ok = k === n;
    const arithmetic = `${k} ${ok ? '=' : '≠'} ${n}`;
    out.push(announceRelation(doc, ok, m.index, m[0].length, markers, k, n, arithmetic));
  }
  return out;
}

/**
 * A numbered phrase and the items after or before it; when they agree, the function that
 * builds it (Found: its quote and places are made only when relations() is read). A function
 * of its own: a closure made in the finder's loop would keep the loop's context.
 */
function termRelation(doc: ReportDocument, ok: boolean, termStart: number, termEnd: number, count: number, n: number, list: ItemList, arithmetic: string): Found {
  return found(ok, () => relation(ok, termStart, list.end > termEnd ? list.end : termEnd, list.start < termStart ? list.start : termStart, quoteView(doc, termStart + 1, termEnd - 1), count, n, list, arithmetic));
}

/** 三个方面：一是…二是…: the announcement and the run of markers after it (Found, as termRelation). */
function announceRelation(doc: ReportDocument, ok: boolean, at: number, len: number, markers: Quantity[], k: number, n: number, arithmetic: string): Found {
  return found(ok, () => ({
    rule: RULE,
    ok,
    severity: 'warning',
    start: at,
    end: at + len,
    quantities: markers.slice(0, k),
    arithmetic,
    message: relationMsg(ok, () => {
      const said = quoteView(doc, at, at + len - 1);
      return ok
        ? { zh: `“${said}”与其后所列相符：${arithmetic}`, en: `“${said}” matches the items after it: ${arithmetic}` }
        : { zh: `其后列出${k}项，与“${said}”不符：${arithmetic}`, en: `${k} items follow, not the ${n} of “${said}”: ${arithmetic}` };
    }),
  }));
}

function relation(ok: boolean, termStart: number, end: number, start: number, term: string, count: number, n: number, list: ItemList, arithmetic: string): Relation {
  return {
    rule: RULE,
    ok,
    severity: 'error',
    start,
    end,
    quantities: [],
    places: [
      { start: termStart, end: termStart + term.length, label: { zh: `概括为${n}项`, en: `announces ${n}` } },
      ...list.items.map((it, i) => ({ start: it.start, end: it.end, label: { zh: `第${i + 1}项`, en: `item ${i + 1}` } })),
    ],
    arithmetic,
    message: ok
      ? { zh: `“${term}”与所列${count}项相符：${arithmetic}`, en: `“${term}” matches the ${count} items listed: ${arithmetic}` }
      : { zh: `列出${count}项，与“${term}”不符：${arithmetic}`, en: `${count} items listed, not the ${n} of “${term}”: ${arithmetic}` },
  };
}

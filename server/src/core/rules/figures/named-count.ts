// figures/named-count — a count of people against the people it names.
//   新任科级干部8人，刘玲、李殊凝被提拔为…，文娜、孙喆、袁俊、魏三林、罗小妹被提拔为…   2 + 5 = 7 ≠ 8
//   刘斌、潘昭明2人 (names right before the count)  2 = 2;   张敏等18人 (等: open)  nothing
//   推荐了10名同学（张洁、…、王燕敏）              the names in brackets after the count
// A count's names may run on over the next sentences of the paragraph while each opens
// with names (新任处级干部4人，2位…刘全会、熊亚浔…。郑瑶被提拔为…，廖桂英被提拔为…。 is
// 2 + 1 + 1 = 4); another count of people, or a sentence that does not open with names,
// ends them.
import type { ReportDocument } from '../../model/document';
import type { Msg } from '../../types';
import { quoteView } from '../../quote';
import { clausesOf, type Clause, type Clauses, type Sentence } from '../../figures/clauses';
import { findNameLists, titledName, type NameList } from '../../figures/names';
import { phrasesOf } from '../../figures/phrases';
import { beforeOf, firstQuantityFrom, quantitiesByKind, type Quantity } from '../../figures/quantity';
import { relationMsg, type Relation } from '../../figures/relation';
import { isPersonUnit } from '../../figures/units';
import { found, relationRule, type Found } from './relation-rule';

const RULE = 'figures/named-count';
const CONNECTOR = /^(?:其中|分别是|分别为|他们是|她们是|即|包括|依次是|名单如下|具体是|分别|是|为)[，：]?/;

function isPersonCount(q: Quantity): boolean {
  // The unit first: most counts are not of people.
  return isPersonUnit(q.unit) && q.kind === 'count' && !q.unknown && !Number.isNaN(q.value) && q.role !== 'per' && q.role !== 'share';
}

export const namedCount = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '人数应与所列姓名相符', en: 'A count of people must match the people named' },
  find(doc) {
    const text = doc.view.text;
    const clauses = clausesOf(doc);
    const phrases = phrasesOf(doc);
    const persons = quantitiesByKind(doc).of('count').filter(isPersonCount);
    const listsCache = new Map<number, NameList[]>();
    const listsIn = (s: { start: number; end: number }) => {
      let l = listsCache.get(s.start);
      if (!l) listsCache.set(s.start, (l = findNameLists(text, s.start, s.end)));
      return l;
    };
    // A clause's post and name (titledName), read once however many counts look at it.
    const titled = new Map<number, ReturnType<typeof titledName>>();
    const titledAt = (c: Clause) => {
      if (!titled.has(c.index)) titled.set(c.index, titledName(text.slice(c.start, c.end)));
      return titled.get(c.index);
    };
    // Each count's sentence, looked up once for both passes (a sentence is made on each
    // lookup): the counts come in text order, and a count before the end of the previous
    // count's sentence is in it (a sentence starts where the one before it ends, or later).
    const sentences: (Sentence | undefined)[] = new Array(persons.length);
    // Names glued before a count: 刘斌、潘昭明2人; 张敏等18人 (by the count's index in persons).
    const glued: (NameList | undefined)[] = new Array(persons.length);
    // The lists glued to a count.
    const gluedOwner = new Set<NameList>();
    for (let k = 0; k < persons.length; k++) {
      const q = persons[k];
      const prev = k ? sentences[k - 1] : undefined;
      const s = (sentences[k] = prev && q.start < prev.end ? prev : clauses.sentenceAt(q.start));
      if (!s) continue;
      const l = gluedTo(listsIn(s), q);
      glued[k] = l;
      if (l) gluedOwner.add(l);
    }
    const out: Found[] = [];
    for (let k = 0; k < persons.length; k++) {
      const q = persons[k];
      const g = glued[k];
      if (g) {
        if (g.partial || q.approx) continue;
        out.push(countRelation(doc, q, [g], q.start === g.end ? 'error' : 'warning', g.start));
        continue;
      }
      if (q.approx || q.value > 60 || q.value < 1) continue;
      const s = sentences[k];
      if (!s) continue;
      const groups: NameList[] = [];
      // 1. Names in brackets right after the count or its noun: 10名同学（张洁、…）.
      const p = phrases.at(q.index);
      const afterNoun = q.end + (p?.post.length ?? 0);
      // The first （ after the count, if it stands at most one character after the noun.
      let open = q.end;
      while (open <= afterNoun + 1 && open < text.length && text.charCodeAt(open) !== 0xff08) open++;
      const aside = open <= afterNoun + 1 && open < text.length ? clauses.asideAt(open + 1) : undefined;
      if (aside) {
        const inside = listsIn({ start: aside.open + 1, end: aside.close });
        const l = inside.find((x) => x.start === aside.open + 1 && x.end === aside.close);
        if (l) {
          if (!l.partial) out.push(countRelation(doc, q, [l], 'error', p?.shownStart ?? q.start));
          continue;
        }
      }
      // 2. The rest of the count's own sentence: names after it, up to another count.
      let closed = false;
      // The other counts of people later in the sentence: persons[rivals, rivalsEnd), walked in place.
      const rivals = firstQuantityFrom(persons, q.end + 1);
      const rivalsEnd = firstQuantityFrom(persons, s.end);
      const lists = listsIn(s);
      for (let n = 0; n < lists.length; n++) {
        const l = lists[n];
        if (l.start < q.end) continue;
        if (clauses.asideIndexAt(l.start) >= 0 && !(aside && l.start > aside.open && l.end <= aside.close)) continue;
        if (rivalBefore(text, persons, rivals, rivalsEnd, glued, q, l.start)) {
          closed = true;
          break;
        }
        if (gluedOwner.has(l)) {
          closed = true;
          break;
        }
        groups.push(l);
      }
      // A sub-count (其中2名…) keeps to its own sentence.
      if (subCountOf(text, persons, firstQuantityFrom(persons, s.start), firstQuantityFrom(persons, q.start), q)) closed = true;
      // 3. Following sentences of the paragraph that open with names.
      let next = s.index + 1;
      for (let guard = 0; !closed && guard < 8; guard++, next++) {
        const ns = clauses.sentence(next);
        if (!ns || ns.line !== s.line) break;
        const body = text.slice(ns.start, ns.end);
        const lead = CONNECTOR.exec(body)?.[0].length ?? 0;
        const lists = listsIn(ns).filter((x) => clauses.asideIndexAt(x.start) < 0);
        const l = lists[0];
        if (!l || l.start !== ns.start + lead) break;
        if (gluedOwner.has(l)) break;
        groups.push(l);
        for (const more of lists.slice(1)) {
          if (gluedOwner.has(more)) {
            closed = true;
            break;
          }
          groups.push(more);
        }
        const after = firstQuantityFrom(persons, ns.start);
        if (after < persons.length && persons[after].start < ns.end) break;
      }
      // People named one to a clause after their post (局长张华，副局长李强、王敏，纪检组长刘芳):
      // counted with the lists when that makes the count; otherwise the names are not
      // certain enough to say the count is wrong.
      const singles: NameList[] = [];
      for (let c = clauses.clauseAt(q.end); c && c.sentence === s.index; c = clauses.clause(c.index + 1)) {
        if (c.inAside >= 0 || c.end <= q.end || groups.some((l) => l.start < c.end && l.end > c.start)) continue;
        const t = titledAt(c);
        if (!t) continue;
        const at = c.start + t.offset;
        singles.push({ start: at, end: at + t.name.length, names: [t.name], items: [{ start: at, end: at + t.name.length, name: t.name }], partial: false });
      }
      if (singles.length) {
        const listed = groups.reduce((a, l) => a + l.names.length, 0);
        if (listed !== q.value && listed + singles.length !== q.value) continue;
        if (listed !== q.value) {
          groups.push(...singles);
          groups.sort((a, b) => a.start - b.start);
        }
      }
      if (!groups.length) continue;
      const total = groups.reduce((a, l) => a + l.names.length, 0);
      // Far fewer or far more names than the count: the names are not an enumeration of it.
      if (total * 2 < q.value || total > q.value * 2) continue;
      if (groups.some((l) => l.partial)) continue;
      const sameSentence = groups.every((l) => l.start < s.end);
      out.push(countRelation(doc, q, groups, sameSentence ? 'error' : 'warning', p?.shownStart ?? q.start));
    }
    return out;
  },
});

/** The list of names that ends right before count q (刘斌、潘昭明2人; 张敏等18人), if any. */
function gluedTo(lists: NameList[], q: Quantity): NameList | undefined {
  for (let n = 0; n < lists.length; n++) {
    const x = lists[n];
    if (x.end === q.start || (x.partial && x.end + 1 === q.start)) return x;
  }
  return undefined;
}

/** Is one of persons[from, to) — not q, nor a count with names glued before it (glued, by index in persons) — a count of its own before `at` (not a sub-count of q)? */
function rivalBefore(text: string, persons: readonly Quantity[], from: number, to: number, glued: readonly (NameList | undefined)[], q: Quantity, at: number): boolean {
  for (let j = from; j < to; j++) {
    const r = persons[j];
    if (r === q || glued[j]) continue;
    if (r.start < at && !isSubCount(text, r, q)) return true;
  }
  return false;
}

/** Is q a sub-count of one of persons[from, to) that ends before it? */
function subCountOf(text: string, persons: readonly Quantity[], from: number, to: number, q: Quantity): boolean {
  for (let j = from; j < to; j++) {
    const o = persons[j];
    if (o !== q && o.end <= q.start && isSubCount(text, q, o)) return true;
  }
  return false;
}

/** 其中2名…, ，2位… right after the count: a subset of q, not a rival count. */
function isSubCount(text: string, r: Quantity, q: Quantity): boolean {
  if (r.value >= q.value) return false;
  const gap = text.slice(q.end, r.start);
  return /^[，：]?(?:其中)?[，]?$/.test(gap) || beforeOf(text, r).startsWith('其中') || r.beforeLength === 0;
}

/** The relation, or when the names make the count, the function that builds it (Found). */
function countRelation(doc: ReportDocument, q: Quantity, groups: NameList[], severity: 'error' | 'warning', start: number): Found {
  let total = 0;
  for (const l of groups) total += l.names.length;
  return found(total === q.value, () => relation(doc, q, groups, severity, start));
}

function relation(doc: ReportDocument, q: Quantity, groups: NameList[], severity: 'error' | 'warning', start: number): Relation {
  const sizes = groups.map((l) => l.names.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const sum = sizes.length > 1 ? `${sizes.join(' + ')} = ${total}` : `${total}`;
  const ok = total === q.value;
  const arithmetic = ok ? (sizes.length > 1 ? sum : `${total} = ${q.value}`) : `${sum} ≠ ${q.value}`;
  const message: Msg = relationMsg(ok, () => {
    const count = quoteView(doc, Math.min(start, q.start), q.end);
    return ok
      ? { zh: `列出姓名${total}人，与“${count}”相符：${arithmetic}`, en: `${total} people named, as “${count}” says: ${arithmetic}` }
      : { zh: `列出姓名${total}人，与“${count}”不符：${arithmetic}`, en: `${total} people named, not “${count}”: ${arithmetic}` };
  });
  const before = groups[0].end <= q.start;
  return {
    rule: RULE,
    ok,
    severity,
    start: before ? groups[0].start : start,
    end: before ? q.end : q.end,
    quantities: [q],
    roles: ['count'],
    places: groups.flatMap((l) => l.items.map((it) => {
      const label = relationMsg(ok, () => {
        const name = quoteView(doc, it.start, it.start + it.name.length);
        return { zh: `所列姓名“${name}”`, en: `a person named: “${name}”` };
      });
      return { start: it.start, end: it.start + it.name.length, label };
    })),
    arithmetic,
    evidence: { zh: '按列出的姓名计数', en: 'counting the names listed' },
    message,
  };
}

export type { Clauses };

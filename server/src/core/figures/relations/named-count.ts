// 点名人数: a count of people against the people it names.
//   新任科级干部8人，刘玲、李殊凝被提拔为…，文娜、孙喆、袁俊、魏三林、罗小妹被提拔为…  → 2 + 5 = 7 ≠ 8
//   刘斌、潘昭明2人 (names right before the count) → 2 = 2;  张敏等18人 (等: partial) → nothing.
// A count's scope can run over the next sentences while each of them opens with names
// (新任处级干部4人，2位…刘全会、熊亚浔…。郑瑶被提拔为…，廖桂英被提拔为…。 → 2 + 1 + 1 = 4).
import type { FigureContext } from '../context';
import { findNameLists, type NameList } from '../names';
import type { Quantity } from '../quantity';
import { phraseStart, type Relation } from '../relation';
import { isPersonUnit } from '../units';

const RULE = 'figures/named-count';
const CONNECTOR = /^(?:其中|分别是|分别为|他们是|她们是|即|包括|依次是|名单如下|具体是|分别)[，：:]?/;

function isPersonCount(q: Quantity): boolean {
  return q.kind === 'count' && isPersonUnit(q.unit) && !q.unknown && !Number.isNaN(q.value) && q.role !== 'per' && q.role !== 'share';
}

/** Does a names-with-count group (张立、何明、郝晓燕3名调解员) count the same people as `q`? */
function sameNoun(outer: Quantity, inner: Quantity): boolean {
  const a = outer.noun;
  const b = inner.after || '';
  if (!a || !b) return false;
  return a.endsWith(b) || b.endsWith(a) || (b.length >= 2 && a.endsWith(b.slice(-2)));
}

export function findNamedCounts(ctx: FigureContext): Relation[] {
  const { text } = ctx;
  const out: Relation[] = [];
  const persons = ctx.qs.filter(isPersonCount);
  // Names glued before a count: 刘斌、潘昭明2人.
  const glued = new Map<number, NameList>();
  const listsCache = new Map<number, NameList[]>();
  const listsIn = (s: { start: number; end: number }) => {
    let l = listsCache.get(s.start);
    if (!l) listsCache.set(s.start, (l = findNameLists(text, s.start, s.end)));
    return l;
  };
  for (const q of persons) {
    const sent = ctx.sentenceAt(q.start);
    const lists = listsIn(sent);
    const l = lists.find((x) => x.end === q.start || (x.partial && x.end + 1 === q.start));
    if (l) glued.set(q.index, l);
  }
  const gluedOwner = new Map<NameList, Quantity>();
  for (const q of persons) {
    const l = glued.get(q.index);
    if (l) gluedOwner.set(l, q);
  }
  const personsIn = (s: number, e: number) => ctx.range(s, e).filter(isPersonCount);
  for (const q of persons) {
    const g = glued.get(q.index);
    if (g) {
      if (g.partial || q.approx) continue;
      const n = g.names.length;
      out.push({
        rule: RULE,
        ok: n === q.value,
        severity: 'error',
        start: g.start,
        end: q.end,
        quantities: [q],
        places: [{ start: g.start, end: g.end, label: { zh: `列出 ${n} 人`, en: `${n} named` } }],
        arithmetic: `${n} ${n === q.value ? '=' : '≠'} ${q.value}`,
        message: msg(`${n} ${n === q.value ? '=' : '≠'} ${q.value}`, q, n === q.value),
      });
      continue;
    }
    if (q.approx || q.value > 60 || q.value < 1) continue;
    const groups: NameList[] = [];
    const owned: Quantity[] = [];
    // 1. The rest of the count's own sentence.
    const sent = ctx.sentenceAt(q.start);
    let closed = false;
    const lists0 = listsIn(sent).filter((x) => x.start >= q.end);
    // Another person count between q and the first names owns them (新任…4人，新任…8人，刘…).
    const rivals = personsIn(q.end, sent.end).filter((r) => r !== q && r.start > q.end && !glued.has(r.index));
    for (const l of lists0) {
      const rival = rivals.find((r) => r.start < l.start && !isSubCount(text, r, q));
      if (rival) {
        closed = true;
        break;
      }
      const gq = gluedOwner.get(l);
      if (gq) {
        if (sameNoun(q, gq) && !l.partial) {
          groups.push(l);
          owned.push(gq);
          continue;
        }
        closed = true;
        break;
      }
      groups.push(l);
    }
    // 2. Following sentences of the same paragraph that open with names; a sub-count
    // (其中2名…, ，2位…) keeps to its own sentence.
    const sub = personsIn(sent.start, q.start).some((o) => o !== q && o.end <= q.start && isSubCount(text, q, o));
    if (sub) closed = true;
    let pos = sent.end + 1;
    const para = ctx.lineAt(q.start);
    for (let guard = 0; !closed && guard < 8 && pos < para.end; guard++) {
      const s = ctx.sentenceAt(pos);
      const body = text.slice(s.start, s.end);
      const lead = CONNECTOR.exec(body)?.[0].length ?? 0;
      const lists = listsIn(s).filter((x) => x.start === s.start + lead);
      if (!lists.length) break;
      const l = lists[0];
      const gq = gluedOwner.get(l);
      if (gq) {
        if (!sameNoun(q, gq) || l.partial) break;
        owned.push(gq);
      }
      groups.push(l);
      // Later lists in the same sentence that follow a clause break (…，廖桂英被提拔为…).
      for (const more of listsIn(s)) {
        if (more.start <= l.start) continue;
        const gm = gluedOwner.get(more);
        if (gm && (!sameNoun(q, gm) || more.partial)) {
          closed = true;
          break;
        }
        if (gm) owned.push(gm);
        groups.push(more);
      }
      if (personsIn(s.start, s.end).some((r) => !owned.includes(r) && !glued.has(r.index))) break;
      pos = s.end + 1;
    }
    if (!groups.length) continue;
    const sizes = groups.map((l) => l.names.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    // Far fewer or far more names than the count: the names are not an enumeration of it.
    if (total * 2 < q.value || total > q.value * 2) continue;
    if (groups.some((l) => l.partial)) continue;
    const sum = sizes.length > 1 ? `${sizes.join(' + ')} = ${total}` : `${total}`;
    const arithmetic = total === q.value ? (sizes.length > 1 ? sum : `${total} = ${q.value}`) : `${sum} ≠ ${q.value}`;
    const sameSentence = groups.every((l) => l.start < sent.end);
    out.push({
      rule: RULE,
      ok: total === q.value,
      severity: sameSentence ? 'error' : 'warning',
      start: phraseStart(q),
      end: q.end,
      quantities: [q, ...owned],
      places: groups.map((l) => ({
        start: l.start,
        end: l.end,
        label: { zh: `${l.names.join('、')}（${l.names.length} 人）`, en: `${l.names.length} named` },
      })),
      arithmetic,
      message: msg(arithmetic, q, total === q.value),
    });
  }
  return out;
}

/** 其中2名…, ，2位… right after the count: a subset of q, not a rival count. */
function isSubCount(text: string, r: Quantity, q: Quantity): boolean {
  if (r.value >= q.value) return false;
  const gap = text.slice(q.end, r.start);
  return /^[，：]?(?:其中)?[，]?$/.test(gap) || r.before.startsWith('其中') || r.before === '';
}

function msg(arithmetic: string, q: Quantity, ok: boolean) {
  if (ok) return { zh: `所列姓名与“${q.text}”相符：${arithmetic}`, en: `The people named match “${q.text}”: ${arithmetic}` };
  return {
    zh: `所列姓名人数与“${q.text}”不符：${arithmetic}`,
    en: `The people named do not match “${q.text}”: ${arithmetic}`,
  };
}

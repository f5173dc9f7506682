// figures/parts-total — the parts of a total (其中, 包括, 含, 分别为) cannot add up to more
// than it, and parts that cover it (分别为, 男/女, a closing 其他) must add up to it.
//   全乡有党支部7个，其中农村支部5个、机关支部2个、学校支部1个   5 + 2 + 1 = 8 > 7 (one dimension: kind of unit)
//   会员260人，其中男会员150人、女会员100人                      150 + 100 = 250 ≠ 260 (男/女 cover the whole)
// Parts are added only within one category dimension: of 312 staff, 219 party members,
// 98 under 35 and 156 graduates overlap and need not add up (figures/dimensions.ts).
// Before reporting, the other readings the text allows are tried (another figure the 其中
// may refer to, a list that ends at a clause before the extra parts, a part that is the
// sum of the ones after it); any reading that holds means silence.
import type { ReportDocument } from '../../model/document';
import type { Msg } from '../../types';
import { dimensionName, leadingCategories, type Category, type Dimension } from '../../figures/dimensions';
import { groupsOf, type Group } from '../../figures/groups';
import { phrasesOf, type Phrases } from '../../figures/phrases';
import type { Quantity } from '../../figures/quantity';
import { arithmeticEn, relationMsg, sameValue, shows, tolerance, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';
import { relationRule, type Found } from './relation-rule';

const RULE = 'figures/parts-total';
/** Dimensions that divide things into kinds, so unknown neighbours are likely kinds too. */
const KIND_LIKE = new Set<Dimension>(['sector', 'level', 'ownership', 'area', 'terrain', 'source', 'disability', 'class', 'domestic']);

export const partsTotal = relationRule({
  id: RULE,
  perLine: true,
  description: {
    zh: '各分项之和不大于总数；列出全部分项时（“分别为”“男/女”“城/乡”“其他”），之和应等于总数',
    en: 'The parts of a total add up to no more than it, and to exactly it when they cover it (“分别为”, “男/女”, “城/乡”, “其他”)',
  },
  find(doc) {
    const phrases = phrasesOf(doc);
    const out: Found[] = [];
    const groups = groupsOf(doc);
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k];
      const r = check(doc, g, phrases);
      if (r) out.push(r);
    }
    return out;
  },
});

interface Reading {
  parts: Quantity[];
  dim: Dimension;
  /** Why these parts are taken together. */
  why: Msg;
  /** The parts cover the total (must be equal, not just not more). */
  covers: boolean;
  certain: boolean;
}

/** Why a single part is a reading of its own (one object for every such reading). */
const EXCEEDS: Msg = Object.freeze({ zh: '分项不能大于总数', en: 'a part cannot exceed its total' });

function usable(q: Quantity): boolean {
  return !q.unknown && !Number.isNaN(q.value);
}

/** Are all of qs usable? (A loop: a callback to some() was made for every group.) */
function allUsable(qs: readonly Quantity[]): boolean {
  for (let k = 0; k < qs.length; k++) if (!usable(qs[k])) return false;
  return true;
}

/** Does reading r hold on one of the totals? (A loop: a callback to every() was made for every reading.) */
function holdsOnAny(r: Reading, totals: readonly Quantity[]): boolean {
  for (let k = 0; k < totals.length; k++) if (holds(r, totals[k])) return true;
  return false;
}

function check(doc: ReportDocument, g: Group, phrases: Phrases): Found | undefined {
  const { total } = g;
  if (!usable(total) || g.unknown || !allUsable(g.parts)) return undefined;
  const readings = readingsOf(g, phrases);
  // Each single part (no larger than its total) is a reading too, tried last; made as an object only when shown or reported.
  const singles = !g.exhaustive && !g.survey;
  if (!readings.length && !(singles && g.parts.length)) return undefined;
  // The total, and the other figures the text allows as it (most groups have none: no filter, no concat).
  const totals = g.alternatives.length ? [total].concat(g.alternatives.filter(usable)) : [total];
  // The first reading that fails on every total the text allows is reported; a group is
  // shown as consistent (hover, table) by its first reading.
  let shown: Reading | undefined;
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k];
    if (holdsOnAny(r, totals)) {
      shown ??= r;
      continue;
    }
    if (explained(doc.view.text, r, g, totals)) continue;
    return relation(doc, g, r, total, false);
  }
  if (singles) {
    for (let k = 0; k < g.parts.length; k++) {
      const q = g.parts[k];
      // A single part: no other reading explains it (explained() needs two parts).
      if (!holdsAlone(q, totals)) return relation(doc, g, single(q), total, false);
      shown ??= single(q);
    }
  }
  if (!shown) return undefined;
  const r = shown;
  return () => relation(doc, g, r, totals.find((t) => holds(r, t))!, true);
}

/** Is any of qs, or the total, approximate? */
function anyApprox(qs: Quantity[], total: Quantity): boolean {
  return qs.some((q) => q.approx) || total.approx;
}

const NO_CATEGORIES: Category[] = [];

/** The reading of one part alone: it cannot exceed its total. */
function single(q: Quantity): Reading {
  return { parts: [q], dim: 'kind', why: EXCEEDS, covers: false, certain: false };
}

/** holds(single(q), t) for some t of totals, without the reading. */
function holdsAlone(q: Quantity, totals: Quantity[]): boolean {
  for (let k = 0; k < totals.length; k++) {
    const t = totals[k];
    if ((t.approx && t.bound === 'lower') || q.value <= t.value + tolerance([t, q])) return true;
  }
  return false;
}

function sumOf(qs: Quantity[]): number {
  return qs.reduce((a, q) => a + q.value, 0);
}

function holds(r: Reading, t: Quantity): boolean {
  const sum = sumOf(r.parts);
  // concat, not a spread: a spread runs the iterator protocol, and this is asked of every reading.
  const tol = tolerance([t].concat(r.parts));
  // An approximate or lower-bound total (约300人, 300余人) only limits parts that cover it.
  if (t.approx && t.bound === 'lower' && !r.covers) return true;
  if (r.covers) return Math.abs(sum - t.value) <= tol || (r.parts.some((p) => p.bound === 'lower') && sum <= t.value + tol);
  return sum <= t.value + tol;
}

/** Other readings the text allows, under which the figures agree. */
function explained(text: string, r: Reading, g: Group, totals: Quantity[]): boolean {
  if (r.parts.length < 2) return false;
  // The list ended at a clause break and what follows is a sub-item or a new topic:
  // the parts of the first clause(s) already make up the total exactly.
  const clauses = r.parts.map((p) => g.partClause[g.parts.indexOf(p)]);
  for (let k = 0; k < r.parts.length - 1; k++) {
    if (clauses[k + 1] === clauses[k]) continue;
    const head = r.parts.slice(0, k + 1);
    if (head.length < 2 && head.length < r.parts.length - 1) continue;
    if (totals.some((t) => Math.abs(sumOf(head) - t.value) <= tolerance([t, ...head]))) return true;
  }
  // A part that is the sum of the parts right after it (甲30个：乙10个、丙20个) — when the
  // text opens a breakdown after it (：, 其中, a bracket), not by a coincidence of numbers
  // (工业项目30个、服务业项目20个、农业项目10个).
  for (let i = 0; i < r.parts.length; i++) {
    if (i + 1 >= r.parts.length || !/[：:（(]|其中|包括|含/.test(text.slice(r.parts[i].end, r.parts[i + 1].start))) continue;
    for (let j = i + 2; j < r.parts.length; j++) {
      const rest = r.parts.slice(i + 1, j + 1);
      if (Math.abs(sumOf(rest) - r.parts[i].value) <= tolerance([r.parts[i], ...rest])) {
        const reduced = r.parts.filter((p) => !rest.includes(p));
        if (totals.some((t) => holds({ ...r, parts: reduced }, t))) return true;
      }
    }
  }
  return false;
}

/** The sets of parts that must add up (or not exceed), most certain first. */
function readingsOf(g: Group, phrases: Phrases): Reading[] {
  const total = phrases.at(g.total.index);
  const totalWords = total?.words ?? '';
  const out: Reading[] = [];
  if (g.exhaustive) {
    // The text says the parts cover the total: all of them, whatever their words.
    const approx = anyApprox(g.parts, g.total);
    const paired = g.exhaustive.startsWith('paired:') ? g.exhaustive.slice(7) : undefined;
    out.push({
      parts: g.parts,
      dim: 'kind',
      why: paired !== undefined
        ? { zh: `各项的“${paired}”数合起来正是总数，列出的是全部分项`, en: `the items' figures in “${paired}” add up to their total, so the list is complete` }
        : g.exhaustive === '分别'
        ? { zh: '“分别为”列出的是全部分项', en: '“分别为” lists every part' }
        : /\//.test(g.exhaustive)
          ? { zh: `“${g.exhaustive}”两项合起来就是全部`, en: `“${g.exhaustive.split('/').join('” and “')}” together are the whole` }
          : { zh: `以“${g.exhaustive}”收尾，列出的是全部分项`, en: `ending with “${g.exhaustive}”, the list covers the whole` },
      covers: true,
      // Inferred from the other figures of the items: a warning, never an error.
      certain: !approx && paired === undefined,
    });
    return out;
  }
  if (g.survey) return out;
  // The head the parts share (支部 in 农村支部、机关支部), and what sets each apart.
  const parts = g.parts;
  const words: string[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) words[i] = phrases.at(parts[i].index)?.words ?? '';
  const head = commonSuffix(words);
  // Most parts lead with no category: one shared empty list for them, and no map of dimensions.
  const leading: Category[][] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const modifier = head ? words[i].slice(0, words[i].length - head.length) : words[i];
    const cats = leadingCategories(modifier);
    leading[i] = cats.length ? cats.filter((c) => !totalWords.includes(c.word)) : NO_CATEGORIES;
  }
  let byDim: Map<Dimension, { q: Quantity; word: string }[]> | undefined;
  const plain: Quantity[] = [];
  for (let i = 0; i < parts.length; i++) {
    const q = parts[i];
    if (!leading[i].length) plain.push(q);
    for (let k = 0; k < leading[i].length; k++) {
      const c = leading[i][k];
      byDim ??= new Map();
      const l = byDim.get(c.dim) ?? [];
      if (!l.some((x) => x.q === q)) l.push({ q, word: c.word });
      byDim.set(c.dim, l);
    }
  }
  byDim?.forEach((xs, dim) => {
    // Two parts of one dimension with different categories (农村/机关), not one category twice.
    if (xs.length < 2 || new Set(xs.map((x) => x.word)).size < 2) return;
    const qs = xs.map((x) => x.q);
    const name = dimensionName(dim);
    out.push({ parts: qs, dim, why: { zh: `各项同属“${name.zh}”分类`, en: `all parts are by ${name.en}` }, covers: false, certain: !anyApprox(qs, g.total) });
  });
  // Kinds of one thing: all parts when at most one dimension sets them apart and it divides
  // things by kind (医院、基层医疗机构、专业公共卫生机构 are kinds of 医疗机构, whatever the
  // lexicon knows of the last two); else only the parts with no category. An attribute of
  // people (高级职称, 党员, 女) beside an unknown one (“双师型”) may overlap with it.
  // The dimensions used: one at most, and whether every one divides by kind (no Set of them per group).
  let dim0: Dimension | undefined;
  let manyDims = false;
  let allKindLike = true;
  for (let i = 0; i < leading.length; i++) {
    for (let k = 0; k < leading[i].length; k++) {
      const d = leading[i][k].dim;
      if (dim0 === undefined) dim0 = d;
      else if (d !== dim0) manyDims = true;
      if (!KIND_LIKE.has(d)) allKindLike = false;
    }
  }
  // For things (schools, projects, households) every dimension divides by kind: 小学、初中、高中
  // are kinds of school, not levels of education of the same people.
  const kindLike = g.total.unit?.family !== 'person' || allKindLike;
  const kinds = !manyDims && kindLike ? g.parts : plain;
  if (kinds.length >= 2) {
    out.push({
      parts: kinds,
      dim: 'kind',
      why: head && head.length >= 2 && kinds.every((q) => (phrases.at(q.index)?.words.length ?? 0) - head.length >= 2)
        ? { zh: `各项均为“${head}”`, en: `each part is a kind of “${head}”` }
        : { zh: '各项为同类事物的分项', en: 'the parts are kinds of one thing' },
      covers: false,
      certain: false,
    });
  }
  // A single part cannot be larger than its total, whatever its dimension: check() tries each (single).
  return out;
}

function relation(doc: ReportDocument, g: Group, r: Reading, t: Quantity, ok: boolean): Relation {
  const parts = r.parts;
  const all = shows([t, ...parts]);
  const sum = sumOf(parts);
  const terms = parts.map((p) => all.of(p.value)).join(' + ');
  // Agreeing within the rounding of the figures as written (6 + 8 = 14 ≈ 15, 5.8 ≈ 5.6) reads ≈.
  const close = sameValue(sum, t.value);
  const op = ok ? (close ? '=' : r.covers || sum > t.value ? '≈' : '≤') : r.covers ? '≠' : '>';
  const arithmetic = op === '=' && parts.length > 1 ? `${terms} = ${all.of(t.value)}` : `${parts.length > 1 ? `${terms} = ${all.of(sum)}` : terms} ${op} ${all.of(t.value)}`;
  const last = parts.reduce((a, p) => (p.end > a.end ? p : a), parts[0]);
  const first = t.start < parts[0].start ? t : parts[0];
  const message: Msg = relationMsg(ok, () => {
    const total = quoteView(doc, t.start, t.end);
    const en = arithmeticEn(arithmetic);
    return ok
      ? { zh: `分项与总数“${total}”相符：${arithmetic}`, en: `The parts agree with the total “${total}”: ${en}` }
      : r.covers
        ? { zh: `各分项之和不等于总数“${total}”：${arithmetic}（${r.why.zh}）`, en: `The parts do not add up to the total “${total}”: ${en} (${r.why.en})` }
        : parts.length === 1
          ? { zh: `分项大于总数“${total}”：${arithmetic}`, en: `A part is larger than its total “${total}”: ${en}` }
          : { zh: `各分项之和超过总数“${total}”：${arithmetic}（${r.why.zh}）`, en: `The parts add up to more than the total “${total}”: ${en} (${r.why.en})` };
  });
  return {
    rule: RULE,
    ok,
    severity: r.certain && (r.covers || r.dim !== 'kind') ? 'error' : 'warning',
    start: first.start,
    end: Math.max(last.end, t.end),
    quantities: [t, ...parts],
    roles: ['total', ...parts.map(() => 'part' as const)],
    arithmetic,
    evidence: r.why,
    message,
  };
}

/** The longest Han suffix all words share, if at least two characters and shorter than each. */
function commonSuffix(words: string[]): string {
  if (words.length < 2) return '';
  for (let i = 0; i < words.length; i++) if (words[i].length < 3) return '';
  // By char code, in loops (a callback to every() was made for each character compared).
  const w0 = words[0];
  let n = 0;
  for (; n < w0.length; n++) {
    const c = w0.charCodeAt(w0.length - 1 - n);
    let all = true;
    for (let i = 0; i < words.length && all; i++) {
      const w = words[i];
      all = w.length - 1 - n > 0 && w.charCodeAt(w.length - 1 - n) === c;
    }
    if (!all) break;
  }
  return n >= 2 ? w0.slice(w0.length - n) : '';
}

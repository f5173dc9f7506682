// figures/percentage — a share cannot exceed 100 %, and a share of a known whole must equal
// part ÷ whole to the precision written.
//   参与…的成员农户占全部成员农户的106.3%              a share over 100 %
//   帮助2350名妇女…，其中农村妇女1480名，占58.2%       1480 ÷ 2350 = 63.0% ≠ 58.2%
//   受访老年人140人，其中慢性病患者88人，占老年受访者的70.4%   88 ÷ 140 = 62.9% ≠ 70.4%
//   共排查隐患141911项，已整改137354项，整改率97.28%    137354 ÷ 141911 = 96.79% ≠ 97.28%
// Growth (增长150%) and completion (完成计划的117%) may pass 100 %. The whole is the figure
// the share names (占持证残疾人总数的), the total of the part's 其中 group, or a figure written
// inside the share (占全年目标任务6.9万人的111.2%).
import type { ReportDocument } from '../../model/document';
import { groupIndex, isAmount } from '../../figures/groups';
import { phrasesOf, type Phrase, type Phrases } from '../../figures/phrases';
import { sameClause } from '../../figures/clauses';
import { beforeOf, firstQuantityFrom, quantities, quantitiesByKind, quantitiesIn, type Quantity } from '../../figures/quantity';
import { arithmeticEn, pctTolerance, relationMsg, shows, written, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';
import { finderInputs, found, relationRule, type Found } from './relation-rule';
import { lineFacts, type LineFacts } from './line-facts';
import { detachStrings } from '../../detach';

const RULE = 'figures/percentage';
/** Rates that are shares of a whole and so cannot pass 100 %. */
const BOUNDED = /(?:合格|覆盖|办结|及格|就业|回收|满意|参与|知晓|入学|巩固|达标|出勤|参保|接种|及时|准确|通过|录取|普及|使用|签约|好评|正确|结案|到位|完好|受理|治愈|优良|优秀|对口|升学|入园|建档|审核|公开|响应|回复|办理|兑现|化解|调解成功|占|整改|上岗|脱贫)率$|^占比$|比例$|比重$/;
const GROWTH = /增长|增加|提高|提升|上升|下降|减少|降低|完成|超额|超过|相当于|计划|任务|目标|是上年|是去年|为上年|为去年|同比|环比|预算/;
const NOT_PART = new Set(['per', 'share', 'target', 'threshold', 'delta', 'from']);
/** A share of a figure written before it in its clause: 占全年目标任务6.9万人的111.2%. */
const OF_FIGURE = /(?:占|完成|达到|相当于|为)[^，。；]{0,20}?\d[^，。；]{0,8}的$/;
/** What most percentages learn: no reading and no grade (one object for all of them). */
const NOTHING: Percent = Object.freeze({});

export const percentage = relationRule({
  id: RULE,
  description: {
    zh: '占比不大于100%，并等于部分除以整体（按所写精度）',
    en: 'A share is at most 100%, and equals part ÷ whole to the precision written',
  },
  find(doc) {
    const { qs, phrases } = finderInputs(doc);
    const out: Found[] = [];
    const list = percentsOf(doc);
    for (let i = 0; i < list.qs.length; i++) {
      const r = list.facts[i].reading;
      if (!r) continue;
      const q = list.qs[i];
      if (r === OVER) {
        out.push(over(doc, q, phrases.at(q.index)!));
        continue;
      }
      const part = qs[q.index + r.part];
      const f = r.noun !== undefined ? namedShare(doc, qs, phrases, q, part, r) : compare(doc, q, part, qs[q.index + r.base], r.certain, r.why);
      if (f) out.push(f);
    }
    out.push(...gradeShares(doc, list, phrases));
    return out;
  },
});

/** A share over 100 % (参与率106.3%). */
function over(doc: ReportDocument, q: Quantity, p: Phrase): Relation {
  const said = quoteView(doc, Math.max(p.clause.start, q.start - 20), q.end);
  return {
    rule: RULE,
    ok: false,
    severity: 'error',
    start: Math.max(p.clause.start, q.start - 24),
    end: q.end,
    quantities: [q],
    arithmetic: `${written(q)}% > 100%`,
    roles: ['share'],
    evidence: { zh: `“${q.rate ?? '占'}”是部分占整体的比例`, en: `“${q.rate ?? '占'}” is a share of a whole` },
    message: {
      zh: `“${said}”超过100%（部分不能大于整体）：${written(q)}% > 100%`,
      en: `“${said}” is over 100% (a part cannot be more than its whole): ${written(q)}% > 100%`,
    },
  };
}

/**
 * How the finder reads a percentage, learnt within its line: a share over 100 % (OVER); a part
 * and its whole (`part`, `base`: their indices less the percentage's, the same in every version
 * while the line is); or a part and the name of a whole to look for before it (`noun`: the one
 * reading that looks beyond the line, so each version's finder does that itself; `group`: the
 * part's group total to fall back on). `why`: the whole as the evidence names it.
 */
interface Reading {
  part: number;
  base: number;
  certain: boolean;
  why: string;
  noun?: string;
  group?: number;
}

const OVER: Reading = Object.freeze({ part: 0, base: 0, certain: true, why: '' });

function readingOf(doc: ReportDocument, text: string, qs: Quantity[], phrases: Phrases, q: Quantity): Reading | undefined {
  if (q.unknown || Number.isNaN(q.value)) return undefined;
  const p = phrases.at(q.index);
  if (!p) return undefined;
  // The clause before the figure, sliced only for a share over 100 % or a figure right after 的.
  const c0 = p.clause.start;
  const isShare = q.role === 'share' || (q.rate !== undefined && BOUNDED.test(q.rate));
  if (isShare && q.value > 100 && !q.approx && !GROWTH.test(text.slice(c0, q.start))) return OVER;
  if (q.approx) return undefined;
  const ofFigure = q.start > c0 && text.charCodeAt(q.start - 1) === 0x7684 /* 的 */ && OF_FIGURE.test(text.slice(c0, q.start));
  return q.role === 'share' || ofFigure ? shareOf(doc, text, qs, phrases, q, p) : q.rate ? rateOf(qs, phrases, q, p) : undefined;
}

/** A percentage's grade (satisfaction) word and the words its phrase says beside it, when it is a share that can be one grade of an answer; and how the finder reads it. */
interface Percent {
  word?: string;
  bare?: string;
  reading?: Reading;
}

/** The percentages, each with its grade and reading: read within its line, so derived (line-facts.ts). */
export function percentsOf(doc: ReportDocument): LineFacts<Percent> {
  const text = doc.view.text;
  const qs = quantities(doc);
  const phrases = phrasesOf(doc);
  return lineFacts(doc, 'figures:percentage:percents', (q): Percent | undefined => {
    if (q.kind !== 'percent') return undefined;
    const r = readingOf(doc, text, qs, phrases, q);
    // Carried into later versions: copies, not slices of this version's text (core/detach.ts).
    const f: Percent = r ? { reading: r === OVER ? r : detachStrings(r) } : NOTHING;
    // The figure's own fields first: its phrase (an object) only for a share.
    if (q.role !== 'share' || q.approx || q.unknown || Number.isNaN(q.value) || phrases.inAside(q.index)) return f;
    const p = phrases.at(q.index);
    if (!p) return f;
    const grade = p.categories.find((c) => c.dim === 'satisfaction');
    if (!grade) return f;
    if (f === NOTHING) return detachStrings({ bare: bareOf(p), word: grade.word });
    // The grade is all the phrase says (“比较满意”的占); only the first may name what was
    // asked about before it (对社区服务“非常满意”的占). 对交通满意的占…，对医疗不满意的占… are
    // two questions.
    f.bare = bareOf(p);
    f.word = grade.word;
    return detachStrings(f);
  }, percentsIn);
}

/** The percentages, the only figures read here. */
function percentsIn(doc: ReportDocument): readonly Quantity[] {
  return quantitiesByKind(doc).of('percent');
}

/** The words a grade's phrase says beside the grade (“比较满意”的占 → 比较满意). */
function bareOf(p: Phrase): string {
  return p.pre.replace(/[“”"]/g, '').replace(/的?(?:占比?|比例)(?:为|达|是)?$/, '').replace(/^(?:其中|表示|认为|感到|选择|回答)/, '');
}

/**
 * The shares of the grades of one answer (非常满意 38.6%, 比较满意 45.1%, 一般 12.4%…) divide
 * one whole: together they cannot pass 100 % by more than their rounding. Answers where
 * several may be chosen (可多选) are not grades of one answer.
 */
function gradeShares(doc: ReportDocument, list: LineFacts<Percent>, phrases: Phrases): Relation[] {
  const text = doc.view.text;
  const out: Relation[] = [];
  let run: { q: Quantity; word: string }[] = [];
  let sentence = -1;
  const flush = () => {
    if (run.length >= 2 && new Set(run.map((x) => x.word)).size === run.length) {
      const sent = text.slice(phrases.at(run[0].q.index)!.clause.start, phrases.at(run[run.length - 1].q.index)!.clause.end);
      const sum = run.reduce((a, x) => a + x.q.value, 0);
      const tol = run.reduce((a, x) => a + pctTolerance(x.q.decimals) / 2, 0);
      if (sum > 100 + tol && !/多选|多项选择|可选多项/.test(sent)) {
        const sh = shows(run.map((x) => x.q));
        const arithmetic = `${run.map((x) => `${sh.of(x.q.value)}%`).join(' + ')} = ${sh.of(sum)}% > 100%`;
        const first = phrases.at(run[0].q.index)!;
        out.push({
          rule: RULE,
          ok: false,
          severity: 'warning',
          start: first.start,
          end: run[run.length - 1].q.end,
          quantities: run.map((x) => x.q),
          roles: run.map(() => 'share' as const),
          arithmetic,
          evidence: { zh: '同一问题各档次的占比合起来不超过100%', en: 'the grades of one answer share one whole' },
          message: {
            zh: `${run.map((x) => `“${x.word}”`).join('')}各档占比之和超过100%：${arithmetic}`,
            en: `The shares of ${run.map((x) => `“${x.word}”`).join(', ')} add up to more than 100%: ${arithmeticEn(arithmetic)}`,
          },
        });
      }
    }
    run = [];
  };
  // Only the grades: a run ends at the next grade in another sentence (or the list's end),
  // as it would at any percentage between in another sentence (sentences go in text order).
  for (let i = 0; i < list.qs.length; i++) {
    const { word, bare } = list.facts[i];
    if (word === undefined || bare === undefined) continue;
    const q = list.qs[i];
    const p = phrases.at(q.index);
    if (!p) continue;
    if (p.clause.sentence !== sentence) {
      flush();
      sentence = p.clause.sentence;
    }
    if (run.length ? bare !== word : !bare.endsWith(word)) {
      flush();
      if (!bare.endsWith(word)) continue;
    }
    run.push({ q, word });
  }
  flush();
  return out;
}

/** The part a share is of: the nearest usable amount before it in its sentence, outside brackets. */
function partBefore(text: string, qs: Quantity[], q: Quantity, p: Phrase, phrases: Phrases): Quantity | undefined {
  for (let i = q.index - 1; i >= 0; i--) {
    const x = qs[i];
    const xp = phrases.at(x.index);
    if (!xp || xp.clause.sentence !== p.clause.sentence) return undefined;
    if (xp.clause.inAside >= 0 && xp.clause.inAside !== p.clause.inAside) continue;
    if (!isAmount(x)) continue;
    // A figure inside the share's own words (占全年目标6.9万人的…) is its base, not its part.
    if (sameClause(xp.clause, p.clause) && /(?:占|完成|达到|相当于)[^，。；]*$/.test(beforeOf(text, x))) continue;
    if (x.unknown || Number.isNaN(x.value) || (x.role && NOT_PART.has(x.role)) || x.approx) return undefined;
    return x;
  }
  return undefined;
}

/** The reading of a share (`part` and `base` relative to q.index), within q's line. */
function shareOf(doc: ReportDocument, text: string, qs: Quantity[], phrases: Phrases, q: Quantity, p: Phrase): Reading | undefined {
  const part = partBefore(text, qs, q, p, phrases);
  if (!part) return undefined;
  const between = text.slice(part.end, q.start);
  // 占[base]的P%: what the share names.
  const named = /(?:占|完成|达到|相当于|为)([^，。；]{0,24}?)的?(?:比例|比重)?(?:为|达|达到|约)?$/.exec(between);
  let base: Quantity | undefined;
  let certain = false;
  let why = '';
  const inside = named ? quantitiesIn(qs, part.end + named.index, q.start).filter((x) => x.end <= q.start && isAmount(x)) : [];
  if (inside.length === 1 && inside[0].unit?.family === part.unit?.family) {
    base = inside[0];
    certain = true;
    why = `占${named![1]}`;
  } else if (named && !inside.length) {
    const noun = named[1].replace(/^(?:全部|全体|所有|全|总)/, '').replace(/(?:总数|总量|总额|总人数|总户数|总数量|总计|总)$/, '');
    const g = groupIndex(doc).byPart.get(part);
    if (noun.length < 2 || /^(?:该|其)/.test(noun)) {
      // 占总数的, 占全部的: the whole of the part's group.
      if (g) {
        base = g.total;
        certain = !g.survey;
        why = g.survey ? '受访总数' : `${g.marker}之前的总数`;
      }
    } else {
      // The named whole, looked for before the part by each version's finder (namedShare);
      // failing that, the part's own group, when its total's words share the name's
      // (受访老年人 … 占老年受访者的).
      const group = g && !g.survey && overlap(phrases.at(g.total.index)?.words ?? '', noun) >= 2 ? g.total.index - q.index : undefined;
      return { part: part.index - q.index, base: 0, certain: false, why: `占${named[1]}`, noun, group };
    }
  } else if (!named || !named[1]) {
    const g = groupIndex(doc).byPart.get(part);
    if (g && g.total.unit?.family === part.unit?.family) {
      base = g.total;
      certain = !g.survey;
      why = g.survey ? '受访总数' : `${g.marker}之前的总数`;
    }
  }
  if (!usableBase(base)) return undefined;
  return { part: part.index - q.index, base: base.index - q.index, certain, why };
}

function usableBase(base: Quantity | undefined): base is Quantity {
  return !!base && !base.unknown && !Number.isNaN(base.value) && base.value > 0 && !base.approx;
}

/**
 * A share of a whole named in words (占持证残疾人总数的): the whole looked for before the
 * part (bounded, so long texts stay linear), not a sibling of the part (镇有持证残疾人1048人
 * beside 镇有持证残疾人974人).
 */
function namedShare(doc: ReportDocument, qs: Quantity[], phrases: Phrases, q: Quantity, part: Quantity, r: Reading): Found | undefined {
  const noun = r.noun!;
  const partWords = phrases.at(part.index)?.words ?? '';
  const tol = pctTolerance(q.decimals) + 1e-9;
  // The candidates in text order, walked in place (no list of the figures before the part,
  // nor of the candidates): the first that gives the share, the first of all, how many.
  let fit: Quantity | undefined;
  let first: Quantity | undefined;
  let n = 0;
  for (let i = firstQuantityFrom(qs, part.start - 4000); i < qs.length && qs[i].start < part.start; i++) {
    const x = qs[i];
    if (x.end > part.start || x === part || !isAmount(x) || x.unknown || x.approx || !(x.value > 0) || x.unit?.family !== part.unit?.family) continue;
    if ((x.role && x.role !== 'to') || !endsWithNoun(phrases.at(x.index), noun) || parallel(phrases.at(x.index)?.words ?? '', partWords)) continue;
    n++;
    first ??= x;
    if (!fit && Math.abs((part.value / x.value) * 100 - q.value) <= tol) fit = x;
  }
  // Several figures fit the name: any that gives the share is the one meant; if none
  // does, the reading is unsure unless there is only one.
  if (!fit && n > 1) return undefined;
  const base = fit ?? first ?? (r.group !== undefined ? qs[q.index + r.group] : undefined);
  if (!usableBase(base)) return undefined;
  return compare(doc, q, part, base, false, r.why);
}

function endsWithNoun(p: Phrase | undefined, noun: string): boolean {
  if (!p) return false;
  const w = p.words;
  return w.endsWith(noun) || p.pre.endsWith(noun) || (noun.length >= 3 && w.includes(noun));
}

/** 整改率97.28% after 排查141911项、已整改137354项: the rate's own stem names the numerator (the reading, within q's sentence). */
function rateOf(qs: Quantity[], phrases: Phrases, q: Quantity, p: Phrase): Reading | undefined {
  const stem = q.rate!.replace(/率$/, '');
  if (stem.length < 2 || !BOUNDED.test(q.rate!)) return undefined;
  const i = q.index;
  const before: Quantity[] = [];
  for (let k = i - 1; k >= 0 && before.length < 6; k--) {
    const x = qs[k];
    const xp = phrases.at(x.index);
    if (!xp || xp.clause.sentence !== p.clause.sentence) break;
    if (xp.clause.inAside >= 0 || !isAmount(x) || x.unknown || Number.isNaN(x.value) || x.approx || (x.role && NOT_PART.has(x.role))) continue;
    before.push(x);
  }
  const num = before[0];
  if (!num) return undefined;
  const key = stem.slice(-2);
  if (!(phrases.at(num.index)?.words ?? '').includes(key)) return undefined;
  // The whole: an earlier figure of the same family at least as large; or one whose words
  // share the rate's subject (上岗率: 岗位 for 上岗…人).
  const den = before.slice(1).find((x) => x.value >= num.value && (x.unit?.family === num.unit?.family || sharesChar(phrases.at(x.index)?.words ?? '', stem)));
  if (!den) return undefined;
  return { part: num.index - i, base: den.index - i, certain: false, why: q.rate! };
}

/** 甲镇有持证残疾人 / 乙镇有持证残疾人: the same words about another subject (a sibling). */
function parallel(a: string, b: string): boolean {
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n >= 3 && a.length - n >= 1 && b.length - n >= 1 && a.length - n <= 4 && b.length - n <= 4;
}

/** How many characters of `b` occur in `a`. */
function overlap(a: string, b: string): number {
  let n = 0;
  for (const c of new Set(b)) if (a.includes(c)) n++;
  return n;
}

function sharesChar(a: string, b: string): boolean {
  for (const c of b) if (c !== '率' && a.includes(c)) return true;
  return false;
}

function compare(doc: ReportDocument, q: Quantity, part: Quantity, base: Quantity, certain: boolean, why: string): Found {
  const actual = (part.value / base.value) * 100;
  // The share's own rounding, plus what rounding the part and the whole can move it.
  const relErr = (x: Quantity) => (x.decimals > 0 || x.scale > 1 ? (0.5 * Math.pow(10, -x.decimals) * x.scale) / Math.max(1, x.value) : 0);
  const tol = pctTolerance(q.decimals) + actual * (relErr(part) + relErr(base));
  const ok = Math.abs(actual - q.value) <= tol + 1e-9;
  const d = Math.max(1, q.decimals);
  // A share that agrees is built only when relations() is read (Found).
  const make = (): Relation => {
    const s = shows([part, base]);
    const arithmetic = `${s.of(part.value)} ÷ ${s.of(base.value)} = ${actual.toFixed(d)}% ${ok ? '≈' : '≠'} ${written(q)}%`;
    return {
      rule: RULE,
      ok,
      severity: certain && Math.abs(actual - q.value) > 3 * tol ? 'error' : 'warning',
      start: part.start,
      end: q.end,
      quantities: [part, base, q],
      roles: ['part', 'whole', 'share'],
      arithmetic,
      evidence: { zh: `整体取“${why}”`, en: `the whole is “${why}”` },
      message: relationMsg(ok, () => {
        const whole = quoteView(doc, base.start, base.end);
        return ok
          ? { zh: `比例与“${whole}”相符：${arithmetic}`, en: `The share agrees with “${whole}”: ${arithmeticEn(arithmetic)}` }
          : /率$/.test(why)
            ? { zh: `${why}按“${whole}”计算应为${actual.toFixed(d)}%，文中为${written(q)}%：${arithmetic}`, en: `“${why}” from “${whole}” is ${actual.toFixed(d)}%, not ${written(q)}%: ${arithmeticEn(arithmetic)}` }
            : { zh: `占比按“${whole}”计算应为${actual.toFixed(d)}%，文中为${written(q)}%：${arithmetic}`, en: `As a share of “${whole}” it is ${actual.toFixed(d)}%, not ${written(q)}%: ${arithmeticEn(arithmetic)}` };
      }),
    };
  };
  return found(ok, make);
}

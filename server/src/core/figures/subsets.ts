// 其中 groups: a total and the parts that follow it.
//   现有18个基层支部，其中县区支部5个，高校支部3个       total 18, parts 5, 3
//   全年累计…86.47亿元，同比增加4.35亿元。其中，税收收入61.28亿元，…   total 86.47 (not the change 4.35)
//   在2846名受访青年中，男性2103人、女性743人          total 2846
// Parts are grouped by unit family (2支34人: 支 and 人 are two groups). Exhaustive parts
// (男/女, 城/乡, 父/母, a last 其他 part, 分别) must add up to the total.
import type { FigureContext } from './context';
import type { Quantity } from './quantity';
import { isAmount } from './relation';

export interface SubsetGroup {
  total: Quantity;
  parts: Quantity[];
  /** Why the parts are all of the total, if they are. */
  exhaustive?: string;
  /** A garbled run among the parts: their sum is only a lower bound. */
  unknown: boolean;
  /** View offset of 其中 (or of the 中 of 在…中). */
  at: number;
  /** 在…中 groups often list overlapping categories (survey answers): only exhaustive ones are parts. */
  survey: boolean;
}

const NOT_PART_ROLE = new Set(['per', 'share', 'target', 'threshold', 'from', 'to', 'delta']);
const NOT_TOTAL_ROLE = new Set(['per', 'share', 'target', 'threshold', 'from', 'delta']);
/** Verbs that make a clause an activity, not a category of the total. */
const VERB_LEAD = /^(?:办理|完成|开展|实现|组织|举办|帮助|接待|发放|解决|培训|发展|新增|新建|引进|选派|推荐|收到|受理|提出|参加|参与|召开|累计|全年|同比|比|较)/;

function exhaustiveOf(parts: Quantity[], region: string): string | undefined {
  const nouns = parts.map((p) => p.noun || p.before);
  if (parts.length === 2) {
    const [a, b] = nouns;
    const pair = (x: string, y: string) => (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x));
    if (pair('男', '女')) return '男/女';
    if (pair('城镇', '农村') || pair('城市', '农村') || pair('城区', '农村') || pair('城', '乡')) return '城/乡';
    if (pair('父亲', '母亲')) return '父/母';
    if (pair('境内', '境外') || pair('国内', '国外')) return '内/外';
  }
  if (parts.length >= 2 && /^(?:其他|其它|其余)/.test(nouns[nouns.length - 1])) return '其他';
  if (region.includes('分别为') || region.includes('分别是')) return '分别';
  return undefined;
}

export function subsetGroups(ctx: FigureContext): SubsetGroup[] {
  return ctx.memo('subsets', () => find(ctx));
}

function find(ctx: FigureContext): SubsetGroup[] {
  const { text } = ctx;
  const out: SubsetGroup[] = [];
  const anchors: { at: number; regionStart: number; totalArea: { start: number; end: number }; total?: Quantity; survey?: boolean }[] = [];
  for (let k = text.indexOf('其中'); k >= 0; k = text.indexOf('其中', k + 2)) {
    if (ctx.isBoilerplateAt(k)) continue;
    const sent = ctx.sentenceAt(k);
    const head = text.slice(sent.start, k).trim();
    let totalArea = { start: sent.start, end: k };
    // 其中 opening a sentence refers to the previous sentence of the paragraph.
    if (!head && sent.start > 0 && text[sent.start - 1] !== '\n') totalArea = ctx.sentenceAt(sent.start - 1);
    anchors.push({ at: k, regionStart: k + 2, totalArea });
  }
  // 在N名受访青年中，… / 46名样本合作社理事长中，…
  for (let k = text.indexOf('中，'); k >= 0; k = text.indexOf('中，', k + 2)) {
    let s = k;
    while (s > 0 && k - s <= 24 && !'，。；：\n'.includes(text[s - 1])) s--;
    if (k - s > 24) continue;
    const inClause = ctx.range(s, k).filter((q) => q.end <= k && isAmount(q));
    if (inClause.length !== 1) continue;
    const t = inClause[0];
    // The clause is the total's own phrase: (在)(…的)N单位名词中.
    if (!/^(?:在)?[^，。；\d]{0,12}$/.test(text.slice(s, t.start)) || !/^[^，。；\d]{1,12}$/.test(text.slice(t.end, k))) continue;
    if (t.approx || t.role) continue;
    anchors.push({ at: k, regionStart: k + 2, totalArea: { start: s, end: k }, total: t, survey: true });
  }
  for (const a of anchors) {
    const sent = ctx.sentenceAt(a.regionStart);
    // A nested 其中 starts a group of its own.
    const next = text.indexOf('其中', a.regionStart);
    const regionEnd = next >= 0 && next < sent.end ? next : sent.end;
    const region = text.slice(a.regionStart, regionEnd);
    const inRegion = ctx.range(a.regionStart, regionEnd);
    // Contiguous clauses of parts, starting in the first clause after 其中.
    const parts: Quantity[] = [];
    let lastClause = -1;
    for (const q of inRegion) {
      if (!isAmount(q) || (q.role && NOT_PART_ROLE.has(q.role))) {
        if (q.kind === 'percent' || q.kind === 'points') continue;
        if (q.kind === 'bare' || q.kind === 'marker' || q.kind === 'date' || q.kind === 'age' || q.kind === 'ordinal' || q.kind === 'name') continue;
        break;
      }
      if (lastClause >= 0 && q.clause > lastClause + 1) break;
      if (lastClause < 0 && q.clause > (inRegion[0]?.clause ?? q.clause)) break;
      if (VERB_LEAD.test(q.before.replace(/^其中/, ''))) break;
      // Inside parentheses (含民办小学12所) is a part of a part, not of the total.
      if (insideParens(text, q.start)) continue;
      parts.push(q);
      lastClause = q.clause;
    }
    if (!parts.length) continue;
    const upto = parts[parts.length - 1].end;
    const unknown = text.slice(a.regionStart, Math.max(upto, sent.end)).includes('\ufffd');
    const families = new Map<string, Quantity[]>();
    for (const p of parts) {
      const f = p.unit!.family;
      let l = families.get(f);
      if (!l) families.set(f, (l = []));
      l.push(p);
    }
    for (const [family, ps] of families) {
      let total = a.total && a.total.unit?.family === family ? a.total : undefined;
      if (!total) {
        const area = ctx.range(a.totalArea.start, a.totalArea.end);
        for (let i = area.length - 1; i >= 0; i--) {
          const q = area[i];
          if (!isAmount(q) || q.unit?.family !== family || (q.role && NOT_TOTAL_ROLE.has(q.role))) continue;
          total = q;
          break;
        }
      }
      if (!total) continue;
      out.push({ total, parts: ps, exhaustive: exhaustiveOf(ps, region), unknown, at: a.at, survey: !!a.survey });
    }
  }
  return out;
}

/** Is view offset `i` inside （…） within its clause? */
export function insideParens(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 40; k--) {
    const c = text[k];
    if (c === '）' || c === '，' || c === '。' || c === '；' || c === '\n') return false;
    if (c === '（') return true;
  }
  return false;
}

/** The group a quantity is a part of, if any. */
export function groupOfPart(ctx: FigureContext, q: Quantity): SubsetGroup | undefined {
  const byPart = ctx.memo('subsetsByPart', () => {
    const m = new Map<Quantity, SubsetGroup>();
    for (const g of subsetGroups(ctx)) for (const p of g.parts) if (!m.has(p)) m.set(p, g);
    return m;
  });
  return byPart.get(q);
}

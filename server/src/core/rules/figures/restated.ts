// figures/restated — the same figure stated twice with two values.
//   全市共有基层团组织4862个 … 目前，全市共有基层团组织4826个
//   全区受理群众诉求7420件 … 全区受理群众诉求7240件
// Two statements are the same figure when they say the same thing of the same scope (全市,
// 全区…, or a stock: 共有/现有/总数), with the same words, unit and period. New (新增, 新任)
// and target figures, changes and estimates are other figures.
import { charTable } from '../../model/chars';
import type { ReportDocument } from '../../model/document';
import { clausesOf, type Clauses } from '../../figures/clauses';
import { phrasesOf, type Phrase, type Phrases } from '../../figures/phrases';
import { isAmount } from '../../figures/groups';
import { quantitiesByKind, type Quantity } from '../../figures/quantity';
import { arithmeticEn, isUsable, relationMsg, shows, tolerance } from '../../figures/relation';
import { quoteView } from '../../quote';
import { finderInputs, found, relationRule, type Found } from './relation-rule';
import { lineFacts, type LineFacts } from './line-facts';
import { detached } from '../../detach';
import { lowerBound } from '../../search';

const RULE = 'figures/restated';
/** Who the figure is about: the whole unit the report speaks for. */
const SCOPE = /^(?:全(?:省|市|区|县|镇|乡|街道|村|校|院|局|系统|行业|会|委|所|站)|我(?:省|市|区|县|镇|乡|街道|村|校|院|局|会|委|部|所|站|中心|公司|厂)|本(?:省|市|区|县|会|单位|公司))/;
const STOCK = /^(?:共有|现有|总数|共|累计)/;
const OTHER_FIGURE = /由|增加到|增至|提高到|下降到|减少到|新增|新建|新任|新发展|新招|力争|目标|计划|预计|争取|任务|年均|平均|同比|比上年|较上年/;
/** A time in the sentence ties the figure to it: 2023年, 上半年, 一季度, 1-6月. */
const PERIOD = /\d{4}年|[一二三四]季度|上半年|下半年|前三季度|\d{1,2}(?:-|～|至)\d{1,2}月|\d{1,2}月份?|今年|去年|上年|全年|年初|年底|年末|五年来|近[一二三四五六七八九十\d]+年/g;
/** A change to a stock between two statements of it (新建基层党组织6个): the stock may differ. */
const CHANGE = ['新建', '新增', '新成立', '新组建', '新发展', '撤并', '撤销', '合并', '减少', '增加', '调整', '注销', '转出', '转入'];
/**
 * Where a CHANGE word starts, found by one pattern of the words (no two of them can start at one
 * place: each has its own first two): a native scan, where a pattern of their first characters
 * stopped at 14,000 places of a 1 M-character report to try the words by hand (1.5 → 0.9 ms).
 */
const CHANGE_WORDS = new RegExp(CHANGE.join('|'), 'g');

export const restated = relationRule({
  id: RULE,
  description: { zh: '同一数字前后表述不一致', en: 'The same figure stated twice with different values' },
  find(doc) {
    const { text, phrases } = finderInputs(doc);
    const seen = new Map<string, Quantity>();
    const out: Found[] = [];
    let changes: Changes | undefined;
    // By stock and head word: the scan of the CHANGE words after the stock's first statement,
    // resumed at each later one (see changedBefore).
    let scans: Map<string, ChangeScan> | undefined;
    const keyed = restatedKeys(doc);
    for (let i = 0; i < keyed.qs.length; i++) {
      const q = keyed.qs[i];
      const p = phrases.at(q.index)!;
      const key = keyed.facts[i];
      const first = seen.get(key);
      if (!first) {
        seen.set(key, q);
        continue;
      }
      const same = Math.abs(first.value - q.value) <= tolerance([first, q]);
      if (!same) {
        const head = headOf(p.pre + p.post);
        if (head) {
          changes ??= restatedChanges(doc);
          const at = `${key}\u0000${head}`;
          let scan = (scans ??= new Map()).get(at);
          if (!scan) scans.set(at, (scan = changeScan(changes, first.end, head)));
          if (changedBefore(text, changes, scan, p.start)) continue;
        }
      }
      out.push(restatement(doc, phrases, first, q, p, same));
    }
    return out;
  },
});

/** The amounts that state a figure of the whole (a scope or a stock), each with the key of what it states: read within its line, so derived (line-facts.ts). */
export function restatedKeys(doc: ReportDocument): LineFacts<string> {
  const text = doc.view.text;
  const phrases = phrasesOf(doc);
  const clauses = clausesOf(doc);
  // The sentence's times (PERIOD), read once for the figures of one sentence (they come in order).
  const periods: Periods = { sentence: -1, period: '' };
  return lineFacts(doc, 'figures:restated:keys', (q) => {
    // The figure's own facts first: its phrase (another object) is read only for the amounts left.
    if (!isUsable(q) || q.role || !isAmount(q) || q.bound) return undefined;
    // Most phrases open with no scope or stock word: told in place, the phrase made only for the others.
    if (phrases.inAside(q.index) || !KEY_FIRST[phrases.leadCode(q.index)]) return undefined;
    const p = phrases.at(q.index)!;
    const key = keyOf(text, p, clauses, periods);
    // Carried into later versions: a copy, not a slice of this version's text (core/detach.ts).
    return key ? detached(key) : undefined;
  }, amountsOf);
}

/** The amounts (count, money, measure), the only figures a key is read of (isAmount). */
function amountsOf(doc: ReportDocument): readonly Quantity[] {
  return quantitiesByKind(doc).amounts;
}

/**
 * The relation between a figure and its restatement; when they agree, the function that
 * builds it (Found). A function of its own: closures made in the finder's loop would give
 * every figure it reads a context of its own.
 */
function restatement(doc: ReportDocument, phrases: Phrases, first: Quantity, q: Quantity, p: Phrase, same: boolean): Found {
  return found(same, () => {
    const sh = shows([first, q]);
    const arithmetic = `${sh.of(first.value)} ${same ? '=' : '≠'} ${sh.of(q.value)}`;
    const fp = phrases.at(first.index)!;
    return {
      rule: RULE,
      ok: same,
      severity: 'warning',
      start: p.shownStart,
      end: q.end,
      quantities: [first, q],
      roles: ['earlier', 'later'],
      arithmetic,
      evidence: { zh: '主语、范围、单位和时间相同', en: 'same subject, scope, unit and period' },
      message: relationMsg(same, () => {
        const shown = quoteView(doc, fp.shownStart, first.end);
        const here = quoteView(doc, p.shownStart, q.end);
        return same
          ? { zh: `与前文“${shown}”一致：${arithmetic}`, en: `Agrees with “${shown}” earlier: ${arithmeticEn(arithmetic)}` }
          : { zh: `前文为“${shown}”，此处为“${here}”：${arithmetic}`, en: `Earlier the text says “${shown}”, here “${here}”: ${arithmeticEn(arithmetic)}` };
      }),
    };
  });
}

/**
 * First characters of the words a key needs at the start of the phrase: a scope (全/我/本),
 * a stock word (共/现/总/累), or a time word before the stock (目前, 截至目前, 当前, 现在, 已).
 * A phrase that opens otherwise has neither a scope nor a stock.
 */
const KEY_FIRST = charTable('全我本共现总累目截当已');

/** The last sentence whose times were read, and its times (sorted, joined by commas). */
interface Periods {
  sentence: number;
  period: string;
}

/**
 * The key of what p states (its first character passed KEY_FIRST). What the phrase's words
 * decide is read first; its sentence only for the figures those leave.
 */
function keyOf(text: string, p: Phrase, clauses: Clauses, periods: Periods): string | undefined {
  const words = p.marker + p.pre;
  const scope = SCOPE.exec(words)?.[0] ?? '';
  let rest = words.slice(scope.length).replace(/^(?:目前|截至目前|当前|现在|已)/, '');
  const stock = STOCK.exec(p.marker)?.[0] ?? STOCK.exec(rest)?.[0] ?? '';
  // Without a scope (全市) or a stock word (共有) the same words may be said of another
  // unit (东镇有持证残疾人1048人，西镇有…974人): not the same figure.
  if (!scope && !stock) return undefined;
  rest = rest.replace(STOCK, '');
  const noun = rest + p.post;
  if (noun.length < (stock ? 2 : 3)) return undefined;
  const k = p.clause.sentence;
  const sentence = clauses.sentence(k);
  if (!sentence) return undefined;
  // Without a scope, only a stock that opens its sentence speaks for the whole: after a
  // subject (东村党支部：现有党员42名, 一村现有…) it is that subject's.
  if (!scope && text.slice(sentence.start, p.start).replace(/^(?:目前|截至目前|当前|现在)[，,]?/, '') !== p.marker) return undefined;
  if (OTHER_FIGURE.test(text.slice(sentence.start, p.q.start))) return undefined;
  if (periods.sentence !== k) {
    periods.sentence = k;
    periods.period = (text.slice(sentence.start, sentence.end).match(PERIOD) ?? []).sort().join(',');
  }
  return `${scope}|${noun}|${p.q.unit!.family}|${periods.period}`;
}

/** Where a CHANGE word starts in the text (overlapping ones too), and its length. */
export interface Changes {
  at: number[];
  len: number[];
}

/**
 * The CHANGE words of the view (memoised; made only when two statements differ). A version
 * derived from the previous one (model/derive.ts) takes the previous version's over before and
 * after the changed lines (those after moved by the difference in length) and reads only the
 * region: a CHANGE word is Han characters only, so none runs across the line breaks the region
 * starts and ends at.
 */
export function restatedChanges(doc: ReportDocument): Changes {
  return doc.memo('figures:restated:changes', () => {
    const text = doc.view.text;
    const d = doc.derivation;
    const prev = d?.prev.memoed('figures:restated:changes') as Changes | undefined;
    const region = prev && d!.viewRegion();
    if (!region) return changesIn(text, 0, text.length, { at: [], len: [] });
    const out: Changes = { at: [], len: [] };
    let k = 0;
    for (; k < prev.at.length && prev.at[k] < region.start; k++) {
      out.at.push(prev.at[k]);
      out.len.push(prev.len[k]);
    }
    changesIn(text, region.start, region.end, out);
    while (k < prev.at.length && prev.at[k] < region.prevEnd) k++;
    const by = region.end - region.prevEnd;
    for (; k < prev.at.length; k++) {
      out.at.push(prev.at[k] + by);
      out.len.push(prev.len[k]);
    }
    d!.derived.push('figures:restated:changes');
    return out;
  });
}

/** The CHANGE words starting in text[from, to), appended to `out`. */
function changesIn(text: string, from: number, to: number, out: Changes): Changes {
  const { at, len } = out;
  const re = CHANGE_WORDS;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    at.push(m.index);
    len.push(m[0].length);
    // Words may overlap (新增加: 新增, then 增加): the next is looked for from the next character.
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  return out;
}

/** The words of a statement name the stock by their last two characters, less a stock word they open with (共有, 现有…); undefined when fewer are left. */
function headOf(words: string): string | undefined {
  const head = words.replace(STOCK, '').slice(-2);
  return head.length < 2 ? undefined : head;
}

/** The longest CHANGE word, in characters. */
const CHANGE_MAX = Math.max(...CHANGE.map((w) => w.length));
/** A CHANGE word names the stock within this many characters after it. */
const NAMED_WITHIN = 12;

/**
 * A scan of the CHANGE words after a statement (`from`) for those that name a stock (its
 * `head`: two UTF-16 units), laid against one later statement after another: see changedBefore.
 * `k`, `next`: where the scan resumes (the first word whose reading a later statement could
 * change) and where the left-to-right reading of words stood there; `to`: the last statement it
 * was laid against; `hit`: a word before it names the stock.
 */
export interface ChangeScan {
  readonly from: number;
  readonly h0: number;
  readonly h1: number;
  k: number;
  next: number;
  to: number;
  hit: boolean;
}

/** A scan of the CHANGE words from `from` (exported for the tests). */
export function changeScan(changes: Changes, from: number, head: string): ChangeScan {
  return { from, h0: head.charCodeAt(0), h1: head.charCodeAt(1), k: lowerBound(changes.at, (s) => s < from), next: from, to: from, hit: false };
}

/**
 * Does the text between two statements change the stock they name (新建基层党组织6个 before
 * 共有基层党组织432个)? The CHANGE words of text[scan.from, to) are read as a left-to-right scan
 * of that text would find them (no overlaps, none running past `to`), from the document's
 * index of them; a word changes the stock when the stock's head is among it and the 12
 * characters after it (within the text between).
 *
 * A stock's first statement stays its first, and each later statement lies further on: the
 * scan resumes where the last statement left it, so that a stock stated again and again across
 * a long report costs its CHANGE words once, not once for each statement (each from the first
 * one on: 2.5 ms of an edit's 57 on the 1 M bench report). What a word gave is kept when a
 * later `to` cannot change it (its window, CHANGE_MAX + 12 characters, lies before `to`); a
 * word that names the stock before `to` names it before any later one. Exported for the tests.
 */
export function changedBefore(text: string, changes: Changes, scan: ChangeScan, to: number): boolean {
  // A statement before the last one (not met: they come in text order) is read afresh.
  if (to < scan.to) return changedBefore(text, changes, changeScan(changes, scan.from, String.fromCharCode(scan.h0, scan.h1)), to);
  if (scan.hit) return true;
  const { at, len } = changes;
  const { h0, h1 } = scan;
  let k = scan.k;
  let next = scan.next;
  // The first word that a later `to` may read otherwise, and where the reading stood before it.
  let settled = -1;
  let settledNext = next;
  for (; k < at.length && at[k] < to; k++) {
    const s = at[k];
    if (settled < 0 && s + CHANGE_MAX + NAMED_WITHIN > to) {
      settled = k;
      settledNext = next;
    }
    if (s < next || s + len[k] > to) continue;
    const e = Math.min(s + len[k] + NAMED_WITHIN, to);
    for (let r = s; r + 2 <= e; r++) {
      if (text.charCodeAt(r) === h0 && text.charCodeAt(r + 1) === h1) {
        scan.hit = true;
        scan.to = to;
        return true;
      }
    }
    next = s + len[k];
  }
  if (settled < 0) {
    settled = k;
    settledNext = next;
  }
  scan.k = settled;
  scan.next = settledNext;
  scan.to = to;
  return false;
}

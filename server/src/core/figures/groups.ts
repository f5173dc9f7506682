// Totals and their parts: the scope of 其中 / 包括 / 含 / 分别为 / 在…中, read on the clause
// and phrase layers.
//   现有18个基层支部，其中县区支部5个、高校支部3个        total 18, parts 5, 3
//   全年收入86.47亿元，同比增加4.35亿元。其中，税收…      total 86.47 (a sentence-opening 其中 refers to
//                                                       the previous sentence's main figure, not the change)
//   新造林3.05万亩（其中：甲0.5万亩，乙1.8万亩）          total 3.05 (其中 opening a bracket: the figure before it)
//   一类户40户，其中低保户12户、残疾户16户，二类户96户     parts 12, 16 (二类户 is the total's sibling)
// Parts are grouped by unit family (2支34人: 支 and 人 are two groups). Which parts may be
// added up, and whether they must add up to the total, is for the parts-total rule.
import { charTable } from '../model/chars';
import type { ReportDocument } from '../model/document';
import { clausesOf, sameClause, type Clause, type Clauses } from './clauses';
import { deriveGroups } from './derive';
import { categoriesOf, complementary } from './dimensions';
import { phrasesOf, type Phrase, type Phrases } from './phrases';
import { firstQuantityFrom, quantities, type Quantity } from './quantity';
import { isAmount, sameValue } from './relation';

export interface Group {
  total: Quantity;
  parts: Quantity[];
  /** The word that opens the group: 其中, 包括, 含, 分别为, 在…中. */
  marker: string;
  /** View offset of that word. */
  at: number;
  /** Why the parts are all of the total (分别为, 男/女, 其他), if they are. */
  exhaustive?: string;
  /** Other figures the 其中 may refer to (a charitable reading tries them). */
  alternatives: Quantity[];
  /** Index of the clause of each part, counted from the first parts clause (0). */
  partClause: number[];
  /** 在N名受访者中: survey answers, often overlapping. */
  survey: boolean;
  /** A garbled run among the parts: their sum is only a lower bound. */
  unknown: boolean;
}

/** Roles of figures that are never a total: a change, a share, a target… */
const NOT_TOTAL = new Set(['per', 'share', 'target', 'threshold', 'from', 'delta']);
/** Roles of figures that are never a part but do not end the list of parts. */
const SKIP_ROLE = new Set(['per', 'share', 'target', 'threshold', 'delta']);
/** The words that open a group (其中, 包括, 包含, 分别为, 分别是, 分别有): one pass finds them all, in text order (none overlaps another). */
const ANCHORS = /其中|包[括含]|分别[为是有]/g;
const CLOSING = /^(?:其他|其它|其余|剩余|另有|另外|余下)/;

export { isAmount };

export function groupsOf(doc: ReportDocument): Group[] {
  return doc.memo('figures:groups', () => deriveGroups(doc) ?? findGroups(doc));
}

/** The groups a quantity is a part of, and the group it is the total of. */
export function groupIndex(doc: ReportDocument): { byPart: Map<Quantity, Group>; byTotal: Map<Quantity, Group[]> } {
  return doc.memo('figures:groupIndex', () => {
    const byPart = new Map<Quantity, Group>();
    const byTotal = new Map<Quantity, Group[]>();
    const groups = groupsOf(doc);
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k];
      for (let j = 0; j < g.parts.length; j++) {
        const p = g.parts[j];
        if (!byPart.has(p)) byPart.set(p, g);
      }
      const of = byTotal.get(g.total);
      if (of) of.push(g);
      else byTotal.set(g.total, [g]);
    }
    return { byPart, byTotal };
  });
}

interface Anchor {
  at: number;
  word: string;
  /** Figures before that the group may be about, best first. */
  candidates: Quantity[];
  /** The clause list parts are read from (top level or the aside's). */
  clause: Clause;
  survey?: boolean;
}

function findGroups(doc: ReportDocument): Group[] {
  const text = doc.view.text;
  const clauses = clausesOf(doc);
  const qs = quantities(doc);
  const phrases = phrasesOf(doc);
  const anchors = findAnchors(text, clauses, qs, phrases);
  const out: Group[] = [];
  const taken = new Set<Quantity>();
  for (let n = 0; n < anchors.length; n++) {
    const a = anchors[n];
    const { parts, otherUnits } = readParts(text, clauses, qs, phrases, a);
    if (!parts.length) continue;
    const mine: Group[] = [];
    // One group per unit family of the parts, in the order each family first occurs (two
    // parallel lists: the families are few, and a Map's entries made an array each).
    const famNames: string[] = [];
    const famParts: Part[][] = [];
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      const f = p.q.unit!.family;
      const at = famNames.indexOf(f);
      if (at >= 0) famParts[at].push(p);
      else {
        famNames.push(f);
        famParts.push([p]);
      }
    }
    for (let fi = 0; fi < famNames.length; fi++) {
      const family = famNames[fi];
      const ps = famParts[fi];
      // A 其中 after the parts of another 其中 refers past them to the total (教师90名，其中
      // 骨干教师14名，其中男教师25名…); the parts it passes stay possible readings.
      const cands = candidatesOf(a, family, taken);
      const total = cands[0];
      if (!total) continue;
      // A part as large as the total alone, in a later clause, is the total's sibling: the
      // parts end before the first such.
      let cut = 1;
      while (cut < ps.length && (ps[cut].clause === 0 || !(ps[cut].q.value > total.value))) cut++;
      const final = cut < ps.length ? ps.slice(0, cut) : ps;
      if (!final.length) continue;
      const regionEnd = final[final.length - 1].q.end;
      const region = text.slice(a.at, regionEnd);
      const g: Group = {
        total,
        parts: final.map((p) => p.q),
        marker: a.word,
        at: a.at,
        // A list with items in another unit (卫生院18家、村卫生室356个、其他机构26个) is read
        // here only in part: its 其他 covers more than these parts, so they never cover the whole.
        // (An item after the last part still belongs to the list when only 、 joins it.)
        exhaustive: !otherUnits.some((at) => at < regionEnd || !/[，。；：,;:]/.test(text.slice(regionEnd, at)))
          ? exhaustiveOf(final.map((p) => phrases.at(p.q.index)!), region)
          : undefined,
        alternatives: cands.slice(1),
        partClause: final.map((p) => p.clause),
        survey: !!a.survey,
        unknown: region.includes('\ufffd'),
      };
      for (let k = 0; k < g.parts.length; k++) taken.add(g.parts[k]);
      out.push(g);
      mine.push(g);
    }
    pairedCover(mine);
  }
  return out;
}

/**
 * The candidate totals of `a` in unit `family`, in order; after a 其中, those not yet taken as
 * parts first (one list: filters and a spread made four per family read).
 */
function candidatesOf(a: Anchor, family: string, taken: ReadonlySet<Quantity>): Quantity[] {
  const out: Quantity[] = [];
  const later = a.word === '其中';
  for (let k = 0; k < a.candidates.length; k++) {
    const t = a.candidates[k];
    if (t.unit?.family === family && !(later && taken.has(t))) out.push(t);
  }
  if (later) {
    for (let k = 0; k < a.candidates.length; k++) {
      const t = a.candidates[k];
      if (t.unit?.family === family && taken.has(t)) out.push(t);
    }
  }
  return out;
}

/**
 * Items that each carry a figure of two units (道路交通事故8起、死亡6人，建筑施工事故2起、
 * 死亡2人…): when the figures of one unit add up exactly to their total, the items are every
 * kind there is, so the figures of the other unit cover their total too.
 */
function pairedCover(groups: Group[]): void {
  for (const a of groups) {
    if (a.parts.length < 2 || a.total.approx || a.parts.some((p) => p.approx || p.bound)) continue;
    const sum = a.parts.reduce((x, p) => x + p.value, 0);
    // Exactly, not within rounding: a loose match proves nothing about the list.
    if (!sameValue(sum, a.total.value)) continue;
    // One item per clause, and each item has a figure of both units.
    if (new Set(a.partClause).size !== a.partClause.length) continue;
    for (const b of groups) {
      if (b === a || b.exhaustive || b.unknown || b.parts.length !== a.parts.length) continue;
      if (!b.partClause.every((c, i) => c === a.partClause[i])) continue;
      b.exhaustive = `paired:${a.total.unit?.unit ?? ''}`;
    }
  }
}

function findAnchors(text: string, clauses: Clauses, qs: Quantity[], phrases: Phrases): Anchor[] {
  const out: Anchor[] = [];
  // One pattern for the six words, not an indexOf pass over the text per word (a two-byte
  // text is searched by the low byte of a word's first character: 0.3 ms a word on 1 M
  // characters, the pattern's one pass 0.5 ms). Found in text order, so the clauses are
  // found walking forward; out is sorted by offset below, as it was for a pass per word.
  const clauseAt = clauses.cursor();
  ANCHORS.lastIndex = 0;
  for (let m = ANCHORS.exec(text); m; m = ANCHORS.exec(text)) {
    const k = m.index;
    const word = m[0];
    const clause = clauseAt(k);
    if (!clause || k >= clause.end) continue;
    if (clause.sentence >= clauses.sentenceCount) continue;
    // 分别为 inside a 其中 clause (其中男、女党员分别为90名、70名) is evidence for that
    // group; opening a clause of its own, it breaks down the figure just before it.
    if (word.startsWith('分别') && !/^[\s，：]*$/.test(text.slice(clause.start, k))) continue;
    const candidates = totalsFor(text, clauses, qs, clause, k, word);
    if (candidates.length) out.push({ at: k, word, candidates, clause });
  }
  // （含…）: a bracket that opens with 含 notes a part of the figure before it.
  for (let n = 0; n < clauses.asideCount; n++) {
    const a = clauses.aside(n)!;
    if (text[a.open + 1] !== '含' || !a.size) continue;
    const first = clauses.clauseOfAside(n, 0)!;
    const candidates = totalsFor(text, clauses, qs, first, a.open + 1, '含');
    if (candidates.length) out.push({ at: a.open + 1, word: '含', candidates, clause: first });
  }
  // 在2846名受访青年中，…: the figure of the opening phrase is the whole.
  for (let k = text.indexOf('中，'); k >= 0; k = text.indexOf('中，', k + 2)) {
    const clause = clauses.clauseAt(k);
    if (!clause || clause.inAside >= 0) continue;
    // The one amount of the clause before 中 (counted in place: no list per 中， of the text).
    let t: Quantity | undefined;
    let amounts = 0;
    for (let i = firstQuantityFrom(qs, clause.start); i < qs.length && qs[i].start < k && amounts < 2; i++) {
      if (qs[i].end <= k && isAmount(qs[i])) {
        t = qs[i];
        amounts++;
      }
    }
    if (amounts !== 1 || !t) continue;
    if (!/^(?:在)?[^，。；\d]{0,12}$/.test(text.slice(clause.start, t.start)) || !/^[^，。；\d]{1,12}$/.test(text.slice(t.end, k))) continue;
    if (t.approx || t.role) continue;
    const next = clauses.clause(clause.index + 1);
    if (!next || next.sentence !== clause.sentence) continue;
    out.push({ at: k, word: '在…中', candidates: [t], clause: next, survey: true });
  }
  out.push(...implicitAnchors(text, clauses, qs, phrases));
  out.sort((a, b) => a.at - b.at);
  return out;
}

/** Words that end the name of a place or a unit of area (东片, 城关镇, 和平社区). */
const PLACE_END = /(?:镇|乡|街道|村|社区|片|片区|区|县|市|州|城区|园区)$/;
const STOCK = /(?:共有|现有|共|总数为|总数|总量|合计)$/;
const STOCK_LAST = charTable('有共为数量计');

/**
 * 全县共有行政村86个，城区12个、东片30个、西片28个、南片20个: a stock followed at once by
 * figures of the same unit for places, with no 其中 — a breakdown by area. Only parts that
 * name places qualify, so that other figures after a stock are never taken for its parts.
 */
function implicitAnchors(text: string, clauses: Clauses, qs: Quantity[], phrases: Phrases): Anchor[] {
  const out: Anchor[] = [];
  for (let i = 0; i < qs.length - 2; i++) {
    const t = qs[i];
    // The figure's own fields first: most figures are no total, and their phrases need not be read.
    if (!usableTotal(t) || t.approx) continue;
    const tc = phrases.clauseOf(t.index);
    if (!tc || tc.inAside >= 0) continue;
    // The total ends its clause; the next clause starts the breakdown (told by numbers first:
    // most figures fail here, before their phrase is made).
    if (tc.end - t.end > 8 || (tc.stop !== '，' && tc.stop !== '：')) continue;
    // Told by its words read in place: the phrase is made only for a stock.
    const pre = phrases.preOf(t.index);
    if (!stockBefore(phrases.markerOf(t.index), pre) && !(pre.includes('共有') || pre.includes('现有'))) continue;
    const tp = phrases.at(t.index)!;
    const next = clauses.clause(tp.clause.index + 1);
    if (!next || next.sentence !== tp.clause.sentence) continue;
    const parts: Quantity[] = [];
    for (let k = i + 1; k < qs.length && qs[k].start < next.end + 200; k++) {
      const q = qs[k];
      const p = phrases.at(q.index);
      if (!p || p.clause.sentence !== tp.clause.sentence || p.clause.inAside >= 0) break;
      if (!isAmount(q) || q.unit?.family !== t.unit?.family || q.role || p.marker) break;
      if (!PLACE_END.test(p.pre) || p.pre.length > 8) break;
      parts.push(q);
    }
    if (parts.length < 2 || !sameClause(phrases.at(parts[0].index)!.clause, next)) continue;
    out.push({ at: next.start, word: '并列', candidates: [t], clause: next });
  }
  return out;
}

/** STOCK ends a phrase's marker and the first four characters of its words (tested only when their last character can end it). */
function stockBefore(marker: string, pre: string): boolean {
  const n = Math.min(4, pre.length);
  const last = n ? pre.charCodeAt(n - 1) : marker.charCodeAt(marker.length - 1);
  return STOCK_LAST[last] === 1 && STOCK.test(marker + pre.slice(0, 4));
}

function usableTotal(q: Quantity): boolean {
  return isAmount(q) && !(q.role && NOT_TOTAL.has(q.role)) && !Number.isNaN(q.value);
}

/** The figures a group opened at `k` may be about, best first. */
function totalsFor(text: string, clauses: Clauses, qs: Quantity[], clause: Clause, k: number, word: string): Quantity[] {
  // 其中 opening a bracket: the figure right before the bracket.
  const aside = clauses.aside(clause.inAside);
  if (aside && /^[\s：:]*$/.test(text.slice(aside.open + 1, k))) {
    const anchorClause = clauses.clause(aside.anchor);
    const open = aside.open;
    // The last usable figure before the bracket, outside brackets (found in place).
    let last: Quantity | undefined;
    for (let i = firstQuantityFrom(qs, anchorClause?.start ?? open - 40); i < qs.length && qs[i].start < open; i++) {
      const q = qs[i];
      if (q.end <= open && clauses.asideIndexAt(q.start) < 0 && usableTotal(q)) last = q;
    }
    if (last && open - last.end <= 8) return [last];
    return [];
  }
  if (aside) return [];
  // Made only here: a bracket's anchor needs no sentence (a sentence is an object made on each lookup).
  const sentence = clauses.sentence(clause.sentence)!;
  const head = text.slice(sentence.start, k);
  // 其中 opening a sentence: the previous sentence of the paragraph, its main figures first.
  if (/^[\s，：:]*$/.test(head)) {
    if (word !== '其中' || sentence.inPara === 0) return [];
    const prev = clauses.sentence(sentence.index - 1);
    if (!prev) return [];
    const out: Quantity[] = [];
    for (let i = firstQuantityFrom(qs, prev.start); i < qs.length && qs[i].start < prev.end; i++) {
      const q = qs[i];
      if (clauses.asideIndexAt(q.start) < 0 && usableTotal(q)) out.push(q);
    }
    return out;
  }
  // Mid-sentence: the figures before it in the sentence, nearest first (one list, no filter or reverse copy).
  const out: Quantity[] = [];
  for (let i = firstQuantityFrom(qs, sentence.start); i < qs.length && qs[i].start < k; i++) {
    const q = qs[i];
    if (q.end <= k && clauses.asideIndexAt(q.start) < 0 && usableTotal(q)) out.push(q);
  }
  return out.reverse();
}

/** A part of a group: the figure, the index of its clause counted from the first parts clause, and its phrase's words. */
interface Part {
  q: Quantity;
  clause: number;
  /** Read once, when the part is taken: each later figure is compared with every part before it (subPartOfAny). */
  words: string;
}

/** Is there a 其中, or a 分别为/是/有 or 包括 right after ，：；, wholly inside view[s, e)? (What opens a nested group between two parts.) */
function nestedOpenerIn(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5176 /* 其 */) {
      if (k + 2 <= e && text.charCodeAt(k + 1) === 0x4e2d /* 中 */) return true;
    } else if (PART_BREAK[c]) {
      if (k + 4 <= e && text.startsWith('分别', k + 1) && RESPECTIVE_VERB[text.charCodeAt(k + 3)]) return true;
      if (k + 3 <= e && text.startsWith('包括', k + 1)) return true;
    }
  }
  return false;
}
const PART_BREAK = charTable('，：；');
const RESPECTIVE_VERB = charTable('为是有');

/** Does a 其中 follow view offset `p` (after at most one ，or ：), ending by `end`? */
function ownAnchorAt(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  const k = c === 0xff0c /* ， */ || c === 0xff1a /* ： */ ? p + 1 : p;
  return k + 2 <= end && text.charCodeAt(k) === 0x5176 /* 其 */ && text.charCodeAt(k + 1) === 0x4e2d /* 中 */;
}

/** The parts after an anchor, each with the index of its clause counted from the first. */
function readParts(text: string, clauses: Clauses, qs: Quantity[], phrases: Phrases, a: Anchor): { parts: Part[]; otherUnits: number[] } {
  const start = a.at + (a.word === '在…中' ? 2 : a.word === '并列' ? 0 : a.word.length);
  const first = a.clause.index;
  const sentence = a.clause.sentence;
  const side = a.clause.inAside;
  const limit = side >= 0 ? clauses.aside(side)!.close : (clauses.sentenceEnd(sentence) ?? start);
  const out: Part[] = [];
  /** Where items in a unit the total is not counted in stand among the parts. */
  const otherUnits: number[] = [];
  // The candidates' words are read only when a later clause may hold a sibling of the total.
  let totalWords: string[] | undefined;
  for (let qi = firstQuantityFrom(qs, start); qi < qs.length && qs[qi].start < limit; qi++) {
    const q = qs[qi];
    const p = phrases.at(q.index);
    if (!p) continue;
    // Only the level the anchor is on: a bracket inside the parts is a note on a part.
    const c = p.clause;
    if (c.inAside !== side) continue;
    if (c.sentence !== sentence) break;
    const clause = c.index - first;
    // Another 其中 (or a 分别为 opening a clause) after the first part opens a nested group.
    if (out.length && nestedOpenerIn(text, out[out.length - 1].q.end, q.start)) break;
    // 谷物中冬小麦: a part of an earlier part.
    if (subPartOfAny(out, p)) continue;
    if (q.role === 'from' || q.role === 'to') break;
    // A stated sum (合计920人次) closes the parts; it is not one of them.
    if (p.marker ? STATED_SUM.test(p.marker + p.pre) : STATED_SUM.test(p.pre)) break;
    if (!isAmount(q) || (q.role && SKIP_ROLE.has(q.role))) continue;
    if (!familyAmong(a.candidates, q.unit?.family)) {
      otherUnits.push(q.start);
      continue;
    }
    // A figure followed by its own 其中 is a new total.
    if (out.length && ownAnchorAt(text, q.end, Math.min(q.end + 4, limit, text.length))) break;
    // A sibling of the total (一类户 … 二类户): same noun with another class of its scale.
    if (out.length && clause > 0) {
      const words = p.words; // joined when read (phrases.ts): once, not once a candidate word
      if ((totalWords ??= wordsOf(a.candidates, phrases)).some((w) => siblings(w, words))) break;
    }
    if (Number.isNaN(q.value) && !q.unknown) continue;
    // A breakdown by area without 其中 lasts as long as its parts name places.
    if (a.word === '并列' && (!PLACE_END.test(p.pre) || p.marker)) break;
    // The parts start right after the anchor: in its clause or the next.
    if (!out.length && clause > 1) break;
    out.push({ q, clause, words: p.words });
  }
  return { parts: out, otherUnits };
}

/** A stated sum's words (合计920人次): they close the parts. */
const STATED_SUM = /共计|合计|总计|一共/;

/** Is `family` the unit family of one of the candidate totals? (A loop, not a Set per anchor.) */
function familyAmong(cands: readonly Quantity[], family: string | undefined): boolean {
  for (let k = 0; k < cands.length; k++) if (cands[k].unit?.family === family) return true;
  return false;
}

/** The words of each candidate total's phrase ('' for none). */
function wordsOf(cands: readonly Quantity[], phrases: Phrases): string[] {
  const out: string[] = [];
  for (let k = 0; k < cands.length; k++) out.push(phrases.at(cands[k].index)?.words ?? '');
  return out;
}

/** Does `p` name one of the parts read so far as its whole (subPartOf)? A loop, not a closure per figure read. */
function subPartOfAny(parts: readonly Part[], p: Phrase): boolean {
  if (!parts.length) return false;
  const words = p.words;
  for (let k = 0; k < parts.length; k++) if (subPartOf(parts[k].words, words)) return true;
  return false;
}

/** 谷物中冬小麦, 其中谷物 … 谷物中: a phrase's `words` that name an earlier part's, `w`, as its whole. */
function subPartOf(w: string, words: string): boolean {
  if (w.length < 2) return false;
  // The same words again (死亡6人 … 死亡2人) are the next item, not a part of this one.
  if (words === w) return false;
  if (words.startsWith(w)) return true;
  // Two characters of `w` followed by 中 in `words`: found from each 中 of `words`, compared
  // in place (no string per pair of characters tried).
  for (let j = words.indexOf('中', 2); j >= 0; j = words.indexOf('中', j + 1)) {
    const a = words.charCodeAt(j - 2);
    const b = words.charCodeAt(j - 1);
    for (let i = 0; i + 2 <= w.length; i++) if (w.charCodeAt(i) === a && w.charCodeAt(i + 1) === b) return true;
  }
  return false;
}

/** 一类户 / 二类户, 男会员 / 女会员: two nouns that differ only in a category of one scale. */
function siblings(a: string, b: string): boolean {
  if (!a || !b || a === b) return false;
  const ca = categoriesOf(a);
  const cb = categoriesOf(b);
  for (const x of ca) {
    for (const y of cb) {
      if (x.dim !== y.dim || x.word === y.word) continue;
      if (a.replace(x.word, '') === b.replace(y.word, '') && a.replace(x.word, '').length >= 1) return true;
    }
  }
  return false;
}

/** Why a group's parts are all of the total, if the text says so. */
function exhaustiveOf(parts: Phrase[], region: string): string | undefined {
  if (/分别(?:为|是|有)/.test(region)) return '分别';
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && CLOSING.test(last.pre || last.words)) return last.words.slice(0, 2);
  if (parts.length === 2) {
    const [a, b] = parts;
    for (const x of a.categories) {
      for (const y of b.categories) {
        if (x.dim === y.dim && x.word !== y.word && complementary(x.dim, x.word, y.word)) return `${x.word}/${y.word}`;
      }
    }
  }
  return undefined;
}

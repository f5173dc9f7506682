// Measure phrases: each quantity with the words that say what it counts, read on the
// clause layer. `其中县区支部5个` → marker 其中, words 县区支部, unit 个; `18个基层支部` →
// words 基层支部 (after the unit). The categories the words name (县区 → kind of unit;
// 女性 → gender) decide which parts may be added up (dimensions.ts).
import { detached } from '../detach';
import { charTable, isHanAt } from '../model/chars';
import type { ReportDocument } from '../model/document';
import { clausesOf, NO_CLAUSE, type Clause, type Clauses } from './clauses';
import { categoriesOf, type Category } from './dimensions';
import { derivePhrases } from './derive';
import { quantities, type Quantity } from './quantity';

export interface Phrase {
  q: Quantity;
  clause: Clause;
  /** View offset where the phrase's words start (after markers and list joins). */
  start: number;
  /**
   * Where a quote of the phrase (a message's, a finding's range) starts: `start`, or, when the
   * words ran back to a numeral of a figure that does not divide the clause — a date, as in
   * 2024年表彰… or 2025年度评出…, whose words start at 年 — that figure's start: no quote
   * begins inside a figure (“年表彰…”, “度评出…”).
   */
  readonly shownStart: number;
  /** Marker before the words: 其中, 包括, 含, 共计, 合计, 分别为… ('' if none). */
  marker: string;
  /** The words before the number, markers removed: 县区支部 in 其中县区支部5个. */
  pre: string;
  /** The noun after the unit: 基层支部 in 18个基层支部. */
  post: string;
  /** pre + post: everything that says what is counted. */
  words: string;
  categories: Category[];
}

/** How far back a figure that holds a phrase's start is looked for: longer than any date. */
const MAX_FIGURE = 40;
const FIGURE_KINDS = new Set(['count', 'money', 'measure', 'percent', 'points', 'multiple', 'rate', 'time', 'age']);
/** Markers that open a phrase, longest first. */
const MARKERS = [
  '其中', '分别为', '分别是', '分别有', '分别', '包括', '包含', '含', '另有', '还有', '共计', '合计', '总计', '一共', '累计', '共有',
  '现有', '尚有', '仍有', '剩余', '共', '有', '达到', '达',
];
/** List joins between items: 、 and the conjunctions. */
const JOINS = ['以及', '和', '及', '与', '、'];
/** First characters of the joins and markers. */
const LEAD_FIRST = charTable([...JOINS, ...MARKERS].map((w) => w[0]));
const VERB_END = /(?:完成|实现|开展|组织|举办|帮助|接待|发放|解决|培训|发展|新增|新建|引进|选派|推荐|收到|受理|办理|提出|参加|参与|召开|扶持|帮扶|慰问|建成|建立|建设|投入|落实|争取|安排|下达|拨付|筹集|吸纳|带动|服务|救助|资助|走访|排查|整改|办结|化解|调处|处理|查处|审计|检查|抽查|培育|认定|评选|表彰|命名|推广|种植|养殖|造林|植树|申报|立项|签约|引导|转移|安置|提供|惠及|覆盖|涉及|累计|共计|合计|总计|达到|达)$/;

/** The fields of a packed phrase (Phrases.rows: PHRASE_FIELDS numbers for each quantity). */
export const PHRASE_FIELDS = 4;
/** Its clause, as Clauses.refOf names it (NO_PHRASE: the quantity has no phrase). */
export const P_CLAUSE = 0;
export const P_START = 1;
/** Its marker's index in Phrases.markers. */
export const P_MARKER = 2;
/** -1: its words are the view's [start, q.start); else the index of its words in Phrases.pres (a bracket was left out of them). */
export const P_PRE = 3;
/** P_CLAUSE of a quantity outside every clause. */
export const NO_PHRASE = -0x80000000;
/**
 * Markers a derived version's table may hold: a derived table keeps the earlier versions'
 * markers too, and past this an edit reads the phrases whole, the table then made afresh from
 * the version's own markers (MARKERS and the rare runs of two of them: a document with more
 * than this of its own would have its phrases read whole at every edit, which costs time only).
 */
export const MAX_MARKERS = 256;

/**
 * Each quantity's phrase, by its index in quantities(doc) (q.index), kept packed: no object
 * per phrase (39,000 on a 1 M-character report; as objects, with the strings of their words,
 * they held 3.4 MB). A phrase's words are mostly a stretch of the view, kept as where it
 * starts (it ends at the figure); only words a bracket was cut out of are kept as strings.
 * Read with at(k), which makes the phrase on each call: compare phrases by index and clauses
 * with sameClause, not by identity.
 */
export class Phrases {
  constructor(
    readonly text: string,
    readonly qs: readonly Quantity[],
    readonly clauses: Clauses,
    /** PHRASE_FIELDS numbers for each quantity. */
    readonly rows: Int32Array,
    /** The markers the rows name ('' first). */
    readonly markers: readonly string[],
    /** The words not kept as a stretch of the view, in the order of their phrases. */
    readonly pres: readonly string[],
  ) {}

  get length(): number {
    return this.rows.length / PHRASE_FIELDS;
  }

  /** Whether quantity k has a phrase (no object made). */
  has(k: number): boolean {
    return k >= 0 && k < this.length && this.rows[k * PHRASE_FIELDS + P_CLAUSE] !== NO_PHRASE;
  }

  /** The sentence of quantity k's phrase (its clause's), or -1 when it has none: no object made. */
  sentenceOf(k: number): number {
    return this.has(k) ? this.clauses.sentenceOfRef(this.rows[k * PHRASE_FIELDS + P_CLAUSE]) : -1;
  }

  /** The index of quantity k's phrase's clause in its list, or -1 when it has none: no object made. */
  clauseIndexOf(k: number): number {
    return this.has(k) ? this.clauses.indexOfRef(this.rows[k * PHRASE_FIELDS + P_CLAUSE]) : -1;
  }

  /** The clause of quantity k's phrase (made on each call; no phrase made), or undefined. */
  clauseOf(k: number): Clause | undefined {
    return this.has(k) ? this.clauses.byRef(this.rows[k * PHRASE_FIELDS + P_CLAUSE]) : undefined;
  }

  /** Whether quantity k's phrase is in a bracketed note (its clause an aside's): no object made. */
  inAside(k: number): boolean {
    return this.has(k) && this.rows[k * PHRASE_FIELDS + P_CLAUSE] < 0;
  }

  /**
   * The first code unit of quantity k's marker, or of its words when it has none — what
   * `(p.marker || p.pre).charCodeAt(0)` reads — with no object made: NaN when both are empty
   * or it has no phrase. A rule that asks this of every figure makes the phrase only for those
   * whose first character it looks for (`figures/change`'s remainders: 33,000 phrases a check of
   * the 1 M bench report, 4.5 MB).
   */
  leadCode(k: number): number {
    if (!this.has(k)) return NaN;
    const o = k * PHRASE_FIELDS;
    const marker = this.markers[this.rows[o + P_MARKER]];
    if (marker) return marker.charCodeAt(0);
    const pre = this.rows[o + P_PRE];
    if (pre >= 0) return this.pres[pre].charCodeAt(0);
    const start = this.rows[o + P_START];
    return start < this.qs[k].start ? this.text.charCodeAt(start) : NaN;
  }

  /** Quantity k's marker ('' for none, or no phrase): no object made. */
  markerOf(k: number): string {
    return this.has(k) ? this.markers[this.rows[k * PHRASE_FIELDS + P_MARKER]] : '';
  }

  /**
   * Quantity k's words before the number (a phrase's `pre`; '' for no phrase), with no object
   * made, for reading there and then: a slice of this version's view, never to be kept (a
   * phrase's `pre` is a copy, ../detach.ts).
   */
  preOf(k: number): string {
    if (!this.has(k)) return '';
    const o = k * PHRASE_FIELDS;
    const pre = this.rows[o + P_PRE];
    return pre >= 0 ? this.pres[pre] : this.text.slice(this.rows[o + P_START], this.qs[k].start);
  }

  /** The phrase of quantity k (made on each call), or undefined. */
  at(k: number): Phrase | undefined {
    if (!this.has(k)) return undefined;
    const r = this.rows;
    const o = k * PHRASE_FIELDS;
    return new PackedPhrase(this, this.qs[k], this.clauses.byRef(r[o + P_CLAUSE]), r[o + P_START], this.markers[r[o + P_MARKER]], r[o + P_PRE]);
  }
}

/**
 * A phrase made from its packed row, for as long as a reader holds it. Its words are sliced
 * when first read (most readers of a phrase look at its clause only); its post is its
 * figure's `after`, its categories are read from its words when asked.
 */
class PackedPhrase implements Phrase {
  declare readonly q: Quantity;
  declare readonly clause: Clause;
  declare readonly start: number;
  declare readonly marker: string;
  declare private readonly of: Phrases;
  declare private readonly preAt: number;
  declare private read: string | undefined;
  constructor(of: Phrases, q: Quantity, clause: Clause, start: number, marker: string, preAt: number) {
    this.of = of;
    this.q = q;
    this.clause = clause;
    this.start = start;
    this.marker = marker;
    this.preAt = preAt;
    this.read = undefined;
  }
  get pre(): string {
    // A copy when read from the view: findings quote a phrase's words and are carried into later
    // versions, and a slice would keep this version's view alive with them (../detach.ts).
    return (this.read ??= this.preAt < 0 ? detached(this.of.text.slice(this.start, this.q.start)) : this.of.pres[this.preAt]);
  }
  get post(): string {
    return this.q.after;
  }
  get shownStart(): number {
    const qs = this.of.qs;
    const start = this.start;
    // Among the figures before this one that start less than MAX_FIGURE characters before the phrase.
    for (let j = this.q.index - 1; j >= 0 && qs[j].start > start - MAX_FIGURE; j--) if (qs[j].start < start && qs[j].end > start) return qs[j].start;
    return start;
  }
  /** pre + post, made when read: nothing follows the unit of most figures (then it is pre itself). */
  get words(): string {
    const after = this.q.after;
    return after ? this.pre + after : this.pre;
  }
  get categories(): Category[] {
    return categoriesOf(this.words);
  }
}

export function phrasesOf(doc: ReportDocument): Phrases {
  return doc.memo('figures:phrases', () => derivePhrases(doc) ?? readPhrases(doc.view.text, clausesOf(doc), quantities(doc)));
}

function readPhrases(text: string, clauses: Clauses, qs: Quantity[]): Phrases {
  const rows = new Int32Array(qs.length * PHRASE_FIELDS);
  const markers: string[] = [''];
  const markerIds = new Map<string, number>();
  const pres: string[] = [];
  let prev: Quantity | undefined;
  let prevClause = NO_CLAUSE;
  // The figures are in text order: their clauses are found walking forward, named by
  // number (Clauses.refOf: one clause, one number; no clause object made).
  const clauseAt = clauses.refCursor();
  for (let qi = 0; qi < qs.length; qi++) {
    const q = qs[qi];
    const clause = clauseAt(q.numStart);
    const o = qi * PHRASE_FIELDS;
    if (clause === NO_CLAUSE) {
      rows[o + P_CLAUSE] = NO_PHRASE;
      continue;
    }
    const sameClause = prev !== undefined && prevClause === clause;
    // The phrase starts after the previous quantity of the clause, or at the clause start,
    // and after the last list join before the number; a note in brackets inside it
    // (村（社区）妇联) is left out of its words.
    const from = sameClause ? prev!.end : clauses.startOfRef(clause);
    // The words run back from the number; a bracket inside them is left out, so the run is
    // sliced segment by segment (segEnd: end of the segment being read). Most words hold no
    // bracket: they are read in place, as the view's [start, q.start), and no string is made.
    let run = '';
    let cut = false; // a bracket was left out: the words are `run`
    let start = q.start;
    let segEnd = q.start;
    for (let k = q.start - 1; k >= from; k--) {
      const c = text.charCodeAt(k);
      if (c === 0xff09 /* ） */) {
        // The nearest （ before it, if within 40 characters and the phrase.
        let open = k - 1;
        const stop = Math.max(from, k - 40);
        while (open >= stop && text.charCodeAt(open) !== 0xff08) open--;
        if (open >= stop) {
          run = text.slice(k + 1, segEnd) + run;
          cut = true;
          k = open;
          start = open;
          segEnd = open;
          continue;
        }
        break;
      }
      // 、 （ or anything but Han, quotes and the low half of a surrogate pair ends the words.
      if (c === 0x3001 || c === 0xff08 || !(isHanAt(text, k) || c === 0x201c || c === 0x201d || (c >= 0xdc00 && c <= 0xdfff))) break;
      start = k;
    }
    if (cut) run = text.slice(start, segEnd) + run;
    // An age band written as a figure right before the noun (45岁以下学员) belongs to the
    // item's words: it is the category that divides, not a phrase of its own.
    if (sameClause && start === from && prev!.kind === 'age' && (cut ? run.length : q.start - start) > 0) {
      if (cut) run = text.slice(prev!.start, prev!.end) + run;
      start = prev!.start;
    }
    // The words as `str` [off, end): the view itself, or the run a bracket was cut out of.
    const str = cut ? run : text;
    let off = cut ? 0 : start;
    const end = cut ? run.length : q.start;
    let marker = '';
    // Most words open with neither a join nor a marker: one table lookup decides.
    for (let again = off < end && LEAD_FIRST[str.charCodeAt(off)] === 1; again; ) {
      again = false;
      // Indexed loops: a for…of here made an iterator result per word tried.
      for (let w = 0; w < JOINS.length; w++) {
        const j = JOINS[w];
        // 和/及 join items only after another item of the clause (和谐社区 is a word).
        if (end - off > j.length && str.startsWith(j, off) && (j === '、' || sameClause)) {
          off += j.length;
          start += j.length;
          again = true;
        }
      }
      for (let w = 0; w < MARKERS.length; w++) {
        const m = MARKERS[w];
        if (end - off >= m.length && str.startsWith(m, off) && (m.length > 1 || end - off > 1)) {
          marker = marker ? marker + m : m;
          off += m.length;
          start += m.length;
          again = true;
          break;
        }
      }
    }
    rows[o + P_CLAUSE] = clause;
    rows[o + P_START] = start;
    let m = markerIds.get(marker);
    if (m === undefined) {
      m = marker ? markers.push(marker) - 1 : 0;
      markerIds.set(marker, m);
    }
    rows[o + P_MARKER] = m;
    // Most words are the view's stretch up to the figure; the others are kept, as copies:
    // they are carried into later versions (../detach.ts), and a slice would keep this version's view alive.
    if (!cut) rows[o + P_PRE] = -1;
    else {
      const s = run.slice(off);
      if (s.length === q.start - start && text.startsWith(s, start)) rows[o + P_PRE] = -1;
      else rows[o + P_PRE] = pres.push(detached(s)) - 1;
    }
    // Numbers inside names and dates (“两新”组织, 2021年) do not divide a clause into phrases.
    if (FIGURE_KINDS.has(q.kind)) {
      prev = q;
      prevClause = clause;
    }
  }
  return new Phrases(text, qs, clauses, rows, markers, pres);
}

/** The words of a phrase without a trailing verb (税务部门完成 → 税务部门). */
export function subjectOf(p: Phrase): string {
  return p.pre.replace(VERB_END, '') + p.post;
}

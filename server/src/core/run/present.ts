// What the editor shows, in what order. VS Code draws squiggles and hovers for the first
// few hundred problems of a file only, in the order they arrive: a pasted report with 635
// pinyin annotations would hide its one wrong figure. So:
//  - many findings of one foldable rule in one paragraph become one finding
//    (`本段有12处拼音注音，应删除`) carrying one fix for all of them and every place in its
//    related information; each place is still marked, as a hint sent last;
//  - findings are ordered by importance: errors, then figures, then the outline, then the
//    other warnings, then information and hints; within a rank, by position — or, for an
//    editor that keeps only so many per file (VS Code: 1000, squiggles on 500), by distance
//    from where the writer last edited, so that what they are working on is among those kept.
// Plain data in, plain data out: the LSP layer converts the result.
import { RULES_BY_ID } from '../rules';
import { familyOf } from '../rule';
import { lineIndexAt, type Line } from '../model/lines';
import { collectEdits } from './fix';
import { isOwnRange, type Finding, type Fix, type HeldFix, type Msg, type RelatedSpan, type Severity } from '../types';
import { FindingList } from './finding-list';

/** A paragraph with this many findings of one foldable rule shows them as one. */
export const FOLD_MIN = 5;

export interface Shown extends Finding {
  /** How many findings this one stands for (a folded group), when more than one. */
  folded?: number;
  /** One place of a folded group, sent as a hint after everything else. */
  member?: boolean;
}

/** Importance rank: lower is shown first. */
export function rank(f: Shown): number {
  return f.member ? MAX_RANK : rankOf(f.severity, f.rule);
}

/** The rank of a finding (not a place of a folded group) of this severity and rule. */
function rankOf(severity: Severity, rule: string): number {
  if (severity === 'error') return 0;
  const family = familyOf(rule);
  if (family === 'figures') return severity === 'hint' ? 5 : 1;
  if (severity === 'warning') return family === 'outline' ? 2 : 3;
  if (severity === 'information') return family === 'outline' ? 4 : 5;
  return 6;
}

/**
 * What firstShown and foldGroups read of each finding, from a list of findings or a packed one
 * (finding-list.ts: read without making the findings; only those shown are made).
 */
interface Findings {
  readonly length: number;
  severity(k: number): Severity;
  rule(k: number): string;
  start(k: number): number;
  end(k: number): number;
  at(k: number): Finding;
}

function accessOf(findings: readonly Finding[] | FindingList): Findings {
  if (findings instanceof FindingList) return findings;
  return {
    length: findings.length,
    severity: (k) => findings[k].severity,
    rule: (k) => findings[k].rule,
    start: (k) => findings[k].start,
    end: (k) => findings[k].end,
    at: (k) => findings[k],
  };
}

/**
 * The findings as the editor shows them: folded per paragraph, most important first; within a
 * rank by position, or, given `near` (an offset: where the text last changed), nearest first.
 */
export function forDisplay(findings: readonly Finding[], lines: Line[], foldMin = FOLD_MIN, near?: number): Shown[] {
  return firstShown(findings, lines, Infinity, near, foldMin).shown;
}

/**
 * The first `limit` findings of forDisplay(findings, lines, foldMin, near), and how many it
 * has in all, without ordering (or making) those that cannot be among them: on a 1 M report,
 * 44,000 shown for the 1000 an editor keeps.
 */
export function firstShown(findings: readonly Finding[] | FindingList, lines: Line[], limit: number, near?: number, foldMin = FOLD_MIN): { shown: Shown[]; total: number } {
  const fs = accessOf(findings);
  const groups = groupsOf(fs, lines);
  // What is shown, by index: a finding alone, a paragraph's findings of one rule to fold (made
  // into one only if among the first `limit`), or a place of a folded group (made: a hint).
  const out: (number | number[] | Shown)[] = [];
  const inGroup = new Uint8Array(fs.length);
  const members: number[][] = [];
  let memberCount = 0;
  for (const g of groups) {
    if (g.length < foldMin) continue;
    for (const k of g) inGroup[k] = 1;
    out.push(g);
    members.push(g);
    memberCount += g.length;
  }
  for (let k = 0; k < fs.length; k++) if (!inGroup[k]) out.push(k);
  const total = out.length + memberCount;
  // The places of folded groups (hints, the last rank) only when they can be among the first `limit`.
  if (out.length < limit) for (const g of members) for (const k of g) out.push(memberOf(fs.at(k)));
  // A folded group ranks and stands where its first finding does (foldGroup keeps its severity and span).
  const head = (x: number | number[] | Shown): number => (typeof x === 'number' ? x : Array.isArray(x) ? x[0] : -1);
  // By rank, then position (or distance from `near`); ties keep their order (a stable sort). Ranks computed once each.
  const ranks = out.map((x) => {
    const k = head(x);
    return k < 0 ? rank(x as Shown) : rankOf(fs.severity(k), fs.rule(k));
  });
  // Only the ranks that reach the first `limit` are ordered.
  let upTo = MAX_RANK;
  if (out.length > limit) {
    const perRank = new Array<number>(MAX_RANK + 1).fill(0);
    for (const r of ranks) perRank[r]++;
    let n = 0;
    for (upTo = 0; upTo < MAX_RANK && (n += perRank[upTo]) < limit; upTo++);
  }
  const order: number[] = [];
  for (let i = 0; i < out.length; i++) if (ranks[i] <= upTo) order.push(i);
  const starts = new Float64Array(out.length);
  const ends = new Float64Array(out.length);
  for (const i of order) {
    const k = head(out[i]);
    starts[i] = k < 0 ? (out[i] as Shown).start : fs.start(k);
    ends[i] = k < 0 ? (out[i] as Shown).end : fs.end(k);
  }
  if (near !== undefined) {
    const far = new Float64Array(out.length);
    for (const i of order) far[i] = ends[i] < near ? near - ends[i] : starts[i] > near ? starts[i] - near : 0;
    order.sort((i, j) => ranks[i] - ranks[j] || far[i] - far[j] || starts[i] - starts[j] || ends[i] - ends[j] || i - j);
  } else order.sort((i, j) => ranks[i] - ranks[j] || starts[i] - starts[j] || ends[i] - ends[j] || i - j);
  if (order.length > limit) order.length = limit;
  const shown = order.map((i) => {
    const x = out[i];
    return typeof x === 'number' ? fs.at(x) : Array.isArray(x) ? foldGroup(x.map((k) => fs.at(k))) : x;
  });
  return { shown, total };
}

/**
 * The findings that could fold, by rule and line: for each foldable rule (not at error) and
 * line, the indices of its findings there, the groups in the order of their first finding.
 * Findings in text order (as every analysis gives them) are grouped one line at a time, each
 * rule's group of the line in an array by rule number; others by a map keyed by rule number
 * and line. Either way, no string key per finding (a third of this on 40,000 findings), and a
 * rule looked up only when it differs from the last finding's (foldNumbers).
 */
export function foldGroups(findings: readonly Finding[] | FindingList, lines: Line[]): number[][] {
  return groupsOf(accessOf(findings), lines);
}

function groupsOf(findings: Findings, lines: Line[]): number[][] {
  const numberOf = foldNumbers();
  // Findings mostly come in text order: each one's line is looked for from the last one's first.
  let li = 0;
  const lineOf = (offset: number): number => {
    if (offset >= lines[li].start && (li + 1 === lines.length || offset < lines[li + 1].start)) return li;
    if (li + 2 < lines.length && offset >= lines[li + 1].start && offset < lines[li + 2].start) return ++li;
    return (li = lineIndexAt(lines, offset));
  };
  const groups: number[][] = [];
  // The current line's groups by rule number, and the rule numbers that have one.
  let line = -1;
  const onLine: (number[] | undefined)[] = [];
  const touched: number[] = [];
  for (let k = 0; k < findings.length; k++) {
    if (findings.severity(k) === 'error') continue;
    const r = numberOf(findings.rule(k));
    if (r < 0) continue;
    const l = lineOf(findings.start(k));
    if (l !== line) {
      // A line before the last one's: not in text order.
      if (l < line) return foldGroupsByKey(findings, lines, lineOf);
      for (const t of touched) onLine[t] = undefined;
      touched.length = 0;
      line = l;
    }
    let g = onLine[r];
    if (!g) {
      onLine[r] = g = [];
      touched.push(r);
      groups.push(g);
    }
    g.push(k);
  }
  return groups;
}

/** foldGroups for findings in any order: keyed by rule number × lines + line. */
function foldGroupsByKey(findings: Findings, lines: Line[], lineOf: (offset: number) => number): number[][] {
  const numberOf = foldNumbers();
  const groups = new Map<number, number[]>();
  for (let k = 0; k < findings.length; k++) {
    if (findings.severity(k) === 'error') continue;
    const r = numberOf(findings.rule(k));
    if (r < 0) continue;
    const key = r * lines.length + lineOf(findings.start(k));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(k);
  }
  return [...groups.values()];
}

/**
 * Numbers for the rules that fold, in the order they are asked about (-1 for a rule that does
 * not): looked up once per rule, and not at all for the rule asked about last (rule ids are the
 * rules' own strings: compared by reference).
 */
function foldNumbers(): (rule: string) => number {
  const numbers = new Map<string, number>();
  let folds = 0;
  let lastRule = '';
  let lastNo = -1;
  return (rule) => {
    if (rule === lastRule) return lastNo;
    let no = numbers.get(rule);
    if (no === undefined) numbers.set(rule, (no = RULES_BY_ID.get(rule)?.fold ? folds++ : -1));
    lastRule = rule;
    return (lastNo = no);
  };
}

/** A place of a folded group: the finding as a hint (one literal: a spread was ≈1 µs a place). */
function memberOf(f: Finding): Shown {
  return { rule: f.rule, severity: 'hint', start: f.start, end: f.end, message: f.message, fix: f.fix, related: f.related, member: true };
}

/** The last rank (places of folded groups). */
const MAX_RANK = 7;

/** One finding for a paragraph's findings of one rule (same severity as theirs). */
function foldGroup(g: Finding[]): Shown {
  const first = g[0];
  const fold = RULES_BY_ID.get(first.rule)!.fold!;
  const n = g.length;
  const fixes = g.filter((f) => f.fix);
  let fix: Fix | undefined;
  if (fixes.length) {
    fix = {
      title: { zh: `本段${n}处${fold.noun.zh}一并修复`, en: `Fix the ${n} ${fold.noun.en} in this paragraph` },
      edits: collectEdits(fixes, () => true),
      safe: fixes.every((f) => f.fix!.safe),
    };
  }
  const message: Msg = {
    zh: `本段有${n}处${fold.noun.zh}，${fold.action.zh}`,
    en: `${n} ${fold.noun.en} in this paragraph: ${fold.action.en}`,
  };
  return {
    rule: first.rule,
    severity: first.severity,
    start: first.start,
    end: first.end,
    message,
    fix,
    related: g.map((f) => ({ start: f.start, end: f.end, message: f.message })),
    folded: n,
  };
}

/**
 * Do two lists hold the same findings, one for one and in the same order: the same rule,
 * severity, ranges, words, fix and related places? Then they are shown alike
 * (run/incremental.ts: a full result whose whole-document findings are those its quick result
 * carried over takes the quick result's list, and the server sends it no more).
 * Strict: a fix held as OwnRangeFix and the same fix written out with its edit differ.
 */
export function sameFindings(a: readonly Finding[] | FindingList, b: readonly Finding[] | FindingList): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const x = accessOf(a);
  const y = accessOf(b);
  // Two packed lists: a finding held by both as one object (a shared one, at the same range) is the same, not made to be compared.
  const held = a instanceof FindingList && b instanceof FindingList;
  for (let i = 0; i < a.length; i++) {
    if (x.start(i) !== y.start(i) || x.end(i) !== y.end(i)) return false;
    if (held && a.heldAt(i) === b.heldAt(i)) continue;
    if (!sameFinding(x.at(i), y.at(i))) return false;
  }
  return true;
}

function sameFinding(f: Finding, g: Finding): boolean {
  if (f === g) return true;
  return f.start === g.start && f.end === g.end && f.rule === g.rule && f.severity === g.severity && sameMsg(f.message, g.message) && sameFix(f.fix, g.fix) && sameRelated(f.related, g.related);
}

const sameMsg = (m: Msg, n: Msg): boolean => m === n || (m.zh === n.zh && m.en === n.en);

function sameFix(x: HeldFix | undefined, y: HeldFix | undefined): boolean {
  if (x === y) return true;
  if (!x || !y || x.safe !== y.safe || !sameMsg(x.title, y.title)) return false;
  if (isOwnRange(x) || isOwnRange(y)) return isOwnRange(x) && isOwnRange(y) && x.newText === y.newText;
  const e = x.edits;
  const d = y.edits;
  if (e.length !== d.length) return false;
  for (let i = 0; i < e.length; i++) if (e[i].start !== d[i].start || e[i].end !== d[i].end || e[i].newText !== d[i].newText) return false;
  return true;
}

function sameRelated(r: readonly RelatedSpan[] | undefined, s: readonly RelatedSpan[] | undefined): boolean {
  if (r === s) return true;
  // No related places and an empty list are shown alike (toDiagnostic: no relatedInformation).
  if (!r?.length || !s?.length) return !r?.length && !s?.length;
  if (r.length !== s.length) return false;
  for (let i = 0; i < r.length; i++) if (r[i].start !== s[i].start || r[i].end !== s[i].end || !sameMsg(r[i].message, s[i].message)) return false;
  return true;
}

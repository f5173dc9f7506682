// Run the rules over one document: text → model → rules → findings.
import { DEFAULT_CONFIG, withDefaults, type Config } from '../config/config';
import { ReportDocument } from '../model/document';
import { familyOf, type Rule } from '../rule';
import { RULES } from '../rules';
import { withoutIgnored } from './ignore';
import { ChunkedBuilder } from '../chunked';
import { isOwnRange, type Finding, type Fix, type HeldFix, type OwnRangeFix, type Report, type Severity, type Span } from '../types';

export interface CheckResult {
  doc: ReportDocument;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The severity a rule runs at under `config`, or undefined when it is off. */
export function effectiveSeverity(rule: Rule, config: Config): Severity | undefined {
  const rules = config.rules;
  // Most configs set no rule: no family key is made then.
  if (isEmpty(rules)) return rule.severity;
  const set = rules[rule.id] ?? rules[familyKey(rule.id)];
  if (set === 'off') return undefined;
  return set ?? rule.severity;
}

const FAMILY_KEYS = new Map<string, string>();

/** `text/*` for `text/stray-space`, made once per rule id. */
function familyKey(id: string): string {
  let k = FAMILY_KEYS.get(id);
  if (k === undefined) FAMILY_KEYS.set(id, (k = `${familyOf(id)}/*`));
  return k;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export function check(text: string, partial?: Partial<Config>, rules: readonly Rule[] = RULES): CheckResult {
  const config = withDefaults(partial);
  const doc = new ReportDocument(text);
  const large = tooLarge(text, config);
  if (large) return { doc, findings: [large] };
  // Gathered in chunks and made one array at its size (chunked.ts): grown by pushes, the 42,000
  // findings of the 1 M bench report were a large object mapped afresh at each of four growths.
  const found = new ChunkedBuilder<Finding>(1024);
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, config);
    if (severity) runRule(doc, rule, config, severity, found);
  }
  const findings = found.toArray();
  sortFindings(findings);
  return { doc, findings: withoutIgnored(text, doc.lines, findings, config.ignore) };
}

/** The one finding for a text over `config.maxDocumentSize`, which is not checked; else undefined. */
export function tooLarge(text: string, config: Config): Finding | undefined {
  // A limit that is not a number (a hand-edited config file) means the default.
  const limit = Number.isFinite(config.maxDocumentSize) && config.maxDocumentSize >= 0 ? config.maxDocumentSize : DEFAULT_CONFIG.maxDocumentSize;
  if (text.length <= limit) return undefined;
  return {
    rule: 'text/too-large',
    severity: 'information',
    start: 0,
    end: 0,
    message: {
      zh: `文档过大，共${text.length}个字符，超过上限${limit}个，未检查；上限在设置“workreport.maxDocumentSize”中调整`,
      en: `Not checked: the document is too large, ${text.length} characters over the limit of ${limit} (setting “workreport.maxDocumentSize”)`,
    },
  };
}

/**
 * Runs one rule on a document at `severity`, appending its findings to `findings` in the order
 * it reported them. A rule that throws leaves one finding that says so (one broken rule must
 * not take the others down); the result is then false.
 */
export function runRule(doc: ReportDocument, rule: Rule, config: Config, severity: Severity, findings: { push(f: Finding): unknown }): boolean {
  const text = doc.text;
  const id = rule.id;
  const report = (r: Report) => {
    // Each field of the report read once: reports come in many shapes (one or more a rule), and
    // each read is a lookup in V8's cache of shapes, not a load at a known place.
    const rStart = r.start;
    const rEnd = r.end;
    const given = r.fix;
    let start = rStart;
    let end = rEnd;
    // The common case without an object: integers inside the text, splitting nothing.
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length && !splits(text, start) && !splits(text, end))) {
      ({ start, end } = snapOut(text, start, end));
    }
    // A rule may lower its severity for a less certain finding, never raise it
    // above what the user set.
    const sev = r.severity && RANK[r.severity] > RANK[severity] ? r.severity : severity;
    // No fix edits a garbled run: the lost words are the writer's to restore. A rule that
    // says it cannot fix has its fix dropped (fix-all runs only the rules that can: fix.ts).
    if (given && !rule.fixable) checkHooks.onRepair?.(id, 'fix from a rule that is not fixable (fix dropped)');
    const fix = given && rule.fixable ? heldFix(doc, id, given, rStart, rEnd, start, end) : undefined;
    // One literal with its fix, not a fix added later (a second shape and a property store per finding).
    const f: Finding = fix ? { rule: id, severity: sev, start, end, message: r.message, fix } : { rule: id, severity: sev, start, end, message: r.message };
    if (r.related) {
      f.related = r.related.map((x) => {
        const { start, end } = snapOut(text, x.start, x.end);
        return { message: x.message, start, end };
      });
    }
    // Built field by field (no spread): a document can have 100,000 findings.
    findings.push(f);
  };
  try {
    rule.check(doc, { config, report });
    return true;
  } catch (e) {
    // Surface it as a finding.
    findings.push({
      rule: rule.id,
      severity: 'information',
      start: 0,
      end: 0,
      message: { zh: `规则内部错误：${String(e)}`, en: `Internal error in rule: ${String(e)}` },
    });
    return false;
  }
}

/**
 * The fix a finding holds, or undefined when it is unsafe (an edit touches a garbled run, or
 * is out of range, splits a character or a CRLF, overlaps another): a fix of the finding's
 * own range as an OwnRangeFix (the rule's own when it reported one), any other as a Fix.
 * `given`: the rule's fix of its finding at [rStart, rEnd); `start`/`end`: the finding's range
 * as kept (snapped to whole characters).
 */
function heldFix(doc: ReportDocument, rule: string, given: Fix | OwnRangeFix, rStart: number, rEnd: number, start: number, end: number): HeldFix | undefined {
  const text = doc.text;
  const bom = text.charCodeAt(0) === 0xfeff;
  if (isOwnRange(given)) {
    // The common case: the rule's own OwnRangeFix over a range that needed no snapping, off the BOM.
    if (start === rStart && end === rEnd && !(bom && start === 0)) return touches(start, end, doc.garbled) ? undefined : given;
  } else if (!bom && given.edits.length === 1) {
    // The other common case: a Fix of one edit over the finding's range as kept, which is
    // already known whole (integers in the text, splitting nothing): safeFix would keep it as
    // it is, and it is held as the OwnRangeFix of its words.
    const e = given.edits[0];
    if (e.start === start && e.end === end && typeof e.newText === 'string') return touches(start, end, doc.garbled) ? undefined : { title: given.title, newText: e.newText, safe: given.safe };
  }
  const fix: Fix = isOwnRange(given) ? { title: given.title, edits: [{ start: rStart, end: rEnd, newText: given.newText }], safe: given.safe } : given;
  if (touchesGarbled(fix.edits, doc.garbled)) return undefined;
  const safe = safeFix(text, rule, fix);
  if (!safe || safe.edits.length !== 1) return safe;
  const e = safe.edits[0];
  if (e.start !== start || e.end !== end) return safe;
  return isOwnRange(given) && given.newText === e.newText ? given : { title: safe.title, newText: e.newText, safe: safe.safe };
}

/** Findings in document order: by start, end, then rule id (a stable sort: a rule's own ties keep its order). */
export function sortFindings(findings: Finding[]): void {
  // A stable merge sort of the runs already in order (each rule reports mostly in document
  // order, so a check's findings are a few dozen runs): the same order as
  // findings.sort(compareFindings), compared by comesBefore (as the merges of packed lists compare).
  const n = findings.length;
  if (n < 2) return;
  let runs: number[] = [0];
  for (let i = 1; i < n; i++) if (compareFindings(findings[i - 1], findings[i]) > 0) runs.push(i);
  if (runs.length === 1) return;
  runs.push(n);
  let src = findings;
  let dst: Finding[] = new Array<Finding>(n);
  // Merge neighbouring runs pairwise until one is left (ties: the earlier run's first).
  while (runs.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const lo = runs[r];
      const mid = runs[r + 1];
      const hi = r + 2 < runs.length ? runs[r + 2] : mid;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = src[i];
        const b = src[j];
        dst[k++] = comesBefore(b.start, b.end, b.rule, a.start, a.end, a.rule) ? src[j++] : src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
      next.push(hi);
    }
    if (next[next.length - 1] !== n) next.push(n);
    runs = next;
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== findings) for (let k = 0; k < n; k++) findings[k] = src[k];
}

/**
 * Does a finding at [start, end) of `rule` come before one at [otherStart, otherEnd) of
 * `otherRule` in the order of sortFindings? Read by the merges, which hold findings packed or
 * as objects.
 */
export function comesBefore(start: number, end: number, rule: string, otherStart: number, otherEnd: number, otherRule: string): boolean {
  return start !== otherStart ? start < otherStart : end !== otherEnd ? end < otherEnd : rule < otherRule;
}

/** The order of sortFindings. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Does any edit overlap (or insert strictly inside) a garbled span? (Spans sorted, disjoint.) */
function touchesGarbled(edits: readonly Span[], garbled: readonly Span[]): boolean {
  if (!garbled.length) return false;
  for (const e of edits) if (touches(e.start, e.end, garbled)) return true;
  return false;
}

/** Does the edit of [start, end) overlap (or insert strictly inside) a garbled span? (Spans sorted, disjoint.) */
function touches(start: number, end: number, garbled: readonly Span[]): boolean {
  if (!garbled.length) return false;
  // The first garbled span that ends after the edit starts (binary search: fixes are many).
  let lo = 0;
  let hi = garbled.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (garbled[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const g = garbled[lo];
  if (!g) return false;
  return (start < g.end && end > g.start) || (start === end && start > g.start && start < g.end);
}

/**
 * The safety net under every rule (SPEC §8): what reaches the user never splits a surrogate
 * pair or a CRLF and never edits the BOM, whatever a rule computed. Each repair is a rule
 * bug; the property tests listen on `checkHooks.onRepair` and fail on it.
 */
export const checkHooks: { onRepair?: (rule: string, what: string) => void } = {};

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Offset i is inside a surrogate pair or between the CR and LF of a CRLF. */
function splits(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  return (isHigh(a) && isLow(b)) || (a === 13 && b === 10);
}

/** The range clamped to the text and widened to whole characters and line breaks. */
function snapOut(text: string, s: number, e: number): Span {
  // The common case, first: integers inside the text, splitting nothing.
  if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length && !splits(text, s) && !splits(text, e)) {
    return { start: s, end: e };
  }
  let start = Number.isFinite(s) ? Math.max(0, Math.min(Math.trunc(s), text.length)) : 0;
  let end = Number.isFinite(e) ? Math.max(start, Math.min(Math.trunc(e), text.length)) : start;
  if (splits(text, start)) start--;
  if (splits(text, end)) end++;
  return { start, end };
}

/** The fix as given, with a BOM-touching edit moved past the BOM; undefined when it is unsafe to apply. */
function safeFix(text: string, rule: string, fix: Fix): Fix | undefined {
  const bom = text.charCodeAt(0) === 0xfeff;
  let edits = fix.edits;
  if (edits.length === 1 && !bom) {
    // The common case: one edit.
    const e = edits[0];
    const ok = Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length &&
      typeof e.newText === 'string' && !splits(text, e.start) && !splits(text, e.end);
    if (ok) return fix;
  }
  if (bom && edits.some((e) => e.start === 0 && (e.end > 0 || e.newText.length > 0))) {
    checkHooks.onRepair?.(rule, 'fix edit touches the BOM (moved after it)');
    edits = edits.map((e) => (e.start === 0 ? { ...e, start: 1, end: Math.max(1, e.end) } : e));
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const bad =
      !Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > text.length || e.start > e.end ||
      typeof e.newText !== 'string' || splits(text, e.start) || splits(text, e.end) || (i > 0 && e.start < sorted[i - 1].end);
    if (bad) {
      checkHooks.onRepair?.(rule, `fix edit ${e.start}..${e.end} is out of range, splits a character or CRLF, or overlaps (fix dropped)`);
      return undefined;
    }
  }
  return edits === fix.edits ? fix : { ...fix, edits };
}

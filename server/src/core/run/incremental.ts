// Checking a document again after an edit, re-reading only the lines the edit touched.
//
// The rules that read each line on its own (`Rule.perLine`: typography, and the figures
// relations that lie within a paragraph) have their findings kept per line, by the line's
// text (with its break). A new version of the document reads only the lines whose text the
// previous version did not have — each alone, as a document of its own — and takes every
// other line's findings over, moved to where the line now is (the same objects when it has
// not moved). The rules that read the whole document (outline, restated figures, shares of a
// whole named elsewhere, the script of the document…) run on the whole document each time.
//
// The result is check()'s on the same text, finding for finding and in the same order:
// test/property/incremental.property.test.ts holds it after random edits. Where a line read
// alone could differ from the line in its document, the document is read whole: the first
// version and any version that shares few lines with the one before (then the per-line
// findings are sorted out of the whole check), a rule that stops at a cap (MAX_FINDINGS) and
// reaches it, a rule that failed on a line, a later line that starts with U+FEFF (alone it
// would read as a byte-order mark), a text with old Mac line ends (a lone CR: some scans stop
// only at LF and read on into the line before).
//
// In two phases, for the server on large documents (`start()` → CheckRun): the lines are read
// first, and the quick result — the per-line rules' findings, fresh, with the whole-document
// rules' findings of the last full result carried over to the new text (carriedOver: moved
// past the edit, those touching it left out) — is ready before any whole-document rule runs;
// the rules that read the whole document then run one per step, so that the caller can yield
// between them and drop the run when a newer version arrives. check() runs every step at once.
import { withDefaults, type Config } from '../config/config';
import { ReportDocument } from '../model/document';
import { changedSpan, deriveDocument } from '../model/derive';
import { lineIndexAt, type Line } from '../model/lines';
import type { Rule } from '../rule';
import { RULES } from '../rules';
import type { Finding, Severity, Span } from '../types';
import { compareFindings, effectiveSeverity, runRule, sortFindings, tooLarge, type CheckResult } from './check';
import { withoutIgnored } from './ignore';
import type { ModelPart } from './slices';

/** One line's findings per per-line rule, at `base` (the line's start when they were made); undefined where the rule failed on it. */
interface LineFindings {
  base: number;
  byRule: (Finding[] | undefined)[];
}

export interface IncrementalResult extends CheckResult {
  /** Lines whose findings were taken over / read anew; `whole`: the document was checked whole. */
  reused: number;
  read: number;
  whole: boolean;
  /**
   * `full`: check()'s findings. `quick`: the per-line rules' findings (check()'s for those
   * rules) with the whole-document rules' findings of the last full result carried over to
   * this text (`carried` of them); those that touch what changed wait for the full result.
   */
  phase: 'quick' | 'full';
  carried?: number;
}

/**
 * One check of one version, in slices (`IncrementalChecker.start`): the lines the edit touched
 * are read when it starts, so `quick()` costs little more than a sort; each `step()` runs one
 * rule that reads the whole document. A run overtaken by a later one on the same checker may
 * simply be dropped: a run changes what the checker holds at its end only if it is still the
 * latest (the lines it read are kept when it starts: they are kept by their text).
 */
export interface CheckRun {
  /** The quick result; undefined when there is nothing to carry over (the document is read whole: the first version, new settings, a large edit). */
  quick(): IncrementalResult | undefined;
  /** Runs the next slice (one whole-document rule): the full result once every rule has run, else undefined. */
  step(): IncrementalResult | undefined;
  /** Runs what is left: the full result. */
  finish(): IncrementalResult;
}

/** The last full result's findings of the whole-document rules (sorted, ignores not applied) and its text. */
interface Carry {
  text: string;
  findings: Finding[];
}

/** Read the whole document when fewer than this share of its lines are known. */
const KNOWN_SHARE = 0.5;

export class IncrementalChecker {
  private byText = new Map<string, LineFindings>();
  private configKey: string | undefined;
  private carry: Carry | undefined;
  /**
   * The document of the last run that ended (every part its rules read built): the next
   * version's model parts are derived from its (model/derive.ts) — not from a run dropped
   * before it built them, which the server does when versions come faster than runs end.
   */
  private base: ReportDocument | undefined;
  /** Runs started: a run changes the checker's state at its end only when none started after it. */
  private started = 0;
  private readonly lineRules: readonly Rule[];
  private readonly lineIds: ReadonlySet<string>;

  constructor(readonly rules: readonly Rule[] = RULES) {
    this.lineRules = rules.filter((r) => r.perLine);
    this.lineIds = new Set(this.lineRules.map((r) => r.id));
  }

  /**
   * A checker that knows what this one knows, for texts derived from the last version (fix-all
   * rounds); this one is left as it is. `rules`: run only these (some of this checker's rules;
   * fix-all needs only the rules that can fix), in registry order.
   */
  fork(rules?: readonly Rule[]): IncrementalChecker {
    const c = new IncrementalChecker(rules ? this.rules.filter((r) => rules.includes(r)) : this.rules);
    if (c.lineRules.length === this.lineRules.length) c.byText = new Map(this.byText);
    else {
      const from = c.lineRules.map((r) => this.lineRules.indexOf(r));
      for (const [seg, e] of this.byText) c.byText.set(seg, { base: e.base, byRule: from.map((k) => e.byRule[k]) });
    }
    if (c.rules.length === this.rules.length) c.carry = this.carry;
    c.configKey = this.configKey;
    return c;
  }

  /** Distinct lines held (those of the last version). */
  get size(): number {
    return this.byText.size;
  }

  /** The full result at once: check()'s findings. */
  check(text: string, partial?: Partial<Config>): IncrementalResult {
    return this.start(text, partial).finish();
  }

  /**
   * A check of `text` to run in slices (see CheckRun): the lines it touched are read now, the
   * rules that read the whole document one per step. `parts`: model parts to build one per step
   * before those rules (memoised on the document, so the findings are the same; run/slices.ts).
   */
  start(text: string, partial?: Partial<Config>, parts: readonly ModelPart[] = []): CheckRun {
    const id = ++this.started;
    const latest = () => id === this.started;
    const config = withDefaults(partial);
    const doc = this.base ? deriveDocument(this.base, text) : new ReportDocument(text);
    const large = tooLarge(text, config);
    if (large) {
      this.byText.clear();
      this.carry = undefined;
      const r: IncrementalResult = { doc, findings: [large], reused: 0, read: 0, whole: true, phase: 'full' };
      return { quick: () => undefined, step: () => r, finish: () => r };
    }
    // Findings depend on the settings (severities, terms…), not on what is ignored (applied last).
    const key = JSON.stringify({ ...config, ignore: undefined });
    if (key !== this.configKey) {
      this.byText.clear();
      this.carry = undefined;
      this.configKey = key;
    }
    const lines = doc.lines;
    const segs = lines.map((l) => text.slice(l.start, l.index + 1 < lines.length ? lines[l.index + 1].start : text.length));
    let known = 0;
    for (const s of segs) if (this.byText.has(s)) known++;
    const local = lineLocal(text, segs);
    const whole = known < KNOWN_SHARE * segs.length || !local;
    const carry = this.carry;
    const part = whole ? undefined : this.readLines(doc, config, segs);
    const steps = part ? this.incremental(doc, config, part, parts) : this.whole(doc, config, segs, local, latest, parts);

    // The per-line rules' findings, sorted once for the quick result and the full one.
    let lineSorted: Finding[] | undefined;
    const ownSorted = (p: LinePart): Finding[] => {
      if (lineSorted) return lineSorted;
      const own: Finding[] = [];
      this.lineRules.forEach((rule, k) => {
        if (p.severities[k]) for (const f of p.byRule(k)) own.push(f);
      });
      sortFindings(own);
      return (lineSorted = own);
    };
    let result: IncrementalResult | undefined;
    const step = (): IncrementalResult | undefined => {
      if (result) return result;
      const r = steps.next();
      if (!r.done) return undefined;
      const found = r.value;
      // Every part the rules read is built: the version it was derived from is let go.
      doc.derivation = undefined;
      if (latest()) this.base = doc;
      sortFindings(found.findings);
      if (part) {
        // found.findings are the whole-document rules' alone: merged with the per-line rules' (no
        // finding of one list ties with one of the other: compareFindings ends with the rule id).
        if (latest()) this.carry = { text, findings: found.findings };
        found.findings = mergeSorted(ownSorted(part), found.findings);
      } else if (latest()) this.carry = { text, findings: found.findings.filter((f) => !this.lineIds.has(f.rule)) };
      found.findings = withoutIgnored(text, lines, found.findings, config.ignore);
      return (result = found);
    };
    let quick: IncrementalResult | undefined | null = null;
    return {
      quick: () => {
        if (quick !== null) return quick;
        if (!part || !carry) return (quick = undefined);
        const carried = carriedOver(carry, text);
        const own = ownSorted(part);
        const findings = withoutIgnored(text, lines, mergeSorted(own, carried), config.ignore);
        return (quick = { doc, findings, reused: part.reused, read: part.read, whole: false, phase: 'quick', carried: carried.length });
      },
      step,
      finish: () => {
        let r: IncrementalResult | undefined;
        while (!(r = step()));
        return r;
      },
    };
  }

  /** check() itself, one rule per step; the per-line rules' findings are then sorted out by line and kept (when the lines are `local`: lineLocal). */
  private *whole(doc: ReportDocument, config: Config, segs: string[], local: boolean, latest: () => boolean, parts: readonly ModelPart[]): Generator<void, IncrementalResult> {
    yield* buildParts(doc, parts);
    const findings: Finding[] = [];
    const byRule = new Map<string, Finding[]>();
    let consistent = true;
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const from = findings.length;
      const ok = runRule(doc, rule, config, severity, findings);
      if (rule.perLine) {
        const own = findings.slice(from);
        const cap = rule.perLine.cap;
        if (!ok || (cap !== undefined && own.length >= cap)) consistent = false;
        byRule.set(rule.id, own);
      }
      yield;
    }
    if (latest()) {
      this.byText = new Map();
      if (consistent && local) this.keep(doc.lines, segs, byRule);
    }
    return { doc, findings, reused: 0, read: segs.length, whole: true, phase: 'full' };
  }

  /** The per-line findings of a whole check, kept by line text. */
  private keep(lines: Line[], segs: string[], byRule: Map<string, Finding[]>): void {
    const entries = lines.map((l): LineFindings => ({ base: l.start, byRule: this.lineRules.map(() => []) }));
    // A finding belongs to the line of its start (a line's break is part of that line).
    this.lineRules.forEach((rule, k) => {
      for (const f of byRule.get(rule.id) ?? []) entries[lineIndexAt(lines, f.start)].byRule[k]!.push(f);
    });
    // A text that stands on several lines keeps the findings of its first (all are the same).
    lines.forEach((l, i) => {
      if (!this.byText.has(segs[i])) this.byText.set(segs[i], entries[i]);
    });
  }

  /** Reads the lines this checker has not seen and takes the others' findings over (the lines are kept now). */
  private readLines(doc: ReportDocument, config: Config, segs: string[]): LinePart {
    const lines = doc.lines;
    const lineConfig: Config = { ...config, ignore: [] };
    const severities = this.lineRules.map((r) => effectiveSeverity(r, config));
    const next = new Map<string, LineFindings>();
    const at: LineFindings[] = [];
    let reused = 0;
    let read = 0;
    for (const line of lines) {
      const seg = segs[line.index];
      let got = next.get(seg);
      if (got) {
        // The same text earlier in this version: its findings, moved here.
        at.push(moved(got, line.start));
        continue;
      }
      const old = this.byText.get(seg);
      if (old) {
        reused++;
        got = moved(old, line.start);
      } else {
        read++;
        got = { base: line.start, byRule: readLine(seg, line.start, this.lineRules, severities, lineConfig) };
      }
      next.set(seg, got);
      at.push(got);
    }
    this.byText = next;
    const lists: Finding[][] = [];
    const byRule = (k: number): Finding[] => {
      let out = lists[k];
      if (out) return out;
      out = [];
      let failed = false;
      for (let i = 0; i < at.length && !failed; i++) {
        const fs = at[i].byRule[k];
        if (!fs) failed = true;
        else for (const f of fs) out.push(f);
      }
      const rule = this.lineRules[k];
      const cap = rule.perLine!.cap;
      // At its cap, a rule's findings depend on the lines before: read the document.
      if (failed || (cap !== undefined && out.length >= cap)) {
        out = [];
        runRule(doc, rule, config, severities[k]!, out);
      }
      return (lists[k] = out);
    };
    return { severities, byRule, reused, read };
  }

  /** The rules that read the whole document, run on it one per step; their findings alone (the per-line rules' come from the lines: start() merges them in). */
  private *incremental(doc: ReportDocument, config: Config, part: LinePart, parts: readonly ModelPart[]): Generator<void, IncrementalResult> {
    yield* buildParts(doc, parts);
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      if (rule.perLine) continue;
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      runRule(doc, rule, config, severity, findings);
      yield;
    }
    return { doc, findings, reused: part.reused, read: part.read, whole: false, phase: 'full' };
  }
}

/** The model parts a run builds one per step before its whole-document rules (run/slices.ts). */
function* buildParts(doc: ReportDocument, parts: readonly ModelPart[]): Generator<void> {
  for (const p of parts) {
    p(doc);
    yield;
  }
}

/** What reading the lines of a version gave: each per-line rule's findings on the whole text (in line order), by the rule's index among them. */
interface LinePart {
  severities: (Severity | undefined)[];
  byRule(k: number): Finding[];
  reused: number;
  read: number;
}

/**
 * The carried findings moved to `text`: the change is the span between the longest common
 * start and end of the two texts; a finding whose every range (its own, its related places, its
 * fix's edits) lies wholly before it stays, wholly after it moves by the difference in length,
 * and one with a range that touches it (or ends or starts right at it) is left out. The text
 * under every range is then the same as before, and no range splits a character or a CRLF
 * that it did not split before (the characters on either side of it did not change).
 */
export function carriedOver(carry: Carry, text: string): Finding[] {
  const old = carry.text;
  if (old === text) return carry.findings;
  const { start: p, oldEnd: end } = changedSpan(old, text);
  const by = text.length - old.length;
  // Each range: 0 before the change, 1 after it, -1 touching it.
  const side = (r: Span) => (r.end < p ? 0 : r.start > end ? 1 : -1);
  const out: Finding[] = [];
  for (const f of carry.findings) {
    let before = 0;
    let after = 0;
    let touches = false;
    const look = (r: Span) => {
      const k = side(r);
      if (k < 0) touches = true;
      else if (k === 0) before++;
      else after++;
    };
    look(f);
    if (f.related) f.related.forEach(look);
    if (f.fix) f.fix.edits.forEach(look);
    if (touches) continue;
    if (!after) out.push(f);
    else if (!before) out.push(shifted(f, by));
    else out.push(mapped(f, end, by));
  }
  return out;
}

/** A finding whose ranges lie on both sides of a change: those after `end` move by `by`. */
function mapped(f: Finding, end: number, by: number): Finding {
  const at = <T extends Span>(r: T): T => (r.start > end ? { ...r, start: r.start + by, end: r.end + by } : r);
  const g: Finding = { ...at(f) };
  if (f.fix) g.fix = { ...f.fix, edits: f.fix.edits.map(at) };
  if (f.related) g.related = f.related.map(at);
  return g;
}

/** Two lists in the order of sortFindings merged into a new one (ties: the first list's first); neither is changed. */
function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (!b.length) return a.slice();
  if (!a.length) return b.slice();
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * Can the lines of this text be read alone? Not when a later line starts with U+FEFF (alone,
 * it would be a byte-order mark), nor when a line ends in a lone CR (old Mac line ends):
 * some scans stop only at LF and would read on into the line before.
 */
function lineLocal(text: string, segs: string[]): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  for (let i = 1; i < segs.length; i++) if (segs[i].charCodeAt(0) === 0xfeff) return false;
  return true;
}

/** The per-line rules' findings on one line read alone (its text and break as a document), placed at `base`. */
function readLine(seg: string, base: number, rules: readonly Rule[], severities: readonly (Severity | undefined)[], config: Config): (Finding[] | undefined)[] {
  const doc = new ReportDocument(seg);
  return rules.map((rule, k) => {
    const severity = severities[k];
    if (!severity) return [];
    const out: Finding[] = [];
    return runRule(doc, rule, config, severity, out) ? out.map((f) => shifted(f, base)) : undefined;
  });
}

/** A line's findings at a new base (the same entry when the line has not moved). */
function moved(e: LineFindings, base: number): LineFindings {
  if (e.base === base) return e;
  const by = base - e.base;
  // Most lines have no finding of most rules: their lists (never written to once made) are shared.
  let byRule = e.byRule;
  for (let k = 0; k < byRule.length; k++) {
    const fs = byRule[k];
    if (!fs?.length) continue;
    if (byRule === e.byRule) byRule = byRule.slice();
    byRule[k] = fs.map((f) => shifted(f, by));
  }
  return { base, byRule };
}

/** A finding moved by `by` (the same object when it does not move). */
function shifted(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const g: Finding = { rule: f.rule, severity: f.severity, start: f.start + by, end: f.end + by, message: f.message };
  if (f.fix) g.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })), safe: f.fix.safe };
  if (f.related) g.related = f.related.map((r) => ({ message: r.message, start: r.start + by, end: r.end + by }));
  return g;
}


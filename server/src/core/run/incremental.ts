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
import { withDefaults, type Config } from '../config/config';
import { ReportDocument } from '../model/document';
import { lineIndexAt, type Line } from '../model/lines';
import type { Rule } from '../rule';
import { RULES } from '../rules';
import type { Finding, Severity } from '../types';
import { effectiveSeverity, runRule, sortFindings, tooLarge, type CheckResult } from './check';
import { withoutIgnored } from './ignore';

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
}

/** Read the whole document when fewer than this share of its lines are known. */
const KNOWN_SHARE = 0.5;

export class IncrementalChecker {
  private byText = new Map<string, LineFindings>();
  private configKey: string | undefined;
  private readonly lineRules: readonly Rule[];

  constructor(readonly rules: readonly Rule[] = RULES) {
    this.lineRules = rules.filter((r) => r.perLine);
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
    c.configKey = this.configKey;
    return c;
  }

  /** Distinct lines held (those of the last version). */
  get size(): number {
    return this.byText.size;
  }

  check(text: string, partial?: Partial<Config>): IncrementalResult {
    const config = withDefaults(partial);
    const doc = new ReportDocument(text);
    const large = tooLarge(text, config);
    if (large) {
      this.byText.clear();
      return { doc, findings: [large], reused: 0, read: 0, whole: true };
    }
    // Findings depend on the settings (severities, terms…), not on what is ignored (applied last).
    const key = JSON.stringify({ ...config, ignore: undefined });
    if (key !== this.configKey) {
      this.byText.clear();
      this.configKey = key;
    }
    const lines = doc.lines;
    const segs = lines.map((l) => text.slice(l.start, l.index + 1 < lines.length ? lines[l.index + 1].start : text.length));
    let known = 0;
    for (const s of segs) if (this.byText.has(s)) known++;
    const local = lineLocal(text, segs);
    const result = known < KNOWN_SHARE * segs.length || !local ? this.whole(doc, config, segs, local) : this.incremental(doc, config, segs);
    sortFindings(result.findings);
    result.findings = withoutIgnored(text, lines, result.findings, config.ignore);
    return result;
  }

  /** check() itself; the per-line rules' findings are then sorted out by line and kept (when the lines are `local`: lineLocal). */
  private whole(doc: ReportDocument, config: Config, segs: string[], local: boolean): IncrementalResult {
    const findings: Finding[] = [];
    const byRule = new Map<string, Finding[]>();
    let consistent = true;
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const from = findings.length;
      const ok = runRule(doc, rule, config, severity, findings);
      if (!rule.perLine) continue;
      const own = findings.slice(from);
      const cap = rule.perLine.cap;
      if (!ok || (cap !== undefined && own.length >= cap)) consistent = false;
      byRule.set(rule.id, own);
    }
    this.byText = new Map();
    if (consistent && local) this.keep(doc.lines, segs, byRule);
    return { doc, findings, reused: 0, read: segs.length, whole: true };
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

  private incremental(doc: ReportDocument, config: Config, segs: string[]): IncrementalResult {
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
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const k = rule.perLine ? this.lineRules.indexOf(rule) : -1;
      if (k < 0) {
        runRule(doc, rule, config, severity, findings);
        continue;
      }
      const from = findings.length;
      let failed = false;
      for (let i = 0; i < at.length && !failed; i++) {
        const fs = at[i].byRule[k];
        if (!fs) failed = true;
        else for (const f of fs) findings.push(f);
      }
      const cap = rule.perLine!.cap;
      // At its cap, a rule's findings depend on the lines before: read the document.
      if (failed || (cap !== undefined && findings.length - from >= cap)) {
        findings.length = from;
        runRule(doc, rule, config, severity, findings);
      }
    }
    return { doc, findings, reused, read, whole: false };
  }
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


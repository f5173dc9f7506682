// Checking a document again after an edit, re-reading only the lines the edit touched.
//
// The rules that read each line on its own (`Rule.perLine`: typography, and the figures
// relations that lie within a paragraph) have their findings kept for the last version, in
// order, with where its lines start. A new version is laid against that one by position (the
// changed span between their common start and end, model/derive.ts changedSpan): the lines
// before it are the same and keep their findings as they are, the lines after it are the same
// moved by the difference in length and keep theirs moved; the lines in between are read anew,
// each alone, as a document of its own (when both versions have as many lines there, those
// whose text did not change keep their findings too: a round of fixes changes lines all over
// the text, not their number). The rules that read the whole document (outline, restated
// figures, shares of a whole named elsewhere, the script of the document…) run on the whole
// document each time.
//
// The result is check()'s on the same text, finding for finding and in the same order:
// test/property/incremental.property.test.ts holds it after random edits. Where a line read
// alone could differ from the line in its document, the document is read whole: the first
// version and any version that shares few lines with the one before (then the per-line
// findings are taken out of the whole check), a rule that stops at a cap (MAX_FINDINGS) and
// reaches it, a rule that failed on a line, a later line that starts with U+FEFF (alone it
// would read as a byte-order mark), a text with old Mac line ends (a lone CR: some scans stop
// only at LF and read on into the line before), an edit that changes what the lines after it
// start inside (a fenced block or an HTML comment opened or closed: a line inside is code,
// not prose, and a changed line inside one is read after a line that opens the same).
//
// In two phases, for the server on large documents (`start()` → CheckRun): the lines are read
// first, and the quick result — the per-line rules' findings, fresh, with the whole-document
// rules' findings of the last full result carried over to the new text (carriedOver: moved
// past the edit, those touching it left out) — is ready before any whole-document rule runs;
// the rules that read the whole document then run one per step, so that the caller can yield
// between them and drop the run when a newer version arrives. check() runs every step at once.
import { withDefaults, type Config } from '../config/config';
import { ReportDocument } from '../model/document';
import { changedSpan, crsOf, deriveDocument, type ChangedSpan } from '../model/derive';
import { hasLoneCr, lineIndexAt, type Line } from '../model/lines';
import { markdownOpener, markdownStates, markdownStep, MD_NONE } from '../model/markdown';
import type { Rule } from '../rule';
import { RULES } from '../rules';
import { isOwnRange, type Finding, type Severity, type Span } from '../types';
import { comesBefore, effectiveSeverity, runRule, sortFindings, tooLarge, type CheckResult } from './check';
import { ignoredBy, type IgnoreEntry } from './ignore';
import { detached } from '../detach';
import { lowerBoundIndex } from '../search';
import { FindingList, FindingListBuilder, shifted } from './finding-list';
import type { ModelPart } from './slices';
import { foundKey } from '../rules/figures/relation-rule';
import { SCOPE_KEY } from '../model/scope';
import { sameFindings } from './present';

/** The per-line rules' findings of the last version whose lines were read, with where its lines start. */
interface LineState {
  text: string;
  starts: Int32Array;
  /**
   * Each found on its line read alone (so, check()'s for those rules), in the order of
   * sortFindings; made when asked for (once a run ends, taken out of the version's findings:
   * IncrementalChecker.keep).
   */
  findings: () => FindingList;
  /** By the rule's index among the per-line rules: how many of `findings` are its. */
  counts: number[];
  /** By the same index: the rule failed on a line (or reported outside it), so its findings here are not all: it runs on the whole document until a version is read whole. */
  failed: boolean[];
  /** By the same index: a rule that stopped at its cap when it last read the whole document, its findings then and where the lines they depend on end (Capped). */
  capped: (Capped | undefined)[];
  /** The Markdown state each line starts in (model/markdown.ts markdownStates): undefined when every line starts in prose. */
  md: Int32Array | undefined;
}

/**
 * A per-line rule's findings at its cap, read on the whole document (check()'s): it reads the
 * lines in order, one at a time, and stopped at the line of the last of them, so while the text
 * before `limit` (the start of the line after that one) does not change, neither do they — an
 * edit after it takes them over as they are, and the rule is not run again.
 */
interface Capped {
  findings: Finding[];
  limit: number;
}

/** Whether `n` findings of a per-line rule are its cap: it stopped there, and knows nothing of the lines after. */
function atCap(rule: Rule, n: number): boolean {
  const cap = rule.perLine?.cap;
  return cap !== undefined && n >= cap;
}

/**
 * The Capped of a rule's findings on a document, in the order it reported them; undefined when
 * they do not come line after line (the rule does not read the lines in order: no limit is certain).
 */
function cappedOf(doc: ReportDocument, found: Finding[]): Capped | undefined {
  const lines = doc.lines;
  let last = 0;
  for (const f of found) {
    const li = lineIndexAt(lines, f.start);
    if (li < last) return undefined;
    last = li;
  }
  return { findings: found, limit: last + 1 < lines.length ? lines[last + 1].start : doc.text.length };
}

export interface IncrementalResult extends Omit<CheckResult, 'findings'> {
  /** In the order of sortFindings, packed (finding-list.ts). */
  findings: FindingList;
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
 * One check of one version, in slices (`IncrementalChecker.start`): the version's model is
 * derived when it starts (`doc`); the lines the edit touched are read by the first `quick()` or
 * `step()`, `quick()` then merging them with the findings carried over; each `step()` runs one
 * rule that reads the whole document. A run overtaken by a later one on the same checker may
 * simply be dropped: a run changes what the checker holds only while it is the latest (the
 * lines it read, and their findings, are kept by position when it reads them; its findings at its end).
 */
export interface CheckRun {
  /** The quick result; undefined when there is nothing to carry over (the document is read whole: the first version, new settings, a large edit). */
  quick(): IncrementalResult | undefined;
  /** Runs the next slice (one whole-document rule): the full result once every rule has run, else undefined. */
  step(): IncrementalResult | undefined;
  /** Runs what is left: the full result. */
  finish(): IncrementalResult;
  /** Where this text first differs from `old` (the changed span's start; the run's own comparison when `old` is the text it was laid against). */
  changedFrom(old: string): number;
  /** The version's model, derived when the run starts: what quick() and every step read and build on (memoised), before any rule has run. */
  readonly doc: ReportDocument;
}

/** The last full result's findings of the whole-document rules (sorted, ignores not applied; made when asked for: IncrementalChecker.keep) and its text. */
export interface Carry {
  text: string;
  findings: () => FindingList;
}

/** What a run's rules found, before it is merged with the lines' findings and packed. */
type Found = Omit<IncrementalResult, 'findings'> & { findings: Finding[] };

/**
 * What only a run's rules read of a version, dropped when the run ends (made again should
 * anyone ask): the next version derives nothing from them (model/derive.ts, figures/derive.ts
 * read the figures layers, the line facts, the script profile…) and builds its own, and no
 * feature reads them. Besides these, the relations the per-line figures rules found on the
 * whole document (a first version is read whole): a later version reads those rules line by
 * line and has none, the figure hover reads them from the hovered line, and the figures table
 * finds them again. The outline rules' numbered groups are made again by an outline fix
 * (renumbering) that asks. On the 1 M bench report this is 4 MB of the 35 MB a version kept.
 */
const RUN_ONLY = ['figures:groupIndex', 'figures:quantitiesByKind', SCOPE_KEY, 'punct:pairs', 'outline:numberedGroups'];

/** Read the whole document when fewer than this share of its lines are known. */
const KNOWN_SHARE = 0.5;

export class IncrementalChecker {
  private lines: LineState | undefined;
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
  /** The memo entries a version drops when its run ends (see RUN_ONLY). */
  private readonly runOnly: readonly string[];

  constructor(readonly rules: readonly Rule[] = RULES) {
    this.lineRules = rules.filter((r) => r.perLine);
    this.lineIds = new Set(this.lineRules.map((r) => r.id));
    this.runOnly = [...RUN_ONLY, ...this.lineRules.map((r) => foundKey(r.id))];
  }

  /**
   * A checker that knows what this one knows, for texts derived from the last version (fix-all
   * rounds); this one is left as it is. `rules`: run only these (some of this checker's rules;
   * fix-all needs only the rules that can fix), in registry order.
   */
  fork(rules?: readonly Rule[]): IncrementalChecker {
    const c = new IncrementalChecker(rules ? this.rules.filter((r) => rules.includes(r)) : this.rules);
    const st = this.lines;
    if (st && c.lineRules.length === this.lineRules.length) c.lines = st;
    else if (st) {
      // The state is never changed once made (a new version makes its own; only its own run may
      // fill in a Capped, of the same text): shared, or narrowed to the fork's rules.
      const from = c.lineRules.map((r) => this.lineRules.indexOf(r));
      const findings = st.findings().withRules((rule) => c.lineIds.has(rule));
      c.lines = { text: st.text, starts: st.starts, findings: () => findings, counts: from.map((k) => st.counts[k]), failed: from.map((k) => st.failed[k]), capped: from.map((k) => st.capped[k]), md: st.md };
    }
    if (c.rules.length === this.rules.length) c.carry = this.carry;
    c.configKey = this.configKey;
    return c;
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
    // The model, the lines and the carry are laid against the same previous text as a rule: one comparison.
    let known: { old: string; span: ChangedSpan } | undefined;
    const spanFrom = (old: string): ChangedSpan => (known?.old === old ? known.span : (known = { old, span: changedSpan(old, text) }).span);
    const doc = this.base ? deriveDocument(this.base, text, spanFrom(this.base.text)) : new ReportDocument(text);
    const large = tooLarge(text, config);
    if (large) {
      this.lines = undefined;
      this.carry = undefined;
      const r: IncrementalResult = { doc, findings: FindingList.of([large]), reused: 0, read: 0, whole: true, phase: 'full' };
      return { doc, quick: () => undefined, step: () => r, finish: () => r, changedFrom: (old) => spanFrom(old).start };
    }
    // Findings depend on the settings (severities, terms…), not on what is ignored (applied last).
    const key = JSON.stringify({ ...config, ignore: undefined });
    if (key !== this.configKey) {
      this.lines = undefined;
      this.carry = undefined;
      this.configKey = key;
    }
    const lines = doc.lines;
    const carry = this.carry;
    const st = this.lines;
    // The lines are read when the quick result or the first step asks, not here: the model is
    // the run's from the start (lsp/context.ts hands it to hover and completion before any rule runs).
    let begun: { part: LinePart | undefined; steps: Generator<void, Found> } | undefined;
    const begin = () => {
      if (begun) return begun;
      const local = linesLocal(doc);
      const part = local && st ? this.readLines(doc, config, st, spanFrom(st.text), latest) : undefined;
      return (begun = { part, steps: part ? this.incremental(doc, config, part, parts) : this.whole(doc, config, local, latest, parts) });
    };
    let result: IncrementalResult | undefined;
    /** The quick result once asked for (undefined: there is none), with its findings before the ignores and those it carried over. */
    let quick: { result: IncrementalResult; all: FindingList; carried: FindingList } | undefined | null = null;
    const step = (): IncrementalResult | undefined => {
      if (result) return result;
      const { part, steps } = begin();
      const r = steps.next();
      if (!r.done) return undefined;
      const found = r.value;
      // Every part the rules read is built: the version it was derived from is let go, and so is what only this run read.
      doc.derivation = undefined;
      for (const key of this.runOnly) doc.forget(key);
      if (latest()) this.base = doc;
      sortFindings(found.findings);
      if (part) {
        // found.findings are the whole-document rules' alone: merged with the per-line rules' (no
        // finding of one list ties with one of the other: compareFindings ends with the rule id).
        const whole = FindingList.of(found.findings);
        // The whole-document rules found what the quick result carried over (a typing edit away
        // from all of their findings): the full result's findings are the quick result's, one
        // for one — its list is taken, not merged again, and the server, finding the same list
        // (lsp/context.ts), sends nothing more.
        const asQuick = quick && sameFindings(quick.carried, whole) ? quick : undefined;
        const all = asQuick ? asQuick.all : mergeSorted(part.own(), whole);
        if (latest()) this.keep(text, all, part.own() === part.kept);
        return (result = { ...found, findings: asQuick ? asQuick.result.findings : withoutIgnored(text, lines, all, config.ignore) });
      }
      const all = FindingList.of(found.findings);
      if (latest()) this.keep(text, all, true);
      return (result = { ...found, findings: withoutIgnored(text, lines, all, config.ignore) });
    };
    return {
      doc,
      quick: () => {
        if (quick !== null) return quick?.result;
        const { part } = begin();
        if (!part || !carry) return (quick = undefined);
        const carried = carriedOver(carry, text, spanFrom(carry.text));
        const all = mergeSorted(part.own(), carried);
        const findings = withoutIgnored(text, lines, all, config.ignore);
        quick = { result: { doc, findings, reused: part.reused, read: part.read, whole: false, phase: 'quick', carried: carried.length }, all, carried };
        return quick.result;
      },
      step,
      finish: () => {
        let r: IncrementalResult | undefined;
        while (!(r = step()));
        return r;
      },
      changedFrom: (old) => spanFrom(old).start,
    };
  }

  /**
   * At the end of the latest run: `all`, the version's findings before the ignores (check()'s),
   * are what the checker keeps of them — the list the server holds as the result, when nothing
   * is ignored. The carry and the lines' findings are split out of it by rule when the next
   * version asks (FindingList.split: 1.2 ms on the 42,763 findings of the 1 M bench report), not
   * held beside it: together they were a second copy of the version's findings (the server held
   * 2.37 MB for a 100 K report, 2.22 without them; 1 M: 8.7 → 8.3× the text). A run dropped
   * before it ends leaves the split lists with the last carry until one ends. `linesShared`:
   * the per-line rules' findings in `all` are those of the version's LineState (not when a rule
   * that failed on a line, or stopped at its cap, ran on the whole document: the state holds its
   * findings as they were read, line by line).
   */
  private keep(text: string, all: FindingList, linesShared: boolean): void {
    // One pass gives both (the next version's start reads the lines', its quick result the carry's).
    let split: [FindingList, FindingList] | undefined;
    const lineAndOther = () => (split ??= all.split((rule) => this.lineIds.has(rule)));
    this.carry = { text, findings: () => lineAndOther()[1] };
    const st = this.lines;
    if (linesShared && st?.text === text) this.lines = { ...st, findings: () => lineAndOther()[0] };
  }

  /** check() itself, one rule per step; the per-line rules' findings are then kept for the next version (when the lines are `local`: lineLocal). */
  private *whole(doc: ReportDocument, config: Config, local: boolean, latest: () => boolean, parts: readonly ModelPart[]): Generator<void, Found> {
    yield* buildParts(doc, parts);
    const findings: Finding[] = [];
    const own: Finding[] = [];
    const counts = this.lineRules.map(() => 0);
    const failed = this.lineRules.map(() => false);
    const capped: (Capped | undefined)[] = this.lineRules.map(() => undefined);
    let consistent = true;
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const from = findings.length;
      const ok = runRule(doc, rule, config, severity, findings);
      if (rule.perLine) {
        const n = findings.length - from;
        const k = this.lineRules.indexOf(rule);
        if (!ok) consistent = false;
        // At its cap a rule stopped reading: its findings of the lines after are not known. It
        // runs on the whole document in the versions after (as one that failed on a line), and
        // the other rules still read only the lines an edit touches — a long pasted page with
        // thousands of half-width marks had every version read whole, every rule.
        else if (atCap(rule, n)) {
          failed[k] = true;
          capped[k] = cappedOf(doc, findings.slice(from));
        }
        counts[k] = n;
        for (let i = from; i < findings.length; i++) own.push(findings[i]);
      }
      yield;
    }
    if (latest()) {
      this.lines = undefined;
      if (consistent && local) {
        sortFindings(own);
        const list = FindingList.of(own);
        this.lines = { text: doc.text, starts: startsOf(doc.lines), findings: () => list, counts, failed, capped, md: markdownStates(doc.text, doc.lines) };
      }
    }
    return { doc, findings, reused: 0, read: doc.lines.length, whole: true, phase: 'full' };
  }

  /**
   * Lays the new version's lines against the last one's (by position: see the top of this file),
   * reads those that changed and takes the others' findings over; the state is the new
   * version's from now on. Undefined when too many lines changed: the document is then read whole.
   */
  private readLines(doc: ReportDocument, config: Config, st: LineState, span: ChangedSpan, latest: () => boolean): LinePart | undefined {
    const text = doc.text;
    const lines = doc.lines;
    const n = lines.length;
    const old = st.text;
    const os = st.starts;
    const on = os.length;
    const by = text.length - old.length;
    // New lines [a, c) stand where old lines [a, oc) stood: the lines before are the same, and
    // so is the text after (a line after starts past the changed span, so it starts a line in both).
    const { start: p, end } = span;
    const a = lineIndexAt(lines, p);
    let c = a + 1;
    while (c < n && lines[c].start <= end) c++;
    const oc = c - n + on;
    if (oc < a || (c < n && os[oc] !== lines[c].start - by)) return undefined;
    // The Markdown state each line in between starts in (a line in a fenced block or a comment
    // reads otherwise: it is read after a line that opens the same); the lines after must start
    // in the same state as before (an edit that opens a fence changes every line after it: the
    // document is then read whole).
    const oldMd = st.md;
    const oldState = (i: number) => (oldMd ? oldMd[i] : MD_NONE);
    const mdAt: number[] = [];
    let state = oldState(a);
    for (let j = a; j < c; j++) {
      mdAt.push(state);
      state = markdownStep(text.slice(lines[j].start, lines[j].end), state);
    }
    if (c < n && state !== oldState(oc)) return undefined;
    // Where both have as many lines in between, a line whose text is the same, starting in the same state, keeps its findings.
    const paired = c - a === oc - a;
    const same: boolean[] = [];
    let read = 0;
    for (let j = a; j < c; j++) {
      const keep = paired && mdAt[j - a] === oldState(j) && lineText(text, lines, j) === lineText(old, os, j);
      same.push(keep);
      if (!keep) read++;
    }
    if (read > (1 - KNOWN_SHARE) * n) return undefined;

    const severities = this.lineRules.map((r) => effectiveSeverity(r, config));
    const lineConfig: Config = { ...config, ignore: [] };
    const index = new Map(this.lineRules.map((r, k) => [r.id, k]));
    const counts = st.counts.slice();
    const failed = st.failed.slice();
    const of = st.findings();
    const oldStart = (i: number) => (i < on ? os[i] : Infinity);
    // The findings before line a stay as they are.
    let f = lowerBoundIndex(of.length, (k) => of.start(k) < oldStart(a));
    const out = new FindingListBuilder(of.length + 16);
    out.copyRange(of, 0, f, 0);
    // The old findings before old line i, moved by `d`; or dropped (a line read anew).
    const take = (i: number, d: number) => {
      const limit = oldStart(i);
      const from = f;
      while (f < of.length && of.start(f) < limit) f++;
      out.copyRange(of, from, f, d);
    };
    const drop = (i: number) => {
      const limit = oldStart(i);
      for (; f < of.length && of.start(f) < limit; f++) counts[index.get(of.rule(f))!]--;
    };
    const readAt = (j: number) => {
      const start = lines[j].start;
      const next = j + 1 < n ? lines[j + 1].start : text.length;
      // A line that starts in a fenced block or a comment is read after a line that opens it.
      const opener = markdownOpener(mdAt[j - a]);
      // Its findings are carried into later versions: read from a copy of the line, not a slice of this version's text (core/detach.ts).
      const got = readLine(detached(opener + text.slice(start, next)), start - opener.length, this.lineRules, severities, lineConfig);
      const mine: Finding[] = [];
      got.forEach((fs, k) => {
        if (!fs) return void (failed[k] = true);
        for (const g of fs) {
          // What a rule finds on the opener is not the document's (it finds nothing there: it is code, or a comment).
          if (opener && g.end <= start && g.start < start) continue;
          // A finding belongs to the line of its start: one that starts past its line (it never does) would be misplaced.
          if (g.start < start || (g.start >= next && j + 1 < n)) failed[k] = true;
          else {
            mine.push(g);
            counts[k]++;
          }
        }
      });
      sortFindings(mine);
      for (const g of mine) out.push(g);
    };
    if (paired) {
      for (let j = a; j < c; j++) {
        if (same[j - a]) take(j + 1, lines[j].start - os[j]);
        else {
          drop(j + 1);
          readAt(j);
        }
      }
    } else {
      drop(oc);
      for (let j = a; j < c; j++) readAt(j);
    }
    take(on, by);
    // A rule at its cap keeps its findings while the edit is after the lines they depend on.
    const capped = st.capped.map((c) => (c && p >= c.limit ? c : undefined));
    const list = out.build();
    // A run started after this one laid its version against the state before: it stays.
    if (latest()) this.lines = { text, starts: startsOf(lines), findings: () => list, counts, failed, capped, md: spliceStates(oldMd, a, oc, mdAt, n) };

    let own: FindingList | undefined;
    return {
      kept: list,
      reused: n - read,
      read,
      // At its cap, a rule's findings depend on the lines before; a rule that failed on a line has no findings there: either runs on the document
      // (a rule at its cap whose findings still hold takes them over, and one run again that reaches it again keeps its new ones for the next version).
      own: () => {
        if (own) return own;
        const redo = this.lineRules.filter((r, k) => severities[k] && (failed[k] || atCap(r, counts[k])));
        if (!redo.length) return (own = list);
        const ids = new Set(redo.map((r) => r.id));
        const whole: Finding[] = [];
        for (const r of redo) {
          const k = this.lineRules.indexOf(r);
          const kept = capped[k];
          if (kept) {
            for (const g of kept.findings) whole.push(g);
            continue;
          }
          const from = whole.length;
          runRule(doc, r, config, severities[k]!, whole);
          if (atCap(r, whole.length - from)) capped[k] = cappedOf(doc, whole.slice(from));
        }
        sortFindings(whole);
        return (own = mergeSorted(list.withRules((rule) => !ids.has(rule)), FindingList.of(whole)));
      },
    };
  }

  /** The rules that read the whole document, run on it one per step; their findings alone (the per-line rules' come from the lines: start() merges them in). */
  private *incremental(doc: ReportDocument, config: Config, part: LinePart, parts: readonly ModelPart[]): Generator<void, Found> {
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

/** What reading the lines of a version gave: the per-line rules' findings on the whole text (check()'s for those rules), sorted. */
interface LinePart {
  own(): FindingList;
  /** The list the version's LineState holds: own()'s, unless a rule that failed on a line or stopped at its cap ran on the whole document. */
  kept: FindingList;
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
export function carriedOver(carry: Carry, text: string, span?: ChangedSpan): FindingList {
  const old = carry.text;
  const list = carry.findings();
  if (old === text) return list;
  const { start: p, oldEnd: end } = span ?? changedSpan(old, text);
  const by = text.length - old.length;
  // Each range: 0 before the change, 1 after it, -1 touching it.
  const side = (r: Span) => (r.end < p ? 0 : r.start > end ? 1 : -1);
  const out = new FindingListBuilder(list.length);
  for (let i = 0; i < list.length; i++) {
    const held = list.heldAt(i);
    // A finding whose range is its only one (finding-list.ts: its held finding is shared).
    if (held.start < 0) {
      if (list.ends[i] < p) out.copy(list, i);
      else if (list.starts[i] > end) out.copyRange(list, i, i + 1, by);
      continue;
    }
    const f = held;
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
    // A fix of the finding's own range (OwnRangeFix) has no range of its own.
    if (f.fix && !isOwnRange(f.fix)) f.fix.edits.forEach(look);
    if (touches) continue;
    if (!after) out.push(f);
    else if (!before) out.push(shifted(f, by));
    else out.push(mapped(f, end, by));
  }
  return out.build();
}

/** A finding whose ranges lie on both sides of a change: those after `end` move by `by`. */
function mapped(f: Finding, end: number, by: number): Finding {
  const at = <T extends Span>(r: T): T => (r.start > end ? { ...r, start: r.start + by, end: r.end + by } : r);
  const g: Finding = { ...at(f) };
  if (f.fix && !isOwnRange(f.fix)) g.fix = { ...f.fix, edits: f.fix.edits.map(at) };
  if (f.related) g.related = f.related.map(at);
  return g;
}

/** Two lists in the order of sortFindings merged (ties: the first list's first); either itself when the other is empty. */
function mergeSorted(a: FindingList, b: FindingList): FindingList {
  if (!b.length) return a;
  if (!a.length) return b;
  const out = new FindingListBuilder(a.length + b.length);
  const as = a.starts;
  const ae = a.ends;
  const bs = b.starts;
  const be = b.ends;
  // Does b's finding j come before a's finding i?
  const before = (j: number, i: number) => comesBefore(bs[j], be[j], b.rule(j), as[i], ae[i], a.rule(i));
  let i = 0;
  let j = 0;
  // Run by run: the lists interleave in long stretches (a per-line rules' list, a few findings of the others).
  while (i < a.length && j < b.length) {
    const from = i;
    while (i < a.length && !before(j, i)) i++;
    out.copyRange(a, from, i, 0);
    if (i === a.length) break;
    const bFrom = j;
    while (j < b.length && before(j, i)) j++;
    out.copyRange(b, bFrom, j, 0);
  }
  out.copyRange(a, i, a.length, 0);
  out.copyRange(b, j, b.length, 0);
  return out.build();
}

/** The list without the findings `ignore` dismisses (ignore.ts withoutIgnored, for a packed list). */
function withoutIgnored(text: string, lines: Line[], list: FindingList, ignore: readonly IgnoreEntry[] | undefined): FindingList {
  const ignored = ignoredBy(text, lines, ignore);
  if (!ignored) return list;
  const out = new FindingListBuilder(list.length);
  for (let i = 0; i < list.length; i++) if (!ignored(list.rule(i), list.start(i), list.end(i))) out.copy(list, i);
  return out.build();
}

/** The memo key of lineLocal for a version (linesLocal). */
const LINE_LOCAL = 'run:lineLocal';

/**
 * lineLocal for a document, once per version (the checker and the figure hover ask). Each line
 * is looked at alone, so a version derived from one whose lines are local (model/derive.ts: the
 * lines outside its splice are the previous version's, their text the same) looks at the
 * splice's lines only (≈1 ms a version on 1 M characters).
 */
export function linesLocal(doc: ReportDocument): boolean {
  return doc.memo(LINE_LOCAL, () => {
    const d = doc.derivation;
    const loneCr = crsOf(doc) === 'lone';
    if (d && d.prev.memoed(LINE_LOCAL) === true && !loneCr) return lineLocal(doc.text, doc.lines, false, d.splice.from, d.splice.to);
    return lineLocal(doc.text, doc.lines, loneCr);
  });
}

/**
 * Can the lines of this text be read alone? Not when a later line starts with U+FEFF (alone,
 * it would be a byte-order mark), nor when a line ends in a lone CR (old Mac line ends):
 * some scans stop only at LF and would read on into the line before. (What a line inside a
 * fenced block or an HTML comment is — code, not prose — depends on the lines before it: the
 * checker reads such a line after a line that opens the same, LineState.md; the figures rules,
 * which the figure hover reads on a line alone, do not read Markdown.)
 * `loneCr`: whether the text has a lone CR, when the caller knows (model/derive.ts crsOf);
 * `from`, `to`: look at lines [from, to) only (the others known to be local).
 */
export function lineLocal(text: string, lines: Line[], loneCr = hasLoneCr(text), from = 0, to = lines.length): boolean {
  if (loneCr) return false;
  // The whole text: a native scan first (most texts have no U+FEFF after the first character).
  if (to - from < lines.length || text.indexOf('\ufeff', 1) >= 0) for (let i = Math.max(1, from); i < to; i++) if (text.charCodeAt(lines[i].start) === 0xfeff) return false;
  return true;
}

/**
 * The Markdown state each of `n` lines starts in: the old version's before line `a`, `mid` for
 * lines [a, a + mid.length), the old version's from its line `oc` on. Undefined while no line
 * of any version has started in a block (an array of prose states once one has: not scanned again).
 */
function spliceStates(old: Int32Array | undefined, a: number, oc: number, mid: readonly number[], n: number): Int32Array | undefined {
  if (!old && mid.every((x) => x === MD_NONE)) return undefined;
  const out = new Int32Array(n);
  if (old) {
    out.set(old.subarray(0, a));
    out.set(old.subarray(oc), a + mid.length);
  }
  out.set(mid, a);
  return out;
}

/** Where each line starts. */
function startsOf(lines: Line[]): Int32Array {
  const out = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = lines[i].start;
  return out;
}

/** Line i's text with its break, from its lines' starts (Line objects or an array of starts). */
function lineText(text: string, starts: Line[] | Int32Array, i: number): string {
  const at = (k: number) => (k < starts.length ? (starts instanceof Int32Array ? starts[k] : starts[k].start) : text.length);
  return text.slice(at(i), at(i + 1));
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

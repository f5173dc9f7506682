// State the server features share: open documents, per-resource settings, and the
// analysis of each document version (computed once, reused by every feature).
//
// A document of TWO_PHASE_MIN_CHARS or more is analysed in two phases (core/run/incremental.ts
// CheckRun): the quick analysis (the per-line rules fresh, the whole-document rules' findings
// of the last full analysis carried over the edit) is ready first, for the diagnostics; the
// whole-document rules then run one at a time, the event loop turning between them, and the
// run is dropped as soon as a newer version (or new settings) arrives: the newer version is
// analysed instead. A smaller document is analysed in one go, as the whole check is cheap.
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/run/check';
import type { ReportDocument } from '../core/model/document';
import { IncrementalChecker, type IncrementalResult } from '../core/run/incremental';
import type { FindingList } from '../core/run/finding-list';
import { wholeDocumentParts } from '../core/run/slices';
import { fixAll, type FixAllResult } from '../core/run/fix';
import type { Finding } from '../core/types';
import { withDefaults, type Config } from '../core/config/config';
import type { RcFile } from '../core/config/rc-file';
import { looksLikeReport } from '../core/outline/templates';
import type { Locale } from '../core/types';
import { settingsToConfig, type EditorSettings } from './settings';
import { ChangeLog, lineAfter } from './change-log';
import type { Health } from './protocol';

/** What differs between the Node server and the web-worker server. */
export interface ServerHost {
  /** The workspace config file for a document, when the host can read files. */
  loadRcFile?(uri: string): RcFile | undefined;
  /** Drop what the host cached about files (the config file changed). */
  invalidate?(): void;
  /** Link for a rule's doc page. */
  docUrl(rule: string): string;
  /** Serve `workreport/test/fault` and `workreport/test/hold` (fault injection and holding analyses, for the protocol tests). */
  testFaults?: boolean;
  /** Analyse documents of at least this many characters in two phases (default TWO_PHASE_MIN_CHARS; the protocol tests lower it). */
  twoPhaseMinChars?: number;
  /** A collection of the young generation, where the runtime offers one (Node): run while the server is idle; false if it did not run. */
  collectYoung?(): boolean;
}

export interface Analysis extends Omit<CheckResult, 'findings'> {
  /** Packed (core/run/finding-list.ts): read with `at`, `pick`, `toArray`. */
  findings: FindingList;
  uri: string;
  version: number;
  config: Config;
  /** False when the document is not a report (plain text that does not look like one). */
  isReport: boolean;
  /** `full`: check()'s findings; `quick`: per-line rules fresh, the others carried over from the last full analysis (diagnostics only). */
  phase: 'quick' | 'full';
  /** Where the text last changed (an offset: the first that differs from the version analysed before), once it has been edited. */
  edited?: number;
  /**
   * Analyses with the same key show the same diagnostics (a pull's resultId is the key's). A
   * version's full analysis takes its quick analysis's key when its findings are the quick
   * ones (the checker hands over the quick result's list when the whole-document rules found
   * what it carried over: run/incremental.ts) and its isReport is the same: a typing edit far
   * from every whole-document finding changes none of them, and the full diagnostics need not
   * go out again.
   */
  shownAs: object;
}

/**
 * What the features that read the model and not the findings (hover, completion, symbols,
 * folding, code lenses) take of a version: its model and settings. An analysis is one; so is a
 * run's model as soon as the run has derived it, before any rule has run (ServerContext.firstModel).
 */
export interface Model {
  doc: ReportDocument;
  uri: string;
  version: number;
  config: Config;
}

/**
 * From this size on, a document is analysed in two phases. Measured on generated reports
 * (bench/profile.ts --incremental and --quick, CPU minima, loaded machine), an edit's whole
 * analysis / its quick result: 50 K characters 37 / 5 ms, 100 K 80 / 9 ms, 200 K 164 / 13 ms,
 * 400 K 221 / 20 ms, 1 M ≈490 / 60 ms. Below 50 K the whole analysis is within the 50 ms an
 * edit may take (issue 16) and one publication is simpler: one phase, as before.
 */
export const TWO_PHASE_MIN_CHARS = 50_000;

/** The warm-up (ServerContext.warmUp): the piece of the document it reads, and how many edits it makes there. */
const WARM_UP_CHARS = 60_000;
const WARM_UP_EDITS = 20;

/** The analysis of one version under way: its first result (quick or full) and its full one. */
interface Running {
  version: number;
  generation: number;
  first: Promise<Analysis>;
  full: Promise<Analysis>;
  /** Someone awaits `first`: make the quick result now, or as soon as the run has read the lines (a no-op once made or when there is none). */
  wantQuick(): void;
  /** The version's model: the run's once derived (before the lines are read), else its analysis. */
  model: Promise<Model>;
  /** Someone awaits `model`: once it is derived, the run waits a turn before reading on, so that they answer first. */
  wantModel(): void;
}

/** Between a run and those who ask for its quick result (see Running.wantQuick) or its model (Running.wantModel). */
interface Demand {
  wanted: boolean;
  /** Set by the run once it can make the quick result. */
  make?: () => void;
  model: boolean;
}

/** How long the server is idle after a large document's analysis before it collects the young generation (collectWhenIdle). */
const IDLE_COLLECT_MS = 150;

/** CPU time of the process in ms, where the runtime says (Node; NaN in the web worker). */
const cpuNow = (): number => {
  const u = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage?.();
  return u ? (u.user + u.system) / 1000 : NaN;
};

/**
 * Page faults of the process so far, where the runtime says (Node; NaN in the web worker): pages
 * touched for the first time since they were mapped — a large text flattened, a large array.
 * On a virtual machine that traps them to its host each can cost ~10 µs (the bench's machine).
 */
const faultsNow = (): number => (globalThis as { process?: { resourceUsage?: () => { minorPageFault: number } } }).process?.resourceUsage?.().minorPageFault ?? NaN;

/** What a run has spent in its slices (not in the turns between them): wall ms, CPU ms, page faults. */
class Spent {
  ms = 0;
  cpuMs = 0;
  faults = 0;

  /** Where a slice starts: what `add` counts from. */
  static mark(): [number, number, number] {
    return [performance.now(), cpuNow(), faultsNow()];
  }

  /** The slice from `from` to now. */
  add([t, c, f]: [number, number, number]): void {
    this.ms += performance.now() - t;
    this.cpuMs += cpuNow() - c;
    this.faults += faultsNow() - f;
  }
}

/**
 * The next turn of the event loop. The web worker has no setImmediate: setTimeout(0), though it
 * waits ≥ 4 ms once nested. Not a MessageChannel message (tried, test/browser/worker.browser.ts
 * on a 60 K report): its tasks ran back to back and starved the connection's setTimeout-driven
 * message handling — a request sent when the quick diagnostics arrived was answered only with
 * the full ones (520–712 ms after the edit; with setTimeout 298–420, before them), and the
 * full ones came no sooner.
 */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

const REPORT_NAME = /\.report(?:\.(?:txt|md))?$/i;
const TEXT_NAME = /\.(?:txt|md|markdown|text)$/i;

export class ServerContext {
  readonly documents: TextDocuments<TextDocument>;
  locale: Locale = 'en';
  hasConfigurationCapability = false;
  /** What the client announced in initialize (features check it before sending requests). */
  clientCapabilities: ClientCapabilities = {};
  /** Settings a client without workspace/configuration pushed in didChangeConfiguration (Neovim 0.7, some Sublime/Helix setups). */
  pushedSettings: EditorSettings = {};
  hasPullDiagnostics = false;
  /** False in an untrusted VS Code workspace (initializationOptions.trusted): regex terms are not run. */
  trusted = true;
  /**
   * Answer a pull with the quick analysis, then ask for a pull again (initializationOptions.quickPullDiagnostics;
   * our VS Code clients ask). Off unless the client asks: a client that does not pull on a refresh would keep the
   * quick diagnostics. VS Code 1.100 with vscode-languageclient 9.0.1 (test/e2e/large.e2e.ts) answered a refresh
   * that arrived while it was still converting a quick answer of 12 K diagnostics and pulled nothing; it now gets
   * at most 1000 (maxDiagnostics), and the refresh is sent again until the full diagnostics are pulled
   * (features/diagnostics.ts).
   */
  quickPull = false;
  /** The most diagnostics of one file the client keeps (initializationOptions.maxDiagnosticsPerFile; VS Code's: protocol.ts VSCODE_MAX_DIAGNOSTICS_PER_FILE); no limit when it does not say. */
  maxDiagnostics: number | undefined;
  /** Commands the client implements itself (initializationOptions.clientCommands), e.g. workreport.ignoreHere. */
  clientCommands = new Set<string>();
  /** Called after settings or the config file changed (features re-check). */
  readonly onConfigurationChanged: (() => void)[] = [];
  private settingsCache = new Map<string, Promise<EditorSettings>>();
  /** The last full analysis of each document. */
  private analyses = new Map<string, Analysis>();
  /** Analyses under way, per document. */
  private running = new Map<string, Running>();
  /** Bumped when the settings change: a run under way for older settings is dropped. */
  private generation = 0;
  /** Runs dropped because a newer version or new settings arrived (workreport/health). */
  abandoned = 0;
  /** Refreshes sent after quick pull answers, and sent again (workreport/health). */
  readonly refreshes = { sent: 0, again: 0 };
  /** While set (workreport/test/hold), a two-phase run waits on it before each whole-document rule. */
  testHold: Promise<void> | undefined;
  /** Per open document: the lines of its last version and their findings, so that an edit re-reads only the lines it touched. */
  private checkers = new Map<string, IncrementalChecker>();
  /** The last analysis run: its time and how much of it was re-read (workreport/health, for the bench). */
  lastAnalysis: Health['lastAnalysis'];
  /** The edit path has been warmed up (warmUp), and how many of its edits are done (workreport/health). */
  private warmed = false;
  warmUpEdits = 0;
  /** Fix-all results per analysis and kind (code actions ask for them on every light bulb). */
  private fixes = new WeakMap<Analysis, Map<string, FixAllResult>>();

  constructor(
    readonly connection: Connection,
    readonly host: ServerHost,
    guard: (d: TextDocuments<TextDocument>) => TextDocuments<TextDocument> = (d) => d,
  ) {
    // The editor's changes are logged on their way to the document (change-log.ts).
    this.documents = guard(
      new TextDocuments({
        create: (uri, languageId, version, content) => {
          this.changes.forget(uri);
          return TextDocument.create(uri, languageId, version, content);
        },
        update: (document, changes, version) => {
          this.changes.record(document.uri, document.version, version, changes);
          return TextDocument.update(document, changes, version);
        },
      }),
    );
  }

  /** Completions answered from the last full analysis and the line typed since (features/completion.ts), for workreport/health. */
  completionsFromAnalysis = 0;

  /** The changes to each open document since its last analysis (change-log.ts). */
  private readonly changes = new ChangeLog();

  /**
   * Line `line` of the current version of `doc`: as the last full analysis read it (`was`) with
   * the changes since applied (change-log.ts lineAfter), with that analysis — without reading
   * the editor's document, whose text right after an edit is flattened on the first read.
   * Undefined when there is no such analysis, or a change since reached beyond the line (or is
   * not known).
   */
  lineSince(doc: TextDocument, line: number): { analysis: Analysis; was: string; text: string } | undefined {
    const a = this.analyses.get(doc.uri);
    if (!a || a.phase !== 'full' || a.version >= doc.version) return undefined;
    const lines = a.doc.lines;
    if (line < 0 || line >= lines.length) return undefined;
    const steps = this.changes.between(doc.uri, a.version, doc.version);
    if (!steps) return undefined;
    const was = a.doc.text.slice(lines[line].start, lines[line].end);
    const text = lineAfter(was, line, steps);
    return text === undefined ? undefined : { analysis: a, was, text };
  }

  /** Settings for one resource, asked of the client once and cached until they change. */
  settings(uri: string): Promise<EditorSettings> {
    if (!this.hasConfigurationCapability) return Promise.resolve(this.pushedSettings);
    let s = this.settingsCache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'workreport' })
        .then((v) => (v && typeof v === 'object' ? (v as EditorSettings) : {}), () => ({}));
      this.settingsCache.set(uri, s);
    }
    return s;
  }

  invalidateSettings(): void {
    this.host.invalidate?.();
    this.settingsCache.clear();
    this.analyses.clear();
    this.running.clear();
    this.checkers.clear();
    this.generation++;
  }

  /** How many analyses are cached (one per open document at most; for the health request). */
  get cachedAnalyses(): number {
    return this.analyses.size;
  }

  forget(uri: string): void {
    this.changes.forget(uri);
    this.settingsCache.delete(uri);
    this.analyses.delete(uri);
    this.running.delete(uri);
    this.checkers.delete(uri);
  }

  async config(uri: string): Promise<{ config: Config; settings: EditorSettings }> {
    const settings = await this.settings(uri);
    const fromEditor = settingsToConfig(settings, this.locale);
    const rc = this.host.loadRcFile?.(uri);
    const merged: Partial<Config> = {
      ...fromEditor,
      ...(rc?.config ?? {}),
      rules: { ...(fromEditor.rules ?? {}), ...(rc?.config.rules ?? {}) },
      ignore: [...(fromEditor.ignore ?? []), ...(rc?.config.ignore ?? [])],
      locale: fromEditor.locale,
      trusted: this.trusted,
    };
    return { config: withDefaults(merged), settings };
  }

  /** The full analysis of the document's current version (cached per version). */
  analyze(doc: TextDocument): Promise<Analysis> {
    return this.under(doc).full;
  }

  /**
   * The first analysis of the current version to be ready: the quick one of a document analysed
   * in two phases, else the full one. What reads the model and not the findings (completion,
   * hover, symbols, folding, code lenses) takes it: the quick analysis has the same
   * ReportDocument the full run goes on reading, and the parts it builds are memoised for it.
   * The quick result is made only for those who ask here (push diagnostics, quick pull answers
   * and the features above): a run started by analyze() alone — the pull of a client that takes
   * only full answers, code actions — does not make it (≈40 ms on an edit of a 1 M report),
   * unless a call here arrives while it runs.
   */
  firstAnalysis(doc: TextDocument): Promise<Analysis> {
    const r = this.under(doc);
    r.wantQuick();
    return r.first;
  }

  /**
   * The model of the current version, as soon as there is one: hover, completion, symbols,
   * folding and code lenses read it and not the findings. Right after an edit it is the run's
   * own (derived from the last version, the same ReportDocument the run goes on reading: what
   * they build on it is memoised for the run), handed over before the run reads the edited
   * lines or carries a finding over; the run waits a turn for them. On the 1 M bench report
   * those were ≈7 ms of the answer (reading the lines 4.5, the quick result's merge 2.9).
   */
  firstModel(doc: TextDocument): Promise<Model> {
    const r = this.under(doc);
    r.wantModel();
    return r.model;
  }

  /** The analysis of the current version: cached, under way, or started now. */
  private under(doc: TextDocument): Running {
    const version = doc.version;
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === version) {
      const done = Promise.resolve(cached);
      return { version, generation: this.generation, first: done, full: done, model: done, wantQuick: () => undefined, wantModel: () => undefined };
    }
    const on = this.running.get(doc.uri);
    if (on && on.version === version && on.generation === this.generation) return on;
    let quick!: (a: Analysis) => void;
    const first = new Promise<Analysis>((resolve) => (quick = resolve));
    let derived!: (m: Model) => void;
    const model = new Promise<Model>((resolve) => (derived = resolve));
    const demand: Demand = { wanted: false, model: false };
    const full = this.run(doc, quick, derived, demand);
    const wantQuick = () => {
      demand.wanted = true;
      demand.make?.();
    };
    const wantModel = () => void (demand.model = true);
    const r: Running = { version, generation: this.generation, first: Promise.race([first, full]), full, wantQuick, model: Promise.race([model, full]), wantModel };
    // A failure reaches whoever awaits any; nobody need await all.
    r.first.catch(() => undefined);
    r.model.catch(() => undefined);
    this.running.set(doc.uri, r);
    const done = () => {
      if (this.running.get(doc.uri) === r) this.running.delete(doc.uri);
    };
    full.then(done, done);
    return r;
  }

  private async run(doc: TextDocument, quick: (a: Analysis) => void, derived: (m: Model) => void, demand: Demand): Promise<Analysis> {
    const uri = doc.uri;
    const version = doc.version;
    const generation = this.generation;
    const { config } = await this.config(uri);
    // The document or the settings may have changed while settings were fetched.
    if (doc.version !== version || generation !== this.generation) return this.analyze(doc);
    const text = doc.getText();
    let checker = this.checkers.get(uri);
    if (!checker) this.checkers.set(uri, (checker = new IncrementalChecker()));
    const twoPhase = text.length >= (this.host.twoPhaseMinChars ?? TWO_PHASE_MIN_CHARS);
    const last = this.analyses.get(uri);
    const spent = new Spent();
    const start = Spent.mark();
    // The same findings as check(text, config) in the end (test/property/incremental.property.test.ts).
    const run = twoPhase ? checker.start(text, config, wholeDocumentParts(checker.rules, config)) : checker.start(text, config);
    // The last analysis is mostly of the text the checker laid this one against: then the run has the comparison made.
    const edited = !last ? undefined : last.doc.text === text ? last.edited : run.changedFrom(last.doc.text);
    derived({ doc: run.doc, uri, version, config });
    let quickMs: number | undefined;
    let quickCpuMs: number | undefined;
    spent.add(start);
    // Those waiting for the model (a hover, a completion) answer before the lines are read (a
    // newer version arrived meanwhile: the loop below drops the run).
    if (twoPhase && demand.model) await nextTurn();
    /** The quick analysis, once made: the full one takes its key when it shows the same. */
    let quickAnalysis: Analysis | undefined;
    /** The quick result, once, for those awaiting `first` (when asked for during the run, made between two slices: its time is then the run's so far). */
    const makeQuick = () => {
      demand.make = undefined;
      const from = Spent.mark();
      const q = run.quick();
      if (!q) return;
      spent.add(from);
      quickMs = spent.ms;
      quickCpuMs = spent.cpuMs;
      this.lastAnalysis = { uri, version, ms: quickMs, cpuMs: quickCpuMs, faults: spent.faults, read: q.read, reused: q.reused, whole: false, phase: 'quick', carried: q.carried };
      // Whether it is a report: as the last full analysis found (the quick one changes no heading it would read).
      quickAnalysis = { doc: q.doc, findings: q.findings, uri, version, config, isReport: last?.isReport ?? this.isReportDocument(doc, q, config), phase: 'quick', edited, shownAs: {} };
      quick(quickAnalysis);
    };
    if (twoPhase) {
      if (demand.wanted) makeQuick();
      else demand.make = makeQuick;
    }
    // Those waiting for the quick analysis answer before the first whole-document rule runs.
    if (quickMs !== undefined) await nextTurn();
    let result: IncrementalResult | undefined;
    for (;;) {
      if (twoPhase) {
        // A newer version arrived (it will be analysed) or the settings changed: drop this run.
        const current = this.documents.get(uri);
        if ((current && current.version !== version) || generation !== this.generation) {
          demand.make = undefined;
          this.abandoned++;
          return this.analyze(current ?? doc);
        }
      }
      const from = Spent.mark();
      result = run.step();
      spent.add(from);
      if (result) {
        demand.make = undefined;
        break;
      }
      if (!twoPhase) continue;
      await nextTurn();
      while (this.testHold) await this.testHold;
    }
    const { doc: model, findings, read, reused, whole } = result;
    const isReport = this.isReportDocument(doc, result, config);
    // The checker compared the findings (run/incremental.ts): the same list is the same findings.
    const asQuick = quickAnalysis && quickAnalysis.isReport === isReport && quickAnalysis.findings === findings ? quickAnalysis.shownAs : undefined;
    this.lastAnalysis = { uri, version, ms: spent.ms, cpuMs: spent.cpuMs, faults: spent.faults, read, reused, whole, phase: 'full', quickMs, quickCpuMs, sliced: twoPhase, ...(asQuick ? { asQuick: true } : {}) };
    const a: Analysis = { doc: model, findings, uri, version, config, isReport, phase: 'full', edited, shownAs: asQuick ?? {} };
    // Not kept for a document closed meanwhile.
    if (!twoPhase || (this.documents.get(uri) && generation === this.generation)) {
      this.analyses.set(uri, a);
      this.changes.analysed(uri, version);
    }
    if (twoPhase && whole) this.warmUp(text, config);
    if (twoPhase) this.collectWhenIdle();
    return a;
  }

  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Collections of the young generation run while idle (collectWhenIdle), for workreport/health. */
  idleCollections = 0;

  /**
   * After a large document's analysis, once the server has been idle a moment: a collection of
   * the young generation. An edit of a large report allocates more than the young generation
   * holds (21 MB on 1 M characters), so a scavenge falls somewhere in each edit's analysis or
   * answer, 5–13 ms; run in the pause after the last one, it empties the young generation of
   * the last edit's garbage and moves what the version keeps out of it, and the next edit's
   * quick answer mostly runs without one. The collection is the one that would have come.
   */
  private collectWhenIdle(): void {
    const collect = this.host.collectYoung;
    if (!collect) return;
    clearTimeout(this.idleTimer);
    const timer = setTimeout(() => {
      this.idleTimer = undefined;
      if (!this.running.size && collect()) this.idleCollections++;
    }, IDLE_COLLECT_MS);
    // Node: the timer does not keep a server that is shutting down alive.
    (timer as { unref?: () => void }).unref?.();
    this.idleTimer = timer;
  }

  /**
   * Once per process, after the first whole analysis of a large document: the edit path (a
   * version derived from the last, read in slices) run on a piece of that document, a few
   * edits, one per turn of the event loop while no analysis is under way, and dropped. The
   * first edits of a report are otherwise run by code not yet optimised: on a 1 M report a
   * fresh server's first four edits took 2–8 times as long as the later ones; after twenty
   * edits of a 60 K piece, the 1 M report's second to eighth edits took about what the later
   * ones take (bench/profile.ts --slices --each). It costs ≈150 ms of CPU once, in the pause
   * after the first diagnostics, and holds nothing once done.
   */
  private warmUp(text: string, config: Config): void {
    if (this.warmed) return;
    this.warmed = true;
    const end = text.indexOf('\n', WARM_UP_CHARS);
    if (end < 0) return;
    let piece = text.slice(0, end + 1);
    const at = piece.indexOf('\n', piece.length >> 1) + 1;
    const checker = new IncrementalChecker();
    const parts = wholeDocumentParts(checker.rules, config);
    let k = 0;
    const next = () => {
      if (k > WARM_UP_EDITS) return;
      // The writer's work first: wait while an analysis is under way.
      if (this.running.size) return void setTimeout(next, 50);
      try {
        if (k > 0) piece = piece.slice(0, at) + (k % 2 ? '三' : '，') + piece.slice(at);
        const run = checker.start(piece, config, parts);
        run.quick();
        run.finish();
      } catch {
        // Only a warm-up: what fails here fails again, and is reported, when the document is analysed.
        return;
      }
      this.warmUpEdits = k++;
      void nextTurn().then(next);
    };
    void nextTurn().then(next);
  }

  /**
   * Every safe fix that `filter` keeps, applied to a fixed point, for an analysed version:
   * the analysis's findings are the first round, and the rounds after it re-read only the
   * lines the fixes changed. Computed once per analysis and `kind` (which names the filter).
   */
  fixAll(a: Analysis, kind: string, filter?: (f: Finding, text: string) => boolean): FixAllResult {
    let byKind = this.fixes.get(a);
    if (!byKind) this.fixes.set(a, (byKind = new Map()));
    let r = byKind.get(kind);
    if (!r) {
      const checker = this.checkers.get(a.uri);
      // A checker that has seen this version (the current one); fixAll forks it, so the document's own stays as it is.
      const seen = checker && this.analyses.get(a.uri) === a ? checker : undefined;
      r = fixAll(a.doc.text, a.config, filter, undefined, { findings: a.findings.toArray(), checker: seen });
      byKind.set(kind, r);
    }
    return r;
  }

  /**
   * Whether the version an analysis (quick or full) read is a report, as its full analysis
   * says it (a quick analysis takes the last full one's word, which is enough for diagnostics).
   */
  isReport(doc: TextDocument, a: Model | Analysis): boolean {
    return 'phase' in a && a.phase === 'full' ? a.isReport : this.isReportDocument(doc, a, a.config);
  }

  private isReportDocument(doc: TextDocument, result: Pick<CheckResult, 'doc'>, config: Config): boolean {
    if (doc.languageId === 'workreport' || REPORT_NAME.test(doc.uri)) return true;
    const textual =
      doc.languageId === 'plaintext' || doc.languageId === 'markdown' || doc.languageId === 'text' ||
      !doc.languageId || TEXT_NAME.test(doc.uri) || doc.uri.startsWith('untitled:');
    if (!textual || !config.detectReports) return false;
    return looksLikeReport(result.doc, config);
  }
}

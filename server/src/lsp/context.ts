// State the server features share: open documents, per-resource settings, and the
// analysis of each document version (computed once, reused by every feature).
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/run/check';
import { IncrementalChecker } from '../core/run/incremental';
import { fixAll, type FixAllResult } from '../core/run/fix';
import type { Finding } from '../core/types';
import { withDefaults, type Config } from '../core/config/config';
import type { RcFile } from '../core/config/rc-file';
import { looksLikeReport } from '../core/outline/templates';
import type { Locale } from '../core/types';
import { settingsToConfig, type EditorSettings } from './settings';
import type { Health } from './protocol';

/** What differs between the Node server and the web-worker server. */
export interface ServerHost {
  /** The workspace config file for a document, when the host can read files. */
  loadRcFile?(uri: string): RcFile | undefined;
  /** Drop what the host cached about files (the config file changed). */
  invalidate?(): void;
  /** Link for a rule's doc page. */
  docUrl(rule: string): string;
  /** Serve `workreport/test/fault` (fault injection for the crash-policy tests). */
  testFaults?: boolean;
}

export interface Analysis extends CheckResult {
  uri: string;
  version: number;
  config: Config;
  /** False when the document is not a report (plain text that does not look like one). */
  isReport: boolean;
}

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
  /** Commands the client implements itself (initializationOptions.clientCommands), e.g. workreport.ignoreHere. */
  clientCommands = new Set<string>();
  /** Called after settings or the config file changed (features re-check). */
  readonly onConfigurationChanged: (() => void)[] = [];
  private settingsCache = new Map<string, Promise<EditorSettings>>();
  private analyses = new Map<string, Analysis>();
  /** Per open document: the lines of its last version and their findings, so that an edit re-reads only the lines it touched. */
  private checkers = new Map<string, IncrementalChecker>();
  /** The last analysis run: its time and how much of it was re-read (workreport/health, for the bench). */
  lastAnalysis: Health['lastAnalysis'];
  /** Fix-all results per analysis and kind (code actions ask for them on every light bulb). */
  private fixes = new WeakMap<Analysis, Map<string, FixAllResult>>();

  constructor(
    readonly connection: Connection,
    readonly host: ServerHost,
    guard: (d: TextDocuments<TextDocument>) => TextDocuments<TextDocument> = (d) => d,
  ) {
    this.documents = guard(new TextDocuments(TextDocument));
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
    this.checkers.clear();
  }

  /** How many analyses are cached (one per open document at most; for the health request). */
  get cachedAnalyses(): number {
    return this.analyses.size;
  }

  forget(uri: string): void {
    this.settingsCache.delete(uri);
    this.analyses.delete(uri);
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

  /** The analysis of the document's current version (cached per version). */
  async analyze(doc: TextDocument): Promise<Analysis> {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const { config } = await this.config(doc.uri);
    // The document may have changed while settings were fetched.
    const again = this.analyses.get(doc.uri);
    if (again && again.version === doc.version) return again;
    const text = doc.getText();
    let checker = this.checkers.get(doc.uri);
    if (!checker) this.checkers.set(doc.uri, (checker = new IncrementalChecker()));
    // The same findings as check(text, config) (test/property/incremental.property.test.ts).
    const t0 = performance.now();
    const { doc: model, findings, read, reused, whole } = checker.check(text, config);
    this.lastAnalysis = { uri: doc.uri, version: doc.version, ms: performance.now() - t0, read, reused, whole };
    const result: CheckResult = { doc: model, findings };
    const isReport = this.isReportDocument(doc, result, config);
    const a: Analysis = { ...result, uri: doc.uri, version: doc.version, config, isReport };
    this.analyses.set(doc.uri, a);
    return a;
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
      r = fixAll(a.doc.text, a.config, filter, undefined, { findings: a.findings, checker: seen });
      byKind.set(kind, r);
    }
    return r;
  }

  private isReportDocument(doc: TextDocument, result: CheckResult, config: Config): boolean {
    if (doc.languageId === 'workreport' || REPORT_NAME.test(doc.uri)) return true;
    const textual =
      doc.languageId === 'plaintext' || doc.languageId === 'markdown' || doc.languageId === 'text' ||
      !doc.languageId || TEXT_NAME.test(doc.uri) || doc.uri.startsWith('untitled:');
    if (!textual || !config.detectReports) return false;
    return looksLikeReport(result.doc, config);
  }
}

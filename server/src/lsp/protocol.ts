// The extension's own protocol beyond LSP: custom requests and notifications, and the
// command ids both sides name. One module, imported by the server (lsp/) and by the VS Code
// clients (client/src/); plain names and types only, so that a client bundle pulls in no
// server code.
import type { CharCount } from '../core/authoring/count';

export interface UriParams {
  uri: string;
}

/** Request `workreport/documentStats` {uri} → 字数 of the report (status bar), or null. */
export const DOCUMENT_STATS_REQUEST = 'workreport/documentStats';
export interface DocumentStats extends CharCount {
  isReport: boolean;
  /** 0 = no limit. */
  lengthLimit: number;
  /** Status-bar text and tooltip, in the server's message language. */
  text: string;
  tooltip: string;
}

/** Request `workreport/figuresTable` → the figures table as Markdown, or null. */
export const FIGURES_TABLE_REQUEST = 'workreport/figuresTable';
export interface FiguresTableParams extends UriParams {
  /** How rows link back: `file` (`file:///…#L12,5`, the default) or `command` (`command:workreport.reveal?…`, for a VS Code webview). */
  links?: 'file' | 'command';
}
export interface FiguresTable {
  markdown: string;
}

/** Request `workreport/health` → the server's memory and what it holds (tests, bench). */
export const HEALTH_REQUEST = 'workreport/health';
export interface Health {
  documents: number;
  analyses: number;
  /** Bytes, when the runtime says (Node: process.memoryUsage()). */
  memory?: { rss?: number; heapUsed: number; heapTotal: number; external?: number; arrayBuffers?: number };
  gc: boolean;
  /**
   * The last analysis the server ran (the bench's edit → diagnostics figure without the round
   * trip): ms of wall time in the analysis (its slices only, not the turns between them) and
   * the process's CPU time in them (cpuMs, where the runtime says: the steadier figure) and its
   * page faults in them (faults, where the runtime says), lines re-read and taken over, whether
   * it was read whole. `phase`: `quick` — the quick result of a two-phase analysis (`carried`:
   * findings carried over); `full` — the whole analysis
   * (`quickMs`, `quickCpuMs`: of which the quick result, when there was one; `sliced`: run in slices).
   */
  lastAnalysis?: {
    uri: string;
    version: number;
    ms: number;
    cpuMs?: number;
    faults?: number;
    read: number;
    reused: number;
    whole: boolean;
    phase: 'quick' | 'full';
    carried?: number;
    quickMs?: number;
    quickCpuMs?: number;
    sliced?: boolean;
    /** The full analysis found what its quick one did: its diagnostics were not sent again (no refresh, no second publication). */
    asQuick?: boolean;
  };
  /** Two-phase analyses dropped because a newer version or new settings arrived. */
  abandoned?: number;
  /** workspace/diagnostic/refresh sent after a quick pull answer, and of those, sent again because the client had not pulled the full diagnostics. */
  refreshes?: { sent: number; again: number };
  /** Collections of the young generation the server ran while idle after a large document's analysis (lsp/context.ts collectWhenIdle; Node only). */
  idleCollections?: number;
  /** Completions answered from the last full analysis and the line typed since (lsp/features/completion.ts), not from the new version's model. */
  completionsFromAnalysis?: number;
  /** Edits the warm-up of the edit path has made (lsp/context.ts warmUp; once per process, after the first whole analysis of a large document). */
  warmUpEdits?: number;
}

/** Notification client → server: the user trusted the workspace (regex terms may run). */
export const DID_GRANT_TRUST_NOTIFICATION = 'workreport/didGrantTrust';

/**
 * Notification client → server of the web build: the workspace's `.workreportrc.json` files
 * (the web worker cannot read files itself). Each notification carries the whole set.
 */
export const RC_FILES_NOTIFICATION = 'workreport/rcFiles';
export interface RcFilesParams {
  files: { uri: string; text: string }[];
}

/**
 * Client command that shows a rule's page rendered (`command:workreport.showRuleDoc?["punct/halfwidth"]`):
 * diagnostics link to it when the client has it, to the page's file or web address otherwise.
 */
export const SHOW_RULE_DOC_COMMAND = 'workreport.showRuleDoc';

/** Client command behind the server's "ignore here" quick fix (offered only when the client has it). */
export const IGNORE_COMMAND = 'workreport.ignoreHere';
export interface IgnoreArgs {
  uri: string;
  rule: string;
  text: string;
}

/** Client command the figures table's `command` links call: (uri, line, character), 0-based. */
export const REVEAL_COMMAND = 'workreport.reveal';

/** Server commands (workspace/executeCommand): convert the whole document's script. */
export const CONVERT_COMMANDS = {
  'workreport.convertToSimplified': 'simplified',
  'workreport.convertToTraditional': 'traditional',
} as const;

/** Word in, Word out (server: lsp/features/docx.ts; client: features/docx.ts; docs/docx.md). */
/** Request `workreport/readDocx` {data: base64 of a .docx} → the text the checker reads, or one message. */
export const READ_DOCX_REQUEST = 'workreport/readDocx';
export interface ReadDocxResult {
  text?: string;
  error?: string;
  paragraphs?: number;
}
export interface FontParams extends UriParams {
  /** `standard` (GB/T 9704's fonts) or `fallback` (仿宋, 黑体, 楷体, 华文中宋). */
  fonts?: 'standard' | 'fallback';
  /** Per-role names: title, heading1, heading2, body, pageNumber. */
  fontOverrides?: Record<string, string>;
}
/** Request `workreport/exportDocx` {uri, fonts?} → the GB/T 9704 .docx (base64) and the error-level findings, or null. */
export const EXPORT_DOCX_REQUEST = 'workreport/exportDocx';
export interface ExportDocxResult {
  data: string;
  paragraphs: number;
  /** Error-level findings (0-based positions), for the summary shown before writing. */
  errors: { line: number; character: number; rule: string; message: string }[];
}
/** Request `workreport/preview` {uri, fonts?} → the print preview's pages as HTML and their style sheet, or null. */
export const PREVIEW_REQUEST = 'workreport/preview';
export interface PreviewResult {
  css: string;
  html: string;
  pages: number;
}
/** Client commands of the Word features. */
export const IMPORT_DOCX_COMMAND = 'workreport.importDocx';
export const CHECK_DOCX_COMMAND = 'workreport.checkDocx';
export const EXPORT_DOCX_COMMAND = 'workreport.exportDocx';
export const PREVIEW_COMMAND = 'workreport.showPreview';
/** Scheme of the read-only text of a checked .docx (`workreport-docx:/…/a.docx.report?<file uri>`). */
export const DOCX_SCHEME = 'workreport-docx';

/**
 * How many diagnostics of one file VS Code keeps (extHostDiagnostics.ts `_maxDiagnosticsPerFile`,
 * 1000 in VS Code 1.100): it converts every diagnostic it is sent, then keeps the first this many
 * by severity and replaces the rest with one "Not showing N further errors and warnings" marker.
 * Our clients send it as initializationOptions.maxDiagnosticsPerFile, and the server sends no more
 * (the last one saying how many it left out): on a 1 M report 46 K diagnostics were 27 MB of
 * JSON, of which VS Code showed 1000.
 */
export const VSCODE_MAX_DIAGNOSTICS_PER_FILE = 1000;

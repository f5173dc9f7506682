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
  memory?: { rss?: number; heapUsed: number; heapTotal: number; external?: number };
  gc: boolean;
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

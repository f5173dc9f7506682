// The server's custom messages and client commands, mirrored here in one place
// (server side: server/src/lsp/features/commands-authoring.ts).

export interface UriParams {
  uri: string;
}

/** workreport/documentStats → 字数 of the report, for the status bar. */
export const DOCUMENT_STATS = 'workreport/documentStats';
export interface DocumentStats {
  words: number;
  han: number;
  punctuation: number;
  latinWords: number;
  nonSpace: number;
  isReport: boolean;
  lengthLimit: number;
  text: string;
  tooltip: string;
}

/** workreport/figuresTable {uri, links?: 'file' | 'command'} → the figures table as Markdown. */
export const FIGURES_TABLE = 'workreport/figuresTable';
export interface FiguresTable {
  markdown: string;
}

/** Client command behind the server's "ignore here" quick fix. */
export const IGNORE_COMMAND = 'workreport.ignoreHere';
export interface IgnoreArgs {
  uri: string;
  rule: string;
  text: string;
}

export const NEW_REPORT_COMMAND = 'workreport.newReport';
export const FIGURES_TABLE_COMMAND = 'workreport.showFiguresTable';
/** Reveals (uri, line, character) in the report; the figures table's row links call it. */
export const REVEAL_COMMAND = 'workreport.reveal';
/** Scheme of the read-only figures-table documents. */
export const FIGURES_SCHEME = 'workreport-figures';

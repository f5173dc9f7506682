// The client features that need the VS Code API, shared by the desktop and web clients.
// The server computes everything they show; each feature is one file.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IGNORE_COMMAND, SHOW_RULE_DOC_COMMAND, VSCODE_MAX_DIAGNOSTICS_PER_FILE } from '../../../server/src/lsp/protocol';
import { registerDocx } from './docx';
import { registerFiguresTable } from './figures-table';
import { registerIgnoreHere } from './ignore-here';
import { registerNewReport } from './new-report';
import { registerRuleDocs } from './rule-docs';
import { registerWordCount } from './word-count';

/** Commands the client implements; the server only offers actions that use them. */
const CLIENT_COMMANDS = [IGNORE_COMMAND, SHOW_RULE_DOC_COMMAND];

/** What both clients tell the server when it starts (server/src/lsp/server.ts reads it). */
export function initializationOptions(): object {
  return {
    locale: vscode.env.language,
    clientCommands: CLIENT_COMMANDS,
    trusted: vscode.workspace.isTrusted,
    // VS Code keeps so many diagnostics of a file: no more are sent (lsp/features/diagnostics.ts).
    maxDiagnosticsPerFile: VSCODE_MAX_DIAGNOSTICS_PER_FILE,
    // A large report's edit: the quick diagnostics first, then a refresh for the full ones (lsp/context.ts).
    quickPullDiagnostics: true,
  };
}

/** What the features expose through the extension's API (for tests). */
export interface FeaturesApi {
  /** The 字数 status bar item. */
  countItem: vscode.StatusBarItem;
}

export function registerFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient): FeaturesApi {
  registerFiguresTable(context, client);
  registerNewReport(context);
  registerIgnoreHere(context);
  registerRuleDocs(context);
  registerDocx(context, client);
  return { countItem: registerWordCount(context, client) };
}

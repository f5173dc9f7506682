// The client features that need the VS Code API, shared by the desktop and web clients.
// The server computes everything they show; each feature is one file.
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IGNORE_COMMAND, SHOW_RULE_DOC_COMMAND } from '../../../server/src/lsp/protocol';
import { registerDocx } from './docx';
import { registerFiguresTable } from './figures-table';
import { registerIgnoreHere } from './ignore-here';
import { registerNewReport } from './new-report';
import { registerRuleDocs } from './rule-docs';
import { registerWordCount } from './word-count';

/** Commands the client implements; the server only offers actions that use them. */
export const CLIENT_COMMANDS = [IGNORE_COMMAND, SHOW_RULE_DOC_COMMAND];

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

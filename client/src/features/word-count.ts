// 字数 of the active report in the status bar (the server counts: workreport/documentStats);
// a warning background over the length limit; a click opens the figures table.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DOCUMENT_STATS_REQUEST, type DocumentStats, type UriParams } from '../../../server/src/lsp/protocol';
import { debounce, zh } from '../util';
import { FIGURES_SCHEME, FIGURES_TABLE_COMMAND } from './figures-table';

export function registerWordCount(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.StatusBarItem {
  const subs = context.subscriptions;
  const item = vscode.window.createStatusBarItem('workreport.count', vscode.StatusBarAlignment.Right, 100);
  item.name = zh() ? '报告字数' : 'Report character count';
  item.command = FIGURES_TABLE_COMMAND;
  subs.push(item);
  let seq = 0;
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const mine = ++seq;
    if (!editor || editor.document.uri.scheme === FIGURES_SCHEME) return void item.hide();
    const stats = await client
      .sendRequest<DocumentStats | null>(DOCUMENT_STATS_REQUEST, { uri: editor.document.uri.toString() } satisfies UriParams)
      .then(undefined, () => null);
    if (mine !== seq) return;
    if (!stats?.isReport) return void item.hide();
    item.text = `$(symbol-text) ${stats.text}`;
    item.tooltip = stats.tooltip;
    const over = stats.lengthLimit > 0 && stats.words > stats.lengthLimit;
    item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const soon = debounce(250, () => void update());
  subs.push(
    vscode.window.onDidChangeActiveTextEditor(soon),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) soon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('workreport')) soon();
    }),
  );
  soon();
  return item;
}

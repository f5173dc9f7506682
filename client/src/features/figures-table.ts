// "Show Figures Table": the server's Markdown table of every figure and relation, rendered
// by VS Code's own Markdown engine into a webview beside the report, whose row links reveal
// the place in the report. Without the Markdown extension, the Markdown itself opens
// read-only beside the report. Open tables follow edits of their report.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIGURES_TABLE_REQUEST, REVEAL_COMMAND, type FiguresTable, type FiguresTableParams } from '../../../server/src/lsp/protocol';
import { debounce, zh } from '../util';

export const FIGURES_TABLE_COMMAND = 'workreport.showFiguresTable';
/** Scheme of the read-only figures-table documents. */
export const FIGURES_SCHEME = 'workreport-figures';

export function registerFiguresTable(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const subs = context.subscriptions;
  const panels = new Map<string, vscode.WebviewPanel>();
  const fallback = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const table = (params: FiguresTableParams) => client.sendRequest<FiguresTable | null>(FIGURES_TABLE_REQUEST, params);
  subs.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(FIGURES_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => fallback.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: string, line: number, character: number) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      const at = new vscode.Position(line, character);
      await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
    }),
  );
  const render = async (source: vscode.Uri): Promise<string | undefined> => {
    const r = await table({ uri: source.toString(), links: 'command' });
    if (!r) return undefined;
    const panel = panels.get(source.toString());
    if (panel) panel.webview.html = page(await vscode.commands.executeCommand<string>('markdown.api.render', r.markdown));
    return r.markdown;
  };
  subs.push(
    vscode.commands.registerCommand(FIGURES_TABLE_COMMAND, async (arg?: vscode.Uri) => {
      const source = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!source || source.scheme === FIGURES_SCHEME) return undefined;
      const key = source.toString();
      let panel = panels.get(key);
      if (!panel) {
        panel = vscode.window.createWebviewPanel(
          'workreport.figuresTable',
          (zh() ? '数字核对表 · ' : 'Figures · ') + baseName(source),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          { enableCommandUris: [REVEAL_COMMAND], enableFindWidget: true },
        );
        panels.set(key, panel);
        panel.onDidDispose(() => panels.delete(key));
      } else panel.reveal(vscode.ViewColumn.Beside, true);
      try {
        const md = await render(source);
        if (md === undefined) {
          panel.dispose();
          void vscode.window.showWarningMessage(zh() ? '此文档未被识别为报告。' : 'This document is not checked as a report.');
        }
        return md;
      } catch {
        // No Markdown engine: show the Markdown text itself, read-only.
        panel.dispose();
        const r = await table({ uri: key });
        if (!r) return undefined;
        const uri = vscode.Uri.from({ scheme: FIGURES_SCHEME, path: `/${baseName(source)}.figures.md`, query: key });
        fallback.set(uri.toString(), r.markdown);
        changed.fire(uri);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
        return r.markdown;
      }
    }),
  );
  const tablesSoon = debounce(500, () => {
    for (const key of panels.keys()) void render(vscode.Uri.parse(key)).catch(() => undefined);
  });
  subs.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (panels.has(e.document.uri.toString())) tablesSoon();
    }),
  );
}

const baseName = (u: vscode.Uri) => u.path.split('/').pop() || 'report';

/** The webview page around the rendered table; VS Code's theme variables style it. */
function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; line-height: 1.5; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.4em; }
ul { padding-left: 1.2em; } li { margin: 0.2em 0; } li p { margin: 0.25em 0; }
li > p:nth-child(2) { color: var(--vscode-descriptionForeground); }
strong { color: var(--vscode-editor-foreground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background, #8882); padding: 0 3px; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; white-space: nowrap; }
blockquote { margin: 0; padding-left: 8px; border-left: 3px solid var(--vscode-textBlockQuote-border, #8886); }
</style></head><body>${body}</body></html>`;
}

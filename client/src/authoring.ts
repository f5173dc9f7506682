// Authoring UI that needs the VS Code API (shared by the desktop and web clients):
// the 字数 status bar item, "New report from template", the figures table beside the
// report, and recording "ignore here". The server computes everything shown.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DOCUMENT_STATS,
  FIGURES_SCHEME,
  FIGURES_TABLE,
  FIGURES_TABLE_COMMAND,
  IGNORE_COMMAND,
  NEW_REPORT_COMMAND,
  REVEAL_COMMAND,
  type DocumentStats,
  type FiguresTable,
  type IgnoreArgs,
} from './protocol';

/** Commands the client implements; the server only offers actions that use them. */
export const CLIENT_COMMANDS = [IGNORE_COMMAND];

const RC_NAME = '.workreportrc.json';
const zh = () => /^zh/i.test(vscode.env.language);

function debounce(ms: number, f: () => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(t);
    t = setTimeout(f, ms);
  };
}

/** What the authoring UI exposes through the extension's API (for tests). */
export interface AuthoringApi {
  /** The 字数 status bar item. */
  countItem: vscode.StatusBarItem;
}

export function registerAuthoring(context: vscode.ExtensionContext, client: BaseLanguageClient): AuthoringApi {
  const subs = context.subscriptions;

  // 字数 in the status bar, for the active report.
  const item = vscode.window.createStatusBarItem('workreport.count', vscode.StatusBarAlignment.Right, 100);
  item.name = zh() ? '报告字数' : 'Report character count';
  item.command = FIGURES_TABLE_COMMAND;
  subs.push(item);
  let seq = 0;
  const updateCount = async () => {
    const editor = vscode.window.activeTextEditor;
    const mine = ++seq;
    if (!editor || editor.document.uri.scheme === FIGURES_SCHEME) return void item.hide();
    let stats: DocumentStats | null = null;
    try {
      stats = await client.sendRequest<DocumentStats | null>(DOCUMENT_STATS, { uri: editor.document.uri.toString() });
    } catch {
      stats = null;
    }
    if (mine !== seq) return;
    if (!stats?.isReport) return void item.hide();
    item.text = `$(symbol-text) ${stats.text}`;
    item.tooltip = stats.tooltip;
    const over = stats.lengthLimit > 0 && stats.words > stats.lengthLimit;
    item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const countSoon = debounce(250, () => void updateCount());
  subs.push(
    vscode.window.onDidChangeActiveTextEditor(countSoon),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) countSoon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('workreport')) countSoon();
    }),
  );
  countSoon();

  // The figures table beside the report: the server's Markdown rendered by VS Code's own
  // Markdown engine into a webview whose row links reveal the place in the report. Without
  // the Markdown extension, the Markdown itself opens read-only beside the report.
  const panels = new Map<string, vscode.WebviewPanel>();
  const fallback = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
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
  const baseName = (u: vscode.Uri) => u.path.split('/').pop() || 'report';
  const render = async (source: vscode.Uri): Promise<string | undefined> => {
    const r = await client.sendRequest<FiguresTable | null>(FIGURES_TABLE, { uri: source.toString(), links: 'command' });
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
        const r = await client.sendRequest<FiguresTable | null>(FIGURES_TABLE, { uri: key });
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

  // New report from template: pick one, open an untitled report with its skeleton.
  subs.push(
    vscode.commands.registerCommand(NEW_REPORT_COMMAND, async (templateArg?: string) => {
      const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'workreport.code-snippets');
      const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<
        string,
        { body: string[]; description: string }
      >;
      const skeletons = Object.entries(snippets)
        .filter(([k]) => k.endsWith('：全文骨架'))
        .map(([k, s]) => ({ label: k.replace('：全文骨架', ''), detail: sectionsOf(s.body), body: s.body.join('\n') }));
      const picked =
        skeletons.find((s) => s.label === templateArg) ??
        (await vscode.window.showQuickPick(skeletons, {
          title: zh() ? '从模板新建报告' : 'New report from template',
          placeHolder: zh() ? '选择报告模板' : 'Choose a report template',
        }));
      if (!picked) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'workreport', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(picked.body), new vscode.Position(0, 0));
      return doc.uri.toString();
    }),
  );

  // "Ignore here": append {rule, text} to the nearest .workreportrc.json, else to the
  // workreport.ignore setting of the folder (or the user settings). Never in the text.
  subs.push(
    vscode.commands.registerCommand(IGNORE_COMMAND, async (args: IgnoreArgs) => {
      if (!args?.rule || typeof args.text !== 'string') return;
      const uri = vscode.Uri.parse(args.uri);
      const entry = { rule: args.rule, text: args.text };
      const rc = await findRcFile(uri);
      if (rc) {
        try {
          const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(rc)));
          if (json && typeof json === 'object' && !Array.isArray(json)) {
            const list: unknown[] = Array.isArray(json.ignore) ? json.ignore : [];
            if (!list.some((e: any) => e?.rule === entry.rule && e?.text === entry.text)) list.push(entry);
            json.ignore = list;
            await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n'));
            return;
          }
        } catch {
          // A config file we cannot parse is left alone: record in settings instead.
        }
      }
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const config = vscode.workspace.getConfiguration('workreport', uri);
      const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
      const inspected = config.inspect<IgnoreArgs[]>('ignore');
      const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? [];
      if (current.some((e) => e.rule === entry.rule && e.text === entry.text)) return;
      await config.update('ignore', [...current, entry], target);
    }),
  );
  return { countItem: item };
}

/** The level-1 headings of a skeleton body, for the quick pick. */
function sectionsOf(body: string[]): string {
  return body
    .filter((l) => /^[一二三四五六七八九十]+、/.test(l))
    .map((l) => l.replace(/\$\{\d+:([^}]*)\}/g, '$1'))
    .join(' / ');
}

/** `.workreportrc.json` at or above the document, within its workspace folder. */
async function findRcFile(doc: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(doc);
  if (!folder) return undefined;
  let dir = vscode.Uri.joinPath(doc, '..');
  for (let i = 0; i < 32; i++) {
    const candidate = vscode.Uri.joinPath(dir, RC_NAME);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not here
    }
    if (dir.path === folder.uri.path || dir.path === '/' || !dir.path.startsWith(folder.uri.path)) break;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return undefined;
}

/** The webview page around the rendered table; VS Code's theme variables style it. */
function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; line-height: 1.5; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background, #8881); white-space: nowrap; }
td:first-child, td:nth-child(2), td:nth-child(3) { white-space: nowrap; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; white-space: nowrap; }
blockquote { margin: 0; padding-left: 8px; border-left: 3px solid var(--vscode-textBlockQuote-border, #8886); }
</style></head><body>${body}</body></html>`;
}

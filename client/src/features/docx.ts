// Word in, Word out, in the editor (desktop and VS Code for the Web alike: files go through
// workspace.fs, the server does the reading, laying out and writing — server/src/lsp/features/docx.ts):
//   Import Word Document…          a .docx becomes a .report beside it (the text as the checker reads it)
//   Check Word Document            the .docx's text as a read-only document, checked like a report
//   Export to Word (GB/T 9704)     the report as a laid-out .docx (error-level findings summarised first)
//   Open Print Preview             a side panel with the pages as they will print, updated as you type
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DOCX_SCHEME,
  EXPORT_DOCX_REQUEST,
  EXPORT_DOCX_COMMAND,
  CHECK_DOCX_COMMAND,
  IMPORT_DOCX_COMMAND,
  PREVIEW_REQUEST,
  PREVIEW_COMMAND,
  READ_DOCX_REQUEST,
  type ExportDocxResult,
  type PreviewResult,
  type ReadDocxResult,
} from '../../../server/src/lsp/protocol';
import { fromBase64, toBase64 } from '../../../server/src/docx/base64';
import { reportStem } from '../../../server/src/docx/names';
import { zh } from '../util';

const t = (zhText: string, en: string) => (zh() ? zhText : en);

const baseName = (u: vscode.Uri) => u.path.split('/').pop() || 'report';
const stem = (u: vscode.Uri) => reportStem(baseName(u));

async function exists(u: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(u);
    return true;
  } catch {
    return false;
  }
}

/** The export's font choice from the settings (`workreport.export.*`). */
function fontParams(uri: vscode.Uri): { fonts: 'standard' | 'fallback'; fontOverrides: Record<string, string> } {
  const c = vscode.workspace.getConfiguration('workreport.export', uri);
  return { fonts: c.get<string>('fonts') === 'fallback' ? 'fallback' : 'standard', fontOverrides: c.get<Record<string, string>>('fontNames') ?? {} };
}

export function registerDocx(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const subs = context.subscriptions;

  const readText = async (docx: vscode.Uri): Promise<string> => {
    const data = toBase64(await vscode.workspace.fs.readFile(docx));
    const r = await client.sendRequest<ReadDocxResult>(READ_DOCX_REQUEST, { data });
    if (r.error !== undefined || r.text === undefined) throw new Error(`${baseName(docx)}: ${r.error}`);
    return r.text;
  };
  const pickDocx = async (arg: unknown): Promise<vscode.Uri | undefined> => {
    if (arg instanceof vscode.Uri) return arg;
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [t('Word 文档', 'Word documents')]: ['docx'] } });
    return picked?.[0];
  };

  // Check Word Document: a read-only document `workreport-docx:/…/name.docx.report?<the .docx>`.
  // Its name ends in .report, so it opens as a report and the server checks it; line N is the
  // .docx's paragraph N (docs/docx.md). It follows the .docx when the file changes.
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Set<string>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  const refresh = (u: vscode.Uri) => {
    for (const key of open) {
      const v = vscode.Uri.parse(key);
      if (v.query === u.toString()) changed.fire(v);
    }
  };
  subs.push(
    changed,
    watcher,
    watcher.onDidChange(refresh),
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: async (uri) => {
        open.add(uri.toString());
        try {
          return await readText(vscode.Uri.parse(uri.query));
        } catch (e) {
          void vscode.window.showErrorMessage((e as Error).message);
          return '';
        }
      },
    }),
    vscode.workspace.onDidCloseTextDocument((d) => open.delete(d.uri.toString())),
    vscode.commands.registerCommand(CHECK_DOCX_COMMAND, async (arg?: vscode.Uri) => {
      const docx = await pickDocx(arg);
      if (!docx) return undefined;
      const uri = vscode.Uri.from({ scheme: DOCX_SCHEME, path: docx.path + '.report', query: docx.toString() });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'workreport');
      await vscode.window.showTextDocument(doc, { preview: false });
      return uri.toString();
    }),
  );

  // Import Word Document…: name.docx → name.report beside it (name (2).report if taken).
  subs.push(
    vscode.commands.registerCommand(IMPORT_DOCX_COMMAND, async (arg?: vscode.Uri) => {
      const docx = await pickDocx(arg);
      if (!docx) return undefined;
      let text: string;
      try {
        text = await readText(docx);
      } catch (e) {
        void vscode.window.showErrorMessage(t('无法导入 ', 'Cannot import ') + (e as Error).message);
        return undefined;
      }
      const dir = vscode.Uri.joinPath(docx, '..');
      let target = vscode.Uri.joinPath(dir, `${stem(docx)}.report`);
      for (let n = 2; (await exists(target)) && n < 100; n++) target = vscode.Uri.joinPath(dir, `${stem(docx)} (${n}).report`);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text.endsWith('\n') || !text ? text : text + '\n'));
      await vscode.window.showTextDocument(target);
      return target.toString();
    }),
  );

  // Export to Word (GB/T 9704): error-level findings first, with the choice to go on.
  subs.push(
    vscode.commands.registerCommand(EXPORT_DOCX_COMMAND, async (arg?: vscode.Uri, options?: { target?: string; force?: boolean }) => {
      const source = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!source) return undefined;
      const doc = await vscode.workspace.openTextDocument(source);
      const r = await client.sendRequest<ExportDocxResult | null>(EXPORT_DOCX_REQUEST, { uri: doc.uri.toString(), ...fontParams(doc.uri) });
      if (!r) return undefined;
      if (r.errors.length && !options?.force) {
        const list = r.errors
          .slice(0, 5)
          .map((e) => `${e.line + 1}:${e.character + 1} ${e.message}`)
          .join('\n');
        const go = t('仍然导出', 'Export anyway');
        const show = t('查看问题', 'Show problems');
        const answer = await vscode.window.showWarningMessage(
          t(`报告有 ${r.errors.length} 个错误级问题，仍要导出吗？`, `The report has ${r.errors.length} error-level finding(s). Export anyway?`),
          { modal: true, detail: list + (r.errors.length > 5 ? `\n…` : '') },
          go,
          show,
        );
        if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
        if (answer !== go) return undefined;
      }
      const suggested = doc.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(doc.uri, '..', `${stem(doc.uri)}.docx`);
      const target = options?.target
        ? vscode.Uri.parse(options.target)
        : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [t('Word 文档', 'Word documents')]: ['docx'] }, title: t('导出为 Word（GB/T 9704）', 'Export to Word (GB/T 9704)') });
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, fromBase64(r.data));
      void vscode.window.showInformationMessage(t(`已导出 ${baseName(target)}（${r.paragraphs} 段）`, `Exported ${baseName(target)} (${r.paragraphs} paragraphs)`));
      return target.toString();
    }),
  );

  // The print preview beside the report, like the Markdown preview: one panel per report,
  // redrawn 300 ms after the last keystroke; the page keeps its scroll position.
  const panels = new Map<string, vscode.WebviewPanel>();
  const render = async (key: string) => {
    const panel = panels.get(key);
    if (!panel) return undefined;
    const uri = vscode.Uri.parse(key);
    const r = await client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: key, ...fontParams(uri) });
    if (!r) return undefined;
    await panel.webview.postMessage(r);
    panel.title = t(`打印预览 · ${baseName(uri)}（${r.pages} 页）`, `Print preview · ${baseName(uri)} (${r.pages} pages)`);
    return r.pages;
  };
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  subs.push(
    vscode.commands.registerCommand(PREVIEW_COMMAND, async (arg?: vscode.Uri) => {
      const source = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!source) return undefined;
      await vscode.workspace.openTextDocument(source);
      const key = source.toString();
      let panel = panels.get(key);
      if (!panel) {
        panel = vscode.window.createWebviewPanel('workreport.preview', t('打印预览', 'Print preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
          enableScripts: true,
          retainContextWhenHidden: true,
        });
        panel.webview.html = previewShell();
        panels.set(key, panel);
        panel.onDidDispose(() => panels.delete(key));
      } else panel.reveal(vscode.ViewColumn.Beside, true);
      return render(key);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      if (!panels.has(key)) return;
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => void render(key).catch(() => undefined), 300));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('workreport.export')) for (const key of panels.keys()) void render(key).catch(() => undefined);
    }),
  );
}

/** The preview page: the server's pages and style sheet arrive by message and replace the old ones in place. */
function previewShell(): string {
  const nonce = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body { margin: 0; padding: 0 12px; background: var(--vscode-editorWidget-background, #ddd); }</style>
<style id="wr-css"></style></head><body><main class="wr-pages" id="wr-pages"></main>
<script nonce="${nonce}">
window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || typeof m.html !== 'string') return;
  document.getElementById('wr-css').textContent = m.css;
  document.getElementById('wr-pages').innerHTML = m.html;
  document.body.dataset.pages = String(m.pages);
});
</script></body></html>`;
}

// Authoring in a real VS Code: next-ordinal completion, the whole-report skeleton (snippet
// and "New Report from Template"), the figures table beside the pasted report, a rule turned off in
// settings, and the 字数 status bar item for the pasted report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, RULE, PASTED_REPORT, closeAll, countOf, open, ours, waitForDiagnostics, workspaceFile, pastedAnnotations } from './helpers';

/** Polls a condition the editor gives no event for (the status bar), with a timeout. */
async function until<T>(what: string, get: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const REPORT = ['关于组织建设的经验材料', '', '一、主要做法', '', '（一）抓落实，高位推动。正文。', '', '二、工作成效', '', '全年开展活动12次。', '', ''].join('\n');

describe('authoring', () => {
  afterEach(closeAll);

  it('completion at a new heading line offers the next ordinal 三、 and the missing 三、几点体会', async () => {
    const uri = workspaceFile('completion.report');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(REPORT));
    const doc = await open(uri);
    const last = doc.lineCount - 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(last, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('三、'), labels.join(' '));
    assert.ok(labels.includes('三、几点体会'), labels.join(' '));
    // Applied as the editor would: the line becomes the new heading, the outline is complete.
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '三、几点体会')!;
    const edit = new vscode.WorkspaceEdit();
    const range = item.range instanceof vscode.Range ? item.range : item.range ? item.range.replacing : new vscode.Range(last, 0, last, 0);
    edit.replace(uri, range, typeof item.insertText === 'string' ? item.insertText : item.label.toString());
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.lineAt(last).text, '三、几点体会');
    // Nothing offered inside body text.
    const body = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 10));
    assert.ok(!body.items.some((i) => /^[一二三四五六七八九十]+、|^（/.test(typeof i.label === 'string' ? i.label : i.label.label)));
  });

  it('the whole-report skeleton snippet and New Report from Template give a complete outline', async () => {
    // The contributed snippet, inserted by name into a new report.
    const doc = await vscode.workspace.openTextDocument({ language: 'workreport', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'workreport', name: '工作总结：全文骨架' });
    await until('the snippet text', () => doc.getText().includes('三、下一步工作打算') || undefined);
    for (const h of ['一、工作开展情况', '二、存在的问题', '三、下一步工作打算', '（一）', '报送单位']) assert.ok(doc.getText().includes(h), h);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // The command: a template by name (the quick pick is skipped when one is given).
    const made = await vscode.commands.executeCommand<string>('workreport.newReport', '经验材料');
    const report = vscode.workspace.textDocuments.find((d) => d.uri.toString() === made);
    assert.ok(report, 'an untitled report is open');
    assert.equal(report.languageId, 'workreport');
    await until('the skeleton', () => report.getText().includes('三、几点体会') || undefined);
    assert.match(report.getText(), /一、主要做法[\s\S]*（一）抓落实，高位推动。[\s\S]*二、工作成效[\s\S]*三、几点体会/);
    // The server reads it as the three sections of a 经验材料 with their items.
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', report.uri);
    assert.deepEqual(symbols.map((s) => s.name), ['一、主要做法', '二、工作成效', '三、几点体会']);
    assert.deepEqual(symbols.map((s) => s.children.length), [3, 2, 3]);
    assert.equal(ours(report.uri).filter((d) => /^outline\/(missing|section-order)/.test(String((d.code as { value?: string })?.value ?? d.code))).length, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the figures table of the pasted report opens beside it and lists 2 + 5 = 7 ≠ 8 with a link back', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const md = await vscode.commands.executeCommand<string>('workreport.showFiguresTable');
    assert.ok(md, 'the command returns the table');
    assert.match(md, /2 \+ 5 = 7 ≠ 8/);
    // A webview beside the report shows it.
    await until('the figures table webview', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview) || undefined,
    );
    // Its row links reveal the place in the report: follow the 2 + 5 = 7 ≠ 8 row's link.
    const row = md.split('\n').find((l) => l.includes('7 ≠ 8'))!;
    const link = /\(command:workreport\.reveal\?([^)]+)\)/.exec(row);
    assert.ok(link, row);
    const [u, line, character] = JSON.parse(decodeURIComponent(link[1])) as [string, number, number];
    assert.equal(u, uri.toString());
    await vscode.commands.executeCommand('workreport.reveal', u, line, character);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.selection.active.line, line);
    assert.match(editor.document.lineAt(line).text.slice(character, character + 20), /8人/);
  });

  it('turning a rule off in settings removes its diagnostics, turning it back on restores them', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const config = vscode.workspace.getConfiguration('workreport', uri);
    await config.update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const off = await waitForDiagnostics(uri, (d) => countOf(d, RULE) === 0 && d.length > 0);
      assert.ok(off.length > 0, 'other rules still report');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
  });

  it('the status bar shows the pasted report’s 字数', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = (await ext.activate()) as { authoring: { countItem: vscode.StatusBarItem } };
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    // 2,895 as Word/WPS count it (Han + full-width punctuation + Latin/digit runs).
    const want = /^zh/i.test(vscode.env.language) ? '$(symbol-text) 字数 2,895' : '$(symbol-text) 2,895 characters';
    const text = await until(`status bar "${want}"`, () => (api.authoring.countItem.text === want ? want : undefined));
    assert.equal(text, want);
  });
});

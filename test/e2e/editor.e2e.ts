// What the editor shows and does by default: the error you need first, the language's
// editor defaults, Format Document limited to punctuation and spacing, rule links that open
// the rendered page. Runs in the extension host (see index.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PASTED_REPORT, RULE, closeAll, codeOf, copyOf, countOf, isFolded, open, pastedAnnotations, waitForDiagnostics, withoutAnnotations, workspaceFile } from './helpers';

describe('editor', () => {
  afterEach(closeAll);

  it('the pasted report: its named-count error is among the first diagnostics, annotations folded per paragraph', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    const ds = await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n && d.some((x) => codeOf(x) === 'figures/named-count'));
    // The order VS Code received them in, which decides what it draws when there are too many.
    const at = ds.findIndex((d) => codeOf(d) === 'figures/named-count');
    assert.ok(at >= 0 && at < 50, `figures/named-count is diagnostic #${at} of ${ds.length}`);
    assert.equal(ds[at].severity, vscode.DiagnosticSeverity.Error);
    const listed = ds.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    assert.ok(listed.length < 150, `${listed.length} problems listed for ${n} annotations`);
    const group = ds.find((d) => codeOf(d) === RULE && isFolded(d));
    assert.ok(group, 'a folded paragraph of annotations');
    assert.ok((group.relatedInformation?.length ?? 0) >= 5, 'every place is in its related information');
  });

  it('workreport files: word wrap on, no ambiguous-character boxes, this extension formats', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'workreport' });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(editor.get('wordBasedSuggestions'), 'off');
    assert.equal(editor.get('defaultFormatter'), 'workreport.workreport');
  });

  it('Format Document: small edits of punctuation and spacing; annotations and boilerplate lines stay', async () => {
    const uri = await copyOf(PASTED_REPORT, 'format.report');
    const doc = await open(uri);
    const before = doc.getText();
    await waitForDiagnostics(uri, (d) => d.length > 0);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits && edits.length > 10, `${edits?.length} edits`);
    const we = new vscode.WorkspaceEdit();
    we.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    const after = doc.getText();
    assert.notEqual(after, before);
    assert.equal(after.split('\n').length, before.split('\n').length, 'no line removed');
    assert.equal(before.length - withoutAnnotations(before).length, after.length - withoutAnnotations(after).length, 'every annotation stays');
    const words = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
    assert.equal(words(after), words(before), 'no letter or digit changed');
  });

  it('a rule link opens the rule’s page rendered, not the .md as an editable file', async () => {
    await open(workspaceFile(PASTED_REPORT));
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /halfwidth/i.test(t.label));
    const shown = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (previews().length) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workreport.showRuleDoc', 'punct/halfwidth');
    if (!previews().length) await shown;
    assert.ok(previews().length, 'a Markdown preview of the page');
    const editable = vscode.window.visibleTextEditors.filter((e) => e.document.uri.path.endsWith('halfwidth.md'));
    assert.deepEqual(editable.map((e) => e.document.uri.toString()), [], 'no editor on the .md');
  });
});

// The Outline view in a real VS Code: document symbols and folding ranges of the pasted report come
// from the language server's heading tree (3 sections with 4 + 3 + 3 sub-items).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULE, PASTED_REPORT, closeAll, countOf, open, waitForDiagnostics, workspaceFile, pastedAnnotations } from './helpers';

describe('outline', () => {
  afterEach(closeAll);

  it('document symbols of the pasted report: 3 sections with 4 + 3 + 3 sub-items', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    // Diagnostics mean the server is up and has analysed this version.
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols?.length, 'the server provides document symbols');
    assert.deepEqual(symbols.map((s) => s.name), ['一、主要做法', '二、工作成效', '三、幾點體會']);
    assert.deepEqual(symbols.map((s) => s.children.length), [4, 3, 3]);
    assert.equal(symbols[1].children[0].name, '1、會員隊伍不斷壯大');
    for (const s of symbols) assert.ok(s.range.contains(s.selectionRange));
  });

  it('folding ranges start at each section heading', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    const starts = new Set(ranges.map((r) => r.start));
    for (const line of [16, 34, 44]) assert.ok(starts.has(line), `a fold starts at line ${line + 1}`);
  });
});

// Completion of headings in a real VS Code (issue 15): a missing template section is offered
// only where it belongs in the template's order, never one the report already has; taking
// the offer gives an outline without a missing-section or section-order warning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, open, waitForDiagnostics, workspaceFile } from './helpers';

function labelOf(i: vscode.CompletionItem): string {
  return typeof i.label === 'string' ? i.label : i.label.label;
}

async function completionsAt(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
  return list.items;
}

/** Applies a completion item as the editor does: its range replaced by its text. */
async function accept(uri: vscode.Uri, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const range = item.range instanceof vscode.Range ? item.range : item.range ? item.range.replacing : new vscode.Range(at, at);
  edit.replace(uri, range, typeof item.insertText === 'string' ? item.insertText : labelOf(item));
  assert.ok(await vscode.workspace.applyEdit(edit));
}

const OUTLINE_WARNINGS = /^outline\/(missing-section|section-order|duplicate-section)$/;

function outlineWarnings(ds: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ds.filter((d) => OUTLINE_WARNINGS.test(codeOf(d) ?? '') && d.severity <= vscode.DiagnosticSeverity.Warning);
}

// A 工作总结 whose 存在的问题 is missing between its two sections, with a closing.
const SUMMARY = ['某局2025年工作总结', '', '一、工作开展情况', '', '全年完成各项任务。', '', '', '二、下一步工作打算', '', '继续努力。', '', '以上报告。', ''].join('\n');

describe('completion of template sections', () => {
  afterEach(closeAll);

  it('offers 存在的问题 where it belongs (before 下一步), not after the last section', async () => {
    const uri = workspaceFile('completion-order.report');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(SUMMARY));
    const doc = await open(uri);
    // The report has the warning this completion answers.
    await waitForDiagnostics(uri, (ds) => outlineWarnings(ds).some((d) => codeOf(d) === 'outline/missing-section'));

    // At the end, after 二、下一步工作打算, typing 三: the next ordinal, but not 三、存在的问题,
    // which would stand after 下一步 (a section-order warning at once).
    const endLine = doc.lineCount - 1;
    const typed = new vscode.WorkspaceEdit();
    typed.insert(uri, new vscode.Position(endLine, 0), '三');
    assert.ok(await vscode.workspace.applyEdit(typed));
    const atEnd = (await completionsAt(uri, new vscode.Position(endLine, 1))).map(labelOf);
    assert.ok(atEnd.includes('三、'), atEnd.join(' '));
    assert.ok(!atEnd.some((l) => l.includes('存在的问题')), atEnd.join(' '));
    assert.ok(!atEnd.some((l) => l.includes('工作开展情况') || l.includes('下一步工作打算')), 'sections the report has');
    // A complete marker: the titles that fit there (none).
    const full = new vscode.WorkspaceEdit();
    full.insert(uri, new vscode.Position(endLine, 1), '、');
    assert.ok(await vscode.workspace.applyEdit(full));
    const titles = (await completionsAt(uri, new vscode.Position(endLine, 2))).map(labelOf);
    assert.ok(!titles.some((l) => l.includes('存在的问题') || l.includes('工作开展情况') || l.includes('下一步')), titles.join(' '));
    const undo = new vscode.WorkspaceEdit();
    undo.delete(uri, new vscode.Range(endLine, 0, endLine, 2));
    assert.ok(await vscode.workspace.applyEdit(undo));

    // On the empty line before 二、下一步工作打算: 二、存在的问题 is offered, and taking it
    // (then moving 下一步 to 三、) leaves no missing-section or section-order warning.
    const line = 5;
    assert.equal(doc.lineAt(line).text, '');
    const here = await completionsAt(uri, new vscode.Position(line, 0));
    const item = here.find((i) => labelOf(i) === '二、存在的问题');
    assert.ok(item, here.map(labelOf).join(' '));
    await accept(uri, item, new vscode.Position(line, 0));
    assert.equal(doc.lineAt(line).text, '二、存在的问题');
    const renumber = new vscode.WorkspaceEdit();
    renumber.replace(uri, new vscode.Range(7, 0, 7, 2), '三、');
    assert.ok(await vscode.workspace.applyEdit(renumber));
    assert.equal(doc.lineAt(7).text, '三、下一步工作打算');
    const after = await waitForDiagnostics(uri, (ds) => outlineWarnings(ds).length === 0);
    assert.deepEqual(outlineWarnings(after), []);
  });

  it('after 三、 in a 经验材料 with 做法 and 成效: only 几点体会', async () => {
    const text = ['关于社区治理的经验材料', '', '一、主要做法', '', '正文。', '', '二、工作成效', '', '成效正文。', '', '三、'].join('\n');
    const uri = workspaceFile('completion-titles.report');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await open(uri);
    const last = doc.lineCount - 1;
    const labels = (await completionsAt(uri, new vscode.Position(last, 2))).map(labelOf);
    assert.deepEqual(labels, ['几点体会']);
  });
});

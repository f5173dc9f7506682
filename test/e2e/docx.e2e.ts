// Word in, Word out in a real VS Code: check a .docx (its text as a read-only report with
// findings at the paragraphs), Import Word Document, Export to Word (GB/T 9704), and the print
// preview panel updated as the report changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docx, numbered, p, GB_NUMBERING, readBack } from '../docx/build-docx';
import { closeAll, readText, waitForDiagnostics, workspaceFile } from './helpers';

const LINES = ['关于某县产业发展的报告', '一、主要做法', '（一）建强基地', '建成3个实训基地，分别是东坪基地、西坪基地。', '二、工作成效', '资金到位,进度正常。'];

async function writeDocx(name: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  const body = p(LINES[0]) + numbered('主要做法', 1, 0) + numbered('建强基地', 1, 1) + p(LINES[3]) + numbered('工作成效', 1, 0) + p(LINES[5]);
  await vscode.workspace.fs.writeFile(uri, docx({ body, numbering: GB_NUMBERING }));
  return uri;
}

describe('Word documents', () => {
  afterEach(closeAll);

  it('Check Word Document: the text as a read-only report, findings at their paragraphs', async () => {
    const file = await writeDocx('产业报告.docx');
    const shown = await vscode.commands.executeCommand<string>('workreport.checkDocx', file);
    const uri = vscode.Uri.parse(shown);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown)!;
    assert.equal(doc.languageId, 'workreport');
    assert.equal(doc.getText(), LINES.join('\n'));
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => x.code !== undefined && String((x.code as { value?: unknown }).value ?? x.code) === 'figures/list-count'));
    const count = ds.find((x) => String((x.code as { value?: unknown }).value ?? x.code) === 'figures/list-count')!;
    // Line 3 (0-based) is paragraph 4 of the .docx.
    assert.equal(count.range.start.line, 3);
    assert.ok(ds.some((x) => x.range.start.line === 5 && x.range.start.character === LINES[5].indexOf(',')), JSON.stringify(ds.map((x) => [x.code, x.range.start])));
  });

  it('Import Word Document: a .report beside the .docx with the checked text', async () => {
    const file = await writeDocx('导入.docx');
    const made = await vscode.commands.executeCommand<string>('workreport.importDocx', file);
    assert.equal(made, workspaceFile('导入.report').toString());
    assert.equal(await readText(vscode.Uri.parse(made)), LINES.join('\n') + '\n');
    // A second import does not overwrite the first.
    assert.equal(await vscode.commands.executeCommand<string>('workreport.importDocx', file), workspaceFile('导入 (2).report').toString());
  });

  it('Export to Word (GB/T 9704): the file reads back as the report', async () => {
    const src = workspaceFile('导出.report');
    const text = LINES.join('\n') + '\n';
    await vscode.workspace.fs.writeFile(src, new TextEncoder().encode(text));
    const target = workspaceFile('导出.docx');
    // The report has an error-level finding: `force` stands for the "Export anyway" answer.
    const written = await vscode.commands.executeCommand<string>('workreport.exportDocx', src, { target: target.toString(), force: true });
    assert.equal(written, target.toString());
    assert.equal(readBack(await vscode.workspace.fs.readFile(target)).text, text);
  });

  it('the print preview opens beside the report and follows edits', async () => {
    const src = workspaceFile('预览.report');
    await vscode.workspace.fs.writeFile(src, new TextEncoder().encode(LINES.join('\n')));
    const doc = await vscode.workspace.openTextDocument(src);
    await vscode.window.showTextDocument(doc);
    const pages = await vscode.commands.executeCommand<number>('workreport.showPreview');
    assert.equal(pages, 1);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tabs().some((t) => /打印预览|Print preview/.test(t.label)), tabs().map((t) => t.label).join(', '));
    // 60 more lines make a second page: the title follows the edit.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(src, doc.lineAt(doc.lineCount - 1).range.end, '\n正文。'.repeat(60));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const t0 = Date.now();
    while (!tabs().some((t) => /（[3-9] 页）|\([3-9] pages\)/.test(t.label))) {
      if (Date.now() - t0 > 20_000) throw new Error(`the preview did not follow the edit: ${tabs().map((t) => t.label).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});

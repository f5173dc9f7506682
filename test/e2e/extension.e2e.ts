// The extension in a real VS Code: activation, diagnostics from the language server, and a
// quick fix applied through the API. Runs in the extension host (see index.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  RULE,
  PASTED_PLAIN,
  PASTED_REPORT,
  closeAll,
  codeOf,
  isFolded,
  copyOf,
  countOf,
  open,
  readText,
  waitForDiagnostics,
  withoutAnnotations,
  workspaceFile,
  pastedAnnotations,
} from './helpers';

describe('extension', () => {
  afterEach(closeAll);

  it('activates on a .report file, which gets the workreport language', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const doc = await open(workspaceFile(PASTED_REPORT));
    assert.equal(doc.languageId, 'workreport');
    const api = (await ext.activate()) as { client?: { isRunning(): boolean } } | undefined;
    assert.ok(ext.isActive);
    assert.ok(api?.client?.isRunning(), 'the language client is running');
  });

  it('the pasted report gets every text/pinyin-annotation diagnostic and no missing section', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_REPORT);
    await open(uri);
    const ds = await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    assert.equal(countOf(ds, 'outline/missing-section'), 0);
    const d = ds.find((x) => codeOf(x) === RULE)!;
    assert.equal(d.source, 'workreport');
    const code = d.code as { value: string; target: vscode.Uri };
    // The rule link shows the bundled page rendered (client command workreport.showRuleDoc).
    const target = code.target.toString(true);
    assert.ok(target.startsWith('command:workreport.showRuleDoc?'), target);
    assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), [RULE]);
    assert.ok(d.message.length > 0);
  });

  it('plain text that looks like a report is checked too, keeping its language', async () => {
    const n = await pastedAnnotations();
    const uri = workspaceFile(PASTED_PLAIN);
    const doc = await open(uri);
    assert.equal(doc.languageId, 'plaintext');
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
  });

  it('a quick fix applied through the API removes exactly "(dāng)"', async () => {
    const n = await pastedAnnotations();
    const uri = await copyOf(PASTED_REPORT, 'quickfix.report');
    const doc = await open(uri);
    const before = doc.getText();
    const ds = await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const first = ds
      .filter((d) => codeOf(d) === RULE && !isFolded(d))
      .sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    assert.equal(doc.getText(first.range), '(dāng)');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      first.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The annotation's own fix: one edit that deletes exactly the diagnostic's range.
    const edited = (a: vscode.CodeAction) => (a.edit?.entries() ?? []).flatMap(([u, es]) => es.map((e) => ({ uri: u.toString(), e })));
    const fix = actions.find((a) => {
      const edits = edited(a);
      return edits.length === 1 && edits[0].uri === uri.toString() && edits[0].e.range.isEqual(first.range) && edits[0].e.newText === '';
    });
    const described = actions.map((a) => `${a.title} ${JSON.stringify(edited(a).slice(0, 2).map(({ e }) => [e.range.start, e.range.end, e.newText]))}`);
    assert.ok(fix?.edit, `a quick fix removing ${JSON.stringify(first.range)} among:\n${described.join('\n')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const at = doc.offsetAt(first.range.start);
    assert.equal(doc.getText(), before.slice(0, at) + before.slice(at + '(dāng)'.length));
    // The server re-checks the edited document.
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n - 1);
  });

  it('source.fixAll.workreport removes every annotation', async () => {
    const n = await pastedAnnotations();
    const uri = await copyOf(PASTED_REPORT, 'fixall.report');
    const doc = await open(uri);
    const before = await readText(uri);
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === n);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.workreport',
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.workreport');
    assert.ok(fixAll?.edit, 'a source.fixAll.workreport action');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = doc.getText();
    assert.equal(withoutAnnotations(after), after, 'no annotation left');
    assert.ok(after.length <= withoutAnnotations(before).length + 64);
    await waitForDiagnostics(uri, (d) => countOf(d, RULE) === 0);
  });
});

// A large report in a real VS Code (over the server's two-phase size, 50 K characters): after an
// edit, the diagnostics VS Code shows hold both the edited line's own findings and the
// whole-document ones (here a figure restated with another value). This test found that VS Code
// 1.100 did not pull again after the server's workspace/diagnostic/refresh while it was still
// taking in a quick answer of 12,000 diagnostics, so the full diagnostics never replaced it; since
// the server sends VS Code at most 1000, and sends the refresh again until the full diagnostics
// are pulled, our client asks for quick answers (initializationOptions.quickPullDiagnostics). The report has
// ≈12,000 findings, more than the 1000 VS Code keeps of a file: the server sends 1000, those nearest
// the edit first within each rank, so both the new line's findings are among them. The edit's
// analysis is held between its rules (workreport/test/hold: the runners start the server with
// WORKREPORT_TEST_FAULTS=1) until VS Code has shown the quick answer: else the full analysis of
// the 80 K report, started by VS Code's code actions, could end before the pull's 80 ms
// debounce, the pull then getting the full answer at once and the quick path going untested.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HEALTH_REQUEST, VSCODE_MAX_DIAGNOSTICS_PER_FILE, type Health } from '../../server/src/lsp/protocol';
import { HOLD_METHOD } from '../../server/src/lsp/features/faults';
import { EXTENSION_ID, PASTED_REPORT, closeAll, codeOf, open, ours, readText, waitForDiagnostics, workspaceFile } from './helpers';

/** Above the server's two-phase size (TWO_PHASE_MIN_CHARS, 50 K characters). */
const LARGE = 80_000;
const FIRST = '全区共有社区服务站412个，覆盖所有街道。';
const LATER = '服务群众满意度明显提升,投诉量下降。目前，全区共有社区服务站421个。';

describe('a large report', () => {
  afterEach(closeAll);

  it('an edit gets its line’s findings and the document’s: a restated figure', async () => {
    const pasted = await readText(workspaceFile(PASTED_REPORT));
    let text = FIRST + '\n\n';
    while (text.length < LARGE) text += pasted + '\n\n';
    const uri = workspaceFile('large.report');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await open(uri);
    const lastLine = () => doc.lineCount - 1;
    const on = (ds: vscode.Diagnostic[], rule: string) => ds.filter((d) => codeOf(d) === rule && d.range.start.line === lastLine());

    // The first analysis: the pasted report's findings, and the statement said once, so no restated figure.
    const before = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'text/pinyin-annotation'));
    assert.equal(before.filter((d) => codeOf(d) === 'figures/restated').length, 0);
    // More than VS Code keeps per file (1000): the server sends that many, the last saying how many it left out.
    assert.equal(before.length, VSCODE_MAX_DIAGNOSTICS_PER_FILE);
    assert.match(before[before.length - 1].message, /^(另有 \d+ 处问题未显示|\d+ more problems not shown)/);

    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const client = ((await ext.activate()) as { client: { sendRequest(m: string, p: unknown): Promise<unknown> } }).client;
    const health = async () => JSON.stringify(await client.sendRequest(HEALTH_REQUEST, null));
    const tail = async () => JSON.stringify({ health: await health(), version: doc.version,  lines: doc.lineCount, last: doc.lineAt(lastLine()).text.slice(0, 12), near: ours(uri).filter((d) => d.range.start.line >= lastLine() - 1).map((d) => [codeOf(d), d.range.start.line]) });
    const hold = (held: boolean) => client.sendRequest(HOLD_METHOD, { hold: held }).catch((e: Error) => assert.fail(`${HOLD_METHOD} (the server needs WORKREPORT_TEST_FAULTS=1): ${e.message}`));
    assert.equal(await hold(true), true);
    try {
      // A new last paragraph: a half-width comma (a per-line rule) and the same figure with another value (a whole-document rule).
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc.lineAt(lastLine()).range.end, '\n' + LATER);
      assert.ok(await vscode.workspace.applyEdit(edit));
      // The quick answer, while the full analysis waits.
      await waitForDiagnostics(uri, (ds) => on(ds, 'punct/halfwidth').length === 1).catch(async (e: Error) => assert.fail(`${e.message}; ${await tail()}`));
    } finally {
      await hold(false);
    }
    const after = await waitForDiagnostics(uri, (ds) => on(ds, 'figures/restated').length === 1).catch(async (e: Error) => assert.fail(`${e.message}; ${await tail()}`));
    const restated = on(after, 'figures/restated')[0];
    assert.match(restated.message, /412/);
    assert.match(restated.message, /421/);
    // Its related place is the first statement, on the first line.
    assert.equal(restated.relatedInformation?.[0]?.location.range.start.line, 0);
    // VS Code pulled the quick answer first (then the full one, after the server's refresh).
    const h = JSON.parse(await health()) as Health;
    assert.equal(h.lastAnalysis?.version, doc.version);
    assert.equal(h.lastAnalysis?.phase, 'full');
    assert.equal(typeof h.lastAnalysis?.quickMs, 'number', `a quick result was made: ${JSON.stringify(h)}`);
    assert.ok((h.refreshes?.sent ?? 0) >= 1, `the server asked for the full diagnostics: ${JSON.stringify(h)}`);
  });
});

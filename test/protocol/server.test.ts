// Protocol tests: start dist/server.js --stdio and speak LSP to it, as an editor would.
// The expected annotations are found here with an independent regex, not with the core.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextEdit } from 'vscode-languageserver-protocol';
import { PASTED_FILE, pasted } from '../reports/pasted';
import { LspClient, clientStarter, fullItems, fileUri } from './lsp-client';
import { folded } from './order';

/** How many pinyin annotations the pasted report has (an independent regex count must agree). */
const EXPECTED_ANNOTATIONS = pasted().annotations;

const RULE = 'text/pinyin-annotation';
const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const reportUri = fileUri(PASTED_FILE);
// In the pasted report every parenthesised run of lowercase (tone-marked) Latin letters is an annotation.
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const annotations = [...reportText.matchAll(ANNOTATION)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
const withoutAnnotations = reportText.replace(ANNOTATION, '');

const start = clientStarter();

const items = fullItems;

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), edits);
}

function editsOf(a: CodeAction, uri: string): TextEdit[] {
  const e = a.edit?.changes?.[uri];
  assert.ok(e, `action "${a.title}" has edits for ${uri}`);
  return e;
}


/** The pasted report's diagnostics of the annotation rule, checked against the independent list. */
function assertSeedAnnotations(diags: Diagnostic[]): void {
  const doc = TextDocument.create(reportUri, 'workreport', 1, reportText);
  // Each place once: unfolded, or as the hint of a folded paragraph (core/run/present.ts).
  const ours = diags.filter((d) => d.code === RULE && !folded(d));
  assert.equal(ours.length, EXPECTED_ANNOTATIONS);
  assert.equal(annotations.length, EXPECTED_ANNOTATIONS);
  const spans = ours.map((d) => ({ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) })).sort((a, b) => a.start - b.start);
  assert.deepEqual(spans, annotations);
  for (const d of ours) {
    assert.equal(d.source, 'workreport');
    assert.match(d.codeDescription?.href ?? '', /text\/pinyin-annotation\.md$/);
    assert.ok(d.message.length > 0);
    assert.ok(d.data, 'the finding travels in Diagnostic.data');
  }
  // The pasted report follows the 经验材料 outline: nothing is missing.
  assert.equal(diags.filter((d) => d.code === 'outline/missing-section').length, 0);
}

describe('language server over stdio', { concurrency: 2 }, () => {
  test('initialize announces incremental sync, code actions and pull diagnostics when the client pulls', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    const caps = c.initializeResult!.capabilities;
    assert.deepEqual((caps.textDocumentSync as { change: number }).change, 2);
    assert.ok(caps.diagnosticProvider, 'diagnosticProvider');
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    assert.equal(c.initializeResult!.serverInfo?.name, 'workreport-language-server');
    assert.equal(await c.close(), 0);
  });

  test('initialize without pull support announces no diagnosticProvider', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
    assert.equal(c.initializeResult!.capabilities.diagnosticProvider, undefined);
    assert.equal(await c.close(), 0);
  });

  test('pull diagnostics on the pasted report: all annotations with code, source and doc link', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(reportUri, reportText, 'workreport');
    const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: reportUri } });
    assertSeedAnnotations(items(r));
    // A pulling client gets no pushes.
    assert.equal(c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
    assert.equal(await c.close(), 0);
  });

  for (const languageId of ['text', '']) {
    test(`push diagnostics for a client without pull support (languageId ${JSON.stringify(languageId)})`, async () => {
      const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
      c.open(reportUri, reportText, languageId);
      const p = await c.waitForDiagnostics(reportUri, { version: 1 });
      assertSeedAnnotations(p.diagnostics);
      assert.equal(await c.close(), 0);
    });
  }

  test('push: a plain text file that is not a report gets no diagnostics', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
    const uri = fileUri(path.join(path.dirname(PASTED_FILE), 'notes.txt'));
    c.open(uri, '购物清单：苹果(píng guǒ)、香蕉(b)。\n', 'plaintext');
    const p = await c.waitForDiagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
    assert.equal(await c.close(), 0);
  });

  test('quick fix for one annotation removes exactly that annotation; fix-all-of-rule removes all', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(reportUri, reportText, 'workreport');
    const diags = items(await c.request('textDocument/diagnostic', { textDocument: { uri: reportUri } }));
    const first = diags.filter((d) => d.code === RULE && !folded(d)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: reportUri },
      range: first.range,
      context: { diagnostics: [first], only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    const one = actions.find((a) => a.isPreferred) ?? actions[0];
    const a0 = annotations[0];
    assert.equal(reportText.slice(a0.start, a0.end), '(dāng)');
    assert.equal(apply(reportText, editsOf(one, reportUri)), reportText.slice(0, a0.start) + reportText.slice(a0.end));

    const all = actions.find((a) => a !== one && editsOf(a, reportUri).length === EXPECTED_ANNOTATIONS);
    assert.ok(all, 'a "fix all text/pinyin-annotation" action');
    assert.equal(apply(reportText, editsOf(all, reportUri)), withoutAnnotations);
    assert.equal(await c.close(), 0);
  });

  test('source.fixAll.workreport removes every annotation and is idempotent', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(reportUri, reportText, 'workreport');
    const fixAll = async (uri: string) =>
      c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
    const actions = await fixAll(reportUri);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.workreport');
    const fixed = apply(reportText, editsOf(actions[0], reportUri));
    assert.equal([...fixed.matchAll(ANNOTATION)].length, 0);
    // Nothing but safe fixes: every annotation is gone and the rest of the text is kept in order.
    assert.ok(fixed.length <= withoutAnnotations.length + 64);
    const uri2 = reportUri.replace(/\.txt$/, '.fixed.report');
    c.open(uri2, fixed, 'workreport');
    assert.deepEqual(await fixAll(uri2), []);
    assert.equal(await c.close(), 0);
  });

  test('incremental changes: deleting an annotation, then typing one back', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(reportUri, reportText, 'workreport');
    const doc = TextDocument.create(reportUri, 'workreport', 1, reportText);
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: reportUri } })).filter((d) => d.code === RULE && !folded(d));
    assert.equal((await pull()).length, EXPECTED_ANNOTATIONS);

    const a0 = annotations[0];
    const del = { range: { start: doc.positionAt(a0.start), end: doc.positionAt(a0.end) }, text: '' };
    c.change(reportUri, 2, [del]);
    TextDocument.update(doc, [del], 2);
    const after1 = await pull();
    assert.equal(after1.length, EXPECTED_ANNOTATIONS - 1);
    assert.ok(!after1.some((d) => d.range.start.line === 0 && d.range.start.character === 1));

    // Type "(dāng)" back after 當 in two keystrokes, as an editor sends them.
    const at = doc.positionAt(a0.start);
    c.change(reportUri, 3, [{ range: { start: at, end: at }, text: '(dā' }]);
    c.change(reportUri, 4, [{ range: { start: { line: at.line, character: at.character + 3 }, end: { line: at.line, character: at.character + 3 } }, text: 'ng)' }]);
    const after2 = await pull();
    assert.equal(after2.length, EXPECTED_ANNOTATIONS);
    assert.ok(after2.some((d) => d.range.start.line === at.line && d.range.start.character === at.character && d.range.end.character === at.character + 6));
    assert.equal(await c.close(), 0);
  });

  test('push after an incremental change carries the new version', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
    c.open(reportUri, reportText, 'workreport');
    await c.waitForDiagnostics(reportUri, { version: 1 });
    const doc = TextDocument.create(reportUri, 'workreport', 1, reportText);
    const a0 = annotations[0];
    const mark = c.mark();
    c.change(reportUri, 2, [{ range: { start: doc.positionAt(a0.start), end: doc.positionAt(a0.end) }, text: '' }]);
    const p = await c.waitForDiagnostics(reportUri, { version: 2, since: mark });
    assert.equal(p.version, 2);
    assert.equal(p.diagnostics.filter((d) => d.code === RULE && !folded(d)).length, EXPECTED_ANNOTATIONS - 1);
    c.closeDocument(reportUri);
    const cleared = await c.waitForNotification('textDocument/publishDiagnostics', (q: { uri: string; diagnostics: unknown[] }) => q.uri === reportUri && q.diagnostics.length === 0, undefined, mark);
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(await c.close(), 0);
  });

  test('settings per resource: a rule turned off, then back on after a configuration change', async () => {
    let rules: Record<string, string> = { [RULE]: 'off' };
    const c = await start({
      capabilities: LspClient.capabilities({ pull: true }),
      settings: (item) => (item.section === 'workreport' ? { rules } : {}),
    });
    c.open(reportUri, reportText, 'workreport');
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: reportUri } })).filter((d) => d.code === RULE && !folded(d));
    assert.equal((await pull()).length, 0);
    const asked = c.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.ok(asked, 'the server asked for settings');
    assert.equal(asked.params.items[0].scopeUri, reportUri);

    rules = { [RULE]: 'hint' };
    const since = c.serverRequests.length;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitForServerRequest('workspace/diagnostic/refresh', undefined, undefined, since);
    const again = await pull();
    assert.equal(again.length, EXPECTED_ANNOTATIONS);
    assert.ok(again.every((d) => d.severity === 4));
    assert.equal(await c.close(), 0);
  });

  test('locale: messages follow the client locale', async () => {
    const zh = await start({ capabilities: LspClient.capabilities({ pull: true }), locale: 'zh-cn' });
    zh.open(reportUri, reportText, 'workreport');
    const zd = items(await zh.request('textDocument/diagnostic', { textDocument: { uri: reportUri } })).find((d) => d.code === RULE)!;
    assert.match(zd.message, /[\u4e00-\u9fff]/);
    const en = await start({ capabilities: LspClient.capabilities({ pull: true }), locale: 'en' });
    en.open(reportUri, reportText, 'workreport');
    const ed = items(await en.request('textDocument/diagnostic', { textDocument: { uri: reportUri } })).find((d) => d.code === RULE)!;
    assert.doesNotMatch(ed.message, /^[\u4e00-\u9fff]/);
    assert.notEqual(zd.message, ed.message);
    assert.equal(await zh.close(), 0);
    assert.equal(await en.close(), 0);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const c = await start();
    assert.equal(await c.request('shutdown', null), null);
    c.notify('exit', null);
    assert.equal(await c.close(), 0);
  });
});

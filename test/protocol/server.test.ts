// Protocol tests: start dist/server.js --stdio and speak LSP to it, as an editor would.
// The expected annotations are found here with an independent regex, not with the core.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextEdit } from 'vscode-languageserver-protocol';
import { SEED } from '../paths';
import { LspClient, clientStarter, fullItems, fileUri } from './lsp-client';

const RULE = 'text/pinyin-annotation';
const seedText = fs.readFileSync(SEED, 'utf8');
const seedUri = fileUri(SEED);
// In the seed every parenthesised run of lowercase (tone-marked) Latin letters is an annotation.
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const annotations = [...seedText.matchAll(ANNOTATION)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
const withoutAnnotations = seedText.replace(ANNOTATION, '');

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

/** The seed's diagnostics of the annotation rule, checked against the independent list. */
function assertSeedAnnotations(diags: Diagnostic[]): void {
  const doc = TextDocument.create(seedUri, 'workreport', 1, seedText);
  const ours = diags.filter((d) => d.code === RULE);
  assert.equal(ours.length, 635);
  assert.equal(annotations.length, 635);
  const spans = ours.map((d) => ({ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) })).sort((a, b) => a.start - b.start);
  assert.deepEqual(spans, annotations);
  for (const d of ours) {
    assert.equal(d.source, 'workreport');
    assert.match(d.codeDescription?.href ?? '', /text\/pinyin-annotation\.md$/);
    assert.ok(d.message.length > 0);
    assert.ok(d.data, 'the finding travels in Diagnostic.data');
  }
  // The seed follows the 经验材料 outline: nothing is missing.
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

  test('pull diagnostics on the seed: 635 annotations with code, source and doc link', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(seedUri, seedText, 'workreport');
    const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: seedUri } });
    assertSeedAnnotations(items(r));
    // A pulling client gets no pushes.
    assert.equal(c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
    assert.equal(await c.close(), 0);
  });

  for (const languageId of ['text', '']) {
    test(`push diagnostics for a client without pull support (languageId ${JSON.stringify(languageId)})`, async () => {
      const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
      c.open(seedUri, seedText, languageId);
      const p = await c.waitForDiagnostics(seedUri, { version: 1 });
      assertSeedAnnotations(p.diagnostics);
      assert.equal(await c.close(), 0);
    });
  }

  test('push: a plain text file that is not a report gets no diagnostics', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
    const uri = fileUri(path.join(path.dirname(SEED), 'notes.txt'));
    c.open(uri, '购物清单：苹果(píng guǒ)、香蕉(b)。\n', 'plaintext');
    const p = await c.waitForDiagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
    assert.equal(await c.close(), 0);
  });

  test('quick fix for one annotation removes exactly that annotation; fix-all-of-rule removes all 635', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(seedUri, seedText, 'workreport');
    const diags = items(await c.request('textDocument/diagnostic', { textDocument: { uri: seedUri } }));
    const first = diags.filter((d) => d.code === RULE).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: first.range,
      context: { diagnostics: [first], only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    const one = actions.find((a) => a.isPreferred) ?? actions[0];
    const a0 = annotations[0];
    assert.equal(seedText.slice(a0.start, a0.end), '(dāng)');
    assert.equal(apply(seedText, editsOf(one, seedUri)), seedText.slice(0, a0.start) + seedText.slice(a0.end));

    const all = actions.find((a) => a !== one && editsOf(a, seedUri).length === 635);
    assert.ok(all, 'a "fix all text/pinyin-annotation" action');
    assert.equal(apply(seedText, editsOf(all, seedUri)), withoutAnnotations);
    assert.equal(await c.close(), 0);
  });

  test('source.fixAll.workreport removes every annotation and is idempotent', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(seedUri, seedText, 'workreport');
    const fixAll = async (uri: string) =>
      c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
    const actions = await fixAll(seedUri);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.workreport');
    const fixed = apply(seedText, editsOf(actions[0], seedUri));
    assert.equal([...fixed.matchAll(ANNOTATION)].length, 0);
    // Nothing but safe fixes: every annotation is gone and the rest of the text is kept in order.
    assert.ok(fixed.length <= withoutAnnotations.length + 64);
    const uri2 = seedUri.replace(/\.txt$/, '.fixed.report');
    c.open(uri2, fixed, 'workreport');
    assert.deepEqual(await fixAll(uri2), []);
    assert.equal(await c.close(), 0);
  });

  test('incremental changes: deleting an annotation, then typing one back', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
    c.open(seedUri, seedText, 'workreport');
    const doc = TextDocument.create(seedUri, 'workreport', 1, seedText);
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: seedUri } })).filter((d) => d.code === RULE);
    assert.equal((await pull()).length, 635);

    const a0 = annotations[0];
    const del = { range: { start: doc.positionAt(a0.start), end: doc.positionAt(a0.end) }, text: '' };
    c.change(seedUri, 2, [del]);
    TextDocument.update(doc, [del], 2);
    const after1 = await pull();
    assert.equal(after1.length, 634);
    assert.ok(!after1.some((d) => d.range.start.line === 0 && d.range.start.character === 1));

    // Type "(dāng)" back after 當 in two keystrokes, as an editor sends them.
    const at = doc.positionAt(a0.start);
    c.change(seedUri, 3, [{ range: { start: at, end: at }, text: '(dā' }]);
    c.change(seedUri, 4, [{ range: { start: { line: at.line, character: at.character + 3 }, end: { line: at.line, character: at.character + 3 } }, text: 'ng)' }]);
    const after2 = await pull();
    assert.equal(after2.length, 635);
    assert.ok(after2.some((d) => d.range.start.line === at.line && d.range.start.character === at.character && d.range.end.character === at.character + 6));
    assert.equal(await c.close(), 0);
  });

  test('push after an incremental change carries the new version', async () => {
    const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
    c.open(seedUri, seedText, 'workreport');
    await c.waitForDiagnostics(seedUri, { version: 1 });
    const doc = TextDocument.create(seedUri, 'workreport', 1, seedText);
    const a0 = annotations[0];
    const mark = c.mark();
    c.change(seedUri, 2, [{ range: { start: doc.positionAt(a0.start), end: doc.positionAt(a0.end) }, text: '' }]);
    const p = await c.waitForDiagnostics(seedUri, { version: 2, since: mark });
    assert.equal(p.version, 2);
    assert.equal(p.diagnostics.filter((d) => d.code === RULE).length, 634);
    c.closeDocument(seedUri);
    const cleared = await c.waitForNotification('textDocument/publishDiagnostics', (q: { uri: string; diagnostics: unknown[] }) => q.uri === seedUri && q.diagnostics.length === 0, undefined, mark);
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(await c.close(), 0);
  });

  test('settings per resource: a rule turned off, then back on after a configuration change', async () => {
    let rules: Record<string, string> = { [RULE]: 'off' };
    const c = await start({
      capabilities: LspClient.capabilities({ pull: true }),
      settings: (item) => (item.section === 'workreport' ? { rules } : {}),
    });
    c.open(seedUri, seedText, 'workreport');
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: seedUri } })).filter((d) => d.code === RULE);
    assert.equal((await pull()).length, 0);
    const asked = c.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.ok(asked, 'the server asked for settings');
    assert.equal(asked.params.items[0].scopeUri, seedUri);

    rules = { [RULE]: 'hint' };
    const since = c.serverRequests.length;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitForServerRequest('workspace/diagnostic/refresh', undefined, undefined, since);
    const again = await pull();
    assert.equal(again.length, 635);
    assert.ok(again.every((d) => d.severity === 4));
    assert.equal(await c.close(), 0);
  });

  test('locale: messages follow the client locale', async () => {
    const zh = await start({ capabilities: LspClient.capabilities({ pull: true }), locale: 'zh-cn' });
    zh.open(seedUri, seedText, 'workreport');
    const zd = items(await zh.request('textDocument/diagnostic', { textDocument: { uri: seedUri } })).find((d) => d.code === RULE)!;
    assert.match(zd.message, /[\u4e00-\u9fff]/);
    const en = await start({ capabilities: LspClient.capabilities({ pull: true }), locale: 'en' });
    en.open(seedUri, seedText, 'workreport');
    const ed = items(await en.request('textDocument/diagnostic', { textDocument: { uri: seedUri } })).find((d) => d.code === RULE)!;
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

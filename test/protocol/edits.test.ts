// Small edits over the protocol: Format Document changes punctuation and spacing only;
// source.fixAll and the script conversion send one edit per changed run, not one edit that
// spans the document.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/core/run/fix';
import { pasted } from '../reports/pasted';
import { clientStarter, LspClient } from './lsp-client';

const start = clientStarter();
const uri = 'file:///tmp/edits.report.txt';
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, 'workreport', 1, text), edits);
const spanOf = (doc: TextDocument, edits: TextEdit[]) => edits.reduce((n, e) => n + doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start) + e.newText.length, 0);

test('format document: punctuation and spacing only; boilerplate lines and annotations stay', async () => {
  const text = pasted().text;
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  c.open(uri, text, 'workreport');
  const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.ok(edits.length > 50, `${edits.length} edits`);
  const out = apply(text, edits);
  assert.equal(out.split('\n').length, text.split('\n').length, 'no line removed');
  assert.equal(out.match(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g)?.length, text.match(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g)?.length, 'annotations stay');
  const words = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  assert.equal(words(out), words(text), 'no letter or digit changed');
  assert.ok(!/[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(out.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g, '')), 'half-width commas between Chinese fixed');
});

test('source.fixAll: one small edit per changed run, giving the fixed text', async () => {
  const text = pasted().text;
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  c.open(uri, text, 'workreport');
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  const edits = actions[0].edit!.changes![uri];
  assert.equal(apply(text, edits), fixAll(text).text);
  assert.ok(edits.length > 500, `${edits.length} edits`);
  const doc = TextDocument.create(uri, 'workreport', 1, text);
  const changed = text.length - fixAll(text).text.length;
  // What is sent is what changes (the annotations, boilerplate, marks), not the text between.
  assert.ok(spanOf(doc, edits) < changed * 1.5 + 200, `${spanOf(doc, edits)} characters sent, ${changed} removed`);
});

test('convert to simplified: one edit per changed run', async () => {
  const text = pasted().text;
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  c.open(uri, text, 'workreport');
  await c.request('workspace/executeCommand', { command: 'workreport.convertToSimplified', arguments: [uri] });
  const edits: TextEdit[] = c.appliedEdits.at(-1).documentChanges[0].edits;
  assert.ok(edits.length > 50, `${edits.length} edits`);
  const doc = TextDocument.create(uri, 'workreport', 1, text);
  assert.ok(spanOf(doc, edits) < text.length / 2, `${spanOf(doc, edits)} characters sent for ${text.length}`);
});

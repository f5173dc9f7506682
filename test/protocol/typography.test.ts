// Typography over the protocol: the conversion commands (executeCommand → applyEdit),
// and source.fixAll on the pasted report leaving the garbled runs alone.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { PASTED_FILE } from '../reports/pasted';
import { LspClient } from './lsp-client';

const clients: LspClient[] = [];
after(() => clients.forEach((c) => c.kill()));

async function start(): Promise<LspClient> {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  clients.push(c);
  return c;
}

test('the server announces the conversion commands', async () => {
  const c = await start();
  const cmds = c.initializeResult!.capabilities.executeCommandProvider?.commands ?? [];
  assert.ok(cmds.includes('workreport.convertToSimplified'));
  assert.ok(cmds.includes('workreport.convertToTraditional'));
});

test('convert to simplified sends one workspace edit; garbled runs and annotations stay', async () => {
  const c = await start();
  const uri = 'file:///tmp/convert.report';
  const text = '當(dāng)前工作：幹部隊伍建設成效顯著，確?;顒?dòng)不流于形式。';
  c.open(uri, text);
  const r = await c.request('workspace/executeCommand', { command: 'workreport.convertToSimplified', arguments: [uri] });
  assert.equal(r.applied, true);
  const edit = c.appliedEdits.at(-1);
  const change = edit.documentChanges[0];
  assert.equal(change.textDocument.uri, uri);
  const out = TextDocument.applyEdits(TextDocument.create(uri, 'workreport', 1, text), change.edits);
  assert.equal(out, '当(dāng)前工作：干部队伍建设成效显著，确?;顒?dòng)不流于形式。');
});

test('convert to traditional; a document already converted gets no edit', async () => {
  const c = await start();
  const uri = 'file:///tmp/convert2.report';
  c.open(uri, '皇后镇的干部队伍建设成效显著。');
  const before = c.appliedEdits.length;
  await c.request('workspace/executeCommand', { command: 'workreport.convertToTraditional', arguments: [uri] });
  const change = c.appliedEdits.at(-1).documentChanges[0];
  const out = TextDocument.applyEdits(TextDocument.create(uri, 'workreport', 1, '皇后镇的干部队伍建设成效显著。'), change.edits);
  assert.equal(out, '皇后鎮的幹部隊伍建設成效顯著。');
  assert.equal(c.appliedEdits.length, before + 1);
  const uri2 = 'file:///tmp/convert3.report';
  c.open(uri2, '皇后鎮的幹部隊伍建設成效顯著。');
  const r = await c.request('workspace/executeCommand', { command: 'workreport.convertToTraditional', arguments: [uri2] });
  assert.equal(r.changed, false);
  assert.equal(c.appliedEdits.length, before + 1);
});

test('source.fixAll on the pasted report: no annotation, no boilerplate, garbled runs kept', async () => {
  const c = await start();
  const uri = 'file:///tmp/pasted.report';
  const text = fs.readFileSync(PASTED_FILE, 'utf8');
  c.open(uri, text);
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.workreport'] },
  });
  assert.equal(actions.length, 1);
  const edits = actions[0].edit!.changes![uri];
  const out = TextDocument.applyEdits(TextDocument.create(uri, 'workreport', 1, text), edits);
  assert.ok(!out.includes('(dāng)') && !out.includes('關閉窗口') && !out.includes('放大'));
  for (const g of ['?;鍟?huì)', '??嬪?', '??傁?yàn)', '\ufffd\ufffd']) assert.ok(out.includes(g), g);
});

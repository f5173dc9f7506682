// The warm-up of the edit path (lsp/context.ts warmUp): once per process, after the first whole
// analysis of a large document, the server derives a few versions of a piece of it with a
// checker of its own, and drops them. It must leave the document's analysis alone: the last
// analysis the server records, what it caches and drops, and what the next edit is answered with.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { Health } from '../../server/src/lsp/protocol';
import { clientStarter, fullItems, LspClient } from './lsp-client';

const start = clientStarter();
const uri = 'file:///tmp/warm-up.report.txt';

/** A report of about 70 K characters (the warm-up reads the first 60 K of a large document). */
function report(): string {
  const section = (k: number) =>
    [`${'一二三四五六七八九十'[k % 10]}、第${k + 1}部分工作`, `全年共培训干部${100 + k}人次，其中基层干部${60 + k}人次，占${(((60 + k) / (100 + k)) * 100).toFixed(1)}%。`, '我们围绕群众关心的事情，扎实推进各项工作,取得了明显成效。', ''].join('\n');
  const out = ['关于2025年度社区服务工作的总结', ''];
  for (let k = 0; out.join('\n').length < 70_000; k++) out.push(section(k));
  return out.join('\n');
}

const pull = async (c: LspClient) => fullItems(await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 60_000));

test('the warm-up after a large document\'s first analysis leaves its analysis alone, and the next edit is answered as a fresh server answers it', { timeout: 120_000 }, async () => {
  const text = report();
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  c.open(uri, text, 'workreport', 1);
  await pull(c);
  const health = () => c.request<Health>('workreport/health', null);
  // Health requests are answered between the warm-up's edits: wait until it has made them all.
  let h = await health();
  while ((h.warmUpEdits ?? 0) < 20) h = await health();
  assert.equal(h.lastAnalysis?.uri, uri);
  assert.equal(h.lastAnalysis?.version, 1);
  assert.equal(h.lastAnalysis?.whole, true);
  assert.equal(h.analyses, 1);
  assert.equal(h.abandoned, 0);
  // The next edit is derived from the document's own last version, not from the warm-up's.
  const at = text.indexOf('\n', text.length >> 1) + 1;
  const line = text.slice(0, at).split('\n').length - 1;
  c.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '三是,' }]);
  const edited = text.slice(0, at) + '三是,' + text.slice(at);
  const got = await pull(c);
  h = await health();
  assert.equal(h.lastAnalysis?.version, 2);
  assert.equal(h.lastAnalysis?.whole, false, 'the edit was read incrementally');
  const fresh = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  fresh.open(uri, edited, 'workreport', 2);
  assert.deepStrictEqual(got, await pull(fresh));
  await fresh.close();
  await c.close();
});

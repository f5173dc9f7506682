// Document symbols and folding ranges over the protocol: the pasted report's outline is three
// sections with 4 + 3 + 3 sub-items, named as written (traditional, no pinyin).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { PASTED_FILE } from '../reports/pasted';
import { LspClient, fileUri } from './lsp-client';

const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const reportUri = fileUri(PASTED_FILE);
const clients: LspClient[] = [];
after(() => clients.forEach((c) => c.kill()));

async function openSeed(): Promise<LspClient> {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  clients.push(c);
  c.open(reportUri, reportText);
  return c;
}

test('server announces document symbols and folding ranges', async () => {
  const c = await openSeed();
  const caps = c.initializeResult!.capabilities;
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.foldingRangeProvider);
});

test('document symbols of the pasted report: 3 sections with 4 + 3 + 3 sub-items', async () => {
  const c = await openSeed();
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
  assert.deepEqual(symbols.map((s) => s.name), ['一、主要做法', '二、工作成效', '三、幾點體會']);
  assert.deepEqual(symbols.map((s) => s.children?.length), [4, 3, 3]);
  // Names are the document's own text (even its half-width comma) without the pinyin annotations.
  assert.equal(symbols[0].children![0].name, '1、強組織,打基礎');
  assert.equal(symbols[2].children![2].name, '3、“人才興會”是商會發展的長久之計');
  assert.match(symbols[0].detail ?? '', /做法/);
  const lines = reportText.split('\n');
  for (const s of symbols) {
    // The selection is the heading, inside the section's range; children nest inside it.
    assert.ok(lines[s.selectionRange.start.line].includes(s.name.slice(0, 2)));
    assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line);
    for (const k of s.children!) {
      assert.ok(k.range.start.line >= s.range.start.line && k.range.end.line <= s.range.end.line);
    }
  }
  // Sections follow one another: 一、 ends before 二、 begins; the last stops before the page footer.
  assert.ok(symbols[0].range.end.line < symbols[1].range.start.line);
  assert.equal(symbols[0].range.start.line, 16);
  assert.equal(symbols[2].range.end.line, 52);
});

test('folding ranges: one per section with text under it', async () => {
  const c = await openSeed();
  const ranges = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: reportUri } });
  const starts = ranges.map((r) => r.startLine);
  // 3 sections + 4 + 3 + 3 run-in items that have a following paragraph or more.
  for (const line of [16, 34, 44]) assert.ok(starts.includes(line), `a fold starts at line ${line + 1}`);
  for (const r of ranges) assert.ok(r.endLine > r.startLine);
});

test('a plain text that is not a report has no symbols', async () => {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  clients.push(c);
  const uri = 'untitled:notes.txt';
  c.open(uri, '购物清单\n1、苹果\n2、梨\n', 'plaintext');
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
});

test('CRLF and a BOM: the same tree, ranges on the right lines', async () => {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  clients.push(c);
  const uri = 'untitled:crlf.report';
  const text = '\ufeff標題\r\n一、主要做法\r\n(一)抓落實\r\n內容。\r\n二、工作成效\r\n內容。\r\n三、幾點體會\r\n內容。\r\n';
  c.open(uri, text);
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => [s.name, s.selectionRange.start.line, s.range.end.line]), [
    ['一、主要做法', 1, 3],
    ['二、工作成效', 4, 5],
    ['三、幾點體會', 6, 7],
  ]);
  assert.equal(symbols[0].children![0].name, '(一)抓落實');
  assert.deepEqual(symbols[0].children![0].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
});

test('a Markdown report keeps the editor’s own Markdown outline (no second tree)', async () => {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  clients.push(c);
  const uri = 'untitled:report.md';
  c.open(uri, '# 标题\n\n## 一、主要做法\n\n内容。\n\n## 二、工作成效\n\n内容。\n\n## 三、几点体会\n\n内容。\n', 'markdown');
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, []);
});

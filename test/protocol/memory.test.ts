// Memory stays flat while typing (SPEC §9): 10,000 incremental edits to the pasted report, with a
// pull after every 100 (as an editor pulls after a pause), and the server's heap measured
// after a full GC (the server runs with --expose-gc here; `workreport/health` reports
// process.memoryUsage()). A leak of anything kept per edit or per version — analyses,
// timers, settings, model caches — shows as growth between 2,000 and 10,000 edits.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { PASTED_FILE } from '../reports/pasted';
import { LspClient } from './lsp-client';
import { generatedReport } from '../../bench/texts';

interface Health {
  documents: number;
  analyses: number;
  memory?: { rss?: number; heapUsed: number };
  gc: boolean;
}

const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const EDITS = 10_000;
const BATCH = 100;
let client: LspClient | undefined;
after(() => client?.kill());

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

test(`memory stays flat over ${EDITS.toLocaleString('en')} incremental edits`, { timeout: 300_000 }, async () => {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim();
  const c = (client = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) }));
  const uri = 'file:///memory/pasted.report';
  c.open(uri, reportText);
  await c.request('textDocument/diagnostic', { textDocument: { uri } });
  const lines = reportText.split(/\r\n|\r|\n/);
  const health = () => c.request<Health>('workreport/health', null, 30_000);

  let version = 1;
  const samples: { edits: number; heap: number; rss?: number }[] = [];
  for (let done = 0; done < EDITS; ) {
    for (let k = 0; k < BATCH; k++, done++) {
      // Type a character on some line, then delete it: the text returns to the pasted report every two edits.
      const line = (done >> 1) % lines.length;
      const at = { line, character: Math.min(2, lines[line].length) };
      if (done % 2 === 0) c.change(uri, ++version, [{ range: { start: at, end: at }, text: '字' }]);
      else c.change(uri, ++version, [{ range: { start: at, end: { line, character: at.character + 1 } }, text: '' }]);
    }
    const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 30_000);
    assert.equal(r.kind, 'full');
    if (done === 2_000 || done === 6_000 || done === EDITS) {
      const h = await health();
      assert.ok(h.memory, 'the server reports its memory');
      assert.ok(h.gc, 'the server ran a full GC before measuring (--expose-gc)');
      assert.equal(h.documents, 1);
      assert.ok(h.analyses <= 1, `analyses cached: ${h.analyses}`);
      samples.push({ edits: done, heap: h.memory.heapUsed, rss: h.memory.rss });
    }
  }
  const [first, , last] = samples;
  const growth = last.heap - first.heap;
  const note = samples.map((s) => `${s.edits} edits: heap ${mb(s.heap)} MB, rss ${s.rss ? mb(s.rss) : '?'} MB`).join('; ');
  // Flat: less than 3 MB (or 10 %) more heap after 8,000 more edits.
  assert.ok(growth < Math.max(3 * 1024 * 1024, first.heap * 0.1), `heap grew by ${mb(growth)} MB (${note})`);
  console.log(`# memory: ${note}`);

  // Closing the document lets go of everything kept for it.
  c.closeDocument(uri);
  const h = await health();
  assert.equal(h.documents, 0);
  assert.equal(h.analyses, 0);
  assert.equal(await c.close(), 0);
});

// An edit derives the new version's model from the last one's (core/model/derive.ts); what it
// reads in the edited region is carried into every later version. Were those parts slices of
// their version's text (core/detach.ts), each edit at another place would keep one more copy
// of the whole text alive: on this 300 K report (the corpus and the pasted report repeated)
// the heap grew by 11 MB over the 32 edits below.
test('memory stays flat over edits spread over a large report (derived versions keep no old text)', { timeout: 300_000 }, async () => {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim();
  const c = (client = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) }));
  const uri = 'file:///memory/large.report';
  const text = generatedReport(300_000);
  c.open(uri, text);
  await c.request('textDocument/diagnostic', { textDocument: { uri } }, 120_000);
  const lines = text.split(/\r\n|\r|\n/).length;
  const health = () => c.request<Health>('workreport/health', null, 30_000);
  let version = 1;
  const heap: number[] = [];
  for (let k = 1; k <= 40; k++) {
    // A character typed at the start of a line far from the last one.
    const line = Math.floor((((k * 7919) % 97) / 97) * (lines - 5));
    const at = { line, character: 0 };
    c.change(uri, ++version, [{ range: { start: at, end: at }, text: '字' }]);
    const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 120_000);
    assert.equal(r.kind, 'full');
    if (k === 8 || k === 40) {
      const h = await health();
      assert.ok(h.memory && h.gc, 'the server measured its heap after a full GC');
      heap.push(h.memory.heapUsed);
    }
  }
  const growth = heap[1] - heap[0];
  assert.ok(growth < 3 * 1024 * 1024, `heap grew by ${mb(growth)} MB from the 8th edit to the 40th (${mb(heap[0])} → ${mb(heap[1])} MB)`);
  console.log(`# memory, large report: ${mb(heap[0])} MB after 8 edits, ${mb(heap[1])} MB after 40`);
  c.closeDocument(uri);
  assert.equal(await c.close(), 0);
});

// Protocol tests of the Word requests (server/src/lsp/features/docx.ts) over stdio against
// dist/server.js: read a .docx into the checked text, export the open report, preview its pages.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../paths';
import { docx, numbered, p, GB_NUMBERING, readBack } from '../docx/build-docx';
import { clientStarter } from './lsp-client';

const start = clientStarter();
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', '示例-经验材料.report.txt'), 'utf8');
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

test('workreport/readDocx: the text the checker reads, or one message', async () => {
  const c = await start({ locale: 'zh-cn' });
  const bytes = docx({ body: p('标题') + numbered('主要做法', 1, 0) + p('正文。'), numbering: GB_NUMBERING });
  const r = await c.request<{ text?: string; error?: string; paragraphs?: number }>('workreport/readDocx', { data: b64(bytes) });
  assert.deepEqual(r, { text: '标题\n一、主要做法\n正文。', paragraphs: 3 });
  const bad = await c.request<{ text?: string; error?: string }>('workreport/readDocx', { data: b64(new TextEncoder().encode('不是 zip')) });
  assert.equal(bad.text, undefined);
  assert.match(bad.error!, /不是 \.docx 文件/);
  assert.equal(await c.close(), 0);
});

test('workreport/exportDocx and workreport/preview on the open report', async () => {
  const c = await start({ locale: 'en' });
  const uri = 'untitled:report-1';
  c.open(uri, SAMPLE, 'workreport');
  const r = await c.request<{ data: string; paragraphs: number; errors: { line: number; rule: string }[] }>('workreport/exportDocx', { uri, fonts: 'fallback' });
  assert.equal(readBack(new Uint8Array(Buffer.from(r.data, 'base64'))).text, SAMPLE.replace(/\r\n?/g, '\n'));
  assert.equal(r.paragraphs, SAMPLE.split('\n').length);
  assert.deepEqual(r.errors.map((e) => [e.line, e.rule]), [[11, 'figures/list-count'], [14, 'figures/named-count']]);
  const pv = await c.request<{ css: string; html: string; pages: number }>('workreport/preview', { uri });
  assert.equal(pv.pages, (pv.html.match(/class="wr-page"/g) ?? []).length);
  assert.ok(pv.pages >= 2);
  assert.match(pv.html, /<div class="wr-number odd">— 1 —<\/div>/);
  assert.match(pv.html, /<span class="title">聚焦/);
  assert.match(pv.html, /<span class="heading1">一、主要做法<\/span>/);
  assert.match(pv.css, /"仿宋_GB2312"/);
  assert.equal(await c.request('workreport/preview', { uri: 'untitled:not-open' }), null);
  assert.equal(await c.close(), 0);
});

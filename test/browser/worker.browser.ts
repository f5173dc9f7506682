// The language server as VS Code for the Web runs it: dist/browser/server.js in a web worker of
// a real browser (Debian's headless Chromium, driven by playwright-core; never a downloaded
// browser). A page served on 127.0.0.1 starts the worker and speaks LSP to it with postMessage,
// as vscode-languageclient/browser does: initialize, didOpen the pasted report, diagnostics back.
// Run with `npm run test:browser` (needs /usr/bin/chromium: `apt-get install chromium`).
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DIST } from '../paths';
import CHROMIUM_ARGS from '../../scripts/e2e/chromium-args.json';
import { PASTED_FILE, pasted } from '../reports/pasted';
import { docx, numbered, p, GB_NUMBERING, readBack } from '../docx/build-docx';

/** How many pinyin annotations the pasted report has (an independent regex count must agree). */
const EXPECTED_ANNOTATIONS = pasted().annotations;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WORKER = path.join(DIST, 'browser', 'server.js');
const CLIENT = path.join(DIST, 'browser', 'extension.js');
const RULE = 'text/pinyin-annotation';
const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const ANNOTATIONS = [...reportText.matchAll(ANNOTATION)].length;

// The page: a tiny LSP client over postMessage. window.lsp(method, params) sends a request,
// window.notify(...) a notification; notifications from the server collect in window.inbox.
const PAGE = `<!doctype html><meta charset="utf-8"><title>workreport worker</title>
<script>
  const worker = new Worker('/server.js');
  let nextId = 1;
  const pending = new Map();
  window.inbox = [];
  window.serverRequests = [];
  window.workerErrors = [];
  worker.onerror = (e) => window.workerErrors.push(String(e.message || e));
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.id !== undefined && m.method) {            // a request from the server
      window.serverRequests.push(m.method);
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null });
    } else if (m.id !== undefined) {                 // a response
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (p) m.error ? p.reject(new Error(JSON.stringify(m.error))) : p.resolve(m.result);
    } else {
      m.receivedAt = performance.now();
      window.inbox.push(m);
    }
  };
  window.lsp = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  window.waitFor = (pred, ms) => new Promise((resolve, reject) => {
    const t0 = Date.now();
    (function poll() {
      const hit = window.inbox.find(pred);
      if (hit) return resolve(hit);
      if (Date.now() - t0 > ms) return reject(new Error('timed out; inbox: ' + JSON.stringify(window.inbox.map((m) => m.method))));
      setTimeout(poll, 10);
    })();
  });
</script>`;

let server: http.Server;
let base: string;
let browser: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
let userDataDir: string;

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM_PATH)`);
  assert.ok(fs.existsSync(WORKER), `${WORKER} not built: node esbuild.mjs`);
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (url.pathname === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(fs.readFileSync(WORKER));
    } else if (url.pathname === '/pasted.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(reportText);
    } else if (url.pathname === '/favicon.ico' || url.pathname.endsWith('.map')) {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-chromium-'));
  // A fresh profile per run (launchPersistentContext is how playwright takes --user-data-dir).
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${base}/`);
});

after(async () => {
  await browser?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

interface Diag {
  code: string;
  message: string;
  /** `folded`: a paragraph's findings shown as one (each place is then a hint of its own). */
  data?: { folded?: number };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
/** A notification the page collected from the worker. */
interface Inbound {
  method: string;
  params: { uri: string; diagnostics: Diag[] };
}
/** What the test page (PAGE) defines on its window. */
interface PageApi {
  lsp(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
  waitFor(pred: (n: Inbound) => boolean, ms: number): Promise<Inbound>;
  serverRequests: string[];
  workerErrors: string[];
}
interface CodeActionLike {
  edit?: { changes?: Record<string, { range: Diag['range']; newText: string }[]> };
}

describe('language server in a web worker (Chromium)', () => {
  test('initialize, didOpen the pasted report as plaintext, pushed diagnostics with every annotation', async () => {
    const t0 = Date.now();
    const init = (await page.evaluate(() =>
      (globalThis as unknown as PageApi).lsp('initialize', {
        processId: null,
        rootUri: null,
        locale: 'en',
        capabilities: { textDocument: { publishDiagnostics: {} } },
      }),
    )) as { serverInfo: { name: string }; capabilities: { diagnosticProvider?: unknown } };
    assert.equal(init.serverInfo.name, 'workreport-language-server');
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'a push-only client gets no pull provider');
    const result = await page.evaluate(async () => {
      const w = globalThis as unknown as PageApi;
      w.notify('initialized', {});
      const text = await (await fetch('/pasted.txt')).text();
      const uri = 'vscode-vfs://github/workreport/demo/pasted.txt';
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const m = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 60000);
      return { params: m.params, serverRequests: w.serverRequests, workerErrors: w.workerErrors };
    });
    const ms = Date.now() - t0;
    const diags = result.params.diagnostics as Diag[];
    // Each place once: alone, or as the hint of a folded paragraph (core/run/present.ts).
    const ours = diags.filter((d) => d.code === RULE && !d.data?.folded);
    assert.equal(ANNOTATIONS, EXPECTED_ANNOTATIONS);
    assert.equal(ours.length, ANNOTATIONS);
    // Same positions as the annotations in the text (UTF-16 columns, as the browser counts).
    const lines = reportText.split('\n');
    for (const d of ours) {
      const quoted = lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      assert.match(quoted, /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
    }
    assert.deepEqual(result.workerErrors, []);
    assert.deepEqual(result.serverRequests, [], 'the server asked nothing the client did not announce');
    assert.deepEqual(consoleErrors, []);
    console.log(`# worker: initialize + diagnostics of the pasted report in ${ms} ms (${diags.length} diagnostics)`);
  });

  test('pull diagnostics and a quick fix from the worker (the path VS Code for the Web uses)', async () => {
    const r = await page.evaluate(async () => {
      const w = globalThis as unknown as PageApi;
      const text = await (await fetch('/pasted.txt')).text();
      const uri = 'vscode-test-web://mount/pasted.report';
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'workreport', version: 1, text } });
      const m = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 60000);
      const d = m.params.diagnostics.find((x) => x.code === 'text/pinyin-annotation' && !x.data?.folded)!;
      const actions = (await w.lsp('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as CodeActionLike[];
      w.notify('textDocument/didClose', { textDocument: { uri } });
      const cleared = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length === 0, 5000);
      return { d, actions, cleared: !!cleared };
    });
    const fix = r.actions.find((a) => a.edit?.changes?.['vscode-test-web://mount/pasted.report']);
    assert.ok(fix, `a quick fix for ${JSON.stringify(r.d.range)}`);
    const edit = fix.edit!.changes!['vscode-test-web://mount/pasted.report'][0];
    assert.deepEqual(edit.range, r.d.range);
    assert.equal(edit.newText, '');
    assert.ok(r.cleared);
  });

  test('a large report in the worker: an edit is published quick, then in full, the analysis in slices between which the worker takes messages', async () => {
    const r = await page.evaluate(async () => {
      const w = globalThis as unknown as PageApi;
      const pastedText = await (await fetch('/pasted.txt')).text();
      let text = '';
      // Over the two-phase size (TWO_PHASE_MIN_CHARS, 50 K characters).
      while (text.length < 60_000) text += pastedText + '\n\n';
      const uri = 'vscode-test-web://mount/large.report';
      const t0 = performance.now();
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'workreport', version: 1, text } });
      const first = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 60000);
      const t1 = performance.now();
      const edited = text + '我们开展了学习,效果较好。';
      w.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
      const ofV2 = (n: Inbound) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && (n.params as { version?: number }).version === 2;
      await w.waitFor(ofV2, 60000);
      // The worker answers while the full analysis runs in slices.
      const health = (await w.lsp('workreport/health', null)) as { lastAnalysis?: { version: number; phase: string } };
      const answered = performance.now();
      const waitForN = (k: number) =>
        new Promise<Inbound[]>((resolve, reject) => {
          const t0 = Date.now();
          (function poll() {
            const got = (globalThis as unknown as { inbox: Inbound[] }).inbox.filter(ofV2);
            if (got.length >= k) return resolve(got);
            if (Date.now() - t0 > 60000) return reject(new Error(`${got.length} publications of version 2`));
            setTimeout(poll, 10);
          })();
        });
      const both = await waitForN(2);
      const at = (n: Inbound) => (n as unknown as { receivedAt: number }).receivedAt - t1;
      const h2 = (await w.lsp('workreport/health', null)) as { lastAnalysis?: { version: number; phase: string; sliced?: boolean } };
      w.notify('textDocument/didClose', { textDocument: { uri } });
      const lines = edited.split('\n').length;
      // Counted here: thousands of diagnostics sent back to the test would take seconds.
      const typed = (n: Inbound) => n.params.diagnostics.filter((d) => d.code === 'punct/halfwidth' && d.range.start.line === lines - 1).length;
      return { first: first.params.diagnostics.length, quick: typed(both[0]), full: typed(both[1]), during: health.lastAnalysis, after: h2.lastAnalysis, lines, ms: [t1 - t0, at(both[0]), at(both[1]), answered - t1] };
    });
    assert.ok(r.first > 0);
    console.log(`# worker, ${r.lines} lines: open → diagnostics ${r.ms[0].toFixed(0)} ms; after the edit: quick diagnostics ${r.ms[1].toFixed(0)} ms, a request sent on them answered ${r.ms[3].toFixed(0)} ms, full diagnostics ${r.ms[2].toFixed(0)} ms`);
    assert.equal(r.quick, 1, 'the quick publication has the new line\'s finding');
    assert.equal(r.full, 1);
    assert.equal(r.after?.version, 2);
    assert.equal(r.after?.phase, 'full');
    assert.equal(r.after?.sliced, true, 'analysed in slices');
    assert.ok(r.during?.version === 2, `health answered during the analysis: ${JSON.stringify(r.during)}`);
  });

  test('a non-report plain text in the worker gets an empty push', async () => {
    const diags = await page.evaluate(async () => {
      const w = globalThis as unknown as PageApi;
      const uri = 'vscode-vfs://github/workreport/demo/notes.txt';
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: '周末买菜，当(dāng)天给妈妈打电话。\n' } });
      return (await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 10000)).params.diagnostics;
    });
    assert.deepEqual(diags, []);
  });

  test('.workreportrc.json files sent by the client (workreport/rcFiles) apply to the documents below them', async () => {
    const r = await page.evaluate(async () => {
      const w = globalThis as unknown as PageApi;
      const text = await (await fetch('/pasted.txt')).text();
      const base = 'vscode-vfs://github/workreport/demo';
      w.notify('workreport/rcFiles', {
        files: [
          { uri: `${base}/quiet/.workreportrc.json`, text: JSON.stringify({ rules: { 'text/pinyin-annotation': 'off' } }) },
          { uri: `${base}/broken/.workreportrc.json`, text: '{ "rules": ' },
        ],
      });
      const count = async (uri: string) => {
        w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
        const m = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 60000);
        return m.params.diagnostics.filter((d) => d.code === 'text/pinyin-annotation' && !d.data?.folded).length;
      };
      const quiet = await count(`${base}/quiet/sub/pasted.txt`);
      const loud = await count(`${base}/elsewhere/pasted.txt`);
      await count(`${base}/broken/pasted.txt`);
      const broken = await w.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === `${base}/broken/.workreportrc.json`, 10000);
      return { quiet, loud, brokenDiagnostics: broken.params.diagnostics.length };
    });
    assert.equal(r.quiet, 0, 'rule off by the config file above the document');
    assert.equal(r.loud, ANNOTATIONS, 'no config file above: defaults');
    assert.equal(r.brokenDiagnostics, 1, 'one diagnostic on the broken config file itself');
  });

  test('Word in the worker: read a .docx, export the open report, preview its pages (VS Code for the Web)', async () => {
    const bytes = docx({ body: p('关于某项工作的报告') + numbered('主要做法', 1, 0) + p('建成3个实训基地，分别是东坪基地、西坪基地。'), numbering: GB_NUMBERING });
    const r = await page.evaluate(async (data: string) => {
      const w = globalThis as unknown as PageApi;
      const read = (await w.lsp('workreport/readDocx', { data })) as { text: string };
      const uri = 'vscode-vfs://github/workreport/demo/报告.report';
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'workreport', version: 1, text: read.text } });
      const exported = (await w.lsp('workreport/exportDocx', { uri })) as { data: string; errors: { rule: string }[] };
      const preview = (await w.lsp('workreport/preview', { uri })) as { pages: unknown[] };
      return { text: read.text, data: exported.data, errors: exported.errors.map((e) => e.rule), pages: preview.pages };
    }, Buffer.from(bytes).toString('base64'));
    assert.equal(r.text, '关于某项工作的报告\n一、主要做法\n建成3个实训基地，分别是东坪基地、西坪基地。');
    assert.equal(readBack(new Uint8Array(Buffer.from(r.data, 'base64'))).text, r.text);
    assert.deepEqual(r.errors, ['figures/list-count']);
    assert.equal(r.pages, 1);
  });

  test('shutdown and exit answer', async () => {
    const r = await page.evaluate(() => (globalThis as unknown as PageApi).lsp('shutdown', null));
    assert.equal(r, null);
    assert.deepEqual(consoleErrors, []);
  });
});

describe('browser bundles contain nothing Node-only', () => {
  test('the worker bundle requires nothing; the client requires only vscode', () => {
    const worker = fs.readFileSync(WORKER, 'utf8');
    assert.doesNotMatch(worker, /\brequire\(\s*["'][^"']+["']\s*\)/);
    assert.doesNotMatch(worker, /["']node:[a-z_]+["']/);
    const client = fs.readFileSync(CLIENT, 'utf8');
    const required = new Set([...client.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    const pkg = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8'));
    assert.equal(pkg.browser, './dist/browser/extension.js');
  });
});

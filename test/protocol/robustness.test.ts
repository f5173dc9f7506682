// The server under abuse (SPEC §8): malformed and unknown messages get LSP errors and the
// server keeps serving; a cancelled pull is answered with RequestCancelled; while the user
// types, push mode publishes only the last version (debounced, stale results dropped) and
// pull mode waits for a pause; documents too large are refused with one clear diagnostic;
// the client announces a crashed server and restarts it (client/src/recovery.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { PASTED_FILE } from '../reports/pasted';
import { LspClient, alive, clientStarter } from './lsp-client';
import { MAX_RESTARTS, WINDOW_MS, recoveringErrorHandler } from '../../client/src/recovery';

const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const start = clientStarter();

/** The error a request is answered with (fails when it succeeds). */
async function errorOf(p: Promise<unknown>): Promise<{ code: number; message: string; data?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: number; message: string; data?: unknown };
    assert.equal(typeof err.code, 'number', `an LSP error, not ${String(e)}`);
    return err as { code: number; message: string; data?: unknown };
  }
  assert.fail('the request succeeded');
}

test('unknown and malformed messages get LSP errors; the server keeps serving', async () => {
  const c = await start();
  // Unknown request: MethodNotFound.
  assert.equal((await errorOf(c.request('workreport/no-such-request', {}))).code, -32601);
  // Unknown notification: ignored.
  c.notify('workreport/no-such-notification', { x: 1 });
  c.notify('$/no-such-thing', null);
  // Requests with missing or wrong params: an error response, not a crash.
  assert.equal((await errorOf(c.request('textDocument/diagnostic', {}))).code, -32602);
  await errorOf(c.request('textDocument/diagnostic', null));
  for (const method of ['textDocument/hover', 'textDocument/codeAction', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/foldingRange', 'textDocument/codeLens', 'workspace/executeCommand']) {
    await c.request(method, { textDocument: { uri: 42 }, position: 'x', range: null, command: 12 }).catch(() => undefined);
    await c.request(method, null).catch(() => undefined);
  }
  // Notifications about documents that were never opened, or with nonsense in them.
  c.change('file:///never-opened.report', 2, [{ text: 'x' }]);
  c.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.report' }, contentChanges: null });
  c.notify('textDocument/didOpen', { textDocument: null });
  c.notify('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.report' } });
  c.notify('workspace/didChangeConfiguration', { settings: 'not an object' });
  // A body that is not JSON at all, framed correctly, and a JSON value that is no message.
  c.proc.stdin!.write('Content-Length: 13\r\n\r\n{{{{ not json');
  c.proc.stdin!.write('Content-Length: 7\r\n\r\n[1,2,3]');
  await alive(c);
  // Edits outside the document are clamped, not fatal.
  const uri = 'file:///robust/clamp.report';
  c.open(uri, '一、主要做法\n');
  c.change(uri, 2, [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: '二、工作成效' }]);
  c.change(uri, 3, [{ range: { start: { line: -1, character: -5 }, end: { line: 0, character: 2 } }, text: '' }]);
  const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(r.kind, 'full');
  await alive(c);
  assert.equal(await c.close(), 0, 'exits cleanly after shutdown + exit');
});

test('a cancelled pull is answered with RequestCancelled', async () => {
  const c = await start();
  const uri = 'file:///robust/cancel.report';
  c.open(uri, reportText);
  await c.request('textDocument/diagnostic', { textDocument: { uri } });
  // Typing: the pull right after a change waits for a pause; the client cancels it.
  c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '字' }]);
  const source = new CancellationTokenSource();
  const pending = c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
  source.cancel();
  const err = await errorOf(pending);
  assert.equal(err.code, -32800, `RequestCancelled, got ${err.code} ${err.message}`);
  // The next pull answers for the current version.
  const r = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(r.kind, 'full');
  assert.ok((r as { items: unknown[] }).items.length > 0);
  await alive(c);
});

test('pull while typing: each pull waits for a pause, the last one answers', async () => {
  const c = await start();
  const uri = 'file:///robust/typing.report';
  c.open(uri, reportText);
  await c.request('textDocument/diagnostic', { textDocument: { uri } });
  // Twenty keystrokes, each followed by a pull that the next keystroke cancels (as VS Code does).
  let previous: { source: CancellationTokenSource; p: Promise<unknown> } | undefined;
  const outcomes: Promise<string>[] = [];
  for (let v = 2; v <= 21; v++) {
    c.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '字' }]);
    previous?.source.cancel();
    const source = new CancellationTokenSource();
    const p = c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    outcomes.push(p.then(() => 'answered', (e: { code?: number }) => `error ${e.code}`));
    previous = { source, p };
  }
  const all = await Promise.all(outcomes);
  assert.equal(all[all.length - 1], 'answered', 'the last pull is answered');
  assert.ok(all.slice(0, -1).every((o) => o === 'error -32800' || o === 'answered'), all.join(', '));
  assert.ok(all.filter((o) => o === 'error -32800').length >= 15, `most superseded pulls are cancelled: ${all.join(', ')}`);
});

test('push while typing: debounced, only the latest version is published', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: false }) });
  const uri = 'file:///robust/push.report';
  c.open(uri, reportText);
  await c.waitForDiagnostics(uri, { version: 1 });
  const mark = c.mark();
  const last = 41;
  for (let v = 2; v <= last; v++) {
    c.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? '，' : '字' }]);
  }
  const final = await c.waitForDiagnostics(uri, { version: last, since: mark, timeoutMs: 20_000 });
  assert.equal(final.version, last);
  const published = c.notifications
    .slice(mark)
    .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
    .map((n) => (n.params as PublishDiagnosticsParams).version);
  // Sent in one burst, the 40 changes are checked once (a slow machine may split the burst).
  assert.ok(published.length <= 3, `published for versions ${published.join(', ')}`);
  assert.ok(published.every((v) => v !== undefined && v > 1), 'no result for a stale version');
});

test('a document over maxDocumentSize gets one clear diagnostic, quickly', async () => {
  const c = await start({ settings: () => ({ maxDocumentSize: 100_000 }) });
  const uri = 'file:///robust/large.report';
  const text = reportText.repeat(Math.ceil(200_000 / reportText.length));
  c.open(uri, text);
  const t0 = Date.now();
  const r = (await c.request('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code?: string; message: string }[] };
  assert.ok(Date.now() - t0 < 5_000);
  assert.equal(r.items.length, 1);
  assert.equal(r.items[0].code, 'text/too-large');
  assert.match(r.items[0].message, /maxDocumentSize/);
  await alive(c);
});

test('client: a server crash is announced and the server restarted, up to a limit', async () => {
  const shown: { kind: string; text: string }[] = [];
  let logShown = 0;
  let now = 1_000_000;
  const handler = recoveringErrorHandler({
    language: 'zh-cn',
    show: async (kind, text, button) => {
      shown.push({ kind, text });
      return button; // the user clicks "查看日志"
    },
    showLog: () => logShown++,
    now: () => now,
  });
  for (let i = 1; i <= MAX_RESTARTS; i++) {
    const r = await handler.closed();
    assert.equal(r.action, 2, `crash ${i}: restart`);
    assert.equal(r.handled, true);
    now += 1000;
  }
  const r = await handler.closed();
  assert.equal(r.action, 1, 'too many crashes in the window: no restart');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(shown.length, MAX_RESTARTS + 1, 'every crash is announced');
  assert.ok(shown.slice(0, -1).every((s) => s.kind === 'warning' && /重新启动/.test(s.text)));
  assert.equal(shown[shown.length - 1].kind, 'error');
  assert.equal(logShown, MAX_RESTARTS + 1, 'the button opens the log');
  // Crashes older than the window are forgotten: the next one restarts again.
  now += WINDOW_MS + 1;
  assert.equal((await handler.closed()).action, 2);
  // Transient connection errors continue; persistent ones shut the connection down.
  assert.equal((await handler.error(new Error('x'), undefined, 1)).action, 1);
  assert.equal((await handler.error(new Error('x'), undefined, 4)).action, 2);
});

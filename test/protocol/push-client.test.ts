// The server as editors other than VS Code drive it (SPEC §7): Neovim, Emacs eglot, Helix,
// Sublime LSP. Such a client declares no pull diagnostics and often no workspace/configuration,
// sends its own language ids ("text", "", "markdown"), may send whole-document changes, and
// starts the server over stdio, node IPC or a socket. The server must push diagnostics, ask
// the client nothing it did not announce, and decide by file name and content what a report is.
import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DIST } from '../paths';
import { PASTED_FILE, pasted } from '../reports/pasted';
import { LspClient, fileUri, withTimeout, DEFAULT_TIMEOUT_MS } from './lsp-client';
import { folded } from './order';

/** How many pinyin annotations the pasted report has (an independent regex count must agree). */
const EXPECTED_ANNOTATIONS = pasted().annotations;

const SERVER = path.join(DIST, 'server.js');
const RULE = 'text/pinyin-annotation';
const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
// In the pasted report every parenthesised run of lowercase (tone-marked) Latin letters is an annotation.
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const ANNOTATIONS = [...reportText.matchAll(ANNOTATION)].length;
const DIR = path.dirname(PASTED_FILE);

/** What a push-only editor announces: publishDiagnostics and nothing about configuration or pull. */
const PUSH_ONLY: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: { applyEdit: true },
};

const clients: LspClient[] = [];
async function start(capabilities: ClientCapabilities = PUSH_ONLY): Promise<LspClient> {
  const c = await LspClient.start({ capabilities, rootUri: fileUri(DIR) });
  clients.push(c);
  return c;
}
after(() => clients.forEach((c) => c.kill()));

function annotationsIn(diags: Diagnostic[]): number {
  // Each place once: unfolded, or as the hint of a folded paragraph (core/run/present.ts).
  return diags.filter((d) => d.code === RULE && !folded(d)).length;
}

/** The server asked nothing of a client that announced nothing (no configuration, no registrations). */
function assertNoServerRequests(c: LspClient): void {
  assert.deepEqual(c.serverRequests.map((r) => r.method), []);
}

describe('push-only clients (Neovim, eglot, Helix, Sublime LSP)', { concurrency: 2 }, () => {
  test('initialize: no diagnosticProvider, text sync open/close/change', async () => {
    const c = await start();
    const caps = c.initializeResult!.capabilities;
    assert.equal(caps.diagnosticProvider, undefined);
    const sync = caps.textDocumentSync as { openClose: boolean; change: number };
    assert.equal(sync.openClose, true);
    assert.ok(sync.change === 1 || sync.change === 2);
    assert.equal(await c.close(), 0);
    assertNoServerRequests(c);
  });

  test('the pasted report opened as "text" (no configuration capability): pushed diagnostics with all annotations', async () => {
    const c = await start();
    const uri = fileUri(PASTED_FILE);
    c.open(uri, reportText, 'text');
    const p = await c.waitForDiagnostics(uri);
    assert.equal(p.version, 1);
    assert.equal(annotationsIn(p.diagnostics), ANNOTATIONS);
    assert.equal(ANNOTATIONS, EXPECTED_ANNOTATIONS);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'workreport');
      assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line);
    }
    assert.equal(await c.close(), 0);
    assertNoServerRequests(c);
  });

  test('a .report file with languageId "" is a report whatever its content', async () => {
    const c = await start();
    const uri = fileUri(path.join(DIR, '周报.report'));
    // Too short to look like a report by content; the name decides.
    c.open(uri, '本周当(dāng)值。\n', '');
    const p = await c.waitForDiagnostics(uri);
    assert.equal(annotationsIn(p.diagnostics), 1);
    assert.equal(await c.close(), 0);
  });

  test('a plain text file that is not a report gets an empty push (the same text as .report is checked)', async () => {
    const c = await start();
    const note = '周末买菜，当(dāng)天给妈妈打电话。\n';
    const txt = fileUri(path.join(DIR, 'notes.txt'));
    c.open(txt, note, 'text');
    assert.deepEqual((await c.waitForDiagnostics(txt)).diagnostics, []);
    const report = fileUri(path.join(DIR, 'notes.report'));
    c.open(report, note, 'text');
    assert.equal(annotationsIn((await c.waitForDiagnostics(report)).diagnostics), 1);
    assert.equal(await c.close(), 0);
  });

  test('language ids of other editors: markdown and plaintext are checked by content; a program file is not', async () => {
    const c = await start();
    const md = fileUri(path.join(DIR, 'pasted.md'));
    const plain = fileUri(path.join(DIR, 'pasted-sublime.txt'));
    const py = fileUri(path.join(DIR, 'pasted.py'));
    c.open(md, reportText, 'markdown');
    c.open(plain, reportText, 'plaintext');
    c.open(py, reportText, 'python');
    assert.equal(annotationsIn((await c.waitForDiagnostics(md)).diagnostics), ANNOTATIONS);
    assert.equal(annotationsIn((await c.waitForDiagnostics(plain)).diagnostics), ANNOTATIONS);
    assert.deepEqual((await c.waitForDiagnostics(py)).diagnostics, []);
    assert.equal(await c.close(), 0);
  });

  test('a whole-document change pushes the new version; close clears the diagnostics', async () => {
    const c = await start();
    const uri = fileUri(PASTED_FILE);
    c.open(uri, reportText, 'text');
    await c.waitForDiagnostics(uri, { version: 1 });
    // Clients without incremental sync send the full text (a change event with no range).
    const mark = c.mark();
    c.change(uri, 2, [{ text: reportText.replace(ANNOTATION, '') }]);
    const p2 = await c.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, DEFAULT_TIMEOUT_MS, mark);
    assert.equal(annotationsIn(p2.diagnostics), 0);
    const mark2 = c.mark();
    c.closeDocument(uri);
    const p3 = await c.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, DEFAULT_TIMEOUT_MS, mark2);
    assert.deepEqual(p3.diagnostics, []);
    assert.equal(await c.close(), 0);
    assertNoServerRequests(c);
  });

  test('a client with workspace/configuration but no dynamic registration (eglot, Helix) is asked for settings, never sent a registration', async () => {
    const caps: ClientCapabilities = { ...PUSH_ONLY, workspace: { ...PUSH_ONLY.workspace, configuration: true, didChangeConfiguration: {} } };
    const c = await LspClient.start({ capabilities: caps, rootUri: fileUri(DIR), settings: () => ({ rules: { [RULE]: 'off' } }) });
    clients.push(c);
    const uri = fileUri(PASTED_FILE);
    c.open(uri, reportText, 'text');
    const p = await c.waitForDiagnostics(uri);
    assert.equal(annotationsIn(p.diagnostics), 0, 'the rule turned off in the client settings');
    assert.ok(p.diagnostics.length > 0, 'other rules still report');
    const methods = new Set(c.serverRequests.map((r) => r.method));
    assert.ok(methods.has('workspace/configuration'));
    assert.ok(!methods.has('client/registerCapability'), 'no dynamic registration the client did not announce');
    // Settings pushed with didChangeConfiguration still apply.
    c.settings = () => ({});
    const mark = c.mark();
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const again = await c.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (q) => q.uri === uri, DEFAULT_TIMEOUT_MS, mark);
    assert.equal(annotationsIn(again.diagnostics), ANNOTATIONS);
    assert.equal(await c.close(), 0);
  });

  test('a client without workspace/configuration sends its settings in didChangeConfiguration (Neovim 0.7 on_init)', async () => {
    const c = await start();
    c.notify('workspace/didChangeConfiguration', { settings: { workreport: { rules: { [RULE]: 'off' } } } });
    const uri = fileUri(PASTED_FILE);
    c.open(uri, reportText, 'text');
    const p = await c.waitForDiagnostics(uri);
    assert.equal(annotationsIn(p.diagnostics), 0);
    assert.ok(p.diagnostics.length > 0);
    const mark = c.mark();
    c.notify('workspace/didChangeConfiguration', { settings: { workreport: {} } });
    const again = await c.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (q) => q.uri === uri, DEFAULT_TIMEOUT_MS, mark);
    assert.equal(annotationsIn(again.diagnostics), ANNOTATIONS);
    assert.equal(await c.close(), 0);
    assertNoServerRequests(c);
  });

  test('dist/server.js runs as the workreport-language-server command (shebang, usage without a transport)', async () => {
    assert.equal(fs.readFileSync(SERVER, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    const r = await run([SERVER]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--stdio/);
    assert.equal((await run([SERVER, '--version'])).code, 0);
  });
});

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** initialize → didOpen the pasted report as "text" → first publishDiagnostics → shutdown/exit, on any connection. */
async function pastedOverConnection(conn: MessageConnection, proc: ChildProcess): Promise<{ diagnostics: Diagnostic[]; code: number | null }> {
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const uri = fileUri(PASTED_FILE);
  const pushed = new Promise<PublishDiagnosticsParams>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) resolve(p);
    }),
  );
  conn.onRequest(() => null);
  conn.listen();
  try {
    await withTimeout(conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: PUSH_ONLY }), DEFAULT_TIMEOUT_MS, 'initialize');
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'text', version: 1, text: reportText } });
    const p = await withTimeout(pushed, DEFAULT_TIMEOUT_MS, 'publishDiagnostics');
    await withTimeout(conn.sendRequest('shutdown'), DEFAULT_TIMEOUT_MS, 'shutdown');
    await conn.sendNotification('exit');
    const code = await withTimeout(exited, DEFAULT_TIMEOUT_MS, 'server exit');
    return { diagnostics: p.diagnostics, code };
  } finally {
    conn.dispose();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

describe('transports other than stdio', { concurrency: 2 }, () => {
  test('--node-ipc', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const r = await pastedOverConnection(conn, proc);
    assert.equal(annotationsIn(r.diagnostics), ANNOTATIONS);
    assert.equal(r.code, 0);
  });

  test('--socket=PORT (the server connects to the editor’s port on 127.0.0.1)', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const socket = await withTimeout(accepted, DEFAULT_TIMEOUT_MS, 'the server to connect');
      const conn = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
      const r = await pastedOverConnection(conn, proc);
      assert.equal(annotationsIn(r.diagnostics), ANNOTATIONS);
      assert.equal(r.code, 0);
      socket.destroy();
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      server.close();
    }
  });
});

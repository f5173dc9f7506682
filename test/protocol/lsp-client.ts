// A small LSP test client: spawns `node dist/server.js --stdio`, speaks JSON-RPC to it
// (vscode-jsonrpc does the Content-Length framing), answers the server's own requests
// and lets a test wait for notifications. Every wait has a timeout; tests never sleep.
//
//   const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
//   c.open(uri, text);
//   const report = await c.request('textDocument/diagnostic', { textDocument: { uri } });
//   await c.close();
import { after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { DIST } from '../paths';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Answer for workspace/configuration, per item (section, scopeUri). Default: {}. */
  settings?: (item: { section?: string; scopeUri?: string }) => unknown;
  /** While this is pending, workspace/configuration is not answered (the server's analysis of a document waits for its settings). */
  settingsHeld?: Promise<unknown>;
  initializationOptions?: unknown;
  locale?: string;
  rootUri?: string | null;
  /** Extra server arguments after --stdio. */
  args?: string[];
  /** Node options before the server script (e.g. --expose-gc for the bench's heap figures). */
  nodeArgs?: string[];
  /** Skip initialize/initialized (to test them by hand). */
  noInitialize?: boolean;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

interface Waiter {
  method: string;
  pred: (params: any) => boolean;
  resolve: (params: any) => void;
}

/** Resolves or rejects with a clear message after ms. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export class LspClient {
  /** Every notification received, in order (method, params). */
  readonly notifications: { method: string; params: any }[] = [];
  /** Every request the server sent us (method, params). */
  readonly serverRequests: { method: string; params: any }[] = [];
  /** Edits the server asked us to apply (workspace/applyEdit); we accept them. */
  readonly appliedEdits: any[] = [];
  /** The server's stderr, for failure messages. */
  stderr = '';
  initializeResult?: InitializeResult;
  settings: (item: { section?: string; scopeUri?: string }) => unknown;

  private waiters: Waiter[] = [];
  private requestWaiters: Waiter[] = [];
  private exited: Promise<number | null>;
  private exitSent = false;

  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection, opts: StartOptions) {
    this.settings = opts.settings ?? (() => ({}));
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));

    conn.onNotification((method: string, params: any) => {
      this.notifications.push({ method, params });
      this.waiters = this.waiters.filter((w) => {
        if (w.method !== method || !w.pred(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    conn.onRequest((method: string, params: any) => {
      this.serverRequests.push({ method, params });
      this.requestWaiters = this.requestWaiters.filter((w) => {
        if (w.method !== method || !w.pred(params)) return true;
        w.resolve(params);
        return false;
      });
      switch (method) {
        case 'workspace/configuration': {
          const answer = () => (params.items as { section?: string; scopeUri?: string }[]).map((i) => this.settings(i) ?? null);
          return opts.settingsHeld ? opts.settingsHeld.then(answer) : answer();
        }
        case 'workspace/applyEdit':
          this.appliedEdits.push(params.edit);
          return { applied: true };
        case 'client/registerCapability':
        case 'client/unregisterCapability':
        case 'workspace/diagnostic/refresh':
        case 'workspace/semanticTokens/refresh':
        case 'workspace/codeLens/refresh':
        case 'workspace/inlayHint/refresh':
        case 'window/workDoneProgress/create':
          return null;
        default:
          return null;
      }
    });
    conn.listen();
  }

  /** Client capabilities: with or without pull diagnostics, with configuration support. */
  static capabilities(o: { pull?: boolean; configuration?: boolean } = {}): ClientCapabilities {
    return {
      workspace: {
        configuration: o.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        ...(o.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      general: { positionEncodings: ['utf-16'] },
    };
  }

  /** Spawns the server and (unless noInitialize) runs initialize + initialized. */
  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const server = path.join(DIST, 'server.js');
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), server, '--stdio', ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new LspClient(proc, conn, opts);
    if (!opts.noInitialize) {
      c.initializeResult = await c.request<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: opts.rootUri ?? null,
        capabilities: opts.capabilities ?? LspClient.capabilities({ pull: true }),
        initializationOptions: opts.initializationOptions,
        locale: opts.locale,
      });
      c.notify('initialized', {});
    }
    return c;
  }

  request<R = any>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return withTimeout(this.conn.sendRequest(method, params) as Promise<R>, timeoutMs, () => `response to ${method}${this.stderrNote()}`);
  }

  notify(method: string, params: unknown): void {
    if (method === 'exit') this.exitSent = true;
    void this.conn.sendNotification(method, params);
  }

  /**
   * The next notification `method` whose params satisfy pred. Notifications that arrived
   * before the call are looked at too (from index `since`, default: all), so there is no race.
   */
  waitForNotification<P = any>(method: string, pred: (params: P) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS, since = 0): Promise<P> {
    const seen = this.notifications.slice(since).find((n) => n.method === method && pred(n.params));
    if (seen) return Promise.resolve(seen.params);
    let waiter!: Waiter;
    const p = new Promise<P>((resolve) => {
      waiter = { method, pred, resolve };
      this.waiters.push(waiter);
    });
    return withTimeout(p, timeoutMs, () => `notification ${method}${this.stderrNote()}`).finally(() => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }

  /** The next request the server sends us (e.g. workspace/diagnostic/refresh), from index since of serverRequests. */
  waitForServerRequest<P = any>(method: string, pred: (params: P) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS, since = 0): Promise<P> {
    const seen = this.serverRequests.slice(since).find((n) => n.method === method && pred(n.params));
    if (seen) return Promise.resolve(seen.params);
    let waiter!: Waiter;
    const p = new Promise<P>((resolve) => {
      waiter = { method, pred, resolve };
      this.requestWaiters.push(waiter);
    });
    return withTimeout(p, timeoutMs, () => `server request ${method}${this.stderrNote()}`).finally(() => {
      this.requestWaiters = this.requestWaiters.filter((w) => w !== waiter);
    });
  }

  /** publishDiagnostics for uri (optionally for a given document version), waiting from mark on. */
  waitForDiagnostics(uri: string, o: { version?: number; since?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (o.version === undefined || p.version === undefined || p.version === o.version),
      o.timeoutMs,
      o.since ?? 0,
    );
  }

  /** The current count of notifications, to wait only for ones arriving after this point. */
  mark(): number {
    return this.notifications.length;
  }

  open(uri: string, text: string, languageId = 'workreport', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  closeDocument(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit, then waits for the process to end (kills it if it does not). Returns its exit code. */
  async close(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    try {
      if (this.proc.exitCode === null && !this.exitSent) {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      }
      return await withTimeout(this.exited, timeoutMs, 'server exit');
    } catch (e) {
      this.proc.kill('SIGKILL');
      throw e;
    } finally {
      this.conn.dispose();
    }
  }

  /** Resolves with the exit code once the server process has ended (by itself). */
  exit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    return withTimeout(this.exited, timeoutMs, () => `the server to exit${this.stderrNote()}`);
  }

  /** Kills the server without the protocol (for cleanup after a failed test). */
  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }

  private stderrNote(): string {
    return this.stderr ? `\nserver stderr:\n${this.stderr.slice(-2000)}` : '';
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** A `start` for one test file: every client it starts is killed when that file's tests end. */
export function clientStarter(): (...a: Parameters<typeof LspClient.start>) => Promise<LspClient> {
  const clients: LspClient[] = [];
  after(() => clients.forEach((c) => c.kill()));
  return async (...a) => {
    const c = await LspClient.start(...a);
    clients.push(c);
    return c;
  };
}

/** Asserts that the server still answers (workreport/health) and has not exited. */
export async function alive(c: LspClient): Promise<void> {
  const h = await c.request<{ documents: number }>('workreport/health', null);
  assert.equal(typeof h.documents, 'number');
  assert.equal(c.proc.exitCode, null, 'the server is still running');
}

/** The items of a pulled diagnostic report, asserting it is a full one. */
export function fullItems(r: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(r.kind, 'full');
  return (r as { items: Diagnostic[] }).items;
}

// What happens when our code throws (SPEC §8):
// - inside a request handler: that request is answered with an error (vscode-jsonrpc does
//   that) and the stack is logged; the server keeps serving;
// - anywhere else (a notification handler, a document event listener, a timer, a promise
//   nobody awaited): the server may now hold wrong state (a document out of sync), so it
//   logs and ends the process with exit code 1; the client restarts a fresh one
//   (client/src/recovery.ts). After `shutdown` such errors are only logged.
// Messages a client sends malformed (a didOpen without a textDocument) are dropped with a
// log line: they are the client's mistake, not a reason to restart.
import type { Connection } from 'vscode-languageserver';

/** Connection methods whose handlers answer notifications: an exception there is fatal. */
const NOTIFICATION_HANDLER = /^on(?:Notification|Initialized|Exit|DidOpenTextDocument|DidChangeTextDocument|DidCloseTextDocument|DidSaveTextDocument|WillSaveTextDocument|DidChange\w+|Progress)$/;
/** TextDocuments events: fired from the sync notifications. */
const DOCUMENT_EVENT = /^onDid(?:Open|ChangeContent|Close|Save)$/;

export interface CrashPolicy {
  /** Log an error with its stack (window/logMessage, and stderr). */
  log(what: string, e: unknown): void;
  /** A fatal error: log, then end the process (unless shutting down). */
  fatal(what: string, e: unknown): void;
}

type Proc = { on?(event: string, f: (e: unknown) => void): void; exit?(code: number): never; stderr?: { write(s: string): void } };

export function crashPolicy(connection: Connection, isShuttingDown: () => boolean): CrashPolicy {
  const proc = (globalThis as { process?: Proc }).process;
  const text = (what: string, e: unknown) => `workreport: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  const policy: CrashPolicy = {
    log(what, e) {
      const t = text(what, e);
      proc?.stderr?.write(t + '\n');
      try {
        connection.console.error(t);
      } catch {
        // The connection is gone: stderr has it.
      }
    },
    fatal(what, e) {
      policy.log(isShuttingDown() ? what : `${what} (the server stops; the editor restarts it)`, e);
      // The web worker has no process: its host sees the error and the client restarts it.
      if (!isShuttingDown()) proc?.exit?.(1);
    },
  };
  proc?.on?.('uncaughtException', (e) => policy.fatal('uncaught exception', e));
  proc?.on?.('unhandledRejection', (e) => policy.fatal('unhandled rejection', e));
  return policy;
}

/** Is a sync notification's params shape one the document store can use? (Others are dropped.) */
function wellFormed(name: string, params: unknown): boolean {
  const p = params as { textDocument?: { uri?: unknown; text?: unknown; version?: unknown }; contentChanges?: unknown } | null | undefined;
  const td = p && typeof p === 'object' ? p.textDocument : undefined;
  if (!td || typeof td !== 'object' || typeof td.uri !== 'string') return false;
  if (name === 'onDidOpenTextDocument') return typeof td.text === 'string';
  if (name === 'onDidChangeTextDocument') return Array.isArray(p!.contentChanges) && typeof td.version === 'number';
  return true;
}

/**
 * The connection with every handler registration wrapped: request handlers log and rethrow
 * (the request gets the error), notification handlers are fatal. Register features on this.
 */
export function guardConnection(connection: Connection, policy: CrashPolicy): Connection {
  const wrapRequest = (name: string, handler: (...a: unknown[]) => unknown) => {
    const logAndRethrow = (e: unknown): never => {
      if (!isCancellation(e)) policy.log(`request handler ${name}`, e);
      throw e;
    };
    return function (this: unknown, ...args: unknown[]) {
      try {
        const r = handler.apply(this, args);
        if (r && typeof (r as Promise<unknown>).then === 'function') return (r as Promise<unknown>).then(undefined, logAndRethrow);
        return r;
      } catch (e) {
        return logAndRethrow(e);
      }
    };
  };
  const wrapNotification = (name: string, handler: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      if (/TextDocument$/.test(name) && !wellFormed(name, args[0])) {
        policy.log(`${name}: malformed message dropped`, JSON.stringify(args[0])?.slice(0, 200));
        return undefined;
      }
      try {
        const r = handler.apply(this, args);
        if (r && typeof (r as Promise<unknown>).then === 'function') {
          (r as Promise<unknown>).then(undefined, (e: unknown) => policy.fatal(`notification handler ${name}`, e));
        }
        return r;
      } catch (e) {
        policy.fatal(`notification handler ${name}`, e);
        return undefined;
      }
    };
  return wrapOn(connection, (name, handler, method) => (NOTIFICATION_HANDLER.test(name) ? wrapNotification : wrapRequest)(method ?? name, handler));
}

/** TextDocuments events fire inside the sync notifications; a listener that throws is fatal. */
export function guardDocuments<T extends object>(documents: T, policy: CrashPolicy): T {
  return wrapOn(documents, (name, listener) =>
    DOCUMENT_EVENT.test(name)
      ? function (this: unknown, ...args: unknown[]) {
          try {
            return listener.apply(this, args);
          } catch (e) {
            policy.fatal(`document listener ${name}`, e);
            return undefined;
          }
        }
      : listener,
  );
}

/**
 * A proxy whose `on…` methods (also on nested objects like `languages.diagnostics`) wrap the
 * function arguments; `method` is the message's name when the registration gives it
 * (`onRequest('workreport/…', f)`, `onRequest(RequestType, f)`).
 */
function wrapOn<T extends object>(target: T, wrap: (name: string, f: (...a: unknown[]) => unknown, method?: string) => (...a: unknown[]) => unknown): T {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (cache.has(key)) return cache.get(key);
      const v = Reflect.get(obj, key, receiver);
      let out: unknown = v;
      if (typeof key === 'string' && typeof v === 'function' && /^on[A-Z]?/.test(key)) {
        out = (...args: unknown[]) => {
          const first = args[0] as { method?: unknown } | string | undefined;
          const method = typeof first === 'string' ? first : typeof first?.method === 'string' ? first.method : undefined;
          return (v as (...a: unknown[]) => unknown).apply(obj, args.map((a) => (typeof a === 'function' ? wrap(key, a as (...x: unknown[]) => unknown, method) : a)));
        };
      } else if (typeof key === 'string' && v && typeof v === 'object' && ['languages', 'diagnostics', 'workspace', 'window', 'client', 'tracer', 'telemetry', 'notebooks', 'synchronization'].includes(key)) {
        out = wrapOn(v as object, wrap);
      } else if (typeof v === 'function') {
        out = (v as (...a: unknown[]) => unknown).bind(obj);
      }
      cache.set(key, out);
      return out;
    },
  });
}

function isCancellation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  // RequestCancelled, ServerCancelled, ContentModified: answers, not errors.
  return code === -32800 || code === -32802 || code === -32801;
}

// Web-worker entry of the language server (dist/browser/server.js), for VS Code for the Web
// and any page that starts it as a Worker. Same core and features as the Node server; the
// host only differs in what a worker cannot do: it has no file system, so the client sends the
// workspace's .workreportrc.json files (RC_FILES_NOTIFICATION) and doc links point at the web.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { parseConfig, type ConfigProblem } from './core/config/validate';
import { docUrl } from './core/rule';
import { RC_FILES_NOTIFICATION, type RcFilesParams } from './lsp/protocol';
import { startServer } from './lsp/server';

// Typed as the worker's own global scope: messages in and out of this worker are the LSP stream.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

type RcFile = { path: string; config: ReturnType<typeof parseConfig>; problems: ConfigProblem[] };
/** Parsed config files by the URI of their folder (no trailing slash). */
let rcByDir = new Map<string, RcFile>();
const RC_NAME = '/.workreportrc.json';

function parseRc(uri: string, text: string): RcFile {
  const problems: ConfigProblem[] = [];
  try {
    return { path: uri, config: parseConfig(JSON.parse(text), problems), problems };
  } catch (e) {
    problems.push({ path: '', message: `cannot read: ${(e as Error).message}` });
    return { path: uri, config: {}, problems };
  }
}

const ctx = startServer(connection, {
  docUrl,
  // The nearest config file at or above the document, by URI path (any scheme: vscode-vfs, …).
  loadRcFile(uri) {
    let dir = uri.split(/[?#]/)[0];
    for (let i = 0; i < 64; i++) {
      const cut = dir.lastIndexOf('/');
      if (cut <= dir.indexOf('//') + 1) return undefined;
      dir = dir.slice(0, cut);
      const rc = rcByDir.get(dir);
      if (rc) return rc;
    }
    return undefined;
  },
});

connection.onNotification(RC_FILES_NOTIFICATION, (params: RcFilesParams) => {
  const next = new Map<string, RcFile>();
  for (const f of params?.files ?? []) {
    if (typeof f?.uri !== 'string' || typeof f.text !== 'string' || !f.uri.endsWith(RC_NAME)) continue;
    next.set(f.uri.slice(0, -RC_NAME.length), parseRc(f.uri, f.text));
  }
  rcByDir = next;
  ctx.invalidateSettings();
  for (const f of ctx.onConfigurationChanged) f();
});

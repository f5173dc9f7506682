// Web-worker entry of the language server (dist/browser/server.js), for VS Code for the Web
// and any page that starts it as a Worker. Same core and features as the Node server; the
// host only differs in what a worker cannot do: it has no file system, so the client sends the
// workspace's .workreportrc.json files (RC_FILES_NOTIFICATION) and doc links point at the web.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { RC_FILE_NAME, rcCandidates, rcFromText, type RcFile } from './core/config/rc-file';
import { docUrl } from './core/rule';
import { RC_FILES_NOTIFICATION, type RcFilesParams } from './lsp/protocol';
import { startServer } from './lsp/server';

// Typed as the worker's own global scope: messages in and out of this worker are the LSP stream.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

/** The workspace's config files, by URI. */
let rcByUri = new Map<string, RcFile>();

const ctx = startServer(connection, {
  docUrl,
  // The nearest config file at or above the document (any scheme: vscode-vfs, …).
  loadRcFile(uri) {
    for (const c of rcCandidates(uri)) {
      const rc = rcByUri.get(c);
      if (rc) return rc;
    }
    return undefined;
  },
});

connection.onNotification(RC_FILES_NOTIFICATION, (params: RcFilesParams) => {
  const next = new Map<string, RcFile>();
  for (const f of params?.files ?? []) {
    if (typeof f?.uri !== 'string' || typeof f.text !== 'string' || !f.uri.endsWith(`/${RC_FILE_NAME}`)) continue;
    next.set(f.uri.split(/[?#]/)[0], rcFromText(f.uri, f.text));
  }
  rcByUri = next;
  ctx.invalidateSettings();
  for (const f of ctx.onConfigurationChanged) f();
});

// Web-worker entry of the language server (dist/browser/server.js), for VS Code for the Web
// and any page that starts it as a Worker. Same core and features as the Node server; the
// host only differs in what it cannot do in a browser: no file system, so no
// .workreportrc.json lookup (editor settings still apply), and doc links point at the web.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { docUrl } from './core/rule';
import { startServer } from './lsp/server';

// Typed as the worker's own global scope: messages in and out of this worker are the LSP stream.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

startServer(connection, { docUrl });

// The language server, independent of transport: the Node entry (stdio, IPC, socket)
// and the web-worker entry both call startServer with their connection and host.
import {
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { localeFrom } from '../core/messages';
import { ServerContext, type ServerHost } from './context';
import { registerCodeActions, FIX_ALL_KIND } from './features/code-actions';
import { registerDiagnostics } from './features/diagnostics';
import { CodeActionKind } from 'vscode-languageserver';

/** Each feature adds its handlers; the order here is the order they are set up. */
const FEATURES: ((ctx: ServerContext) => void)[] = [registerDiagnostics, registerCodeActions];

export function startServer(connection: Connection, host: ServerHost): ServerContext {
  const ctx = new ServerContext(connection, host);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    ctx.hasConfigurationCapability = !!caps.workspace?.configuration;
    ctx.hasPullDiagnostics = !!caps.textDocument?.diagnostic;
    ctx.locale = localeFrom(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: ctx.hasPullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'workreport-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (ctx.hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'workreport' });
    }
  });

  const changed = () => {
    ctx.invalidateSettings();
    for (const f of ctx.onConfigurationChanged) f();
  };
  connection.onDidChangeConfiguration(changed);
  connection.onDidChangeWatchedFiles(changed);

  for (const feature of FEATURES) feature(ctx);
  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}

// The language server, independent of transport: the Node entry (stdio, IPC, socket)
// and the web-worker entry both call startServer with their connection and host.
import {
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { localeFrom } from '../core/locale';
import { ServerContext, type ServerHost } from './context';
import { crashPolicy, guardConnection, guardDocuments } from './crash-policy';
import type { EditorSettings } from './settings';
import type { Feature } from './feature';
import { codeActionsFeature } from './features/code-actions';
import { diagnosticsFeature } from './features/diagnostics';
import { completionFeature } from './features/completion';
import { hoverFeature } from './features/hover';
import { codeLensFeature } from './features/codelens';
import { authoringCommandsFeature } from './features/commands-authoring';
import { configFileFeature } from './features/config-file';
import { symbolsFeature } from './features/symbols';
import { commandsFeature } from './features/commands';
import { healthFeature } from './features/health';
import { docxFeature } from './features/docx';
import { faultsFeature } from './features/faults';

/** Every feature of the server; each announces its capabilities and registers its handlers. */
const FEATURES: Feature[] = [
  diagnosticsFeature,
  codeActionsFeature,
  completionFeature,
  hoverFeature,
  codeLensFeature,
  authoringCommandsFeature,
  configFileFeature,
  symbolsFeature,
  commandsFeature,
  healthFeature,
  docxFeature,
];

export function startServer(raw: Connection, host: ServerHost): ServerContext {
  // Crash policy (crash-policy.ts): a request handler that throws answers with an error and
  // logs; an exception anywhere else ends the process so that the client restarts it.
  let shuttingDown = false;
  const policy = crashPolicy(raw, () => shuttingDown);
  const connection = guardConnection(raw, policy);
  const ctx = new ServerContext(connection, host, (documents) => guardDocuments(documents, policy));
  connection.onShutdown(() => {
    shuttingDown = true;
  });
  // Clients that cannot take a dynamic registration (eglot, Helix) warn about one; they still
  // send didChangeConfiguration, which is handled below either way.
  let registerConfigChange = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    ctx.clientCapabilities = caps;
    ctx.hasConfigurationCapability = !!caps.workspace?.configuration;
    registerConfigChange = ctx.hasConfigurationCapability && !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    ctx.hasPullDiagnostics = !!caps.textDocument?.diagnostic;
    // What our clients send (client/src/features/index.ts initializationOptions; docs/editors.md), each checked: any client may send anything.
    const init = params.initializationOptions as { trusted?: unknown; quickPullDiagnostics?: unknown; maxDiagnosticsPerFile?: unknown; clientCommands?: unknown; locale?: string } | undefined;
    if (init?.trusted === false) ctx.trusted = false;
    ctx.quickPull = init?.quickPullDiagnostics === true;
    const max = init?.maxDiagnosticsPerFile;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 2) ctx.maxDiagnostics = max;
    if (Array.isArray(init?.clientCommands)) for (const c of init.clientCommands) if (typeof c === 'string') ctx.clientCommands.add(c);
    ctx.locale = localeFrom(params.locale ?? init?.locale);
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    };
    for (const f of FEATURES) Object.assign(capabilities, f.capabilities?.(ctx));
    return { capabilities, serverInfo: { name: 'workreport-language-server' } };
  });

  connection.onInitialized(() => {
    if (registerConfigChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'workreport' });
    }
  });

  const changed = () => {
    ctx.invalidateSettings();
    for (const f of ctx.onConfigurationChanged) f();
  };
  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked sends its settings along: { settings: { workreport: {…} } }.
    const pushed = (params?.settings as { workreport?: unknown } | null | undefined)?.workreport;
    if (!ctx.hasConfigurationCapability && pushed && typeof pushed === 'object') ctx.pushedSettings = pushed as EditorSettings;
    changed();
  });
  connection.onDidChangeWatchedFiles(changed);

  for (const f of FEATURES) f.register(ctx);
  if (host.testFaults) faultsFeature.register(ctx);
  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}

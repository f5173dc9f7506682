// The VS Code client: starts the language server and adds only what needs the VS Code
// API. Everything about reports lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { initializationOptions, registerFeatures, type FeaturesApi } from './features';
import { CONVERT_COMMANDS, DID_GRANT_TRUST_NOTIFICATION } from '../../server/src/lsp/protocol';
import { RC_FILE_NAME } from '../../server/src/core/config/rc-location';
import { recoveringErrorHandler } from './recovery';
import { CHANNEL, startedLine } from './util';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; authoring: FeaturesApi }> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // The Output channel exists from the start (not only once something is logged): where to
  // look when something seems wrong.
  const output = vscode.window.createOutputChannel(CHANNEL);
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    outputChannel: output,
    documentSelector: [
      { language: 'workreport' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${RC_FILE_NAME}`) },
    initializationOptions: initializationOptions(),
    // A crash is announced and the server restarted (recovery.ts), never silent.
    errorHandler: recoveringErrorHandler({
      language: vscode.env.language,
      show: (kind, text, button) => (kind === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage)(text, button),
      showLog: () => client?.outputChannel.show(true),
    }),
    middleware: {
      // Server commands run on a document: from the command palette, the active editor's.
      executeCommand: (command, args, next) =>
        next(command, args.length || !(command in CONVERT_COMMANDS) ? args : [vscode.window.activeTextEditor?.document.uri.toString()]),
    },
  };
  client = new LanguageClient('workreport', CHANNEL, serverOptions, clientOptions);
  await client.start();
  output.appendLine(startedLine(context));
  context.subscriptions.push(client);
  const authoring = registerFeatures(context, client);
  // Regex terms from the workspace run once the user trusts it.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(DID_GRANT_TRUST_NOTIFICATION)));
  return { client, authoring };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// The VS Code for the Web client (package.json "browser"): the same thin client as
// extension.ts, but the server runs in a web worker (dist/browser/server.js) and documents
// come from any scheme (vscode-vfs, vscode-test-web, …), not only file/untitled. The
// authoring UI (authoring.ts) is the same as on the desktop.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CLIENT_COMMANDS, registerAuthoring } from './authoring';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'workreport' }, { language: 'plaintext' }, { language: 'markdown' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.workreportrc.json') },
    initializationOptions: { locale: vscode.env.language, clientCommands: CLIENT_COMMANDS },
  };
  client = new LanguageClient('workreport', '报告校对 · Work Report Checker', clientOptions, worker);
  await client.start();
  context.subscriptions.push(client);
  registerAuthoring(context, client);
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

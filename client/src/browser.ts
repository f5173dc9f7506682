// The VS Code for the Web client (package.json "browser"): the same thin client as
// extension.ts, but the server runs in a web worker (dist/browser/server.js) and documents
// come from any scheme (vscode-vfs, vscode-test-web, …), not only file/untitled. The
// features (features/) are the same as on the desktop, plus sending the config files.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { initializationOptions, registerFeatures } from './features';
import { sendRcFiles } from './features/rc-files';
import { CHANNEL, startedLine } from './util';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = await startWorker(serverMain);
  const output = vscode.window.createOutputChannel(CHANNEL);
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    outputChannel: output,
    documentSelector: [{ language: 'workreport' }, { language: 'plaintext' }, { language: 'markdown' }],
    initializationOptions: initializationOptions(),
  };
  client = new LanguageClient('workreport', CHANNEL, clientOptions, worker);
  await client.start();
  output.appendLine(startedLine(context));
  context.subscriptions.push(client);
  sendRcFiles(context, client);
  registerFeatures(context, client);
  return { client };
}

/**
 * The server's worker. VS Code for the Web serves the extension over http(s), so its URL works;
 * an extension on a remote host (code-server, a codespace in the browser) has a vscode-remote:
 * URL, from which the web extension host refuses to start a worker: there the bundle is read
 * through the workspace file system and started from a blob URL instead.
 */
async function startWorker(uri: vscode.Uri): Promise<Worker> {
  try {
    return new Worker(uri.toString(true));
  } catch {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new Worker(URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' })));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

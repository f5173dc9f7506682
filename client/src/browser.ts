// The VS Code for the Web client (package.json "browser"): the same thin client as
// extension.ts, but the server runs in a web worker (dist/browser/server.js) and documents
// come from any scheme (vscode-vfs, vscode-test-web, …), not only file/untitled. The
// authoring UI (authoring.ts) is the same as on the desktop.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { RC_FILES_NOTIFICATION, type RcFilesParams } from '../../server/src/lsp/rc-files';
import { CLIENT_COMMANDS, registerAuthoring } from './authoring';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = await startWorker(serverMain);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'workreport' }, { language: 'plaintext' }, { language: 'markdown' }],
    initializationOptions: { locale: vscode.env.language, clientCommands: CLIENT_COMMANDS, trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('workreport', '报告校对 · Work Report Checker', clientOptions, worker);
  await client.start();
  context.subscriptions.push(client);
  sendRcFiles(context, client);
  registerAuthoring(context, client);
  return { client };
}

/**
 * The worker cannot read files: send it the workspace's .workreportrc.json files now and
 * whenever one is created, changed or deleted.
 */
function sendRcFiles(context: vscode.ExtensionContext, c: LanguageClient): void {
  let seq = 0;
  const send = async () => {
    const mine = ++seq;
    const uris = await vscode.workspace.findFiles('**/.workreportrc.json', '**/node_modules/**', 200);
    const files: RcFilesParams['files'] = [];
    for (const uri of uris) {
      try {
        files.push({ uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
      } catch {
        // Gone since findFiles: leave it out.
      }
    }
    if (mine === seq) await c.sendNotification(RC_FILES_NOTIFICATION, { files } satisfies RcFilesParams);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.workreportrc.json');
  context.subscriptions.push(watcher, watcher.onDidCreate(send), watcher.onDidChange(send), watcher.onDidDelete(send));
  void send();
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

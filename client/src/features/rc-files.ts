// Web client only: the server's worker cannot read files, so the client sends it the
// workspace's .workreportrc.json files now and whenever one is created, changed or deleted.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RC_FILE_NAME } from '../../../server/src/core/config/rc-location';
import { RC_FILES_NOTIFICATION, type RcFilesParams } from '../../../server/src/lsp/protocol';

export function sendRcFiles(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  let seq = 0;
  const send = async () => {
    const mine = ++seq;
    const uris = await vscode.workspace.findFiles(`**/${RC_FILE_NAME}`, '**/node_modules/**', 200);
    const files: RcFilesParams['files'] = [];
    for (const uri of uris) {
      try {
        files.push({ uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
      } catch {
        // Gone since findFiles: leave it out.
      }
    }
    if (mine === seq) await client.sendNotification(RC_FILES_NOTIFICATION, { files } satisfies RcFilesParams);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${RC_FILE_NAME}`);
  context.subscriptions.push(watcher, watcher.onDidCreate(send), watcher.onDidChange(send), watcher.onDidDelete(send));
  void send();
}

// "Ignore here" (the server's quick fix calls this command): append {rule, text} to the
// nearest .workreportrc.json (found as every other reader finds it: core/config/rc-file.ts),
// else to the workreport.ignore setting of the folder (or the user settings). Never in the
// report's text.
import * as vscode from 'vscode';
import { rcCandidates } from '../../../server/src/core/config/rc-location';
import { IGNORE_COMMAND, type IgnoreArgs } from '../../../server/src/lsp/protocol';

export function registerIgnoreHere(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(IGNORE_COMMAND, async (args: IgnoreArgs) => {
      if (!args?.rule || typeof args.text !== 'string') return;
      const uri = vscode.Uri.parse(args.uri);
      const entry = { rule: args.rule, text: args.text };
      const rc = await findRcFile(uri);
      if (rc) {
        try {
          const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(rc)));
          if (json && typeof json === 'object' && !Array.isArray(json)) {
            const list: unknown[] = Array.isArray(json.ignore) ? json.ignore : [];
            if (!list.some((e) => (e as Partial<IgnoreArgs> | null)?.rule === entry.rule && (e as Partial<IgnoreArgs> | null)?.text === entry.text)) list.push(entry);
            json.ignore = list;
            await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n'));
            return;
          }
        } catch {
          // A config file we cannot parse is left alone: record in settings instead.
        }
      }
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const config = vscode.workspace.getConfiguration('workreport', uri);
      const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
      const inspected = config.inspect<IgnoreArgs[]>('ignore');
      const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? [];
      if (current.some((e) => e.rule === entry.rule && e.text === entry.text)) return;
      await config.update('ignore', [...current, entry], target);
    }),
  );
}

/** The nearest `.workreportrc.json` at or above the document. */
async function findRcFile(doc: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (const c of rcCandidates(doc.toString())) {
    const candidate = vscode.Uri.parse(c);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

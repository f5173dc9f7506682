// "New Report from Template…": pick a template (the `：全文骨架` snippets), open an untitled
// report with its skeleton as a snippet.
import * as vscode from 'vscode';
import { zh } from '../util';

export const NEW_REPORT_COMMAND = 'workreport.newReport';

export function registerNewReport(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_REPORT_COMMAND, async (templateArg?: string) => {
      const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'workreport.code-snippets');
      const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<
        string,
        { body: string[]; description: string }
      >;
      const skeletons = Object.entries(snippets)
        .filter(([k]) => k.endsWith('：全文骨架'))
        .map(([k, s]) => ({ label: k.replace('：全文骨架', ''), detail: sectionsOf(s.body), body: s.body.join('\n') }));
      const picked =
        skeletons.find((s) => s.label === templateArg) ??
        (await vscode.window.showQuickPick(skeletons, {
          title: zh() ? '从模板新建报告' : 'New report from template',
          placeHolder: zh() ? '选择报告模板' : 'Choose a report template',
        }));
      if (!picked) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'workreport', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(picked.body), new vscode.Position(0, 0));
      return doc.uri.toString();
    }),
  );
}

/** The level-1 headings of a skeleton body, for the quick pick. */
function sectionsOf(body: string[]): string {
  return body
    .filter((l) => /^[一二三四五六七八九十]+、/.test(l))
    .map((l) => l.replace(/\$\{\d+:([^}]*)\}/g, '$1'))
    .join(' / ');
}

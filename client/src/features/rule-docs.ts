// Rule links open the rule's page rendered, read-only: the diagnostic's link is the command
// `workreport.showRuleDoc` (the server uses it when the client says it has it), which shows
// the page bundled with the extension (docs/rules/<family>/<name>.md) in the Markdown
// preview beside the report. Never the raw .md as an editable file.
import * as vscode from 'vscode';
import { SHOW_RULE_DOC_COMMAND } from '../../../server/src/lsp/protocol';
import { zh } from '../util';

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, async (rule: unknown) => {
      if (typeof rule !== 'string' || !/^[a-z]+\/[a-z0-9-]+$/.test(rule)) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
      try {
        await vscode.workspace.fs.stat(page);
      } catch {
        void vscode.window.showWarningMessage(zh() ? `没有规则“${rule}”的说明页` : `No page for the rule “${rule}”`);
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
    }),
  );
}

// Server commands (workspace/executeCommand): convert the whole document to simplified
// or traditional characters. vscode-languageclient registers these command ids in the
// editor by itself; the client passes the active document's URI. The edit goes back
// through workspace/applyEdit as the smallest replacement (common prefix/suffix kept),
// and garbled runs and pinyin annotations are left exactly as they are.
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportDocument } from '../../core/model/document';
import { convertScript } from '../../core/script/convert';
import { diffEdits } from '../../core/run/diff';
import { scriptData } from '../../core/script/data';
import { documentScript } from '../../core/rules/text/script-mixing';
import type { Script } from '../../core/script/mixing';
import { documentEdits } from '../convert';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { CONVERT_COMMANDS, DID_GRANT_TRUST_NOTIFICATION } from '../protocol';

const COMMANDS: Record<string, Script> = CONVERT_COMMANDS;

/** The edits that convert the document, one per changed run; none when nothing changes. */
export function conversionEdits(doc: TextDocument, target: Script): TextEdit[] {
  const text = doc.getText();
  const model = new ReportDocument(text);
  const keep = [...model.garbled, ...model.annotations].sort((a, b) => a.start - b.start);
  const converted = convertScript(text, target, keep, documentScript(model).script);
  return documentEdits(doc, diffEdits(text, converted));
}

function uriOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { uri?: unknown; external?: unknown };
    if (typeof o.uri === 'string') return o.uri;
    if (typeof o.external === 'string') return o.external;
  }
  return undefined;
}

function register(ctx: ServerContext): void {
  // Build the script tables (text/script-mixing) while the editor is still starting,
  // so the first check of a document does not pay for them.
  setTimeout(() => scriptData(), 100).unref?.();
  // The user trusted the workspace: regex terms may run now; re-check everything.
  ctx.connection.onNotification(DID_GRANT_TRUST_NOTIFICATION, () => {
    ctx.trusted = true;
    ctx.invalidateSettings();
    for (const f of ctx.onConfigurationChanged) f();
  });
  ctx.connection.onExecuteCommand(async (params) => {
    const target = COMMANDS[params.command];
    if (!target) return undefined;
    let uri = uriOf(params.arguments?.[0]);
    // With no argument (another editor's command palette), the only open document will do.
    if (!uri) {
      const all = ctx.documents.all();
      if (all.length === 1) uri = all[0].uri;
    }
    const doc = uri ? ctx.documents.get(uri) : undefined;
    if (!doc) return { applied: false, reason: 'no document' };
    const edits = conversionEdits(doc, target);
    if (!edits.length) return { applied: true, changed: false };
    const r = await ctx.connection.workspace.applyEdit({
      label: target === 'simplified' ? '转换为简体' : '转换为繁体',
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] },
    });
    return { applied: r.applied, changed: true };
  });
}

export const commandsFeature: Feature = {
  capabilities: () => ({ executeCommandProvider: { commands: Object.keys(COMMANDS) } }),
  register,
};

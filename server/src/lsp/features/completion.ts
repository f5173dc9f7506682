// textDocument/completion: heading ordinals and template sections at the start of a
// line (core/outline/heading-completions.ts); nothing inside body text. They read the model of
// the current version (its headings), not the findings: the first ready does (context.ts
// firstModel: on a large document right after an edit, the run's own before any rule has run).
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { say } from '../../core/locale';
import { headingCompletions, mayComplete } from '../../core/outline/heading-completions';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

/** What completion answers where it offers nothing (as headingCompletions' empty list is sent). */
const NOTHING = { isIncomplete: false, items: [] };

const KIND = { ordinal: CompletionItemKind.EnumMember, section: CompletionItemKind.Module, title: CompletionItemKind.Text };

function register(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    // Body text (a 、 or （ typed in a paragraph): nothing to offer, known from the line alone —
    // no analysis awaited, no heading tree built.
    if (!mayComplete(doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position }))) return NOTHING;
    const a = await ctx.firstModel(doc);
    if (a.version !== doc.version || !ctx.isReport(doc, a)) return null;
    const offset = doc.offsetAt(params.position);
    const locale = a.config.locale;
    const items: CompletionItem[] = headingCompletions(a.doc, offset, a.config).map((c, i) => ({
      label: c.label,
      kind: KIND[c.kind],
      detail: say(c.detail, locale),
      sortText: String(c.rank).padStart(3, '0'),
      filterText: c.insertText,
      preselect: i === 0 || undefined,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: toRange(a.doc.lines, { start: c.replaceStart, end: c.replaceEnd }), newText: c.insertText },
    }));
    return { isIncomplete: false, items };
  });
}

export const completionFeature: Feature = {
  // 、 and ） end a marker (`三、` → section titles); （ starts one.
  capabilities: () => ({ completionProvider: { triggerCharacters: ['、', '（', '(', '）', ')'], resolveProvider: false } }),
  register,
};

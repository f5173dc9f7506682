// textDocument/completion: heading ordinals and template sections at the start of a
// line (core/outline/heading-completions.ts); nothing inside body text. They read the model of
// the current version (its headings), not the findings: the first ready does (context.ts
// firstModel: on a large document right after an edit, the run's own before any rule has run).
// Right after a keystroke, the line typed on is read from the last analysed version and the
// changes since (context.ts lineSince), not from the editor's document (whose first read after
// an edit flattens its whole text); and where the line cannot change the outline
// (outlineUnchangedBy: a heading marker being typed on a line of its own) the answer is read from
// that version's outline, without waiting for the new version's model.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import { say } from '../../core/locale';
import { headingCompletions, lineCompletions, mayComplete, outlineUnchangedBy, type HeadingCompletion } from '../../core/outline/heading-completions';
import type { Config } from '../../core/config/config';
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
    const { line, character } = params.position;
    const since = ctx.lineSince(doc, line);
    // Body text (a 、 or （ typed in a paragraph), or a whole marker that is offered nothing (三、
    // typed before a paragraph): known from the line alone — no analysis awaited, no heading tree built.
    const before = since ? since.text.slice(0, character) : doc.getText({ start: { line, character: 0 }, end: params.position });
    const after = since ? since.text.slice(character) : doc.getText({ start: params.position, end: { line, character: Number.MAX_SAFE_INTEGER } });
    if (!mayComplete(before, after)) return NOTHING;
    if (since && outlineUnchangedBy(since.analysis.doc, line, since.was, since.text) && ctx.isReport(doc, since.analysis)) {
      const { doc: model, config } = since.analysis;
      const lineStart = model.lines[line].start;
      // Offsets of the analysed version's line: its start is this version's (only the line changed since).
      const range = (c: HeadingCompletion): Range => ({ start: { line, character: c.replaceStart - lineStart }, end: { line, character: c.replaceEnd - lineStart } });
      ctx.completionsFromAnalysis++;
      return answer(lineCompletions(model, line, since.text, Math.min(character, since.text.length), config), config, range);
    }
    const a = await ctx.firstModel(doc);
    if (a.version !== doc.version || !ctx.isReport(doc, a)) return null;
    const completions = headingCompletions(a.doc, doc.offsetAt(params.position), a.config);
    return answer(completions, a.config, (c) => toRange(a.doc.lines, { start: c.replaceStart, end: c.replaceEnd }));
  });
}

/** The completion list sent; `range`: where a completion replaces, in the document as the client has it. */
function answer(completions: HeadingCompletion[], config: Config, range: (c: HeadingCompletion) => Range): { isIncomplete: false; items: CompletionItem[] } {
  const locale = config.locale;
  const items: CompletionItem[] = completions.map((c, i) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: say(c.detail, locale),
    sortText: String(c.rank).padStart(3, '0'),
    filterText: c.insertText,
    preselect: i === 0 || undefined,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: range(c), newText: c.insertText },
  }));
  return { isIncomplete: false, items };
}

export const completionFeature: Feature = {
  // 、 and ） end a marker (`三、` → section titles); （ starts one.
  capabilities: () => ({ completionProvider: { triggerCharacters: ['、', '（', '(', '）', ')'], resolveProvider: false } }),
  register,
};

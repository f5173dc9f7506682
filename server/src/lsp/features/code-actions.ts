// Quick fix per finding, "fix all of this rule", and source.fixAll.workreport (every safe
// fix); plus Format Document, which applies the safe fixes of punctuation and spacing only.
import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectEdits, fixAll, layoutOnly } from '../../core/run/fix';
import { say } from '../../core/locale';
import { documentEdits, quickFix, SOURCE, toTextEdits, type FindingData } from '../convert';
import type { ServerContext } from '../context';
import { ignoreAction } from './commands-authoring';
import type { Feature } from '../feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/**
 * The safe fixes (or, for Format Document, only those that touch punctuation and spacing),
 * applied to a fixed point and sent as one small edit per changed run of the document.
 */
export function fixAllEdits(doc: TextDocument, config: Parameters<typeof fixAll>[1], filter?: Parameters<typeof fixAll>[2]): TextEdit[] {
  return documentEdits(doc, fixAll(doc.getText(), config, filter).edits);
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await ctx.analyze(doc);
    if (!a.isReport) return [];
    const locale = a.config.locale;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];
    const lines = a.doc.lines;

    if (wants(CodeActionKind.QuickFix)) {
      const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && d.data);
      const seenRules = new Set<string>();
      for (const d of ours) {
        const data = d.data as FindingData;
        if (data.fix && data.version === doc.version) {
          actions.push(quickFix(say(data.fix.title, locale), doc.uri, toTextEdits(lines, data.fix.edits), [d], data.fix.safe));
        }
        // A folded group stands for many places: "ignore here" belongs to each place (its hint).
        const ignore = data.folded ? undefined : ignoreAction(ctx, a, doc, d);
        if (ignore) actions.push(ignore);
        if (data.fix && !seenRules.has(data.rule)) {
          seenRules.add(data.rule);
          const sameRule = a.findings.pick((rule) => rule === data.rule).filter((f) => f.fix);
          if (sameRule.length > 1) {
            const edits = collectEdits(sameRule, () => true);
            actions.push(
              quickFix(
                locale === 'zh' ? `修复全部 ${data.rule}（${sameRule.length} 处）` : `Fix all ${data.rule} (${sameRule.length})`,
                doc.uri,
                toTextEdits(lines, edits),
                [d],
                false,
              ),
            );
          }
        }
      }
    }
    // The light bulb (triggerKind Automatic, no `only`) never shows source actions: fix-all,
    // which checks the text again, is made only when asked for or invoked.
    const automatic = params.context.triggerKind === CodeActionTriggerKind.Automatic && !only;
    if (wants(FIX_ALL_KIND) && !automatic && a.version === doc.version) {
      const edits = documentEdits(doc, ctx.fixAll(a, 'all').edits);
      if (edits.length) {
        actions.push({
          title: locale === 'zh' ? '修复全部可安全修复的问题（报告校对）' : 'Fix all safe problems (workreport)',
          kind: FIX_ALL_KIND,
          edit: { changes: { [doc.uri]: edits } },
        });
      }
    }
    return actions;
  });

  connection.onDocumentFormatting(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await ctx.analyze(doc);
    if (!a.isReport) return [];
    // Format (and format on save) changes punctuation and spacing only: it never removes a
    // word or a line. Deleting boilerplate or annotations is a quick fix or an explicit Fix All.
    if (a.version !== doc.version) return fixAllEdits(doc, a.config, layoutOnly);
    return documentEdits(doc, ctx.fixAll(a, 'layout', layoutOnly).edits);
  });
}

export const codeActionsFeature: Feature = {
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    documentFormattingProvider: true,
  }),
  register,
};

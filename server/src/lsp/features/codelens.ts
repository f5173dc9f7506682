// Code lens above each level-1 heading: the section's 字数 (and its share of the report).
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import { countChars } from '../../core/authoring/count';
import { formatWords, level1Counts } from '../../core/outline/heading-info';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

function register(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    // The sections are all it reads: the version's first model will do (context.ts firstModel).
    const a = await ctx.firstModel(doc);
    if (!ctx.isReport(doc, a)) return [];
    const locale = a.config.locale;
    const total = a.doc.memo('count:total', () => countChars(a.doc.text)).words;
    return level1Counts(a.doc).map(({ section, words }): CodeLens => {
      const pct = total ? Math.round((words / total) * 100) : 0;
      const title = locale === 'zh' ? `${formatWords(words, locale)}（占全文 ${pct}%）` : `${formatWords(words, locale)} (${pct}% of the report)`;
      // An empty command id: VS Code shows the lens as plain text.
      return { range: toRange(a.doc.lines, section.heading.span), command: { title, command: '' } };
    });
  });
  ctx.onConfigurationChanged.push(() => {
    // The locale may have changed. Only clients that announced refresh support are asked.
    if (!ctx.clientCapabilities.workspace?.codeLens?.refreshSupport) return;
    ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });
}

export const codeLensFeature: Feature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register,
};

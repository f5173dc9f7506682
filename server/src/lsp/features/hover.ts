// textDocument/hover: the core's hover providers (core/hover.ts), rendered as Markdown.
import { MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../../core/authoring/hover';
import { toRange } from '../convert';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

function register(ctx: ServerContext): void {
  ctx.connection.onHover(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    // The model is all a hover reads: the version's first will do (context.ts firstModel).
    const a = await ctx.firstModel(doc);
    if (!ctx.isReport(doc, a) || a.version !== doc.version) return null;
    const r = hoverAt(a.doc, doc.offsetAt(params.position), { config: a.config, locale: a.config.locale });
    if (!r) return null;
    return { contents: { kind: MarkupKind.Markdown, value: r.markdown }, range: toRange(a.doc.lines, r) };
  });
}

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register,
};

// Document symbols (Outline view, breadcrumbs, Go to Symbol) and folding ranges, both
// from the heading tree of the analysed version.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { outlineTree, type OutlineNode } from '../../core/outline/tree';
import { positionAt } from '../../core/model/position';
import type { Line } from '../../core/model/lines';
import type { Span } from '../../core/types';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

function rangeOf(lines: Line[], s: Span): Range {
  return { start: positionAt(lines, s.start), end: positionAt(lines, s.end) };
}

function toSymbol(n: OutlineNode, lines: Line[]): DocumentSymbol {
  return {
    name: n.name,
    detail: n.detail,
    // Level-1 sections are the report's chapters; the rest are headings within them.
    kind: n.level <= 1 ? SymbolKind.Module : SymbolKind.String,
    range: rangeOf(lines, n.range),
    selectionRange: rangeOf(lines, n.selection),
    children: n.children.map((c) => toSymbol(c, lines)),
  };
}

function foldingRanges(nodes: OutlineNode[], out: FoldingRange[] = []): FoldingRange[] {
  for (const n of nodes) {
    if (n.endLine > n.startLine) out.push({ startLine: n.startLine, endLine: n.endLine });
    foldingRanges(n.children, out);
  }
  return out;
}

/** The outline of a document we give symbols for, or undefined. */
async function outlineOf(ctx: ServerContext, uri: string): Promise<{ nodes: OutlineNode[]; lines: Line[] } | undefined> {
  const doc = ctx.documents.get(uri);
  // A Markdown file keeps its own outline and folding (VS Code's Markdown support gives
  // them from the same # headings); a second, parallel tree would only repeat it.
  if (!doc || doc.languageId === 'markdown') return undefined;
  // The heading tree is all they read: the version's first model will do (context.ts firstModel).
  const a = await ctx.firstModel(doc);
  if (!ctx.isReport(doc, a)) return undefined;
  return { nodes: outlineTree(a.doc, a.config), lines: a.doc.lines };
}

function register(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onDocumentSymbol(async (params) => {
    const o = await outlineOf(ctx, params.textDocument.uri);
    return o ? o.nodes.map((n) => toSymbol(n, o.lines)) : [];
  });
  connection.onFoldingRanges(async (params) => {
    const o = await outlineOf(ctx, params.textDocument.uri);
    return o ? foldingRanges(o.nodes) : [];
  });
}

export const symbolsFeature: Feature = {
  capabilities: () => ({ documentSymbolProvider: { label: '报告提纲' }, foldingRangeProvider: true }),
  register,
};

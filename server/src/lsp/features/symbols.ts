// Document symbols (Outline view, breadcrumbs, Go to Symbol) and folding ranges, both
// from the heading tree of the analysed version.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { outlineTree, type OutlineNode } from '../../core/outline/tree';
import { positionAt } from '../../core/position';
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

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await ctx.analyze(doc);
    if (!a.isReport) return [];
    return outlineTree(a.doc, a.config).map((n) => toSymbol(n, a.doc.lines));
  });
  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await ctx.analyze(doc);
    if (!a.isReport) return [];
    return foldingRanges(outlineTree(a.doc, a.config));
  });
}

export const symbolsFeature: Feature = {
  capabilities: () => ({ documentSymbolProvider: { label: '报告提纲' }, foldingRangeProvider: true }),
  register,
};

// Helpers for the order-of-diagnostics tests (test/protocol/order.test.ts, test/reference/).
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { fullItems, type LspClient } from './lsp-client';

/** How many findings a diagnostic stands for when it is a folded group (core/run/present.ts); 0 otherwise. */
export const folded = (d: Diagnostic): number => (d.data as { folded?: number } | undefined)?.folded ?? 0;

/** Open the text and pull its diagnostics, in the order the server sends them. */
export async function pullDiagnostics(c: LspClient, uri: string, text: string): Promise<Diagnostic[]> {
  c.open(uri, text, 'workreport');
  return fullItems(await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }));
}

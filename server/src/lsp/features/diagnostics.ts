// Diagnostics: pull (textDocument/diagnostic) for clients that support it, push
// (publishDiagnostics, debounced) for the others.
import { DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../convert';
import type { Analysis, ServerContext } from '../context';
import type { Feature } from '../feature';

const PUSH_DELAY_MS = 120;

export function diagnosticsOf(ctx: ServerContext, a: Analysis): Diagnostic[] {
  if (!a.isReport) return [];
  const lines = a.doc.lines;
  return a.findings.map((f) => toDiagnostic(f, lines, a.uri, a.version, a.config.locale, ctx.host.docUrl));
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  // `workreport.run: onSave`: between saves, the analysis of the last check (at open or
  // save) stands; typing does not re-check.
  const checkpoints = new Map<string, Analysis>();
  const analysis = async (doc: TextDocument): Promise<Analysis> => {
    if ((await ctx.settings(doc.uri)).run !== 'onSave') {
      checkpoints.delete(doc.uri);
      return ctx.analyze(doc);
    }
    let cp = checkpoints.get(doc.uri);
    if (!cp) checkpoints.set(doc.uri, (cp = await ctx.analyze(doc)));
    return cp;
  };

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const a = await analysis(doc);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(ctx, a) };
  });

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const push = (doc: TextDocument, delay: number) => {
    if (ctx.hasPullDiagnostics) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(async () => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        const a = await analysis(current);
        // A newer version arrived while checking: its own push will follow.
        if (documents.get(doc.uri)?.version !== a.version) return;
        void connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: diagnosticsOf(ctx, a) });
      }, delay),
    );
  };
  documents.onDidOpen((e) => push(e.document, 0));
  documents.onDidChangeContent((e) => push(e.document, PUSH_DELAY_MS));
  documents.onDidSave((e) => {
    if (!checkpoints.delete(e.document.uri)) return;
    if (ctx.hasPullDiagnostics) connection.languages.diagnostics.refresh();
    else push(e.document, 0);
  });
  documents.onDidClose((e) => {
    checkpoints.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    ctx.forget(e.document.uri);
    if (!ctx.hasPullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.onConfigurationChanged.push(() => {
    checkpoints.clear();
    if (ctx.hasPullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) push(d, 0);
  });
}

export const diagnosticsFeature: Feature = {
  capabilities: (ctx) => ({
    diagnosticProvider: ctx.hasPullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
  }),
  register,
};

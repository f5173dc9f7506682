// Diagnostics: pull (textDocument/diagnostic) for clients that support it, push
// (publishDiagnostics, debounced) for the others.
//
// While the user types, both modes wait for a pause: push with a timer per document; pull
// by holding the request until the document has been quiet for PULL_QUIET_MS (each
// keystroke makes the client cancel the pending pull, so only the last one checks). A
// cancelled request is answered with RequestCancelled, and a result computed for a version
// that is no longer current with ServerCancelled + retriggerRequest, so the client pulls
// again instead of showing stale ranges. Nothing here may reject unhandled: in Node that
// would end the server.
//
// A large document is analysed in two phases (context.ts): push publishes the quick
// diagnostics, then the full ones of the same version when they are ready; pull, for a client
// that asks for quick answers (ctx.quickPull) and can be asked to pull again, answers with the
// quick ones and, once the full analysis of that version is ready (and it is still the current
// one), sends workspace/diagnostic/refresh, which the cache then answers — again, a few times,
// while the client has not pulled it (our VS Code clients ask for quick answers). Any other pull
// client gets the full analysis at once.
// Each analysis has its resultId: a pull that names the one it holds is answered Unchanged
// (tens of MB of JSON saved on a large report when a refresh or a tab switch pulls again).
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { firstShown, type Shown } from '../../core/run/present';
import { say } from '../../core/locale';
import type { Locale } from '../../core/types';
import { SOURCE, toDiagnostic } from '../convert';
import { SHOW_RULE_DOC_COMMAND } from '../protocol';
import type { Analysis, ServerContext } from '../context';
import type { Feature } from '../feature';

const PUSH_DELAY_MS = 120;
const PULL_QUIET_MS = 80;
/** A refresh the client did not follow with a pull of the full analysis is sent again after this, then twice this… */
const REFRESH_RETRY_MS = 400;
/** … this many refreshes in all. */
const REFRESH_TRIES = 4;

/** Resolves after ms, or as soon as the token is cancelled. */
function pause(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const sub = token.onCancellationRequested(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      resolve();
    }, ms);
  });
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
const stale = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed; pull again', { retriggerRequest: true });

/** Where a diagnostic's rule link goes: the client's rendered page when it has the command, else the page's address (made once per rule). */
function docLink(ctx: ServerContext): (rule: string) => string {
  const link = ctx.clientCommands.has(SHOW_RULE_DOC_COMMAND)
    ? (rule: string) => `command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`
    : ctx.host.docUrl;
  const made = new Map<string, string>();
  return (rule) => {
    let l = made.get(rule);
    if (l === undefined) made.set(rule, (l = link(rule)));
    return l;
  };
}

/**
 * The analysis's findings as diagnostics: folded per paragraph and most important first
 * (core/run/present.ts: severity first, as VS Code picks the ones it keeps). For a client that
 * keeps at most so many per file (ctx.maxDiagnostics), nearest the last edit first within a rank,
 * and no more than it keeps: the first ones but the last, and one that says how many were left
 * out — the client would drop them after converting them.
 */
export function diagnosticsOf(ctx: ServerContext, a: Analysis): Diagnostic[] {
  if (!a.isReport) return [];
  const lines = a.doc.lines;
  const link = docLink(ctx);
  const max = ctx.maxDiagnostics ?? Infinity;
  const { shown, total } = firstShown(a.findings, lines, max, ctx.maxDiagnostics === undefined ? undefined : a.edited);
  const convert = (f: Shown) => toDiagnostic(f, lines, a.uri, a.version, a.config.locale, link);
  if (total <= max) return shown.map(convert);
  const out = shown.slice(0, max - 1).map(convert);
  out.push(leftOut(total - out.length, max, out[out.length - 1].range, a.config.locale));
  return out;
}

/** The last diagnostic sent to a client that keeps `max` per file: how many more there are, and where to see them all. */
function leftOut(n: number, max: number, range: Range, locale: Locale): Diagnostic {
  const message = say(
    {
      zh: `另有 ${n} 处问题未显示（编辑器每个文件显示 ${max} 处：先是错误，再是最近修改处附近的）；在终端运行 workreport check 可看全部。`,
      en: `${n} more problems not shown (the editor shows ${max} per file: errors first, then those near your last edit); run \`workreport check\` in a terminal to see them all.`,
    },
    locale,
  );
  return { range, severity: DiagnosticSeverity.Information, source: SOURCE, message };
}

/**
 * One id per analysis (a version's quick and full analyses differ): a pull's resultId. Made
 * unique to this process, so that an id a client kept from a server before a restart never
 * names an analysis of this one.
 */
const resultIds = new WeakMap<object, string>();
const PROCESS_ID = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
let lastResultId = 0;
/** By the analysis's shownAs: a full analysis that shows what its quick one showed has the quick one's id. */
function resultIdOf(a: Analysis): string {
  let id = resultIds.get(a.shownAs);
  if (id === undefined) resultIds.set(a.shownAs, (id = `${PROCESS_ID}.${++lastResultId}`));
  return id;
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  // `workreport.run: onSave`: between saves, the analysis of the last check (at open or
  // save) stands; typing does not re-check.
  const checkpoints = new Map<string, Analysis>();
  /** The analysis to show: the first ready (`first`: quick or full) or the full one; between saves, the checkpoint. */
  const analysis = async (doc: TextDocument, first = false): Promise<Analysis> => {
    if ((await ctx.settings(doc.uri)).run !== 'onSave') {
      checkpoints.delete(doc.uri);
      return first ? ctx.firstAnalysis(doc) : ctx.analyze(doc);
    }
    let cp = checkpoints.get(doc.uri);
    if (!cp) checkpoints.set(doc.uri, (cp = await ctx.analyze(doc)));
    return cp;
  };

  /** A check that threw: logged with its stack (the server goes on). */
  const checkFailed = (uri: string, e: unknown) =>
    connection.console.error(`workreport: checking ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);

  /** When each open document last changed (for the pull-mode pause). */
  const lastChange = new Map<string, number>();
  /** A quick answer is followed by a refresh only when the client can be asked to pull again. */
  const canRefresh = () => ctx.quickPull && !!ctx.clientCapabilities.workspace?.diagnostics?.refreshSupport;
  /** Versions whose quick pull answer awaits its full analysis (one refresh each). */
  const refreshing = new Map<string, number>();
  /** The version whose full analysis each document's last pull was answered with. */
  const pulledFull = new Map<string, number>();
  /** Asks the client to pull again (typed void, but a request: a client that answers with an error must not end the server). */
  const refresh = () => {
    const sent: unknown = connection.languages.diagnostics.refresh();
    if (sent instanceof Promise) sent.catch(() => undefined);
  };
  /**
   * Once the full analysis of a version answered quickly is ready, and the version is still
   * current: pull again. Again after REFRESH_RETRY_MS while the client has not pulled it (and
   * the version is still current), up to REFRESH_TRIES times: VS Code 1.100 answers a refresh
   * that arrives while it is still taking in the quick answer, and pulls nothing.
   */
  const refreshWhenFull = (doc: TextDocument, quick: Analysis) => {
    // Only the uri, version and key from here on: the retry timers outlive the pull, and holding the
    // quick analysis (its model and findings) would keep two analyses of a large report alive.
    const { uri, version, shownAs } = quick;
    if (refreshing.get(uri) === version) return;
    refreshing.set(uri, version);
    const done = () => {
      if (refreshing.get(uri) === version) refreshing.delete(uri);
    };
    const current = () => documents.get(uri)?.version === version;
    ctx.analyze(doc).then(
      (full) => {
        if (full.version !== version || !current()) return done();
        // The full analysis shows what the client holds already (context.ts Analysis.shownAs): nothing to pull.
        if (full.shownAs === shownAs) {
          pulledFull.set(uri, version);
          return done();
        }
        const ask = (tries: number) => {
          if (!tries || !current() || pulledFull.get(uri) === version) return done();
          ctx.refreshes.sent++;
          if (tries < REFRESH_TRIES) ctx.refreshes.again++;
          refresh();
          setTimeout(() => ask(tries - 1), REFRESH_RETRY_MS * (REFRESH_TRIES - tries + 1));
        };
        ask(REFRESH_TRIES);
      },
      (e) => {
        done();
        checkFailed(uri, e);
      },
    );
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is required');
    const quietFor = (lastChange.get(uri) ?? 0) + PULL_QUIET_MS - Date.now();
    if (quietFor > 0) await pause(quietFor, token);
    if (token.isCancellationRequested) throw cancelled();
    const doc = documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let a: Analysis;
    try {
      a = await analysis(doc, canRefresh());
    } catch (e) {
      checkFailed(uri, e);
      throw new ResponseError(ErrorCodes.InternalError, `workreport: the check failed (${String(e)})`);
    }
    if (token.isCancellationRequested) throw cancelled();
    const current = documents.get(uri);
    if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // Settings were fetched while the user typed on: these ranges belong to an older text.
    if (current.version !== a.version && checkpoints.get(uri) !== a) throw stale();
    if (a.phase === 'quick') refreshWhenFull(current, a);
    else pulledFull.set(uri, a.version);
    // The client holds this analysis's diagnostics already (a refresh pulls every open document): say so instead of sending them again.
    const resultId = resultIdOf(a);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsOf(ctx, a) };
  });

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version whose full diagnostics were pushed last, per document. */
  const shown = new Map<string, number>();
  const push = (doc: TextDocument, delay: number) => {
    if (ctx.hasPullDiagnostics) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(async () => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        const version = current.version;
        // Only this version's analyses, while it is current (a newer version's push will follow).
        const send = async (a: Analysis) => {
          if (documents.get(doc.uri)?.version !== a.version && checkpoints.get(doc.uri) !== a) return;
          if (a.phase === 'quick' && shown.get(a.uri) === a.version) return; // its full diagnostics went out already
          if (a.phase === 'full') shown.set(a.uri, a.version);
          await connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: diagnosticsOf(ctx, a) });
        };
        try {
          const a = await analysis(current, true);
          if (a.version !== version && checkpoints.get(doc.uri) !== a) return;
          await send(a);
          if (a.phase === 'quick') {
            const full = await analysis(current);
            if (full.version === version) {
              // Not again when it shows what was just published (context.ts Analysis.shownAs).
              if (full.shownAs === a.shownAs) shown.set(a.uri, a.version);
              else await send(full);
            }
          }
        } catch (e) {
          checkFailed(doc.uri, e);
        }
      }, delay),
    );
  };
  /** The version each document was opened with: didOpen also fires onDidChangeContent. */
  const openedAt = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedAt.set(e.document.uri, e.document.version);
    push(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (openedAt.get(e.document.uri) === e.document.version) return; // the open itself, not typing
    lastChange.set(e.document.uri, Date.now());
    push(e.document, PUSH_DELAY_MS);
  });
  documents.onDidSave((e) => {
    if (!checkpoints.delete(e.document.uri)) return;
    if (ctx.hasPullDiagnostics) connection.languages.diagnostics.refresh();
    else push(e.document, 0);
  });
  documents.onDidClose((e) => {
    checkpoints.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    openedAt.delete(e.document.uri);
    shown.delete(e.document.uri);
    refreshing.delete(e.document.uri);
    pulledFull.delete(e.document.uri);
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

// The language server as an editor meets it, for `npm run bench`: the real server
// (dist/server.js, started with --expose-gc so that its heap is measured after a collection),
// spoken to over stdio by the protocol tests' client. Every figure is a round trip as the
// client sees it: the request's analysis, its conversion to LSP, JSON both ways.
//
// - first diagnostics of a 1 M-character report (open → pull);
// - edit → fresh diagnostics: one character typed in the middle, the pull sent once the
//   server's debounce (80 ms of quiet) has passed, so the figure leaves the debounce out. A
//   large document is analysed in two phases (lsp/context.ts): the pull is answered with the
//   quick diagnostics (edit → first diagnostics), then the server asks for a pull again
//   (workspace/diagnostic/refresh) once the full analysis is ready, and that pull is answered
//   with the complete diagnostics (edit → complete diagnostics, from the first pull sent);
//   (a client that asks for quick answers: initializationOptions.quickPullDiagnostics, as ours do);
// - hover while an edit's analysis is under way: on the same report right after the edit (the
//   first analysis answers it), on a heading (its section's 字数 and figures) and on a figure
//   (its relations), and, right behind the first, on another, small report (the event loop
//   turns between the rules of the large one's analysis);
// - hover on a heading and on a figure, code actions at a finding (as the light bulb asks:
//   triggerKind Automatic, no `only`), completion at a line start — on a version already
//   analysed, and completion again right after an edit (the edit's analysis included);
// - formatting a 115 K report (its punctuation and spacing fixes), once per version, after the
//   version's diagnostics (as a writer formats: typing, the diagnostics shown, then Format);
// - the server's heap (after GC) with one report of each size open, against the report's size;
// - the 1 M report as VS Code gets it: a client that keeps 1000 diagnostics per file and takes
//   quick answers (initializationOptions as our clients send them) — first diagnostics, edit →
//   quick diagnostics, edit → complete diagnostics (after the refresh; round trips); then edits
//   each at another place of the text (a seeded sequence), as a writer moves about.
import { LspClient, fileUri } from '../test/protocol/lsp-client';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { VSCODE_MAX_DIAGNOSTICS_PER_FILE, type Health } from '../server/src/lsp/protocol';
import { ReportDocument } from '../server/src/core/model/document';
import { withDefaults } from '../server/src/core/config/config';
import { headingHover } from '../server/src/core/authoring/hover';
import { figureHover } from '../server/src/core/authoring/figure-hover';
import { seededPlaces } from './texts';

export interface Latencies {
  chars: number;
  diagnostics: number;
  firstDiagnosticsMs: number;
  /** Edit → first diagnostics (the quick ones on a large report). */
  editMs: number[];
  /** Edit → complete diagnostics (the pull again after the server's refresh; the first answer, when the full analysis found what the quick one did and no refresh came). */
  editFullMs: number[];
  /** Edits whose quick answer was complete (no refresh). */
  editAsQuick: number;
  /** The server's own time for each edit's analysis (workreport/health lastAnalysis: wall time in the server's slices, no round trip, no conversion to LSP): the quick result, and the whole. */
  editQuickAnalysisMs: number[];
  editAnalysisMs: number[];
  /** The same in CPU time of the server process (lastAnalysis quickCpuMs, cpuMs). */
  editQuickAnalysisCpuMs: number[];
  editAnalysisCpuMs: number[];
  /** Hover while an edit's full analysis is under way: on the same report (the first analysis answers it), on a heading and on a figure; on another, small report. */
  hoverDuringMs: number[];
  hoverFigureDuringMs: number[];
  hoverOtherDuringMs: number[];
  firstAnalysisMs: number;
  /** Hover on a heading and on a figure of a version already analysed. */
  hoverMs: number[];
  hoverFigureMs: number[];
  codeActionMs: number[];
  completionMs: number[];
  /** Completion right after 、 typed in a paragraph (，、: body text, nothing offered). */
  completionAfterEditMs: number[];
  /** Completion right after a level-1 marker typed at the start of a paragraph (三、 and the paragraph: nothing offered, known from the line). */
  completionAfterMarkerMs: number[];
  /** Completion right after （ typed on a line of its own (the next ordinals: read from the last analysis and the line). */
  completionOnOwnLineMs: number[];
  /** How many completions the server answered from its last analysis (workreport/health). */
  completionsFromAnalysis: number;
  format: { chars: number; ms: number[]; edits: number };
  /** Heap after GC with the report open and analysed, and once it is closed (the same server, every lexicon it read still loaded). */
  heap: { chars: number; utf8Bytes: number; heapMb: number; withoutMb: number }[];
  /**
   * As VS Code gets the 1 M report (1000 diagnostics per file, quick answers): open → diagnostics, edit → quick and →
   * complete diagnostics (round trips), how many sent; and the server's own analysis of each edit (lastAnalysis: wall,
   * CPU), where no pull answers tens of MB of JSON between its slices.
   */
  /** asQuick: edits whose quick answer was complete (the full analysis found the same: no refresh, no second answer). */
  vscode: { firstMs: number; editMs: number[]; editFullMs: number[]; diagnostics: number; analysisMs: number[]; analysisCpuMs: number[]; analysisFaults: number[]; asQuick: number; spreadEditMs: number[]; spreadAnalysisMs: number[] };
  idleHeapMb: number;
  gc: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The server's pull debounce (diagnostics.ts PULL_QUIET_MS) and a margin. */
const QUIET_MS = 120;

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/**
 * Where to hover, found with the core's own providers on the text as opened: the first heading
 * and the first figure that takes part in a relation, on lines after `from`'s (an edit typed at
 * `from` moves neither: it adds no line).
 */
function hoverTargets(text: string, from: number): { heading: { line: number; character: number }; figure: { line: number; character: number } } {
  const doc = new ReportDocument(text);
  const ctx = { config: withDefaults({}), locale: 'en' as const };
  let heading: number | undefined;
  let figure: number | undefined;
  for (let o = text.indexOf('\n', from) + 1; o < text.length && (heading === undefined || figure === undefined); o++) {
    if (text.charCodeAt(o) < 0x30 || text.charCodeAt(o) > 0x39) continue;
    if (headingHover(doc, o, ctx)) heading ??= o;
    else if (figureHover(doc, o, ctx)?.markdown.includes('Checked in')) figure ??= o;
  }
  if (heading === undefined || figure === undefined) throw new Error('no heading or figure to hover after the middle of the report');
  return { heading: positionOf(text, heading), figure: positionOf(text, figure) };
}

/** Line and column (UTF-16) of an offset. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** A report open in the bench's client, typed into as a writer types. */
class Typed {
  version = 1;
  constructor(
    readonly c: LspClient,
    readonly uri: string,
    public text: string,
    readonly timeout: number,
  ) {
    c.open(uri, text, 'workreport', this.version);
  }

  /** `ch` typed at offset `at` (a new version); where it was typed. */
  type(at: number, ch: string): { line: number; character: number } {
    const p = positionOf(this.text, at);
    this.version++;
    this.c.change(this.uri, this.version, [{ range: { start: p, end: p }, text: ch }]);
    this.text = this.text.slice(0, at) + ch + this.text.slice(at);
    return p;
  }

  pull(): Promise<{ items: Diagnostic[] }> {
    return this.c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: this.uri } }, this.timeout);
  }

  /**
   * A comma or 三 (by turn `k`) typed at `at`, the server's debounce waited out, then a pull:
   * ms to its answer, and, when `quick()` says that answer was the quick one, ms to the answer
   * of the pull the server asks for with its refresh (else the same). `asQuick`: the quick
   * answer was complete — the full analysis found the same, and the server asked for no pull.
   */
  async typeAndPull(at: number, k: number, quick: () => Promise<boolean>): Promise<{ first: number; complete: number; asQuick: boolean }> {
    this.type(at, k % 2 ? '三' : '，');
    await sleep(QUIET_MS);
    const asked = this.c.serverRequests.length;
    const t0 = performance.now();
    await this.pull();
    const first = performance.now() - t0;
    if (!(await quick())) return { first, complete: first, asQuick: false };
    // Code actions await the full analysis; a refresh, when one is due, goes out before their answer.
    await this.c.request('textDocument/codeAction', { textDocument: { uri: this.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } }, this.timeout);
    if (!this.c.serverRequests.slice(asked).some((r) => r.method === 'workspace/diagnostic/refresh')) return { first, complete: first, asQuick: true };
    await this.c.waitForServerRequest('workspace/diagnostic/refresh', () => true, this.timeout, asked);
    await this.pull();
    return { first, complete: performance.now() - t0, asQuick: false };
  }
}

const healthOf = (c: LspClient, timeout: number): Promise<Health> => c.request<Health>('workreport/health', null, timeout);

/**
 * The server's memory in MB: its JS heap and the stores of its typed arrays (ArrayBuffers live
 * outside the heap: heapUsed alone would not see the packed parts of an analysis).
 */
const heldMb = (h: Health): number => ((h.memory?.heapUsed ?? 0) + (h.memory?.arrayBuffers ?? 0)) / 1024 / 1024;

/** BENCH_SERVER_NODE_ARGS adds options for the servers' node (e.g. --cpu-prof to profile them). */
const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

export async function serverLatencies(big: string, report: string, sizes: string[], runs: number): Promise<Latencies> {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }), initializationOptions: { quickPullDiagnostics: true }, nodeArgs: ['--expose-gc', ...extra] });
  const timeout = 600_000;
  try {
    const health = () => healthOf(c, timeout);
    const idle = await health();
    const idleHeapMb = heldMb(idle);

    // A small report open beside it (hovered while the large one is analysed).
    const suri = fileUri('/bench/small.report');
    const small = report.slice(0, report.indexOf('\n', 6000) + 1);
    c.open(suri, small, 'workreport', 1);
    await c.request('textDocument/diagnostic', { textDocument: { uri: suri } }, timeout);
    const sdigit = small.search(/[0-9]/);
    const hoverSmall = () => c.request('textDocument/hover', { textDocument: { uri: suri }, position: positionOf(small, sdigit) }, timeout);

    // The 1 M report: first diagnostics, then edits.
    const uri = fileUri('/bench/big.report');
    const d = new Typed(c, uri, big, timeout);
    const pull = () => d.pull();
    const first = await timed(pull);
    const firstAnalysisMs = (await health()).lastAnalysis?.ms ?? NaN;
    const editMs: number[] = [];
    const editFullMs: number[] = [];
    let editAsQuick = 0;
    const editQuickAnalysisMs: number[] = [];
    const editAnalysisMs: number[] = [];
    const editQuickAnalysisCpuMs: number[] = [];
    const editAnalysisCpuMs: number[] = [];
    const hoverDuringMs: number[] = [];
    const hoverFigureDuringMs: number[] = [];
    const hoverOtherDuringMs: number[] = [];
    const completionAfterEditMs: number[] = [];
    const completionAfterMarkerMs: number[] = [];
    const completionOnOwnLineMs: number[] = [];
    // Edits in the middle of the text, at the start of a line (where completion is asked).
    const mid = d.text.indexOf('\n', d.text.length >> 1) + 1;
    const targets = hoverTargets(d.text, mid);
    for (let k = 0; k < runs; k++) {
      // A collection first (workreport/health runs one): the edit's analysis is not charged
      // with the garbage of the previous answers (tens of MB of JSON each).
      await health();
      const at = positionOf(d.text, mid);
      // Two phases: the pull the server asks for once the full analysis is ready.
      const r = await d.typeAndPull(mid, k, async () => {
        const h = await health();
        return h.lastAnalysis?.version === d.version && (h.lastAnalysis.phase === 'quick' || h.lastAnalysis.quickMs !== undefined);
      });
      editMs.push(r.first);
      editFullMs.push(r.complete);
      if (r.asQuick) editAsQuick++;
      const last = (await health()).lastAnalysis;
      editQuickAnalysisMs.push(last?.quickMs ?? NaN);
      editAnalysisMs.push(last?.ms ?? NaN);
      editQuickAnalysisCpuMs.push(last?.quickCpuMs ?? NaN);
      editAnalysisCpuMs.push(last?.cpuMs ?? NaN);
      // The complete analysis of that version (code actions await it).
      const analysed = () => c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } }, timeout);
      await analysed();
      // Completion right after a heading marker typed on a line of its own (（ on a blank line
      // after the middle: the next ordinals are offered), read from the last analysis and the line.
      const blank = d.text.indexOf('\n\n', mid) + 1;
      const at1 = d.type(blank, '（');
      const own = await timed(() => c.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: at1.line, character: at1.character + 1 } }, timeout));
      if (!own.value.items.length) throw new Error('no completion offered after （ on a line of its own');
      completionOnOwnLineMs.push(own.ms);
      await sleep(QUIET_MS);
      await pull();
      await analysed();
      // Completion right after 、 typed after the character typed at the line start before: by
      // turns a paragraph's text (，、) and a level-1 marker at a paragraph's start (三、 then the
      // paragraph: it becomes a heading): nothing to offer, known from the line alone.
      const at2 = d.type(mid + 1, '、');
      const answer = await timed(() => c.request('textDocument/completion', { textDocument: { uri }, position: { line: at2.line, character: at2.character + 1 } }, timeout));
      (k % 2 ? completionAfterMarkerMs : completionAfterEditMs).push(answer.ms);
      await sleep(QUIET_MS);
      await pull();
      // The complete analysis of that version before the next edit.
      await analysed();
    }
    // Hovers while an edit's analysis runs: an edit, then a hover on the report (which starts
    // the analysis and is answered from its first result) — on a heading, on a figure by turns —
    // with a hover on the small report right behind it; then code actions, which await the full
    // analysis, before the next edit. No pull: its answer (tens of MB of JSON for this report)
    // would be in the pipe before them.
    for (let k = 0; k < 2 * runs; k++) {
      d.type(mid, '，');
      const position = k % 2 ? targets.figure : targets.heading;
      const same = timed(() => c.request('textDocument/hover', { textDocument: { uri }, position }, timeout));
      const other = timed(hoverSmall);
      hoverOtherDuringMs.push((await other).ms);
      (k % 2 ? hoverFigureDuringMs : hoverDuringMs).push((await same).ms);
      await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } }, timeout);
    }
    const diags = (await pull()).items;
    // A finding with a fix for code actions.
    const withFix = diags.find((x) => (x.data as { fix?: unknown } | undefined)?.fix) ?? diags[0];
    const hoverMs: number[] = [];
    const hoverFigureMs: number[] = [];
    const codeActionMs: number[] = [];
    const completionMs: number[] = [];
    for (let k = 0; k < runs; k++) {
      hoverMs.push((await timed(() => c.request('textDocument/hover', { textDocument: { uri }, position: targets.heading }, timeout))).ms);
      hoverFigureMs.push((await timed(() => c.request('textDocument/hover', { textDocument: { uri }, position: targets.figure }, timeout))).ms);
      codeActionMs.push(
        (await timed(() => c.request('textDocument/codeAction', { textDocument: { uri }, range: withFix.range, context: { diagnostics: [withFix], triggerKind: 2 } }, timeout))).ms,
      );
      completionMs.push((await timed(() => c.request('textDocument/completion', { textDocument: { uri }, position: positionOf(d.text, mid + 2) }, timeout))).ms);
    }
    c.closeDocument(uri);
    c.closeDocument(suri);

    // Formatting a 115 K report (punctuation and spacing fixes, to a fixed point), once per
    // version as a writer does: a character typed, the diagnostics pulled, then Format Document.
    const furi = fileUri('/bench/report-115k.report');
    const f = new Typed(c, furi, report, timeout);
    await f.pull();
    const formatMs: number[] = [];
    let edits = 0;
    const fat = f.text.indexOf('\n', f.text.length >> 1) + 1;
    for (let k = 0; k < runs; k++) {
      f.type(fat, '，');
      await sleep(QUIET_MS);
      await f.pull();
      const r = await timed(() => c.request<unknown[]>('textDocument/formatting', { textDocument: { uri: furi }, options: { tabSize: 4, insertSpaces: true } }, timeout));
      formatMs.push(r.ms);
      edits = r.value?.length ?? 0;
    }
    c.closeDocument(furi);

    const heap = await heapOf(c, sizes, timeout);
    // A second server (the first one idle). Its edits at one place: as many again and three
    // more, for a median of the edits a writer makes once the server has run a few (a fresh
    // server's first edits are its slowest: the bench prints them apart).
    const vscode = await asVsCode(big, 2 * runs + 3, timeout, runs);
    return {
      vscode,
      chars: big.length,
      diagnostics: first.value.items.length,
      firstDiagnosticsMs: first.ms,
      editMs,
      editFullMs,
      editAsQuick,
      editQuickAnalysisMs,
      editAnalysisMs,
      editQuickAnalysisCpuMs,
      editAnalysisCpuMs,
      hoverDuringMs,
      hoverFigureDuringMs,
      hoverOtherDuringMs,
      firstAnalysisMs,
      hoverMs,
      hoverFigureMs,
      codeActionMs,
      completionMs,
      completionAfterEditMs,
      completionAfterMarkerMs,
      completionOnOwnLineMs,
      completionsFromAnalysis: (await health()).completionsFromAnalysis ?? 0,
      format: { chars: report.length, ms: formatMs, edits },
      heap,
      idleHeapMb,
      gc: idle.gc,
    };
  } finally {
    await c.close(timeout).catch(() => c.kill());
  }
}

/** The server's heap with one report of each size open (and analysed), then closed. */
async function heapOf(c: LspClient, sizes: string[], timeout: number): Promise<Latencies['heap']> {
  /**
   * The least of three readings: one collection (workreport/health's) leaves, now and then, the
   * buffers of the last answer's JSON (27 MB for 46,000 diagnostics) or 2 MB of the text unfreed.
   */
  const settledMb = async () => Math.min(heldMb(await healthOf(c, timeout)), heldMb(await healthOf(c, timeout)), heldMb(await healthOf(c, timeout)));
  const heap: Latencies['heap'] = [];
  for (const [i, t] of sizes.entries()) {
    const u = fileUri(`/bench/heap-${i}.report`);
    c.open(u, t, 'workreport', 1);
    await c.request('textDocument/diagnostic', { textDocument: { uri: u } }, timeout);
    const h = await settledMb();
    c.closeDocument(u);
    const without = await settledMb();
    heap.push({ chars: t.length, utf8Bytes: Buffer.byteLength(t, 'utf8'), heapMb: h, withoutMb: without });
  }
  return heap;
}

/** `bench.js --memory-only`: the heap of a fresh server (after one analysis of the first text, untimed) for each text. */
export async function serverHeap(sizes: string[], timeout = 600_000): Promise<Latencies['heap']> {
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }), initializationOptions: { quickPullDiagnostics: true }, nodeArgs: ['--expose-gc', ...extra] });
  try {
    // What the process loads once for any document (tables read lazily, compiled code) is loaded first.
    await heapOf(c, sizes.slice(0, 1), timeout);
    return await heapOf(c, sizes, timeout);
  } finally {
    await c.close(timeout).catch(() => c.kill());
  }
}

/** The 1 M report as VS Code's client gets it (see Latencies.vscode): `runs` edits at one place, then `spread` × 3 edits each at another place (`spread`: runs when not given). */
export async function asVsCode(big: string, runs: number, timeout: number, spread = runs): Promise<Latencies['vscode']> {
  const c = await LspClient.start({
    capabilities: LspClient.capabilities({ pull: true }),
    initializationOptions: { maxDiagnosticsPerFile: VSCODE_MAX_DIAGNOSTICS_PER_FILE, quickPullDiagnostics: true },
    nodeArgs: extra,
  });
  try {
    const d = new Typed(c, fileUri('/bench/big-vscode.report'), big, timeout);
    const first = await timed(() => d.pull());
    const mid = d.text.indexOf('\n', d.text.length >> 1) + 1;
    const editMs: number[] = [];
    const editFullMs: number[] = [];
    const analysisMs: number[] = [];
    const analysisCpuMs: number[] = [];
    const analysisFaults: number[] = [];
    let asQuick = 0;
    const fullAnalysis = async (): Promise<{ ms: number; cpuMs: number; faults: number }> => {
      const last = (await healthOf(c, timeout)).lastAnalysis;
      const full = last?.version === d.version && last.phase === 'full' ? last : undefined;
      return { ms: full?.ms ?? NaN, cpuMs: full?.cpuMs ?? NaN, faults: full?.faults ?? NaN };
    };
    for (let k = 0; k < runs; k++) {
      const r = await d.typeAndPull(mid, k, async () => true);
      if (r.asQuick) asQuick++;
      editMs.push(r.first);
      editFullMs.push(r.complete);
      const a = await fullAnalysis();
      analysisMs.push(a.ms);
      analysisCpuMs.push(a.cpuMs);
      analysisFaults.push(a.faults);
    }
    // Then as a writer moves about: each edit at another place (a seeded sequence, never between
    // a CR and its LF), three times as many, once the complete diagnostics are in.
    const spreadEditMs: number[] = [];
    const spreadAnalysisMs: number[] = [];
    const place = seededPlaces(99);
    for (let k = 0; k < 3 * spread; k++) {
      const r = await d.typeAndPull(place(d.text), k, async () => true);
      spreadEditMs.push(r.complete);
      spreadAnalysisMs.push((await fullAnalysis()).ms);
    }
    return { firstMs: first.ms, editMs, editFullMs, diagnostics: first.value.items.length, analysisMs, analysisCpuMs, analysisFaults, asQuick, spreadEditMs, spreadAnalysisMs };
  } finally {
    await c.close(timeout).catch(() => c.kill());
  }
}

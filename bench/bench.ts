// `npm run bench`: how long the whole check takes (every rule of the registry, default
// settings) next to the two existing peers, on the same texts in the same process —
// zhlint (punctuation and spacing, JavaScript) and AutoCorrect (`autocorrect-node`, Rust
// through N-API, `lintFor`: spacing and punctuation between CJK and Latin) — with the
// figures analysis alone beside it; then the language server as an editor meets it
// (bench/server.ts): latencies on a 1 M-character report, formatting a 115 K one, and the
// server's heap against the size of the report it holds.
//
//   node out/bench/bench.js [--quick] [--json] [--no-peer] [--no-server] [--server-only]
//   node out/bench/bench.js --vscode-only [--runs N]   the server as VS Code drives it alone, every edit printed
//   node out/bench/bench.js --memory-only              the server's memory for the 100 K and 1 M reports alone
//
// Texts: the pasted report (test/reports/pasted.txt), the 12-document corpus (test/corpus/,
// checked one after the other), and generated reports of 100 K and 1 M characters (the
// corpus and the pasted report repeated, as a long report would be). Each is checked
// repeatedly after as many untimed warm-up runs, and as long, for every tool (the first
// check of the process, cold, is printed apart); the table gives the CPU time of a run (process.cpuUsage: user +
// system), minimum and median, and the wall-clock median with its p10–p90 spread, in ms. On
// a shared machine the CPU minimum is the steadier figure; the load average is printed with
// the figures, which mean little without it.
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/run/check';
import { ReportDocument } from '../server/src/core/model/document';
import { figures } from '../server/src/core/rules/figures';
import { RULES } from '../server/src/core/rules';
import { DIST } from '../test/paths';
import { benchParts, generatedReport } from './texts';
import { asVsCode, serverHeap, serverLatencies, type Latencies } from './server';
import { VSCODE_MAX_DIAGNOSTICS_PER_FILE } from '../server/src/lsp/protocol';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const JSON_OUT = args.has('--json');

interface Subject {
  name: string;
  texts: string[];
  /** Iterations for our check and for the peers (slower, so fewer). */
  runs: number;
  peerRuns: number;
  /** Untimed runs before the timed ones (at least; see WARM_MS), the same for every tool: the
   * JIT compiles a function only after many calls, and the first subject met a checker still
   * half interpreted. */
  warmup: number;
}

interface Stats {
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function stats(times: number[]): Stats {
  const t = [...times].sort((a, b) => a - b);
  return { median: quantile(t, 0.5), p10: quantile(t, 0.1), p90: quantile(t, 0.9), min: t[0], max: t[t.length - 1], n: t.length };
}

/** CPU time of this process in ms (user + system): on a shared machine, steadier than wall-clock. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  wall: Stats;
  cpu: Stats;
}

/**
 * Untimed runs before the timed ones: `warmup` of them, and more until WARM_MS have passed.
 * The JIT compiles a function only after many calls, on threads of its own whose CPU time
 * process.cpuUsage counts: after 100 runs of the pasted report (0.3 s), our CPU median still
 * stood a millisecond above the wall-clock one (3.36 against 2.22 ms) — the compiler's time, not
 * the check's; after 1000 the two agree (1.61, 1.60). The same time for every tool.
 */
const WARM_MS = 2000;

function measure(fn: () => void, runs: number, warmup: number): Timing {
  const w0 = performance.now();
  for (let i = 0; i < warmup || performance.now() - w0 < WARM_MS; i++) fn();
  const wall: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpu();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    cpus.push(cpu() - c0);
  }
  return { wall: stats(wall), cpu: stats(cpus) };
}

interface Peer {
  name: string;
  /** Findings on one text; throws when the peer does. */
  run(text: string): number;
}

async function loadPeers(): Promise<Peer[]> {
  if (args.has('--no-peer')) return [];
  const peers: Peer[] = [];
  try {
    // zhlint is an ES module; a dynamic import keeps this file CommonJS.
    type Run = (text: string, options: { rules: { preset: string } }) => { validations?: unknown[] };
    const m = (await import('zhlint')) as { run?: Run; default?: { run?: Run } };
    const run = m.run ?? m.default?.run;
    if (run) peers.push({ name: 'zhlint', run: (t) => (run(t, { rules: { preset: 'default' } }).validations ?? []).length });
  } catch (e) {
    console.error(`zhlint not available (${String(e)}); its column left empty`);
  }
  try {
    // A native module: required at run time, never bundled.
    // Installed by bench/peers.mjs outside the lock file (see there why).
    const req = typeof require === 'function' ? require : () => undefined;
    const ac = req(path.resolve('node_modules/.cache/bench-peers/node_modules/autocorrect-node')) as
      | { lintFor(text: string, filename: string): { lines: unknown[] } }
      | undefined;
    if (ac) peers.push({ name: 'AutoCorrect', run: (t) => ac.lintFor(t, 'report.txt').lines.length });
  } catch (e) {
    console.error(`autocorrect-node not available (${String(e)}); its column left empty`);
  }
  return peers;
}

interface Row {
  name: string;
  chars: number;
  ours: Timing;
  findings: number;
  figures: Stats;
  peers: { name: string; stats?: Timing; findings: number; crashes: number }[];
}

const ratio = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)}×`;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
/** Sizes in UTF-16 code units (characters), as the editor and maxDocumentSize count them. */
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} M chars` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} K chars`);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * What a page fault costs on this machine: 16 MB of fresh memory (an ArrayBuffer that large is
 * mapped afresh) written one byte a page, the best of three, over the faults it took. A virtual
 * machine that traps faults to its host makes each cost microseconds, and an analysis's fresh
 * allocations (a 1 M text flattened is 2 MB, 512 pages) show in its time.
 */
function faultCost(): string {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const b = new Uint8Array(new ArrayBuffer(16 * 1024 * 1024));
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    for (let i = 0; i < b.length; i += 4096) b[i] = 1;
    const ms = performance.now() - t0;
    const faults = process.resourceUsage().minorPageFault - f0;
    if (faults > 0) best = Math.min(best, (ms * 1000) / faults);
  }
  return Number.isFinite(best) ? `${best.toFixed(2)} µs each here, measured as 16 MB touched afresh` : 'not measured';
}

async function main(): Promise<void> {
  const { pasted, corpus } = benchParts();
  const peers = await loadPeers();
  const loadBefore = load();
  // The long reports are made of the texts every peer gets through: one corpus report makes
  // zhlint throw, and a long text containing it would time nothing but the throw.
  const peerOk = (t: string) => peers.every((p) => {
    try {
      p.run(t);
      return true;
    } catch {
      return false;
    }
  });
  const parts = [...corpus, pasted].filter(peerOk);
  if (args.has('--vscode-only')) {
    // The server's analysis of each edit of the 1 M report as VS Code gets it (the row of the full bench), in order:
    // a fresh server's first edits are its slowest (the derivation's code compiled as it runs).
    const argv = process.argv.slice(2);
    const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 9;
    const v = await asVsCode(generatedReport(1024 * 1024, parts), runs, 600_000);
    const f = (a: number[]) => a.map((x) => x.toFixed(1)).join(' ');
    // A run whose analysis the server did not report (NaN) is left out.
    const st = (a: number[]) => stats(a.filter(Number.isFinite));
    const median = (a: number[]) => st(a).median.toFixed(1);
    console.log(`edit → the server's analysis, wall: ${f(v.analysisMs)} (median ${median(v.analysisMs)}); CPU: ${f(v.analysisCpuMs)} (min ${st(v.analysisCpuMs).min.toFixed(1)}, median ${median(v.analysisCpuMs)}); page faults: ${v.analysisFaults.join(' ')} (median ${st(v.analysisFaults).median}); edit → complete diagnostics, median ${median(v.editFullMs)} ms; load ${load()}`);
    return;
  }
  if (args.has('--memory-only')) {
    // The server's memory alone, in a fresh server: the 100 K and 1 M reports of the full bench.
    heapTable(await serverHeap([generatedReport(100 * 1024, parts), generatedReport(1024 * 1024, parts)]));
    console.log(`load ${load()}`);
    return;
  }
  const subjects: Subject[] = [
    { name: 'pasted report', texts: [pasted], runs: QUICK ? 30 : 200, peerRuns: QUICK ? 10 : 50, warmup: QUICK ? 10 : 100 },
    { name: 'corpus (12 reports)', texts: corpus, runs: QUICK ? 10 : 50, peerRuns: QUICK ? 3 : 10, warmup: QUICK ? 3 : 20 },
    { name: 'generated', texts: [generatedReport(100 * 1024, parts)], runs: QUICK ? 5 : 20, peerRuns: QUICK ? 2 : 5, warmup: QUICK ? 1 : 5 },
    { name: 'generated', texts: [generatedReport(1024 * 1024, parts)], runs: QUICK ? 3 : 9, peerRuns: QUICK ? 1 : 3, warmup: QUICK ? 1 : 2 },
  ];
  // The first check of a fresh process, before any warm-up: what a server's first analysis meets.
  const c0 = cpu();
  check(pasted);
  const coldMs = cpu() - c0;
  const rows: Row[] = [];
  for (const s of args.has('--server-only') ? [] : subjects) {
    let findings = 0;
    const ours = measure(() => {
      findings = 0;
      for (const t of s.texts) findings += check(t).findings.length;
    }, s.runs, s.warmup);
    // The figures analysis alone, on documents whose model (view, lines, headings) is built.
    const figTimes: number[] = [];
    for (let r = 0; r < s.runs + 2; r++) {
      const docs = s.texts.map((t) => new ReportDocument(t));
      for (const d of docs) void d.headings;
      const c0 = cpu();
      for (const d of docs) figures(d);
      if (r >= 2) figTimes.push(cpu() - c0);
    }
    const peerRows = peers.map((p) => {
      let pf = 0;
      let crashes = 0;
      const st = measure(() => {
        pf = 0;
        crashes = 0;
        for (const t of s.texts) {
          // zhlint throws on some reports (in its case-abbrs rule): counted, timed anyway.
          try {
            pf += p.run(t);
          } catch {
            crashes++;
          }
        }
      }, s.peerRuns, s.warmup);
      return { name: p.name, stats: st, findings: pf, crashes };
    });
    rows.push({ name: s.name, chars: s.texts.reduce((n, t) => n + t.length, 0), ours, findings, figures: stats(figTimes), peers: peerRows });
    if (!JSON_OUT) process.stderr.write(`  measured ${s.name} (${size(rows[rows.length - 1].chars)})\n`);
  }
  let server: Latencies | undefined;
  if (!args.has('--no-server') && fs.existsSync(path.join(DIST, 'server.js'))) {
    if (!JSON_OUT) process.stderr.write('  measuring the server\n');
    server = await serverLatencies(
      subjects[3].texts[0],
      generatedReport(115 * 1024, parts),
      [subjects[2].texts[0], subjects[3].texts[0], generatedReport(4 * 1024 * 1024 - 1024, parts)],
      QUICK ? 3 : 9,
    ).catch((e) => {
      console.error(`server not measured: ${String(e)}`);
      return undefined;
    });
  }
  const loadAfter = load();

  if (JSON_OUT) {
    console.log(JSON.stringify({ node: process.version, rules: RULES.length, load: { before: loadBefore, after: loadAfter }, cpus: os.cpus().length, coldMs, rows, server }, null, 2));
    return;
  }
  console.log(`\nworkreport check — ${RULES.length} rules, default settings; Node ${process.version}, ${process.arch}, ${os.cpus().length} CPUs; load average ${loadBefore} (before) → ${loadAfter} (after)`);
  console.log('times in ms. CPU: the CPU time of the run (user + system, this process), the minimum and the median of the runs —');
  console.log('on a shared machine the steadier figure; wall: median (p10–p90). The peers run on the same texts in this process:');
  console.log('zhlint 0.8 run(text, {rules: {preset: "default"}}); AutoCorrect (autocorrect-node) lintFor(text, "report.txt"). Ratios: CPU minima.');
  console.log(`generated reports: the pasted report and the corpus reports every peer gets through (${parts.length} of ${corpus.length + 1}), repeated.`);
  console.log(`Every tool runs at least ${subjects.map((s) => s.warmup).join(' / ')} untimed warm-up runs per text, and more until ${WARM_MS / 1000} s have passed, before the timed ones; our first check in this process (the pasted report, cold): ${fmt(coldMs)} ms CPU\n`);
  const header = ['text', 'size', 'ours CPU min / median', 'ours wall', 'figures CPU min', 'findings', ...peers.flatMap((p) => [`${p.name} CPU min / median`, `${p.name} / ours`])];
  const lines = rows.map((r) => [
    r.name,
    size(r.chars),
    `${fmt(r.ours.cpu.min)} / ${fmt(r.ours.cpu.median)}`,
    `${fmt(r.ours.wall.median)} (${fmt(r.ours.wall.p10)}–${fmt(r.ours.wall.p90)})`,
    fmt(r.figures.min),
    String(r.findings),
    ...r.peers.flatMap((p) => [
      p.stats ? `${fmt(p.stats.cpu.min)} / ${fmt(p.stats.cpu.median)}${p.crashes ? ` (threw ${p.crashes}×)` : ''}` : '—',
      p.stats ? ratio(p.stats.cpu.min / r.ours.cpu.min) : '—',
    ]),
  ]);
  table(header, lines);
  const big = rows[3];
  const small = rows[2];
  if (big && small) console.log(`\nlinear: ${fmt(small.ours.cpu.min / (small.chars / 1e5))} ms CPU per 100 K chars at 100 K, ${fmt(big.ours.cpu.min / (big.chars / 1e5))} at 1 M`);
  if (server) {
    // A run whose analysis the server did not report (NaN) is left out.
    const m = (xs: number[]) => fmt(stats(xs.filter(Number.isFinite)).median);
    const minOf = (xs: number[]) => Math.min(...xs.filter(Number.isFinite));
    console.log(`\nlanguage server (dist/server.js over stdio; round trips as the client sees them, medians of ${server.editMs.length}):`);
    table(
      ['what', 'ms'],
      [
        [`first diagnostics, ${size(server.chars)} report (${server.diagnostics} diagnostics)`, fmt(server.firstDiagnosticsMs)],
        [`first diagnostics: the server's analysis alone`, fmt(server.firstAnalysisMs)],
        ['edit → first (quick) diagnostics (after the 80 ms debounce)', m(server.editMs)],
        [`edit → first (quick) diagnostics: the server's analysis alone (no conversion, JSON or transport), wall / CPU min / CPU median`, `${m(server.editQuickAnalysisMs)} / ${fmt(minOf(server.editQuickAnalysisCpuMs))} / ${m(server.editQuickAnalysisCpuMs)}`],
        [`edit → complete diagnostics (the pull again after the server's refresh; ${server.editAsQuick} of ${server.editFullMs.length} edits needed none: their quick answer was complete)`, m(server.editFullMs)],
        [`edit → complete diagnostics: the server's analysis alone (its slices, quick result included), wall / CPU min / CPU median`, `${m(server.editAnalysisMs)} / ${fmt(minOf(server.editAnalysisCpuMs))} / ${m(server.editAnalysisCpuMs)}`],
        ['hover on a heading right after an edit (answered from the first analysis)', m(server.hoverDuringMs)],
        ['hover on a figure right after an edit (answered from the first analysis)', m(server.hoverFigureDuringMs)],
        ['hover on another, small report while the large one is analysed', m(server.hoverOtherDuringMs)],
        ['hover on a heading / on a figure', `${m(server.hoverMs)} / ${m(server.hoverFigureMs)}`],
        ['code actions at a finding (light bulb)', m(server.codeActionMs)],
        ['completion at a line start', m(server.completionMs)],
        ['completion right after 、 typed in a paragraph (nothing to offer: known from the line, no analysis awaited)', m(server.completionAfterEditMs)],
        [`completion right after （ typed on a line of its own (read from the last analysis and the line: ${server.completionsFromAnalysis} of ${server.completionOnOwnLineMs.length})`, m(server.completionOnOwnLineMs)],
        ['completion right after 三、 typed at the start of a paragraph (it becomes a heading: nothing to offer, known from the line)', m(server.completionAfterMarkerMs)],
        [`formatting a ${size(server.format.chars)} report (${server.format.edits} edit${server.format.edits === 1 ? '' : 's'})`, m(server.format.ms)],
      ],
    );
    console.log(
      `\nthe same report as VS Code gets it (its client keeps ${VSCODE_MAX_DIAGNOSTICS_PER_FILE} diagnostics per file and takes quick answers; round trips, medians): ` +
        `first diagnostics ${fmt(server.vscode.firstMs)} ms (${server.vscode.diagnostics} sent); edit → quick diagnostics ${m(server.vscode.editMs)} ms, → complete diagnostics ${m(server.vscode.editFullMs)} ms (${server.vscode.asQuick} of ${server.vscode.editMs.length} edits: the quick ones, no second answer); ` +
        `the server's analysis of an edit there (its slices, no pull of every diagnostic between them), wall / CPU min / CPU median ${m(server.vscode.analysisMs)} / ${fmt(minOf(server.vscode.analysisCpuMs))} / ${m(server.vscode.analysisCpuMs)} ms ` +
        `(the first three edits of the fresh server ${server.vscode.analysisMs.slice(0, 3).map(fmt).join(', ')} ms wall), ${m(server.vscode.analysisFaults)} page faults (median; a page of memory touched afresh: ${faultCost()}); ` +
        `${server.vscode.spreadEditMs.length} edits each at another place: edit → complete diagnostics ${m(server.vscode.spreadEditMs)} ms, the analysis wall median / max ${m(server.vscode.spreadAnalysisMs)} / ${fmt(Math.max(...server.vscode.spreadAnalysisMs.filter(Number.isFinite)))} ms`,
    );
    console.log(`\nserver memory after GC (JS heap and typed arrays' stores)${server.gc ? '' : ' (no --expose-gc: without a collection)'}: ${server.idleHeapMb.toFixed(1)} MB idle; with one report open and analysed:`);
    heapTable(server.heap);
  }
}

function heapTable(heap: Latencies['heap']): void {
  table(
    // Two sizes of the same text: in memory (UTF-16, what the server holds it as) and as a file (UTF-8, what the writer sees on disk).
    ['report', 'heap', 'heap once it is closed', 'held for it', '÷ report size in memory (UTF-16, 2 bytes a char)', '÷ its file (UTF-8)'],
    heap.map((h) => {
      const held = (h.heapMb - h.withoutMb) * 1024 * 1024;
      const mb = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} MB`;
      return [size(h.chars), mb(h.heapMb), mb(h.withoutMb), mb(h.heapMb - h.withoutMb), `${(held / (2 * h.chars)).toFixed(1)}×`, `${(held / h.utf8Bytes).toFixed(1)}×`];
    }),
  );
}

function table(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]))));
  const row = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ') + ' |';
  console.log(row(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(row(l));
}

/** Display width: CJK and full-width count two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

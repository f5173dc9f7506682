// A driver for profilers: runs the whole check (or one part of it) on a bench text a given
// number of times, and nothing else, so that `node --cpu-prof` sees only the analysis.
//
//   node [--cpu-prof] out/bench/profile.js [--size CHARS | --file PATH] [--runs N] [--warmup N] MODE
//
//   (no mode)          the whole check; wall-clock and CPU time per run
//   --only figures     figures(doc) on a document whose model is built (untimed)
//   --part NAME        one layer (quantities, clauses, phrases, groups), its inputs built untimed
//   --stages           CPU time of each model part, figures layer and rule, in the order check()
//                      meets them (a part shared by several rules is charged to the first)
//   --alloc            bytes each model part, figures layer and rule allocates (collected or not)
//   --alloc --incremental  bytes an edit's incremental check allocates, by the function that allocates
//   --alloc --functions    bytes the whole check allocates, by the function that allocates
//   --incremental      the incremental check (what the server runs) after a one-character edit
//   --quick            the same in two phases: edit → quick result, edit → quick then full result
//   --spread           with --incremental or --quick: each edit at another place (seeded), not at the middle line
//   --slices           the server's run after an edit, slice by slice (model parts, then whole-document rules): CPU of each
//   --counts           how many lines, quantities, relations and findings
//   --heap             what each part holds, and what the server holds for an open document (node --expose-gc)
//
// CPU time (process.cpuUsage) is steadier than wall-clock on a shared machine; both are printed.
import * as fs from 'node:fs';
import { check } from '../server/src/core/run/check';
import { ReportDocument } from '../server/src/core/model/document';
import { figures } from '../server/src/core/rules/figures';
import { RULES } from '../server/src/core/rules';
import { withDefaults } from '../server/src/core/config/config';
import { quantities } from '../server/src/core/figures/quantity';
import { clausesOf } from '../server/src/core/figures/clauses';
import { phrasesOf } from '../server/src/core/figures/phrases';
import { groupsOf } from '../server/src/core/figures/groups';
import { scope } from '../server/src/core/model/scope';
import { generatedReport, seededPlaces } from './texts';
import { IncrementalChecker } from '../server/src/core/run/incremental';
import { wholeDocumentParts } from '../server/src/core/run/slices';

/** The model parts and figures layers, in the order they build on each other, each a thunk. */
function modelParts(doc: ReportDocument): [string, () => unknown][] {
  return [
    ['model: annotations', () => doc.annotations],
    ['model: garbled', () => doc.garbled],
    ['model: view', () => doc.view],
    ['model: viewLines', () => doc.viewLines],
    ['model: boilerplate', () => doc.boilerplate],
    ['model: headings', () => doc.headings],
    ['model: sections', () => doc.sections],
    ['figures: quantities', () => quantities(doc)],
    ['figures: clauses', () => clausesOf(doc)],
    ['figures: phrases', () => phrasesOf(doc)],
    ['figures: groups', () => groupsOf(doc)],
    ['punct: scope', () => scope(doc)],
  ];
}
import * as inspector from 'node:inspector';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const size = Number(opt('--size', String(1024 * 1024)));
const runs = Number(opt('--runs', '5'));
const warmup = Number(opt('--warmup', '2'));
const file = opt('--file', '');
let text = file ? fs.readFileSync(file, 'utf8') : generatedReport(size);

/** CPU time of this process in ms (user + system). */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const min = (a: number[]) => Math.min(...a);

/** Where the bench's edits are typed: the start of the line after the text's middle. */
const middleLine = (t: string): number => t.indexOf('\n', t.length >> 1) + 1;
/** The text with the k-th edit typed at `at`: one character, alternately two different ones. */
const typed = (t: string, at: number, k: number): string => t.slice(0, at) + (k % 2 ? '三' : '，') + t.slice(at);

/** Page faults of this process so far: each is a page of memory touched for the first time since it was mapped. */
const faults = () => process.resourceUsage().minorPageFault;

/**
 * Runs `prepare` (untimed) then `timed`, warmup + runs times; prints wall and CPU medians, and
 * the median of the page faults each run took: on a virtual machine that traps them to its host
 * a fault can cost ~10 µs (this project's CI machines: 2 MB touched afresh took 5.2 ms, touched
 * again 0.03 ms), so a run's fresh allocations — a 1 M text flattened is 2 MB of them — show there.
 */
function measure(label: string, prepare: () => ReportDocument | undefined, timed: (d: ReportDocument | undefined) => unknown): void {
  const wall: number[] = [];
  const cpus: number[] = [];
  const faulted: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const d = prepare();
    const f0 = faults();
    const t0 = performance.now();
    const c0 = cpu();
    timed(d);
    if (r >= warmup) {
      wall.push(performance.now() - t0);
      cpus.push(cpu() - c0);
      faulted.push(faults() - f0);
    }
  }
  console.log(`${label} on ${text.length} chars, ${runs} runs: wall median ${med(wall).toFixed(2)} ms (min ${min(wall).toFixed(2)}); CPU median ${med(cpus).toFixed(2)} ms (min ${min(cpus).toFixed(2)}); page faults median ${med(faulted)} (min ${min(faulted)})`);
}

const LAYERS: Record<string, { needs: (d: ReportDocument) => unknown; run: (d: ReportDocument) => unknown }> = {
  quantities: { needs: (d) => (void d.boilerplate, d.viewLines), run: quantities },
  clauses: { needs: (d) => (void d.boilerplate, d.viewLines), run: clausesOf },
  phrases: { needs: (d) => (quantities(d), clausesOf(d)), run: phrasesOf },
  groups: { needs: (d) => phrasesOf(d), run: groupsOf },
};

if (argv.includes('--only')) {
  measure('figures', () => {
    const d = new ReportDocument(text);
    void d.headings;
    return d;
  }, (d) => figures(d!));
} else if (argv.includes('--part')) {
  const name = opt('--part', '');
  const layer = LAYERS[name];
  if (!layer) throw new Error(`--part ${Object.keys(LAYERS).join('|')}`);
  measure(name, () => {
    const d = new ReportDocument(text);
    layer.needs(d);
    return d;
  }, (d) => layer.run(d!));
} else if (argv.includes('--stages')) {
  const acc = new Map<string, number[]>();
  const add = (k: string, v: number) => (acc.get(k) ?? acc.set(k, []).get(k)!).push(v);
  for (let r = 0; r < warmup + runs; r++) {
    const doc = new ReportDocument(text);
    const parts = modelParts(doc);
    const time = (k: string, f: () => unknown) => {
      const c0 = cpu();
      f();
      if (r >= warmup) add(k, cpu() - c0);
    };
    for (const [k, f] of parts) time(k, f);
    for (const rule of RULES) time(rule.id, () => rule.check(doc, { config: withDefaults({}), report: () => undefined }));
  }
  const rows = [...acc].map(([k, v]) => [k, min(v)] as const);
  const total = rows.reduce((n, [, v]) => n + v, 0);
  for (const [k, v] of rows.sort((a, b) => b[1] - a[1])) if (v >= (text.length < 1e5 ? 0.005 : 0.05)) console.log(`${v.toFixed(2).padStart(9)} ms ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`${total.toFixed(2).padStart(9)} ms total (CPU minima)`);
} else if (argv.includes('--alloc') && argv.includes('--incremental')) {
  void allocEdit();
} else if (argv.includes('--alloc') && argv.includes('--functions')) {
  void allocWhole();
} else if (argv.includes('--alloc')) {
  // Bytes allocated by each model part, figures layer and rule (the sampling heap profiler,
  // objects already collected included): garbage collection is the largest single cost of
  // the check, and this says who makes the garbage. Parts shared by rules are built first.
  void alloc();
} else if (argv.includes('--slices')) {
  // The server's two-phase run after an edit (lsp/context.ts): start (the lines read), quick(), then each step.
  const inc = new IncrementalChecker();
  const config = withDefaults({});
  const parts = wholeDocumentParts(inc.rules, config);
  const labels = ['start', 'quick', ...parts.map((p) => `part ${p.toString().replace(/\s+/g, ' ')}`), ...inc.rules.filter((r) => !r.perLine).map((r) => r.id)];
  inc.check(text);
  let t = text;
  const at = middleLine(t);
  const acc = labels.map(() => [] as number[]);
  const totals: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    t = typed(t, at, r);
    const times: number[] = [];
    const w0 = performance.now();
    let c0 = cpu();
    const lap = () => {
      const c = cpu();
      times.push(c - c0);
      c0 = c;
    };
    const run = inc.start(t, config, parts);
    lap();
    run.quick();
    lap();
    while (!run.step()) lap();
    lap();
    if (r < warmup) continue;
    times.forEach((v, k) => acc[Math.min(k, acc.length - 1)].push(v));
    totals.push(times.reduce((a, b) => a + b, 0));
    if (argv.includes('--each')) console.log(`edit ${r - warmup}: CPU ${totals[totals.length - 1].toFixed(1)} ms, wall ${(performance.now() - w0).toFixed(1)} ms`);
  }
  acc.forEach((v, k) => v.length && console.log(`${min(v).toFixed(2).padStart(7)} ${med(v).toFixed(2).padStart(7)} ms  ${labels[k]}`));
  console.log(`${min(totals).toFixed(2).padStart(7)} ${med(totals).toFixed(2).padStart(7)} ms  in all (CPU min, median; ${runs} edits)`);
} else if (argv.includes('--incremental') || argv.includes('--quick')) {
  // An edit in the middle (one character typed at a line start, alternately two different
  // ones), checked incrementally; --quick: in the server's two phases (run/incremental.ts
  // CheckRun): the lines read and the quick result (per-line rules fresh, the rest carried
  // over), then the full result. --spread: each edit at another place of the text (the same
  // places every time: a seeded sequence), as a writer moves about, not always at one place.
  const inc = new IncrementalChecker();
  inc.check(text);
  let t = text;
  const spread = argv.includes('--spread');
  const place = seededPlaces(12345);
  const at = middleLine(t);
  let k = 0;
  const edit = () => {
    t = typed(t, spread ? place(t) : at, k++);
    return undefined;
  };
  if (argv.includes('--incremental')) measure('incremental check after a one-character edit', edit, () => inc.check(t));
  else {
    measure('edit → quick result', edit, () => {
      if (!inc.start(t).quick()) throw new Error('no quick result');
    });
    measure('edit → quick result, then the full result', edit, () => {
      const run = inc.start(t);
      run.quick();
      run.finish();
    });
  }
} else if (argv.includes('--heap')) {
  // What an analysis holds (node --expose-gc): the heap after each part is built and kept.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const heap = () => {
    gc();
    gc();
    // The stores of typed arrays are outside the JS heap: counted too.
    const m = process.memoryUsage();
    return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
  };
  const keep: unknown[] = [];
  let last = heap();
  const step = (label: string, f: () => unknown) => {
    keep.push(f());
    const h = heap();
    console.log(`${(h - last).toFixed(1).padStart(7)} MB  ${label}`);
    last = h;
  };
  // The parts, in a function of their own: the document it makes is let go when it returns.
  const parts = () => {
    const base = last;
    const doc = new ReportDocument(text);
    step('text and lines', () => doc);
    step('view (annotations, garbled, folded text, map)', () => doc.view);
    step('headings, sections', () => doc.sections);
    step('figures: quantities', () => quantities(doc));
    step('figures: clauses', () => clausesOf(doc));
    step('figures: phrases', () => phrasesOf(doc));
    step('figures: groups and relations', () => figures(doc));
    step('punct: scope', () => scope(doc));
    const findings: unknown[] = [];
    step('findings (every rule)', () => {
      for (const rule of RULES) rule.check(doc, { config: withDefaults({}), report: (r) => findings.push(r) });
      return findings;
    });
    console.log(`${(last - base).toFixed(1).padStart(7)} MB  in all, for ${text.length} chars (${((last - base) * 1024 * 1024 / (2 * text.length)).toFixed(1)}× the text in UTF-16)`);
  };
  parts();
  // What the server holds for an open document: its analysis (the model the checker built, the
  // findings) and the checker's per-line state, measured apart (the parts above are dropped).
  keep.length = 0;
  const turn = () => new Promise((r) => setTimeout(r, 0));
  // The least of three readings, each in a turn of its own: a collection now and then leaves 2 MB or more unfreed.
  const settled = async () => {
    let least = Infinity;
    for (let k = 0; k < 3; k++) {
      await turn();
      least = Math.min(least, heap());
    }
    return least;
  };
  void (async () => {
    // What the process loads once for any document (tables read lazily, compiled code) is loaded
    // before: the bench's server, measured with the report open and then closed, does not count it.
    new IncrementalChecker().check(generatedReport(100_000));
    // Each measure in a turn of the event loop of its own, as the server's (workreport/health) is:
    // nothing the turn's frames still hold is counted. parts() has read the text: it is one flat
    // string before `empty` (a string built by += is flattened on first read, a copy of its size).
    const empty = await settled();
    const checker = new IncrementalChecker();
    const analysis: unknown[] = [checker.check(text)];
    const held = await settled();
    analysis.length = 0;
    const state = await settled();
    console.log(`${(state - empty).toFixed(1).padStart(7)} MB  the server's incremental checker (the last version's lines and per-line findings by position, carried findings)`);
    console.log(`${(held - empty).toFixed(1).padStart(7)} MB  analysis and checker (${((held - empty) * 1024 * 1024 / (2 * text.length)).toFixed(1)}× the text in UTF-16)`);
    // The server holds the text too (its TextDocument's, shared with the ReportDocument's): the bench counts it.
    const textMb = (2 * text.length) / 1024 / 1024;
    const utf8 = Buffer.byteLength(text, 'utf8');
    console.log(`${(held - empty + textMb).toFixed(1).padStart(7)} MB  the server in all: analysis, checker and the text (${((held - empty + textMb) * 1024 * 1024 / (2 * text.length)).toFixed(1)}× the text in UTF-16, ${((held - empty + textMb) * 1024 * 1024 / utf8).toFixed(1)}× its file in UTF-8)`);
    // The same after an edit, as the server holds it while the writer types: the new version's
    // text is a string of its own (as an editor's is), the last version's should be let go.
    const chars = text.length;
    const next = typed(text, middleLine(text), 0);
    text = ''; // this script's hold on the first version (the server's documents let it go)
    analysis.push(checker.check(next));
    const edited = await settled();
    // empty counted the first version's text, let go since: edited - empty is without a text; the new one is added.
    console.log(`${(edited - empty + textMb).toFixed(1).padStart(7)} MB  the same after an edit, the new version's text in (${((edited - empty + textMb) * 1024 * 1024 / (2 * chars)).toFixed(1)}×)`);
  })();
} else if (argv.includes('--counts')) {
  const doc = new ReportDocument(text);
  const f = figures(doc);
  const kinds = new Map<string, number>();
  for (const q of f.quantities) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  const rel = new Map<string, number>();
  for (const r of f.relations) rel.set(r.rule, (rel.get(r.rule) ?? 0) + 1);
  console.log({ chars: text.length, lines: doc.lines.length, quantities: f.quantities.length, kinds, relations: f.relations.length, rel, findings: check(text).findings.length });
} else {
  measure('check', () => undefined, () => check(text));
}

interface SampleNode {
  selfSize: number;
  children: SampleNode[];
}

/** A connected inspector session's `post`, as a promise. */
function inspectorPost(): <T>(method: string, params?: object) => Promise<T> {
  const session = new inspector.Session();
  session.connect();
  return <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
}

async function alloc(): Promise<void> {
  const post = inspectorPost();
  const bytes = (n: SampleNode): number => n.selfSize + n.children.reduce((a, c) => a + bytes(c), 0);
  await post('HeapProfiler.enable');
  const doc = new ReportDocument(text);
  const config = withDefaults({});
  const parts: [string, () => unknown][] = [
    ...modelParts(doc),
    ...RULES.map((rule): [string, () => unknown] => [rule.id, () => rule.check(doc, { config, report: () => undefined })]),
  ];
  const rows: [string, number][] = [];
  for (const [label, f] of parts) {
    await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    f();
    const { profile } = await post<{ profile: { head: SampleNode } }>('HeapProfiler.stopSampling');
    rows.push([label, bytes(profile.head) / 1024 / 1024]);
  }
  const all = rows.reduce((n, [, v]) => n + v, 0);
  for (const [k, v] of rows.sort((a, b) => b[1] - a[1])) if (v >= 0.5) console.log(`${v.toFixed(1).padStart(7)} MB ${((v / all) * 100).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`${all.toFixed(0).padStart(7)} MB in all, for ${text.length} chars (findings made, not kept)`);
}

interface SampleTree extends SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: SampleTree[];
}

/** What an edit's incremental check allocates (collected or not), by the function that allocates it: MB per edit. */
async function allocEdit(): Promise<void> {
  const post = inspectorPost();
  const inc = new IncrementalChecker();
  inc.check(text);
  let t = text;
  const at = middleLine(t);
  const edit = (k: number) => {
    t = typed(t, at, k);
    inc.check(t);
  };
  for (let k = 0; k < warmup; k++) edit(k);
  await post('HeapProfiler.enable');
  // --live (node --expose-gc): only what is still held after the last edit (what the new version keeps), for one edit.
  const live = argv.includes('--live');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (live && !gc) throw new Error('--live: run with node --expose-gc');
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: !live, includeObjectsCollectedByMinorGC: !live });
  for (let k = 0; k < (live ? 1 : runs); k++) edit(k);
  if (live) gc!();
  const { profile } = await post<{ profile: { head: SampleTree } }>('HeapProfiler.stopSampling');
  byFunction(profile.head, live ? 1 : runs, `an edit, in all (${live ? 1 : runs} edits${live ? ', held after it' : ''})`);
}

/** What the whole check allocates (collected or not), by the function that allocates it: MB per check. */
async function allocWhole(): Promise<void> {
  const post = inspectorPost();
  for (let k = 0; k < warmup; k++) check(text);
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let k = 0; k < runs; k++) check(text);
  const { profile } = await post<{ profile: { head: SampleTree } }>('HeapProfiler.stopSampling');
  byFunction(profile.head, runs, `a check, in all (${runs} checks of ${text.length} chars)`);
}

/** Prints a sampling heap profile's bytes by the function that allocated them (a built-in named with its caller), per run. */
function byFunction(head: SampleTree, n: number, what: string): void {
  const self = new Map<string, number>();
  const name = (t: SampleTree) => `${t.callFrame.functionName || '(anonymous)'}:${t.callFrame.lineNumber + 1}`;
  // --callers NAME: that function's bytes by its caller.
  const callersOf = argv.includes('--callers') ? opt('--callers', '') : '';
  const walk = (t: SampleTree, caller: string) => {
    const k = t.callFrame.url && t.callFrame.functionName !== callersOf ? name(t) : `${name(t)} in ${caller}`;
    self.set(k, (self.get(k) ?? 0) + t.selfSize);
    for (const c of t.children) walk(c, t.callFrame.url ? name(t) : caller);
  };
  walk(head, '');
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(opt('--top', '40')))) console.log(`${(v / n / 1024 / 1024).toFixed(2).padStart(7)} MB  ${k}`);
  console.log(`${(all / n / 1024 / 1024).toFixed(1).padStart(7)} MB ${what}`);
}

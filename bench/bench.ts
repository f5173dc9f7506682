// `npm run bench`: how long the whole check takes (every rule of the registry, default
// settings), next to the nearest existing peer, zhlint (punctuation and spacing only), on the
// same texts in the same run; and the language server's memory after opening them.
//
//   node out/bench/bench.js [--quick] [--json] [--no-peer] [--no-server]
//
// Texts: the pasted report (test/reports/pasted.txt), the 12-document corpus (test/corpus/,
// checked one after the other), and generated reports of 100 KB and 1 MB (the corpus and the
// pasted report concatenated, as a long report would be).
// Each is checked repeatedly after a warm-up; the table gives the median and the p10–p90
// spread in milliseconds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/run/check';
import { RULES } from '../server/src/core/rules';
import { DIST } from '../test/paths';
import { benchParts, generatedReport } from './texts';
import { LspClient, fileUri } from '../test/protocol/lsp-client';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');

interface Subject {
  name: string;
  texts: string[];
  /** Iterations for our check and for the peer (slower, so fewer). */
  runs: number;
  peerRuns: number;
}

interface Stats {
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

function readAll(): { pasted: string; corpus: string[] } {
  return benchParts();
}

const generated = (size: number, parts: string[]) => generatedReport(size, parts);

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function measure(fn: () => void, runs: number, warmup: number): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p10: quantile(times, 0.1), p90: quantile(times, 0.9), min: times[0], max: times[times.length - 1], n: runs };
}

type PeerRun = (text: string, options: { rules: { preset: string } }) => unknown;

async function loadPeer(): Promise<PeerRun | undefined> {
  if (args.has('--no-peer')) return undefined;
  try {
    // zhlint is an ES module; a dynamic import keeps this file CommonJS.
    const m = (await import('zhlint')) as { run?: PeerRun; default?: { run?: PeerRun } };
    return m.run ?? m.default?.run;
  } catch (e) {
    console.error(`zhlint not available (${String(e)}); peer column left empty`);
    return undefined;
  }
}

function rssKb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Spawn the server, open every text, pull its diagnostics; RSS before and after. */
async function serverMemory(docs: { name: string; text: string }[]): Promise<{ idleMb?: number; loadedMb?: number; afterMb?: number; heapMb?: number; ms: number } | undefined> {
  let heapMb: number | undefined;
  if (args.has('--no-server') || !fs.existsSync(path.join(DIST, 'server.js'))) return undefined;
  const c = await LspClient.start({ capabilities: LspClient.capabilities({ pull: true }) });
  try {
    const pid = c.proc.pid!;
    const idle = rssKb(pid);
    const t0 = performance.now();
    for (const [i, d] of docs.entries()) {
      const uri = fileUri(`/bench/${i}-${d.name.replace(/\W+/g, '_')}.report`);
      c.open(uri, d.text);
      await c.request('textDocument/diagnostic', { textDocument: { uri } }, 120_000);
    }
    const ms = performance.now() - t0;
    const loaded = rssKb(pid);
    const health = await c.request<{ memory?: { heapUsed: number } }>('workreport/health', null).catch(() => undefined);
    heapMb = health?.memory ? health.memory.heapUsed / 1024 / 1024 : undefined;
    // Close them all again: memory should go back towards idle (nothing kept per closed document).
    for (const [i, d] of docs.entries()) c.closeDocument(fileUri(`/bench/${i}-${d.name.replace(/\W+/g, '_')}.report`));
    await new Promise((r) => setTimeout(r, 500));
    const after = rssKb(pid);
    const mb = (kb?: number) => (kb === undefined ? undefined : kb / 1024);
    return { idleMb: mb(idle), loadedMb: mb(loaded), afterMb: mb(after), heapMb, ms };
  } finally {
    await c.close().catch(() => c.kill());
  }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
/** Sizes in UTF-16 code units (characters), as the editor and maxDocumentSize count them. */
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} M chars` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} K chars`);

async function main(): Promise<void> {
  const { pasted, corpus } = readAll();
  const peer = await loadPeer();
  // The long reports are made of the texts the peer gets through: one corpus report makes
  // zhlint throw, and a long text containing it would time nothing but the throw.
  const peerOk = (t: string) => {
    try {
      peer?.(t, { rules: { preset: 'default' } });
      return true;
    } catch {
      return false;
    }
  };
  const parts = [...corpus, pasted].filter(peerOk);
  const subjects: Subject[] = [
    { name: 'pasted', texts: [pasted], runs: QUICK ? 30 : 200, peerRuns: QUICK ? 5 : 20 },
    { name: 'corpus (12 docs)', texts: corpus, runs: QUICK ? 10 : 50, peerRuns: QUICK ? 2 : 5 },
    { name: 'generated 100 KB', texts: [generated(100 * 1024, parts)], runs: QUICK ? 5 : 20, peerRuns: QUICK ? 1 : 3 },
    { name: 'generated 1 MB', texts: [generated(1024 * 1024, parts)], runs: QUICK ? 3 : 7, peerRuns: QUICK ? 1 : 2 },
  ];
  const rows: Record<string, unknown>[] = [];
  for (const s of subjects) {
    const size = s.texts.reduce((n, t) => n + t.length, 0);
    let findings = 0;
    const ours = measure(
      () => {
        findings = 0;
        for (const t of s.texts) findings += check(t).findings.length;
      },
      s.runs,
      Math.min(5, s.runs),
    );
    let theirs: Stats | undefined;
    let peerFindings = 0;
    let peerCrashes = 0;
    if (peer) {
      theirs = measure(
        () => {
          peerFindings = 0;
          peerCrashes = 0;
          for (const t of s.texts) {
            // zhlint throws on some reports (e.g. in its case-abbrs rule): counted, timed anyway.
            try {
              peerFindings += ((peer(t, { rules: { preset: 'default' } }) as { validations?: unknown[] }).validations ?? []).length;
            } catch {
              peerCrashes++;
            }
          }
        },
        s.peerRuns,
        1,
      );
    }
    rows.push({ name: s.name, chars: size, ours, findings, theirs, peerFindings, peerCrashes, ratio: theirs ? theirs.median / ours.median : undefined });
    if (!args.has('--json')) process.stderr.write(`  measured ${s.name}\n`);
  }
  const mem = await serverMemory([
    { name: 'pasted', text: pasted },
    ...corpus.map((t, i) => ({ name: `P${i + 1}`, text: t })),
    { name: '100KB', text: subjects[2].texts[0] },
    { name: '1MB', text: subjects[3].texts[0] },
  ]).catch((e) => {
    console.error(`server memory not measured: ${String(e)}`);
    return undefined;
  });

  if (args.has('--json')) {
    console.log(JSON.stringify({ node: process.version, rules: RULES.length, rows, server: mem }, null, 2));
    return;
  }
  console.log(`\nworkreport check — ${RULES.length} rules, default settings; Node ${process.version}, ${process.arch}`);
  console.log('times in ms: ours median (p10–p90), zhlint median (min–max); zhlint 0.8 run(text, {rules: {preset: "default"}}) on the same texts');
  console.log(`generated reports: the pasted report and the corpus reports zhlint does not throw on (${parts.length} of ${corpus.length + 1}), repeated\n`);
  const header = ['text', 'size', 'ours', 'findings', 'zhlint', 'findings', 'zhlint / ours'];
  const lines = rows.map((r) => {
    const o = r.ours as Stats;
    const t = r.theirs as Stats | undefined;
    return [
      r.name as string,
      kb(r.chars as number),
      `${fmt(o.median)} (${fmt(o.p10)}–${fmt(o.p90)})`,
      String(r.findings),
      t ? `${fmt(t.median)} (${fmt(t.min)}–${fmt(t.max)})` : '—',
      t ? `${r.peerFindings}${r.peerCrashes ? ` (threw on ${r.peerCrashes})` : ''}` : '—',
      r.ratio ? `${(r.ratio as number).toFixed(1)}×` : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]))));
  const row = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ') + ' |';
  console.log(row(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(row(l));
  if (mem) {
    const m = (x?: number) => (x === undefined ? '?' : `${x.toFixed(0)} MB`);
    console.log(
      `\nserver RSS: ${m(mem.idleMb)} idle → ${m(mem.loadedMb)} with the pasted report, the corpus, 100 KB and 1 MB open (JS heap ${m(mem.heapMb)})` +
        ` (pulled in ${fmt(mem.ms)} ms) → ${m(mem.afterMb)} after closing them`,
    );
  }
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

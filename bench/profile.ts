// A driver for profilers: runs the whole check (or one part of it) on a bench text a given
// number of times, and nothing else, so that `node --cpu-prof` or an instruction count
// (valgrind --tool=callgrind) sees only the analysis.
//
//   node [--cpu-prof] out/bench/profile.js [--size CHARS] [--runs N] [--warmup N] [--only figures] [--file PATH]
//
// Instruction counts: run it twice with different --runs and take the difference per run
// (start-up and compilation cancel out).
import * as fs from 'node:fs';
import { check } from '../server/src/core/run/check';
import { ReportDocument } from '../server/src/core/model/document';
import { figures } from '../server/src/core/rules/figures';
import { generatedReport } from './texts';
import { RULES } from '../server/src/core/rules';
import { quantities } from '../server/src/core/figures/quantity';
import { clausesOf } from '../server/src/core/figures/clauses';
import { phrasesOf } from '../server/src/core/figures/phrases';
import { groupsOf } from '../server/src/core/figures/groups';
import { scope } from '../server/src/core/model/scope';
import { withDefaults } from '../server/src/core/config/config';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const size = Number(opt('--size', String(1024 * 1024)));
const runs = Number(opt('--runs', '5'));
const warmup = Number(opt('--warmup', '2'));
const only = opt('--only', 'check');
const file = opt('--file', '');
const text = file ? fs.readFileSync(file, 'utf8') : generatedReport(size);

/** CPU time of this process in ms (user + system): steadier than wall-clock on a loaded machine. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function once(): { wall: number; cpu: number } {
  if (only === 'figures') {
    const doc = new ReportDocument(text);
    // The model parts figures reads, outside the timed part.
    void doc.sentences;
    void doc.headings;
    const t0 = performance.now();
    const c0 = cpu();
    figures(doc);
    return { wall: performance.now() - t0, cpu: cpu() - c0 };
  }
  const t0 = performance.now();
  const c0 = cpu();
  check(text);
  return { wall: performance.now() - t0, cpu: cpu() - c0 };
}

for (let i = 0; i < warmup; i++) once();
const wall: number[] = [];
const cpus: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = once();
  wall.push(t.wall);
  cpus.push(t.cpu);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const min = (a: number[]) => Math.min(...a);
console.log(`${only} on ${text.length} chars, ${runs} runs: wall median ${med(wall).toFixed(2)} ms (min ${min(wall).toFixed(2)}); CPU median ${med(cpus).toFixed(2)} ms (min ${min(cpus).toFixed(2)})`);

// --stages: CPU time of each model part and each rule, in the order check() meets them
// (a part shared by several rules is charged to the first that asks for it).
if (argv.includes('--stages')) {
  const rounds = runs;
  const acc = new Map<string, number[]>();
  const add = (k: string, v: number) => (acc.get(k) ?? acc.set(k, []).get(k)!).push(v);
  for (let r = 0; r < rounds; r++) {
    const doc = new ReportDocument(text);
    const parts: [string, () => unknown][] = [
      ['model: annotations', () => doc.annotations],
      ['model: garbled', () => doc.garbled],
      ['model: view', () => doc.view],
      ['model: viewLines', () => doc.viewLines],
      ['model: boilerplate', () => doc.boilerplate],
      ['model: headings', () => doc.headings],
      ['model: sections', () => doc.sections],
      ['model: sentences', () => doc.sentences],
      ['figures: quantities', () => quantities(doc)],
      ['figures: clauses', () => clausesOf(doc)],
      ['figures: phrases', () => phrasesOf(doc)],
      ['figures: groups', () => groupsOf(doc)],
      ['punct: scope', () => scope(doc)],
    ];
    for (const [k, f] of parts) {
      const c0 = cpu();
      f();
      add(k, cpu() - c0);
    }
    for (const rule of RULES) {
      const c0 = cpu();
      rule.check(doc, { config: withDefaults({}), report: () => undefined });
      add(rule.id, cpu() - c0);
    }
  }
  const rows = [...acc].map(([k, v]) => [k, v.sort((a, b) => a - b)[v.length >> 1]] as const);
  const total = rows.reduce((n, [, v]) => n + v, 0);
  for (const [k, v] of rows.sort((a, b) => b[1] - a[1])) if (v >= 0.05) console.log(`${v.toFixed(2).padStart(9)} ms ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`${total.toFixed(2).padStart(9)} ms total (CPU medians)`);
}

if (argv.includes('--counts')) {
  const doc = new ReportDocument(text);
  const f = figures(doc);
  const kinds = new Map<string, number>();
  for (const q of f.quantities) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  const rel = new Map<string, number>();
  for (const r of f.relations) rel.set(r.rule, (rel.get(r.rule) ?? 0) + 1);
  console.log({ chars: text.length, lines: doc.lines.length, quantities: f.quantities.length, kinds, relations: f.relations.length, rel, findings: check(text).findings.length });
}

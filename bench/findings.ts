// Speed work must not change a single finding. This dumps everything the check says about a
// set of texts — every finding whole (rule, range, severity, message, related places, fix) and
// the figures table (every quantity read, every relation checked) — so that two builds can be
// compared byte for byte:
//
//   node out/bench/findings.js --out before.jsonl [DIR|FILE …]     (one line per text)
//   node out/bench/findings.js --compare before.jsonl after.jsonl
//
// Texts: the corpus, the pasted report, the bundled sample, every fixture case (with its
// config), the generated long reports of `npm run bench` (100 K and 1 M), 400 mutated reports
// (the property tests' generator, fixed seed), and any folder or file named on the command line
// (texts kept outside the project, read for measuring only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { check } from '../server/src/core/run/check';
import { figuresTableData } from '../server/src/core/authoring/figures-table';
import { say } from '../server/src/core/locale';
import { fixEdits, type Finding } from '../server/src/core/types';
import { CORPUS, FIXTURES, ROOT } from '../test/paths';
import { PASTED_FILE } from '../test/reports/pasted';
import { fixtureFiles, parseFixture } from '../test/fixture-format';
import { doc as genDoc } from '../test/property/gen';
import { generatedReport, benchParts } from './texts';

interface Input {
  name: string;
  text: string;
  config?: Record<string, unknown>;
}

function inputs(extra: string[]): Input[] {
  const out: Input[] = [];
  const { pasted, corpus } = benchParts();
  out.push({ name: 'pasted', text: pasted });
  corpus.forEach((t, i) => out.push({ name: `corpus/${i}`, text: t }));
  const sample = path.join(ROOT, 'samples', '示例-经验材料.report.txt');
  if (fs.existsSync(sample)) out.push({ name: 'sample', text: fs.readFileSync(sample, 'utf8') });
  void FIXTURES;
  for (const { rule, file } of fixtureFiles()) {
    parseFixture(fs.readFileSync(file, 'utf8'), rule).forEach((c, i) => out.push({ name: `fixture/${rule}/${i}`, text: c.text, config: c.config }));
  }
  out.push({ name: 'generated/100K', text: generatedReport(100 * 1024) });
  out.push({ name: 'generated/1M', text: generatedReport(1024 * 1024) });
  fc.sample(genDoc(20_000, 25), { numRuns: 100, seed: 16 }).forEach((t, i) => out.push({ name: `mutated/large/${i}`, text: t }));
  fc.sample(genDoc(600, 10), { numRuns: 300, seed: 61 }).forEach((t, i) => out.push({ name: `mutated/small/${i}`, text: t }));
  for (const p of extra) {
    const files = fs.statSync(p).isDirectory() ? fs.readdirSync(p).sort().map((n) => path.join(p, n)) : [p];
    // Named by folder and file: two folders may both hold a README.md.
    for (const f of files) if (fs.statSync(f).isFile()) out.push({ name: `extra/${path.basename(path.dirname(path.resolve(f)))}/${path.basename(f)}`, text: fs.readFileSync(f, 'utf8') });
  }
  return out;
}

/** A finding as plain data, every lazily built part resolved, in a fixed key order. */
function plain(f: Finding): unknown {
  return {
    rule: f.rule,
    severity: f.severity,
    start: f.start,
    end: f.end,
    zh: say(f.message, 'zh'),
    en: say(f.message, 'en'),
    related: f.related?.map((r) => ({ start: r.start, end: r.end, zh: say(r.message, 'zh'), en: say(r.message, 'en') })),
    fix: f.fix && { zh: say(f.fix.title, 'zh'), en: say(f.fix.title, 'en'), safe: f.fix.safe, edits: fixEdits(f).map((e) => [e.start, e.end, e.newText]) },
  };
}

function dump(out: string, extra: string[]): void {
  const lines: string[] = [];
  const all = inputs(extra);
  for (const input of all) {
    const { doc, findings } = check(input.text, input.config ?? {});
    const table = { zh: figuresTableData(doc, 'zh'), en: figuresTableData(doc, 'en') };
    const body = JSON.stringify({ findings: findings.map(plain), table });
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    lines.push(JSON.stringify({ name: input.name, chars: input.text.length, findings: findings.length, hash, body }));
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${all.length} texts, ${all.reduce((n, i) => n + i.text.length, 0)} chars → ${out}`);
}

function compare(a: string, b: string): number {
  const read = (f: string) => new Map(fs.readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { name: string; hash: string; findings: number; body: string }).map((r) => [r.name, r]));
  const before = read(a);
  const after = read(b);
  let differ = 0;
  for (const [name, x] of before) {
    const y = after.get(name);
    if (!y) {
      console.log(`missing in ${b}: ${name}`);
      differ++;
      continue;
    }
    if (x.hash === y.hash) continue;
    differ++;
    const fx = JSON.parse(x.body) as { findings: unknown[]; table: unknown };
    const fy = JSON.parse(y.body) as { findings: unknown[]; table: unknown };
    const sx = new Set(fx.findings.map((f) => JSON.stringify(f)));
    const sy = new Set(fy.findings.map((f) => JSON.stringify(f)));
    const gone = [...sx].filter((f) => !sy.has(f));
    const added = [...sy].filter((f) => !sx.has(f));
    console.log(`${name}: ${x.findings} → ${y.findings} findings${JSON.stringify(fx.table) !== JSON.stringify(fy.table) ? ', figures table differs' : ''}`);
    for (const f of gone.slice(0, 5)) console.log(`  - ${f}`);
    for (const f of added.slice(0, 5)) console.log(`  + ${f}`);
    if (!gone.length && !added.length && JSON.stringify(fx.findings) !== JSON.stringify(fy.findings)) console.log('  (same findings, different order)');
  }
  for (const name of after.keys()) if (!before.has(name)) console.log(`new in ${b}: ${name}`);
  console.log(differ ? `${differ} of ${before.size} texts differ` : `identical: ${before.size} texts`);
  return differ ? 1 : 0;
}

const argv = process.argv.slice(2);
if (argv[0] === '--compare') process.exit(compare(argv[1], argv[2]));
else if (argv[0] === '--out') dump(argv[1], argv.slice(2));
else {
  console.error('usage: findings.js --out FILE [DIR|FILE …] | --compare A B');
  process.exit(2);
}
void CORPUS;
void PASTED_FILE;

// The reference report (traditional, pinyin annotations, half-width punctuation, garbled
// bytes, page boilerplate) through the typography rules and through `--fix`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { check } from '../../server/src/core/run/check';
import { fixAll } from '../../server/src/core/run/fix';
import type { Finding } from '../../server/src/core/types';
import { SEED } from '../paths';

const TYPO = /^(punct|numbers|text|terms)\//;
const typoSafe = (f: Finding) => !!f.fix?.safe && TYPO.test(f.rule);
const seed = fs.readFileSync(SEED, 'utf8');
const { doc, findings } = check(seed);
const lines = seed.split('\n');
const of = (rule: string) => findings.filter((f) => f.rule === rule);
const lineOf = (f: Finding) => doc.lineAt(f.start).index;

test('seed: the 5 boilerplate lines are flagged', () => {
  const got = of('text/boilerplate').map((f) => lines[lineOf(f)].trim().slice(0, 3));
  assert.deepEqual(got, ['當(d', '發(f', '放大', '縮小', '作者:']);
});

test('seed: the 6 garbled places are flagged, none of them with a fix', () => {
  const g = of('text/garbled');
  assert.equal(g.length, 6);
  for (const f of g) {
    assert.ok(seed.slice(f.start, f.end).includes('?'), seed.slice(f.start, f.end));
    assert.equal(f.fix, undefined);
  }
  assert.equal(of('text/garbled')[0].severity, 'error');
});

test('seed: no fix of any rule touches a garbled run', () => {
  for (const f of findings) {
    for (const e of f.fix?.edits ?? []) {
      for (const g of doc.garbled) assert.ok(e.end <= g.start || e.start >= g.end, `${f.rule} edits into ${seed.slice(g.start, g.end)}`);
    }
  }
});

test('seed: all 16 no-break spaces are flagged', () => {
  const spans = of('text/stray-space');
  let n = 0;
  for (let i = seed.indexOf('\u00a0'); i >= 0; i = seed.indexOf('\u00a0', i + 1)) {
    n++;
    assert.ok(spans.some((f) => f.start <= i && i < f.end), `no-break space at ${i} not flagged`);
  }
  assert.equal(n, 16);
});

test('seed: half-width punctuation is flagged; the document is not mixed', () => {
  assert.ok(of('punct/halfwidth').length > 100);
  assert.deepEqual(of('text/script-mixing').map((f) => seed.slice(f.start, f.end)), []);
});

test('seed: fixing gives the same traditional text, full-width, without annotations or boilerplate', () => {
  const { text: fixed } = fixAll(seed, {}, typoSafe);
  // What is left to fix: nothing safe of the typography rules.
  assert.deepEqual(check(fixed).findings.filter(typoSafe).map((f) => f.rule), []);
  // Fixing again changes nothing.
  assert.equal(fixAll(fixed, {}, typoSafe).text, fixed);
  // No annotations, no boilerplate lines, the garbled runs untouched.
  assert.ok(!/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/.test(fixed.replace(/\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '')));
  for (const b of ['當前位置', '發佈時間', '放大', '縮小', '責任編輯']) assert.ok(!fixed.includes(b), b);
  for (const g of doc.garbled) assert.ok(fixed.includes(seed.slice(g.start, g.end)), seed.slice(g.start, g.end));
  // Every other character unchanged: drop annotations and boilerplate lines from the
  // original, map the half-width marks to full width (`, ` → `，`), and compare the lines
  // that carry text.
  const expected = expectedFix(seed);
  const body = (s: string) => s.split('\n').filter((l) => l.trim());
  assert.deepEqual(body(fixed), body(expected));
});

test('seed: --fix with every rule gives the typography result and is stable after one run', () => {
  const once = fixAll(seed).text;
  // Outline style notes (1、 → 1.) are quick fixes only: --fix changes nothing beyond the clean-up.
  assert.equal(once, fixAll(seed, {}, typoSafe).text);
  assert.equal(fixAll(once).text, once);
});

/** The seed as the typography fixes should leave it, computed without the rules. */
function expectedFix(text: string): string {
  const garbled = doc.garbled.map((g) => text.slice(g.start, g.end));
  const out: string[] = [];
  const src = text.split('\n');
  src.forEach((line, i) => {
    if ([0, 4, 6, 8, src.length - 1].includes(i)) return;
    // Protect the garbled runs, drop annotations, widen the marks, restore the runs.
    const keep: string[] = [];
    let l = line;
    for (const g of garbled) if (l.includes(g)) l = l.split(g).join(`\u0000${keep.push(g) - 1}\u0000`);
    l = l.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g, '');
    l = l.replace(/, ?/g, '，').replace(/:/g, '：').replace(/;/g, '；').replace(/\?/g, '？').replace(/!/g, '！');
    l = l.replace(/\u0000(\d+)\u0000/g, (_, k) => keep[Number(k)]);
    out.push(l);
  });
  return out.join('\n');
}

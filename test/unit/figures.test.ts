// Figures on whole documents: the seed's one contradiction, nothing on the correct
// corpus reports, hover on numbers, and the relations' related information.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import { withDefaults } from '../../server/src/core/config/config';
import { hoverAt } from '../../server/src/core/authoring/hover';
import { ReportDocument } from '../../server/src/core/model/document';
import { figures } from '../../server/src/core/rules/figures';
import { CORPUS, SEED } from '../paths';

const seed = fs.existsSync(SEED) ? fs.readFileSync(SEED, 'utf8') : undefined;

test('seed: exactly one figure finding, named-count 2 + 5 = 7 ≠ 8', { skip: !seed }, () => {
  const { findings } = check(seed!);
  const figs = findings.filter((f) => f.rule.startsWith('figures/'));
  assert.equal(figs.length, 1, figs.map((f) => `${f.rule} ${f.message.zh}`).join('\n'));
  const f = figs[0];
  assert.equal(f.rule, 'figures/named-count');
  // The span is in the original text, pinyin annotations included.
  assert.equal(seed!.slice(f.start, f.end).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''), '新任科級干部8人');
  assert.match(f.message.en, /2 \+ 5 = 7 ≠ 8/);
  // Related information points at the count and at both groups of names.
  const rel = (f.related ?? []).map((r) => seed!.slice(r.start, r.end));
  assert.ok(rel.some((r) => r.startsWith('8人')));
  assert.ok(rel.some((r) => r.startsWith('劉玲')));
  assert.ok(rel.some((r) => r.startsWith('文娜')));
});

test('seed: the 4 = 2 + 1 + 1 count and the 18 branches hold', { skip: !seed }, () => {
  const doc = new ReportDocument(seed!);
  const rels = figures(doc).relations;
  const four = rels.find((r) => r.rule === 'figures/named-count' && r.arithmetic === '2 + 1 + 1 = 4');
  assert.ok(four?.ok, 'named-count 2 + 1 + 1 = 4');
  const branches = rels.find((r) => r.rule === 'figures/parts-total' && r.quantities[0].value === 18);
  assert.ok(branches?.ok, 'parts-total 5 + 3 ≤ 18');
});

const CORRECT = ['P01.txt', 'P02.txt', 'P03.txt', 'P04.txt', 'P05.txt', 'P11.txt'];
for (const name of CORRECT) {
  const file = path.join(CORPUS, name);
  test(`corpus ${name}: no figure findings on a correct report`, { skip: !fs.existsSync(file) }, () => {
    const { findings } = check(fs.readFileSync(file, 'utf8'));
    const figs = findings.filter((f) => f.rule.startsWith('figures/'));
    assert.deepEqual(figs.map((f) => `${f.rule} ${f.message.zh}`), []);
  });
}

test('hover on a number shows its reading and its relations', () => {
  const text = '新任科级干部3人，刘玲、李娜被提拔为科级干部。';
  const doc = new ReportDocument(text);
  const ctx = { config: withDefaults({}), locale: 'zh' as const };
  const h = hoverAt(doc, text.indexOf('3人'), ctx);
  assert.ok(h);
  assert.equal(text.slice(h.start, h.end), '3人');
  assert.match(h.markdown, /数值 3/);
  assert.match(h.markdown, /2 ≠ 3/);
  const en = hoverAt(doc, text.indexOf('李娜'), { ...ctx, locale: 'en' });
  assert.ok(en);
  assert.match(en.markdown, /named people vs count/);
});

test('hover on an ordinal says it is not a count', () => {
  const text = '学习党的十八届三中全会精神。';
  const doc = new ReportDocument(text);
  const h = hoverAt(doc, text.indexOf('十八'), { config: withDefaults({}), locale: 'en' });
  assert.ok(h);
  assert.match(h.markdown, /not a count/);
});

test('figures are memoised on the document', () => {
  const doc = new ReportDocument('全市共有支部18个，其中县区支部5个。');
  assert.equal(figures(doc), figures(doc));
});

test('the figures analysis of the seed stays fast', { skip: !seed }, () => {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const doc = new ReportDocument(seed!);
    doc.view;
    const t = process.hrtime.bigint();
    figures(doc);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  // About 0.6 ms on a laptop; the bound is generous for slow CI machines.
  assert.ok(times[30] < 20, `median ${times[30].toFixed(2)} ms`);
});

test('hostile input stays linear', () => {
  const chunks = ['其中1人、', '3个方面：', '共计5项', '“四个到位”：', '由1增加到2，增长3%', '占5%', '刘玲、李娜2人'];
  // ~43k characters on one line with no sentence end; a quadratic finder would take minutes.
  const text = chunks.join('').repeat(1000);
  const t = Date.now();
  const doc = new ReportDocument(text);
  figures(doc);
  assert.ok(Date.now() - t < 15000, `${Date.now() - t} ms`);
});

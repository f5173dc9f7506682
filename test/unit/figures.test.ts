// Figures on whole documents: nothing on the correct corpus reports (the pasted report's
// one contradiction is in test/reports/suite.ts), hover on numbers, memoisation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import { withDefaults } from '../../server/src/core/config/config';
import { hoverAt } from '../../server/src/core/authoring/hover';
import { ReportDocument } from '../../server/src/core/model/document';
import { figures } from '../../server/src/core/rules/figures';
import { CORPUS } from '../paths';

const CORRECT = ['P01.txt', 'P02.txt', 'P03.txt', 'P04.txt', 'P05.txt', 'P11.txt'];
for (const name of CORRECT) {
  const file = path.join(CORPUS, name);
  test(`corpus ${name}: no figure findings on a correct report`, () => {
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
  assert.match(h.markdown, /数值3/);
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

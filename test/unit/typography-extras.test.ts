// Typography beyond the fixtures: term pattern validation, the config file's refusal of
// unsafe patterns, script conversion (commands), and fix idempotence on the corpus.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { fixEdits } from '../../server/src/core/types';
import { parseConfig, type ConfigProblem } from '../../server/src/core/config/validate';
import { fixAll } from '../../server/src/core/run/fix';
import { unsafeRegex } from '../../server/src/core/rules/terms/pattern';
import { convertScript } from '../../server/src/core/script/convert';
import { conversionEdits } from '../../server/src/lsp/features/commands';
import { CORPUS } from '../paths';
import { PASTED_FILE } from '../reports/pasted';

test('terms: catastrophic and unsupported patterns are refused, plain ones accepted', () => {
  for (const bad of ['(a+)+$', '(a*)*', '(a|aa)+', '(x+x+)+y', '(\\w+\\s?)*$', '(.)\\1', '(?<=a)b', '(a', 'a'.repeat(201)]) {
    assert.ok(unsafeRegex(bad), `should refuse ${bad}`);
  }
  for (const ok of ['走访群众\\d+次', '(?:十四五|十三五)规划', '[甲乙丙]方', 'a{1,3}b', '(ab)?c']) {
    assert.equal(unsafeRegex(ok), undefined, ok);
  }
});

test('terms: a refused regex in the config file is one clear problem', () => {
  const problems: ConfigProblem[] = [];
  const cfg = parseConfig({ terms: [{ wrong: '(a+)+', right: 'x', regex: true }, { wrong: '带领导', right: '带领' }] }, problems);
  assert.equal(cfg.terms?.length, 1);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message.en, /nested quantifiers/);
});

test('script: conversion both ways is phrase-aware and keeps garbled runs and annotations', () => {
  assert.equal(convertScript('皇后说干部怎么显著地发展了', 'traditional'), '皇后說幹部怎麼顯著地發展了');
  assert.equal(convertScript('幹部隊伍建設成效顯著，先後組建', 'simplified'), '干部队伍建设成效显著，先后组建');
  const text = '當(dāng)前工作確?;顒?dòng)不流于形式';
  const doc = TextDocument.create('file:///a.report', 'workreport', 1, text);
  const [edit] = conversionEdits(doc, 'simplified');
  const out = TextDocument.applyEdits(doc, [edit]);
  assert.ok(out.includes('(dāng)') && out.includes('?;顒?dòng)'), out);
  assert.ok(out.startsWith('当(dāng)前工作'), out);
});

test('script: the traditional corpus report and the pasted report are not mixed; simplified reports neither', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => /^P\d+\.(txt|md)$/.test(f) && f !== 'P10.txt');
  for (const f of [...files.map((f) => path.join(CORPUS, f)), PASTED_FILE]) {
    const mixing = check(fs.readFileSync(f, 'utf8')).findings.filter((x) => x.rule === 'text/script-mixing');
    assert.deepEqual(mixing.map((x) => x.start), [], f);
  }
});

test('typography: no finding on the correct corpus reports, fixing all is stable everywhere', () => {
  for (const f of fs.readdirSync(CORPUS).filter((f) => /^P\d+\.(txt|md)$/.test(f))) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    if (['P01', 'P02', 'P03', 'P04', 'P05', 'P11'].includes(f.slice(0, 3))) {
      const typo = check(text).findings.filter((x) => /^(punct|numbers|text|terms)\//.test(x.rule) && x.severity !== 'hint');
      assert.deepEqual(typo.map((x) => `${x.rule} ${text.slice(x.start, x.end)}`), [], f);
    }
    const once = fixAll(text).text;
    assert.equal(fixAll(once).text, once, f);
  }
});

test('stray-space: the words of an odd run, kept across documents, name that run’s own characters and its own fix', () => {
  // reportOdd keeps its words by the run and its replacement: a key that let two runs share
  // words would name another run's characters, or say 删除 for a run replaced by a space.
  const chars = ['\u00a0', '\u202f', '\u2003', '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', ' ', '\u3000'];
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom('文', 'a', '。'), { minLength: 5, maxLength: 5 }), (runs, after) => {
      const text = runs.map((r, k) => '中' + r.join('') + after[k]).join('') + '\n';
      for (const f of check(text).findings.filter((x) => x.rule === 'text/stray-space')) {
        const run = text.slice(f.start, f.end);
        const named = new Set([...f.message.zh.matchAll(/U\+([0-9A-F]{4})/g)].map((m) => parseInt(m[1], 16)));
        const odd = new Set([...run].map((ch) => ch.charCodeAt(0)).filter((c) => c !== 0x20));
        if (!named.size) continue; // a plain space between Chinese characters: not an odd run
        assert.deepEqual([...named].sort(), [...odd].sort(), `${JSON.stringify(run)}: ${f.message.zh}`);
        const edits = fixEdits(f);
        assert.equal(edits.length, 1);
        assert.equal(f.message.zh.endsWith('应删除'), edits[0].newText === '', f.message.zh);
      }
    }),
    { numRuns: 3000 },
  );
});

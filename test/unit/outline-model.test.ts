// The outline model: heading tree, title block and intro, template choice, and the
// outline rules on the public corpus (the pasted report's outline: test/reports/suite.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import { withDefaults } from '../../server/src/core/config/config';
import { ReportDocument } from '../../server/src/core/model/document';
import type { Section } from '../../server/src/core/model/headings';
import { hanOrdinal, readNumbering } from '../../server/src/core/model/numbering';
import fc from 'fast-check';
import { chooseTemplate } from '../../server/src/core/outline/templates';
import { documentTitle } from '../../server/src/core/outline/structure';
import { outlineRules } from '../../server/src/core/rules/outline';
import { CORPUS } from '../paths';

function shape(ss: Section[]): unknown[] {
  return ss.map((s) => (s.children.length ? [s.heading.title, shape(s.children)] : s.heading.title));
}

test('corpus: each document gets the template its key names', () => {
  const key = fs.readFileSync(path.join(CORPUS, 'key.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const k of key) {
    const doc = new ReportDocument(fs.readFileSync(path.join(CORPUS, k.file), 'utf8'));
    assert.equal(chooseTemplate(doc, withDefaults({})).template.name, k.template, k.id);
  }
});

test('CRLF, BOM, half-width brackets and traditional characters give the same tree', () => {
  const lf = '关于工作的经验材料\n一、主要做法\n（一）抓落实\n内容。\n（二）抓学习\n内容。\n二、工作成效\n内容。\n三、几点体会\n内容。';
  const variant = '\ufeff關於工作的經驗材料\r\n一、主要做法\r\n(一)抓落實\r\n內容。\r\n(二)抓學習\r\n內容。\r\n二、工作成效\r\n內容。\r\n三、幾點體會\r\n內容。';
  const a = new ReportDocument(lf);
  const b = new ReportDocument(variant);
  assert.deepEqual(shape(b.sections), shape(a.sections));
  const h = b.sections[0].children[1].heading;
  assert.equal(variant.slice(h.span.start, h.span.end), '(二)抓學習');
  assert.equal(h.numbering?.style, 'han-halfparen');
  assert.equal(documentTitle(b), '关于工作的经验材料');
});

test('characters outside the BMP do not shift heading spans', () => {
  const text = '一、主要做法\n（一）𠀾家村的做法\n内容。';
  const doc = new ReportDocument(text);
  const h = doc.sections[0].children[0].heading;
  assert.equal(text.slice(h.titleSpan.start, h.titleSpan.end), '𠀾家村的做法');
});

test('body lines that begin with a number are not headings', () => {
  for (const line of ['1.2亿元资金全部到位。', '2023年全年完成任务。', '3个社区获评先进。', '1、2月份开展整治。', '一、二等奖各若干名。', '10.5%的受访者认为……']) {
    const doc = new ReportDocument(`一、主要做法\n${line}`);
    assert.equal(doc.sections[0].children.length, 0, line);
  }
  assert.equal(readNumbering('一、2024年工作情况')?.level, 1);
  assert.equal(readNumbering('①分工到人')?.level, 5);
  assert.equal(readNumbering('（一）、打造品牌')?.style, 'han-paren-dun');
});

// The marker reader tests its patterns and reads the numeral by hand (no match array): on any
// line it must read what matching the same patterns reads — the style, value, length and level
// of the first pattern that matches with a value. The patterns are written out here as the
// reference; a pattern changed in numbering.ts without this one fails the test.
test('numbering: the markers read by hand are the patterns’ matches', () => {
  const REFERENCE: [RegExp, string, number, boolean][] = [
    [/^（([一二三四五六七八九十]{1,3})）、/, 'han-paren-dun', 2, true],
    [/^（([一二三四五六七八九十]{1,3})）/, 'han-paren', 2, true],
    [/^([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十][、等季])/, 'han-dun', 1, true],
    [/^([一二三四五六七八九十]{1,3})[.．](?![0-9一二三四五六七八九十])/, 'han-dot', 1, true],
    [/^（([0-9]{1,2})）/, 'arabic-paren', 4, false],
    [/^([0-9]{1,2})[.．](?![0-9])/, 'arabic-dot', 3, false],
    [/^([0-9]{1,2})、(?![0-9]{1,2}(?![0-9]))/, 'arabic-dun', 3, false],
    [/^([0-9]{1,2})[)）](?![0-9])/, 'arabic-halfparen', 4, false],
  ];
  const reference = (line: string) => {
    for (const [re, style, level, han] of REFERENCE) {
      const m = re.exec(line);
      const value = m && (han ? hanOrdinal(m[1]) : Number(m[1]));
      if (m && value) return { style, value, length: m[0].length, level };
    }
    return undefined;
  };
  const piece = fc.constantFrom('一', '二', '三', '十', '〇', '0', '1', '2', '9', '（', '）', ')', '、', '.', '．', '等', '季', '年', '工作', ' ');
  let read = 0;
  // Most lines start as a marker would: an optional （, a run of numerals, a separator, then anything.
  const numerals = fc.oneof(
    fc.array(fc.constantFrom('一', '二', '三', '九', '十', '〇'), { maxLength: 4 }),
    fc.array(fc.constantFrom('0', '1', '2', '9'), { maxLength: 3 }),
  );
  const lines = fc.tuple(
    fc.constantFrom('', '', '（', '('),
    numerals,
    fc.constantFrom('）', '）、', ')', '、', '.', '．', '', '等'),
    fc.array(piece, { maxLength: 5 }),
  ).map(([open, num, sep, rest]) => open + num.join('') + sep + rest.join(''));
  fc.assert(
    fc.property(fc.oneof(lines, fc.array(piece, { maxLength: 8 }).map((a) => a.join(''))), (line) => {
      // ①…⑳ and ㈠/⑴/⒈ are read without the patterns; none is generated here.
      const got = readNumbering(line);
      const want = reference(line);
      if (want) read++;
      assert.deepEqual(got && { style: got.style, value: got.value, length: got.length, level: got.level }, want, JSON.stringify(line));
    }),
    { numRuns: 5000 },
  );
  assert.ok(read > 200, `${read} of 5,000 random lines hold a marker`);
});

test('Markdown: # is the title, ## 一、 is level 1, unnumbered ### nests below', () => {
  const doc = new ReportDocument('# 标题\n\n## 一、主要做法\n\n### 统一服务\n\n内容。\n\n## 二、工作成效\n\n内容。');
  assert.deepEqual(shape(doc.sections), [['主要做法', ['统一服务']], '工作成效']);
  assert.equal(documentTitle(doc), '标题');
});

test('templates: title breaks a tie, a setting overrides, user templates join', () => {
  const text = '某某同志述职报告\n一、主要工作\n内容。\n二、存在的不足\n内容。';
  // 主要工作 and 存在的不足 fit both 工作总结 and 述职报告; the title says 述职.
  assert.equal(chooseTemplate(new ReportDocument(text), withDefaults({})).template.name, '述职报告');
  assert.equal(chooseTemplate(new ReportDocument(text), withDefaults({ template: '工作总结' })).template.name, '工作总结');
  const user = withDefaults({ templates: [{ name: '风险报告', sections: [{ key: 'a', title: '基本情况', matches: ['基本情况'] }, { key: 'b', title: '风险研判', matches: ['风险研判'] }] }] });
  assert.equal(chooseTemplate(new ReportDocument('一、基本情况\n内容。\n二、风险研判\n内容。'), user).template.name, '风险报告');
});

test('outline rules on the corpus: the planted outline errors, and nothing on the correct documents', () => {
  const ids = new Set(outlineRules.map((r) => r.id));
  const key = fs.readFileSync(path.join(CORPUS, 'key.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const k of key) {
    const text = fs.readFileSync(path.join(CORPUS, k.file), 'utf8');
    const found = check(text).findings.filter((f) => ids.has(f.rule) && (f.severity === 'error' || f.severity === 'warning'));
    const planted = k.errors.filter((e: { rule: string }) => ids.has(e.rule) && e.rule !== 'outline/numbering-style');
    assert.deepEqual(found.map((f) => f.rule), planted.map((e: { rule: string }) => e.rule), k.id);
  }
});

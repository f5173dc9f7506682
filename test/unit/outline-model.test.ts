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
import { readNumbering } from '../../server/src/core/model/numbering';
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

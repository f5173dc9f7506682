// The heading model: what kind of line each numbered line is (a title, a run-in heading, an
// item with its own content, a part), and what is not a heading though numbered (table rows,
// the entries of a table of contents). The outline rules read only this model.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/core/model/document';
import { isTableRow } from '../../server/src/core/model/headings';
import { enclosedMarker } from '../../server/src/core/model/numbering';
import { entryKey } from '../../server/src/core/model/contents';
import { numberedGroups } from '../../server/src/core/outline/siblings';
import { startsAtBeginning, textLostBetween } from '../../server/src/core/outline/structure';

function kinds(text: string): string[] {
  const doc = new ReportDocument(text);
  return doc.headings.map((h) => `${h.level}:${h.kind}:${h.title}`);
}

test('a title line holds the title alone', () => {
  assert.deepEqual(kinds('一、主要做法\n（一）织密网格，做实末梢\n1.建强阵地\n（1）统一标识'), [
    '1:title:主要做法',
    '2:title:织密网格，做实末梢',
    '3:title:建强阵地',
    '4:title:统一标识',
  ]);
  assert.deepEqual(kinds('# 标题\n## 一、主要做法\n### 工作成效'), ['0:title:标题', '1:title:主要做法', '2:title:工作成效']);
});

test('years are part of a title; other figures make a statement', () => {
  assert.deepEqual(kinds('一、2024年工作回顾\n二、20__年工作打算\n三、2021—2025年发展规划'), [
    '1:title:2024年工作回顾',
    '1:title:20__年工作打算',
    '1:title:2021—2025年发展规划',
  ]);
  assert.deepEqual(kinds('一、全乡耕地面积3.2万亩\n（一）新建服务站6个'), ['1:item:全乡耕地面积3.2万亩', '2:item:新建服务站6个']);
});

test('a run-in heading has its body on the line', () => {
  const doc = new ReportDocument('（一）抓落实。市委会高度重视。');
  assert.equal(doc.headings[0].kind, 'run-in');
  assert.equal(doc.headings[0].runIn, true);
  assert.equal(doc.headings[0].title, '抓落实');
});

test('sentences, list items and labels are items', () => {
  assert.deepEqual(kinds('3、举办培训班。\n（一）组织收入；\n1.先进个人：王明、李华\n2.地点:会议室\n（二）主要表现在：'), [
    '3:item:举办培训班',
    '2:item:组织收入；',
    '3:item:先进个人：王明、李华',
    '3:item:地点：会议室',
    '2:item:主要表现在：',
  ]);
  // Longer than a title, without a sentence end: a numbered paragraph.
  const long = '（一）在本行政区域内保证宪法法律行政法规和上级决议决定的遵守和执行并监督本级人民政府的日常工作';
  assert.equal(new ReportDocument(long).headings[0].kind, 'item');
});

test('parts sit above the numbered levels and start numbering again', () => {
  const doc = new ReportDocument('第一部分 单位概况\n一、主要职能\n内容。\n二、机构设置\n内容。\n第二部分：决算说明\n一、收入情况\n内容。');
  assert.deepEqual(doc.headings.map((h) => `${h.level}:${h.kind}:${h.title}`), [
    '0:part:单位概况',
    '1:title:主要职能',
    '1:title:机构设置',
    '0:part:决算说明',
    '1:title:收入情况',
  ]);
  assert.deepEqual(doc.sections.map((s) => s.part), [1, 1, 2]);
  // The section before a part ends at the part line.
  assert.equal(doc.sections[1].end, doc.lines[5].start);
  assert.deepEqual(numberedGroups(doc).map((g) => g.items.map((s) => s.heading.numbering!.value)), [[1, 2], [1]]);
  // A sentence that mentions a chapter is no part.
  assert.equal(new ReportDocument('第一章规定了总则，第二章规定了职责。').headings.length, 0);
});

test('table rows are not headings', () => {
  for (const row of ['一、工资性收入 | 26837 | 25244', '二、衣着\t1020\t918', '三、居住    7146    6622', '｜四、交通｜3060｜']) {
    assert.ok(isTableRow(row), row);
    assert.equal(new ReportDocument(row).headings.length, 0, row);
  }
  for (const line of ['一、主要做法', '（一）抓落实，高位推动', '1. 医疗服务质量稳步提升', '三、共同参与， 全民健身']) assert.ok(!isTableRow(line), line);
});

test('a table of contents is not headings: after 目录, or repeated as the headings', () => {
  const withMark = new ReportDocument('某单位决算\n目 录\n第一部分：概况\n一、主要职能\n二、机构设置\n第二部分：报表\n第一部分：概况\n一、主要职能\n负责全市的工作。');
  assert.deepEqual(withMark.headings.map((h) => h.line), [6, 7]);
  const repeated = new ReportDocument('一、基本情况\n二、主要做法\n三、工作成效\n一、基本情况\n内容。\n二、主要做法\n内容。\n三、工作成效\n内容。');
  assert.deepEqual(repeated.headings.map((h) => h.line), [3, 5, 7]);
  // Consecutive headings whose first one never comes again are an outline, not contents.
  const outline = new ReportDocument('一、上半年工作\n（一）党建工作\n1.组织建设\n内容。\n二、下半年打算\n（一）党建工作\n1.组织建设\n内容。');
  assert.equal(outline.headings.length, 6);
  assert.equal(entryKey('一、 主要职能……3'), entryKey('一、主要职能'));
});

test('tables of contents after 目录: each block read, a 目录 among a block\'s entries is one of them, a line that only holds 目 is none', () => {
  // Two blocks, each before its part; the second 目 次 is found after the first block ends.
  const two = new ReportDocument('上篇\n目录\n一、概况\n二、做法\n正文开始。\n一、概况\n内容。\n下篇\n目 次\n一、成效\n二、体会\n正文开始。\n一、成效\n内容。\n二、体会\n内容。');
  assert.deepEqual(two.headings.map((h) => h.line), [5, 12, 14]);
  // 目录 read as an entry of the block it stands in: no second block starts there, and the entry after it ends nothing.
  const inside = new ReportDocument('报告\n目录\n一、概况\n目录\n二、做法\n正文。\n一、概况\n内容。\n二、做法\n内容。');
  assert.deepEqual(inside.headings.map((h) => h.line), [6, 8]);
  // 项目 lines hold 目 and say no 目录.
  const project = new ReportDocument('报告\n项目目录管理\n一、项目概况\n内容。\n二、目标任务\n内容。');
  assert.deepEqual(project.headings.map((h) => h.line), [2, 4]);
});

test('Markdown: a title over plain headings, a lone top heading and subtitles are level 0', () => {
  const plain = new ReportDocument('# 关于某项工作的经验材料\n一、主要做法\n内容。');
  assert.deepEqual(plain.headings.map((h) => h.level), [0, 1]);
  const lone = new ReportDocument('# 工作总结\n## 工作开展情况\n内容。\n## 存在的问题\n内容。');
  assert.deepEqual(lone.headings.map((h) => h.level), [0, 1, 1]);
  const sub = new ReportDocument('# 标题\n## ——副标题\n导语。\n## 一、主要做法\n内容。');
  assert.deepEqual(sub.headings.map((h) => h.level), [0, 0, 1]);
  assert.equal(sub.sections.length, 1);
});

test('the beginning of a text, and text lost from a copy', () => {
  assert.ok(startsAtBeginning(new ReportDocument('某局工作总结\n今年我局各项工作取得新进展。\n二、工作情况\n内容。')));
  assert.ok(!startsAtBeginning(new ReportDocument('某局工作总结\n二、工作情况\n内容。')));
  assert.ok(!startsAtBeginning(new ReportDocument('二、工作情况\n内容。')));
  const cut = new ReportDocument('一、情况\n主要表现在：\n三、建议');
  assert.ok(textLostBetween(cut, 0, 2));
  const broken = new ReportDocument('一、情况\n全镇共有行政村16个，常住人口3.2万人，近年来发展较快，但是\n三、建议');
  assert.ok(textLostBetween(broken, 0, 2));
  const whole = new ReportDocument('一、情况\n全年排查隐患120处，已全部整改。\n（一）小标题\n内容完整。\n三、建议');
  assert.ok(!textLostBetween(whole, 0, 4));
});

test('one-character markers from word processors: ㈠ ⑴ ⒈ number their levels', () => {
  const doc = new ReportDocument('一、主要做法\n㈠建强阵地\n⒈统一标识\n⑴挂牌\n内容。\n㈡壮大队伍\n内容。');
  assert.deepEqual(doc.headings.map((h) => `${h.level}:${h.numbering?.value}:${h.title}`), ['1:1:主要做法', '2:1:建强阵地', '3:1:统一标识', '4:1:挂牌', '2:2:壮大队伍']);
  assert.equal(enclosedMarker('㈡', 3), '㈢');
  assert.equal(enclosedMarker('⑴', 20), '⒇');
  assert.equal(enclosedMarker('（一）', 2), undefined);
});

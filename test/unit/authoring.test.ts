// Authoring helpers of the core: 字数, heading completions, heading hover, snippets,
// ignore fingerprints, the figures table.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import { withDefaults } from '../../server/src/core/config/config';
import { countChars } from '../../server/src/core/authoring/count';
import { renderFiguresTable, relationsFromFindings } from '../../server/src/core/authoring/figures-table';
import { fingerprint } from '../../server/src/core/run/ignore';
import { ReportDocument } from '../../server/src/core/model/document';
import { headingCompletions, mayComplete } from '../../server/src/core/outline/heading-completions';
import { chooseTemplate } from '../../server/src/core/outline/templates';
import { ROOT } from '../paths';

const config = withDefaults({});

describe('字数 (countChars) counts as Word/WPS do', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['中文', 2],
    ['中文，标点。', 6],
    ['2013年7月以来，', 7],
    ['GB/T 9704', 2],
    ['2014-11-24', 1],
    ['  \n\t\u3000 ', 0],
    ['正 文 ,  . ;', 2],
    ['“四个结合”', 6],
    ['𠀾字', 2], // outside the BMP: one character
    ['Work Report Checker', 3],
    ['１８人', 3], // full-width digits are full-width characters
  ];
  for (const [text, n] of cases) test(JSON.stringify(text), () => assert.equal(countChars(text).words, n));

  test('a span is counted alone', () => {
    assert.equal(countChars('甲乙丙丁', { start: 1, end: 3 }).words, 2);
  });
});

function completionsAt(text: string, marker = '|') {
  const offset = text.indexOf(marker);
  const doc = new ReportDocument(text.slice(0, offset) + text.slice(offset + 1));
  return headingCompletions(doc, offset, config);
}

describe('heading completions', () => {
  const report = ['标题', '', '一、主要做法', '', '正文。', '', '二、工作成效', '', '成效正文。', '', '|'].join('\n');

  test('after 二、 the next ordinal 三、 and the missing section 三、几点体会', () => {
    const labels = completionsAt(report).map((c) => c.label);
    assert.ok(labels.includes('三、'), labels.join(' '));
    assert.ok(labels.includes('三、几点体会'), labels.join(' '));
    assert.ok(labels.includes('（一）'), 'first level-2 item');
    assert.ok(!labels.some((l) => l.includes('主要做法')), 'present sections are not offered');
  });

  test('a typed marker prefix filters, and the edit replaces it', () => {
    const text = report.replace('|', '三|');
    const cs = completionsAt(text);
    assert.deepEqual(cs.map((c) => c.label), ['三、', '三、几点体会']);
    const start = text.indexOf('三|');
    assert.equal(cs[0].replaceStart, start);
    assert.equal(cs[0].replaceEnd, start + 1);
  });

  test('after a complete level-1 marker: section titles, the missing one first', () => {
    const cs = completionsAt(report.replace('|', '三、|'));
    assert.equal(cs[0].label, '几点体会');
    assert.ok(cs.every((c) => c.kind === 'title'));
  });

  test('a missing section is offered only where it belongs in the template order', () => {
    // 工作成效 is missing between 主要做法 and 几点体会: offered there, not after 几点体会.
    const middle = ['一、主要做法', '正文。', '|', '二、几点体会', '正文。'].join('\n');
    assert.ok(completionsAt(middle).some((c) => c.label === '二、工作成效'), 'between 做法 and 体会');
    const end = ['一、主要做法', '正文。', '二、几点体会', '正文。', '|'].join('\n');
    assert.ok(!completionsAt(end).some((c) => c.kind === 'section'), 'nothing after the last template section');
    assert.deepEqual(completionsAt(end.replace('|', '三、|')), []);
    // 工作总结 with 下一步工作打算 already written: 存在的问题 belongs before it, not at the end.
    const summary = ['某局2025年工作总结', '一、工作开展情况', '正文。', '二、下一步工作打算', '正文。', '|'].join('\n');
    assert.ok(!completionsAt(summary).some((c) => c.label.includes('存在的问题')));
    assert.ok(!completionsAt(summary.replace('|', '三|')).some((c) => c.label.includes('存在的问题')));
    assert.ok(!completionsAt(summary.replace('|', '三、|')).some((c) => c.label.includes('存在的问题')));
  });

  test('a section the report has is never offered, a combined heading included', () => {
    const text = ['一、主要做法和成效', '正文。', '|'].join('\n');
    const labels = completionsAt(text).map((c) => c.label);
    assert.ok(labels.includes('二、几点体会'), labels.join(' '));
    assert.ok(!labels.some((l) => l.includes('工作成效') || l.includes('主要做法')), labels.join(' '));
    assert.deepEqual(completionsAt(text.replace('|', '二、|')).map((c) => c.label), ['几点体会']);
  });

  test('level-2 and level-3 ordinals follow the writer’s own style', () => {
    const text = ['一、主要做法', '（一）抓落实', '1、第一条。', '2、第二条。', '|'].join('\n');
    const labels = completionsAt(text).map((c) => c.label);
    assert.deepEqual(labels.slice(0, 3), ['3、', '（二）', '二、']);
  });

  test('never inside body text', () => {
    assert.deepEqual(completionsAt(report.replace('正文。', '正文|。')), []);
    assert.deepEqual(completionsAt(report.replace('|', '我们|')), []);
    assert.deepEqual(completionsAt(report.replace('|', '二是|')), []);
  });

  test('a whole marker typed before text, or a whole marker below level 1, is offered nothing — and the line alone says so', () => {
    // 三、 typed at the start of a paragraph makes it a heading: its title is there already.
    const cases = [
      report.replace('成效正文。', '三、|成效正文。'),
      report.replace('|', '四、|总结经验'),
      report.replace('|', '（二）|'),
    ];
    for (const text of cases) {
      assert.deepEqual(completionsAt(text), [], text);
      const at = text.indexOf('|');
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
      assert.equal(mayComplete(text.slice(lineStart, at), text.slice(at + 1, lineEnd)), false, text);
    }
    // At the line's end a level-1 marker gets the titles, and the gate lets it through.
    assert.equal(mayComplete('三、', ''), true);
    assert.equal(mayComplete('三、', '  '), true);
  });

  test('after a ① item (the customary fifth level) the next one is offered, named for its level', () => {
    const cases = [
      '①一\n|',
      ['一、主要做法', '（一）抓学习', '1.学习', '（1）计划', '①先学原文', '|'].join('\n'),
      ['一、主要做法', '①先学原文。', '正文。', '|'].join('\n'),
    ];
    for (const text of cases) {
      const next = completionsAt(text).find((c) => c.label === '②');
      assert.ok(next, text);
      assert.deepEqual(next.detail, { zh: '下一个五级标题', en: 'next level-5 heading' }, text);
    }
  });

  test('an empty document starts with 一、', () => {
    assert.ok(completionsAt('|').some((c) => c.label === '一、'));
  });

  test('Markdown: the #s stay, the marker follows them', () => {
    const text = ['# 标题', '', '## 一、主要做法', '', '正文。', '', '## |'].join('\n');
    const c = completionsAt(text).find((x) => x.label === '二、');
    assert.ok(c);
    assert.equal(c.replaceStart, text.indexOf('## |') + 3);
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'workreport.code-snippets'), 'utf8')) as Record<
    string,
    { prefix: string[]; body: string[] }
  >;
  /** The text a snippet inserts when every placeholder keeps its default. */
  const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  for (const name of ['经验材料', '工作总结', '述职报告', '调研报告']) {
    test(`${name}: the skeleton follows its template and checks clean`, () => {
      const s = snippets[`${name}：全文骨架`];
      assert.ok(s, 'skeleton snippet');
      const text = expand(s.body);
      const doc = new ReportDocument(text);
      const m = chooseTemplate(doc, config);
      assert.equal(m.template.name, name);
      assert.equal(m.score, 3);
      const bad = check(text, {}).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(bad.map((f) => `${f.rule} ${f.message.zh}`), []);
    });
  }
  test('a 抓X，Y item and one snippet per section', () => {
    assert.ok(Object.values(snippets).some((s) => s.prefix.includes('zhua') && s.body.join('').includes('抓${')));
    // No snippet is offered for a single common character typed in body text.
    assert.ok(Object.values(snippets).every((s) => s.prefix.every((p) => p.length >= 2)));
    for (const t of ['主要做法', '工作成效', '几点体会', '存在的问题', '对策建议']) {
      assert.ok(Object.values(snippets).some((s) => s.prefix[0] === t), t);
    }
  });
});

describe('ignore here', () => {
  test('the fingerprint survives edits elsewhere and lapses when its words change', () => {
    const text = '第一段有问题,这里。\n第二段。';
    const start = text.indexOf(',');
    const doc = new ReportDocument(text);
    const fp = fingerprint(text, doc.lines, start, start + 1);
    const edited = '新加的一行。\n' + text.replace('第二段', '第二段改了');
    const doc2 = new ReportDocument(edited);
    const s2 = edited.indexOf(',');
    assert.equal(fingerprint(edited, doc2.lines, s2, s2 + 1), fp);
    const changed = text.replace('有问题', '没问题');
    const doc3 = new ReportDocument(changed);
    assert.notEqual(fingerprint(changed, doc3.lines, start, start + 1), fp);
  });

  test('check() drops ignored findings of that rule only', () => {
    const text = '当(dāng)前位置';
    const all = check(text, {}).findings.filter((f) => f.rule === 'text/pinyin-annotation');
    assert.equal(all.length, 1);
    const doc = new ReportDocument(text);
    const entry = { rule: 'text/pinyin-annotation', text: fingerprint(text, doc.lines, all[0].start, all[0].end) };
    assert.equal(check(text, { ignore: [entry] }).findings.filter((f) => f.rule === entry.rule).length, 0);
    assert.equal(check(text, { ignore: [{ ...entry, rule: 'punct/halfwidth' }] }).findings.filter((f) => f.rule === entry.rule).length, 1);
  });
});

describe('figures table', () => {
  test('relations from the figure findings, with links back to the text', () => {
    const text = '标题\n\n新任干部3人，张三、李四被提拔。';
    const doc = new ReportDocument(text);
    const findings = [
      { rule: 'figures/named-count', severity: 'error' as const, start: text.indexOf('3人'), end: text.indexOf('3人') + 2, message: { zh: '2 ≠ 3', en: '2 ≠ 3' } },
    ];
    const md = renderFiguresTable(doc, { quantities: [{ start: text.indexOf('3人'), end: text.indexOf('3人') + 2, reading: '3 人 · 干部' }], relations: relationsFromFindings(findings, 'zh'), analysed: true }, {
      title: 'T',
      locale: 'zh',
      link: (_s, line, col) => `file:///r.txt#L${line},${col}`,
    });
    // One entry per relation: status in words (no emoji), kind, arithmetic, a link back.
    assert.match(md, /^- \*\*矛盾\*\* · figures\/named-count · `2 ≠ 3` · \[第3行\]\(file:\/\/\/r\.txt#L3,5\)$/m);
    assert.doesNotMatch(md, /[✅❌⚠]/u);
    // Below it the sentence as written, the number in bold.
    assert.match(md, /^ {2}新任干部\*\*3人\*\*，张三、李四被提拔。$/m);
    assert.match(md, /^- \*\*3人\*\* · 3 人 · 干部 · \[第3行\]/m);
  });
});

// Property: right after an edit, the server answers a completion from the last analysed version
// and the line being typed, rebuilt from that version's line and the changes since
// (lsp/features/completion.ts), when outline/heading-completions.ts outlineUnchangedBy says the
// line cannot change the outline. Wherever it says so, the answer is the one the new version's
// own model gives, at every cursor position on the line — on the reports and on random ones with
// what the rule depends on put in: tables of contents (目录, and runs of headings across blank
// lines), page furniture, Markdown, line ends of every kind, the line before any heading.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { splitLines } from '../../server/src/core/model/lines';
import { withDefaults } from '../../server/src/core/config/config';
import { headingCompletions, lineCompletions, outlineUnchangedBy } from '../../server/src/core/outline/heading-completions';
import { runs, SOURCES } from './gen';

const config = withDefaults({});

/** What the line held and what it holds now: markers typed in part or whole, nothing, and lines that are not bare (refused). */
const LINE = ['', '三', '三、', '四、', '（', '（二', '（二）', '(三)', '2', '2.', '１', '①', '\u3000\u3000', '\u3000\u3000三、', '  （', '#', '# 三、', '三、总结', '目录', '第3页', '十一、'];

/** `text` with line `k` reading `line` instead. */
function withLine(text: string, k: number, line: string): string {
  const ls = splitLines(text);
  return text.slice(0, ls[k].start) + line + text.slice(ls[k].end);
}

/** The stale answer against the fresh one at every cursor position of line k, where the rule accepts; whether it did. */
function compare(text: string, k: number, oldLine: string, newLine: string): boolean {
  const before = new ReportDocument(withLine(text, k, oldLine));
  if (!outlineUnchangedBy(before, k, oldLine, newLine)) return false;
  const after = new ReportDocument(withLine(text, k, newLine));
  const start = after.lines[k].start;
  assert.equal(before.lines[k].start, start);
  for (let c = 0; c <= newLine.length; c++) {
    const want = headingCompletions(after, start + c, config);
    const got = lineCompletions(before, k, newLine, c, config);
    assert.deepStrictEqual(got, want, `line ${k} ${JSON.stringify(oldLine)} → ${JSON.stringify(newLine)}, cursor ${c}, in ${JSON.stringify(text.slice(Math.max(0, start - 60), start + 60))}`);
  }
  return true;
}

test('completion from the last analysed version: the new version’s own answer wherever the line cannot change the outline (reports)', () => {
  let accepted = 0;
  let offered = 0;
  for (const text of SOURCES) {
    const n = splitLines(text).length;
    // Every line, each with a few pairs of line texts before and after (by turns).
    for (let k = 1; k < n; k++) {
      for (let j = 0; j < 4; j++) {
        const oldLine = LINE[(k + j) % LINE.length];
        const newLine = LINE[(k * 3 + j * 5) % LINE.length];
        if (compare(text, k, oldLine, newLine)) {
          accepted++;
          if (lineCompletions(new ReportDocument(withLine(text, k, oldLine)), k, newLine, newLine.length, config).length) offered++;
        }
      }
    }
  }
  // The rule is no stub: it accepts most bare lines after the first heading, and they get completions.
  assert.ok(accepted > 200, `only ${accepted} lines accepted`);
  assert.ok(offered > 50, `only ${offered} accepted lines with completions`);
});

/** The bare lines of LINE: a marker typed in part or whole, or nothing. */
const BARE = LINE.filter((l) => !/[#目第总]/.test(l));

/** Lines to build heading-dense texts of: headings of three levels (run-in ones too), blank lines, prose, 目录, page furniture, Markdown. */
const PARTS = ['（一）抓学习。组织学习12次。', '（二）抓落实。全年督办8件。', '一、总体情况', '二、主要做法', '三、几点体会', '四、存在问题', '（一）抓学习', '（二）抓落实', '（三）抓作风', '1.学习', '2.落实', '', '', '正文内容。', '目录', '目　录', '第3页', '工作总结', '## 二、做法', '# 标题'];

test('completion from the last analysed version: the new version’s own answer wherever the line cannot change the outline (random heading-dense texts: tables of contents, furniture, Markdown)', () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 4, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.nat(), fc.constantFrom(...BARE), fc.constantFrom(...BARE), (lines, eol, at, oldLine, newLine) => {
      if (compare(lines.join(eol) + eol, 1 + (at % (lines.length - 1)), oldLine, newLine)) accepted++;
    }),
    runs(2000),
  );
  assert.ok(accepted > 50, `only ${accepted} cases accepted`);
});

test('completion from the last analysed version: refused where the typed line may change the outline — it ends a run of headings that read as a table of contents, it stands in the title block, the text has a 目录', () => {
  // Texts where the last analysed version's outline gives another answer than the new
  // version's own (found by the property above with only the bare-line condition).
  const cases: [string, number, string, string][] = [
    ['\n2.落实\n\n## 二、做法\n三、几点体会\n\n2.落实\n（一）抓学习\n', 2, '', '（'],
    ['（三）抓作风\n\n（一）抓学习\n2.落实\n（一）抓学习\n　　三、\n2.落实\n一、总体情况\n第3页\n（一）抓学习\n', 5, '　　三、', ''],
    ['## 二、做法\n\n一、总体情况\n（三）抓作风\n（三）抓作风\n## 二、做法\n', 1, '', '（二'],
  ];
  for (const [text, k, oldLine, newLine] of cases) {
    const before = new ReportDocument(withLine(text, k, oldLine));
    const after = new ReportDocument(withLine(text, k, newLine));
    const start = after.lines[k].start;
    const differs = [...Array(newLine.length + 1).keys()].some((c) => JSON.stringify(lineCompletions(before, k, newLine, c, config)) !== JSON.stringify(headingCompletions(after, start + c, config)));
    assert.ok(differs, `the outlines give the same answers: ${JSON.stringify(text)}`);
    assert.equal(outlineUnchangedBy(before, k, oldLine, newLine), false, JSON.stringify(text));
  }
  // A 目录 line anywhere (its block takes short lines for entries): refused; a line that only holds 目 is no such line.
  const body = (extra: string) => ['工作总结', '一、总体情况', '全年推进项目建设。', '', '二、主要做法', '加强管理。', extra, '三、几点体会', '坚持不懈。', ''].join('\n');
  for (const extra of ['目录', '目　录', ' 目 次 ']) assert.equal(outlineUnchangedBy(new ReportDocument(body(extra)), 3, '', '（'), false, extra);
  for (const extra of ['项目目录管理', '目标明确。', '']) assert.equal(outlineUnchangedBy(new ReportDocument(body(extra)), 3, '', '（'), true, extra);
});

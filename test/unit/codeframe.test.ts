// The CLI's code frames and terminal widths, on spans the subprocess tests do not reach:
// insertion points, spans over several lines, related places on other lines, a BOM,
// combining marks. Expected columns are written out by hand.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeFrames } from '../../server/src/cli/codeframe';
import { cells, codePointWidth, stringWidth } from '../../server/src/cli/width';
import { splitLines } from '../../server/src/core/model/lines';

const plain = { gutter: (s: string) => s, secondary: (s: string) => s, dim: (s: string) => s };
const frames = (text: string, columns = 100) => new CodeFrames({ text, lines: splitLines(text) }, columns, plain, (n) => `to line ${n}`);

test('widths: Han, full-width marks, astral ideographs and emoji 2; ASCII, “”, … 1; combining marks, joiners, controls 0', () => {
  for (const ch of ['中', '，', '。', '\u3000', 'Ａ', '𠀀', '😀']) assert.equal(codePointWidth(ch), 2, ch);
  for (const ch of ['a', '1', '“', '”', '…', '·', 'ā']) assert.equal(codePointWidth(ch), 1, ch);
  for (const ch of ['\u0301', '\u200d', '\ufe0f', '\u200b', '\ufeff', '\u0007']) assert.equal(codePointWidth(ch), 0, ch.codePointAt(0)!.toString(16));
  assert.equal(stringWidth('工作总结2024年'), 4 * 2 + 4 + 2);
  assert.equal(stringWidth('e\u0301'), 1);
});

test('cells: offsets in UTF-16 units, tabs as four spaces, controls as control pictures, invisible characters as ␣', () => {
  const c = cells('\t𠀀a\u0001\u200b');
  assert.deepEqual(
    c.map((x) => [x.offset, x.text, x.width]),
    [
      [0, '    ', 4],
      [1, '𠀀', 2],
      [3, 'a', 1],
      [4, '\u2401', 1],
      [5, '\u2423', 1],
    ],
  );
});

test('an insertion point at the end of a line gets a caret after its last character', () => {
  const text = '一、主要做法\n我们做了工作';
  const end = text.length;
  assert.deepEqual(frames(text).frame({ start: end, end }), ['  2 | 我们做了工作', '    |             ^']);
});

test('a span over several lines is marked to the end of its first line and says where it ends', () => {
  const text = '第一段文字\n第二段文字\n第三段';
  assert.deepEqual(frames(text).frame({ start: 2, end: text.indexOf('三') }), ['  1 | 第一段文字', '    |     ^^^^^^ to line 3']);
});

test('related places on other lines are shown with their lines, "..." between lines that are apart', () => {
  const lines = ['合计12人', '', '', '其中男7人', '女4人'];
  const text = lines.join('\n');
  const at = (s: string) => text.indexOf(s);
  const frame = frames(text).frame({ start: at('12人'), end: at('12人') + 3, related: [{ start: at('7人'), end: at('7人') + 2 }, { start: at('4人'), end: at('4人') + 2 }] });
  assert.deepEqual(frame, ['  1 | 合计12人', '    |     ^^^^', '  ...', '  4 | 其中男7人', '    |       ---', '  5 | 女4人', '    |   ---']);
});

test('a byte-order mark takes no column on line 1', () => {
  const text = '\ufeff标题.';
  assert.deepEqual(frames(text).frame({ start: 3, end: 4 }), ['  1 | 标题.', '    |     ^']);
});

test('notes follow the frame; a narrow terminal still shows the span', () => {
  const text = '甲'.repeat(200) + '.' + '乙'.repeat(200);
  const frame = frames(text, 10).frame({ start: 200, end: 201 }, (s) => s, ['fix']);
  assert.equal(frame.length, 3);
  assert.match(frame[0], /^ {2}1 \| …甲+\.乙+…$/);
  assert.ok(stringWidth(frame[0]) <= 30, 'never narrower than 24 columns of text');
  // eslint-disable-next-line no-control-regex -- the ASCII range: one column each
  assert.equal(frame[1].indexOf('^'), frame[0].indexOf('.') + frame[0].slice(0, frame[0].indexOf('.')).replace(/[\x00-\x7f…]/g, '').length);
  assert.equal(frame[2], '    = fix');
});

// Property: splitLines (its native searches for CR and LF) cuts a text into the lines a reading
// of it character by character finds — LF, CRLF and a lone CR each one break — whole or from
// the start of any of its lines; and a version derived from the previous one takes the lines
// before the change over only when that reading would find them the same.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineIndexAt, PackedLines, splitLines, type Line } from '../../server/src/core/model/lines';
import { ReportDocument } from '../../server/src/core/model/document';
import { deriveDocument } from '../../server/src/core/model/derive';
import { runs } from './gen';

/** The lines found one character at a time: what splitLines must find. */
function linesByChar(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ index: lines.length, start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

/** Texts of a few characters between breaks of every kind, runs of them included. */
const text = fc.array(fc.constantFrom('\n', '\r\n', '\r', '\r\r', '\n\r', '\r\n\r', 'a', '工作', '一、总结', ' ', ''), { maxLength: 40 }).map((p) => p.join(''));

test('splitLines finds the lines a reading character by character finds, whole or from any line start', () => {
  fc.assert(
    fc.property(text, fc.nat(), (t, k) => {
      const want = linesByChar(t);
      assert.deepStrictEqual(splitLines(t), want);
      // From the start of line k, after the lines before it.
      const from = k % want.length;
      assert.deepStrictEqual(splitLines(t, want.slice(0, from), want[from].start), want);
    }),
    runs(500),
  );
});

test('a derived version has the lines of its text, with CRLF or a lone CR in either version', () => {
  const body = ['一、主要做法', '全年共组织培训12期，参训人员860人次。', '', '二、工作成效', '群众满意度稳步提升。'];
  const edits = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(3), ins: fc.constantFrom('\n', '\r\n', '\r', '，', '工作\r\n', '') });
  fc.assert(
    fc.property(fc.constantFrom('\n', '\r\n'), fc.array(edits, { minLength: 1, maxLength: 5 }), (eol, es) => {
      let t = Array.from({ length: 8 }, () => body.join(eol)).join(eol);
      let prev = new ReportDocument(t);
      void prev.lines;
      for (const e of es) {
        const at = Math.floor(e.at * t.length);
        t = t.slice(0, at) + e.ins + t.slice(at + e.del);
        const next = deriveDocument(prev, t);
        assert.deepStrictEqual(next.lines, linesByChar(t), JSON.stringify(t));
        next.derivation = undefined;
        prev = next;
      }
    }),
    runs(300),
  );
});

test('packed lines give each line back, and the line holding each offset as lineIndexAt finds it', () => {
  fc.assert(
    fc.property(text, (t) => {
      const lines = splitLines(t);
      const packed = PackedLines.of(lines);
      assert.equal(packed.length, lines.length);
      lines.forEach((l, i) => {
        assert.deepStrictEqual(packed.at(i), l);
        assert.deepStrictEqual([packed.start(i), packed.end(i)], [l.start, l.end]);
      });
      for (let offset = -1; offset <= t.length + 1; offset++) assert.equal(packed.indexAt(offset), lineIndexAt(lines, offset), `offset ${offset}`);
    }),
    runs(300),
  );
});

// Small edits: fix-all, Format Document and script conversion send one edit per changed run
// (core/run/fix.ts composes the rounds of fixes; core/run/diff.ts diffs a conversion), and
// Format Document changes punctuation and spacing only.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, fixAll, isLayoutEdit, layoutOnly } from '../../server/src/core/run/fix';
import { diffEdits } from '../../server/src/core/run/diff';
import { check } from '../../server/src/core/run/check';
import { convertScript } from '../../server/src/core/script/convert';
import type { TextEdit } from '../../server/src/core/types';
import { CORPUS, ROOT } from '../paths';
import { pasted } from '../reports/pasted';
import { doc, runs, SOURCES } from '../property/gen';

const corpus = fs.readdirSync(CORPUS).filter((n) => /^P\d+\.(txt|md)$/.test(n)).map((n) => fs.readFileSync(path.join(CORPUS, n), 'utf8'));
const sample = fs.readFileSync(path.join(ROOT, 'samples', '示例-经验材料.report.txt'), 'utf8');

/** What the edits send: the characters they replace plus the characters they write. */
const size = (edits: TextEdit[]) => edits.reduce((n, e) => n + (e.end - e.start) + e.newText.length, 0);

function assertMinimal(text: string, edits: TextEdit[], expected: string): void {
  assert.equal(applyEdits(text, edits), expected, 'the edits give the fixed text');
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    assert.ok(e.start <= e.end && (i === 0 || edits[i - 1].end < e.start), 'sorted, apart');
    const old = text.slice(e.start, e.end);
    assert.notEqual(old, e.newText);
    // Trimmed: no unchanged character at either end (unless it completes a surrogate pair or CRLF).
    if (old && e.newText) {
      const cut = (s: string, i: number) => (s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff) || s[i] === '\n' || s[i] === '\r';
      assert.ok(old[0] !== e.newText[0] || cut(old, 1) || cut(e.newText, 1), `edit ${JSON.stringify(old)} → ${JSON.stringify(e.newText)} keeps its first character`);
    }
  }
}

test('fix-all edits are the fixed text, one per changed run, on every report we have', () => {
  for (const text of [pasted().text, sample, ...corpus, ...SOURCES]) {
    const r = fixAll(text);
    assertMinimal(text, r.edits, r.text);
  }
});

test('fix-all edits are the fixed text on generated documents (every fix, several rounds)', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(doc(600, 10), (t) => {
      const r = fixAll(t, undefined, (f) => !!f.fix);
      assertMinimal(t, r.edits, r.text);
    }),
    runs(200),
  );
});

test('fix-all on a 115 K report sends edits totalling under 5 % of it', (t) => {
  let text = '';
  for (let i = 0; text.length < 115_000; i++) text += corpus[i % corpus.length] + '\n\n';
  const r = fixAll(text);
  assert.notEqual(r.text, text, 'there is something to fix');
  const sent = size(r.edits);
  // One edit from the first change to the last, as before, spans nearly the whole text.
  const first = r.edits[0].start;
  const last = r.edits[r.edits.length - 1].end;
  assert.ok(last - first > text.length / 2, 'changes are spread over the document');
  t.diagnostic(`${r.edits.length} edits, ${sent} characters sent for ${text.length} (${((100 * sent) / text.length).toFixed(2)} %); one edit would have spanned ${last - first}`);
  assert.ok(sent < text.length * 0.05, `${r.edits.length} edits, ${sent} characters of ${text.length}`);
});

test('format document changes punctuation and spacing only: no word, no line, no annotation removed', () => {
  const text = '當(dāng)前位置：首页 > 工作动态\n\n今年,我们开展了学习活动,效果较好 。\n会员１８人参加。\n';
  const r = fixAll(text, undefined, layoutOnly);
  assert.equal(r.text, '當(dāng)前位置：首页 > 工作动态\n\n今年，我们开展了学习活动，效果较好。\n会员18人参加。\n');
  assert.ok(r.edits.every((e) => isLayoutEdit(text, e)));
  // Fix-all does remove them.
  assert.ok(!fixAll(text).text.includes('(dāng)'));
  assert.equal(isLayoutEdit('删除此行', { start: 0, end: 4, newText: '' }), false);
  assert.equal(isLayoutEdit('二、三天', { start: 0, end: 3, newText: '两三' }), false);
  assert.equal(isLayoutEdit('三、五天', { start: 0, end: 3, newText: '三五' }), true);
});

test('script conversion: one edit per changed run, and the edits give the converted text', () => {
  const text = pasted().text;
  const model = check(text).doc;
  const keep = [...model.garbled, ...model.annotations].sort((a, b) => a.start - b.start);
  const converted = convertScript(text, 'simplified', keep, 'traditional');
  const edits = diffEdits(text, converted);
  assertMinimal(text, edits, converted);
  assert.ok(edits.length > 50, `${edits.length} edits`);
  assert.ok(size(edits) < text.length, `${size(edits)} characters sent for ${text.length}`);
  assert.deepEqual(diffEdits(text, text), []);
  // Lines added or removed: one trimmed edit.
  assert.deepEqual(diffEdits('甲\n乙\n丙', '甲\n丙'), [{ start: 2, end: 4, newText: '' }]);
});

// Property: the line the server rebuilds from the last analysed version and the editor's changes
// since (lsp/change-log.ts ChangeLog, lineAfter) is the line of the editor's document, wherever it
// rebuilds one: random changes, several to a version, inside a line or across lines, past a
// line's end, with breaks of every kind typed or taken away.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChangeLog, lineAfter } from '../../server/src/lsp/change-log';
import { runs } from './gen';

const uri = 'file:///log.txt';
const piece = fc.oneof({ weight: 9, arbitrary: fc.constantFrom('', '三', '、', '（二）', '总结', 'ab', ' ') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '一、做法\n') });
const text = fc.array(fc.constantFrom('一、做法', '正文。', '', '（一）抓学习', '三', '\u3000\u3000'), { minLength: 1, maxLength: 6 }).chain((ls) => fc.constantFrom('\n', '\r\n').map((eol) => ls.join(eol)));
/** A change: a range given by line and character (either may lie past the end), and its text. */
const change = fc.record({ other: fc.constantFrom(false, false, false, false, false, false, false, true), l1: fc.nat(6), c1: fc.nat(12), dl: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1), c2: fc.nat(12), text: piece });

/** The text of line `line` of `doc`, without its break. */
function lineOf(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '');
}

test('a line rebuilt from the analysed version and the changes since is the line of the editor’s document', () => {
  let rebuilt = 0;
  fc.assert(
    // Most changes on one line (the one typed on), some elsewhere.
    fc.property(text, fc.nat(2), fc.array(fc.array(change, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }), (original, target, versions) => {
      const log = new ChangeLog();
      let doc = TextDocument.create(uri, 'plaintext', 1, original);
      const first = TextDocument.create(uri, 'plaintext', 1, original);
      versions.forEach((cs, k) => {
        const changes: TextDocumentContentChangeEvent[] = cs.map(({ other, l1, c1, dl, c2, text }) => {
          const line = other ? l1 : target;
          return { range: { start: { line, character: c1 }, end: { line: line + dl, character: dl ? c2 : Math.max(c1, c2) } }, text };
        });
        log.record(uri, doc.version, k + 2, changes);
        doc = TextDocument.update(doc, changes, k + 2);
      });
      const steps = log.between(uri, 1, doc.version);
      assert.ok(steps, 'every version was logged');
      for (let line = 0; line < first.lineCount; line++) {
        const got = lineAfter(lineOf(first, line), line, steps);
        if (got === undefined) continue;
        rebuilt++;
        assert.equal(got, lineOf(doc, line), `line ${line} of ${JSON.stringify(doc.getText())}`);
      }
    }),
    // 800: at 400 the lines rebuilt numbered 99–124 in twenty runs, and the floor below failed one run in ten (210–253 at 800).
    runs(800),
  );
  assert.ok(rebuilt > 100, `only ${rebuilt} lines rebuilt`);
});

test('the log follows versions only as far as it knows them: a paste or a whole new text cuts it, an analysis drops what came before it', () => {
  const log = new ChangeLog();
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  log.record(uri, 1, 2, [{ range: at, text: '三' }]);
  log.record(uri, 2, 3, [{ range: at, text: '、' }]);
  assert.deepEqual(log.between(uri, 1, 3)?.length, 2);
  assert.equal(log.between(uri, 1, 4), undefined, 'version 4 is not known');
  log.record(uri, 3, 4, [{ text: 'a whole new text' }]);
  assert.equal(log.between(uri, 1, 4), undefined, 'a whole new text is not followed');
  log.record(uri, 4, 5, [{ range: at, text: 'x'.repeat(5000) }]);
  assert.equal(log.between(uri, 4, 5), undefined, 'a paste is not kept');
  log.record(uri, 5, 6, [{ range: at, text: '四' }]);
  assert.equal(log.between(uri, 5, 6)?.length, 1);
  log.analysed(uri, 5);
  assert.equal(log.between(uri, 1, 3), undefined, 'dropped once version 5 is analysed');
  assert.equal(log.between(uri, 5, 6)?.length, 1, 'the changes after the analysed version are kept');
  log.forget(uri);
  assert.equal(log.between(uri, 5, 6), undefined);
});

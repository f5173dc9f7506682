// Property: the server answers a completion in body text from the line alone, before any
// analysis (lsp/features/completion.ts asks outline/heading-completions.ts mayComplete of the
// line up to the cursor, as the editor's document gives it). Wherever that says no, the model's
// answer is empty too: at every offset of the reports and of mutated ones (CR, LF, CRLF, indents,
// Markdown headings, markers typed in part or whole).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportDocument } from '../../server/src/core/model/document';
import { withDefaults } from '../../server/src/core/config/config';
import { headingCompletions, mayComplete } from '../../server/src/core/outline/heading-completions';
import { doc, runs, SOURCES } from './gen';

const config = withDefaults({});

/** Over every offset of `text`: how many the gate turns away, and how many it lets through that get completions. */
function gate(text: string): { refused: number; offered: number } {
  const editor = TextDocument.create('file:///gate.txt', 'plaintext', 1, text);
  const model = new ReportDocument(text);
  let refused = 0;
  let offered = 0;
  for (let o = 0; o <= text.length; o++) {
    const position = editor.positionAt(o);
    const offset = editor.offsetAt(position);
    const before = editor.getText({ start: { line: position.line, character: 0 }, end: position });
    const after = editor.getText({ start: position, end: { line: position.line, character: Number.MAX_SAFE_INTEGER } });
    const items = headingCompletions(model, offset, config);
    if (!mayComplete(before, after)) {
      assert.deepEqual(items, [], `completions at ${offset} (line ${position.line}) of ${JSON.stringify(text.slice(Math.max(0, offset - 40), offset + 10))}, the line turned away`);
      refused++;
    } else if (items.length) offered++;
  }
  return { refused, offered };
}

test('completion turned away from body text by the line alone: the model offers nothing there either (reports)', () => {
  let refused = 0;
  let offered = 0;
  let offsets = 0;
  for (const text of SOURCES) {
    const r = gate(text);
    refused += r.refused;
    offered += r.offered;
    offsets += text.length + 1;
  }
  // Most offsets are body text, and the gate lets through those that get completions.
  assert.ok(refused > offsets * 0.9, `only ${refused} of ${offsets} offsets turned away`);
  assert.ok(offered > 20, `only ${offered} offsets with completions`);
});

test('completion turned away from body text by the line alone: the model offers nothing there either (random reports)', () => {
  let offered = 0;
  const markers = fc.constantFrom('三、', '（', '(', '（二', '（二）', '2.', '３、', '#  四、', '\u3000\u3000五', '\r', '\r\n', '\n', '\r三、', ' \r（', '#\r一');
  fc.assert(
    fc.property(doc(600), fc.array(fc.tuple(fc.nat(), markers), { maxLength: 6 }), (text, inserts) => {
      for (const [at, m] of inserts) {
        const k = at % (text.length + 1);
        text = text.slice(0, k) + m + text.slice(k);
      }
      offered += gate(text).offered;
    }),
    runs(60),
  );
  assert.ok(offered > 0, 'some offsets got completions');
});

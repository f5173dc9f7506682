// The hover on a number: the number as written (original characters, so Ctrl+F finds it),
// how it was read, each relation with its status in words and the sentence as written.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pasted } from '../reports/pasted';
import { clientStarter, LspClient } from './lsp-client';

const start = clientStarter();

for (const locale of ['zh-cn', 'en']) {
  test(`hover on the wrong count (${locale}): original characters, status in words, the sentence with the names in bold`, async () => {
    const text = pasted().text;
    const uri = 'file:///tmp/hover.report.txt';
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }), locale });
    c.open(uri, text, 'workreport');
    const at = text.indexOf('8人');
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: TextDocument.create(uri, 'workreport', 1, text).positionAt(at) });
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /^\*\*8人\*\*[：:]/);
    assert.match(value, locale === 'en' ? /\*\*contradiction\*\* · named people vs count: .*2 \+ 5 = 7 ≠ 8/ : /\*\*矛盾\*\* · 点名人数：.*2 \+ 5 = 7 ≠ 8/);
    assert.doesNotMatch(value, /[✅❌⚠]/u);
    // The sentence as written: traditional characters and their annotations, the count in bold.
    const sentence = value.split('\n').find((l) => l.includes('**8人**') && l.startsWith('  '))!;
    assert.ok(sentence, value);
    const plain = sentence.trim().replace(/\*\*/g, '').replace(/…$/, '');
    assert.ok(text.includes(plain.replace(/\\([()[\]*_])/g, '$1')), `the excerpt is in the text: ${plain}`);
  });
}

// The view (model/view.ts) keeps one view line for each line of the text, whatever it folds.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/core/model/document';
import { check } from '../../server/src/core/run/check';

// A line holding only an annotation, after a lone CR and before a LF: folded away, it left the
// CR and the LF side by side in the view, read there as one CRLF break — one view line short,
// and five outline rules failed with an internal error.
const LONE_CR_THEN_FOLDED_LINE = ['甲\r(dāng)\n乙', '\r(zhōng)\n', '第一行\r（xíng）\n第三行\n'];

for (const text of LONE_CR_THEN_FOLDED_LINE) {
  test(`one view line per line of ${JSON.stringify(text)}`, () => {
    const doc = new ReportDocument(text);
    assert.equal(doc.viewLines.length, doc.lines.length);
    doc.lines.forEach((_, i) => {
      // Each view line maps back into its own line of the text.
      const o = doc.toOrig(doc.viewLines.start(i), doc.viewLines.end(i));
      assert.ok(o.start >= doc.lines[i].start && o.end <= doc.lines[i].end, `view line ${i} maps to ${o.start}–${o.end}, line is ${doc.lines[i].start}–${doc.lines[i].end}`);
    });
    const failed = check(text).findings.filter((f) => f.message.en.startsWith('Internal error'));
    assert.deepEqual(failed.map((f) => f.rule), []);
  });
}

// Data-driven rule fixtures: test/fixtures/<family>/<name>.txt, one file per rule.
// Format (see ARCHITECTURE.md):
//   === case name                 starts a case; the lines until the next === are its text
//   >>> "quote"                   the file's rule reports exactly the first occurrence of quote
//   >>> ~"quote"                  … a finding that overlaps it
//   >>> "quote" | words           … and its message (zh or en) contains words
//   >>> "quote" @hint             … at this severity (error, warning, information, hint)
//   >>> other/rule "quote"        another rule's finding (that rule is then checked exactly too)
//   >>> fixed: text               applying the rule's fixes gives text (\n for line breaks)
// A case without `>>> "…"` lines asserts that the rule reports nothing there.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { check } from '../../server/src/core/run/check';
import { applyEdits, collectEdits } from '../../server/src/core/run/fix';
import { RULES_BY_ID } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import { fixtureFiles, parseFixture } from '../fixture-format';

function spanOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in case text: ${quote}`);
  return { start, end: start + quote.length };
}

function show(text: string, f: Finding): string {
  return `${f.rule} "${text.slice(f.start, f.end)}" (${f.start}-${f.end}) ${f.severity} ${f.message.zh}`;
}

for (const { rule, file } of fixtureFiles()) {
  test(`fixtures ${rule}`, async (t) => {
    assert.ok(RULES_BY_ID.has(rule), `fixture file for unknown rule ${rule}`);
    const cases = parseFixture(fs.readFileSync(file, 'utf8'), rule);
    assert.ok(cases.length > 0, `${file} has no cases`);
    for (const c of cases) {
      await t.test(c.name, () => {
        const { findings } = check(c.text, c.config ?? {});
        const rules = new Set([rule, ...c.expects.map((e) => e.rule)]);
        const got = findings.filter((f) => rules.has(f.rule));
        const unmatched = [...got];
        for (const e of c.expects) {
          const span = spanOf(c.text, e.quote);
          const i = unmatched.findIndex(
            (f) =>
              f.rule === e.rule &&
              (e.overlap ? f.start < span.end && f.end > span.start : f.start === span.start && f.end === span.end) &&
              (!e.words || f.message.zh.includes(e.words) || f.message.en.includes(e.words)) &&
              (!e.severity || f.severity === e.severity),
          );
          assert.ok(i >= 0, `expected ${e.rule} at "${e.quote}"${e.severity ? ` (${e.severity})` : ''}${e.words ? ` saying "${e.words}"` : ''}; got:\n${got.map((f) => show(c.text, f)).join('\n') || '(nothing)'}`);
          unmatched.splice(i, 1);
        }
        assert.deepEqual(unmatched.map((f) => show(c.text, f)), [], 'unexpected findings');
        if (c.fixed !== undefined) {
          const mine = findings.filter((f) => f.rule === rule);
          const fixedText = applyEdits(c.text, collectEdits(mine, () => true));
          assert.equal(fixedText, c.fixed);
          // Re-check the fixed text: nothing fixable of this rule is left.
          const again = check(fixedText, c.config ?? {}).findings.filter((f) => f.rule === rule && f.fix);
          assert.deepEqual(again.map((f) => show(fixedText, f)), [], 'fixable findings left after fixing');
        }
      });
    }
  });
}

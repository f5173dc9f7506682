// Property: a correct report stays correct for the outline rules however it reaches the
// checker — cut to any window of lines (an excerpt that starts at 三、 or stops mid-section,
// a report still being written), or with its line breaks lost (a web page flattened into one
// line). No outline warning or error may appear; notes (information, hint) may.
// And a flattened report with a planted outline error keeps that error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { CORPUS } from '../paths';
import { PASTED_FILE } from '../reports/pasted';
import { runs } from './gen';

interface KeyEntry { id: string; file: string; correct: boolean; errors: { rule: string }[] }
const KEY: KeyEntry[] = fs.readFileSync(path.join(CORPUS, 'key.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

/** Correct reports: the corpus documents without planted errors, and the pasted report. */
const CORRECT: { name: string; lines: string[] }[] = [
  ...KEY.filter((k) => k.correct).map((k) => ({ name: k.id, text: fs.readFileSync(path.join(CORPUS, k.file), 'utf8') })),
  { name: 'pasted', text: fs.readFileSync(PASTED_FILE, 'utf8') },
].map((d) => ({ name: d.name, lines: d.text.split(/\r\n|\r|\n/) }));

/** Outline findings a user is warned of (style notes and hints aside). */
function outlineWarnings(text: string): string[] {
  return check(text)
    .findings.filter((f) => f.rule.startsWith('outline/') && (f.severity === 'warning' || f.severity === 'error'))
    .filter((f) => f.rule !== 'outline/numbering-style' && f.rule !== 'outline/unquantified-results')
    .map((f) => `${f.rule}: ${f.message.zh}`);
}

const window = fc
  .integer({ min: 0, max: CORRECT.length - 1 })
  .chain((d) => {
    const n = CORRECT[d].lines.length;
    return fc.tuple(fc.constant(d), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }));
  })
  .map(([d, a, len]) => {
    const lines = CORRECT[d].lines;
    return { name: CORRECT[d].name, from: a + 1, text: lines.slice(a, Math.min(lines.length, a + len)).join('\n') };
  });

test('any window of lines of a correct report: no outline warning', () => {
  fc.assert(
    fc.property(window, (w) => {
      assert.deepEqual(outlineWarnings(w.text), [], `${w.name} from line ${w.from}:\n${w.text.slice(0, 300)}`);
    }),
    runs(300),
  );
});

const SEPARATORS = [' ', '\u3000', '  ', '\u00a0'];

test('a correct report flattened into one line: no outline warning', () => {
  for (const d of CORRECT) {
    for (const sep of SEPARATORS) {
      const text = d.lines.filter((l) => l.trim()).join(sep);
      assert.deepEqual(outlineWarnings(text), [], `${d.name} joined with ${JSON.stringify(sep)}`);
    }
  }
});

test('flattened, the planted numbering, order and missing-section errors are still found', () => {
  const planted = KEY.filter((k) => k.errors.some((e) => /^outline\/(numbering-sequence|section-order|missing-section)$/.test(e.rule)));
  assert.ok(planted.length >= 3);
  for (const k of planted) {
    const lines = fs.readFileSync(path.join(CORPUS, k.file), 'utf8').split('\n').filter((l) => l.trim());
    const want = k.errors.filter((e) => e.rule.startsWith('outline/')).map((e) => e.rule);
    const got = outlineWarnings(lines.join(' ')).map((m) => m.split(':')[0]);
    assert.deepEqual(got, want, k.id);
  }
});

// Property: fix-all (the safe fixes, applied to a fixed point) converges, is idempotent —
// fixAll(fixAll(t)) === fixAll(t) — and keeps the BOM, the line-ending style and surrogate
// pairs. Also with every fix (safe or not) applied, as "fix all of this rule" may do.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core/run/fix';
import { doc, runs, SOURCES, setEol } from './gen';
import { fixedTextProblems } from './invariants';

const PASSES = 10;

function assertIdempotent(text: string, filter?: Parameters<typeof fixAll>[2]): void {
  const once = fixAll(text, undefined, filter, PASSES);
  const show = JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);
  assert.ok(once.rounds < PASSES, `fix-all did not converge in ${PASSES} rounds on ${show}`);
  const twice = fixAll(once.text, undefined, filter, PASSES);
  assert.equal(twice.text, once.text, `fix-all is not idempotent on ${show}`);
  assert.deepEqual(fixedTextProblems(text, once.text), [], `on ${show}`);
}

test('fix-all (safe fixes) is idempotent and keeps BOM and line endings', { timeout: 60_000 }, () => {
  fc.assert(fc.property(doc(600, 10), (t) => assertIdempotent(t)), runs(300));
});

test('fix-all with every fix, safe or not, is idempotent', { timeout: 60_000 }, () => {
  fc.assert(fc.property(doc(600, 10), (t) => assertIdempotent(t, (f) => !!f.fix)), runs(150));
});

test('fix-all is idempotent on every source in every line-ending style', { timeout: 60_000 }, () => {
  for (const src of SOURCES) {
    for (const eol of ['keep', 'crlf'] as const) {
      assertIdempotent(setEol(src, eol));
      assertIdempotent('\ufeff' + setEol(src, eol), (f) => !!f.fix);
    }
  }
});

// Property: after any sequence of random edits, the incremental checker (core/run/incremental.ts,
// what the language server runs on every change) gives exactly check()'s findings on the same
// text — every finding whole and in the same order — under several settings; an edit inside
// one line re-reads only that line; and fix-all, which reads only the rules that can fix,
// gives the same edits from the server's analysis as from scratch.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import { FIXING_RULES, fixAll, layoutOnly } from '../../server/src/core/run/fix';
import type { Config } from '../../server/src/core/config/config';
import type { Finding } from '../../server/src/core/types';
import { doc, piece, runs, SOURCES } from './gen';

interface Edit {
  at: number;
  /** Characters removed at `at` (may take line breaks with them). */
  del: number;
  text: string;
}

const BREAKS = ['\n', '\r\n', '\r', '\n\n', '。\n', '\n一、', '\n（二）'];
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  del: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(8) }, { weight: 1, arbitrary: fc.nat(300) }),
  text: fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.constantFrom(...BREAKS) }, { weight: 1, arbitrary: fc.constant('') }),
});

/** Settings the property runs under: findings depend on severities and rule switches; ignores are applied last. */
const CONFIGS: Partial<Config>[] = [
  {},
  { rules: { 'punct/halfwidth': 'off', 'figures/*': 'warning' } },
  { rules: { 'text/pinyin-annotation': 'error' }, ignore: [{ rule: 'punct/halfwidth', text: ',' }] },
  { terms: [{ wrong: '做为', right: '作为' }], lengthLimit: 500 },
];

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.text + text.slice(at + e.del);
}

function show(fs: Finding[]): string[] {
  return fs.map((f) => JSON.stringify([f.rule, f.severity, f.start, f.end, f.message, f.related, f.fix]));
}

function same(text: string, inc: IncrementalChecker, config: Partial<Config>): void {
  const got = inc.check(text, config).findings;
  const want = check(text, config).findings;
  // Compare whole findings first (a readable diff), then exactly (deepEqual ignores nothing else).
  const shown = JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);
  assert.deepEqual(show(got), show(want), `incremental and from-scratch findings differ on ${shown}`);
  assert.deepStrictEqual(got, want);
}

test('incremental findings equal from-scratch findings after random edits (small reports)', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1200, 8), fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom(...CONFIGS), (start, edits, config) => {
      const inc = new IncrementalChecker();
      let text = start;
      same(text, inc, config);
      for (const e of edits) {
        text = apply(text, e);
        same(text, inc, config);
      }
    }),
    runs(150),
  );
});

test('incremental findings equal from-scratch findings after random edits (whole reports)', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.nat(SOURCES.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (source, edits) => {
      const inc = new IncrementalChecker();
      let text = SOURCES[source];
      same(text, inc, {});
      for (const e of edits) {
        text = apply(text, e);
        same(text, inc, {});
      }
    }),
    runs(25),
  );
});

test('the settings changing between versions: findings follow them', () => {
  const inc = new IncrementalChecker();
  const text = SOURCES[0];
  for (const config of [...CONFIGS, ...CONFIGS.slice().reverse()]) same(text, inc, config);
});

test('an edit inside one line re-reads that line only, and takes the others over', () => {
  const inc = new IncrementalChecker();
  let text = SOURCES[0];
  const first = inc.check(text);
  assert.equal(first.whole, true, 'the first version is read whole');
  const lines = text.split('\n').length;
  // Type a few characters into a line in the middle, one version each.
  let at = text.indexOf('\n', text.length >> 1);
  for (const ch of ['，', '3', '人', ',']) {
    text = text.slice(0, at) + ch + text.slice(at);
    at += ch.length;
    const r = inc.check(text);
    assert.equal(r.whole, false);
    assert.equal(r.read, 1, `one line read of ${lines}`);
    assert.equal(r.reused + r.read + (lines - r.reused - r.read), lines);
    assert.deepStrictEqual(r.findings, check(text).findings);
  }
});

test('fix-all reads only the rules that can fix: a narrowed fork after edits gives check()\'s fixable findings, and fix-all from the server\'s start equals fix-all from scratch', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1200, 8), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(...CONFIGS), (start, edits, config) => {
      const inc = new IncrementalChecker();
      let text = start;
      inc.check(text, config);
      for (const e of edits) {
        text = apply(text, e);
        const { findings } = inc.check(text, config);
        // What the findings of the rules that cannot fix carry: never a fix (check() drops one).
        assert.ok(findings.every((f) => f.fix === undefined || FIXING_RULES.some((r) => r.id === f.rule)));
        const fork = inc.fork(FIXING_RULES);
        const fixable = findings.filter((f) => FIXING_RULES.some((r) => r.id === f.rule));
        assert.deepStrictEqual(fork.check(text, config).findings, fixable);
        assert.deepStrictEqual(check(text, config, FIXING_RULES).findings, fixable);
        // The server's fix-all (its analysis's findings, then its checker) and the CLI's agree.
        for (const filter of [undefined, layoutOnly]) {
          const served = fixAll(text, config, filter, undefined, { findings, checker: inc });
          const fresh = fixAll(text, config, filter);
          assert.deepStrictEqual([served.text, served.rounds, [...served.applied], served.edits], [fresh.text, fresh.rounds, [...fresh.applied], fresh.edits]);
        }
        // The checker given to fix-all is left as it was: the next version still reads incrementally and right.
        same(text, inc, config);
      }
    }),
    runs(60),
  );
});

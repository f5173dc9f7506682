// Property: a packed list of findings (core/run/finding-list.ts) gives back exactly the findings
// it was made of, in order — those whose positions are their range alone held as a range and a
// shared finding, the others (related places, a fix of other ranges) as they are — and a
// stretch of it copied with its positions moved gives the findings moved (run/incremental.ts
// moves the findings after an edit this way). Lists longer than a chunk of references
// (core/chunked.ts) hold the same: the references are read across chunk boundaries.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FindingList, FindingListBuilder, shifted } from '../../server/src/core/run/finding-list';
import type { Finding, Msg, OwnRangeFix } from '../../server/src/core/types';
import { runs } from './gen';
import { CHUNK, Chunked, ChunkedBuilder } from '../../server/src/core/chunked';

// A few messages and fixes, shared between findings as the rules share theirs (and some made anew for each finding).
const MESSAGES: Msg[] = [0, 1, 2].map((k) => ({ zh: `消息${k}`, en: `message ${k}` }));
const FIXES: OwnRangeFix[] = [0, 1].map((k) => ({ title: { zh: `改${k}`, en: `fix ${k}` }, newText: `改${k}`, safe: k === 0 }));
const RULES = ['punct/halfwidth', 'text/script-mixing', 'figures/sum'];

const finding: fc.Arbitrary<Finding> = fc
  .record({
    start: fc.nat(5000),
    len: fc.nat(30),
    rule: fc.constantFrom(...RULES),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'hint' as const),
    message: fc.oneof(fc.constantFrom(...MESSAGES), fc.string({ maxLength: 4 }).map((s): Msg => ({ zh: s, en: s }))),
    fix: fc.oneof(fc.constant(undefined), fc.constantFrom(...FIXES), fc.constant('edits' as const)),
    related: fc.boolean(),
  })
  .map(({ start, len, rule, severity, message, fix, related }) => {
    // From 300 on: a stretch moved back by up to 300 stays in the text, as an edit's does.
    start += 300;
    const end = start + len;
    const f: Finding = { rule, severity, start, end, message };
    if (fix === 'edits') f.fix = { title: { zh: '删', en: 'remove' }, edits: [{ start: end, end: end + 1, newText: '' }], safe: true };
    else if (fix) f.fix = fix;
    if (related) f.related = [{ start: start + 1, end: start + 2, message }];
    return f;
  });

test('a packed list gives back its findings, in order', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 60 }), (fs) => {
      const list = FindingList.of(fs);
      assert.equal(list.length, fs.length);
      assert.deepStrictEqual(list.toArray(), fs);
      assert.deepStrictEqual([...list], fs);
      fs.forEach((f, i) => {
        assert.deepStrictEqual(list.at(i), f);
        assert.equal(list.start(i), f.start);
        assert.equal(list.end(i), f.end);
        assert.equal(list.rule(i), f.rule);
      });
      // The same words share one held finding: a message and a fix are never copied.
      fs.forEach((f, i) => {
        assert.equal(list.at(i).message, f.message);
        assert.equal(list.at(i).fix, f.fix);
      });
    }),
    runs(300),
  );
});

test('a stretch copied with its positions moved gives the findings moved; withRules, split and pick keep those asked for', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 60 }), fc.nat(60), fc.nat(60), fc.integer({ min: -300, max: 300 }), fc.subarray(RULES), (fs, x, y, by, rules) => {
      const list = FindingList.of(fs);
      const from = Math.min(x, y, fs.length);
      const to = Math.min(Math.max(x, y), fs.length);
      const b = new FindingListBuilder(2);
      b.copyRange(list, 0, from, 0);
      b.copyRange(list, from, to, by);
      for (let i = to; i < fs.length; i++) b.copy(list, i);
      const want = fs.map((f, i) => (i >= from && i < to ? shifted(f, by) : f));
      assert.deepStrictEqual(b.build().toArray(), want);
      assert.deepStrictEqual(list.withRules((r) => rules.includes(r)).toArray(), fs.filter((f) => rules.includes(f.rule)));
      const [yes, no] = list.split((r) => rules.includes(r));
      assert.deepStrictEqual([yes.toArray(), no.toArray()], [fs.filter((f) => rules.includes(f.rule)), fs.filter((f) => !rules.includes(f.rule))]);
      assert.deepStrictEqual([yes.length, no.length], [yes.toArray().length, no.toArray().length]);
      assert.deepStrictEqual(list.pick((r, severity) => rules.includes(r) && severity !== 'hint'), fs.filter((f) => rules.includes(f.rule) && f.severity !== 'hint'));
    }),
    runs(300),
  );
});

/** A length at or around a chunk boundary, or any up to three chunks. */
const longLength = fc.oneof(fc.constantFrom(CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 7), fc.integer({ min: 1, max: 3 * CHUNK }));

test('references in chunks: a list built with any capacity given gives back what was pushed, at every index', () => {
  fc.assert(
    fc.property(longLength, fc.integer({ min: 0, max: 3 * CHUNK }), (n, capacity) => {
      const b = new ChunkedBuilder<number>(capacity);
      for (let i = 0; i < n; i++) b.push(i * 3);
      assert.equal(b.length, n);
      const list = b.build();
      assert.equal(list.length, n);
      for (let i = 0; i < n; i++) if (list.get(i) !== i * 3) assert.fail(`index ${i} of ${n} (capacity ${capacity}): ${list.get(i)}`);
      assert.equal(new ChunkedBuilder<number>(capacity).build(), Chunked.EMPTY);
      // As one array at its size: the same references in order (quantity.ts and check() take it so).
      const again = new ChunkedBuilder<number>(capacity);
      for (let i = 0; i < n; i++) again.push(i * 3);
      const array = again.toArray();
      assert.equal(array.length, n);
      for (let i = 0; i < n; i++) if (array[i] !== i * 3) assert.fail(`toArray index ${i} of ${n} (capacity ${capacity}): ${array[i]}`);
      assert.deepEqual(new ChunkedBuilder<number>(capacity).toArray(), []);
    }),
    runs(40),
  );
});

test('a list longer than a chunk: copied stretches, moved ones, split and merged back give the findings, across chunk boundaries', () => {
  fc.assert(
    fc.property(fc.array(finding, { minLength: 1, maxLength: 40 }), longLength, fc.nat(), fc.nat(), fc.integer({ min: -300, max: 300 }), fc.subarray(RULES), fc.nat(3 * CHUNK), (some, n, x, y, by, rules, capacity) => {
      const fs = Array.from({ length: n }, (_, i) => some[i % some.length]);
      const list = FindingList.of(fs);
      assert.deepStrictEqual(list.toArray(), fs);
      const from = Math.min(x % (n + 1), y % (n + 1));
      const to = Math.max(x % (n + 1), y % (n + 1));
      const b = new FindingListBuilder(capacity);
      b.copyRange(list, 0, from, 0);
      b.copyRange(list, from, to, by);
      for (let i = to; i < n; i++) b.copy(list, i);
      const moved = b.build();
      assert.equal(moved.length, n);
      for (let i = 0; i < n; i++) assert.deepStrictEqual(moved.at(i), i >= from && i < to ? shifted(fs[i], by) : fs[i]);
      const [yes, no] = list.split((r) => rules.includes(r));
      assert.deepStrictEqual([yes.toArray(), no.toArray()], [fs.filter((f) => rules.includes(f.rule)), fs.filter((f) => !rules.includes(f.rule))]);
    }),
    runs(12),
  );
});

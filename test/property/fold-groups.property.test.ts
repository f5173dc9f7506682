// Property: run/present.ts foldGroups groups findings in text order one line at a time, and
// others by a map; both give what a map keyed by rule and line gives — each foldable rule's
// findings (not at error) per line, the groups in the order of their first finding — whether
// the findings come in text order or shuffled, with rules at error or off, as objects or packed
// (run/finding-list.ts: then firstShown shows the same findings, made from the packed list).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { firstShown, foldGroups } from '../../server/src/core/run/present';
import { FindingList } from '../../server/src/core/run/finding-list';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { lineIndexAt, type Line } from '../../server/src/core/model/lines';
import type { Finding } from '../../server/src/core/types';
import { doc, runs } from './gen';

/** The groups as a map keyed by rule and line finds them, in the order of their first finding. */
function byKey(findings: readonly Finding[], lines: Line[]): number[][] {
  const groups = new Map<string, number[]>();
  findings.forEach((f, k) => {
    if (f.severity === 'error' || !RULES_BY_ID.get(f.rule)?.fold) return;
    const key = `${f.rule} ${lineIndexAt(lines, f.start)}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  return [...groups.values()];
}

/** The findings in an order drawn from `salt` (a deterministic shuffle). */
function shuffled<T>(xs: readonly T[], salt: number): T[] {
  const out = [...xs];
  let s = salt + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('foldGroups = a map keyed by rule and line: findings in text order and shuffled, random reports', () => {
  let grouped = 0;
  let inOrder = 0;
  fc.assert(
    fc.property(doc(2500), fc.nat(1_000_000), fc.boolean(), (text, salt, strict) => {
      // Half the time, one foldable rule at error (never folds) and one off.
      const r = check(text, strict ? { rules: { 'punct/halfwidth': 'error', 'text/pinyin-annotation': 'off' } } : {});
      const lines = r.doc.lines;
      const want = byKey(r.findings, lines);
      assert.deepEqual(foldGroups(r.findings, lines), want, 'in text order');
      const mixed = shuffled(r.findings, salt);
      assert.deepEqual(foldGroups(mixed, lines), byKey(mixed, lines), 'shuffled');
      // Packed as a version keeps them (run/finding-list.ts): the same groups, and the same findings shown.
      const packed = FindingList.of(r.findings);
      assert.deepEqual(foldGroups(packed, lines), want, 'packed');
      assert.deepEqual(foldGroups(FindingList.of(mixed), lines), byKey(mixed, lines), 'packed, shuffled');
      const near = salt % (text.length + 1);
      assert.deepStrictEqual(firstShown(packed, lines, 7, near), firstShown(r.findings, lines, 7, near), 'the first shown, packed');
      assert.deepStrictEqual(firstShown(packed, lines, Infinity), firstShown(r.findings, lines, Infinity), 'all shown, packed');
      grouped += want.filter((g) => g.length > 1).length;
      if (want.length) inOrder++;
    }),
    runs(150),
  );
  // Compared where there are groups of several findings, not on empty lists alone.
  assert.ok(grouped > 40 && inOrder > 40, `${grouped} groups of several findings, ${inOrder} texts with groups`);
});

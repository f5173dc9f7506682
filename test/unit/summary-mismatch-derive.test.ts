// outline/summary-mismatch keeps the squashed sub-heading titles, and which announced items
// each title names, from version to version (by title, and by announcement): an edit to a
// title or to the announcement is read anew, the rest taken over, and the findings are check()'s.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check } from '../../server/src/core/run/check';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import type { Finding } from '../../server/src/core/types';

const RULE = 'outline/summary-mismatch';
const SQUASHED = 'outline/summary-mismatch:squashed';
const MASKS = 'outline/summary-mismatch:masks';

/** A report whose intro announces its three ways of working; prose after them so that an edit is a small part of the text. */
function report(second: string, intro = '服务进楼栋、议事进小区、帮扶进家庭'): string {
  const prose = '这一年里，我们坚持问题导向，逐项梳理群众反映的难点，能办的马上办，一时办不了的说明情况并限期答复。\n'.repeat(40);
  return [
    '社区服务中心二〇二五年工作总结',
    `中心以“${intro}”为工作主线，推动各项工作落地见效。`,
    '一、主要做法',
    '（一）服务进楼栋，打通最后一步',
    prose,
    `（二）${second}`,
    prose,
    '（三）帮扶进家庭，解决急难愁盼',
    prose,
    '二、下一步打算',
    prose,
  ].join('\n');
}

const mine = (fs: Finding[]) => fs.filter((f) => f.rule === RULE);

test('a sub-heading edited away from the announced item is read anew: the findings are check()\'s', () => {
  const checker = new IncrementalChecker();
  const v1 = report('议事进小区，凝聚邻里共识');
  const r1 = checker.check(v1);
  assert.deepEqual(mine(r1.findings.toArray()), []);
  const map = r1.doc.memoed(SQUASHED);
  assert.ok(map instanceof Map && map.size >= 3);

  // The second sub-heading no longer names its item: one finding, as check() has it.
  const v2 = report('协商进院落，凝聚邻里共识');
  const r2 = checker.check(v2);
  assert.equal(r2.whole, false, 'the edit is read incrementally');
  assert.deepEqual(r2.findings.toArray(), check(v2).findings);
  assert.equal(mine(r2.findings.toArray()).length, 1);
  assert.match(mine(r2.findings.toArray())[0].message.zh, /议事进小区/);
  // The squashed titles were taken over (one map for both versions), the new title added to it.
  assert.equal(r2.doc.memoed(SQUASHED), map);

  // What each title names, for the intro's announcement: taken over too.
  const masks = r1.doc.memoed(MASKS) as Map<string, Map<string, number>>;
  assert.equal(masks.size, 1);
  const [key, named] = [...masks][0];
  assert.equal((r2.doc.memoed(MASKS) as Map<string, unknown>).get(key), named);

  // And back: the finding goes.
  const r3 = checker.check(v1);
  assert.deepEqual(mine(r3.findings.toArray()), []);
  assert.deepEqual(r3.findings.toArray(), check(v1).findings);
});

test('an announcement edited to name another sub-heading is compared anew: the findings are check()\'s', () => {
  const checker = new IncrementalChecker();
  const v1 = report('议事进小区，凝聚邻里共识');
  assert.deepEqual(mine(checker.check(v1).findings.toArray()), []);
  // The intro names an item no sub-heading has (one finding), then none of them (a list about
  // something else: no finding), then its three again.
  const intros: [string, number][] = [
    ['服务进楼栋、协商进院落、帮扶进家庭', 1],
    ['守牢安全线、织密联络网、建强志愿队', 0],
    ['服务进楼栋、议事进小区、帮扶进家庭', 0],
  ];
  for (const [intro, found] of intros) {
    const v = report('议事进小区，凝聚邻里共识', intro);
    const r = checker.check(v);
    assert.equal(r.whole, false, 'the edit is read incrementally');
    assert.deepEqual(r.findings.toArray(), check(v).findings);
    assert.equal(mine(r.findings.toArray()).length, found, intro);
  }
});

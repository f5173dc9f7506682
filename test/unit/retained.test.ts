// What outlives a check: caches kept across documents (stray-space's message words) must hold
// copies, not slices of a checked text, or every text they saw stays in memory for the life
// of the server (core/detach.ts). Heap measured after a forced collection.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { check } from '../../server/src/core/run/check';
import { RULES } from '../../server/src/core/rules';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

test('stray-space: the message cache keeps no checked text alive (runs of 12 characters and more)', () => {
  const rules = RULES.filter((r) => r.id === 'text/stray-space');
  const kinds = ['\u00a0', '\u3000', '\u2002', '\u2003'];
  const once = (k: number): number => {
    // A text of its own (2 MB of UTF-16), with one run of odd spaces of a length of its own.
    const text = '我们按月召开调度会，逐项核对进度。'.repeat(60_000) + '下一步' + kinds[k % kinds.length].repeat(13 + k) + '安排\n';
    return check(text, {}, rules).findings.length;
  };
  once(100); // the rule's own tables, loaded once
  const before = heapMb();
  let found = 0;
  for (let k = 0; k < 8; k++) found += once(k);
  const grown = heapMb() - before;
  assert.equal(found, 8, 'one finding in each text');
  // Eight texts of 2 MB each: kept, they would be 16 MB.
  assert.ok(grown < 6, `the heap grew by ${grown.toFixed(1)} MB after 8 texts of 2 MB were checked and dropped`);
});

// What outlives a check: caches kept across documents (stray-space's message words) and the
// pieces an edit carries into the next version must hold copies, not slices of a checked text,
// or the texts they came from stay in memory (core/detach.ts). Measured after a forced collection.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import { RULES } from '../../server/src/core/rules';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import { ReportDocument } from '../../server/src/core/model/document';
import { phrasesOf } from '../../server/src/core/figures/phrases';

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

test('a phrase\'s words keep no checked text alive: read from the view when asked, they are copies (words of 13 characters and more)', () => {
  // Findings quote a phrase's words and are carried into later versions: a slice of the view
  // would keep each version's text alive for as long as one of them is.
  const once = (k: number): string => {
    // A text of its own (2 MB of UTF-16) with one figure whose words are 18 characters long.
    const text = '我们按月召开调度会，逐项核对进度。'.repeat(60_000) + `第${k}批，其中全县农村基层党组织书记示范培训班学员8人。\n`;
    const doc = new ReportDocument(text);
    const phrases = phrasesOf(doc);
    for (let q = 0; q < phrases.length; q++) {
      const pre = phrases.at(q)?.pre ?? '';
      if (pre.length >= 13) return pre;
    }
    return '';
  };
  once(100); // the tables, loaded once
  const before = heapMb();
  const kept: string[] = [];
  for (let k = 0; k < 8; k++) kept.push(once(k));
  const grown = heapMb() - before;
  assert.equal(kept.filter((w) => w === '全县农村基层党组织书记示范培训班学员').length, 8, 'the words of each text\'s figure');
  // Eight texts of 2 MB each: kept, they would be 16 MB.
  assert.ok(grown < 6, `the heap grew by ${grown.toFixed(1)} MB holding one phrase's words from each of 8 texts of 2 MB`);
});

const SNAPSHOT = path.join(os.tmpdir(), `retained-${process.pid}.heapsnapshot`);

/**
 * How many strings the program holds (a snapshot after a collection) that take `from` bytes or
 * more each, and fewer than `to`: those reached from the heap's roots by strong references,
 * not through compiled code. Optimised code can keep a value it met while compiling among its
 * deoptimisation literals (seen: figures rules' shared `check` holding the first version's
 * text after an edit, most runs); that is V8's to let go when it drops the code, not a piece
 * the checker keeps.
 */
function bigStrings(from: number, to: number): number {
  gc();
  const snap = JSON.parse(fs.readFileSync(v8.writeHeapSnapshot(SNAPSHOT), 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
    nodes: number[];
    edges: number[];
  };
  const { node_fields: fields, node_types: types, edge_fields: efields, edge_types: etypes } = snap.snapshot.meta;
  const { nodes, edges } = snap;
  const width = fields.length;
  const ewidth = efields.length;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const edgeCount = fields.indexOf('edge_count');
  const etype = efields.indexOf('type');
  const eto = efields.indexOf('to_node');
  const str = types[0].indexOf('string');
  const code = types[0].indexOf('code');
  const weak = etypes[0].indexOf('weak');
  const count = nodes.length / width;
  const firstEdge = new Int32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * width + edgeCount] * ewidth;
  }
  firstEdge[count] = edges.length;
  // Reached from the root (node 0) by strong references, not out of compiled code.
  const reached = new Uint8Array(count);
  const stack = [0];
  reached[0] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    if (nodes[i * width + type] === code) continue;
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += ewidth) {
      if (edges[e + etype] === weak) continue;
      const j = edges[e + eto] / width;
      if (!reached[j]) {
        reached[j] = 1;
        stack.push(j);
      }
    }
  }
  let n = 0;
  for (let i = 0; i < count; i++) {
    const at = i * width;
    if (reached[i] && nodes[at + type] === str && nodes[at + size] >= from && nodes[at + size] < to) n++;
  }
  return n;
}

test('an edit lets the last version go: carried headings, phrases and quoting messages hold copies, not slices', async (t) => {
  // Numbered titles of 13 characters and more (headings are carried into the next version), a
  // count the names contradict (its message quotes 16 characters) and a pinyin annotation (the
  // view is then a string of its own beside the text).
  const block = '一、坚持问题导向推动各项工作落到实处\n今年本单位新提拔的年轻幹(gàn)部共有3人，分别是张明、李华。\n二、持续改进作风确保重点任务按期完成\n全年组织专题培训，覆盖各科室。\n';
  const checker = new IncrementalChecker();
  const chars = 200_000;
  const v2 = ((): string => {
    const v1 = block.repeat(Math.ceil(chars / block.length));
    assert.ok(checker.check(v1).findings.toArray().filter((f) => f.rule === 'figures/named-count').length > 500);
    // The next version shares no storage with the first (built code by code), one character added.
    const mid = v1.indexOf('\n', v1.length >> 1) + 1;
    const copy = [...v1].join('');
    return copy.slice(0, mid) + '，' + copy.slice(mid);
  })();
  checker.check(v2);
  t.after(() => fs.rmSync(SNAPSHOT, { force: true }));
  // Left: the second version's text and its view (UTF-16: 2 bytes a character; the test's own
  // source is larger). Each of the first's kept would add one.
  // A compilation under way on V8's own threads can hold a closure's context, and so a version's
  // view, for a moment (seen 1 run in 8 or so; a handle scope, not code): looked at again after
  // a pause, it is gone, and a string kept by the checker is not.
  const reportSized = () => bigStrings(1.5 * chars, 2.5 * chars);
  let n = reportSized();
  for (let k = 0; k < 3 && n > 2; k++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    n = reportSized();
  }
  assert.equal(checker.check(v2).doc.text, v2); // both live to here
  assert.equal(n, 2, `${n} strings of the report's size in memory, 2 expected (the text and its view)`);
});

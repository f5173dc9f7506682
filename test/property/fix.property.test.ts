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

// A block of heading lines before the first section whose first entry comes again later: a
// table of contents. Renumbering the later list (every fix taken) must not turn the block into
// headings and back, round after round: its entries are matched by title, not by number.
const RENUMBERED_CONTENTS = [
  "关于市委会参政议政工作的交流材料\n（一）调研选题，精准发力。今年我们把选题放在首位。\n（二）强化自身，夯实基础\n一、主要做法\n二、工作成效\n开展专题调研，建言更有依据。\n坚持把调查研究作为基本功，全年开展调研十余次，形成报告多篇，力求把情况摸清。\n（一）重在转化，提升实效\n建立成果转化机制，推动建议落地见效。\n（二）强化自身，夯实基础\n三、工作成效\n",
  "社区志愿服务工作总结\n1.队伍建设有序推进。本年度我们重新整理了志愿者名册。\n2.服务品牌逐步形成\n一、主要做法\n二、工作成效\n志愿服务覆盖面持续扩大。\n全年组织志愿活动八十余场，参与居民逾千人次，群众满意度明显提高。\n1.搭建平台，汇聚力量\n建立社区志愿服务站，统一登记调度。\n2.服务品牌逐步形成\n三、工作成效\n",
  "县农技推广站年度述职报告\n（一）技术培训全面铺开。年初制定了培训计划。\n（二）示范基地提质增效\n一、主要做法\n二、工作成效\n农技服务更加贴近农户需求。\n全年举办培训班二十余期，培训农民三千余人次，推广新品种五个。\n（一）示范引领，以点带面\n在三个乡镇建设示范田，组织现场观摩。\n（二）示范基地提质增效\n三、工作成效\n",
];

test('fix-all with every fix converges when a renumbering changes a later entry of a table of contents', () => {
  for (const text of RENUMBERED_CONTENTS) assertIdempotent(text, (f) => !!f.fix);
});

test('fix-all is idempotent on every source in every line-ending style', { timeout: 60_000 }, () => {
  for (const src of SOURCES) {
    for (const eol of ['keep', 'crlf'] as const) {
      assertIdempotent(setEol(src, eol));
      assertIdempotent('\ufeff' + setEol(src, eol), (f) => !!f.fix);
    }
  }
});

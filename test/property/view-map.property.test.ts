// The view's map (model/view.ts ViewMap) is held as runs of equal shift; here it is held equal,
// entry by entry, to the dense map it stands for — one original offset per view index, built by
// the simplest reading of what the view drops, replaces and folds — on random texts with
// annotations, garbled bytes, boilerplate, a BOM, surrogates and folded characters.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { buildView, foldUnit, MapBuilder, type ViewMap } from '../../server/src/core/model/view';
import { PackedSpans } from '../../server/src/core/model/spans';
import type { Span } from '../../server/src/core/types';

/** The view and its dense map, a code point at a time: dropped spans skipped, garbled ones U+FFFD, the rest folded. */
function denseView(text: string, dropped: Span[], garbled: Span[]): { text: string; map: number[] } {
  let v = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (i === 0 && text.charCodeAt(0) === 0xfeff) {
      i = 1;
      continue;
    }
    const drop = dropped.find((s) => s.start <= i && i < s.end);
    if (drop) {
      i = drop.end;
      continue;
    }
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const bad = garbled.some((s) => s.start <= i && i < s.end);
    const ch = bad ? '\ufffd'.repeat(width) : width === 2 ? text.slice(i, i + 2) : foldUnit(text, i);
    for (let k = 0; k < ch.length; k++) map.push(i + k);
    v += ch;
    i += width;
  }
  map.push(text.length);
  return { text: v, map };
}

/** The first index at or after `from` whose entry is at least `offset`, else the last (ViewMap.indexOf by reading every entry). */
function firstAtLeast(map: number[], offset: number, from: number): number {
  for (let i = from; i < map.length; i++) if (map[i] >= offset) return i;
  return Math.max(from, map.length - 1);
}

function assertSameMap(map: ViewMap, dense: number[], what: string): void {
  assert.equal(map.length, dense.length, `${what}: length`);
  assert.deepEqual([...map.dense()], dense, `${what}: entries`);
  for (let i = 0; i < dense.length; i++) assert.equal(map.at(i), dense[i], `${what}: at(${i})`);
  // Runs are canonical: each starts where the one before it ends, and no two in a row share a shift.
  assert.equal(map.runStart(0), 0, `${what}: first run`);
  for (let k = 1; k < map.runs; k++) assert.notEqual(map.runShift(k), map.runShift(k - 1), `${what}: runs ${k - 1} and ${k} share a shift`);
}

const unit = fc.constantFrom(
  '發', '展', '風', '风', '的', '當(dāng)', '(dāng)', '（xíng）', '前(qián)', '確?;顒', '高??傊?個', '\ufffd', '３', '．', '５', '％', 'Ａ',
  ',', '(', ')', ':', 'a', '1', ' ', '𠀾', '😀', '\ud800', '\udc00', '\n', '\r\n', '\r', '当前位置：首页 > 新闻', '\n发布时间：2014-11-24\n', '一、主要做法', '\ufeff',
);
const text = fc.tuple(fc.boolean(), fc.array(unit, { maxLength: 60 })).map(([bom, a]) => (bom ? '\ufeff' : '') + a.join(''));

/** Random sorted, disjoint spans over a text of length n. */
const spansOver = (n: number) =>
  fc.array(fc.tuple(fc.nat(n), fc.nat(4)), { maxLength: 6 }).map((cuts) => {
    const out: Span[] = [];
    for (const [s, w] of [...cuts].sort((a, b) => a[0] - b[0])) if (w > 0 && s + w <= n && (!out.length || out[out.length - 1].end < s)) out.push({ start: s, end: s + w });
    return out;
  });

test('the view map equals its dense map: annotations and garbled runs the model finds', () => {
  fc.assert(
    fc.property(text, (t) => {
      const doc = new ReportDocument(t);
      const dense = denseView(t, [...doc.annotations], doc.garbled);
      assert.equal(doc.view.text, dense.text);
      assertSameMap(doc.view.toOrig, dense.map, JSON.stringify(t));
      for (let o = 0; o <= t.length + 1; o++) assert.equal(doc.toView(o), firstAtLeast(dense.map, o, 0), `toView(${o}) of ${JSON.stringify(t)}`);
    }),
    { numRuns: 400 },
  );
});

test('the view map equals its dense map: any dropped and garbled spans; indexOf from a place, slices and splices', () => {
  fc.assert(
    fc.property(
      text.chain((t) => fc.tuple(fc.constant(t), spansOver(t.length), spansOver(t.length), fc.nat(), fc.nat(), fc.integer({ min: -50, max: 50 }))),
      ([t, dropped, garbled, a, b, by]) => {
        const view = buildView(t, PackedSpans.of(dropped), garbled);
        const dense = denseView(t, dropped, garbled);
        const what = JSON.stringify({ t, dropped, garbled });
        assert.equal(view.text, dense.text, what);
        const map = view.toOrig;
        assertSameMap(map, dense.map, what);
        const from = a % map.length;
        for (let o = 0; o <= t.length + 1; o++) assert.equal(map.indexOf(o, from), firstAtLeast(dense.map, o, from), `${what}: indexOf(${o}, ${from})`);
        // A slice, and the map rebuilt from three pieces (the head, a slice moved, the tail) as model/derive.ts splices one.
        const [s, e] = [from, b % map.length].sort((x, y) => x - y);
        assertSameMap(map.slice(s, e + 1, by), dense.map.slice(s, e + 1).map((o) => o + by), `${what}: slice(${s}, ${e + 1}, ${by})`);
        const spliced = new MapBuilder().append(map, 0, s, 0, 0).append(map.slice(s, e, by), 0, e - s, s, -by).append(map, e, map.length, e, 0).finish(map.length);
        assert.deepEqual(spliced, map, `${what}: spliced at ${s}–${e}`);
      },
    ),
    { numRuns: 400 },
  );
});

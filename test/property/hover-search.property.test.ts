// Property: the hovers find their figures by binary search (authoring/figure-hover.ts
// quantityAt, authoring/figures-table.ts figuresIn), and find what a walk through every figure
// of the document finds: the figure under each offset, and how many figures each section holds.
// And a heading's hover on a version whose heading tree is not built (it first asks whether the
// line holds a heading candidate: outline/heading-info.ts sectionAtHeading) answers as it does
// once the tree is built, at every offset.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { quantityAt } from '../../server/src/core/authoring/figure-hover';
import { headingHover } from '../../server/src/core/authoring/hover';
import { withDefaults } from '../../server/src/core/config/config';
import { figuresIn } from '../../server/src/core/authoring/figures-table';
import { quantities, type Quantity } from '../../server/src/core/figures/quantity';
import { eachSection } from '../../server/src/core/outline/siblings';
import type { Span } from '../../server/src/core/types';
import { doc, runs, SOURCES } from './gen';

/** The figure under an offset as the walk finds it: the first, in text order, that holds it (or ends right before it, the character before inside it). */
function quantityAtByWalk(d: ReportDocument, offset: number): Quantity | undefined {
  const v = d.toView(offset);
  for (const q of quantities(d)) {
    if (q.start <= v && v < q.end) return q;
    if (v === q.end && offset > 0 && d.toView(offset - 1) < q.end) return q;
  }
  return undefined;
}

/** The kinds the figures table lists (and a section's hover counts). */
const LISTED = new Set(['count', 'percent', 'points', 'money', 'measure', 'time', 'multiple']);

/** The figures of those kinds whose original start lies in the span, every figure mapped to the text. */
function figuresInByWalk(d: ReportDocument, span: Span): number {
  return quantities(d)
    .filter((q) => LISTED.has(q.kind))
    .map((q) => d.toOrig(q.start, q.end))
    .filter((o) => o.start >= span.start && o.start < span.end).length;
}

/** Heading hovers compared (on a heading), across the texts. */
let headings = 0;

/** Compares both ways on a text: at every offset, for every section and a few spans. Returns how many offsets have a figure. */
function same(text: string, salt: number): number {
  // Separate documents: the searches' memo (the longest figure) is not the walk's.
  const a = new ReportDocument(text);
  const b = new ReportDocument(text);
  let found = 0;
  for (let o = 0; o <= text.length; o++) {
    const want = quantityAtByWalk(a, o);
    assert.equal(quantityAt(b, o)?.start, want?.start, `figure at ${o} of ${JSON.stringify(text.slice(0, 200))}`);
    if (want) found++;
  }
  // A heading's hover, the tree not built (each offset on a version of its own) and built.
  const ctx = { config: withDefaults({}), locale: 'zh' as const };
  const built = new ReportDocument(text);
  void built.sections;
  for (let o = 0; o <= text.length; o++) {
    const want = headingHover(built, o, ctx);
    // Only where the answer may differ: the lines that hold a heading, and every fifth offset.
    if (want || o % 5 === 0) {
      const fresh = new ReportDocument(text);
      assert.deepEqual(headingHover(fresh, o, ctx), want, `heading hover at ${o}`);
      if (want) headings++;
    }
  }
  const spans: Span[] = eachSection(b).map((s) => ({ start: s.start, end: s.end }));
  for (let k = 1; k <= 6; k++) {
    const x = (salt * k * 7919) % (text.length + 1);
    const y = (salt * k * 104729) % (text.length + 1);
    spans.push({ start: Math.min(x, y), end: Math.max(x, y) });
  }
  for (const s of spans) assert.equal(figuresIn(b, s), figuresInByWalk(a, s), `figures in [${s.start}, ${s.end})`);
  return found;
}

test('figure under an offset and figures in a section by binary search = by walking every figure: reports', () => {
  let found = 0;
  SOURCES.forEach((text, k) => (found += same(text, k + 1)));
  // Compared where there are figures and headings, not on empty answers alone.
  assert.ok(found > 1000, `only ${found} offsets on a figure`);
  assert.ok(headings > 100, `only ${headings} offsets on a heading`);
});

test('figure under an offset and figures in a section by binary search = by walking every figure: random reports', () => {
  let found = 0;
  fc.assert(
    fc.property(doc(1200), fc.nat(1000), (text, salt) => {
      found += same(text, salt + 1);
    }),
    runs(150),
  );
  assert.ok(found > 500, `only ${found} offsets on a figure`);
});

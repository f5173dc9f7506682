// Property: the hover on a figure reads the per-paragraph figures rules' relations from the
// hovered line alone (authoring/figure-hover.ts), and shows exactly what it shows when it
// reads every relation of the whole document: same span, same Markdown, at every figure,
// every listed name or item and every date a relation involves, and at offsets between them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { withDefaults } from '../../server/src/core/config/config';
import { figureHover, figureHoverWith, wholeRelationsAt } from '../../server/src/core/authoring/figure-hover';
import { figures } from '../../server/src/core/rules/figures';
import type { Locale } from '../../server/src/core/types';
import { CORPUS, FIXTURES } from '../paths';
import { doc, runs } from './gen';

const whole = figureHoverWith(wholeRelationsAt);

/** Offsets worth hovering: each figure's ends, each place and relation's start, and a few in between. */
function offsetsOf(d: ReportDocument, salt: number): number[] {
  const { quantities, relations } = figures(d);
  const at = new Set<number>();
  const add = (s: { start: number; end: number }) => {
    const o = d.toOrig(s.start, s.end);
    at.add(o.start);
    at.add(Math.max(o.start, o.end - 1));
    at.add(o.end);
  };
  quantities.forEach(add);
  for (const r of relations) {
    add(r);
    (r.places ?? []).forEach(add);
  }
  for (let k = 0; k < 8; k++) at.add((salt * (k + 1) * 7919) % (d.text.length + 1));
  return [...at].filter((o) => o <= d.text.length).sort((a, b) => a - b);
}

function sameHovers(text: string, salt: number): number {
  const config = withDefaults({});
  let answered = 0;
  for (const locale of ['zh', 'en'] as Locale[]) {
    // Separate documents: each way builds what it reads itself, nothing memoised by the other.
    const a = new ReportDocument(text);
    const b = new ReportDocument(text);
    for (const o of offsetsOf(a, salt)) {
      const got = figureHover(b, o, { config, locale });
      const want = whole(a, o, { config, locale });
      assert.deepEqual(got, want, `hover at ${o} of ${JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)}`);
      if (want) answered++;
    }
  }
  return answered;
}

test('figure hover from the hovered line = from the whole document: corpus and rule fixtures', () => {
  const files = [
    ...fs.readdirSync(CORPUS).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md').map((n) => path.join(CORPUS, n)),
    ...fs.readdirSync(path.join(FIXTURES, 'figures')).map((n) => path.join(FIXTURES, 'figures', n)),
  ];
  let answered = 0;
  files.forEach((f, k) => {
    const text = fs.readFileSync(f, 'utf8');
    answered += sameHovers(text, k + 1);
    // Lines that cannot be read alone (run/incremental.ts lineLocal): a byte-order mark starting every third line.
    answered += sameHovers(text.split('\n').map((l, i) => (i % 3 === 2 ? '\ufeff' + l : l)).join('\n'), k + 1);
    // Fenced blocks and comments over lines: the checker reads a line in one after a line that opens it; the figures rules do not read Markdown.
    answered += sameHovers(text.split('\n').map((l, i) => (i % 5 === 1 ? '```\n' + l : i % 7 === 3 ? '<!-- ' + l : i % 7 === 5 ? l + ' -->' : l)).join('\n'), k + 1);
  });
  // The comparison is made where hovers answer, with relations: not on empty results alone.
  assert.ok(answered > 1000, `only ${answered} hovers answered`);
});

test('figure hover from the hovered line = from the whole document: random reports', { timeout: 120_000 }, () => {
  let answered = 0;
  fc.assert(
    fc.property(doc(1500), fc.nat(1000), (text, salt) => {
      answered += sameHovers(text, salt + 1);
    }),
    runs(60),
  );
  assert.ok(answered > 200, `only ${answered} hovers answered`);
});

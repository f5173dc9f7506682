// Property: what a version drops when its run ends (run/incremental.ts RUN_ONLY: the whole
// document's relations of the per-line figures rules, the group index, the figures by kind,
// the typography scope) is made again when it is asked for, and the same: every relation and
// figure of a version the server's checker has analysed (the first, read whole, and one after
// an edit) equals those of a fresh document of the same text. And it is dropped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import { figures } from '../../server/src/core/rules/figures';
import { foundKey } from '../../server/src/core/rules/figures/relation-rule';
import { CORPUS } from '../paths';
import { doc, runs } from './gen';

const DROPPED = [foundKey('figures/parts-total'), foundKey('figures/named-count'), 'figures:groupIndex', 'figures:quantitiesByKind', 'punct:scope'];

/** A document's figures and relations as plain data (messages built). */
function plain(d: ReportDocument): string {
  const { quantities, relations } = figures(d);
  return JSON.stringify({
    quantities: quantities.map((q) => [q.start, q.end, q.value, q.kind, q.role ?? '']),
    relations: relations.map((r) => ({ ...r, quantities: r.quantities.map((q) => q.index), fix: r.fix?.((s, e) => ({ start: s, end: e })) })),
  });
}

/** The checker's analysis of `text`, then of `text` edited: each version's figures equal a fresh document's. */
function same(text: string, edited: string): void {
  const checker = new IncrementalChecker();
  for (const t of [text, edited]) {
    const d = checker.check(t).doc;
    for (const k of DROPPED) assert.equal(d.memoed(k), undefined, `${k} is kept after the run`);
    assert.equal(plain(d), plain(new ReportDocument(t)), `figures of ${JSON.stringify(t.length > 200 ? t.slice(0, 200) + '…' : t)}`);
  }
}

const editOf = (text: string, at: number): string => {
  const k = Math.floor(at * (text.length + 1));
  return `${text.slice(0, k)}，共有党员1200名，其中女党员300名、男党员800名。${text.slice(k)}`;
};

test('what a run drops is made again the same: corpus', () => {
  for (const n of fs.readdirSync(CORPUS).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')) {
    const text = fs.readFileSync(path.join(CORPUS, n), 'utf8');
    same(text, editOf(text, 0.5));
  }
});

test('what a run drops is made again the same: random reports', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1500), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => same(text, editOf(text, at))),
    runs(60),
  );
});

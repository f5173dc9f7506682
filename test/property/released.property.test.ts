// Property: what a version drops when its run ends (run/incremental.ts RUN_ONLY: the whole
// document's relations of the per-line figures rules, the group index, the figures by kind,
// the typography scope, the outline's numbered groups; and the mask of what the script
// profile does not count, which the profile no longer holds) is made again when it is asked
// for, and the same: every relation and figure, the script's strays, the numbered groups and
// headings by line of a version the server's checker has analysed (the first, read whole, and
// one after an edit) equal those of a fresh document of the same text.
// And it is dropped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import { figures } from '../../server/src/core/rules/figures';
import { foundKey } from '../../server/src/core/rules/figures/relation-rule';
import { documentScript } from '../../server/src/core/rules/text/script-mixing';
import { MAX_FINDINGS, SCOPE_KEY } from '../../server/src/core/model/scope';
import { convertScript } from '../../server/src/core/script/convert';
import { headingAtLine, numberedGroups } from '../../server/src/core/outline/siblings';
import { CORPUS } from '../paths';
import { doc, runs } from './gen';

const DROPPED = [foundKey('figures/parts-total'), foundKey('figures/named-count'), 'figures:groupIndex', 'figures:quantitiesByKind', SCOPE_KEY, 'outline:numberedGroups'];

/** A document's figures and relations as plain data (messages built), and its script's strays past the rule's limit (found again, with the mask of what is not counted: the scope's is dropped). */
function plain(d: ReportDocument): string {
  const strays = documentScript(d).strays(MAX_FINDINGS + 40);
  const groups = numberedGroups(d).map((g) => [g.level, g.parent?.heading.line ?? -1, g.items.map((s) => s.heading.line)]);
  const atLine = d.lines.map((l) => headingAtLine(d, l.index)?.span.start ?? -1);
  const { quantities, relations } = figures(d);
  return JSON.stringify({
    strays,
    groups,
    atLine,
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
  // A traditional report with a simplified stray, and simplified page furniture after it (a boilerplate line, not counted): finding the strays again reads the mask.
  const t = convertScript(fs.readFileSync(path.join(CORPUS, 'P01.txt'), 'utf8'), 'traditional');
  const at = t.indexOf('\n', t.length >> 1) + 1;
  const furnished = `记者 王明\n${t.slice(0, at)}当前位置：首页 > 新闻动态\n${t.slice(at)}`;
  same(furnished, editOf(furnished, 0.8));
});

test('what a run drops is made again the same: random reports', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1500), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => same(text, editOf(text, at))),
    runs(60),
  );
});

// How a finding holds its fix (core/types.ts OwnRangeFix): a fix of one edit over the
// finding's own range is held as its replacement text alone, and every consumer reads the
// edits through fixEdits / fixOf. These tests hold what those give to what the rules reported.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runRule, effectiveSeverity } from '../../server/src/core/run/check';
import { IncrementalChecker } from '../../server/src/core/run/incremental';
import { withDefaults, type Config } from '../../server/src/core/config/config';
import { ReportDocument } from '../../server/src/core/model/document';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rule';
import { fixEdits, fixOf, isOwnRange, type Finding, type Fix, type Report } from '../../server/src/core/types';
import { fixtureFiles, parseFixture } from '../fixture-format';
import { PASTED_FILE } from '../reports/pasted';

/** The rule's fix as it reported it, with its edits. */
function reported(r: Report): Fix | undefined {
  const fix = r.fix;
  if (!fix) return undefined;
  return isOwnRange(fix) ? { title: fix.title, edits: [{ start: r.start, end: r.end, newText: fix.newText }], safe: fix.safe } : fix;
}

/** Every rule run on the text, each finding beside the report it came from (one finding per report, in order). */
function pairs(text: string, config: Config): [Report, Finding][] {
  const doc = new ReportDocument(text);
  const out: [Report, Finding][] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule, config);
    if (!severity) continue;
    const reports: Report[] = [];
    const spy: Rule = { ...rule, check: (d, ctx) => rule.check(d, { ...ctx, report: (r) => (reports.push(r), ctx.report(r)) }) };
    const findings: Finding[] = [];
    if (!runRule(doc, spy, config, severity, findings)) continue;
    assert.equal(findings.length, reports.length, rule.id);
    reports.forEach((r, i) => out.push([r, findings[i]]));
  }
  return out;
}

const texts = (): { name: string; text: string; config?: Partial<Config> }[] => {
  const out: { name: string; text: string; config?: Partial<Config> }[] = [{ name: 'pasted', text: fs.readFileSync(PASTED_FILE, 'utf8') }];
  for (const { rule, file } of fixtureFiles()) parseFixture(fs.readFileSync(file, 'utf8'), rule).forEach((c, i) => out.push({ name: `${rule}#${i}`, text: c.text, config: c.config }));
  return out;
};

test('a finding gives the edits its rule reported; a fix of its own range is held without positions', () => {
  let own = 0;
  let other = 0;
  for (const { name, text, config } of texts()) {
    // A fix the safety net repairs or drops (garbled runs, the BOM) is not the rule's: those texts are the property tests'.
    if (text.includes('\ufffd') || text.startsWith('\ufeff')) continue;
    for (const [r, f] of pairs(text, withDefaults(config))) {
      const fix = reported(r);
      if (!fix || !f.fix) continue;
      assert.deepEqual(fixOf(f), { title: fix.title, edits: fix.edits, safe: fix.safe }, `${name} ${f.rule} ${f.start}`);
      assert.deepEqual(fixEdits(f), fix.edits, `${name} ${f.rule} ${f.start}`);
      const ownRange = fix.edits.length === 1 && fix.edits[0].start === f.start && fix.edits[0].end === f.end;
      assert.equal(isOwnRange(f.fix), ownRange, `${name} ${f.rule} ${f.start}: held as ${isOwnRange(f.fix) ? 'its own range' : 'edits'}`);
      if (ownRange) own++;
      else other++;
    }
  }
  // Both kinds were seen (the fixtures have fixes of their own range and fixes elsewhere).
  assert.ok(own > 100 && other > 10, `${own} own-range fixes, ${other} others`);
});

test('findings without a fix give no edits', () => {
  const f: Finding = { rule: 'x/y', severity: 'hint', start: 3, end: 5, message: { zh: '', en: '' } };
  assert.deepEqual(fixEdits(f), []);
  assert.equal(fixOf(f), undefined);
});

test('pinyin annotations with the same words share one fix, and findings moved by an edit keep it', () => {
  const para = '今(jīn)年(nián)以来，我们围(wéi)绕(rào)中心工作开(kāi)展活动。\n';
  const text = para.repeat(30);
  const checker = new IncrementalChecker();
  const first = checker.check(text).findings.toArray().filter((f) => f.rule === 'text/pinyin-annotation');
  assert.equal(first.length, 150);
  // Five annotations a paragraph, each with its own words: five fixes in all.
  assert.equal(new Set(first.map((f) => f.fix)).size, 5);
  assert.ok(first.every((f) => f.fix && isOwnRange(f.fix)));
  // A character typed in the first line moves every finding after it: new findings, the same fixes.
  const next = checker.check('一' + text).findings.toArray().filter((f) => f.rule === 'text/pinyin-annotation');
  assert.equal(next.length, first.length);
  next.forEach((g, i) => {
    assert.equal(g.start, first[i].start + 1);
    assert.equal(g.fix, first[i].fix);
    assert.deepEqual(fixEdits(g), [{ start: g.start, end: g.end, newText: '' }]);
  });
});

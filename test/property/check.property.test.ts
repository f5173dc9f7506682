// Property: on any text — windows of real reports, mutated — the check of every rule in the
// registry never throws, and every finding, related span and fix edit is a valid range of
// the document that splits neither a surrogate pair nor a CRLF; fixes edit only inside their
// own finding (or insert at a documented anchor) and keep the BOM and line-ending style.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, checkHooks, compareFindings, sortFindings } from '../../server/src/core/run/check';
import { fixEdits, type Finding } from '../../server/src/core/types';
import type { ReportDocument } from '../../server/src/core/model/document';
import type { Span } from '../../server/src/core/types';
import { applyEdits } from '../../server/src/core/run/fix';
import { doc, runs, SOURCES, setEol } from './gen';
import { findingProblems, fixedTextProblems } from './invariants';

let generated = 0;

/** Headings' numbering markers: where renumbering fixes may edit. */
export function markersOf(doc: ReportDocument): Span[] {
  return doc.headings.flatMap((h) => (h.markerSpan ? [h.markerSpan] : []));
}

function assertValid(text: string): void {
  generated++;
  const repairs: string[] = [];
  checkHooks.onRepair = (rule, what) => repairs.push(`${rule}: ${what} (repaired by check)`);
  let result;
  try {
    result = check(text);
  } finally {
    checkHooks.onRepair = undefined;
  }
  const { findings, doc } = result;
  const problems = [...repairs, ...findingProblems(text, findings, markersOf(doc))];
  // Each fix applied on its own (safe or not) keeps BOM, line endings and surrogate pairs.
  // (On small texts only: on whole reports the edit-level checks above say the same, faster.)
  for (const f of text.length < 2000 ? findings : []) {
    if (!f.fix || problems.length) continue;
    const edits = [...fixEdits(f)].sort((a, b) => a.start - b.start);
    problems.push(...fixedTextProblems(text, applyEdits(text, edits)).map((m) => `${f.rule} fix: ${m}`));
  }
  assert.deepEqual(problems, [], `on ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`);
}

test('findings and fixes are valid ranges on small mutated reports', { timeout: 60_000 }, () => {
  fc.assert(fc.property(doc(600, 10), assertValid), runs(900));
});

test('findings and fixes are valid ranges on whole mutated reports', { timeout: 60_000 }, () => {
  fc.assert(fc.property(doc(20_000, 25), assertValid), runs(60));
});

test('findings are valid on random code units (binary, lone surrogates, controls)', { timeout: 30_000 }, () => {
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0x4e00, max: 0x9fa5 }),
    fc.constantFrom(10, 13, 0x3001, 0x3002, 0xff0c, 0x201c, 0x201d, 0x300a, 0x300b, 0x28, 0x29, 0x30, 0x35),
  );
  fc.assert(fc.property(fc.array(unit, { maxLength: 300 }).map((a) => String.fromCharCode(...a)), assertValid), runs(200));
});

test('every source with every line-ending style and a BOM', { timeout: 60_000 }, () => {
  for (const src of SOURCES) {
    for (const eol of ['lf', 'crlf', 'cr'] as const) {
      assertValid(setEol(src, eol));
      assertValid('\ufeff' + setEol(src, eol));
    }
  }
});

test('sortFindings orders as the stable Array.prototype.sort with compareFindings (runs, ties, reversed)', () => {
  // Few distinct starts, ends and rules, so that ties (kept in their order) are common.
  const finding = fc.record({ start: fc.nat(6), len: fc.nat(3), rule: fc.constantFrom('a/x', 'a/y', 'b/x') });
  fc.assert(
    fc.property(fc.array(fc.array(finding, { maxLength: 12 }), { maxLength: 8 }), fc.boolean(), (chunks, sortChunks) => {
      // Chunks like one rule's findings: in order (as rules report) or not.
      const findings: Finding[] = [];
      let n = 0;
      for (const chunk of chunks) {
        const fs = chunk.map((x): Finding => ({ rule: x.rule, severity: 'warning', start: x.start, end: x.start + x.len, message: { zh: String(n), en: String(n++) } }));
        if (sortChunks) fs.sort(compareFindings);
        findings.push(...fs);
      }
      const expected = [...findings].sort(compareFindings);
      sortFindings(findings);
      assert.deepEqual(findings.map((f) => f.message.en), expected.map((f) => f.message.en));
    }),
    { numRuns: 500 },
  );
});

test('at least 1,000 generated documents were checked', () => {
  const scale = Number(process.env.FC_RUNS ?? '1') || 1;
  if (scale >= 1) assert.ok(generated >= 1000, `only ${generated} documents`);
});

// `npm run test:reference`: the assertions of test/reports/suite.ts on the reference report,
// and the CLI on it. Run by scripts/test-reference.mjs, which skips in one line when the
// report is not there.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pastedReportSuite } from '../reports/suite';
import { cli, type JsonDiagnostic } from '../cli/run-cli';
import { reference, REFERENCE_FILE } from './reference';

pastedReportSuite(reference());

test('reference report: the CLI exits 1 with its one figure finding', () => {
  const r = cli(['--format', 'json', '--locale', 'en', REFERENCE_FILE]);
  assert.equal(r.code, 1, r.stderr);
  const diagnostics: JsonDiagnostic[] = JSON.parse(r.stdout).files[0].diagnostics;
  const figs = diagnostics.filter((d) => d.rule.startsWith('figures/'));
  assert.deepEqual(figs.map((d) => `${d.rule} ${d.severity}`), ['figures/named-count error']);
  assert.match(figs[0].message, /2 \+ 5 = 7 ≠ 8/);
});

// Hostile inputs (SPEC §8): each case runs check() — and, where cheap, fix-all — in a child
// process that is killed after a bound, so a hang (a backtracking pattern, a quadratic
// loop) fails this test instead of freezing `npm test`. The bound catches hangs; it is not
// a benchmark (see bench/). Every finding must still be a valid range, no rule may throw,
// and a refused input gets one clear finding.
//
// This file is both the test and (with HOSTILE_CASE set) the child that runs one case.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { check, checkHooks } from '../../server/src/core/run/check';
import { fixAll } from '../../server/src/core/run/fix';
import { CASES } from './cases';
import { findingProblems, fixedTextProblems } from '../property/invariants';

const BOUND_MS = Number(process.env.HOSTILE_BOUND_MS ?? 10_000);

interface Outcome {
  ms: number;
  findings: number;
  byRule: Record<string, number>;
  problems: string[];
  refused?: { zh: string; en: string };
  fix?: { rounds: number; idempotent: boolean; problems: string[] };
}

function runCase(name: string): Outcome {
  const c = CASES[name];
  const text = c.text();
  const repairs: string[] = [];
  checkHooks.onRepair = (rule, what) => repairs.push(`${rule}: ${what} (repaired by check)`);
  // CPU time, not wall time: a busy machine must not fail this, a hang must.
  const t0 = process.cpuUsage();
  const { findings, doc } = check(text, c.config);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  checkHooks.onRepair = undefined;
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const markers = doc.headings.flatMap((h) => (h.markerSpan ? [h.markerSpan] : []));
  const out: Outcome = { ms, findings: findings.length, byRule, problems: [...repairs, ...findingProblems(text, findings, markers)].slice(0, 20) };
  const tooLarge = findings.find((f) => f.rule === 'text/too-large');
  if (tooLarge) out.refused = tooLarge.message;
  if (c.fix) {
    const once = fixAll(text, c.config);
    const twice = fixAll(once.text, c.config);
    out.fix = { rounds: once.rounds, idempotent: twice.text === once.text, problems: fixedTextProblems(text, once.text) };
  }
  return out;
}

function runInChild(name: string, bound: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOSTILE_CASE: name };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, ['--max-old-space-size=4096', __filename], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`"${name}" did not finish within ${bound} ms (killed)`));
    }, bound);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`"${name}" exited with ${code}:\n${stderr.slice(-3000)}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`"${name}" printed no result:\n${stdout.slice(-500)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

if (process.env.HOSTILE_CASE) {
  process.stdout.write(JSON.stringify(runCase(process.env.HOSTILE_CASE)));
} else {
  // Two cases at a time: each is its own process, and what is asserted is CPU time.
  describe('hostile inputs', { concurrency: 2 }, () => {
    for (const [name, c] of Object.entries(CASES)) {
      // The child is killed after a wall-clock time well above the bound: a busy machine
      // (other test files, two cores) stretches wall time; CPU time is what is asserted.
      const bound = c.bound ?? BOUND_MS;
      test(`hostile: ${name}`, { timeout: 12 * bound + 30_000 }, async () => {
        const o = await runInChild(name, 12 * bound);
        assert.ok(o.ms < bound, `check took ${Math.round(o.ms)} ms of CPU (bound ${bound} ms)`);
        assert.deepEqual(o.problems, [], 'findings are valid ranges and no rule threw');
        if (c.refused) {
          assert.equal(o.findings, 1, 'a refused document gets exactly one finding');
          assert.ok(o.refused, 'the finding is text/too-large');
          assert.match(o.refused.zh, /过大.*\d+.*上限.*\d+/, 'the Chinese message gives the size and the limit');
          assert.match(o.refused.en, /too large.*\d+.*limit.*\d+/i, 'the English message gives the size and the limit');
        } else {
          assert.equal(o.refused, undefined, 'the document is checked, not refused');
        }
        if (o.fix) {
          assert.ok(o.fix.idempotent, 'fix-all is idempotent');
          assert.ok(o.fix.rounds < 10, 'fix-all converges');
          assert.deepEqual(o.fix.problems, [], 'fix-all keeps BOM, line endings and surrogate pairs');
        }
      });
    }
  });
}

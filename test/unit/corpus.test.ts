// The public corpus (test/corpus/: 12 reports and key.jsonl, see its README) scored as its key
// asks: every planted error is found (a finding of that rule whose range meets one of the
// error's places), and the figures and outline rules raise no error or warning that meets
// no planted error (style notes are not counted). Typography is recall only: the key does not list every legitimate
// style finding of a draft.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/run/check';
import type { Finding } from '../../server/src/core/types';
import { CORPUS } from '../paths';

interface Place {
  line: number;
  quote: string;
}
interface Planted extends Place {
  rule: string;
  also?: Place[];
}
interface Key {
  id: string;
  file: string;
  correct: boolean;
  errors: Planted[];
}

const KEY: Key[] = fs
  .readFileSync(path.join(CORPUS, 'key.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
/** Style notes the key does not count. */
const STYLE = new Set(['outline/numbering-style', 'outline/unquantified-results']);
const counted = (f: Finding) => (f.severity === 'error' || f.severity === 'warning') && !STYLE.has(f.rule);
const family = (rule: string) => (/^(punct|numbers|text|terms)\//.test(rule) ? 'typography' : rule.split('/')[0]);

/** UTF-16 offsets of a place: its quote (up to an ellipsis) on its line, or the whole line. */
function span(text: string, p: Place): { start: number; end: number } {
  const lines = text.split('\n');
  const lineStart = lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[p.line - 1];
  const whole = p.quote ? line.indexOf(p.quote) : -1;
  if (whole >= 0) return { start: lineStart + whole, end: lineStart + whole + p.quote.length };
  const part = p.quote.split('…')[0].split('...')[0].trim();
  const at = part ? line.indexOf(part) : -1;
  if (at < 0) return { start: lineStart, end: lineStart + line.length };
  return { start: lineStart + at, end: lineStart + at + part.length };
}
const meets = (f: Finding, s: { start: number; end: number }) => f.start < s.end && Math.max(f.end, f.start + 1) > s.start;

test('corpus: the key and the reports agree (quotes on their lines)', () => {
  assert.equal(KEY.length, 12);
  for (const k of KEY) {
    const lines = fs.readFileSync(path.join(CORPUS, k.file), 'utf8').split('\n');
    for (const e of k.errors) {
      if (e.quote) assert.ok(lines[e.line - 1].includes(e.quote.split('…')[0].split('...')[0].trim()), `${k.id}:${e.line} ${e.quote}`);
    }
  }
});

for (const k of KEY) {
  test(`corpus ${k.id}: ${k.errors.length ? `the ${k.errors.length} planted errors are found` : 'a correct report'}, no figure or outline false alarm`, () => {
    const text = fs.readFileSync(path.join(CORPUS, k.file), 'utf8');
    const all = check(text).findings;
    const findings = all.filter(counted);
    const places = k.errors.map((e) => ({ e, spans: [e, ...(e.also ?? [])].map((p) => span(text, p)) }));
    const missed = places.filter(({ e, spans }) => !all.some((f) => f.rule === e.rule && spans.some((s) => meets(f, s))));
    assert.deepEqual(missed.map(({ e }) => `${e.rule} line ${e.line}: ${e.quote}`), [], 'planted errors not found');
    const alarms = findings.filter(
      (f) => family(f.rule) !== 'typography' && !places.some(({ e, spans }) => family(e.rule) === family(f.rule) && spans.some((s) => meets(f, s))),
    );
    assert.deepEqual(alarms.map((f) => `${f.rule} ${text.slice(f.start, f.end).slice(0, 40)}`), [], 'false alarms');
    if (k.correct) assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), [], 'no error on a correct report');
  });
}

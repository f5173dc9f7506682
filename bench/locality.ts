// Which rules are line-local in practice: a rule's findings on a whole document against the
// findings of the same rule on each line alone (the line with its break), shifted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check } from '../server/src/core/run/check';
import { RULES } from '../server/src/core/rules';
import { splitLines } from '../server/src/core/model/lines';
import { doc as genDoc } from '../test/property/gen';
import { benchParts } from './texts';
import { fixEdits, type Finding } from '../server/src/core/types';

const key = (f: Finding, shift: number) => JSON.stringify([f.rule, f.severity, f.start + shift, f.end + shift, f.message.zh, f.message.en, f.related?.map((r) => [r.start + shift, r.end + shift, r.message.zh]), f.fix && [f.fix.title.zh, f.fix.safe, fixEdits(f).map((e) => [e.start + shift, e.end + shift, e.newText])]]);
const texts: string[] = [];
const { pasted, corpus } = benchParts();
texts.push(pasted, ...corpus);
for (const d of ['/work/shared/realdev']) if (fs.existsSync(d)) for (const n of fs.readdirSync(d)) texts.push(fs.readFileSync(path.join(d, n), 'utf8'));
texts.push(...fc.sample(genDoc(3000, 12), { numRuns: 400, seed: 7 }));
const bad = new Map<string, number>();
const examples = new Map<string, string>();
for (const text of texts) {
  const whole = new Map<string, string[]>();
  for (const f of check(text).findings) (whole.get(f.rule) ?? whole.set(f.rule, []).get(f.rule)!).push(key(f, 0));
  const parts = new Map<string, string[]>();
  const lines = splitLines(text);
  for (const l of lines) {
    const next = l.index + 1 < lines.length ? lines[l.index + 1].start : text.length;
    const seg = text.slice(l.start, next);
    for (const f of check(seg).findings) (parts.get(f.rule) ?? parts.set(f.rule, []).get(f.rule)!).push(key(f, l.start));
  }
  for (const r of RULES) {
    const a = (whole.get(r.id) ?? []).sort().join('\n');
    const b = (parts.get(r.id) ?? []).sort().join('\n');
    if (a !== b) {
      bad.set(r.id, (bad.get(r.id) ?? 0) + 1);
      if (!examples.has(r.id)) examples.set(r.id, text.slice(0, 200));
    }
  }
}
for (const r of RULES) console.log(`${(bad.get(r.id) ?? 0).toString().padStart(4)} of ${texts.length}  ${r.id}`);
// Details for one rule: LOCALITY_RULE=punct/halfwidth
const only = process.env.LOCALITY_RULE;
if (only) {
  for (const text of texts) {
    const a = check(text).findings.filter((f) => f.rule === only).map((f) => key(f, 0)).sort();
    const lines = splitLines(text);
    const b: string[] = [];
    for (const l of lines) {
      const next = l.index + 1 < lines.length ? lines[l.index + 1].start : text.length;
      for (const f of check(text.slice(l.start, next)).findings) if (f.rule === only) b.push(key(f, l.start));
    }
    b.sort();
    if (a.join('\n') !== b.join('\n')) {
      console.log('TEXT', JSON.stringify(text.length > 3000 ? '(long)' : text));
      console.log('whole only', a.filter((x) => !b.includes(x)));
      console.log('lines only', b.filter((x) => !a.includes(x)));
      for (const x of [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))]) {
        const s = JSON.parse(x)[2];
        console.log('context', JSON.stringify(text.slice(Math.max(0, s - 30), s + 30)));
      }
    }
  }
}

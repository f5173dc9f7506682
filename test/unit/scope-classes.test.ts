// The scope's one pass over the text (model/scope.ts) finds the characters each typography rule
// looks for; the rules then ask its finder instead of scanning. The classes are written there
// once more, so every UTF-16 code unit is held to each rule's own character set here: a
// character added to a rule and not to its class would silently never be looked at.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/core/model/document';
import { scope, HALF_MARK, STRAY_SPACE, FULL_DIGIT, DASH } from '../../server/src/core/model/scope';
import { ANY_SPACE } from '../../server/src/core/rules/text/stray-space';
import { FULL } from '../../server/src/core/rules/punct/halfwidth';
import { RUN } from '../../server/src/core/rules/numbers/fullwidth-digit';
import { RANGE } from '../../server/src/core/rules/punct/range';

// Every code unit but the surrogates (a lone one is no character), each on a line of its own.
const units: number[] = [];
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units.push(c);
const text = units.map((c) => String.fromCharCode(c)).join('\n');
const found = (cls: number): Set<number> => {
  const next = scope(new ReportDocument(text)).finder(cls);
  const out = new Set<number>();
  for (let i = next(0); i < text.length; i = next(i + 1)) out.add(text.charCodeAt(i));
  return out;
};
const expect = (is: (ch: string) => boolean): Set<number> => new Set(units.filter((c) => is(String.fromCharCode(c))));

test('STRAY_SPACE is text/stray-space’s ANY_SPACE', () => {
  assert.deepEqual(found(STRAY_SPACE), expect((ch) => ANY_SPACE.test(ch)));
});

test('HALF_MARK is punct/halfwidth’s marks and the straight quote', () => {
  assert.deepEqual(found(HALF_MARK), expect((ch) => ch in FULL || ch === '"'));
});

test('FULL_DIGIT is what starts a run of numbers/fullwidth-digit', () => {
  const start = new RegExp(`^(?:${RUN.source})`);
  assert.deepEqual(found(FULL_DIGIT), expect((ch) => start.test(ch)));
});

test('DASH is what punct/range takes between two numbers', () => {
  // `1?2` is a range exactly when ? is one of its marks (a digit, a point or % makes no range of it).
  const range = new RegExp(RANGE.source);
  assert.deepEqual(found(DASH), expect((ch) => range.test(`1${ch}2`)));
});

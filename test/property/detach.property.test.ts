// Property: the copies core/detach.ts makes of strings a version keeps (detached: no slice of a
// larger text; flat: a concatenation in one piece) are the same characters, code unit for code
// unit — lone surrogates, pairs and line breaks included — whatever the string is made of.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detached, flat } from '../../server/src/core/detach';
import { runs } from './gen';

/** Strings as a rule makes them: pieces of any UTF-16 (lone surrogates too) joined, or cut out of a longer one. */
const made = fc.oneof(
  fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }).map((pieces) => pieces.join('')),
  fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' })).map(([a, b, c]) => `${a}“${b}”，${c}`),
  fc.tuple(fc.string({ unit: 'binary', minLength: 20, maxLength: 80 }), fc.nat(80), fc.nat(80)).map(([s, i, j]) => s.slice(Math.min(i, j), Math.max(i, j))),
);

test('flat and detached give the same string, code unit for code unit', () => {
  fc.assert(
    fc.property(made, (s) => {
      for (const copy of [flat(s), detached(s)]) {
        assert.equal(copy.length, s.length);
        assert.equal(copy, s);
      }
    }),
    runs(500),
  );
});

// How messages quote the document: clip cuts at a whole character (code point), never inside a
// surrogate pair, and leaves a quote within the limit as it is.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clip, MAX_QUOTE } from '../../server/src/core/quote';

/** The rule, read plainly: at most `max` code points, then `…`. */
function clipPlain(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

test('clip: the first max characters and …, counted by code point (Han, astral and ASCII mixed)', () => {
  const char = fc.constantFrom('报', '告', '𠀀', '𪚥', 'a', '1', '，', ' ');
  fc.assert(
    fc.property(fc.array(char, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (cs, max) => {
      const s = cs.join('');
      assert.equal(clip(s, max), clipPlain(s, max));
    }),
    { numRuns: 2000 },
  );
  // Within the limit in code points but not in code units: kept whole.
  const astral = '𠀀'.repeat(MAX_QUOTE);
  assert.equal(clip(astral), astral);
  assert.equal(clip(astral + '𠀀'), astral + '…');
});

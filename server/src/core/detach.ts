// Pieces of a document that outlive its version hold copies, not slices, of its text.
//
// In V8 a substring of 13 or more characters is a "sliced string": it points into the text it
// was cut from and keeps the whole of it alive. An edit derives the new version's model from
// the last one's (model/derive.ts, figures/derive.ts): the parts read in the edited region are
// carried into every later version, so if they held slices, each version's whole text (2 MB
// for a 1 M-character report) would stay in memory for as long as one of its pieces does —
// the server's heap grew by ≈0.7 MB an edit (40 edits spread over a 1 M report: 68 → 96 MB).
// The parts read in the region are few; copying their strings costs next to nothing.

/** Shorter than this, V8 copies a substring instead of slicing it. */
const SLICED_MIN = 13;

/** `s` as a string of its own (the same characters; it keeps no larger text alive). */
export function detached(s: string): string {
  // The concatenation is flattened into a new string of s.length + 1 characters when sliced.
  return s.length < SLICED_MIN ? s : (' ' + s).slice(1);
}

/**
 * `s` in one piece: V8 holds a concatenation of 13 or more characters as a tree of its pieces
 * (32 bytes a join, and each piece); a string kept for long (a message shared by thousands of
 * findings) is better copied into one.
 */
export function flat(s: string): string {
  return s.length < SLICED_MIN ? s : Array.prototype.join.call(s, '');
}

const long = (v: unknown): v is string => typeof v === 'string' && v.length >= SLICED_MIN;

/** `o` with each of its string fields detached, and each array field holding a long string replaced by a detached copy (`o` is changed; the arrays are not); returns `o`. */
export function detachStrings<T extends object>(o: T): T {
  const r = o as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (long(v)) r[k] = detached(v);
    else if (Array.isArray(v) && v.some(long)) r[k] = v.map((x: unknown) => (long(x) ? detached(x) : x));
  }
  return o;
}

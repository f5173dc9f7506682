// How a message quotes the document (docs/messages.md, rule 2): the original characters,
// cut at a whole character when long, so the quote can be found with Ctrl+F.

export const MAX_QUOTE = 24;

/** `s` cut to `max` characters (code points) with `…`. */
export function clip(s: string, max = MAX_QUOTE): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

/**
 * The span with up to `n` characters of context on each side, within [lineStart, lineEnd):
 * what a stray space or a dropped character looks like where it stands (`深入 学习`).
 */
export function around(text: string, start: number, end: number, lineStart: number, lineEnd: number, n = 2): { before: string; after: string } {
  let a = start;
  for (let k = 0; k < n && a > lineStart; k++) a -= a - 2 >= lineStart && isLow(text.charCodeAt(a - 1)) ? 2 : 1;
  let b = end;
  for (let k = 0; k < n && b < lineEnd; k++) b += b + 1 < lineEnd && isHigh(text.charCodeAt(b)) ? 2 : 1;
  return { before: text.slice(a, start), after: text.slice(end, b) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

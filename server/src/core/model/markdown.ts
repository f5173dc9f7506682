// Markdown that is not prose: fenced code blocks, inline code, the syntax of links and
// images (`![`, `[`, and `](target "title")`), reference definitions, HTML tags and
// comments. The typography rules do not read these (scope.ts marks them as tokens); the
// text of a link (`[社区议事会]`), of a footnote and between HTML tags stays prose.
// Recognised in any document by their form, as CommonMark writes them; indented code
// blocks are not (a report indents its paragraphs with spaces).

import type { Line } from './lines';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** FENCE at a given offset of a whole text (lastIndex: a line's start); it cannot match past the line's end. */
const FENCE_AT = new RegExp(FENCE.source.slice(1), 'y');
/** From `](` of a link or image: the target and an optional title, to the closing `)`. */
const LINK_REST = /\]\(\s*(?:<[^>\n]{0,2000}>|[^\s()<>]{0,2000}(?:\([^\s()]{0,200}\)[^\s()<>]{0,2000}){0,4})(?:\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?\s*\)/y;
/** How far back from `](` the `[` of a link's text may be. */
const MAX_LINK_TEXT = 1000;
/** `[label]: target "title"` on a line of its own (not a footnote `[^1]: text`). */
const REFERENCE = /^ {0,3}\[[^\]^\n][^\]\n]*\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
/** A footnote definition's label `[^1]:`. */
const FOOTNOTE = /^ {0,3}\[\^[^\]\n]+\]:/;
/** An HTML tag; bounded (attribute count and lengths) so that a failed match is cheap. */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s{1,20}[A-Za-z_:][\w:.-]{0,60}(?:\s*=\s*(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'|[^\s"'=<>`]{1,1000}))?){0,30}\s*\/?>/g;
const CODE_RUN = /`+/g;

/**
 * What a line starts inside, as a small integer: NONE (prose), a comment left open (`<!--`
 * with no `-->` after it), or a fenced code block — its fence's character and length, the
 * least a closing fence must have: (length << 2) | 2 for backticks, | 3 for tildes.
 */
export type MarkdownState = number;
export const MD_NONE: MarkdownState = 0;
const MD_COMMENT: MarkdownState = 1;
const fenceState = (ch: string, len: number): MarkdownState => (len << 2) | (ch === '`' ? 2 : 3);
const isFence = (state: MarkdownState) => state > MD_COMMENT;

/**
 * The state after line `s` (its text without its break) for a line that starts in `state`:
 * markdownSpans's reading of fences and comments, one line at a time.
 */
export function markdownStep(s: string, state: MarkdownState): MarkdownState {
  if (isFence(state)) {
    const m = FENCE.exec(s);
    return m && fenceState(m[1][0], 0) === (state & 3) && m[1].length >= state >> 2 && !s.slice(m[0].length).trim() ? MD_NONE : state;
  }
  // A comment that closes on the line: the line is read on from its start, as any other.
  if (state === MD_COMMENT && !s.includes('-->')) return MD_COMMENT;
  const f = FENCE.exec(s);
  // A backtick fence's info string has no backtick.
  if (f && !(f[1][0] === '`' && s.slice(f[0].length).includes('`'))) return fenceState(f[1][0], f[1].length);
  if (REFERENCE.test(s)) return MD_NONE;
  for (let k = s.indexOf('<!--'); k >= 0; k = s.indexOf('<!--', k + 4)) {
    const close = s.indexOf('-->', k + 4);
    if (close < 0) return MD_COMMENT;
    k = close;
  }
  return MD_NONE;
}

/**
 * A line that opens `state` (to read a line that starts in it alone, after it: the checker
 * reads a changed line as a document of its own, run/incremental.ts); '' for MD_NONE.
 */
export function markdownOpener(state: MarkdownState): string {
  if (state === MD_NONE) return '';
  if (state === MD_COMMENT) return '<!--\n';
  return ((state & 3) === 2 ? '`' : '~').repeat(state >> 2) + '\n';
}

/**
 * The state each line starts in (markdownStep from the first line), or undefined when every
 * line starts in prose: no line opens a fence (FENCE's ``` or ~~~ after at most three spaces)
 * or leaves `<!--` open at its end — what a line is then never depends on the lines before it.
 */
export function markdownStates(text: string, lines: readonly Line[]): Int32Array | undefined {
  let out: Int32Array | undefined;
  let state = MD_NONE;
  // Where the next `<!--` is: a line in prose without one, and not opening a fence, stays in prose unread.
  let comment = text.indexOf('<!--');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (out) out[li] = state;
    if (state === MD_NONE) {
      while (comment >= 0 && comment < line.start) comment = text.indexOf('<!--', line.start);
      FENCE_AT.lastIndex = line.start;
      if (!(comment >= 0 && comment < line.end) && !FENCE_AT.test(text)) continue;
    }
    state = markdownStep(text.slice(line.start, line.end), state);
    if (state !== MD_NONE && !out) out = new Int32Array(lines.length);
  }
  return out;
}

/** Spans [start, end) of the text that are Markdown syntax or code, in order of discovery. */
export function markdownSpans(text: string, lines: { start: number; end: number }[], specialFrom: (from: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let state = MD_NONE;
  // Where the next `, < or ] is (`specialFrom`; positions asked for do not decrease): in
  // prose, a line without one, and not starting (after at most three spaces) with a fence or
  // a [, holds no Markdown syntax and is passed over before it is made.
  for (const line of lines) {
    if (state === MD_NONE) {
      if (specialFrom(line.start) >= line.end) {
        let p = line.start;
        while (p < line.end && p - line.start < 3 && text.charCodeAt(p) === 0x20) p++;
        const c = text.charCodeAt(p);
        if (p >= line.end || (c !== 0x60 && c !== 0x7e && c !== 0x5b)) continue;
      }
    }
    const s = text.slice(line.start, line.end);
    const was = state;
    state = markdownStep(s, was);
    if (isFence(was)) {
      out.push([line.start, line.end]);
      continue;
    }
    if (was === MD_COMMENT) {
      const close = s.indexOf('-->');
      out.push([line.start, close < 0 ? line.end : line.start + close + 3]);
      if (close < 0) continue;
    }
    // The line opens a fence.
    if (isFence(state)) {
      out.push([line.start, line.end]);
      continue;
    }
    if (REFERENCE.test(s)) {
      out.push([line.start, line.end]);
      continue;
    }
    const fn = FOOTNOTE.exec(s);
    if (fn) out.push([line.start, line.start + fn[0].length]);
    if (s.includes('`')) inlineCode(s, line.start, out);
    for (let k = s.indexOf(']('); k >= 0; k = s.indexOf('](', k + 1)) link(s, k, line.start, out);
    if (s.includes('<')) {
      TAG.lastIndex = 0;
      for (let m = TAG.exec(s); m; m = TAG.exec(s)) out.push([line.start + m.index, line.start + m.index + m[0].length]);
      for (let k = s.indexOf('<!--'); k >= 0; k = s.indexOf('<!--', k + 4)) {
        const close = s.indexOf('-->', k + 4);
        out.push([line.start + k, close < 0 ? line.end : line.start + close + 3]);
        if (close < 0) break;
        k = close;
      }
    }
  }
  return out;
}

/** A link or image whose text ends at `](` (index k of the line): its syntax, not its text. */
function link(s: string, k: number, base: number, out: [number, number][]): void {
  let open = k - 1;
  while (open >= 0 && k - open <= MAX_LINK_TEXT && s[open] !== '[' && s[open] !== ']') open--;
  if (open < 0 || s[open] !== '[') return;
  LINK_REST.lastIndex = k;
  const m = LINK_REST.exec(s);
  if (!m) return;
  const bang = open > 0 && s[open - 1] === '!' ? 1 : 0;
  out.push([base + open - bang, base + open + 1]); // `![` or `[`
  out.push([base + k, base + k + m[0].length]); // `](target "title")`
}

/** Code spans: a run of n backticks up to the next run of exactly n on the line. */
function inlineCode(s: string, base: number, out: [number, number][]): void {
  CODE_RUN.lastIndex = 0;
  const runs: [number, number][] = [];
  for (let m = CODE_RUN.exec(s); m; m = CODE_RUN.exec(s)) runs.push([m.index, m[0].length]);
  // For each run, the next run of the same length (one pass from the end).
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = seen.get(runs[i][1]) ?? -1;
    seen.set(runs[i][1], i);
  }
  for (let i = 0; i < runs.length; i++) {
    const j = next[i];
    if (j < 0) continue;
    out.push([base + runs[i][0], base + runs[j][0] + runs[j][1]]);
    i = j;
  }
}

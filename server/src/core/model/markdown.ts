// Markdown that is not prose: fenced code blocks, inline code, the syntax of links and
// images (`![`, `[`, and `](target "title")`), reference definitions, HTML tags and
// comments. The typography rules do not read these (scope.ts marks them as tokens); the
// text of a link (`[社区议事会]`), of a footnote and between HTML tags stays prose.
// Recognised in any document by their form, as CommonMark writes them; indented code
// blocks are not (a report indents its paragraphs with spaces).

import { lineIndexAt, type Line } from './lines';

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
 * Whether Markdown may run over lines here: a line that may open a fence (FENCE's ``` or ~~~
 * after at most three spaces), or `<!--` with no `-->` after it on its line. What a line
 * after such a one is (code, or prose) then depends on the lines before it. Each line is
 * looked at alone: `from`, `to` look at lines [from, to) only (a derived version's changed lines).
 */
export function markdownOverLines(text: string, lines: Line[], from = 0, to = lines.length): boolean {
  if (from >= to) return false;
  for (let li = from; li < to; li++) {
    FENCE_AT.lastIndex = lines[li].start;
    if (FENCE_AT.test(text)) return true;
  }
  const end = lines[to - 1].end;
  for (let i = text.indexOf('<!--', lines[from].start); i >= 0 && i < end; i = text.indexOf('<!--', i + 4)) {
    const close = text.indexOf('-->', i + 4);
    if (close < 0 || close + 3 > lines[lineIndexAt(lines, i)].end) return true;
    i = close;
  }
  return false;
}

/** Spans [start, end) of the text that are Markdown syntax or code, in order of discovery. */
export function markdownSpans(text: string, lines: { start: number; end: number }[], specialFrom: (from: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let fence: { ch: string; len: number } | undefined;
  let comment = false;
  // Where the next `, < or ] is (`specialFrom`; positions asked for do not decrease): outside a
  // fence or a comment, a line without one, and not starting (after at most three spaces)
  // with a fence or a [, holds no Markdown syntax and is passed over before it is made.
  for (const line of lines) {
    if (!fence && !comment) {
      if (specialFrom(line.start) >= line.end) {
        let p = line.start;
        while (p < line.end && p - line.start < 3 && text.charCodeAt(p) === 0x20) p++;
        const c = text.charCodeAt(p);
        if (p >= line.end || (c !== 0x60 && c !== 0x7e && c !== 0x5b)) continue;
      }
    }
    const s = text.slice(line.start, line.end);
    if (fence) {
      out.push([line.start, line.end]);
      const m = FENCE.exec(s);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len && !s.slice(m[0].length).trim()) fence = undefined;
      continue;
    }
    if (comment) {
      const close = s.indexOf('-->');
      out.push([line.start, close < 0 ? line.end : line.start + close + 3]);
      if (close < 0) continue;
      comment = false;
    }
    const f = FENCE.exec(s);
    // A backtick fence's info string has no backtick.
    if (f && !(f[1][0] === '`' && s.slice(f[0].length).includes('`'))) {
      fence = { ch: f[1][0], len: f[1].length };
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
        if (close < 0) {
          comment = true;
          break;
        }
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

// What must hold for every finding of every rule on every text (SPEC §8). Each check
// returns a list of problems (empty = fine) so a failing property prints all of them.
import { fixEdits, type Finding, type Span, type TextEdit } from '../../server/src/core/types';

/**
 * Rules whose fix edits away from the finding, at documented anchors:
 * - 'insert-at-line': the finding marks where the problem shows (e.g. the heading next to a
 *   missing section); the fix inserts the missing part at a line boundary (the start of a
 *   line, after a BOM, or the end of the text): pure insertions there.
 * - 'heading-markers': "renumber" rewrites the numbering markers of the sibling headings;
 *   each edit lies within the marker of a heading of the document.
 * A rule added here needs the anchor described in its doc page.
 */
type Anchor = 'insert-at-line' | 'heading-markers';
export const ANCHORED_FIX_RULES: ReadonlyMap<string, readonly Anchor[]> = new Map<string, Anchor[]>([
  // inserts the heading, and renumbers the headings after it
  ['outline/missing-section', ['insert-at-line', 'heading-markers']],
  ['outline/numbering-sequence', ['heading-markers']],
  ['outline/numbering-style', ['heading-markers']],
]);

/**
 * Besides its own range, a fix may take in the whitespace right next to it: the space after
 * a half-width colon it makes full-width, the line break of a line it deletes.
 */
const SPACE = /^[\s\u00a0\u3000\u200b]*$/;
const isSpace = (s: string) => SPACE.test(s);

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

export const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Offset i falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Offset i falls between the CR and LF of a CRLF (no LSP position can say that). */
export function splitsCrlf(text: string, i: number): boolean {
  return i > 0 && i < text.length && text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10;
}

export function isLineBoundary(text: string, i: number): boolean {
  if (i === 0 || i === text.length) return true;
  if (i === 1 && text.charCodeAt(0) === 0xfeff) return true; // the start of the first line
  const prev = text.charCodeAt(i - 1);
  return (prev === 10 || prev === 13) && !splitsCrlf(text, i);
}

export function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c)) {
      if (isLow(text.charCodeAt(i + 1))) i++;
      else n++;
    } else if (isLow(c)) n++;
  }
  return n;
}

export type EolStyle = 'none' | 'lf' | 'crlf' | 'cr' | 'mixed';

// The style of the last big text asked for: findingProblems asks once per edit.
let lastText = '';
let lastStyle: EolStyle = 'none';

export function eolStyle(text: string): EolStyle {
  if (text.length > 256) {
    if (text !== lastText) {
      lastStyle = scanEol(text);
      lastText = text;
    }
    return lastStyle;
  }
  return scanEol(text);
}

function scanEol(text: string): EolStyle {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf ? 'lf' : crlf ? 'crlf' : 'cr';
}

function spanProblems(text: string, s: Span, what: string): string[] {
  const p: string[] = [];
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) p.push(`${what}: non-integer offsets ${s.start}..${s.end}`);
  if (s.start < 0 || s.end > text.length || s.start > s.end) p.push(`${what}: ${s.start}..${s.end} outside 0..${text.length}`);
  if (splitsPair(text, s.start) || splitsPair(text, s.end)) p.push(`${what}: ${s.start}..${s.end} splits a surrogate pair`);
  if (splitsCrlf(text, s.start) || splitsCrlf(text, s.end)) p.push(`${what}: ${s.start}..${s.end} splits a CRLF`);
  return p;
}

const show = (f: Finding) => `${f.rule} ${f.start}..${f.end}`;

/** Ranges, messages and fix locality of every finding. */
export function findingProblems(text: string, findings: Finding[], markers: readonly Span[] = []): string[] {
  const p: string[] = [];
  for (const f of findings) {
    if (/^规则内部错误|^Internal error in rule/.test(f.message?.en ?? '') || /^规则内部错误/.test(f.message?.zh ?? '')) {
      p.push(`${f.rule}: threw: ${f.message.en}`);
      continue;
    }
    if (f.rule === 'text/too-large') continue;
    p.push(...spanProblems(text, f, show(f)));
    if (!SEVERITIES.has(f.severity)) p.push(`${show(f)}: severity ${f.severity}`);
    if (!f.message || typeof f.message.zh !== 'string' || typeof f.message.en !== 'string' || !f.message.zh.trim() || !f.message.en.trim()) {
      p.push(`${show(f)}: empty message`);
    }
    for (const r of f.related ?? []) p.push(...spanProblems(text, r, `${show(f)} related`));
    if (!f.fix) continue;
    if (!f.fix.title?.zh || !f.fix.title?.en) p.push(`${show(f)}: fix without a title`);
    const edits = [...fixEdits(f)].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      const what = `${show(f)} fix edit ${e.start}..${e.end} ${JSON.stringify(e.newText)}`;
      p.push(...spanProblems(text, e, what));
      if (i > 0 && e.start < edits[i - 1].end) p.push(`${what}: overlaps another edit of the same fix`);
      if (typeof e.newText !== 'string') p.push(`${what}: newText is not a string`);
      else if (loneSurrogates(e.newText) > 0) p.push(`${what}: inserts a lone surrogate`);
      const inside = e.start >= f.start && e.end <= f.end;
      const absorbsSpace = e.start <= f.end && e.end >= f.start && isSpace(text.slice(e.start, f.start)) && isSpace(text.slice(f.end, e.end));
      if (!inside && !absorbsSpace) {
        const anchors = ANCHORED_FIX_RULES.get(f.rule);
        const atLine = anchors?.includes('insert-at-line') && e.start === e.end && isLineBoundary(text, e.start);
        // A renumbering edit: within a marker, or from the start of the marker's line (the
        // `## ` prefix, and an insertion there merged into the same edit) to inside the marker.
        const inMarker =
          anchors?.includes('heading-markers') &&
          markers.some(
            (m) =>
              (m.start <= e.start && e.end <= m.end) ||
              (e.start < m.start && e.end >= m.start && e.end <= m.end && isLineBoundary(text, e.start) && !/[\r\n]/.test(text.slice(e.start, m.start))),
          );
        if (!anchors) p.push(`${what}: edits outside its finding ${f.start}..${f.end}`);
        else if (!atLine && !inMarker) p.push(`${what}: not at its documented anchors (${anchors.join(', ')})`);
      }
      p.push(...formatProblems(text, e, what));
    }
  }
  return p;
}

/** A fix keeps the document's line-ending style and its BOM. */
export function formatProblems(text: string, e: TextEdit, what: string): string[] {
  const p: string[] = [];
  if (text.charCodeAt(0) === 0xfeff && e.start === 0 && (e.end > 0 || e.newText.length > 0)) p.push(`${what}: touches the BOM`);
  const style = eolStyle(text);
  const nl = eolStyle(e.newText);
  if (nl !== 'none' && (style === 'crlf' || style === 'lf' || style === 'cr') && nl !== style) {
    p.push(`${what}: inserts ${nl} line breaks into a ${style} document`);
  }
  if (style === 'none' && (nl === 'mixed' || nl === 'cr')) p.push(`${what}: inserts ${nl} line breaks`);
  return p;
}

/** The fixed text kept BOM, line-ending style and did not break surrogate pairs. */
export function fixedTextProblems(before: string, after: string): string[] {
  const p: string[] = [];
  if (before.startsWith('\ufeff') && !after.startsWith('\ufeff')) p.push('the BOM was lost');
  if (!before.startsWith('\ufeff') && after.startsWith('\ufeff')) p.push('a BOM was added');
  const b = eolStyle(before);
  const a = eolStyle(after);
  if ((b === 'crlf' || b === 'lf' || b === 'cr') && a !== 'none' && a !== b) p.push(`line endings changed from ${b} to ${a}`);
  if (loneSurrogates(after) > loneSurrogates(before)) p.push(`lone surrogates ${loneSurrogates(before)} → ${loneSurrogates(after)}`);
  return p;
}

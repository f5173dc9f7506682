// A table of contents (目录) at the head of a text: a run of one-line titles, numbered like
// the headings they list and usually repeated further down as the real headings. Its
// entries are not sections: they have no body, and their numbers would read as restarts.
//
// Two signals, either one enough:
// - a line that says 目录 (目 录, 目次), followed by a run of short lines;
// - a run of three or more heading lines with nothing between them whose first entry
//   comes again later as a heading (the text proper starting over).
// A run ends where an entry repeats one already in it: that is where the text begins.
import type { Heading } from './headings';
import type { PackedLines } from './lines';
import { isSpaceCode } from './chars';

/** Titles written as a contents entry and as a heading compare equal: no marks, spaces or page numbers. */
export function entryKey(line: string): string {
  return line
    .replace(/[\s\u3000]/g, '')
    .replace(/[.．·…—-]*[0-9]*$/, '')
    .replace(/[：:，,。；;、.．()（）]/g, '');
}

const CONTENTS_LINE = /^(?:目录|目次)$/;
/** A contents entry is short and is not a sentence (a full stop may close it). */
const MAX_ENTRY = 50;

function entryLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_ENTRY && !/[。！？；][^。！？；]/.test(t);
}

/** Does (view) line i say 目录 (目 录, 目次): the title of a table of contents? */
function isContentsTitle(text: string, lines: PackedLines, i: number, skip: (i: number) => boolean): boolean {
  if (lines.end(i) - lines.start(i) > 12) return false;
  return !skip(i) && CONTENTS_LINE.test(text.slice(lines.start(i), lines.end(i)).replace(/[\s\u3000]/g, ''));
}

/**
 * The (view) lines that say 目录, in order: the lines that hold 目, found by the native search,
 * not by reading every line (a 1 M report has 14,000, and each version's pass read them all).
 */
export function contentsTitleLines(text: string, lines: PackedLines, skip: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('目'); at >= 0; at = text.indexOf('目', at + 1)) {
    const i = lines.indexAt(at);
    if (isContentsTitle(text, lines, i, skip)) out.push(i);
    at = Math.max(at, lines.end(i));
  }
  return out;
}

/**
 * Whether (view) line i reads as blank to a table of contents: page furniture (`skip`), or only
 * `\s` characters (what trim() removes), read by char code, the line not made.
 */
export function blankLine(text: string, lines: PackedLines, i: number, skip: (i: number) => boolean): boolean {
  if (skip(i)) return true;
  for (let k = lines.start(i), end = lines.end(i); k < end; k++) if (!isSpaceCode(text.charCodeAt(k))) return false;
  return true;
}

/**
 * Lines (indices) of the document's tables of contents. `hs` are the heading candidates
 * in line order; `text` and `lines` are the (view) text and its lines; `skip` says a line
 * is page furniture.
 */
export function contentsLines(hs: Heading[], text: string, lines: PackedLines, skip: (i: number) => boolean): Set<number> {
  const out = new Set<number>();
  const lineCount = lines.length;
  const lineText = (i: number) => text.slice(lines.start(i), lines.end(i));
  const blank = (i: number) => blankLine(text, lines, i, skip);

  // 目录 followed by short lines, up to the first repeat or the first line of prose; a 目录
  // among a block's entries is one of them.
  let blockEnd = -1;
  for (const i of contentsTitleLines(text, lines, skip)) {
    if (i <= blockEnd) continue;
    const seen = new Set<string>();
    for (let j = i + 1; j < lineCount; j++) {
      if (blank(j)) continue;
      const t = lineText(j);
      const key = entryKey(t);
      if (!entryLike(t) || seen.has(key)) break;
      seen.add(key);
      out.add(j);
      blockEnd = j;
    }
  }

  // A run of consecutive heading lines whose first entry is repeated later.
  // By line index: an array, not a Map (thousands of headings).
  const byLine: (Heading | undefined)[] = new Array(lineCount);
  for (const h of hs) byLine[h.line] = h;
  // Keys of the short heading lines only: a long line is no contents entry, nor the same
  // title as one. Made when first asked for (a run-in heading, or one followed by prose,
  // needs none; every heading line's key only when a run of three is found).
  const keys = new Map<number, string | null>();
  const keyOf = (line: number): string | undefined => {
    let k = keys.get(line);
    if (k === undefined) {
      const t = lineText(line);
      // By the title, not the marker: a contents entry names the section, and its number may
      // have been renumbered since (a renumbering fix would otherwise turn the block into
      // headings and back, round after round).
      const h = byLine[line];
      keys.set(line, (k = entryLike(t) ? (h && entryKey(h.title)) || entryKey(t) : null));
    }
    return k ?? undefined;
  };
  let lastLine: Map<string, number> | undefined;
  const lastLineOf = (key: string): number | undefined => {
    if (!lastLine) {
      lastLine = new Map();
      for (const h of hs) {
        const k = keyOf(h.line);
        if (k !== undefined) lastLine.set(k, h.line);
      }
    }
    return lastLine.get(key);
  };
  for (let i = 0; i < hs.length; i++) {
    const first = hs[i];
    if (out.has(first.line) || first.kind === 'run-in') continue;
    // The first entry's key, made when a second entry is there to compare (most headings
    // are followed by prose); a line that is no entry starts no run.
    let firstKey: string | undefined;
    // The run's other members and their keys (made only when there is a second member:
    // most headings are followed by prose).
    let more: Heading[] | undefined;
    let runKeys: Set<string> | undefined;
    for (let j = first.line + 1; j < lineCount; j++) {
      if (blank(j)) continue;
      const h = byLine[j];
      if (!h || h.kind === 'run-in') break;
      const k = keyOf(j);
      if (k === undefined) break;
      if (firstKey === undefined && (firstKey = keyOf(first.line)) === undefined) break;
      if (k === firstKey || runKeys?.has(k)) break;
      (runKeys ??= new Set()).add(k);
      (more ??= []).push(h);
    }
    const end = more ? more[more.length - 1].line : first.line;
    if (more && more.length >= 2 && lastLineOf(firstKey!)! > end) {
      out.add(first.line);
      for (const h of more) out.add(h.line);
    }
    // Continue after the run: its members cannot start another.
    while (i + 1 < hs.length && hs[i + 1].line <= end) i++;
  }
  return out;
}

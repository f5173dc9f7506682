// Headings and the section tree, read from the folded view line by line.
// Numbered lines (`一、` `（一）` `1.` `（1）` and variants), Markdown `#` lines, and
// run-in headings (`1、抓落实，高位推动。市委会……`: the heading ends at the first `。`).
import type { Span } from '../types';
import type { Line } from './lines';
import { readNumbering, type Numbering } from './numbering';
import type { TextView } from './view';
import { viewToOrig } from './view';

export interface Heading {
  /** Index of the line (original and view lines are the same lines). */
  line: number;
  /** 1 = 一、 … 4 = （1）; 0 = the document title (Markdown `#` without a number). */
  level: number;
  numbering?: Numbering;
  /** Markdown `#` count, when the heading is a Markdown heading. */
  markdownDepth?: number;
  /** Title text from the view (simplified, no annotations), without the marker. */
  title: string;
  /** The heading is the first sentence of a paragraph. */
  runIn: boolean;
  /** Original span of marker + title (without indent, `#`s or a run-in's body). */
  span: Span;
  /** Original span of the numbering marker, when there is one. */
  markerSpan?: Span;
  /** Original span of the title text alone. */
  titleSpan: Span;
}

export interface Section {
  heading: Heading;
  parent?: Section;
  children: Section[];
  /** Original offsets: from the heading line's start to the next heading at this level or above. */
  start: number;
  end: number;
  /** Original offset where the body starts (after the heading, or after a run-in heading). */
  bodyStart: number;
}

const INDENT = /^[\s\u3000\u00a0]*/;
const MD = /^(#{1,6})[ \t]+/;
/** A standalone heading is short and has no sentence end before its last character. */
const MAX_HEADING = 60;

export function readHeadings(text: string, view: TextView, viewLines: Line[], skip: (line: number) => boolean): Heading[] {
  const out: Heading[] = [];
  for (const vl of viewLines) {
    if (skip(vl.index)) continue;
    const raw = view.text.slice(vl.start, vl.end);
    const h = readHeading(text, view, vl, raw);
    if (h) out.push(h);
  }
  assignMarkdownLevels(out);
  return out;
}

/** What a heading line can begin with (after its indent): most lines are rejected here. */
const MARKER_START = /[#0-9一二三四五六七八九十（(①-⑳]/;

function readHeading(text: string, view: TextView, vl: Line, raw: string): Heading | undefined {
  let pos = INDENT.exec(raw)![0].length;
  if (pos >= raw.length || !MARKER_START.test(raw[pos])) return undefined;
  let markdownDepth: number | undefined;
  const md = MD.exec(raw.slice(pos));
  if (md) {
    markdownDepth = md[1].length;
    pos += md[0].length;
  }
  const rest = raw.slice(pos);
  if (!rest.trim()) return undefined;
  const numbering = readNumbering(rest, text[view.toOrig[vl.start + pos]]);
  if (!numbering && markdownDepth === undefined) return undefined;
  const markerLen = numbering ? numbering.length : 0;
  let body = rest.slice(markerLen);
  const lead = INDENT.exec(body)![0].length;
  body = body.slice(lead);
  if (!body) return undefined;
  // Run-in: a sentence end before the end of the line.
  let titleLen = body.length;
  let runIn = false;
  const stop = body.search(/[。！？]/);
  if (stop >= 0 && stop < body.trimEnd().length - 1) {
    titleLen = stop;
    runIn = true;
  } else if (stop >= 0) {
    titleLen = stop;
  }
  if (!numbering && runIn) return undefined; // a Markdown heading is never run-in
  if (!runIn && numbering && body.length > MAX_HEADING) return undefined;
  const title = body.slice(0, titleLen).trim();
  if (!title) return undefined;
  const markerStart = vl.start + pos;
  const titleStart = markerStart + markerLen + lead;
  const titleEnd = titleStart + titleLen;
  return {
    line: vl.index,
    level: numbering ? numbering.level : markdownDepth!,
    numbering,
    markdownDepth,
    title,
    runIn,
    span: viewToOrig(view, markerStart, titleEnd),
    markerSpan: numbering ? viewToOrig(view, markerStart, markerStart + markerLen) : undefined,
    titleSpan: viewToOrig(view, titleStart, titleEnd),
  };
}

/**
 * Markdown headings without a number take their level from depth, relative to the
 * depth at which the numbered level-1 headings sit (`## 一、` makes `##` level 1).
 * An un-numbered top heading above that depth is the title (level 0).
 */
function assignMarkdownLevels(hs: Heading[]): void {
  const md = hs.filter((h) => h.markdownDepth !== undefined);
  if (!md.length) return;
  const anchor = md.find((h) => h.numbering?.level === 1);
  const base = anchor ? anchor.markdownDepth! : Math.min(...md.map((h) => h.markdownDepth!));
  for (const h of md) {
    if (h.numbering) continue;
    h.level = Math.max(0, h.markdownDepth! - base + 1);
  }
}

/** Nest headings into sections by level; level-0 titles are left out. */
export function buildSections(hs: Heading[], lines: Line[], textEnd: number, bodyStartOf: (h: Heading) => number): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const h of hs) {
    if (h.level === 0) continue;
    const sec: Section = { heading: h, children: [], start: lines[h.line].start, end: textEnd, bodyStart: bodyStartOf(h) };
    while (stack.length && stack[stack.length - 1].heading.level >= h.level) {
      stack.pop()!.end = sec.start;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      sec.parent = parent;
      parent.children.push(sec);
    } else roots.push(sec);
    stack.push(sec);
  }
  return roots;
}

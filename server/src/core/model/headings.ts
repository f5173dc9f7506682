// Headings and the section tree, read from the folded view line by line.
// Numbered lines (`一、` `（一）` `1.` `（1）` and variants), Markdown `#` lines, run-in
// headings (`1、抓落实，高位推动。市委会……`: the heading ends at the first `。`, or at a space
// when prose follows it: `二、存在的问题 在肯定成绩的同时，……`), the paragraphs of a line
// whose breaks were lost (`……汇报。 二、林街路改造工程。……`), and the parts above the
// numbered levels (`第二部分 决算报表`). Not headings, though numbered:
// table rows pasted as lines (`一、工资性收入 | 26837 | 25244`) and the entries of a table
// of contents (`contents.ts`).
import { detached } from '../detach';
import type { Span } from '../types';
import { charTable, hasSpaceIn, isSpaceCode, leadingSpace, SPACE_TABLE } from './chars';
import { contentsLines } from './contents';
import type { Line, PackedLines } from './lines';
import { readNumberingOf, type Numbering } from './numbering';
import type { TextView } from './view';

/**
 * What kind of line a heading is: it decides what a rule may say about it.
 * - `title`: the line holds a section title and nothing else (`（一）抓落实，高位推动`);
 *   only such a heading can be an empty section.
 * - `run-in`: the title is the first sentence of a paragraph whose body follows on the
 *   same line (`1、抓落实。市委会高度重视……`).
 * - `item`: a numbered sentence, list item or label that is its own content: it ends in
 *   a sentence or clause mark (`3、举办培训班。` `（一）组织收入；`), carries a body after a
 *   colon (`1.先进个人：张三、李四`), a figure (`二、全乡耕地面积为3.2万亩`), or is too long
 *   for a title.
 * - `part`: a division above the numbered levels (`第一部分`, `第三章`), level 0.
 */
export type HeadingKind = 'title' | 'run-in' | 'item' | 'part';

/**
 * A heading. A class whose constructor writes every field in one order (one shape), its three
 * spans held as numbers and made as objects when read (`span`, `markerSpan`, `titleSpan`): a
 * version keeps its headings (6,191 on the 1 M bench report), and three span objects each were
 * 0.78 MB of them.
 */
export class Heading {
  /** Index of the line (original and view lines are the same lines). */
  declare readonly line: number;
  /** 1 = 一、 … 4 = （1）; 0 = the document title (Markdown `#` without a number). */
  declare readonly level: number;
  declare readonly numbering: Numbering | undefined;
  /** Markdown `#` count, when the heading is a Markdown heading. */
  declare readonly markdownDepth: number | undefined;
  /** Title text from the view (simplified, no annotations), without the marker. */
  declare readonly title: string;
  /** The heading is the first sentence of a paragraph. */
  declare readonly runIn: boolean;
  declare kind: HeadingKind;
  /**
   * The heading starts inside its line, after a sentence end and a space: a page whose
   * paragraphs were flattened into one line (`……汇报。 二、林街路改造工程。该工程……`).
   * Such a heading is never a bare title; its section starts at its marker.
   */
  declare inline: true | undefined;
  /** Original offsets of marker + title (span), of the numbering marker (−1 for none: markerSpan), of the title text alone (titleSpan). */
  declare readonly spanStart: number;
  declare readonly spanEnd: number;
  declare readonly markerStart: number;
  declare readonly markerEnd: number;
  declare readonly titleStart: number;
  declare readonly titleEnd: number;
  // Declared, and written by the constructor: class fields (the build targets ES2022) would each be written twice.
  constructor(
    line: number,
    level: number,
    numbering: Numbering | undefined,
    markdownDepth: number | undefined,
    title: string,
    runIn: boolean,
    kind: HeadingKind,
    inline: true | undefined,
    spanStart: number,
    spanEnd: number,
    markerStart: number,
    markerEnd: number,
    titleStart: number,
    titleEnd: number,
  ) {
    this.line = line;
    this.level = level;
    this.numbering = numbering;
    this.markdownDepth = markdownDepth;
    this.title = title;
    this.runIn = runIn;
    this.kind = kind;
    this.inline = inline;
    this.spanStart = spanStart;
    this.spanEnd = spanEnd;
    this.markerStart = markerStart;
    this.markerEnd = markerEnd;
    this.titleStart = titleStart;
    this.titleEnd = titleEnd;
  }
  /** Original span of marker + title (without indent, `#`s or a run-in's body). */
  get span(): Span {
    return { start: this.spanStart, end: this.spanEnd };
  }
  /** Original span of the numbering marker, when there is one. */
  get markerSpan(): Span | undefined {
    return this.markerStart < 0 ? undefined : { start: this.markerStart, end: this.markerEnd };
  }
  /** Original span of the title text alone. */
  get titleSpan(): Span {
    return { start: this.titleStart, end: this.titleEnd };
  }
  /** The same heading at another level (a Markdown heading's, assigned over the whole document). */
  atLevel(level: number): Heading {
    return new Heading(this.line, level, this.numbering, this.markdownDepth, this.title, this.runIn, this.kind, this.inline, this.spanStart, this.spanEnd, this.markerStart, this.markerEnd, this.titleStart, this.titleEnd);
  }
  /**
   * The same heading moved by `dl` lines and `by` characters (model/derive.ts), made by the
   * constructor: a spread of a spread copy (a heading moved by edit after edit) took 20 times
   * as long, ≈5 ms for the 3,300 headings after an edit in the middle of the 1 M bench report.
   */
  moved(dl: number, by: number): Heading {
    const ms = this.markerStart;
    return new Heading(this.line + dl, this.level, this.numbering, this.markdownDepth, this.title, this.runIn, this.kind, this.inline, this.spanStart + by, this.spanEnd + by, ms < 0 ? -1 : ms + by, ms < 0 ? -1 : this.markerEnd + by, this.titleStart + by, this.titleEnd + by);
  }
}

/** The original start of view offset `start` (viewToOrig's). */
function origStart(view: TextView, start: number): number {
  return view.toOrig.at(start);
}

/** The original end of view span [start, end) (viewToOrig's): one past the original of its last unit, at least its start. */
function origEnd(view: TextView, start: number, end: number): number {
  const s = view.toOrig.at(start);
  return end > start ? Math.max(s, view.toOrig.at(end - 1) + 1) : s;
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
  /**
   * Which division of the text the section lies in: the number of level-0 headings (parts
   * `第二部分`, Markdown titles) before it. Numbering starts again in each division.
   */
  part: number;
}

const MD = /^(#{1,6})[ \t]+/;
/** A standalone heading is short and has no sentence end before its last character. */
const MAX_HEADING = 60;
/** Longer than this, a line without a sentence end is a numbered paragraph, not a title. */
const MAX_TITLE = 40;

export function readHeadings(text: string, view: TextView, viewLines: PackedLines, skip: (line: number) => boolean): Heading[] {
  const out: Heading[] = [];
  readHeadingLines(text, view, viewLines, skip, 0, viewLines.length, out);
  return finishHeadings(out, view, viewLines, skip);
}

/**
 * The heading candidates of view lines [from, to), each line read on its own (nothing beyond
 * it), appended to `out` in line order: readHeadings before its pass over the whole document
 * (model/derive.ts keeps them per version and reads only the lines an edit changed).
 */
export function readHeadingLines(text: string, view: TextView, viewLines: PackedLines, skip: (line: number) => boolean, from: number, to: number, out: Heading[]): void {
  const v = view.text;
  for (let n = from; n < to; n++) {
    if (skip(n)) continue;
    // Most lines are prose: a line that does not begin with what a heading or part begins
    // with, and has no space after its indent (where a flattened paragraph could start), is
    // passed over without being made.
    const end = viewLines.end(n);
    let p = viewLines.start(n);
    while (p < end && isSpaceCode(v.charCodeAt(p))) p++;
    if (p >= end) continue;
    // A space after the indent: only then can a paragraph start inside the line, or the line be a table row of wide gaps.
    const spaced = hasSpaceIn(v, p, end);
    if (!HEAD_START[v.charCodeAt(p)] && !spaced) continue;
    const vl = viewLines.at(n);
    const raw = v.slice(vl.start, vl.end);
    // A line's own heading ends where a paragraph flattened into the same line begins.
    const inline = !spaced || raw.charCodeAt(p - vl.start) === 0x23 ? NO_INLINE : readInline(text, view, vl, raw);
    if (!inline.length) {
      const h = readHeading(text, view, vl, raw, spaced) ?? readPart(view, vl, raw);
      if (h) out.push(h);
      continue;
    }
    const head = raw.slice(0, inline[0].at).replace(/[\s\u3000\u00a0]+$/, '');
    const h = readHeading(text, view, { index: vl.index, start: vl.start, end: vl.start + head.length }, head) ?? readPart(view, vl, head);
    if (h) out.push(h);
    for (const x of inline) out.push(x.heading);
  }
}

const NO_INLINE: readonly { heading: Heading; at: number }[] = Object.freeze([]);

/** The pass over the whole document: tables of contents left out, Markdown levels assigned (to copies: the candidates are left as they are). */
export function finishHeadings(candidates: readonly Heading[], view: TextView, viewLines: PackedLines, skip: (line: number) => boolean): Heading[] {
  const contents = contentsLines(candidates.filter((h) => !h.inline), view.text, viewLines, skip);
  const hs = contents.size ? candidates.filter((h) => !contents.has(h.line)) : candidates.slice();
  assignMarkdownLevels(hs);
  return hs;
}

/**
 * A paragraph start inside a line: a space after a sentence end or a word (not after a digit
 * or a Latin letter), then a marker.
 */
const SPACES = /[\s\u3000\u00a0]+/g;
const BEFORE_INLINE = /[^\s\u3000\u00a00-9A-Za-z.,%]/;
const INLINE_MARKER = /[一二三四五六七八九十（(0-9①-⑳㈠-㈩⑴-⒛]/;

/**
 * Headings inside a line whose paragraphs were flattened into one (web pages that lost
 * their line breaks: `……汇报。 二、林街路改造工程。该工程……`, `一、基本职能 （一）负责……`):
 * each stretch from a marker to the next such start is read as a paragraph of its own. Only
 * stretches that read as a numbered heading count; they are returned in line order.
 */
function readInline(text: string, view: TextView, vl: Line, raw: string): { heading: Heading; at: number }[] {
  const starts: number[] = [];
  SPACES.lastIndex = 0;
  for (let m = SPACES.exec(raw); m; m = SPACES.exec(raw)) {
    const at = m.index + m[0].length;
    if (m.index > 0 && at < raw.length && BEFORE_INLINE.test(raw[m.index - 1]) && INLINE_MARKER.test(raw[at])) starts.push(at);
  }
  const out: { heading: Heading; at: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : raw.length;
    const seg = raw.slice(from, to).replace(/[\s\u3000\u00a0]+$/, '');
    const h = readHeading(text, view, { index: vl.index, start: vl.start + from, end: vl.start + from + seg.length }, seg);
    if (!h?.numbering) continue;
    h.inline = true;
    if (h.kind === 'title') h.kind = 'item';
    out.push({ heading: h, at: from });
  }
  return out;
}

/**
 * A table row pasted as text: cells set off by `|` or `｜`, by tabs between two cells
 * (`\S\t+\S`), or by wide gaps (two or more spaces) before figures, twice
 * (`\S[ \u3000]{2,}[-+]?[0-9]`, matches that do not overlap). Read by char code in one pass.
 */
export function isTableRow(s: string): boolean {
  let gaps = 0;
  let gapFrom = 0; // where the next wide-gap match may start (matches do not overlap)
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7c || c === 0xff5c) return true;
    if (SPACE_TABLE[c]) continue;
    // A cell (`\S`) followed by tabs and another cell, or by a wide gap before a figure.
    let j = i + 1;
    const d = s.charCodeAt(j);
    if (d === 0x09) {
      while (s.charCodeAt(j) === 0x09) j++;
      if (j < n && !SPACE_TABLE[s.charCodeAt(j)]) return true;
    } else if ((d === 0x20 || d === 0x3000) && i >= gapFrom) {
      while (j < n && (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x3000)) j++;
      if (j - i - 1 < 2) continue;
      if (s.charCodeAt(j) === 0x2d || s.charCodeAt(j) === 0x2b) j++;
      const f = s.charCodeAt(j);
      if (f >= 0x30 && f <= 0x39) {
        if (++gaps >= 2) return true;
        gapFrom = j + 1;
      }
    }
  }
  return false;
}

/** Years (`2024年`, `20__年度`, `2021—2025年`) are part of many titles; other figures are not. */
const YEAR = /(?:19|20)[0-9_*xX×]{2,6}\s*(?:年度?|[-—–～~至到])/g;

/** What a sentence or list item ends with (`[。！？；;，,、：:]$`), by char code. */
const ITEM_END = charTable('。！？；;，,、：:');

/** Is a numbered line without a run-in body a sentence or list item rather than a title? */
function itemLike(body: string): boolean {
  const t = body.trimEnd();
  if (ITEM_END[t.charCodeAt(t.length - 1)]) return true;
  // A colon with text after it (`[：:]\s*\S`): t ends in a non-space, so any colon but a last one (an item end above).
  if (t.indexOf('：') >= 0 || t.indexOf(':') >= 0) return true;
  if (t.length > MAX_TITLE) return true;
  // Most titles hold no digit at all: no year to take out then.
  return hasDigit(t) && /[0-9]/.test(t.replace(YEAR, ''));
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** Index of the first 。！？ in `s`, or -1 (what s.search(/[。！？]/) gives). */
function sentenceEnd(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return i;
  }
  return -1;
}

/** Index of the first space (of any width) in the first `limit` characters of `s`, or -1. */
function firstSpace(s: string, limit: number): number {
  for (let i = 0; i < s.length && i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x09 && c <= 0x0d)) return i;
  }
  return -1;
}

/**
 * Does a space end the title (`存在的问题 在肯定成绩的同时，……。`) rather than sit inside it
 * (`2017 年度决算情况。`, `强化引领 筑牢根基`)? The words before it are a title (no clause
 * marks, not ending in a figure) and what follows is prose: a clause mark, or a sentence
 * that does not end the line.
 */
function spaceEndsTitle(before: string, after: string): boolean {
  if (/[，。；：、]/.test(before) || /[0-9]$/.test(before)) return false;
  const rest = after.trim();
  return /[，；：]/.test(rest) || /[。！？]./.test(rest);
}

/** `第一部分` `第二部分：决算报表` `第三章 …` on a short line of its own. */
const PART = /^第([一二三四五六七八九十]{1,3}|[0-9]{1,2})(?:部分|篇|章|编)(?![^\s\u3000：:、．.])/;

function readPart(view: TextView, vl: Line, raw: string): Heading | undefined {
  const pos = leadingSpace(raw);
  if (raw[pos] !== '第') return undefined;
  const rest = raw.slice(pos).trimEnd();
  const m = PART.exec(rest);
  if (!m || rest.length > MAX_TITLE || /[。！？；，]/.test(rest)) return undefined;
  const after = rest.slice(m[0].length);
  const lead = /^[\s\u3000：:、．.]*/.exec(after)![0].length;
  const start = vl.start + pos;
  const titleStart = after.length > lead ? start + m[0].length + lead : start;
  const end = start + rest.length;
  const title = detached(after.length > lead ? after.slice(lead) : m[0]);
  return new Heading(vl.index, 0, undefined, undefined, title, false, 'part', undefined, origStart(view, start), origEnd(view, start, end), -1, -1, origStart(view, titleStart), origEnd(view, titleStart, end));
}

/** What a heading line can begin with (after its indent): most lines are rejected here. */
const MARKER_START = ['#', ...'0123456789一二三四五六七八九十（(', ...range('①', '⑳'), ...range('㈠', '㈩'), ...range('⑴', '⒛')];
/** MARKER_START by char code. */
const MARKER_TABLE = charTable(MARKER_START);
/** MARKER_START and 第 (a part) by char code. */
const HEAD_START = charTable([...MARKER_START, '第']);

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

/** `spaced`: false when the line holds no `\s` after its indent (then it has no table gaps and no title set off by a space). */
function readHeading(text: string, view: TextView, vl: Line, raw: string, spaced = true): Heading | undefined {
  let pos = leadingSpace(raw);
  if (pos >= raw.length || !MARKER_TABLE[raw.charCodeAt(pos)]) return undefined;
  let markdownDepth: number | undefined;
  const md = raw.charCodeAt(pos) === 0x23 ? MD.exec(raw.slice(pos)) : null;
  if (md) {
    markdownDepth = md[1].length;
    pos += md[0].length;
  }
  const rest = raw.slice(pos);
  // Without `#`s, the line holds a marker character at pos: only a Markdown heading can be blank after them.
  if (md && !rest.trim()) return undefined;
  const numbering = readNumberingOf(rest, text.charCodeAt(view.toOrig.at(vl.start + pos)) === 0x28);
  if (!numbering && markdownDepth === undefined) return undefined;
  if (spaced ? isTableRow(rest) : rest.indexOf('|') >= 0 || rest.indexOf('｜') >= 0) return undefined;
  const markerLen = numbering ? numbering.length : 0;
  let body = rest.slice(markerLen);
  const lead = leadingSpace(body);
  body = body.slice(lead);
  if (!body) return undefined;
  // Run-in: a sentence end before the end of the line.
  let titleLen = body.length;
  let runIn = false;
  const stop = sentenceEnd(body);
  // A title set off from its paragraph by a space (`二、存在的问题 在肯定成绩的同时，……。`): the
  // space ends the title when a sentence follows it. (`（一）强化引领 筑牢根基` stays one title.)
  const gap = spaced ? firstSpace(body, MAX_TITLE + 1) : -1;
  if (gap > 0 && gap <= MAX_TITLE && stop > gap && spaceEndsTitle(body.slice(0, gap), body.slice(gap, body.trimEnd().length))) {
    titleLen = gap;
    runIn = true;
  } else if (stop >= 0 && stop < body.trimEnd().length - 1) {
    titleLen = stop;
    runIn = true;
  } else if (stop >= 0) {
    titleLen = stop;
  }
  if (!numbering && runIn) return undefined; // a Markdown heading is never run-in
  if (!runIn && numbering && body.length > MAX_HEADING) return undefined;
  // A copy: headings are carried into later versions (../detach.ts), a slice would keep this version's view alive.
  const title = detached(body.slice(0, titleLen).trim());
  if (!title) return undefined;
  const kind = runIn ? 'run-in' : itemLike(body) ? 'item' : 'title';
  const markerStart = vl.start + pos;
  const titleStart = markerStart + markerLen + lead;
  const titleEnd = titleStart + titleLen;
  return new Heading(
    vl.index,
    numbering ? numbering.level : markdownDepth!,
    numbering,
    markdownDepth,
    title,
    runIn,
    kind,
    undefined,
    origStart(view, markerStart),
    origEnd(view, markerStart, titleEnd),
    numbering ? origStart(view, markerStart) : -1,
    numbering ? origEnd(view, markerStart, markerStart + markerLen) : -1,
    origStart(view, titleStart),
    origEnd(view, titleStart, titleEnd),
  );
}

/** A subtitle (`——某某经验`) under a title: a Markdown heading line is still no section. */
const SUBTITLE = /^[—―－-]{1,2}/;

/**
 * Markdown headings without a number take their level from depth, relative to the
 * depth at which the numbered level-1 headings sit (`## 一、` makes `##` level 1).
 * Level 0 (the title, not a section) goes to an un-numbered heading above that depth,
 * to the `#` line over plain-text `一、` headings, to a lone top heading over deeper
 * ones, and to a subtitle (`## ——副标题`) at any depth.
 */
function assignMarkdownLevels(hs: Heading[]): void {
  const md = hs.filter((h) => h.markdownDepth !== undefined);
  if (!md.length) return;
  const anchor = md.find((h) => h.numbering?.level === 1);
  const top = Math.min(...md.map((h) => h.markdownDepth!));
  let base: number;
  if (anchor) base = anchor.markdownDepth!;
  else if (hs.some((h) => h.markdownDepth === undefined && h.numbering?.level === 1)) base = top + 1;
  else if (md[0] === hs[0] && md[0].markdownDepth === top && md.filter((h) => h.markdownDepth === top).length === 1 && md.length > 1) base = top + 1;
  else base = top;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    if (h.markdownDepth === undefined || h.numbering) continue;
    hs[i] = atLevel(h, SUBTITLE.test(h.title) ? 0 : Math.max(0, h.markdownDepth - base + 1));
  }
}

/**
 * A Markdown heading candidate at its level, made once per candidate and level: a version
 * derived from another (model/derive.ts) takes the candidates before the change over, and
 * so has the same headings there — and the top-level sections that hold them (keptSections).
 */
const AT_LEVEL = new WeakMap<Heading, Heading>();

function atLevel(h: Heading, level: number): Heading {
  const made = AT_LEVEL.get(h);
  if (made && made.level === level) return made;
  const m = h.atLevel(level);
  AT_LEVEL.set(h, m);
  return m;
}

/** The children of a section that has none: one shared frozen list (buildSections replaces it before adding one). */
const NO_CHILDREN = Object.freeze([]) as unknown as Section[];

/**
 * Nest headings into sections by level. Level-0 headings (titles, parts) are left out,
 * and each one closes the sections open before it: a part starts its own numbering. So
 * does a top-level heading numbered 一 after its level has reached 二 or more (the next
 * report of a collection, a part without a part heading): one text does not number its
 * sections 一、二、一、.
 */
export function buildSections(hs: Heading[], lines: Line[], textEnd: number, bodyStartOf: (h: Heading) => number, kept: KeptSections = NONE_KEPT): Section[] {
  const roots: Section[] = kept.roots.slice();
  const stack: Section[] = [];
  const last = roots[roots.length - 1];
  let part = last ? last.part : 0;
  /** The last top-level number at each level and style in the current part. */
  const lastRoot = new Map<string, number>();
  for (const r of roots) if (r.part === part && r.heading.numbering) lastRoot.set(rootKey(r.heading), r.heading.numbering.value);
  for (let k = kept.from; k < hs.length; k++) {
    const h = hs[k];
    if (h.level === 0) {
      const at = lines[h.line].start;
      while (stack.length) stack.pop()!.end = at;
      part++;
      lastRoot.clear();
      continue;
    }
    const start = h.inline ? h.spanStart : lines[h.line].start;
    while (stack.length && stack[stack.length - 1].heading.level >= h.level) {
      stack.pop()!.end = start;
    }
    const parent = stack[stack.length - 1];
    if (!parent && h.numbering) {
      const key = rootKey(h);
      if (h.numbering.value === 1 && (lastRoot.get(key) ?? 0) >= 2) {
        part++;
        lastRoot.clear();
      }
      lastRoot.set(key, h.numbering.value);
    }
    // `parent` written in the literal, undefined for a root: added after, it took a properties
    // store of its own in every section. A section without children shares one empty list
    // (frozen: its first child gives it a list of its own).
    const sec: Section = { heading: h, parent, children: NO_CHILDREN, start, end: textEnd, bodyStart: bodyStartOf(h), part };
    if (!parent) roots.push(sec);
    else if (parent.children === NO_CHILDREN) parent.children = [sec];
    else parent.children.push(sec);
    stack.push(sec);
  }
  return roots;
}

/**
 * Top-level sections taken over (model/derive.ts, from the version this one was derived
 * from): `roots`, whole, are the first ones, and the headings before `from` are theirs (or
 * level-0 headings among them); the heading at `from` closes the last of them.
 */
export interface KeptSections {
  roots: readonly Section[];
  from: number;
}

const NONE_KEPT: KeptSections = { roots: [], from: 0 };

/** A top-level heading's numbering, by level and style. */
function rootKey(h: Heading): string {
  return `${h.level}:${h.numbering!.style}`;
}

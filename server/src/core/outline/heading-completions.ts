// What to offer when the writer starts a heading line: the next ordinal of each open
// level (after `二、` → `三、`), the first ordinal one level down, the template sections
// still missing with their number (`三、几点体会`), and their titles after a typed level-1
// marker. A section is offered only where it belongs in the template's order (after the
// sections before it, before those after it) and never when the report has it already.
// Nothing anywhere else: body text never gets completions.
import type { Config } from '../config/config';
import type { ReportDocument } from '../model/document';
import { blankLine, contentsTitleLines } from '../model/contents';
import { crsOf } from '../model/derive';
import { lowerBoundIndex } from '../search';
import type { Heading } from '../model/headings';
import { enclosedMarker, readNumbering, type Numbering } from '../model/numbering';
import type { Msg } from '../types';
import { HAN_NUMERALS } from './ordinals';
import { prefaceEnd } from './structure';
import { chooseTemplate, type OutlineMatch } from './templates';

export interface HeadingCompletion {
  label: string;
  /** Replaces text[replaceStart, replaceEnd) (what was typed of the marker). */
  insertText: string;
  replaceStart: number;
  replaceEnd: number;
  kind: 'ordinal' | 'section' | 'title';
  detail: Msg;
  /** Lower sorts first. */
  rank: number;
}

const INDENT = /^[\s\u3000\u00a0]*/;
const MD = /^#{1,6}[ \t]+/;
/** What may stand before the cursor while a marker is being typed (nothing but marker characters). */
const PARTIAL = /^(?:[（(]?[一二三四五六七八九十]{0,3}[）)]?|[（(]?[0-9０-９]{0,2}[）)]?)$/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** GB/T 9704 markers for a level first used. */
const STANDARD: Record<number, (n: number) => string> = {
  1: (n) => `${HAN_NUMERALS[n]}、`,
  2: (n) => `（${HAN_NUMERALS[n]}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};
const LEVEL_NAME: Record<number, Msg> = {
  1: { zh: '一级标题', en: 'level-1 heading' },
  2: { zh: '二级标题', en: 'level-2 heading' },
  3: { zh: '三级标题', en: 'level-3 heading' },
  4: { zh: '四级标题', en: 'level-4 heading' },
  5: { zh: '五级标题', en: 'level-5 heading' },
};

/** What a heading level is called: GB/T 9704's four and ① the customary fifth (model/numbering.ts), any other by its number. */
function levelName(level: number): Msg {
  return LEVEL_NAME[level] ?? { zh: `${level}级标题`, en: `level-${level} heading` };
}

function normalize(s: string): string {
  return s
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The marker of `h` written again with ordinal n, in the writer's own style. */
function markerWith(doc: ReportDocument, h: Heading, n: number): string | undefined {
  if (!h.numbering || !h.markerSpan || n > 99) return undefined;
  const orig = doc.text.slice(h.markerSpan.start, h.markerSpan.end);
  if (h.numbering.style === 'circled') return n <= CIRCLED.length ? CIRCLED[n - 1] : undefined;
  if (orig.length === 1) return enclosedMarker(orig, n);
  if (/[0-9０-９]/.test(orig)) return orig.replace(/[0-9０-９]+/, String(n));
  return orig.replace(/[一二三四五六七八九十〇零]+/, HAN_NUMERALS[n]);
}

/** Headings open at the start of `line`: the last one at each level, shallowest first. */
function openHeadings(doc: ReportDocument, line: number): Heading[] {
  const stack: Heading[] = [];
  for (const h of doc.headings) {
    if (h.line >= line) break;
    if (!h.numbering || h.level < 1) continue;
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    stack.push(h);
  }
  return stack;
}

/**
 * The template sections (indices) that are missing from the report and would stand in
 * template order at `line`: every section present above it comes earlier in the template,
 * every one below it later.
 */
function missingHere(match: OutlineMatch, line: number): number[] {
  const keys = match.template.sections.map((s) => s.key);
  const present = new Set<string>();
  let before = -1;
  let after = keys.length;
  for (const h of match.headings) {
    for (const sec of [h.section, h.also]) {
      if (!sec) continue;
      present.add(sec.key);
      const k = keys.indexOf(sec.key);
      if (h.heading.line < line) before = Math.max(before, k);
      else if (h.heading.line > line) after = Math.min(after, k);
    }
  }
  const out: number[] = [];
  for (let k = before + 1; k < after; k++) if (!present.has(keys[k])) out.push(k);
  return out;
}

/** What is typed of a heading marker on a line: where it starts after the indent (and a Markdown `#`), the text, and the numbering when it is whole. */
interface TypedMarker {
  pos: number;
  /** What is typed, brackets and digits written full-width and half-width alike (normalize). */
  typed: string;
  /** The marker is complete (`三、`, `（二）`): its numbering. */
  whole?: Numbering;
}

/** The marker typed in `before` (the line up to the cursor), or undefined when the line is body text there: no completion is offered. */
function typedMarker(before: string): TypedMarker | undefined {
  let pos = INDENT.exec(before)![0].length;
  const md = MD.exec(before.slice(pos));
  if (md) pos += md[0].length;
  const typed = normalize(before.slice(pos));
  const num = typed ? readNumbering(typed) : undefined;
  if (num && num.length === typed.length) return { pos, typed, whole: num };
  return PARTIAL.test(typed) ? { pos, typed } : undefined;
}

/**
 * Whether completion may offer anything with the cursor after `before`, the text of its line up
 * to the cursor, and before `after`, the rest of the line: false in body text, and after a whole
 * marker but a level-1 one at the line's end, where headingCompletions offers nothing. It reads
 * no model, so the server answers a completion in body text (every 、 and （ typed in a paragraph
 * asks for one) without waiting for the version's analysis or building its headings. `before` may start
 * after the model's line start, at a break the model does not take for one (a lone CR, which an
 * editor does): false for it is false for the whole line too — what stands before the break is
 * indent, and the marker typed the same, or else the typed text holds the break, and no marker does.
 */
export function mayComplete(before: string, after = ''): boolean {
  return offers(typedMarker(before), after.trim());
}

/**
 * Whether anything may be offered for `marker` with `after` (trimmed) the rest of its line: not
 * in body text (no marker), and for a whole marker only a level-1 one at the line's end (it gets
 * the section titles; 三、 typed before a paragraph makes it a heading, and is offered nothing).
 */
function offers(marker: TypedMarker | undefined, after: string): marker is TypedMarker {
  return marker !== undefined && !(marker.whole && (marker.whole.level !== 1 || after !== ''));
}

/** A line that holds a heading marker being typed (in part or whole) and nothing else, or nothing at all: never a heading (below). */
function bareMarkerLine(text: string): boolean {
  return text.indexOf('#') < 0 && typedMarker(text) !== undefined;
}

/**
 * Whether `doc`'s outline is also the outline of the version of it in which line `lineIndex`
 * reads `newText` instead of `oldText` (its text in `doc`), every other line the same: then
 * lineCompletions may read `doc` for that version. Only for a line that holds a heading marker
 * being typed and nothing else, in both (or nothing at all). Such a line is no heading
 * candidate (model/headings.ts readHeading: a heading has a title; readPart: a part starts
 * with 第; a paragraph inside a line follows a space), and what reads the whole document reads
 * it only as a line that is blank or not (model/contents.ts: a table of contents is a run of
 * heading lines across blank ones, and a 目录 block takes short lines for its entries) or as
 * part of the title block (outline/structure.ts preface: the lines before the first level-1
 * heading). So: the line after the first level-1 heading, not between two heading candidates
 * that a table of contents may hold (not run-in, not inside a line) with only blank lines (or
 * page furniture) between, no 目录 line in the document, no Markdown marker on the line, no
 * lone CR in the text (some scans do not take one for a break).
 * test/property/completion-stale.property.test.ts holds the answers the same.
 */
export function outlineUnchangedBy(doc: ReportDocument, lineIndex: number, oldText: string, newText: string): boolean {
  if (!bareMarkerLine(oldText) || !bareMarkerLine(newText)) return false;
  if (lineIndex <= 0 || lineIndex >= doc.lines.length || crsOf(doc) === 'lone') return false;
  if (lineIndex <= prefaceEnd(doc) || hasContentsTitle(doc)) return false;
  // The sections built the headings, and with them the candidates.
  const candidates = doc.built.headingCandidates;
  if (!candidates) return false;
  // A heading that may stand in a table of contents' run: not one inside a line, not a run-in one (contentsLines passes over them).
  const inRun = (line: number) => {
    for (let k = lowerBoundIndex(candidates.length, (j) => candidates[j].line < line); k < candidates.length && candidates[k].line === line; k++) {
      if (!candidates[k].inline && candidates[k].kind !== 'run-in') return true;
    }
    return false;
  };
  // Blank as the contents pass reads it (the view's lines, page furniture counted blank).
  const skip = doc.boilerplate;
  const blank = (i: number) => blankLine(doc.view.text, doc.viewLines, i, (k) => skip.has(k));
  let before = lineIndex - 1;
  while (before >= 0 && blank(before)) before--;
  let after = lineIndex + 1;
  while (after < doc.lines.length && blank(after)) after++;
  return !(before >= 0 && inRun(before) && after < doc.lines.length && inRun(after));
}

/** Whether a line of `doc` says 目录 (once per version). */
function hasContentsTitle(doc: ReportDocument): boolean {
  return doc.memo('outline:hasContentsTitle', () => contentsTitleLines(doc.view.text, doc.viewLines, (k) => doc.boilerplate.has(k)).length > 0);
}

export function headingCompletions(doc: ReportDocument, offset: number, config: Config): HeadingCompletion[] {
  const line = doc.lineAt(offset);
  return lineCompletions(doc, line.index, doc.text.slice(line.start, line.end), offset - line.start, config);
}

/**
 * What headingCompletions offers with the cursor at `character` of line `lineIndex`, the line
 * reading `lineText`: the rest of the outline is `doc`'s. `doc` may be another version than
 * the one the line is from, where outlineUnchangedBy says its outline is the same (the server
 * answers right after an edit from the last analysed version: lsp/features/completion.ts).
 * Offsets are `doc`'s: its line's start plus a character of `lineText`.
 */
export function lineCompletions(doc: ReportDocument, lineIndex: number, lineText: string, character: number, config: Config): HeadingCompletion[] {
  const marker = typedMarker(lineText.slice(0, character));
  const after = lineText.slice(character).trim();
  if (!offers(marker, after)) return [];
  const { pos, typed, whole: num } = marker;
  const lineStart = doc.lines[lineIndex].start;
  const offset = lineStart + character;
  const replaceStart = lineStart + pos;
  const out: HeadingCompletion[] = [];
  const stack = openHeadings(doc, lineIndex);
  const level1 = stack[0]?.level === 1 ? stack[0] : undefined;
  const nextLevel1 = level1?.numbering ? level1.numbering.value + 1 : 1;
  const match = chooseTemplate(doc, config);
  const fitting = missingHere(match, lineIndex);
  const templateName: Msg = { zh: match.template.name, en: match.template.name };

  // A complete level-1 marker typed at the line's end (`三、`; offers() lets no other whole marker through): offer the section titles.
  if (num) {
    for (const i of fitting) {
      const s = match.template.sections[i];
      out.push({
        label: s.title,
        insertText: s.title,
        replaceStart: offset,
        replaceEnd: offset,
        kind: 'title',
        detail: { zh: `缺少的部分（${templateName.zh}）`, en: `missing section (${templateName.en})` },
        rank: i,
      });
    }
    return out;
  }

  const add = (c: Omit<HeadingCompletion, 'replaceStart' | 'replaceEnd'>) => {
    if (!normalize(c.insertText).startsWith(typed)) return;
    if (out.some((o) => o.insertText === c.insertText)) return;
    out.push({ ...c, replaceStart, replaceEnd: offset });
  };
  // Next sibling at each open level, deepest first (the likeliest next heading).
  let rank = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = stack[i];
    const m = markerWith(doc, h, h.numbering!.value + 1);
    if (!m) continue;
    add({ label: m, insertText: m, kind: 'ordinal', detail: { zh: `下一个${levelName(h.level).zh}`, en: `next ${levelName(h.level).en}` }, rank: rank++ });
  }
  // First item one level down.
  const deepest = stack[stack.length - 1];
  const childLevel = deepest ? deepest.level + 1 : 1;
  if (childLevel <= 4) {
    const m = STANDARD[childLevel](1);
    add({ label: m, insertText: m, kind: 'ordinal', detail: { zh: `第一个${levelName(childLevel).zh}`, en: `first ${levelName(childLevel).en}` }, rank });
  }
  // Missing template sections, numbered as the next level-1 heading. Only where a
  // level-1 heading can go (nothing after the cursor on the line).
  if (!after && nextLevel1 < HAN_NUMERALS.length) {
    const marker = level1 ? markerWith(doc, level1, nextLevel1) ?? STANDARD[1](nextLevel1) : STANDARD[1](nextLevel1);
    for (const i of fitting) {
      const s = match.template.sections[i];
      add({
        label: `${marker}${s.title}`,
        insertText: `${marker}${s.title}`,
        kind: 'section',
        detail: { zh: `缺少的部分（${templateName.zh}）`, en: `missing section (${templateName.en})` },
        rank: 20 + i,
      });
    }
  }
  return out.sort((a, b) => a.rank - b.rank);
}

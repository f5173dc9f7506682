// What hovering a heading tells the writer about its section: 字数, sub-items, figures.
// Also the per-section counts the code lenses show. Pure core: the LSP layer renders it.
import { countChars, type CharCount } from '../authoring/count';
import type { ReportDocument } from '../model/document';
import { readHeadingLines, type Heading, type Section } from '../model/headings';
import type { Locale } from '../types';
import { eachSection } from './siblings';

export interface SectionInfo {
  section: Section;
  /** 字数 of the whole section, heading included. */
  count: CharCount;
  /** Direct sub-items (numbered children). */
  subItems: number;
  /** All headings below it, at any depth. */
  descendants: number;
  /** Quantities read inside the section, when the caller knows them. */
  figures?: number;
}


/** The section whose heading (marker + title) holds `offset`; touching either end counts. */
export function sectionAtHeading(doc: ReportDocument, offset: number): Section | undefined {
  const line = doc.lineAt(offset).index;
  // The headings are some of the lines' heading candidates: a line that holds no candidate
  // holds no heading, and the heading tree is not built for it (a hover on a figure right after
  // an edit of a large report built the new version's tree first, only to find no heading).
  if (!doc.built.headings && !holdsCandidate(doc, line)) return undefined;
  for (const s of eachSection(doc)) {
    if (s.heading.line !== line) continue;
    if (offset >= s.heading.span.start && offset <= s.heading.span.end) return s;
  }
  return undefined;
}

/** Whether the line reads as a heading candidate (model/headings.ts readHeadingLines, no line skipped: skipping only takes candidates away). */
function holdsCandidate(doc: ReportDocument, line: number): boolean {
  const out: Heading[] = [];
  readHeadingLines(doc.text, doc.view, doc.viewLines, () => false, line, line + 1, out);
  return out.length > 0;
}

function countDescendants(s: Section): number {
  let n = 0;
  for (const c of s.children) n += 1 + countDescendants(c);
  return n;
}

/** Stats of one section; `figures`: how many figures were read in it (authoring/figures-table.ts figuresIn), when known. */
export function sectionInfo(doc: ReportDocument, section: Section, figures?: number): SectionInfo {
  const count = countChars(doc.text, { start: section.start, end: section.end });
  return { section, count, subItems: section.children.length, descendants: countDescendants(section), figures };
}

/** The level-1 sections with their 字数 (for code lenses), memoised per version. */
export function level1Counts(doc: ReportDocument): { section: Section; words: number }[] {
  return doc.memo('outline:level1Counts', () =>
    doc.sections.map((section) => ({ section, words: countChars(doc.text, { start: section.start, end: section.end }).words })),
  );
}

/** `1,234 字` / `1,234 characters`. */
export function formatWords(n: number, locale: Locale): string {
  const s = n.toLocaleString('en-US');
  return locale === 'zh' ? `${s} 字` : `${s} ${n === 1 ? 'character' : 'characters'}`;
}

/** Markdown for the hover on a heading. */
export function sectionHoverMarkdown(doc: ReportDocument, info: SectionInfo, locale: Locale): string {
  const h = info.section.heading;
  const marker = h.markerSpan ? doc.text.slice(h.markerSpan.start, h.markerSpan.end) : '';
  const title = `${marker}${h.title}`;
  const c = info.count;
  if (locale === 'zh') {
    const parts = [`**${title}**`, '', `- 字数：${c.words.toLocaleString('en-US')}（汉字 ${c.han}，标点 ${c.punctuation}，西文/数字 ${c.latinWords}）`];
    parts.push(`- 下级条目：${info.subItems}${info.descendants > info.subItems ? `（各级共 ${info.descendants}）` : ''}`);
    if (info.figures !== undefined) parts.push(`- 数字：${info.figures} 处`);
    return parts.join('\n');
  }
  const parts = [`**${title}**`, '', `- Characters (字数): ${c.words.toLocaleString('en-US')} (Han ${c.han}, punctuation ${c.punctuation}, Latin/digit words ${c.latinWords})`];
  parts.push(`- Sub-items: ${info.subItems}${info.descendants > info.subItems ? ` (${info.descendants} at all levels)` : ''}`);
  if (info.figures !== undefined) parts.push(`- Figures: ${info.figures}`);
  return parts.join('\n');
}

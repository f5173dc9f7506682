// The parts of a report around its sections: the title block (标题, 副标题 `——…`, 署名),
// the intro (导语: the paragraphs before the first section), the closing (结尾: `以上报告，
// 请予评议。`, 述职人, the date), and the lead of a section (the text between its heading
// and its first sub-heading). Read from the folded view; every part knows its lines.
import type { ReportDocument } from '../model/document';
import type { Section } from '../model/headings';
import { headingAtLine } from './siblings';
import { isSpaceCode } from '../model/chars';

/** One non-blank line of the view (a paragraph: the corpus keeps each paragraph on one line). */
export interface Paragraph {
  line: number;
  /** View offsets of the text without indent and trailing spaces. */
  start: number;
  end: number;
  text: string;
}

export interface Preface {
  /** The title block: title, subtitle, author line. */
  title: Paragraph[];
  /** The intro (导语) paragraphs before the first section. */
  intro: Paragraph[];
}

/** A title line is short and is not a sentence. */
const MAX_TITLE = 50;
const CLOSING = /^(?:谢谢大家|谢谢！|谢谢。|以上发言|以上材料|以上报告|以上述职|以上汇报|特此报告|特此汇报|请予审议|请予评议|请审议|述职人|报告人|汇报人|[^，。]{2,30}(?:委员会|办公室|局|委|会|院|中心|街道|学院|公司|党委|党组)$|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$)/;

function paragraph(doc: ReportDocument, line: number): Paragraph | undefined {
  if (doc.boilerplate.has(line)) return undefined;
  const raw = doc.viewLine(line);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return undefined;
  const start = doc.viewLines.start(line) + lead;
  return { line, start, end: start + text.length, text };
}

/** Paragraphs of a line range [from, to), boilerplate and blank lines left out. */
export function paragraphs(doc: ReportDocument, from: number, to: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = from; i < to && i < doc.lines.length; i++) {
    const p = paragraph(doc, i);
    if (p) out.push(p);
  }
  return out;
}

/** The line the preface ends before: the first 一、 ends the intro (numbered points inside the intro do not), else the first section; the text's end when there is none. */
export function prefaceEnd(doc: ReportDocument): number {
  const first = doc.sections.find((s) => s.heading.level === 1) ?? doc.sections[0];
  return first ? first.heading.line : doc.lines.length;
}

/** The title block and the intro: everything before the first section. */
export function preface(doc: ReportDocument): Preface {
  return doc.memo('outline:preface', () => {
    const end = prefaceEnd(doc);
    const title: Paragraph[] = [];
    const intro: Paragraph[] = [];
    // A Markdown `#` title (level 0) is the title whatever its length.
    const mdTitles = new Set(doc.headings.filter((h) => h.level === 0).map((h) => h.line));
    for (const p of paragraphs(doc, 0, end)) {
      const titleLike =
        mdTitles.has(p.line) ||
        (intro.length === 0 && p.text.length <= MAX_TITLE && !/[。！？；]/.test(p.text) && !/[：:]$/.test(p.text));
      if (titleLike) title.push(p);
      else intro.push(p);
    }
    return { title, intro };
  });
}

/** The document title (the first line of the title block), folded. */
export function documentTitle(doc: ReportDocument): string | undefined {
  const t = preface(doc).title[0];
  return t?.text.replace(/^#+\s*/, '');
}

/**
 * Closing lines after the last section (`以上报告，请予评议。`, 述职人, the issuing body, the
 * date): they end the report, not its last section. Returns the first closing line, or
 * the line count when there is none.
 */
export function closingStart(doc: ReportDocument): number {
  return doc.memo('outline:closing', () => {
    const last = doc.sections[doc.sections.length - 1];
    let start = doc.lines.length;
    if (!last) return start;
    for (let i = doc.lines.length - 1; i > last.heading.line; i--) {
      if (doc.boilerplate.has(i)) {
        start = i;
        continue;
      }
      const text = doc.viewLine(i).trim();
      if (!text) {
        start = i;
        continue;
      }
      if (text.length <= 40 && CLOSING.test(text)) start = i;
      else break;
    }
    return start;
  });
}

/** Is view line `i` blank (only what trim() removes)? Read by char code: no line string made. */
export function blankViewLine(doc: ReportDocument, i: number): boolean {
  const v = doc.view.text;
  for (let k = doc.viewLines.start(i), end = doc.viewLines.end(i); k < end; k++) if (!isSpaceCode(v.charCodeAt(k))) return false;
  return true;
}

/** Last line of a section that holds text (for folding and symbol ranges). */
export function lastContentLine(doc: ReportDocument, section: Section): number {
  const endLine = doc.lineAt(Math.max(section.start, section.end - 1)).index;
  // A section that runs to the end of the text stops before the closing.
  const stop = section.end >= doc.text.length ? Math.min(endLine, closingStart(doc) - 1) : endLine;
  for (let i = stop; i > section.heading.line; i--) {
    if (doc.lines[i].start >= section.end) continue;
    if (!doc.boilerplate.has(i) && !blankViewLine(doc, i)) return i;
  }
  return section.heading.line;
}

/**
 * The lead of a section: its own text before its first sub-section (the rest of a
 * run-in heading's paragraph included), without blank and boilerplate lines.
 */
export function sectionLead(doc: ReportDocument, section: Section): Paragraph[] {
  const h = section.heading;
  const firstChild = section.children[0];
  const endLine = firstChild ? firstChild.heading.line : lastContentLine(doc, section) + 1;
  const out: Paragraph[] = [];
  if (h.runIn) {
    const v = doc.view.text;
    const lineEnd = doc.viewLines.end(h.line);
    let s = doc.toView(section.bodyStart);
    while (s < lineEnd && /[。！？\s\u3000]/.test(v[s])) s++;
    // In a flattened line the paragraph stops where the next heading starts.
    let e = Math.min(lineEnd, doc.toView(firstChild ? firstChild.start : section.end));
    while (e > s && /[\s\u3000]/.test(v[e - 1])) e--;
    if (e > s) out.push({ line: h.line, start: s, end: e, text: v.slice(s, e) });
  }
  return endLine > h.line ? out.concat(paragraphs(doc, h.line + 1, endLine)) : out;
}

/**
 * Does the text begin where the report begins? A title and an intro of prose (a paragraph
 * with a full stop) before the first section say so; an excerpt cut from the middle of a
 * page starts at a heading with at most a page title above it.
 */
export function startsAtBeginning(doc: ReportDocument): boolean {
  return doc.memo('outline:startsAtBeginning', () => {
    const { title, intro } = preface(doc);
    return title.length > 0 && intro.some((p) => /[。！？]/.test(p.text));
  });
}

/** Marks that close a finished sentence or a quotation at the end of a paragraph. */
const FINISHED = /[。！？；…”’）」』》!?;)]$/;

/** A paragraph at least this long that ends without a final mark was cut, not written so. */
const PARAGRAPH = 20;

/**
 * Was text lost between lines `from` and `to` (`from` included, `to` not) of this copy? The
 * line just before `to` stops in mid-course (`主要表现在：` with the list gone, an item
 * ending in a comma), or a paragraph in between breaks off mid-sentence (a page that hid
 * the rest). Then a gap in the numbering at `to` is no evidence of a mistake. Title lines
 * end without a mark by nature.
 */
export function textLostBetween(doc: ReportDocument, from: number, to: number): boolean {
  let last = true;
  for (let i = to - 1; i >= from; i--) {
    if (doc.boilerplate.has(i)) continue;
    const t = doc.viewLine(i).trim();
    if (!t) continue;
    const h = headingAtLine(doc, i);
    if (h && (h.kind === 'title' || h.kind === 'part')) {
      last = false;
      continue;
    }
    if (!FINISHED.test(t) && (last || t.length >= PARAGRAPH)) return true;
    last = false;
  }
  return false;
}

/**
 * Does the report end with a closing (`以上报告，请予评议。`, 述职人, the issuing body, the
 * date) after its last section? A closing shows the text is finished: the sections it has
 * are all it has. Page furniture alone is no closing.
 */
export function hasClosing(doc: ReportDocument): boolean {
  for (let i = closingStart(doc); i < doc.lines.length; i++) {
    if (!doc.boilerplate.has(i) && !blankViewLine(doc, i)) return true;
  }
  return false;
}

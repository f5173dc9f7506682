// The GB/T 9704-2012 layout of a report, shared by the .docx export and the print preview:
// which paragraph is the title, a heading of which level, body text, the signature or the
// date, and in which font each run is set. Read from the same model the rules read
// (ReportDocument: headings, title block, closing), so the layout and the checks agree.
// The standard's numbers and the block shape are in standard.ts.
import { ReportDocument } from '../core/model/document';
import { closingStart, preface } from '../core/outline/structure';
import { cells, type Block, type FontRole, type Run } from './standard';

const DATE = /^(?:(?:19|20)\d{2}|[一二〇○零]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$/;
const SIGNER = /^(?:述职人|报告人|汇报人)[：:]/;
const LEADING_SPACE = /^[\s\u3000]/;

/** Does the file hold Markdown (`.md`, `.report.md`)? Then `#` lines and `**bold**` are markup. */
export function isMarkdownName(name: string): boolean {
  return /\.(?:md|markdown)$/i.test(name);
}

/** The report laid out as GB/T 9704 blocks, one per line of the text. */
export function layoutReport(text: string, opts: { markdown: boolean }): Block[] {
  const doc = new ReportDocument(text);
  const headings = new Map(doc.headings.map((h) => [h.line, h]));
  const pre = preface(doc);
  const titleLines = new Set(pre.title.map((p) => p.line));
  const firstTitle = pre.title[0]?.line;
  const closing = closingStart(doc);
  const blocks: Block[] = [];
  for (const l of doc.lines) {
    let raw = text.slice(l.start, l.end);
    const h = headings.get(l.index);
    let mdHeading = false;
    let cut = 0;
    if (opts.markdown) {
      const m = /^[ \t]{0,3}(#{1,6})[ \t]+/.exec(raw);
      if (m) {
        raw = raw.slice(m[0].length).replace(/[ \t]+#+[ \t]*$/, '');
        mdHeading = true;
        cut = m[0].length;
      }
    }
    const runs = (role: FontRole) => (opts.markdown ? boldRuns(raw, role) : [{ text: raw, role }]);
    const base = { line: l.index, indent: LEADING_SPACE.test(raw) ? 0 : 2, rightIndent: 0 };
    if (!raw.trim()) {
      // Whitespace the writer typed stays (the round trip gives back every character).
      blocks.push({ ...base, kind: 'blank', runs: raw ? [{ text: raw, role: 'body' }] : [], align: 'left', indent: 0 });
    } else if (l.index === firstTitle || (mdHeading && h?.level === 0)) {
      blocks.push({ ...base, kind: 'title', runs: runs('title'), align: 'center', indent: 0 });
    } else if (titleLines.has(l.index) && !h) {
      blocks.push({ ...base, kind: 'subtitle', runs: runs('heading2'), align: 'center', indent: 0 });
    } else if (h && h.level >= 1 && h.level <= 4) {
      const role: FontRole = h.level === 1 ? 'heading1' : h.level === 2 ? 'heading2' : 'body';
      const rs = runs(role);
      if (h.runIn && role !== 'body') {
        // The heading's own sentence end (。) is set with it.
        const end = h.titleSpan.end - l.start - cut;
        splitRunIn(rs, /[。！？]/.test(raw[end] ?? '') ? end + 1 : end);
      }
      blocks.push({ ...base, kind: 'heading', level: h.level, runs: rs, align: 'both' });
    } else if (l.index >= closing && DATE.test(raw.trim())) {
      blocks.push({ ...base, kind: 'date', runs: runs('body'), align: 'right', indent: 0, rightIndent: 4 });
    } else if (l.index >= closing && (SIGNER.test(raw.trim()) || (raw.trim().length <= 20 && !/[，。；：！？]/.test(raw)))) {
      blocks.push({ ...base, kind: 'signature', runs: runs('body'), align: 'right', indent: 0, rightIndent: 4 });
    } else {
      blocks.push({ ...base, kind: 'body', runs: runs('body'), align: 'both' });
    }
  }
  centreSignatureOverDate(blocks);
  return blocks;
}

/** §7.3.5.1: the date stands four characters in from the right; the signature is centred over it. */
function centreSignatureOverDate(blocks: Block[]): void {
  const date = blocks.find((b) => b.kind === 'date');
  if (!date) return;
  const width = (b: Block) => b.runs.reduce((n, r) => n + cells(r.text.trim()), 0);
  for (const b of blocks) {
    if (b.kind !== 'signature' || b.line > date.line) continue;
    b.rightIndent = Math.max(0, 4 + (width(date) - width(b)) / 2);
  }
}

/** The run-in heading (`1、抓落实，高位推动。`) in its font, the rest of the paragraph in the body font. */
function splitRunIn(runs: Run[], headEnd: number): void {
  let at = 0;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if (at + r.text.length > headEnd) {
      const cut = Math.max(0, headEnd - at);
      const rest: Run = { ...r, text: r.text.slice(cut), role: 'body' };
      r.text = r.text.slice(0, cut);
      runs.splice(i + 1, 0, rest);
      for (let j = i + 2; j < runs.length; j++) runs[j].role = 'body';
      if (!r.text) runs.splice(i, 1);
      return;
    }
    at += r.text.length;
  }
}

/** `**bold**` in Markdown text as bold runs (the markers dropped). */
function boldRuns(text: string, role: FontRole): Run[] {
  const out: Run[] = [];
  const re = /\*\*(?=\S)([^*]+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), role });
    out.push({ text: m[1], role, bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || !out.length) out.push({ text: text.slice(last), role });
  return out;
}

/**
 * Is this line a heading to the checker (typed or automatic number, its own `#`)? The .docx
 * reader asks before it marks a heading style's paragraph as a Markdown heading.
 */
export function isHeadingLine(text: string): boolean {
  return new ReportDocument(text).headings.length > 0;
}

/** The plain text of the blocks, one line each: what Import reads back from the export. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
}

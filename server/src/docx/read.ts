// Reading a .docx into the text the checker reads: one line per paragraph, in reading order
// (body paragraphs and table cells as they come, then footnotes and endnotes in the order they
// are referenced); Word's automatic numbering rendered to the label Word shows; tracked changes
// read as accepted (insertions kept, deletions dropped); comments, drawings, text boxes, field
// codes and hidden text left out. Plain TypeScript over Uint8Array: no Node, LSP or VS Code
// import, so the CLI, the language server and the web worker share it.
// What line and column mean for a .docx is in docs/docx.md.
import { unzipSync, strFromU8 } from 'fflate';
import type { Msg } from '../core/types';
import { Numbering } from './numbering';
import { child, elements, parseXml, textOf, val, type XmlElement } from './xml';

export type LineSource = 'body' | 'table' | 'footnote' | 'endnote';

export interface DocxLine {
  text: string;
  source: LineSource;
  /** 1-based number of the Word paragraph the line comes from (a Shift+Enter break continues it). */
  paragraph: number;
  /** Heading level from the paragraph's style or outline level (1 = Heading 1), when it has one. */
  level?: number;
}

export interface DocxText {
  /** The lines joined with `\n`: what Import writes and what the checker reads. */
  text: string;
  lines: DocxLine[];
  stats: { paragraphs: number; tableCells: number; notes: number; numbered: number; insertions: number; deletions: number };
}

export class DocxError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

/** A DocxError, also one thrown by the lazily loaded copy of this module (docx/io.ts). */
export function isDocxError(e: unknown): e is DocxError {
  const m = (e as { msg?: Partial<Msg> } | undefined)?.msg;
  return typeof m?.zh === 'string' && typeof m.en === 'string';
}

/** Parts larger than this are refused (a zip bomb, or not a report). */
const MAX_PART = 64 * 1024 * 1024;
const W_NS_TYPES = {
  styles: '/styles',
  numbering: '/numbering',
  footnotes: '/footnotes',
  endnotes: '/endnotes',
};

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: a password-protected .docx, or an old binary .doc. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export interface ReadOptions {
  /** Is this line already a heading to the checker? (`layout.ts` isHeadingLine; the reader itself knows no report model.) */
  isHeading(text: string): boolean;
}

export function readDocx(bytes: Uint8Array, opts: ReadOptions): DocxText {
  if (isOle(bytes)) {
    throw new DocxError({
      zh: '这是加密的 .docx 或旧的 .doc 文件：请在 Word 中去掉密码或另存为 .docx 后再检查',
      en: 'a password-protected .docx or an old .doc file: remove the password or save it as .docx in Word, then check it',
    });
  }
  if (!isZip(bytes)) throw new DocxError({ zh: '不是 .docx 文件（不是 zip 包）', en: 'not a .docx file (not a zip archive)' });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.originalSize <= MAX_PART && (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && !f.name.startsWith('customXml/') && !/media|embeddings/.test(f.name),
    });
  } catch (e) {
    throw new DocxError({ zh: `.docx 文件已损坏（${(e as Error).message}）`, en: `the .docx file is damaged (${(e as Error).message})` });
  }
  const part = (name: string): XmlElement | undefined => {
    const b = files[name];
    if (!b) return undefined;
    try {
      return parseXml(strFromU8(b));
    } catch (e) {
      throw new DocxError({ zh: `.docx 中的 ${name} 已损坏（${(e as Error).message}）`, en: `${name} in the .docx is damaged (${(e as Error).message})` });
    }
  };
  const mainName = mainDocumentName(part('_rels/.rels'));
  const main = part(mainName);
  const body = child(main, 'body');
  if (!body) throw new DocxError({ zh: '不是 Word 文档（没有正文 word/document.xml）', en: 'not a Word document (no word/document.xml body)' });
  const dir = mainName.slice(0, mainName.lastIndexOf('/') + 1);
  const relsName = `${dir}_rels/${mainName.slice(dir.length)}.rels`;
  const targets = relationshipTargets(part(relsName), dir);
  const styles = new Styles(part(targets.styles ?? `${dir}styles.xml`));
  const numbering = new Numbering(part(targets.numbering ?? `${dir}numbering.xml`), (id) => styles.numPr(id)?.numId);
  const reader = new Reader(styles, numbering, opts.isHeading);
  reader.blocks(body, 'body');
  const noteParts: [LineSource, string, string][] = [
    ['footnote', targets.footnotes ?? `${dir}footnotes.xml`, 'footnote'],
    ['endnote', targets.endnotes ?? `${dir}endnotes.xml`, 'endnote'],
  ];
  for (const [source, name, tag] of noteParts) {
    const refs = source === 'footnote' ? reader.footnoteRefs : reader.endnoteRefs;
    if (!refs.length) continue;
    const notes = new Map<string, XmlElement>();
    const root = part(name);
    if (root) for (const n of elements(root, tag)) notes.set(n.attrs.id, n);
    for (const id of refs) {
      const n = notes.get(id);
      if (n) reader.blocks(n, source);
    }
  }
  reader.flush();
  return { text: reader.lines.map((l) => l.text).join('\n'), lines: reader.lines, stats: reader.stats };
}

function mainDocumentName(rels: XmlElement | undefined): string {
  for (const r of rels ? elements(rels, 'Relationship') : []) {
    if (/\/officeDocument$/.test(r.attrs.Type ?? '')) return (r.attrs.Target ?? '').replace(/^\//, '');
  }
  return 'word/document.xml';
}

function relationshipTargets(rels: XmlElement | undefined, dir: string): Partial<Record<keyof typeof W_NS_TYPES, string>> {
  const out: Partial<Record<keyof typeof W_NS_TYPES, string>> = {};
  for (const r of rels ? elements(rels, 'Relationship') : []) {
    if (r.attrs.TargetMode === 'External') continue;
    for (const [k, suffix] of Object.entries(W_NS_TYPES) as [keyof typeof W_NS_TYPES, string][]) {
      if ((r.attrs.Type ?? '').endsWith(suffix)) {
        const t = r.attrs.Target ?? '';
        out[k] = t.startsWith('/') ? t.slice(1) : dir + t;
      }
    }
  }
  return out;
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  pPr?: XmlElement;
}

/** Paragraph styles: names, inheritance, outline levels and list numbering. */
class Styles {
  private byId = new Map<string, StyleInfo>();
  defaultParagraph?: string;

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    for (const s of elements(root, 'style')) {
      const id = s.attrs.styleId;
      this.byId.set(id, { name: val(s, 'name') ?? id, basedOn: val(s, 'basedOn'), pPr: child(s, 'pPr') });
      if (s.attrs.type === 'paragraph' && (s.attrs.default === '1' || s.attrs.default === 'true')) this.defaultParagraph = id;
    }
  }

  /** Walks the style and what it is based on (bounded: a loop in styles.xml ends it). */
  private chain(id: string | undefined): StyleInfo[] {
    const out: StyleInfo[] = [];
    for (let i = 0; id && i < 16; i++) {
      const s = this.byId.get(id);
      if (!s) break;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  }

  numPr(id: string | undefined): { numId: string; ilvl: number } | undefined {
    for (const s of this.chain(id)) {
      const n = child(s.pPr, 'numPr');
      if (n) {
        const numId = val(n, 'numId');
        if (numId !== undefined) return { numId, ilvl: Number(val(n, 'ilvl') ?? 0) };
      }
    }
    return undefined;
  }

  /** 1–9 for a heading (outline level 0–8, or a style named Heading N / 标题 N); 0 for a title style. */
  level(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) {
      const o = val(s.pPr, 'outlineLvl');
      if (o !== undefined) return Number(o) < 9 ? Number(o) + 1 : undefined;
      const m = /^(?:heading|标题)\s*([1-9])$/i.exec(s.name);
      if (m) return Number(m[1]);
      if (/^(?:title|标题)$/i.test(s.name)) return 0;
    }
    return undefined;
  }
}

/** Elements whose content Word does not show as text of the paragraph. */
const SKIP = new Set([
  'pPr', 'rPr', 'del', 'moveFrom', 'delText', 'instrText', 'fldData', 'drawing', 'pict', 'object', 'AlternateContent',
  'commentReference', 'commentRangeStart', 'commentRangeEnd', 'annotationRef', 'footnoteRef', 'endnoteRef',
  'lastRenderedPageBreak', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sym',
  'separator', 'continuationSeparator', 'permStart', 'permEnd',
]);

class Reader {
  lines: DocxLine[] = [];
  footnoteRefs: string[] = [];
  endnoteRefs: string[] = [];
  stats = { paragraphs: 0, tableCells: 0, notes: 0, numbered: 0, insertions: 0, deletions: 0 };
  /** Text of a paragraph whose mark was deleted (tracked): it joins the next paragraph. */
  private carry = '';

  constructor(
    private styles: Styles,
    private numbering: Numbering,
    private isHeading: (text: string) => boolean,
  ) {}

  blocks(el: XmlElement, source: LineSource): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'p':
          this.paragraph(c, source);
          break;
        case 'tc':
          this.stats.tableCells++;
          this.blocks(c, 'table');
          break;
        case 'tbl':
        case 'tr':
          this.blocks(c, source === 'body' ? 'table' : source);
          break;
        case 'del':
        case 'moveFrom':
          this.stats.deletions++;
          break;
        case 'sectPr':
        case 'tblPr':
        case 'tblGrid':
        case 'trPr':
        case 'tcPr':
          break;
        default:
          // sdt / sdtContent / customXml / ins / moveTo around whole paragraphs, rows or cells.
          this.blocks(c, source);
      }
    }
  }

  private paragraph(p: XmlElement, source: LineSource): void {
    this.stats.paragraphs++;
    if (source === 'footnote' || source === 'endnote') this.stats.notes++;
    const pPr = child(p, 'pPr');
    const styleId = val(pPr, 'pStyle') ?? this.styles.defaultParagraph;
    const numPr = child(pPr, 'numPr');
    const num = numPr ? { numId: val(numPr, 'numId') ?? '0', ilvl: Number(val(numPr, 'ilvl') ?? 0) } : this.styles.numPr(styleId);
    const label = num ? this.numbering.next(num.numId, num.ilvl) : '';
    if (label) this.stats.numbered++;
    const outline = val(pPr, 'outlineLvl');
    const level = outline !== undefined ? (Number(outline) < 9 ? Number(outline) + 1 : undefined) : this.styles.level(styleId);
    const content = this.inline(p);
    const text = this.carry + label + content;
    this.carry = '';
    // A tracked deletion of the paragraph mark: accepted, the paragraph runs on into the next.
    if (child(child(pPr, 'rPr'), 'del')) {
      this.stats.deletions++;
      this.carry = text;
      return;
    }
    this.push(text, source, level);
  }

  /** Pending text of a paragraph whose mark was deleted at the very end. */
  flush(): void {
    if (this.carry) this.push(this.carry, 'body', undefined);
    this.carry = '';
  }

  private push(text: string, source: LineSource, level: number | undefined): void {
    const paragraph = this.lines.length ? this.lines[this.lines.length - 1].paragraph + 1 : 1;
    text.split('\n').forEach((part, i) => {
      const marker = i === 0 && level !== undefined ? headingMarker(part, level, this.isHeading) : '';
      this.lines.push({ text: marker + part, source, paragraph, level: i === 0 ? level : undefined });
    });
  }

  /** The text of a paragraph as Word shows it (soft line breaks as `\n`). */
  private inline(el: XmlElement): string {
    let s = '';
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (SKIP.has(c.name)) {
        if (c.name === 'del' || c.name === 'moveFrom') this.stats.deletions++;
        continue;
      }
      switch (c.name) {
        case 't':
          s += textOf(c);
          break;
        case 'tab':
        case 'ptab':
          s += '\t';
          break;
        case 'br':
          // Page and column breaks move text, they are not text; a line break is.
          if (c.attrs.type !== 'page' && c.attrs.type !== 'column') s += '\n';
          break;
        case 'cr':
          s += '\n';
          break;
        case 'noBreakHyphen':
          s += '-';
          break;
        case 'softHyphen':
          break;
        case 'footnoteReference':
          this.footnoteRefs.push(c.attrs.id);
          break;
        case 'endnoteReference':
          this.endnoteRefs.push(c.attrs.id);
          break;
        case 'r':
          if (!hidden(child(c, 'rPr'))) s += this.inline(c);
          break;
        case 'ins':
        case 'moveTo':
          this.stats.insertions++;
          s += this.inline(c);
          break;
        default:
          // hyperlink, smartTag, sdt, sdtContent, fldSimple, customXml, bdo, dir: their runs are text.
          s += this.inline(c);
      }
    }
    return s;
  }
}

function hidden(rPr: XmlElement | undefined): boolean {
  const v = child(rPr, 'vanish');
  return v !== undefined && v.attrs.val !== '0' && v.attrs.val !== 'false';
}


/**
 * A heading by style (Heading 1–4, or an outline level) that carries no number, typed or
 * automatic, is read as a Markdown heading of its depth, so the outline rules see it (the marker
 * is part of the text the checker reads and Import writes; docs/docx.md).
 */
export function headingMarker(text: string, level: number, isHeading: (text: string) => boolean): string {
  if (level < 1 || level > 4 || !text.trim() || text.length > 60 || /[。！？]$/.test(text.trim())) return '';
  // Already a heading to the checker (typed or automatic number, its own `#`): nothing to add.
  if (isHeading(text)) return '';
  return '#'.repeat(level) + ' ';
}

// Report text → GB/T 9704 .docx: the layout (layout.ts) written by write.ts (through io.ts). One entry for the
// CLI (`workreport export`) and the language server (Export to Word), so both write the same file.
import { blocksText, isMarkdownName, layoutReport } from './layout';
import { FALLBACK_FONTS, STANDARD_FONTS, resolveFonts, type Block, type Fonts } from './standard';
import { NOT_XML } from './standard';
import type { DocxIo } from './io';

export interface ExportOptions {
  /** File name of the source (Markdown is read as Markdown); also the document title's fallback. */
  name: string;
  /** `standard`: the fonts GB/T 9704 names (default); `fallback`: 仿宋, 黑体, 楷体, 华文中宋. */
  fonts?: 'standard' | 'fallback';
  /** Per-role font names (title, heading1, heading2, body, pageNumber), over the choice above. */
  fontOverrides?: Partial<Record<string, unknown>>;
  date?: Date;
}

export interface Exported {
  bytes: Uint8Array;
  blocks: Block[];
  fonts: Fonts;
  /** The text Import reads back from the file (the source without Markdown markup). */
  text: string;
}

/** `io`: the writer (docx/io.ts), which the Node server loads lazily. */
export function exportReport(text: string, opts: ExportOptions, io: Pick<DocxIo, 'writeDocx'>): Exported {
  // Laid out from the text that will be written: no BOM, nothing XML 1.0 cannot hold.
  text = text.replace(/^\ufeff/, '').replace(NOT_XML, '');
  const blocks = layoutReport(text, { markdown: isMarkdownName(opts.name) });
  const fonts = resolveFonts(opts.fonts, opts.fontOverrides);
  const alternatives = opts.fonts === 'fallback' ? STANDARD_FONTS : FALLBACK_FONTS;
  const title = blocks.find((b) => b.kind === 'title')?.runs.map((r) => r.text).join('').trim() || opts.name.replace(/\.[^.]*$/, '');
  const bytes = io.writeDocx(blocks, { fonts, alternatives, title, date: opts.date });
  return { bytes, blocks, fonts, text: blocksText(blocks) };
}

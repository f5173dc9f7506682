// What a file is, from its first bytes (magic numbers), before anything reads it as text:
// a report saved as .docx, .doc, .wps or .pdf, an image or a program given by mistake must be
// named as such — never checked as garbled text, never written. Extensions only refine the
// name (a .wps and a .doc are the same OLE container).
import * as path from 'node:path';
import type { Msg } from '../core/types';

export type FormatKind = 'docx' | 'office' | 'ole' | 'pdf' | 'rtf' | 'image' | 'executable' | 'archive' | 'binary';

export interface Format {
  kind: FormatKind;
  /** What the file is, for messages: `PDF`, `PNG image`, `ELF executable`. */
  label: Msg;
}

/**
 * Readers of formats that are not plain text, by kind (the .docx reader registers itself
 * here). A format with no reader is refused with one line.
 */
export interface FormatReader {
  read(bytes: Uint8Array, file: string): string;
}
export const formatReaders = new Map<FormatKind, FormatReader>();

const ascii = (bytes: Uint8Array, at: number, s: string) => {
  for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
  return true;
};
const has = (bytes: Uint8Array, s: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(s, 0, 'latin1');
const label = (zh: string, en: string): Msg => ({ zh, en });

function zipFormat(bytes: Uint8Array): Format {
  // Member names are stored uncompressed in the local headers and the central directory.
  if (has(bytes, 'word/')) return { kind: 'docx', label: label('Word 文档（.docx）', 'Word document (.docx)') };
  if (has(bytes, 'xl/')) return { kind: 'office', label: label('Excel 表格（.xlsx）', 'Excel workbook (.xlsx)') };
  if (has(bytes, 'ppt/')) return { kind: 'office', label: label('PowerPoint 演示文稿（.pptx）', 'PowerPoint presentation (.pptx)') };
  if (has(bytes, 'application/vnd.oasis.opendocument')) return { kind: 'office', label: label('OpenDocument 文档', 'OpenDocument file') };
  return { kind: 'archive', label: label('ZIP 压缩包', 'ZIP archive') };
}

function oleFormat(file: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.wps') return { kind: 'ole', label: label('WPS 文字文档（.wps）', 'WPS Writer document (.wps)') };
  // Word saves a password-protected .docx in the OLE container too.
  if (ext === '.docx') return { kind: 'ole', label: label('加密的 Word 文档（.docx，有打开密码）或改了扩展名的 .doc', 'password-protected Word document (.docx), or a .doc renamed') };
  if (ext === '.doc' || ext === '.dot') return { kind: 'ole', label: label('Word 97–2003 文档（.doc）', 'Word 97–2003 document (.doc)') };
  if (ext === '.xls' || ext === '.et') return { kind: 'ole', label: label('Excel/WPS 表格', 'Excel/WPS spreadsheet') };
  return { kind: 'ole', label: label('Office 97–2003 文档（.doc/.wps/.xls）', 'Office 97–2003 document (.doc/.wps/.xls)') };
}

/** The file's format when it is not plain text; undefined when it may be text. */
export function sniffFormat(bytes: Uint8Array, file: string): Format | undefined {
  const b = bytes;
  if (ascii(b, 0, '%PDF-')) return { kind: 'pdf', label: label('PDF 文档', 'PDF document') };
  if (ascii(b, 0, 'PK\x03\x04') || ascii(b, 0, 'PK\x05\x06')) return zipFormat(b);
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return oleFormat(file);
  if (ascii(b, 0, '{\\rtf')) return { kind: 'rtf', label: label('RTF 文档', 'RTF document') };
  const image = (name: string): Format => ({ kind: 'image', label: label(`${name} 图片`, `${name} image`) });
  if (ascii(b, 0, '\x89PNG\r\n\x1a\n')) return image('PNG');
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return image('JPEG');
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return image('GIF');
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return image('WebP');
  if (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*')) return image('TIFF');
  if (ascii(b, 4, 'ftyp')) return { kind: 'image', label: label('图片或视频（HEIF/MP4）', 'image or video (HEIF/MP4)') };
  if (ascii(b, 0, 'BM') && b.length >= 6 && (b[2] | (b[3] << 8) | (b[4] << 16) | (b[5] << 24)) === b.length) return image('BMP');
  const exe = (name: string): Format => ({ kind: 'executable', label: label(`${name} 可执行文件`, `${name} executable`) });
  if (ascii(b, 0, '\x7fELF')) return exe('ELF');
  if (ascii(b, 0, 'MZ') && b.includes(0)) return exe('Windows');
  if ((b[0] === 0xcf || b[0] === 0xce) && b[1] === 0xfa && b[2] === 0xed && b[3] === 0xfe) return exe('Mach-O');
  if (ascii(b, 0, '\0asm')) return exe('WebAssembly');
  if (b[0] === 0x1f && b[1] === 0x8b) return { kind: 'archive', label: label('gzip 压缩文件', 'gzip archive') };
  if (ascii(b, 0, '7z\xbc\xaf\x27\x1c') || ascii(b, 0, 'Rar!\x1a\x07')) return { kind: 'archive', label: label('压缩包', 'archive') };
  if (ascii(b, 0, 'SQLite format 3\0')) return { kind: 'binary', label: label('SQLite 数据库', 'SQLite database') };
  return undefined;
}

/**
 * Decoded text that is not a report: NUL characters, or more control characters than a
 * pasted text ever carries (more than 1 in 100, tab, line breaks and form feed aside).
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) controls++;
  }
  return controls > 4 && controls * 100 > text.length;
}

export const BINARY: Format = { kind: 'binary', label: label('二进制文件', 'binary file') };

// Character encodings of report files: what Chinese Windows tools save (Notepad's "ANSI" is
// GBK, its "Unicode" is UTF-16 LE with a BOM; WPS and older Word "Plain Text" are GBK) next
// to UTF-8. Decoding and encoding go through iconv-lite; only its Chinese tables are bundled
// (esbuild.mjs leaves the Japanese, Korean and single-byte tables out, and `encodingNamed`
// accepts no name that would need them).
import * as iconv from 'iconv-lite';

/** The encodings a report is read and written in. gbk is gb18030's two-byte subset. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk';

export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';

export interface FileEncoding {
  name: EncodingName;
  /** The file starts with a byte order mark (kept out of the text, written back). */
  bom: boolean;
}

const BOMS: Record<EncodingName, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [0x84, 0x31, 0x95, 0x33],
  gbk: [],
};

/** `--encoding` names (case-insensitive) and what they mean. */
const NAMES: Record<string, EncodingName> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8', 'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', unicode: 'utf-16le', 'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gbk', cp936: 'gbk', gb2312: 'gbk', 'euc-cn': 'gbk', ansi: 'gbk',
};

export const ENCODING_NAMES = Object.keys(NAMES);

export function encodingNamed(name: string): EncodingName | undefined {
  return NAMES[name.trim().toLowerCase()];
}

/** How the encoding is shown to people: `UTF-16LE with BOM`, `GB18030`. */
export function describeEncoding(e: FileEncoding): string {
  return e.name.toUpperCase() + (e.bom ? ' with BOM' : '');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (!prefix.length || bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Well-formed multi-byte UTF-8 sequences, and bytes that are not part of one. */
function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n === 0) {
      i++;
      continue;
    }
    let ok = n > 0 && i + n < b.length;
    for (let k = 1; ok && k <= n; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Share of characters a report is made of: Han, CJK and full-width punctuation, printable ASCII, line breaks. */
function plausible(text: string): number {
  if (!text.length) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d)) good++;
  }
  return good / text.length;
}

/** UTF-16 without a BOM: the zero high bytes of ASCII (line breaks, digits) sit on one side only. */
function utf16Without(bytes: Uint8Array): EncodingName | undefined {
  if (bytes.length < 2 || bytes.length % 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  const candidate: EncodingName | undefined = odd > 0 && even * 4 <= odd ? 'utf-16le' : even > 0 && odd * 4 <= even ? 'utf-16be' : undefined;
  if (candidate) return plausible(decodeBody(bytes, candidate)) > 0.9 ? candidate : undefined;
  // No ASCII at all (all Han): take UTF-16 only when it reads as text and GB18030 does not.
  if (bytes.length < 8) return undefined;
  const gb = plausible(decodeBody(bytes, 'gb18030'));
  for (const name of ['utf-16le', 'utf-16be'] as const) {
    if (plausible(decodeBody(bytes, name)) > 0.97 && gb < 0.9) return name;
  }
  return undefined;
}

/**
 * The encoding a file is in: a byte order mark decides; else valid UTF-8 is UTF-8; else
 * UTF-16 when its zero bytes say so; else GB18030 (the superset of GBK and GB2312).
 */
export function detectEncoding(bytes: Uint8Array): FileEncoding {
  for (const name of ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
    if (startsWith(bytes, BOMS[name])) return { name, bom: true };
  }
  if (!bytes.includes(0) && isUtf8(bytes)) return { name: 'utf-8', bom: false };
  const utf16 = utf16Without(bytes);
  if (utf16) return { name: utf16, bom: false };
  // UTF-8 with a few broken sequences (a truncated paste) is still UTF-8: read as GB18030 it
  // would be garbled throughout. The broken bytes read as U+FFFD (text/garbled shows them)
  // and --fix refuses to write, as they would be lost.
  const { valid, invalid } = utf8Sequences(bytes);
  if (valid >= 10 * invalid) return { name: 'utf-8', bom: false };
  return { name: 'gb18030', bom: false };
}

/** With `name` forced (`--encoding`): a BOM of that encoding is still recognised and kept. */
export function forcedEncoding(bytes: Uint8Array, name: EncodingName): FileEncoding {
  return { name, bom: startsWith(bytes, BOMS[name]) };
}

function decodeBody(body: Uint8Array, name: EncodingName): string {
  if (name === 'utf-8') return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), name, { stripBOM: false });
}

/** The text of a file's bytes (without its BOM). */
export function decodeFile(bytes: Uint8Array, e: FileEncoding): string {
  return decodeBody(e.bom ? bytes.subarray(BOMS[e.name].length) : bytes, e.name);
}

/** The bytes of a file holding `text` (with the BOM when the file had one). */
export function encodeFile(text: string, e: FileEncoding): Buffer {
  const body = e.name === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, e.name, { addBOM: false });
  return e.bom ? Buffer.concat([Buffer.from(BOMS[e.name]), body]) : body;
}

/** Does `text` survive being written in this encoding (no `?` for a character it lacks)? */
export function roundTrips(text: string, e: FileEncoding): boolean {
  return decodeFile(encodeFile(text, e), e) === text;
}

export function lineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
    if (crlf && lf) return 'mixed';
  }
  return crlf ? 'crlf' : lf ? 'lf' : 'none';
}

/**
 * The text with the file's line endings: a fix that inserts lines writes `\n`, which becomes
 * `\r\n` in a CRLF file (and `\r\n` becomes `\n` in an LF file). Mixed files are left as they are.
 */
export function withLineEnding(text: string, eol: LineEnding): string {
  if (eol === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (eol === 'lf') return text.replace(/\r\n/g, '\n');
  return text;
}

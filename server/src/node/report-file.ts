// Reading a report file as text, and writing a fixed text back without ever losing a byte:
// the encoding, BOM and line endings it was read in; only when the text survives that
// encoding; through a temporary file in the same folder renamed over the original (so a
// crash, a full disk or a kill leaves either the old file or the new one, never half of
// each); mode and, where allowed, owner kept. Failures are one line in the user's language.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Msg } from '../core/types';
import {
  decodeFile, describeEncoding, detectEncoding, encodeFile, forcedEncoding, lineEnding, withLineEnding,
  type EncodingName, type FileEncoding, type LineEnding,
} from './encoding';
import { BINARY, formatReaders, looksBinary, sniffFormat } from './sniff';

export interface ReportFile {
  path: string;
  /** The text without the BOM, line endings as in the file. */
  text: string;
  encoding: FileEncoding;
  eol: LineEnding;
  /** How the file was read: its bytes and their stat, to refuse writing over a file that changed since. */
  bytes: Uint8Array;
  stat: fs.Stats;
}

/** Why a file is not checked or not written: one line, no stack trace. */
export interface FileProblem {
  path: string;
  message: Msg;
}

export type Read = { file: ReportFile } | { problem: FileProblem };

const LINE = (zh: string, en: string): Msg => ({ zh, en });

/** One line for an operating-system error, in both languages, naming what was being done. */
export function describeFsError(e: unknown, file: string, doing: 'read' | 'write'): Msg {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const verb = doing === 'read' ? LINE('无法读取', 'cannot read') : LINE('无法写入', 'cannot write');
  const why: Record<string, Msg> = {
    ENOENT: LINE('文件不存在', 'no such file'),
    ENOTDIR: LINE('路径中有一项不是文件夹', 'a part of the path is not a folder'),
    EISDIR: LINE('这是一个文件夹，不是文件', 'it is a folder, not a file'),
    EACCES: LINE('没有权限', 'permission denied'),
    EPERM: LINE('操作不被允许', 'operation not permitted'),
    EROFS: LINE('文件系统是只读的', 'read-only file system'),
    ENOSPC: LINE('磁盘空间不足', 'no space left on the disk'),
    EDQUOT: LINE('超出磁盘配额', 'disk quota exceeded'),
    EBUSY: LINE('文件正被占用', 'the file is busy'),
    EMFILE: LINE('打开的文件过多', 'too many open files'),
    ENAMETOOLONG: LINE('文件名过长', 'file name too long'),
    ELOOP: LINE('符号链接循环', 'too many symbolic links'),
    EIO: LINE('输入/输出错误', 'input/output error'),
  };
  const w = why[code] ?? LINE(code || String((e as Error)?.message ?? e), code || String((e as Error)?.message ?? e));
  const tail = code && why[code] ? ` (${code})` : '';
  return { zh: `${file}：${verb.zh}：${w.zh}${tail}`, en: `${file}: ${verb.en}: ${w.en}${tail}` };
}

const problem = (file: string, message: Msg): { problem: FileProblem } => ({ problem: { path: file, message } });

/**
 * Reads a report: detects (or takes) the encoding, refuses what is not text. `fsx` is the
 * file system (tests pass one that fails).
 */
export function readReportFile(file: string, opts: { encoding?: EncodingName } = {}, fsx: typeof fs = fs): Read {
  let bytes: Uint8Array;
  let stat: fs.Stats;
  try {
    stat = fsx.statSync(file);
    if (stat.isDirectory()) return problem(file, describeFsError({ code: 'EISDIR' }, file, 'read'));
    bytes = fsx.readFileSync(file);
  } catch (e) {
    return problem(file, describeFsError(e, file, 'read'));
  }
  const format = sniffFormat(bytes, file);
  if (format) {
    const reader = formatReaders.get(format.kind);
    if (!reader) {
      const docx = format.kind === 'docx';
      return problem(file, {
        zh: `${file}：这是${format.label.zh}，不是纯文本，${docx ? '暂不支持' : '未检查'}（请另存为 .txt 纯文本后再检查）`,
        en: `${file}: ${/^[aeiou]/i.test(format.label.en) ? 'an' : 'a'} ${format.label.en}, not plain text: ${docx ? 'not supported yet' : 'not checked'} (save it as plain text, .txt, to check it)`,
      });
    }
    let text: string;
    try {
      text = reader.read(bytes, file);
    } catch (e) {
      // A reader says what is wrong in both languages (a damaged or password-protected .docx).
      const m = (e as { msg?: Msg }).msg;
      return problem(file, m ? { zh: `${file}：${m.zh}`, en: `${file}: ${m.en}` } : describeFsError(e, file, 'read'));
    }
    return { file: { path: file, text, encoding: { name: 'utf-8', bom: false }, eol: 'lf', bytes, stat } };
  }
  const encoding = opts.encoding ? forcedEncoding(bytes, opts.encoding) : detectEncoding(bytes);
  const text = decodeFile(bytes, encoding);
  if (looksBinary(text)) {
    return problem(file, {
      zh: `${file}：这是${BINARY.label.zh}，不是文本，未检查`,
      en: `${file}: a ${BINARY.label.en}, not text: not checked`,
    });
  }
  return { file: { path: file, text, encoding, eol: lineEnding(text), bytes, stat } };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

/** The text `writeReportFile` would write: `fixed` in the file's line endings. */
export function textToWrite(file: ReportFile, fixed: string): string {
  return withLineEnding(fixed, file.eol);
}

const CHUNK = 64 * 1024;

/**
 * Writes `fixed` over the file it was read from, or refuses (returns the reason, writing
 * nothing). The original is replaced only by a rename once the whole new file is on disk.
 */
export function writeReportFile(file: ReportFile, fixed: string, fsx: typeof fs = fs): FileProblem | undefined {
  const p = file.path;
  const enc = describeEncoding(file.encoding);
  if (sniffFormat(file.bytes, p)) {
    return { path: p, message: LINE(`${p}：此格式不能写回，未修改`, `${p}: this format cannot be written back; left unchanged`) };
  }
  // Both round trips: the file as read is exactly its bytes again (else bytes that do not
  // decode would be lost), and the fixed text survives the encoding (no `?` for a character
  // GBK lacks).
  if (!sameBytes(encodeFile(file.text, file.encoding), file.bytes)) {
    return { path: p, message: LINE(`${p}：文件中有不能按 ${enc} 解码的字节，修复后写回会丢失它们，未修改（可用 --encoding 指定编码）`, `${p}: some bytes do not decode as ${enc} and would be lost by writing the fixes; left unchanged (try --encoding)`) };
  }
  const out = encodeFile(fixed, file.encoding);
  const back = decodeFile(out, file.encoding);
  if (back !== fixed) {
    let i = 0;
    while (i < fixed.length && back[i] === fixed[i]) i++;
    const ch = String.fromCodePoint(fixed.codePointAt(i) ?? 0x3f);
    return { path: p, message: LINE(`${p}：修复后的文本含有 ${enc} 无法表示的字符“${ch}”，未修改`, `${p}: the fixed text has a character ${enc} cannot hold (“${ch}”); left unchanged`) };
  }
  let target: string;
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    // Write next to the real file (a symbolic link stays a link to the fixed file).
    target = fsx.realpathSync(p);
    const now = fsx.statSync(target);
    if (now.size !== file.stat.size || now.mtimeMs !== file.stat.mtimeMs) {
      return { path: p, message: LINE(`${p}：检查期间文件被改动，未修改`, `${p}: the file changed while it was being checked; left unchanged`) };
    }
    // A file marked read-only stays unchanged, even for root (the rename would bypass its mode).
    if ((now.mode & 0o222) === 0) throw Object.assign(new Error('read-only'), { code: 'EACCES' });
    fsx.accessSync(target, fs.constants.W_OK);
    const dir = path.dirname(target);
    tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.workreport-tmp`);
    fd = fsx.openSync(tmp, 'wx', now.mode & 0o777);
    fsx.fchmodSync(fd, now.mode & 0o7777);
    if (typeof process.getuid === 'function' && process.getuid() === 0 && (now.uid !== 0 || now.gid !== 0)) {
      try {
        fsx.fchownSync(fd, now.uid, now.gid);
      } catch {
        // Not allowed here (some network file systems): the owner becomes the writer.
      }
    }
    for (let at = 0; at < out.length; ) at += fsx.writeSync(fd, out, at, Math.min(CHUNK, out.length - at));
    fsx.fsyncSync(fd);
    fsx.closeSync(fd);
    fd = undefined;
    fsx.renameSync(tmp, target);
    tmp = undefined;
    return undefined;
  } catch (e) {
    return { path: p, message: describeFsError(e, p, 'write') };
  } finally {
    if (fd !== undefined) {
      try {
        fsx.closeSync(fd);
      } catch {
        // Already closed or gone: the temporary file is removed below either way.
      }
    }
    if (tmp !== undefined) {
      try {
        fsx.unlinkSync(tmp);
      } catch {
        // Nothing was created.
      }
    }
  }
}

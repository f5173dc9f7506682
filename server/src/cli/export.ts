// `workreport export <report> -o <out.docx>`: the report laid out per GB/T 9704 as a .docx
// (server/src/docx/). Export always writes; error-level findings are summarised first on stderr.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { check } from '../core/run/check';
import { localeFrom, say } from '../core/locale';
import type { Locale } from '../core/types';
import { findRcFile } from '../node/rc-file';
import { exportReport } from '../docx/export';
import { reportStem } from '../docx/names';
import loadDocxIo from 'workreport-docx-io';
import '../node/docx';
import { readReportFile } from '../node/report-file';
import { positionAt } from '../core/model/position';
import type { CliIO } from './main';

const USAGE = `Usage: workreport export <report> [-o <out.docx>] [options]

Writes the report as a Word document laid out per GB/T 9704-2012: A4, margins 37/35/28/26 mm,
22 lines × 28 characters, title 方正小标宋简体 二号, 一、 黑体, （一） 楷体_GB2312, body 仿宋_GB2312
三号, page numbers “— 1 —”. Reads .txt, .report, .md (# is the title) and .docx.

Options:
  -o, --output <file>        where to write (default: the report's name with .docx, beside it)
  --fonts <standard|fallback> the GB/T 9704 fonts (default), or 仿宋/黑体/楷体/华文中宋 for
                             machines without the 方正 and GB2312 fonts
  --font <role>=<name>       one font: title, heading1, heading2, body, pageNumber; repeatable
  --force                    overwrite an existing output file
  --locale <zh|en>           message language (default: from LANG)
  -h, --help                 show this help

Exit codes: 0 written (error-level findings are listed first, the file is written anyway),
2 bad usage, unreadable input or the file could not be written.`;

/** The default output: `总结.report.md` → `总结.docx`, beside the input. */
export function defaultOutput(input: string): string {
  return path.join(path.dirname(input), reportStem(path.basename(input)) + (/\.docx$/i.test(input) ? '.gbt9704.docx' : '.docx'));
}

/** Temporary file in the same folder, flushed to disk, then rename: never a half-written .docx, even after a power cut. */
function writeAtomic(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
    throw e;
  }
}

export function runExport(argv: string[], io: CliIO): number {
  let locale: Locale = localeFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  const parse = (a: string[]) =>
    parseNodeArgs({
      args: a,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        fonts: { type: 'string' },
        font: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    ({ values, positionals } = parse(argv));
    if (values.help) {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (values.locale !== undefined) {
      if (values.locale !== 'zh' && values.locale !== 'en') throw new Error('--locale takes zh or en');
      locale = values.locale;
    }
    if (positionals.length !== 1) throw new Error('export takes one report');
    if (values.fonts !== undefined && values.fonts !== 'standard' && values.fonts !== 'fallback') throw new Error('--fonts takes standard or fallback');
    for (const f of values.font ?? []) {
      if (!/^(?:title|heading1|heading2|body|pageNumber)=.+/.test(f)) throw new Error('--font takes title|heading1|heading2|body|pageNumber=NAME');
    }
  } catch (e) {
    io.stderr(`workreport export: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const input = positionals[0];
  const output = values.output ?? defaultOutput(input);
  if (path.resolve(output) === path.resolve(input)) {
    io.stderr(`workreport export: ${locale === 'zh' ? '输出文件不能是输入文件本身' : 'the output cannot be the input itself'}: ${output}\n`);
    return 2;
  }
  if (!values.force && fs.existsSync(output)) {
    io.stderr(`workreport export: ${locale === 'zh' ? '文件已存在（加 --force 覆盖）' : 'the file exists (--force overwrites it)'}: ${output}\n`);
    return 2;
  }
  // Any encoding the checker reads, or a .docx (re-laid out).
  const read = readReportFile(input);
  if ('problem' in read) {
    io.stderr(`workreport export: ${say(read.problem.message, locale)}\n`);
    return 2;
  }
  const text = read.file.text;
  // Error-level findings first: the writer decides; the file is written either way.
  const rc = findRcFile(path.dirname(path.resolve(input)));
  const { doc, findings } = check(text, { ...(rc?.config ?? {}), locale });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    io.stderr(
      (locale === 'zh' ? `注意：${input} 有 ${errors.length} 个错误级问题（仍然导出）：\n` : `note: ${input} has ${errors.length} error-level finding(s) (exported anyway):\n`) +
        errors
          .slice(0, 5)
          .map((f) => {
            const at = positionAt(doc.lines, f.start);
            return `  ${at.line + 1}:${at.character + 1} ${f.rule} ${say(f.message, locale)}\n`;
          })
          .join('') +
        (errors.length > 5 ? `  … ${errors.length - 5} ${locale === 'zh' ? '个更多' : 'more'}\n` : ''),
    );
  }
  const overrides = Object.fromEntries((values.font ?? []).map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]));
  const out = exportReport(text, { name: input, fonts: values.fonts as 'standard' | 'fallback' | undefined, fontOverrides: overrides }, loadDocxIo());
  try {
    writeAtomic(output, out.bytes);
  } catch (e) {
    io.stderr(`workreport export: cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.stderr(locale === 'zh' ? `已导出 ${output}（${out.blocks.length} 段）\n` : `exported ${output} (${out.blocks.length} paragraphs)\n`);
  return 0;
}

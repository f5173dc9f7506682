// `workreport check [paths…]` — the same core as the language server, for terminals and CI.
import * as path from 'node:path';
import { check } from '../core/run/check';
import type { Config } from '../core/config/config';
import { fixAll } from '../core/run/fix';
import { say } from '../core/locale';
import type { Finding, Msg, Severity } from '../core/types';
import { findRcFile, readRcFile, type RcFile } from '../node/rc-file';
import { problemLine, templateNames, unknownTemplate } from '../core/config/validate';
import { decodeFile, describeEncoding, detectEncoding, encodeFile, forcedEncoding, lineEnding, withLineEnding } from '../node/encoding';
import { describeFsError, readReportFile, textToWrite, writeReportFile } from '../node/report-file';
import { parseArgs, usage, UsageError, type Options } from './args';
import { useColor } from './color';
import { FORMATTERS } from './formats';
import { localeOfEnvironment, T } from './i18n';
import { expandPaths } from './inputs';
import { encodingOf, toCliDiagnostics, type FileResult } from './report';
import { docxOf } from '../node/docx';
import { runExport } from './export';
import { codePointWidth } from './width';

declare const WORKREPORT_VERSION: string;

const DOCX_NO_FIX: Msg = {
  zh: '--fix 不改写 .docx 文件（请在 Word 中修改，或先“导入 Word 文档”为 .report）',
  en: '--fix does not rewrite .docx files (fix them in Word, or import them as a .report first)',
};

export function bundledSample(): string {
  return path.join(__dirname, '..', 'samples', '示例-经验材料.report.txt');
}

export interface CliIO {
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
  /** All of standard input's bytes. */
  readStdin(): Uint8Array;
  /** Standard input is a pipe or a file (not a terminal, not /dev/null): read it when no path is given. */
  stdinIsPiped: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width, when the output is one. */
  columns?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Progress on stderr for long runs on a terminal: one line, rewritten, erased at the end. */
const PROGRESS_FROM = 10;

export function run(argv: string[], io: CliIO): number {
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  const envLocale = localeOfEnvironment(io.env);
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv, envLocale);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`workreport: ${say(e.msg, envLocale)}\n${say(T.seeHelp, envLocale)}\n`);
    return 2;
  }
  if (opts === 'help') {
    io.stdout(usage(envLocale) + '\n');
    return 0;
  }
  if (opts === 'version') {
    io.stdout(`${typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : 'dev'}\n`);
    return 0;
  }
  const o = opts;
  const locale = o.locale;
  const fail = (m: Msg) => io.stderr(`workreport: ${say(m, locale)}\n`);

  if (o.fix && !o.paths.length && !io.stdinIsPiped) {
    // The bundled sample is shown, never rewritten.
    io.stderr(`workreport: ${say(T.fixNeedsPath, locale)}\n${say(T.seeHelp, locale)}\n`);
    return 2;
  }
  const args = o.paths.length ? o.paths : io.stdinIsPiped ? ['-'] : [bundledSample()];
  const { files, found, problems } = expandPaths(args, io.cwd);
  problems.forEach(fail);
  let bad = problems.length > 0;

  const fixed = o.configFile ? readRcFile(path.resolve(io.cwd, o.configFile)) : undefined;
  // A config file with mistakes is not in effect, and checking with the defaults instead would
  // pass what the user meant to fail: each mistake on one line (file:line:column), exit 2.
  const configs = configFiles(files, o, io, fixed);
  const rcs = configs.all;
  const mistakes = rcs.filter((rc) => rc.problems.length);
  for (const rc of mistakes) for (const p of rc.problems) io.stderr(`workreport: ${problemLine(rc.path, rc.text, p, locale)}\n`);
  if (mistakes.length) return 2;
  if (o.template) {
    const known = templateNames(rcs.flatMap((rc) => rc.config.templates?.map((t) => t.name) ?? []));
    if (!known.includes(o.template)) {
      fail(unknownTemplate(o.template, known));
      return 2;
    }
  }

  // `--fix -`: standard output carries the fixed text, so the report goes to stderr.
  const fixedToStdout = o.fix && files.includes('-');
  const emit = fixedToStdout ? io.stderr : io.stdout;
  const progress = io.stderrIsTTY && !fixedToStdout && files.length >= PROGRESS_FROM;
  const results: FileResult[] = [];
  files.forEach((file, i) => {
    if (progress) io.stderr(`\r\x1b[K${fitTo(`${say(T.progress(i + 1, files.length), locale)} ${file}`, (io.columns || 80) - 1)}`);
    const r = checkFile(file, o, io, configs.of(file), found.has(file));
    if (r.error) {
      fail({ zh: r.error, en: r.error });
      bad = true;
    }
    if (r.fixedBytes !== undefined) io.stdout(r.fixedBytes);
    results.push(r.result);
  });
  if (progress) io.stderr('\r\x1b[K');

  // Exit status counts every finding; --quiet only hides the lesser ones from view.
  const all = results.flatMap((r) => r.diagnostics);
  const hidden: Partial<Record<Severity, number>> = {};
  const shown = o.quiet ? results.map((r) => onlyErrors(r, hidden)) : results;
  const columns = io.columns || Number(io.env.COLUMNS) || 100;
  const color = useColor(o.color, io.env, fixedToStdout ? io.stderrIsTTY : io.stdoutIsTTY);
  const stdinName = o.stdinFilename;
  emit(FORMATTERS[o.format](shown, { locale, color, columns, hidden, stdinName }));

  if (bad) return 2;
  if (all.some((d) => d.severity === 'error')) return 1;
  if (o.maxWarnings !== undefined && all.filter((d) => d.severity === 'warning').length > o.maxWarnings) return 1;
  return 0;
}

interface Checked {
  result: FileResult;
  /** One line for stderr when the file could not be read or written. */
  error?: string;
  /** `--fix -`: the fixed text for standard output, in the encoding it came in. */
  fixedBytes?: Uint8Array;
}

/** The folder whose config file applies to an input (standard input: --stdin-filename's, or the cwd). */
function folderOf(file: string, o: Options, io: CliIO): string {
  if (file !== '-') return path.dirname(path.resolve(io.cwd, file));
  return o.stdinFilename ? path.dirname(path.resolve(io.cwd, o.stdinFilename)) : io.cwd;
}

/**
 * The config files the inputs use: --config, or the nearest one of each input's folder, read
 * once per folder; `all` (each file once) is validated, `of` gives the one an input applies.
 */
function configFiles(files: string[], o: Options, io: CliIO, fixed: RcFile | undefined): { all: RcFile[]; of(file: string): RcFile | undefined } {
  if (fixed) return { all: [fixed], of: () => fixed };
  const byDir = new Map<string, RcFile | undefined>();
  const byPath = new Map<string, RcFile>();
  for (const dir of new Set(files.map((f) => folderOf(f, o, io)))) {
    const rc = findRcFile(dir);
    byDir.set(dir, rc);
    if (rc) byPath.set(rc.path, rc);
  }
  return { all: [...byPath.values()], of: (file) => byDir.get(folderOf(file, o, io)) };
}

/** `rc`: the config file that applies; `searched`: found in a folder or by a glob, not named by the user. */
function checkFile(file: string, o: Options, io: CliIO, rc: RcFile | undefined, searched: boolean): Checked {
  const stdin = file === '-';
  const shownPath = stdin && o.stdinFilename ? o.stdinFilename : file;
  const shownInMessages = stdin ? (o.stdinFilename ?? say(T.stdinName, o.locale)) : file;
  // Standard input is decoded as files are (a GBK pipe from a Windows tool reads as GBK).
  let input: { text: string; encoding: ReturnType<typeof detectEncoding>; eol: ReturnType<typeof lineEnding> };
  let reportFile: Extract<ReturnType<typeof readReportFile>, { file: unknown }>['file'] | undefined;
  if (stdin) {
    let bytes: Uint8Array;
    try {
      bytes = io.readStdin();
    } catch (e) {
      const error = say(describeFsError(e, shownInMessages, 'read'), o.locale);
      return { result: { path: shownPath, diagnostics: [], error }, error };
    }
    const encoding = o.encoding ? forcedEncoding(bytes, o.encoding) : detectEncoding(bytes);
    const text = decodeFile(bytes, encoding);
    input = { text, encoding, eol: lineEnding(text) };
  } else {
    const read = readReportFile(path.resolve(io.cwd, file), { encoding: o.encoding });
    if ('problem' in read) {
      // The reader names the file by the path it was given: show the user's own.
      const error = say(read.problem.message, o.locale).split(read.problem.path).join(file);
      return { result: { path: shownPath, diagnostics: [], error }, error };
    }
    reportFile = read.file;
    input = read.file;
  }
  const docx = reportFile && docxOf(reportFile);
  if (o.verbose) io.stderr(`workreport: ${shownInMessages}: ${docx ? 'Word document (.docx)' : `${describeEncoding(input.encoding)}, ${input.eol.toUpperCase()} line endings`}\n`);
  let text = input.text;
  const config: Partial<Config> = {
    ...(rc?.config ?? {}),
    locale: o.locale,
    rules: { ...(rc?.config.rules ?? {}), ...o.rules },
    ...(o.template ? { template: o.template } : {}),
  };
  let fixed: Map<string, number> | undefined;
  let error: string | undefined;
  let fixedBytes: Uint8Array | undefined;
  if (o.fix && docx) {
    // The zip is never rewritten: fix the text in Word, or import it as a .report. A .docx
    // named with --fix is a mistake (exit 2); one found in a folder is checked and said so.
    if (searched) io.stderr(`workreport: ${say(DOCX_NO_FIX, o.locale)}: ${file}\n`);
    else error = `${say(DOCX_NO_FIX, o.locale)}: ${file}`;
  } else if (o.fix) {
    const out = fixAll(text, config);
    if (stdin) {
      text = withLineEnding(out.text, input.eol);
      fixedBytes = encodeFile(text, input.encoding);
      fixed = out.applied;
    } else if (reportFile) {
      const next = textToWrite(reportFile, out.text);
      if (next !== text) {
        const refused = writeReportFile(reportFile, next);
        if (refused) error = say(refused.message, o.locale).split(refused.path).join(file);
        else {
          text = next;
          fixed = out.applied;
        }
      }
    }
  }
  const { doc, findings } = check(text, config);
  const diagnostics = toCliDiagnostics(findings, doc.lines, o.locale);
  if (docx) {
    // Line N is the N-th line of the text read from the .docx: add Word's paragraph and part (docs/docx.md).
    for (const d of diagnostics) {
      const line = docx.lines[d.line - 1];
      if (line) Object.assign(d, { paragraph: line.paragraph, part: line.source });
    }
  }
  const result: FileResult = {
    path: shownPath,
    ...(docx ? { kind: 'docx' as const } : reportFile ? { encoding: encodingOf(reportFile) } : {}),
    diagnostics,
    source: { text, lines: doc.lines, findings },
    ...(fixed?.size ? { fixed } : {}),
    ...(error ? { error } : {}),
  };
  return { result, error, fixedBytes };
}

/** The start of `s` that fits in `columns` terminal columns (a progress line must not wrap). */
function fitTo(s: string, columns: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    w += codePointWidth(ch);
    if (w > columns) break;
    out += ch;
  }
  return out;
}

/** The result with its errors only; what was left out is counted in `hidden`. */
function onlyErrors(r: FileResult, hidden: Partial<Record<Severity, number>>): FileResult {
  const keep: number[] = [];
  r.diagnostics.forEach((d, i) => {
    if (d.severity === 'error') keep.push(i);
    else hidden[d.severity] = (hidden[d.severity] ?? 0) + 1;
  });
  const findings: Finding[] | undefined = r.source && keep.map((i) => r.source!.findings[i]);
  return {
    ...r,
    diagnostics: keep.map((i) => r.diagnostics[i]),
    ...(r.source ? { source: { ...r.source, findings: findings! } } : {}),
  };
}

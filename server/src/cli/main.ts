// `workreport check [paths…]` — the same core as the language server, for terminals and CI.
import * as path from 'node:path';
import { check } from '../core/run/check';
import type { Config } from '../core/config/config';
import { fixAll } from '../core/run/fix';
import { localeFrom, say } from '../core/locale';
import type { Locale, SeveritySetting } from '../core/types';
import { findRcFile, readRcFile } from '../node/rc-file';
import { describeEncoding, encodingNamed, ENCODING_NAMES, type EncodingName } from '../node/encoding';
import { readReportFile, textToWrite, writeReportFile, type ReportFile } from '../node/report-file';
import { FORMATTERS } from './formats';
import { encodingOf, toCliDiagnostics, type FileResult } from './report';

declare const WORKREPORT_VERSION: string;

const USAGE = `Usage: workreport check [options] [paths…]

Checks Chinese work reports: outline, figures, typography (GB/T 15834/15835/9704).
With no path, checks the bundled sample report.

Options:
  --format <text|json|${'sarif|github'}>  output format (default: text)
  --fix                      apply safe fixes in place, then report what is left
  --template <name>          经验材料 | 工作总结 | 述职报告 | 调研报告 | auto (default)
  --config <file>            use this .workreportrc.json instead of the nearest one
  --rule <id>=<severity>     set a rule's severity (error|warning|information|hint|off); repeatable
  --locale <zh|en>           message language (default: from LANG)
  --max-warnings <n>         exit 1 when there are more than n warnings
  --encoding <name>          read (and --fix writes) files in this encoding: utf-8, utf-16le,
                             utf-16be, gb18030, gbk (default: detected per file)
  --verbose                  say on stderr which encoding each file was read in
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no error-level findings, 1 error-level findings (or too many warnings),
2 bad usage or unreadable input.`;

interface Options {
  format: string;
  fix: boolean;
  template?: string;
  configFile?: string;
  rules: Record<string, SeveritySetting>;
  locale: Locale;
  maxWarnings?: number;
  encoding?: EncodingName;
  verbose: boolean;
  paths: string[];
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, rules: {}, locale: localeFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG), verbose: false, paths: [] };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const a = args.shift()!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      args.unshift(a.slice(eq + 1));
      args.unshift(a.slice(0, eq));
      continue;
    }
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format':
      case '-f':
        o.format = value(a);
        if (!FORMATTERS[o.format]) throw new UsageError(`unknown format "${o.format}" (${Object.keys(FORMATTERS).join(', ')})`);
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--encoding': {
        const v = value(a);
        o.encoding = encodingNamed(v);
        if (!o.encoding) throw new UsageError(`unknown encoding "${v}" (${ENCODING_NAMES.join(', ')})`);
        break;
      }
      case '--template':
        o.template = value(a);
        break;
      case '--config':
        o.configFile = value(a);
        break;
      case '--locale': {
        const l = value(a);
        if (l !== 'zh' && l !== 'en') throw new UsageError('--locale takes zh or en');
        o.locale = l;
        break;
      }
      case '--rule': {
        const [id, sev] = value(a).split('=');
        if (!id || !['error', 'warning', 'information', 'hint', 'off'].includes(sev)) throw new UsageError('--rule takes id=error|warning|information|hint|off');
        o.rules[id] = sev as SeveritySetting;
        break;
      }
      case '--max-warnings': {
        // Digits only: Number('') is 0 and Number('0x10') is 16.
        const v = value(a);
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isSafeInteger(n)) throw new UsageError('--max-warnings takes a whole number ≥ 0');
        o.maxWarnings = n;
        break;
      }
      case '--':
        o.paths.push(...args.splice(0));
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  return o;
}

export function bundledSample(): string {
  return path.join(__dirname, '..', 'samples', '示例-经验材料.report.txt');
}

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): string;
}

export function run(argv: string[], io: CliIO): number {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.stderr(`workreport: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    io.stdout(`${typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : 'dev'}\n`);
    return 0;
  }
  const paths = opts.paths.length ? opts.paths : [bundledSample()];
  const fixed = opts.configFile ? readRcFile(opts.configFile) : undefined;
  if (fixed && fixed.problems.length) {
    for (const p of fixed.problems) io.stderr(`${fixed.path}: ${p.path || '(file)'}: ${p.message}\n`);
    if (!Object.keys(fixed.config).length && fixed.problems.some((p) => p.path === '')) return 2;
  }
  const results: FileResult[] = [];
  let bad = false;
  for (const p of paths) {
    let text: string;
    let file: ReportFile | undefined;
    if (p === '-') text = io.readStdin();
    else {
      const read = readReportFile(p, { encoding: opts.encoding });
      if ('problem' in read) {
        const line = say(read.problem.message, opts.locale);
        io.stderr(`workreport: ${line}\n`);
        results.push({ path: p, diagnostics: [], error: line });
        bad = true;
        continue;
      }
      file = read.file;
      text = file.text;
      if (opts.verbose) io.stderr(`workreport: ${p}: ${describeEncoding(file.encoding)}, ${file.eol.toUpperCase()} line endings\n`);
    }
    const rc = fixed ?? (p === '-' ? findRcFile(process.cwd()) : findRcFile(path.dirname(path.resolve(p))));
    if (rc && rc !== fixed && rc.problems.length) {
      for (const pr of rc.problems) io.stderr(`${rc.path}: ${pr.path || '(file)'}: ${pr.message}\n`);
    }
    const config: Partial<Config> = {
      ...(rc?.config ?? {}),
      locale: opts.locale,
      rules: { ...(rc?.config.rules ?? {}), ...opts.rules },
      ...(opts.template ? { template: opts.template } : {}),
    };
    if (opts.fix && file) {
      const out = textToWrite(file, fixAll(text, config).text);
      if (out !== text) {
        const refused = writeReportFile(file, out);
        if (refused) {
          const line = say(refused.message, opts.locale);
          io.stderr(`workreport: ${line}\n`);
          results.push({ path: p, diagnostics: [], error: line });
          bad = true;
          continue;
        }
        text = out;
      }
    }
    const { doc, findings } = check(text, config);
    results.push({ path: p, ...(file ? { encoding: encodingOf(file) } : {}), diagnostics: toCliDiagnostics(findings, doc.lines, opts.locale) });
  }
  io.stdout(FORMATTERS[opts.format](results, { locale: opts.locale }));
  if (bad) return 2;
  const all = results.flatMap((r) => r.diagnostics);
  if (all.some((d) => d.severity === 'error')) return 1;
  if (opts.maxWarnings !== undefined && all.filter((d) => d.severity === 'warning').length > opts.maxWarnings) return 1;
  return 0;
}

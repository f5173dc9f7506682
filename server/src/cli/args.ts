// Command-line arguments of `workreport check`, read with node:util parseArgs. Every
// mistake becomes a UsageError with a message in the user's language (exit code 2).
import { parseArgs as nodeParseArgs } from 'node:util';
import type { Locale, Msg, SeveritySetting } from '../core/types';
import { encodingNamed, ENCODING_NAMES, type EncodingName } from '../node/encoding';
import { T } from './i18n';
import { closest } from '../core/config/suggest';
import { isRuleKey, unknownRule } from '../core/config/validate';

export const FORMAT_NAMES = ['text', 'compact', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface Options {
  format: FormatName;
  fix: boolean;
  quiet: boolean;
  template?: string;
  configFile?: string;
  rules: Record<string, SeveritySetting>;
  locale: Locale;
  maxWarnings?: number;
  /** --color / --no-color; undefined: decide from the terminal and the environment. */
  color?: boolean;
  /** The name shown (and the folder a config file is looked for from) for standard input. */
  stdinFilename?: string;
  /** Read (and write back) every file in this encoding instead of detecting it. */
  encoding?: EncodingName;
  /** Say on stderr which encoding each file was read in. */
  verbose: boolean;
  paths: string[];
}

export class UsageError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  template: { type: 'string' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  encoding: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Known = keyof typeof OPTIONS;
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** `argv` without the node and script names; `locale` is the environment's, which --locale overrides. */
export function parseArgs(argv: string[], locale: Locale): Options | 'help' | 'version' {
  const args = argv[0] === 'check' ? argv.slice(1) : argv;
  // Not strict: parseArgs' own errors are English and name no option reliably; every token
  // is checked below instead.
  const { tokens } = nodeParseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const o: Options = { format: 'text', fix: false, quiet: false, rules: {}, locale, verbose: false, paths: [] };
  let help = false;
  let version = false;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      o.paths.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: string }>)[t.name];
    if (!spec) {
      const names = Object.keys(OPTIONS).map((n) => `--${n}`);
      throw new UsageError(T.unknownOption(t.rawName, t.rawName.startsWith('--') ? closest(t.rawName, names) : undefined));
    }
    const name = t.name as Known;
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(T.takesNoValue(t.rawName));
      if (name === 'help') help = true;
      else if (name === 'version') version = true;
      else if (name === 'fix') o.fix = true;
      else if (name === 'quiet') o.quiet = true;
      else if (name === 'verbose') o.verbose = true;
      else if (name === 'color') o.color = true;
      else if (name === 'no-color') o.color = false;
      continue;
    }
    // A string option swallows the next word; `--format --fix` is a forgotten value.
    const v = t.value;
    if (v === undefined || (!t.inlineValue && v.startsWith('-') && v !== '-' && !/^-\d/.test(v))) throw new UsageError(T.needsValue(t.rawName));
    switch (name) {
      case 'format':
        if (!(FORMAT_NAMES as readonly string[]).includes(v)) throw new UsageError(T.badFormat(v, FORMAT_NAMES.join(', ')));
        o.format = v as FormatName;
        break;
      case 'template':
        o.template = v;
        break;
      case 'config':
        o.configFile = v;
        break;
      case 'locale':
        if (v !== 'zh' && v !== 'en') throw new UsageError(T.badLocale);
        o.locale = v;
        break;
      case 'rule': {
        const eq = v.lastIndexOf('=');
        const id = v.slice(0, eq);
        const sev = v.slice(eq + 1);
        if (eq <= 0 || !SEVERITIES.includes(sev)) throw new UsageError(T.badRule);
        if (!isRuleKey(id)) throw new UsageError(unknownRule(id));
        o.rules[id] = sev as SeveritySetting;
        break;
      }
      case 'max-warnings': {
        // Digits only: Number('') is 0 and Number('0x10') is 16.
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isSafeInteger(n)) throw new UsageError(T.badMaxWarnings);
        o.maxWarnings = n;
        break;
      }
      case 'stdin-filename':
        o.stdinFilename = v;
        break;
      case 'encoding':
        o.encoding = encodingNamed(v);
        if (!o.encoding) throw new UsageError(T.badEncoding(v, ENCODING_NAMES.join(', ')));
        break;
    }
  }
  if (help) return 'help';
  if (version) return 'version';
  if (o.paths.filter((p) => p === '-').length > 1) throw new UsageError(T.stdinTwice);
  if (o.fix && o.paths.includes('-') && o.paths.length > 1) throw new UsageError(T.fixStdinAlone);
  return o;
}

export function usage(locale: Locale): string {
  return locale === 'zh' ? USAGE_ZH : USAGE_EN;
}

const USAGE_EN = `Usage: workreport check [options] [paths…]
       workreport export <report> [-o out.docx]   (GB/T 9704 Word document; export --help)

Checks Chinese work reports: outline, figures, typography (GB/T 15834/15835/9704).
Paths are files, folders (searched for .report, .txt and .md files, minus what
.gitignore ignores) or quoted globs ("reports/**/*.txt"). "-" reads standard input.
With no path: standard input when it is a pipe, else the bundled sample report.

Options:
  -f, --format <name>        text (default: findings with their source line),
                             compact (one line each: path:line:col severity rule message),
                             json, sarif, github
      --fix                  apply safe fixes in place and say what changed;
                             "--fix -" writes the fixed text to standard output
  -q, --quiet                show errors only
      --template <name>      经验材料 | 工作总结 | 述职报告 | 调研报告 | auto (default)
  -c, --config <file>        use this .workreportrc.json instead of the nearest one
      --rule <id>=<severity> error | warning | information | hint | off; repeatable
      --locale <zh|en>       message language (default: LC_ALL, LANG, else the system's)
      --max-warnings <n>     exit 1 when there are more than n warnings
      --color, --no-color    force colour on or off (default: on a terminal, unless
                             NO_COLOR is set; FORCE_COLOR=1 turns it on)
      --stdin-filename <f>   name shown for standard input; its folder's config applies
      --encoding <name>      read (and --fix writes) files in this encoding: utf-8,
                             utf-16le, utf-16be, gb18030, gbk (default: detected per file)
      --verbose              say on stderr which encoding each file was read in
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no error-level findings, 1 error-level findings (or too many warnings),
2 bad usage or a file that cannot be read or written.`;

const USAGE_ZH = `用法：workreport check [选项] [路径…]
      workreport export <报告> [-o 输出.docx]   （按 GB/T 9704 排版的 Word 文档；export --help）

检查中文工作报告：提纲结构、数字前后是否一致、标点与数字用法（GB/T 15834/15835/9704）。
路径可以是文件、目录（查找其中的 .report、.txt、.md 文件，跳过 .gitignore 忽略的）
或加引号的通配符（"报告/**/*.txt"）。“-”表示读取标准输入。
不给路径时：标准输入是管道就读标准输入，否则检查自带的示例报告。

选项：
  -f, --format <格式>        text（默认，显示问题所在的原文行）、
                             compact（每个问题一行：路径:行:列 级别 规则 说明）、
                             json、sarif、github
      --fix                  就地应用安全的修复，并列出改了什么；
                             “--fix -”把修复后的文本写到标准输出
  -q, --quiet                只显示错误
      --template <名称>      经验材料 | 工作总结 | 述职报告 | 调研报告 | auto（默认）
  -c, --config <文件>        使用指定的 .workreportrc.json，而不是就近查找
      --rule <规则>=<级别>   error | warning | information | hint | off；可重复
      --locale <zh|en>       提示语言（默认取 LC_ALL、LANG，否则取系统语言）
      --max-warnings <n>     警告多于 n 个时以 1 退出
      --color, --no-color    强制开启或关闭颜色（默认：在终端中开启，设了 NO_COLOR 则关闭；
                             FORCE_COLOR=1 开启）
      --stdin-filename <f>   标准输入显示的文件名；按它所在目录查找配置文件
      --encoding <编码>      按此编码读取文件（--fix 也按它写回）：utf-8、utf-16le、
                             utf-16be、gb18030、gbk（默认：逐个文件自动识别）
      --verbose              在标准错误输出中说明每个文件按什么编码读取
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 没有错误级别的问题；1 有错误级别的问题（或警告过多）；
2 用法有误，或有文件无法读取、写入。`;

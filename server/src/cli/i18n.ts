// The CLI's own words (severities, summaries, usage errors) in both languages, and the
// language of a run: --locale, else LC_ALL / LC_MESSAGES / LANG as POSIX tools read them,
// else the operating system's language as Intl reports it (Windows sets no LANG).
import { localeFrom } from '../core/locale';
import type { Locale, Msg, Severity } from '../core/types';

/** The run's language from the environment; `intlLocale` is the system locale (Intl). */
export function localeOfEnvironment(env: NodeJS.ProcessEnv, intlLocale: () => string | undefined = systemLocale): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return localeFrom(tag || intlLocale());
}

function systemLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

export const SEVERITY_WORD: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

/** "3 errors" / "3 个错误", with English plurals. */
export function count(locale: Locale, n: number, what: Severity | 'problem' | 'file' | 'fixable'): string {
  if (locale === 'zh') {
    const zh = { error: '错误', warning: '警告', information: '信息', hint: '提示', problem: '问题', file: '文件', fixable: '可自动修复' }[what];
    return `${n} 个${zh}`;
  }
  const en = { error: 'error', warning: 'warning', information: 'info', hint: 'hint', problem: 'problem', file: 'file', fixable: 'fixable' }[what];
  return what === 'fixable' || what === 'information' ? `${n} ${en}` : `${n} ${en}${n === 1 ? '' : 's'}`;
}

/** The CLI's messages. Each takes its arguments and returns both languages. */
export const T = {
  stdinName: { zh: '<标准输入>', en: '<stdin>' },
  noProblems: (files: number): Msg => ({
    zh: `已检查 ${files} 个文件，未发现问题`,
    en: `${files} file${files === 1 ? '' : 's'} checked, no problems`,
  }),
  fixed: (n: number, byRule: string): Msg => ({
    zh: `已修复 ${n} 处：${byRule}`,
    en: `fixed ${n} problem${n === 1 ? '' : 's'}: ${byRule}`,
  }),
  fixTitle: { zh: '修复（--fix）', en: 'fix (--fix)' },
  suggestion: { zh: '建议', en: 'suggestion' },
  toLine: (line: number): Msg => ({ zh: `至第 ${line} 行`, en: `to line ${line}` }),
  hiddenByQuiet: (n: string): Msg => ({ zh: `另有 ${n}未显示（--quiet）`, en: `${n} not shown (--quiet)` }),
  unreadable: (n: number): Msg => ({ zh: `${n} 个文件无法读取或写入`, en: `${n} file${n === 1 ? '' : 's'} could not be read or written` }),
  progress: (i: number, n: number): Msg => ({ zh: `正在检查 ${i}/${n}`, en: `checking ${i}/${n}` }),
  // Usage errors.
  unknownOption: (o: string, hint?: string): Msg => ({
    zh: `未知选项 ${o}${hint ? `，是否要用 ${hint}？` : ''}`,
    en: `unknown option ${o}${hint ? ` (did you mean ${hint}?)` : ''}`,
  }),
  needsValue: (o: string): Msg => ({ zh: `选项 ${o} 需要一个值`, en: `option ${o} needs a value` }),
  takesNoValue: (o: string): Msg => ({ zh: `选项 ${o} 不带值`, en: `option ${o} takes no value` }),
  badFormat: (f: string, list: string): Msg => ({ zh: `未知输出格式“${f}”（可用：${list}）`, en: `unknown format "${f}" (${list})` }),
  badEncoding: (e: string, list: string): Msg => ({ zh: `未知编码“${e}”（可用：${list}）`, en: `unknown encoding "${e}" (${list})` }),
  badLocale: { zh: '--locale 只能是 zh 或 en', en: '--locale takes zh or en' },
  badRule: { zh: '--rule 的写法是 规则=error|warning|information|hint|off', en: '--rule takes id=error|warning|information|hint|off' },
  badMaxWarnings: { zh: '--max-warnings 需要一个不小于 0 的整数', en: '--max-warnings takes a whole number ≥ 0' },
  stdinTwice: { zh: '标准输入“-”只能给一次', en: 'standard input "-" can be given only once' },
  fixStdinAlone: {
    zh: '“--fix -”把修复后的文本写到标准输出，不能再同时检查其他文件',
    en: '"--fix -" writes the fixed text to standard output: it cannot be combined with other paths',
  },
  fixNeedsPath: {
    zh: '--fix 需要指定要修复的文件（不给路径时检查的是自带示例，不会改写它）',
    en: '--fix needs the files to fix (with no path the bundled sample is checked, never rewritten)',
  },
  noMatch: (p: string): Msg => ({ zh: `没有与“${p}”匹配的文件`, en: `no files match "${p}"` }),
  noReports: (dir: string, exts: string): Msg => ({ zh: `目录“${dir}”中没有报告文件（${exts}）`, en: `no report files (${exts}) in "${dir}"` }),
  seeHelp: { zh: '用法见 workreport --help', en: 'see workreport --help' },
};

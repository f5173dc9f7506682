// `.workreportrc.json` (its text, with positions) and editor settings → Partial<Config>,
// validated against settings.ts. Pure: the caller reads the file. Every mistake is a
// problem naming where it is and, for a misspelt name (a rule id, a template, a setting, a
// severity), the name that was probably meant. Nothing is thrown. jsonc-parser (VS Code's own)
// gives the positions; its ES module build, which bundles (the UMD one loads files at run time).
import { findNodeAtLocation, parseTree, type Node, type ParseError, type ParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { BUILTIN_TEMPLATES } from '../outline/templates';
import { unsafeRegex } from '../rules/terms/pattern';
import type { IgnoreEntry } from '../run/ignore';
import type { Locale, Msg, SeveritySetting } from '../types';
import type { Config, TemplateDef, TermDef } from './config';
import { MAX_IGNORES, MAX_PATTERN_LENGTH, MAX_TERMS } from './limits';
import { SEVERITY_SETTINGS, ruleKeys, settingDefs } from './settings';
import { closest } from './suggest';

export { MAX_IGNORES, MAX_PATTERN_LENGTH, MAX_TERMS } from './limits';

export interface ConfigProblem {
  /** Where in the JSON: `rules.punct/halfwith`, `templates[0].sections`; '' for the whole file. */
  path: string;
  message: Msg;
  /** UTF-16 offsets of the offending key or value in the file's text (when read from text). */
  start?: number;
  end?: number;
}

type Segment = string | number;
interface Problem {
  at: Segment[];
  /** The problem is the key itself (an unknown name), not its value. */
  key?: boolean;
  message: Msg;
}

const RC_KEYS = ['$schema', ...settingDefs().filter((d) => d.where !== 'editor').map((d) => d.key)];
const BUILTIN_NAMES = BUILTIN_TEMPLATES.map((t) => t.name);

const pathText = (at: Segment[]) => at.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
const quoted = (s: string) => ({ zh: `“${s}”`, en: `"${s}"` });
function unknownName(kind: Msg, name: string, known: readonly string[]): Msg {
  const guess = closest(name, known);
  return {
    zh: `${kind.zh}“${name}”不存在` + (guess ? `，是否应为“${guess}”？` : ''),
    en: `unknown ${kind.en} "${name}"` + (guess ? `; did you mean "${guess}"?` : ''),
  };
}
const RULE_KEYS = ruleKeys();

/** A rule id or `family/*` that `rules` and `--rule` accept. */
export function isRuleKey(id: string): boolean {
  return RULE_KEYS.includes(id);
}

/** An unknown rule id or family, with the one probably meant (`punct/halfwith` → `punct/halfwidth`, `pnct/*` → `punct/*`). */
export function unknownRule(id: string): Msg {
  return unknownName({ zh: '规则', en: 'rule' }, id, RULE_KEYS);
}

/** A template name that is none of `known` (auto, the built-in ones, the user's own). */
export function unknownTemplate(name: string, known: readonly string[]): Msg {
  return unknownName({ zh: '模板', en: 'template' }, name, known);
}

/** The template names a config may choose: auto, the built-in ones, and `own`. */
export function templateNames(own: readonly string[] = []): string[] {
  return ['auto', ...BUILTIN_NAMES, ...own];
}

function expected(at: Segment[], what: Msg): Msg {
  const name = at.length ? pathText(at) : '';
  return name ? { zh: `${quoted(name).zh}应为${what.zh}`, en: `${quoted(name).en} must be ${what.en}` } : { zh: `应为${what.zh}`, en: `must be ${what.en}` };
}
/** Reports that the value at `at` must be `what`. */
function mustBe(problems: Problem[], at: Segment[], what: Msg): void {
  problems.push({ at, message: expected(at, what) });
}

/** `v` when it is an array; otherwise a problem at `key`, and no items. */
function arrayOf(v: unknown, key: string, problems: Problem[]): unknown[] {
  if (Array.isArray(v)) return v;
  mustBe(problems, [key], A.array);
  return [];
}

const A = {
  object: { zh: '对象 {…}', en: 'an object {…}' },
  array: { zh: '数组 […]', en: 'an array […]' },
  string: { zh: '字符串', en: 'a string' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  count: { zh: '不小于 0 的数', en: 'a number ≥ 0' },
  locale: { zh: '"zh" 或 "en"', en: '"zh" or "en"' },
  template: { zh: '{"name": …, "sections": [{"title": …}]}', en: '{"name": …, "sections": [{"title": …}]}' },
  term: { zh: '{"wrong": …, "right": …}', en: '{"wrong": …, "right": …}' },
  ignore: { zh: '{"rule": …, "text": …}', en: '{"rule": …, "text": …}' },
};

/** Validates a parsed value; problems carry JSON paths (no positions). */
export function parseConfig(json: unknown, problems: ConfigProblem[] = []): Partial<Config> {
  const found: Problem[] = [];
  const out = validate(json, found);
  for (const p of found) problems.push({ path: pathText(p.at), message: p.message });
  return out;
}

/** Reads a config file's text: JSON syntax errors and every invalid entry, with positions. */
export function parseConfigText(text: string): { config: Partial<Config>; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) {
    // A parser that recovers reports several errors at the place where the first went wrong
    // ("value expected", then "} expected"): one per place, the first, is what the writer must fix.
    const firsts = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1].offset);
    const problems = (firsts.length ? firsts : [{ error: 4 as ParseErrorCode, offset: 0, length: 0 }]).slice(0, 5).map((e) => ({
      path: '',
      message: syntaxMessage(e.error),
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
    }));
    return { config: {}, problems };
  }
  const found: Problem[] = [];
  const config = validate(nodeValue(root), found);
  const problems = found.map((p) => {
    const node = findNodeAtLocation(root, p.at);
    // An unknown key: point at the key; a wrong value: at the value.
    const target = node && p.key && node.parent?.type === 'property' ? node.parent.children![0] : node;
    return { path: pathText(p.at), message: p.message, start: target?.offset ?? 0, end: (target?.offset ?? 0) + Math.max(1, target?.length ?? 1) };
  });
  return { config, problems };
}

function nodeValue(n: Node): unknown {
  switch (n.type) {
    case 'object':
      return Object.fromEntries((n.children ?? []).map((p) => [p.children![0].value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

const SYNTAX: Partial<Record<number, Msg>> = {
  1: { zh: '此处的值无效', en: 'invalid value here' },
  2: { zh: '无效的数字', en: 'invalid number' },
  3: { zh: '应为属性名（用双引号括起的字符串）', en: 'a property name (a string in double quotes) was expected' },
  4: { zh: '应为一个值', en: 'a value was expected' },
  5: { zh: '缺少冒号 :', en: 'a colon : was expected' },
  6: { zh: '缺少逗号 ,', en: 'a comma , was expected' },
  7: { zh: '缺少右花括号 }', en: 'a closing brace } was expected' },
  8: { zh: '缺少右方括号 ]', en: 'a closing bracket ] was expected' },
  9: { zh: '文件在此处意外结束', en: 'the file ends too early' },
  10: { zh: 'JSON 不允许注释', en: 'JSON allows no comments' },
  11: { zh: '注释未结束', en: 'unterminated comment' },
  12: { zh: '字符串未结束（缺少右双引号）', en: 'unterminated string (no closing double quote)' },
  13: { zh: '数字未结束', en: 'unterminated number' },
  14: { zh: '无效的 Unicode 转义', en: 'invalid Unicode escape' },
  15: { zh: '无效的转义字符', en: 'invalid escape character' },
  16: { zh: '字符串中有无效字符（如未转义的换行）', en: 'invalid character in a string (an unescaped line break?)' },
};
function syntaxMessage(code: ParseErrorCode): Msg {
  const what = SYNTAX[code] ?? { zh: '格式错误', en: 'syntax error' };
  return { zh: `JSON 格式错误：${what.zh}`, en: `JSON syntax error: ${what.en}` };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validate(json: unknown, problems: Problem[]): Partial<Config> {
  const out: Partial<Config> = {};
  if (!isObject(json)) {
    mustBe(problems, [], A.object);
    return out;
  }
  // Template names this file defines itself may be chosen by `template`.
  const own = Array.isArray(json.templates) ? json.templates.flatMap((t) => (isObject(t) && typeof t.name === 'string' ? [t.name] : [])) : [];
  for (const [k, v] of Object.entries(json)) {
    const at = [k];
    switch (k) {
      case '$schema':
        break;
      case 'template': {
        const names = templateNames(own);
        if (typeof v !== 'string') mustBe(problems, at, A.string);
        else if (!names.includes(v)) problems.push({ at, message: unknownTemplate(v, names) });
        else out.template = v;
        break;
      }
      case 'rules':
        if (!isObject(v)) {
          mustBe(problems, at, A.object);
          break;
        }
        out.rules = {};
        for (const [id, sev] of Object.entries(v)) {
          if (!isRuleKey(id)) problems.push({ at: [k, id], key: true, message: unknownRule(id) });
          else if (typeof sev !== 'string' || !SEVERITY_SETTINGS.includes(sev as SeveritySetting)) {
            const guess = typeof sev === 'string' ? closest(sev, SEVERITY_SETTINGS) : undefined;
            problems.push({
              at: [k, id],
              message: {
                zh: `${quoted(id).zh}的级别应为 error、warning、information、hint 或 off` + (guess ? `，是否应为“${guess}”？` : ''),
                en: `the severity of "${id}" must be error, warning, information, hint or off` + (guess ? `; did you mean "${guess}"?` : ''),
              },
            });
          } else out.rules[id] = sev as SeveritySetting;
        }
        break;
      case 'templates':
        out.templates = parseTemplates(v, problems);
        break;
      case 'terms':
        out.terms = parseTerms(v, problems);
        break;
      case 'locale':
        if (v === 'zh' || v === 'en') out.locale = v;
        else mustBe(problems, at, A.locale);
        break;
      case 'detectReports':
        if (typeof v === 'boolean') out.detectReports = v;
        else mustBe(problems, at, A.boolean);
        break;
      case 'ignore':
        out.ignore = parseIgnore(v, problems);
        break;
      case 'maxDocumentSize':
      case 'lengthLimit':
        if (typeof v === 'number' && v >= 0 && Number.isFinite(v)) out[k] = v;
        else mustBe(problems, at, A.count);
        break;
      default:
        problems.push({ at, key: true, message: unknownName({ zh: '设置项', en: 'setting' }, k, RC_KEYS) });
    }
  }
  return out;
}

function parseTemplates(v: unknown, problems: Problem[]): TemplateDef[] {
  const items = arrayOf(v, 'templates', problems);
  const out: TemplateDef[] = [];
  items.forEach((t, i) => {
    const sections = isObject(t) && Array.isArray(t.sections) ? (t.sections as unknown[]) : undefined;
    const ok =
      isObject(t) && typeof t.name === 'string' && sections?.length &&
      sections.every((s) => isObject(s) && typeof s.title === 'string' && (s.key === undefined || typeof s.key === 'string') && (s.matches === undefined || (Array.isArray(s.matches) && s.matches.every((m) => typeof m === 'string'))));
    if (!ok) {
      mustBe(problems, ['templates', i], A.template);
      return;
    }
    out.push({
      name: t.name as string,
      sections: (sections as { key?: string; title: string; matches?: string[] }[]).map((s) => ({ key: s.key ?? s.title, title: s.title, matches: s.matches?.length ? s.matches : [s.title] })),
    });
  });
  return out;
}

function parseTerms(v: unknown, problems: Problem[]): TermDef[] {
  const items = arrayOf(v, 'terms', problems);
  const out: TermDef[] = [];
  items.slice(0, MAX_TERMS).forEach((t, i) => {
    const at = ['terms', i];
    if (!isObject(t) || typeof t.wrong !== 'string' || typeof t.right !== 'string' || !t.wrong) {
      mustBe(problems, at, A.term);
      return;
    }
    if (t.wrong.length > MAX_PATTERN_LENGTH) {
      problems.push({ at: [...at, 'wrong'], message: { zh: `超过 ${MAX_PATTERN_LENGTH} 个字符`, en: `longer than ${MAX_PATTERN_LENGTH} characters` } });
      return;
    }
    const unsafe = t.regex === true ? unsafeRegex(t.wrong) : undefined;
    if (unsafe) {
      // Refused here so the user sees why; terms/custom would skip it anyway.
      problems.push({ at: [...at, 'wrong'], message: { zh: `正则表达式不予执行：${unsafe}`, en: `regular expression refused: ${unsafe}` } });
      return;
    }
    out.push({ wrong: t.wrong, right: t.right, regex: t.regex === true, note: typeof t.note === 'string' ? t.note : undefined });
  });
  if (items.length > MAX_TERMS) problems.push({ at: ['terms'], message: { zh: `术语超过 ${MAX_TERMS} 条，其余不予使用`, en: `more than ${MAX_TERMS} terms; the rest are ignored` } });
  return out;
}

function parseIgnore(v: unknown, problems: Problem[]): IgnoreEntry[] {
  const items = arrayOf(v, 'ignore', problems);
  const out: IgnoreEntry[] = [];
  items.slice(0, MAX_IGNORES).forEach((e, i) => {
    if (isObject(e) && typeof e.rule === 'string' && typeof e.text === 'string') out.push({ rule: e.rule, text: e.text });
    else mustBe(problems, ['ignore', i], A.ignore);
  });
  return out;
}

/** 1-based line and column (UTF-16) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** `file:line:col: message` for one problem (the file's own text gives the position). */
export function problemLine(file: string, text: string | undefined, p: ConfigProblem, locale: Locale): string {
  const where = text !== undefined && p.start !== undefined ? (({ line, column }) => `:${line}:${column}`)(lineColumn(text, p.start)) : '';
  return `${file}${where}: ${p.message[locale]}`;
}

/** What the file's problems mean for the checks: it is not applied at all. */
export function notInEffect(file: string, count: number, locale: Locale): string {
  return locale === 'zh'
    ? `配置文件 ${file} 有 ${count} 处错误，未生效：在改正之前按默认设置检查。`
    : `The config file ${file} has ${count} problem${count === 1 ? '' : 's'} and is not in effect: checks use the defaults until it is fixed.`;
}

// `.workreportrc.json` and editor settings → Partial<Config>, validated. Pure: the
// caller reads the file. Unknown or wrong entries are reported, never thrown.
import { unsafeRegex } from '../rules/terms/pattern';
import type { Config, TemplateDef, TermDef } from './config';
import type { IgnoreEntry } from '../run/ignore';
import type { Locale, SeveritySetting } from '../types';

export interface ConfigProblem {
  path: string;
  message: string;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
/** Bounds that keep user patterns from hanging the checker. */
export const MAX_TERMS = 500;
export const MAX_PATTERN_LENGTH = 200;

export function parseConfig(json: unknown, problems: ConfigProblem[] = []): Partial<Config> {
  const out: Partial<Config> = {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ path: '', message: 'expected an object' });
    return out;
  }
  const o = json as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    switch (k) {
      case '$schema':
        break;
      case 'template':
        if (typeof v === 'string') out.template = v;
        else problems.push({ path: k, message: 'expected a string' });
        break;
      case 'rules':
        if (typeof v === 'object' && v && !Array.isArray(v)) {
          const rules: Record<string, SeveritySetting> = {};
          for (const [id, sev] of Object.entries(v)) {
            if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as SeveritySetting;
            else problems.push({ path: `rules.${id}`, message: 'expected error|warning|information|hint|off' });
          }
          out.rules = rules;
        } else problems.push({ path: k, message: 'expected an object of rule ids' });
        break;
      case 'templates':
        out.templates = parseTemplates(v, problems);
        break;
      case 'terms':
        out.terms = parseTerms(v, problems);
        break;
      case 'locale':
        if (v === 'zh' || v === 'en') out.locale = v;
        else problems.push({ path: k, message: 'expected "zh" or "en"' });
        break;
      case 'detectReports':
        if (typeof v === 'boolean') out.detectReports = v;
        else problems.push({ path: k, message: 'expected true or false' });
        break;
      case 'ignore':
        out.ignore = parseIgnore(v, problems);
        break;
      case 'maxDocumentSize':
      case 'lengthLimit':
        if (typeof v === 'number' && v >= 0 && Number.isFinite(v)) out[k] = v;
        else problems.push({ path: k, message: 'expected a number ≥ 0' });
        break;
      default:
        problems.push({ path: k, message: 'unknown setting' });
    }
  }
  return out;
}

function parseTemplates(v: unknown, problems: ConfigProblem[]): TemplateDef[] {
  if (!Array.isArray(v)) {
    problems.push({ path: 'templates', message: 'expected an array' });
    return [];
  }
  const out: TemplateDef[] = [];
  v.forEach((t, i) => {
    const ok =
      t && typeof t === 'object' && typeof t.name === 'string' && Array.isArray(t.sections) &&
      t.sections.every((s: { title?: unknown; matches?: unknown } | null) => s && typeof s.title === 'string' && (s.matches === undefined || (Array.isArray(s.matches) && s.matches.every((m: unknown) => typeof m === 'string'))));
    if (!ok) {
      problems.push({ path: `templates[${i}]`, message: 'expected {name, sections: [{title, matches?}]}' });
      return;
    }
    out.push({
      name: t.name,
      sections: t.sections.map((s: { key?: string; title: string; matches?: string[] }) => ({ key: s.key ?? s.title, title: s.title, matches: s.matches?.length ? s.matches : [s.title] })),
    });
  });
  return out;
}

function parseTerms(v: unknown, problems: ConfigProblem[]): TermDef[] {
  if (!Array.isArray(v)) {
    problems.push({ path: 'terms', message: 'expected an array' });
    return [];
  }
  const out: TermDef[] = [];
  v.slice(0, MAX_TERMS).forEach((t, i) => {
    if (!t || typeof t !== 'object' || typeof t.wrong !== 'string' || typeof t.right !== 'string' || !t.wrong) {
      problems.push({ path: `terms[${i}]`, message: 'expected {wrong, right}' });
      return;
    }
    if (t.wrong.length > MAX_PATTERN_LENGTH) {
      problems.push({ path: `terms[${i}].wrong`, message: `longer than ${MAX_PATTERN_LENGTH} characters` });
      return;
    }
    const unsafe = t.regex === true ? unsafeRegex(t.wrong) : undefined;
    if (unsafe) {
      // Refused here so the user sees why; terms/custom would skip it anyway.
      problems.push({ path: `terms[${i}].wrong`, message: `regular expression refused: ${unsafe}` });
      return;
    }
    out.push({ wrong: t.wrong, right: t.right, regex: t.regex === true, note: typeof t.note === 'string' ? t.note : undefined });
  });
  if (v.length > MAX_TERMS) problems.push({ path: 'terms', message: `more than ${MAX_TERMS} terms; the rest are ignored` });
  return out;
}

export const MAX_IGNORES = 5000;

function parseIgnore(v: unknown, problems: ConfigProblem[]): IgnoreEntry[] {
  if (!Array.isArray(v)) {
    problems.push({ path: 'ignore', message: 'expected an array' });
    return [];
  }
  const out: IgnoreEntry[] = [];
  v.slice(0, MAX_IGNORES).forEach((e, i) => {
    if (e && typeof e === 'object' && typeof e.rule === 'string' && typeof e.text === 'string') out.push({ rule: e.rule, text: e.text });
    else problems.push({ path: `ignore[${i}]`, message: 'expected {rule, text}' });
  });
  return out;
}

/** Chinese for the problem messages above (they are written in English at the source). */
const ZH: [RegExp, string][] = [
  [/^expected an object of rule ids$/, '应为以规则 id 为键的对象'],
  [/^expected an object$/, '应为对象'],
  [/^expected a string$/, '应为字符串'],
  [/^expected an array$/, '应为数组'],
  [/^expected true or false$/, '应为 true 或 false'],
  [/^expected a number ≥ 0$/, '应为不小于 0 的数'],
  [/^expected "zh" or "en"$/, '应为 "zh" 或 "en"'],
  [/^expected error\|warning\|information\|hint\|off$/, '应为 error、warning、information、hint 或 off'],
  [/^unknown setting$/, '未知的设置项'],
  [/^cannot read: /, '无法读取：'],
];

function problemText(p: ConfigProblem, locale: Locale): string {
  let m = p.message;
  if (locale === 'zh') for (const [re, zh] of ZH) if (re.test(m)) { m = m.replace(re, zh); break; }
  return p.path ? `${p.path}: ${m}` : m;
}

/** One message for all the problems of a config file (its single diagnostic). */
export function describeProblems(problems: readonly ConfigProblem[], locale: Locale): string {
  const shown = problems.slice(0, 8).map((p) => problemText(p, locale));
  const more = problems.length - shown.length;
  if (locale === 'zh') {
    return `配置文件有 ${problems.length} 处错误，这些设置项按默认值处理：` + shown.join('；') + (more > 0 ? `；另有 ${more} 处` : '');
  }
  return `Config file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; these entries fall back to defaults: ` + shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

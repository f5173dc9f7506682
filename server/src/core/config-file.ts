// `.workreportrc.json` and editor settings → Partial<Config>, validated. Pure: the
// caller reads the file. Unknown or wrong entries are reported, never thrown.
import type { Config, TemplateDef, TermDef } from './config';
import type { SeveritySetting } from './types';

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
      t.sections.every((s: any) => s && typeof s.title === 'string' && (s.matches === undefined || (Array.isArray(s.matches) && s.matches.every((m: unknown) => typeof m === 'string'))));
    if (!ok) {
      problems.push({ path: `templates[${i}]`, message: 'expected {name, sections: [{title, matches?}]}' });
      return;
    }
    out.push({
      name: t.name,
      sections: t.sections.map((s: any) => ({ key: s.key ?? s.title, title: s.title, matches: s.matches?.length ? s.matches : [s.title] })),
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
    out.push({ wrong: t.wrong, right: t.right, regex: t.regex === true, note: typeof t.note === 'string' ? t.note : undefined });
  });
  if (v.length > MAX_TERMS) problems.push({ path: 'terms', message: `more than ${MAX_TERMS} terms; the rest are ignored` });
  return out;
}

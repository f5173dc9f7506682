// The editor's `workreport.*` settings (package.json contributes them) → core Config.
import type { Config, TemplateDef, TermDef } from '../core/config/config';
import type { IgnoreEntry } from '../core/run/ignore';
import type { Locale, SeveritySetting } from '../core/types';

export interface EditorSettings {
  template?: string;
  templates?: TemplateDef[];
  rules?: Record<string, SeveritySetting>;
  terms?: TermDef[];
  /** 'auto' follows the editor's display language. */
  locale?: 'auto' | Locale;
  detectReports?: boolean;
  run?: 'onType' | 'onSave';
  maxDocumentSize?: number;
  lengthLimit?: number;
  ignore?: IgnoreEntry[];
}

export function settingsToConfig(s: EditorSettings, editorLocale: Locale): Partial<Config> {
  const out: Partial<Config> = { locale: s.locale && s.locale !== 'auto' ? s.locale : editorLocale };
  if (typeof s.template === 'string') out.template = s.template;
  if (Array.isArray(s.templates)) out.templates = s.templates;
  if (s.rules && typeof s.rules === 'object') out.rules = s.rules;
  if (Array.isArray(s.terms)) out.terms = s.terms;
  if (typeof s.detectReports === 'boolean') out.detectReports = s.detectReports;
  if (typeof s.maxDocumentSize === 'number') out.maxDocumentSize = s.maxDocumentSize;
  if (typeof s.lengthLimit === 'number') out.lengthLimit = s.lengthLimit;
  if (Array.isArray(s.ignore)) {
    out.ignore = s.ignore.filter((e) => e && typeof e.rule === 'string' && typeof e.text === 'string');
  }
  return out;
}

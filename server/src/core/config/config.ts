// Settings the core understands. The editor's `workreport.*` settings and
// `.workreportrc.json` share this shape (see package.json and schemas/).
import type { IgnoreEntry } from '../run/ignore';
import type { Locale, SeveritySetting } from '../types';

export interface TemplateSection {
  /** Short key, e.g. 做法. */
  key: string;
  /** The heading to insert when the section is missing. */
  title: string;
  /** Titles that count as this section (simplified; matched after folding). */
  matches: string[];
}

export interface TemplateDef {
  name: string;
  sections: TemplateSection[];
}

export interface TermDef {
  /** Wrong wording: a literal string, or a bounded regular expression when `regex` is set. */
  wrong: string;
  right: string;
  regex?: boolean;
  note?: string;
}

export interface Config {
  /** 'auto' picks the best-matching template. */
  template: string;
  templates: TemplateDef[];
  rules: Record<string, SeveritySetting>;
  terms: TermDef[];
  locale: Locale;
  /** Check plain-text and Markdown files that look like reports. */
  detectReports: boolean;
  /** Documents larger than this (UTF-16 units) are refused with one finding. */
  maxDocumentSize: number;
  /** 字数 limit for the whole report; 0 = none. */
  lengthLimit: number;
  /** Custom regex patterns from an untrusted workspace are not run. */
  trusted: boolean;
  /** Findings dismissed with "ignore here" ({rule, text}; see ignore.ts). */
  ignore: IgnoreEntry[];
}

export const DEFAULT_CONFIG: Config = {
  template: 'auto',
  templates: [],
  rules: {},
  terms: [],
  locale: 'zh',
  detectReports: true,
  maxDocumentSize: 4 * 1024 * 1024,
  lengthLimit: 0,
  trusted: true,
  ignore: [],
};

export function withDefaults(partial: Partial<Config> | undefined): Config {
  return { ...DEFAULT_CONFIG, ...(partial ?? {}), rules: { ...(partial?.rules ?? {}) } };
}

// Report templates (SPEC §3) and matching level-1 headings to their sections.
import type { Config, TemplateDef, TemplateSection } from '../config/config';
import type { Heading } from '../model/headings';
import type { ReportDocument } from '../model/document';
import { preface } from './structure';

// Each section's `matches` are the titles writers use for it (SPEC §3 lists the core
// ones); a title matches when it is one of them or begins or ends with one.
export const BUILTIN_TEMPLATES: TemplateDef[] = [
  {
    name: '经验材料',
    sections: [
      {
        key: '做法',
        title: '主要做法',
        matches: ['主要做法', '经验做法', '具体做法', '工作做法', '主要措施', '做法', '主要举措', '工作举措', '经验与做法', '做法与经验'],
      },
      {
        key: '成效',
        title: '工作成效',
        matches: ['工作成效', '取得成效', '主要成效', '工作成果', '取得的成绩', '成效', '取得的成效', '主要成绩', '工作成绩', '取得的成果'],
      },
      {
        key: '体会',
        title: '几点体会',
        matches: ['几点体会', '工作体会', '经验体会', '几点启示', '经验启示', '启示', '体会', '几点思考', '几点经验', '经验与启示', '体会与启示'],
      },
    ],
  },
  {
    name: '工作总结',
    sections: [
      {
        key: '情况',
        title: '工作开展情况',
        matches: ['工作开展情况', '主要工作', '工作完成情况', '工作情况', '开展情况', '主要工作及成效', '主要工作和成效', '工作回顾', '主要工作完成情况'],
      },
      {
        key: '问题',
        title: '存在的问题',
        matches: ['存在的问题', '存在问题', '问题和不足', '存在的不足', '不足', '存在的困难和问题', '困难和问题', '存在的主要问题'],
      },
      {
        key: '打算',
        title: '下一步工作打算',
        matches: ['下一步工作打算', '下一步打算', '下一步工作', '工作打算', '下步打算', '工作计划', '下一步工作计划', '下一步工作思路', '明年工作打算', '今后工作打算', '工作安排', '工作思路', '工作设想', '下步工作'],
      },
    ],
  },
  {
    name: '述职报告',
    sections: [
      { key: '履职', title: '履职情况', matches: ['履职情况', '履行职责情况', '工作履职情况', '主要工作', '履职尽责情况', '履职情况及成效'] },
      { key: '不足', title: '存在的不足', matches: ['存在的不足', '存在不足', '存在的问题', '问题和不足', '不足', '不足之处', '存在的问题和不足'] },
      {
        key: '方向',
        title: '努力方向',
        matches: ['努力方向', '今后努力方向', '下一步努力方向', '改进措施', '整改措施', '今后打算', '改进方向', '下一步打算', '下一步工作打算', '今后工作打算'],
      },
    ],
  },
  {
    name: '调研报告',
    sections: [
      { key: '情况', title: '基本情况', matches: ['基本情况', '现状', '基本现状', '发展现状', '总体情况'] },
      { key: '问题', title: '存在的问题', matches: ['存在的问题', '存在问题', '主要问题', '问题', '面临的问题', '存在的困难和问题', '困难和问题'] },
      { key: '建议', title: '对策建议', matches: ['对策建议', '意见建议', '几点建议', '对策', '建议', '对策措施', '思考与建议', '意见和建议', '对策与建议'] },
    ],
  },
];

export const DEFAULT_TEMPLATE = '经验材料';

export function allTemplates(config: Config): TemplateDef[] {
  const user = (config.templates ?? []).map(normalizeTemplate).filter((t): t is TemplateDef => !!t);
  const names = new Set(user.map((t) => t.name));
  return [...user, ...BUILTIN_TEMPLATES.filter((t) => !names.has(t.name))];
}

/**
 * Templates from editor settings arrive as the user typed them (`{title}` without key or
 * matches): fill the defaults, and drop what is not a template at all.
 */
function normalizeTemplate(t: TemplateDef): TemplateDef | undefined {
  if (!t || typeof t.name !== 'string' || !Array.isArray(t.sections)) return undefined;
  const sections = t.sections
    .filter((s) => s && typeof s.title === 'string' && s.title.trim())
    .map((s) => {
      const matches = Array.isArray(s.matches) ? s.matches.filter((m) => typeof m === 'string' && m.trim()) : [];
      return { key: typeof s.key === 'string' && s.key ? s.key : s.title, title: s.title, matches: matches.length ? matches : [s.title] };
    });
  return sections.length ? { name: t.name, sections } : undefined;
}

/** Heading title reduced to what matching needs: no spaces, no trailing punctuation. */
export function normalizeTitle(title: string): string {
  return title.replace(/[\s\u3000\u00a0]/g, '').replace(/[，。、；：！？,.;:!?]+$/u, '');
}

/**
 * The template section a title names, if any. The title must be the section name, or
 * begin or end with it (`2024年工作开展情况`, `主要做法及经验`), so a sub-heading that
 * merely mentions 问题 in its middle is not taken.
 */
export function matchSection(template: TemplateDef, title: string): TemplateSection | undefined {
  const t = normalizeTitle(title);
  let best: TemplateSection | undefined;
  let bestLen = 0;
  for (const sec of template.sections) {
    for (const m of sec.matches) {
      const hit = t === m || ((t.startsWith(m) || t.endsWith(m)) && t.length <= m.length + 8);
      if (hit && m.length > bestLen) {
        best = sec;
        bestLen = m.length;
      }
    }
  }
  return best;
}

/**
 * A combined heading names two sections at once (`主要做法和成效`: 做法 at the start,
 * 成效 at the end); the second one is present too, not missing.
 */
export function alsoCovers(template: TemplateDef, title: string, primary: TemplateSection | undefined): TemplateSection | undefined {
  if (!primary) return undefined;
  const t = normalizeTitle(title);
  for (const sec of template.sections) {
    if (sec.key === primary.key) continue;
    if (sec.matches.some((m) => m.length >= 2 && t.endsWith(m) && t.length > m.length) && primary.matches.some((m) => t.startsWith(m))) return sec;
  }
  return undefined;
}

export interface OutlineMatch {
  template: TemplateDef;
  /** Level-1 headings with the template section each names (or undefined), and the second
   * section a combined heading also names. */
  headings: { heading: Heading; section?: TemplateSection; also?: TemplateSection }[];
  /** Number of distinct template sections present. */
  score: number;
  /** The document title names this kind of report (`……述职报告`): breaks ties. */
  named: boolean;
  /** Another template the document title names (`……调研报告` matched as 经验材料): the match is in doubt. */
  titleNames?: string;
  /** How the template was chosen: set in the configuration, or the best match of the headings. */
  chosen: boolean;
}

/** Words in a title that say which kind of report it is. */
const TITLE_WORDS: Record<string, RegExp> = {
  经验材料: /经验|做法|实践|探索|典型/,
  工作总结: /总结/,
  述职报告: /述职/,
  调研报告: /调研|调查/,
};

function wordsOf(template: TemplateDef): RegExp {
  return TITLE_WORDS[template.name] ?? new RegExp(template.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** How `template` fits the level-1 headings: its score and title word, and the sections each distinct title names (matched once). */
interface Fit {
  template: TemplateDef;
  score: number;
  named: boolean;
  sectionOf: (title: string) => { section?: TemplateSection; also?: TemplateSection };
}

function fitTemplate(template: TemplateDef, level1: readonly Heading[], title: string): Fit {
  // Titles repeat (a long list of 一、 lines): match each distinct title once.
  const seen = new Map<string, { section?: TemplateSection; also?: TemplateSection }>();
  const sectionOf = (t: string) => {
    let m = seen.get(t);
    if (!m) {
      const section = matchSection(template, t);
      seen.set(t, (m = { section, also: alsoCovers(template, t, section) }));
    }
    return m;
  };
  const keys = new Set<string>();
  for (let k = 0; k < level1.length; k++) {
    const m = sectionOf(level1[k].title);
    if (m.section) keys.add(m.section.key);
    if (m.also) keys.add(m.also.key);
  }
  return { template, score: keys.size, named: !!title && wordsOf(template).test(title), sectionOf };
}

/**
 * The match of a fit: each level-1 heading with the sections it names. Made for the template
 * chosen only (each template's list was an object a level-1 heading: 0.5 MB of an edit's
 * allocation on the 1 M bench report, all but one list dropped at once).
 */
function matchOf(fit: Fit, level1: readonly Heading[]): OutlineMatch {
  const headings = level1.map((heading) => ({ heading, ...fit.sectionOf(heading.title) }));
  return { template: fit.template, headings, score: fit.score, named: fit.named, chosen: false };
}

/** Level-1 headings of the document (numbered 一、 or the top Markdown level). */
export function level1Headings(doc: ReportDocument): Heading[] {
  // Deeper headings at the top (`1、` items before any `一、`) are not sections.
  return doc.sections.filter((s) => s.heading.level === 1).map((s) => s.heading);
}

/** The template the document follows: the configured one, or the best match. */
export function chooseTemplate(doc: ReportDocument, config: Config): OutlineMatch {
  return doc.memo(`outline:${config.template}:${JSON.stringify(config.templates)}`, () => {
    const level1 = level1Headings(doc);
    const templates = allTemplates(config);
    const title = preface(doc).title.map((p) => p.text).join(' ');
    if (config.template && config.template !== 'auto') {
      const named = templates.find((t) => t.name === config.template);
      if (named) return { ...matchOf(fitTemplate(named, level1, title), level1), chosen: true };
    }
    let best: Fit | undefined;
    for (const t of templates) {
      const m = fitTemplate(t, level1, title);
      // Ties go to the template the title names, then to the earlier one (user
      // templates first, then 经验材料).
      if (!best || m.score > best.score || (m.score === best.score && m.named && !best.named)) best = m;
    }
    const chosen = matchOf(best!, level1);
    if (!chosen.named && title) {
      const other = templates.find((t) => t !== chosen.template && wordsOf(t).test(title));
      if (other) chosen.titleNames = other.name;
    }
    return chosen;
  });
}

/** A plain-text or Markdown file "looks like a report" with two outline sections. */
export function looksLikeReport(doc: ReportDocument, config: Config): boolean {
  return chooseTemplate(doc, { ...config, template: 'auto' }).score >= 2;
}

// Report templates (SPEC §3) and matching level-1 headings to their sections.
import type { Config, TemplateDef, TemplateSection } from '../config';
import type { Heading } from '../model/headings';
import type { ReportDocument } from '../model/document';

export const BUILTIN_TEMPLATES: TemplateDef[] = [
  {
    name: '经验材料',
    sections: [
      { key: '做法', title: '主要做法', matches: ['主要做法', '经验做法', '具体做法', '工作做法', '主要措施', '做法'] },
      { key: '成效', title: '工作成效', matches: ['工作成效', '取得成效', '主要成效', '工作成果', '取得的成绩', '成效'] },
      {
        key: '体会',
        title: '几点体会',
        matches: ['几点体会', '工作体会', '经验体会', '几点启示', '经验启示', '启示', '体会', '几点思考'],
      },
    ],
  },
  {
    name: '工作总结',
    sections: [
      { key: '情况', title: '工作开展情况', matches: ['工作开展情况', '主要工作', '工作完成情况', '工作情况', '开展情况'] },
      { key: '问题', title: '存在的问题', matches: ['存在的问题', '存在问题', '问题和不足', '存在的不足', '不足'] },
      { key: '打算', title: '下一步工作打算', matches: ['下一步工作打算', '下一步打算', '下一步工作', '工作打算', '下步打算', '工作计划'] },
    ],
  },
  {
    name: '述职报告',
    sections: [
      { key: '履职', title: '履职情况', matches: ['履职情况', '履行职责情况', '工作履职情况', '主要工作'] },
      { key: '不足', title: '存在的不足', matches: ['存在的不足', '存在不足', '存在的问题', '问题和不足', '不足'] },
      { key: '方向', title: '努力方向', matches: ['努力方向', '今后努力方向', '下一步努力方向', '改进措施'] },
    ],
  },
  {
    name: '调研报告',
    sections: [
      { key: '情况', title: '基本情况', matches: ['基本情况', '现状', '基本现状'] },
      { key: '问题', title: '存在的问题', matches: ['存在的问题', '存在问题', '主要问题', '问题'] },
      { key: '建议', title: '对策建议', matches: ['对策建议', '意见建议', '几点建议', '对策', '建议'] },
    ],
  },
];

export const DEFAULT_TEMPLATE = '经验材料';

export function allTemplates(config: Config): TemplateDef[] {
  const user = config.templates ?? [];
  const names = new Set(user.map((t) => t.name));
  return [...user, ...BUILTIN_TEMPLATES.filter((t) => !names.has(t.name))];
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

export interface OutlineMatch {
  template: TemplateDef;
  /** Level-1 headings with the template section each names (or undefined). */
  headings: { heading: Heading; section?: TemplateSection }[];
  /** Number of distinct template sections present. */
  score: number;
}

function matchTemplate(template: TemplateDef, level1: Heading[]): OutlineMatch {
  const headings = level1.map((heading) => ({ heading, section: matchSection(template, heading.title) }));
  const score = new Set(headings.filter((h) => h.section).map((h) => h.section!.key)).size;
  return { template, headings, score };
}

/** Level-1 headings of the document (numbered 一、 or the top Markdown level). */
export function level1Headings(doc: ReportDocument): Heading[] {
  return doc.sections.map((s) => s.heading);
}

/** The template the document follows: the configured one, or the best match. */
export function chooseTemplate(doc: ReportDocument, config: Config): OutlineMatch {
  return doc.memo(`outline:${config.template}:${config.templates.length}`, () => {
    const level1 = level1Headings(doc);
    const templates = allTemplates(config);
    if (config.template && config.template !== 'auto') {
      const named = templates.find((t) => t.name === config.template);
      if (named) return matchTemplate(named, level1);
    }
    let best: OutlineMatch | undefined;
    for (const t of templates) {
      const m = matchTemplate(t, level1);
      // Ties go to the earlier template (user templates first, then 经验材料).
      if (!best || m.score > best.score) best = m;
    }
    return best!;
  });
}

/** A plain-text or Markdown file "looks like a report" with two outline sections. */
export function looksLikeReport(doc: ReportDocument, config: Config): boolean {
  return chooseTemplate(doc, { ...config, template: 'auto' }).score >= 2;
}

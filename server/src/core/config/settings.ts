// The one definition of every setting: the editor's `workreport.*` settings and the keys of
// `.workreportrc.json`, with their JSON schema, defaults and descriptions in both languages.
// From it come package.json `contributes.configuration`, the `config.*`/`rule.*`/`severity.*`
// entries of package.nls*.json and schemas/workreportrc.schema.json (`npm run settings`
// writes them; test/unit/settings.test.ts fails when they drift), and the validation of the
// config file (validate.ts reads the keys and enums from here).
import { BUILTIN_TEMPLATES } from '../outline/templates';
import { RULES } from '../rules';
import type { Msg, SeveritySetting } from '../types';
import { MAX_IGNORES, MAX_PATTERN_LENGTH, MAX_TERMS } from './limits';

/** A JSON schema fragment (draft-07, the subset VS Code and the generator use). */
export type Schema = { [k: string]: unknown };

export interface SettingDef {
  /** `template`, `trace.server`, `export.fonts` (the editor setting is `workreport.<key>`). */
  key: string;
  /** The package.nls key of its description. */
  nls: string;
  description: Msg;
  /** Schema of the value (without description, default or scope). */
  schema: Schema;
  default: unknown;
  /** For enums: one description per value, and the nls key prefix for them. */
  enumDescriptions?: Msg[];
  /** VS Code's setting scope. */
  scope: 'resource' | 'window';
  /** Where the setting exists: editor settings, `.workreportrc.json`, or both. */
  where: 'both' | 'editor' | 'rc';
  /** The value in `.workreportrc.json` when it differs from the editor's (schema). */
  rcSchema?: Schema;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
export const SEVERITY_DESCRIPTIONS: Record<SeveritySetting, Msg> = {
  error: { zh: '错误：必须改正（如数字确有矛盾）', en: 'Error: must be fixed (e.g. figures that contradict each other)' },
  warning: { zh: '警告：应当改正', en: 'Warning: should be fixed' },
  information: { zh: '提示：可以改进', en: 'Information: could be better' },
  hint: { zh: '建议：仅在编辑器中淡显', en: 'Hint: only a faint mark in the editor' },
  off: { zh: '关闭此规则', en: 'Turn the rule off' },
};

const TEMPLATE_NAMES = BUILTIN_TEMPLATES.map((t) => t.name);

const templatesSchema: Schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'sections'],
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      sections: {
        type: 'array',
        items: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: { key: { type: 'string' }, title: { type: 'string' }, matches: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
};

/** The keys `rules` accepts: every rule id, and `family/*` for all the rules of a family. */
export function ruleKeys(): string[] {
  return [...RULES.map((r) => r.id), ...[...new Set(RULES.map((r) => r.id.split('/')[0]))].map((f) => `${f}/*`)];
}

/** `rules`: every rule id of the registry (and family), described, so editors complete them. */
function rulesSchema(): Schema {
  const severity = (): Schema => ({ type: 'string', enum: [...SEVERITY_SETTINGS] });
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(ruleKeys().map((k) => [k, severity()])),
  };
}

export function settingDefs(): SettingDef[] {
  return [
    {
      key: 'template',
      nls: 'config.template',
      description: { zh: '检查提纲所依据的报告模板；auto 为自动选择最匹配的模板。', en: 'Report template to check the outline against; auto picks the best match.' },
      schema: { type: 'string', enum: ['auto', ...TEMPLATE_NAMES] },
      enumDescriptions: [
        { zh: '自动选择最匹配的模板', en: 'The template the report matches best' },
        ...BUILTIN_TEMPLATES.map((t) => ({ zh: `一级部分：${t.sections.map((s) => s.title).join('、')}`, en: `Level-1 sections: ${t.sections.map((s) => s.title).join(', ')}` })),
      ],
      // The config file may also name one of its own templates.
      rcSchema: { type: 'string', anyOf: [{ enum: ['auto', ...TEMPLATE_NAMES] }, { type: 'string' }] },
      default: 'auto',
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'templates',
      nls: 'config.templates',
      description: { zh: '自定义模板：名称及其一级部分（标题和可视为该部分的标题）。', en: 'Your own templates: a name and its level-1 sections (title and the titles that count as it).' },
      schema: templatesSchema,
      default: [],
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'rules',
      nls: 'config.rules',
      description: {
        zh: '按规则设置级别（error、warning、information、hint 或 off），如 {"punct/halfwidth": "off"}。',
        en: 'Severity per rule id (error, warning, information, hint or off), e.g. {"punct/halfwidth": "off"}.',
      },
      schema: rulesSchema(),
      default: {},
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'terms',
      nls: 'config.terms',
      description: { zh: '自定义术语表：错误写法 → 正确写法（字面文本，或有长度限制的正则表达式）。', en: 'Your terminology list: wrong wording → right wording (literal, or a bounded regular expression).' },
      schema: {
        type: 'array',
        maxItems: MAX_TERMS,
        items: {
          type: 'object',
          required: ['wrong', 'right'],
          additionalProperties: false,
          properties: {
            wrong: { type: 'string', minLength: 1, maxLength: MAX_PATTERN_LENGTH },
            right: { type: 'string' },
            regex: { type: 'boolean' },
            note: { type: 'string' },
          },
        },
      },
      default: [],
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'locale',
      nls: 'config.locale',
      description: { zh: '提示信息的语言：auto 跟随 VS Code 的显示语言。', en: "Language of the messages: auto follows VS Code's display language." },
      schema: { type: 'string', enum: ['auto', 'zh', 'en'] },
      enumDescriptions: [
        { zh: '跟随编辑器的显示语言', en: "The editor's display language" },
        { zh: '中文', en: 'Chinese' },
        { zh: '英文', en: 'English' },
      ],
      rcSchema: { type: 'string', enum: ['zh', 'en'] },
      default: 'auto',
      scope: 'window',
      where: 'both',
    },
    {
      key: 'detectReports',
      nls: 'config.detectReports',
      description: { zh: '对看起来像报告（找到两个提纲一级标题）的纯文本和 Markdown 文件也进行检查。', en: 'Also check plain-text and Markdown files that look like reports (two outline sections found).' },
      schema: { type: 'boolean' },
      default: true,
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'run',
      nls: 'config.run',
      description: { zh: '输入时检查，或仅在保存时检查。', en: 'Check while typing, or only on save.' },
      schema: { type: 'string', enum: ['onType', 'onSave'] },
      enumDescriptions: [
        { zh: '输入时检查（稍作停顿后）', en: 'While typing (after a short pause)' },
        { zh: '仅在保存时检查', en: 'Only when the file is saved' },
      ],
      default: 'onType',
      scope: 'resource',
      where: 'editor',
    },
    {
      key: 'lengthLimit',
      nls: 'config.lengthLimit',
      description: { zh: '报告字数超过此值时提示；0 表示不限。', en: 'Warn when the report is longer than this many characters (字数); 0 turns it off.' },
      schema: { type: 'number', minimum: 0 },
      default: 0,
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'maxDocumentSize',
      nls: 'config.maxDocumentSize',
      description: { zh: '超过此大小（字符数）的文档不检查。', en: 'Documents larger than this (characters) are not checked.' },
      schema: { type: 'number', minimum: 0 },
      default: 4 * 1024 * 1024,
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'trace.server',
      nls: 'config.trace',
      description: { zh: '跟踪 VS Code 与语言服务器之间的通信。', en: 'Trace the communication between VS Code and the language server.' },
      schema: { type: 'string', enum: ['off', 'messages', 'verbose'] },
      enumDescriptions: [
        { zh: '不跟踪', en: 'No trace' },
        { zh: '记录每条消息的名称', en: 'The name of each message' },
        { zh: '记录每条消息及其内容', en: 'Each message with its content' },
      ],
      default: 'off',
      scope: 'window',
      where: 'editor',
    },
    {
      key: 'ignore',
      nls: 'config.ignore',
      description: {
        zh: '用“忽略此处”忽略的问题：规则 id 及其所在的文字（含少量上下文）。记录在此处或 .workreportrc.json 中，不改动报告正文。',
        en: 'Findings dismissed with "ignore here": the rule id and the text it was found in (with a little context). Recorded here or in .workreportrc.json, never in the report.',
      },
      schema: {
        type: 'array',
        maxItems: MAX_IGNORES,
        items: {
          type: 'object',
          required: ['rule', 'text'],
          additionalProperties: false,
          properties: { rule: { type: 'string', pattern: '^[a-z]+/[a-z0-9-]+$' }, text: { type: 'string' } },
        },
      },
      default: [],
      scope: 'resource',
      where: 'both',
    },
    {
      key: 'export.fonts',
      nls: 'config.export.fonts',
      description: {
        zh: '导出 Word 和打印预览所用字体：GB/T 9704 规定的字体（方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312），或多数电脑都有的替代字体（华文中宋、黑体、楷体、仿宋）。',
        en: 'Fonts of Export to Word and the print preview: the fonts GB/T 9704 names (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312), or the fallbacks most machines have (华文中宋, 黑体, 楷体, 仿宋).',
      },
      schema: { type: 'string', enum: ['standard', 'fallback'] },
      enumDescriptions: [
        { zh: '方正小标宋简体 / 黑体 / 楷体_GB2312 / 仿宋_GB2312（GB/T 9704）', en: '方正小标宋简体 / 黑体 / 楷体_GB2312 / 仿宋_GB2312 (GB/T 9704)' },
        { zh: '华文中宋 / 黑体 / 楷体 / 仿宋（没有方正和 GB2312 字体的电脑）', en: '华文中宋 / 黑体 / 楷体 / 仿宋 (for machines without the 方正 and GB2312 fonts)' },
      ],
      default: 'standard',
      scope: 'resource',
      where: 'editor',
    },
    {
      key: 'export.fontNames',
      nls: 'config.export.fontNames',
      description: {
        zh: '按用途指定字体名，优先于 `workreport.export.fonts`：title（标题）、heading1（一、）、heading2（（一））、body（正文、1. 和（1））、pageNumber（页码）。',
        en: 'Font names per role, over `workreport.export.fonts`: title, heading1 (一、), heading2 (（一）), body (正文, 1. and （1）), pageNumber.',
      },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { title: { type: 'string' }, heading1: { type: 'string' }, heading2: { type: 'string' }, body: { type: 'string' }, pageNumber: { type: 'string' } },
      },
      default: {},
      scope: 'resource',
      where: 'editor',
    },
  ];
}

// The files generated from settings.ts: package.json `contributes.configuration`, the
// package.nls*.json entries it refers to, and schemas/workreportrc.schema.json. Written by
// `npm run settings` (scripts/settings.ts); test/unit/settings.test.ts fails on any drift.
import { RULES } from '../rules';
import type { Locale } from '../types';
import { RC_FILE_NAME } from './rc-location';
import { SEVERITY_DESCRIPTIONS, SEVERITY_SETTINGS, ruleKeys, settingDefs, type Schema, type SettingDef } from './settings';

const ruleKey = (id: string) => `rule.${id}`;
const severityKey = (s: string) => `severity.${s}`;
const enumKey = (d: SettingDef, value: unknown) => `${d.nls}.${String(value)}`;

/** A rule id's schema, in the editor (nls references) or in the config file's schema. */
function severitySchema(describe: (key: string) => string, ruleDescription: string): Schema {
  return {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    enumDescriptions: SEVERITY_SETTINGS.map((s) => describe(severityKey(s))),
    description: ruleDescription,
  };
}

/** The value schema of a setting, with rule ids described (`rules`) by `describe`. */
function valueSchema(d: SettingDef, schema: Schema, describe: (key: string) => string): Schema {
  if (d.key !== 'rules') return schema;
  return {
    ...schema,
    properties: Object.fromEntries(ruleKeys().map((k) => [k, severitySchema(describe, describe(ruleKey(k)))])),
  };
}

/** package.json `contributes.configuration`. */
export function contributedConfiguration(): { title: string; properties: Record<string, Schema> } {
  const ref = (key: string) => `%${key}%`;
  const properties: Record<string, Schema> = {};
  for (const d of settingDefs()) {
    if (d.where === 'rc') continue;
    properties[`workreport.${d.key}`] = {
      ...valueSchema(d, d.schema, ref),
      default: d.default,
      ...(d.enumDescriptions ? { enumDescriptions: (d.schema.enum as unknown[]).map((v) => ref(enumKey(d, v))) } : {}),
      description: ref(d.nls),
      scope: d.scope,
    };
  }
  return { title: ref('config.title'), properties };
}

/** The package.nls entries the settings own, in one language (`en`: package.nls.json). */
export function nlsEntries(locale: Locale): Record<string, string> {
  const out: Record<string, string> = { 'config.title': locale === 'zh' ? '报告校对' : 'Work Report Checker' };
  for (const d of settingDefs()) {
    if (d.where === 'rc') continue;
    out[d.nls] = d.description[locale];
    d.enumDescriptions?.forEach((m, i) => (out[enumKey(d, (d.schema.enum as unknown[])[i])] = m[locale]));
  }
  for (const r of RULES) out[ruleKey(r.id)] = r.description[locale];
  for (const k of ruleKeys().filter((x) => x.endsWith('/*'))) {
    const family = k.slice(0, -2);
    out[ruleKey(k)] = locale === 'zh' ? `${family} 类的全部规则` : `every rule of the ${family} family`;
  }
  for (const s of SEVERITY_SETTINGS) out[severityKey(s)] = SEVERITY_DESCRIPTIONS[s][locale];
  return out;
}

/** schemas/workreportrc.schema.json: descriptions in both languages (no nls in a schema). */
export function rcSchema(): Schema {
  const zhEntries = nlsEntries('zh');
  const enEntries = nlsEntries('en');
  const both = (key: string): string => {
    const zh = zhEntries[key];
    const en = enEntries[key];
    return zh === en ? en : `${zh}\n${en}`;
  };
  const properties: Record<string, Schema> = { $schema: { type: 'string' } };
  for (const d of settingDefs()) {
    if (d.where === 'editor') continue;
    let schema = d.rcSchema ?? d.schema;
    const describeEnum = (e: Schema): Schema => (d.enumDescriptions && e.enum ? { ...e, enumDescriptions: (e.enum as unknown[]).map((v) => both(enumKey(d, v))) } : e);
    // An enum of known values next to any string (template: the user's own names too).
    schema = Array.isArray(schema.anyOf) ? { ...schema, anyOf: (schema.anyOf as Schema[]).map(describeEnum) } : describeEnum(schema);
    properties[d.key] = { ...valueSchema(d, schema, both), description: `${d.description.zh}\n${d.description.en}` };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${RC_FILE_NAME} — 报告校对 · Work Report Checker`,
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

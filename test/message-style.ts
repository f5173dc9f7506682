// The mechanical parts of docs/messages.md: which messages the rules produce (every finding,
// related place and fix title of every fixture case, the sample and a pasted report, and the
// editor's folded groups), the style checks, and the
// generated list at the end of docs/messages.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/core/run/check';
import { forDisplay } from '../server/src/core/run/present';
import { RULES } from '../server/src/core/rules';
import type { Msg } from '../server/src/core/types';
import { fixtureFiles, parseFixture } from './fixture-format';
import { pasted } from './reports/pasted';
import { ROOT } from './paths';

export type Kind = 'description' | 'message' | 'related' | 'fix';

export interface Produced {
  rule: string;
  kind: Kind;
  msg: Msg;
  /** Where it came from (fixture file and case, or sample). */
  from: string;
}

/** Every message the rules produce on the fixtures and samples, plus each rule's description. */
export function producedMessages(): Produced[] {
  const out: Produced[] = [];
  for (const r of RULES) out.push({ rule: r.id, kind: 'description', msg: r.description, from: 'description' });
  const texts: { text: string; config: Record<string, unknown>; from: string }[] = [];
  for (const { rule, file } of fixtureFiles()) {
    for (const c of parseFixture(fs.readFileSync(file, 'utf8'), rule)) texts.push({ text: c.text, config: c.config ?? {}, from: `${rule}: ${c.name}` });
  }
  const samples = path.join(ROOT, 'samples');
  for (const n of fs.existsSync(samples) ? fs.readdirSync(samples) : []) {
    texts.push({ text: fs.readFileSync(path.join(samples, n), 'utf8'), config: {}, from: `samples/${n}` });
  }
  texts.push({ text: pasted().text, config: {}, from: 'test/reports/pasted.txt' });
  for (const t of texts) {
    const r = check(t.text, t.config);
    // What the editor shows: the findings and the folded groups (core/run/present.ts).
    for (const f of [...r.findings, ...forDisplay(r.findings, r.doc.lines).filter((x) => x.folded)]) {
      out.push({ rule: f.rule, kind: 'message', msg: f.message, from: t.from });
      for (const r of f.related ?? []) out.push({ rule: f.rule, kind: 'related', msg: r.message, from: t.from });
      if (f.fix) out.push({ rule: f.rule, kind: 'fix', msg: f.fix.title, from: t.from });
    }
  }
  return out;
}

/** The message with each quotation (“…”, nested ones included) replaced by `“…”`; undefined if unbalanced. */
export function withoutQuotes(s: string): string | undefined {
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '“') {
      if (depth === 0) out += '“…';
      depth++;
    } else if (ch === '”') {
      if (depth === 0) return undefined;
      depth--;
      if (depth === 0) out += '”';
    } else if (depth === 0) out += ch;
  }
  return depth === 0 ? out : undefined;
}

const HAN = /\p{Script=Han}/u;
/** Latin words allowed in Chinese: rule ids, setting names, standard numbers, code points. */
const ALLOWED_LATIN = /\b[a-z]+\/[a-z0-9-]+\b|\bworkreport\.[A-Za-z.]+|GB\/T|U\+[0-9A-F]{4,6}/g;
/** Arithmetic: numbers joined by operators, with brackets. */
const ARITHMETIC = /[(（]?\s*-?\d[\d.,]*(?:万|亿)?%?\s*[)）]?(?:\s*[+−×÷=≠<>≤≥≈]\s*[(（]?\s*-?\d[\d.,]*(?:万|亿)?%?\s*[)）]?)+/g;
/** Phrases that read as translated (docs/messages.md, rule 7). */
export const TRANSLATED = ['中文之间', '部分÷总数', '但其后', '不能超过', '与前后数字不符', '该', '进行', '您', '请', '被', '的的'];
export const MAX_ZH = 60;

/** What is wrong with a Chinese message, by docs/messages.md; empty when nothing is. */
export function zhProblems(s: string, kind: Kind): string[] {
  const p: string[] = [];
  const bare = withoutQuotes(s);
  if (bare === undefined) return ['unbalanced “ ”'];
  const prose = bare.replace(ARITHMETIC, '〈算式〉');
  if (/[A-Za-z]/.test(prose.replace(ALLOWED_LATIN, ''))) p.push('Latin letters outside quotes (rule 6)');
  if (/\p{Script=Han}[,:;?!()]|[,:;?!()]\p{Script=Han}/u.test(prose)) p.push('half-width punctuation next to Chinese (rule 8)');
  if (/\p{Script=Han} +\d|\d +\p{Script=Han}/u.test(bare.replace(/GB\/T \d+(?:[—-]\d+)?/g, 'GB'))) p.push('space between a Chinese character and a number (rule 3)');
  if (/["']/.test(bare)) p.push('straight quotes (rule 2)');
  if (kind !== 'description' && /。$/.test(s)) p.push('final 。 (rule 8)');
  for (const w of TRANSLATED) if (bare.includes(w)) p.push(`translated phrase “${w}” (rule 7)`);
  if (kind !== 'description' && [...prose].length > MAX_ZH) p.push(`longer than ${MAX_ZH} characters outside quotes (rule 8)`);
  return p;
}

/** What is wrong with an English message; empty when nothing is. */
export function enProblems(s: string, kind: Kind): string[] {
  const p: string[] = [];
  const bare = withoutQuotes(s);
  if (bare === undefined) return ['unbalanced “ ”'];
  if (HAN.test(bare)) p.push('Chinese characters outside quotes');
  if (kind !== 'description' && /[^.]\.$/.test(s)) p.push('final full stop');
  return p;
}

/** A message's shape: quotations as “…”, numbers as N, arithmetic as 〈算式〉. */
export function shapeOf(s: string): string {
  const bare = withoutQuotes(s) ?? s;
  return bare.replace(/U\+[0-9A-F]{4,6}/g, 'U+X').replace(ARITHMETIC, '〈算式〉').replace(/\d[\d.,]*/g, 'N');
}

export interface CatalogEntry {
  rule: string;
  kind: Kind;
  zh: string;
  en: string;
}

const KIND_ORDER: Kind[] = ['description', 'message', 'related', 'fix'];
const KIND_LABEL: Record<Kind, string> = { description: '说明', message: '问题', related: '相关', fix: '修复' };

/** One example per rule, kind and shape (the shortest, so the choice is stable). */
export function catalog(produced: Produced[]): CatalogEntry[] {
  const best = new Map<string, CatalogEntry>();
  for (const x of produced) {
    const key = `${x.rule}\t${x.kind}\t${shapeOf(x.msg.zh)}\t${shapeOf(x.msg.en)}`;
    const cur = best.get(key);
    const cand = { rule: x.rule, kind: x.kind, zh: x.msg.zh, en: x.msg.en };
    if (!cur || cand.zh.length < cur.zh.length || (cand.zh.length === cur.zh.length && cand.zh + cand.en < cur.zh + cur.en)) best.set(key, cand);
  }
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return [...best.values()].sort(
    (a, b) =>
      (order.get(a.rule) ?? 999) - (order.get(b.rule) ?? 999) || a.rule.localeCompare(b.rule) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : 0),
  );
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const uncell = (s: string) => s.trim().replace(/\\\|/g, '|').replace(/\\\\/g, '\\');

/** The generated section of docs/messages.md. */
export function renderCatalog(entries: CatalogEntry[]): string {
  const out: string[] = [];
  let rule = '';
  for (const e of entries) {
    if (e.rule !== rule) {
      rule = e.rule;
      out.push('', `### ${rule}`, '', '| | 中文 | English |', '|---|---|---|');
    }
    out.push(`| ${KIND_LABEL[e.kind]} | ${cell(e.zh)} | ${cell(e.en)} |`);
  }
  return out.join('\n').trim();
}

/** The entries written in the generated section of a docs/messages.md text. */
export function parseCatalog(md: string): CatalogEntry[] {
  const a = md.indexOf('<!-- messages:start -->');
  const b = md.indexOf('<!-- messages:end -->');
  if (a < 0 || b < a) return [];
  const kindOf = new Map(Object.entries(KIND_LABEL).map(([k, v]) => [v, k as Kind]));
  const out: CatalogEntry[] = [];
  let rule = '';
  for (const line of md.slice(a, b).split('\n')) {
    if (line.startsWith('### ')) rule = line.slice(4).trim();
    const m = /^\| (\S+) \| (.*) \| (.*) \|$/.exec(line);
    if (!m || !kindOf.has(m[1])) continue;
    const cells = `${m[2]} | ${m[3]}`.split(/(?<!\\) \| /);
    if (cells.length !== 2) continue;
    out.push({ rule, kind: kindOf.get(m[1])!, zh: uncell(cells[0]), en: uncell(cells[1]) });
  }
  return out;
}

export function withCatalog(md: string, entries: CatalogEntry[]): string {
  const start = '<!-- messages:start -->';
  const end = '<!-- messages:end -->';
  const a = md.indexOf(start);
  const b = md.indexOf(end);
  if (a < 0 || b < a) throw new Error('docs/messages.md has no messages:start/end markers');
  return md.slice(0, a + start.length) + '\n' + renderCatalog(entries) + '\n' + md.slice(b);
}

export const MESSAGES_MD = path.join(ROOT, 'docs', 'messages.md');

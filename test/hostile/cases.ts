// The hostile inputs (SPEC §8), by name: built on demand (some are 10 MB) so that the test
// and the child process that runs one case share the list.
import * as fs from 'node:fs';
import type { Config } from '../../server/src/core/config/config';
import { PASTED_FILE } from '../reports/pasted';

export interface Case {
  text: () => string;
  config?: Partial<Config>;
  /** Also run fix-all and check it is idempotent. */
  fix?: boolean;
  /** Expect the document to be refused with text/too-large. */
  refused?: boolean;
  bound?: number;
}

/** The project's pasted report (test/reports/pasted.txt): annotations, garbled runs, boilerplate. */
function reportText(): string {
  return fs.readFileSync(PASTED_FILE, 'utf8');
}

/** A tiny report: its three sections repeated make a document of short sections only. */
const TINY_REPORT = '一、主要做法\n抓落实，高位推动。新任科级干部8人，刘玲、李殊凝被提拔。\n二、工作成效\n三、几点体会\n';

/** Repeat s until the result has n code units (cut at n, possibly inside a pair: on purpose). */
function fill(s: string, n: number): string {
  return s.repeat(Math.ceil(n / s.length)).slice(0, n);
}

/** Deterministic pseudo-random bytes. */
function bytes(n: number, seed = 12345): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const MB = 1024 * 1024;
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0080\u0085\u009f\u200b\u200e\u202e\u2028\u2029\ufeff\ufffe\uffff';
const BACKTRACK: Config['terms'] = [
  { wrong: '(a+)+$', right: 'x', regex: true },
  { wrong: '(x+x+)+y', right: 'x', regex: true },
  { wrong: '(.*a){25}', right: 'x', regex: true },
  { wrong: '(\\w+\\s?)*$', right: 'x', regex: true },
  { wrong: '(|a)+b', right: 'x', regex: true },
  { wrong: '([\\u4e00-\\u9fa5]+)*！', right: 'x', regex: true },
  { wrong: '', right: 'x', regex: true },
  { wrong: '^', right: 'x', regex: true },
  { wrong: '(?=a)', right: 'x', regex: true },
  { wrong: '(', right: 'x', regex: true },
  { wrong: '[', right: 'x', regex: true },
  { wrong: '\\', right: 'x', regex: true },
  { wrong: '(?<x>a)\\k<x>', right: 'x', regex: true },
  { wrong: 'a'.repeat(10_000), right: 'x', regex: true },
  { wrong: '', right: 'x' },
  { wrong: '的', right: '地' },
];
const BACKTRACK_TEXT = () =>
  ['a'.repeat(40) + '!', 'x'.repeat(40), '中'.repeat(3000) + '。', 'word '.repeat(200) + '!', reportText()].join('\n');

export const CASES: Record<string, Case> = {
  'empty': { text: () => '', fix: true },
  'BOM only': { text: () => '\ufeff', fix: true },
  'whitespace only': { text: () => fill(' \t\u3000\u00a0\n\r\n\r', 200_000), fix: true },
  'line breaks only (1M)': { text: () => '\n'.repeat(MB) },
  'binary as UTF-8 (256 KB)': { text: () => bytes(256 * 1024).toString('utf8'), fix: true },
  'binary as Latin-1 (256 KB)': { text: () => bytes(256 * 1024, 7).toString('latin1'), fix: true },
  'binary as UTF-16 (256 KB)': { text: () => bytes(256 * 1024, 99).toString('utf16le'), fix: true },
  '10 MB refused by default, with a clear message': { text: () => fill(reportText(), 10 * MB), refused: true },
  'maxDocumentSize honoured (small limit)': { text: () => reportText(), config: { maxDocumentSize: 1000 }, refused: true },
  // The seed repeated: 900,000 pinyin annotations, each a finding with a fix.
  '10 MB with the limit raised': { text: () => fill(reportText(), 10 * MB), config: { maxDocumentSize: 11 * MB }, bound: 60_000 },
  'one 1 MB line': { text: () => fill(reportText().replace(/[\r\n]+/g, ''), MB) },
  'one 200 KB line, fixed': { text: () => fill(reportText().replace(/[\r\n]+/g, ''), 200 * 1024), fix: true },
  'one 1 MB line of Chinese without punctuation': { text: () => fill('中国共产党领导下的基层组织建设', MB) },
  '1 MB of one punctuation mark': { text: () => fill('，', MB) },
  '1 MB of half-width punctuation': { text: () => fill('中,.:;?!()...', MB) },
  'lone surrogates': { text: () => fill('\ud800中\udc00文\udbff，\udfff𠀾。😀\ud83d', 300_000), fix: true },
  'surrogate pairs only': { text: () => fill('𠀾𠀿😀', 300_000), fix: true },
  'control characters': { text: () => fill(CONTROLS + '一、主要做法\n新任干部8人，' + CONTROLS, 300_000), fix: true },
  '10,000 nested full-width brackets': { text: () => '（'.repeat(10_000) + '中' + '）'.repeat(10_000), fix: true },
  '10,000 nested quotes': { text: () => '“‘'.repeat(5_000) + '中' + '’”'.repeat(5_000), fix: true },
  '10,000 nested 书名号 and 【】': { text: () => '《【'.repeat(5_000) + '中' + '】》'.repeat(5_000), fix: true },
  '10,000 nested ASCII brackets': { text: () => '中('.repeat(10_000) + ')'.repeat(10_000), fix: true },
  '100,000 unbalanced openers': { text: () => fill('（“《【‘(', 100_000), fix: true },
  '100,000 unbalanced closers': { text: () => fill('）”》】’)', 100_000), fix: true },
  'a million digits': { text: () => '新任科级干部' + '9'.repeat(1_000_000) + '人，刘玲、李殊凝。' },
  'a million digits with a decimal point and %': { text: () => '合格率达' + '1'.repeat(500_000) + '.' + '5'.repeat(500_000) + '%。' },
  '100,000 Chinese numerals': { text: () => '共有' + '一'.repeat(50_000) + '十'.repeat(50_000) + '个支部。' },
  'numbers everywhere (1 MB)': { text: () => fill('现有18个支部，其中县区支部5个、高校支部14个，占60%，增长30%，2月30日，', MB) },
  // Figure phrases with no sentence end: a finder that rescans per phrase would be quadratic.
  'figure phrases on one 43 K line': {
    text: () => ['其中1人、', '3个方面：', '共计5项', '“四个到位”：', '由1增加到2，增长3%', '占5%', '刘玲、李娜2人'].join('').repeat(1000),
  },
  '100,000 names in one list': { text: () => '新任干部3人，' + fill('刘玲、', 600_000) + '李殊凝。' },
  '100,000 headings': { text: () => fill('一、主要做法\n（一）抓落实\n1.\n（1）\n①\n', 600_000) },
  // Once quadratic (a rule filtered every heading for each 成效 section): 79 s for this 1 MB.
  '1 MB of short sections (a tiny report repeated)': { text: () => fill(TINY_REPORT, MB), bound: 20_000 },
  'Markdown syntax that almost matches, on one 1 MB line': { text: () => fill('[链接](目标 "标题<a b c d e f `代码``中](', MB), fix: true },
  'Markdown: an unclosed code fence and comment, then 500 K of text': { text: () => '```\n<!-- 说明\n' + fill('配置(示例),正文;\n', 500_000), fix: true },
  '100,000 Markdown headings': { text: () => fill('# 主要做法\n## 抓落实\n### 一\n', 500_000) },
  '100,000 pinyin annotations': { text: () => fill('當(dāng)前(qián)', 900_000), fix: true },
  '100,000 boilerplate lines': { text: () => fill('当前位置：首页\n放大\n缩小\n打印\n', 500_000), fix: true },
  'garbled text (1 MB)': { text: () => fill('確?;顒高??傊?個\ufffd', MB) },
  'user term patterns built to backtrack': { text: BACKTRACK_TEXT, config: { terms: BACKTRACK } },
  'user term patterns, untrusted workspace': { text: BACKTRACK_TEXT, config: { terms: BACKTRACK, trusted: false } },
  '1,000 user terms': {
    text: () => reportText(),
    config: { terms: Array.from({ length: 1000 }, (_, i) => ({ wrong: `错误写法${i}|(a|a)*b${i}`, right: '正确写法', regex: true })) },
  },
};

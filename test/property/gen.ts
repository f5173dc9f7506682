// Generators for the property suites: whole reports (the pasted report and the corpus) cut into
// windows and mutated — pieces inserted, deleted, duplicated, lines shuffled, widths and
// line endings changed, BOM added — plus pieces chosen to hit every model part (headings,
// figures, quotes, pinyin, boilerplate, garbled runs, surrogates, control characters).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CORPUS } from '../paths';
import { PASTED_FILE } from '../reports/pasted';

/** The pasted report and the corpus documents. */
export const SOURCES: string[] = [
  PASTED_FILE,
  ...fs.readdirSync(CORPUS).filter((n) => /^P\d+\.(txt|md)$/.test(n)).sort().map((n) => path.join(CORPUS, n)),
].map((p) => fs.readFileSync(p, 'utf8'));

const LINES: string[] = [...new Set(SOURCES.flatMap((t) => t.split(/\r\n|\r|\n/)).filter((l) => l.trim()))];

/** Short pieces that exercise the model and the rules, including the nasty ones. */
export const PIECES: string[] = [
  // headings of every level and style, run-in headings, Markdown
  '一、主要做法', '二、工作成效', '三、几点体会', '四、', '一.', '（一）', '(一)', '（一）、', '1.', '1、', '（1）', '(1)', '①', '②',
  '# 主要做法', '## （一）抓落实', '### ', '1、抓落实，高位推动。', '（二）抓学习，聚力同心。', '五、存在的问题', '下一步工作打算',
  // figures
  '18', '１８', '3.5', '３．５', '十八', '三百一十一', '两', '3万', '1.2亿', '近300人', '10余次', '3至5个', '数百名', '约3万余元',
  '91%', '９１％', '105%', '占六成', '个百分点', '新任科级干部8人，', '刘玲、李殊凝', '等18人', '其中', '分别为', '共计4项', '增长30%',
  '由120人增加到150人', '2月30日', '2024年03月05日', '13年7月', '第三届', '"五个一"', '6+3论坛', '60%-68%', '3、4个月', '三、五个',
  '一是', '二是', '"四个结合"', '即', '现有18个支部，其中县区支部5个、高校支部14个。',
  // punctuation
  ',', '.', ':', ';', '?', '!', '(', ')', '，，', '。。', '...', '。。。', '……', '“', '”', '‘', '’', '"', "'", '《', '》', '【', '】',
  '（', '）', '《甲》、《乙》', '、', '～', '-', '—', '——', '·', 'http://example.com/a,b.c', '10:30', '1,000', 'a, b',
  // text layer
  '當(dāng)', '前(qián)', '(dāng)', '当前位置：首页 > 新闻', '发布时间：2014-11-24', '来源：', '放大', '缩小', '打印', '关闭窗口', '责任编辑：张三',
  '確?;顒', '高??傊?個', '\ufffd', '\u00a0', '\u3000', '\u200b', '\ufeff', '\t', ' ', '  ', '風', '风', '發展', '发展',
  // code units that break naive code
  '𠀾', '😀', '👨‍👩‍👧', '\ud800', '\udc00', '\udbff\udfff', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u2028', '\u2029', '\u0085',
  '\r\n', '\n', '\r', '\n\n', '\r\n\r\n', 'e\u0301', '\u202e',
];

const CJK = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const ANY_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const ASCII = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));

/** A piece to insert: a known nasty piece, a real line, or random characters of mixed scripts. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...LINES) },
  { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: CJK }, { weight: 2, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: ASCII }, { weight: 1, arbitrary: ANY_UNIT }), { maxLength: 12 }).map((a) => a.join('')) },
);

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number; to: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'width'; at: number; len: number; toFull: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat(200), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('width' as const), at: fc.nat(), len: fc.nat(80), toFull: fc.boolean() }) },
);

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
function toHalfWidth(s: string): string {
  return s.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'duplicate': {
      const at = m.at % (n + 1);
      const part = text.slice(at, at + m.len);
      const to = m.to % (n + 1);
      return text.slice(0, to) + part + text.slice(to);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'width': {
      const at = m.at % (n + 1);
      const mid = text.slice(at, at + m.len);
      return text.slice(0, at) + (m.toFull ? toFullWidth(mid) : toHalfWidth(mid)) + text.slice(at + m.len);
    }
  }
}

export type Eol = 'keep' | 'lf' | 'crlf' | 'cr' | 'mixed';

export interface DocSpec {
  source: number;
  /** Window into the source, as fractions of its length (0..1e6). */
  from: number;
  len: number;
  mutations: Mutation[];
  eol: Eol;
  bom: boolean;
}

export function setEol(text: string, eol: Eol, salt = 0): string {
  if (eol === 'keep') return text;
  const lf = text.replace(/\r\n?/g, '\n');
  if (eol === 'lf') return lf;
  if (eol === 'crlf') return lf.replace(/\n/g, '\r\n');
  if (eol === 'cr') return lf.replace(/\n/g, '\r');
  let i = salt;
  return lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
}

export function buildDoc(s: DocSpec): string {
  const src = SOURCES[s.source % SOURCES.length];
  const start = Math.floor((s.from / 1e6) * src.length);
  let text = src.slice(start, start + s.len);
  for (const m of s.mutations) text = mutate(text, m);
  text = setEol(text, s.eol, s.source);
  if (s.bom && !text.startsWith('\ufeff')) text = '\ufeff' + text;
  return text;
}

/** A generated report: a window of a real report (up to maxLen units), mutated. */
export function docSpec(maxLen: number, maxMutations = 12): fc.Arbitrary<DocSpec> {
  return fc.record({
    source: fc.nat(SOURCES.length - 1),
    from: fc.nat(1e6),
    len: fc.integer({ min: 0, max: maxLen }),
    mutations: fc.array(mutation, { maxLength: maxMutations }),
    eol: fc.constantFrom<Eol>('keep', 'lf', 'crlf', 'cr', 'mixed', 'crlf'),
    bom: fc.boolean(),
  });
}

export const doc = (maxLen: number, maxMutations?: number): fc.Arbitrary<string> => docSpec(maxLen, maxMutations).map(buildDoc);

/** Runs of a property: FC_RUNS scales them (e.g. FC_RUNS=10 for a long soak), FC_SEED replays one. */
export function runs(n: number): { numRuns: number; seed?: number; includeErrorInReport: boolean } {
  const scale = Number(process.env.FC_RUNS ?? '1') || 1;
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  return { numRuns: Math.max(1, Math.round(n * scale)), seed, includeErrorInReport: true };
}

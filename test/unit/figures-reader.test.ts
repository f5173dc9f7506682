// The quantity reader on single expressions: value, unit, kind, approximation.
// Each row: text, the quantity to look at (its numeral as written), and what it reads as.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import { nounOf, quantities, type Quantity } from '../../server/src/core/figures/quantity';
import { parseChineseNumeral } from '../../server/src/core/figures/numerals';
import { clausesOf, NO_CLAUSE } from '../../server/src/core/figures/clauses';
import { phrasesOf } from '../../server/src/core/figures/phrases';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../paths';

interface Row {
  text: string;
  at: string;
  kind: Quantity['kind'];
  value?: number;
  high?: number;
  /** The rate word before a percentage; null: none. */
  rate?: string | null;
  unit?: string;
  approx?: boolean;
  noun?: string;
  role?: Quantity['role'];
  unknown?: boolean;
  /** Not read as a quantity at all is also right. */
  none?: boolean;
}

const ROWS: Row[] = [
  // Arabic, full-width, decimals, thousands, 万/亿
  { text: '全市共有支部18个。', at: '18', kind: 'count', value: 18, unit: '个', noun: '支部' },
  { text: '全市共有支部１８个。', at: '18', kind: 'count', value: 18, unit: '个' },
  { text: '接待群众1,234人次。', at: '1,234', kind: 'count', value: 1234, unit: '人次' },
  { text: '投入资金3.5万元。', at: '3.5', kind: 'money', value: 35000, unit: '元' },
  { text: '实现收入1.2亿元。', at: '1.2', kind: 'money', value: 1.2e8, unit: '元' },
  { text: '设备价值8600万元。', at: '8600', kind: 'money', value: 8.6e7 },
  { text: '完成投资5千万元。', at: '5', kind: 'money', value: 5e7 },
  { text: '面积6.8平方公里。', at: '6.8', kind: 'measure', value: 6.8, unit: '平方公里' },
  { text: '流转耕地1.2万亩。', at: '1.2', kind: 'measure', value: 12000, unit: '亩' },
  { text: '日烘干能力600吨。', at: '600', kind: 'measure', value: 600, unit: '吨' },
  { text: '24小时内响应。', at: '24', kind: 'time', value: 24, unit: '小时' },
  // Chinese numerals
  { text: '组建了十八个小组。', at: '十八', kind: 'count', value: 18, unit: '个', noun: '小组' },
  { text: '会员三百一十一人。', at: '三百一十一', kind: 'count', value: 311 },
  { text: '培训两万人次。', at: '两万', kind: 'count', value: 20000, unit: '人次' },
  { text: '廿五名队员到岗。', at: '廿五', kind: 'count', value: 25, unit: '名' },
  { text: '新建两个站点。', at: '两', kind: 'count', value: 2, unit: '个' },
  { text: '开展十项活动。', at: '十', kind: 'count', value: 10, unit: '项' },
  { text: '制造业等三大行业。', at: '三', kind: 'count', value: 3, unit: '大' },
  { text: '建立四级架构。', at: '四', kind: 'count', value: 4, unit: '级' },
  { text: '一亿二千万元。', at: '一亿二千万', kind: 'money', value: 1.2e8 },
  // percentages
  { text: '办结率98.37%。', at: '98.37', kind: 'percent', value: 98.37 },
  { text: '办结率98.37％。', at: '98.37', kind: 'percent', value: 98.37 },
  { text: '占七成以上。', at: '七', kind: 'percent', value: 70, approx: true },
  { text: '约占三成五。', at: '三', kind: 'percent', value: 35, approx: true },
  { text: '单产5506公斤/公顷。', at: '5506', kind: 'rate', value: 5506 },
  { text: '占总数的60，其余为男性。', at: '60', kind: 'percent', value: 60 },
  { text: '提高6.4个百分点。', at: '6.4', kind: 'points', value: 6.4, role: 'delta' },
  { text: '增长近3倍。', at: '3', kind: 'multiple', approx: true },
  { text: '其中党员219人，占70.2%。', at: '70.2', kind: 'percent', role: 'share' },
  // approximate
  { text: '网格员近500名。', at: '500', kind: 'count', value: 500, approx: true },
  { text: '常住人口约9.6万人。', at: '9.6', kind: 'count', value: 96000, approx: true },
  { text: '调解纠纷300余起。', at: '300', kind: 'count', value: 300, approx: true, unit: '起' },
  { text: '持续了2个多月。', at: '2', kind: 'time', approx: true },
  { text: '增收120元左右。', at: '120', kind: 'money', approx: true },
  { text: '满意率达到96%以上。', at: '96', kind: 'percent', approx: true },
  { text: '3至5年内完成。', at: '3', kind: 'date', high: 5, approx: true },
  { text: '引进大师5名以上。', at: '5', kind: 'count', approx: true },
  { text: '配备三五名志愿者。', at: '三五', kind: 'count', value: 3, approx: true },
  { text: '只有两三家。', at: '两三', kind: 'count', value: 2, approx: true },
  { text: '建成数百个站点。', at: '百', kind: 'count', approx: true },
  { text: '开展活动十余次。', at: '十', kind: 'count', value: 10, approx: true },
  { text: '投入约3万余元。', at: '3', kind: 'money', approx: true },
  { text: '比例为60%～68%。', at: '60', kind: 'percent', value: 60, high: 68, approx: true, rate: null },
  // The words before the numeral the figure takes in, one to three characters (where the numeral starts is packed with them)
  { text: '参训人员不少于300人。', at: '300', kind: 'count', value: 300, approx: true },
  { text: '全年约1.2万人次参加。', at: '1.2', kind: 'count', value: 12000, approx: true },
  { text: '接待群众将近800人。', at: '800', kind: 'count', value: 800, approx: true },
  // A rate word, alone and with a range (a figure keeps the two in one field)
  { text: '全年信访办结率为95%。', at: '95', kind: 'percent', value: 95, rate: '信访办结率' },
  { text: '群众满意率达到90%～95%。', at: '90', kind: 'percent', value: 90, high: 95, rate: '群众满意率' },
  { text: '年度完成率为3.5%。', at: '3.5', kind: 'percent', value: 3.5, rate: '年度完成率' },
  { text: '超过1000万元的有41家。', at: '1000', kind: 'money', approx: true },
  // not counts
  { text: '第三届技能竞赛。', at: '三', kind: 'ordinal' },
  { text: '连续第11年开展。', at: '11', kind: 'ordinal' },
  { text: '党的十八届三中全会。', at: '十八', kind: 'session' },
  { text: '党的十八届三中全会。', at: '三', kind: 'session' },
  { text: '省委会七届二次全委会。', at: '二', kind: 'session' },
  { text: '学习党的二十大精神。', at: '二十', kind: 'ordinal' },
  { text: '庆祝建校68周年。', at: '68', kind: 'ordinal' },
  { text: '2013年7月以来。', at: '2013', kind: 'date' },
  { text: '2013年7月以来。', at: '7', kind: 'date' },
  { text: '开展“五个一”活动。', at: '五', kind: 'name' },
  { text: '落实“十四五”规划。', at: '十四五', kind: 'name', none: true },
  { text: '市委“6+3论坛”发言1篇。', at: '6', kind: 'name' },
  { text: '世界500强企业6家。', at: '500', kind: 'name' },
  { text: '拨打12345热线。', at: '12345', kind: 'code' },
  { text: '执行GB/T 9704标准。', at: '9704', kind: 'code' },
  { text: '评为“五星级”党支部。', at: '五', kind: 'name' },
  { text: '一是基础不牢。二是能力不足。', at: '二', kind: 'marker', value: 2 },
  { text: '平均年龄为35岁。', at: '35', kind: 'age' },
  { text: '35周岁以下青年。', at: '35', kind: 'age' },
  { text: '2023届毕业生。', at: '2023', kind: 'session' },
  { text: '高度重视，十分关心。', at: '十', kind: 'bare' },
  { text: '走访万家企业。', at: '万', kind: 'count', value: NaN },
  // roles
  { text: '由2021年的48小时缩短到12小时。', at: '48', kind: 'time', role: 'from' },
  { text: '由2021年的48小时缩短到12小时。', at: '12', kind: 'time', role: 'to' },
  { text: '较上年的856家增加506家。', at: '506', kind: 'count', role: 'delta' },
  { text: '每个网格配备1名网格员。', at: '1', kind: 'count', role: 'per' },
  { text: '社均136.6万元。', at: '136.6', kind: 'money', role: 'per' },
  { text: '力争2025年底达到20个。', at: '20个', kind: 'count', role: 'target' },
  // Roles found only by a character inside the words before the figure (占, 从, 均), not by their last one
  { text: '党员人数从56人增加到80人。', at: '56', kind: 'count', role: 'from' },
  { text: '其中女性占45%。', at: '45', kind: 'percent', role: 'share' },
  { text: '农民人均收入2.3万元。', at: '2.3', kind: 'money', role: 'per' },
  { text: '党员人数56人。', at: '56', kind: 'count', role: undefined },
  // garbled
  { text: '高校支部\uFFFD2个。', at: '2', kind: 'count', unknown: true },
];

function find(text: string, at: string): { q: Quantity | undefined; view: string } {
  const doc = new ReportDocument(text);
  const v = doc.view.text.indexOf(at);
  return { view: doc.view.text, q: quantities(doc).find((q) => q.numStart === v || (q.numStart <= v && v < q.numEnd)) };
}

for (const r of ROWS) {
  test(`reads ${r.text} @ ${r.at}`, () => {
    const { q, view } = find(r.text, r.at);
    if (r.value !== undefined && Number.isNaN(r.value)) {
      assert.ok(!q || q.kind !== 'count', `万家 must not be read as a count: ${q?.kind}`);
      return;
    }
    if (!q && r.none) return;
    assert.ok(q, 'no quantity read');
    assert.equal(q.kind, r.kind, `kind of the figure at ${r.at} in ${r.text}`);
    if (r.value !== undefined) assert.ok(Math.abs(q.value - r.value) < 1e-6, `value ${q.value} ≠ ${r.value}`);
    if (r.high !== undefined) assert.equal(q.high, r.high);
    if (r.rate !== undefined) assert.equal(q.rate, r.rate ?? undefined, 'rate');
    if (r.unit !== undefined) assert.equal(q.unit?.unit, r.unit);
    if (r.approx !== undefined) assert.equal(q.approx, r.approx, 'approx');
    if (r.noun !== undefined) assert.equal(nounOf(view, q), r.noun);
    if ('role' in r) assert.equal(q.role, r.role, 'role');
    if (r.unknown !== undefined) assert.equal(q.unknown, r.unknown, 'unknown');
  });
}

test('Chinese numerals', () => {
  const cases: [string, number | undefined][] = [
    ['十', 10], ['十八', 18], ['二十', 20], ['三百一十一', 311], ['一千零五', 1005], ['两万', 20000],
    ['一万二千', 12000], ['三亿五千万', 350000000], ['一亿二千万', 120000000], ['廿', 20], ['廿五', 25],
    ['二〇二四', 2024], ['九', 9], ['二三', undefined], ['万', undefined],
  ];
  for (const [s, v] of cases) assert.equal(parseChineseNumeral(s), v, s);
});

// Arabic numbers are read in place (no string, no Number() call, for at most 15 digits): the
// value must be the very double Number() gives for the digits as written, separators
// dropped, and the decimals the digits after the point.
test('Arabic numbers read in place: the value Number() reads, the decimals written', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const grouped = (int: string, sep: string) => {
    const head = int.length % 3 || 3;
    let out = int.slice(0, head);
    for (let k = head; k < int.length; k += 3) out += sep + int.slice(k, k + 3);
    return out;
  };
  fc.assert(
    fc.property(digits(1, 19), digits(0, 9), fc.constantFrom('', ',', ' ', '\u2009'), (int, frac, sep) => {
      const written = (sep ? grouped(int, sep) : int) + (frac ? '.' + frac : '');
      const doc = new ReportDocument(`全县共有${written}个村。`);
      const q = quantities(doc)[0];
      assert.ok(q, `no figure in ${written}`);
      // A space-grouped number is one number only when it has a group of three after a first of one to three.
      const oneNumber = q.numEnd - q.numStart === written.length;
      if (!oneNumber) return;
      assert.ok(Object.is(q.value, Number(int + (frac ? '.' + frac : ''))), `${written}: ${q.value}`);
      assert.equal(q.decimals, frac.length, `decimals of ${written}`);
    }),
    { numRuns: 3000 },
  );
});

// A clause keeps its sentence and its stop packed in one number (clauses.ts infoOf): read
// back, they are what a plain reading of the marks gives — a clause ends at each of ，；：
// (its stop) and at each of 。！？ (stop ''), a sentence at each of 。！？ and at a line's end.
test('clauses: start, end, stop and sentence as the marks say', () => {
  const line = fc.array(fc.constantFrom('甲', '乙', '村', '，', '；', '：', '。', '！', '？'), { maxLength: 40 }).map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      const text = lines.join('\n');
      const clauses = clausesOf(new ReportDocument(text));
      const got = Array.from({ length: clauses.clauseCount }, (_, k) => clauses.clause(k)!).map((c) => [c.start, c.end, c.stop, c.sentence]);
      const want: [number, number, string, number][] = [];
      let sentence = 0;
      let at = 0;
      for (const l of lines) {
        let from = 0;
        let open = false;
        for (let i = 0; i < l.length; i++) {
          if ('，；：'.includes(l[i])) {
            want.push([at + from, at + i, l[i], sentence]);
            open = true;
            from = i + 1;
          } else if ('。！？'.includes(l[i])) {
            want.push([at + from, at + i, '', sentence++]);
            open = false;
            from = i + 1;
          }
        }
        if (l.length > from) {
          want.push([at + from, at + l.length, '', sentence]);
          open = true;
        }
        if (open) sentence++;
        at += l.length + 1;
      }
      assert.deepEqual(got, want, JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});

// Phrases find each figure's clause with a cursor walked forward (Clauses.cursor): for offsets
// in ascending order it must answer as clauseAt does, brackets and quotes included.
test('clauses: the cursor answers as clauseAt for ascending offsets; asides hold their own clauses', () => {
  const text = fc.array(fc.constantFrom('甲', '乙', '3', '，', '；', '。', '（', '）', '“', '”', '【', '】', '\n'), { maxLength: 80 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 3 }), (t, step) => {
      const clauses = clausesOf(new ReportDocument(t));
      const at = clauses.cursor();
      const ref = clauses.refCursor();
      for (let i = 0; i <= t.length; i += step) {
        const c = clauses.clauseAt(i);
        assert.deepEqual(at(i), c, `${JSON.stringify(t)} at ${i}`);
        // The cursor by number names the same clause, and knows where it starts.
        const r = ref(i);
        assert.equal(r, c ? clauses.refOf(c) : NO_CLAUSE, `${JSON.stringify(t)} at ${i}: ref`);
        if (c) assert.equal(clauses.startOfRef(r), c.start, `${JSON.stringify(t)} at ${i}: start`);
      }
      // Each aside's clauses are its own (packed aside after aside): in its brackets, in order,
      // each knowing its aside and its place.
      for (let n = 0; n < clauses.asideCount; n++) {
        const a = clauses.aside(n)!;
        let from = a.open + 1;
        for (let k = 0; k < a.size; k++) {
          const c = clauses.clauseOfAside(n, k)!;
          assert.ok(c.inAside === n && c.index === k && c.start === from && c.end <= a.close, `${JSON.stringify(t)}: clause ${k} of the aside at ${a.open}`);
          from = c.end + 1;
        }
      }
    }),
    { numRuns: 1000 },
  );
});

// A bracket's content is an aside: the brackets each line matches (innermost first, as a
// stack does), taken outermost first, left to right.
test('clauses: the asides are the outermost matched brackets of each line', () => {
  const line = fc.array(fc.constantFrom('甲', '，', '。', '（', '（', '）', '）'), { maxLength: 30 }).map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
      const text = lines.join('\n');
      const want: [number, number][] = [];
      let at = 0;
      for (const l of lines) {
        const close = new Map<number, number>();
        const stack: number[] = [];
        for (let i = 0; i < l.length; i++) {
          if (l[i] === '（') stack.push(i);
          else if (l[i] === '）' && stack.length) close.set(stack.pop()!, i);
        }
        for (let i = 0; i < l.length; i++) {
          const c = close.get(i);
          if (c === undefined) continue;
          want.push([at + i, at + c]);
          i = c;
        }
        at += l.length + 1;
      }
      const clauses = clausesOf(new ReportDocument(text));
      assert.deepEqual(Array.from({ length: clauses.asideCount }, (_, n) => [clauses.aside(n)!.open, clauses.aside(n)!.close]), want, JSON.stringify(text));
    }),
    { numRuns: 1000 },
  );
});

test('a figure longer than its packed lengths hold (4,095 characters) reads its span and unit all the same', () => {
  for (const [digits, rest] of [[4094, ''], [4095, '至' + '9'.repeat(4100)], [5000, '至' + '9'.repeat(5000)]] as const) {
    const text = `共有${'1'.repeat(digits)}${rest}个支部。`;
    const qs = quantities(new ReportDocument(text));
    assert.equal(qs.length, 1, `${digits} digits`);
    const q = qs[0];
    assert.deepEqual([q.start, q.numStart, q.numEnd, q.end, q.unit?.unit, q.after, q.high !== undefined], [2, 2, 2 + digits, text.length - 3, '个', '支部', rest !== ''], `${digits} digits`);
  }
});

// Rules that look at a phrase's first character, marker or words read them in place
// (Phrases.leadCode, markerOf, preOf, inAside) before they make the phrase: each must read what
// the phrase itself says, for every figure — markers, list joins, brackets cut out of the words,
// an age band before the noun, figures outside every clause.
test('phrases: what is read in place is what the phrase says', () => {
  const same = (t: string) => {
    const doc = new ReportDocument(t);
    const qs = quantities(doc);
    const phrases = phrasesOf(doc);
    for (let k = 0; k < qs.length; k++) {
      const p = phrases.at(k);
      const where = `${JSON.stringify(t.slice(0, 60))}: figure ${k} (${JSON.stringify(t.slice(qs[k].start, qs[k].end))})`;
      assert.equal(phrases.markerOf(k), p?.marker ?? '', `${where}: marker`);
      assert.equal(phrases.preOf(k), p?.pre ?? '', `${where}: pre`);
      assert.equal(phrases.inAside(k), !!p && p.clause.inAside >= 0, `${where}: in an aside`);
      assert.ok(Object.is(phrases.leadCode(k), p ? (p.marker || p.pre).charCodeAt(0) : NaN), `${where}: first character`);
    }
    return qs.length;
  };
  // The reports of the corpus: every kind of figure a report has.
  const dir = CORPUS;
  let figures = 0;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) figures += same(fs.readFileSync(path.join(dir, f), 'utf8'));
  assert.ok(figures > 500, `${figures} figures read in the corpus`);
  // Random clauses dense in markers, joins, brackets and age bands.
  const piece = fc.constantFrom('其中', '共有', '分别为', '合计', '含', '和', '及', '、', '（', '）', '甲乙', '支部', '3', '45岁以下', '18个', '5人', '，', '。', '：', '\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (a) => {
      same(a.join(''));
    }),
    { numRuns: 1500 },
  );
});

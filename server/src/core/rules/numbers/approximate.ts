// numbers/approximate — an estimate made of two adjacent numbers is written in Chinese
// numerals with no 顿号: `3、4个月` → `三四个月`, `5、6人` → `五六人` (GB/T 15835—2011,
// 汉字数字: 相邻的两个数字并列连用表示概数时用汉字数字，中间不用顿号).
// `第3、4名` (ordinals), list items (`1、` at a line start) and `3至5年` are left alone.
import type { Rule } from '../../rule';
import { MEASURE } from '../punct/dunhao';
import { scope, capped, textLines } from '../../model/scope';

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PAIR = /(\d)、(\d)/g;

export const approximate: Rule = {
  id: 'numbers/approximate',
  description: {
    zh: '相邻两数连用表示概数时用汉字数字且不加顿号：3、4个月 → 三四个月',
    en: 'An estimate of two adjacent numbers is written in Chinese numerals: 3、4个月 → 三四个月',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const report = capped(ctx);
    const s = scope(doc);
    for (const { line, str } of textLines(doc, s)) {
      if (!str.includes('、')) continue;
      PAIR.lastIndex = 0;
      for (let m = PAIR.exec(str); m; m = PAIR.exec(str)) {
        const at = m.index;
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (b - a < 1 || b - a > 2 || a === 0) continue;
        const before = str[at - 1];
        // Part of a longer number, an enumeration (1、2、3), an ordinal (第3、4), a list item.
        if (before && /[\d.、第%]/.test(before)) continue;
        if (!str.slice(0, at).trim()) continue;
        let k = at + 3;
        if ('十百千万'.includes(str[k])) k++;
        const unit = str[k];
        if (!MEASURE.includes(unit) || str[k + 1] === '级' || str[k] === '、') continue;
        const start = line.start + at;
        if (s.skip(start)) continue;
        const right = CN[a] + CN[b];
        report({
          start,
          end: start + 3,
          message: { zh: `概数“${m[0]}”应写作“${right}”`, en: `Estimate “${m[0]}”: write “${right}”` },
          fix: { title: { zh: `改为“${right}”`, en: `Write “${right}”` }, edits: [{ start, end: start + 3, newText: right }], safe: true },
        });
      }
    }
  },
};

// numbers/approximate — an estimate made of two adjacent numbers is written in Chinese
// numerals with no 顿号: `3、4个月` → `三四个月`, `5、6人` → `五六人`, `20、30人` → `二三十人`,
// `1、2个` → `一两个` (GB/T 15835—2011, 汉字数字: 相邻的两个数字并列连用表示概数时用汉字数字，
// 中间不用顿号; its own example is 一两个小时).
// `第3、4名` (ordinals), list items (`1、` at a line start) and `3至5年` are left alone.
import type { Rule } from '../../rule';
import { estimate, MEASURE } from '../punct/dunhao';
import { scope, capped, eachLineMatch, MAX_FINDINGS } from '../../model/scope';

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** `3、4`, and the tens `20、30` (二三十), hundreds `200、300` (两三百), thousands (两三千). */
const PAIR = /(\d)(0{0,3})、(\d)(0{0,3})(?!\d)/g;
const PLACE = ['', '十', '百', '千'];

export const approximate: Rule = {
  id: 'numbers/approximate',
  description: {
    zh: '相邻两数连用表示概数时用汉字数字，中间不用顿号：“3、4个月”应为“三四个月”',
    en: 'An estimate of two adjacent numbers is written in Chinese numerals: “3、4个月” → “三四个月”',
  },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  check(doc, ctx) {
    const report = capped(ctx);
    const s = scope(doc);
    eachLineMatch(doc, s, PAIR, '、', (line, str, m) => {
      const at = m.index;
      const a = Number(m[1]);
      const b = Number(m[3]);
      // The same place on both sides: 20、30 is an estimate, 2、30 and 20、3 are not.
      if (m[2] !== m[4]) return;
      if (b - a < 1 || b - a > 2 || a === 0) return;
      const before = str[at - 1];
      // Part of a longer number, an enumeration (1、2、3), an ordinal (第3、4), a list item.
      if (before && /[\d.、第%]/.test(before)) return;
      if (!str.slice(0, at).trim()) return;
      const end = at + m[0].length;
      let k = end;
      if ('十百千万'.includes(str[k])) k++;
      const unit = str[k];
      if (!MEASURE.includes(unit) || str[k + 1] === '级' || str[k + 1] === '代' || str[k] === '、') return;
      // `分别为20、30人` gives two values, one each: a list, not an estimate.
      if (/分别|依次|各为/.test(str.slice(Math.max(0, at - 8), at))) return;
      // 20、30十 is no number; 20、30万 is two or three hundred thousand, but then 万 is the place.
      const place = PLACE[m[2].length];
      if (place && k !== end && str[end] !== '万') return;
      const start = line.start + at;
      if (s.skip(start)) return;
      const right = estimate(CN[a], CN[b], place || str[end]) + place;
      report({
        start,
        end: line.start + end,
        message: { zh: `概数用汉字数字，中间不用顿号，“${m[0]}”应为“${right}”`, en: `Estimate “${m[0]}”: write “${right}” (Chinese numerals, no comma)` },
        fix: { title: { zh: `改为“${right}”`, en: `Write “${right}”` }, edits: [{ start, end: line.start + end, newText: right }], safe: true },
      });
    });
  },
};

// 日期: a date must exist (2月30日 does not; 2024年2月29日 does) and follow GB/T 9704:
// no leading zeros (2024年3月5日, not 2024年03月05日) and no abbreviated year (13年7月).
import type { ReportDocument } from '../../model/document';
import type { Msg } from '../../types';
import type { Relation } from '../../figures/relation';
import { relationRule } from './relation-rule';

const RULE = 'figures/date';
// Bounded: digits only, no nested quantifiers.
const DATE = /(\d{2,4})年(\d{1,2})月(?:(\d{1,2})日)?|(\d{1,2})月(\d{1,2})日/g;

function daysIn(month: number, year?: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const date = relationRule({
  id: RULE,
  perLine: true,
  description: { zh: '日期应真实存在，并按GB/T 9704书写（不补零、不省略年份）', en: 'A date must exist and follow GB/T 9704 (no leading zeros, no abbreviated year)' },
  fixable: true,
  find: findDates,
});

/** A date that is wrong: no figures involved, the arithmetic is what is wrong with it. */
function wrong(start: number, end: number, severity: Relation['severity'], arithmetic: string, message: Msg): Relation {
  return { rule: RULE, ok: false, severity, start, end, quantities: [], arithmetic, message };
}

function findDates(doc: ReportDocument): Relation[] {
  const text = doc.view.text;
  const out: Relation[] = [];
  // Every date has a 月: the next 月 at or after the line's start, found once for all the
  // lines before it (most lines have none and are not sliced).
  let moon = -1;
  for (let n = 0; n < doc.viewLines.length; n++) {
    const line = doc.viewLines.at(n);
    if (moon < line.start) {
      moon = text.indexOf('月', line.start);
      if (moon < 0) break;
    }
    if (moon >= line.end || doc.boilerplate.has(line.index)) continue;
    const s = text.slice(line.start, line.end);
    DATE.lastIndex = 0;
    for (let m = DATE.exec(s); m; m = DATE.exec(s)) {
      const start = line.start + m.index;
      const end = start + m[0].length;
      // Part of a longer number (12024年) or a range's second half is not a date of its own.
      const prev = text[start - 1];
      if (prev !== undefined && /[\d.]/.test(prev)) continue;
      const yearText = m[1];
      const monthText = m[2] ?? m[4];
      const dayText = m[3] ?? m[5];
      const year = yearText && yearText.length === 4 ? Number(yearText) : undefined;
      const month = Number(monthText);
      const day = dayText !== undefined ? Number(dayText) : undefined;
      const shown = m[0];
      if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > daysIn(month, year)))) {
        const why = month < 1 || month > 12 ? `${month}月` : `${month}月只有${daysIn(month, year)}天`;
        const whyEn = month < 1 || month > 12 ? `there is no month ${month}` : `month ${month} has ${daysIn(month, year)} days`;
        out.push(wrong(start, end, 'error', why, { zh: `日期“${shown}”不存在：${why}`, en: `Impossible date “${shown}”: ${whyEn}` }));
        continue;
      }
      const padded = /^0\d/.test(monthText) || (dayText !== undefined && /^0\d/.test(dayText));
      const shortYear = yearText !== undefined && yearText.length === 2;
      if (shortYear) {
        // 13年7月: only when followed by 月 (a date, not a duration like 13年来).
        out.push(wrong(start, end, 'warning', `${yearText}年`, { zh: `“${shown}”的年份应写全四位`, en: `Write the year of “${shown}” in four digits` }));
        continue;
      }
      if (padded) {
        const right = `${yearText ? `${yearText}年` : ''}${month}月${day !== undefined ? `${day}日` : ''}`;
        out.push({
          ...wrong(start, end, 'warning', `${shown} → ${right}`, { zh: `日期“${shown}”不应补零，应为“${right}”（GB/T 9704）`, en: `No leading zeros in “${shown}”: write “${right}” (GB/T 9704)` }),
          fix: (toOrig) => ({
            title: { zh: `改为“${right}”`, en: `Write “${right}”` },
            edits: [{ ...toOrig(start, end), newText: right }],
            safe: true,
          }),
        });
      }
    }
  }
  return out;
}

// numbers/abbreviated-year — a year is written in full: `13年7月` → `2013年7月`,
// `’08年` → `2008年` (GB/T 15835—2011: 年份不能简写). A bare `13年`
// can be a duration (工作13年), so two digits count as a year only before a month, or
// with a leading zero or an apostrophe.
import type { Rule } from '../../rule';
import { scope, capped, eachLineMatch, MAX_FINDINGS } from '../../model/scope';

const SHORT = /(['’‘]?)(\d{2})年(?=(\d{1,2})月|)/g;

export const abbreviatedYear: Rule = {
  id: 'numbers/abbreviated-year',
  description: { zh: '年份不简写：“13年7月”应为“2013年7月”', en: 'Years are written in full: “13年7月” → “2013年7月”' },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  check(doc, ctx) {
    const report = capped(ctx);
    const s = scope(doc);
    const thisYear = new Date().getFullYear() % 100;
    eachLineMatch(doc, s, SHORT, '年', (line, str, m) => {
      const at = m.index;
      const before = str[at - 1];
      if (before && /[\d.第近约余多]/.test(before)) return;
      const yy = Number(m[2]);
      const month = m[3] !== undefined ? Number(m[3]) : 0;
      const isYear = m[1] !== '' || m[2][0] === '0' || (month >= 1 && month <= 12);
      if (!isYear) return;
      const start = line.start + at;
      if (s.skip(start)) return;
      const full = String(yy <= thisYear + 1 ? 2000 + yy : 1900 + yy);
      const end = start + m[0].length;
      report({
        start,
        end,
        message: { zh: `年份不简写，“${m[0]}”应写全，如“${full}年”`, en: `Abbreviated year “${m[0]}”: write it in full, e.g. “${full}年”` },
        fix: { title: { zh: `改为“${full}年”`, en: `Write “${full}年”` }, edits: [{ start, end, newText: `${full}年` }], safe: false },
      });
    });
  },
};

// punct/range — the connecting mark of a range (GB/T 15834—2011 4.13 连接号): a range of
// values takes the wave dash `～` (`60%～68%`, `3～5个`); a span of years the one-em
// dash `—` (`2023—2025年`). A hyphen, en dash or ASCII tilde there is replaced. Dates
// (2014-11-24), phone numbers, standard numbers (GB/T 15834-2011) and codes are not ranges.
import type { Rule } from '../../rule';
import { DASH, scope, capped, eachLineMatch, MAX_FINDINGS } from '../../model/scope';

// number[unit] DASH number — matched on ASCII digits only; a chain of three is a date/code.
export const RANGE = /(\d{1,12}(?:\.\d{1,12})?)(%|[万亿千百]?)\s?([-–~〜－])\s?(\d{1,12}(?:\.\d{1,12})?)(%?)/g;

export const range: Rule = {
  id: 'punct/range',
  description: {
    zh: '数值范围用浪纹线“～”，如“60%～68%”；年份起止用一字线“—”，如“2023—2025年”',
    en: 'A range of values takes the wave dash “～” (“60%～68%”); a span of years the dash “—” (“2023—2025年”)',
  },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  check(doc, ctx) {
    const report = capped(ctx);
    const s = scope(doc);
    eachLineMatch(doc, s, RANGE, s.finder(DASH) /* one of -–~〜－ */, (line, str, m) => {
      const at = m.index;
      const end = at + m[0].length;
      const before = str[at - 1];
      const after = str[end];
      // Part of a longer token: 2014-11-24, GB/T 15834-2011, A3-5, 0792-8888888-1, 1.2.3-4.
      if (before && /[0-9A-Za-z./:_\-–－]/.test(before)) return;
      if (before === ' ' && /[A-Za-z/]/.test(str[at - 2] ?? '')) return;
      if (after && /[0-9A-Za-z\-–－.]/.test(after)) return;
      // A leading zero or seven digits is a code or phone number (0791-88888888转), not a value.
      if (/^0\d|^\d{7}/.test(m[1]) || /^0\d|^\d{7}/.test(m[4])) return;
      const dashAt = line.start + at + m[1].length + m[2].length + (str[at + m[1].length + m[2].length] === ' ' ? 1 : 0);
      if (s.skip(dashAt)) return;
      const years = /^(?:19|20)\d\d$/.test(m[1]) && /^(?:19|20)\d\d$/.test(m[4]) && after === '年';
      const values = m[2] === '%' || m[5] === '%' || (after !== undefined && /[\u4e00-\u9fff]/.test(after));
      if (!years && !values) return;
      // A wave dash for years, or `—` for values, is also accepted.
      if (years && (m[3] === '～')) return;
      const mark = years ? '—' : '～';
      const shown = m[0];
      const right = doc.text.slice(line.start + at, dashAt) + mark + doc.text.slice(dashAt + 1, line.start + end);
      report({
        start: dashAt,
        end: dashAt + 1,
        message: years
          ? { zh: `年份起止用一字线，“${shown}”应为“${right}”`, en: `A span of years takes “—”: write “${right}” for “${shown}”` }
          : { zh: `数值范围用浪纹线，“${shown}”应为“${right}”`, en: `A range takes “～”: write “${right}” for “${shown}”` },
        fix: { title: { zh: `改为“${mark}”`, en: `Write “${mark}”` }, edits: [{ start: dashAt, end: dashAt + 1, newText: mark }], safe: true },
      });
    });
  },
};

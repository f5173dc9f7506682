// punct/range — the connecting mark of a range (GB/T 15834—2011 4.13 连接号): a range of
// values takes the wave dash `～` (`60%～68%`, `3～5个`); the start and end of a time takes
// the one-em dash `—`: years (`2023—2025年`, `2021—2022学年`), months of a year (`1—9月`),
// days of a month (`5—10日`), quarters (`1—3季度`), hours of the day (`8—12时`). A hyphen, en
// dash or ASCII tilde there is replaced. Dates (2014-11-24), phone numbers, standard numbers
// (GB/T 15834-2011), codes and the numbers of tables and figures (表5-1, 图3-2) are not ranges,
// nor is a pair that runs downwards (5-1).
import type { Rule } from '../../rule';
import { DASH, scope, capped, eachLineMatch, MAX_FINDINGS } from '../../model/scope';

// number[unit] DASH number — matched on ASCII digits only; a chain of three is a date/code.
export const RANGE = /(\d{1,12}(?:\.\d{1,12})?)(%|[万亿千百]?)\s?([-–~〜－])\s?(\d{1,12}(?:\.\d{1,12})?)(%?)/g;

/** What a number after these characters is the label of: 表5-1, 图3-2, 式2-1, 附表1-3. */
const LABEL = new Set(['表', '图', '圖', '式']);

const isYear = (s: string): boolean => /^(?:19|20)\d\d$/.test(s);
/** A number from 1 to `max`, written in one or two digits. */
const upTo = (s: string, max: number): boolean => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= max;

/**
 * The start and end of a time, by what follows the second number (GB/T 15834—2011 4.13:
 * 时间的起止用一字线), with that word: calendar years before 年, 年度 or 学年 (2021-2022学年),
 * months of a year before 月 (1-9月, 1-6月份), days of a month between 月 and 日 (3月5-10日),
 * quarters before 季度 (1-3季度), hours of the day before 时 (8-12时). A count of them (3-5年,
 * 3-5个月, 3-5天, 5-7日内, 2-3小时) is a range of values.
 */
function timeSpan(a: string, b: string, str: string, at: number, end: number): { kind: 'years' | 'months' | 'days' | 'quarters' | 'hours'; word: string } | undefined {
  const next = str[end];
  const two = str.slice(end, end + 2);
  if (isYear(a) && isYear(b)) {
    if (next === '年') return { kind: 'years', word: next };
    if (two === '学年' || two === '學年') return { kind: 'years', word: two };
  }
  if (next === '月' && upTo(a, 12) && upTo(b, 12)) return { kind: 'months', word: next };
  if (next === '日' && str[at - 1] === '月' && upTo(a, 31) && upTo(b, 31)) return { kind: 'days', word: next };
  if (two === '季度' && upTo(a, 4) && upTo(b, 4)) return { kind: 'quarters', word: two };
  if ((next === '时' || next === '時') && upTo(a, 24) && upTo(b, 24)) return { kind: 'hours', word: next };
  return undefined;
}

export const range: Rule = {
  id: 'punct/range',
  description: {
    zh: '数值范围用浪纹线“～”，如“60%～68%”；时间起止用一字线“—”，如“2023—2025年”“1—9月”',
    en: 'A range of values takes the wave dash “～” (“60%～68%”); the span of a time the dash “—” (“2023—2025年”, “1—9月”)',
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
      // The number of a table, a figure or a formula (表5-1, 图3-2, 式2-1): a label, not a range.
      if (before && LABEL.has(before)) return;
      // A range runs upwards: 5-1 is a label or a score, not the values from 5 to 1.
      if (m[2] === '' && m[5] === '' && Number(m[4]) <= Number(m[1])) return;
      const time = m[2] === '' && m[5] === '' ? timeSpan(m[1], m[4], str, at, end) : undefined;
      const values = m[2] === '%' || m[5] === '%' || (after !== undefined && /[\u4e00-\u9fff]/.test(after));
      if (!time && !values) return;
      const mark = time ? '—' : '～';
      // A time is shown with its word (“1-9月”, “2022-2023学年”): the numbers alone do not say what they count.
      const word = time?.word ?? '';
      const shown = m[0] + word;
      const right = doc.text.slice(line.start + at, dashAt) + mark + doc.text.slice(dashAt + 1, line.start + end) + word;
      report({
        start: dashAt,
        end: dashAt + 1,
        message: time?.kind === 'years'
          ? { zh: `年份起止用一字线，“${shown}”应为“${right}”`, en: `A span of years takes “—”: write “${right}” for “${shown}”` }
          : time
            ? { zh: `时间起止用一字线，“${shown}”应为“${right}”`, en: `A span of ${time.kind} takes “—”: write “${right}” for “${shown}”` }
            : { zh: `数值范围用浪纹线，“${shown}”应为“${right}”`, en: `A range takes “～”: write “${right}” for “${shown}”` },
        fix: { title: { zh: `改为“${mark}”`, en: `Write “${mark}”` }, edits: [{ start: dashAt, end: dashAt + 1, newText: mark }], safe: true },
      });
    });
  },
};

// text/length-limit — the report is longer than the `lengthLimit` setting (字数, counted
// as Word/WPS count it: see core/count.ts). Off unless a limit is set.
import { countChars } from '../../authoring/count';
import type { Rule } from '../../rule';

export const lengthLimit: Rule = {
  id: 'text/length-limit',
  description: {
    zh: '报告字数超过设置“workreport.lengthLimit”的上限',
    en: 'The report is longer than the setting “workreport.lengthLimit” allows',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    const limit = ctx.config.lengthLimit;
    if (!(limit > 0)) return;
    const words = doc.memo('count:total', () => countChars(doc.text)).words;
    if (words <= limit) return;
    // Point at the first line with text (the title), not at the whole document.
    const first = doc.lines.find((l) => doc.text.slice(l.start, l.end).trim()) ?? doc.lines[0];
    const lead = doc.text.slice(first.start, first.end).search(/\S/);
    const start = first.start + Math.max(0, lead);
    const n = (x: number) => x.toLocaleString('en-US');
    ctx.report({
      start,
      end: first.end,
      message: {
        zh: `全文${words}字，超过上限${limit}字，多${words - limit}字`,
        en: `The report has ${n(words)} characters, ${n(words - limit)} over the limit of ${n(limit)}`,
      },
    });
  },
};

// punct/unpaired — a quotation mark, 书名号 or bracket with no partner in its paragraph
// (GB/T 15834—2011 4.8 引号, 4.9 括号, 4.15 书名号: paired marks come in pairs).
import type { Rule } from '../../rule';
import { CLOSER_OF, OPENER_OF, scanPairs } from './pairs';

export const unpaired: Rule = {
  id: 'punct/unpaired',
  description: {
    zh: '成对的标点（引号、书名号、括号）缺少另一半',
    en: 'A paired mark (quotation mark, 书名号, bracket) has no partner',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    // A pasted run of thousands of brackets needs a few findings, not thousands.
    for (const m of scanPairs(doc).unpaired.slice(0, 500)) {
      const ch = doc.text[m.at];
      const partner = m.open ? CLOSER_OF[m.kind] : OPENER_OF[m.kind];
      ctx.report({
        start: m.at,
        end: m.at + 1,
        message: m.open
          ? { zh: `“${ch}”没有对应的“${partner}”`, en: `“${ch}” is never closed (no “${partner}” in this paragraph)` }
          : { zh: `“${ch}”前面没有对应的“${partner}”`, en: `“${ch}” closes nothing (no “${partner}” before it)` },
      });
    }
  },
};

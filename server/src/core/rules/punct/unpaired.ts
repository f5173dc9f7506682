// punct/unpaired — a quotation mark, 书名号 or bracket with no partner in its paragraph
// (GB/T 15834—2011 4.8 引号, 4.9 括号, 4.15 书名号: paired marks come in pairs).
import type { Rule } from '../../rule';
import { scanPairs, type PairKind } from './pairs';

/** The marks' names in GB/T 15834 (the side, 左/右, is added in the message). */
const NAMES: Record<PairKind, { zh: string; en: string }> = {
  double: { zh: '引号', en: 'quotation mark' },
  single: { zh: '单引号', en: 'single quotation mark' },
  book: { zh: '书名号', en: 'title mark' },
  angle: { zh: '单书名号', en: 'single title mark' },
  paren: { zh: '括号', en: 'bracket' },
  square: { zh: '方头括号', en: 'square bracket' },
  corner: { zh: '直角引号', en: 'corner quotation mark' },
  wcorner: { zh: '双直角引号', en: 'double corner quotation mark' },
};

/** A pasted run of thousands of brackets needs a few findings, not thousands. */
const MAX_UNPAIRED = 500;

export const unpaired: Rule = {
  id: 'punct/unpaired',
  description: {
    zh: '成对的标点（引号、书名号、括号）在本段缺少另一半',
    en: 'A paired mark (quotation mark, title mark, bracket) has no partner in its paragraph',
  },
  severity: 'warning',
  fixable: false,
  perLine: { cap: MAX_UNPAIRED },
  fold: { noun: { zh: '不成对的标点', en: 'unpaired marks' }, action: { zh: '应补全或删除', en: 'complete or remove them' } },
  check(doc, ctx) {
    for (const m of scanPairs(doc).unpaired.slice(0, MAX_UNPAIRED)) {
      const ch = doc.text[m.at];
      const n = NAMES[m.kind];
      // A double quotation mark is named, not quoted: “ inside “…” would read as a broken quotation.
      const shown = m.kind === 'double' ? '' : `“${ch}”`;
      ctx.report({
        start: m.at,
        end: m.at + 1,
        message: m.open
          ? { zh: `左${n.zh}${shown}在本段没有对应的右${n.zh}`, en: `Opening ${n.en}${shown ? ` ${shown}` : ''} is not closed in this paragraph` }
          : { zh: `右${n.zh}${shown}前面没有对应的左${n.zh}`, en: `Closing ${n.en}${shown ? ` ${shown}` : ''} has no opening one before it` },
      });
    }
  },
};

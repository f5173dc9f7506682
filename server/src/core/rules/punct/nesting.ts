// punct/nesting — quotation marks inside quotation marks: double outside, single inside
// (GB/T 15834—2011 4.8, 引号); a 书名号 inside a 书名号 uses 〈〉 (4.15, 书名号).
import type { Rule } from '../../rule';
import type { Fix, Msg } from '../../types';
import { scanPairs } from './pairs';

export const nesting: Rule = {
  id: 'punct/nesting',
  description: {
    zh: '引号、书名号的嵌套：外层用双引号，里层用单引号‘’；书名号内再用单书名号〈〉',
    en: 'Nested marks: double quotes outside, single quotes ‘’ inside; title marks 〈〉 inside 《》',
  },
  severity: 'warning',
  fixable: true,
  perLine: {},
  check(doc, ctx) {
    for (const p of scanPairs(doc).pairs) {
      const parent = p.outer[0];
      if (p.kind === 'double' && p.outer.includes('double')) {
        ctx.report({
          start: p.open,
          end: p.close + 1,
          message: { zh: '双引号内又用双引号，里层应为单引号‘’', en: 'Double quotes inside double quotes: write single quotes ‘’ inside' },
          fix: rewritePair(p, '‘', '’', { zh: '里层改为单引号‘’', en: 'Write ‘’ inside' }, false),
        });
      } else if (p.kind === 'double' && parent === 'single' && !p.outer.includes('double')) {
        ctx.report({
          start: p.open,
          end: p.close + 1,
          message: { zh: '单引号内套双引号，应为外层双引号、里层单引号', en: 'Double quotes inside single quotes: double quotes go outside, single inside' },
        });
      } else if (p.kind === 'book' && p.outer.includes('book')) {
        ctx.report({
          start: p.open,
          end: p.close + 1,
          message: { zh: '书名号内又用书名号，里层应为单书名号〈〉', en: 'Title marks 《》 inside 《》: write 〈〉 inside' },
          fix: rewritePair(p, '〈', '〉', { zh: '里层改为〈〉', en: 'Write 〈〉 inside' }, true),
        });
      }
    }
  },
};

/** Replace both marks of a pair (the inner level of a nesting). */
function rewritePair(p: { open: number; close: number }, open: string, close: string, title: Msg, safe: boolean): Fix {
  return {
    title,
    edits: [
      { start: p.open, end: p.open + 1, newText: open },
      { start: p.close, end: p.close + 1, newText: close },
    ],
    safe,
  };
}

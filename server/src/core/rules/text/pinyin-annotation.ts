// text/pinyin-annotation — 當(dāng)前位置 → 當前位置.
import type { Rule } from '../../rule';

export const pinyinAnnotation: Rule = {
  id: 'text/pinyin-annotation',
  description: {
    zh: '删除从网页复制时带入的拼音注音，如“當(dāng)”',
    en: 'Remove pinyin annotations pasted from web pages, e.g. 當(dāng)',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    for (const a of doc.annotations) {
      const shown = doc.text.slice(a.start, a.end);
      ctx.report({
        start: a.start,
        end: a.end,
        message: { zh: `拼音注音“${shown}”，应删除`, en: `Pinyin annotation “${shown}”: remove it` },
        fix: {
          title: { zh: `删除注音“${shown}”`, en: `Remove annotation “${shown}”` },
          edits: [{ start: a.start, end: a.end, newText: '' }],
          safe: true,
        },
      });
    }
  },
};

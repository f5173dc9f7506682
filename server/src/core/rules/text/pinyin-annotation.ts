// text/pinyin-annotation — 當(dāng)前位置 → 當前位置.
import type { Rule } from '../../rule';
import { hanBefore } from '../../model/chars';
import type { Msg } from '../../types';

export const pinyinAnnotation: Rule = {
  id: 'text/pinyin-annotation',
  description: {
    zh: '从网页复制时带入的拼音注音应删除，如“當(dāng)”应为“當”',
    en: 'Pinyin annotations pasted from web pages are removed: “當(dāng)” → “當”',
  },
  severity: 'warning',
  fixable: true,
  perLine: {},
  fold: { noun: { zh: '拼音注音', en: 'pinyin annotations' }, action: { zh: '应删除', en: 'remove them' } },
  check(doc, ctx) {
    const text = doc.text;
    // A pasted page repeats its annotations (當(dāng) hundreds of times): findings with the
    // same words share their message and fix title instead of building four strings each.
    const words = new Map<string, { message: Msg; title: Msg }>();
    for (const a of doc.annotations) {
      const shown = text.slice(a.start, a.end);
      const base = hanBefore(text, a.start);
      // `shown` starts with a bracket, which no Han character is: the key is unambiguous.
      const key = base + shown;
      let w = words.get(key);
      if (!w) {
        w = {
          message: base
            ? { zh: `“${base}”后的拼音注音“${shown}”应删除`, en: `Pinyin annotation “${shown}” after “${base}”: remove it` }
            : { zh: `拼音注音“${shown}”应删除`, en: `Pinyin annotation “${shown}”: remove it` },
          title: { zh: `删除注音“${shown}”`, en: `Remove “${shown}”` },
        };
        words.set(key, w);
      }
      ctx.report({
        start: a.start,
        end: a.end,
        message: w.message,
        fix: { title: w.title, edits: [{ start: a.start, end: a.end, newText: '' }], safe: true },
      });
    }
  },
};

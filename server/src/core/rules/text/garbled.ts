// text/garbled — text mangled by a wrong encoding (`確?;顒`, `高??傊?個`, `锟斤拷`, U+FFFD).
// The lost words cannot be recovered from what is left, so there is no fix: the writer
// restores them from the source. Figures inside a garbled run are unknown (the model
// reads them as U+FFFD) and no other rule's fix edits a garbled run.
import type { Rule } from '../../rule';

export const garbled: Rule = {
  id: 'text/garbled',
  description: {
    zh: '编码错误造成的乱码（如“確?;顒”“锟斤拷”“�”），应对照原文补全',
    en: 'Text garbled by a wrong encoding (“確?;顒”, “锟斤拷”, “�”): restore it from the source',
  },
  severity: 'error',
  fixable: false,
  perLine: {},
  check(doc, ctx) {
    for (const g of doc.garbled) {
      const shown = doc.text.slice(g.start, g.end);
      ctx.report({
        start: g.start,
        end: g.end,
        message: {
          zh: `“${shown}”是乱码，文字已丢失，应对照原文补全（其中的数字无法确定）`,
          en: `Garbled text “${shown}”: words were lost here; restore them from the source (any figure in it is unknown)`,
        },
      });
    }
  },
};

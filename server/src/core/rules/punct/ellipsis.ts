// punct/ellipsis — the Chinese ellipsis is six dots in two characters, `……` (GB/T
// 15834-2011, 4.11). `...`, `。。。`, `···`, a single `…` or three `…` are fixed to `……`;
// `…………` (twelve dots, a whole omitted paragraph) is correct. `...` in English runs
// and code is left alone.
import type { Rule } from '../../rule';
import { BOILERPLATE, SKIPPED, isChineseChar, nextIndex, prevIndex, scope, capped, MAX_FINDINGS } from '../../model/scope';

const RUN = /\.{3,}|。{3,}|[·・]{3,}|．{3,}|…+/g;

export const ellipsis: Rule = {
  id: 'punct/ellipsis',
  description: { zh: '省略号为“……”（两个“…”，共六点）', en: 'The ellipsis is “……” (two “…”, six dots)' },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    const lines = doc.lines;
    let li = 0;
    // One scan of the whole text, not one per line (a slice and a call into the pattern for each
    // of 14,000 lines where hardly any holds a run): a run holds no line break, so none crosses
    // a line, and the line of each is found walking forward. Page boilerplate is passed over,
    // as eachLineMatch does.
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (s.mask[start] & (SKIPPED | BOILERPLATE)) continue;
      while (lines[li].end <= start) li++;
      const line = lines[li];
      const run = m[0];
      if (run[0] === '…' && (run.length === 2 || run.length === 4)) continue;
      if (run[0] !== '…' && run[0] !== '。') {
        // ASCII or middle dots: only in Chinese text.
        const p = prevIndex(text, start, line.start);
        const n = nextIndex(text, end - 1, line.end);
        if (!(p >= 0 && isChineseChar(text, p)) && !(n >= 0 && isChineseChar(text, n))) continue;
      }
      report({
        start,
        end,
        message: { zh: `省略号“${run}”应为“……”`, en: `Ellipsis “${run}”: write “……”` },
        fix: { title: { zh: '改为“……”', en: 'Write “……”' }, edits: [{ start, end, newText: '……' }], safe: true },
      });
    }
  },
};

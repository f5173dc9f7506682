// text/boilerplate — page furniture pasted with the text from a web page: breadcrumbs
// (当前位置：首页 > …), 发布时间/来源 lines, 放大/缩小/打印/关闭窗口, 作者/责任编辑. The fix
// removes the whole line. Which lines these are is decided by model/boilerplate.ts.
import type { Rule } from '../../rule';
import { clip } from '../../quote';

export const boilerplate: Rule = {
  id: 'text/boilerplate',
  description: {
    zh: '从网页复制带入的栏目行（当前位置、发布时间、来源、放大、缩小、责任编辑等），不属于正文',
    en: 'Web-page furniture pasted with the text (breadcrumbs, date and source lines, zoom and print links, editor credits)',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const text = doc.text;
    const lines = doc.lines;
    for (const li of [...doc.boilerplate].sort((a, b) => a - b)) {
      const l = lines[li];
      const next = lines[li + 1];
      const blank = (k: number) => k >= 0 && k < lines.length && !text.slice(lines[k].start, lines[k].end).trim();
      // Remove the line with its own line break (the last line: with the break before it),
      // and the blank line that separated it, so no gap of blank lines is left behind.
      let edit;
      if (next) {
        const dropNext = blank(li + 1) && (li === 0 || blank(li - 1)) && lines[li + 2];
        edit = { start: l.start, end: dropNext ? lines[li + 2].start : next.start, newText: '' };
      } else {
        const from = li === 0 ? l.start : blank(li - 1) && li >= 2 ? lines[li - 2].end : lines[li - 1].end;
        edit = { start: from, end: l.end, newText: '' };
      }
      // The BOM stays: it is not part of the first line.
      if (edit.start === 0 && text.charCodeAt(0) === 0xfeff) edit.start = 1;
      const short = clip(text.slice(l.start, l.end).trim());
      ctx.report({
        start: l.start,
        end: l.end,
        message: { zh: `“${short}”是网页栏目文字，不属于正文，应删除此行`, en: `“${short}” is web-page furniture, not part of the report: remove the line` },
        fix: { title: { zh: '删除此行', en: 'Remove the line' }, edits: [edit], safe: true },
      });
    }
  },
};

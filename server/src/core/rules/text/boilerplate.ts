// text/boilerplate — page furniture pasted with the text from a web page: breadcrumbs
// (当前位置：首页 > …), 发布时间/来源 lines, 放大/缩小/打印/关闭窗口, 作者/责任编辑. The fix
// removes the whole line. Which lines these are is decided by model/boilerplate.ts.
import type { Rule } from '../../rule';

export const boilerplate: Rule = {
  id: 'text/boilerplate',
  description: {
    zh: '从网页复制带入的页面杂项行（当前位置、发布时间、来源、放大、缩小、责任编辑等）',
    en: 'Web-page furniture lines (breadcrumbs, 发布时间/来源, 放大/缩小, 责任编辑…)',
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
      const shown = text.slice(l.start, l.end).trim();
      const short = shown.length > 24 ? shown.slice(0, 24) + '…' : shown;
      ctx.report({
        start: l.start,
        end: l.end,
        message: { zh: `网页杂项行“${short}”，不属于报告正文`, en: `Web-page furniture “${short}”: not part of the report` },
        fix: { title: { zh: '删除此行', en: 'Remove this line' }, edits: [edit], safe: true },
      });
    }
  },
};

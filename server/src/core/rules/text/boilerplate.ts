// text/boilerplate — page furniture pasted with the text from a web page: breadcrumbs
// (当前位置：首页 > …), page controls and share buttons, previous/next links, copyright
// footers, the page's own metadata (发布时间, 浏览次数). The report's author, unit, editor
// and date lines are not furniture. The fix removes the whole line. Which lines these are
// is decided by model/boilerplate.ts, by their form.
import type { Rule } from '../../rule';
import { clip } from '../../quote';

export const boilerplate: Rule = {
  id: 'text/boilerplate',
  description: {
    zh: '从网页复制带入的栏目行（当前位置、放大、缩小、打印、分享、版权信息、发布时间、浏览次数等），不属于正文',
    en: 'Web-page furniture pasted with the text (breadcrumbs, zoom, print and share links, copyright footers, publication date and view counts)',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const text = doc.text;
    const lines = doc.lines;
    const isBlank = (k: number) => k >= 0 && k < lines.length && !text.slice(lines[k].start, lines[k].end).trim();
    // The last line of report text: furniture after it is a page footer.
    let lastText = lines.length - 1;
    while (lastText >= 0 && (doc.boilerplate.has(lastText) || isBlank(lastText))) lastText--;
    for (const li of [...doc.boilerplate].sort((a, b) => a - b)) {
      const l = lines[li];
      const next = lines[li + 1];
      // Remove the line with its own line break (the last line: with the break before it),
      // and the blank line that separated it, so no gap of blank lines is left behind.
      // After the last line of text (a page footer), each line goes with the line break and
      // blank lines before it, so consecutive footer lines give adjacent, not overlapping, edits.
      let edit;
      if (next && li < lastText) {
        const dropNext = isBlank(li + 1) && (li === 0 || isBlank(li - 1)) && lines[li + 2];
        edit = { start: l.start, end: dropNext ? lines[li + 2].start : next.start, newText: '' };
      } else {
        let k = li - 1;
        while (k >= 0 && isBlank(k)) k--;
        edit = { start: k < 0 ? l.start : lines[k].end, end: l.end, newText: '' };
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

// text/stray-space — spaces that do not belong in Chinese text: a space between two
// Chinese characters or marks in running text (`深入 学习`), no-break and other odd-width
// spaces, and invisible characters (zero-width space, joiners, soft hyphen, a BOM inside
// the text) pasted from web pages. Spaces between Chinese and Latin letters or digits are
// neither required nor flagged (official documents do not use them; never add them).
// Line-start indentation and spaces in title-like lines (固本强基 聚力同心) are left alone.
import type { Rule } from '../../rule';
import type { Report } from '../../types';
import { isChineseChar, scope, capped } from '../../model/scope';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;
const ODD_SPACE = /[\u00a0\u2002-\u200a\u202f\u205f]/;
const ANY_SPACE = /[ \u3000\u00a0\u2002-\u200a\u202f\u205f\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;

export const straySpace: Rule = {
  id: 'text/stray-space',
  description: {
    zh: '中文文本中多余的空格、不换行空格（U+00A0）和不可见字符',
    en: 'Stray spaces in Chinese text, no-break spaces (U+00A0) and invisible characters',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    for (const line of doc.lines) {
      if (line.end === line.start) continue;
      // Running text: a line with a Chinese comma or full stop. Title lines may use spaces.
      const str = text.slice(line.start, line.end);
      const prose = /[，。；]/.test(str);
      let i = line.start;
      // Indentation is layout, not a stray space, unless it holds odd characters.
      while (i < line.end && (text[i] === ' ' || text[i] === '\u3000' || text[i] === '\t')) i++;
      for (; i < line.end; i++) {
        if (!isSpaceCode(text.charCodeAt(i)) || (i === 0 && text[i] === '\ufeff') || s.mask[i] & 2) continue;
        let j = i;
        while (j < line.end && ANY_SPACE.test(text[j])) j++;
        const run = text.slice(i, j);
        const odd = INVISIBLE.test(run) || ODD_SPACE.test(run);
        const trailing = j === line.end;
        const between = i > line.start && isChineseChar(text, i - 1) && !trailing && isChineseChar(text, j);
        if (odd) reportOdd(report, text, i, j, between, trailing);
        else if (between && prose && !trailing) reportPlain(report, run, i, j);
        i = j - 1;
      }
    }
  },
};

function describe(run: string): string {
  const names = new Set<string>();
  for (const ch of run) {
    const c = ch.charCodeAt(0);
    names.add(c === 0x20 ? 'U+0020' : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...names].join(', ');
}

function reportOdd(report: (r: Report) => void, text: string, i: number, j: number, between: boolean, trailing: boolean): void {
  const run = text.slice(i, j);
  const visible = run.replace(new RegExp(INVISIBLE.source, 'g'), '');
  // Between Chinese, or only invisible characters: delete. Elsewhere: an ordinary space.
  const newText = between || !visible.length || trailing ? '' : ' ';
  report({
    start: i,
    end: j,
    message: {
      zh: `从网页带入的特殊空白或不可见字符（${describe(run)}）`,
      en: `Special or invisible space pasted from a web page (${describe(run)})`,
    },
    fix: {
      title: newText ? { zh: '改为普通空格', en: 'Replace with a plain space' } : { zh: '删除', en: 'Remove it' },
      edits: [{ start: i, end: j, newText }],
      safe: true,
    },
  });
  void text;
}

function reportPlain(report: (r: Report) => void, run: string, i: number, j: number): void {
  report({
    start: i,
    end: j,
    message: { zh: '中文之间多余的空格', en: 'Stray space between Chinese characters' },
    fix: { title: { zh: '删除空格', en: 'Remove the space' }, edits: [{ start: i, end: j, newText: '' }], safe: run.length <= 3 },
  });
}

/** The characters of ANY_SPACE, by code (the hot loop avoids making strings). */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200d) || c === 0x202f || c === 0x205f ||
    c === 0x2060 || c === 0xfeff || c === 0xad || c === 0x180e
  );
}

// text/stray-space — spaces that do not belong in Chinese text: a space between two
// Chinese characters or marks in running text (`深入 学习`), no-break and other odd-width
// spaces, and invisible characters (zero-width space, joiners, soft hyphen, a BOM inside
// the text) pasted from web pages. Spaces between Chinese and Latin letters or digits are
// neither required nor flagged (official documents do not use them; never add them).
// Line-start indentation and spaces in title-like lines (固本强基 聚力同心) are left alone.
import type { Rule } from '../../rule';
import type { Msg, Report } from '../../types';
import { GARBLED, isChineseChar, scope, capped, STRAY_SPACE, TOKEN, MAX_FINDINGS } from '../../model/scope';
import { around } from '../../quote';
import { detached } from '../../detach';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;
const ODD_SPACE = /[\u00a0\u2002-\u200a\u202f\u205f]/;
export const ANY_SPACE = /[ \u3000\u00a0\u2002-\u200a\u202f\u205f\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;

export const straySpace: Rule = {
  id: 'text/stray-space',
  description: {
    zh: '汉字之间多了空格，以及从网页带入的不换行空格（U+00A0）和不可见字符',
    en: 'Stray spaces in Chinese text, no-break spaces (U+00A0) and invisible characters',
  },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  fold: { noun: { zh: '多余的空格或不可见字符', en: 'stray or invisible spaces' }, action: { zh: '应删除', en: 'remove them' } },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    // Most lines have no space after their indentation: they are not read character by character.
    const spaceFrom = s.finder(STRAY_SPACE); // ANY_SPACE's characters
    const lines = doc.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (line.end === line.start || spaceFrom(line.start) >= line.end) continue;
      // Running text: a line with a Chinese comma or full stop. Title lines may use spaces.
      let prose: boolean | undefined;
      let i = line.start;
      // Indentation is layout, not a stray space, unless it holds odd characters.
      while (i < line.end && (text[i] === ' ' || text[i] === '\u3000' || text[i] === '\t')) i++;
      for (i = spaceFrom(i); i < line.end; i = spaceFrom(i + 1)) {
        if ((i === 0 && text[i] === '\ufeff') || s.mask[i] & (GARBLED | TOKEN)) continue;
        let j = i;
        while (j < line.end && ANY_SPACE.test(text[j])) j++;
        const run = text.slice(i, j);
        const odd = INVISIBLE.test(run) || ODD_SPACE.test(run);
        const trailing = j === line.end;
        const between = i > line.start && isChineseChar(text, i - 1) && !trailing && isChineseChar(text, j);
        if (odd) reportOdd(report, text, i, j, between, trailing);
        else if (between && (prose ??= /[，。；]/.test(text.slice(line.start, line.end))) && !trailing && !inNameList(text, i, j, line.start, line.end)) {
          reportPlain(report, text, i, j, line.start, line.end);
        }
        i = j - 1;
      }
    }
  },
};

/**
 * A bracket that holds only names, or names after their role, one from the next by a space:
 * a byline or a signature (（记者 王晓明 通讯员 李华）, (东城 刘洋)). The spaces part the names:
 * taken out, they would run two people into one.
 */
const NAME = '[\\u3400-\\u9fff]{1,4}(?:·[\\u3400-\\u9fff]{1,5})?';
const NAME_LIST = new RegExp(`^${NAME}(?:、${NAME})*(?:[ \\u3000]+${NAME}(?:、${NAME})*)+$`);
const OPENING = '(（';
const CLOSING = ')）';
/** How far from the space its bracket is looked for, either way (a byline is short). */
const NAME_LIST_REACH = 60;

/** Is the space run [i, j) inside a bracket on its line that holds a list of names (NAME_LIST)? */
function inNameList(text: string, i: number, j: number, lineStart: number, lineEnd: number): boolean {
  let open = i - 1;
  while (open >= lineStart && !OPENING.includes(text[open])) {
    if (CLOSING.includes(text[open]) || i - open > NAME_LIST_REACH) return false;
    open--;
  }
  if (open < lineStart) return false;
  let close = j;
  while (close < lineEnd && !CLOSING.includes(text[close])) {
    if (OPENING.includes(text[close]) || close - j > NAME_LIST_REACH) return false;
    close++;
  }
  return close < lineEnd && NAME_LIST.test(text.slice(open + 1, close));
}

/** What the characters are called (Unicode's names, in Chinese as a typesetter says them). */
const NAMES: Record<number, { zh: string; en: string }> = {
  0x00a0: { zh: '不换行空格', en: 'no-break space' },
  0x202f: { zh: '窄不换行空格', en: 'narrow no-break space' },
  0x200b: { zh: '零宽空格', en: 'zero-width space' },
  0x200c: { zh: '零宽不连字', en: 'zero-width non-joiner' },
  0x200d: { zh: '零宽连字', en: 'zero-width joiner' },
  0x2060: { zh: '零宽不折行', en: 'word joiner' },
  0xfeff: { zh: '字节顺序标记', en: 'byte order mark' },
  0x00ad: { zh: '软连字符', en: 'soft hyphen' },
  0x180e: { zh: '蒙古文元音分隔符', en: 'Mongolian vowel separator' },
  0x0020: { zh: '空格', en: 'space' },
  0x3000: { zh: '全角空格', en: 'ideographic space' },
};
const OTHER = { zh: '特殊宽度空格', en: 'odd-width space' };

/** `不换行空格（U+00A0）`, or several joined with 、 / `, `. */
function describe(run: string): { zh: string; en: string } {
  const seen = new Map<number, { zh: string; en: string }>();
  for (const ch of run) {
    const c = ch.charCodeAt(0);
    if (c !== 0x20 && !seen.has(c)) seen.set(c, NAMES[c] ?? OTHER);
  }
  const code = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const all = [...seen];
  return {
    zh: all.map(([c, n]) => `${n.zh}（${code(c)}）`).join('、'),
    en: all.map(([c, n]) => `${n.en} (${code(c)})`).join(', '),
  };
}

/** Any character that is not invisible: an ordinary space can take the run's place. */
const VISIBLE = new RegExp(`[^${INVISIBLE.source.slice(1)}`);

/**
 * The words of a run of odd characters and what replaces it (a plain space, or nothing),
 * kept across documents: a pasted page repeats the same few runs, and every check of a
 * version named their characters again. Keyed by the replacement, a line break (never in a
 * run) and the run; at most ODD_WORDS_MAX entries.
 */
const ODD_WORDS = new Map<string, { message: Msg; title: Msg }>();
const ODD_WORDS_MAX = 256;

function oddWords(run: string, newText: string): { message: Msg; title: Msg } {
  const key = newText + '\n' + run;
  let w = ODD_WORDS.get(key);
  if (w) return w;
  const what = describe(run);
  const en = what.en[0].toUpperCase() + what.en.slice(1);
  w = {
    message: newText
      ? { zh: `${what.zh}应为普通空格`, en: `${en}: write a plain space` }
      : { zh: `${what.zh}应删除`, en: `${en}: remove it` },
    title: newText ? { zh: '改为普通空格', en: 'Write a plain space' } : { zh: `删除${what.zh.replace(/（.*?）/g, '')}`, en: `Remove the ${what.en.replace(/ \(.*?\)/g, '')}` },
  };
  // Kept as a copy: `run` is a slice of the text, and a key made from it would keep the whole
  // text alive in this cache for the life of the process (core/detach.ts).
  if (ODD_WORDS.size < ODD_WORDS_MAX) ODD_WORDS.set(detached(key), w);
  return w;
}

function reportOdd(report: (r: Report) => void, text: string, i: number, j: number, between: boolean, trailing: boolean): void {
  const run = text.slice(i, j);
  // Between Chinese, or only invisible characters: delete. Elsewhere: an ordinary space.
  const newText = between || !VISIBLE.test(run) || trailing ? '' : ' ';
  const w = oddWords(run, newText);
  report({
    start: i,
    end: j,
    message: w.message,
    fix: {
      title: w.title,
      edits: [{ start: i, end: j, newText }],
      safe: true,
    },
  });
}

function reportPlain(report: (r: Report) => void, text: string, i: number, j: number, lineStart: number, lineEnd: number): void {
  const run = text.slice(i, j);
  const { before, after } = around(text, i, j, lineStart, lineEnd);
  report({
    start: i,
    end: j,
    message: {
      zh: `“${before}${run}${after}”中多了空格，应为“${before}${after}”`,
      en: `Stray space in “${before}${run}${after}”: write “${before}${after}”`,
    },
    fix: { title: { zh: '删除空格', en: 'Remove the space' }, edits: [{ start: i, end: j, newText: '' }], safe: run.length <= 3 },
  });
}

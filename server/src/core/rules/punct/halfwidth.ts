// punct/halfwidth — half-width `, . : ; ? ! ( )` in Chinese text → `，。：；？！（）`
// (GB/T 15834—2011: the marks of Chinese text are full-width). Left alone: decimals
// and thousands (3.5, 1,000), times and ratios (10:30), URLs, e-mail, code-like tokens,
// English runs, and list markers such as `1)` (the outline rules own those).
import type { Rule } from '../../rule';
import type { Msg, OwnRangeFix, Report } from '../../types';
import { isDigit, isHanAt, isSpaceCode } from '../../model/chars';
import { questionBeforeNumber } from '../../model/garbled';
import {
  BOILERPLATE, HALF_MARK, SKIPPED, isChineseChar, isOpenerCjkAt, isSpace, isSpaceCodeAt, listMarkerAt, nextIndex, prevIndex, scope, type Scope, capped, MAX_FINDINGS,
} from '../../model/scope';

export const FULL: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const NAME: Record<string, { zh: string; en: string }> = {
  ',': { zh: '逗号', en: 'comma' },
  '.': { zh: '句号', en: 'full stop' },
  ':': { zh: '冒号', en: 'colon' },
  ';': { zh: '分号', en: 'semicolon' },
  '?': { zh: '问号', en: 'question mark' },
  '!': { zh: '叹号', en: 'exclamation mark' },
  '(': { zh: '括号', en: 'parenthesis' },
  ')': { zh: '括号', en: 'parenthesis' },
};

export const halfwidth: Rule = {
  id: 'punct/halfwidth',
  description: {
    zh: '中文文本用全角标点：半角的“, . : ; ? ! ( )”应为“，。：；？！（）”',
    en: 'Chinese text takes full-width punctuation: “, . : ; ? ! ( )” → “，。：；？！（）”',
  },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  fold: { noun: { zh: '半角标点', en: 'half-width marks' }, action: { zh: '应为全角', en: 'write them full-width' } },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    // The next straight quote at or after the current line, found once for the document
    // (an indexOf per line would scan to the end of the text on every quote-less line).
    const quote = { at: text.indexOf('"') };
    // A line without any of the marks (or a straight quote) has nothing to report.
    const markFrom = s.finder(HALF_MARK); // , . : ; ? ! ( ) "
    const lines = doc.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (line.end === line.start || s.mask[line.start] & BOILERPLATE || markFrom(line.start) >= line.end) continue;
      if (quote.at >= 0 && quote.at < line.start) quote.at = text.indexOf('"', line.start);
      checkLine(text, line.start, line.end, s, report, quote.at, markFrom);
    }
  },
};

/** `markFrom`: the document's finder of HALF_MARK characters, at this line (the marks are read from it, not every character). */
function checkLine(text: string, start: number, end: number, s: Scope, report: (r: Report) => void, quoteAt: number, markFrom: (from: number) => number): void {
  // Most lines with a mark have no bracket: the bracket bookkeeping is made for the others.
  let parens: number[] | undefined;
  let pairOf: Map<number, number> | undefined;
  let sawClose = false; // any `)` on the line, skipped or not
  // Any bracket read below (not skipped): only such a bracket can be reported unmatched at the
  // end (a pasted page's lines hold brackets of pinyin annotations only, all skipped).
  let read = false;
  const mask = s.mask;
  for (let i = markFrom(start); i < end; i = markFrom(i + 1)) {
    const code = text.charCodeAt(i);
    // The scope's class of half-width marks also holds the straight quote (punct/quotes reads it): not this rule's.
    if (code === 0x22) continue;
    if (code === 0x29) sawClose = true;
    if (mask[i] & SKIPPED) continue;
    const ch = text[i];
    if (ch === '(' || ch === ')') {
      read = true;
      const marker = listMarkerAt(text, ch === '(' ? i : i - 1, start);
      if (marker && (ch === '(' || text[i - 1] !== '(')) {
        // `(1)` / `1)` at an item start: skip the whole marker.
        if (ch === '(') i += marker - 1;
        continue;
      }
      if (ch === '(') (parens ??= []).push(i);
      else if (parens?.length) (pairOf ??= new Map()).set(parens.pop()!, i);
      continue;
    }
    // `一,主要工作`: after a heading's numeral the mark is the enumeration comma 、.
    if (ch === ',' && numeralsBefore(text, start, i, 3) && isHanAt(text, i + 1)) {
      emit(report, i, i + 1, ch, true, '、');
      continue;
    }
    if (chinesePunct(text, i, start, end, s)) {
      // `, ` → `，`, `: 2025` → `：2025`: a full-width mark carries its own space.
      let e = i + 1;
      const n = nextIndex(text, i, end);
      if (n >= 0 && (isChineseChar(text, n) || isDigit(text[n]))) while (e < end && text[e] === ' ') e++;
      emit(report, i, e, ch, true);
    }
  }
  if (pairOf) for (const [open, close] of pairOf) {
    if (!chineseParens(text, open, close, start, end)) continue;
    emit(report, open, open + 1, '(', true);
    emit(report, close, close + 1, ')', true);
  }
  if (quoteAt >= 0 && quoteAt < end) straightQuotes(text, start, end, s, report, quoteAt);
  // Unmatched half-width brackets next to Chinese: flag, leave pairing to punct/unpaired.
  if ((!parens?.length && !sawClose) || !read) return;
  const matched = new Set<number>(pairOf ? [...pairOf.keys(), ...pairOf.values()] : []);
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code !== 0x28 && code !== 0x29) || matched.has(i) || s.skip(i)) continue;
    if (listMarkerAt(text, text[i] === '(' ? i : Math.max(start, i - 2), start) || listMarkerAt(text, i - 1, start)) continue;
    const p = prevIndex(text, i, start);
    const n = nextIndex(text, i, end);
    if ((p >= 0 && isChineseChar(text, p)) || (n >= 0 && isChineseChar(text, n))) {
      emit(report, i, i + 1, text[i], false);
    }
  }
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const isLatinOrDigitCode = (c: number) => isDigitCode(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Is the mark at `i` (one of , . : ; ? !) punctuation of Chinese text? (Char codes: no string per character read.) */
function chinesePunct(text: string, i: number, start: number, end: number, s: Scope): boolean {
  const p = prevIndex(text, i, start, s);
  const n = nextIndex(text, i, end, s);
  const prev = p >= 0 ? text.charCodeAt(p) : -1;
  const next = n >= 0 ? text.charCodeAt(n) : -1;
  // Between two digits it is a decimal point, thousands separator or time/ratio colon.
  if (p === i - 1 && n === i + 1 && isDigitCode(prev) && isDigitCode(next)) return false;
  // `收入?.05亿元`, `增?2.4%`: a character an encoding lost, not a question: `？` would be a wrong fix.
  if (questionBeforeNumber(text, i)) return false;
  const prevCn = p >= 0 && isChineseChar(text, p) && !isOpenerCjkAt(text, p);
  const nextCn = n >= 0 && isChineseChar(text, n);
  if (text.charCodeAt(i) === 0x2e) {
    if (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i - 1) === 0x2e) return false; // `...` is punct/ellipsis
    // `电话：0571-88886666.` — a number ending a line of Chinese text ends its sentence.
    if (!prevCn) return n < 0 && (isDigitCode(prev) || prev === 0x25) && p === i - 1 && hasHan(text, start, i);
    // `一.` at a line start is heading numbering (outline/numbering-style).
    if (numeralsBefore(text, start, i, Infinity)) return false;
    return n < 0 || nextCn || isSpaceCodeAt(text.charCodeAt(i + 1));
  }
  if (prevCn) return true;
  // `AED,以及`, `2.3万名,其中`: Latin or digits before, Chinese after.
  // (Chinese after means a Han character or an opening mark, not a closing quote.)
  if ((isLatinOrDigitCode(prev) || prev === 0x25 || prev === 0x29) && n >= 0 && (isHanAt(text, n) || isOpenerCjkAt(text, n))) return true;
  return false;
}

const NUMERALS = '一二三四五六七八九十';

/**
 * Is text[start, i), trimmed, 1 to `max` of the numerals 一 to 十? (What
 * `/^[一…十]{1,max}$/.test(text.slice(start, i).trim())` says, without a string per mark.)
 */
function numeralsBefore(text: string, start: number, i: number, max: number): boolean {
  let a = start;
  let b = i;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  if (b === a || b - a > max) return false;
  for (let k = a; k < b; k++) if (!NUMERALS.includes(text[k])) return false;
  return true;
}

function hasHan(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isHanAt(text, k)) return true;
  return false;
}

/** Brackets of Chinese text: Chinese inside, or Chinese right outside. */
function chineseParens(text: string, open: number, close: number, start: number, end: number): boolean {
  let spaced = false;
  for (let k = open + 1; k < close; k++) {
    if (isChineseChar(text, k)) return true;
    if (text[k] === ' ') spaced = true;
  }
  // `(see above)`: an English phrase in brackets is an English run; `(AED)` is not.
  if (spaced) return false;
  const p = prevIndex(text, open, start);
  const n = nextIndex(text, close, end);
  const prevCn = p >= 0 && isChineseChar(text, p) && !isSpace(text[open - 1]);
  const nextCn = n >= 0 && isChineseChar(text, n) && !isSpace(text[close + 1]);
  return prevCn || nextCn;
}

/**
 * The words of a finding on mark `ch` (written `instead` after a heading's numeral): a few kinds,
 * built once each, with the fix of a finding's own mark (OwnRangeFix, safe or not): held as it
 * is by every finding that replaces one such mark (a 1 M report has thousands; an object each
 * was 48 bytes for as long as its version).
 */
interface Words {
  full: string;
  message: Msg;
  title: Msg;
  own: OwnRangeFix;
  ownUnsafe: OwnRangeFix;
}
const WORDS = new Map<string, Words>();

function words(ch: string, instead: string | undefined): Words {
  const key = instead ? ch + instead : ch;
  let w = WORDS.get(key);
  if (w) return w;
  const full = instead ?? FULL[ch];
  const name = NAME[ch];
  const title = { zh: `改为“${full}”`, en: `Write “${full}”` };
  w = {
    full,
    message: instead
      ? { zh: `标题序号后的半角${name.zh}“${ch}”应为“${full}”`, en: `Half-width ${name.en} “${ch}” after a heading's numeral: write “${full}”` }
      : {
          zh: `半角${name.zh}“${ch}”应为全角“${full}”`,
          en: `Half-width ${name.en} “${ch}” in Chinese text: write “${full}”`,
        },
    title,
    own: { title, newText: full, safe: true },
    ownUnsafe: { title, newText: full, safe: false },
  };
  WORDS.set(key, w);
  return w;
}

function emit(report: (r: Report) => void, start: number, end: number, ch: string, safe: boolean, instead?: string): void {
  const w = words(ch, instead);
  report({
    start,
    end: start + 1,
    message: w.message,
    // One mark replaced: the fix of the finding's own range, shared; a longer run (……) is an edit of its own.
    fix: end === start + 1 ? (safe ? w.own : w.ownUnsafe) : { title: w.title, edits: [{ start, end, newText: w.full }], safe },
  });
}

/**
 * Straight double quotes `"…"` in Chinese text → `“…”`. Fixed (safely) only when every
 * straight quote on the line is next to Chinese and they pair up (an even count):
 * then they alternate open, close. Otherwise each is reported without a fix.
 */
function straightQuotes(text: string, start: number, end: number, s: Scope, report: (r: Report) => void, first: number): void {
  const at: number[] = [];
  for (let i = first; i >= 0 && i < end; i = text.indexOf('"', i + 1)) if (!s.skip(i)) at.push(i);
  if (!at.length) return;
  const chinese = (i: number) => isChineseChar(text, i - 1) || isChineseChar(text, i + 1);
  const inChinese = at.filter(chinese);
  if (!inChinese.length) return;
  const paired = inChinese.length === at.length && at.length % 2 === 0;
  at.forEach((i, k) => {
    if (!chinese(i) && !paired) return;
    const full = k % 2 === 0 ? '“' : '”';
    // The marks are named, not quoted: a lone “ inside “…” would read as a broken quotation.
    const side = k % 2 === 0 ? { zh: '左引号', en: 'an opening quotation mark' } : { zh: '右引号', en: 'a closing quotation mark' };
    report({
      start: i,
      end: i + 1,
      message: paired
        ? { zh: `半角引号应为全角${side.zh}`, en: `Straight quote in Chinese text: write ${side.en}` }
        : { zh: '半角引号应为全角引号', en: 'Straight quote in Chinese text: write a full-width quotation mark' },
      fix: paired ? { title: { zh: `改为${side.zh}`, en: `Write ${side.en}` }, edits: [{ start: i, end: i + 1, newText: full }], safe: true } : undefined,
    });
  });
}

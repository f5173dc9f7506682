// The folded view: what rules read. Pinyin annotations and the BOM are dropped,
// garbled runs become U+FFFD (so no rule reads a figure out of them), traditional
// characters fold to simplified, full-width digits and letters to ASCII, and half-width
// punctuation in Chinese context to full-width. Line breaks are kept, so view lines
// are original lines. `toOrig` maps every view index (and the end) to the original.
import { foldTable } from './fold';
import { isAsciiAlnum, isChineseAt, isDigit } from './chars';
import type { Span } from '../types';

export interface TextView {
  text: string;
  /** toOrig[i] = original offset of view index i; toOrig[text.length] = original end. */
  toOrig: Int32Array;
}

const HALF_TO_FULL: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};

export function buildView(text: string, dropped: Span[], garbled: Span[]): TextView {
  const table = foldTable();
  const out: string[] = [];
  const toOrig = new Int32Array(text.length + 1);
  let n = 0;
  const drops = [...dropped].sort((a, b) => a.start - b.start);
  const bad = [...garbled].sort((a, b) => a.start - b.start);
  let d = 0;
  let g = 0;
  for (let i = 0; i < text.length; ) {
    if (i === 0 && text.charCodeAt(0) === 0xfeff) {
      i = 1;
      continue;
    }
    while (d < drops.length && drops[d].end <= i) d++;
    if (d < drops.length && drops[d].start <= i) {
      i = drops[d].end;
      continue;
    }
    while (g < bad.length && bad[g].end <= i) g++;
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let ch = text.slice(i, i + width);
    if (g < bad.length && bad[g].start <= i) ch = width === 2 ? '\ufffd\ufffd' : '\ufffd';
    else if (width === 1) ch = foldOne(text, i, ch, table);
    for (let k = 0; k < ch.length; k++) {
      toOrig[n++] = i + k;
      out.push(ch[k]);
    }
    i += width;
  }
  toOrig[n] = text.length;
  return { text: out.join(''), toOrig: toOrig.slice(0, n + 1) };
}

function foldOne(text: string, i: number, ch: string, table: Map<string, string>): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0); // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff05) return '%'; // ％
  if (c === 0xff0e && isDigit(text[i - 1])) return '.'; // ３．５
  const full = HALF_TO_FULL[ch];
  if (full) {
    // Keep `1,000`, `a, b`, `10:30`: ASCII on both sides means it is not Chinese text.
    const prev = prevVisible(text, i);
    const next = text[i + 1];
    if (isAsciiAlnum(prev) && (isAsciiAlnum(next) || next === ' ' || next === undefined)) return ch;
    if (!isChineseAt(text, i - 1) && !isChineseAt(text, i + 1) && ch !== '(' && ch !== ')') return ch;
    return full;
  }
  return table.get(ch) ?? ch;
}

function prevVisible(text: string, i: number): string | undefined {
  return text[i - 1];
}

/** Original span of a view span. */
export function viewToOrig(view: TextView, start: number, end: number): Span {
  const s = view.toOrig[start];
  // End: one past the original of the last view char (not the start of what follows,
  // which may sit after a dropped annotation).
  const e = end > start ? view.toOrig[end - 1] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

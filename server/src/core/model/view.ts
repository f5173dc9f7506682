// The folded view: what rules read. Pinyin annotations and the BOM are dropped,
// garbled runs become U+FFFD (so no rule reads a figure out of them), traditional
// characters fold to simplified, full-width digits and letters to ASCII, and half-width
// punctuation in Chinese context to full-width. Line breaks are kept, so view lines
// are original lines. `toOrig` maps every view index (and the end) to the original.
import { foldTable } from './fold';
import { isAsciiAlnum, isChineseAt, isDigit } from './chars';
import type { Span } from '../types';
import { splitLines, type Line } from './lines';

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
  const codes = foldCodes(table);
  const len = text.length;
  // The view's code units are written into a typed array beside the map and made a string
  // once at the end (joining a string per changed character and per run between them was
  // the largest part of the view's time on a pasted page).
  const out = new Uint16Array(len);
  const toOrig = new Int32Array(len + 1);
  let n = 0;
  let changed = false; // anything dropped or replaced: else the view is the text itself
  let lone = false; // a lone surrogate is kept: the string is then made without TextDecoder
  const drops = inOrder(dropped);
  const bad = inOrder(garbled);
  let d = 0;
  let g = 0;
  for (let i = 0; i < len; ) {
    if (i === 0 && text.charCodeAt(0) === 0xfeff) {
      changed = true;
      i = 1;
      continue;
    }
    while (d < drops.length && drops[d].end <= i) d++;
    if (d < drops.length && drops[d].start <= i) {
      changed = true;
      i = drops[d].end;
      continue;
    }
    while (g < bad.length && bad[g].end <= i) g++;
    if (!(g < bad.length && bad[g].start <= i)) {
      // The common case, in a tight loop: characters that fold to themselves, up to the next
      // dropped or garbled span (surrogates and everything else take the general path).
      const stop = Math.min(d < drops.length ? drops[d].start : len, g < bad.length ? bad[g].start : len);
      // A unit the table maps to one other unit (a traditional character, a full-width
      // digit) is written here too: on a pasted traditional page that is most of the Han text.
      const from = i;
      while (i < stop) {
        const c = text.charCodeAt(i);
        const to = codes[c];
        if (to === 0) {
          if (c >= 0xd800 && c <= 0xdfff) break;
          out[n] = c;
        } else if (to === SLOW) break;
        else {
          out[n] = to;
          changed = true;
        }
        toOrig[n++] = i++;
      }
      if (i > from) continue;
    }
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let ch: string | undefined; // undefined: the character folds to itself
    if (g < bad.length && bad[g].start <= i) ch = width === 2 ? '\ufffd\ufffd' : '\ufffd';
    else if (width === 1) {
      const to = codes[c];
      if (to === 0) ch = undefined;
      else if (to !== SLOW) ch = String.fromCharCode(to);
      else {
        const one = text[i];
        const folded = foldOne(text, i, one, table);
        ch = folded === one ? undefined : folded;
      }
    }
    if (ch === undefined) {
      out[n] = c;
      toOrig[n++] = i;
      if (width === 2) {
        out[n] = text.charCodeAt(i + 1);
        toOrig[n++] = i + 1;
      } else if (c >= 0xd800 && c <= 0xdfff) lone = true;
    } else {
      changed = true;
      for (let k = 0; k < ch.length; k++) {
        out[n] = ch.charCodeAt(k);
        toOrig[n++] = i + k;
      }
    }
    i += width;
  }
  toOrig[n] = len;
  // A view as long as its text, or nearly (a few annotations dropped), keeps the map it was
  // written into; copying 4 bytes per character was a third of the view's time.
  const map = n + 1 + ((len + 1) >> 3) >= len + 1 ? toOrig.subarray(0, n + 1) : toOrig.slice(0, n + 1);
  return { text: changed ? fromCodes(out.subarray(0, n), lone) : text, toOrig: map };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: TextDecoder | undefined;

/** The string of UTF-16 code units: TextDecoder (native) when they are well-formed, else String.fromCharCode in chunks (a lone surrogate kept as it is). */
function fromCodes(units: Uint16Array, lone: boolean): string {
  if (!lone && LITTLE_ENDIAN && typeof TextDecoder === 'function') {
    utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
    return utf16.decode(units);
  }
  const chunks: string[] = [];
  for (let k = 0; k < units.length; k += 8192) chunks.push(String.fromCharCode(...units.subarray(k, k + 8192)));
  return chunks.join('');
}

/** Spans by start: as given when they already are (annotations and garbled runs are found in order). */
function inOrder(spans: Span[]): Span[] {
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  return spans;
}

/** Marks a code unit whose folding depends on its neighbours (or maps to several units). */
const SLOW = 0xffff;
let codeTable: Uint16Array | undefined;
let codeTableOf: Map<string, string> | undefined;

/** Per BMP code unit: 0 = folds to itself, SLOW = ask foldOne, else the unit it folds to. */
function foldCodes(table: Map<string, string>): Uint16Array {
  if (codeTable && codeTableOf === table) return codeTable;
  const t = new Uint16Array(0x10000);
  for (const [from, to] of table) {
    if (from.length !== 1) continue; // only single units are looked up (astral characters are kept)
    t[from.charCodeAt(0)] = to.length === 1 && to.charCodeAt(0) !== SLOW && to.charCodeAt(0) !== 0 ? to.charCodeAt(0) : SLOW;
  }
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = c - 0xfee0; // ０-９
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = c - 0xfee0; // Ａ-Ｚ
  for (let c = 0xff41; c <= 0xff5a; c++) t[c] = c - 0xfee0; // ａ-ｚ
  t[0xff05] = 0x25; // ％
  t[0xff0e] = SLOW; // ．only after a digit
  for (const ch of Object.keys(HALF_TO_FULL)) t[ch.charCodeAt(0)] = SLOW;
  codeTable = t;
  codeTableOf = table;
  return t;
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

/** The first view index at or after `from` whose original offset is at least `offset` (map: a view's toOrig, ascending). */
export function viewIndexAt(map: ArrayLike<number>, offset: number, from = 0): number {
  let lo = from;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The view's lines, with the same indices as the text's `lines`. The view keeps every line
 * break as written (no dropped or garbled span holds one), so each view line ends where its
 * original line's break is mapped: found by binary search in `toOrig` per line instead of
 * reading every character again. Each break is checked in the view; if one is not there,
 * the view is split again (splitLines), which is what this computes.
 */
export function viewLinesOf(lines: Line[], view: TextView): Line[] {
  const v = view.text;
  const map = view.toOrig;
  const out: Line[] = [];
  let start = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (k === lines.length - 1) {
      out.push({ index: k, start, end: v.length });
      break;
    }
    // The first view index at or after the break (map[v.length] is the text's end).
    const a = viewIndexAt(map, l.end, start);
    const br = lines[k + 1].start - l.end; // 1, or 2 for CRLF
    const c = v.charCodeAt(a);
    // A lone CR stays one break even where the view folded a line away after it and a LF of
    // the text now follows (`甲\r(dāng)\n乙`: one view line per line of the text, always).
    const ok = map[a] === l.end && (br === 1 ? c === 10 || c === 13 : c === 13 && v.charCodeAt(a + 1) === 10 && map[a + 1] === l.end + 1);
    if (!ok) return splitLines(v);
    out.push({ index: k, start, end: a });
    start = a + br;
  }
  return out;
}

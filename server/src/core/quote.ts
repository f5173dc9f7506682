// How a message quotes the document (docs/messages.md, rule 2): the original characters,
// cut at a whole character when long, so the quote can be found with Ctrl+F.
import { detached } from './detach';
import type { ReportDocument } from './model/document';

export const MAX_QUOTE = 24;

/** `s` cut to `max` characters (code points) with `…`. */
export function clip(s: string, max = MAX_QUOTE): string {
  // No more code units than `max`: no more code points either (most quotes).
  if (s.length <= max) return s;
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

/**
 * The span with up to `n` characters of context on each side, within [lineStart, lineEnd):
 * what a stray space or a dropped character looks like where it stands (`深入 学习`).
 */
export function around(text: string, start: number, end: number, lineStart: number, lineEnd: number, n = 2): { before: string; after: string } {
  let a = start;
  for (let k = 0; k < n && a > lineStart; k++) a -= a - 2 >= lineStart && isLow(text.charCodeAt(a - 1)) ? 2 : 1;
  let b = end;
  for (let k = 0; k < n && b < lineEnd; k++) b += b + 1 < lineEnd && isHigh(text.charCodeAt(b)) ? 2 : 1;
  return { before: text.slice(a, start), after: text.slice(end, b) };
}

/**
 * The original text of a VIEW span (traditional stays traditional, annotations stay),
 * without line breaks or spaces, clipped, and never leaving a quotation mark open. A copy,
 * not a slice of the text: the messages that quote it are carried into later versions
 * (./detach.ts), and a slice would keep this version's whole text alive.
 */
export function quoteView(doc: ReportDocument, start: number, end: number, max = MAX_QUOTE): string {
  const span = doc.toOrig(start, end);
  const s = detached(doc.text.slice(span.start, span.end).replace(/\s+/g, ''));
  const clipped = clip(s, max);
  const cut = clipped !== s;
  const body = cut ? clipped.slice(0, -1) : s;
  // An opening mark whose closing mark was cut off (or never written) ends the quote there.
  let depth = 0;
  let open = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '“') {
      if (depth === 0) open = i;
      depth++;
    } else if (body[i] === '”') {
      if (depth === 0) return `${body.slice(0, i)}…`;
      depth--;
    }
  }
  if (depth > 0 && open >= 0) return `${body.slice(0, open)}…`;
  return cut ? `${body}…` : body;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface Piece {
  text: string;
  /** Part of a marked span (a number or a name the finding is about). */
  marked: boolean;
}

const SENTENCE_END = '。！？；';
/** Marks that end a clause: an elided excerpt starts or stops at one. */
const CLAUSE = '，,、：:；;。！？';

/**
 * The sentence(s) of the original text around `marks` (spans of the same line), cut at
 * sentence ends, as pieces marked or not; a long stretch between marks is elided with `…`.
 * For showing a relation as the writer wrote it: `今年新任科級幹部**8人**，**劉玲**、…`.
 */
export function excerpt(text: string, line: { start: number; end: number }, marks: { start: number; end: number }[], max = 140): Piece[] {
  const ms = marks.filter((m) => m.start >= line.start && m.end <= line.end && m.end > m.start).sort((a, b) => a.start - b.start);
  if (!ms.length) return [];
  let a = ms[0].start;
  while (a > line.start && !SENTENCE_END.includes(text[a - 1])) a--;
  let b = ms[ms.length - 1].end;
  while (b < line.end && !SENTENCE_END.includes(text[b - 1] ?? '')) b++;
  while (a < b && /\s/.test(text[a])) a++;
  // Merge overlapping marks.
  const merged: { start: number; end: number }[] = [];
  for (const m of ms) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ start: m.start, end: m.end });
  }
  const out: Piece[] = [];
  // A cut never splits a surrogate pair; it falls at a clause mark when one is near.
  const at = (i: number) => (isLow(text.charCodeAt(i)) ? i + 1 : i);
  const clauseStart = (from: number, to: number) => {
    for (let k = to; k > from; k--) if (CLAUSE.includes(text[k - 1])) return k;
    return at(from);
  };
  const clauseEnd = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) if (CLAUSE.includes(text[k - 1])) return k;
    return at(to);
  };
  const plain = (s: number, e: number, first: boolean, last: boolean) => {
    if (e <= s) return;
    const len = e - s;
    const keep = 32;
    if (len <= (first || last ? keep : 2 * keep) + 4 || b - a <= max) out.push({ text: text.slice(s, e), marked: false });
    else if (first) out.push({ text: '…' + text.slice(clauseStart(e - keep, e), e), marked: false });
    else if (last) out.push({ text: text.slice(s, clauseEnd(s, s + keep)) + '…', marked: false });
    else out.push({ text: text.slice(s, clauseEnd(s, s + keep)) + '…' + text.slice(clauseStart(e - keep, e), e), marked: false });
  };
  let pos = a;
  merged.forEach((m, i) => {
    plain(pos, m.start, i === 0, false);
    out.push({ text: text.slice(m.start, m.end), marked: true });
    pos = m.end;
  });
  plain(pos, b, false, true);
  return out;
}

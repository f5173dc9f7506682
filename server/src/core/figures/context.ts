// What every relation finder reads: the view text and its quantities, with quick
// lookups by sentence. Built once per document version.
import type { ReportDocument } from '../model/document';
import { quantities, type Quantity } from './quantity';

const SENT_STOP = '。！？；\n';
/** Char code of a SENT_STOP character (no one-character string per position in the scan). */
function isStopCode(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x0a;
}
/** Bound on how far a sentence or paragraph is scanned, so hostile input stays linear. */
const MAX_SCAN = 300;

export class FigureContext {
  readonly text: string;
  readonly qs: Quantity[];
  private bySentence = new Map<number, Quantity[]>();
  private cache = new Map<string, unknown>();

  constructor(readonly doc: ReportDocument) {
    this.text = doc.view.text;
    this.qs = quantities(doc);
    for (const q of this.qs) {
      let l = this.bySentence.get(q.sentence);
      if (!l) this.bySentence.set(q.sentence, (l = []));
      l.push(q);
    }
  }

  /** Share a derived structure between finders (e.g. the 其中 groups). */
  memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  /** Quantities that start in view[start, end) (binary search; qs are in text order). */
  range(start: number, end: number): Quantity[] {
    const qs = this.qs;
    let lo = 0;
    let hi = qs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (qs[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    let e = lo;
    while (e < qs.length && qs[e].start < end) e++;
    return qs.slice(lo, e);
  }

  inSentence(sentence: number): Quantity[] {
    return this.bySentence.get(sentence) ?? [];
  }

  /**
   * View bounds [start, end) of the sentence around `i` (stops: 。！？； and line ends).
   * Sentence starts are computed once; a run longer than MAX_SCAN without a stop is cut
   * into pieces, so hostile input (one 1 MB line) stays linear.
   */
  sentenceAt(i: number): { start: number; end: number } {
    const starts = this.sentenceStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo];
    let end = lo + 1 < starts.length ? starts[lo + 1] : this.text.length;
    // The stop itself is not part of the sentence.
    if (end > start && SENT_STOP.includes(this.text[end - 1])) end--;
    return { start, end };
  }

  private sentenceStarts(): Int32Array {
    return this.memo('sentenceStarts', () => {
      const t = this.text;
      const out: number[] = [0];
      let last = 0;
      for (let i = 0; i < t.length; i++) {
        if (isStopCode(t.charCodeAt(i))) {
          out.push(i + 1);
          last = i + 1;
        } else if (i - last >= MAX_SCAN) {
          out.push(i);
          last = i;
        }
      }
      return Int32Array.from(out);
    });
  }

  /** View bounds of the line (paragraph) around `i`. */
  lineAt(i: number): { start: number; end: number } {
    let s = i;
    while (s > 0 && i - s < 2 * MAX_SCAN && this.text[s - 1] !== '\n') s--;
    let e = i;
    while (e < this.text.length && e - i < 2 * MAX_SCAN && this.text[e] !== '\n') e++;
    return { start: s, end: e };
  }

  isBoilerplateAt(i: number): boolean {
    const line = this.lineIndexAtView(i);
    return this.doc.boilerplate.has(line);
  }

  lineIndexAtView(i: number): number {
    const ls = this.doc.viewLines;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid].start <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

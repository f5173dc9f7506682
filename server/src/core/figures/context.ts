// What every relation finder reads: the view text and its quantities, with quick
// lookups by sentence. Built once per document version.
import type { ReportDocument } from '../model/document';
import { quantities, type Quantity } from './quantity';

const SENT_STOP = '。！？；\n';

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

  inSentence(sentence: number): Quantity[] {
    return this.bySentence.get(sentence) ?? [];
  }

  /** View bounds [start, end) of the sentence around `i` (stops: 。！？； and line ends). */
  sentenceAt(i: number): { start: number; end: number } {
    let s = i;
    while (s > 0 && !SENT_STOP.includes(this.text[s - 1])) s--;
    let e = i;
    while (e < this.text.length && !SENT_STOP.includes(this.text[e])) e++;
    return { start: s, end: e };
  }

  /** View bounds of the line (paragraph) around `i`. */
  lineAt(i: number): { start: number; end: number } {
    let s = i;
    while (s > 0 && this.text[s - 1] !== '\n') s--;
    let e = i;
    while (e < this.text.length && this.text[e] !== '\n') e++;
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

// Paragraphs, sentences and clauses of the folded view. Offsets are VIEW offsets;
// map with doc.toOrig(start, end).

export interface Piece {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[。！？；\n]/;
const CLAUSE_END = /[，、：；。！？\n]/;

/** Split `text` (a slice of the view starting at `base`) at the given stop characters. */
function split(text: string, base: number, stops: RegExp, keepStop: boolean): Piece[] {
  const out: Piece[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    if (stops.test(text[i])) {
      // A closing quote or bracket right after the stop belongs to the sentence.
      let e = i + 1;
      while (e < text.length && /[”’）》」』]/.test(text[e])) e++;
      const end = keepStop ? e : i;
      if (text.slice(s, end).trim()) out.push({ start: base + s, end: base + end, text: text.slice(s, end) });
      s = e;
      i = e - 1;
    }
  }
  if (text.slice(s).trim()) out.push({ start: base + s, end: base + text.length, text: text.slice(s) });
  return out;
}

export function splitSentences(text: string, base = 0): Piece[] {
  return split(text, base, SENTENCE_END, true);
}

export function splitClauses(text: string, base = 0): Piece[] {
  return split(text, base, CLAUSE_END, false);
}

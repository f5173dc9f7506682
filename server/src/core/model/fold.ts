// Folding traditional → simplified, one character at a time, for MATCHING only
// (headings, template names, nouns). It keeps lengths, so offsets map back trivially.
// Data: OpenCC's character table (TSCharacters), first candidate.
import TSCharacters from 'opencc-js/dict/TSCharacters';

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of (TSCharacters as string).split('|')) {
    const [from, to] = entry.split(' ');
    // Only same-length pairs, so the folded view stays index-aligned.
    if (from && to && from.length === to.length && from !== to) m.set(from, to);
  }
  return m;
}

export function foldTable(): Map<string, string> {
  return (table ??= build());
}

/** Simplified form of one character (or the character itself). */
export function foldChar(ch: string): string {
  return foldTable().get(ch) ?? ch;
}

/** Character-by-character simplified form; same length as the input. */
export function foldText(s: string): string {
  const t = foldTable();
  let out = '';
  for (const ch of s) out += t.get(ch) ?? ch;
  return out;
}

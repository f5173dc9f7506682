// Simplified/traditional character classes. Which characters are evidence of a script is
// decided at build time from OpenCC's tables (scripts/data/tables.mjs: a traditional
// character that simplified text also writes — 乾 in 乾隆 and 乾县, 於 in 於潜 — or a
// simplified character that traditional text also uses — 后 in 皇后, 干 in 若干 — is
// ambiguous); this module turns those strings into lookup tables once, on first use.
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import tables from 'workreport-data:script';

export interface ScriptData {
  /** Traditional → simplified, one character (first candidate). */
  toSimplified: Map<string, string>;
  /** Simplified → traditional, one character (first candidate). */
  toTraditional: Map<string, string>;
  /** Traditional characters never written in simplified text. */
  traditionalOnly: Set<string>;
  /** The same as a table indexed by char code: 0 none, 1 traditional only, 2 simplified only, 3 ambiguous traditional (one lookup per character in hot scans). */
  kinds: Uint8Array;
  /** Traditional characters that simplified text also uses in some words (乾, 於). */
  traditionalAmbiguous: Set<string>;
  /** Simplified characters never written in traditional text (务, 们, 这). */
  simplifiedOnly: Set<string>;
  /** Simplified phrases in which an ambiguous traditional character stays as it is, by character. */
  keepsInSimplified: Map<string, string[]>;
  /** Longest phrase, to bound context lookups. */
  maxPhrase: number;
}

let data: ScriptData | undefined;

/** Single-character `from to` entries of an OpenCC dictionary string (first target). */
function charPairs(dict: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const sp = entry.indexOf(' ');
    if (sp < 0) continue;
    const from = entry.slice(0, sp);
    const sp2 = entry.indexOf(' ', sp + 1);
    const to = entry.slice(sp + 1, sp2 < 0 ? entry.length : sp2);
    if (from !== to && [...from].length === 1 && [...to].length === 1) m.set(from, to);
  }
  return m;
}

function build(): ScriptData {
  const traditionalOnly = new Set(tables.traditionalOnly);
  const traditionalAmbiguous = new Set(tables.ambiguous);
  const simplifiedOnly = new Set(tables.simplifiedOnly);
  const kinds = new Uint8Array(0x10000);
  const mark = (chars: Set<string>, kind: number) => {
    for (const ch of chars) if (ch.length === 1) kinds[ch.charCodeAt(0)] = kind;
  };
  mark(traditionalOnly, 1);
  mark(simplifiedOnly, 2);
  mark(traditionalAmbiguous, 3);
  const keepsInSimplified = new Map<string, string[]>();
  for (const phrase of tables.keeps.split('|')) {
    for (const ch of new Set(phrase)) {
      if (!traditionalAmbiguous.has(ch)) continue;
      let list = keepsInSimplified.get(ch);
      if (!list) keepsInSimplified.set(ch, (list = []));
      list.push(phrase);
    }
  }
  return {
    toSimplified: charPairs(TSCharacters as string),
    toTraditional: charPairs(STCharacters as string),
    traditionalOnly,
    traditionalAmbiguous,
    simplifiedOnly,
    kinds,
    keepsInSimplified,
    maxPhrase: tables.maxPhrase,
  };
}

export function scriptData(): ScriptData {
  return (data ??= build());
}

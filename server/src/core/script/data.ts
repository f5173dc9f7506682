// Simplified/traditional character classes built from OpenCC's tables (opencc-js),
// once, on first use. Only characters that are UNAMBIGUOUS count as evidence of a
// script: a traditional character that is also written in simplified text (乾 in 乾隆,
// 著 in 显著) or a simplified character that traditional text also uses (后 in 皇后,
// 干 in 若干, 么 in 幺么) is ambiguous and decided by phrase, or not at all.
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import HKPhrases from 'opencc-js/dict/HKPhrases';

export interface ScriptData {
  /** Traditional → simplified, one character (first candidate). */
  toSimplified: Map<string, string>;
  /** Simplified → traditional, one character (first candidate). */
  toTraditional: Map<string, string>;
  /** Traditional characters never written in simplified text. */
  traditionalOnly: Set<string>;
  /** Char codes of traditionalOnly / simplifiedOnly / traditionalAmbiguous (BMP), for fast scans. */
  codes: Map<number, 'T' | 'S' | 'A'>;
  /** The same as a table indexed by char code: 0 none, 1 'T', 2 'S', 3 'A' (one lookup per character in hot scans). */
  kinds: Uint8Array;
  /** Traditional characters that simplified text also uses in some words (乾, 瞭). */
  traditionalAmbiguous: Set<string>;
  /** Simplified characters never written in traditional text (务, 们, 这). */
  simplifiedOnly: Set<string>;
  /** Simplified phrases in which an ambiguous traditional character stays as it is. */
  keepsInSimplified: Map<string, string[]>;
  /** Longest phrase, to bound context lookups. */
  maxPhrase: number;
}

let data: ScriptData | undefined;
/** How long building the tables took (reported by the bench). */
export let buildMs = 0;

/** Each `from to[ to…]` entry of an OpenCC dictionary string, first target only. */
function eachPair(dict: string, f: (from: string, to: string) => void): void {
  let pos = 0;
  while (pos < dict.length) {
    let bar = dict.indexOf('|', pos);
    if (bar < 0) bar = dict.length;
    const sp = dict.indexOf(' ', pos);
    if (sp > pos && sp < bar) {
      const sp2 = dict.indexOf(' ', sp + 1);
      f(dict.slice(pos, sp), dict.slice(sp + 1, sp2 > sp && sp2 < bar ? sp2 : bar));
    }
    pos = bar + 1;
  }
}

function isSingle(s: string): boolean {
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
}

function build(): ScriptData {
  const t0 = Date.now();
  const toSimplified = new Map<string, string>();
  const toTraditional = new Map<string, string>();
  eachPair(TSCharacters as string, (t, s) => {
    if (t !== s && isSingle(t) && isSingle(s)) toSimplified.set(t, s);
  });
  eachPair(STCharacters as string, (s, t) => {
    if (s !== t && isSingle(s) && isSingle(t)) toTraditional.set(s, t);
  });
  // A traditional character is written in simplified text too when it is a simplified
  // entry's own target or occurs in a simplified phrase (乾隆); a simplified character is
  // written in traditional text when it is a traditional target or a regional variant
  // (群 for OpenCC's 羣, 台 in Hong Kong).
  const inSimplified = new Set<string>();
  const inTraditional = new Set<string>();
  const mark = (s: string, set: Set<string>, candidates: Map<string, string>) => {
    for (let i = 0; i < s.length; i++) if (candidates.has(s[i])) set.add(s[i]);
  };
  eachPair(STCharacters as string, (s, t) => {
    mark(t, inTraditional, toTraditional);
    mark(s, inSimplified, toSimplified);
  });
  eachPair(TSCharacters as string, (t, s) => {
    mark(s, inSimplified, toSimplified);
    mark(t, inTraditional, toTraditional);
  });
  eachPair(TSPhrases as string, (t, s) => {
    mark(t, inTraditional, toTraditional);
    mark(s, inSimplified, toSimplified);
  });
  for (const dict of [TWVariants, HKVariants, TWPhrases, HKPhrases] as string[]) {
    eachPair(dict, (a, b) => {
      mark(a, inTraditional, toTraditional);
      mark(b, inTraditional, toTraditional);
    });
  }
  // One pass over the large phrase table: marks, and the phrases that keep a traditional
  // character in simplified text (乾隆 → 乾隆), kept for the characters found ambiguous.
  let maxPhrase = 2;
  const keeping = new Map<string, string[]>();
  eachPair(STPhrases as string, (s, t) => {
    if (s.length > maxPhrase) maxPhrase = s.length;
    const same = s.length === t.length;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (toSimplified.has(ch)) {
        inSimplified.add(ch);
        if (same && t[i] === ch) {
          let list = keeping.get(ch);
          if (!list) keeping.set(ch, (list = []));
          list.push(s);
        }
      }
    }
    mark(t, inTraditional, toTraditional);
  });
  const traditionalOnly = new Set<string>();
  const traditionalAmbiguous = new Set<string>();
  for (const t of toSimplified.keys()) (inSimplified.has(t) ? traditionalAmbiguous : traditionalOnly).add(t);
  const simplifiedOnly = new Set<string>();
  for (const s of toTraditional.keys()) if (!inTraditional.has(s)) simplifiedOnly.add(s);
  const keepsInSimplified = new Map<string, string[]>();
  for (const [ch, list] of keeping) if (traditionalAmbiguous.has(ch)) keepsInSimplified.set(ch, list);
  const codes = new Map<number, 'T' | 'S' | 'A'>();
  for (const ch of traditionalOnly) if (ch.length === 1) codes.set(ch.charCodeAt(0), 'T');
  for (const ch of simplifiedOnly) if (ch.length === 1) codes.set(ch.charCodeAt(0), 'S');
  for (const ch of traditionalAmbiguous) if (ch.length === 1) codes.set(ch.charCodeAt(0), 'A');
  const kinds = new Uint8Array(0x10000);
  for (const [c, k] of codes) kinds[c] = k === 'T' ? 1 : k === 'S' ? 2 : 3;
  buildMs = Date.now() - t0;
  return { codes, kinds, toSimplified, toTraditional, traditionalOnly, traditionalAmbiguous, simplifiedOnly, keepsInSimplified, maxPhrase };
}

export function scriptData(): ScriptData {
  return (data ??= build());
}

// Whole-document conversion between simplified and traditional (phrase-aware OpenCC
// chains, as opencc-js builds them: cn → tw and tw → cn). Built on first use: the
// simplified → traditional phrase table is large (~50k phrases).
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import type { Span } from '../types';
import type { Script } from './mixing';

type Convert = (s: string) => string;
let toSimp: Convert | undefined;
let toTrad: Convert | undefined;

function converter(target: Script): Convert {
  if (target === 'simplified') {
    // Taiwan and Hong Kong variants first, then traditional → simplified.
    return (toSimp ??= ConverterFactory(
      [[TWVariantsRevPhrases, TWVariantsRev] as string[]],
      [[HKVariantsRevPhrases, HKVariantsRev] as string[]],
      [[TSPhrases, TSCharacters] as string[]],
    ));
  }
  // Simplified → OpenCC traditional → the Taiwan forms most readers expect (為, 群).
  return (toTrad ??= ConverterFactory([[STPhrases, STCharacters] as string[]], [[TWVariantsPhrases, TWVariants] as string[]]));
}

/**
 * The text converted to `target`, leaving `keep` spans (garbled runs, pinyin
 * annotations) exactly as they are.
 */
export function convertScript(text: string, target: Script, keep: Span[] = []): string {
  const conv = converter(target);
  const spans = [...keep].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const k of spans) {
    if (k.start < pos) continue;
    out += conv(text.slice(pos, k.start)) + text.slice(k.start, k.end);
    pos = k.end;
  }
  return out + conv(text.slice(pos));
}

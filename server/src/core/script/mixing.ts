// Which script a document is written in, and the characters that break it. Evidence is
// only what cannot be read either way (see data.ts); an ambiguous traditional character
// in simplified text counts only outside the simplified phrases that keep it.
import type { Span } from '../types';
import { scriptData } from './data';

export type Script = 'simplified' | 'traditional';

export interface ScriptProfile {
  /** Unambiguous traditional / simplified characters seen. */
  traditional: number;
  simplified: number;
  /** The document's script, or undefined when there is no evidence either way. */
  script?: Script;
  /** Runs of characters of the other script, with their conversion. */
  strays: (Span & { text: string; replacement: string })[];
}

/**
 * `text` is the original; `folded` is a same-length simplified reading of it (the view
 * text mapped to original offsets is NOT needed: callers pass the original and a
 * char-by-char fold of it) used as phrase context. `skip` tells which offsets to ignore
 * (annotations, garbled runs, boilerplate).
 */
export function scriptProfile(text: string, folded: string, skip: (i: number) => boolean): ScriptProfile {
  const d = scriptData();
  let traditional = 0;
  let simplified = 0;
  const tradAt: number[] = [];
  const simpAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const ch = text[i];
    if (d.traditionalOnly.has(ch)) {
      if (skip(i)) continue;
      traditional++;
      tradAt.push(i);
    } else if (d.simplifiedOnly.has(ch)) {
      if (skip(i)) continue;
      simplified++;
      simpAt.push(i);
    } else if (d.traditionalAmbiguous.has(ch) && !skip(i) && !keptByPhrase(folded, i, ch)) {
      // Counts against simplified text only (never as evidence of a traditional document).
      tradAt.push(i);
    }
  }
  const profile: ScriptProfile = { traditional, simplified, strays: [] };
  if (!traditional && !simplified) return profile;
  profile.script = traditional > simplified ? 'traditional' : 'simplified';
  const strayAt = profile.script === 'simplified' ? tradAt : simpAt;
  const table = profile.script === 'simplified' ? d.toSimplified : d.toTraditional;
  for (const i of strayAt) {
    const last = profile.strays[profile.strays.length - 1];
    const rep = table.get(text[i]) ?? text[i];
    if (last && last.end === i) {
      last.end = i + 1;
      last.text += text[i];
      last.replacement += rep;
    } else profile.strays.push({ start: i, end: i + 1, text: text[i], replacement: rep });
  }
  return profile;
}

/** Is `ch` at `i` part of a simplified phrase that keeps it (乾隆)? Context from `folded`. */
function keptByPhrase(folded: string, i: number, ch: string): boolean {
  const phrases = scriptData().keepsInSimplified.get(ch);
  if (!phrases) return false;
  for (const p of phrases) {
    for (let k = p.indexOf(ch); k >= 0; k = p.indexOf(ch, k + 1)) {
      const start = i - k;
      if (start < 0) continue;
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) if (j !== k && folded[start + j] !== p[j]) ok = false;
      if (ok) return true;
    }
  }
  return false;
}

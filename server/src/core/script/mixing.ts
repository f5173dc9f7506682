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
 * `text` is the original; `fold` gives the simplified reading of one character, used as
 * phrase context around ambiguous characters only. `skip` tells which offsets to ignore
 * (annotations, garbled runs, boilerplate).
 */
export function scriptProfile(text: string, fold: (ch: string) => string, skip: (i: number) => boolean): ScriptProfile {
  const d = scriptData();
  const kinds = d.kinds;
  let traditional = 0;
  let simplified = 0;
  const tradAt: number[] = [];
  const simpAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const kind = kinds[c];
    if (!kind) continue;
    if (kind === 1) {
      if (skip(i)) continue;
      traditional++;
      tradAt.push(i);
    } else if (kind === 2) {
      if (skip(i)) continue;
      simplified++;
      simpAt.push(i);
    } else if (!skip(i) && !keptByPhrase(text, fold, i, text[i])) {
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

/** Is `ch` at `i` part of a simplified phrase that keeps it (乾隆)? Context folded. */
function keptByPhrase(text: string, fold: (ch: string) => string, i: number, ch: string): boolean {
  const phrases = scriptData().keepsInSimplified.get(ch);
  if (!phrases) return false;
  for (const p of phrases) {
    for (let k = p.indexOf(ch); k >= 0; k = p.indexOf(ch, k + 1)) {
      const start = i - k;
      if (start < 0) continue;
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) if (j !== k && fold(text[start + j] ?? '') !== p[j]) ok = false;
      if (ok) return true;
    }
  }
  return false;
}

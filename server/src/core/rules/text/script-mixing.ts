// text/script-mixing — simplified and traditional characters mixed in one document.
// The document's script is what most of its unambiguous characters are; the characters
// of the other script are flagged. Ambiguous characters (显著, 怎么, 干部, 皇后, 乾隆, 乾县,
// 於潜) never count on their own: see core/script. The commands 转换为简体/繁体 convert the whole document.
import type { Rule } from '../../rule';
import type { Msg, OwnRangeFix } from '../../types';
import { deriveScriptProfile, scriptProfile, scriptProfileOf, type ScriptProfile } from '../../script/mixing';
import type { ReportDocument } from '../../model/document';
import type { Span } from '../../types';
import { lowerBound } from '../../search';
import { flat } from '../../detach';
import { ANNOTATION, BOILERPLATE, GARBLED, MAX_FINDINGS, SCOPE_KEY, scope, capped, type Scope } from '../../model/scope';

const SKIP = ANNOTATION | GARBLED | BOILERPLATE;

/** The document's script profile (shared with the conversion commands). */
export function documentScript(doc: ReportDocument): ScriptProfile {
  return doc.memo('script:profile', () => {
    const derived = derivedScript(doc);
    if (!derived) return wholeScript(doc);
    // The scope's counts are for a profile made whole: a derived profile leaves them, and they
    // would be held with the scope for as long as the version is.
    (doc.memoed(SCOPE_KEY) as Scope | undefined)?.takeScript();
    return derived;
  });
}

/** From the counts of the scope's pass over the text (scriptProfileOf), or, when they were taken, by a pass of its own. */
function wholeScript(doc: ReportDocument): ScriptProfile {
  const s = scope(doc);
  const tally = s.takeScript();
  const again = () => maskOf(doc);
  // An annotation holds brackets and pinyin letters only (model/pinyin.ts), never a character
  // of either script: only garbled runs and boilerplate are taken out of the counts.
  return tally ? scriptProfileOf(doc.text, s.mask, SKIP, tally, again, GARBLED | BOILERPLATE) : scriptProfile(doc.text, s.mask, SKIP, again);
}

/**
 * The mask of what the profile does not count, when the strays are asked for: the scope's
 * while the version has it, else made anew (the SKIP bits alone). Not kept by the profile:
 * one byte a character, for as long as the version is, and the scope is dropped when the
 * version's run ends (run/incremental.ts RUN_ONLY).
 */
function maskOf(doc: ReportDocument): Uint8Array {
  return (doc.memoed(SCOPE_KEY) as Scope | undefined)?.mask ?? skipMask(doc, 0, doc.text.length, 0, doc.lines.length);
}

/**
 * A version derived from the previous one (model/derive.ts): its profile from the previous
 * version's, only the changed lines counted, with their mask of what is not counted
 * (annotations, garbled runs, boilerplate: each read within its line, the same outside them).
 */
function derivedScript(doc: ReportDocument): ScriptProfile | undefined {
  const d = doc.derivation;
  const prev = d?.prev.memoed('script:profile') as ScriptProfile | undefined;
  if (!d || !prev) return undefined;
  const sp = d.splice;
  // The whole mask, only if the strays must be found again.
  const p = deriveScriptProfile(prev, doc.text, sp, { prev: skipMask(d.prev, sp.start, sp.prevEnd, sp.from, sp.prevTo), next: skipMask(doc, sp.start, sp.end, sp.from, sp.to) }, () => maskOf(doc));
  if (p) d.derived.push('script');
  return p;
}

/** The bits of SKIP that scope() sets in [start, end) (lines [from, to)), relative to start. */
function skipMask(doc: ReportDocument, start: number, end: number, from: number, to: number): Uint8Array {
  const mask = new Uint8Array(end - start + (end === doc.text.length ? 1 : 0));
  const mark = (spans: readonly Span[], bit: number) => {
    // From the first span that ends after start (spans in order, disjoint).
    for (let k = lowerBound(spans, (x) => x.end <= start); k < spans.length && spans[k].start < end; k++) {
      for (let i = Math.max(start, spans[k].start); i < Math.min(end, spans[k].end); i++) mask[i - start] |= bit;
    }
  };
  const annotations = doc.annotations;
  for (let k = annotations.firstEndingAfter(start); k < annotations.length && annotations.starts[k] < end; k++) {
    for (let i = Math.max(start, annotations.starts[k]); i < Math.min(end, annotations.ends[k]); i++) mask[i - start] |= ANNOTATION;
  }
  mark(doc.garbled, GARBLED);
  const boilerplate = doc.boilerplate;
  for (let li = from; li < to; li++) {
    if (!boilerplate.has(li)) continue;
    const l = doc.lines[li];
    for (let i = l.start; i < l.end; i++) mask[i - start] |= BOILERPLATE;
  }
  return mask;
}

/**
 * A stray's words and fix, by the stray's text; a text with more than one replacement (发 →
 * 發/髮) chains the others (`next`). A key made of both was a new string to hash for every
 * stray; a map of replacements for each text, 180 bytes a text, most of them with one.
 */
interface Worded {
  replacement: string;
  message: Msg;
  fix: OwnRangeFix;
  next?: Worded;
}

interface Words {
  simp: boolean;
  byText: Map<string, Worded>;
}

const WORDS_KEY = 'script:words';

/**
 * The words of a version's strays: those of the version it was derived from, when its script
 * was the same (a stray's words depend on it alone), added to (ReportDocument.handedDown). Its
 * findings then hold the same message and fix as the last version's, which the checker
 * compares finding by finding (core/run/present.ts sameFindings: by identity first). An entry
 * for each distinct stray and replacement met in the versions it was handed down through: a
 * few thousand at most, one per pair of forms in the conversion tables.
 */
function wordsOf(doc: ReportDocument, simp: boolean): Words['byText'] {
  return doc.handedDown(WORDS_KEY, (): Words => ({ simp, byText: new Map() }), (prev) => prev.simp === simp).byText;
}

export const scriptMixing: Rule = {
  id: 'text/script-mixing',
  description: {
    zh: '简体字与繁体字混用',
    en: 'Simplified and traditional characters mixed in one document',
  },
  severity: 'warning',
  fixable: true,
  fold: { noun: { zh: '简繁不一的字', en: 'characters of the other script' }, action: { zh: '应与全文一致', en: 'write them as the rest of the text' } },
  check(doc, ctx) {
    const report = capped(ctx);
    const p = documentScript(doc);
    if (!p.script) return;
    const simp = p.script === 'simplified';
    // The same stray comes back many times in a long text: its words and its fix (of the finding's own range,
    // OwnRangeFix: held as it is, shared by the findings of that stray) are built once.
    const words = wordsOf(doc, simp);
    const strays = p.strays(MAX_FINDINGS);
    for (let k = 0; k < strays.length; k++) {
      const st = strays[k];
      const first = words.get(st.text);
      let w = first;
      while (w && w.replacement !== st.replacement) w = w.next;
      if (!w) {
        // Kept for as long as the words are handed down: each string in one piece (flat).
        w = {
          replacement: st.replacement,
          message: simp
            ? { zh: flat(`简体文中混有繁体字“${st.text}”，应为“${st.replacement}”`), en: flat(`Traditional “${st.text}” in simplified text: write “${st.replacement}”`) }
            : { zh: flat(`繁体文中混有简体字“${st.text}”，繁体为“${st.replacement}”`), en: flat(`Simplified “${st.text}” in traditional text: the traditional form is “${st.replacement}”`) },
          // Traditional → simplified is one-to-one; the other way often is not (发 → 發/髮).
          fix: { title: { zh: flat(`改为“${st.replacement}”`), en: flat(`Write “${st.replacement}”`) }, newText: st.replacement, safe: simp },
          next: first,
        };
        words.set(st.text, w);
      }
      report({ start: st.start, end: st.end, message: w.message, fix: w.fix });
    }
  },
};

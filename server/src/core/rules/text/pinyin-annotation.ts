// text/pinyin-annotation — 當(dāng)前位置 → 當前位置.
import type { Rule } from '../../rule';
import { isHanCode } from '../../model/chars';
import { syllableKey, type PinyinAnnotations } from '../../model/pinyin';
import type { Msg, OwnRangeFix } from '../../types';

export const pinyinAnnotation: Rule = {
  id: 'text/pinyin-annotation',
  description: {
    zh: '从网页复制时带入的拼音注音应删除，如“當(dāng)”应为“當”',
    en: 'Pinyin annotations pasted from web pages are removed: “當(dāng)” → “當”',
  },
  severity: 'warning',
  fixable: true,
  perLine: {},
  fold: { noun: { zh: '拼音注音', en: 'pinyin annotations' }, action: { zh: '应删除', en: 'remove them' } },
  check(doc, ctx) {
    const text = doc.text;
    const annotations = doc.annotations;
    const { starts, ends } = annotations;
    // Indexed: a pasted page has tens of thousands, and this loop runs mostly unoptimised (a for…of step makes an iterator result and an object).
    for (let k = 0; k < annotations.length; k++) {
      const w = wordsOf(text, annotations, k);
      ctx.report({
        start: starts[k],
        end: ends[k],
        message: w.message,
        fix: w.fix,
      });
    }
  },
};

interface Words {
  message: Msg;
  /** Removes the annotation: a fix of the finding's own range, shared (types.ts OwnRangeFix). */
  fix: OwnRangeFix;
}

/**
 * A pasted page repeats its annotations (當(dāng) hundreds of times, and again in every
 * version of the document): findings with the same words share their message and fix,
 * kept across documents. By syllable (as a number: model/pinyin.ts syllableKey), then by the
 * Han character before and the width of both brackets as one number, so that no key string
 * is made per annotation. At most WORDS_MAX syllables are kept.
 */
const WORDS = new Map<number, Map<number, Words>>();
const WORDS_MAX = 4096;

/** The words of the k-th annotation of `annotations` (those of `text`). */
function wordsOf(text: string, annotations: PinyinAnnotations, k: number): Words {
  const start = annotations.starts[k];
  const end = annotations.ends[k];
  // The Han character before the annotation (hanBefore, as a code point; -1 for none).
  let cp = -1;
  if (start > 0) {
    const c = text.charCodeAt(start - 1);
    const h = start > 1 ? text.charCodeAt(start - 2) : 0;
    const p = c >= 0xdc00 && c <= 0xdfff && h >= 0xd800 && h <= 0xdbff ? (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000 : c;
    if (isHanCode(p)) cp = p;
  }
  const key = (cp + 1) * 4 + (text.charCodeAt(start) === 0x28 ? 0 : 2) + (text.charCodeAt(end - 1) === 0x29 ? 0 : 1);
  const syllable = syllableKey(annotations, k);
  let bySyllable = WORDS.get(syllable);
  if (!bySyllable) {
    bySyllable = new Map();
    if (WORDS.size < WORDS_MAX) WORDS.set(syllable, bySyllable);
  }
  let w = bySyllable.get(key);
  if (w) return w;
  const shown = text.slice(start, end);
  const base = cp < 0 ? '' : String.fromCodePoint(cp);
  w = {
    message: base
      ? { zh: `“${base}”后的拼音注音“${shown}”应删除`, en: `Pinyin annotation “${shown}” after “${base}”: remove it` }
      : { zh: `拼音注音“${shown}”应删除`, en: `Pinyin annotation “${shown}”: remove it` },
    fix: { title: { zh: `删除注音“${shown}”`, en: `Remove “${shown}”` }, newText: '', safe: true },
  };
  bySyllable.set(key, w);
  return w;
}

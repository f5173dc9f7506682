// Build-time tables (issue 14, "lean bundles"): what the checker needs from OpenCC and
// pinyin-pro, computed once from the pinned libraries instead of shipping their whole
// dictionaries. esbuild.mjs serves each table as a virtual module `workreport-data:NAME`
// (cached under node_modules/.cache, keyed by this file and the libraries' versions); nothing
// generated is committed. test/unit/data-tables.test.ts checks each table against the library
// it came from.
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import { pinyin } from 'pinyin-pro';

/** Each `from to[ to…]` entry of an OpenCC dictionary string: [from, first target]. */
function pairs(dict) {
  const out = [];
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to !== undefined) out.push([from, to]);
  }
  return out;
}

const isSingle = (s) => [...s].length === 1;

/**
 * Traditional characters that OpenCC keeps in one phrase by a slip of its data, not because
 * simplified text writes them: they stay evidence of traditional script.
 */
const NOT_SIMPLIFIED = {
  計: 'kept only in TSPhrases 不可貲計 → 不可赀計; simplified text writes 不可赀计',
  廢: 'kept only in STPhrases 廢墟里, an entry for segmenting 廢墟裡; simplified is 废墟',
  舖: 'kept only in STPhrases 吃茶小舖, a Taiwanese shop name; simplified is 铺',
};

/**
 * Traditional characters that simplified text writes in a word OpenCC does not list: they are
 * ambiguous (never evidence of traditional script on their own), and the word is a phrase that
 * keeps them.
 */
const KEPT_IN_SIMPLIFIED = {
  家俬: 'furniture: the trade word of Guangdong that shop and brand names keep in simplified text (家俬城, 家俬厂); 俬 alone is the traditional form of 私',
};

/**
 * Simplified/traditional character classes (core/script/data.ts). A traditional character
 * is written in simplified text too when OpenCC keeps it in a simplified phrase (乾隆, 乾县,
 * 於潜) or gives it as a simplified character's own target; a simplified character is
 * written in traditional text when it is a traditional target or a regional variant (群
 * for OpenCC's 羣, 台 in Hong Kong). Only the others are evidence of a script.
 */
export function scriptTables() {
  const toSimplified = new Map();
  const toTraditional = new Map();
  for (const [t, s] of pairs(TSCharacters)) if (t !== s && isSingle(t) && isSingle(s)) toSimplified.set(t, s);
  for (const [s, t] of pairs(STCharacters)) if (s !== t && isSingle(s) && isSingle(t)) toTraditional.set(s, t);
  const inSimplified = new Set();
  const inTraditional = new Set();
  const mark = (s, set, candidates) => {
    for (const ch of s) if (candidates.has(ch)) set.add(ch);
  };
  for (const [s, t] of pairs(STCharacters)) {
    mark(t, inTraditional, toTraditional);
    mark(s, inSimplified, toSimplified);
  }
  for (const [t, s] of pairs(TSCharacters)) {
    mark(s, inSimplified, toSimplified);
    mark(t, inTraditional, toTraditional);
  }
  for (const [t, s] of pairs(TSPhrases)) {
    mark(t, inTraditional, toTraditional);
    mark(s, inSimplified, toSimplified);
  }
  for (const dict of [TWVariants, HKVariants, TWPhrases, HKPhrases]) {
    for (const [a, b] of pairs(dict)) {
      mark(a, inTraditional, toTraditional);
      mark(b, inTraditional, toTraditional);
    }
  }
  // Simplified phrases that keep a traditional character as it is: from the
  // simplified → traditional table (乾隆 → 乾隆) and the traditional → simplified one
  // (乾縣 → 乾县, 於潛 → 於潜).
  let maxPhrase = 2;
  const keeps = new Set();
  const keeping = (simp, trad) => {
    const s = [...simp];
    const t = [...trad];
    if (s.length !== t.length) return;
    s.forEach((ch, i) => {
      if (toSimplified.has(ch) && t[i] === ch) keeps.add(simp);
    });
  };
  for (const [s, t] of pairs(STPhrases)) {
    if (s.length > maxPhrase) maxPhrase = s.length;
    mark(s, inSimplified, toSimplified);
    mark(t, inTraditional, toTraditional);
    keeping(s, t);
  }
  for (const [t, s] of pairs(TSPhrases)) keeping(s, t);
  for (const word of Object.keys(KEPT_IN_SIMPLIFIED)) {
    mark(word, inSimplified, toSimplified);
    keeping(word, word);
  }
  const traditionalOnly = [];
  const ambiguous = [];
  for (const t of toSimplified.keys()) (inSimplified.has(t) && !NOT_SIMPLIFIED[t] ? ambiguous : traditionalOnly).push(t);
  const simplifiedOnly = [...toTraditional.keys()].filter((s) => !inTraditional.has(s));
  // Only the phrases of ambiguous characters matter (the others are flagged anyway).
  const amb = new Set(ambiguous);
  const keptPhrases = [...keeps].filter((p) => [...p].some((ch) => amb.has(ch))).sort();
  return {
    traditionalOnly: traditionalOnly.join(''),
    simplifiedOnly: simplifiedOnly.join(''),
    ambiguous: ambiguous.join(''),
    keeps: keptPhrases.join('|'),
    maxPhrase,
  };
}

/**
 * OpenCC's simplified → traditional phrase table (1 MB as opencc-js ships it), for the
 * "convert to traditional" command. Almost every entry matters (removing the ones whose
 * target the shorter entries already give changes 19 of 154 real reports: a removed phrase
 * no longer stops a longer match from starting inside it), so all are kept; but 80% of them
 * convert character by character with STCharacters' first target, and for those only the
 * key is stored (`same`); the others are `from to` pairs (`diff`). 1,005 KB → ~600 KB.
 */
export function stPhrases() {
  const chars = new Map(pairs(STCharacters));
  const charwise = (s) => [...s].map((c) => chars.get(c) ?? c).join('');
  const same = [];
  const diff = [];
  for (const [s, t] of pairs(STPhrases)) (charwise(s) === t ? same : diff).push(charwise(s) === t ? s : `${s} ${t}`);
  return { same: same.join('|'), diff: diff.join('|') };
}

/** Toneless readings of every Han character pinyin-pro knows, by syllable: { yi: '一衣医…' }. */
export function pinyinReadings() {
  const by = new Map();
  const ranges = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ebef], [0x30000, 0x3134f]];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCodePoint(c);
      const r = pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true });
      for (const s of new Set(r)) {
        if (s === ch) continue;
        if (!by.has(s)) by.set(s, []);
        by.get(s).push(ch);
      }
    }
  }
  return Object.fromEntries([...by].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, l]) => [s, l.join('')]));
}

// Tables computed at build time from OpenCC and pinyin-pro (scripts/data/tables.mjs; served
// by esbuild.mjs as virtual modules, never committed).

declare module 'workreport-data:script' {
  const tables: {
    /** Traditional characters never written in simplified text. */
    traditionalOnly: string;
    /** Simplified characters never written in traditional text. */
    simplifiedOnly: string;
    /** Traditional characters that simplified text also uses in some words (乾, 於). */
    ambiguous: string;
    /** `|`-separated simplified phrases that keep an ambiguous character (乾隆, 乾县, 於潜). */
    keeps: string;
    /** Longest OpenCC phrase. */
    maxPhrase: number;
  };
  export default tables;
}

declare module 'workreport-data:pinyin' {
  /** Toneless syllable → the Han characters that have that reading. */
  const readings: Record<string, string>;
  export default readings;
}

declare module 'workreport-data:st-phrases' {
  /** OpenCC's simplified → traditional phrases: keys converted character by character (`same`) and `from to` pairs (`diff`), both `|`-separated. */
  const load: () => { same: string; diff: string };
  export default load;
}

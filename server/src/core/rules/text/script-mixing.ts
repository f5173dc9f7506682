// text/script-mixing — simplified and traditional characters mixed in one document.
// The document's script is what most of its unambiguous characters are; the characters
// of the other script are flagged. Ambiguous characters (显著, 怎么, 干部, 皇后, 乾隆, 乾县,
// 於潜) never count on their own: see core/script. The commands 转换为简体/繁体 convert the whole document.
import type { Rule } from '../../rule';
import type { Msg } from '../../types';
import { scriptProfile, type ScriptProfile } from '../../script/mixing';
import type { ReportDocument } from '../../model/document';
import { ANNOTATION, BOILERPLATE, GARBLED, MAX_FINDINGS, scope, capped } from '../../model/scope';

/** The document's script profile (shared with the conversion commands). */
export function documentScript(doc: ReportDocument): ScriptProfile {
  return doc.memo('script:profile', () => {
    const s = scope(doc);
    return scriptProfile(doc.text, s.mask, ANNOTATION | GARBLED | BOILERPLATE);
  });
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
    // The same stray comes back many times in a long text: its words are built once.
    const words = new Map<string, { message: Msg; title: Msg }>();
    for (const st of p.strays(MAX_FINDINGS)) {
      const key = st.text + '\u0000' + st.replacement;
      let w = words.get(key);
      if (!w) {
        w = {
          message: simp
            ? { zh: `简体文中混有繁体字“${st.text}”，应为“${st.replacement}”`, en: `Traditional “${st.text}” in simplified text: write “${st.replacement}”` }
            : { zh: `繁体文中混有简体字“${st.text}”，繁体为“${st.replacement}”`, en: `Simplified “${st.text}” in traditional text: the traditional form is “${st.replacement}”` },
          title: { zh: `改为“${st.replacement}”`, en: `Write “${st.replacement}”` },
        };
        words.set(key, w);
      }
      report({
        start: st.start,
        end: st.end,
        message: w.message,
        fix: {
          title: w.title,
          edits: [{ start: st.start, end: st.end, newText: st.replacement }],
          // Traditional → simplified is one-to-one; the other way often is not (发 → 發/髮).
          safe: simp,
        },
      });
    }
  },
};

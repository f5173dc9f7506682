// Writing inserted headings in the document's own script: a traditional-character report
// gets `存在的問題`, not `存在的问题`. The document itself says which traditional form it
// uses for each character (the view folds 問 → 问), so no reverse table is needed.
import { isHanCode } from '../model/chars';
import type { ReportDocument } from '../model/document';

interface Script {
  traditional: boolean;
  /** Simplified → the traditional form the document writes. */
  forms: Map<string, string>;
}

function scriptOf(doc: ReportDocument): Script {
  return doc.memo('outline:script', () => {
    const forms = new Map<string, string>();
    const v = doc.view;
    let han = 0;
    let folded = 0;
    for (let i = 0; i < v.text.length; i++) {
      const c = v.text.charCodeAt(i);
      if (!isHanCode(c)) continue;
      han++;
      const o = doc.text[v.toOrig[i]];
      if (o !== v.text[i]) {
        folded++;
        if (!forms.has(v.text[i])) forms.set(v.text[i], o);
      }
    }
    // Traditional when a good share of the Han text folds (a few stray forms do not count).
    return { traditional: han > 0 && folded / han > 0.15, forms };
  });
}

/** `s` (simplified) in the document's script, as far as the document shows the forms. */
export function inDocumentScript(doc: ReportDocument, s: string): string {
  const sc = scriptOf(doc);
  if (!sc.traditional) return s;
  let out = '';
  for (const ch of s) out += sc.forms.get(ch) ?? ch;
  return out;
}

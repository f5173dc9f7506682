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
    // Run by run of the view's map (view index + the run's shift = original offset).
    const map = v.toOrig;
    for (let k = 0; k < map.runs; k++) {
      const shift = map.runShift(k);
      for (let i = map.runStart(k), e = Math.min(map.runEnd(k), v.text.length); i < e; i++) {
        const c = v.text.charCodeAt(i);
        if (!isHanCode(c)) continue;
        han++;
        if (doc.text.charCodeAt(i + shift) !== c) {
          folded++;
          if (!forms.has(v.text[i])) forms.set(v.text[i], doc.text[i + shift]);
        }
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

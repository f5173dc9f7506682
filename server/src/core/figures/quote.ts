// Quoting the report in a message: the original characters as written (traditional stays
// traditional, annotations stay), so that the writer can find them with Ctrl+F; cut to a
// length a message line can carry, and never leaving a quotation mark open.
import type { ReportDocument } from '../model/document';

const MAX = 24;

/** The original text of the view span [start, end), ready to go inside “ ”. */
export function quoteOf(doc: ReportDocument, start: number, end: number, max = MAX): string {
  const span = doc.toOrig(start, end);
  let s = doc.text.slice(span.start, span.end).replace(/\s+/g, '');
  let cut = false;
  if ([...s].length > max) {
    s = [...s].slice(0, max).join('');
    cut = true;
  }
  // An opening mark whose closing mark was cut off (or never written) ends the quote there.
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '“') {
      if (depth === 0) open = i;
      depth++;
    } else if (s[i] === '”') {
      if (depth === 0) {
        s = s.slice(0, i);
        cut = true;
        break;
      }
      depth--;
    }
  }
  if (depth > 0 && open >= 0) {
    s = s.slice(0, open);
    cut = true;
  }
  return cut ? `${s}…` : s;
}

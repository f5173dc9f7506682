// Edits that rewrite heading markers: renumbering keeps each marker's own style
// (`（四）` → `（三）`, `4、` → `3、`) and only touches the marker.
import type { ReportDocument } from '../model/document';
import type { Heading } from '../model/headings';
import { enclosedMarker, writeMarker } from '../model/numbering';
import type { TextEdit } from '../types';
import { markerText } from './siblings';

/** Marker `value` as the writer writes `like`'s markers (`㈡` after `㈠`, else the style's form). */
export function markerAs(doc: ReportDocument, like: Heading, value: number): string {
  return enclosedMarker(markerText(doc, like), value) ?? writeMarker(like.numbering!.style, value);
}

/** Edit that gives `h` the ordinal `value` in its own style, or undefined when it has it. */
export function renumberEdit(doc: ReportDocument, h: Heading, value: number): TextEdit | undefined {
  if (!h.numbering || !h.markerSpan || h.numbering.value === value) return undefined;
  // Keep the writer's full-width dot (`1．`) when that is what they typed.
  const orig = markerText(doc, h);
  let marker = markerAs(doc, h, value);
  if (orig.endsWith('．')) marker = marker.replace(/\.$/, '．');
  if (/^[０-９]/.test(orig)) marker = marker.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return { start: h.markerSpan.start, end: h.markerSpan.end, newText: marker };
}

/** Edits that number `hs` consecutively from `from`. */
export function renumberAll(doc: ReportDocument, hs: Heading[], from = 1): TextEdit[] {
  const out: TextEdit[] = [];
  hs.forEach((h, i) => {
    const e = renumberEdit(doc, h, from + i);
    if (e) out.push(e);
  });
  return out;
}

// outline/numbering-sequence — numbering at one level skips, repeats, restarts or runs
// backwards within its parent (一、二、四；1、2、2、3；（一）（二）（一）).
import type { Rule } from '../../rule';
import type { ReportDocument } from '../../model/document';
import { writeMarker } from '../../model/numbering';
import { renumberAll } from '../../outline/renumber';
import { headingLabel, numberedGroups } from '../../outline/siblings';
import type { Msg } from '../../types';

/** `(三)` and `（三）` alike: the view makes brackets around Chinese full-width, not around digits. */
function squashBrackets(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Is the "missing" item there after all, on a line that was not taken as a heading (too
 * long for a standalone heading, say)? Then the numbering is right and the finding would
 * be a false alarm.
 */
function writtenBetween(doc: ReportDocument, fromLine: number, toLine: number, marker: string): boolean {
  const want = squashBrackets(marker);
  for (let i = fromLine; i < toLine; i++) {
    const line = squashBrackets(doc.viewLine(i).trimStart().replace(/^#+\s*/, ''));
    if (line.startsWith(want)) return true;
  }
  return false;
}

export const numberingSequence: Rule = {
  id: 'outline/numbering-sequence',
  description: {
    zh: '同一层级的序号跳号、重号、中途重新从一开始或倒序',
    en: 'Numbering at one level skips, repeats, restarts or goes backwards',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    for (const g of numberedGroups(doc)) {
      const items = g.items;
      // A fix for a list of reasonable length (every finding of the group shares it).
      const fixEdits = items.length <= 100 ? renumberAll(doc, items.map((s) => s.heading)) : [];
      const fix = fixEdits.length
        ? { title: { zh: '重新编号', en: 'Renumber' }, edits: fixEdits, safe: false }
        : undefined;
      let reported = 0;
      // A whole list of broken numbers is one problem: a few findings say it, the fix renumbers all.
      for (let i = 0; i < items.length && reported < 20; i++) {
        const h = items[i].heading;
        const n = h.numbering!;
        const prevH = i > 0 ? items[i - 1].heading : undefined;
        const expected = prevH ? prevH.numbering!.value + 1 : 1;
        if (n.value === expected) continue;
        const want = writeMarker(n.style, expected);
        // Skipped or missing-first items that are in the text, only not as a heading line.
        if (n.value > expected) {
          const from = prevH ? prevH.line + 1 : g.parent ? g.parent.heading.line + 1 : 0;
          if (writtenBetween(doc, from, h.line, want)) continue;
        }
        const label = headingLabel(doc, h);
        let message: Msg;
        if (!prevH) {
          // A list that starts at （二） under its parent: the first item is missing.
          message = { zh: `“${label}”是该层第一项，应从“${want}”开始`, en: `“${label}” is the first item at its level; numbering should start at “${want}”` };
        } else if (n.value === 1) {
          // A restart in another style is more likely a separate list inside the text.
          if (n.style !== prevH.numbering!.style) continue;
          message = { zh: `序号在同一部分内重新开始：“${headingLabel(doc, prevH)}”之后应为“${want}”`, en: `Numbering restarts within the same section: after “${headingLabel(doc, prevH)}” comes “${want}”` };
        } else if (n.value === prevH.numbering!.value) {
          message = { zh: `序号重复：“${label}”与上一项同号，应为“${want}”`, en: `Repeated number: “${label}” repeats the previous one; it should be “${want}”` };
        } else if (n.value > expected) {
          const missing = [];
          for (let v = expected; v < n.value && missing.length < 5; v++) missing.push(writeMarker(n.style, v));
          message = { zh: `序号跳号：缺少“${missing.join('”“')}”，“${label}”应为“${want}”`, en: `Numbering skips “${missing.join('”, “')}”: “${label}” should be “${want}”` };
        } else {
          message = { zh: `序号倒序：“${label}”排在“${headingLabel(doc, prevH)}”之后，应为“${want}”`, en: `Numbering goes backwards: “${label}” follows “${headingLabel(doc, prevH)}”; it should be “${want}”` };
        }
        reported++;
        ctx.report({
          start: h.span.start,
          end: h.span.end,
          message,
          fix,
          related: prevH ? [{ start: prevH.span.start, end: prevH.span.end, message: { zh: '上一项', en: 'previous item' } }] : undefined,
        });
      }
    }
  },
};

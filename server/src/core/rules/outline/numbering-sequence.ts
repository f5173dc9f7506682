// outline/numbering-sequence — numbering at one level skips, repeats, restarts or runs
// backwards within its parent (一、二、四；1、2、2、3；（一）（二）（一）).
//
// A report excerpt, a list inside the text and a table of contents all break numbering
// without being wrong, so the rule speaks only on evidence from the text itself:
// - a first item that is not 一: under a heading that is in the text, a warning unless the
//   missing item is written inline (`一、基本职能 （一）在本区域内…`); at the top of the
//   text only a hint, and only when the text plainly begins at its beginning (a title and
//   an intro), since an excerpt may start at 三、;
// - a skip: not when the missing number is written somewhere between (a paragraph too
//   long to be a heading, an inline item), nor when text between was visibly lost
//   (`主要表现在：` and then 四、, a paragraph broken off mid-sentence): the lost part held
//   the missing items.
//   A gap of two or more numbers is more often a passage missing from the copy than a slip
//   of renumbering: a note (information);
// - a restart at 1: not in another style, not among numbered sentences or list items, not
//   after a paragraph that announces a new list (`整改措施如下：`): a new list inside the
//   text; only section titles that start again are reported.
import type { Rule } from '../../rule';
import type { ReportDocument } from '../../model/document';
import type { Heading, Section } from '../../model/headings';
import { enclosedMarker, writeMarker } from '../../model/numbering';
import { markerAs, renumberAll } from '../../outline/renumber';
import { headingAtLine, headingLabel, markerText, numberedGroups } from '../../outline/siblings';
import { startsAtBeginning, textLostBetween } from '../../outline/structure';
import type { Fix, Msg, Severity } from '../../types';

/** `(三)` and `（三）` alike: the view makes brackets around Chinese full-width, not around digits. */
function squashBrackets(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Is marker `value` of `style` written anywhere in view offsets [from, to) — at a line
 * start, inline after a space or a mark, or run on after a title (`扎实有力1.城乡低保`)?
 * Then the "missing" item is in the text, only not as a heading line of its own.
 */
function writtenBetween(doc: ReportDocument, from: number, to: number, like: Heading, value: number): boolean {
  if (to <= from) return false;
  const text = squashBrackets(doc.view.text.slice(from, to));
  const enclosed = enclosedMarker(markerText(doc, like), value);
  if (enclosed && text.includes(enclosed)) return true;
  const want = squashBrackets(writeMarker(like.numbering!.style, value));
  const arabic = /^[0-9]/.test(want);
  for (let i = text.indexOf(want); i >= 0; i = text.indexOf(want, i + 1)) {
    const before = text[i - 1];
    const after = text[i + want.length];
    // Not part of a larger number (`12.`, `十二、`, `第二、`) nor a decimal (`1.5万`).
    if (before && (arabic ? /[0-9.．]/.test(before) : /[一二三四五六七八九十第]/.test(before))) continue;
    if (arabic && after && /[0-9]/.test(after)) continue;
    return true;
  }
  return false;
}

/**
 * Is a new list announced between lines `from` and `to` — a paragraph of text that ends
 * with a colon (`整改措施如下：`, `备注：`)? Then numbering starting again at 1 is that list.
 */
function listAnnouncedBetween(doc: ReportDocument, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    if (headingAtLine(doc, i)) continue;
    if (/[：:]$/.test(doc.viewLine(i).trim())) return true;
  }
  return false;
}

/** View offset where a section's own text starts after its marker (its title included). */
function afterMarker(doc: ReportDocument, s: Section): number {
  const h = s.heading;
  return doc.toView(h.markerStart >= 0 ? h.markerEnd : h.spanStart);
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
    const groups = numberedGroups(doc);
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k];
      const items = g.items;
      // A fix for a list of reasonable length (every finding of the group shares it), and the
      // parent's label: made for the group's first finding (most groups run on and have none).
      let made = false;
      let fix: Fix | undefined;
      let parentLabel: string | undefined;
      const make = () => {
        if (made) return;
        made = true;
        const fixEdits = items.length <= 100 ? renumberAll(doc, items.map((s) => s.heading)) : [];
        fix = fixEdits.length ? { title: { zh: '重新编号', en: 'Renumber' }, edits: fixEdits, safe: false } : undefined;
        parentLabel = g.parent ? headingLabel(doc, g.parent.heading) : undefined;
      };
      let reported = 0;
      // A whole list of broken numbers is one problem: a few findings say it, the fix renumbers all.
      for (let i = 0; i < items.length && reported < 20; i++) {
        const s = items[i];
        const h = s.heading;
        const n = h.numbering!;
        const prev = i > 0 ? items[i - 1] : undefined;
        const prevH = prev?.heading;
        const expected = prevH ? prevH.numbering!.value + 1 : 1;
        if (n.value === expected) continue;
        make();
        const want = markerAs(doc, h, expected);
        const label = headingLabel(doc, h);
        const hStart = doc.toView(h.spanStart);
        let message: Msg;
        let severity: Severity | undefined;
        if (!prevH) {
          if (g.parent) {
            // The parent is in the text, so its list starts here: unless the first items are
            // written inline after the parent's title or in its lead.
            if (writtenBetween(doc, afterMarker(doc, g.parent), hStart, h, 1)) continue;
            message = {
              zh: `“${parentLabel}”下的第一项是“${label}”，序号应从“${want}”开始`,
              en: `The first item under “${parentLabel}” is “${label}”; numbering should start at “${want}”`,
            };
          } else {
            // The top of the text: an excerpt may start anywhere. A hint, and only for a text
            // that shows its own beginning (a title and an intro) with no earlier item written.
            if (!startsAtBeginning(doc) || writtenBetween(doc, 0, hStart, h, 1)) continue;
            severity = 'hint';
            message = {
              zh: `全文第一个同级序号是“${label}”，前面没有“${want}”；如这是全文，序号应从“${want}”开始`,
              en: `The first item at this level is “${label}” with no “${want}” before it; if this is the whole text, numbering should start at “${want}”`,
            };
          }
        } else if (n.value === 1) {
          // A restart in another style is more likely a separate list inside the text, and so
          // is one among numbered sentences or list items.
          if (n.style !== prevH.numbering!.style) continue;
          if (h.kind === 'item' || prevH.kind === 'item') continue;
          if (listAnnouncedBetween(doc, prevH.line, h.line)) continue;
          const where = parentLabel ? `同在“${parentLabel}”下，` : '';
          const whereEn = parentLabel ? ` under “${parentLabel}”` : '';
          message = {
            zh: `序号重新开始：${where}上一项是“${headingLabel(doc, prevH)}”，此处应为“${want}”`,
            en: `Numbering restarts${whereEn}: the previous item is “${headingLabel(doc, prevH)}”, so this should be “${want}”`,
          };
        } else if (n.value === prevH.numbering!.value) {
          message = {
            zh: `序号重复：“${label}”与上一项同号，应为“${want}”`,
            en: `Repeated number: “${label}” has the same number as the previous item; it should be “${want}”`,
          };
        } else if (n.value > expected) {
          // The missing items are in the text after all, or the text before the jump was cut off.
          let written = false;
          for (let v = expected; v < n.value && !written; v++) written = writtenBetween(doc, afterMarker(doc, prev!), hStart, h, v);
          if (written || textLostBetween(doc, prevH.line, h.line)) continue;
          const missing = [];
          for (let v = expected; v < n.value && missing.length < 5; v++) missing.push(markerAs(doc, h, v));
          // One number left out is the usual slip of renumbering; two or more in a row are
          // more often a passage missing from this copy of the text: a note, not a warning.
          if (n.value - expected >= 2) severity = 'information';
          message = {
            zh: `序号跳号：“${headingLabel(doc, prevH)}”之后是“${label}”，缺少“${missing.join('”“')}”`,
            en: `Numbering skips “${missing.join('”, “')}”: “${label}” follows “${headingLabel(doc, prevH)}”`,
          };
        } else {
          message = {
            zh: `序号倒序：“${label}”排在“${headingLabel(doc, prevH)}”之后，应为“${want}”`,
            en: `Numbering goes backwards: “${label}” follows “${headingLabel(doc, prevH)}”; it should be “${want}”`,
          };
        }
        reported++;
        ctx.report({
          start: h.span.start,
          end: h.span.end,
          severity,
          message,
          fix,
          related: prevH ? [{ start: prevH.span.start, end: prevH.span.end, message: { zh: '上一项', en: 'previous item' } }] : undefined,
        });
      }
    }
  },
};

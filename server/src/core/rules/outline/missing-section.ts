// outline/missing-section — a required section of the template is absent.
//
// A warning needs two kinds of evidence; with one of them the finding is a note
// (information), with neither there is none:
// - that the report follows this template: it was set in the configuration, or two level-1
//   headings name two of its sections (one combined heading `主要做法和成效` is one piece of
//   evidence), and the title does not name another kind of report (`……调研报告`);
// - that the section is missing from the report, not from this copy of it: it belongs
//   between two sections whose numbers run on without a gap, or before a first section
//   numbered 一, or after the last section of a report that ends with its closing
//   (`以上报告，请予评议。`, the date). An excerpt that starts at 三、 or stops mid-way
//   has lost sections that the writer wrote.
import type { Rule } from '../../rule';
import { chooseTemplate } from '../../outline/templates';
import { writeMarker } from '../../model/numbering';
import { renumberAll, renumberEdit } from '../../outline/renumber';
import { inDocumentScript } from '../../outline/heading-script';
import { eolOf, headingLabel } from '../../outline/siblings';
import { closingStart, documentTitle, hasClosing } from '../../outline/structure';
import type { TemplateSection } from '../../config/config';
import type { Heading } from '../../model/headings';
import type { TextEdit } from '../../types';

/** A title naming the parts of the report: a review and a plan (`2024年工作总结和2025年工作打算`). */
const PARTS_TITLE = /(?:总结|情况|回顾|汇报).{0,16}(?:和|及|与|暨|、).{0,16}(?:计划|打算|安排|思路|要点|设想)/;

/** Does the title name this section (one of its usual titles, or its key)? */
function namedIn(sec: TemplateSection, title: string): boolean {
  return title.includes(sec.key) || sec.matches.some((m) => title.includes(m));
}

/** Do the level-1 numbers run on from `a` to `b` (一、二、三, no gap where a section was lost)? */
function runsOn(level1: Heading[], a: Heading, b: Heading): boolean {
  const from = level1.indexOf(a);
  const to = level1.indexOf(b);
  for (let i = from + 1; i <= to; i++) {
    const x = level1[i - 1].numbering;
    const y = level1[i].numbering;
    if (x && y && y.value !== x.value + 1) return false;
  }
  return true;
}

/** Does the first level-1 heading start the numbering (一、, or a Markdown heading without number)? */
function startsAtOne(level1: Heading[]): boolean {
  const first = level1[0];
  return !!first && (!first.numbering || first.numbering.value === 1);
}

export const missingSection: Rule = {
  id: 'outline/missing-section',
  description: {
    zh: '报告缺少模板要求的一级部分（如“几点体会”）',
    en: 'A section the template requires (e.g. “几点体会”) is missing',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const match = chooseTemplate(doc, ctx.config);
    // Only a document that follows the outline is held to it. With one matching section
    // out of three the template is a guess (many reports number their 做法 as 一、二、三、),
    // so the finding is a note; a chosen template or two matches make it a warning.
    if (match.score === 0) return;
    // Evidence for the template: distinct headings that name its sections.
    const naming = match.headings.filter((h) => h.section);
    const namingKeys = new Set(naming.map((h) => h.section!.key));
    const templateSure = match.chosen || (namingKeys.size >= 2 && !match.titleNames);
    // The headings the template was recognised by, each section once.
    const shown = [...new Map(naming.map((h) => [h.section!.key, `“${headingLabel(doc, h.heading)}”`])).values()].slice(0, 3);
    const evidence = match.chosen
      ? { zh: `按设定的${match.template.name}模板`, en: `template “${match.template.name}”, as configured` }
      : { zh: `按${match.template.name}模板，据${shown.join('')}判定`, en: `template “${match.template.name}”, recognised by ${shown.join(', ')}` };
    const doubt = match.titleNames
      ? { zh: `；标题像是${match.titleNames}`, en: `; the title suggests “${match.titleNames}”` }
      : { zh: '', en: '' };
    const docTitle = documentTitle(doc) ?? '';
    const partsTitle = PARTS_TITLE.test(docTitle);
    const present = new Set<string>();
    for (const h of match.headings) {
      if (h.section) present.add(h.section.key);
      if (h.also) present.add(h.also.key);
    }
    const sections = match.template.sections;
    const level1 = match.headings.map((h) => h.heading);
    const eol = eolOf(doc);
    sections.forEach((sec, i) => {
      if (present.has(sec.key)) return;
      // Where it belongs: before the first later section that is present, else after the last earlier one.
      const laterKeys = new Set(sections.slice(i + 1).map((s) => s.key));
      const next = match.headings.find((h) => h.section && laterKeys.has(h.section.key));
      const prevs = match.headings.filter((h) => h.section && !laterKeys.has(h.section.key));
      const prev = prevs[prevs.length - 1];
      // Level-1 headings that name no section stand where this one belongs (一、医疗服务能力
      //稳步提升 二、公共卫生服务扎实开展 before 三、存在问题): the writer gave the section's
      // content titles of its own, so it is there.
      // (At the end, after the last section, such headings are more often an added topic.)
      const from = prev ? match.headings.indexOf(prev) + 1 : 0;
      if (next && match.headings.slice(from, match.headings.indexOf(next)).some((h) => !h.section && !h.also)) return;
      const anchor = next ?? prev ?? match.headings[0];
      const a = anchor.heading;
      const placeSure = next && prev ? runsOn(level1, prev.heading, next.heading) : next ? startsAtOne(level1) && runsOn(level1, level1[0], next.heading) : hasClosing(doc);
      // Neither kind of evidence: the template is a guess and the text may be a fragment
      // (decided before the heading and its edits are written).
      if (!templateSure && !placeSure) return;
      // The new heading takes the ordinal of the heading it goes before (or follows the
      // last one) in the style the document uses, and the headings after it move up by one.
      const nextIndex = next ? level1.indexOf(next.heading) : level1.length;
      const before = level1[nextIndex - 1];
      const ordinal = next?.heading.numbering?.value ?? (before?.numbering ? before.numbering.value + 1 : i + 1);
      const style = a.numbering?.style ?? 'han-dun';
      const marker = a.numbering || !a.markdownDepth ? writeMarker(style, ordinal) : '';
      const title = inDocumentScript(doc, sec.title);
      const md = a.markdownDepth ? '#'.repeat(a.markdownDepth) + ' ' : '';
      const headingText = `${md}${marker}${title}`;
      const edits: TextEdit[] = [];
      // A heading inside a flattened line has no line of its own to insert before: no fix.
      if (next?.heading.inline) {
        // nothing to edit
      } else if (next) {
        const h = next.heading;
        const line = doc.lines[h.line];
        const lineText = doc.text.slice(line.start, line.end);
        const indent = /^[ \t\u3000\u00a0]*/.exec(lineText)![0];
        // Keep the document's paragraph spacing: a blank line before the heading means one after ours.
        const prevLine = doc.lines[h.line - 1];
        const blank = prevLine && !doc.text.slice(prevLine.start, prevLine.end).trim();
        const inserted = `${indent}${headingText}${eol}${blank ? eol : ''}`;
        // One edit from the line start through the next heading's marker, which moves up
        // by one (an insertion and a replacement at the same offset would not combine).
        const bump = h.numbering && h.markerSpan ? renumberEdit(doc, h, ordinal + 1) : undefined;
        // Never in front of a BOM: it stays the first character.
        const at = line.start === 0 && doc.text.charCodeAt(0) === 0xfeff ? 1 : line.start;
        if (bump) edits.push({ start: at, end: bump.end, newText: inserted + doc.text.slice(at, bump.start) + bump.newText });
        else edits.push({ start: at, end: at, newText: inserted });
        edits.push(...renumberAll(doc, level1.slice(nextIndex + 1).filter((x) => x.numbering), ordinal + 2));
      } else {
        // At the end of the report, but before its closing (以上报告，请予评议。/ 述职人 / date / page footer).
        let closing = -1;
        for (let l = closingStart(doc); l < doc.lines.length; l++) {
          if (doc.lines[l].end > doc.lines[l].start && doc.text.slice(doc.lines[l].start, doc.lines[l].end).trim()) {
            closing = l;
            break;
          }
        }
        if (closing > 0) {
          const at = doc.lines[closing].start;
          const prevLine = doc.lines[closing - 1];
          const blank = !doc.text.slice(prevLine.start, prevLine.end).trim();
          edits.push({ start: at, end: at, newText: `${headingText}${eol}${blank ? eol : ''}` });
        } else {
          const end = doc.text.length;
          const sep = /[\r\n]$/.test(doc.text) ? '' : eol;
          edits.push({ start: end, end, newText: `${sep}${eol}${headingText}${eol}` });
        }
      }
      const where = next
        ? { zh: `应补在“${headingLabel(doc, next.heading)}”之前`, en: `add it before “${headingLabel(doc, next.heading)}”` }
        : { zh: `应补在“${headingLabel(doc, prev?.heading ?? a)}”之后`, en: `add it after “${headingLabel(doc, prev?.heading ?? a)}”` };
      ctx.report({
        start: a.span.start,
        end: a.span.end,
        // A title that lists the report's parts (`上半年工作总结和下半年工作计划`) says what the
        // report holds: a section it does not name is optional there.
        severity: templateSure && placeSure && !(partsTitle && !namedIn(sec, docTitle)) ? undefined : 'information',
        message: {
          zh: `缺少“${sec.title}”部分，${where.zh}（${evidence.zh}${doubt.zh}）`,
          en: `Missing section “${sec.title}”: ${where.en} (${evidence.en}${doubt.en})`,
        },
        fix: edits.length
          ? {
              title: { zh: `插入“${marker}${title}”`, en: `Insert “${marker}${title}”` },
              edits,
              safe: false,
            }
          : undefined,
      });
    });
  },
};

// outline/empty-section — a section title with nothing under it: the next line is the next
// heading of the same or a higher level.
//
// Only a heading that plainly is a section title can be empty (`Heading.kind` 'title': the
// line holds a short title and nothing else). A numbered sentence or list item
// (`3、举办培训班。`, `1.先进个人：张三`), a run-in heading and a table row carry their own
// content. And the evidence must be in the text:
// - something follows it: the next heading, or the closing of a finished report (an excerpt
//   that stops at a heading, or a heading being typed at the end, says nothing);
// - its siblings have content, most of them: a run of short titles with nothing under
//   them is a list or a table of contents, not a row of empty sections.
import type { Rule } from '../../rule';
import { eachSection, headingAtLine, headingLabel, siblingsOf } from '../../outline/siblings';
import { blankViewLine, closingStart, lastContentLine, sectionLead } from '../../outline/structure';
import type { Heading, Section } from '../../model/headings';
import type { ReportDocument } from '../../model/document';

/** Text or sub-headings under the heading (a run-in heading's body counts). */
function hasBody(doc: ReportDocument, s: Section): boolean {
  if (s.children.length > 0) return true;
  if (s.heading.runIn) return sectionLead(doc, s).length > 0;
  // Without sub-sections the lead runs to the section's last line with text: there is one below the heading, or no lead.
  return lastContentLine(doc, s) > s.heading.line;
}

/** The heading that starts on the next line with text after `line`, if any. */
function nextHeadingAfter(doc: ReportDocument, line: number): Heading | 'closing' | undefined {
  const closing = closingStart(doc);
  for (let i = line + 1; i < doc.lines.length; i++) {
    if (doc.boilerplate.has(i) || blankViewLine(doc, i)) {
      // A page footer after the text is the end of a finished page.
      if (doc.boilerplate.has(i) && i >= closing) return 'closing';
      continue;
    }
    if (i >= closing) return 'closing';
    return headingAtLine(doc, i);
  }
  return undefined;
}

export const emptySection: Rule = {
  id: 'outline/empty-section',
  description: {
    zh: '标题下没有内容',
    en: 'A heading with nothing under it',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    // Whether a bare title's siblings have content: memoised (in a run of bare titles each would
    // be read once per pair). Only theirs: a map of every title section was a large object each
    // edit (0.34 MB on the 1 M bench report).
    let content: Map<Section, boolean> | undefined;
    const has = (s: Section) => {
      content ??= new Map<Section, boolean>();
      let v = content.get(s);
      if (v === undefined) content.set(s, (v = hasBody(doc, s)));
      return v;
    };
    const sections = eachSection(doc);
    for (let k = 0; k < sections.length; k++) {
      const s = sections[k];
      const h = s.heading;
      if (h.kind !== 'title' || (content?.get(s) ?? hasBody(doc, s))) continue;
      const next = nextHeadingAfter(doc, h.line);
      if (!next) continue;
      if (next !== 'closing' && (next.level === 0 || next.level > h.level)) continue;
      // A gap among filled siblings is a placeholder; where most siblings are bare titles
      // too, the run is a list of points (`（一）加强领导 （二）强化宣传 （三）严格考核。……`).
      const others = siblingsOf(doc, s).filter((o) => o !== s);
      const filled = others.filter((o) => o.heading.kind !== 'title' || has(o)).length;
      if (filled * 2 <= others.length) continue;
      const label = headingLabel(doc, h);
      const after = next === 'closing' ? { zh: '其后即是结尾', en: 'the closing follows' } : { zh: `其后紧接“${headingLabel(doc, next)}”`, en: `“${headingLabel(doc, next)}” follows at once` };
      ctx.report({
        start: h.span.start,
        end: h.span.end,
        message: {
          zh: `“${label}”下没有内容，${after.zh}`,
          en: `Nothing under “${label}”: ${after.en}`,
        },
      });
    }
  },
};

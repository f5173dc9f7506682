// outline/empty-section — a heading with nothing under it (the next line is the next heading).
import type { Rule } from '../../rule';
import { eachSection, headingLabel } from '../../outline/siblings';
import { sectionLead } from '../../outline/structure';
import type { Section } from '../../model/headings';
import type { ReportDocument } from '../../model/document';

function hasContent(doc: ReportDocument, s: Section): boolean {
  return s.children.length > 0 || s.heading.runIn || sectionLead(doc, s).length > 0;
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
    const content = new Map<Section, boolean>();
    const has = (s: Section) => {
      let v = content.get(s);
      if (v === undefined) content.set(s, (v = hasContent(doc, s)));
      return v;
    };
    // Whether some heading of a level under a parent has content (computed once per group).
    const groupHas = new Map<string, boolean>();
    const parentIds = new Map<Section | undefined, number>();
    for (const s of eachSection(doc)) {
      const h = s.heading;
      if (h.level === 0 || has(s)) continue;
      // A line that ends like a list item (`（一）组织收入；`) is an item of a list, not a heading.
      const lineText = doc.viewLine(h.line).trim();
      if (/[；;，,：:、]$/.test(lineText)) continue;
      // Short numbered lines in a row with nothing under any of them are a list, not
      // headings: only a heading whose siblings have content (or a section heading) is empty.
      if (h.level > 1) {
        if (!parentIds.has(s.parent)) parentIds.set(s.parent, parentIds.size);
        const key = `${parentIds.get(s.parent)}:${h.level}`;
        let g = groupHas.get(key);
        if (g === undefined) {
          const siblings = s.parent ? s.parent.children : doc.sections;
          groupHas.set(key, (g = siblings.some((o) => o.heading.level === h.level && has(o))));
        }
        if (!g) continue;
      }
      ctx.report({
        start: h.span.start,
        end: h.span.end,
        message: {
          zh: `“${headingLabel(doc, h)}”下面没有内容`,
          en: `Nothing under “${headingLabel(doc, h)}”`,
        },
      });
    }
  },
};

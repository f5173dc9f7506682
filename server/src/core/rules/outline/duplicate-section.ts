// outline/duplicate-section — a template section appears twice (two 几点体会).
import type { Rule } from '../../rule';
import { chooseTemplate } from '../../outline/templates';
import { headingLabel } from '../../outline/siblings';
import type { Heading } from '../../model/headings';

export const duplicateSection: Rule = {
  id: 'outline/duplicate-section',
  description: {
    zh: '同一个一级部分出现了两次',
    en: 'The same section appears twice',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    const match = chooseTemplate(doc, ctx.config);
    if (match.score < 2) return;
    // Each part of the text (`第二部分`, the next report of a collection) has its own sections.
    const partOf = new Map(doc.sections.map((s) => [s.heading, s.part]));
    const first = new Map<string, Heading>();
    for (const h of match.headings) {
      if (!h.section) continue;
      const key = `${partOf.get(h.heading)}:${h.section.key}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, h.heading);
        continue;
      }
      ctx.report({
        start: h.heading.span.start,
        end: h.heading.span.end,
        message: {
          zh: `“${headingLabel(doc, h.heading)}”与前面的“${headingLabel(doc, earlier)}”同属“${h.section.title}”部分，应合并`,
          en: `“${headingLabel(doc, h.heading)}” repeats the section “${h.section.title}” of “${headingLabel(doc, earlier)}”: merge them`,
        },
        related: [{ start: earlier.span.start, end: earlier.span.end, message: { zh: '第一次出现', en: 'first occurrence' } }],
      });
    }
  },
};

// outline/level-order — a higher level's numbering used inside a lower one
// (`（一）` after `1.` under the same heading: the levels run 一、 → （一） → 1. → （1）).
import type { Rule } from '../../rule';
import { headingLabel } from '../../outline/siblings';
import { eachSection } from '../../outline/siblings';

const LEVEL_NAME: Record<number, { zh: string; en: string }> = {
  1: { zh: '第一层', en: 'level 1' },
  2: { zh: '第二层', en: 'level 2' },
  3: { zh: '第三层', en: 'level 3' },
  4: { zh: '第四层', en: 'level 4' },
  5: { zh: '第五层', en: 'level 5' },
};

export const levelOrder: Rule = {
  id: 'outline/level-order',
  description: {
    zh: '层级序号用反了：较高层级的序号出现在较低层级之下（如“1.”下面用“（一）”）',
    en: 'A higher level’s numbering is used below a lower one (e.g. “（一）” under “1.”)',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    // Within one section, a heading that nests deeper levels first and then a shallower
    // one (1. … then （一）) has its levels the wrong way round. Skipping a level (一、
    // straight to 1.) is fine and common. The top level is not checked: everything after
    // the first 一、 nests under a level-1 heading. A numbered sentence or list item
    // (`1、加强学习；`) in a section's text is a list, not a heading level.
    const sections = eachSection(doc);
    for (let k = 0; k < sections.length; k++) {
      const children = sections[k].children;
      let deepest: (typeof children)[number] | undefined;
      for (let j = 0; j < children.length; j++) {
        const c = children[j];
        const h = c.heading;
        if (!h.numbering || h.kind === 'item') continue;
        if (deepest && deepest.heading.level > h.level) {
          const d = deepest.heading;
          ctx.report({
            start: h.span.start,
            end: h.span.end,
            message: {
              zh: `“${headingLabel(doc, h)}”是${LEVEL_NAME[h.level].zh}序号，排在${LEVEL_NAME[d.level].zh}“${headingLabel(doc, d)}”之后，层级颠倒；应依次为“一、”“（一）”“1.”“（1）”`,
              en: `“${headingLabel(doc, h)}” is a ${LEVEL_NAME[h.level].en} number after the ${LEVEL_NAME[d.level].en} “${headingLabel(doc, d)}”: levels run “一、” → “（一）” → “1.” → “（1）”`,
            },
            related: [{ start: d.span.start, end: d.span.end, message: { zh: '较低层级', en: 'lower level' } }],
          });
          break; // one finding per section: the rest follows from the same mix-up
        }
        if (!deepest || h.level > deepest.heading.level) deepest = c;
      }
    }
  },
};

// outline/section-order — the template's sections appear out of order
// (述职报告: 履职情况 → 存在的不足 → 努力方向).
// No automatic fix: moving whole sections rewrites far more than the finding (the writer
// moves them; numbering-sequence then renumbers).
import type { Rule } from '../../rule';
import { chooseTemplate } from '../../outline/templates';
import { headingLabel } from '../../outline/siblings';

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const best: number[] = seq.map(() => 1);
  const prev: number[] = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j] < seq[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < seq.length; i++) if (best[i] > best[end]) end = i;
  const keep = new Set<number>();
  for (let i = seq.length ? end : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const sectionOrder: Rule = {
  id: 'outline/section-order',
  description: {
    zh: '一级部分未按模板顺序排列（如“努力方向”写在“存在的不足”之前）',
    en: 'Sections are out of the template’s order (e.g. “努力方向” before “存在的不足”)',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    const match = chooseTemplate(doc, ctx.config);
    if (match.score < 2) return;
    const keys = match.template.sections.map((s) => s.key);
    // The first heading of each template section, in document order (duplicates are
    // duplicate-section's business).
    const seen = new Set<string>();
    const placed = match.headings.filter((h) => {
      if (!h.section || seen.has(h.section.key)) return false;
      seen.add(h.section.key);
      return true;
    });
    const seq = placed.map((h) => keys.indexOf(h.section!.key));
    // The sections that keep their place are the longest run in template order; each
    // other one is out of place. (O(n²) over at most a handful of level-1 headings.)
    const keep = longestIncreasing(seq);
    placed.forEach((h, i) => {
      if (keep.has(i)) return;
      // It belongs before the first kept section that the template puts after it.
      const after = placed.find((o, j) => keep.has(j) && seq[j] > seq[i]);
      const before = [...placed].reverse().find((o, j) => keep.has(placed.length - 1 - j) && seq[placed.length - 1 - j] < seq[i]);
      const where = after
        ? { zh: `应在“${headingLabel(doc, after.heading)}”之前`, en: `it belongs before “${headingLabel(doc, after.heading)}”` }
        : { zh: `应在“${headingLabel(doc, before?.heading ?? h.heading)}”之后`, en: `it belongs after “${headingLabel(doc, before?.heading ?? h.heading)}”` };
      const order = match.template.sections.map((s) => s.title);
      ctx.report({
        start: h.heading.span.start,
        end: h.heading.span.end,
        message: {
          zh: `“${headingLabel(doc, h.heading)}”位置不对，${where.zh}（${match.template.name}的顺序：${order.join('、')}）`,
          en: `“${headingLabel(doc, h.heading)}” is out of order: ${where.en} (“${match.template.name}”: ${order.map((t) => `“${t}”`).join(' → ')})`,
        },
        related: after ? [{ start: after.heading.span.start, end: after.heading.span.end, message: { zh: '应在此之前', en: 'belongs before this' } }] : undefined,
      });
    });
  },
};

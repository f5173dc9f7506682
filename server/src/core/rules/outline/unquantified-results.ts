// outline/unquantified-results — a 成效 section without a single figure.
import type { Rule } from '../../rule';
import { chooseTemplate } from '../../outline/templates';
import type { Section } from '../../model/headings';
import { lowerBound } from '../../search';

/** Arabic digits, or a Chinese numeral before a measure word or 倍/成/%… */
const FIGURE = /[0-9]|[一二两三四五六七八九十百千万亿半][余多]?[个名人位家所次篇项户亩元件场期批条支座台套届年月天倍成%％]|百分之/;
/** Which template sections report results. */
const RESULTS = /成效|成果|成绩|效果/;

export const unquantifiedResults: Rule = {
  id: 'outline/unquantified-results',
  description: {
    zh: '“成效”部分没有任何数字，成效宜量化',
    en: 'The results section (“成效”) has no figures: results should be quantified',
  },
  severity: 'hint',
  fixable: false,
  check(doc, ctx) {
    const match = chooseTemplate(doc, ctx.config);
    if (match.score < 2) return;
    const sections = new Map<number, Section>(doc.sections.map((s) => [s.heading.line, s]));
    for (const h of match.headings) {
      if (!h.section || !(h.section.key === '成效' || RESULTS.test(h.section.title))) continue;
      const sec = sections.get(h.heading.line);
      if (!sec) continue;
      const vs = doc.toView(sec.bodyStart);
      const ve = doc.toView(sec.end);
      const text = doc.view.text;
      // Sub-heading numbers (`1、`) are not figures: the body is read in the stretches between
      // them (a blank where a marker is breaks every match of FIGURE, so a figure is one
      // stretch's; the body was rebuilt with each marker blanked out, a string per marker).
      // Headings are in text order: look only at the section's own (a filter over every
      // heading per section was quadratic).
      let from = vs;
      let blank = true;
      let figure = false;
      const read = (s: number, e: number) => {
        if (s >= e || figure) return;
        const stretch = text.slice(s, e);
        if (blank && stretch.trim()) blank = false;
        if (FIGURE.test(stretch)) figure = true;
      };
      for (let i = lowerBound(doc.headings, (h) => h.spanStart < sec.bodyStart); i < doc.headings.length && doc.headings[i].spanStart < sec.end; i++) {
        const o = doc.headings[i];
        // A heading without a marker has markerStart −1, before any section's body.
        if (!(o.markerStart >= sec.bodyStart && o.markerEnd <= sec.end)) continue;
        read(from, doc.toView(o.markerStart));
        from = doc.toView(o.markerEnd);
      }
      read(from, ve);
      if (blank || figure) continue; // an empty one is empty-section's
      ctx.report({
        start: h.heading.span.start,
        end: h.heading.span.end,
        message: {
          zh: `“${h.heading.title}”部分没有数字：成效宜用数据说明`,
          en: `“${h.heading.title}” has no figures: state results with numbers`,
        },
      });
    }
  },
};

// outline/missing-section — a required section of the template is absent.
import type { Rule } from '../../rule';
import { chooseTemplate } from '../../outline/templates';
import { HAN_NUMERALS } from '../../outline/ordinals';

export const missingSection: Rule = {
  id: 'outline/missing-section',
  description: {
    zh: '报告缺少模板要求的一级部分（如“几点体会”）',
    en: 'A section the template requires (e.g. 几点体会) is missing',
  },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const match = chooseTemplate(doc, ctx.config);
    // Only a document that follows the outline at all is held to it.
    if (match.score === 0) return;
    const present = new Set(match.headings.filter((h) => h.section).map((h) => h.section!.key));
    const sections = match.template.sections;
    sections.forEach((sec, i) => {
      if (present.has(sec.key)) return;
      // Where it belongs: before the first later section that is present, else after the last earlier one.
      const laterKeys = new Set(sections.slice(i + 1).map((s) => s.key));
      const next = match.headings.find((h) => h.section && laterKeys.has(h.section.key));
      const prevs = match.headings.filter((h) => h.section && !laterKeys.has(h.section.key) && h.section.key !== sec.key);
      const prev = prevs[prevs.length - 1];
      const anchor = next ?? prev ?? match.headings[0];
      const ordinal = prev?.heading.numbering ? prev.heading.numbering.value + 1 : i + 1;
      const md = anchor.heading.markdownDepth ? '#'.repeat(anchor.heading.markdownDepth) + ' ' : '';
      const headingText = `${md}${HAN_NUMERALS[ordinal] ?? ordinal}、${sec.title}`;
      let insertAt: number;
      let newText: string;
      if (next) {
        insertAt = doc.lines[next.heading.line].start;
        // Never in front of a BOM: it must stay the first character.
        if (insertAt === 0 && doc.text.charCodeAt(0) === 0xfeff) insertAt = 1;
        newText = `${headingText}${doc.eol}${doc.eol}`;
      } else {
        insertAt = doc.text.length;
        // In the document's own line breaks, so a CRLF file stays CRLF.
        const endsWithBreak = /[\r\n]$/.test(doc.text);
        newText = `${endsWithBreak ? '' : doc.eol}${doc.eol}${headingText}${doc.eol}`;
      }
      const where = next
        ? { zh: `应在“${next.heading.title}”之前`, en: `belongs before “${next.heading.title}”` }
        : { zh: `应在“${prev?.heading.title ?? ''}”之后`, en: `belongs after “${prev?.heading.title ?? ''}”` };
      ctx.report({
        start: anchor.heading.span.start,
        end: anchor.heading.span.end,
        message: {
          zh: `缺少“${sec.title}”部分（${match.template.name}模板），${where.zh}`,
          en: `Missing section “${sec.title}” (template ${match.template.name}); it ${where.en}`,
        },
        fix: {
          title: { zh: `插入“${headingText.replace(/^#+ /, '')}”`, en: `Insert “${headingText.replace(/^#+ /, '')}”` },
          edits: [{ start: insertAt, end: insertAt, newText }],
          safe: false,
        },
      });
    });
  },
};

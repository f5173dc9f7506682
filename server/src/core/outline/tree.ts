// The outline as editors show it (Outline view, breadcrumbs, Go to Symbol, folding):
// one node per section, named as the document writes it (traditional stays traditional,
// pinyin annotations left out), spanning the section's lines up to its last text.
import type { Config } from '../config/config';
import type { ReportDocument } from '../model/document';
import type { Heading, Section } from '../model/headings';
import type { Span } from '../types';
import { chooseTemplate } from './templates';
import { lastContentLine } from './structure';

export interface OutlineNode {
  /** Marker and title as written (`一、主要做法`, `1、抓落實，高位推動`). */
  name: string;
  /** The template section a level-1 heading stands for (`做法 · 经验材料`), if any. */
  detail?: string;
  level: number;
  /** The whole section: heading line start to the end of its last line with text. */
  range: Span;
  /** The heading (marker + title). */
  selection: Span;
  /** Lines, 0-based: heading line and last line with text (for folding). */
  startLine: number;
  endLine: number;
  children: OutlineNode[];
}

/** Original text of a heading's marker and title, annotations dropped, script kept. */
function nameOf(doc: ReportDocument, h: Heading): string {
  const v = doc.view;
  const from = doc.toView(h.span.start);
  const to = doc.toView(h.span.end);
  // Copy runs of original text that the view keeps contiguous (dropped annotations end a run).
  const parts: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let i = from; i < to; i++) {
    const o = v.toOrig.at(i);
    if (o === runEnd && v.text[i] !== '\ufffd') {
      runEnd++;
      continue;
    }
    if (runStart >= 0) parts.push(doc.text.slice(runStart, runEnd));
    if (v.text[i] === '\ufffd') {
      parts.push('\ufffd');
      runStart = runEnd = -1;
    } else {
      runStart = o;
      runEnd = o + 1;
    }
  }
  if (runStart >= 0) parts.push(doc.text.slice(runStart, runEnd));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function outlineTree(doc: ReportDocument, config: Config): OutlineNode[] {
  const match = chooseTemplate(doc, config);
  const sectionOf = new Map(match.score > 0 ? match.headings.filter((h) => h.section).map((h) => [h.heading, h.section!]) : []);
  const node = (s: Section): OutlineNode => {
    const h = s.heading;
    const endLine = lastContentLine(doc, s);
    const sec = sectionOf.get(h);
    return {
      name: nameOf(doc, h) || h.title,
      detail: sec ? `${sec.key} · ${match.template.name}` : undefined,
      level: h.level,
      range: { start: s.start, end: Math.max(doc.lines[endLine].end, h.span.end) },
      selection: h.span,
      startLine: h.line,
      endLine,
      children: s.children.map(node),
    };
  };
  return doc.sections.map(node);
}

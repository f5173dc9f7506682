// Walking the heading tree: every section in order, and the groups of numbered siblings
// (same parent, same level) whose numbering runs 1, 2, 3 … within that parent.
import type { ReportDocument } from '../model/document';
import type { Heading, Section } from '../model/headings';

/** Every section, depth first, in document order. */
export function eachSection(doc: ReportDocument): Section[] {
  return doc.memo('outline:eachSection', () => {
    const out: Section[] = [];
    const walk = (ss: Section[]) => {
      for (const s of ss) {
        out.push(s);
        walk(s.children);
      }
    };
    walk(doc.sections);
    return out;
  });
}

export interface SiblingGroup {
  /** The parent section; undefined for the top level. */
  parent?: Section;
  level: number;
  items: Section[];
}

/** Numbered siblings grouped by parent and level, in document order. */
export function numberedGroups(doc: ReportDocument): SiblingGroup[] {
  return doc.memo('outline:numberedGroups', () => {
    const out: SiblingGroup[] = [];
    const collect = (parent: Section | undefined, children: Section[]) => {
      const byLevel = new Map<number, Section[]>();
      for (const c of children) {
        if (!c.heading.numbering) continue;
        const l = c.heading.level;
        if (!byLevel.has(l)) byLevel.set(l, []);
        byLevel.get(l)!.push(c);
      }
      for (const [level, items] of byLevel) out.push({ parent, level, items });
    };
    collect(undefined, doc.sections);
    for (const s of eachSection(doc)) if (s.children.length) collect(s, s.children);
    return out;
  });
}

/** The marker as written in the original text (`1、`, `(一)`), or ''. */
export function markerText(doc: ReportDocument, h: Heading): string {
  return h.markerSpan ? doc.text.slice(h.markerSpan.start, h.markerSpan.end) : '';
}

/** How a heading is shown in messages: its marker and folded title (`（二）壮大队伍`). */
export function headingLabel(doc: ReportDocument, h: Heading): string {
  const title = h.title.length > 16 ? h.title.slice(0, 15) + '…' : h.title;
  return `${markerText(doc, h)}${title}`;
}

/** The line break the document uses. */
export function eolOf(doc: ReportDocument): string {
  return doc.eol; // the document's own line break (CRLF, LF or a lone CR)
}

// Walking the heading tree: every section in order, and the groups of numbered siblings
// (same parent, same level) whose numbering runs 1, 2, 3 … within that parent.
import type { ReportDocument } from '../model/document';
import type { Heading, Section } from '../model/headings';

/** Every section, depth first, in document order. */
export function eachSection(doc: ReportDocument): Section[] {
  return doc.memo('outline:eachSection', () => {
    const out: Section[] = [];
    const walk = (ss: Section[]) => {
      for (let k = 0; k < ss.length; k++) {
        out.push(ss[k]);
        walk(ss[k].children);
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

/**
 * Numbered siblings grouped by parent and level, in document order. At the top level a
 * part (`第二部分`) starts new groups: each part numbers its sections from 一 again.
 */
export function numberedGroups(doc: ReportDocument): SiblingGroup[] {
  return doc.memo('outline:numberedGroups', () => {
    const out: SiblingGroup[] = [];
    const collect = (parent: Section | undefined, children: Section[]) => {
      const byLevel = new Map<number, SiblingGroup>();
      for (let k = 0; k < children.length; k++) {
        const c = children[k];
        if (!c.heading.numbering) continue;
        // Part and level as one number (levels are 0…6, Markdown's included): no key string per section.
        const key = c.part * 8 + c.heading.level;
        let g = byLevel.get(key);
        if (!g) {
          byLevel.set(key, (g = { parent, level: c.heading.level, items: [] }));
          out.push(g);
        }
        g.items.push(c);
      }
    };
    collect(undefined, doc.sections);
    const all = eachSection(doc);
    for (let k = 0; k < all.length; k++) if (all[k].children.length) collect(all[k], all[k].children);
    return out;
  });
}

/** The siblings of a section: same parent (or the same part at the top), same level. */
export function siblingsOf(doc: ReportDocument, s: Section): Section[] {
  const pool = s.parent ? s.parent.children : doc.sections;
  return pool.filter((o) => o.heading.level === s.heading.level && o.part === s.part);
}

/** The marker as written in the original text (`1、`, `(一)`), or ''. */
export function markerText(doc: ReportDocument, h: Heading): string {
  return h.markerStart < 0 ? '' : doc.text.slice(h.markerStart, h.markerEnd);
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

/** The heading a line starts with, if any (not one inside a flattened line). */
export function headingAtLine(doc: ReportDocument, line: number): Heading | undefined {
  return doc.memo('outline:headingAtLine', () => {
    // A loop, not filter + map + new Map(pairs): no array per heading (6,600 on the 1 M bench text).
    const byLine = new Map<number, Heading>();
    const hs = doc.headings;
    for (let k = 0; k < hs.length; k++) if (!hs[k].inline) byLine.set(hs[k].line, hs[k]);
    return byLine;
  }).get(line);
}

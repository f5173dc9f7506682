// Walking the heading tree: every section in order, and the groups of numbered siblings
// (same parent, same level) whose numbering runs 1, 2, 3 … within that parent.
import type { ReportDocument } from '../model/document';
import type { Heading, Section } from '../model/headings';
import { lowerBound } from '../search';

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
    // The keys of one parent's groups, out[first + j] keyed keys[j]: a parent has a few, looked
    // through in place (a map per parent was 12,000 maps an edit on the 1 M bench text).
    const keys: number[] = [];
    const collect = (parent: Section | undefined, children: Section[]) => {
      const first = out.length;
      keys.length = 0;
      for (let k = 0; k < children.length; k++) {
        const c = children[k];
        if (!c.heading.numbering) continue;
        // Part and level as one number (levels are 0…6, Markdown's included): no key string per section.
        const key = c.part * 8 + c.heading.level;
        const j = keys.indexOf(key);
        let g: SiblingGroup;
        if (j >= 0) g = out[first + j];
        else {
          keys.push(key);
          out.push((g = { parent, level: c.heading.level, items: [] }));
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

/**
 * The heading a line starts with, if any (not one inside a flattened line): found in the
 * document's headings, which are in text order, by line (no map of every heading by line is
 * made and dropped a version: 6,600 entries on the 1 M bench text, 0.35 MB an edit).
 */
export function headingAtLine(doc: ReportDocument, line: number): Heading | undefined {
  const hs = doc.headings;
  // The last heading that starts on this line and is not inside it.
  for (let k = lowerBound(hs, (h) => h.line <= line) - 1; k >= 0 && hs[k].line === line; k--) if (!hs[k].inline) return hs[k];
  return undefined;
}

// outline/summary-mismatch — the intro (or a section's lead) announces its items
// (以“抓落实，高位推动；抓学习，聚力同心；……”为主线) and the sub-headings that follow
// must agree with them in number, wording and order.
import type { Rule } from '../../rule';
import type { ReportDocument } from '../../model/document';
import type { Section } from '../../model/headings';
import { findAnnouncements, MAX_ITEMS, squash, squashedMatches, squashTitle, type Announcement, type SquashedTitle } from '../../outline/announcements';
import { eachSection, headingLabel } from '../../outline/siblings';
import { hasClosing, preface, sectionLead, type Paragraph } from '../../outline/structure';
import { hanOrdinal } from '../../model/numbering';
import type { Severity } from '../../types';

/**
 * Fewer sub-headings than announced under a section that runs to the end of a text without
 * a closing: the copy may stop before the last ones (an excerpt, a report being written).
 * A note then, not a warning.
 */
function maybeCut(doc: ReportDocument, section: Section, kids: number, said: number): Severity | undefined {
  if (kids >= said) return undefined;
  let top = section;
  while (top.parent) top = top.parent;
  const last = doc.sections[doc.sections.length - 1];
  return top === last && !hasClosing(doc) ? 'information' : undefined;
}

interface Fit {
  section: Section;
  /** matched[i] = index of the sub-heading item i names, or -1. */
  matched: number[];
  hits: number;
}

/** The squashed titles of a section's sub-headings, made once per section and check (an intro's lists are compared with every section). */
type Titles = (section: Section) => SquashedTitle[];

function titleCache(of: (title: string) => SquashedTitle): Titles {
  const cache = new Map<Section, SquashedTitle[]>();
  return (section) => {
    let t = cache.get(section);
    if (!t) cache.set(section, (t = section.children.map((c) => of(c.heading.title))));
    return t;
  };
}

/** A title squashed, once per title (squashedTitles). */
function squasher(doc: ReportDocument): (title: string) => SquashedTitle {
  const squashed = squashedTitles(doc);
  return (title) => {
    let t = squashed.get(title);
    if (!t) squashed.set(title, (t = squashTitle(title)));
    return t;
  };
}

const SQUASHED = 'outline/summary-mismatch:squashed';

/**
 * Titles squashed, by title: taken over from the version this one was derived from (an edit
 * changes few titles; on 1 M characters squashing every sub-heading's title was half of the
 * rule's time), started afresh when it holds many more titles than the document has headings
 * (those of titles edited away). Its keys are the headings' own title strings.
 */
function squashedTitles(doc: ReportDocument): Map<string, SquashedTitle> {
  return doc.memo(SQUASHED, () => {
    const prev = doc.derivation?.prev.memoed(SQUASHED) as Map<string, SquashedTitle> | undefined;
    return prev && prev.size <= 2 * doc.headings.length + 64 ? prev : new Map<string, SquashedTitle>();
  });
}

/** `items`: the announcement's items squashed (once per announcement, not once per section it is compared with). */
function fitOf(items: readonly string[], section: Section, titlesOf: Titles): Fit {
  const titles = titlesOf(section);
  const matched = items.map((item) => titles.findIndex((t) => squashedMatches(item, t)));
  return { section, matched, hits: matched.filter((m) => m >= 0).length };
}

/**
 * The section an announcement is about: the one whose sub-headings it names most.
 * It must name at least two of them and at least half of its own items must hit,
 * otherwise the list is about something else (a mission slogan, a list of tasks).
 * A section's hits are the items one of its sub-headings names: the union of what each
 * title names (masksCache), so only the best section's fit is worked out item by item.
 */
function target(a: Announcement, candidates: Section[], titlesOf: Titles, masksOf: MasksOf): Fit | undefined {
  let best: Section | undefined;
  let bestHits = -1;
  let items: string[] | undefined;
  let named: ((title: string) => number) | undefined;
  // Indexed: an intro's announcement is tried on every section of the report (6,600 on the
  // 1 M bench report), and a for…of step there made an iterator result each.
  for (let k = 0; k < candidates.length; k++) {
    const s = candidates[k];
    if (s.children.length < 2) continue;
    items ??= a.items.map((it) => squash(it.text));
    const fit = (named ??= masksOf(items));
    let m = 0;
    for (let j = 0; j < s.children.length; j++) m |= fit(s.children[j].heading.title);
    const hits = bitCount(m);
    // The first of those with the most hits.
    if (hits > bestHits) {
      best = s;
      bestHits = hits;
    }
  }
  if (!best || bestHits < 2 || bestHits * 2 < a.items.length) return undefined;
  return fitOf(items!, best, titlesOf);
}

function bitCount(m: number): number {
  let n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

/** For an announcement's items (squashed; at most announcements.ts MAX_ITEMS, so a bit each): which of them a sub-heading's title names, bit i for item i. */
type MasksOf = (items: readonly string[]) => (title: string) => number;

const MASKS = 'outline/summary-mismatch:masks';

/**
 * What each title names, by announcement (its squashed items) and title: an announcement of
 * the intro is compared with every section's sub-headings, and on 1 M characters those
 * comparisons were most of the rule's time. Taken over, for the announcements this version
 * has, from the version this one was derived from (an edit changes few titles); an
 * announcement's titles started afresh when they are many more than the document's headings
 * (titles edited away).
 */
function masksCache(doc: ReportDocument, squashedOf: (title: string) => SquashedTitle): MasksOf {
  const mine = doc.memo(MASKS, () => new Map<string, Map<string, number>>());
  const prev = doc.derivation?.prev.memoed(MASKS) as Map<string, Map<string, number>> | undefined;
  const limit = 2 * doc.headings.length + 64;
  return (items) => {
    const key = items.join('\n');
    let masks = mine.get(key);
    if (!masks) {
      const old = prev?.get(key);
      mine.set(key, (masks = old && old.size <= limit ? old : new Map<string, number>()));
    }
    const known = masks;
    if (items.length > MAX_ITEMS) throw new Error(`an announcement of ${items.length} items`);
    return (title) => {
      let m = known.get(title);
      if (m === undefined) {
        const t = squashedOf(title);
        m = 0;
        for (let i = 0; i < items.length; i++) if (squashedMatches(items[i], t)) m |= 1 << i;
        known.set(title, m);
      }
      return m;
    };
  };
}

/**
 * The section a numeral phrase (`“四个结合”`) announces: the one most of whose (two or more)
 * sub-headings carry its word (结合). Then only the number can be checked.
 */
function checkPhrase(doc: ReportDocument, a: Announcement, candidates: Section[], report: Parameters<Rule['check']>[1]['report']): void {
  let best: Section | undefined;
  let bestHits = 0;
  for (let k = 0; k < candidates.length; k++) {
    const s = candidates[k];
    if (s.children.length < 2) continue;
    let hits = 0;
    for (let j = 0; j < s.children.length; j++) if (s.children[j].heading.title.includes(a.noun!)) hits++;
    if (hits > bestHits) {
      best = s;
      bestHits = hits;
    }
  }
  if (!best || bestHits < 2 || bestHits * 2 < best.children.length) return;
  const kids = best.children;
  if (kids.length === a.count) return;
  const phrase = doc.view.text.slice(a.start, a.end);
  report({
    ...doc.toOrig(a.start, a.end),
    severity: maybeCut(doc, best, kids.length, a.count!),
    message: {
      zh: `“${phrase}”是${a.count}项，“${headingLabel(doc, best.heading)}”下有${kids.length}个小标题，数量应一致`,
      en: `“${phrase}” announces ${a.count} items but “${headingLabel(doc, best.heading)}” has ${kids.length} sub-headings`,
    },
    related: kids.map((k, i) => ({ start: k.heading.span.start, end: k.heading.span.end, message: { zh: `第${i + 1}个小标题`, en: `sub-heading ${i + 1}` } })),
  });
}

function check(doc: ReportDocument, a: Announcement, fit: Fit, report: Parameters<Rule['check']>[1]['report']): void {
  const kids = fit.section.children;
  const listSpan = doc.toOrig(a.start, a.end);
  const parent = fit.section.heading;
  const n = a.count ?? a.items.length;
  if (n !== kids.length || a.items.length !== kids.length) {
    const said = a.count ?? a.items.length;
    report({
      ...listSpan,
      severity: maybeCut(doc, fit.section, kids.length, said),
      message: {
        zh: `导语列出${said}项，“${headingLabel(doc, parent)}”下有${kids.length}个小标题，数量应一致`,
        en: `The intro announces ${said} items but “${headingLabel(doc, parent)}” has ${kids.length} sub-headings`,
      },
      related: kids.map((k, i) => ({ start: k.heading.span.start, end: k.heading.span.end, message: { zh: `第${i + 1}个小标题`, en: `sub-heading ${i + 1}` } })),
    });
    return;
  }
  a.items.forEach((it, i) => {
    if (fit.matched[i] === i) return;
    const kid = kids[i].heading;
    const itemSpan = doc.toOrig(it.start, it.end);
    const elsewhere = fit.matched[i];
    const message =
      elsewhere >= 0
        ? {
            zh: `导语第${i + 1}项“${it.text}”是第${elsewhere + 1}个小标题，此处却是“${headingLabel(doc, kid)}”，顺序应一致`,
            en: `Order differs: the intro’s item ${i + 1} “${it.text}” is sub-heading ${elsewhere + 1}; here stands “${headingLabel(doc, kid)}”`,
          }
        : {
            zh: `导语第${i + 1}项为“${it.text}”，小标题为“${headingLabel(doc, kid)}”，二者应一致`,
            en: `Does not match the intro: its item ${i + 1} is “${it.text}”, the sub-heading says “${headingLabel(doc, kid)}”`,
          };
    report({
      start: kid.span.start,
      end: kid.span.end,
      message,
      related: [{ ...itemSpan, message: { zh: `导语第${i + 1}项`, en: `intro item ${i + 1}` } }],
    });
  });
}

/**
 * A count of what the headings right after take up: 下面汇报三点体会, 从以下四个方面谈谈,
 * 概括为三个方面. Said in the last paragraph before them.
 */
const COUNTED = /(?:汇报|谈谈?|讲讲?|介绍|报告|交流|分享|概括为|归纳为|总结为|从)(?:以下|如下|这)?([二两三四五六七八九十])(?:个|点|条)(?:方面)?的?(体会|做法|经验|意见|情况|启示|思考|建议|举措|措施|方面|工作)/;

function checkCounted(doc: ReportDocument, p: Paragraph, group: Section[], parent: Section | undefined, report: Parameters<Rule['check']>[1]['report']): void {
  const m = COUNTED.exec(p.text);
  if (!m) return;
  const n = m[1] === '两' ? 2 : hanOrdinal(m[1]);
  const k = group.length;
  // Fewer headings than announced is what can be told; more may go on to other matters
  // (存在的问题, 下一步打算) after the announced ones.
  if (!n || k < 2 || n <= k) return;
  if (group[0].heading.numbering?.value !== 1) return;
  // A section named for what was announced (三、几点体会) holds the items: not these headings.
  const noun = m[2];
  if (noun !== '方面' && noun !== '工作' && eachSection(doc).some((x) => x.heading.title.includes(noun))) return;
  const start = p.start + m.index;
  const end = start + m[0].length;
  const phrase = doc.view.text.slice(start, end);
  const where = parent
    ? { zh: `“${headingLabel(doc, parent.heading)}”下有${k}个小标题`, en: `“${headingLabel(doc, parent.heading)}” has ${k} sub-headings` }
    : { zh: `其后有${k}个一级标题`, en: `${k} top-level headings follow` };
  report({
    ...doc.toOrig(start, end),
    severity: parent ? maybeCut(doc, parent, k, n) : !hasClosing(doc) ? 'information' : undefined,
    message: { zh: `“${phrase}”是${n}项，${where.zh}，数量应一致`, en: `“${phrase}” announces ${n} but ${where.en}` },
    related: group.map((g, i) => ({ start: g.heading.span.start, end: g.heading.span.end, message: { zh: `第${i + 1}项`, en: `item ${i + 1}` } })),
  });
}

export const summaryMismatch: Rule = {
  id: 'outline/summary-mismatch',
  description: {
    zh: '导语概括的几项与后面的小标题在数量、措辞或顺序上不一致',
    en: 'The items the intro announces differ from the sub-headings in number, wording or order',
  },
  severity: 'warning',
  fixable: false,
  check(doc, ctx) {
    const all = eachSection(doc);
    const squashedOf = squasher(doc);
    const titlesOf = titleCache(squashedOf);
    const masksOf = masksCache(doc, squashedOf);
    const intro = preface(doc).intro;
    // The intro's last paragraph may count the top-level sections (下面汇报三点体会).
    const top = doc.sections.filter((x) => x.part === doc.sections[0]?.part);
    if (intro.length) checkCounted(doc, intro[intro.length - 1], top, undefined, ctx.report);
    // The intro may announce the sub-headings of any section (usually 主要做法).
    for (const p of intro) {
      for (const a of findAnnouncements(p)) {
        if (a.noun) {
          checkPhrase(doc, a, all, ctx.report);
          continue;
        }
        const fit = target(a, all, titlesOf, masksOf);
        if (fit) check(doc, a, fit, ctx.report);
      }
    }
    // A section's lead announces its own sub-headings.
    for (let k = 0; k < all.length; k++) {
      const s = all[k];
      if (s.children.length < 2) continue;
      const lead = sectionLead(doc, s);
      if (lead.length) checkCounted(doc, lead[lead.length - 1], s.children, s, ctx.report);
      for (const p of lead) {
        for (const a of findAnnouncements(p)) {
          if (a.noun) {
            checkPhrase(doc, a, [s], ctx.report);
            continue;
          }
          const fit = target(a, [s], titlesOf, masksOf);
          if (fit) check(doc, a, fit, ctx.report);
        }
      }
    }
  },
};

// Announced items (导语的提纲挈领): an intro or a section lead that names the items the
// sub-headings will take up, e.g. 以“抓落实，高位推动；抓学习，聚力同心；……”为主线,
// 形成了“精选题、深调研、重转化、强自身”的工作思路, 坚持A、B、C的发展思路, 从A、B、C三个方面.
// Offsets are view offsets.
import { hanOrdinal } from '../model/numbering';
import type { Paragraph } from './structure';

export interface AnnouncedItem {
  text: string;
  start: number;
  end: number;
}

export interface Announcement {
  items: AnnouncedItem[];
  /** The numeral that comes with the list (`三个方面`), if any. */
  count?: number;
  /** For a numeral phrase alone (`做到“四个结合”`): the word each sub-heading carries (结合). */
  noun?: string;
  /** View span of the whole list. */
  start: number;
  end: number;
}

/** What follows a list that announces a report's lines of work. */
const AFTER_SOURCE = '(?:为|作为)(?:工作|总体|发展)?(?:主线|抓手|重点|路径|思路|目标|方向|着力点|切入点)|的(?:工作|发展|总体|改革|治理|服务)?(?:思路|主线|格局|路径|模式|体系|工作法|做法|举措)';
const AFTER = new RegExp(`^(?:${AFTER_SOURCE})`);
/** The same, tried at one position (sticky), so a clause is scanned once. */
const AFTER_AT = new RegExp(AFTER_SOURCE, 'y');
/** What precedes one (for unquoted lists the verb also marks where the list starts). */
const VERB = /(?:坚持|形成了?|按照|围绕|突出|实施|推行|探索出?|确立了?|明确了?|提出了?|树立了?|构建了?|以)/g;
/** `做到“四个结合”`: a quoted numeral phrase announced as the way of working. */
const NUMERAL_PHRASE = /(?:做到|坚持|实现|突出|把握|抓好|推进|落实|实施|围绕|聚焦|注重|强化|推行|形成了?)“([一二三四五六七八九十两]|[0-9]{1,2})个([^\s，。、；：“”0-9一二三四五六七八九十两]{2,4})”/g;
const FROM_ASPECTS = /从(.+?)([一二三四五六七八九十两]|[0-9]{1,2})个方面/;
const MAX_ITEM = 24;
/** An announcement lists at most this many items (outline/summary-mismatch holds a bit for each). */
export const MAX_ITEMS = 12;
const CLAUSE_STOPS = '，。；：！？“”';

function splitItems(text: string, base: number, seps: RegExp): AnnouncedItem[] {
  const out: AnnouncedItem[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || seps.test(text[i])) {
      const raw = text.slice(s, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      if (t) out.push({ text: t, start: base + s + lead, end: base + s + lead + t.length });
      s = i + 1;
    }
  }
  return out;
}

function plausible(items: AnnouncedItem[]): boolean {
  return items.length >= 2 && items.length <= MAX_ITEMS && items.every((it) => it.text.length >= 2 && it.text.length <= MAX_ITEM);
}

/** Announcements in one paragraph. */
export function findAnnouncements(p: Paragraph): Announcement[] {
  const out: Announcement[] = [];
  const t = p.text;
  // Quoted lists: “A；B；C” or “A、B、C”, framed by 为主线 / 的工作思路 … after the quote
  // or by a verb (坚持、形成、围绕 …) right before it.
  for (let i = t.indexOf('“'); i >= 0; i = t.indexOf('“', i + 1)) {
    const close = t.indexOf('”', i + 1);
    if (close < 0) break;
    const inner = t.slice(i + 1, close);
    const after = t.slice(close + 1, close + 12);
    const before = t.slice(Math.max(0, i - 4), i);
    const framed = AFTER.test(after) || /(?:坚持|形成了?|围绕|突出|按照|构建了?|确立了?|以)$/.test(before);
    if (!framed) {
      i = close; // never rescan a quoted stretch (keeps a line full of “ linear)
      continue;
    }
    const seps = inner.includes('；') ? /[；]/ : inner.includes('、') ? /[、]/ : /[，]/;
    const items = splitItems(inner, p.start + i + 1, seps);
    if (plausible(items)) out.push({ items, start: p.start + i + 1, end: p.start + close });
    i = close;
  }
  NUMERAL_PHRASE.lastIndex = 0;
  for (let m = NUMERAL_PHRASE.exec(t); m; m = NUMERAL_PHRASE.exec(t)) {
    const n = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : m[1] === '两' ? 2 : hanOrdinal(m[1]);
    const open = m.index + m[0].indexOf('“');
    if (n) out.push({ items: [], count: n, noun: m[2], start: p.start + open + 1, end: p.start + m.index + m[0].length - 1 });
  }
  // Unquoted lists inside one clause: 坚持A、B、C的发展思路 / 以A、B、C为主线 / 从A、B、C三个方面.
  let cs = 0;
  for (let k = 0; k <= t.length; k++) {
    if (k < t.length && !CLAUSE_STOPS.includes(t[k])) continue;
    const clause = t.slice(cs, k);
    const base = p.start + cs;
    cs = k + 1;
    // Long clauses are prose, not a list (and would make the scan below quadratic).
    if (!clause.includes('、') || clause.length > 200) continue;
    const aspects = FROM_ASPECTS.exec(clause);
    if (aspects) {
      const list = aspects[1];
      if (/等$/.test(list)) continue; // 等 = a partial list
      const items = splitItems(list, base + aspects.index + 1, /[、]/);
      const n = /^[0-9]+$/.test(aspects[2]) ? Number(aspects[2]) : aspects[2] === '两' ? 2 : hanOrdinal(aspects[2]);
      if (plausible(items)) out.push({ items, count: n, start: items[0].start, end: items[items.length - 1].end });
      continue;
    }
    for (let f = clause.indexOf('、'); f < clause.length; f++) {
      AFTER_AT.lastIndex = f;
      if (!AFTER_AT.test(clause)) continue;
      const head = clause.slice(0, f);
      const firstSep = head.indexOf('、');
      let vEnd = -1;
      VERB.lastIndex = 0;
      for (let v = VERB.exec(head); v && v.index < firstSep; v = VERB.exec(head)) vEnd = v.index + v[0].length;
      if (vEnd < 0 || /等$/.test(head)) break;
      const items = splitItems(head.slice(vEnd), base + vEnd, /[、]/);
      if (plausible(items)) out.push({ items, start: items[0].start, end: items[items.length - 1].end });
      break;
    }
  }
  return out;
}

/** Title or item reduced for comparison: no punctuation, quotes or spaces. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000，。、；：！？“”‘’《》（）()「」—…·,.;:!?]/g, '');
}

/** A sub-heading's title as an announced item is compared with it: squashed whole, and its first clause squashed. */
export interface SquashedTitle {
  all: string;
  first: string;
}

export function squashTitle(title: string): SquashedTitle {
  return { all: squash(title), first: squash(title.split(/[，：]/)[0]) };
}

/**
 * Does an announced item (squashed) name this sub-heading? (`织密网格` ↔ `织密网格，做实治理“末梢”`)
 * Each item and title is squashed once: an intro's lists are compared with every section.
 */
export function squashedMatches(item: string, title: SquashedTitle): boolean {
  if (!item || !title.all) return false;
  if (title.all.includes(item)) return true;
  return title.first.length >= 2 && item.includes(title.first);
}

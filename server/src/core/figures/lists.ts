// Item lists: `、`-separated items with a final 和/及/以及 join, or quoted items written
// back to back (“青禾大米”“青禾山茶”). Offsets are VIEW offsets.

export interface ItemList {
  start: number;
  end: number;
  items: { start: number; end: number }[];
  /** Ends with 等/等等: a partial list. */
  partial: boolean;
}

const JOIN = ['以及', '和', '及'];

/** Items of the list in view[start, end) (no clause punctuation inside). */
export function splitItems(text: string, start: number, end: number, continued = false): ItemList {
  const items: { start: number; end: number }[] = [];
  let s = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    // By char code (text[i] made a one-character string per character).
    const c = text.charCodeAt(i);
    if (c === 0xff08 /* （ */ || c === 0x201c /* “ */ || c === 0x300a /* 《 */) depth++;
    else if ((c === 0xff09 /* ） */ || c === 0x201d /* ” */ || c === 0x300b /* 》 */) && depth > 0) depth--;
    else if (c === 0x3001 /* 、 */ && depth === 0) {
      items.push({ start: s, end: i });
      s = i + 1;
    }
  }
  let last = { start: s, end };
  let partial = false;
  const tail = text.slice(last.start, last.end);
  // 甲、乙等 and 甲、乙等基地 (等 before the head noun): an open list either way.
  const etc = /等等?$/.exec(tail) ?? /等等?[\u4e00-\u9fff]{1,6}$/.exec(tail.slice(1));
  if (etc) {
    partial = true;
    last = { start: last.start, end: last.end - etc[0].length };
  }
  // A final join inside the last item: 甲、乙和丙. Only when there are 、 items already
  // (or the list continues from an earlier clause), so that 中国和世界 stays one item.
  if (items.length || continued) {
    const t = text.slice(last.start, last.end);
    for (let w = 0; w < JOIN.length; w++) {
      const j = JOIN[w];
      const k = t.indexOf(j);
      if (k > 0 && k + j.length < t.length) {
        items.push({ start: last.start, end: last.start + k });
        last = { start: last.start + k + j.length, end: last.end };
        break;
      }
    }
  }
  items.push(last);
  return { start, end, items, partial };
}

/** Quoted items written back to back, ending at `end`: “甲”“乙”. */
export function quotedRunBefore(text: string, end: number): ItemList | undefined {
  const items: { start: number; end: number }[] = [];
  let e = end;
  while (text[e - 1] === '”') {
    const open = text.lastIndexOf('“', e - 1);
    if (open < 0 || e - open > 20) break;
    items.unshift({ start: open, end: e });
    e = open;
  }
  if (items.length < 2) return undefined;
  return { start: e, end, items, partial: false };
}

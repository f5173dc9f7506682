// Chinese personal names and the lists they come in (刘玲、李殊凝被提拔为…; 郑瑶被提拔为…;
// 10名同学（张洁、…、王燕敏）), for checking a count of people against the people named.
// Offsets are VIEW offsets.
//
// A name is a common surname and one or two more characters that do not make a dictionary
// word with it: 平安, 文明, 和谐 start with surnames (平, 文, 和) but are words, so a list of
// them is not a list of people. The word boundaries come from Intl.Segmenter (ICU's
// dictionary, built into Node and browsers), asked only about the few short candidates a
// report has, since segmenting whole paragraphs is slow. An honorific or title after a
// name (张敏同志, 李强书记) belongs to it; 等 after a list leaves it open.
import { charTable, isHanAt } from '../model/chars';

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝' +
  '衣阎揭扈储花练封谈敬冀鞠庚郁芮郜强丰皮郦宣滑钮荆茅汲丘从祖郗戈伏仝晋权逯蔺蓟桓';
const DOUBLE = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '端木', '令狐', '申屠', '呼延', '澹台', '轩辕'];
/** Characters that end place and organisation names, never given names in a list like this. */
const NOT_GIVEN_CHARS = '市县区省镇乡村街路州局委部厅处科室院校站所队组社团馆场厂店司行业类级项次个家型性式制度法规网群';
const NOT_GIVEN_LAST = charTable(NOT_GIVEN_CHARS);
/** Honorifics and titles written after a name: part of the name's item, not of the next. */
const HONORIFICS = [
  '同志', '老师', '书记', '副书记', '主任', '副主任', '局长', '副局长', '县长', '副县长', '市长', '副市长', '镇长', '乡长', '村长', '校长',
  '院长', '经理', '董事长', '主席', '委员', '代表', '教授', '医生', '先生', '女士', '组长', '队长', '站长', '所长', '科长', '处长', '部长',
];

const SURNAME = new Uint8Array(0x10000);
for (let k = 0; k < SINGLE.length; k++) SURNAME[SINGLE.charCodeAt(k)] |= 1;
for (const d of DOUBLE) SURNAME[d.charCodeAt(0)] |= 2;

function surnameLength(s: string): number {
  const f = SURNAME[s.charCodeAt(0)];
  if (!f) return 0;
  if (f & 2 && DOUBLE.includes(s.slice(0, 2))) return 2;
  return f & 1 ? 1 : 0;
}

export interface NameItem {
  start: number;
  end: number;
  /** The name without its honorific. */
  name: string;
}

export interface NameList {
  start: number;
  end: number;
  names: string[];
  items: NameItem[];
  /** Followed by 等: a partial list. */
  partial: boolean;
}

let segmenter: Intl.Segmenter | null | undefined;
const wordCache = new Map<string, boolean>();

function getSegmenter(): void {
  if (segmenter !== undefined) return;
  try {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  } catch {
    segmenter = null;
  }
}

/** Does `s` open with a dictionary word of two or more characters (受到, 荣获, 担任)? */
function opensWithWord(s: string): boolean {
  if (s.length < 2) return false;
  const head = s.slice(0, 6);
  let hit = wordCache.get(`>${head}`);
  if (hit !== undefined) return hit;
  getSegmenter();
  const first = segmenter ? segmenter.segment(head)[Symbol.iterator]().next().value : undefined;
  hit = !!first && first.segment.length >= 2 && first.isWordLike === true;
  if (wordCache.size > 5000) wordCache.clear();
  wordCache.set(`>${head}`, hit);
  return hit;
}

/** Does the dictionary read `s` with its surname as part of a longer word (平安, 高峰)? */
function isDictionaryWord(s: string, surname: number): boolean {
  let hit = wordCache.get(s);
  if (hit !== undefined) return hit;
  getSegmenter();
  hit = false;
  if (segmenter) {
    const first = segmenter.segment(s)[Symbol.iterator]().next().value;
    hit = !!first && first.segment.length > surname;
  }
  if (wordCache.size > 5000) wordCache.clear();
  wordCache.set(s, hit);
  return hit;
}

/** Is `s` shaped like a name: surname + 1–2 characters (2–3 after a double surname)? */
function nameShape(s: string): number {
  const sl = surnameLength(s);
  if (!sl) return 0;
  const given = s.length - sl;
  if (given < 1 || given > 2) return 0;
  for (let k = 0; k < s.length; k++) if (!isHanAt(s, k)) return 0;
  if (NOT_GIVEN_LAST[s.charCodeAt(s.length - 1)]) return 0;
  return sl;
}

/** Characters that end a phrase, not a given name: 林雪被（评为…）, 王强为（…）. */
const FUNCTION_END = charTable('被为是在和与及等获任将把对向从由于已均都也');

/** A clear name: name-shaped, not a dictionary word, not ending in a function word. */
export function isClearName(s: string): boolean {
  const sl = nameShape(s);
  return sl > 0 && !(s.length - sl === 2 && FUNCTION_END[s.charCodeAt(s.length - 1)]) && !isDictionaryWord(s, sl);
}

/** Last characters of the honorifics: most words end otherwise. */
const HONORIFIC_LAST = charTable(HONORIFICS.map((h) => h[h.length - 1]));

function stripHonorific(s: string): string {
  if (!HONORIFIC_LAST[s.charCodeAt(s.length - 1)]) return s;
  for (let k = 0; k < HONORIFICS.length; k++) {
    const h = HONORIFICS[k];
    if (s.length > h.length + 1 && s.endsWith(h)) return s.slice(0, -h.length);
  }
  return s;
}

/** Name lengths tried, in order (no array literal per call). */
const THREE_TWO_FOUR = [3, 2, 4];
const THREE_TWO = [3, 2];

const SEP = '、';
const SEP_CODE = SEP.charCodeAt(0);
const JOINS = ['和', '及', '与'];
/** Words that may follow a lone name opening a clause (郑瑶被提拔为…). */
const LONE_FOLLOW = /^(?:被|获|荣获|当选|担任|任|喜获|同志|等同志|分别|来自|为|是)/;

/**
 * Name lists in view[start, end): `、`-separated items (a last one joined by 和/及) of
 * which most are clear names and all are name-shaped; and single clear names that open a
 * clause and are followed by a verb (郑瑶被提拔为…).
 */
export function findNameLists(text: string, start: number, end: number): NameList[] {
  const out: NameList[] = [];
  let i = start;
  // Where the run of item characters (Han, not 、) that holds i ends: itemEnd(text, i, end)
  // ends there, or 9 characters after i if that is sooner. One run serves each i in it.
  let runEnd = -1;
  while (i < end) {
    // readList finds nothing unless a name starts at i, and a name starts with a surname (a
    // Han character): one table lookup passes over every other character.
    if (!SURNAME[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    // Nor unless the item starting here ends at a 、 or opens a clause.
    if (!(i === 0 || CLAUSE_START_AFTER[text.charCodeAt(i - 1)])) {
      if (runEnd <= i) {
        runEnd = i;
        while (runEnd < end && isHanAt(text, runEnd) && text.charCodeAt(runEnd) !== SEP_CODE) runEnd++;
      }
      // The item is at most 9 characters: a longer run does not end at a 、 within it.
      if (runEnd - i > 9 || text.charCodeAt(runEnd) !== SEP_CODE) {
        i++;
        continue;
      }
    }
    const l = readList(text, i, end);
    if (l) {
      out.push(l);
      i = l.end;
    } else i++;
  }
  return out;
}

/** Where the item (name + honorific) starting at i ends: up to a separator, at most 9 characters (i: none). */
function itemEnd(text: string, i: number, end: number): number {
  let e = i;
  while (e < end && e - i < 9 && isHanAt(text, e) && text.charCodeAt(e) !== SEP_CODE) e++;
  return e;
}

/** After a bracketed note of at most 10 characters at `p` (（组长）), or `p` itself. */
function skipNote(text: string, p: number, end: number): number {
  if (text.charCodeAt(p) !== 0xff08 /* （ */) return p;
  const close = text.indexOf('）', p + 1);
  return close > p && close < end && close - p <= 11 ? close + 1 : p;
}

/** Marks after which a lone name may open a clause. */
const CLAUSE_START_CHARS = '，。；：、！？“”（）\n';
const CLAUSE_START_AFTER = charTable(CLAUSE_START_CHARS);

function readList(text: string, i: number, end: number): NameList | undefined {
  // Called at a surname only (findNameLists passes over every other character): a list is
  // found only with a name that starts at i, and a name starts with a surname.
  // A title before the first name (副主委刘全会、熊亚浔) is not part of the list: the scan
  // moves on one character at a time and reads the list from the name (刘全会、熊亚浔).
  const atClauseStart = i === 0 || CLAUSE_START_AFTER[text.charCodeAt(i - 1)] === 1;
  // The first name: the last 2–3 characters before the first separator, which must start at i.
  const firstEnd = itemEnd(text, i, end);
  if (firstEnd === i) return undefined;
  // A note in brackets after a name (王磊（组长）、李强) belongs to that item.
  const afterFirst = skipNote(text, firstEnd, end);
  const sepAfterFirst = text.charCodeAt(afterFirst) === SEP_CODE;
  // Where the first name ends (before the 、, or before a verb for a lone name).
  const firstName = sepAfterFirst ? lastName(text.slice(i, firstEnd)) : undefined;
  if (sepAfterFirst) {
    if (!firstName) return undefined;
    const s = firstEnd - firstName.item.length;
    // Characters before the name (a title) are no item of the list: read from the name itself.
    if (s !== i) return undefined;
    const items: NameItem[] = [{ start: s, end: firstEnd, name: firstName.name }];
    let p = afterFirst;
    while (p < end && text.charCodeAt(p) === SEP_CODE) {
      const itEnd = itemEnd(text, p + 1, end);
      if (itEnd === p + 1) break;
      const raw = text.slice(p + 1, itEnd);
      // The last item may run on into the sentence: 王燕敏为预备党员, 廖桂英被提拔为.
      const cut = cutName(raw);
      if (!cut) break;
      items.push({ start: p + 1, end: p + 1 + cut.item.length, name: cut.name });
      p = p + 1 + cut.item.length;
      if (cut.item.length < raw.length) break;
      p = skipNote(text, p, end);
    }
    // 甲、乙和丙
    if (items.length >= 2 && JOINS.includes(text[p])) {
      const itEnd = itemEnd(text, p + 1, end);
      const cut = itEnd > p + 1 ? cutName(text.slice(p + 1, itEnd)) : undefined;
      if (cut) {
        items.push({ start: p + 1, end: p + 1 + cut.item.length, name: cut.name });
      }
    }
    if (items.length < 2) return undefined;
    const clear = items.filter((x) => isClearName(x.name)).length;
    if (clear < Math.max(2, Math.ceil(items.length / 2))) return undefined;
    if (!items.every((x) => nameShape(x.name) || (items.length >= 3 && x.name.length >= 2 && x.name.length <= 3 && !NOT_GIVEN_LAST[x.name.charCodeAt(x.name.length - 1)]))) return undefined;
    const last = items[items.length - 1];
    return { start: items[0].start, end: last.end, names: items.map((x) => x.name), items, partial: text.startsWith('等', last.end) };
  }
  // A lone name opening its clause: 郑瑶被提拔为…, 张敏同志获评…
  if (!atClauseStart) return undefined;
  const raw = text.slice(i, firstEnd);
  for (let k = 0; k < THREE_TWO_FOUR.length; k++) {
    const n = THREE_TWO_FOUR[k];
    const cand = raw.slice(0, n);
    if (cand.length !== n || !isClearName(cand)) continue;
    let rest = raw.slice(n);
    let len = n;
    const h = HONORIFICS.find((x) => rest.startsWith(x));
    if (h) {
      rest = rest.slice(h.length);
      len += h.length;
    }
    if (!LONE_FOLLOW.test(rest + text.slice(firstEnd, firstEnd + 2))) continue;
    return { start: i, end: i + len, names: [cand], items: [{ start: i, end: i + len, name: cand }], partial: false };
  }
  return undefined;
}

/** Words that end a post or title written before a name (局长张华, 纪检组长刘芳). */
const TITLE_END = /(?:长|书记|主任|委员|主席|经理|干事|助理|秘书|调研员|巡视员|代表|成员|记者|专员)$/;
/** The last characters of those words: most clauses end otherwise, and no name is read of them. */
const TITLE_LAST = charTable('长记任员席理事书表者');

/**
 * A clause that is a post and one clear name (副局长王敏, 纪检组长刘芳同志): the name, or
 * undefined. Such clauses name people one at a time, between commas, where a `、` list
 * would not see them.
 */
export function titledName(clause: string): { name: string; offset: number } | undefined {
  const base = stripHonorific(clause);
  for (let k = 0; k < THREE_TWO.length; k++) {
    const n = THREE_TWO[k];
    if (base.length < n + 1) continue;
    if (!TITLE_LAST[base.charCodeAt(base.length - n - 1)]) continue;
    const cand = base.slice(base.length - n);
    if (!isClearName(cand) || !TITLE_END.test(base.slice(0, base.length - n))) continue;
    return { name: cand, offset: base.length - n };
  }
  return undefined;
}

/** The name (and honorific) at the end of an item that may start with a title. */
function lastName(item: string): { item: string; name: string } | undefined {
  const base = stripHonorific(item);
  const h = item.length - base.length;
  for (let k = 0; k < THREE_TWO_FOUR.length; k++) {
    const n = THREE_TWO_FOUR[k];
    if (base.length < n) continue;
    const cand = base.slice(base.length - n);
    if (nameShape(cand) && (n === base.length || isClearName(cand))) return { item: item.slice(item.length - n - h), name: cand };
  }
  return undefined;
}

/** The name (and honorific) at the start of an item that may run on (王燕敏为预备党员). */
function cutName(raw: string): { item: string; name: string } | undefined {
  // 等 closes the list, it is not part of the last name (李强等4人).
  const item = raw.endsWith('等') ? raw.slice(0, -1) : raw;
  const whole = stripHonorific(item);
  if (whole.length >= 2 && whole.length <= 4 && (nameShape(whole) || whole.length <= 3)) return { item, name: whole };
  for (let k = 0; k < THREE_TWO.length; k++) {
    const n = THREE_TWO[k];
    const cand = item.slice(0, n);
    if (!nameShape(cand)) continue;
    const rest = item.slice(n);
    const h = HONORIFICS.find((x) => rest.startsWith(x));
    const after = h ? rest.slice(h.length) : rest;
    if ((/^(?:被|获|荣获|当选|担任|任|为|是|等|同志|分别|来自|均|都|也|同为|作为|现任|已|在|和|与|及)/.test(after) || opensWithWord(after)) && (n === 2 || isClearName(cand))) {
      return { item: item.slice(0, n + (h?.length ?? 0)), name: cand };
    }
  }
  return undefined;
}

// Chinese personal names (2–3 Han characters, a common surname first; 4 with a double
// surname) and the lists they come in: 刘玲、李殊凝被提拔为…; 郑瑶被提拔为…. Used to
// check a count of people against the people named (figures/named-count).
// Offsets are VIEW offsets.
import { isHanAt } from '../model/chars';

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const DOUBLE = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '端木', '令狐'];

/** Characters that end place and organisation names, never given names in a list like this. */
const NOT_GIVEN = '市县区省镇乡村街路州局委部厅处科室院校站所队组社团馆场厂店司行业类级项次个家型性式制度法规网群';
/** Words that may follow a name directly (被提拔为, 获评, 等, 同志, 2人…). */
const FOLLOW = [
  '被', '获', '荣获', '等', '同志', '任', '担任', '当选', '参加', '来自', '长期', '为', '是', '在', '分别', '和', '与', '及',
  '先后', '主动', '带头', '率先', '喜获', '共同', '负责', '入选', '受到', '均', '都', '也', '作为', '同为', '则', '还', '曾',
  '现任', '已', '积极', '获得', '荣膺', '成为', '加入', '牵头', '主持',
];

export interface NameList {
  /** View span of the whole list. */
  start: number;
  end: number;
  names: string[];
  /** Followed by 等: a partial list. */
  partial: boolean;
}

// Indexed by char code: 1 = a code unit of SINGLE, 2 = the first character of a DOUBLE
// surname (bit flags), so the scan makes no string per Han character.
const SURNAME = new Uint8Array(0x10000);
for (let k = 0; k < SINGLE.length; k++) SURNAME[SINGLE.charCodeAt(k)] |= 1;
for (const d of DOUBLE) SURNAME[d.charCodeAt(0)] |= 2;

function isSurnameAt(text: string, i: number): number {
  const f = SURNAME[text.charCodeAt(i)];
  if (!f) return 0;
  if (f & 2 && DOUBLE.includes(text.slice(i, i + 2))) return 2;
  return f & 1 ? 1 : 0;
}

function followsName(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return true;
  if (!isHanAt(text, i)) return !/[A-Za-z]/.test(c);
  for (const w of FOLLOW) if (text.startsWith(w, i)) return true;
  return false;
}

/** A name starting at `i`, ending at a separator or a FOLLOW word; its length or 0. */
export function nameAt(text: string, i: number, strictEnd: boolean): number {
  const s = isSurnameAt(text, i);
  if (!s) return 0;
  // Prefer the longer given name (李殊凝 over 李殊) when what follows fits.
  for (const g of [2, 1]) {
    const n = s + g;
    let ok = true;
    for (let k = i + s; k < i + n; k++) if (!isHanAt(text, k) || NOT_GIVEN.includes(text[k])) ok = false;
    if (!ok) continue;
    const next = text[i + n];
    if (next === '、' || next === '，' || next === '。' || next === '；' || next === '：' || next === '）') return n;
    if (strictEnd ? followsName(text, i + n) : true) {
      if (followsName(text, i + n)) return n;
    }
  }
  return 0;
}

/**
 * Name lists in view[start, end): runs of `、`-separated names (two or more), and single
 * names that open a clause and are followed by a verb (郑瑶被提拔为…).
 */
export function findNameLists(text: string, start: number, end: number): NameList[] {
  const out: NameList[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    const atClauseStart = i === start || '，。；：、！？“”（）\n'.includes(text[i - 1] ?? '\n');
    if (!isHanAt(text, i)) {
      i++;
      continue;
    }
    // The first name of a list may follow a title (副主委刘全会、熊亚浔): try the
    // positions just before a 、.
    const list = readList(text, i, end, atClauseStart);
    if (list) {
      out.push(list);
      i = list.end;
      continue;
    }
    void c;
    i++;
  }
  return out;
}

function readList(text: string, i: number, end: number, atClauseStart: boolean): NameList | undefined {
  const first = nameAt(text, i, false);
  if (!first) return undefined;
  const names = [text.slice(i, i + first)];
  let p = i + first;
  while (p < end && (text[p] === '、' || (text[p] === '和' && names.length >= 1))) {
    const n = nameAt(text, p + 1, true);
    if (!n) break;
    names.push(text.slice(p + 1, p + 1 + n));
    p = p + 1 + n;
  }
  if (names.length === 1) {
    // A lone name must open its clause and be followed by a verb-like word.
    if (!atClauseStart) return undefined;
    if (!/^(?:被|获|荣获|当选|担任|任|喜获|同志)/.test(text.slice(p, p + 2))) return undefined;
  } else {
    // The first name's own end must be a 、 (checked by the loop) and, unless it opens
    // the clause, it sits right after a title or verb: accept; the list shape decides.
    if (text[i + first] !== '、' && text[i + first] !== '和') return undefined;
    if (!followsName(text, p) && !/^\d|^[一二两三四五六七八九十]/.test(text.slice(p, p + 1))) return undefined;
  }
  return { start: i, end: p, names, partial: text[p] === '等' };
}

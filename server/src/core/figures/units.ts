// Measure words and units (量词/单位) and the family each belongs to. Two quantities are
// comparable only within one family: 人 ≠ 人次, 户 ≠ 人, 家 ≠ 个. 名 and 位 count people
// like 人, so they share its family.

export interface UnitInfo {
  /** The unit as written (simplified). */
  unit: string;
  /** Comparable units share a family. */
  family: string;
  /** What the unit measures, for hover text. */
  what: 'count' | 'money' | 'measure' | 'time' | 'percent' | 'points' | 'multiple' | 'age' | 'date' | 'session';
}

const TABLE: [string, string, UnitInfo['what']][] = [
  // people and visits
  ['人次', 'person-time', 'count'], ['户次', 'household-time', 'count'], ['人天', 'person-day', 'count'],
  ['场次', 'event-time', 'count'], ['批次', 'batch-time', 'count'], ['件次', 'case-time', 'count'],
  ['架次', 'flight-time', 'count'], ['车次', 'trip-time', 'count'], ['课时', 'class-hour', 'count'],
  ['人', 'person', 'count'], ['名', 'person', 'count'], ['位', 'person', 'count'],
  ['户', 'household', 'count'],
  // percentages, points, multiples
  ['个百分点', 'points', 'points'], ['百分点', 'points', 'points'], ['%', 'percent', 'percent'],
  ['‰', 'permille', 'percent'], ['成', 'percent', 'percent'], ['倍', 'multiple', 'multiple'],
  // money
  ['万亿元', 'yuan', 'money'], ['亿元', 'yuan', 'money'], ['万元', 'yuan', 'money'], ['千元', 'yuan', 'money'],
  ['元', 'yuan', 'money'], ['美元', 'usd', 'money'],
  // measures
  ['平方公里', 'km2', 'measure'], ['平方米', 'm2', 'measure'], ['公顷', 'hectare', 'measure'],
  ['公里', 'km', 'measure'], ['千米', 'km', 'measure'], ['米', 'm', 'measure'], ['亩', 'mu', 'measure'],
  ['吨', 'ton', 'measure'], ['公斤', 'kg', 'measure'], ['千克', 'kg', 'measure'], ['斤', 'jin', 'measure'],
  ['千瓦时', 'kwh', 'measure'], ['千瓦', 'kw', 'measure'], ['立方米', 'm3', 'measure'],
  ['小时', 'hour', 'time'], ['分钟', 'minute', 'time'], ['个月', 'month', 'time'], ['天', 'day', 'time'],
  ['周岁', 'age', 'age'], ['岁', 'age', 'age'], ['周年', 'anniversary', 'session'], ['届', 'session', 'session'],
  ['年', 'year', 'date'], ['月', 'month-date', 'date'], ['日', 'day-date', 'date'], ['号', 'number', 'date'],
  // measure words of counts
  ['个', '个', 'count'], ['家', '家', 'count'], ['所', '所', 'count'], ['次', '次', 'count'], ['篇', '篇', 'count'],
  ['项', '项', 'count'], ['件', '件', 'count'], ['起', '起', 'count'], ['条', '条', 'count'], ['支', '支', 'count'],
  ['台', '台', 'count'], ['套', '套', 'count'], ['座', '座', 'count'], ['场', '场', 'count'], ['期', '期', 'count'],
  ['批', '批', 'count'], ['类', '类', 'count'], ['种', '种', 'count'], ['例', '例', 'count'], ['份', '份', 'count'],
  ['处', '处', 'count'], ['间', '间', 'count'], ['张', '张', 'count'], ['本', '本', 'count'], ['册', '册', 'count'],
  ['辆', '辆', 'count'], ['部', '部', 'count'], ['节', '节', 'count'], ['门', '门', 'count'], ['幅', '幅', 'count'],
  ['首', '首', 'count'], ['棵', '棵', 'count'], ['株', '株', 'count'], ['头', '头', 'count'], ['只', '只', 'count'],
  ['块', '块', 'count'], ['道', '道', 'count'], ['轮', '轮', 'count'], ['班', '班', 'count'], ['组', '组', 'count'],
  ['队', '队', 'count'], ['级', '级', 'count'], ['步', '步', 'count'], ['大', '大', 'count'], ['方面', '方面', 'count'],
  ['点', '点', 'count'], ['条', '条', 'count'], ['枚', '枚', 'count'], ['面', '面', 'count'], ['盏', '盏', 'count'],
  ['栋', '栋', 'count'], ['层', '层', 'count'], ['片', '片', 'count'], ['宗', '宗', 'count'], ['笔', '笔', 'count'],
  ['单', '单', 'count'], ['课', '课', 'count'], ['堂', '堂', 'count'], ['集', '集', 'count'], ['届', 'session', 'session'],
];

const BY_UNIT = new Map<string, UnitInfo>();
for (const [unit, family, what] of TABLE) if (!BY_UNIT.has(unit)) BY_UNIT.set(unit, { unit, family, what });
/** The units by their first UTF-16 unit, longest first (most characters after a number start none). */
const BY_FIRST: (UnitInfo[] | undefined)[] = new Array(0x10000);
/**
 * The units by id, none (0) first: a figure keeps its unit as this id (figures/quantity.ts),
 * seven bits of one of its fields.
 */
export const UNITS: readonly (UnitInfo | undefined)[] = [undefined, ...BY_UNIT.values()];
if (UNITS.length > 128) throw new Error(`${UNITS.length - 1} units; a figure keeps its unit in seven bits`);
const UNIT_IDS = new Map<UnitInfo | undefined, number>(UNITS.map((u, k) => [u, k]));

/** A unit's id in UNITS (0: none); throws for one not from the table. */
export function unitId(u: UnitInfo | undefined): number {
  const k = UNIT_IDS.get(u);
  if (k === undefined) throw new Error(`unit ${u?.unit} is not one of the table's`);
  return k;
}

/** The table's unit written `unit`. */
export function unitNamed(unit: string): UnitInfo {
  const u = BY_UNIT.get(unit);
  if (!u) throw new Error(`no unit ${unit}`);
  return u;
}

for (const u of [...BY_UNIT.values()].sort((a, b) => b.unit.length - a.unit.length)) (BY_FIRST[u.unit.charCodeAt(0)] ??= []).push(u);

/** The longest unit that starts at `i` in `text` (compared in place: no slice per candidate). */
export function unitAt(text: string, i: number): UnitInfo | undefined {
  const us = BY_FIRST[text.charCodeAt(i)];
  // Indexed (a for…of here made an iterator result per unit tried).
  if (us) for (let k = 0; k < us.length; k++) if (text.startsWith(us[k].unit, i)) return us[k];
  return undefined;
}

/** Family of people counted: a person-count of names can be checked against them. */
export function isPersonUnit(u: UnitInfo | undefined): boolean {
  return !!u && u.family === 'person';
}

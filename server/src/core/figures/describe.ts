// How a quantity was read, in words (hover and related information).
import type { Msg } from '../types';
import type { ReportDocument } from '../model/document';
import { nounOf, qualifiersOf, type Quantity } from './quantity';
import { quoteView } from '../quote';
import { fmt, scaleWord } from './relation';

const KIND_ZH: Record<string, string> = {
  count: '数量', percent: '百分比', points: '百分点', money: '金额', measure: '计量', time: '时长', multiple: '倍数',
  ordinal: '序数（不是数量）', session: '届次/会次（不是数量）', date: '日期或年份（不是数量）', age: '年龄（不是数量）',
  name: '名称中的数字（不是数量）', code: '编号（不是数量）', bare: '未带单位的数字', marker: '列举序号',
};
const KIND_EN: Record<string, string> = {
  count: 'count', percent: 'percentage', points: 'percentage points', money: 'amount of money', measure: 'measure',
  time: 'duration', multiple: 'multiple', ordinal: 'ordinal (not a count)', session: 'session number (not a count)',
  date: 'date or year (not a count)', age: 'age (not a count)', name: 'part of a name (not a count)',
  code: 'code (not a count)', bare: 'number without a unit', marker: 'enumeration marker',
};
const ROLE_ZH: Record<string, string> = {
  from: '变化前的值', to: '变化后的值', delta: '变化量', per: '平均/每单位数', share: '所占比例', target: '目标值', threshold: '门槛值',
};
const ROLE_EN: Record<string, string> = {
  from: 'value before a change', to: 'value after a change', delta: 'amount of change', per: 'per-unit figure',
  share: 'share of a whole', target: 'target', threshold: 'threshold',
};

export function valueText(q: Quantity, en = false): string {
  if (Number.isNaN(q.value)) return '?';
  // 1.26万 → 1.26万（12600）: the written scale and the plain value (English: the plain value).
  const v = q.scale > 1 && !en ? `${fmt(q.value, q.scale)}${scaleWord(q.scale)}（${fmt(q.value)}）` : fmt(q.value);
  return q.high !== undefined ? `${v}～${fmt(q.high)}` : v;
}

/** One line: “8人”：数量8，单位“人”，对象“新任科级干部” (the quote in the original characters with a document). */
export function describeQuantity(q: Quantity, doc: ReportDocument): Msg {
  const text = quoteView(doc, q.start, q.end);
  const r = describeReading(q, doc.view.text);
  return { zh: `“${text}”：${r.zh}`, en: `“${text}”: ${r.en}` };
}

/** How a figure was read, without quoting it: 数量，数值8，单位“人”，对象“新任科级干部”. */
export function describeReading(q: Quantity, text: string): Msg {
  const zh: string[] = [KIND_ZH[q.kind] ?? q.kind];
  const en: string[] = [KIND_EN[q.kind] ?? q.kind];
  const informative = q.kind !== 'ordinal' && q.kind !== 'session' && q.kind !== 'name' && q.kind !== 'code' && q.kind !== 'date';
  if (informative) {
    zh.push(`数值${valueText(q)}`);
    en.push(`value ${valueText(q, true)}`);
    if (q.unit) {
      zh.push(`单位“${q.unit.unit}”`);
      en.push(`unit “${q.unit.unit}” (${FAMILY_EN[q.unit.family] ?? 'own measure word'})`);
    }
    const noun = nounOf(text, q);
    if (noun && q.kind !== 'percent') {
      zh.push(`对象“${noun}”`);
      en.push(`counts “${noun}”`);
    }
    const qualifiers = qualifiersOf(text, q);
    if (qualifiers.length) {
      zh.push(`限定“${qualifiers.join('、')}”`);
      en.push(`qualified by “${qualifiers.join('、')}”`);
    }
    if (q.approx) {
      const b = q.bound === 'lower' ? '（下限）' : q.bound === 'upper' ? '（上限）' : '';
      zh.push(`约数${b}，不作精确计算`);
      en.push(`approximate${q.bound ? ` (${q.bound} bound)` : ''}, not checked exactly`);
    }
    if (q.role) {
      zh.push(ROLE_ZH[q.role]);
      en.push(ROLE_EN[q.role]);
    }
  }
  if (q.unknown) {
    zh.push('紧邻乱码，数值未知');
    en.push('next to garbled text: value unknown');
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

const FAMILY_EN: Record<string, string> = {
  person: 'people', 'person-time': 'visits', household: 'households', yuan: 'money', percent: 'per cent', points: 'percentage points',
  multiple: 'times', mu: 'mu of land', m2: 'square metres', km2: 'square kilometres', km: 'kilometres', m: 'metres', ton: 'tonnes',
  kg: 'kilograms', hour: 'hours', day: 'days', month: 'months', age: 'years of age',
};

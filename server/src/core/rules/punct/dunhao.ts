// punct/dunhao — two misuses of the 顿号 、:
// 1. in an approximate number: `三、五名` → `三五名`, `二、三天` → `两三天` (GB/T 15834—2011
//    4.5 顿号 and GB/T 15835-2011, 4.2: adjacent numerals for an estimate take no 顿号;
//    its example is 一两个小时);
// 2. between items that each carry quotation marks or 书名号: `《甲》、《乙》` → `《甲》《乙》`
//    (GB/T 15834—2011 4.5: usually no 顿号). A 顿号 after a quoted item stays when the
//    next item is not quoted: `“稻鸭共生”、测土配方施肥`.
import type { Rule } from '../../rule';
import { BOILERPLATE, scope, capped, MAX_FINDINGS } from '../../model/scope';
import { charTable } from '../../model/chars';

const NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** What can stand before a 顿号 this rule reports on, by char code: ” 》 and the numerals. */
const BEFORE = charTable(['”', '》', ...Object.keys(NUM)]);
/**
 * Measure words and units that make `三、五X` a count. Not 月/日/周/期/届/批/轮/层: `一、二月份`,
 * `1、2期工程`, `3、4层` name which months, phases and floors (a list), not how many.
 */
export const MEASURE = '个名人位次项家户条件篇场天年岁台套支把张辆本块元米亩斤吨株棵间部例起首门种类组队股口';

/**
 * Two adjacent numerals as an estimate, as GB/T 15835—2011 writes them: 2 before a measure
 * word or 百/千/万 is 两 (一两个小时, 两三天, 两三百), but 二 before 十 (二三十, 一二十).
 */
export function estimate(a: string, b: string, after: string | undefined): string {
  const pair = a + b;
  if (after === '十') return pair.replace(/两/g, '二');
  return pair === '一二' || pair === '一两' ? '一两' : pair === '二三' || pair === '两三' ? '两三' : pair;
}

export const dunhao: Rule = {
  id: 'punct/dunhao',
  description: {
    zh: '顿号误用：概数中间不用顿号（“三、五个”应为“三五个”）；带引号或书名号的并列项之间通常不用顿号',
    en: 'Misused enumeration comma “、”: none inside an estimate (“三、五个” → “三五个”), usually none between quoted or titled items',
  },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
      // Most 顿号 follow a word: only a closing quote or 书名号, or a numeral, can start a finding.
      if (!BEFORE[text.charCodeAt(i - 1)]) continue;
      if (s.skip(i) || s.mask[i] & BOILERPLATE) continue;
      const prev = text[i - 1];
      const next = text[i + 1];
      if ((prev === '”' && next === '“') || (prev === '》' && next === '《')) {
        report({
          start: i,
          end: i + 1,
          message: prev === '》'
            ? { zh: '带书名号的并列项之间通常不用顿号，“》、《”应为“》《”', en: 'Usually no enumeration comma between titles: write “》《” for “》、《”' }
            : { zh: '带引号的并列项之间通常不用顿号，应删除', en: 'Usually no enumeration comma between quoted items: remove it' },
          fix: { title: { zh: '删除顿号', en: 'Remove the comma “、”' }, edits: [{ start: i, end: i + 1, newText: '' }], safe: false },
        });
        continue;
      }
      const a = NUM[prev];
      const b = NUM[next];
      if (!a || !b || b - a < 1 || b - a > 2) continue;
      // Not part of a longer numeral or an enumeration (一、二、三), not an ordinal (第三、四名).
      const before = text[i - 2];
      if (before && (NUM[before] || '十百千万第、'.includes(before))) continue;
      let k = i + 2;
      if (text[k] === '十' || text[k] === '百' || text[k] === '千' || text[k] === '万') k++;
      const unit = text[k];
      if (!unit || !MEASURE.includes(unit)) continue;
      if (unit === '年' && text[k + 1] === '级') continue; // 一、二年级 are grades
      if (text[k] === '、' || NUM[text[k]]) continue;
      const right = estimate(prev, next, text[i + 2]);
      report({
        start: i - 1,
        end: i + 2,
        message: { zh: `概数中间不用顿号，“${prev}、${next}”应为“${right}”`, en: `No enumeration comma inside the estimate “${prev}、${next}”: write “${right}”` },
        fix: { title: { zh: `改为“${right}”`, en: `Write “${right}”` }, edits: [{ start: i - 1, end: i + 2, newText: right }], safe: true },
      });
    }
  },
};

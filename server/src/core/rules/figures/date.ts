// figures/date — Dates must exist and follow GB/T 9704 (no leading zeros, no abbreviated year).
// The relation is found in figures/relations/date.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const date = relationRule('figures/date', {
  zh: '日期应真实存在并符合 GB/T 9704 写法（不补零、不省略年份）',
  en: 'Dates must exist and follow GB/T 9704 (no leading zeros, no abbreviated year)',
});

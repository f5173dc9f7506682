// figures/percentage — A share cannot exceed 100% and must equal part ÷ total (to the precision written).
// The relation is found in figures/relations/percentage.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const percentage = relationRule('figures/percentage', {
  zh: '比例不能超过100%，且应等于部分÷总数（按所写精度）',
  en: 'A share cannot exceed 100% and must equal part ÷ total (to the precision written)',
});

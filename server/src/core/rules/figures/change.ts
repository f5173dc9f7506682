// figures/change — A stated change or growth rate must agree with the values before and after.
// The relation is found in figures/relations/change.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const change = relationRule('figures/change', {
  zh: '增减数和增长率应与前后两个数一致',
  en: 'A stated change or growth rate must agree with the values before and after',
});

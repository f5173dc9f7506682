// figures/list-count — The items listed must match the number announced (分别是 A, B vs 3个).
// The relation is found in figures/relations/list-count.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const listCount = relationRule('figures/list-count', {
  zh: '列举的项数应与所说的数量一致（“分别是甲、乙”对“3个”）',
  en: 'The items listed must match the number announced (分别是 A, B vs 3个)',
});

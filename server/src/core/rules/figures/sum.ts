// figures/sum — A stated total (共计, 合计) must equal the sum of the items before it.
// The relation is found in figures/relations/sum.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const sum = relationRule('figures/sum', {
  zh: '“共计”“合计”应等于所列各项之和',
  en: 'A stated total (共计, 合计) must equal the sum of the items before it',
});

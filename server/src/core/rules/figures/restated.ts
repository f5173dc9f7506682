// figures/restated — The same figure stated twice must have the same value.
// The relation is found in figures/relations/restated.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const restated = relationRule('figures/restated', {
  zh: '同一事物前后两次给出的数字应一致',
  en: 'The same figure stated twice must have the same value',
});

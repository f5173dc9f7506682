// figures/named-count — The people named must match the number of people announced.
// The relation is found in figures/relations/named-count.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const namedCount = relationRule('figures/named-count', {
  zh: '点名的人数应与所说的人数一致',
  en: 'The people named must match the number of people announced',
});

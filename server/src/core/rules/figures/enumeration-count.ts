// figures/enumeration-count — A numbered phrase (四个结合, 三个方面) must match the items it enumerates.
// The relation is found in figures/relations/enumeration-count.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const enumerationCount = relationRule('figures/enumeration-count', {
  zh: '“四个结合”“三个方面”等数字概括应与其后列举的项数一致',
  en: 'A numbered phrase (四个结合, 三个方面) must match the items it enumerates',
});

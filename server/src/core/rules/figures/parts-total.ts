// figures/parts-total — Parts cannot exceed their total; exhaustive parts (男/女, 城/乡, 其他, 分别为) must add up to it.
// The relation is found in figures/relations/parts-total.ts; this file only names the rule.
import { relationRule } from './relation-rule';

export const partsTotal = relationRule('figures/parts-total', {
  zh: '部分之和不能超过总数；穷尽的分类（男/女、城/乡、其他、分别为）之和应等于总数',
  en: 'Parts cannot exceed their total; exhaustive parts (男/女, 城/乡, 其他, 分别为) must add up to it',
});

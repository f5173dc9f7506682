import type { Rule } from '../../rule';

export const punctRules: Rule[] = [];

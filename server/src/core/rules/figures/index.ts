import type { Rule } from '../../rule';

export const figuresRules: Rule[] = [];

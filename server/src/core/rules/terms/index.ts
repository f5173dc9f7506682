import type { Rule } from '../../rule';

export const termsRules: Rule[] = [];

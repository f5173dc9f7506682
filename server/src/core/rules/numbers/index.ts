import type { Rule } from '../../rule';

export const numbersRules: Rule[] = [];

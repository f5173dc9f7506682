import type { Rule } from '../../rule';
import { custom } from './custom';

export const termsRules: Rule[] = [custom];

import type { Rule } from '../../rule';
import { missingSection } from './missing-section';

export const outlineRules: Rule[] = [missingSection];

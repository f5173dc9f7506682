import type { Rule } from '../../rule';
import { abbreviatedYear } from './abbreviated-year';
import { approximate } from './approximate';
import { fullwidthDigit } from './fullwidth-digit';

export const numbersRules: Rule[] = [fullwidthDigit, approximate, abbreviatedYear];

import type { Rule } from '../../rule';
import { pinyinAnnotation } from './pinyin-annotation';

export const textRules: Rule[] = [pinyinAnnotation];

import type { Rule } from '../../rule';
import { pinyinAnnotation } from './pinyin-annotation';
import { lengthLimit } from './length-limit';

export const textRules: Rule[] = [pinyinAnnotation, lengthLimit];

import type { Rule } from '../../rule';
import { boilerplate } from './boilerplate';
import { garbled } from './garbled';
import { lengthLimit } from './length-limit';
import { pinyinAnnotation } from './pinyin-annotation';
import { scriptMixing } from './script-mixing';
import { straySpace } from './stray-space';

export const textRules: Rule[] = [straySpace, scriptMixing, pinyinAnnotation, boilerplate, garbled, lengthLimit];

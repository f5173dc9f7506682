import type { Rule } from '../../rule';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { duplicateSection } from './duplicate-section';
import { numberingSequence } from './numbering-sequence';
import { numberingStyle } from './numbering-style';
import { levelOrder } from './level-order';
import { emptySection } from './empty-section';
import { summaryMismatch } from './summary-mismatch';
import { unquantifiedResults } from './unquantified-results';

export const outlineRules: Rule[] = [
  missingSection,
  sectionOrder,
  duplicateSection,
  numberingSequence,
  numberingStyle,
  levelOrder,
  emptySection,
  summaryMismatch,
  unquantifiedResults,
];

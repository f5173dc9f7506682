// The ordered registry of rules. Each family lists its own rules in its index.
import type { Rule } from '../rule';
import { outlineRules } from './outline';
import { figuresRules } from './figures';
import { punctRules } from './punct';
import { numbersRules } from './numbers';
import { textRules } from './text';
import { termsRules } from './terms';

export const RULES: readonly Rule[] = [
  ...outlineRules,
  ...figuresRules,
  ...punctRules,
  ...numbersRules,
  ...textRules,
  ...termsRules,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

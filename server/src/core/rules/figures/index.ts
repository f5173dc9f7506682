import type { Rule } from '../../rule';
import { partsTotal } from './parts-total';
import { listCount } from './list-count';
import { namedCount } from './named-count';
import { enumerationCount } from './enumeration-count';
import { percentage } from './percentage';
import { sum } from './sum';
import { change } from './change';
import { restated } from './restated';
import { date } from './date';

export const figuresRules: Rule[] = [partsTotal, listCount, namedCount, enumerationCount, percentage, sum, change, restated, date];

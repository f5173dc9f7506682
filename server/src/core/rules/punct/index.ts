import type { Rule } from '../../rule';
import { dunhao } from './dunhao';
import { ellipsis } from './ellipsis';
import { halfwidth } from './halfwidth';
import { nesting } from './nesting';
import { range } from './range';
import { repeated } from './repeated';
import { unpaired } from './unpaired';

export const punctRules: Rule[] = [halfwidth, unpaired, nesting, repeated, ellipsis, dunhao, range];

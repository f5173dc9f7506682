// The list in simplified-words.txt (see its header), for the tests that read it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../paths';

export const SIMPLIFIED_WORDS = fs
  .readFileSync(path.join(ROOT, 'test', 'data', 'simplified-words.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

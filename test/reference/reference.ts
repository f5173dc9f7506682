// The reference report, for `npm run test:reference` only: it lives outside the project
// (WORKREPORT_SHARED, default ../shared) and is never copied into it. What is written here
// about it is what it measures as (counts, arithmetic, line numbers), not its text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../paths';
import type { PastedReport } from '../reports/pasted';

export const SHARED = process.env.WORKREPORT_SHARED || path.resolve(ROOT, '..', 'shared');
export const REFERENCE_FILE = path.join(SHARED, 'seeds', '000_4cce5bdc49361890.txt');

export function reference(): PastedReport {
  return {
    name: 'reference report',
    file: REFERENCE_FILE,
    text: fs.readFileSync(REFERENCE_FILE, 'utf8'),
    annotations: 635,
    boilerplate: [
      { line: 0, starts: '當(d' },
      { line: 4, starts: '發(f' },
      { line: 6, starts: '放大' },
      { line: 8, starts: '縮小' },
      { line: 56, starts: '作者:' },
    ],
    garbled: 6,
    noBreakSpaces: 16,
    halfwidthAtLeast: 150,
    sections: [
      { title: '主要做法', items: 4 },
      { title: '工作成效', items: 3 },
      { title: '几点体会', items: 3 },
    ],
    closingStart: 55,
    lastSectionEnd: 54,
    wrongCount: { quote: '新任科級干部8人', arithmetic: '2 + 5 = 7 ≠ 8', related: 8 },
    rightCount: '2 + 1 + 1 = 4',
    partsTotal: { total: 18, arithmetic: '5 + 3 = 8 ≤ 18' },
    body: '高度重',
    symbols: { names: ['一、主要做法', '二、工作成效', '三、幾點體會'], firstLine: 16 },
  };
}

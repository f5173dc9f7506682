// A report as users paste it from a web page, and what the tests know about it. The
// project's own fixture (test/reports/pasted.txt, written for this project) has every
// feature of such a paste: traditional script, pinyin annotations after characters
// (`當(dāng)`), garbled runs (`?;…`, `??…`, U+FFFD), page boilerplate lines, half-width
// punctuation, no-break spaces, a count of people named across sentences that holds
// (4人: 2 + 1 + 1) and one that does not (8人: 2 + 5 = 7). `test/reports/suite.ts` runs
// the same assertions on any such report: on this fixture in `npm test`, and on the
// reference report in `npm run test:reference` (test/reference/).
//
// How pasted.txt was made: a simplified draft written for this project, converted with OpenCC
// (cn → tw); each character that differs from its simplified form followed by its pinyin
// (pinyin-pro, tone marks), as some sites print it; the garbled runs, the no-break spaces and
// the page furniture lines written in by hand. Edit it by hand, then update the facts below.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../paths';

export interface PastedReport {
  /** How the tests name it. */
  name: string;
  file: string;
  text: string;
  /** Parenthesised runs of lowercase, tone-marked Latin letters: every one is an annotation. */
  annotations: number;
  /** 0-based lines that are page furniture, in order, with their first characters. */
  boilerplate: { line: number; starts: string }[];
  /** Garbled runs (none of them gets a fix). */
  garbled: number;
  noBreakSpaces: number;
  /** At least this many half-width marks are flagged. */
  halfwidthAtLeast: number;
  /** The title, folded (simplified, no annotations); left out for a text we may not quote. */
  title?: string;
  /** Level-1 sections and their run-in `1、` items (folded titles, or how many). */
  sections: { title: string; items: string[] | number }[];
  /** 0-based line where the closing page footer starts (the blank line before it). */
  closingStart: number;
  /** The last line of the last section (before the footer). */
  lastSectionEnd: number;
  /** The one figure finding: its span without annotations, arithmetic, how many related
   * places, and (for our own text) how those places start. */
  wrongCount: { quote: string; arithmetic: string; related: number; relatedStarts?: string[] };
  /** A count of named people that holds. */
  rightCount: string;
  /** A parts-total relation that holds: its total and arithmetic. */
  partsTotal: { total: number; arithmetic: string };
  /** Text in a body paragraph (no heading hover there), in the document's characters. */
  body: string;
  /** Document symbols: level-1 names as written (annotations dropped), the line of the first;
   * for our own text also the first and last sub-item names (half-width comma kept). */
  symbols: { names: string[]; firstLine: number; firstItem?: string; lastItem?: string };
}

export const PASTED_FILE = path.join(ROOT, 'test', 'reports', 'pasted.txt');

/** The project's pasted report (always there). */
export function pasted(): PastedReport {
  return {
    name: 'pasted report',
    file: PASTED_FILE,
    text: fs.readFileSync(PASTED_FILE, 'utf8'),
    annotations: 794,
    boilerplate: [
      { line: 0, starts: '當(d' },
      { line: 4, starts: '放大' },
      { line: 6, starts: '縮(s' },
      { line: 8, starts: '打印' },
      { line: 54, starts: '關(g' },
    ],
    garbled: 5,
    noBreakSpaces: 13,
    halfwidthAtLeast: 100,
    title: '强基固本 凝心聚力 扎实推进基层商会建设',
    sections: [
      { title: '主要做法', items: ['强组织，打基础', '强服务，促发展', '强队伍，增活力', '强制度，保长效'] },
      { title: '工作成效', items: ['会员队伍不断壮大', '组织覆盖持续扩大', '服务活动有声有色'] },
      { title: '几点体会', items: ['党委重视是做好商会工作的根本保证', '服务会员是商会工作的立身之本', '“人才兴会”是商会发展的长久之计'] },
    ],
    closingStart: 53,
    lastSectionEnd: 52,
    wrongCount: { quote: '新任科級幹部8人', arithmetic: '2 + 5 = 7 ≠ 8', related: 8, relatedStarts: ['8人', '陳思遠', '林雪', '吳海波', '曹敏'] },
    rightCount: '2 + 1 + 1 = 4',
    partsTotal: { total: 23, arithmetic: '9 + 6 = 15 ≤ 23' },
    body: '每位副主席',
    symbols: {
      names: ['一、主要做法', '二、工作成效', '三、幾點體會'],
      firstItem: '1、強組織,打基礎',
      lastItem: '3、“人才興會”是商會發展的長久之計',
      firstLine: 16,
    },
  };
}

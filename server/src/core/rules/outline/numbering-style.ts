// outline/numbering-style — heading numbers written in a variant instead of the
// GB/T 9704 form of their level: 一、 （一） 1. （1）.
import type { Rule } from '../../rule';
import type { Msg, OwnRangeFix } from '../../types';
import { STANDARD_STYLE, writeMarker, type NumberingStyle } from '../../model/numbering';
import { markerText, numberedGroups } from '../../outline/siblings';
import { detached } from '../../detach';

/** Why each variant is not the standard form (the fix is the same: write the standard). */
const WHY: Partial<Record<NumberingStyle, { zh: string; en: string }>> = {
  'arabic-dun': { zh: '第三层用“1.”（阿拉伯数字加下脚点），不用顿号', en: 'level 3 is “1.” (digit and full stop), not “、”' },
  'han-dot': { zh: '第一层用“一、”，汉字数字后用顿号', en: 'level 1 is “一、” (“、” after a Chinese numeral)' },
  'han-halfparen': { zh: '第二层用全角括号“（一）”', en: 'level 2 takes full-width brackets “（一）”' },
  'han-paren-dun': { zh: '括号序号后不加顿号', en: 'no “、” after a bracketed number' },
  'arabic-halfparen': { zh: '第四层用全角括号“（1）”', en: 'level 4 takes full-width brackets “（1）”' },
};

/** A finding's words and its fix (of its own range: the marker). */
interface Words {
  message: Msg;
  fix: OwnRangeFix | undefined;
}

const WORDS_KEY = 'outline:numbering-style:words';

function wordsFor(style: NumberingStyle, have: string, want: string, mixedStyles: boolean, certain: boolean): Words {
  const why = WHY[style] ?? { zh: '', en: '' };
  const mixed = mixedStyles ? { zh: '；同级序号写法不一', en: '; styles are mixed at this level' } : { zh: '', en: '' };
  return {
    message: {
      zh: `序号“${have}”宜为“${want}”（GB/T 9704：${why.zh}${mixed.zh}）`,
      en: `Write “${want}” rather than “${have}” (GB/T 9704: ${why.en}${mixed.en})`,
    },
    fix: certain
      ? {
          title: { zh: `改为“${want}”`, en: `Change to “${want}”` },
          newText: want,
          // A style note: offered as a quick fix and "fix all", but `--fix` and format
          // document leave the writer's numbering alone (they fix problems, not style) —
          // except half-width brackets `(一)`, which are half-width marks in Chinese text
          // like any other and are made full-width with them.
          safe: style === 'han-halfparen' || style === 'arabic-halfparen',
        }
      : undefined,
  };
}

export const numberingStyle: Rule = {
  id: 'outline/numbering-style',
  description: {
    zh: '标题序号不合 GB/T 9704 的写法（一、（一）1.（1）），或同级混用',
    en: 'Heading numbers not in the GB/T 9704 form (“一、” “（一）” “1.” “（1）”), or mixed at one level',
  },
  severity: 'information',
  fixable: true,
  check(doc, ctx) {
    const groups = numberedGroups(doc);
    // The words and fix of each kind of finding, made once and handed down from version to
    // version (ReportDocument.handedDown): a long report has hundreds of these findings, and the
    // findings of consecutive versions then hold the same objects.
    const words = doc.handedDown(WORDS_KEY, () => new Map<string, Words>());
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k];
      // Whether the group mixes styles, asked only for a finding (most groups have none).
      let mixedStyles: boolean | undefined;
      for (let j = 0; j < g.items.length; j++) {
        const s = g.items[j];
        const h = s.heading;
        const n = h.numbering!;
        // ① has no place in the four GB/T 9704 levels; it is the customary fifth, left alone.
        if (n.style === 'circled' || h.markerStart < 0) continue;
        const standard = STANDARD_STYLE[n.level];
        if (n.style === standard) continue;
        const want = writeMarker(standard, n.value);
        const have = markerText(doc, h);
        // `(一)` read from the view is `（一）`: only flag what the original really has.
        if (have === want) continue;
        mixedStyles ??= g.items.some((o) => o.heading.numbering!.style !== g.items[0].heading.numbering!.style);
        // `1、2024年工作` → `1.2024年` would read as a decimal: note it, but leave the rewrite to the writer.
        const after = doc.text[h.markerEnd];
        const certain = !(/\.$/.test(want) && after !== undefined && /[0-9０-９]/.test(after));
        const key = `${n.style}\u0000${have}\u0000${want}\u0000${mixedStyles ? 1 : 0}${certain ? 1 : 0}`;
        let w = words.get(key);
        if (!w) words.set(key, (w = wordsFor(n.style, detached(have), want, mixedStyles, certain)));
        ctx.report({ start: h.markerStart, end: h.markerEnd, message: w.message, fix: w.fix });
      }
    }
  },
};

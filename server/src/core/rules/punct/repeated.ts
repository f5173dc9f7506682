// punct/repeated — the same mark twice (`，，` `。。` `、、`) or two marks that cannot stand
// together (`，。`): a typing slip. GB/T 15834 allows `？！` and repeated `！`/`？` for
// emphasis, so those are left alone; three or more `。` are punct/ellipsis.
import type { Rule } from '../../rule';
import { BOILERPLATE, scope, capped, MAX_FINDINGS } from '../../model/scope';

const MARKS = '，。、；：';
// A table indexed by char code: one typed-array load per character of the document.
const CODES = new Uint8Array(0x10000);
for (const c of MARKS) CODES[c.charCodeAt(0)] = 1;
const NAME: Record<string, string> = { '，': '逗号', '。': '句号', '、': '顿号', '；': '分号', '：': '冒号' };

export const repeated: Rule = {
  id: 'punct/repeated',
  description: { zh: '标点重复或连用，如“，，”“。。”“，。”', en: 'Doubled punctuation such as “，，” “。。” “，。”' },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  fold: { noun: { zh: '重复的标点', en: 'doubled marks' }, action: { zh: '应只留一个', en: 'keep one of each' } },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    // Two marks together, found by a native scan; a run is read from there.
    const pair = new RegExp(`[${MARKS}]{2}`, 'g');
    for (let m = pair.exec(text); m; m = pair.exec(text)) {
      const i = m.index;
      if (s.skip(i) || s.mask[i] & BOILERPLATE) {
        pair.lastIndex = i + 1; // the next mark may start a run
        continue;
      }
      const a = text[i];
      let j = i + 2;
      while (j < text.length && CODES[text.charCodeAt(j)]) j++;
      pair.lastIndex = j;
      const run = text.slice(i, j);
      if (/^。{3,}$/.test(run)) continue;
      const same = [...run].every((c) => c === a);
      report({
        start: i,
        end: j,
        message: same
          ? { zh: `${NAME[a]}重复，“${run}”应为“${a}”`, en: `Doubled “${run}”: write “${a}”` }
          : { zh: `“${run}”${[...run].length}个标点连用，应只留一个`, en: `“${run}”: ${[...run].length} marks together, keep one` },
        fix: same
          ? { title: { zh: `改为“${a}”`, en: `Write “${a}”` }, edits: [{ start: i + 1, end: j, newText: '' }], safe: true }
          : undefined,
      });
    }
  },
};

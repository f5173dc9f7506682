// Property: figures/restated reads the CHANGE words after a stock's first statement once for
// all its later statements (changedBefore resumes a ChangeScan). Laid against statements in
// text order, and now and then against one before the last, it answers as a scan of the text
// between the two statements read afresh — the reference below, the rule's reading before the
// scan was resumed — on texts made of CHANGE words (overlapping ones among them), stock heads
// and filler.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeScan, changedBefore, type Changes } from '../../server/src/core/rules/figures/restated';

const CHANGE = ['新建', '新增', '新成立', '新组建', '新发展', '撤并', '撤销', '合并', '减少', '增加', '调整', '注销', '转出', '转入'];
const HEADS = ['组织', '党员', '学校'];
const PIECES = [...CHANGE, ...HEADS, '新增加', '增加组织', '基层', '，', '。', '个', '名', '全市共有', '今年', '组', '员'];

/** The CHANGE words of a text as the rule's index holds them: where each starts, overlapping ones too. */
function changesOf(text: string): Changes {
  const out: Changes = { at: [], len: [] };
  for (let i = 0; i < text.length; i++) {
    const w = CHANGE.find((c) => text.startsWith(c, i));
    if (w) {
      out.at.push(i);
      out.len.push(w.length);
    }
  }
  return out;
}

/** text[from, to) read afresh, left to right: a CHANGE word (none overlapping the last, none running past `to`) with the head among it and the 12 characters after it. */
function reference(text: string, changes: Changes, from: number, to: number, head: string): boolean {
  let next = from;
  for (let k = 0; k < changes.at.length; k++) {
    const s = changes.at[k];
    if (s < from || s >= to || s < next || s + changes.len[k] > to) continue;
    const e = Math.min(s + changes.len[k] + 12, to);
    if (text.slice(s, e).includes(head)) return true;
    next = s + changes.len[k];
  }
  return false;
}

test('restated: a resumed scan of CHANGE words answers as a fresh one', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }),
      fc.constantFrom(...HEADS),
      fc.nat(),
      fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      (pieces, head, fromSeed, toSeeds, backwards) => {
        const text = pieces.join('');
        const changes = changesOf(text);
        const from = fromSeed % (text.length + 1);
        const scan = changeScan(changes, from, head);
        // Statements in text order, with one now and then before the last.
        let last = from;
        toSeeds.forEach((seed, i) => {
          const to = backwards[i] && last > from ? from + (seed % (last - from)) : last + (seed % (text.length - last + 1));
          if (!backwards[i]) last = to;
          assert.equal(changedBefore(text, changes, scan, to), reference(text, changes, from, to, head), `${JSON.stringify(text)} from ${from} to ${to}, head ${head}`);
        });
      },
    ),
    { numRuns: 3000 },
  );
});

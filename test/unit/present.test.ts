// core/run/present.ts: what the editor shows first, and what it folds.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check } from '../../server/src/core/run/check';
import { FOLD_MIN, firstShown, forDisplay, rank, sameFindings } from '../../server/src/core/run/present';
import { fixEdits, type Finding } from '../../server/src/core/types';

/** A paragraph pasted from a web page: annotations and half-width commas. */
const PASTED = '今(jīn)年(nián)以來,我們圍(wéi)繞(rào)中心工作開(kāi)展主題活動,組(zǔ)織會員深入社區,建立長(cháng)效機制。';
const WRONG_NAMED_COUNT = '今年新任科级干部6人，刘明远、王晓芳被提拔为副科级领导干部，张建国、李秀英、赵志强被提拔为正科级领导干部。';

test('errors, then figures, then the outline, then other warnings; hints of folded groups last', () => {
  const text = ['关于工作的总结', '', PASTED, '', WRONG_NAMED_COUNT, '', '确实�有效。'].join('\n');
  // Both errors (by position), then the rest.
  const { doc, findings } = check(text);
  const shown = forDisplay(findings, doc.lines);
  const ranks = shown.map(rank);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'sorted by rank');
  assert.deepEqual(shown.slice(0, 2).map((f) => f.rule), ['figures/named-count', 'text/garbled']);
  assert.ok(shown.findIndex((f) => f.rule === 'punct/halfwidth') > 1);
  assert.ok(shown.at(-1)!.member, 'hints of folded groups last');
});

test('a paragraph folds a rule only from FOLD_MIN findings on; errors and figures never fold', () => {
  const few = '今年,我们开展了学习,效果较好,群众满意,工作推进。';
  const many = '今年,我们开展了学习,效果较好,群众满意,各项工作,稳步推进。';
  const count = (t: string) => check(t).findings.filter((f) => f.rule === 'punct/halfwidth').length;
  assert.equal(count(few), FOLD_MIN - 1);
  assert.ok(count(many) >= FOLD_MIN);
  const shownFew = forDisplay(check(few).findings, check(few).doc.lines);
  assert.ok(shownFew.every((f) => !f.folded && !f.member));
  const r = check(many);
  const shown = forDisplay(r.findings, r.doc.lines);
  const group = shown.filter((f) => f.folded);
  assert.equal(group.length, 1);
  assert.equal(group[0].folded, count(many));
  assert.equal(group[0].message.zh, `本段有${count(many)}处半角标点，应为全角`);
  assert.equal(fixEdits(group[0]).length, count(many));
  assert.ok(group[0].fix!.safe);
  assert.equal(shown.filter((f) => f.member).length, count(many));
  // The user made the rule an error: every place stays a squiggle of its own.
  const strict = check(many, { rules: { 'punct/halfwidth': 'error' } });
  assert.ok(forDisplay(strict.findings, strict.doc.lines).every((f) => !f.folded && !f.member));
});

test('two paragraphs fold separately', () => {
  const p = '今年,我们开展了学习,效果较好,群众满意,各项工作,稳步推进。';
  const r = check(`${p}\n${p}`);
  assert.equal(forDisplay(r.findings, r.doc.lines).filter((f) => f.folded).length, 2);
});

test('near an edit: within a rank the findings nearest the place last edited come first; the ranks keep their order', () => {
  const para = (k: number) => `第${k}项工作,我们开展了学习,效果较好。`;
  const paras = Array.from({ length: 12 }, (_, k) => para(k + 1));
  const text = ['关于工作的总结', '', ...paras, '', WRONG_NAMED_COUNT].join('\n');
  const { doc, findings } = check(text);
  const byPosition = forDisplay(findings, doc.lines);
  // The ninth paragraph was edited last.
  const near = text.indexOf(para(9)) + 3;
  const shown = forDisplay(findings, doc.lines, FOLD_MIN, near);
  assert.equal(shown.length, byPosition.length);
  assert.deepEqual(new Set(shown), new Set(byPosition), 'the same findings');
  const ranks = shown.map(rank);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'still sorted by rank');
  assert.equal(shown[0].rule, 'figures/named-count', 'the error first, however far');
  const warnings = shown.filter((f) => f.rule === 'punct/halfwidth');
  const distance = (f: { start: number; end: number }) => (f.end < near ? near - f.end : f.start > near ? f.start - near : 0);
  for (let i = 1; i < warnings.length; i++) assert.ok(distance(warnings[i - 1]) <= distance(warnings[i]), `${i}: nearest first`);
  assert.equal(doc.lineAt(warnings[0].start).index, doc.lineAt(near).index, 'the first warning is on the edited line');
  assert.notEqual(doc.lineAt(byPosition.find((f) => f.rule === 'punct/halfwidth')!.start).index, doc.lineAt(near).index);
});

test('firstShown: the first so many of forDisplay and how many in all, for every limit', () => {
  const para = (k: number) => `第${k}项工作,我们开展了学习,效果较好,群众满意,各项工作,稳步推进。`;
  const texts = [
    ['关于工作的总结', '', PASTED, '', WRONG_NAMED_COUNT, '', '确实�有效。'].join('\n'),
    ['关于工作的总结', '', ...Array.from({ length: 9 }, (_, k) => para(k)), WRONG_NAMED_COUNT, PASTED].join('\n'),
  ];
  for (const text of texts) {
    const { doc, findings } = check(text);
    for (const near of [undefined, 0, text.length >> 1, text.length]) {
      const all = forDisplay(findings, doc.lines, FOLD_MIN, near);
      assert.ok(all.some((f) => f.member) && all.some((f) => f.severity === 'error'));
      for (const limit of [1, 2, 3, 5, 8, 13, all.length - 1, all.length, all.length + 3]) {
        const { shown, total } = firstShown(findings, doc.lines, limit, near);
        assert.equal(total, all.length);
        assert.deepEqual(shown, all.slice(0, limit), `limit ${limit}, near ${near}`);
      }
    }
  }
});

test('sameFindings: the same findings made anew are the same; any change to what is shown is not', () => {
  const text = ['关于工作的总结', '', PASTED, '', WRONG_NAMED_COUNT, '', '一、主要做法', '', '三、几点体会'].join('\n');
  const a = check(text).findings;
  const b = check(text).findings;
  assert.ok(a.some((f) => f.related?.length) && a.some((f) => f.fix) && a.length > 10, 'findings with fixes and related places');
  assert.notEqual(a[0], b[0], 'made anew');
  assert.ok(sameFindings(a, b));
  assert.ok(sameFindings(a, b.map((f) => ({ ...f, message: { ...f.message }, related: f.related?.map((r) => ({ ...r })) }))), 'equal words in other objects');
  const withRelated = a.findIndex((f) => f.related?.length);
  const withFix = a.findIndex((f) => f.fix);
  const changed = (k: number, g: Partial<Finding>) => b.map((f, i) => (i === k ? { ...f, ...g } : f));
  const unlike: [string, Finding[]][] = [
    ['one fewer', b.slice(1)],
    ['another order', [b[1], b[0], ...b.slice(2)]],
    ['moved', changed(0, { start: b[0].start + 1, end: b[0].end + 1 })],
    ['other words', changed(0, { message: { zh: b[0].message.zh, en: `${b[0].message.en}.` } })],
    ['another severity', changed(0, { severity: b[0].severity === 'hint' ? 'information' : 'hint' })],
    ['no fix', changed(withFix, { fix: undefined })],
    ['the fix written out', changed(withFix, { fix: { title: b[withFix].fix!.title, edits: fixEdits(b[withFix]), safe: b[withFix].fix!.safe } })],
    ['a related place moved', changed(withRelated, { related: b[withRelated].related!.map((r, i) => (i ? r : { ...r, end: r.end + 1 })) })],
  ];
  for (const [what, c] of unlike) assert.ok(!sameFindings(a, c), what);
  assert.ok(sameFindings(changed(withFix, { related: [] }).slice(withFix, withFix + 1), changed(withFix, { related: undefined }).slice(withFix, withFix + 1)), 'no related places and none listed are shown alike');
});

// Metamorphic properties of the figures reader, over correct texts (every figures fixture
// case that expects no finding, and every test corpus report keyed as correct):
//  - rewriting that keeps the meaning never creates a figure finding: ；→，, swapping two
//    items of a 、-list, an honorific after a name (同志), simplified → traditional script;
//  - changing one member of a group that must add up (男/女, 分别为, 其他) by one creates
//    exactly one figure finding.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { convertScript } from '../../server/src/core/script/convert';
import { ReportDocument } from '../../server/src/core/model/document';
import { groupsOf } from '../../server/src/core/figures/groups';
import { figures } from '../../server/src/core/rules/figures';
import { fixtureFiles, parseFixture } from '../fixture-format';
import { ROOT } from '../paths';
import { runs } from './gen';

function figureFindings(text: string): string[] {
  return check(text)
    .findings.filter((f) => f.rule.startsWith('figures/') && (f.severity === 'error' || f.severity === 'warning'))
    .map((f) => `${f.rule} ${f.message.en}`);
}

/** Correct texts: figures fixture cases with no expectation, and the correct corpus reports. */
function correctTexts(): string[] {
  const out: string[] = [];
  for (const { rule, file } of fixtureFiles()) {
    if (!rule.startsWith('figures/') || rule === 'figures/date') continue;
    for (const c of parseFixture(fs.readFileSync(file, 'utf8'), rule)) if (!c.expects.length && !c.config && c.text.trim()) out.push(c.text);
  }
  const corpus = path.join(ROOT, 'test', 'corpus');
  if (fs.existsSync(path.join(corpus, 'key.jsonl'))) {
    for (const line of fs.readFileSync(path.join(corpus, 'key.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const k = JSON.parse(line) as { file: string; correct: boolean };
      if (k.correct) out.push(fs.readFileSync(path.join(corpus, k.file), 'utf8'));
    }
  }
  return out.filter((t) => figureFindings(t).length === 0);
}

const TEXTS = correctTexts();

type Rewrite = (text: string, salt: number) => string;

/** The n-th occurrence (mod count) of a match, replaced. */
function nth(text: string, re: RegExp, salt: number, replace: (m: RegExpExecArray) => string): string {
  const all = [...text.matchAll(new RegExp(re.source, 'g'))];
  if (!all.length) return text;
  const m = all[salt % all.length] as RegExpExecArray;
  return text.slice(0, m.index) + replace(m) + text.slice(m.index + m[0].length);
}

const REWRITES: Record<string, Rewrite> = {
  '；→，': (t, s) => nth(t, /；/, s, () => '，'),
  // The last two items of a list of three or more (the first may carry 其中 or a verb).
  // Only parallel items (close in length, no verb inside): swapping prose is not a rewrite.
  'swap two 、-items': (t, s) =>
    nth(t, /、([^、，。；：（）“”的被为是\n]{1,10})、([^、，。；：（）“”的被为是\n]{1,10})(?=[，。；\n]|$)/, s, (m) =>
      Math.abs(m[1].length - m[2].length) <= 3 ? `、${m[2]}、${m[1]}` : m[0]),
  '同志 after a name': (t, s) => nth(t, /([\u4e00-\u9fff]{2,3})(?=、[\u4e00-\u9fff]{2,3}[、，。])/, s, (m) => `${m[1]}同志`),
  'traditional script': (t) => convertScript(t, 'traditional'),
};

test(`rewrites that keep the meaning create no figure finding (${TEXTS.length} correct texts)`, { timeout: 120_000 }, () => {
  assert.ok(TEXTS.length > 50, `only ${TEXTS.length} correct texts`);
  const names = Object.keys(REWRITES);
  fc.assert(
    fc.property(fc.nat(TEXTS.length - 1), fc.constantFrom(...names), fc.nat(50), (i, name, salt) => {
      const text = REWRITES[name](TEXTS[i], salt);
      assert.deepEqual(figureFindings(text), [], `${name} on ${JSON.stringify(text.slice(0, 300))}`);
    }),
    runs(400),
  );
});

/** Texts with a group whose parts must add up and do: one part's figure can be bumped by one. */
function coveringGroups(): { text: string; at: number; end: number }[] {
  const out: { text: string; at: number; end: number }[] = [];
  for (const text of TEXTS) {
    const doc = new ReportDocument(text);
    if (doc.view.text !== text) continue; // offsets below are view offsets
    const ok = new Set(figures(doc).relations.filter((r) => r.ok && r.rule === 'figures/parts-total').flatMap((r) => r.quantities));
    for (const g of groupsOf(doc)) {
      if (!g.exhaustive || g.survey || g.total.approx || !ok.has(g.total)) continue;
      for (const p of g.parts) if (!p.chinese && p.decimals === 0 && p.scale === 1 && !p.approx) out.push({ text, at: p.numStart, end: p.numEnd });
    }
  }
  return out;
}

test('one part of a covering group off by one makes exactly one figure finding', () => {
  const cases = coveringGroups();
  assert.ok(cases.length >= 10, `only ${cases.length} covering groups`);
  for (const c of cases) {
    const n = Number(c.text.slice(c.at, c.end));
    const text = c.text.slice(0, c.at) + String(n + 1) + c.text.slice(c.end);
    const found = figureFindings(text);
    assert.equal(found.length, 1, `${JSON.stringify(text.slice(Math.max(0, c.at - 60), c.end + 40))}: ${found.join('; ') || 'nothing'}`);
  }
});

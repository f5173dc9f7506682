// docs/messages.md, enforced: every message the rules produce on the fixtures and samples
// follows the style guide, and the generated list at the end of the page is up to date.
// `npm run docs:messages` (this file with --update) rewrites that list.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  catalog, enProblems, MESSAGES_MD, parseCatalog, producedMessages, shapeOf, withCatalog, zhProblems, type Produced,
} from '../message-style';

/**
 * Families whose owners are still rewriting their messages: their problems are reported as
 * `todo` (shown, not failing). Remove a family from this list once its messages pass.
 */
const PENDING = new Set<string>([]);

const produced = producedMessages();

if (process.argv.includes('--update')) {
  fs.writeFileSync(MESSAGES_MD, withCatalog(fs.readFileSync(MESSAGES_MD, 'utf8'), catalog(produced)));
}

function problemsOf(xs: Produced[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    for (const [lang, text, probs] of [
      ['zh', x.msg.zh, zhProblems(x.msg.zh, x.kind)],
      ['en', x.msg.en, enProblems(x.msg.en, x.kind)],
    ] as const) {
      for (const p of probs) {
        // One line per problem and message shape, not per occurrence.
        const key = `${x.rule} ${x.kind} ${lang} ${p} ${shapeOf(text)}`;
        if (seen.has(key)) continue;
        out.push(`${x.rule} ${x.kind} ${lang}: ${p}: ${text}`);
        seen.add(key);
      }
    }
  }
  return out;
}

const families = [...new Set(produced.map((x) => x.rule.split('/')[0]))].sort();
for (const fam of families) {
  const mine = produced.filter((x) => x.rule.split('/')[0] === fam);
  test(`messages of ${fam}/* follow docs/messages.md`, { todo: PENDING.has(fam) ? 'owner rewriting messages' : undefined }, () => {
    const problems = problemsOf(mine);
    // A pending family's list is long: a count and a few examples keep `npm test` readable.
    if (PENDING.has(fam)) assert.equal(problems.length, 0, `${problems.length} problems, e.g.\n${problems.slice(0, 5).join('\n')}`);
    else assert.deepEqual(problems, []);
  });
}

test('the rules produce messages of every kind (the checks have something to check)', () => {
  for (const kind of ['description', 'message', 'related', 'fix'] as const) {
    assert.ok(produced.filter((x) => x.kind === kind).length > 20, `few ${kind} messages`);
  }
});

test('the style checks catch what the guide forbids', () => {
  assert.deepEqual(zhProblems('半角逗号“,”应为全角“，”', 'message'), []);
  assert.deepEqual(zhProblems('列出姓名7人（2 + 5 = 7），与“8人”不符', 'message'), []);
  assert.ok(zhProblems('中文之间多余的空格', 'message').some((p) => p.includes('中文之间')));
  assert.ok(zhProblems('列举了 2 项', 'message').some((p) => p.includes('space')));
  assert.ok(zhProblems('No 顿号 here', 'message').some((p) => p.includes('Latin')));
  assert.ok(zhProblems('括号(甲)', 'message').some((p) => p.includes('half-width')));
  assert.ok(zhProblems('应为“甲', 'message').length);
  assert.ok(zhProblems('应删除。', 'message').some((p) => p.includes('。')));
  assert.deepEqual(zhProblems('规则“punct/halfwidth”，设置“workreport.rules”，GB/T 15834，U+00A0', 'message'), []);
  assert.ok(enProblems('No 顿号 here', 'message').length);
  assert.deepEqual(enProblems('Estimate “3、4”: write “三四”', 'message'), []);
});

test('docs/messages.md lists every message shape the rules produce (npm run docs:messages)', () => {
  const key = (e: { rule: string; kind: string; zh: string; en: string }) => `${e.rule} ${e.kind} ${shapeOf(e.zh)} | ${shapeOf(e.en)}`;
  // Related places are listed but not compared: their shapes follow what each quantity reads
  // (unit, noun, qualifiers), which changes with every new fixture, not with the wording.
  const compared = (e: { kind: string }) => e.kind !== 'related';
  const written = new Set(parseCatalog(fs.readFileSync(MESSAGES_MD, 'utf8')).filter(compared).map(key));
  const now = new Set(catalog(produced).filter(compared).map(key));
  const missing = [...now].filter((k) => !written.has(k));
  const stale = [...written].filter((k) => !now.has(k));
  assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'run `npm run docs:messages` and commit docs/messages.md');
});

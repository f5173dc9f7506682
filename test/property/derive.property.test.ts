// Property: a version derived from the previous one (core/model/derive.ts, figures/derive.ts:
// its parts spliced from the previous version's where the text did not change) has every part
// equal to the same part built from scratch — the data the rules read, deep-equal — after
// random edits: at line breaks, inside pinyin annotations and garbled runs, on headings and
// boilerplate lines, with CRLF and a BOM. And it derives: the parts are spliced, not rebuilt,
// for most edits.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReportDocument } from '../../server/src/core/model/document';
import type { Section } from '../../server/src/core/model/headings';
import { crsOf, deriveDocument } from '../../server/src/core/model/derive';
import { IncrementalChecker, lineLocal, linesLocal } from '../../server/src/core/run/incremental';
import { quantities } from '../../server/src/core/figures/quantity';
import { clausesOf, sameClause } from '../../server/src/core/figures/clauses';
import { phrasesOf, type Phrase } from '../../server/src/core/figures/phrases';
import { groupsOf } from '../../server/src/core/figures/groups';
import { documentScript } from '../../server/src/core/rules/text/script-mixing';
import { restatedChanges, restatedKeys } from '../../server/src/core/rules/figures/restated';
import { percentage, percentsOf } from '../../server/src/core/rules/figures/percentage';
import { MAX_FINDINGS } from '../../server/src/core/model/scope';
import { doc as genDoc, piece, runs, SOURCES } from './gen';

interface Edit {
  /** Where: a fraction of the text, moved to the nearest place of `near` when given. */
  at: number;
  near?: 'break' | 'paren' | 'question' | 'heading';
  del: number;
  text: string;
}

const INSERTS = ['\n', '\r\n', '\n\n', '。\n', '\n一、', '\n（二）', '當(dāng)', '(dāng)', '(', ')', '?', '??', '確?;顒', '\ufffd', '当前位置：首页 > 新闻\n', '发布时间：2014-11-24', '其中', '，其中县区支部5个、高校支部3个', '（其中：甲0.5万亩，乙1.8万亩）', '占总数的', '60，', '\ufeff', '二、工作成效\n', '全市共有基层团组织4862个。', '\n目前，全区共有党员1200名；', '我县现有学校35所，', '非常满意的占38.6%，比较满意的占45.1%，一般的占22.4%。', '\n今年新发展党员90名，占党员总数的9%。', '检查门店300家，已整改240家，整改率80%。', '共培训教师500人次，其中乡村教师200人次，占40%。', '上半年新建基层党组织6个，撤并3个', '新增', '\n```\n', '```', '~~~', '<!--', '-->', '<!-- 注 -->'];

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  near: fc.constantFrom(undefined, 'break', 'paren', 'question', 'heading'),
  del: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(8) }, { weight: 1, arbitrary: fc.nat(200) }),
  text: fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.constant('') }),
});

const NEAR: Record<NonNullable<Edit['near']>, RegExp> = { break: /\r?\n/g, paren: /[(（]/g, question: /\?/g, heading: /[一二三四五六七八九十]、/g };

function apply(text: string, e: Edit): string {
  let at = Math.floor(e.at * (text.length + 1));
  if (e.near) {
    const places = [...text.matchAll(NEAR[e.near])].map((m) => m.index!);
    if (places.length) at = places[Math.min(places.length - 1, Math.floor(e.at * places.length))] + (e.del % 3) - 1;
  }
  at = Math.max(0, Math.min(text.length, at));
  return text.slice(0, at) + e.text + text.slice(at + (e.del % 40 === 0 ? e.del : e.del % 40));
}

/** Builds every part that can be derived (in the order the server does). */
function build(d: ReportDocument): void {
  void d.boilerplate;
  void d.sections;
  quantities(d);
  clausesOf(d);
  phrasesOf(d);
  groupsOf(d);
  restatedKeys(d);
  restatedChanges(d);
  percentsOf(d);
  // A few strays (a long document's rule finds its limit's worth before an edit far on): the next version may take them over.
  documentScript(d).strays(1);
  // Whether its lines read alone (the next version looks at its changed lines only when they did).
  linesLocal(d);
}


/** What the rules read of a phrase (its categories are read on first use, so whether they were read yet is left out). */
const phraseData = (p: Phrase | undefined) => p && { q: p.q, clause: p.clause, start: p.start, marker: p.marker, pre: p.pre, post: p.post, words: p.words, categories: p.categories };

/** The phrases of `d`, made (they are kept packed). */
const phraseList = (d: ReportDocument): (Phrase | undefined)[] => Array.from({ length: phrasesOf(d).length }, (_, k) => phrasesOf(d).at(k));

/** Every derivable part of `d` equals the part built from scratch. */
function sameParts(d: ReportDocument, last: boolean): void {
  const fresh = new ReportDocument(d.text);
  build(fresh);
  const shown = JSON.stringify(d.text.length > 200 ? d.text.slice(0, 200) + '…' : d.text);
  assert.deepStrictEqual(d.lines, fresh.lines, `lines of ${shown}`);
  assert.equal(linesLocal(d), lineLocal(fresh.text, fresh.lines), `whether the lines of ${shown} read alone`);
  assert.deepStrictEqual(d.annotations, fresh.annotations, `annotations of ${shown}`);
  assert.deepStrictEqual(d.garbled, fresh.garbled, `garbled of ${shown}`);
  assert.equal(d.view.text, fresh.view.text, `view of ${shown}`);
  assert.deepStrictEqual(d.view.toOrig, fresh.view.toOrig, `view map of ${shown}`);
  assert.deepStrictEqual(d.viewLines, fresh.viewLines, `view lines of ${shown}`);
  assert.deepStrictEqual([...d.boilerplate], [...fresh.boilerplate], `boilerplate of ${shown}`);
  assert.deepStrictEqual(d.headings, fresh.headings, `headings of ${shown}`);
  assert.deepStrictEqual(d.sections, fresh.sections, `sections of ${shown}`);
  assert.deepStrictEqual(quantities(d), quantities(fresh), `quantities of ${shown}`);
  assert.deepStrictEqual(clausesOf(d), clausesOf(fresh), `clauses of ${shown}`);
  assert.deepStrictEqual(phraseList(d).map(phraseData), phraseList(fresh).map(phraseData), `phrases of ${shown}`);
  assert.deepStrictEqual(groupsOf(d), groupsOf(fresh), `groups of ${shown}`);
  // The layers read each other's objects: a phrase's figure and clause, a group's figures are the document's own.
  const qs = quantities(d);
  phraseList(d).forEach((p, k) => assert.ok(!p || (p.q === qs[k] && sameClause(p.clause, clausesOf(d).clauseAt(p.q.numStart))), `phrase ${k} of ${shown} reads another version's objects`));
  const script = (x: ReportDocument) => {
    const p = documentScript(x);
    return { traditional: p.traditional, simplified: p.simplified, script: p.script, strays: p.strays(1) };
  };
  assert.deepStrictEqual(script(d), script(fresh), `script profile of ${shown}`);
  // The last version, every stray too (which leaves it no version to derive its strays from: it found more of them).
  if (last) assert.deepStrictEqual(documentScript(d).strays(MAX_FINDINGS), documentScript(fresh).strays(MAX_FINDINGS), `strays of ${shown}`);
  assert.deepStrictEqual(restatedKeys(d), restatedKeys(fresh), `restated keys of ${shown}`);
  assert.ok(restatedKeys(d).qs.every((q) => qs[q.index] === q), `restated keys of ${shown} name another version's figures`);
  assert.deepStrictEqual(restatedChanges(d), restatedChanges(fresh), `CHANGE words of ${shown}`);
  assert.deepStrictEqual(percentsOf(d), percentsOf(fresh), `percentages of ${shown}`);
  assert.ok(percentsOf(d).qs.every((q) => qs[q.index] === q), `percentages of ${shown} name another version's figures`);
  for (const g of groupsOf(d)) assert.ok([g.total, ...g.parts, ...g.alternatives].every((q) => qs[q.index] === q), `a group of ${shown} names another version's figures`);
}

/** The key under which run() counts the versions it made (beside each part's derivations). */
const VERSIONS = '(versions)';

/** The sections, every field but the parent (a cycle) flattened: a derived version takes some over, and must not change them. */
function flatSections(ss: Section[]): unknown[] {
  return ss.map((x) => [x.heading.line, x.start, x.end, x.bodyStart, x.part, flatSections(x.children)]);
}

/** Derives each version from the last, checks its parts, and counts the versions and the parts derived. */
function run(start: string, edits: Edit[], derived: Map<string, number>): void {
  let prev = new ReportDocument(start);
  build(prev);
  let text = start;
  for (const [i, e] of edits.entries()) {
    text = apply(text, e);
    // Deriving reads the previous version and changes nothing of it.
    const was = JSON.stringify([prev.headings, flatSections(prev.sections), groupsOf(prev), quantities(prev)]);
    const next = deriveDocument(prev, text);
    const d = next.derivation;
    build(next);
    assert.equal(JSON.stringify([prev.headings, flatSections(prev.sections), groupsOf(prev), quantities(prev)]), was, 'the previous version changed');
    derived.set(VERSIONS, (derived.get(VERSIONS) ?? 0) + 1);
    for (const p of d?.derived ?? []) derived.set(p, (derived.get(p) ?? 0) + 1);
    sameParts(next, i === edits.length - 1);
    next.derivation = undefined;
    prev = next;
  }
}

test('derived model parts equal parts built from scratch after random edits (small reports)', { timeout: 120_000 }, () => {
  const derived = new Map<string, number>();
  fc.assert(
    fc.property(genDoc(1500, 10), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => run(start, edits, derived)),
    runs(200),
  );
  // The property tests the splice, not the fallback, so the versions must often be derived.
  // How often varies with the random texts and edits (on a small report, a change over half
  // of it is read from scratch): over 6 runs here the model was derived in 21–26 % of the
  // versions, and the figures layers in 67–81 % of those. Shares, not counts: a fixed count
  // (more than 100 of each) fell short in one CI run (88) while every part was sound.
  const count = (p: string) => derived.get(p) ?? 0;
  const versions = count(VERSIONS);
  const model = count('view');
  assert.ok(model >= versions * 0.1, `the model derived in ${model} of ${versions} versions`);
  for (const p of ['annotations', 'garbled', 'viewLines', 'boilerplate', 'headings', 'script']) assert.ok(count(p) >= model * 0.9, `${p} derived ${count(p)} times, the view ${model}`);
  for (const p of ['figures:quantities', 'figures:clauses', 'figures:phrases', 'figures:groups', 'figures:restated:keys', 'figures:restated:changes', 'figures:percentage:percents']) assert.ok(count(p) >= model * 0.5, `${p} derived ${count(p)} times, the view ${model}`);
});

test('derived model parts equal parts built from scratch after random edits (whole reports, CRLF, BOM)', { timeout: 120_000 }, () => {
  const derived = new Map<string, number>();
  const variants = SOURCES.flatMap((t) => [t, t.replace(/\r?\n/g, '\r\n'), '\ufeff' + t]);
  fc.assert(
    fc.property(fc.nat(variants.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (k, edits) => run(variants[k], edits, derived)),
    runs(40),
  );
  for (const p of ['headings', 'figures:quantities', 'figures:groups']) assert.ok((derived.get(p) ?? 0) > 40, `${p} derived ${derived.get(p) ?? 0} times`);
  // Top-level sections are taken over only when one lies wholly before the change (and a report has a few).
  assert.ok((derived.get('sections') ?? 0) > 3, `sections taken over ${derived.get('sections') ?? 0} times`);
});

test('a version derived from one whose parts are not built builds them from scratch', () => {
  const prev = new ReportDocument(SOURCES[0]);
  const text = SOURCES[0].replace('。', '，');
  const next = deriveDocument(prev, text);
  build(next);
  assert.deepStrictEqual(next.derivation?.derived, []);
  sameParts(next, true);
});

test('a version\'s CRs are its own: an edit that leaves a lone CR is neither derived nor read line by line, and one that pairs it again is', () => {
  const body = '本年度围绕中心任务开展工作，逐项抓好落实。\n'.repeat(30);
  const v1 = body + '二、下一步打算\n' + body;
  const at = v1.indexOf('二、');
  const versions: [string, string][] = [
    [v1, 'none'],
    [v1.slice(0, at) + '\r' + v1.slice(at), 'lone'],
    [v1.slice(0, at) + '\r\n' + v1.slice(at), 'crlf'],
    [v1.replace(/\n/g, '\r\n'), 'crlf'],
    [v1.replace(/\n/g, '\r\n').replace('二、', '\r二、'), 'lone'],
  ];
  let prev = new ReportDocument(v1);
  build(prev);
  const checker = new IncrementalChecker();
  checker.check(v1);
  for (const [text, crs] of versions.slice(1)) {
    const next = deriveDocument(prev, text);
    assert.equal(crsOf(next), crs);
    if (crs === 'lone') assert.equal(next.derivation, undefined, 'a text with a lone CR is not derived');
    build(next);
    sameParts(next, true);
    // The checker reads a text with a lone CR whole.
    const r = checker.check(text);
    if (crs === 'lone') assert.equal(r.whole, true);
    next.derivation = undefined;
    prev = next;
  }
  assert.equal(crsOf(new ReportDocument(v1)), 'none');
});

test('top-level sections before the change are taken over; the part heading after them still starts a part', () => {
  // Two parts, each numbered from 一; the edit is in the first section of the second part.
  const body = '本年度围绕中心任务开展工作，逐项抓好落实，群众满意度稳步提升。\n';
  const text = [
    '第一部分 工作回顾',
    '一、主要做法',
    '（一）抓学习',
    body,
    '（二）抓落实',
    body,
    '第二部分 下一步打算',
    '一、加强学习',
    body,
    '二、改进作风',
    body,
  ].join('\n');
  const prev = new ReportDocument(text);
  build(prev);
  const at = text.indexOf(body, text.indexOf('一、加强学习'));
  const next = deriveDocument(prev, text.slice(0, at) + '全年' + text.slice(at));
  build(next);
  assert.ok(next.derivation?.derived.includes('sections'), 'the sections of the first part taken over');
  // The first part's section is the previous version's own object; the rest are made anew. (One
  // section in the first part: a second part numbered from 一 after 二 would start a part anyway.)
  assert.equal(next.sections[0], prev.sections[0]);
  assert.notEqual(next.sections[1], prev.sections[1]);
  assert.deepEqual(next.sections.map((x) => x.part), [1, 2, 2]);
  sameParts(next, true);
});

test('the script profile derived from the previous version\'s (only the changed lines counted, strays taken over when found before the change) equals the profile made from scratch, on short lines dense with strays', { timeout: 120_000 }, () => {
  // Traditional-only, ambiguous and simplified characters, phrases that convert them (於潛, 乾淨, 乾隆), annotations, garbled runs, line breaks.
  const unit = fc.constantFrom('發', '展', '乾', '隆', '於', '潛', '镇', '县', '淨', '干', '净', '的', '發展', '風', '风', '\n', '\n', '(dāng)', '當', '\ufffd', '確?;顒', 'a', '，', '𠀾');
  const text = fc.array(unit, { minLength: 150, maxLength: 400 }).map((a) => a.join(''));
  const insert = fc.array(unit, { maxLength: 3 }).map((a) => a.join(''));
  let reused = 0;
  fc.assert(
    fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(3), insert, fc.constantFrom(1, 2, 3)), { minLength: 1, maxLength: 6 }), (start, edits) => {
      let prev = new ReportDocument(start);
      build(prev);
      let t = start;
      for (const [at, del, ins, limit] of edits) {
        const k = at % (t.length + 1);
        t = t.slice(0, k) + ins + t.slice(k + del);
        documentScript(prev).strays(limit);
        const next = deriveDocument(prev, t);
        build(next);
        if (next.derivation?.derived.includes('script')) reused++;
        const fresh = new ReportDocument(t);
        build(fresh);
        const a = documentScript(next);
        const b = documentScript(fresh);
        assert.deepStrictEqual([a.traditional, a.simplified, a.script, a.strays(limit)], [b.traditional, b.simplified, b.script, b.strays(limit)], `script profile of ${JSON.stringify(t)}`);
        next.derivation = undefined;
        prev = next;
      }
    }),
    runs(300),
  );
  assert.ok(reused > 500, `derived ${reused} times`);
});

test('a share of a whole named lines before it follows an edit to that whole: the one reading of figures/percentage that looks beyond its line is made anew in each version, not taken over', () => {
  const filler = '坚持问题导向，把各项任务分解到岗位、落实到个人，工作机制不断完善。\n'.repeat(10);
  const share = '今年新发展党员90名，占党员总数的9%。\n';
  const before = `一、基本情况\n${filler}全县共有党员1000名。\n${filler}${share}`;
  const shown = (d: ReportDocument) => percentage.relations(d).map((r) => [r.ok, r.arithmetic, r.start, r.end]);
  const prev = new ReportDocument(before);
  build(prev);
  assert.deepStrictEqual(shown(prev).map((r) => r[0]), [true], '90 ÷ 1000 = 9 %');
  // Its value changed; no longer the whole named; a figure added before the share (the whole the same).
  const versions: [string, boolean[]][] = [['全县共有党员1200名。', [false]], ['全县共有团员1000名。', []], ['全县共有党员1000名，预备党员50名。', [true]]];
  for (const [whole, ok] of versions) {
    const text = before.replace('全县共有党员1000名。', whole);
    const next = deriveDocument(prev, text);
    build(next);
    assert.ok(next.derivation?.derived.includes('figures:percentage:percents'), 'the share\'s line taken over');
    const fresh = new ReportDocument(text);
    build(fresh);
    assert.deepStrictEqual(shown(next), shown(fresh), whole);
    assert.deepStrictEqual(shown(next).map((r) => r[0]), ok, whole);
  }
});

test('an edit before a short line (a heading, a blank line, a short sentence) still derives the figures', () => {
  // The lines read again after the change must hold enough text that the figures after them
  // cannot look back into it (figures/derive.ts); a short line right after the edited one left
  // too little, and every figure of the report was read again (half the edits on the bench
  // reports). The edited line is long: the margin is the short line alone.
  const long = '今年以来，我们围绕年初确定的目标任务，层层压实责任，各项工作有序推进，完成了既定任务。';
  const figures = '全年共组织培训12期，参训人员860人次，其中基层干部520人次，占60%。';
  const shortLines = ['三、存在的问题', '', '共计9项。'];
  for (const short of shortLines) {
    // Long enough that the lines read again are a small part of it (else it is read whole).
    const around = Array.from({ length: 6 }, () => [figures, long]).flat();
    const text = [...around, long, short, figures, long, ...around].join('\n');
    const prev = new ReportDocument(text);
    build(prev);
    const at = text.indexOf(long + '\n' + short) + 4;
    for (const typed of ['，', '5', '占总数的']) {
      const next = deriveDocument(prev, text.slice(0, at) + typed + text.slice(at));
      build(next);
      const d = next.derivation?.derived ?? [];
      for (const p of ['figures:quantities', 'figures:clauses', 'figures:phrases', 'figures:groups']) assert.ok(d.includes(p), `${p} derived after ${JSON.stringify(typed)} before ${JSON.stringify(short)}: ${d.join(', ')}`);
      sameParts(next, true);
    }
  }
});

// Property: after any sequence of random edits, the incremental checker (core/run/incremental.ts,
// what the language server runs on every change) gives exactly check()'s findings on the same
// text — every finding whole and in the same order — under several settings; an edit inside
// one line re-reads only that line; and fix-all, which reads only the rules that can fix,
// gives the same edits from the server's analysis as from scratch.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/run/check';
import { carriedOver, IncrementalChecker } from '../../server/src/core/run/incremental';
import { FindingList } from '../../server/src/core/run/finding-list';
import { FIXING_RULES, fixAll, layoutOnly } from '../../server/src/core/run/fix';
import { withDefaults, type Config } from '../../server/src/core/config/config';
import { fixEdits, type Finding } from '../../server/src/core/types';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rule';
import { wholeDocumentParts } from '../../server/src/core/run/slices';
import { doc, piece, runs, SOURCES } from './gen';
import { splitsCrlf, splitsPair } from './invariants';

interface Edit {
  at: number;
  /** Characters removed at `at` (may take line breaks with them). */
  del: number;
  text: string;
}

// Breaks, and the Markdown that spans lines (a fence, a comment): inside it, a line read alone reads otherwise.
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '。\n', '\n一、', '\n（二）', '\n```\n', '\n~~~\n', '\n<!-- ', ' -->\n'];
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  del: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(8) }, { weight: 1, arbitrary: fc.nat(300) }),
  text: fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.constantFrom(...BREAKS) }, { weight: 1, arbitrary: fc.constant('') }),
});

/** Settings the property runs under: findings depend on severities and rule switches; ignores are applied last. */
const CONFIGS: Partial<Config>[] = [
  {},
  { rules: { 'punct/halfwidth': 'off', 'figures/*': 'warning' } },
  { rules: { 'text/pinyin-annotation': 'error' }, ignore: [{ rule: 'punct/halfwidth', text: ',' }] },
  { terms: [{ wrong: '做为', right: '作为' }], lengthLimit: 500 },
];

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.text + text.slice(at + e.del);
}

function show(fs: Finding[]): string[] {
  return fs.map((f) => JSON.stringify([f.rule, f.severity, f.start, f.end, f.message, f.related, f.fix]));
}

function same(text: string, inc: IncrementalChecker, config: Partial<Config>): void {
  const got = inc.check(text, config).findings.toArray();
  const want = check(text, config).findings;
  // Compare whole findings first (a readable diff), then exactly (deepEqual ignores nothing else).
  const shown = JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);
  assert.deepEqual(show(got), show(want), `incremental and from-scratch findings differ on ${shown}`);
  assert.deepStrictEqual(got, want);
}

test('incremental findings equal from-scratch findings after random edits (small reports)', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1200, 8), fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom(...CONFIGS), (start, edits, config) => {
      const inc = new IncrementalChecker();
      let text = start;
      same(text, inc, config);
      for (const e of edits) {
        text = apply(text, e);
        same(text, inc, config);
      }
    }),
    runs(150),
  );
});

test('incremental findings equal from-scratch findings after random edits (whole reports)', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.nat(SOURCES.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (source, edits) => {
      const inc = new IncrementalChecker();
      let text = SOURCES[source];
      same(text, inc, {});
      for (const e of edits) {
        text = apply(text, e);
        same(text, inc, {});
      }
    }),
    runs(25),
  );
});

/** Several lines changed at once, their number kept (as a round of fixes or a replace-all changes a text): from the line at `at`, every `every`-th of `lines` lines has each `from` written `to`. */
interface Scatter {
  at: number;
  lines: number;
  every: number;
  from: string;
  to: string;
}
const SCATTER: [string, string][] = [['，', ','], [',', '，'], ['。', '.'], ['(', '（'], ['的', ''], ['发展', '發展'], ['1', '１'], [' ', ''], ['、', '，，']];
const scatter: fc.Arbitrary<Scatter> = fc
  .record({ at: fc.nat(), lines: fc.integer({ min: 2, max: 30 }), every: fc.integer({ min: 1, max: 4 }), pair: fc.nat(SCATTER.length - 1) })
  .map(({ pair, ...r }) => ({ ...r, from: SCATTER[pair][0], to: SCATTER[pair][1] }));

function scattered(text: string, e: Scatter): string {
  const lines = text.split('\n');
  const first = e.at % lines.length;
  for (let i = first; i < Math.min(lines.length, first + e.lines); i += e.every) lines[i] = lines[i].split(e.from).join(e.to);
  return lines.join('\n');
}

test('incremental findings equal from-scratch findings after changes to several lines at once (their number kept, as fixes change a text)', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.nat(SOURCES.length - 1), fc.array(fc.oneof(edit, scatter), { minLength: 1, maxLength: 6 }), fc.constantFrom(...CONFIGS), (source, edits, config) => {
      const inc = new IncrementalChecker();
      let text = SOURCES[source];
      same(text, inc, config);
      for (const e of edits) {
        text = 'from' in e ? scattered(text, e) : apply(text, e);
        same(text, inc, config);
      }
    }),
    runs(40),
  );
});

/** A report with a fenced block and a comment that run over several lines, half-width marks inside them (not prose: no finding there). */
const FENCED = [
  '# 上半年工作小结',
  '',
  '今年以来，我们围绕年度目标推进各项工作。',
  '```text',
  '导出的台账原文:共12项,已完成9项;',
  '另有3项,下月完成.',
  '```',
  '一是完善制度，二是压实责任。',
  '  ~~~',
  '备注:数据截至6月底,待复核.',
  '  ~~~',
  '<!-- 内部批注:',
  '这一段先不公开,请核对后再发.',
  '-->',
  '下半年，我们将继续抓好落实。',
  '',
].join('\n');

test('an edit inside or beside a fenced block or a comment that spans lines: the findings of check(), that line read alone', () => {
  for (const config of CONFIGS) {
    const inc = new IncrementalChecker();
    let text = FENCED;
    same(text, inc, config);
    for (const [after, typed] of [['已完成9项', ','], ['下月完成', '3'], ['数据截至', ','], ['请核对', ','], ['继续', ','], ['```text\n', ','], ['<!-- ', ',']] as const) {
      const at = text.indexOf(after) + after.length;
      text = text.slice(0, at) + typed + text.slice(at);
      same(text, inc, config);
    }
  }
  // Typed into a line inside a block (or nothing typed): that line is read alone, after a line that opens the block.
  for (const [after, typed] of [['共12项', ','], ['数据截至6月底', ','], ['这一段先不公开', ','], ['-->', '']] as const) {
    const inc = new IncrementalChecker();
    inc.check(FENCED);
    const at = FENCED.indexOf(after) + after.length;
    const text = FENCED.slice(0, at) + typed + FENCED.slice(at);
    const r = inc.check(text);
    assert.deepStrictEqual([r.whole, r.read], [false, typed ? 1 : 0], `typed ${JSON.stringify(typed)} after ${after}`);
    assert.deepStrictEqual(r.findings.toArray(), check(text).findings);
  }
});

test('an edit that opens or closes a fenced block or a comment changes how every line after it reads: the findings of check()', () => {
  // A fence opened (every line after it is code until the next fence), a comment left open, and a fence's closing line taken away.
  const edits: [string, string, string][] = [
    ['一是完善制度，二是压实责任。', '```\n', 'open a fence'],
    ['今年以来，', '<!-- ', 'open a comment'],
    ['另有3项,下月完成.\n', '', 'close nothing'],
  ];
  for (const [before, typed, what] of edits) {
    const inc = new IncrementalChecker();
    inc.check(FENCED);
    const at = FENCED.indexOf(before);
    // 'close nothing': the closing fence after the line is deleted (the block then runs to the next fence).
    const text = typed ? FENCED.slice(0, at) + typed + FENCED.slice(at) : FENCED.slice(0, at + before.length) + FENCED.slice(at + before.length + 4);
    const r = inc.check(text);
    assert.deepStrictEqual(r.findings.toArray(), check(text).findings, what);
    // The lines after read otherwise: not taken over.
    assert.equal(r.whole, true, what);
  }
});

test('the settings changing between versions: findings follow them', () => {
  const inc = new IncrementalChecker();
  const text = SOURCES[0];
  for (const config of [...CONFIGS, ...CONFIGS.slice().reverse()]) same(text, inc, config);
});

test('an edit inside one line re-reads that line only, and takes the others over', () => {
  const inc = new IncrementalChecker();
  let text = SOURCES[0];
  const first = inc.check(text);
  assert.equal(first.whole, true, 'the first version is read whole');
  const lines = text.split('\n').length;
  // Type a few characters into a line in the middle, one version each.
  let at = text.indexOf('\n', text.length >> 1);
  for (const ch of ['，', '3', '人', ',']) {
    text = text.slice(0, at) + ch + text.slice(at);
    at += ch.length;
    const r = inc.check(text);
    assert.equal(r.whole, false);
    assert.equal(r.read, 1, `one line read of ${lines}`);
    assert.equal(r.reused + r.read + (lines - r.reused - r.read), lines);
    assert.deepStrictEqual(r.findings.toArray(), check(text).findings);
  }
});

test('fix-all reads only the rules that can fix: a narrowed fork after edits gives check()\'s fixable findings, and fix-all from the server\'s start equals fix-all from scratch', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1200, 8), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(...CONFIGS), (start, edits, config) => {
      const inc = new IncrementalChecker();
      let text = start;
      inc.check(text, config);
      for (const e of edits) {
        text = apply(text, e);
        const findings = inc.check(text, config).findings.toArray();
        // What the findings of the rules that cannot fix carry: never a fix (check() drops one).
        assert.ok(findings.every((f) => f.fix === undefined || FIXING_RULES.some((r) => r.id === f.rule)));
        const fork = inc.fork(FIXING_RULES);
        const fixable = findings.filter((f) => FIXING_RULES.some((r) => r.id === f.rule));
        assert.deepStrictEqual(fork.check(text, config).findings.toArray(), fixable);
        assert.deepStrictEqual(check(text, config, FIXING_RULES).findings, fixable);
        // The server's fix-all (its analysis's findings, then its checker) and the CLI's agree.
        for (const filter of [undefined, layoutOnly]) {
          const served = fixAll(text, config, filter, undefined, { findings, checker: inc });
          const fresh = fixAll(text, config, filter);
          assert.deepStrictEqual([served.text, served.rounds, [...served.applied], served.edits], [fresh.text, fresh.rounds, [...fresh.applied], fresh.edits]);
        }
        // The checker given to fix-all is left as it was: the next version still reads incrementally and right.
        same(text, inc, config);
      }
    }),
    runs(60),
  );
});

const LINE_RULES = new Set(RULES.filter((r) => r.perLine).map((r) => r.id));
const perLine = (fs: Finding[]) => fs.filter((f) => LINE_RULES.has(f.rule));
const wholeDoc = (fs: Finding[]) => fs.filter((f) => !LINE_RULES.has(f.rule));

/** Every range of a finding: its own, its related places', its fix edits'. */
const ranges = (f: Finding): { start: number; end: number }[] => [f, ...(f.related ?? []), ...fixEdits(f)];

/** A carried finding stands for `was` (a finding of the last full result): the same words under every range, each range valid in the new text. */
function carries(g: Finding, gText: string, was: Finding, wasText: string): boolean {
  if (g.rule !== was.rule || g.severity !== was.severity || JSON.stringify([g.message, g.fix?.title, g.fix?.safe]) !== JSON.stringify([was.message, was.fix?.title, was.fix?.safe])) return false;
  const a = ranges(g);
  const b = ranges(was);
  return a.length === b.length && a.every((r, i) =>
    JSON.stringify((r as { message?: unknown }).message) === JSON.stringify((b[i] as { message?: unknown }).message) && 0 <= r.start && r.start <= r.end && r.end <= gText.length && !splitsPair(gText, r.start) && !splitsPair(gText, r.end) &&
    !splitsCrlf(gText, r.start) && !splitsCrlf(gText, r.end) && gText.slice(r.start, r.end) === wasText.slice(b[i].start, b[i].end) && (r as { newText?: string }).newText === (b[i] as { newText?: string }).newText);
}

/** How a run is overtaken: before it has read its lines (no quick(), no step()), or read them once the later run has started. */
type Overtaking = 'unread' | 'read-after';

test('a run overtaken before it reads its lines (the server hands its model to hover and completion first): the later run is check()\'s, and so is the overtaken one finished after all', { timeout: 120_000 }, () => {
  let overtaken = 0;
  fc.assert(
    fc.property(
      doc(1200, 8),
      fc.array(fc.tuple(edit, edit, fc.constantFrom<Overtaking>('unread', 'read-after')), { minLength: 1, maxLength: 5 }),
      fc.constantFrom(...CONFIGS),
      (start, steps, config) => {
        const inc = new IncrementalChecker();
        let text = start;
        inc.check(text, config);
        const parts = wholeDocumentParts(RULES, withDefaults(config));
        for (const [e1, e2, how] of steps) {
          const first = apply(text, e1);
          const a = inc.start(first, config, parts);
          // Its model is there before anything is read.
          assert.equal(a.doc.text, first);
          text = apply(first, e2);
          const b = inc.start(text, config, parts);
          if (how === 'read-after') a.quick();
          b.quick();
          assert.deepStrictEqual(b.finish().findings.toArray(), check(text, config).findings);
          assert.deepStrictEqual(a.finish().findings.toArray(), check(first, config).findings);
          overtaken++;
        }
        // What the checker holds is right for the next version.
        text = apply(text, { at: text.length >> 1, del: 1, text: '，3人' });
        assert.deepStrictEqual(inc.check(text, config).findings.toArray(), check(text, config).findings);
      },
    ),
    runs(60),
  );
  assert.ok(overtaken > 0);
});

let quicks = 0;
let tookQuick = 0;
test('two phases: the quick result has check()\'s per-line findings and the last full result\'s others, moved whole; the full result is check()\'s; an overtaken run changes nothing', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(doc(1200, 8), fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 8 }), fc.constantFrom(...CONFIGS), (start, edits, config) => {
      const inc = new IncrementalChecker();
      let text = start;
      inc.check(text, config);
      // What the checker's carry holds: the last full result's findings, before ignores.
      let full = check(text, { ...config, ignore: [] }).findings;
      let fullText = text;
      for (const [e, overtake] of edits) {
        text = apply(text, e);
        // In slices, with the model parts built in steps of their own (as the server runs it).
        const run = inc.start(text, config, wholeDocumentParts(RULES, withDefaults(config)));
        const quick = run.quick();
        const want = check(text, config).findings;
        if (quick) {
          quicks++;
          assert.equal(quick.phase, 'quick');
          assert.deepStrictEqual(perLine(quick.findings.toArray()), perLine(want), 'the per-line rules\' findings of the quick result are check()\'s');
          // The carried ones: a subsequence of the last full result's, each with the same words under each range.
          const carried = wholeDoc(quick.findings.toArray());
          assert.equal(quick.carried! >= carried.length, true);
          let j = 0;
          for (const g of carried) {
            while (j < full.length && !carries(g, text, full[j], fullText)) j++;
            assert.ok(j < full.length, `carried finding ${JSON.stringify(g)} stands for none of the last full result's`);
            j++;
          }
        }
        if (overtake) {
          // A newer version arrives before this run ends: the run is dropped; the next one is right.
          run.step();
          text = apply(text, { at: e.at + 7, del: 0, text: '，' });
          const next = inc.start(text, config, wholeDocumentParts(RULES, withDefaults(config)));
          next.quick();
          const got = next.finish();
          assert.equal(got.phase, 'full');
          assert.deepStrictEqual(got.findings.toArray(), check(text, config).findings);
          // The dropped run, finished after all, still gives its own version's findings (and changes nothing).
          assert.deepStrictEqual(run.finish().findings.toArray(), want);
        } else {
          const got = run.finish();
          assert.equal(got.phase, 'full');
          assert.deepStrictEqual(got.findings.toArray(), want);
          // The whole-document rules found what was carried over: the full result took the quick one's list.
          if (quick && got.findings === quick.findings) tookQuick++;
        }
        full = check(text, { ...config, ignore: [] }).findings;
        fullText = text;
      }
      same(text, inc, config);
    }),
    runs(100),
  );
  assert.ok(quicks > 0, 'some edits gave a quick result');
  assert.ok(tookQuick > 0, 'some full results were their quick result (nothing whole-document changed)');
});

test('carriedOver on long texts: exactly the findings with no range touching the changed span, moved past it', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(40), fc.oneof(piece, fc.constant('')), (pieces, at0, del, ins) => {
      // 9,000 to 30,000 characters: several 4,096-character blocks on each side of the edit.
      let old = pieces.join('\n');
      while (old.length < 9000) old += '\n' + old;
      const at = at0 % old.length;
      const text = old.slice(0, at) + ins + old.slice(at + del);
      const findings: Finding[] = [];
      for (let i = 0; i + 5 <= old.length; i += 37) {
        const rel = (i * 7919) % (old.length - 3);
        findings.push({ rule: 'x', severity: 'hint', start: i, end: i + 5, message: { zh: String(i), en: String(i) }, related: [{ message: { zh: '', en: '' }, start: rel, end: rel + 3 }] });
      }
      // The changed span, character by character.
      let p = 0;
      while (p < Math.min(old.length, text.length) && old[p] === text[p]) p++;
      let s = 0;
      while (s < Math.min(old.length, text.length) - p && old[old.length - 1 - s] === text[text.length - 1 - s]) s++;
      const end = old.length - s;
      const by = text.length - old.length;
      const move = <T extends { start: number; end: number }>(r: T): T | undefined => (r.end < p ? r : r.start > end ? { ...r, start: r.start + by, end: r.end + by } : undefined);
      // No change at all (an empty edit): every finding stays as it is, those at the very end too.
      const want = findings.flatMap((f): Finding[] => {
        if (old === text) return [f];
        const a = move(f);
        const b = move(f.related![0]);
        return a && b ? [{ ...f, start: a.start, end: a.end, related: [b] }] : [];
      });
      const got = carriedOver({ text: old, findings: () => FindingList.of(findings) }, text).toArray();
      assert.deepEqual(got.map((f) => [f.start, f.end, f.related]), want.map((f) => [f.start, f.end, f.related]));
      for (const f of got) for (const r of ranges(f)) assert.equal(text.slice(r.start, r.end), old.slice(r.start - (r.start > end + by ? by : 0), r.end - (r.start > end + by ? by : 0)));
    }),
    runs(60),
  );
});

test('a per-line rule at its cap: the other rules still read only the edited lines, and the findings are check()\'s', () => {
  // More half-width commas than punct/halfwidth reports (its cap): check() stops at the cap, so
  // its findings after that line are not known; it runs on the whole document, the other
  // per-line rules do not. Edits before the cap's line, after it, and on it.
  const line = (i: number) => `第${i}项工作,已按期完成。\n`;
  const lines = Array.from({ length: 5400 }, (_, i) => line(i));
  let text = '一、主要做法\n' + lines.join('') + '二、下一步打算\n持续推进各项工作。\n';
  const inc = new IncrementalChecker();
  const first = inc.check(text);
  assert.equal(first.whole, true);
  assert.equal(first.findings.toArray().filter((f) => f.rule === 'punct/halfwidth').length, 5000, 'the rule stopped at its cap');
  const capLine = text.indexOf(line(4999));
  const places = [text.indexOf(line(10)), capLine, capLine + 3, text.indexOf(line(5300)), text.length - 3];
  for (const [k, at] of places.entries()) {
    for (const typed of ['，', ',', '\n', '（']) {
      text = text.slice(0, at) + typed + text.slice(at);
      const r = inc.check(text);
      assert.equal(r.whole, false, `edit ${k} (${JSON.stringify(typed)}) read the document whole`);
      same(text, inc, {});
    }
  }
  // A comma before the cap's line made full-width: the rule's 5,000th finding is one it had not read.
  for (const i of [20, 30, 40]) {
    const at = text.indexOf(line(i)) + line(i).indexOf(',');
    text = text.slice(0, at) + '，' + text.slice(at + 1);
    assert.equal(inc.check(text).whole, false);
    same(text, inc, {});
  }
});

test('a rule at its cap that does not report line after line is run again on every edit: its findings stay check()\'s', () => {
  // Two made-up per-line rules with a cap of 3, each reporting every line that holds 某: one in
  // the order of the lines, one from the last line back. At its cap the first depends only on
  // the lines up to its third finding (an edit after them keeps its findings); the second on
  // the last lines, so no edit is after what it depends on, and it runs again.
  const rule = (id: string, backwards: boolean): Rule => ({
    id,
    description: { zh: id, en: id },
    severity: 'warning',
    fixable: false,
    perLine: { cap: 3 },
    check(doc, ctx) {
      const found = doc.lines.filter((l) => doc.text.slice(l.start, l.end).includes('某'));
      if (backwards) found.reverse();
      let n = 0;
      for (const l of found) if (n++ < 3) ctx.report({ start: l.start, end: l.start + 1, message: { zh: '某', en: 'X' } });
    },
  });
  const rules = [rule('test/forward', false), rule('test/backward', true)];
  for (const insert of ['某项工作\n', '其他工作\n', '']) {
    const lines = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? `第${i}行某项工作` : `第${i}行其他工作`));
    let text = lines.join('\n') + '\n';
    const inc = new IncrementalChecker(rules);
    inc.check(text);
    // Edits after the forward rule's third finding (line 8), the last one at the end of the text.
    for (const at of [text.indexOf('第20行'), text.indexOf('第30行'), text.length]) {
      text = text.slice(0, at) + insert + '某' + text.slice(at);
      const got = inc.check(text).findings.toArray();
      assert.deepStrictEqual(got, check(text, {}, rules).findings, `after ${JSON.stringify(insert)} at ${at}`);
    }
  }
});

test('a rule that reaches its cap by an edit runs on the whole document; the versions after still give check()\'s findings', () => {
  // A made-up per-line rule with a cap of 3 that reports each line holding 某, read line by line
  // until an edit brings a third and a fourth such line: it then runs on the whole document, and
  // the lines' state keeps its findings as the lines gave them, not the whole document's capped
  // ones (IncrementalChecker.keep: the state is not taken out of the version's findings then).
  const rules: Rule[] = [
    {
      id: 'test/marked',
      description: { zh: '某', en: 'marked' },
      severity: 'warning',
      fixable: false,
      perLine: { cap: 3 },
      check(doc, ctx) {
        let n = 0;
        for (const l of doc.lines) if (doc.text.slice(l.start, l.end).includes('某') && n++ < 3) ctx.report({ start: l.start, end: l.start + 1, message: { zh: '某', en: 'X' } });
      },
    },
  ];
  for (const order of [[30, 10, 20, 5], [5, 35, 15, 25], [12, 12, 30, 2]]) {
    const lines = Array.from({ length: 40 }, (_, i) => `第${i}行${i === 8 ? '某项' : '其他'}工作`);
    let text = lines.join('\n') + '\n';
    const inc = new IncrementalChecker(rules);
    inc.check(text);
    // Each edit marks one more line (line 8 is marked already).
    for (const i of order) {
      const at = text.indexOf(`第${i}行`);
      text = text.slice(0, at) + '某' + text.slice(at);
      assert.deepStrictEqual(inc.check(text).findings.toArray(), check(text, {}, rules).findings, `marking line ${i} of ${order.join(',')}`);
    }
    // Then two marks taken away in one edit (the first two marked lines and those between them
    // deleted), and the others one by one: the rule falls below its cap and reads the lines again.
    const first = text.indexOf('某');
    const second = text.indexOf('\n', text.indexOf('某', first + 1)) + 1;
    text = text.slice(0, text.lastIndexOf('\n', first) + 1) + text.slice(second);
    assert.deepStrictEqual(inc.check(text).findings.toArray(), check(text, {}, rules).findings, `two marks taken away, after ${order.join(',')}`);
    for (let at = text.indexOf('某'); at >= 0; at = text.indexOf('某')) {
      text = text.slice(0, at) + text.slice(at + 1);
      assert.deepStrictEqual(inc.check(text).findings.toArray(), check(text, {}, rules).findings, `a mark taken away at ${at}, after ${order.join(',')}`);
    }
    text = text.replace('第39行', '第39行 ');
    assert.deepStrictEqual(inc.check(text).findings.toArray(), check(text, {}, rules).findings, `an edit after, ${order.join(',')}`);
  }
});

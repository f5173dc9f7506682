// The assertions every pasted report must pass (see pasted.ts): typography, figures,
// outline and hover on the whole document. `npm test` runs them on the project's fixture
// (test/unit/pasted.test.ts); `npm run test:reference` on the reference report.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check } from '../../server/src/core/run/check';
import { fixAll } from '../../server/src/core/run/fix';
import { withDefaults } from '../../server/src/core/config/config';
import { hoverAt } from '../../server/src/core/authoring/hover';
import { countChars } from '../../server/src/core/authoring/count';
import { ReportDocument } from '../../server/src/core/model/document';
import { figures } from '../../server/src/core/rules/figures';
import { chooseTemplate } from '../../server/src/core/outline/templates';
import { closingStart, documentTitle, preface } from '../../server/src/core/outline/structure';
import { outlineTree } from '../../server/src/core/outline/tree';
import { fixEdits, type Finding } from '../../server/src/core/types';
import type { PastedReport } from './pasted';

const TYPO = /^(punct|numbers|text|terms)\//;
const typoSafe = (f: Finding) => !!f.fix?.safe && TYPO.test(f.rule);
/** Pinyin annotations: a parenthesised run of lowercase, possibly tone-marked, Latin letters. */
export const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;
export const withoutAnnotations = (s: string) => s.replace(ANNOTATION, '');

/** How many run-in items a section has. */
export const count = (s: { items: string[] | number }) => (Array.isArray(s.items) ? s.items.length : s.items);

export function pastedReportSuite(r: PastedReport): void {
  const text = r.text;
  const { doc, findings } = check(text);
  const lines = text.split('\n');
  const of = (rule: string) => findings.filter((f) => f.rule === rule);
  const lineOf = (f: Finding) => doc.lineAt(f.start).index;
  const config = withDefaults({});

  describe(`${r.name}: typography`, () => {
    test(`the ${r.boilerplate.length} boilerplate lines are flagged`, () => {
      const got = of('text/boilerplate').map((f) => ({ line: lineOf(f), starts: lines[lineOf(f)].trim().slice(0, 3) }));
      assert.deepEqual(got, r.boilerplate);
    });

    test(`the ${r.garbled} garbled places are flagged as errors, none with a fix`, () => {
      const g = of('text/garbled');
      assert.equal(g.length, r.garbled);
      for (const f of g) {
        assert.match(text.slice(f.start, f.end), /[?\ufffd]/);
        assert.equal(f.fix, undefined);
        assert.equal(f.severity, 'error');
      }
    });

    test('no fix of any rule touches a garbled run', () => {
      for (const f of findings) {
        for (const e of fixEdits(f)) {
          for (const g of doc.garbled) assert.ok(e.end <= g.start || e.start >= g.end, `${f.rule} edits into ${text.slice(g.start, g.end)}`);
        }
      }
    });

    test(`all ${r.noBreakSpaces} no-break spaces are flagged`, () => {
      const spans = of('text/stray-space');
      let n = 0;
      for (let i = text.indexOf('\u00a0'); i >= 0; i = text.indexOf('\u00a0', i + 1)) {
        n++;
        assert.ok(spans.some((f) => f.start <= i && i < f.end), `no-break space at ${i} not flagged`);
      }
      assert.equal(n, r.noBreakSpaces);
    });

    test(`every one of the ${r.annotations} pinyin annotations is flagged, and nothing else`, () => {
      const expected = [...text.matchAll(ANNOTATION)].map((m) => `${m.index}-${m.index! + m[0].length}`);
      assert.equal(expected.length, r.annotations);
      assert.deepEqual(of('text/pinyin-annotation').map((f) => `${f.start}-${f.end}`), expected);
    });

    test('half-width punctuation is flagged; the document is not mixed script', () => {
      assert.ok(of('punct/halfwidth').length >= r.halfwidthAtLeast, `${of('punct/halfwidth').length}`);
      assert.deepEqual(of('text/script-mixing').map((f) => text.slice(f.start, f.end)), []);
    });

    test('fixing gives the same traditional text, full-width, without annotations or boilerplate', () => {
      const { text: fixed } = fixAll(text, {}, typoSafe);
      // Nothing safe of the typography rules is left, and fixing again changes nothing.
      assert.deepEqual(check(fixed).findings.filter(typoSafe).map((f) => f.rule), []);
      assert.equal(fixAll(fixed, {}, typoSafe).text, fixed);
      for (const g of doc.garbled) assert.ok(fixed.includes(text.slice(g.start, g.end)), text.slice(g.start, g.end));
      // Every other character unchanged: computed here without the rules.
      const body = (s: string) => s.split('\n').filter((l) => l.trim());
      assert.deepEqual(body(fixed), body(expectedFix(text, doc.garbled.map((g) => text.slice(g.start, g.end)), r.boilerplate.map((b) => b.line))));
    });

    test('--fix with every rule gives the typography result and is stable after one run', () => {
      const once = fixAll(text).text;
      // Outline style notes (1、 → 1.) are quick fixes only: --fix changes nothing beyond the clean-up.
      assert.equal(once, fixAll(text, {}, typoSafe).text);
      assert.equal(fixAll(once).text, once);
    });
  });

  describe(`${r.name}: figures`, () => {
    test(`exactly one figure finding, named-count ${r.wrongCount.arithmetic}`, () => {
      const figs = findings.filter((f) => f.rule.startsWith('figures/'));
      assert.equal(figs.length, 1, figs.map((f) => `${f.rule} ${f.message.zh}`).join('\n'));
      const f = figs[0];
      assert.equal(f.rule, 'figures/named-count');
      assert.equal(f.severity, 'error');
      // The span is in the original text, pinyin annotations included.
      assert.equal(withoutAnnotations(text.slice(f.start, f.end)), r.wrongCount.quote);
      assert.ok(f.message.en.includes(r.wrongCount.arithmetic), f.message.en);
      // Related information points at the count and at each name.
      const rel = (f.related ?? []).map((x) => withoutAnnotations(text.slice(x.start, x.end)));
      assert.equal(rel.length, r.wrongCount.related, rel.join(' | '));
      for (const start of r.wrongCount.relatedStarts ?? []) assert.ok(rel.some((x) => x.startsWith(start)), `${start} in ${rel.join(' | ')}`);
    });

    test(`the correct count (${r.rightCount}) and parts (${r.partsTotal.arithmetic}) hold`, () => {
      const rels = figures(new ReportDocument(text)).relations;
      const named = rels.find((x) => x.rule === 'figures/named-count' && x.arithmetic === r.rightCount);
      assert.ok(named?.ok, `named-count ${r.rightCount}`);
      const parts = rels.find((x) => x.rule === 'figures/parts-total' && x.quantities[0].value === r.partsTotal.total);
      assert.ok(parts?.ok, `parts-total ${r.partsTotal.arithmetic}`);
      assert.equal(parts.arithmetic, r.partsTotal.arithmetic);
    });
  });

  describe(`${r.name}: outline`, () => {
    test(`${r.sections.length} sections with ${r.sections.map(count).join(' + ')} run-in sub-items`, () => {
      assert.deepEqual(doc.sections.map((s) => s.heading.title), r.sections.map((s) => s.title));
      assert.deepEqual(doc.sections.map((s) => s.children.length), r.sections.map(count));
      for (const [i, s] of r.sections.entries()) {
        if (Array.isArray(s.items)) assert.deepEqual(doc.sections[i].children.map((c) => c.heading.title), s.items);
      }
      for (const s of doc.sections.flatMap((x) => x.children)) {
        assert.equal(s.heading.runIn, true);
        assert.equal(s.heading.level, 3);
        assert.equal(s.heading.numbering?.style, 'arabic-dun');
      }
      // Spans are in the original text (pinyin annotations inside the title span).
      const h = doc.sections[0].heading;
      assert.equal(text.slice(h.markerSpan!.start, h.markerSpan!.end), '一、');
      assert.equal(withoutAnnotations(text.slice(h.titleSpan.start, h.titleSpan.end)), '主要做法');
      assert.equal(chooseTemplate(doc, config).template.name, '经验材料');
    });

    test('title block, intro, and the end of the last section before the page footer', () => {
      const title = documentTitle(doc);
      assert.ok(title && doc.sections[0].heading.line > 0);
      if (r.title) assert.equal(title, r.title);
      const { intro } = preface(doc);
      assert.ok(intro.some((p) => p.text.includes('为主线')));
      assert.ok(intro.every((p) => p.line < doc.sections[0].heading.line));
      assert.equal(closingStart(doc), r.closingStart);
      const tree = outlineTree(doc, config);
      assert.equal(tree[tree.length - 1].endLine, r.lastSectionEnd);
      assert.equal(tree[0].name, '一、主要做法');
    });

    test('no missing/order/sequence/summary finding; style notes on the 1、 sub-headings only', () => {
      const outline = findings.filter((f) => f.rule.startsWith('outline/'));
      assert.deepEqual(outline.filter((f) => f.rule !== 'outline/numbering-style').map((f) => f.rule), []);
      const notes = outline.filter((f) => f.rule === 'outline/numbering-style');
      assert.equal(notes.length, r.sections.reduce((n, s) => n + count(s), 0));
      for (const f of notes) {
        assert.match(text.slice(f.start, f.end), /^[1-9]、$/);
        assert.equal(f.severity, 'information');
      }
    });
  });

  describe(`${r.name}: authoring`, () => {
    test('字数 adds up and counts fewer characters than the text has', () => {
      const c = countChars(text);
      assert.ok(c.words > 1000 && c.words < text.length, `${c.words}`);
      assert.equal(c.words, c.han + c.punctuation + c.latinWords);
    });

    test('hover on 一、主要做法: 字数 and sub-items, in both languages; none on body text', () => {
      const at = text.indexOf('一、主要做法') + 3;
      const zh = hoverAt(doc, at, { config, locale: 'zh' });
      assert.ok(zh, 'a hover');
      assert.match(zh.markdown, /字数：[\d,]+/);
      assert.match(zh.markdown, new RegExp(`下级条目：${count(r.sections[0])}`));
      const en = hoverAt(doc, at, { config, locale: 'en' })!;
      assert.match(en.markdown, new RegExp(`Sub-items: ${count(r.sections[0])}`));
      assert.equal(text.slice(zh.start, zh.end), '一、主要做法');
      const body = text.indexOf(r.body);
      assert.ok(body > 0, `${r.body} is in the text`);
      assert.equal(hoverAt(doc, body, { config, locale: 'zh' }), undefined);
    });
  });
}

/** The report as the typography fixes should leave it, computed without the rules. */
function expectedFix(text: string, garbled: string[], boilerplate: number[]): string {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (boilerplate.includes(i)) return;
    // Protect the garbled runs, drop annotations, widen the marks, restore the runs.
    const keep: string[] = [];
    let l = line;
    for (const g of garbled) if (l.includes(g)) l = l.split(g).join(`\ue000${keep.push(g) - 1}\ue000`);
    l = withoutAnnotations(l);
    // A no-break space between Chinese characters goes; any other becomes a plain space.
    l = l.replace(/(?<=\p{Script=Han})\u00a0+(?=\p{Script=Han})/gu, '').replace(/\u00a0/g, ' ');
    l = l.replace(/, ?/g, '，').replace(/:/g, '：').replace(/;/g, '；').replace(/\?/g, '？').replace(/!/g, '！');
    l = l.replace(/\ue000(\d+)\ue000/g, (_, k) => keep[Number(k)]);
    out.push(l);
  });
  return out.join('\n');
}

// Script conversion by phrase (core/script): simplified words written with characters that
// are also traditional (乾县, 於潜镇, 著名, 瞭望 — test/data/simplified-words.txt) are left
// alone by text/script-mixing, its fix and the "convert to simplified" command, while the
// traditional characters around them are still converted.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/run/check';
import { fixAll } from '../../server/src/core/run/fix';
import fc from 'fast-check';
import { convertScript, matchKey, phrases, simplifiedOver, simplifiedSegmentsIn, toSimplifiedSegments } from '../../server/src/core/script/convert';
import { scriptData } from '../../server/src/core/script/data';
import { scriptProfile } from '../../server/src/core/script/mixing';
import { ReportDocument } from '../../server/src/core/model/document';
import { ANNOTATION, BOILERPLATE, GARBLED, scope } from '../../server/src/core/model/scope';
import { documentScript } from '../../server/src/core/rules/text/script-mixing';
import { conversionEdits } from '../../server/src/lsp/features/commands';
import { SIMPLIFIED_WORDS } from '../data/simplified-words';

const WORDS = SIMPLIFIED_WORDS;

const mixing = (text: string) => check(text).findings.filter((f) => f.rule === 'text/script-mixing');

function convertDocument(text: string, target: 'simplified' | 'traditional'): string {
  const doc = TextDocument.create('file:///r.report', 'workreport', 1, text);
  return TextDocument.applyEdits(doc, conversionEdits(doc, target));
}

test('the list has at least 200 words, none of them repeated', () => {
  assert.ok(WORDS.length >= 200, `${WORDS.length} words`);
  assert.equal(new Set(WORDS).size, WORDS.length);
});

test('every word uses a character OpenCC also lists as traditional, or 著/瞭/藉', () => {
  const d = scriptData();
  for (const w of WORDS) assert.ok([...w].some((ch) => d.toSimplified.has(ch) || '著瞭藉'.includes(ch)), w);
});

describe('simplified words survive', () => {
  test('in one simplified document: no finding, --fix and "convert to simplified" change nothing', () => {
    const lines: string[] = [];
    for (let i = 0; i < WORDS.length; i += 8) lines.push(`这一年我们调研了${WORDS.slice(i, i + 8).join('、')}等方面的情况。`);
    const text = lines.join('\n') + '\n';
    assert.deepEqual(mixing(text).map((f) => text.slice(f.start, f.end)), []);
    assert.equal(fixAll(text).text, text);
    assert.equal(convertDocument(text, 'simplified'), text);
  });

  test('next to a pasted traditional run, each word stays while the run is converted', () => {
    for (const w of WORDS) {
      const text = `我们坚持服務大局，${w}的工作扎实推进，幹部隊伍建設得到加强。`;
      const want = `我们坚持服务大局，${w}的工作扎实推进，干部队伍建设得到加强。`;
      assert.equal(fixAll(text).text, want, w);
      assert.equal(convertDocument(text, 'simplified'), want, w);
      for (const f of mixing(text)) assert.ok(f.end <= text.indexOf(w) || f.start >= text.indexOf(w) + w.length, `${w}: ${text.slice(f.start, f.end)}`);
    }
  });
});

describe('traditional characters are still converted', () => {
  // [written in a simplified document, what --fix and the command make of it]
  const inSimplified: [string, string][] = [
    ['坚持服務大局', '坚持服务大局'],
    ['推动於潛镇发展', '推动於潜镇发展'],
    ['推动於潛鎮发展', '推动於潜镇发展'],
    ['陕西乾縣的果业', '陕西乾县的果业'],
    ['吉林乾安縣的湖', '吉林乾安县的湖'],
    ['乾隆年間的碑刻', '乾隆年间的碑刻'],
    ['街道乾淨整洁', '街道干净整洁'],
    ['成效顯著', '成效显著'],
    ['依法保护著作權', '依法保护著作权'],
    ['森林瞭望臺', '森林瞭望台'],
    ['幹部隊伍', '干部队伍'],
    ['後來居上', '后来居上'],
    ['頭髮花白', '头发花白'],
    ['思想鬆懈', '思想松懈'],
    ['為民服務', '为民服务'],
  ];
  for (const [from, to] of inSimplified) {
    test(`${from} → ${to} (simplified document)`, () => {
      const text = `我们的工作取得新进展，${from}，群众满意。`;
      const want = `我们的工作取得新进展，${to}，群众满意。`;
      assert.ok(mixing(text).length > 0, 'flagged');
      assert.equal(fixAll(text).text, want);
      assert.equal(convertDocument(text, 'simplified'), want);
    });
  }
  // A traditional document converted to simplified: 乾 and 於 outside the phrases that keep
  // them are the traditional forms of 干 and 于; Taiwan forms (著 for 着) are converted too.
  const traditional: [string, string][] = [
    ['這個房間很乾淨', '这个房间很干净'],
    ['天氣乾燥，於是我們決定', '天气干燥，于是我们决定'],
    ['乾隆年間修建的乾陵', '乾隆年间修建的乾陵'],
    ['朗朗乾坤，於潛鎮', '朗朗乾坤，於潜镇'],
    ['他們看著這個村', '他们看着这个村'],
    ['著名學者的著作', '著名学者的著作'],
    ['幹部隊伍建設成效顯著', '干部队伍建设成效显著'],
  ];
  for (const [from, to] of traditional) {
    test(`${from} → ${to} (traditional document)`, () => {
      assert.equal(convertDocument(from, 'simplified'), to);
      assert.equal(convertScript(from, 'simplified', [], 'traditional'), to);
    });
  }
  test('to traditional, by phrase', () => {
    assert.equal(convertDocument('乾县的干部在头发花白时依然坚持发展', 'traditional'), '乾縣的幹部在頭髮花白時依然堅持發展');
    assert.equal(convertScript('皇后说干部怎么显著地发展了', 'traditional'), '皇后說幹部怎麼顯著地發展了');
  });
});

describe('a window of text converted to simplified (script/convert.ts simplifiedSegmentsIn, simplifiedOver)', () => {
  // The conversion as it was written before its lookups were filtered by the phrase table's
  // pairs and the window was read in place: the window cut out as a string, its whole match
  // key made, every key length tried where a key starts with the unit. The reader must give
  // the same segments on any window of any text.
  function reference(text: string, ambiguous: 'convert' | 'adjacent', lo: number, hi: number): { start: number; end: number; text: string }[] {
    const d = scriptData();
    const { phrases: table, longest, maxLen } = phrases();
    const key = matchKey(text);
    const aligned = key.length === text.length;
    const out: { start: number; end: number; text: string }[] = [];
    const kind = (i: number) => (i >= 0 && i < text.length ? d.kinds[text.charCodeAt(i)] : 0);
    for (let i = 0; i < text.length && i < hi; ) {
      let matched = false;
      const first = aligned ? longest[key.charCodeAt(i)] : 0;
      if (first) {
        for (let len = Math.min(maxLen, first, text.length - i); len >= 2 && !matched; len--) {
          const to = table.get(key.slice(i, i + len));
          if (to !== undefined) {
            if (i + len > lo) out.push({ start: i, end: i + len, text: to });
            i += len;
            matched = true;
          }
        }
      }
      if (matched) continue;
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (i + width <= lo) {
        i += width;
        continue;
      }
      const ch = String.fromCodePoint(cp);
      let to = ch;
      const k = kind(i);
      if (k === 1) to = d.toSimplified.get(ch) ?? ch;
      else if (k === 3 && (ambiguous === 'convert' || kind(i - 1) === 1 || kind(i + 1) === 1)) to = d.toSimplified.get(ch) ?? ch;
      else if (cp > 0xffff && d.traditionalOnly.has(ch)) to = d.toSimplified.get(ch) ?? ch;
      out.push({ start: i, end: i + ch.length, text: to });
      i += ch.length;
    }
    return out;
  }

  // Pieces that meet the phrase table: its keys as written in both scripts, their first two
  // characters (a pair that starts a key, with no key after it), single characters of each
  // kind, astral characters (one traditional-only if the table has one), a lone surrogate.
  const d = scriptData();
  const keys = [...phrases().phrases.keys()];
  const astral = [...d.traditionalOnly].filter((ch) => ch.length === 2);
  const pieces = [
    ...keys.slice(0, 400),
    ...keys.slice(0, 400).map((k) => [...k].slice(0, 2).join('')),
    ...[...d.traditionalOnly].slice(0, 60),
    ...[...d.traditionalAmbiguous].slice(0, 30),
    ...[...d.simplifiedOnly].slice(0, 30),
    '乾', '於', '潛', '淨', '县', '縣', '的', '，', 'a', ' ', '𠮷', '\ud842', ...astral.slice(0, 5),
  ];
  const window = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join('')).chain((text) =>
    fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length), fc.nat(text.length), fc.nat(text.length)).map(([t, a, b, c, e]) => {
      const [from, lo, hi, to] = [a, b, c, e].sort((x, y) => x - y);
      return { text: t, from, to, lo, hi };
    }),
  );

  test('the segments of a window are its own conversion, at their places in the text', () => {
    fc.assert(
      fc.property(window, fc.constantFrom<'convert' | 'adjacent'>('convert', 'adjacent'), ({ text, from, to, lo, hi }, ambiguous) => {
        const want = reference(text.slice(from, to), ambiguous, lo - from, hi - from).map((s) => ({ start: s.start + from, end: s.end + from, text: s.text }));
        assert.deepEqual(simplifiedSegmentsIn(text, ambiguous, lo, hi, from, to), want);
        if (from === 0 && to === text.length) assert.deepEqual(toSimplifiedSegments(text, ambiguous).filter((s) => s.end > lo && s.start < hi), reference(text, ambiguous, lo, hi));
      }),
      { numRuns: 20000 },
    );
  });

  test('simplifiedOver is what the segments over the run cover, in one piece', () => {
    fc.assert(
      fc.property(window.filter((w) => w.lo < w.hi), ({ text, from, to, lo, hi }) => {
        const segs = reference(text.slice(from, to), 'adjacent', lo - from, hi - from);
        const over = simplifiedOver(text, 'adjacent', lo, hi, from, to);
        assert.deepEqual({ start: over.start, end: over.end, text: over.text }, { start: segs[0].start + from, end: segs[segs.length - 1].end + from, text: segs.map((s) => s.text).join('') });
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the script profile from the scope pass (scriptProfileOf) is the one a pass of its own makes (scriptProfile)', () => {
  // The scope's index pass counts every character before the mask exists; what the mask skips
  // (annotations, garbled runs, boilerplate lines, written here with characters of both
  // scripts) is taken out after. Counts, script and strays must be those of the pass that
  // reads the mask as it goes.
  const SKIP = ANNOTATION | GARBLED | BOILERPLATE;
  const pieces = [
    '這個學習會議', '这个学习会议', '乾於後', '於潛镇', '乾淨', '當(dāng)', '(dāng)', '锟斤拷', '烫烫烫', '\ufffd',
    '\n當前位置：首頁＞盟務動態＞基層交流\n', '\n发布时间：2014-11-24  来源：\n', '\n放大\n', '\n', '，', 'ab ', '𠮷',
  ];
  const same = (text: string) => {
    const doc = new ReportDocument(text);
    const s = scope(doc);
    const mine = documentScript(doc);
    const own = scriptProfile(text, s.mask, SKIP);
    assert.deepEqual([mine.traditional, mine.simplified, mine.script], [own.traditional, own.simplified, own.script]);
    assert.deepEqual(mine.strays(3), own.strays(3));
    assert.deepEqual(mine.strays(200), own.strays(200));
  };

  test('on random texts of both scripts with masked pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (a) => same(a.join(''))), { numRuns: 3000 });
  });

  test('an annotation holds no character of either script (scriptProfileOf reads only garbled runs and boilerplate again)', () => {
    const kinds = scriptData().kinds;
    const letters = ['(', ')', '（', '）', 'd', 'ā', 'n', 'g', 'ü', '當', '这', '乾', ' '];
    const texts = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...letters), { maxLength: 60 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        for (const a of new ReportDocument(text).annotations) for (let i = a.start; i < a.end; i++) assert.equal(kinds[text.charCodeAt(i)], 0, `${JSON.stringify(text)} at ${i}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('past the positions kept (MAX_KEPT traditional characters), some of them in boilerplate', () => {
    same('當前位置：首頁＞盟務動態＞基層交流\n' + '這個學習會議，'.repeat(12000) + '\n这个学习会议。\n放大\n');
    same('这个学习会议。'.repeat(5000) + '\n當前位置：首頁＞盟務動態＞基層交流\n' + '這個學習會議'.repeat(11000));
    // A simplified document whose one traditional run goes on past the positions kept: the strays pass must read the text again.
    same('當前位置：首頁＞盟務動態＞基層交流\n' + '这个学习会议。'.repeat(12000) + '\n' + '這個學習會議'.repeat(11700) + '\n放大\n');
  });
});

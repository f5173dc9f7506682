// Script conversion by phrase (core/script): simplified words written with characters that
// are also traditional (乾县, 於潜镇, 著名, 瞭望 — test/data/simplified-words.txt) are left
// alone by text/script-mixing, its fix and the "convert to simplified" command, while the
// traditional characters around them are still converted.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/run/check';
import { fixAll } from '../../server/src/core/run/fix';
import { convertScript } from '../../server/src/core/script/convert';
import { scriptData } from '../../server/src/core/script/data';
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

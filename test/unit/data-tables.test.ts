// The tables computed at build time (scripts/data/tables.mjs, served by esbuild.mjs as
// `workreport-data:*`) against the libraries they come from: a stale cache or a wrong
// reduction fails here. Also the size budget that made them worth it (issue 14).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ConverterFactory } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import { pinyin } from 'pinyin-pro';
import scriptTables from 'workreport-data:script';
import { hasReading, readingsOf } from '../../server/src/core/model/pinyin';
import { foldChar } from '../../server/src/core/model/fold';
import { convertScript } from '../../server/src/core/script/convert';
// @ts-expect-error plain JavaScript, no types
import * as generator from '../../scripts/data/tables.mjs';
import { SIMPLIFIED_WORDS } from '../data/simplified-words';
import { DIST, FIXTURES, ROOT } from '../paths';

test('the script tables in the bundle are the ones the generator makes from OpenCC now', () => {
  assert.deepEqual(scriptTables, (generator as { scriptTables(): unknown }).scriptTables());
});

test('pinyin readings: the table gives what pinyin-pro gives, for every CJK character', () => {
  let compared = 0;
  for (let c = 0x3400; c <= 0x9fff; c++) {
    if (c > 0x4dbf && c < 0x4e00) continue;
    const ch = String.fromCodePoint(c);
    const want = new Set<string>();
    for (const f of new Set([ch, foldChar(ch)])) for (const p of pinyin(f, { multiple: true, type: 'array', toneType: 'none', v: true })) if (p !== f) want.add(p);
    assert.deepEqual([...readingsOf(ch)].sort(), [...want].sort(), ch);
    compared++;
  }
  assert.ok(compared > 27000);
});

test('pinyin readings: hasReading (what an annotation asks, by syllable) agrees with the whole table, for every CJK character', () => {
  // Each character's own readings, those of its simplified form, and syllables it does not have.
  const others = ['a', 'zhuang', 'ng', 'lv', 'shi', 'yi', 'de', 'xx'];
  let asked = 0;
  for (let c = 0x3400; c <= 0x9fff; c++) {
    if (c > 0x4dbf && c < 0x4e00) continue;
    const ch = String.fromCodePoint(c);
    const own = readingsOf(ch);
    for (const s of new Set([...own, ...readingsOf(foldChar(ch)), ...others])) {
      assert.equal(hasReading(ch, s), own.has(s), `${ch} ${s}`);
      asked++;
    }
  }
  assert.ok(asked > 27000 * 8);
});

test('to traditional: the stored phrase table converts exactly as OpenCC’s full one', () => {
  const opencc = ConverterFactory([[STPhrases, STCharacters] as string[]], [[TWVariantsPhrases, TWVariants] as string[]]);
  const keys = (STPhrases as string).split('|').map((e) => e.split(' ')[0]);
  // Phrases back to back (the hardest case for a reduced table: one phrase blocking the next),
  // the fixtures' text and the simplified word list.
  let seed = 7;
  const pick = () => keys[(seed = (seed * 1103515245 + 12345) % 2147483648) % keys.length];
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: 6 }, pick).join(''));
  for (const dir of fs.readdirSync(FIXTURES)) for (const f of fs.readdirSync(path.join(FIXTURES, dir))) texts.push(fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8'));
  texts.push(SIMPLIFIED_WORDS.join('，'));
  for (const t of texts) assert.equal(convertScript(t, 'traditional'), opencc(t), t.slice(0, 40));
});

test('bundles: the CLI and the Node server stay under 1 MB once minified (as npm run package ships them)', async () => {
  // esbuild is loaded at run time, not bundled into this test (it finds its binary beside it).
  const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
  for (const name of ['cli.js', 'server.js']) {
    const code = fs.readFileSync(path.join(DIST, name), 'utf8');
    const min = await esbuild.transform(code, { minify: true, charset: 'utf8', format: 'cjs', platform: 'node', logLevel: 'silent' });
    const size = Buffer.byteLength(min.code);
    assert.ok(size < 1_000_000, `${name}: ${size} bytes minified`);
  }
  // The CLI carries no simplified → traditional phrase table and no pinyin-pro dictionary.
  const cli = fs.readFileSync(path.join(DIST, 'cli.js'), 'utf8');
  assert.ok(!cli.includes('壓縮餅乾') && !cli.includes('pinyin-pro'), 'cli.js carries only the tables it uses');
});

// `--fix` on a report that names 乾县, 乾安县, 於潜镇, 乾坤, 乾隆 and the other simplified words
// of test/data/simplified-words.txt, with a pasted traditional run: the run is converted,
// every word is left as written.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIMPLIFIED_WORDS } from '../data/simplified-words';
import { cli } from './run-cli';

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-script-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('--fix keeps the 200 simplified words and converts the traditional run', () => {
  const lines = ['关于乾县、乾安县和於潜镇结对帮扶工作的总结', '', '今年以来，我们坚持服務大局，扭转乾坤，乾隆年间的古建筑得到保护。'];
  for (let i = 0; i < SIMPLIFIED_WORDS.length; i += 10) lines.push(`调研涉及${SIMPLIFIED_WORDS.slice(i, i + 10).join('、')}等。`);
  const text = lines.join('\n') + '\n';
  const p = path.join(tmp, 'words.txt');
  fs.writeFileSync(p, text);
  const r = cli(['--fix', '--format', 'json', p]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const fixed = fs.readFileSync(p, 'utf8');
  assert.equal(fixed, text.replace('服務', '服务'));
  const left = (JSON.parse(r.stdout) as { files: { diagnostics: { rule: string }[] }[] }).files[0].diagnostics;
  assert.deepEqual(left.filter((d) => d.rule === 'text/script-mixing'), []);
});

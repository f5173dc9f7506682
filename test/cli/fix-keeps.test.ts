// What `--fix` must leave alone: the simplified words of test/data/simplified-words.txt
// (乾县, 乾安县, 於潜镇, 乾坤, 乾隆…) beside a pasted traditional run, and the report's own
// author, unit, editor and date lines beside pasted page furniture.
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

test('--fix removes page furniture and keeps the author, unit, editor and date lines', () => {
  const text = [
    '当前位置：首页 > 工作动态 > 经验交流',
    '关于推进基层治理现代化的调研报告',
    '作者：李四  单位：县委政研室',
    '发布时间：2024-11-02  浏览次数：236',
    '【字体：大 中 小】【打印】【关闭】',
    '',
    '今年以来，全县新建党群服务中心12个，培训网格员860人次。',
    '',
    '执笔：王小红  审核：陈立',
    '责任编辑：刘洋',
    '2024年12月1日',
    '',
    '版权所有：某某县人民政府  陕ICP备12345678号',
    '',
  ].join('\n');
  const p = path.join(tmp, 'author.txt');
  fs.writeFileSync(p, text);
  const r = cli(['--fix', p]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.equal(
    fs.readFileSync(p, 'utf8'),
    ['关于推进基层治理现代化的调研报告', '作者：李四  单位：县委政研室', '', '今年以来，全县新建党群服务中心12个，培训网格员860人次。', '', '执笔：王小红  审核：陈立', '责任编辑：刘洋', '2024年12月1日', ''].join('\n'),
  );
});

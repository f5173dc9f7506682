// Configuration mistakes on the command line (issue 12): a config file with a misspelt rule
// id or template, a wrong type or broken JSON, and --rule / --template typos, each exit 2
// with one line naming the file, line and column and the name that was probably meant.
// Before, such mistakes were ignored: the defaults were used and CI passed.
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-cfg-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const REPORT = '一、主要做法\n\n抓落实,高位推动。\n\n二、工作成效\n\n三、几点体会\n';

/** A folder with a report and this config file; returns the report's path. */
function project(name: string, rc: string | undefined): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  if (rc !== undefined) fs.writeFileSync(path.join(d, '.workreportrc.json'), rc);
  fs.writeFileSync(path.join(d, 'r.report.txt'), REPORT);
  return path.join(d, 'r.report.txt');
}

describe('config file mistakes: exit 2, file:line:column, did you mean', () => {
  test('a misspelt rule id', () => {
    const report = project('rule', '{\n  "rules": {\n    "punct/halfwith": "off"\n  }\n}\n');
    const r = cli([report]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '', 'nothing is checked with the wrong settings');
    const rc = path.join(path.dirname(report), '.workreportrc.json');
    assert.equal(r.stderr, `workreport: ${rc}:3:5: unknown rule "punct/halfwith"; did you mean "punct/halfwidth"?\n`);
    const zh = cli(['--locale', 'zh', report]);
    assert.equal(zh.stderr, `workreport: ${rc}:3:5: 规则“punct/halfwith”不存在，是否应为“punct/halfwidth”？\n`);
  });

  test('broken JSON, a wrong type, an unknown template: every mistake on its own line', () => {
    const broken = project('json', '{ "rules": { "punct/halfwidth": "off" }\n  "template": "auto" }');
    const b = cli([broken]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /\.workreportrc\.json:2:3: JSON syntax error: a comma , was expected\n$/);
    const typed = project('typed', JSON.stringify({ lengthLimit: '3000', template: '述职报' }, null, 2));
    const t = cli([typed]);
    assert.equal(t.code, 2);
    assert.deepEqual(t.stderr.trim().split('\n').map((l) => l.replace(/^.*\.workreportrc\.json/, '')), [
      ':2:18: "lengthLimit" must be a number ≥ 0',
      ':3:15: unknown template "述职报"; did you mean "述职报告"?',
    ]);
  });

  test('--config with a mistake exits 2 too; a correct file applies', () => {
    const report = project('ok', JSON.stringify({ rules: { 'punct/halfwidth': 'off' } }));
    assert.equal(cli(['--format', 'json', report]).code, 0);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ rules: { 'punct/halfwidth': 'of' } }));
    const r = cli(['--config', bad, report]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json:1:29: the severity of "punct\/halfwidth" must be error, warning, information, hint or off; did you mean "off"\?/);
  });
});

describe('--rule and --template typos', () => {
  test('--rule with an unknown id: exit 2 and the id meant', () => {
    const report = project('flags', undefined);
    const r = cli(['--rule', 'punct/halfwith=off', report]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^workreport: unknown rule "punct\/halfwith"; did you mean "punct\/halfwidth"\?\n/);
    assert.equal(cli(['--rule', 'punct/halfwidth=off', report]).code, 0);
  });

  test('--template: the built-in names, auto, or a template of the config file', () => {
    const report = project('templates', JSON.stringify({ templates: [{ name: '述职述廉报告', sections: [{ title: '履职情况' }] }] }));
    const r = cli(['--template', '工作总节', report]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown template "工作总节"; did you mean "工作总结"\?/);
    assert.notEqual(cli(['--template', '述职述廉报告', report]).code, 2);
    assert.notEqual(cli(['--template', 'auto', report]).code, 2);
  });
});

// The config file and the settings definition: mistakes with their place and the name that
// was probably meant, the file not in effect when it has any, one search rule for every
// reader, and the generated package.json / nls / schema in step with settings.ts.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, parseConfigText, problemLine, type ConfigProblem } from '../../server/src/core/config/validate';
import { rcCandidates, rcFromText, RC_FILE_NAME } from '../../server/src/core/config/rc-file';
import { closest } from '../../server/src/core/config/suggest';
import { contributedConfiguration, nlsEntries, rcSchema } from '../../server/src/core/config/settings-json';
import { settingDefs } from '../../server/src/core/config/settings';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../paths';

const at = (text: string, p: ConfigProblem) => text.slice(p.start, p.end);

describe('config file mistakes', () => {
  test('a misspelt rule id: its key, line and column, and the id meant', () => {
    const text = '{\n  "rules": {\n    "punct/halfwith": "error"\n  }\n}\n';
    const { problems, config } = parseConfigText(text);
    assert.equal(problems.length, 1);
    assert.equal(at(text, problems[0]), '"punct/halfwith"');
    assert.equal(problems[0].message.en, 'unknown rule "punct/halfwith"; did you mean "punct/halfwidth"?');
    assert.equal(problems[0].message.zh, '规则“punct/halfwith”不存在，是否应为“punct/halfwidth”？');
    assert.equal(problemLine('.workreportrc.json', text, problems[0], 'en'), '.workreportrc.json:3:5: unknown rule "punct/halfwith"; did you mean "punct/halfwidth"?');
    assert.deepEqual(config.rules, {}, 'the unknown id is not applied');
  });

  test('a misspelt family: the family meant, written as it must be', () => {
    const msgs = (rules: Record<string, string>) => parseConfigText(JSON.stringify({ rules })).problems.map((p) => p.message.en);
    assert.deepEqual(msgs({ 'pnct/*': 'off' }), ['unknown rule "pnct/*"; did you mean "punct/*"?']);
    assert.deepEqual(msgs({ 'figure/*': 'off' }), ['unknown rule "figure/*"; did you mean "figures/*"?']);
    assert.deepEqual(msgs({ outline: 'off' }), ['unknown rule "outline"; did you mean "outline/*"?']);
    assert.deepEqual(msgs({ 'punct/*': 'off', 'figures/*': 'warning' }), [], 'the families themselves are accepted');
  });

  test('a rule id without its family, a misspelt severity, template and setting', () => {
    const text = JSON.stringify({ rules: { halfwidth: 'off', 'text/garbled': 'warn' }, template: '述职报', lenghtLimit: 3000 }, null, 2);
    const msgs = parseConfigText(text).problems.map((p) => p.message.en);
    assert.deepEqual(msgs, [
      'unknown rule "halfwidth"; did you mean "punct/halfwidth"?',
      'the severity of "text/garbled" must be error, warning, information, hint or off; did you mean "warning"?',
      'unknown template "述职报"; did you mean "述职报告"?',
      'unknown setting "lenghtLimit"; did you mean "lengthLimit"?',
    ]);
  });

  test('a template the file defines itself may be chosen', () => {
    const text = JSON.stringify({ template: '述职述廉报告', templates: [{ name: '述职述廉报告', sections: [{ title: '履职情况' }] }] });
    assert.deepEqual(parseConfigText(text).problems, []);
  });

  test('wrong types name the entry and what it must be', () => {
    const text = JSON.stringify({ lengthLimit: -1, detectReports: 'yes', terms: {}, templates: [{ name: 'x' }], ignore: [{ rule: 'x/y' }] }, null, 1);
    const ps = parseConfigText(text).problems;
    assert.deepEqual(
      ps.map((p) => [p.path, p.message.en]),
      [
        ['lengthLimit', '"lengthLimit" must be a number ≥ 0'],
        ['detectReports', '"detectReports" must be true or false'],
        ['terms', '"terms" must be an array […]'],
        ['templates[0]', '"templates[0]" must be {"name": …, "sections": [{"title": …}]}'],
        ['ignore[0]', '"ignore[0]" must be {"rule": …, "text": …}'],
      ],
    );
    assert.equal(at(text, ps[0]), '-1');
    assert.match(ps[2].message.zh, /^“terms”应为数组/);
  });

  test('broken JSON: where it breaks, in both languages', () => {
    const text = '{\n  "rules": { "punct/halfwidth": "off" }\n  "template": "auto"\n}';
    const { problems, config } = parseConfigText(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message.en, 'JSON syntax error: a comma , was expected');
    assert.equal(problems[0].message.zh, 'JSON 格式错误：缺少逗号 ,');
    assert.match(problemLine('rc.json', text, problems[0], 'en'), /^rc\.json:3:3: /);
    assert.deepEqual(config, {});
    for (const bad of ['', '// comment\n{}', '{"a": 1,}', '[1]', '"x"']) assert.ok(parseConfigText(bad).problems.length > 0, JSON.stringify(bad));
  });

  test('broken JSON: one problem per place, not the parser\'s cascade after it', () => {
    // Each text breaks once; a recovering parser reports two or three errors at that one place.
    for (const text of ['{ "rules": ', '{"severity": {"figures/sum": ', '{"template": "auto", "rules": {']) {
      const { problems } = parseConfigText(text);
      assert.equal(problems.length, 1, `${JSON.stringify(text)}: ${problems.map((p) => p.message.en).join(' | ')}`);
      assert.equal(problems[0].start, text.length);
    }
    // Two separate mistakes stay two.
    assert.equal(parseConfigText('{"a": 1 "b": 2, }').problems.length, 2);
  });

  test('a BOM is not a mistake; positions stay those of the text', () => {
    const text = '\ufeff{"rules": {"punct/halfwith": "off"}}';
    const [p] = parseConfigText(text).problems;
    assert.equal(at(text, p), '"punct/halfwith"');
  });

  test('a file with any mistake is not in effect; a correct one is', () => {
    assert.deepEqual(rcFromText('rc', JSON.stringify({ rules: { 'text/garbled': 'off' }, lengthLimit: -1 })).config, {});
    assert.deepEqual(rcFromText('rc', JSON.stringify({ rules: { 'text/garbled': 'off' } })).config, { rules: { 'text/garbled': 'off' } });
  });

  test('parseConfig on a value (editor settings, tests): the same problems without positions', () => {
    const problems: ConfigProblem[] = [];
    const c = parseConfig({ rules: { 'punct/halfwidth': 'loud', 'text/garbled': 'off' } }, problems);
    assert.deepEqual(c.rules, { 'text/garbled': 'off' });
    assert.deepEqual(problems.map((p) => [p.path, p.start]), [['rules.punct/halfwidth', undefined]]);
  });

  test('the README example config file has no mistake', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the example is there');
    assert.deepEqual(parseConfigText(example).problems, []);
  });

  test('did-you-mean stays silent when nothing is close', () => {
    assert.equal(closest('punct/halfwith', RULES.map((r) => r.id)), 'punct/halfwidth');
    assert.equal(closest('zzzz', RULES.map((r) => r.id)), undefined);
    assert.equal(parseConfigText('{"rules": {"qqq/zzz": "off"}}').problems[0].message.en, 'unknown rule "qqq/zzz"');
  });
});

describe('where the config file is looked for (one rule for every reader)', () => {
  test('the document folder and each one above, to the root: URIs of any scheme, POSIX and Windows paths', () => {
    assert.deepEqual(rcCandidates('file:///home/u/reports/a.report'), [
      'file:///home/u/reports/.workreportrc.json',
      'file:///home/u/.workreportrc.json',
      'file:///home/.workreportrc.json',
      'file:///.workreportrc.json',
    ]);
    assert.deepEqual(rcCandidates('vscode-vfs://github/org/repo/docs/a.txt?x#y'), [
      'vscode-vfs://github/org/repo/docs/.workreportrc.json',
      'vscode-vfs://github/org/repo/.workreportrc.json',
      'vscode-vfs://github/org/.workreportrc.json',
      'vscode-vfs://github/.workreportrc.json',
    ]);
    assert.deepEqual(rcCandidates('/a/b.txt'), ['/a/.workreportrc.json', '/.workreportrc.json']);
    assert.deepEqual(rcCandidates('C:\\Users\\u\\r.txt'), ['C:\\Users\\u\\.workreportrc.json', 'C:\\Users\\.workreportrc.json', 'C:\\.workreportrc.json']);
    assert.deepEqual(rcCandidates('untitled:Untitled-1'), []);
  });

  test('the file name is written once: every reader and package.json use RC_FILE_NAME', () => {
    assert.equal(RC_FILE_NAME, '.workreportrc.json');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.jsonValidation[0].fileMatch, RC_FILE_NAME);
    assert.ok(pkg.activationEvents.includes(`workspaceContains:**/${RC_FILE_NAME}`));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (/\.ts$/.test(name) && !p.endsWith(path.join('config', 'rc-location.ts'))) {
          // In code (not comments or messages): a string literal with the name.
          const code = fs.readFileSync(p, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l));
          if (code.some((l) => /['"`][^'"`]*\.workreportrc\.json[^'"`]*['"`]/.test(l) && !/--config|usage|\bzh:|\ben:/.test(l))) offenders.push(path.relative(ROOT, p));
        }
      }
    };
    walk(path.join(ROOT, 'server', 'src'));
    walk(path.join(ROOT, 'client', 'src'));
    assert.deepEqual(offenders, []);
  });
});

describe('settings: one definition, generated files in step (npm run settings)', () => {
  const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
  const hint = 'run `npm run settings` and commit package.json, package.nls*.json and schemas/';

  test('package.json contributes.configuration', () => {
    assert.deepEqual(json('package.json').contributes.configuration, contributedConfiguration(), hint);
  });

  test('package.nls.json and package.nls.zh-cn.json carry every description it refers to', () => {
    for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']] as const) {
      const nls = json(file);
      const want = nlsEntries(locale);
      for (const [k, v] of Object.entries(want)) assert.equal(nls[k], v, `${file}: ${k} (${hint})`);
      const stale = Object.keys(nls).filter((k) => /^(?:config|rule|severity)\./.test(k) && !(k in want));
      assert.deepEqual(stale, [], `${file}: keys no setting owns (${hint})`);
    }
    // Every %key% package.json refers to exists in both languages.
    const refs = [...JSON.stringify(json('package.json')).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = json(f);
      assert.deepEqual(refs.filter((k) => !(k in nls)), [], f);
    }
  });

  test('schemas/workreportrc.schema.json', () => {
    assert.deepEqual(json('schemas/workreportrc.schema.json'), rcSchema(), hint);
  });

  test('workreport.rules lists every rule id with its description; enums have descriptions', () => {
    const rules = contributedConfiguration().properties['workreport.rules'] as { properties: Record<string, { description: string; enumDescriptions: string[] }> };
    assert.deepEqual(Object.keys(rules.properties), [...RULES.map((r) => r.id), 'outline/*', 'figures/*', 'punct/*', 'numbers/*', 'text/*', 'terms/*']);
    for (const [id, p] of Object.entries(rules.properties)) {
      assert.equal(p.description, `%rule.${id}%`);
      assert.equal(p.enumDescriptions.length, 5);
    }
    assert.equal(nlsEntries('zh')['rule.punct/halfwidth'], RULES.find((r) => r.id === 'punct/halfwidth')!.description.zh);
    for (const [key, p] of Object.entries(contributedConfiguration().properties)) {
      if (Array.isArray(p.enum)) assert.equal((p.enumDescriptions as string[] | undefined)?.length, p.enum.length, `${key} has enum descriptions`);
    }
    const schema = rcSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties), Object.keys(rules.properties));
    assert.deepEqual(parseConfigText('{"rules": {"punct/*": "off"}}').problems, [], 'a whole family');
  });

  test('the config file accepts exactly the keys the definition gives it', () => {
    const rcKeys = settingDefs().filter((d) => d.where !== 'editor').map((d) => d.key);
    const sample: Record<string, unknown> = { template: 'auto', templates: [], rules: {}, terms: [], locale: 'zh', detectReports: true, lengthLimit: 0, maxDocumentSize: 1, ignore: [] };
    assert.deepEqual(Object.keys(sample).sort(), [...rcKeys].sort());
    assert.deepEqual(parseConfigText(JSON.stringify(sample)).problems, []);
    for (const d of settingDefs().filter((x) => x.where === 'editor')) {
      assert.match(parseConfigText(JSON.stringify({ [d.key]: d.default })).problems[0]?.message.en ?? '', /unknown setting/, `${d.key} is an editor setting only`);
    }
  });
});

// CI output of the CLI (SPEC §7): `--format sarif` validated against the SARIF 2.1.0 JSON
// schema, `--format github` workflow annotations, and `--max-warnings` as ESLint has it.
// The schema is the one @microsoft/jest-sarif ships (sarif-2.1.0-rtm.5.json, the SARIF
// 2.1.0 schema as schemastore serves it, draft-04), read from node_modules: no network.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../paths';
import { PASTED_FILE } from '../reports/pasted';
import { CLI, cli, type JsonDiagnostic } from './run-cli';

const SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const PINYIN = 'text/pinyin-annotation';


function jsonOf(args: string[], cwd?: string): { path: string; diagnostics: JsonDiagnostic[] }[] {
  return JSON.parse(cli(['--format', 'json', ...args], { cwd: cwd }).stdout).files;
}

/** Every rule off but the ones given: findings that do not move as other rules land. */
function only(rules: Record<string, string>): string[] {
  const args: string[] = [];
  for (const r of RULES) args.push('--rule', `${r.id}=${rules[r.id] ?? 'off'}`);
  return args;
}

// unicodeRegExp off: the rtm.5 schema's language pattern has a stray `]`, legal only outside /u mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF log does not validate:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

let tmp: string;
before(() => {
  // Under the project root, so its paths are relative to the working directory as in a CI checkout.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-sarif-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('--format sarif', { concurrency: 4 }, () => {
  test('the validator is live: a broken log is rejected', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'hint' }] }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'not a uri' }] } } }] }), false);
  });

  test('the pasted report: valid SARIF 2.1.0, one result per finding, same positions as --format json', () => {
    const r = cli(['--format', 'sarif', PASTED_FILE]);
    const log = JSON.parse(r.stdout);
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.equal(driver.name, 'workreport');
    // Every rule of the registry is described, with its doc page and default level.
    for (const rule of RULES) {
      const d = driver.rules.find((x: { id: string }) => x.id === rule.id);
      assert.ok(d, `rule ${rule.id} missing from tool.driver.rules`);
      assert.match(d.helpUri, new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      assert.ok(d.shortDescription.text.length > 0);
      assert.equal(d.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.severity]);
    }

    const json = jsonOf([PASTED_FILE])[0].diagnostics;
    assert.ok(json.filter((d) => d.rule === PINYIN).length >= 600, 'the pasted report has its pinyin annotations');
    assert.equal(run.results.length, json.length);
    const reportUri = new URL(run.results[0].locations[0].physicalLocation.artifactLocation.uri, run.originalUriBaseIds?.['%SRCROOT%']?.uri);
    assert.equal(fileURLToPath(reportUri), PASTED_FILE);
    run.results.forEach((res: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { region: unknown } }[] }, i: number) => {
      const d = json[i];
      assert.equal(res.ruleId, d.rule);
      assert.equal(driver.rules[res.ruleIndex].id, d.rule);
      assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
      assert.equal(res.message.text, d.message);
      assert.deepEqual(res.locations[0].physicalLocation.region, {
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      });
    });
    assert.equal(r.code, json.some((d) => d.severity === 'error') ? 1 : 0);
  });

  test('paths under the working directory are relative to %SRCROOT%, percent-encoded', () => {
    const dir = path.join(tmp, '报告 2024');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(PASTED_FILE, path.join(dir, '总结#1.txt'));
    const log = JSON.parse(cli(['--format', 'sarif', path.join('报告 2024', '总结#1.txt')], { cwd: tmp }).stdout);
    assertValid(log);
    const loc = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(loc.uriBaseId, '%SRCROOT%');
    assert.equal(loc.uri, `${encodeURIComponent('报告 2024')}/${encodeURIComponent('总结#1.txt')}`);
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    assert.ok(base.endsWith('/'), 'a base uri ends with a slash');
    assert.equal(fileURLToPath(new URL(loc.uri, base)), path.join(fs.realpathSync(tmp), '报告 2024', '总结#1.txt'));
  });

  test('a clean report, stdin, and an unreadable file still give a valid log', () => {
    const clean = path.join(tmp, 'clean.report');
    fs.writeFileSync(clean, '一、主要做法\n\n我们做了很多工作。\n');
    const c = cli(['--format', 'sarif', ...only({}), clean]);
    const cleanLog = JSON.parse(c.stdout);
    assertValid(cleanLog);
    assert.deepEqual(cleanLog.runs[0].results, []);
    assert.equal(cleanLog.runs[0].invocations[0].executionSuccessful, true);
    assert.equal(c.code, 0);

    const missing = path.join(tmp, 'no-such-file.txt');
    const m = cli(['--format', 'sarif', PASTED_FILE, missing]);
    const log = JSON.parse(m.stdout);
    assertValid(log);
    assert.equal(m.code, 2);
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    assert.match(inv.toolExecutionNotifications[0].message.text, /no-such-file/);
    assert.ok(log.runs[0].results.length > 0, 'the readable file is still reported');

    const s = spawnSync(process.execPath, [CLI, '--format', 'sarif', '-'], { input: fs.readFileSync(PASTED_FILE, 'utf8'), encoding: 'utf8', cwd: ROOT });
    const stdinLog = JSON.parse(s.stdout);
    assertValid(stdinLog);
    assert.equal(stdinLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'stdin');
  });

  test('messages and rule descriptions follow --locale', () => {
    const zh = JSON.parse(cli(['--format', 'sarif', '--locale', 'zh', PASTED_FILE]).stdout);
    assertValid(zh);
    assert.match(zh.runs[0].results[0].message.text, /[\u4e00-\u9fff]/);
    assert.match(zh.runs[0].tool.driver.rules[0].shortDescription.text, /[\u4e00-\u9fff]/);
  });
});

describe('--format github', { concurrency: 4 }, () => {
  const LINE = /^::(error|warning|notice) file=([^,]+),line=(\d+)(?:,col=(\d+))?,endLine=(\d+)(?:,endColumn=(\d+))?,title=([^:]+)::(.+)$/;

  test('one workflow command per finding, at the positions --format json gives', () => {
    const json = jsonOf([PASTED_FILE])[0].diagnostics;
    const r = cli(['--format', 'github', PASTED_FILE]);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, json.length);
    lines.forEach((l, i) => {
      const m = LINE.exec(l);
      assert.ok(m, `not a workflow command: ${l}`);
      const d = json[i];
      assert.equal(m[1], { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[d.severity]);
      assert.equal(decodeURIComponent(m[2]), PASTED_FILE);
      assert.equal(Number(m[3]), d.line);
      assert.equal(Number(m[5]), d.endLine);
      if (d.line === d.endLine) {
        assert.equal(Number(m[4]), d.column);
        assert.equal(Number(m[6]), Math.max(d.column, d.endColumn - 1)); // GitHub's end column is inclusive
      } else {
        assert.equal(m[4], undefined, 'no columns on a multi-line annotation');
      }
      assert.equal(m[7], escapeProperty(d.rule));
      assert.equal(m[8], escapeData(d.message));
    });
  });

  test('escaping: newlines and % in messages, : and , in file names', () => {
    assert.equal(escapeData('50%\r\nnext'), '50%25%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
    const odd = path.join(tmp, 'a,b:c.report');
    fs.copyFileSync(PASTED_FILE, odd);
    const line = cli(['--format', 'github', odd]).stdout.split('\n')[0];
    assert.ok(line.includes(`file=${escapeProperty(odd)},line=`), line);
    const missing = cli(['--format', 'github', path.join(tmp, 'nope.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /^::error file=.*nope\.txt,title=workreport::.*nope\.txt: cannot read: no such file/);
  });
});

test('output piped into a reader that stops early (| head -1) ends quietly, no EPIPE crash', () => {
  const q = (x: string) => `'${x.replace(/'/g, `'\\''`)}'`;
  const r = spawnSync('sh', ['-c', `${q(process.execPath)} ${q(CLI)} --format github ${q(PASTED_FILE)} | head -1`], { encoding: 'utf8', timeout: 30_000 });
  assert.match(r.stdout, /^::/);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
});

describe('--max-warnings', { concurrency: 4 }, () => {
  const warnings = () => jsonOf([...only({ [PINYIN]: 'warning' }), PASTED_FILE])[0].diagnostics.length;

  test('passes at exactly n warnings, fails above n (like ESLint)', () => {
    const n = warnings();
    assert.ok(n > 1);
    assert.equal(cli([...only({ [PINYIN]: 'warning' }), '--max-warnings', String(n), PASTED_FILE]).code, 0);
    assert.equal(cli([...only({ [PINYIN]: 'warning' }), `--max-warnings=${n - 1}`, PASTED_FILE]).code, 1);
    // Without the flag, warnings alone never fail the run.
    assert.equal(cli([...only({ [PINYIN]: 'warning' }), PASTED_FILE]).code, 0);
  });

  test('only warnings count; errors fail regardless', () => {
    assert.equal(cli([...only({ [PINYIN]: 'information' }), '--max-warnings', '0', PASTED_FILE]).code, 0);
    assert.equal(cli([...only({ [PINYIN]: 'hint' }), '--max-warnings', '0', PASTED_FILE]).code, 0);
    assert.equal(cli([...only({ [PINYIN]: 'error' }), '--max-warnings', '100000', PASTED_FILE]).code, 1);
  });

  test('counts over all files', () => {
    const n = warnings();
    // A second copy: the same path given twice is checked once.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-maxw-'));
    const copy = path.join(dir, 'copy.txt');
    fs.copyFileSync(PASTED_FILE, copy);
    try {
      assert.equal(cli([...only({ [PINYIN]: 'warning' }), '--max-warnings', String(2 * n - 1), PASTED_FILE, copy]).code, 1);
      assert.equal(cli([...only({ [PINYIN]: 'warning' }), '--max-warnings', String(2 * n), PASTED_FILE, copy]).code, 0);
      assert.equal(cli([...only({ [PINYIN]: 'warning' }), '--max-warnings', String(n), PASTED_FILE, PASTED_FILE]).code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bad value is a usage error', () => {
    for (const v of ['-1', 'abc', '1.5', '']) {
      const r = cli(['--max-warnings', v, PASTED_FILE]);
      assert.equal(r.code, 2, `--max-warnings ${JSON.stringify(v)}`);
      assert.match(r.stderr, /max-warnings/);
    }
    assert.equal(cli(['--max-warnings']).code, 2);
  });
});

// CLI tests: run `node dist/cli.js` as a user would and check its output, files and exit codes
// (SPEC §7). Expected annotation positions are computed here with an independent regex.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../paths';
import { PASTED_FILE, pasted } from '../reports/pasted';
import { CLI, cli, type JsonDiagnostic, type Run } from './run-cli';

/** How many pinyin annotations the pasted report has (an independent regex count must agree). */
const EXPECTED_ANNOTATIONS = pasted().annotations;

const SAMPLE = path.join(ROOT, 'samples', '示例-经验材料.report.txt');
const RULE = 'text/pinyin-annotation';
const reportText = fs.readFileSync(PASTED_FILE, 'utf8');
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const withoutAnnotations = reportText.replace(ANNOTATION, '');


interface JsonOutput {
  version: number;
  files: { path: string; diagnostics: JsonDiagnostic[]; error?: string }[];
}

function json(r: Run): JsonOutput {
  // Exactly one JSON object on stdout: JSON.parse rejects anything after it.
  return JSON.parse(r.stdout) as JsonOutput;
}

/** 1-based line and UTF-16 column of an offset, computed without the core. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - (nl + 1) + 1 };
}

/** The exit code SPEC §7 asks for, given the findings. */
function expectedCode(out: JsonOutput): number {
  return out.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pastedCopy(name: string): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, reportText);
  return p;
}

describe('workreport CLI', { concurrency: 4 }, () => {
  test('with no path it checks the bundled sample', () => {
    assert.ok(fs.existsSync(SAMPLE), 'the sample ships in samples/');
    const r = cli(['--format', 'json']);
    const out = json(r);
    assert.equal(out.files.length, 1);
    assert.equal(path.resolve(out.files[0].path), SAMPLE);
    assert.equal(r.code, expectedCode(out));
    // The same findings as naming the sample explicitly.
    assert.deepEqual(json(cli(['--format', 'json', SAMPLE])).files[0].diagnostics, out.files[0].diagnostics);
    // The sample's planted list/count error (3 stations, 2 named), once that rule exists.
    if (RULES.some((x) => x.id === 'figures/list-count')) {
      assert.ok(out.files[0].diagnostics.some((d) => d.rule === 'figures/list-count'), 'figures/list-count on the sample');
    }
    // `check` as the first word is accepted too (the documented `workreport check`).
    const compact = cli(['check', '--format', 'compact']);
    assert.equal(compact.code, r.code);
    for (const line of compact.stdout.split('\n').filter(Boolean)) {
      assert.match(line, /^.+:\d+:\d+ (error|warning|information|hint) [a-z]+\/[a-z0-9-]+ .+$/);
    }
    assert.equal(compact.stdout.split('\n').filter(Boolean).length, out.files[0].diagnostics.length);
    // The default text format has the same lines, each followed by its source excerpt.
    const text = cli(['check']);
    assert.equal(text.code, r.code);
    const headers = text.stdout.split('\n').filter((l) => l.startsWith(SAMPLE));
    assert.deepEqual(headers, compact.stdout.split('\n').filter(Boolean));
  });

  test('--format json on the pasted report: one object per SPEC §7, all annotations, no missing section', () => {
    const r = cli(['--format', 'json', PASTED_FILE]);
    const out = json(r);
    assert.equal(out.version, 1);
    assert.equal(out.files.length, 1);
    assert.equal(out.files[0].path, PASTED_FILE);
    const diags = out.files[0].diagnostics;
    for (const d of diags) {
      assert.deepEqual(Object.keys(d).sort(), ['column', 'endColumn', 'endLine', 'fixable', 'line', 'message', 'rule', 'severity']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.ok(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1);
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column));
      assert.equal(typeof d.message, 'string');
      assert.equal(typeof d.fixable, 'boolean');
    }
    const ours = diags.filter((d) => d.rule === RULE);
    assert.equal(ours.length, EXPECTED_ANNOTATIONS);
    assert.equal(diags.filter((d) => d.rule === 'outline/missing-section').length, 0);
    // Positions: 1-based lines, 1-based UTF-16 columns, end exclusive.
    const expected = [...reportText.matchAll(ANNOTATION)].map((m) => {
      const s = lineCol(reportText, m.index!);
      const e = lineCol(reportText, m.index! + m[0].length);
      return `${s.line}:${s.column}-${e.line}:${e.column}`;
    });
    const got = ours.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
    assert.deepEqual(got.sort(), expected.sort());
    assert.ok(ours.every((d) => d.fixable));
    assert.equal(r.code, expectedCode(out));
    assert.equal(r.stderr, '');
  });

  test('--fix with only the annotation rule removes exactly the all annotations; a second --fix changes nothing', () => {
    const p = pastedCopy('pasted-only-pinyin.txt');
    const others = RULES.filter((x) => x.id !== RULE).flatMap((x) => ['--rule', `${x.id}=off`]);
    const r1 = cli(['--fix', '--format', 'json', ...others, p]);
    assert.equal(fs.readFileSync(p, 'utf8'), withoutAnnotations);
    assert.equal(json(r1).files[0].diagnostics.filter((d) => d.rule === RULE).length, 0);
    const r2 = cli(['--fix', '--format', 'json', ...others, p]);
    assert.equal(fs.readFileSync(p, 'utf8'), withoutAnnotations);
    assert.equal(r2.code, expectedCode(json(r2)));
  });

  test('--fix with every rule removes all annotations and reaches a fixed point', () => {
    const p = pastedCopy('pasted-all.txt');
    const r1 = cli(['--fix', '--format', 'json', p]);
    const once = fs.readFileSync(p, 'utf8');
    assert.equal([...once.matchAll(ANNOTATION)].length, 0);
    const left = json(r1).files[0].diagnostics;
    assert.equal(left.filter((d) => d.rule === RULE).length, 0);
    cli(['--fix', p]);
    assert.equal(fs.readFileSync(p, 'utf8'), once, 'fixing twice gives the same text as fixing once');
    // Fixes only remove or replace characters locally: no text is lost wholesale.
    assert.ok(once.length >= withoutAnnotations.length * 0.9);
  });

  test('exit code 2: unknown option, missing option value, bad --locale, unreadable path', () => {
    for (const args of [['--bogus'], ['--format'], ['--format', 'yaml'], ['--locale', 'fr'], ['--rule', 'x']]) {
      const r = cli(args);
      assert.equal(r.code, 2, `exit code for ${args.join(' ')}`);
      assert.match(r.stderr, /^workreport: .+\nsee workreport --help\n$/);
      assert.equal(r.stdout, '');
    }
    const missing = path.join(tmp, 'does-not-exist.report');
    const r = cli(['--format', 'json', missing]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `workreport: ${missing}: cannot read: no such file (ENOENT)\n`);
    assert.equal(json(r).files[0].path, missing);
  });

  test('exit code 0 on a clean report, 1 with an error-level finding', () => {
    const clean = path.join(tmp, 'clean.report');
    fs.writeFileSync(clean, '一、主要做法\n\n我们做了很多工作。\n\n二、工作成效\n\n成效显著。\n\n三、几点体会\n\n体会深刻。\n');
    const r = cli(['--format', 'json', clean]);
    assert.equal(json(r).files[0].diagnostics.filter((d) => d.severity === 'error').length, 0);
    assert.equal(r.code, 0);
    // Raising a rule to error makes its findings fail the run.
    const e = cli(['--format', 'json', '--rule', `${RULE}=error`, PASTED_FILE]);
    assert.ok(json(e).files[0].diagnostics.some((d) => d.rule === RULE && d.severity === 'error'));
    assert.equal(e.code, 1);
    // --max-warnings 0 fails on warnings.
    const w = cli(['--format', 'json', '--rule', `${RULE}=warning`, '--max-warnings', '0', PASTED_FILE]);
    assert.equal(w.code, 1);
  });

  test('--locale zh / en switch the message language; LANG is the default', () => {
    const zh = json(cli(['--format', 'json', '--locale', 'zh', PASTED_FILE])).files[0].diagnostics.find((d) => d.rule === RULE)!;
    const en = json(cli(['--format', 'json', '--locale', 'en', PASTED_FILE])).files[0].diagnostics.find((d) => d.rule === RULE)!;
    assert.match(zh.message, /[\u4e00-\u9fff]/);
    assert.notEqual(zh.message, en.message);
    const fromLang = json(cli(['--format', 'json', PASTED_FILE], { env: { LANG: 'zh_CN.UTF-8' } })).files[0].diagnostics.find((d) => d.rule === RULE)!;
    assert.equal(fromLang.message, zh.message);
  });

  test('text format: path:line:col severity rule message; --help and --version', () => {
    const r = cli(['--locale', 'en', PASTED_FILE]);
    const lines = r.stdout.split('\n').filter(Boolean);
    const ours = lines.filter((l) => l.includes(` ${RULE} `));
    assert.equal(ours.length, EXPECTED_ANNOTATIONS);
    assert.ok(ours.every((l) => l.startsWith(`${PASTED_FILE}:`)));
    const m = /^(.+):(\d+):(\d+) (\w+) (\S+) (.+)$/.exec(ours[0]);
    assert.ok(m, ours[0]);
    assert.equal(m[5], RULE);
    const help = cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: workreport/);
    const version = cli(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('reads stdin with "-"', () => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '-'], { input: '當(dāng)前位置\n', encoding: 'utf8', timeout: 30_000 });
    assert.ok([0, 1].includes(r.status!), r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].path, '-');
  });
});

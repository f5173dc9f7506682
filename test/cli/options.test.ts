// The CLI as a person uses it, run as a subprocess: the text format (source excerpts with
// CJK-width underlines, summary), colour by environment, --quiet, --fix reports, stdin,
// folders with .gitignore, quoted globs, usage errors, operating-system errors, the
// locale. Every text here is written for these tests.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { docx, p as paragraph } from '../docx/build-docx';
import { CLI, cli, type JsonDiagnostic } from './run-cli';

/** One error (6 named people, 5 names), a fixable estimate, a fixable half-width full stop. */
const REPORT = [
  '一、主要做法',
  '',
  '全年新发展党员6人，分别是周敏、吴刚、郑洁、孙磊、钱晨。各支部开展主题活动3、4次，工作取得成效.',
  '',
  '二、工作成效',
  '',
  '群众满意度由上年的百分之九十提高到百分之九十五，共收到表扬信12封。',
  '',
  '三、几点体会',
  '',
  '只有坚持问题导向，才能把工作做实。',
  '',
].join('\n');
/** Nothing to say about it. */
const CLEAN = '一、主要做法\n\n我们坚持每周走访，全年走访群众120户。\n\n二、工作成效\n\n办结群众诉求86件。\n\n三、几点体会\n\n坚持问题导向。\n';
/** Only warnings (a half-width comma and full stop between Chinese characters). */
const WARNINGS_ONLY = '一、主要做法\n\n我们坚持每周走访,全年走访群众120户.\n\n二、工作成效\n\n办结群众诉求86件。\n\n三、几点体会\n\n坚持问题导向。\n';

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-cli-options-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes files under a new folder of tmp: { 'a/b.txt': text }. */
function tree(name: string, files: Record<string, string | Uint8Array>): string {
  const root = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

function jsonFiles(stdout: string): { path: string; diagnostics: JsonDiagnostic[]; error?: string }[] {
  return JSON.parse(stdout).files;
}

/** Terminal columns of a string, computed here without the CLI's code (the characters used in these tests). */
function columns(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const wide = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x1f300 && cp <= 0x1faff);
    w += wide ? 2 : 1;
  }
  return w;
}

const ESC = '\u001b[';

describe('text format', { concurrency: 4 }, () => {
  test('each finding: the compact line, its source line, the span underlined at the right column; then a summary', () => {
    const file = path.join(tree('text', { 'r.txt': REPORT }), 'r.txt');
    const r = cli(['--locale', 'en', file], { env: { COLUMNS: '200' } });
    assert.equal(r.code, 1);
    const compact = cli(['--locale', 'en', '--format', 'compact', file]).stdout.trim().split('\n');
    const lines = r.stdout.split('\n');
    // The compact lines, in the same order, are the headers of the text format.
    assert.deepEqual(lines.filter((l) => l.startsWith(file)), compact);
    // The half-width full stop: the caret sits under the "." however wide the Chinese before it is.
    const at = lines.findIndex((l) => l.includes(' punct/halfwidth '));
    const [source, underline, fix] = lines.slice(at + 1, at + 4);
    const sourceText = REPORT.split('\n')[2];
    assert.equal(source, `  3 | ${sourceText}`);
    const caret = underline.indexOf('^');
    assert.equal(caret - '  3 | '.length, columns(sourceText.slice(0, sourceText.lastIndexOf('.'))));
    assert.equal(underline.trimEnd().length, caret + 1, 'one caret for one half-width character');
    assert.match(fix, /^ {4}= fix \(--fix\): Write “。”$/);
    // The named-count error marks the sentence with ^ and the count and names with -.
    const err = lines.findIndex((l) => l.includes(' figures/named-count '));
    assert.match(lines[err], /:3:1 error figures\/named-count .*5 ≠ 6/);
    const marks = lines[err + 2].slice('  3 | '.length);
    const countAt = columns(sourceText.slice(0, sourceText.indexOf('6人')));
    assert.equal(marks.slice(0, countAt), '^'.repeat(countAt));
    assert.equal(marks.slice(countAt, countAt + 3), '---', '6人 is 3 columns');
    // Summary: counts by severity and what --fix would do.
    assert.equal(lines[lines.length - 1], '');
    assert.match(lines[lines.length - 2], /^✖ \d+ problems \(1 error, \d+ warnings?.*\); 2 fixable with --fix$/);
  });

  test('Chinese output: severities and summary in Chinese; compact keeps English severities', () => {
    const file = path.join(tree('zh', { 'r.txt': REPORT }), 'r.txt');
    const zh = cli(['--locale', 'zh', file]);
    assert.match(zh.stdout, /:3:1 错误 figures\/named-count /);
    assert.match(zh.stdout, /:3:\d+ 警告 punct\/halfwidth /);
    assert.match(zh.stdout, /= 修复（--fix）：改为“。”/);
    assert.match(zh.stdout, /✖ 共 \d+ 个问题（1 个错误，\d+ 个警告.*）；其中 2 个可用 --fix 自动修复\n$/);
    const compact = cli(['--locale', 'zh', '--format', 'compact', file]);
    assert.match(compact.stdout, /:3:1 error figures\/named-count 列出姓名5人/);
    assert.doesNotMatch(compact.stdout, /错误 |✖/);
  });

  test('astral characters and wide emoji take two columns; tabs four; invisible characters get a visible mark', () => {
    // 𠀀 (U+20000, outside the BMP) and 😀 are two columns, as the terminal draws them.
    const line = '\t𠀀😀项目推进,\u200b完成';
    const file = path.join(tree('astral', { 'r.txt': `一、主要做法\n\n${line}\n` }), 'r.txt');
    const r = cli(['--locale', 'en', '--rule', 'outline/missing-section=off', file]);
    const out = r.stdout.split('\n');
    const comma = out.findIndex((l) => l.includes(' punct/halfwidth '));
    assert.ok(comma >= 0, r.stdout);
    assert.equal(out[comma + 1], '  3 |     𠀀😀项目推进,␣完成');
    const caret = out[comma + 2].indexOf('^') - '  3 | '.length;
    assert.equal(caret, 4 + columns('𠀀😀项目推进'));
    // The zero-width space (a stray-space finding) is drawn as ␣ and underlined.
    const zw = out.findIndex((l) => l.includes(' text/stray-space '));
    assert.ok(zw >= 0, r.stdout);
    assert.equal(out[zw + 2].indexOf('^') - '  3 | '.length, 4 + columns('𠀀😀项目推进,'));
  });

  test('a long paragraph is cut to the terminal width around the span, with … at each cut', () => {
    const before = '各部门认真落实工作要求'.repeat(12);
    const after = '持续巩固提升整改成果'.repeat(12);
    const paragraph = `${before}，全年开展督查3、4次，${after}。`;
    const file = path.join(tree('long', { 'r.txt': `一、主要做法\n\n${paragraph}\n` }), 'r.txt');
    for (const width of [40, 60, 100]) {
      const r = cli(['--locale', 'en', '--rule', 'outline/missing-section=off', file], { env: { COLUMNS: String(width) } });
      const out = r.stdout.split('\n');
      const at = out.findIndex((l) => l.includes(' numbers/approximate '));
      const [source, underline] = [out[at + 1], out[at + 2]];
      assert.ok(columns(source) <= width, `${columns(source)} > ${width}: ${source}`);
      assert.match(source, /^ {2}3 \| …各?.*…$/u);
      // The caret run is under "3、4" exactly.
      const from = underline.indexOf('^');
      const shown = source.slice('  3 | '.length);
      const cut = shown.slice(0, Array.from(shown).length);
      assert.equal(columns(cut.slice(0, cut.indexOf('3、4'))), from - '  3 | '.length);
      assert.equal(underline.trimEnd().length - from, columns('3、4'));
    }
  });

  test('no problems: one line that says so; several files: "in k of n files"', () => {
    const root = tree('clean', { 'a.txt': CLEAN, 'b.txt': CLEAN, 'c.txt': WARNINGS_ONLY });
    const ok = cli(['--locale', 'en', path.join(root, 'a.txt'), path.join(root, 'b.txt')]);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, '✔ 2 files checked, no problems\n');
    assert.equal(cli(['--locale', 'zh', path.join(root, 'a.txt')]).stdout, '✔ 已检查 1 个文件，未发现问题\n');
    const some = cli(['--locale', 'en', root]);
    assert.equal(some.code, 0, 'warnings alone exit 0');
    assert.match(some.stdout, /✖ 2 problems \(2 warnings\) in 1 of 3 files; 2 fixable with --fix\n$/);
  });
});

describe('colour', { concurrency: 4 }, () => {
  const file = () => path.join(tree('colour', { 'r.txt': REPORT }), 'r.txt');
  const cases: [string, Record<string, string>, string[], boolean][] = [
    ['not a terminal', {}, [], false],
    ['FORCE_COLOR=1', { FORCE_COLOR: '1' }, [], true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, [], false],
    ['NO_COLOR wins over FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, [], false],
    ['--color', {}, ['--color'], true],
    ['--no-color wins over FORCE_COLOR', { FORCE_COLOR: '1' }, ['--no-color'], false],
    ['--color wins over NO_COLOR', { NO_COLOR: '1' }, ['--color'], true],
  ];
  for (const [name, env, flags, expected] of cases) {
    test(name, () => {
      const r = cli([...flags, file()], { env });
      assert.equal(r.stdout.includes(ESC), expected);
      if (expected) assert.ok(r.stdout.includes(`${ESC}31m`), 'errors in red');
    });
  }
  test('machine formats never carry colour', () => {
    for (const format of ['json', 'sarif', 'github', 'compact']) {
      assert.ok(!cli(['--format', format, file()], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC), format);
    }
  });
});

/** Runs the CLI in a pseudo-terminal (util-linux `script`), so that stdout and stderr are TTYs. */
function inTerminal(args: string[], env: Record<string, string> = {}): string | undefined {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color', ...env },
  });
  return r.stdout;
}

describe('on a terminal', () => {
  test('colour by default, none with NO_COLOR; progress on stderr for many files, erased at the end', (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`r${String(i).padStart(2, '0')}.txt`] = CLEAN;
    const root = tree('tty', files);
    const out = inTerminal(['--locale', 'en', root]);
    if (out === undefined) return t.skip('no `script` command (util-linux) to make a terminal');
    assert.match(out, /checking 12\/12 /);
    assert.ok(out.includes('\r\u001b[K'), 'the progress line is erased');
    assert.ok(out.includes(`${ESC}32m✔ 12 files checked, no problems`), 'green summary');
    const plain = inTerminal(['--locale', 'en', path.join(root, 'r00.txt')], { NO_COLOR: '1' })!;
    assert.ok(!plain.includes(ESC), JSON.stringify(plain));
    assert.match(plain, /✔ 1 file checked, no problems/);
  });
});

describe('--quiet and --fix', { concurrency: 4 }, () => {
  test('--quiet shows errors only and says what it hid; the exit code still counts everything', () => {
    const file = path.join(tree('quiet', { 'r.txt': REPORT }), 'r.txt');
    const all = jsonFiles(cli(['--format', 'json', file]).stdout)[0].diagnostics;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    const r = cli(['--quiet', '--locale', 'en', file]);
    assert.equal(r.code, 1);
    const headers = r.stdout.split('\n').filter((l) => l.startsWith(file));
    assert.deepEqual(headers.map((l) => l.split(' ')[1]), ['error']);
    assert.match(r.stdout, new RegExp(`${warnings} warnings? not shown \\(--quiet\\)`));
    const json = jsonFiles(cli(['--quiet', '--format', 'json', file]).stdout)[0].diagnostics;
    assert.deepEqual(json, all.filter((d) => d.severity === 'error'));
    // Warnings only: nothing shown, exit 0, --max-warnings still counts them.
    const w = path.join(tree('quiet-w', { 'w.txt': WARNINGS_ONLY }), 'w.txt');
    assert.equal(cli(['-q', w]).code, 0);
    assert.equal(cli(['-q', '--max-warnings', '0', w]).code, 1);
  });

  test('--fix says per file what it fixed, per rule; the file holds the fixes; json stays one object', () => {
    const root = tree('fix', { 'a.txt': REPORT, 'b.txt': CLEAN });
    const r = cli(['--fix', '--locale', 'en', root]);
    assert.equal(r.code, 1, 'the named-count error is not fixable');
    const a = path.join(root, 'a.txt');
    assert.ok(r.stdout.includes(`${a}: fixed 2 problems: numbers/approximate 1, punct/halfwidth 1\n`), r.stdout);
    assert.ok(!r.stdout.includes(`${path.join(root, 'b.txt')}: fixed`));
    const fixed = fs.readFileSync(a, 'utf8');
    assert.equal(fixed, REPORT.replace('3、4次', '三四次').replace('成效.', '成效。'));
    assert.doesNotMatch(r.stdout, /fixable with --fix/);
    const zh = cli(['--fix', '--locale', 'zh', path.join(tree('fix-zh', { 'a.txt': REPORT }), 'a.txt')]);
    assert.match(zh.stdout, /: 已修复 2 处：numbers\/approximate 1，punct\/halfwidth 1\n/);
    const again = cli(['--fix', '--format', 'json', path.join(tree('fix-json', { 'a.txt': REPORT }), 'a.txt')]);
    assert.equal(jsonFiles(again.stdout).length, 1);
  });
});

describe('standard input', { concurrency: 4 }, () => {
  test('"-" reads standard input; with no path a pipe is read too', () => {
    for (const args of [['-'], []]) {
      const r = cli(['--format', 'json', ...args], { input: REPORT });
      const files = jsonFiles(r.stdout);
      assert.equal(files.length, 1);
      assert.equal(files[0].path, '-');
      assert.ok(files[0].diagnostics.some((d) => d.rule === 'figures/named-count'));
      assert.equal(r.code, 1);
    }
    const text = cli(['--locale', 'en', '-'], { input: REPORT });
    assert.match(text.stdout, /^<stdin>:3:1 error figures\/named-count /m);
    const named = cli(['--locale', 'en', '--stdin-filename', 'reports/x.report', '-'], { input: REPORT });
    assert.match(named.stdout, /^reports\/x\.report:3:1 error /m);
  });

  test('"--fix -" writes exactly the fixed text to stdout and the report to stderr', () => {
    const r = cli(['--fix', '--locale', 'en', '-'], { input: REPORT });
    assert.equal(r.stdout, REPORT.replace('3、4次', '三四次').replace('成效.', '成效。'));
    assert.match(r.stderr, /<stdin>: fixed 2 problems/);
    assert.match(r.stderr, /<stdin>:3:1 error figures\/named-count/);
    assert.equal(r.code, 1);
    const clean = cli(['--fix', '-'], { input: CLEAN });
    assert.equal(clean.stdout, CLEAN);
    assert.equal(clean.code, 0);
    const json = cli(['--fix', '--format', 'json', '-'], { input: REPORT });
    assert.equal(JSON.parse(json.stderr).files[0].path, '-');
  });

  test('standard input is decoded like a file: "--fix -" answers GBK with GBK, CRLF with CRLF', () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const r = spawnSync(process.execPath, [CLI, '--fix', '-'], { input: iconv.encode(crlf, 'gbk'), env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    assert.equal(r.status, 1);
    const expected = crlf.replace('3、4次', '三四次').replace('成效.', '成效。');
    assert.ok(Buffer.from(r.stdout).equals(iconv.encode(expected, 'gbk')), iconv.decode(Buffer.from(r.stdout), 'gbk'));
  });

  test('"-" twice, or "--fix -" with other paths, is a usage error', () => {
    const a = path.join(tree('stdin-usage', { 'a.txt': CLEAN }), 'a.txt');
    for (const args of [['-', '-'], ['--fix', '-', a]]) {
      const r = cli(['--locale', 'en', ...args], { input: CLEAN });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^workreport: .*(only once|cannot be combined)/);
      assert.equal(r.stdout, '');
    }
  });
});

describe('folders and globs', { concurrency: 4 }, () => {
  const layout = () =>
    tree(`walk-${Math.random().toString(36).slice(2)}`, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.bak.txt\n/out\n',
      'a.report': CLEAN,
      'b.txt': CLEAN,
      'c.md': CLEAN,
      'd.report.md': CLEAN,
      'skip.bak.txt': CLEAN,
      'picture.png': 'not a report',
      'notes.docx': docx({ body: paragraph('一、主要做法') + paragraph('我们坚持每周走访，全年走访群众120户。') }),
      '~$notes.docx': 'the lock file Word keeps while notes.docx is open',
      'drafts/e.txt': CLEAN,
      'out/f.txt': CLEAN,
      'sub/g.txt': CLEAN,
      'sub/out/h.txt': CLEAN,
      'sub/.gitignore': 'private.txt\n!keep.bak.txt\n',
      'sub/private.txt': CLEAN,
      'sub/keep.bak.txt': CLEAN,
      '.hidden/i.txt': CLEAN,
      'node_modules/pkg/readme.md': CLEAN,
    });
  const paths = (stdout: string, root: string, cwd = root) => jsonFiles(stdout).map((f) => path.relative(root, path.resolve(cwd, f.path)).split(path.sep).join('/'));

  test('a folder is searched for report files, minus .gitignore, hidden folders and node_modules', () => {
    const root = layout();
    const r = cli(['--format', 'json', root]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout, root), ['a.report', 'b.txt', 'c.md', 'd.report.md', 'notes.docx', 'sub/g.txt', 'sub/keep.bak.txt', 'sub/out/h.txt']);
    // Relative folder names give relative paths.
    const rel = cli(['--format', 'json', 'sub'], { cwd: root });
    assert.deepEqual(jsonFiles(rel.stdout).map((f) => f.path), [path.join('sub', 'g.txt'), path.join('sub', 'keep.bak.txt'), path.join('sub', 'out', 'h.txt')]);
    // A file named on the command line is checked even when ignored.
    assert.deepEqual(paths(cli(['--format', 'json', path.join(root, 'drafts', 'e.txt')]).stdout, root), ['drafts/e.txt']);
  });

  test('--fix on a folder fixes the text files and only checks the Word files in it (a named .docx with --fix is exit 2)', () => {
    const root = tree('fix-folder-docx', { 'a.txt': WARNINGS_ONLY, 'b.docx': docx({ body: paragraph('一、主要做法') + paragraph('我们坚持每周走访,全年走访群众120户。') }) });
    const r = cli(['--fix', '--format', 'json', '--locale', 'en', root]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^workreport: --fix does not rewrite \.docx files .*b\.docx\n$/);
    const [a, b] = jsonFiles(r.stdout);
    assert.equal(a.diagnostics.filter((d) => d.rule === 'punct/halfwidth').length, 0, 'the text file was fixed');
    assert.equal(b.diagnostics.filter((d) => d.rule === 'punct/halfwidth').length, 1, 'the Word file was checked, not changed');
    assert.equal(cli(['--fix', path.join(root, 'b.docx')]).code, 2);
  });

  test('outside a repository, the searched folder\'s own .gitignore applies', () => {
    const root = tree('no-repo', { '.gitignore': 'old/\n', 'x.txt': CLEAN, 'old/y.txt': CLEAN });
    assert.deepEqual(paths(cli(['--format', 'json', root]).stdout, root), ['x.txt']);
  });

  test('quoted globs are expanded (for shells that do not), ignored files left out; no match is exit 2', () => {
    const root = layout();
    const r = cli(['--format', 'json', '**/*.txt'], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout, root), ['b.txt', 'sub/g.txt', 'sub/keep.bak.txt', 'sub/out/h.txt']);
    assert.deepEqual(paths(cli(['--format', 'json', `${root}/*.{report,md}`]).stdout, root), ['a.report', 'c.md', 'd.report.md']);
    assert.deepEqual(paths(cli(['--format', 'json', '../*/g.txt'], { cwd: path.join(root, 'drafts') }).stdout, root, path.join(root, 'drafts')), ['sub/g.txt']);
    const none = cli(['--locale', 'en', '*.nothing'], { cwd: root });
    assert.equal(none.code, 2);
    assert.equal(none.stderr, 'workreport: no files match "*.nothing"\n');
    const zh = cli(['--locale', 'zh', '*.nothing'], { cwd: root });
    assert.equal(zh.stderr, 'workreport: 没有与“*.nothing”匹配的文件\n');
  });

  test('a file whose name looks like a glob is read as named; a folder without reports is exit 2', () => {
    const root = tree('brackets', { '报告[1].txt': CLEAN, '报告1.txt': WARNINGS_ONLY, 'empty/readme.pdf': 'x' });
    const r = cli(['--format', 'json', '报告[1].txt'], { cwd: root });
    assert.deepEqual(jsonFiles(r.stdout).map((f) => f.path), ['报告[1].txt']);
    const empty = cli(['--locale', 'en', 'empty'], { cwd: root });
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, 'workreport: no report files (.report .txt .md .docx) in "empty"\n');
  });

  test('the same file named twice is checked once', () => {
    const root = tree('twice', { 'a.txt': CLEAN });
    const r = cli(['--format', 'json', 'a.txt', path.join(root, 'a.txt'), '.'], { cwd: root });
    assert.deepEqual(jsonFiles(r.stdout).map((f) => f.path), ['a.txt']);
  });
});

describe('configuration: --config, the nearest .workreportrc.json, --rule, --template', { concurrency: 4 }, () => {
  const halfwidth = (stdout: string) => jsonFiles(stdout).flatMap((f) => f.diagnostics.filter((d) => d.rule === 'punct/halfwidth').map((d) => d.severity));

  test('the nearest config file applies per file; --config replaces it; --rule wins over both; stdin uses --stdin-filename\'s folder', () => {
    const root = tree('rc', {
      '.workreportrc.json': '{"rules":{"punct/halfwidth":"off"}}',
      'r.txt': WARNINGS_ONLY,
      'strict/.workreportrc.json': '{"rules":{"punct/halfwidth":"error"}}',
      'strict/r.txt': WARNINGS_ONLY,
    });
    const run = (args: string[], input?: string) => cli(['--format', 'json', ...args], { cwd: root, ...(input !== undefined ? { input } : {}) });
    assert.deepEqual(halfwidth(run(['r.txt']).stdout), []);
    const strict = run(['strict/r.txt']);
    assert.deepEqual(halfwidth(strict.stdout), ['error', 'error']);
    assert.equal(strict.code, 1);
    assert.deepEqual(halfwidth(run(['--config', '.workreportrc.json', 'strict/r.txt']).stdout), []);
    assert.deepEqual(halfwidth(run(['-c', 'strict/.workreportrc.json', 'r.txt']).stdout), ['error', 'error']);
    assert.deepEqual(halfwidth(run(['--rule', 'punct/halfwidth=warning', 'strict/r.txt']).stdout), ['warning', 'warning']);
    assert.deepEqual(halfwidth(run(['-'], WARNINGS_ONLY).stdout), []);
    assert.deepEqual(halfwidth(run(['--stdin-filename', 'strict/pasted.txt', '-'], WARNINGS_ONLY).stdout), ['error', 'error']);
  });

  test('--template: the outline is read against the template named', () => {
    const file = path.join(tree('template', { 'r.txt': '一、主要做法\n\n我们坚持每周走访，全年走访群众120户。\n' }), 'r.txt');
    const outline = (template: string) =>
      jsonFiles(cli(['--format', 'json', '--locale', 'en', '--template', template, file]).stdout)[0].diagnostics.filter((d) => d.rule === 'outline/missing-section');
    const experience = outline('经验材料');
    assert.ok(experience.length >= 1);
    assert.ok(experience.every((d) => d.message.includes('经验材料')), JSON.stringify(experience));
    assert.ok(outline('述职报告').every((d) => !d.message.includes('经验材料')));
  });
});

describe('usage errors (exit 2, one line, in the user\'s language)', { concurrency: 4 }, () => {
  const cases: [string[], RegExp][] = [
    [['--fixx'], /^workreport: unknown option --fixx \(did you mean --fix\?\)$/],
    [['--bogus'], /^workreport: unknown option --bogus$/],
    [['-z'], /^workreport: unknown option -z$/],
    [['--fix=yes'], /^workreport: option --fix takes no value$/],
    [['--format'], /^workreport: option --format needs a value$/],
    [['--format', '--fix'], /^workreport: option --format needs a value$/],
    [['--format', 'yaml'], /^workreport: unknown format "yaml" \(text, compact, json, sarif, github\)$/],
    [['--locale', 'fr'], /^workreport: --locale takes zh or en$/],
    [['--rule', 'punct/halfwidth'], /^workreport: --rule takes id=/],
    [['--max-warnings', '-1'], /^workreport: --max-warnings takes a whole number/],
    [['--fix'], /^workreport: --fix needs the files to fix/],
  ];
  for (const [args, message] of cases) {
    test(args.join(' '), () => {
      const r = cli(args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      const [first, second, rest] = r.stderr.split('\n');
      assert.match(first, message);
      assert.equal(second, 'see workreport --help');
      assert.equal(rest, '');
    });
  }
  test('in Chinese when the environment is Chinese; --help too', () => {
    const r = cli(['--fixx'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.stderr, 'workreport: 未知选项 --fixx，是否要用 --fix？\n用法见 workreport --help\n');
    const help = cli(['-h'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：workreport check/);
    assert.match(cli(['--help']).stdout, /^Usage: workreport check/);
  });
  test('options after paths and "--" before a path that starts with "-"', () => {
    const root = tree('dashdash', { '-odd.txt': CLEAN, 'a.txt': WARNINGS_ONLY });
    const r = cli(['a.txt', '--format', 'json', '--', '-odd.txt'], { cwd: root });
    assert.deepEqual(jsonFiles(r.stdout).map((f) => f.path), ['a.txt', '-odd.txt']);
  });
});

/** A preload that makes one fs call fail with an errno code, as a full disk or a read-only mount would. */
function failing(code: string, op: 'read' | 'write'): string {
  const stub = path.join(tmp, `fail-${op}-${code}.js`);
  const writes = ['writeFileSync', 'openSync', 'renameSync', 'copyFileSync', 'writeSync'];
  fs.writeFileSync(
    stub,
    `const fs = require('fs');
const fail = (name) => { const e = new Error(${JSON.stringify(code)} + ': stubbed, ' + name); e.code = ${JSON.stringify(code)}; e.syscall = name; throw e; };
const report = (p) => typeof p === 'string' && /\\.txt$/.test(p) && !p.includes('fail-');
${
  op === 'read'
    ? `const read = fs.readFileSync; fs.readFileSync = function (p, ...a) { if (report(p)) fail('open'); return read.call(this, p, ...a); };`
    : `for (const name of ${JSON.stringify(writes)}) { const orig = fs[name]; fs[name] = function (p, ...a) {
  const flags = name === 'openSync' ? String(a[0] ?? 'r') : 'w';
  if ((report(p) || (typeof p === 'string' && /tmp$/.test(p))) && /[wa+]/.test(flags)) fail(name);
  return orig.call(this, p, ...a); }; }`
}
`,
  );
  return stub;
}

describe('operating-system errors: one line in the user\'s language, exit 2, no stack trace', { concurrency: 4 }, () => {
  const reasons: [string, 'read' | 'write', string, string][] = [
    ['EACCES', 'read', 'permission denied', '没有权限'],
    ['EISDIR', 'read', 'it is a folder, not a file', '这是一个文件夹，不是文件'],
    ['EACCES', 'write', 'permission denied', '没有权限'],
    ['EROFS', 'write', 'read-only file system', '文件系统是只读的'],
    ['ENOSPC', 'write', 'no space left on the disk', '磁盘空间不足'],
  ];
  for (const [code, op, en, zh] of reasons) {
    test(`${code} on ${op}`, () => {
      const file = path.join(tree(`os-${code}-${op}`, { 'r.txt': REPORT }), 'r.txt');
      const nodeArgs = ['--require', failing(code, op)];
      const args = op === 'write' ? ['--fix', file] : [file];
      const r = cli(['--locale', 'en', ...args], { nodeArgs });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `workreport: ${file}: cannot ${op}: ${en} (${code})\n`);
      const rz = cli(['--locale', 'zh', ...args], { nodeArgs });
      assert.equal(rz.stderr, `workreport: ${file}：无法${op === 'read' ? '读取' : '写入'}：${zh} (${code})\n`);
      assert.equal(fs.readFileSync(file, 'utf8'), REPORT, 'the file is unchanged');
      if (op === 'write') {
        // The findings of the text as it stands are still reported, and the JSON says what failed.
        assert.match(r.stdout, /figures\/named-count/);
        const j = jsonFiles(cli(['--format', 'json', '--locale', 'en', ...args], { nodeArgs }).stdout)[0];
        assert.equal(j.error, `${file}: cannot write: ${en} (${code})`);
        assert.ok(j.diagnostics.length > 0);
        // CI formats: the failure and the findings both.
        const gh = cli(['--format', 'github', '--locale', 'en', ...args], { nodeArgs }).stdout;
        assert.match(gh, new RegExp(`^::error file=[^\\n]*title=workreport::[^\\n]*cannot write: ${en}`, 'm'));
        assert.match(gh, /^::error [^\n]*title=figures\/named-count::/m);
        const sarif = JSON.parse(cli(['--format', 'sarif', '--locale', 'en', ...args], { nodeArgs }).stdout).runs[0];
        assert.equal(sarif.invocations[0].toolExecutionNotifications[0].message.text, j.error);
        assert.ok(sarif.results.some((x: { ruleId: string }) => x.ruleId === 'figures/named-count'));
      } else {
        assert.equal(r.stdout, '', 'nothing was checked: no summary');
      }
    });
  }
  test('ENOENT: a missing file among others; the others are still checked', () => {
    const root = tree('enoent', { 'a.txt': CLEAN });
    const r = cli(['--locale', 'zh', 'a.txt', 'missing.txt'], { cwd: root });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'workreport: missing.txt：无法读取：文件不存在 (ENOENT)\n');
    assert.match(r.stdout, /✔ 已检查 1 个文件，未发现问题；1 个文件无法读取或写入\n$/);
  });
});

describe('locale', { concurrency: 4 }, () => {
  /** A preload standing in for an operating system whose language is `tag` (as Windows reports it to Intl, with no LANG). */
  const systemLocale = (tag: string) => {
    const stub = path.join(tmp, `intl-${tag}.js`);
    fs.writeFileSync(stub, `const r = Intl.DateTimeFormat.prototype.resolvedOptions;\nIntl.DateTimeFormat.prototype.resolvedOptions = function () { return { ...r.call(this), locale: ${JSON.stringify(tag)} }; };\n`);
    return ['--require', stub];
  };
  const noLang = { LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined };

  test('without LANG, the system language (Intl) decides', () => {
    const file = path.join(tree('locale', { 'r.txt': REPORT }), 'r.txt');
    const zh = cli([file], { env: noLang, nodeArgs: systemLocale('zh-CN') });
    assert.match(zh.stdout, / 错误 figures\/named-count 列出姓名5人/);
    const en = cli([file], { env: noLang, nodeArgs: systemLocale('en-US') });
    assert.match(en.stdout, / error figures\/named-count 5 people named/);
    // LANG, when set, wins over the system; --locale over both.
    assert.match(cli([file], { env: { LANG: 'en_US.UTF-8' }, nodeArgs: systemLocale('zh-CN') }).stdout, / error figures/);
    assert.match(cli(['--locale', 'zh', file], { env: { LANG: 'en_US.UTF-8' } }).stdout, / 错误 figures/);
    assert.match(cli([file], { env: { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } }).stdout, / 错误 figures/);
  });
});

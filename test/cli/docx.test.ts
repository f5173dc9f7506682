// The CLI on Word documents: `check report.docx` (positions: line = paragraph, in every output
// format), `--fix` refusing to touch a .docx, and `export` (docs/docx.md).
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../paths';
import { docx, p, numbered, GB_NUMBERING, readBack } from '../docx/build-docx';
import { cli, type JsonDiagnostic } from './run-cli';

const SAMPLE = path.join(ROOT, 'samples', '示例-经验材料.report.txt');
let dir: string;
let file: string;
// Paragraph 4 has the figure error, paragraph 6 (a table cell) the half-width comma, the
// footnote (read after the body: line 8) a half-width full stop.
const LINES = ['关于某县产业发展的报告', '一、主要做法', '（一）建强基地', '建成3个实训基地，分别是东坪基地、西坪基地。', '项目', '资金到位,进度正常。', '二、工作成效', '资料截至11月底.'];

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-docx-'));
  file = path.join(dir, '报告.docx');
  fs.writeFileSync(
    file,
    docx({
      body:
        p(LINES[0]) +
        numbered('主要做法', 1, 0) +
        numbered('建强基地', 1, 1) +
        `<w:p><w:r><w:t>${LINES[3]}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
        `<w:tbl><w:tr><w:tc>${p(LINES[4])}</w:tc><w:tc>${p(LINES[5])}</w:tc></w:tr></w:tbl>` +
        numbered('工作成效', 1, 0),
      numbering: GB_NUMBERING,
      footnotes: `<w:footnote w:id="1">${p(LINES[7])}</w:footnote>`,
    }),
  );
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function at(d: { line: number; column: number }, quote: string): boolean {
  return LINES[d.line - 1].indexOf(quote) + 1 >= d.column;
}

describe('workreport check report.docx', () => {
  test('JSON: each planted error at its paragraph, with the paragraph number and part', () => {
    const r = cli(['check', '--format', 'json', file]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { kind?: string; diagnostics: JsonDiagnostic[] }[] };
    assert.equal(out.files[0].kind, 'docx');
    const ds = out.files[0].diagnostics;
    const find = (rule: string, line: number) => ds.find((d) => d.rule === rule && d.line === line);
    const count = find('figures/list-count', 4)!;
    assert.ok(count && at(count, '3个'), JSON.stringify(ds));
    assert.deepEqual([count.paragraph, count.part], [4, 'body']);
    const comma = find('punct/halfwidth', 6)!;
    assert.equal(comma.column, LINES[5].indexOf(',') + 1);
    assert.deepEqual([comma.paragraph, comma.part], [6, 'table']);
    const stop = find('punct/halfwidth', 8)!;
    assert.equal(stop.column, LINES[7].indexOf('.') + 1);
    assert.deepEqual([stop.paragraph, stop.part], [8, 'footnote']);
    // Word's automatic numbering reads as typed: the outline is found, no numbering finding.
    assert.ok(!ds.some((d) => d.rule.startsWith('outline/numbering')), JSON.stringify(ds.map((d) => d.rule)));
  });

  test('text, SARIF and GitHub carry the same positions', () => {
    const col = LINES[5].indexOf(',') + 1;
    assert.match(cli(['check', '--format', 'compact', file]).stdout, new RegExp(`报告\\.docx:6:${col} warning punct/halfwidth`));
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', file]).stdout);
    const res = sarif.runs[0].results.find((x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.ruleId === 'punct/halfwidth' && x.locations[0].physicalLocation.region.startLine === 6);
    assert.deepEqual(res.locations[0].physicalLocation.region.properties, { paragraph: 6, part: 'table' });
    assert.equal(res.locations[0].physicalLocation.region.startColumn, col);
    assert.match(cli(['check', '--format', 'github', file]).stdout, new RegExp(`::warning file=[^,]*报告\\.docx,line=6,col=${col},`));
  });

  test('mixed lists of .txt and .docx', () => {
    const r = cli(['check', '--format', 'json', SAMPLE, file]);
    const out = JSON.parse(r.stdout) as { files: { path: string; kind?: string }[] };
    assert.deepEqual(out.files.map((f) => f.kind ?? 'text'), ['text', 'docx']);
  });

  test('--fix never rewrites a .docx: one line, exit 2, bytes unchanged', () => {
    const before = fs.readFileSync(file);
    const r = cli(['check', '--fix', file]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /--fix does not rewrite \.docx/);
    assert.ok(fs.readFileSync(file).equals(before));
  });

  test('a damaged or encrypted .docx: one line, exit 2', () => {
    const bad = path.join(dir, '坏.docx');
    fs.writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = cli(['check', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /坏\.docx: a password-protected Word document/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});

describe('workreport export', () => {
  test('writes a .docx whose text is the report; error-level findings listed first', () => {
    const out = path.join(dir, '示例.docx');
    const r = cli(['export', SAMPLE, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /has 2 error-level finding\(s\) \(exported anyway\):\n {2}12:1 figures\/list-count/);
    assert.equal(readBack(fs.readFileSync(out)).text, fs.readFileSync(SAMPLE, 'utf8').replace(/\r\n?/g, '\n'));
    // An existing file is kept unless --force.
    const again = cli(['export', SAMPLE, '-o', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists/);
    assert.equal(cli(['export', SAMPLE, '-o', out, '--force', '--fonts', 'fallback']).code, 0);
  });

  test('default output beside the input; a .docx input is re-laid out; bad usage exits 2', () => {
    const src = path.join(dir, '草稿.report.md');
    fs.writeFileSync(src, '# 草稿标题\n\n## 一、情况\n\n正文。\n');
    assert.equal(cli(['export', src]).code, 0);
    assert.equal(readBack(fs.readFileSync(path.join(dir, '草稿.docx'))).text, '草稿标题\n\n一、情况\n\n正文。\n');
    assert.equal(cli(['export', file]).code, 0);
    assert.ok(fs.existsSync(path.join(dir, '报告.gbt9704.docx')));
    assert.equal(cli(['export']).code, 2);
    assert.equal(cli(['export', src, '--fonts', 'comic']).code, 2);
    assert.equal(cli(['export', path.join(dir, 'missing.txt'), '-o', path.join(dir, 'm.docx')]).code, 2);
  });
});

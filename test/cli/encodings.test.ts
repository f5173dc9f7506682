// The CLI over one report saved in every encoding Chinese Windows tools write, each with LF
// and CRLF: the same findings; `--fix` writes the file back in its own encoding, BOM and
// line endings, to exactly the UTF-8 result; a second `--fix` changes nothing. Files that
// are not text are named in one line and never written; a `--fix` killed half-way leaves
// the original byte for byte.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeFile, encodeFile, type FileEncoding } from '../../server/src/node/encoding';
import { storedZip } from '../zip';
import { CLI, cli, type JsonDiagnostic } from './run-cli';

// Our own report, with findings --fix repairs (half-width punctuation, a traditional
// character, a missing section) and findings it leaves (a count that does not add up).
const REPORT = [
  '关于2024年社区服务工作的总结',
  '',
  '今年以来,社区党支部坚持以服務群众为中心,推动各项工作落到实处.',
  '',
  '一、主要做法',
  '（一）抓学习，统一思想。全年组织集中学习12次，参加人员共计300人次。',
  '（二）抓服务，解决难题。走访居民860户，其中困难家庭45户、独居老人32户。',
  '（三）抓队伍，夯实基础。新发展党员3人，分别是王芳、李强。',
  '二、工作成效',
  '社区获评“先进基层党组织”,居民满意度达到96%。',
  '',
].join('\n');

const ENCODINGS: [string, FileEncoding][] = [
  ['utf8', { name: 'utf-8', bom: false }],
  ['utf8bom', { name: 'utf-8', bom: true }],
  ['utf16le', { name: 'utf-16le', bom: true }],
  ['utf16be', { name: 'utf-16be', bom: true }],
  ['gb18030', { name: 'gb18030', bom: false }],
];

interface JsonFile {
  path: string;
  encoding?: { name: string; bom: boolean; lineEnding: string };
  diagnostics: JsonDiagnostic[];
  error?: string;
}
const files = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-enc-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the same report in every encoding', () => {
  test('check, --fix and a second --fix agree across UTF-8, UTF-8 BOM, UTF-16 LE/BE, GB18030 × LF/CRLF', () => {
    const variants: { p: string; e: FileEncoding; eol: string }[] = [];
    for (const eol of ['lf', 'crlf']) {
      const text = eol === 'crlf' ? REPORT.replace(/\n/g, '\r\n') : REPORT;
      for (const [name, e] of ENCODINGS) {
        const p = path.join(tmp, `${name}-${eol}.txt`);
        fs.writeFileSync(p, encodeFile(text, e));
        variants.push({ p, e, eol });
      }
    }
    const paths = variants.map((v) => v.p);

    // check: the same findings everywhere, and each file's encoding in the JSON.
    const checked = cli(['--format', 'json', ...paths]);
    assert.equal(checked.code, 1, checked.stderr);
    const before = files(checked.stdout);
    const reference = before[0].diagnostics;
    assert.ok(reference.some((d) => d.rule === 'punct/halfwidth') && reference.some((d) => d.rule === 'text/script-mixing'));
    assert.ok(reference.some((d) => d.severity === 'error'), 'a figure error --fix cannot repair');
    before.forEach((f, i) => {
      assert.deepEqual(f.diagnostics, reference, f.path);
      assert.deepEqual(f.encoding, { name: variants[i].e.name, bom: variants[i].e.bom, lineEnding: variants[i].eol }, f.path);
    });

    // --fix: each file decodes in its own encoding to the UTF-8 result (in its line endings).
    const fixedRun = cli(['--fix', '--format', 'json', ...paths]);
    assert.equal(fixedRun.code, 1, fixedRun.stderr);
    const utf8Fixed = { lf: fs.readFileSync(variants[0].p, 'utf8'), crlf: fs.readFileSync(variants[5].p, 'utf8') };
    assert.notEqual(utf8Fixed.lf, REPORT, '--fix changed something');
    assert.equal(utf8Fixed.crlf, utf8Fixed.lf.replace(/\n/g, '\r\n'), 'the CRLF file keeps CRLF, also on inserted lines');
    assert.doesNotMatch(utf8Fixed.lf, /服務|,|\./);
    for (const v of variants) {
      const bytes = fs.readFileSync(v.p);
      assert.ok(encodeFile(decodeFile(bytes, v.e), v.e).equals(bytes));
      assert.equal(decodeFile(bytes, v.e), utf8Fixed[v.eol as 'lf' | 'crlf'], v.p);
      if (v.e.bom) assert.ok(bytes.subarray(0, 2).equals(encodeFile('', v.e).subarray(0, 2)), `${v.p} keeps its BOM`);
    }
    const afterFix = files(fixedRun.stdout);
    for (const f of afterFix) assert.deepEqual(f.diagnostics, afterFix[0].diagnostics, f.path);

    // A second --fix changes no byte.
    const snapshot = paths.map((p) => fs.readFileSync(p));
    const again = cli(['--fix', '--format', 'json', ...paths]);
    assert.equal(again.code, 1, again.stderr);
    paths.forEach((p, i) => assert.ok(fs.readFileSync(p).equals(snapshot[i]), `second --fix changed ${p}`));
  });

  test('--verbose names the encoding; --encoding overrides detection', () => {
    const p = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(p, iconv.encode(REPORT, 'gbk'));
    const v = cli(['--verbose', p]);
    assert.match(v.stderr, /gbk\.txt: GB18030, LF line endings/);
    const forced = cli(['--format', 'json', '--encoding', 'gbk', p]);
    assert.deepEqual(files(forced.stdout)[0].encoding, { name: 'gbk', bom: false, lineEnding: 'lf' });
    const bad = cli(['--encoding', 'shift_jis', p]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown encoding "shift_jis"/);
  });

  test('a GBK file without --fix has no garbled-text flood (the findings of the UTF-8 file)', () => {
    const u = path.join(tmp, 'plain-u8.txt');
    const g = path.join(tmp, 'plain-gbk.txt');
    fs.writeFileSync(u, REPORT);
    fs.writeFileSync(g, iconv.encode(REPORT, 'gbk'));
    const [fu, fg] = files(cli(['--format', 'json', u, g]).stdout);
    assert.deepEqual(fg.diagnostics, fu.diagnostics);
    assert.ok(!fg.diagnostics.some((d) => d.rule === 'text/garbled'));
  });
});

describe('files that are not text', () => {
  test('.docx, .pdf, PNG, ELF, .doc, .wps: one line each, exit 2, bytes unchanged by --fix', () => {
    const elf = Buffer.alloc(64 * 1024);
    const fd = fs.openSync(process.execPath, 'r');
    fs.readSync(fd, elf, 0, elf.length, 0);
    fs.closeSync(fd);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const inputs: Record<string, Buffer> = {
      '总结.docx': storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<w:document><w:t>${REPORT}</w:t></w:document>` }),
      '总结.pdf': Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
      'chart.png': Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), Buffer.alloc(200, 7)]),
      'node-binary': elf,
      '总结.doc': ole,
      '总结.wps': ole,
    };
    const paths = Object.keys(inputs).map((n) => {
      const p = path.join(tmp, n);
      fs.writeFileSync(p, inputs[n]);
      return p;
    });
    for (const locale of ['en', 'zh']) {
      const r = cli(['--fix', '--locale', locale, ...paths]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '', 'no findings for files that were not read');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, paths.length, r.stderr);
      paths.forEach((p, i) => assert.ok(lines[i].includes(p), lines[i]));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      if (locale === 'en') {
        // The .docx reader (server/src/docx/) refuses this one: it has no document body.
        assert.match(lines[0], /not a Word document/);
        assert.match(lines[1], /PDF document/);
        assert.match(lines[2], /PNG image/);
        assert.match(lines[3], /ELF executable/);
      } else {
        assert.match(lines[0], /不是 Word 文档/);
        assert.match(lines[5], /WPS/);
      }
    }
    for (const n of Object.keys(inputs)) assert.ok(fs.readFileSync(path.join(tmp, n)).equals(inputs[n]), `${n} unchanged`);
  });
});

describe('operating-system errors', () => {
  test('missing file, folder, read-only file: one line in the user’s language, exit 2', () => {
    const ro = path.join(tmp, 'readonly.txt');
    fs.writeFileSync(ro, REPORT);
    fs.chmodSync(ro, 0o444);
    // (A folder named on the command line is searched for reports, so no EISDIR here: a path through a file instead.)
    const r = cli(['--fix', path.join(tmp, 'missing.txt'), path.join(ro, 'x.txt'), ro], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.match(/\((E[A-Z]+)\)$/)?.[1]), ['ENOENT', 'ENOTDIR', 'EACCES'], r.stderr);
    assert.match(lines[0], /无法读取：文件不存在/);
    assert.match(lines[2], /无法写入：没有权限/);
    assert.equal(fs.readFileSync(ro, 'utf8'), REPORT);
  });
});

describe('a --fix killed half-way', () => {
  test('leaves the original byte for byte (SIGKILL after the first 64 KB of the new file)', () => {
    // A preload makes the process kill itself after the writer's first 64 KB chunk: the moment
    // a real crash or power cut would hurt most. No hook in the product: fs.writeSync is patched.
    const preload = path.join(tmp, 'kill-after.js');
    fs.writeFileSync(
      preload,
      `const fs = require('fs'); const write = fs.writeSync; let n = 0;
       fs.writeSync = function (fd, buf, ...rest) { const r = write.call(fs, fd, buf, ...rest);
         if (typeof buf !== 'string' && (n += r) >= 1) process.kill(process.pid, 'SIGKILL'); return r; };`,
    );
    for (const [name, e] of ENCODINGS.filter(([n]) => n === 'utf16le' || n === 'gb18030')) {
      const p = path.join(tmp, `big-${name}.txt`);
      const bytes = encodeFile(REPORT.repeat(200), e);
      fs.writeFileSync(p, bytes);
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'check', '--fix', p], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.signal, 'SIGKILL', `the process died during the write (${r.stderr})`);
      assert.ok(fs.readFileSync(p).equals(bytes), `${name}: the original is byte-identical`);
      const left = fs.readdirSync(tmp).filter((n) => n.startsWith(`.big-${name}.txt.`));
      assert.equal(left.length, 1, 'the half-written temporary file is beside it, not in its place');
      const partial = fs.statSync(path.join(tmp, left[0])).size;
      // Without the kill the same run fixes the file; the temporary one held only a part of it.
      assert.equal(cli(['--fix', p]).code, 1);
      assert.ok(!fs.readFileSync(p).equals(bytes));
      assert.ok(partial > 0 && partial < fs.statSync(p).size, `${partial} bytes of ${fs.statSync(p).size} were written`);
    }
  });
});

// Reading and writing report files (server/src/node/): encodings detected and kept, files
// that are not text refused, and writes that fail half-way (a stubbed file system) leaving
// the original byte for byte.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as iconv from 'iconv-lite';
import { detectEncoding, decodeFile, encodeFile, lineEnding, withLineEnding, type FileEncoding } from '../../server/src/node/encoding';
import { readReportFile, writeReportFile, type ReportFile } from '../../server/src/node/report-file';
import { sniffFormat } from '../../server/src/node/sniff';
import { storedZip } from '../zip';

// Our own text: Han, full-width and ASCII punctuation, digits, a CJK Ext. B name (GB18030's
// four-byte range, outside GBK).
const TEXT = '一、主要做法\n今年走访企业36家，解决问题58个(其中融资难题9个)。\n二、工作成效\n𠀾村的合作社增收12.5万元。\n';

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-files-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
};

const read = (p: string): ReportFile => {
  const r = readReportFile(p);
  if ('problem' in r) assert.fail(r.problem.message.en);
  return r.file;
};

describe('encoding detection', () => {
  const cases: [string, Buffer, FileEncoding][] = [
    ['UTF-8', Buffer.from(TEXT), { name: 'utf-8', bom: false }],
    ['UTF-8 with BOM', Buffer.from('\ufeff' + TEXT), { name: 'utf-8', bom: true }],
    ['UTF-16LE with BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), { name: 'utf-16le', bom: true }],
    ['UTF-16BE with BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true }), { name: 'utf-16be', bom: true }],
    ['UTF-16LE without BOM', iconv.encode(TEXT, 'utf-16le'), { name: 'utf-16le', bom: false }],
    ['UTF-16BE without BOM', iconv.encode(TEXT, 'utf-16be'), { name: 'utf-16be', bom: false }],
    ['UTF-16LE without BOM, Han only', iconv.encode('坚持问题导向推动基层治理走深走实取得明显成效', 'utf-16le'), { name: 'utf-16le', bom: false }],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), { name: 'gb18030', bom: false }],
    ['GBK (read as its superset)', iconv.encode(TEXT.replace('𠀾', '王'), 'gbk'), { name: 'gb18030', bom: false }],
    ['GB18030 with BOM', Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(TEXT, 'gb18030')]), { name: 'gb18030', bom: true }],
    ['UTF-8 with one broken sequence', Buffer.concat([Buffer.from(TEXT), Buffer.from([0xe4, 0xb8]), Buffer.from(TEXT)]), { name: 'utf-8', bom: false }],
    ['ASCII only', Buffer.from('2024 work plan\n'), { name: 'utf-8', bom: false }],
    ['empty', Buffer.alloc(0), { name: 'utf-8', bom: false }],
  ];
  for (const [name, bytes, expected] of cases) {
    test(name, () => {
      const e = detectEncoding(bytes);
      assert.deepEqual(e, expected);
      if (name !== 'UTF-8 with one broken sequence') {
        const text = decodeFile(bytes, e);
        assert.ok(!text.startsWith('\ufeff'), 'the BOM is not part of the text');
        assert.ok(Buffer.from(encodeFile(text, e)).equals(bytes), 'encoding the text gives the same bytes back');
      }
    });
  }
});

test('line endings are detected and a fix’s \\n follows the file', () => {
  assert.equal(lineEnding('a\r\nb\r\n'), 'crlf');
  assert.equal(lineEnding('a\nb'), 'lf');
  assert.equal(lineEnding('a\r\nb\n'), 'mixed');
  assert.equal(lineEnding('one line'), 'none');
  assert.equal(withLineEnding('a\r\nb\nc', 'crlf'), 'a\r\nb\r\nc');
  assert.equal(withLineEnding('a\r\nb\nc', 'lf'), 'a\nb\nc');
  assert.equal(withLineEnding('a\r\nb\nc', 'mixed'), 'a\r\nb\nc');
});

describe('files that are not text', () => {
  const png = () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0]))), chunk('IEND', Buffer.alloc(0))]);
  };
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const cases: [string, Buffer, string][] = [
    ['report.docx', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'docx'],
    ['report.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'pdf'],
    ['chart.png', png(), 'image'],
    ['report.doc', ole, 'ole'],
    ['report.wps', ole, 'ole'],
    ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), 'image'],
    ['tool', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(60)]), 'executable'],
    ['table.xlsx', storedZip({ 'xl/workbook.xml': '<workbook/>' }), 'office'],
    ['notes.rtf', Buffer.from('{\\rtf1\\ansi 工作}', 'utf8'), 'rtf'],
  ];
  for (const [name, bytes, kind] of cases) {
    test(`${name} is a ${kind}, named in one line`, () => {
      assert.equal(sniffFormat(bytes, name)?.kind, kind);
      const r = readReportFile(file(name, bytes));
      assert.ok('problem' in r);
      assert.ok(!r.problem.message.en.includes('\n') && !r.problem.message.zh.includes('\n'));
      assert.ok(r.problem.message.en.startsWith(path.join(tmp, name)));
    });
  }
  test('the .wps and the .doc are named by their extension', () => {
    const wps = readReportFile(file('a.wps', ole));
    const doc = readReportFile(file('a.doc', ole));
    assert.ok('problem' in wps && 'problem' in doc);
    assert.match(wps.problem.message.zh, /WPS/);
    assert.match(doc.problem.message.zh, /Word 97/);
  });
  test('a file with NUL bytes and no magic number is binary', () => {
    const bytes = Buffer.from([0x01, 0x02, 0x00, 0x00, 0x10, 0x20, 0x00, 0x7f, 0x00, 0x00, 0x03]);
    const r = readReportFile(file('data.bin', bytes));
    assert.ok('problem' in r);
    assert.match(r.problem.message.en, /binary/);
  });
  test('text that mentions magic numbers is still text', () => {
    for (const t of ['PK赛第一名，\n', 'BM项目进展顺利。\n', 'MZ公司', 'GIF动图']) {
      const r = readReportFile(file('t.txt', t));
      assert.ok('file' in r, t);
    }
  });
});

describe('operating-system errors are one line each', () => {
  test('missing file, folder', () => {
    const missing = readReportFile(path.join(tmp, 'nope.txt'));
    assert.ok('problem' in missing);
    assert.match(missing.problem.message.en, /no such file \(ENOENT\)$/);
    assert.match(missing.problem.message.zh, /文件不存在/);
    const dir = readReportFile(tmp);
    assert.ok('problem' in dir);
    assert.match(dir.problem.message.en, /folder, not a file \(EISDIR\)/);
  });
  test('a file marked read-only is not written, even by root', () => {
    const p = file('ro.txt', TEXT);
    fs.chmodSync(p, 0o444);
    const f = read(p);
    const refused = writeReportFile(f, TEXT.replace('36', '37'));
    assert.match(refused?.message.en ?? '', /permission denied \(EACCES\)/);
    assert.equal(fs.readFileSync(p, 'utf8'), TEXT);
  });
});

describe('writing', () => {
  const encodings: FileEncoding[] = [
    { name: 'utf-8', bom: false },
    { name: 'utf-8', bom: true },
    { name: 'utf-16le', bom: true },
    { name: 'utf-16be', bom: false },
    { name: 'gb18030', bom: false },
  ];
  for (const e of encodings) {
    test(`keeps ${e.name}${e.bom ? ' with BOM' : ''}, CRLF, and the file mode`, () => {
      const original = TEXT.replace(/\n/g, '\r\n');
      const p = file(`w-${e.name}-${e.bom}.txt`, encodeFile(original, e));
      fs.chmodSync(p, 0o640);
      const f = read(p);
      assert.deepEqual(f.encoding, e);
      assert.equal(f.eol, 'crlf');
      const fixed = original.replace('(其中融资难题9个)', '（其中融资难题9个）');
      assert.equal(writeReportFile(f, fixed), undefined);
      assert.ok(fs.readFileSync(p).equals(encodeFile(fixed, e)));
      assert.equal(fs.statSync(p).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(tmp).filter((n) => n.includes('workreport-tmp')), []);
    });
  }

  test('a symbolic link stays a link to the fixed file', () => {
    const real = file('real.txt', TEXT);
    const link = path.join(tmp, 'link.txt');
    fs.symlinkSync(real, link);
    assert.equal(writeReportFile(read(link), TEXT.replace('36', '38')), undefined);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), TEXT.replace('36', '38'));
  });

  test('refuses a fixed text the encoding cannot hold (GBK has no 𠀾)', () => {
    const gbkText = TEXT.replace('𠀾', '王');
    const p = file('gbk.txt', iconv.encode(gbkText, 'gbk'));
    const r = readReportFile(p, { encoding: 'gbk' });
    assert.ok('file' in r);
    const refused = writeReportFile(r.file, gbkText.replace('王', '𠀾'));
    assert.match(refused?.message.en ?? '', /cannot hold \(“𠀾”\)/);
    assert.ok(fs.readFileSync(p).equals(iconv.encode(gbkText, 'gbk')));
  });

  test('refuses when bytes of the original do not decode (they would be lost)', () => {
    const bytes = Buffer.concat([Buffer.from(TEXT), Buffer.from([0xe4, 0xb8]), Buffer.from(TEXT)]);
    const p = file('broken.txt', bytes);
    const f = read(p);
    assert.match(f.text, /\ufffd/);
    const refused = writeReportFile(f, f.text.replace('36', '37'));
    assert.match(refused?.message.en ?? '', /do not decode/);
    assert.ok(fs.readFileSync(p).equals(bytes));
  });

  test('refuses when the file changed since it was read', () => {
    const p = file('moving.txt', TEXT);
    const f = read(p);
    fs.writeFileSync(p, TEXT + '补充一句。\n');
    fs.utimesSync(p, new Date(), new Date(Date.now() + 5000));
    const refused = writeReportFile(f, TEXT.replace('36', '37'));
    assert.match(refused?.message.en ?? '', /changed while/);
    assert.equal(fs.readFileSync(p, 'utf8'), TEXT + '补充一句。\n');
  });
});

describe('fault injection: a write that fails leaves the original byte for byte', () => {
  // A file big enough for several 64 KB chunks, so failures land in the middle of the write.
  const big = (TEXT.repeat(4000) + '\n').replace(/\n/g, '\r\n');
  const fixed = big.replace(/\(其中融资难题9个\)/g, '（其中融资难题9个）');
  const failing = (op: keyof typeof fs, code: string, afterBytes = 0): typeof fs => {
    let written = 0;
    const err = () => Object.assign(new Error(`${code}: injected`), { code });
    const stub: Record<string, unknown> = { ...fs };
    if (op === 'writeSync') {
      stub.writeSync = (fd: number, buf: Uint8Array, off: number, len: number) => {
        const n = Math.min(len, Math.max(0, afterBytes - written));
        if (n === 0) throw err();
        written += fs.writeSync(fd, buf, off, n);
        return n;
      };
    } else {
      stub[op] = () => {
        throw err();
      };
    }
    return stub as unknown as typeof fs;
  };
  const cases: [string, typeof fs, RegExp][] = [
    ['disk full after 100,000 bytes', failing('writeSync', 'ENOSPC', 100_000), /no space left on the disk \(ENOSPC\)/],
    ['disk full at the first byte', failing('writeSync', 'ENOSPC', 0), /ENOSPC/],
    ['input/output error on fsync', failing('fsyncSync', 'EIO'), /input\/output error \(EIO\)/],
    ['read-only file system', failing('openSync', 'EROFS'), /read-only file system \(EROFS\)/],
    ['rename refused', failing('renameSync', 'EPERM'), /not permitted \(EPERM\)/],
    ['folder not writable', failing('openSync', 'EACCES'), /permission denied \(EACCES\)/],
  ];
  for (const [enc, encName] of [[{ name: 'utf-16le', bom: true }, 'UTF-16LE'], [{ name: 'gb18030', bom: false }, 'GB18030']] as [FileEncoding, string][]) {
    for (const [name, fsx, message] of cases) {
      test(`${encName}: ${name}`, () => {
        const bytes = encodeFile(big, enc);
        assert.ok(bytes.length > 200_000);
        const p = file(`fault-${encName}.txt`, bytes);
        const f = read(p);
        const refused = writeReportFile(f, fixed, fsx);
        assert.ok(refused, 'the failure is reported');
        assert.match(refused.message.en, message);
        assert.ok(!refused.message.en.includes('\n') && !refused.message.en.includes('    at '), 'one line, no stack');
        assert.ok(fs.readFileSync(p).equals(bytes), 'the original is byte-identical');
        assert.deepEqual(fs.readdirSync(tmp).filter((n) => n.includes('workreport-tmp')), [], 'no temporary file is left');
      });
    }
  }
});

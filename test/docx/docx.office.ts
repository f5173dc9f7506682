// The .docx suite that needs other programs: python-docx writes the test documents (with
// planted errors), LibreOffice re-saves them (a second writer's XML) and converts the export to
// PDF, poppler reads and renders the PDF. Run by `npm run test:docx` and by .ci/run, which
// installs libreoffice-writer-nogui, poppler-utils and python3-docx; without them it says so
// in one line and skips.
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, DIST, CORPUS } from '../paths';

const PYTHON = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = [!PYTHON && 'python-docx', !has('soffice') && 'LibreOffice (soffice)', !has('pdftotext') && 'poppler-utils'].filter(Boolean);
const SKIP = missing.length ? `skipped: needs ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils python3-docx)` : false;
if (SKIP) console.log(`docx office suite ${SKIP}`);

const CLI = path.join(DIST, 'cli.js');
const SAMPLE = path.join(ROOT, 'samples', '示例-经验材料.report.txt');
const RESULTS = path.join(ROOT, 'test-results', 'docx');
const corpusDir = fs.existsSync(CORPUS) ? CORPUS : undefined;
let tmp: string;

/** LibreOffice, headless, with a profile of its own (a running LibreOffice is not disturbed). */
function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--norestore', ...args], {
    stdio: 'ignore',
    timeout: 240_000,
    // The GB/T 9704 font names mapped to free fonts of the same kinds (test/docx/fonts.conf).
    env: { ...process.env, FONTCONFIG_FILE: path.join(ROOT, 'test', 'docx', 'fonts.conf') },
  });
}

function check(file: string): { rule: string; line: number; column: number; endLine: number; endColumn: number; paragraph?: number }[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout).files[0].diagnostics;
}

interface Manifest {
  lines: string[];
  planted: { rule: string; line: number; quote: string }[];
}

describe('.docx from python-docx and LibreOffice', { skip: SKIP }, () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-office-'));
    execFileSync(PYTHON!, [path.join(ROOT, 'test', 'docx', 'make-fixtures.py'), tmp]);
    const made = fs.readdirSync(tmp).filter((n) => n.endsWith('.docx'));
    fs.mkdirSync(path.join(tmp, 'lo'));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(tmp, 'lo'), ...made.map((n) => path.join(tmp, n))]);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const name of ['typed', 'autonum', 'tracked']) {
    for (const writer of ['python-docx', 'LibreOffice']) {
      test(`${name}.docx (${writer}): every planted error at its paragraph, nothing from deleted text or comments`, () => {
        const m = JSON.parse(fs.readFileSync(path.join(tmp, `${name}.json`), 'utf8')) as Manifest;
        const file = writer === 'python-docx' ? path.join(tmp, `${name}.docx`) : path.join(tmp, 'lo', `${name}.docx`);
        assert.ok(fs.existsSync(file), `${file} was not written`);
        const ds = check(file);
        for (const pl of m.planted) {
          const col = m.lines[pl.line - 1].indexOf(pl.quote) + 1;
          const d = ds.find((x) => x.rule === pl.rule && x.line === pl.line && x.column <= col && (x.endLine > x.line || col < x.endColumn));
          assert.ok(d, `${pl.rule} at line ${pl.line} (“${pl.quote}”): got ${JSON.stringify(ds.map((x) => [x.rule, x.line, x.column]))}`);
          assert.equal(d.paragraph !== undefined, true);
        }
        // Deleted text and the comment hold doubled punctuation: nothing may come from them.
        assert.ok(!ds.some((x) => x.rule === 'punct/repeated'), JSON.stringify(ds));
        assert.ok(!ds.some((x) => x.rule.startsWith('outline/numbering')), JSON.stringify(ds));
      });
    }
  }
});

interface PdfPage {
  lines: string[];
  number?: string;
}

/** The text lines of each page (pdftotext -layout), the page number line apart. */
function pdfPages(pdf: string): PdfPage[] {
  const out = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return out
    .split('\f')
    .filter((pg, i, all) => i < all.length - 1 || pg.trim())
    .map((pg) => {
      const lines = pg.split('\n').filter((l) => l.trim());
      const last = lines[lines.length - 1];
      if (last && /^\s*—\s*\d+\s*—\s*$/.test(last)) return { lines: lines.slice(0, -1), number: last };
      return { lines };
    });
}

/** Box of each page's number (the words below the type area), from pdftotext -bbox. */
function pageNumberBoxes(pdf: string): { xMin: number; xMax: number; yMin: number; width: number; height: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .map((pg) => {
      const width = Number(/width="([\d.]+)"/.exec(pg)![1]);
      const height = Number(/height="([\d.]+)"/.exec(pg)![1]);
      const words = [...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
        .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] }))
        .filter((w) => w.yMin > height - (35 * 72) / 25.4);
      return { xMin: Math.min(...words.map((w) => w.xMin)), xMax: Math.max(...words.map((w) => w.xMax)), yMin: Math.min(...words.map((w) => w.yMin)), width, height };
    });
}

describe('export laid out by LibreOffice', { skip: SKIP }, () => {
  let out: string;
  /** Exports whose text has blank lines (pdftotext drops them, so their pages are not counted). */
  const withBlankLines = new Set<string>();
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-export-'));
    out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    const inputs = [SAMPLE, ...(corpusDir ? fs.readdirSync(corpusDir).filter((n) => /^P\d+\.(txt|md)$/.test(n)).map((n) => path.join(corpusDir, n)) : [])];
    for (const f of inputs) {
      const name = path.basename(f).replace(/\..*$/, '');
      if (/\n[ \t\u3000]*\r?\n/.test(fs.readFileSync(f, 'utf8'))) withBlankLines.add(`${name}.pdf`);
      execFileSync(process.execPath, [CLI, 'export', f, '-o', path.join(out, `${name}.docx`)], { stdio: 'ignore' });
    }
    soffice(['--convert-to', 'pdf', '--outdir', out, ...fs.readdirSync(out).filter((n) => n.endsWith('.docx')).map((n) => path.join(out, n))]);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('python-docx reads the export: A4, margins, fonts of each level', () => {
    const py = `
import docx, json, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
mm = lambda v: round(v / 36000, 1)
styles = {}
for p in d.paragraphs:
    f = p.style.font
    ea = p.style.element.rPr.rFonts.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia')
    styles[p.style.name] = [ea, f.size.pt if f.size else None]
print(json.dumps({'page': [mm(s.page_width), mm(s.page_height)], 'margins': [mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)], 'styles': styles, 'odd_even': d.settings.odd_and_even_pages_header_footer}, ensure_ascii=False))
`;
    const r = JSON.parse(execFileSync(PYTHON!, ['-c', py, path.join(out, '示例-经验材料.docx')], { encoding: 'utf8' }));
    assert.deepEqual(r.page, [210, 297]);
    assert.deepEqual(r.margins, [37, 35, 28, 26]);
    assert.deepEqual(r.styles['GB 标题'], ['方正小标宋简体', 22]);
    assert.deepEqual(r.styles['GB 一级标题'], ['黑体', 16]);
    assert.deepEqual(r.styles['GB 二级标题'], ['楷体_GB2312', 16]);
    assert.deepEqual(r.styles['GB 正文'], ['仿宋_GB2312', 16]);
    assert.equal(r.odd_even, true);
  });

  test('every full page has 22 lines; page numbers “— n —” 7 mm below the text, odd right and even left, one character in', () => {
    const pdfs = fs.readdirSync(out).filter((n) => n.endsWith('.pdf'));
    assert.ok(pdfs.length >= 1);
    const mm = 72 / 25.4;
    let full = 0;
    for (const pdf of pdfs) {
      const pages = pdfPages(path.join(out, pdf));
      const numbers = pageNumberBoxes(path.join(out, pdf));
      assert.equal(numbers.length, pages.length, pdf);
      pages.forEach((pg, i) => {
        assert.ok(pg.number, `${pdf} page ${i + 1} has no page number`);
        assert.match(pg.number!, new RegExp(`^\\s*—\\s*${i + 1}\\s*—\\s*$`));
        // One character (16 pt) in from the type area's right edge on odd pages, left edge on even ones.
        const box = numbers[i];
        if (i % 2) assert.ok(Math.abs(box.xMin - (28 * mm + 16)) < 6, `${pdf} page ${i + 1}: even number at x ${box.xMin}`);
        else assert.ok(Math.abs(box.xMax - (box.width - 26 * mm - 16)) < 6, `${pdf} page ${i + 1}: odd number ends at x ${box.xMax}`);
        assert.ok(box.yMin > box.height - 35 * mm, `${pdf} page ${i + 1}: number inside the type area`);
        // A page of body text followed by another is full: 22 lines. (Only texts without blank
        // paragraphs, which pdftotext drops, are counted; the first page holds the 二号 title, whose
        // lines take two grid lines each in the substitute fonts LibreOffice uses here.)
        if (i > 0 && i < pages.length - 1 && !withBlankLines.has(pdf)) {
          assert.equal(pg.lines.length, 22, `${pdf} page ${i + 1}:\n${pg.lines.join('\n')}`);
          full++;
        }
      });
    }
    if (corpusDir) assert.ok(full >= 5, `only ${full} full pages among the exports`);
    console.log(`docx office suite: ${full} full pages of 22 lines in ${pdfs.length} exports`);
  });

  test('the first page of the sample, rendered to PNG (test-results/docx/)', () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(out, '示例-经验材料.pdf'), path.join(RESULTS, 'sample-page1')]);
    const png = fs.readFileSync(path.join(RESULTS, 'sample-page1.png'));
    assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    // A4 at 80 dpi: 210 mm × 297 mm ≈ 661 × 935 pixels (IHDR width and height; poppler rounds up).
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(Math.abs(w - 661) <= 2 && Math.abs(h - 935) <= 2, `${w} × ${h}`);
    fs.copyFileSync(path.join(out, '示例-经验材料.docx'), path.join(RESULTS, 'sample.docx'));
  });
});

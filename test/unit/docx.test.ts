// .docx in and out (server/src/docx/): the reader on hand-written Word XML, the GB/T 9704
// export checked at the XML level, export → import round trips, and the print preview's pages.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { DocxError } from '../../server/src/docx/read';
import { chineseCounting } from '../../server/src/docx/numbering';
import { parseXml, textOf, type XmlElement } from '../../server/src/docx/xml';
import { layoutReport } from '../../server/src/docx/layout';
import { paginate } from '../../server/src/docx/preview';
import { reportStem } from '../../server/src/docx/names';
import { ROOT } from '../paths';
import { docx, p, numbered, GB_NUMBERING, W, readBack, exportWith } from '../docx/build-docx';

const SAMPLE = path.join(ROOT, 'samples', '示例-经验材料.report.txt');

describe('the XML reader', () => {
  test('elements, local names, attributes in either quotes, entities, references, CDATA; comments and declarations skipped', () => {
    const x = parseXml(`<?xml version="1.0"?>\n<!-- c --><w:p xmlns:w="u"><w:r a='1' w:b="x&gt;y"><w:t xml:space="preserve"> A&amp;B&#x4E00;&#20108;&lt;</w:t><w:t><![CDATA[<五>]]></w:t><w:br/></w:r></w:p>`);
    assert.equal(x.name, 'p');
    const r = x.children[0] as XmlElement;
    assert.deepEqual(r.attrs, { a: '1', b: 'x>y' });
    const [t1, t2, br] = r.children as XmlElement[];
    assert.equal(textOf(t1), ' A&B一二<');
    assert.equal(textOf(t2), '<五>');
    assert.equal(br.name, 'br');
  });

  test('malformed XML is an error, never a partial tree', () => {
    for (const bad of ['<a><b></a>', '<a>', '<a b="1></a>', '<a>&nbsp;</a>', '<a/><b/>', 'text<a/>', '', '<a><!-- x</a>']) {
      assert.throws(() => parseXml(bad), Error, JSON.stringify(bad));
    }
  });
});

describe('reading .docx', () => {
  test('paragraphs in order, one line each; table cells; footnotes after the body', () => {
    const bytes = docx({
      body:
        p('标题') +
        `<w:p><w:r><w:t>正文有脚注</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>` +
        `<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>${p('甲')}</w:tc><w:tc>${p('乙')}${p('丙')}</w:tc></w:tr></w:tbl>` +
        p('') +
        p('末段'),
      footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2">${p('脚注文字')}</w:footnote>`,
    });
    const r = readBack(bytes);
    assert.equal(r.text, '标题\n正文有脚注\n甲\n乙\n丙\n\n末段\n脚注文字');
    assert.deepEqual(r.lines.map((l) => l.source), ['body', 'body', 'table', 'table', 'table', 'body', 'body', 'footnote']);
    assert.deepEqual(r.lines.map((l) => l.paragraph), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('tracked changes read as accepted; comments, hidden text and field codes left out', () => {
    const bytes = docx({
      body:
        `<w:p><w:r><w:t>共</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>13</w:delText></w:r></w:del><w:r><w:t>人</w:t></w:r></w:p>` +
        `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>有批注</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>` +
        // The paragraph mark is deleted: accepted, the two paragraphs are one.
        `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>${p('后半')}` +
        `<w:p><w:r><w:t>一行</w:t><w:br/><w:t>二行</w:t><w:br w:type="page"/><w:t>续</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>`,
      comments: `<w:comment w:id="0" w:author="a">${p('批注内容,,')}</w:comment>`,
    });
    const r = readBack(bytes);
    assert.equal(r.text, '共12人\n有批注\n第3页\n前半后半\n一行\n二行续\t尾');
    // A soft line break continues the paragraph: the next line has the same paragraph number.
    assert.deepEqual(r.lines.map((l) => l.paragraph), [1, 2, 3, 4, 5, 5]);
  });

  test('automatic numbering is rendered as Word shows it, deeper levels restart', () => {
    const bytes = docx({
      body:
        numbered('主要做法', 1, 0) +
        numbered('抓学习', 1, 1) +
        numbered('细项', 1, 2) +
        numbered('更细', 1, 3) +
        numbered('抓落实', 1, 1) +
        numbered('工作成效', 1, 0) +
        numbered('成效一', 1, 1) +
        p('非编号', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'),
      numbering: GB_NUMBERING,
    });
    assert.deepEqual(readBack(bytes).text.split('\n'), ['一、主要做法', '（一）抓学习', '1.细项', '（1）更细', '（二）抓落实', '二、工作成效', '（一）成效一', '非编号']);
  });

  test('numbering and heading levels from styles; an unnumbered heading style reads as a Markdown heading', () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="L1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style>`;
    const r = readBack(docx({ body: p('题目', '<w:pStyle w:val="T"/>') + p('主要做法', '<w:pStyle w:val="L1"/>') + p('抓学习', '<w:pStyle w:val="H2"/>') + p('（二）已编号', '<w:pStyle w:val="H2"/>'), styles, numbering: GB_NUMBERING }));
    assert.deepEqual(r.text.split('\n'), ['题目', '一、主要做法', '## 抓学习', '（二）已编号']);
    assert.deepEqual(r.lines.map((l) => l.level), [0, 1, 2, 2]);
  });

  test('Chinese counting as Word writes it', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCounting), ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  });

  test('what is not a .docx gets one clear error, never a throw of something else', () => {
    const errs: [string, Uint8Array][] = [
      ['plain text', strToU8('一、主要做法')],
      ['an OLE file (.doc, encrypted .docx)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
      ['a zip without a document', zipSync({ 'a.txt': strToU8('x') })],
      ['broken XML', zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p>`) })],
      ['a truncated zip', docx({ body: p('正文') }).slice(0, 60)],
    ];
    for (const [what, bytes] of errs) {
      assert.throws(() => readBack(bytes), (e: unknown) => e instanceof DocxError && !!e.msg.zh && !!e.msg.en, what);
    }
  });
});

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]);
}
const attr = (xml: string, el: string, name: string) => new RegExp(`<w:${el}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

describe('export (GB/T 9704)', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const out = exportWith(text, { name: 'sample.report.txt', date: new Date(0) });
  const doc = part(out.bytes, 'word/document.xml');
  const styles = part(out.bytes, 'word/styles.xml');

  test('A4, margins 37/35/28/26 mm, 22 lines a page, 28 characters a line', () => {
    assert.equal(attr(doc, 'pgSz', 'w'), '11906');
    assert.equal(attr(doc, 'pgSz', 'h'), '16838');
    const mm = (tw: string | undefined) => Math.round((Number(tw) / 1440) * 25.4 * 10) / 10;
    assert.deepEqual(['top', 'bottom', 'left', 'right'].map((s) => mm(attr(doc, 'pgMar', s))), [37, 35, 28, 26]);
    const pitch = Number(attr(doc, 'docGrid', 'linePitch'));
    const textHeight = 16838 - Number(attr(doc, 'pgMar', 'top')) - Number(attr(doc, 'pgMar', 'bottom'));
    assert.equal(Math.floor(textHeight / pitch), 22);
    const textWidth = 11906 - Number(attr(doc, 'pgMar', 'left')) - Number(attr(doc, 'pgMar', 'right'));
    // 16 pt body + character spacing (twentieths of a point) = the pitch of 28 characters.
    const spacing = Number(/<w:rPrDefault><w:rPr>.*?<w:spacing w:val="(-?\d+)"/.exec(styles)![1]);
    const charTwips = 16 * 20 + spacing;
    assert.equal(Math.floor(textWidth / charTwips), 28);
  });

  test('fonts and sizes per level: title 方正小标宋简体 二号 centred, 一、黑体, （一）楷体_GB2312, body 仿宋_GB2312 三号, indent two characters', () => {
    const paras = [...doc.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]);
    const info = (x: string) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(x)?.[1],
      jc: /<w:jc w:val="([^"]+)"/.exec(x)?.[1],
      fonts: [...x.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]),
      sizes: [...x.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2),
      indent: /w:firstLineChars="(\d+)"/.exec(x)?.[1],
      text: [...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    });
    const all = paras.map(info);
    const byText = (s: string) => all.find((x) => x.text.startsWith(s))!;
    assert.deepEqual(byText('聚焦'), { ...byText('聚焦'), style: 'GBTitle', jc: 'center', indent: '0' });
    assert.ok(byText('聚焦').fonts.every((f) => f === '方正小标宋简体') && byText('聚焦').sizes.every((s) => s === 22));
    assert.ok(byText('一、主要做法').fonts.every((f) => f === '黑体') && byText('一、主要做法').sizes.every((s) => s === 16));
    assert.equal(byText('一、主要做法').style, 'GBHeading1');
    assert.ok(byText('（一）强化网格').fonts.every((f) => f === '楷体_GB2312'));
    assert.equal(byText('（一）强化网格').style, 'GBHeading2');
    const body = byText('今年以来');
    assert.ok(body.fonts.every((f) => f === '仿宋_GB2312') && body.sizes.every((s) => s === 16));
    assert.equal(body.indent, '200');
    assert.equal(body.jc, 'both');
    // The styles carry the same fonts and the outline levels (Word's navigation pane).
    for (const [id, font, size, lvl] of [['GBTitle', '方正小标宋简体', 44, undefined], ['GBHeading1', '黑体', 32, '0'], ['GBHeading2', '楷体_GB2312', 32, '1'], ['GBHeading3', '仿宋_GB2312', 32, '2'], ['GBBody', '仿宋_GB2312', 32, undefined]] as const) {
      const s = new RegExp(`<w:style [^>]*w:styleId="${id}">(.*?)</w:style>`).exec(styles)![1];
      assert.match(s, new RegExp(`w:eastAsia="${font}"`), id);
      assert.match(s, new RegExp(`<w:sz w:val="${size}"/>`), id);
      if (lvl) assert.match(s, new RegExp(`<w:outlineLvl w:val="${lvl}"/>`), id);
    }
  });

  test('page numbers “— 1 —” in 四号宋体: odd pages right, even pages left, one character in', () => {
    const settings = part(out.bytes, 'word/settings.xml');
    assert.match(settings, /<w:evenAndOddHeaders\/>/);
    assert.match(doc, /<w:footerReference w:type="default" r:id="(\w+)"\/><w:footerReference w:type="even"/);
    const odd = part(out.bytes, 'word/footer1.xml');
    const even = part(out.bytes, 'word/footer2.xml');
    for (const [f, side, ind] of [[odd, 'right', 'w:right="320"'], [even, 'left', 'w:left="320"']] as const) {
      assert.match(f, new RegExp(`<w:jc w:val="${side}"/>`));
      assert.ok(f.includes(ind), ind);
      assert.match(f, /<w:instrText xml:space="preserve"> PAGE <\/w:instrText>/);
      const texts = [...f.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      assert.deepEqual(texts, ['— ', '1', ' —']);
      assert.ok([...f.matchAll(/w:eastAsia="([^"]+)"/g)].every((m) => m[1] === '宋体'));
      assert.ok([...f.matchAll(/<w:sz w:val="(\d+)"/g)].every((m) => m[1] === '28'));
    }
  });

  test('fonts: fallbacks selectable, per-role names, the other set named as alternatives', () => {
    const fb = exportWith(text, { name: 'a.txt', fonts: 'fallback', fontOverrides: { title: '宋体' }, date: new Date(0) });
    const d = part(fb.bytes, 'word/document.xml');
    assert.ok(d.includes('w:eastAsia="仿宋"') && d.includes('w:eastAsia="黑体"') && d.includes('w:eastAsia="楷体"') && d.includes('w:eastAsia="宋体"'));
    assert.ok(!d.includes('GB2312'));
    const table = part(out.bytes, 'word/fontTable.xml');
    assert.match(table, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(table, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });

  test('signature and date: the date four characters in from the right, the signature centred over it', () => {
    const blocks = layoutReport('关于某项工作的报告\n\n一、基本情况\n正文一段。\n二、存在的问题\n正文二段。\n\n青禾县农业农村局\n2024年12月20日', { markdown: false });
    const date = blocks.find((b) => b.kind === 'date')!;
    const sig = blocks.find((b) => b.kind === 'signature')!;
    assert.deepEqual([date.align, date.rightIndent], ['right', 4]);
    // 2024年12月20日 is 4 × 0.5 + 1 + 2 × 0.5 + 1 + 2 × 0.5 + 1 = 7 cells wide, 青禾县农业农村局 8: (7 − 8) / 2 + 4.
    assert.deepEqual([sig.align, sig.rightIndent], ['right', 3.5]);
  });

  test('Markdown: # is the title, ## the first level, **bold** kept', () => {
    const md = '# 关于某项工作的报告\n\n## 一、基本情况\n\n今年**完成任务**较好。\n\n## 二、存在的问题\n\n### （一）资金不足\n';
    const e = exportWith(md, { name: 'a.report.md', date: new Date(0) });
    const d = part(e.bytes, 'word/document.xml');
    assert.match(d, /<w:pStyle w:val="GBTitle"\/>.*?关于某项工作的报告/);
    assert.match(d, /<w:pStyle w:val="GBHeading1"\/>.*?一、基本情况/);
    assert.match(d, /<w:pStyle w:val="GBHeading2"\/>.*?（一）资金不足/);
    assert.match(d, /<w:b\/><w:bCs\/>.*?完成任务/);
    assert.equal(readBack(e.bytes).text, e.text);
    assert.ok(!e.text.includes('#') && !e.text.includes('**'));
  });

  test('round trip: the bundled sample, CRLF and BOM, indents, tabs, blank lines', () => {
    for (const t of [text, '\ufeff标题\r\n\r\n　　一、已缩进\r\n\t制表\t符\r\n  半角缩进\r\n末行', '']) {
      const e = exportWith(t, { name: 'x.report', date: new Date(0) });
      assert.equal(readBack(e.bytes).text, t.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
    }
  });

  test('round trip (property): any text of lines comes back, XML-invalid characters aside', () => {
    const line = fc.string({ unit: fc.constantFrom('一', '、', '（', '）', '1', '.', '。', '，', ' ', '\u3000', '\t', '甲', '𠀾', '<', '&', '"', '#', '*', '\u0001', '\ud800'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const t = lines.join('\n');
        const e = exportWith(t, { name: 'x.report', date: new Date(0) });
        // eslint-disable-next-line no-control-regex -- U+0001 is what the export leaves out
        const expected = t.replace(/[\u0001]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
        assert.equal(readBack(e.bytes).text, expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('print preview', () => {
  test('22 lines a page, 28 full-width characters a line, no 。 at a line start', () => {
    const body = '测'.repeat(26) + '。' + '再'.repeat(40);
    const blocks = layoutReport(Array(30).fill(body).join('\n'), { markdown: false });
    const pages = paginate(blocks);
    const first = pages[0].lines[0];
    // 2 characters of indent + 26 = 28 cells, then “。” hangs: it may not start a line.
    assert.equal(first.left, 2);
    assert.equal(first.pieces.map((x) => x.text).join(''), '测'.repeat(26) + '。');
    assert.equal(pages[0].lines[1].pieces.map((x) => x.text).join(''), '再'.repeat(28));
    assert.ok(pages.every((pg, i) => pg.lines.length === 22 || i === pages.length - 1));
    assert.equal(pages.reduce((n, pg) => n + pg.lines.length, 0), 30 * 3);
  });

  test('a number is not split across lines', () => {
    // 2 + 25 + “12” would end at 29 cells: 126 moves to the next line whole.
    const pages = paginate(layoutReport('测'.repeat(25) + '126名党员。', { markdown: false }));
    assert.deepEqual(pages[0].lines.map((l) => l.pieces.map((x) => x.text).join('')), ['测'.repeat(25), '126名党员。']);
  });
});

test('the packaged extension carries dist/docx-io.js, which the Node server requires on the first .docx', () => {
  const allow = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  assert.ok(allow.includes('!dist/docx-io.js'), '.vscodeignore must let dist/docx-io.js into the .vsix');
  const server = fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8');
  assert.match(server, /docx-io\.js/, 'the Node server loads the reader from its own bundle');
  assert.ok(!server.includes('function unzipSync'), 'fflate is not in the server bundle');
});

describe('file names', () => {
  test('a report file without its extensions, for the .docx beside it and the .report an import writes', () => {
    const cases: [string, string][] = [
      ['年度总结.report.md', '年度总结'],
      ['年度总结.report.txt', '年度总结'],
      ['年度总结.report', '年度总结'],
      ['年度总结.txt', '年度总结'],
      ['年度总结.MD', '年度总结'],
      ['年度总结.docx', '年度总结'],
      ['述职.v2.txt', '述职.v2'],
      ['.txt', 'report'],
    ];
    for (const [name, stem] of cases) assert.equal(reportStem(name), stem, name);
  });
});

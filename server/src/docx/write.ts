// Writing a report as a .docx laid out per GB/T 9704-2012: the layout (layout.ts) as
// WordprocessingML, zipped with fflate. Hand-written XML rather than the `docx` package: this one
// fixed layout needs about 200 lines, where `docx` adds 224 KB minified to every bundle that
// exports (measured; see docs/docx.md). Plain TypeScript: no Node, LSP or VS Code import.
import { strToU8, zipSync } from 'fflate';
import { FONT_FAMILIES, GRID, PAGE, PAGE_NUMBER_GAP_MM, SIZE, NOT_XML, type Block, type FontRole, type Fonts } from './standard';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** The section's geometry in twips, and the document grid Word and LibreOffice lay text on. */
export function geometry() {
  const width = twips(PAGE.width);
  const height = twips(PAGE.height);
  const margins = { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right) };
  const textWidth = width - margins.left - margins.right;
  const textHeight = height - margins.top - margins.bottom;
  // 22 lines must fit: the pitch is rounded down.
  const linePitch = Math.floor(textHeight / GRID.lines);
  // 28 characters a line: each character narrowed by the difference between the body size and
  // the pitch, in twentieths of a point, rounded down so that the 28th still fits (−5 = −0.25 pt).
  // Written as character spacing, not as Word's character grid (docGrid linesAndChars), which
  // LibreOffice lays out at two cells a character when the pitch is narrower than the font
  // (measured: 17 characters a line); see docs/docx.md.
  const charPitchPt = textWidth / GRID.chars / 20;
  const charSpacing = Math.floor((charPitchPt - SIZE.body) * 20);
  // The page number's line stands PAGE_NUMBER_GAP_MM below the type area.
  const footer = Math.max(0, margins.bottom - twips(PAGE_NUMBER_GAP_MM) - SIZE.pageNumber * 20);
  return { width, height, margins, textWidth, textHeight, linePitch, charSpacing, footer };
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPE[c]);
}

const halfPoints = (pt: number) => Math.round(pt * 2);

function rFonts(name: string): string {
  const n = xmlText(name);
  return `<w:rFonts w:ascii="${n}" w:eastAsia="${n}" w:hAnsi="${n}" w:cs="${n}" w:hint="eastAsia"/>`;
}

function runXml(text: string, font: string, size: number, bold = false): string {
  const rPr = `<w:rPr>${rFonts(font)}${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${halfPoints(size)}"/><w:szCs w:val="${halfPoints(size)}"/></w:rPr>`;
  // A tab is an element of its own; every other character is text.
  return text
    .split('\t')
    .map((part, i) => (i ? `<w:r>${rPr}<w:tab/></w:r>` : '') + (part ? `<w:r>${rPr}<w:t xml:space="preserve">${xmlText(part)}</w:t></w:r>` : ''))
    .join('');
}

const STYLE_OF: Record<Block['kind'], string> = {
  title: 'GBTitle',
  subtitle: 'GBSubtitle',
  heading: 'GBHeading',
  body: 'GBBody',
  signature: 'GBSignature',
  date: 'GBDate',
  blank: 'GBBody',
};

function paragraphXml(b: Block, fonts: Fonts): string {
  const style = b.kind === 'heading' ? `GBHeading${b.level}` : STYLE_OF[b.kind];
  const ind: string[] = [];
  if (b.indent) ind.push(`w:firstLineChars="${b.indent * 100}" w:firstLine="${b.indent * SIZE.body * 20}"`);
  if (b.rightIndent) ind.push(`w:rightChars="${Math.round(b.rightIndent * 100)}" w:right="${Math.round(b.rightIndent * SIZE.body * 20)}"`);
  const pPr = `<w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="${b.align}"/>${ind.length ? `<w:ind ${ind.join(' ')}/>` : '<w:ind w:firstLineChars="0" w:firstLine="0"/>'}</w:pPr>`;
  const size = (role: FontRole) => (role === 'title' ? SIZE.title : SIZE.body);
  return `<w:p>${pPr}${b.runs.map((r) => runXml(r.text, fonts[r.role], size(r.role), r.bold)).join('')}</w:p>`;
}

function stylesXml(fonts: Fonts): string {
  const pStyle = (id: string, name: string, role: FontRole, size: number, extra = '') =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr>${extra}</w:pPr><w:rPr>${rFonts(fonts[role])}<w:sz w:val="${halfPoints(size)}"/><w:szCs w:val="${halfPoints(size)}"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(fonts.body)}<w:spacing w:val="${geometry().charSpacing}"/><w:kern w:val="2"/><w:sz w:val="${halfPoints(SIZE.body)}"/><w:szCs w:val="${halfPoints(SIZE.body)}"/>` +
    `<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${rFonts(fonts.body)}<w:sz w:val="${halfPoints(SIZE.body)}"/><w:szCs w:val="${halfPoints(SIZE.body)}"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    pStyle('GBTitle', 'GB 标题', 'title', SIZE.title, '<w:jc w:val="center"/>') +
    pStyle('GBSubtitle', 'GB 副标题', 'heading2', SIZE.body, '<w:jc w:val="center"/>') +
    pStyle('GBHeading1', 'GB 一级标题', 'heading1', SIZE.body, '<w:outlineLvl w:val="0"/>') +
    pStyle('GBHeading2', 'GB 二级标题', 'heading2', SIZE.body, '<w:outlineLvl w:val="1"/>') +
    pStyle('GBHeading3', 'GB 三级标题', 'body', SIZE.body, '<w:outlineLvl w:val="2"/>') +
    pStyle('GBHeading4', 'GB 四级标题', 'body', SIZE.body, '<w:outlineLvl w:val="3"/>') +
    pStyle('GBBody', 'GB 正文', 'body', SIZE.body) +
    pStyle('GBSignature', 'GB 署名', 'body', SIZE.body, '<w:jc w:val="right"/>') +
    pStyle('GBDate', 'GB 成文日期', 'body', SIZE.body, '<w:jc w:val="right"/>') +
    pStyle('GBPageNumber', 'GB 页码', 'pageNumber', SIZE.pageNumber, '<w:snapToGrid w:val="0"/>') +
    `</w:styles>`
  );
}

/** Odd pages: `— 1 —` on the right, one character in; even pages on the left (§7.5). */
function footerXml(fonts: Fonts, side: 'odd' | 'even'): string {
  const size = SIZE.pageNumber;
  const ind = side === 'odd' ? `w:rightChars="100" w:right="${SIZE.body * 20}"` : `w:leftChars="100" w:left="${SIZE.body * 20}"`;
  const rPr = `<w:rPr>${rFonts(fonts.pageNumber)}<w:sz w:val="${halfPoints(size)}"/><w:szCs w:val="${halfPoints(size)}"/></w:rPr>`;
  const text = (t: string) => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const field =
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${text('1')}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="GBPageNumber"/><w:snapToGrid w:val="0"/>` +
    `<w:jc w:val="${side === 'odd' ? 'right' : 'left'}"/><w:ind ${ind}/></w:pPr>${text('— ')}${field}${text(' —')}</w:p></w:ftr>`
  );
}

function fontTableXml(fonts: Fonts, alternatives: Fonts): string {
  const seen = new Set<string>();
  let out = '';
  for (const role of Object.keys(fonts) as FontRole[]) {
    const name = fonts[role];
    if (seen.has(name)) continue;
    seen.add(name);
    const alt = alternatives[role] !== name ? alternatives[role] : FONT_FAMILIES[name]?.[0];
    out += `<w:font w:name="${xmlText(name)}">${alt ? `<w:altName w:val="${xmlText(alt)}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${role === 'heading1' ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`;
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${NS}>${out}</w:fonts>`;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export interface WriteOptions {
  fonts: Fonts;
  /** Fonts named as each font's alternative in the font table (Word substitutes them when the first is missing). */
  alternatives: Fonts;
  title?: string;
  /** Fixed file times, for byte-identical output (tests); default: now. */
  date?: Date;
}

/** The .docx bytes of the laid-out report. */
export function writeDocx(blocks: Block[], opts: WriteOptions): Uint8Array {
  const g = geometry();
  const body = blocks.map((b) => paragraphXml(b, opts.fonts)).join('');
  const sectPr =
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>` +
    `<w:pgSz w:w="${g.width}" w:h="${g.height}"/>` +
    `<w:pgMar w:top="${g.margins.top}" w:right="${g.margins.right}" w:bottom="${g.margins.bottom}" w:left="${g.margins.left}" w:header="851" w:footer="${g.footer}" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="${g.linePitch}"/></w:sectPr>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}${sectPr}</w:body></w:document>`;
  const settings =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${NS}><w:zoom w:percent="100"/><w:evenAndOddHeaders/>` +
    `<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="${g.linePitch}"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    `<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>` +
    `<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
  const date = (opts.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="${CT}.fontTable+xml"/>` +
      `<Override PartName="/word/footer1.xml" ContentType="${CT}.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="${CT}.footer+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'docProps/core.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${xmlText(opts.title ?? '')}</dc:title><dc:creator>workreport</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
    'word/_rels/document.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
      `<Relationship Id="rIdFonts" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
      `<Relationship Id="rIdFooterOdd" Type="${REL}/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="${REL}/footer" Target="footer2.xml"/></Relationships>`,
    'word/document.xml': document,
    'word/styles.xml': stylesXml(opts.fonts),
    'word/settings.xml': settings,
    'word/fontTable.xml': fontTableXml(opts.fonts, opts.alternatives),
    'word/footer1.xml': footerXml(opts.fonts, 'odd'),
    'word/footer2.xml': footerXml(opts.fonts, 'even'),
  };
  // Zip times run from 1980 to 2099.
  const mtime = new Date(Math.min(Math.max((opts.date ?? new Date()).getTime(), Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 31)));
  const zip: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, xml] of Object.entries(files)) zip[name] = [strToU8(xml), { mtime }];
  return zipSync(zip, { level: 6 });
}

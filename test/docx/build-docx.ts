// Minimal .docx packages written by hand for the reader's tests: the XML Word writes for
// each feature (numbering, tracked changes, tables, footnotes, comments, fields), zipped with
// fflate, independent of the project's own writer; and the project's reader and exporter as
// the tests call them.
import { strToU8, zipSync } from 'fflate';
import * as io from '../../server/src/docx/io';
import { readDocx, type DocxText } from '../../server/src/docx/read';
import { exportReport, type ExportOptions, type Exported } from '../../server/src/docx/export';
import { isHeadingLine } from '../../server/src/docx/layout';

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Parts {
  /** Inner XML of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  comments?: string;
}

export function docx(parts: Parts): Uint8Array {
  const rels: string[] = [];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`),
  };
  const add = (name: string, type: string, root: string, inner: string | undefined) => {
    if (inner === undefined) return;
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${inner}</w:${root}>`);
    rels.push(`<Relationship Id="r${rels.length}" Type="${REL}/${type}" Target="${name}"/>`);
  };
  add('styles.xml', 'styles', 'styles', parts.styles);
  add('numbering.xml', 'numbering', 'numbering', parts.numbering);
  add('footnotes.xml', 'footnotes', 'footnotes', parts.footnotes);
  add('comments.xml', 'comments', 'comments', parts.comments);
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  return zipSync(files);
}

/** A paragraph of plain runs; `pPr` is inner XML of w:pPr. */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ''}</w:p>`;
}

export function numbered(text: string, numId: number, ilvl: number): string {
  return p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

/** 一、 / （一） / 1. / （1）, Word's chineseCounting and decimal formats. */
export const GB_NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

/** The project's reader and exporter as the tests call them (the heading test from the report model, the writer bundled in). */
export function readBack(bytes: Uint8Array): DocxText {
  return readDocx(bytes, { isHeading: isHeadingLine });
}
export function exportWith(text: string, opts: ExportOptions): Exported {
  return exportReport(text, opts, io);
}

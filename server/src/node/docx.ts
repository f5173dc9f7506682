// The .docx reader (server/src/docx/) plugged into the file reader (sniff.ts's
// formatReaders): `readReportFile` gives a .docx's text like any report's, and `docxOf` gives
// what else was read (each line's Word paragraph and part) for the positions (docs/docx.md).
// The reader comes from dist/docx-io.js, loaded on the first .docx (esbuild.mjs).
import loadDocxIo from 'workreport-docx-io';
import type { DocxText } from '../docx/read';
import { isHeadingLine } from '../docx/layout';
import type { ReportFile } from './report-file';
import { formatReaders } from './sniff';

const read = new WeakMap<Uint8Array, DocxText>();

formatReaders.set('docx', {
  read(bytes) {
    const r = loadDocxIo().readDocx(bytes, { isHeading: isHeadingLine });
    read.set(bytes, r);
    return r.text;
  },
});

/** The .docx reading behind a file read by `readReportFile`, when it was a .docx. */
export function docxOf(file: ReportFile): DocxText | undefined {
  return read.get(file.bytes);
}

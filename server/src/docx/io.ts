// What needs the zip library: reading and writing .docx bytes (fflate). Its own bundle for the
// Node server and the CLI (dist/docx-io.js, loaded on first use through the virtual module
// `workreport-docx-io`, esbuild.mjs), so that the server bundle stays within its size budget;
// bundled in for the web worker and the tests. Imports no report model.
export { readDocx, DocxError, isDocxError, isZip, isOle, type DocxText, type DocxLine, type ReadOptions } from './read';
export { writeDocx, type WriteOptions } from './write';

export type DocxIo = typeof import('./io');

// Word in, Word out (server/src/docx/), for the client's commands (client/src/features/docx.ts):
//   workreport/readDocx   {data: base64}      → the text the checker reads (Import, Check Word Document)
//   workreport/exportDocx {uri, fonts?}       → the GB/T 9704 .docx (base64) and the error-level findings
//   workreport/preview    {uri, fonts?}       → the print preview's pages as HTML
// The client reads and writes the files (workspace.fs, so VS Code for the Web works too).
import { RequestType } from 'vscode-languageserver';
import { positionAt } from '../../core/model/position';
import { say } from '../../core/locale';
import { fromBase64, toBase64 } from '../../docx/base64';
import loadDocxIo from 'workreport-docx-io';
import { exportReport } from '../../docx/export';
import { isHeadingLine, isMarkdownName, layoutReport } from '../../docx/layout';
import { previewCss, previewHtml } from '../../docx/preview';
import { resolveFonts } from '../../docx/standard';
import type { ServerContext } from '../context';
import {
  EXPORT_DOCX_REQUEST,
  PREVIEW_REQUEST,
  READ_DOCX_REQUEST,
  type ExportDocxResult,
  type FontParams,
  type PreviewResult,
  type ReadDocxResult,
} from '../protocol';
import type { Feature } from '../feature';

const ReadDocxRequest = new RequestType<{ data: string }, ReadDocxResult, void>(READ_DOCX_REQUEST);
const ExportDocxRequest = new RequestType<FontParams, ExportDocxResult | null, void>(EXPORT_DOCX_REQUEST);
const PreviewRequest = new RequestType<FontParams, PreviewResult | null, void>(PREVIEW_REQUEST);

const fileName = (uri: string) => decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() || 'report');

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  connection.onRequest(ReadDocxRequest, ({ data }) => {
    try {
      const r = loadDocxIo().readDocx(fromBase64(data), { isHeading: isHeadingLine });
      return { text: r.text, paragraphs: r.stats.paragraphs };
    } catch (e) {
      const m = (e as { msg?: { zh: string; en: string } }).msg;
      return { error: m ? say(m, ctx.locale) : (e as Error).message };
    }
  });
  connection.onRequest(ExportDocxRequest, async ({ uri, fonts, fontOverrides }) => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const a = await ctx.analyze(doc);
    const out = exportReport(doc.getText(), { name: fileName(uri), fonts, fontOverrides }, loadDocxIo());
    const errors = a.findings
      .pick((_, severity) => severity === 'error')
      .map((f) => {
        const at = positionAt(a.doc.lines, f.start);
        return { line: at.line, character: at.character, rule: f.rule, message: say(f.message, a.config.locale) };
      });
    return { data: toBase64(out.bytes), paragraphs: out.blocks.length, errors };
  });
  connection.onRequest(PreviewRequest, ({ uri, fonts, fontOverrides }) => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const blocks = layoutReport(doc.getText(), { markdown: isMarkdownName(fileName(uri)) || doc.languageId === 'markdown' });
    const { html, pages } = previewHtml(blocks);
    return { css: previewCss(resolveFonts(fonts, fontOverrides)), html, pages };
  });
}

export const docxFeature: Feature = { register };

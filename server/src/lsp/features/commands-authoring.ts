// Custom requests the client's authoring UI uses (names and types: ../protocol.ts):
//   workreport/documentStats  {uri} → 字数 of the report, for the status bar
//   workreport/figuresTable   {uri} → the figures table as Markdown, for the side preview
// and the "ignore here" quick fix, which calls the client's command.
import { CodeActionKind, RequestType, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { countChars } from '../../core/authoring/count';
import { renderFiguresTable, type FiguresTableData } from '../../core/authoring/figures-table';
import { figuresTableData } from '../../core/authoring/figures-table';
import { fingerprint } from '../../core/run/ignore';
import { formatWords } from '../../core/outline/heading-info';
import type { Analysis, ServerContext } from '../context';
import type { Feature } from '../feature';
import {
  DOCUMENT_STATS_REQUEST,
  FIGURES_TABLE_REQUEST,
  IGNORE_COMMAND,
  REVEAL_COMMAND,
  type DocumentStats,
  type FiguresTable,
  type FiguresTableParams,
  type IgnoreArgs,
  type UriParams,
} from '../protocol';

const DocumentStatsRequest = new RequestType<UriParams, DocumentStats | null, void>(DOCUMENT_STATS_REQUEST);
const FiguresTableRequest = new RequestType<FiguresTableParams, FiguresTable | null, void>(FIGURES_TABLE_REQUEST);

export function documentStats(a: Analysis): DocumentStats {
  const c = a.doc.memo('count:total', () => countChars(a.doc.text));
  const zh = a.config.locale === 'zh';
  const limit = a.config.lengthLimit;
  const over = limit > 0 && c.words > limit;
  const text = (zh ? `字数 ${c.words.toLocaleString('en-US')}` : formatWords(c.words, 'en')) + (limit > 0 ? ` / ${limit.toLocaleString('en-US')}` : '');
  const tooltip = zh
    ? `字数（按 Word/WPS 的算法）：汉字 ${c.han} + 中文标点 ${c.punctuation} + 西文/数字词 ${c.latinWords} = ${c.words}\n字符数（不计空格）：${c.nonSpace}` +
      (over ? `\n超过字数限制 ${limit}（多 ${c.words - limit} 字）` : '')
    : `Character count (字数, as Word/WPS count it): Han ${c.han} + punctuation ${c.punctuation} + Latin/digit words ${c.latinWords} = ${c.words}\nCharacters without spaces: ${c.nonSpace}` +
      (over ? `\nOver the length limit ${limit} by ${c.words - limit}` : '');
  return { ...c, isReport: a.isReport, lengthLimit: limit, text, tooltip };
}

/** Figures data for the table: the figures analysis when present, else the figure findings. */
function figuresData(a: Analysis): FiguresTableData {
  return figuresTableData(a.doc, a.config.locale);
}

export function figuresTableMarkdown(a: Analysis, links: 'file' | 'command' = 'file'): string {
  const name = decodeURIComponent(a.uri.replace(/[?#].*$/, '').split('/').pop() || a.uri);
  const zh = a.config.locale === 'zh';
  return renderFiguresTable(a.doc, figuresData(a), {
    title: zh ? `数字核对表 · ${name}` : `Figures table · ${name}`,
    locale: a.config.locale,
    link: (_s, line, column) =>
      links === 'command'
        ? `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([a.uri, line - 1, column - 1]))}`
        : `${a.uri.replace(/#.*$/, '')}#L${line},${column}`,
  });
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  connection.onRequest(DocumentStatsRequest, async ({ uri }) => {
    const doc = documents.get(uri);
    if (!doc) return null;
    return documentStats(await ctx.analyze(doc));
  });
  connection.onRequest(FiguresTableRequest, async ({ uri, links }) => {
    const doc = documents.get(uri);
    if (!doc) return null;
    return { markdown: figuresTableMarkdown(await ctx.analyze(doc), links === 'command' ? 'command' : 'file') };
  });
}

export const authoringCommandsFeature: Feature = { register };

/** "Ignore here" for one of our diagnostics, when the client implements the command. */
export function ignoreAction(ctx: ServerContext, a: Analysis, doc: TextDocument, d: Diagnostic): CodeAction | undefined {
  if (!ctx.clientCommands.has(IGNORE_COMMAND) || typeof d.code !== 'string' || !d.code.includes('/')) return undefined;
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const args: IgnoreArgs = { uri: doc.uri, rule: d.code, text: fingerprint(a.doc.text, a.doc.lines, start, end) };
  const zh = a.config.locale === 'zh';
  return {
    title: zh ? `忽略此处的 ${d.code}（记入设置，不改动正文）` : `Ignore ${d.code} here (recorded in settings, not in the text)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    command: { title: zh ? '忽略此处' : 'Ignore here', command: IGNORE_COMMAND, arguments: [args] },
  };
}

// Output formats of `workreport check`. Each takes all results and returns the report text.
import type { Locale } from '../core/types';
import type { FormatName } from './args';
import { formatGithub } from './github';
import type { FileResult } from './report';
import { formatSarif } from './sarif';
import { formatCompact, formatText, type TextOptions } from './text';

export type FormatOptions = TextOptions & { locale: Locale };
export type Formatter = (results: FileResult[], opts: FormatOptions) => string;

/** SPEC §7: exactly one object, `{version, files: [{path, diagnostics}]}` (`error` for a file that could not be read, or written by --fix; `encoding`, how a file was read). */
const json: Formatter = (results) =>
  JSON.stringify({
    version: 1,
    files: results.map((r) => ({ path: r.path, ...(r.kind ? { kind: r.kind } : {}), ...(r.error ? { error: r.error } : {}), ...(r.encoding ? { encoding: r.encoding } : {}), diagnostics: r.diagnostics })),
  }) + '\n';

export const FORMATTERS: Record<FormatName, Formatter> = {
  text: formatText,
  compact: formatCompact,
  json,
  sarif: (results, opts) => formatSarif(results, { locale: opts.locale }),
  github: (results) => formatGithub(results),
};

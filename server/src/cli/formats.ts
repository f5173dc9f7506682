// Output formats of `workreport check`. Each takes all results and returns stdout text.
import type { Locale } from '../core/types';
import { formatGithub } from './github';
import type { FileResult } from './report';
import { formatSarif } from './sarif';

export type Formatter = (results: FileResult[], opts?: { locale?: Locale }) => string;

const text: Formatter = (results) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) continue;
    for (const d of r.diagnostics) out.push(`${r.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
};

const json: Formatter = (results) =>
  JSON.stringify({
    version: 1,
    files: results.map((r) => (r.error ? { path: r.path, error: r.error, diagnostics: [] } : { path: r.path, ...(r.encoding ? { encoding: r.encoding } : {}), diagnostics: r.diagnostics })),
  }) + '\n';

export const FORMATTERS: Record<string, Formatter> = {
  text,
  json,
  sarif: (results, opts) => formatSarif(results, { locale: opts?.locale }),
  github: (results) => formatGithub(results),
};

// `--format sarif`: SARIF 2.1.0, what code-scanning tools (GitHub, Azure DevOps, GitLab
// via converters) read to show findings inline. One run, every rule of the registry in
// tool.driver.rules (so a viewer can show a rule's description and doc link even when it
// found nothing), one result per finding. Columns are UTF-16 code units, as editors count
// them, and the run says so (columnKind).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../core/rules';
import { docUrl } from '../core/rule';
import { say } from '../core/locale';
import type { Locale, Severity } from '../core/types';
import type { FileResult } from './report';

declare const WORKREPORT_VERSION: string;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/workreport/workreport';

type Level = 'error' | 'warning' | 'note' | 'none';

/** SARIF has no "hint": both lower levels become notes (GitHub shows them as such). */
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  locale?: Locale;
  /** Folder that relative uris are relative to (default: the working directory). */
  cwd?: string;
}

/**
 * A uri reference for a path: relative (with forward slashes, percent-encoded) when the
 * file is under cwd, so uploads resolve it against the repository root; an absolute file
 * URL otherwise.
 */
export function artifactUri(p: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (p === '-') return { uri: 'stdin' };
  const abs = path.resolve(cwd, p);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

export function toSarif(results: FileResult[], opts: SarifOptions = {}): object {
  const locale = opts.locale ?? 'en';
  const cwd = opts.cwd ?? process.cwd();
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string, level: Level, description?: string) => {
    ruleIndex.set(id, rules.length);
    rules.push({
      id,
      ...(description ? { shortDescription: { text: description } } : {}),
      helpUri: docUrl(id),
      defaultConfiguration: { level },
      properties: { tags: [id.split('/')[0]] },
    });
  };
  for (const r of RULES) addRule(r.id, LEVEL[r.severity], say(r.description, locale));

  const out: object[] = [];
  const notifications: object[] = [];
  for (const f of results) {
    const location = artifactUri(f.path, cwd);
    if (f.error) {
      notifications.push({
        level: 'error',
        message: { text: f.error },
        locations: [{ physicalLocation: { artifactLocation: location } }],
      });
    }
    for (const d of f.diagnostics) {
      // A finding of a rule outside the registry (should not happen) still gets a descriptor.
      if (!ruleIndex.has(d.rule)) addRule(d.rule, LEVEL[d.severity]);
      out.push({
        ruleId: d.rule,
        ruleIndex: ruleIndex.get(d.rule),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: d.line,
                startColumn: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn,
                // A .docx: the Word paragraph and part the line is (docs/docx.md).
                ...(d.paragraph ? { properties: { paragraph: d.paragraph, part: d.part } } : {}),
              },
            },
          },
        ],
        ...(d.fixable ? { properties: { fixable: true } } : {}),
      });
    }
  }

  const version = typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : '0.0.0';
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'workreport',
            fullName: '报告校对 · Work Report Checker',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
}

export function formatSarif(results: FileResult[], opts: SarifOptions = {}): string {
  return JSON.stringify(toSarif(results, opts), null, 2) + '\n';
}

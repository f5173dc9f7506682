// What the CLI knows about one checked file, in output-ready form.
import type { Finding } from '../core/types';
import { positionAt } from '../core/model/position';
import type { Line } from '../core/model/lines';
import { say } from '../core/locale';
import type { Locale } from '../core/types';

export interface CliDiagnostic {
  rule: string;
  severity: Finding['severity'];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
}

export interface FileResult {
  path: string;
  diagnostics: CliDiagnostic[];
  /** Set when the file could not be read. */
  error?: string;
}

export function toCliDiagnostics(findings: Finding[], lines: Line[], locale: Locale): CliDiagnostic[] {
  return findings.map((f) => {
    const s = positionAt(lines, f.start);
    const e = positionAt(lines, f.end);
    return {
      rule: f.rule,
      severity: f.severity,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      message: say(f.message, locale),
      fixable: !!f.fix,
    };
  });
}

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
  /** For a .docx: the Word paragraph (1-based, reading order) and the part it is in (docs/docx.md). */
  paragraph?: number;
  part?: 'body' | 'table' | 'footnote' | 'endnote';
}

/** How a file was read (JSON `files[].encoding`); --fix writes it back the same way. */
export interface CliEncoding {
  /** utf-8, utf-16le, utf-16be, gb18030 or gbk. */
  name: string;
  bom: boolean;
  /** lf, crlf, mixed or none. */
  lineEnding: string;
}

export function encodingOf(f: { encoding: { name: string; bom: boolean }; eol: string }): CliEncoding {
  return { name: f.encoding.name, bom: f.encoding.bom, lineEnding: f.eol };
}

export interface FileResult {
  path: string;
  /** `docx` when the text was read from a Word document: lines are its paragraphs (docs/docx.md). */
  kind?: 'docx';
  /** Absent for standard input. */
  encoding?: CliEncoding;
  diagnostics: CliDiagnostic[];
  /** Set when the file could not be read or written: one line, in the run's language. */
  error?: string;
  /** What the text formats draw from (never part of the JSON): the checked text and its findings, in the order of `diagnostics`. */
  source?: { text: string; lines: Line[]; findings: Finding[] };
  /** Findings fixed by --fix, per rule. */
  fixed?: Map<string, number>;
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

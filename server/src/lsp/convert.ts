// The one layer that turns core findings into LSP objects. A finding travels whole in
// `Diagnostic.data`, so code actions are built from the diagnostic alone.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Line } from '../core/model/lines';
import { positionAt } from '../core/model/position';
import { say } from '../core/locale';
import type { Shown } from '../core/run/present';
import { fixOf, type Fix, type Locale, type Severity, type Span } from '../core/types';

export const SOURCE = 'workreport';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What rides in Diagnostic.data. */
export interface FindingData {
  rule: string;
  fix?: Fix;
  /** Document version the finding was computed for. */
  version: number;
  /** A folded group: how many findings it stands for (core/run/present.ts). */
  folded?: number;
}

export function toRange(lines: Line[], s: Span): Range {
  return { start: positionAt(lines, s.start), end: positionAt(lines, s.end) };
}

export function toDiagnostic(
  f: Shown,
  lines: Line[],
  uri: string,
  version: number,
  locale: Locale,
  docUrl: (rule: string) => string,
): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docUrl(f.rule) },
    source: SOURCE,
    message: say(f.message, locale),
    data: { rule: f.rule, fix: fixOf(f), version, folded: f.folded } satisfies FindingData,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri, range: toRange(lines, r) },
      message: say(r.message, locale),
    }));
  }
  if (f.rule === 'text/pinyin-annotation' || f.rule === 'text/boilerplate') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function toTextEdits(lines: Line[], edits: { start: number; end: number; newText: string }[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

/** Offset edits of a document's current text (a whole-text rewrite's diff), positioned by the document itself. */
export function documentEdits(doc: TextDocument, edits: readonly { start: number; end: number; newText: string }[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

export function quickFix(
  title: string,
  uri: string,
  edits: TextEdit[],
  diagnostics: Diagnostic[],
  preferred: boolean,
  kind: string = CodeActionKind.QuickFix,
): CodeAction {
  return {
    title,
    kind,
    diagnostics,
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: edits } },
  };
}

// A `.workreportrc.json` with mistakes (broken JSON, an unknown rule id or template, a wrong
// type) gets one diagnostic per mistake on the file itself, where it is, with the name that
// was probably meant; the file is then not in effect (core/config/rc-file.ts), which the user
// is told once in a notification. Cleared once the file is fixed.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { RcFile } from '../../core/config/rc-file';
import { lineColumn, notInEffect } from '../../core/config/validate';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { SOURCE } from '../convert';

/** file URI of a local path (POSIX or Windows), without needing node:url (web build). */
export function pathToUri(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (!s.startsWith('/')) s = '/' + s;
  return 'file://' + s.split('/').map((seg) => encodeURIComponent(seg).replace(/%3A/g, ':')).join('/');
}

function diagnostics(rc: RcFile, locale: 'zh' | 'en'): Diagnostic[] {
  return rc.problems.map((p) => {
    const text = rc.text ?? '';
    const a = lineColumn(text, p.start ?? 0);
    const b = lineColumn(text, p.end ?? (p.start ?? 0) + 1);
    return {
      range: { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'config',
      message: p.message[locale],
    };
  });
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  const published = new Set<string>();
  /** Files the user was told are not in effect (told again only after they were fixed). */
  const told = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    if (!ctx.host.loadRcFile) return;
    const now = new Map<string, RcFile>();
    for (const d of documents.all()) {
      const rc = ctx.host.loadRcFile(d.uri);
      // The web host names config files by URI already (a scheme of 2+ letters, not a drive).
      if (rc) now.set(/^[a-z][a-z0-9+.-]+:/i.test(rc.path) ? rc.path : pathToUri(rc.path), rc);
    }
    for (const [uri, rc] of now) {
      if (!rc.problems.length) continue;
      void connection.sendDiagnostics({ uri, diagnostics: diagnostics(rc, ctx.locale) });
      published.add(uri);
      if (!told.has(uri)) {
        told.add(uri);
        void connection.window.showWarningMessage(notInEffect(rc.path.split(/[\\/]/).pop() ?? rc.path, rc.problems.length, ctx.locale));
      }
    }
    for (const uri of [...published]) {
      if (now.get(uri)?.problems.length) continue;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.delete(uri);
      told.delete(uri);
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 50);
  };
  documents.onDidOpen(soon);
  ctx.onConfigurationChanged.push(soon);
}

export const configFileFeature: Feature = { register };

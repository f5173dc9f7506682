// A `.workreportrc.json` with errors gets ONE diagnostic on the file itself (what is
// wrong, and that those entries fall back to defaults); the reports keep being checked
// with what was valid. Cleared once the file is fixed.
import { DiagnosticSeverity } from 'vscode-languageserver';
import { describeProblems } from '../../core/config/validate';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';

/** file URI of a local path (POSIX or Windows), without needing node:url (web build). */
export function pathToUri(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (!s.startsWith('/')) s = '/' + s;
  return 'file://' + s.split('/').map((seg) => encodeURIComponent(seg).replace(/%3A/g, ':')).join('/');
}

function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  const published = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    if (!ctx.host.loadRcFile) return;
    const now = new Map<string, ReturnType<NonNullable<typeof ctx.host.loadRcFile>>>();
    for (const d of documents.all()) {
      const rc = ctx.host.loadRcFile(d.uri);
      // The web host names config files by URI already (a scheme of 2+ letters, not a drive).
      if (rc) now.set(/^[a-z][a-z0-9+.-]+:/i.test(rc.path) ? rc.path : pathToUri(rc.path), rc);
    }
    for (const [uri, rc] of now) {
      if (!rc || !rc.problems.length) continue;
      const message = describeProblems(rc.problems, ctx.locale);
      void connection.sendDiagnostics({
        uri,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            severity: DiagnosticSeverity.Error,
            source: 'workreport',
            code: 'config',
            message,
          },
        ],
      });
      published.add(uri);
    }
    for (const uri of [...published]) {
      if (now.get(uri)?.problems.length) continue;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.delete(uri);
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

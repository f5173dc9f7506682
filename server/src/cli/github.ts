// `--format github`: GitHub Actions workflow commands, one annotation per finding:
//   ::error file=a.txt,line=3,col=5,endLine=3,endColumn=9,title=figures/sum::2 + 5 = 7 ≠ 8
// GitHub shows them on the changed lines of a pull request and in the run summary.
import * as path from 'node:path';
import type { Severity } from '../core/types';
import type { FileResult } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** Escaping of a command's message (the part after `::`), as @actions/core does it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (file, title): also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function filePath(p: string): string {
  // GitHub matches annotations to files by path from the repository root, with forward slashes.
  return p.split(path.sep).join('/');
}

export function formatGithub(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const file = escapeProperty(filePath(r.path));
    // A file that could not be read has no findings; one that --fix could not write has
    // the findings of its text as it stands.
    if (r.error) out.push(`::error file=${file},title=workreport::${escapeData(r.error)}`);
    for (const d of r.diagnostics) {
      // GitHub accepts columns only on a one-line annotation; its end column is the last
      // column of the range (inclusive), ours is the one after it.
      const props =
        d.endLine === d.line
          ? `file=${file},line=${d.line},col=${d.column},endLine=${d.line},endColumn=${Math.max(d.column, d.endColumn - 1)}`
          : `file=${file},line=${d.line},endLine=${d.endLine}`;
      out.push(`::${COMMAND[d.severity]} ${props},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

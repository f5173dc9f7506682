// Runs the bundled CLI (dist/cli.js) as a subprocess, with a neutral locale, for the CLI tests.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DIST, ROOT } from '../paths';

export const CLI = path.join(DIST, 'cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], o: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: o.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...o.env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One diagnostic of `--format json` (SPEC §7). */
export type { CliDiagnostic as JsonDiagnostic } from '../../server/src/cli/report';

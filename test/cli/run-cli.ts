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

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Piped to standard input; without it standard input is /dev/null (as from a terminal with nothing typed). */
  input?: string | Buffer;
  /** Node options before the script (e.g. `--require` of a stub). */
  nodeArgs?: string[];
}

export function cli(args: string[], o: CliRunOptions = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', FORCE_COLOR: '', ...o.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [...(o.nodeArgs ?? []), CLI, ...args], {
    cwd: o.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: env as NodeJS.ProcessEnv,
    ...(o.input !== undefined ? { input: o.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One diagnostic of `--format json` (SPEC §7). */
export type { CliDiagnostic as JsonDiagnostic } from '../../server/src/cli/report';

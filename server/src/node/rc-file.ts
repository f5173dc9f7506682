// Finding and reading `.workreportrc.json` (Node only: the CLI and the Node server).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type ConfigProblem } from '../core/config/validate';
import type { Config } from '../core/config/config';

export const RC_NAME = '.workreportrc.json';

export interface RcFile {
  path: string;
  config: Partial<Config>;
  problems: ConfigProblem[];
}

/** The nearest `.workreportrc.json` at or above `dir`, parsed; undefined when there is none. */
export function findRcFile(dir: string, stopAt?: string): RcFile | undefined {
  let d = path.resolve(dir);
  for (let i = 0; i < 64; i++) {
    const p = path.join(d, RC_NAME);
    if (fs.existsSync(p)) return readRcFile(p);
    const up = path.dirname(d);
    if (up === d || (stopAt && d === path.resolve(stopAt))) break;
    d = up;
  }
  return undefined;
}

export function readRcFile(p: string): RcFile {
  const problems: ConfigProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (e) {
    problems.push({ path: '', message: `cannot read: ${(e as Error).message}` });
    return { path: p, config: {}, problems };
  }
  return { path: p, config: parseConfig(json, problems), problems };
}

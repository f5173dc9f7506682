// `.workreportrc.json` from the file system (Node only: the CLI and the Node server); where it
// is looked for and what a file with mistakes means: core/config/rc-file.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rcCandidates, rcFromText, unreadableRc, type RcFile } from '../core/config/rc-file';

export type { RcFile } from '../core/config/rc-file';

/** The nearest `.workreportrc.json` at or above `dir`, read; undefined when there is none. */
export function findRcFile(dir: string): RcFile | undefined {
  for (const p of rcCandidates(path.join(path.resolve(dir), '_'))) {
    if (fs.existsSync(p)) return readRcFile(p);
  }
  return undefined;
}

export function readRcFile(p: string): RcFile {
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    return unreadableRc(p, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  return rcFromText(p, text);
}

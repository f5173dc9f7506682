// `.workreportrc.json` as read: its settings and its mistakes. A file with any problem is not
// in effect: the checks use the defaults (and editor settings) until it is fixed. Where the
// file is looked for: rc-location.ts.
import type { Config } from './config';
import { parseConfigText, type ConfigProblem } from './validate';

export { RC_FILE_NAME, rcCandidates } from './rc-location';

export interface RcFile {
  /** A file path (CLI, Node server) or URI (web worker), as the reader named it. */
  path: string;
  /** What is applied: empty when the file has problems. */
  config: Partial<Config>;
  problems: ConfigProblem[];
  /** The file's text, for positions in messages (absent when it could not be read). */
  text?: string;
}

/** The config file read from its text: a file with problems applies nothing. */
export function rcFromText(path: string, text: string): RcFile {
  const { config, problems } = parseConfigText(text);
  return { path, config: problems.length ? {} : config, problems, text };
}

/** A config file that exists but cannot be read (permissions, not UTF-8 text…). */
export function unreadableRc(path: string, reason: string): RcFile {
  return { path, config: {}, problems: [{ path: '', message: { zh: `无法读取：${reason}`, en: `cannot read: ${reason}` } }] };
}

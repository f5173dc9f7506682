// From the paths on the command line to the files to check: files as named, folders
// searched recursively for report files (minus what .gitignore ignores), quoted globs
// expanded as a shell would (Windows cmd passes `*.txt` through unexpanded), `-` for
// standard input. Globs are matched by tinyglobby (38 KB minified with picomatch), ignore
// files read by `ignore` (9 KB, the matcher ESLint uses).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
// The CommonJS build: the ES module build's fdir reads import.meta.url, which a CommonJS bundle lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import tinyglobby = require('tinyglobby');
const { globSync, isDynamicPattern } = tinyglobby;
import type { Msg } from '../core/types';
import { T } from './i18n';

/**
 * File names searched for in folders (and only there: a file named on the command line
 * is checked whatever its name). `.report.txt` and `.report.md` end in `.txt` and `.md`.
 */
export const REPORT_EXTENSIONS: readonly string[] = ['.report', '.txt', '.md', '.docx'];

/** Never searched: version control and installed packages. */
const SKIPPED_DIRS = new Set(['node_modules']);

export function isReportFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((e) => lower.endsWith(e) && lower.length > e.length);
}

export interface Expanded {
  /** Files in command-line order, each once; `-` is standard input. */
  files: string[];
  /** Those of `files` found by searching a folder or expanding a glob (not named one by one). */
  found: Set<string>;
  /** Arguments that matched nothing (exit code 2). */
  problems: Msg[];
}

export function expandPaths(args: readonly string[], cwd: string): Expanded {
  const files: string[] = [];
  const found = new Set<string>();
  const seen = new Set<string>();
  const problems: Msg[] = [];
  const ignores = new GitIgnores();
  const add = (p: string, searched = false) => {
    const key = p === '-' ? '-' : path.resolve(cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
    if (searched) found.add(p);
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat?.isDirectory()) {
      const inFolder = walk(arg, abs, ignores);
      if (!inFolder.length) problems.push(T.noReports(arg, REPORT_EXTENSIONS.join(' ')));
      for (const f of inFolder) add(f, true);
    } else if (!stat && isGlob(arg)) {
      const matched = expandGlob(arg, cwd, ignores);
      if (!matched.length) problems.push(T.noMatch(arg));
      for (const f of matched) add(f, true);
    } else {
      // A file, or something that cannot be read: reading it says why, in one line.
      add(arg);
    }
  }
  return { files, found, problems };
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function isGlob(arg: string): boolean {
  return isDynamicPattern(toPattern(arg));
}

/** Patterns use forward slashes; on Windows a backslash is a separator, not an escape. */
function toPattern(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** Report files under a folder, sorted by path, without hidden, ignored or installed ones. */
function walk(shown: string, abs: string, ignores: GitIgnores): string[] {
  const out: string[] = [];
  const visit = (dirShown: string, dirAbs: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch {
      // An unreadable subfolder is skipped (git does the same); a named one is reported by reading.
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      // Hidden entries, and Word's lock files (`~$报告.docx`, present while the document is open).
      if (e.name.startsWith('.') || e.name.startsWith('~$') || SKIPPED_DIRS.has(e.name)) continue;
      const childAbs = path.join(dirAbs, e.name);
      const childShown = path.join(dirShown, e.name);
      // Symbolic links to folders are not followed (no cycles); links to files are read.
      const isFile = e.isFile() || (e.isSymbolicLink() && !!statOrUndefined(childAbs)?.isFile());
      if (e.isDirectory()) {
        if (!ignores.ignored(childAbs, true, abs)) visit(childShown, childAbs);
      } else if (isFile && isReportFileName(e.name) && !ignores.ignored(childAbs, false, abs)) {
        out.push(childShown);
      }
    }
  };
  visit(shown, abs);
  return out;
}

/**
 * A glob's matches, shown as the user wrote the static part of the pattern. The pattern is
 * split at its first dynamic segment and matched from there, so that `../**` and absolute
 * patterns behave (tinyglobby 0.2.17 misses files below its cwd for patterns that climb
 * above it). Folders that match are searched like folders named on the command line.
 */
function expandGlob(arg: string, cwd: string, ignores: GitIgnores): string[] {
  const segments = toPattern(arg).split('/');
  let i = 0;
  while (i < segments.length - 1 && !isDynamicPattern(segments[i])) i++;
  const base = segments.slice(0, i).join('/') || (arg.startsWith('/') ? '/' : '.');
  const rest = segments.slice(i).join('/');
  const baseAbs = path.resolve(cwd, base);
  const matches = globSync(rest, { cwd: baseAbs, onlyFiles: false, dot: false, expandDirectories: false, ignore: ['**/node_modules/**'] });
  matches.sort();
  const out: string[] = [];
  for (const m of matches) {
    const rel = m.replace(/\/$/, '');
    const abs = path.join(baseAbs, rel);
    const shown = path.join(base, rel);
    const stat = statOrUndefined(abs);
    if (!stat) continue;
    if (ignores.ignored(abs, stat.isDirectory(), baseAbs)) continue;
    if (stat.isDirectory()) out.push(...walk(shown, abs, ignores));
    else out.push(shown);
  }
  return out;
}

/**
 * .gitignore files as git reads them: every .gitignore from the repository's top folder
 * (the nearest folder above with a `.git`) down to the file's folder, deeper ones
 * overriding (`!keep.txt`). Outside a repository, those from the searched folder down.
 */
class GitIgnores {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();

  ignored(abs: string, isDir: boolean, searchRoot: string): boolean {
    const top = this.repositoryRoot(path.dirname(abs)) ?? searchRoot;
    const chain: string[] = [];
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      chain.push(d);
      if (d === top || path.dirname(d) === d) break;
    }
    let ignored = false;
    for (const dir of chain.reverse()) {
      const ig = this.rulesOf(dir);
      if (!ig) continue;
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const r = ig.test(isDir ? rel + '/' : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(dir: string): Ignore | null {
    let ig = this.rules.get(dir);
    if (ig === undefined) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
      } catch {
        text = undefined;
      }
      ig = text === undefined ? null : ignore().add(text);
      this.rules.set(dir, ig);
    }
    return ig;
  }

  private repositoryRoot(dir: string): string | undefined {
    const cached = this.roots.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let root: string | null = null;
    if (fs.existsSync(path.join(dir, '.git'))) root = dir;
    else if (path.dirname(dir) !== dir) root = this.repositoryRoot(path.dirname(dir)) ?? null;
    this.roots.set(dir, root);
    return root ?? undefined;
  }
}

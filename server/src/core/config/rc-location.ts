// Where `.workreportrc.json` is looked for, one rule for every reader (the CLI and the Node
// server through node/rc-file.ts, the web worker, the client's "ignore here" writer): the
// nearest file named RC_FILE_NAME in the document's folder or any folder above it, up to the
// root. No imports: the VS Code clients use it too.

export const RC_FILE_NAME = '.workreportrc.json';

/**
 * Where to look for a document's config file, nearest first: `<dir>/.workreportrc.json` for
 * the document's folder and each folder above it. Works on URIs (`file:///a/b/c.txt`, any
 * scheme) and on POSIX or Windows paths.
 */
export function rcCandidates(document: string): string[] {
  const clean = document.split(/[?#]/)[0].replace(/\\/g, '/');
  const scheme = /^[a-z][a-z0-9+.-]+:\/\/[^/]*/i.exec(clean)?.[0] ?? '';
  const drive = /^(?:\/?[a-z]:)(?=\/)/i.exec(clean.slice(scheme.length))?.[0] ?? '';
  const base = scheme.length + drive.length;
  const sep = document.includes('\\') && !scheme ? '\\' : '/';
  const out: string[] = [];
  if (clean.lastIndexOf('/') < base) return out;
  let dir = clean.slice(0, clean.lastIndexOf('/'));
  for (let guard = 0; guard < 256 && dir.length >= base; guard++) {
    out.push(`${dir}/${RC_FILE_NAME}`.split('/').join(sep));
    if (dir.length === base) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return out;
}

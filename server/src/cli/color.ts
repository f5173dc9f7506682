// Whether to colour the output: --color / --no-color, else NO_COLOR (no-color.org: any
// non-empty value turns colour off), else FORCE_COLOR (non-empty turns it on, 0 or false
// off, as Node and chalk read it), else TERM=dumb off, else on exactly when the output
// is a terminal. The escape codes themselves come from picocolors (2.6 KB minified).
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !/^(0|false)$/i.test(force);
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

// Small helpers the client features share.
import * as vscode from 'vscode';

/** Is VS Code running in Chinese? The client's own messages follow it. */
export const zh = (): boolean => /^zh/i.test(vscode.env.language);

/** `f` once, `ms` after the last call. */
export function debounce(ms: number, f: () => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(t);
    t = setTimeout(f, ms);
  };
}

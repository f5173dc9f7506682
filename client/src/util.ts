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

/** The Output channel's name (and the language client's). */
export const CHANNEL = '报告校对 · Work Report Checker';

/** The channel's first line, so that it is never empty. */
export function startedLine(context: vscode.ExtensionContext): string {
  const version = (context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '';
  const when = new Date().toLocaleTimeString();
  return zh() ? `[${when}] 报告校对 ${version} 已启动，检查服务正在运行` : `[${when}] Work Report Checker ${version} started; the checking server is running`;
}

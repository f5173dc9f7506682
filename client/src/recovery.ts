// When the language server dies, say so and bring it back (SPEC §8): the default handler of
// vscode-languageclient restarts silently (only the output channel knows) and gives up
// after five crashes in three minutes with an error. Ours tells the user each time, offers
// the log, restarts up to MAX_RESTARTS times within WINDOW_MS, then stops with a message
// that says how to start it again.
// No value import of vscode or vscode-languageclient: the node and browser clients share it,
// and tests drive it with a fake UI.
import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient';

// The library's enum values, typed against it (tsc fails if they ever differ).
const CONTINUE: ErrorAction.Continue = 1;
const SHUTDOWN: ErrorAction.Shutdown = 2;
const DO_NOT_RESTART: CloseAction.DoNotRestart = 1;
const RESTART: CloseAction.Restart = 2;

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export interface RecoveryUi {
  /** VS Code's display language (vscode.env.language). */
  language: string;
  /** window.showWarningMessage / showErrorMessage with one button; resolves to the choice. */
  show(kind: 'warning' | 'error', text: string, button: string): PromiseLike<string | undefined>;
  /** Reveal the client's output channel (the server log). */
  showLog(): void;
  now?(): number;
}

export function recoveringErrorHandler(ui: RecoveryUi): ErrorHandler {
  const crashes: number[] = [];
  const zh = () => ui.language.toLowerCase().startsWith('zh');
  const notify = (text: string, error: boolean) => {
    const showLog = zh() ? '查看日志' : 'Show Log';
    void ui.show(error ? 'error' : 'warning', text, showLog).then((choice) => {
      if (choice === showLog) ui.showLog();
    });
  };
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few write/read errors on the connection are transient; persistent ones end it,
      // and closed() below decides about the restart.
      return { action: count !== undefined && count <= 3 ? CONTINUE : SHUTDOWN, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = ui.now?.() ?? Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        notify(
          zh()
            ? `报告校对服务在 3 分钟内异常退出 ${crashes.length} 次，已停止。请查看日志，然后运行“开发人员: 重新加载窗口”重新启动。`
            : `The Work Report Checker server stopped unexpectedly ${crashes.length} times in 3 minutes and will not be restarted. See the log, then run "Developer: Reload Window" to start it again.`,
          true,
        );
        return { action: DO_NOT_RESTART, handled: true };
      }
      notify(
        zh() ? '报告校对服务异常退出，已自动重新启动。' : 'The Work Report Checker server stopped unexpectedly and was restarted.',
        false,
      );
      return { action: RESTART, handled: true };
    },
  };
}

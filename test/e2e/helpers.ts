// Helpers for the real-editor suite: the workspace the runner prepared, and waiting on
// VS Code events (never sleeping) with a timeout.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'workreport.workreport';
export const RULE = 'text/pinyin-annotation';
/** The project's pasted report (test/reports/pasted.txt), as the runner copied it into the workspace. */
export const PASTED_REPORT = 'pasted.report';
/** The same text as plain text (checked because it looks like a report). */
export const PASTED_PLAIN = 'pasted.txt';
/** Pinyin annotations: a parenthesised run of lowercase, possibly tone-marked, Latin letters. */
const ANNOTATION = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (the runner opens one)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** How many pinyin annotations the pasted report has, counted here without the server. */
export async function pastedAnnotations(): Promise<number> {
  return [...(await readText(workspaceFile(PASTED_REPORT))).matchAll(ANNOTATION)].length;
}

/** A fresh copy of a workspace file under a new name, so a test can edit it freely. */
export async function copyOf(name: string, newName: string): Promise<vscode.Uri> {
  const to = workspaceFile(newName);
  await vscode.workspace.fs.copy(workspaceFile(name), to, { overwrite: true });
  return to;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'workreport');
}

/** Resolves with the document's workreport diagnostics once pred holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!pred(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const ds = ours(uri);
      const counts: Record<string, number> = {};
      for (const d of ds) counts[codeOf(d) ?? '?'] = (counts[codeOf(d) ?? '?'] ?? 0) + 1;
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; have ${JSON.stringify(counts)}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/**
 * A paragraph's findings of one kind shown as one (`本段有12处拼音注音，应删除`, server
 * core/run/present.ts); each place is then also a hint of its own.
 */
export function isFolded(d: vscode.Diagnostic): boolean {
  return /^本段有\d+处|^\d+ .* in this paragraph: /.test(d.message);
}

/** How many places a rule reports: its diagnostics, a folded paragraph counted by its places (hints), not itself. */
export function countOf(ds: vscode.Diagnostic[], rule: string): number {
  return ds.filter((d) => codeOf(d) === rule && !isFolded(d)).length;
}

/** Opens a document in an editor (as a user would) and returns it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Saves and closes every editor, so the next test starts clean (closing a dirty editor would
 * open a dialog). Tests edit only their own copies (copyOf), never the runner's files.
 */
export async function closeAll(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Text with every "(pinyin)" annotation removed, computed without the extension. */
export function withoutAnnotations(text: string): string {
  return text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
}

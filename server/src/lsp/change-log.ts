// The editor's changes to each open document, version by version, since its last analysis.
//
// Right after an edit, the editor's document holds its text as the previous text and the
// change joined (a rope), which V8 flattens on the first read: a new string as long as the
// text, 2 MB for a 1 M-character report, 5–7 ms on the bench machine (page faults, mostly).
// A completion asked right after a keystroke needs only the line typed on, and the line can be
// had without that read: the last analysed version's line with the changes since applied to it
// (features/completion.ts, ServerContext.lineSince). What is kept is bounded: small changes
// only (a pasted block or a whole new text ends what can be followed), and no more than the
// changes since the last analysis.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Changes whose text is longer than this are not kept (a paste): the log is cut there. */
const MAX_CHANGE_TEXT = 4096;
/** At most this many versions are followed: older steps are dropped. */
const MAX_STEPS = 256;

/** One version's changes, from version `from` to `to`; `changes` undefined: not kept (a whole new text, a paste). */
interface Step {
  from: number;
  to: number;
  changes?: readonly TextDocumentContentChangeEvent[];
}

export class ChangeLog {
  private readonly steps = new Map<string, Step[]>();

  /** The changes that made version `to` of `uri` from version `from`. */
  record(uri: string, from: number, to: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    let list = this.steps.get(uri);
    if (!list) this.steps.set(uri, (list = []));
    const small = changes.every((c) => 'range' in c && c.text.length <= MAX_CHANGE_TEXT);
    list.push({ from, to, changes: small ? changes : undefined });
    if (list.length > MAX_STEPS) list.splice(0, list.length - MAX_STEPS);
  }

  /** Nothing before version `version` is asked for any more (it has been analysed). */
  analysed(uri: string, version: number): void {
    const list = this.steps.get(uri);
    if (!list) return;
    let k = 0;
    while (k < list.length && list[k].to <= version) k++;
    if (k) list.splice(0, k);
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }

  /** The changes from version `from` to version `to`, version by version, or undefined when some are not known. */
  between(uri: string, from: number, to: number): (readonly TextDocumentContentChangeEvent[])[] | undefined {
    const list = this.steps.get(uri);
    if (!list) return undefined;
    let k = 0;
    while (k < list.length && list[k].from !== from) k++;
    const out: (readonly TextDocumentContentChangeEvent[])[] = [];
    let at = from;
    for (; k < list.length && at !== to; k++) {
      const step = list[k];
      if (step.from !== at || !step.changes) return undefined;
      out.push(step.changes);
      at = step.to;
    }
    return at === to ? out : undefined;
  }
}

/**
 * Line `line` of a text after `steps` of changes, given its text before them (`text`, without
 * its break), or undefined when a change reaches beyond the line or adds or removes a break
 * (the line is then not the same line). Characters are UTF-16 code units, as the editor counts
 * them; a position past the line's end is its end, as the editor's document takes it.
 */
export function lineAfter(text: string, line: number, steps: readonly (readonly TextDocumentContentChangeEvent[])[]): string | undefined {
  for (const changes of steps) {
    for (const c of changes) {
      if (!('range' in c)) return undefined;
      const { start, end } = c.range;
      if (start.line !== line || end.line !== line || /[\r\n]/.test(c.text)) return undefined;
      const s = Math.max(0, Math.min(start.character, text.length));
      const e = Math.max(0, Math.min(end.character, text.length));
      if (e < s) return undefined;
      text = text.slice(0, s) + c.text + text.slice(e);
    }
  }
  return text;
}

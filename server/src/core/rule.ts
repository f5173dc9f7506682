// The contract every rule fulfils: one file per rule under rules/<family>/<name>.ts.
import type { Config } from './config/config';
import type { ReportDocument } from './model/document';
import type { Msg, Report, Severity } from './types';

export interface RuleContext {
  config: Config;
  report(r: Report): void;
}

export interface Rule {
  /** Public id `family/name`; also the doc page docs/rules/<family>/<name>.md. */
  id: string;
  description: Msg;
  severity: Severity;
  /** Whether its findings can carry a fix. */
  fixable: boolean;
  /**
   * The rule reads each line on its own: its findings on a document are its findings on each
   * line read alone (with the line's break), shifted to where the line is. The server then
   * re-reads only the lines an edit touches (run/incremental.ts). `cap`: the rule stops after
   * this many findings in a document. test/property/incremental.property.test.ts holds every
   * rule that says so to it.
   */
  perLine?: { cap?: number };
  /**
   * How the editor names many of its findings in one paragraph when it shows them as one
   * (`本段有12处拼音注音，应删除`: noun 拼音注音, action 应删除). Rules without it never fold.
   */
  fold?: { noun: Msg; action: Msg };
  check(doc: ReportDocument, ctx: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/workreport/workreport/blob/main/docs/rules/';

export function docUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

const FAMILIES = new Map<string, string>();

/** A rule id's family (`text` for `text/stray-space`), cut once per id: it is asked per finding. */
export function familyOf(id: string): string {
  let f = FAMILIES.get(id);
  if (f === undefined) FAMILIES.set(id, (f = id.slice(0, id.indexOf('/'))));
  return f;
}

// The model parts a run in slices (run/incremental.ts CheckRun) builds one per step before the
// rules that read the whole document: each is memoised on the document, so the rules then find
// it built and nothing they report changes, but no single step builds them all (on 1 M
// characters the figures layers under figures/percentage were one step of ≈220 ms CPU, the view
// and the heading tree under outline/missing-section one of ≈110 ms). Only the parts the
// enabled whole-document rules will read: no step builds what the run would not.
import type { Config } from '../config/config';
import { clausesOf } from '../figures/clauses';
import { groupsOf } from '../figures/groups';
import { phrasesOf } from '../figures/phrases';
import { quantities } from '../figures/quantity';
import type { ReportDocument } from '../model/document';
import type { Rule } from '../rule';
import { effectiveSeverity } from './check';

export type ModelPart = (doc: ReportDocument) => unknown;

/** In the order they build on each other. */
const VIEW: ModelPart[] = [(d) => d.annotations, (d) => d.garbled, (d) => d.view, (d) => d.viewLines, (d) => d.boilerplate];
const OUTLINE: ModelPart[] = [(d) => d.headings, (d) => d.sections];
const FIGURES: ModelPart[] = [quantities, clausesOf, phrasesOf, groupsOf];

/** The parts to build in steps of their own for `rules` under `config` (the rules that read the whole document among them decide). */
export function wholeDocumentParts(rules: readonly Rule[], config: Config): ModelPart[] {
  const on = rules.filter((r) => !r.perLine && effectiveSeverity(r, config));
  const family = (f: string) => on.some((r) => r.id.startsWith(`${f}/`));
  return [...(on.length ? VIEW : []), ...(family('outline') ? OUTLINE : []), ...(family('figures') ? FIGURES : [])];
}

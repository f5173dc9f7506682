// What a figures rule that reads the whole document (figures/restated, figures/percentage)
// first learns of each figure on its own: whether it is one the rule reads and, if so, a fact
// of it read within its line (restated: the key of what it states). Per version, in the
// order of the figures; a version derived from the previous one (model/derive.ts) takes the
// previous version's over for the lines before and after the changed region (moved to the
// figures' new places) and reads only the region's figures. Only when the figures layers
// themselves were derived: then the figures outside the region are the previous version's,
// the same objects before it and moved after it (figures/derive.ts). Held equal to the list
// made from scratch by test/property/derive.property.test.ts.
import type { ReportDocument } from '../../model/document';
import { clausesOf } from '../../figures/clauses';
import { phrasesOf } from '../../figures/phrases';
import { spliceOfFigures } from '../../figures/derive';
import { quantities, type Quantity } from '../../figures/quantity';

export interface LineFacts<T> {
  /** The figures the rule reads, in order, and the fact of each. */
  qs: Quantity[];
  facts: T[];
}

/** The figures layers a derived list needs derived, not read whole. */
const LAYERS = ['figures:quantities', 'figures:clauses', 'figures:phrases'];

/**
 * `read(q)`: the fact of figure q, or undefined when the rule does not read it (any figure not
 * in `among`); it may read q's line only. `among(doc)`: the only figures it can read, in text
 * order (quantitiesByKind: the amounts, the percentages), so that the others are not passed to
 * it one by one when the document is read whole.
 */
export function lineFacts<T>(doc: ReportDocument, key: string, read: (q: Quantity) => T | undefined, among: (doc: ReportDocument) => readonly Quantity[] = quantities): LineFacts<T> {
  return doc.memo(key, () => derived(doc, key, read) ?? all(among(doc), read));
}

/** The facts of every figure of `list`. */
function all<T>(list: readonly Quantity[], read: (q: Quantity) => T | undefined): LineFacts<T> {
  return from(list, 0, list.length, read, { qs: [], facts: [] });
}

/** The facts of the figures of `list` in [k0, k1), added to `out`. */
function from<T>(list: readonly Quantity[], k0: number, k1: number, read: (q: Quantity) => T | undefined, out: LineFacts<T>): LineFacts<T> {
  for (let n = k0; n < k1; n++) {
    const q = list[n];
    const f = read(q);
    if (f !== undefined) {
      out.qs.push(q);
      out.facts.push(f);
    }
  }
  return out;
}

function derived<T>(doc: ReportDocument, key: string, read: (q: Quantity) => T | undefined): LineFacts<T> | undefined {
  const d = doc.derivation;
  const prev = d?.prev.memoed(key) as LineFacts<T> | undefined;
  const old = d?.prev.memoed('figures:quantities') as Quantity[] | undefined;
  if (!d || !prev || !old) return undefined;
  const qs = quantities(doc);
  clausesOf(doc);
  phrasesOf(doc);
  if (!LAYERS.every((l) => d.derived.includes(l))) return undefined;
  const at = spliceOfFigures(doc, d, qs, old);
  if (!at) return undefined;
  const { k0, kEnd, k1 } = at;
  if (qs.length - kEnd !== old.length - k1) return undefined;
  const out: LineFacts<T> = { qs: [], facts: [] };
  let i = 0;
  for (; i < prev.qs.length && prev.qs[i].index < k0; i++) {
    // Before the region: the same figure objects.
    if (qs[prev.qs[i].index] !== prev.qs[i]) return undefined;
    out.qs.push(prev.qs[i]);
    out.facts.push(prev.facts[i]);
  }
  // The region's few figures passed one by one (`read` skips those outside `among`): among(doc), an index of every
  // figure by kind (quantitiesByKind: 1.7 MB on 1 M characters, 0.6 MB of it kept), is not made for them.
  from(qs, k0, kEnd, read, out);
  while (i < prev.qs.length && prev.qs[i].index < k1) i++;
  for (; i < prev.qs.length; i++) {
    out.qs.push(qs[prev.qs[i].index - k1 + kEnd]);
    out.facts.push(prev.facts[i]);
  }
  d.derived.push(key);
  return out;
}

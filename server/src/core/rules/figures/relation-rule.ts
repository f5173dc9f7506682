// A figures rule finds relations of its kind (held or not, for hovers and the figures
// table) and reports those that do not hold, with related information on every figure and
// listed item involved. Each rule's finder runs once per document version.
import type { ReportDocument } from '../../model/document';
import type { Rule } from '../../rule';
import type { Msg, RelatedSpan } from '../../types';
import { describeQuantity } from '../../figures/describe';
import { phrasesOf, type Phrases } from '../../figures/phrases';
import { quantities, type Quantity } from '../../figures/quantity';
import { roleLabel, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';

/**
 * What a finder returns, in text order: a relation, or a relation that holds as a function
 * that builds it. check() reports only relations that do not hold, so one that holds is
 * built only when relations() is read (hovers, the figures table): its arithmetic, places
 * and quantity lists are never made for a check alone. A function must build a relation
 * that holds (relations() throws otherwise), and the same one whenever it is called.
 */
export type Found = Relation | (() => Relation);

/** `make` itself when the relation holds (built on demand), else what it builds. */
export function found(ok: boolean, make: () => Relation): Found {
  return ok ? make : make();
}

export interface FigureRule extends Rule {
  /** Every relation of this kind in the document, held or not (memoised). */
  relations(doc: ReportDocument): Relation[];
}

/** What a finder reads: the view's text, its figures in order and each figure's phrase. */
export function finderInputs(doc: ReportDocument): { text: string; qs: Quantity[]; phrases: Phrases } {
  return { text: doc.view.text, qs: quantities(doc), phrases: phrasesOf(doc) };
}

/** The memo key of a figures rule's finder (Found[] of a document). */
export const foundKey = (id: string): string => `figures:${id}:found`;

export function relationRule(def: {
  id: string;
  description: Msg;
  fixable?: boolean;
  /** Its relations lie within one paragraph (see Rule.perLine). */
  perLine?: boolean;
  find(doc: ReportDocument): Found[];
}): FigureRule {
  // The memo keys made once (a key built per call is a new string to hash each time).
  const foundMemo = foundKey(def.id);
  const relationsKey = `figures:${def.id}`;
  const found = (doc: ReportDocument) => doc.memo(foundMemo, () => def.find(doc));
  const relations = (doc: ReportDocument) =>
    doc.memo(relationsKey, () =>
      found(doc).map((f) => {
        if (typeof f !== 'function') return f;
        const r = f();
        if (!r.ok) throw new Error(`${def.id}: a relation built on demand must hold`);
        return r;
      }));
  return {
    id: def.id,
    description: def.description,
    severity: 'error',
    fixable: !!def.fixable,
    perLine: def.perLine ? {} : undefined,
    relations,
    check(doc, ctx) {
      const all = found(doc);
      for (let n = 0; n < all.length; n++) {
        const r = all[n];
        if (typeof r === 'function' || r.ok) continue;
        // Spans written field by field (no spread: an object copy per related place).
        const related: RelatedSpan[] = [];
        for (let i = 0; i < r.quantities.length; i++) {
          const q = r.quantities[i];
          const role = r.roles?.[i];
          const o = doc.toOrig(q.start, q.end);
          related.push({ start: o.start, end: o.end, message: role ? roleLabel(role, quoteView(doc, q.start, q.end)) : describeQuantity(q, doc) });
        }
        if (r.places) {
          for (let k = 0; k < r.places.length; k++) {
            const p = r.places[k];
            const o = doc.toOrig(p.start, p.end);
            related.push({ start: o.start, end: o.end, message: p.label });
          }
        }
        const at = doc.toOrig(r.start, r.end);
        ctx.report({
          start: at.start,
          end: at.end,
          message: r.message,
          severity: r.severity,
          related: related.length ? related : undefined,
          fix: r.fix?.((s, e) => doc.toOrig(s, e)),
        });
      }
    },
  };
}

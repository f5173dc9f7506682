// Every figures rule reports the relations of its kind that do not hold. The relations
// are found once per document (figures/analysis.ts); this file turns one into a finding
// whose related information points at every quantity and listed item involved.
import type { Rule } from '../../rule';
import type { Msg, RelatedSpan } from '../../types';
import { figures } from '../../figures/analysis';
import { describeQuantity } from '../../figures/describe';

export function relationRule(id: string, description: Msg): Rule {
  return {
    id,
    description,
    severity: 'error',
    fixable: id === 'figures/date',
    check(doc, ctx) {
      for (const r of figures(doc).relations) {
        if (r.rule !== id || r.ok) continue;
        const span = doc.toOrig(r.start, r.end);
        const related: RelatedSpan[] = [];
        for (const q of r.quantities) related.push({ ...doc.toOrig(q.start, q.end), message: describeQuantity(q) });
        for (const p of r.places ?? []) related.push({ ...doc.toOrig(p.start, p.end), message: p.label });
        ctx.report({
          ...span,
          message: r.message,
          severity: r.severity,
          related: related.length ? related : undefined,
          fix: r.fix?.((s, e) => doc.toOrig(s, e)),
        });
      }
    },
  };
}

// figures/per-capita — a figure per person, student, household or mu (人均, 生均, 户均, 亩均)
// equals the total it divides by the number it divides among, both stated before it.
//   在校学生900人，校舍14400平方米，生均校舍18.5平方米     14400 ÷ 900 = 16.0 ≠ 18.5
//   帮扶困难户120户，发放救助金36万元，户均3000元           360000 ÷ 120 = 3000
// Both figures are looked for in the same paragraph before the per-unit figure; when more
// than one figure could be meant and none of them gives the stated value, nothing is said.
import type { ReportDocument } from '../../model/document';
import { isAmount } from '../../figures/groups';
import type { Phrases } from '../../figures/phrases';
import { quantitiesByKind, quantitiesIn, type Quantity } from '../../figures/quantity';
import { arithmeticEn, fmt, relationMsg, scaleWord, written, type Relation } from '../../figures/relation';
import { quoteView } from '../../quote';
import { finderInputs, relationRule } from './relation-rule';

const RULE = 'figures/per-capita';
/** The per-unit word, and how the base is counted: its unit family and a word it names. */
const PER: Record<string, { family: string; word?: RegExp }> = {
  人均: { family: 'person' },
  生均: { family: 'person', word: /学生|在校生|生$|学员/ },
  户均: { family: 'household' },
  亩均: { family: 'mu' },
};
/** How far back the two figures are looked for. */
const WINDOW = 400;

export const perCapita = relationRule({
  id: RULE,
  perLine: true,
  description: {
    zh: '人均、生均、户均之数应等于总量除以人数（户数）',
    en: 'A per-person, per-student or per-household figure equals the total divided by the count',
  },
  find(doc) {
    const { text, qs, phrases } = finderInputs(doc);
    const out: Relation[] = [];
    const amounts = quantitiesByKind(doc).amounts;
    for (let k = 0; k < amounts.length; k++) {
      const q = amounts[k];
      if (q.role !== 'per' || !isAmount(q) || q.unknown || Number.isNaN(q.value) || q.approx) continue;
      const r = perCapitaOf(doc, text, qs, phrases, q);
      if (r) out.push(r);
    }
    return out;
  },
});

interface PerWord {
  /** As written: 人均, or 平均每个中心. */
  word: string;
  /** Is a figure the count divided among? */
  isBase: (x: Quantity) => boolean;
  /** What that count is, for the evidence: 人数, 户数, 中心数. */
  baseName: string;
  /** What is divided, as named after the per-unit word (收入 in 人均可支配收入), or ''. */
  noun: string;
}

/** The per-unit word ending `head`, the words before a per-unit figure, if any. */
function perWordBefore(head: string, phrases: Phrases): PerWord | undefined {
  const wordsOf = (x: Quantity) => phrases.at(x.index)?.words ?? '';
  const m = /(人均|生均|户均|亩均)([\u4e00-\u9fff]{0,8}?)(?:为|达|达到|约)?$/.exec(head);
  if (m) {
    const per = PER[m[1]];
    return {
      word: m[1],
      isBase: (x) => x.unit?.family === per.family && (!per.word || per.word.test(wordsOf(x))),
      baseName: per.family === 'household' ? '户数' : per.family === 'mu' ? '亩数' : '人数',
      noun: m[2].replace(/^(?:可支配)?/, ''),
    };
  }
  // 平均每个中心200吨: per item of a count written with that measure word and noun
  // (建成烘干中心12个); what is divided is a figure of the same unit before it.
  const each = /(平均每(个|家|所|座|处))([\u4e00-\u9fff]{1,4}?)(?:为|达|达到|约)?$/.exec(head);
  if (!each) return undefined;
  const [, word, measure, noun] = each;
  return {
    word: word + noun,
    isBase: (x) => x.kind === 'count' && x.unit?.unit === measure && wordsOf(x).endsWith(noun.slice(-2)),
    baseName: `${noun}数`,
    noun: '',
  };
}

/** The per-unit figure's rounding, plus what the rounding of the total and the count moves it. */
function tol(q: Quantity, t: Quantity, b: Quantity): { unit: number; extra: number } {
  const rel = (x: Quantity) => (x.decimals > 0 || x.scale > 1 ? (0.5 * Math.pow(10, -x.decimals) * x.scale) / x.value : 0);
  return { unit: Math.pow(10, -q.decimals) * q.scale, extra: q.value * (rel(t) + rel(b)) };
}

/** The relation a figure per unit (人均, 每…) has with a total and a count before it. A function of
 * its own: closures made in the finder's loop would give every amount it reads a context of its own. */
function perCapitaOf(doc: ReportDocument, text: string, qs: Quantity[], phrases: Phrases, q: Quantity): Relation | undefined {
  const p = phrases.at(q.index);
  if (!p || p.clause.inAside >= 0) return undefined;
  const per = perWordBefore(text.slice(p.clause.start, q.start), phrases);
  if (!per) return undefined;
  const { word: perWord, isBase, baseName, noun } = per;
  // Same paragraph, before the figure.
  const lineStart = doc.viewLines.start(doc.viewLines.indexAt(q.start));
  const before = quantitiesIn(qs, Math.max(lineStart, q.start - WINDOW), q.start).filter(
    (x) => x !== q && isAmount(x) && !x.unknown && !Number.isNaN(x.value) && !x.approx && !x.role && x.value > 0,
  );
  const totals = before.filter((x) => x.unit?.family === q.unit?.family && x.unit?.unit !== undefined && (noun.length < 2 || (phrases.at(x.index)?.words ?? '').includes(noun.slice(-2))));
  const bases = before.filter(isBase);
  if (!totals.length || !bases.length) return undefined;
  const fits = (t: Quantity, b: Quantity) => {
    const d = t.value / b.value - q.value;
    const { unit, extra } = tol(q, t, b);
    // Rounded (half a unit of the last digit either way) or cut off (up to a whole unit
    // below the true value), plus what the rounding of the total and the count moves it.
    return d >= -unit / 2 - extra && d < unit + extra;
  };
  let pair: [Quantity, Quantity] | undefined;
  for (const t of totals) for (const b of bases) if (!pair && fits(t, b)) pair = [t, b];
  if (!pair && (totals.length > 1 || bases.length > 1)) return undefined;
  const [t, b] = pair ?? [totals[0], bases[0]];
  const ok = !!pair;
  const actual = t.value / b.value;
  const asWritten = (x: Quantity) => fmt(x.value, x.scale) + scaleWord(x.scale);
  const shown = actual / q.scale;
  const decimals = Math.max(q.decimals, Number.isInteger(shown) ? 0 : 1);
  const arithmetic = `${asWritten(t)} ÷ ${asWritten(b)} = ${shown.toFixed(decimals)}${scaleWord(q.scale)} ${ok ? '≈' : '≠'} ${written(q)}${scaleWord(q.scale)}`;
  return {
    rule: RULE,
    ok,
    severity: 'warning',
    start: b.start < t.start ? b.start : t.start,
    end: q.end,
    quantities: [t, b, q],
    roles: ['total', 'count', 'per'],
    arithmetic,
    evidence: { zh: `“${perWord}”即总量除以${baseName}`, en: `“${perWord}” is the total divided by the count` },
    message: relationMsg(ok, () => {
      const stated = quoteView(doc, p.shownStart, q.end);
      return ok
        ? { zh: `“${stated}”与“${quoteView(doc, t.start, t.end)}”“${quoteView(doc, b.start, b.end)}”相符：${arithmetic}`, en: `“${stated}” follows from the figures: ${arithmeticEn(arithmetic)}` }
        : { zh: `“${stated}”有误，按“${quoteView(doc, t.start, t.end)}”“${quoteView(doc, b.start, b.end)}”计算：${arithmetic}`, en: `“${stated}” does not follow from “${quoteView(doc, t.start, t.end)}” and “${quoteView(doc, b.start, b.end)}”: ${arithmeticEn(arithmetic)}` };
    }),
  };
}

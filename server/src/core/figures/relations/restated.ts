// 前后数字: the same stock stated twice with two values.
//   全市共有基层团组织4862个 … 目前，全市共有基层团组织4826个
// Only stock statements (共有/现有/总数) with the same scope, noun and unit are compared;
// 新任/新增/新建 and targets (力争到…达到) are other qualifiers, and changes (由…增加到)
// are not restatements.
import type { FigureContext } from '../context';
import type { Quantity } from '../quantity';
import { fmt, isUsable, phraseStart, type Relation } from '../relation';

const RULE = 'figures/restated';
const STOCK = /^(.{0,6}?)(?:共有|现有|总数为|总数达|总数|共)(.*)$/;
const CHANGE = /由|增加到|增至|提高到|下降到|减少到|达到|新增|新建|新任|力争|目标|计划|预计/;

interface Key {
  q: Quantity;
  key: string;
}

export function findRestated(ctx: FigureContext): Relation[] {
  const { text } = ctx;
  const out: Relation[] = [];
  const seen = new Map<string, Quantity>();
  const keys: Key[] = [];
  for (const q of ctx.qs) {
    if (!isUsable(q) || q.role || (q.kind !== 'count' && q.kind !== 'money' && q.kind !== 'measure')) continue;
    const m = STOCK.exec(q.before);
    if (!m) continue;
    const scope = m[1].replace(/^(?:目前|截至目前|当前|现在)/, '');
    const noun = (m[2] || q.after).replace(/^(?:各类|各级)/, '');
    if (noun.length < 2 || !scope) continue;
    const sent = ctx.sentenceAt(q.start);
    const sentence = text.slice(sent.start, sent.end);
    if (CHANGE.test(sentence.slice(0, q.start - sent.start))) continue;
    // A year or date in the sentence ties the figure to a time; different times may differ.
    const year = /(\d{4})年/.exec(sentence)?.[1] ?? '';
    keys.push({ q, key: `${scope}|${noun}|${q.unit!.unit}|${year}` });
  }
  for (const { q, key } of keys) {
    const first = seen.get(key);
    if (!first) {
      seen.set(key, q);
      continue;
    }
    const same = first.value === q.value;
    const arithmetic = `${fmt(first.value)} ${same ? '=' : '≠'} ${fmt(q.value)}`;
    out.push({
      rule: RULE,
      ok: same,
      severity: 'warning',
      start: phraseStart(q),
      end: q.end,
      quantities: [first, q],
      arithmetic,
      message: same
        ? { zh: `与前文数字一致：${arithmetic}`, en: `Agrees with the earlier figure: ${arithmetic}` }
        : {
            zh: `与前文“${first.before}${first.text}”不一致：${arithmetic}`,
            en: `Contradicts the earlier “${first.before}${first.text}”: ${arithmetic}`,
          },
    });
  }
  return out;
}

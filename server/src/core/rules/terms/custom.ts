// terms/custom — the user's own list of wrong → right wordings (settings
// `workreport.terms` or `terms` in .workreportrc.json): `{"wrong": "带领导", "right": "带领"}`.
// Literal terms are matched as written and fixed safely; regex terms (`"regex": true`)
// are bounded (see pattern.ts), are not run in untrusted workspaces and their fix is
// offered but not applied by fix-all.
import type { Rule } from '../../rule';
import { BOILERPLATE, scope, capped } from '../../model/scope';
import { compileTerms, MAX_MATCHES } from './pattern';

export const custom: Rule = {
  id: 'terms/custom',
  description: { zh: '自定义术语表：错误写法应为正确写法', en: 'Your terminology list: wrong wording → right wording' },
  severity: 'warning',
  fixable: true,
  check(doc, ctx) {
    const report = capped(ctx);
    const terms = ctx.config.terms;
    if (!terms?.length) return;
    const text = doc.text;
    const s = scope(doc);
    for (const t of compileTerms(terms, ctx.config.trusted)) {
      // [start, end, the right wording for this match (regex terms fill in $1, $<name>)]
      const found: [number, number, string][] = [];
      if (t.literal) {
        for (let i = text.indexOf(t.literal); i >= 0 && found.length < MAX_MATCHES; i = text.indexOf(t.literal, i + t.literal.length)) {
          found.push([i, i + t.literal.length, t.def.right]);
        }
      } else if (t.regex) {
        t.regex.lastIndex = 0;
        for (let m = t.regex.exec(text); m && found.length < MAX_MATCHES; m = t.regex.exec(text)) {
          if (!m[0].length) {
            t.regex.lastIndex++;
            continue;
          }
          found.push([m.index, m.index + m[0].length, substitute(t.def.right, m)]);
        }
      }
      for (const [start, end, right] of found) {
        if (s.skip(start) || s.mask[start] & BOILERPLATE) continue;
        // Already the right wording (wrong `中心` inside right `中心城区`): nothing to do.
        if (alreadyRight(text, start, t.literal ?? text.slice(start, end), right)) continue;
        const wrong = text.slice(start, end);
        const note = t.def.note ? `（${t.def.note}）` : '';
        report({
          start,
          end,
          message: { zh: `“${wrong}”应为“${right}”${note}`, en: `“${wrong}”: write “${right}”${t.def.note ? ` (${t.def.note})` : ''}` },
          fix: {
            title: { zh: `改为“${right}”`, en: `Write “${right}”` },
            edits: [{ start, end, newText: right }],
            safe: !!t.literal,
          },
        });
      }
    }
  },
};

/**
 * The replacement pattern of a regex term for one match, as String.prototype.replace reads
 * it: `$1`…`$99`, `$<name>`, `$&` (the match), `$$` (a dollar sign). A group that did not
 * take part is empty; a `$` that starts nothing is kept.
 */
export function substitute(pattern: string, m: RegExpExecArray): string {
  if (!pattern.includes('$')) return pattern;
  return pattern.replace(/\$(\$|&|<([^>]*)>|(\d\d?))/g, (all, what: string, name: string | undefined, digits: string | undefined) => {
    if (what === '$') return '$';
    if (what === '&') return m[0];
    if (name !== undefined) return m.groups && name in m.groups ? (m.groups[name] ?? '') : all;
    // `$12` is group 12 when there is one, else group 1 followed by "2" (as replace does).
    let n = Number(digits);
    let rest = '';
    if (n >= m.length && digits!.length === 2) [n, rest] = [Number(digits![0]), digits![1]];
    if (n < 1 || n >= m.length) return all;
    return (m[n] ?? '') + rest;
  });
}

function alreadyRight(text: string, start: number, wrong: string, right: string): boolean {
  for (let k = right.indexOf(wrong); k >= 0; k = right.indexOf(wrong, k + 1)) {
    if (text.slice(start - k, start - k + right.length) === right) return true;
  }
  return false;
}

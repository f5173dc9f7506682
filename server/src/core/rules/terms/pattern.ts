// User term patterns, compiled once per term list and validated so that no pattern can
// hang the checker: literal terms are matched with indexOf; regular expressions are
// accepted only when short, without backreferences or lookbehind, and without a
// quantified group that itself contains a quantifier or an alternation (the shapes that
// backtrack exponentially: (a+)+, (a|aa)*). Regex terms only run in trusted workspaces.
import type { TermDef } from '../../config/config';

export const MAX_TERM_LENGTH = 200;
/** Matches per term per document; a term that matches more is a bad term. */
export const MAX_MATCHES = 1000;

export interface CompiledTerm {
  def: TermDef;
  /** Literal text, or a sticky-free global regex. */
  literal?: string;
  regex?: RegExp;
}

/** Why a regex term is rejected, or undefined when it is safe to run. */
export function unsafeRegex(source: string): string | undefined {
  if (source.length > MAX_TERM_LENGTH) return `longer than ${MAX_TERM_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences are not allowed';
  if (/\(\?<[=!]/.test(source)) return 'lookbehind is not allowed';
  // Walk groups: a group followed by a quantifier must not contain a quantifier or `|`.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ quantified: false, alternation: false });
    else if (c === ')') {
      const g = stack.pop();
      if (!g) return 'unbalanced parenthesis';
      const q = source[i + 1];
      const unbounded = q === '*' || q === '+' || (q === '{' && /^\{\d*,\}/.test(source.slice(i + 1)));
      const quantifier = unbounded || q === '?' || q === '{';
      if (unbounded && (g.quantified || g.alternation)) return 'nested quantifiers are not allowed';
      const parent = stack[stack.length - 1];
      if (parent && (quantifier || g.quantified)) parent.quantified = true;
    } else if (c === '|') {
      if (stack.length) stack[stack.length - 1].alternation = true;
    } else if (c === '*' || c === '+' || c === '{') {
      if (stack.length) stack[stack.length - 1].quantified = true;
    }
  }
  if (stack.length) return 'unbalanced parenthesis';
  try {
    new RegExp(source, 'gu');
  } catch (e) {
    return `invalid: ${(e as Error).message}`;
  }
  return undefined;
}

const cache = new WeakMap<TermDef[], CompiledTerm[]>();

export function compileTerms(terms: TermDef[], trusted: boolean): CompiledTerm[] {
  const key = terms;
  const hit = cache.get(key);
  if (hit && trusted) return hit;
  const out: CompiledTerm[] = [];
  for (const def of terms.slice(0, 500)) {
    if (!def || typeof def.wrong !== 'string' || typeof def.right !== 'string' || !def.wrong) continue;
    if (def.wrong.length > MAX_TERM_LENGTH) continue;
    if (def.regex) {
      if (!trusted || unsafeRegex(def.wrong)) continue;
      out.push({ def, regex: new RegExp(def.wrong, 'gu') });
    } else out.push({ def, literal: def.wrong });
  }
  if (trusted) cache.set(key, out);
  return out;
}

// "Did you mean": the closest known word to a misspelt one (rule ids, template names,
// setting keys, severities), by edit distance, only when it is close enough to be meant.

/** Levenshtein distance over code points, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The known word closest to `word`: within a third of its length (at least 2 edits for short
 * words); a rule id given without its family (`halfwith`) is compared by the name after `/`;
 * a word cut short is completed when only one known word begins with it.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  // A cut-off word (`warn`): the one known word it begins.
  const starts = [...word].length >= 3 ? known.filter((k) => k.toLowerCase().startsWith(word.toLowerCase())) : [];
  if (starts.length === 1) return starts[0];
  const limit = Math.max(2, Math.floor([...word].length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const k of known) {
    const d = Math.min(editDistance(word.toLowerCase(), k.toLowerCase(), limit), !word.includes('/') && k.includes('/') ? editDistance(word, k.slice(k.indexOf('/') + 1), limit) : Infinity);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

// Binary search over a sorted list, shared by the parts that splice or index one.

/** Index of the first element of `xs` for which `before` is false (it is true for a prefix of them). */
export function lowerBound<T>(xs: readonly T[], before: (x: T) => boolean): number {
  return lowerBoundIndex(xs.length, (k) => before(xs[k]));
}

/** The first k in [0, n) for which `before(k)` is false (it is true for a prefix of them), or n: for lists kept packed. */
export function lowerBoundIndex(n: number, before: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

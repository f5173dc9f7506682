// Binary search over a sorted list, shared by the parts that splice or index one.

/** Index of the first element of `xs` for which `before` is false (it is true for a prefix of them). */
export function lowerBound<T>(xs: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(xs[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Binning kernels of `histogram`, `bincount` and `digitize` (src/ops/histogram.ts), the same
 * computations in the same order as the JS reference (src/kernels/js-histogram.ts), so the
 * two agree bit for bit. Pointers are byte offsets, counts elements. No static data.
 */
import { F64 } from './lanes';

/**
 * Uniform-bin histogram, NumPy's fast path: for each x of `p[0 … n)` within
 * [first, last], bin `trunc((x - first) / (last - first) * bins)` (`bins` → `bins - 1`),
 * moved down when `x < edges[i]` or up when `x >= edges[i + 1]` (never past the last bin);
 * `counts[i] += 1`, or `+= w[j]` when `w` is not 0. Values outside the range and NaN are
 * skipped. `edges` holds bins + 1 float64, `counts` bins float64 (not zeroed here).
 */
export function histogram_uniform(p: usize, n: usize, first: f64, last: f64, bins: i32, edges: usize, w: usize, counts: usize): void {
  const denom = last - first;
  const fb = <f64>bins;
  const top = bins - 1;
  for (let j: usize = 0; j < n; j++) {
    const x = load<f64>(p + j * F64);
    if (!(x >= first && x <= last)) continue;
    const f = ((x - first) / denom) * fb;
    if (!(f >= 0 && f <= fb)) continue;
    let i = <i32>f;
    if (i == bins) i = top;
    if (x < load<f64>(edges + <usize>i * F64)) i--;
    else if (i != top && x >= load<f64>(edges + <usize>(i + 1) * F64)) i++;
    const at = counts + <usize>i * F64;
    store<f64>(at, load<f64>(at) + (w == 0 ? 1.0 : load<f64>(w + j * F64)));
  }
}

/**
 * Checks `bincount` input: every value of `p[0 … n)` a non-negative integer. Returns the
 * largest value (-1 for n = 0), or `-2 - j` for the first bad value at j.
 */
export function bincount_scan(p: usize, n: usize): f64 {
  let max: f64 = -1;
  for (let j: usize = 0; j < n; j++) {
    const x = load<f64>(p + j * F64);
    if (!(x >= 0 && Math.floor(x) == x && x != Infinity)) return -2 - <f64>j;
    if (x > max) max = x;
  }
  return max;
}

/** `counts[x] += 1` (or `+= w[j]` when `w` is not 0) for each value x of `p[0 … n)`, checked by bincount_scan. */
export function bincount_add(p: usize, n: usize, w: usize, counts: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const at = counts + <usize>load<f64>(p + j * F64) * F64;
    store<f64>(at, load<f64>(at) + (w == 0 ? 1.0 : load<f64>(w + j * F64)));
  }
}

/**
 * NumPy's `searchsorted` of each x of `p[0 … n)` in the `m` ascending edges at `bins`
 * (NaN ordered last): `right` 0 gives the first i with `bins[i] >= x`, 1 the first with
 * `bins[i] > x`. `reversed` 1: the edges are descending and the result is
 * `m - searchsorted(reversed edges)` (NumPy's `digitize`). Writes float64 indices to `out`.
 */
export function digitize(p: usize, n: usize, bins: usize, m: i32, right: i32, reversed: i32, out: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const x = load<f64>(p + j * F64);
    let lo: i32 = 0;
    let hi: i32 = m;
    while (lo < hi) {
      const mid = <i32>(<u32>(lo + hi) >>> 1);
      const b = load<f64>(bins + <usize>(reversed != 0 ? m - 1 - mid : mid) * F64);
      const goRight = right != 0 ? !(x < b || (b != b && x == x)) : b < x || (x != x && b == b);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    store<f64>(out + j * F64, <f64>(reversed != 0 ? m - lo : lo));
  }
}

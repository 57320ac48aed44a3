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
 * skipped. `edges` holds bins + 1 float64; `counts` (not zeroed here) holds bins float64
 * when weighted, else 4 × bins (four sub-histograms, exact integer counts the caller adds up;
 * the weighted sums stay in element order, one accumulator a bin, for NumPy's bits).
 */
export function histogram_uniform(p: usize, n: usize, first: f64, last: f64, bins: i32, edges: usize, w: usize, counts: usize): void {
  const denom = last - first;
  const fb = <f64>bins;
  const firstV = f64x2.splat(first);
  const lastV = f64x2.splat(last);
  const denomV = f64x2.splat(denom);
  const binsV = f64x2.splat(fb);
  const zero = f64x2.splat(0);
  let j: usize = 0;
  // Two values a step: the range test, the index arithmetic (the division dominates) and its
  // truncation in f64x2 (the same IEEE operations as the scalar form below; lanes whose
  // estimate is not in [0, bins], NaN included, are skipped); then each value's edge
  // correction and count.
  for (; j + 2 <= n; j += 2) {
    const x2 = v128.load(p + j * F64);
    const f2 = f64x2.mul(f64x2.div(f64x2.sub(x2, firstV), denomV), binsV);
    const valid = v128.and(
      v128.and(f64x2.ge(x2, firstV), f64x2.le(x2, lastV)),
      v128.and(f64x2.ge(f2, zero), f64x2.le(f2, binsV)),
    );
    if (!v128.any_true(valid)) continue;
    const i2 = i32x4.trunc_sat_f64x2_s_zero(f2);
    // unweighted: four sub-histograms (values j, j+1 into two of them, alternating pairs), so
    // neighbours hitting one bin do not wait on each other's store; the caller adds them
    const sub = w == 0 ? counts + ((j >> 1) & 1) * <usize>(2 * bins) * F64 : counts;
    const sub1 = w == 0 ? sub + <usize>bins * F64 : counts;
    if (i64x2.extract_lane(valid, 0) != 0) {
      placeIndex(f64x2.extract_lane(x2, 0), i32x4.extract_lane(i2, 0), bins, edges, w == 0 ? 1.0 : load<f64>(w + j * F64), sub);
    }
    if (i64x2.extract_lane(valid, 1) != 0) {
      placeIndex(f64x2.extract_lane(x2, 1), i32x4.extract_lane(i2, 1), bins, edges, w == 0 ? 1.0 : load<f64>(w + (j + 1) * F64), sub1);
    }
  }
  for (; j < n; j++) {
    const x = load<f64>(p + j * F64);
    if (!(x >= first && x <= last)) continue;
    const f = ((x - first) / denom) * fb;
    if (!(f >= 0 && f <= fb)) continue;
    placeIndex(x, <i32>f, bins, edges, w == 0 ? 1.0 : load<f64>(w + j * F64), counts);
  }
}

/** Adds `weight` to the bin of x, starting from the estimate `i` (in [0, bins]) and correcting it once by the edges. */
@inline function placeIndex(x: f64, i: i32, bins: i32, edges: usize, weight: f64, counts: usize): void {
  const top = bins - 1;
  if (i == bins) i = top;
  if (x < load<f64>(edges + <usize>i * F64)) i--;
  else if (i != top && x >= load<f64>(edges + <usize>(i + 1) * F64)) i++;
  const at = counts + <usize>i * F64;
  store<f64>(at, load<f64>(at) + weight);
}

/**
 * Checks `bincount` input: every value of `p[0 … n)` a non-negative integer. Returns the
 * largest value (-1 for n = 0), or `-2 - j` for the first bad value at j.
 */
export function bincount_scan(p: usize, n: usize): f64 {
  // One SIMD pass: a running lane max and an "any value bad" flag (a value is good when
  // 0 <= x < 2^52 and (x + 2^52) - 2^52 == x, i.e. integral); when a value is bad (or
  // huge), the scalar scan below finds the first one.
  const zero = f64x2.splat(0);
  const magic = f64x2.splat(4503599627370496.0);
  let maxV = f64x2.splat(-1);
  let good = i64x2.splat(-1);
  let j: usize = 0;
  for (; j + 2 <= n; j += 2) {
    const x = v128.load(p + j * F64);
    const ok = v128.and(v128.and(f64x2.ge(x, zero), f64x2.lt(x, magic)), f64x2.eq(f64x2.sub(f64x2.add(x, magic), magic), x));
    good = v128.and(good, ok);
    maxV = f64x2.pmax(maxV, x); // pseudo-max: one maxpd (no NaN once "good")
  }
  if (!i64x2.all_true(good)) return bincountScanScalar(p, 0, n, -1);
  return bincountScanScalar(p, j, n, max<f64>(f64x2.extract_lane(maxV, 0), f64x2.extract_lane(maxV, 1)));
}

/** The scalar form of bincount_scan over elements [j, n), starting from the running max `top`. */
function bincountScanScalar(p: usize, j: usize, n: usize, top: f64): f64 {
  for (; j < n; j++) {
    const x = load<f64>(p + j * F64);
    if (!(x >= 0 && Math.floor(x) == x && x != Infinity)) return -2 - <f64>j;
    if (x > top) top = x;
  }
  return top;
}

/** `counts[x] += 1` (or `+= w[j]` when `w` is not 0) for each value x of `p[0 … n)`, checked by bincount_scan. */
export function bincount_add(p: usize, n: usize, w: usize, counts: usize): void {
  let j: usize = 0;
  // two indices a step through one saturating f64x2 → i32 conversion (values are checked)
  for (; j + 2 <= n; j += 2) {
    const i2 = i32x4.trunc_sat_f64x2_u_zero(v128.load(p + j * F64));
    const a = counts + <usize>i32x4.extract_lane(i2, 0) * F64;
    store<f64>(a, load<f64>(a) + (w == 0 ? 1.0 : load<f64>(w + j * F64)));
    const b = counts + <usize>i32x4.extract_lane(i2, 1) * F64;
    store<f64>(b, load<f64>(b) + (w == 0 ? 1.0 : load<f64>(w + (j + 1) * F64)));
  }
  for (; j < n; j++) {
    const at = counts + <usize>load<f64>(p + j * F64) * F64;
    store<f64>(at, load<f64>(at) + (w == 0 ? 1.0 : load<f64>(w + j * F64)));
  }
}

/**
 * NumPy's `searchsorted` of each x of `p[0 … n)` in the `m` ascending edges at `bins`
 * (NaN ordered last): `right` 0 gives the first i with `bins[i] >= x`, 1 the first with
 * `bins[i] > x`. `reversed` 1: the edges are descending and the result is
 * `m - searchsorted(reversed edges)` (NumPy's `digitize`). Writes float64 indices to `out`.
 * Up to 64 edges the caller guarantees none is NaN and the index is counted, not searched.
 */
export function digitize(p: usize, n: usize, bins: usize, m: i32, right: i32, reversed: i32, out: usize): void {
  if (m <= 64) {
    // Few edges, none NaN (the caller checks): the index is a count of comparisons, which
    // equals the binary search on sorted edges and runs without a dependent chain of loads.
    for (let j: usize = 0; j < n; j++) {
      const x = load<f64>(p + j * F64);
      const xv = f64x2.splat(x);
      let acc = i64x2.splat(0);
      let i: i32 = 0;
      for (; i + 2 <= m; i += 2) {
        const e = v128.load(bins + <usize>i * F64);
        acc = i64x2.sub(acc, right != 0 ? f64x2.le(e, xv) : f64x2.lt(e, xv));
      }
      let c = <i32>(i64x2.extract_lane(acc, 0) + i64x2.extract_lane(acc, 1));
      if (i < m) {
        const e = load<f64>(bins + <usize>i * F64);
        if (right != 0 ? e <= x : e < x) c++;
      }
      if (x != x) c = m; // NaN sorts after every edge
      store<f64>(out + j * F64, <f64>(reversed != 0 ? m - c : c));
    }
    return;
  }
  for (let j: usize = 0; j < n; j++) {
    const x = load<f64>(p + j * F64);
    let lo: i32 = 0;
    let hi: i32 = m;
    while (lo < hi) {
      // branch-free step (random data mispredicts a branch here half the time)
      const mid = <i32>(<u32>(lo + hi) >>> 1);
      const b = load<f64>(bins + <usize>(reversed != 0 ? m - 1 - mid : mid) * F64);
      const goRight = right != 0 ? !(x < b || (b != b && x == x)) : b < x || (x != x && b == b);
      lo = select<i32>(mid + 1, lo, goRight);
      hi = select<i32>(hi, mid, goRight);
    }
    store<f64>(out + j * F64, <f64>(reversed != 0 ? m - lo : lo));
  }
}

/**
 * Number of elements of `p[0 … n)` that are not ±0 (NaN counts), `count_nonzero` over a
 * whole contiguous array: four f64x2 lanes of running counts, then the scalar tail.
 */
export function count_nonzero(p: usize, n: usize): f64 {
  const zero = f64x2.splat(0);
  let a0 = i64x2.splat(0);
  let a1 = i64x2.splat(0);
  let j: usize = 0;
  for (; j + 4 <= n; j += 4) {
    const q = p + j * F64;
    // f64x2.ne is all ones (-1) where x != 0: subtracting counts it
    a0 = i64x2.sub(a0, f64x2.ne(v128.load(q), zero));
    a1 = i64x2.sub(a1, f64x2.ne(v128.load(q, 16), zero));
  }
  const s = i64x2.add(a0, a1);
  let c = i64x2.extract_lane(s, 0) + i64x2.extract_lane(s, 1);
  for (; j < n; j++) if (load<f64>(p + j * F64) != 0) c++;
  return <f64>c;
}

/**
 * Piecewise-linear interpolation on sorted sample points, NumPy's `np.interp` (arr_interp)
 * for non-decreasing xp of at least two points:
 *   `interp_sorted_f64(x, n, tables, m, lval, rval, out)` — tables holds xp[0..m), fp[0..m)
 *   and the m - 1 slopes (fp[k+1] - fp[k]) / (xp[k+1] - xp[k]), computed by the caller.
 * For sorted xp the interval j (last k with xp[k] ≤ x; -1 below, m above) is unique, so the
 * search may differ from NumPy's guessed binary search and still find NumPy's j: the last
 * interval and the next are tried first (x rising slowly: grids, sorted data), then a
 * branchless bisection (random x). Then NumPy's formula, operation for operation, as the JS
 * reference in src/ops/signal.ts: slope·(x − xp[j]) + fp[j]; if NaN, slope·(x − xp[j+1]) +
 * fp[j+1]; if still NaN and fp[j] = fp[j+1], fp[j]; fp[j] where x = xp[j]; NaN x gives x.
 * Pointers are byte offsets; no static data.
 */
import { F64 } from './lanes';

@inline function at(p: usize, k: isize): f64 {
  return load<f64>(p + <usize>(k << 3));
}

export function interp_sorted_f64(x: usize, n: usize, tables: usize, m: usize, lval: f64, rval: f64, out: usize): void {
  const xp = tables;
  const fp = tables + m * F64;
  const slopes = fp + m * F64;
  const len = <isize>m;
  const first = at(xp, 0);
  const last = at(xp, len - 1);
  let j: isize = 0;
  for (let i: usize = 0; i < n; i++) {
    const v = load<f64>(x + i * F64);
    let r: f64;
    if (v != v) {
      r = v;
    } else {
      if (!(j >= 0 && j < len - 1 && at(xp, j) <= v && v < at(xp, j + 1))) {
        if (j >= 0 && j + 1 < len - 1 && at(xp, j + 1) <= v && v < at(xp, j + 2)) {
          j = j + 1;
        } else if (v > last) {
          j = len;
        } else if (v < first) {
          j = -1;
        } else {
          let base: isize = 0;
          let k = len;
          while (k > 1) {
            const half = k >> 1;
            base += select<isize>(half, 0, at(xp, base + half) <= v);
            k -= half;
          }
          j = base;
        }
      }
      if (j == -1) r = lval;
      else if (j == len) r = rval;
      else if (j == len - 1) r = at(fp, j);
      else if (at(xp, j) == v) r = at(fp, j);
      else {
        const slope = at(slopes, j);
        r = slope * (v - at(xp, j)) + at(fp, j);
        if (r != r) {
          r = slope * (v - at(xp, j + 1)) + at(fp, j + 1);
          if (r != r && at(fp, j) == at(fp, j + 1)) r = at(fp, j);
        }
      }
    }
    store<f64>(out + i * F64, r);
  }
}

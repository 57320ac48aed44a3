/**
 * Matrix products of contiguous row-major float64 data. Pointers are byte offsets, sizes
 * elements. The output must not overlap an input (the one family where in-place cannot
 * work: every output element reads a whole row and column).
 */
import { F64 } from './lanes';

/** Columns of B (and C) a block: one C row segment (2 KiB) stays in L1. */
const BLOCK_N: usize = 256;
/** Rows of B a block: a 128×256 block of B (256 KiB) stays in L2. */
const BLOCK_K: usize = 128;

/** c[j] += s · b[j] for j < n. */
@inline function axpy(s: f64, b: usize, c: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let j: usize = 0;
  for (; j + 4 <= n; j += 4) {
    const o = j * F64;
    v128.store(c + o, f64x2.add(v128.load(c + o), f64x2.mul(sv, v128.load(b + o))));
    v128.store(c + o, f64x2.add(v128.load(c + o, 16), f64x2.mul(sv, v128.load(b + o, 16))), 16);
  }
  for (; j < n; j++) {
    const o = j * F64;
    store<f64>(c + o, load<f64>(c + o) + s * load<f64>(b + o));
  }
}

/**
 * C (m×n) = A (m×k) · B (k×n), i-k-j order blocked over k and j, f64x2 along j. Each C
 * element sums its k products in order of k, like a plain loop.
 */
export function matmul(a: usize, b: usize, c: usize, m: usize, k: usize, n: usize): void {
  memory.fill(c, 0, m * n * F64);
  for (let j0: usize = 0; j0 < n; j0 += BLOCK_N) {
    const jn = min<usize>(BLOCK_N, n - j0);
    for (let k0: usize = 0; k0 < k; k0 += BLOCK_K) {
      const kn = min<usize>(BLOCK_K, k - k0);
      for (let i: usize = 0; i < m; i++) {
        const aRow = a + (i * k + k0) * F64;
        const cRow = c + (i * n + j0) * F64;
        for (let kk: usize = 0; kk < kn; kk++) {
          axpy(load<f64>(aRow + kk * F64), b + ((k0 + kk) * n + j0) * F64, cRow, jn);
        }
      }
    }
  }
}

/** Σ a[i]·b[i] with four f64x2 accumulators. */
export function dot(a: usize, b: usize, n: usize): f64 {
  let a0 = f64x2.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const o = i * F64;
    a0 = f64x2.add(a0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
    a2 = f64x2.add(a2, f64x2.mul(v128.load(a + o, 32), v128.load(b + o, 32)));
    a3 = f64x2.add(a3, f64x2.mul(v128.load(a + o, 48), v128.load(b + o, 48)));
  }
  for (; i + 2 <= n; i += 2) a0 = f64x2.add(a0, f64x2.mul(v128.load(a + i * F64), v128.load(b + i * F64)));
  const merged = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let r = f64x2.extract_lane(merged, 0) + f64x2.extract_lane(merged, 1);
  for (; i < n; i++) r += load<f64>(a + i * F64) * load<f64>(b + i * F64);
  return r;
}

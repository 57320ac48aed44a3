/**
 * Masked sums for `nd.fuse` (src/fuse/evaluator.ts): the sum of the values a mask selects,
 * in one pass and without compressing them, as NumPy's pairwise sum (src/kernels/js-reduce.ts,
 * the `sum` kernel of reduce.ts) over the terms `selected ? x : +0`. An unselected lane is
 * `x & 0` (+0 bits), so these kernels give the bits of `sum` over the array where(mask, x, 0).
 *
 * - `sum_where(x, m, n)`: the mask is bytes (0 false, else true);
 * - `sum_where_cmp(op, x, a, s, n)`: the mask is `a[i] OP s` (op 0..5: gt ge lt le eq ne,
 *   IEEE comparisons: false with NaN except ne), computed in the loop and never stored.
 */
import { F64 } from './lanes';

const PAIRWISE_BLOCK: usize = 128;
const MODE_BYTES: i32 = -1;
const OP_GT: i32 = 0;
const OP_GE: i32 = 1;
const OP_LT: i32 = 2;
const OP_LE: i32 = 3;
const OP_EQ: i32 = 4;

/** Lane mask of `a OP s` for two float64 lanes. */
@inline function compareLanes(op: i32, a: v128, s: v128): v128 {
  if (op == OP_GT) return f64x2.gt(a, s);
  if (op == OP_GE) return f64x2.ge(a, s);
  if (op == OP_LT) return f64x2.lt(a, s);
  if (op == OP_LE) return f64x2.le(a, s);
  if (op == OP_EQ) return f64x2.eq(a, s);
  return f64x2.ne(a, s);
}

@inline function compareScalar(op: i32, a: f64, s: f64): bool {
  if (op == OP_GT) return a > s;
  if (op == OP_GE) return a >= s;
  if (op == OP_LT) return a < s;
  if (op == OP_LE) return a <= s;
  if (op == OP_EQ) return a == s;
  return a != s;
}

/** Whether element i is selected (mode MODE_BYTES: byte m[i]; else a[i] OP s). */
@inline function selected(mode: i32, m: usize, a: usize, s: f64, i: usize): bool {
  if (mode == MODE_BYTES) return load<u8>(m + i) != 0;
  return compareScalar(mode, load<f64>(a + i * F64), s);
}

/**
 * Pairwise sum of n ≤ 128 terms `selected ? x[i] : +0`, the additions of reduce.ts
 * `pairwiseBlock`: under 8 terms in order from -0; else 8 partials in four f64x2 lanes
 * combined ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the tail in order.
 */
@inline function maskedBlock(mode: i32, x: usize, m: usize, a: usize, s: f64, n: usize): f64 {
  if (n < 8) {
    let r: f64 = -0.0;
    for (let i: usize = 0; i < n; i++) r += selected(mode, m, a, s, i) ? load<f64>(x + i * F64) : 0;
    return r;
  }
  const sv = f64x2.splat(s);
  const zero = i8x16.splat(0);
  let a0 = f64x2.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const q = x + i * F64;
    let m0: v128;
    let m1: v128;
    let m2: v128;
    let m3: v128;
    if (mode == MODE_BYTES) {
      const truth = i8x16.ne(v128.load64_zero(m + i), zero);
      const e0to7 = i16x8.extend_low_i8x16_s(truth);
      const e0to3 = i32x4.extend_low_i16x8_s(e0to7);
      const e4to7 = i32x4.extend_high_i16x8_s(e0to7);
      m0 = i64x2.extend_low_i32x4_s(e0to3);
      m1 = i64x2.extend_high_i32x4_s(e0to3);
      m2 = i64x2.extend_low_i32x4_s(e4to7);
      m3 = i64x2.extend_high_i32x4_s(e4to7);
    } else {
      const p = a + i * F64;
      m0 = compareLanes(mode, v128.load(p), sv);
      m1 = compareLanes(mode, v128.load(p, 16), sv);
      m2 = compareLanes(mode, v128.load(p, 32), sv);
      m3 = compareLanes(mode, v128.load(p, 48), sv);
    }
    const t0 = v128.and(v128.load(q), m0);
    const t1 = v128.and(v128.load(q, 16), m1);
    const t2 = v128.and(v128.load(q, 32), m2);
    const t3 = v128.and(v128.load(q, 48), m3);
    if (i == 0) {
      a0 = t0;
      a1 = t1;
      a2 = t2;
      a3 = t3;
    } else {
      a0 = f64x2.add(a0, t0);
      a1 = f64x2.add(a1, t1);
      a2 = f64x2.add(a2, t2);
      a3 = f64x2.add(a3, t3);
    }
  }
  const pairs01 = f64x2.add(v128.shuffle<f64>(a0, a1, 0, 2), v128.shuffle<f64>(a0, a1, 1, 3));
  const pairs23 = f64x2.add(v128.shuffle<f64>(a2, a3, 0, 2), v128.shuffle<f64>(a2, a3, 1, 3));
  const halves = f64x2.add(v128.shuffle<f64>(pairs01, pairs23, 0, 2), v128.shuffle<f64>(pairs01, pairs23, 1, 3));
  let r = f64x2.extract_lane(halves, 0) + f64x2.extract_lane(halves, 1);
  for (; i < n; i++) r += selected(mode, m, a, s, i) ? load<f64>(x + i * F64) : 0;
  return r;
}

/** The first half of a pairwise split of n > 128 terms (a multiple of 8). */
@inline function pairwiseHalf(n: usize): usize {
  const half = n >> 1;
  return half - (half & 7);
}

function maskedBytes(x: usize, m: usize, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(MODE_BYTES, x, m, 0, 0, n);
  const half = pairwiseHalf(n);
  return maskedBytes(x, m, half) + maskedBytes(x + half * F64, m + half, n - half);
}

// One recursion per comparison, so the comparison is a constant inside each loop.
function maskedGt(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(OP_GT, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedGt(x, a, s, h) + maskedGt(x + h * F64, a + h * F64, s, n - h);
}
function maskedGe(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(OP_GE, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedGe(x, a, s, h) + maskedGe(x + h * F64, a + h * F64, s, n - h);
}
function maskedLt(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(OP_LT, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedLt(x, a, s, h) + maskedLt(x + h * F64, a + h * F64, s, n - h);
}
function maskedLe(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(OP_LE, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedLe(x, a, s, h) + maskedLe(x + h * F64, a + h * F64, s, n - h);
}
function maskedEq(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(OP_EQ, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedEq(x, a, s, h) + maskedEq(x + h * F64, a + h * F64, s, n - h);
}
function maskedNe(x: usize, a: usize, s: f64, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return maskedBlock(5, x, 0, a, s, n);
  const h = pairwiseHalf(n);
  return maskedNe(x, a, s, h) + maskedNe(x + h * F64, a + h * F64, s, n - h);
}

/** +0 + the pairwise sum of (m[i] ? x[i] : +0) over n elements (m: bytes). */
export function sum_where(x: usize, m: usize, n: usize): f64 {
  return 0 + maskedBytes(x, m, n);
}

/** +0 + the pairwise sum of (a[i] OP s ? x[i] : +0), op 0..5: gt ge lt le eq ne. */
export function sum_where_cmp(op: i32, x: usize, a: usize, s: f64, n: usize): f64 {
  switch (op) {
    case OP_GT: return 0 + maskedGt(x, a, s, n);
    case OP_GE: return 0 + maskedGe(x, a, s, n);
    case OP_LT: return 0 + maskedLt(x, a, s, n);
    case OP_LE: return 0 + maskedLe(x, a, s, n);
    case OP_EQ: return 0 + maskedEq(x, a, s, n);
    default: return 0 + maskedNe(x, a, s, n);
  }
}

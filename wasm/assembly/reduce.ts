/**
 * Reductions of float64 data. Pointers are byte offsets, counts elements.
 *
 * Ops: sum prod min max nansum nanmin nanmax any all (each as `<op>(p, n)`, returning a
 * number; any/all return 0 or 1), mean nanmean, variance(p, n, ddof), argmin argmax
 * (index of the first extreme; of the first NaN when there is one, as NumPy).
 * Axis forms on a contiguous rows×cols block at p:
 *   `<op>_last(p, rows, cols, out)`   out[r] = op over row r        (reduce the last axis)
 *   `<op>_first(p, rows, cols, out)`  out[c] = op over column c     (reduce the first axis)
 * `_first` adds each row into the accumulator row `out` with SIMD (row accumulation);
 * `argmin_first`/`argmax_first(p, rows, cols, out, scratch)` keep the running extremes in
 * `scratch` and the row indices (float64) in `out`.
 * Scans: cumsum cumprod `(p, out, n)`, `_last`, `_first` (out rows×cols; out may equal p).
 *
 * NaN: sum/prod/min/max/mean/var propagate NaN; min/max use IEEE min/max (-0 < +0); the
 * nan-variants skip NaN (nanmin/nanmax of all-NaN data is NaN, nansum of it 0, nanmean of
 * it NaN = 0/0). Empty input yields the identity (sum 0, prod 1, any 0, all 1) and NaN for
 * min/max/mean/var; argmin/argmax of empty input return -1 (callers raise the error).
 * sum, nansum, mean, nanmean, variance (and their `_last` forms) are NumPy's pairwise sums,
 * bit for bit the JS kernels' (see "pairwise sums" below); the other `_first` forms add rows
 * in order (leaves of the JS-side blocked-pairwise tree over rows). prod multiplies in order
 * (NumPy's sequential multiply reduction); the other `reduceWhole` ops use four f64x2
 * accumulators (order-free: min/max/any/all/nanmin/nanmax).
 */
import { F64 } from './lanes';

const SUM: i32 = 0;
const PROD: i32 = 1;
const MIN: i32 = 2;
const MAX: i32 = 3;
const NANSUM: i32 = 4;
const NANMIN: i32 = 5;
const NANMAX: i32 = 6;
const ANY: i32 = 7;
const ALL: i32 = 8;

@inline function identity(op: i32): f64 {
  if (op == SUM || op == NANSUM || op == ANY) return 0;
  if (op == PROD || op == ALL) return 1;
  if (op == MIN) return Infinity;
  if (op == MAX) return -Infinity;
  return NaN; // nanmin, nanmax: NaN until a number is seen
}

@inline function stepVector(op: i32, acc: v128, x: v128): v128 {
  if (op == SUM) return f64x2.add(acc, x);
  if (op == PROD) return f64x2.mul(acc, x);
  if (op == MIN) return f64x2.min(acc, x);
  if (op == MAX) return f64x2.max(acc, x);
  if (op == NANSUM) return f64x2.add(acc, v128.and(x, f64x2.eq(x, x)));
  if (op == ANY || op == ALL) {
    const truth = v128.and(f64x2.ne(x, f64x2.splat(0)), f64x2.splat(1));
    return op == ANY ? v128.or(acc, truth) : v128.and(acc, truth);
  }
  // nanmin / nanmax: take x where acc is NaN, keep acc where x is NaN
  const both = op == NANMIN ? f64x2.min(acc, x) : f64x2.max(acc, x);
  return v128.bitselect(acc, v128.bitselect(x, both, f64x2.ne(acc, acc)), f64x2.ne(x, x));
}

@inline function stepScalar(op: i32, acc: f64, x: f64): f64 {
  if (op == SUM) return acc + x;
  if (op == PROD) return acc * x;
  if (op == MIN) return min<f64>(acc, x);
  if (op == MAX) return max<f64>(acc, x);
  if (op == NANSUM) return x != x ? acc : acc + x;
  if (op == ANY) return acc != 0 || x != 0 ? 1 : 0;
  if (op == ALL) return acc != 0 && x != 0 ? 1 : 0;
  if (x != x) return acc;
  if (acc != acc) return x;
  return op == NANMIN ? min<f64>(acc, x) : max<f64>(acc, x);
}

/** Merging two partial results: the nan-variants' partials hold no skipped NaN any more. */
@inline function mergeOp(op: i32): i32 {
  return op == NANSUM ? SUM : op;
}

@inline function reduceWhole(op: i32, p: usize, n: usize): f64 {
  const start = f64x2.splat(identity(op));
  let a0 = start;
  let a1 = start;
  let a2 = start;
  let a3 = start;
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const q = p + i * F64;
    a0 = stepVector(op, a0, v128.load(q));
    a1 = stepVector(op, a1, v128.load(q, 16));
    a2 = stepVector(op, a2, v128.load(q, 32));
    a3 = stepVector(op, a3, v128.load(q, 48));
  }
  for (; i + 2 <= n; i += 2) a0 = stepVector(op, a0, v128.load(p + i * F64));
  const m = mergeOp(op);
  const merged = stepVector(m, stepVector(m, a0, a1), stepVector(m, a2, a3));
  let r = stepScalar(m, f64x2.extract_lane(merged, 0), f64x2.extract_lane(merged, 1));
  for (; i < n; i++) r = stepScalar(op, r, load<f64>(p + i * F64));
  return r;
}

@inline function reduceLast(op: i32, p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, reduceWhole(op, p + r * cols * F64, cols));
}

@inline function reduceFirst(op: i32, p: usize, rows: usize, cols: usize, out: usize): void {
  const start = identity(op);
  for (let c: usize = 0; c < cols; c++) store<f64>(out + c * F64, start);
  for (let r: usize = 0; r < rows; r++) {
    const row = p + r * cols * F64;
    let c: usize = 0;
    for (; c + 4 <= cols; c += 4) {
      const o = c * F64;
      v128.store(out + o, stepVector(op, v128.load(out + o), v128.load(row + o)));
      v128.store(out + o, stepVector(op, v128.load(out + o, 16), v128.load(row + o, 16)), 16);
    }
    for (; c < cols; c++) {
      const o = c * F64;
      store<f64>(out + o, stepScalar(op, load<f64>(out + o), load<f64>(row + o)));
    }
  }
}


// ---- pairwise sums (NumPy's algorithm, bit for bit) -----------------------------------------
//
// Every sum-like accumulation over a contiguous run (sum, mean, nansum, nanmean, the squared
// deviations of var/std) uses NumPy's pairwise summation exactly as src/kernels/js-reduce.ts
// does: fewer than 8 terms added in order from -0; up to 128 terms in 8 partial sums
// (elements i ≡ 0..7 mod 8, here the lanes of four f64x2 accumulators) combined as
// ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the tail in order; above 128, halves
// (the first a multiple of 8) summed recursively. So the JS kernels, these kernels and any
// split of a run at the same halving points give the same bits.

const TERM_PLAIN: i32 = 0;
const TERM_NAN_ZERO: i32 = 1;
const TERM_SQUARED_DEVIATION: i32 = 2;
const PAIRWISE_BLOCK: usize = 128;

/** The summed term of x: x, x with NaN as +0, or (x - center)². */
@inline function termVector(kind: i32, x: v128, center: v128): v128 {
  if (kind == TERM_NAN_ZERO) return v128.and(x, f64x2.eq(x, x));
  if (kind == TERM_SQUARED_DEVIATION) {
    const d = f64x2.sub(x, center);
    return f64x2.mul(d, d);
  }
  return x;
}

@inline function termScalar(kind: i32, x: f64, center: f64): f64 {
  if (kind == TERM_NAN_ZERO) return x == x ? x : 0;
  if (kind == TERM_SQUARED_DEVIATION) {
    const d = x - center;
    return d * d;
  }
  return x;
}

/** Pairwise sum of n ≤ 128 terms at p. */
@inline function pairwiseBlock(kind: i32, p: usize, n: usize, center: f64): f64 {
  if (n < 8) {
    let r: f64 = -0.0;
    for (let i: usize = 0; i < n; i++) r += termScalar(kind, load<f64>(p + i * F64), center);
    return r;
  }
  const c = f64x2.splat(center);
  let a0 = termVector(kind, v128.load(p), c);
  let a1 = termVector(kind, v128.load(p, 16), c);
  let a2 = termVector(kind, v128.load(p, 32), c);
  let a3 = termVector(kind, v128.load(p, 48), c);
  let i: usize = 8;
  for (; i + 8 <= n; i += 8) {
    const q = p + i * F64;
    a0 = f64x2.add(a0, termVector(kind, v128.load(q), c));
    a1 = f64x2.add(a1, termVector(kind, v128.load(q, 16), c));
    a2 = f64x2.add(a2, termVector(kind, v128.load(q, 32), c));
    a3 = f64x2.add(a3, termVector(kind, v128.load(q, 48), c));
  }
  // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) with lane shuffles (same additions).
  const pairs01 = f64x2.add(v128.shuffle<f64>(a0, a1, 0, 2), v128.shuffle<f64>(a0, a1, 1, 3)); // [r0+r1, r2+r3]
  const pairs23 = f64x2.add(v128.shuffle<f64>(a2, a3, 0, 2), v128.shuffle<f64>(a2, a3, 1, 3)); // [r4+r5, r6+r7]
  const halves = f64x2.add(v128.shuffle<f64>(pairs01, pairs23, 0, 2), v128.shuffle<f64>(pairs01, pairs23, 1, 3));
  let r = f64x2.extract_lane(halves, 0) + f64x2.extract_lane(halves, 1);
  for (; i < n; i++) r += termScalar(kind, load<f64>(p + i * F64), center);
  return r;
}

/** The first half of a pairwise split of n > 128 terms (a multiple of 8). */
@inline function pairwiseHalf(n: usize): usize {
  const half = n >> 1;
  return half - (half & 7);
}

/** NumPy's pairwise sum of n float64 at p (-0 for n = 0). */
function pairwiseSum(p: usize, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return pairwiseBlock(TERM_PLAIN, p, n, 0);
  const half = pairwiseHalf(n);
  return pairwiseSum(p, half) + pairwiseSum(p + half * F64, n - half);
}

/** Pairwise sum of n float64 at p with NaN counted as +0 (NumPy's nansum). */
function pairwiseNanSum(p: usize, n: usize): f64 {
  if (n <= PAIRWISE_BLOCK) return pairwiseBlock(TERM_NAN_ZERO, p, n, 0);
  const half = pairwiseHalf(n);
  return pairwiseNanSum(p, half) + pairwiseNanSum(p + half * F64, n - half);
}

/** Pairwise sum of (x - center)² over n float64 at p. */
function pairwiseSquaredDeviations(p: usize, n: usize, center: f64): f64 {
  if (n <= PAIRWISE_BLOCK) return pairwiseBlock(TERM_SQUARED_DEVIATION, p, n, center);
  const half = pairwiseHalf(n);
  return pairwiseSquaredDeviations(p, half, center) + pairwiseSquaredDeviations(p + half * F64, n - half, center);
}

/** Pairwise sum of (x - center)² over n float64 at p (the second pass of var/std). */
export function sq_dev(p: usize, n: usize, center: f64): f64 { return pairwiseSquaredDeviations(p, n, center); }

/**
 * Leaf of a blocked-pairwise reduction over rows (src/kernels/js-reduce.ts `rowsTree`):
 * out[c] = +0 + Σ_r (x[r][c] - center[c])², rows added in order.
 */
export function sq_dev_first(p: usize, rows: usize, cols: usize, center: usize, out: usize): void {
  for (let c: usize = 0; c < cols; c++) store<f64>(out + c * F64, 0);
  for (let r: usize = 0; r < rows; r++) {
    const row = p + r * cols * F64;
    let c: usize = 0;
    for (; c + 2 <= cols; c += 2) {
      const o = c * F64;
      const d = f64x2.sub(v128.load(row + o), v128.load(center + o));
      v128.store(out + o, f64x2.add(v128.load(out + o), f64x2.mul(d, d)));
    }
    for (; c < cols; c++) {
      const o = c * F64;
      const d = load<f64>(row + o) - load<f64>(center + o);
      store<f64>(out + o, load<f64>(out + o) + d * d);
    }
  }
}

/** Leaf of a reduction over rows: out[c] = number of non-NaN x[r][c]. */
export function count_first(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let c: usize = 0; c < cols; c++) store<f64>(out + c * F64, 0);
  const one = f64x2.splat(1);
  for (let r: usize = 0; r < rows; r++) {
    const row = p + r * cols * F64;
    let c: usize = 0;
    for (; c + 2 <= cols; c += 2) {
      const o = c * F64;
      const x = v128.load(row + o);
      v128.store(out + o, f64x2.add(v128.load(out + o), v128.and(one, f64x2.eq(x, x))));
    }
    for (; c < cols; c++) {
      const x = load<f64>(row + c * F64);
      if (x == x) store<f64>(out + c * F64, load<f64>(out + c * F64) + 1);
    }
  }
}

/** Number of non-NaN float64 at p. */
export function count_nonnan(p: usize, n: usize): f64 {
  let counts = i64x2.splat(0);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const x = v128.load(p + i * F64);
    counts = i64x2.sub(counts, f64x2.eq(x, x));
  }
  let count = i64x2.extract_lane(counts, 0) + i64x2.extract_lane(counts, 1);
  for (; i < n; i++) {
    const x = load<f64>(p + i * F64);
    count += <i64>(x == x);
  }
  return <f64>count;
}

/** Sum: +0 + the pairwise sum (so an empty or all -0 sum is +0, as NumPy's `sum`). */
export function sum(p: usize, n: usize): f64 { return 0 + pairwiseSum(p, n); }
export function sum_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, 0 + pairwiseSum(p + r * cols * F64, cols));
}
export function sum_first(p: usize, rows: usize, cols: usize, out: usize): void { reduceFirst(SUM, p, rows, cols, out); }
/**
 * A product in order from 1, as NumPy's multiply reduction (sequential, no lanes): partial
 * products round differently and can overflow, underflow or meet inf·0 where NumPy's does not
 * (prod of [0, 1e300 ×4] is 0, not NaN). The JS kernel's prodLine does the same.
 */
@inline function prodInOrder(p: usize, n: usize): f64 {
  let r: f64 = 1;
  for (let i: usize = 0; i < n; i++) r *= load<f64>(p + i * F64);
  return r;
}

export function prod(p: usize, n: usize): f64 { return prodInOrder(p, n); }
export function prod_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, prodInOrder(p + r * cols * F64, cols));
}
export function prod_first(p: usize, rows: usize, cols: usize, out: usize): void { reduceFirst(PROD, p, rows, cols, out); }
/** nansum: +0 + the pairwise sum with NaN as +0. */
export function nansum(p: usize, n: usize): f64 { return 0 + pairwiseNanSum(p, n); }
export function nansum_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, 0 + pairwiseNanSum(p + r * cols * F64, cols));
}
export function nansum_first(p: usize, rows: usize, cols: usize, out: usize): void { reduceFirst(NANSUM, p, rows, cols, out); }
export function any(p: usize, n: usize): f64 { return reduceWhole(ANY, p, n); }
export function any_last(p: usize, rows: usize, cols: usize, out: usize): void { reduceLast(ANY, p, rows, cols, out); }
export function any_first(p: usize, rows: usize, cols: usize, out: usize): void { reduceFirst(ANY, p, rows, cols, out); }
export function all(p: usize, n: usize): f64 { return reduceWhole(ALL, p, n); }
export function all_last(p: usize, rows: usize, cols: usize, out: usize): void { reduceLast(ALL, p, rows, cols, out); }
export function all_first(p: usize, rows: usize, cols: usize, out: usize): void { reduceFirst(ALL, p, rows, cols, out); }

// ---- extrema at memory speed ---------------------------------------------------------------
//
// min/max/argmin/argmax/nanmin/nanmax over a contiguous run: blocks of EXTREME_BLOCK (256)
// elements for argmin/argmax under EXTREME_LONG, else of EXTREME_BLOCK_LONG (4096),
// four f64x2 accumulators with pmin/pmax (one instruction each; a NaN element leaves the
// accumulator as it was), NaN seen through a running sum of the block (NaN in, NaN out; a sum
// that meets Infinity - Infinity raises a false alarm, cleared by a scalar look at that block),
// tested once a block.
// The first block holding a NaN ends the scan (min/max give NaN, argmin/argmax its first NaN).
// A block whose extreme beats the best so far strictly is remembered, so the first
// occurrence lies in it and argmin/argmax rescan that block alone: only the element classes
// (index mod 8 = which accumulator and lane) whose accumulator reached the extreme, each with
// stride 8 and no further than the earliest match so far (scalar; a random block has one such
// class, so ~block/16 loads), then the block's tail. It replaced a vector rescan (or of four
// eq masks, eight elements a step, ~block/2 elements). Kernel alone, A/B in one process, CPU
// time, fastest of 15 rounds, two runs: argmax_last 32×32 0.325-0.337 -> 0.306-0.313 µs,
// 1000×1000 167-174 -> 166-171 µs; flat argmin/argmax 1K and 1M unchanged (the rescan is
// ≤ 1 block there). pmin/pmax keep whichever
// zero came first; min of ±0 is -0 when any -0 is present (max +0 when any +0), so a zero
// result is settled by one more look for the other zero (only then).

const EXTREME_BLOCK: usize = 256;
/**
 * Blocks of argmin/argmax over runs of at least EXTREME_LONG elements, and of min/max/nanmin/
 * nanmax over any run: fewer block ends; the rescan is negligible there (or absent).
 */
const EXTREME_BLOCK_LONG: usize = 4096;
const EXTREME_LONG: usize = 65536;
/** Set by extremeScan: the block length it used. */
let scanBlockLength: usize = EXTREME_BLOCK;
/** Set by extremeScan: the first NaN's index (-1: none) and the start of the best block. */
let scanNaN: isize = -1;
let scanBlock: usize = 0;
/**
 * Set by extremeScan when `locate`: the best block's four accumulators (accumulator k, lane l
 * holds the extreme of element class 2k + l, the indices ≡ 2k + l mod 8 in the block's groups
 * of eight); ±Infinity (the start) when no block beat it. Kept rather than turned into a class
 * mask at each new best: that cost 3 % on argmax(axis 1) of 1000² (the mask is made once, in
 * argExtreme).
 */
let bestA0: v128 = i64x2.splat(0);
let bestA1: v128 = i64x2.splat(0);
let bestA2: v128 = i64x2.splat(0);
let bestA3: v128 = i64x2.splat(0);

@inline function pick(isMax: bool, acc: v128, x: v128): v128 {
  return isMax ? f64x2.pmax(acc, x) : f64x2.pmin(acc, x);
}
@inline function better(isMax: bool, x: f64, best: f64): bool {
  return isMax ? x > best : x < best;
}

/** Index of the first NaN in [i, end), or -1. */
@inline function firstNaN(p: usize, i: usize, end: usize): isize {
  for (; i < end; i++) {
    const x = load<f64>(p + i * F64);
    if (x != x) return <isize>i;
  }
  return -1;
}

/**
 * The extreme of the non-NaN elements of p[0, n) (±Infinity when there is none), with NaN
 * skipped; when `stopAtNaN`, stops at the first block with a NaN and sets scanNaN to its
 * first NaN's index. scanBlock: start of the first block reaching the result.
 */
@inline function extremeScan(isMax: bool, stopAtNaN: bool, locate: bool, p: usize, n: usize): f64 {
  const start = isMax ? -Infinity : Infinity;
  let best = start;
  scanNaN = -1;
  scanBlock = 0;
  if (locate) {
    // no block beating the start value (every element is that infinity): block 0, all classes
    const sv0 = f64x2.splat(start);
    bestA0 = sv0;
    bestA1 = sv0;
    bestA2 = sv0;
    bestA3 = sv0;
  }
  // min/max/nanmin/nanmax have no rescan: long blocks always (max_last 1000² 151-157 ->
  // 145-152 µs, max 1K 0.147 -> 0.138-0.145 µs kernel alone, CPU time, two A/B runs)
  const length = !locate || n >= EXTREME_LONG ? EXTREME_BLOCK_LONG : EXTREME_BLOCK;
  scanBlockLength = length;
  for (let b: usize = 0; b < n; b += length) {
    const end = min<usize>(n, b + length);
    const s = f64x2.splat(start);
    let a0 = s;
    let a1 = s;
    let a2 = s;
    let a3 = s;
    let nan0 = f64x2.splat(0);
    let nan1 = nan0;
    let q = p + b * F64;
    const qEnd = q + ((end - b) & ~7) * F64;
    for (; q < qEnd; q += 64) {
      const x0 = v128.load(q);
      const x1 = v128.load(q, 16);
      const x2 = v128.load(q, 32);
      const x3 = v128.load(q, 48);
      a0 = pick(isMax, a0, x0);
      a1 = pick(isMax, a1, x1);
      a2 = pick(isMax, a2, x2);
      a3 = pick(isMax, a3, x3);
      if (stopAtNaN) {
        nan0 = f64x2.add(nan0, f64x2.add(x0, x1));
        nan1 = f64x2.add(nan1, f64x2.add(x2, x3));
      }
    }
    const nan = f64x2.add(nan0, nan1);
    let i = (q - p) / F64;
    const m = pick(isMax, pick(isMax, a0, a1), pick(isMax, a2, a3));
    let r = f64x2.extract_lane(m, 0);
    const r1 = f64x2.extract_lane(m, 1);
    if (better(isMax, r1, r)) r = r1;
    let tailNaN = false;
    for (; i < end; i++) {
      const x = load<f64>(p + i * F64);
      if (better(isMax, x, r)) r = x;
      tailNaN = tailNaN || x != x;
    }
    if (stopAtNaN && (tailNaN || v128.any_true(f64x2.ne(nan, nan)))) {
      scanNaN = firstNaN(p, b, end);
      if (scanNaN >= 0) return NaN;
    }
    if (better(isMax, r, best)) {
      best = r;
      scanBlock = b;
      if (locate) {
        bestA0 = a0;
        bestA1 = a1;
        bestA2 = a2;
        bestA3 = a3;
      }
    }
  }
  return best;
}

/**
 * min (isMax false) / max down the columns of the rows×cols block at p, IEEE as `extreme`
 * (NaN propagates, min of ±0 is -0, max +0): strips of 8 columns walked down all rows with
 * four pmin/pmax accumulators and four running sums in registers (one load, one pmin, one
 * add a vector; the sums turn NaN when the column holds a NaN, or meets Infinity - Infinity,
 * which a look down that column clears). Columns left over go two, then one, at a time. A
 * zero result is settled by one look down its column for the other zero. rows = 0: NaN.
 */
@inline function extremeFirst(isMax: bool, p: usize, rows: usize, cols: usize, out: usize): void {
  const start = isMax ? -Infinity : Infinity;
  const s = f64x2.splat(start);
  const zero = f64x2.splat(0);
  const stride = cols * F64;
  let c: usize = 0;
  for (; c + 8 <= cols; c += 8) {
    let a0 = s;
    let a1 = s;
    let a2 = s;
    let a3 = s;
    let n0 = zero;
    let n1 = zero;
    let n2 = zero;
    let n3 = zero;
    let q = p + c * F64;
    for (let r: usize = 0; r < rows; r++, q += stride) {
      const x0 = v128.load(q);
      const x1 = v128.load(q, 16);
      const x2 = v128.load(q, 32);
      const x3 = v128.load(q, 48);
      a0 = pick(isMax, a0, x0);
      a1 = pick(isMax, a1, x1);
      a2 = pick(isMax, a2, x2);
      a3 = pick(isMax, a3, x3);
      n0 = f64x2.add(n0, x0);
      n1 = f64x2.add(n1, x1);
      n2 = f64x2.add(n2, x2);
      n3 = f64x2.add(n3, x3);
    }
    const o = out + c * F64;
    v128.store(o, a0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
    const probe = v128.or(v128.or(f64x2.ne(n0, n0), f64x2.ne(n1, n1)), v128.or(f64x2.ne(n2, n2), f64x2.ne(n3, n3)));
    if (v128.any_true(probe)) {
      for (let k: usize = 0; k < 8; k++) if (firstNaNDown(p + (c + k) * F64, rows, cols)) store<f64>(o + k * F64, NaN);
    }
  }
  for (; c + 2 <= cols; c += 2) {
    let a = s;
    let n = zero;
    let q = p + c * F64;
    for (let r: usize = 0; r < rows; r++, q += stride) {
      const x = v128.load(q);
      a = pick(isMax, a, x);
      n = f64x2.add(n, x);
    }
    v128.store(out + c * F64, a);
    if (v128.any_true(f64x2.ne(n, n))) {
      for (let k: usize = 0; k < 2; k++) if (firstNaNDown(p + (c + k) * F64, rows, cols)) store<f64>(out + (c + k) * F64, NaN);
    }
  }
  for (; c < cols; c++) {
    let a = start;
    let q = p + c * F64;
    for (let r: usize = 0; r < rows; r++, q += stride) {
      const x = load<f64>(q);
      if (better(isMax, x, a)) a = x;
      else if (x != x) {
        a = NaN;
        break;
      }
    }
    store<f64>(out + c * F64, a);
  }
  for (c = 0; c < cols; c++) {
    const o = out + c * F64;
    if (rows == 0) store<f64>(o, NaN);
    else if (load<f64>(o) == 0) {
      const want = isMax ? 0.0 : -0.0;
      const bits = reinterpret<i64>(want);
      for (let r: usize = 0; r < rows; r++) {
        if (load<i64>(p + (r * cols + c) * F64) == bits) {
          store<f64>(o, want);
          break;
        }
      }
    }
  }
}

/** Whether column `q` (stride cols elements, rows long) holds a NaN. */
function firstNaNDown(q: usize, rows: usize, cols: usize): bool {
  for (let r: usize = 0; r < rows; r++) {
    const x = load<f64>(q + r * cols * F64);
    if (x != x) return true;
  }
  return false;
}

/** Whether p[0, n) holds an element with exactly the bits of `v`. */
function holdsBits(p: usize, n: usize, v: f64): bool {
  const bits = reinterpret<i64>(v);
  const vv = i64x2.splat(bits);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) if (v128.any_true(i64x2.eq(v128.load(p + i * F64), vv))) return true;
  return i < n && load<i64>(p + i * F64) == bits;
}

/** min (isMax false) / max with NaN propagating; nanmin/nanmax (skipNaN) of all-NaN data: NaN. */
@inline function extreme(isMax: bool, skipNaN: bool, p: usize, n: usize): f64 {
  if (n == 0) return NaN;
  const r = extremeScan(isMax, !skipNaN, false, p, n);
  if (r != r) return r;
  if (r == 0) return holdsBits(p, n, isMax ? 0.0 : -0.0) ? (isMax ? 0.0 : -0.0) : r;
  if (skipNaN && r == (isMax ? -Infinity : Infinity) && !holdsBits(p, n, r)) return NaN;
  return r;
}

/** argmin/argmax: the first NaN, else the first element equal to the extreme (0 and -0 tie). */
@inline function argExtreme(isMax: bool, p: usize, n: usize): isize {
  if (n == 0) return -1;
  const r = extremeScan(isMax, true, true, p, n);
  if (scanNaN >= 0) return scanNaN;
  const b = scanBlock;
  const end = min<usize>(n, b + scanBlockLength);
  const groupsEnd = b + ((end - b) & ~7);
  // Only the classes whose accumulator reached r hold it (in the groups of eight): walk each
  // with stride 8, no further than the earliest match found so far; then the block's tail.
  let found = groupsEnd;
  const rv = f64x2.splat(r);
  const hit = i64x2.bitmask(f64x2.eq(bestA0, rv)) | (i64x2.bitmask(f64x2.eq(bestA1, rv)) << 2) |
    (i64x2.bitmask(f64x2.eq(bestA2, rv)) << 4) | (i64x2.bitmask(f64x2.eq(bestA3, rv)) << 6);
  for (let classes = hit; classes != 0; classes &= classes - 1) {
    for (let i = b + <usize>ctz(classes); i < found; i += 8) {
      if (load<f64>(p + i * F64) == r) {
        found = i;
        break;
      }
    }
  }
  if (found < groupsEnd) return <isize>found;
  for (let i = groupsEnd; i < end; i++) if (load<f64>(p + i * F64) == r) return <isize>i;
  return -1;
}

function minOf(p: usize, n: usize): f64 { return extreme(false, false, p, n); }
export { minOf as min };
function maxOf(p: usize, n: usize): f64 { return extreme(true, false, p, n); }
export { maxOf as max };
export function min_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, extreme(false, false, p + r * cols * F64, cols));
}
export function min_first(p: usize, rows: usize, cols: usize, out: usize): void { extremeFirst(false, p, rows, cols, out); }
export function max_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, extreme(true, false, p + r * cols * F64, cols));
}
export function max_first(p: usize, rows: usize, cols: usize, out: usize): void { extremeFirst(true, p, rows, cols, out); }
export function nanmin(p: usize, n: usize): f64 { return extreme(false, true, p, n); }
export function nanmin_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, extreme(false, true, p + r * cols * F64, cols));
}
/**
 * nanmin/nanmax down the columns: out starts at ±Infinity and takes pmin/pmax of each row
 * (a NaN element leaves it as it was), then on a tie the other zero's sign is merged in
 * (OR of the bits gives -0 for min, AND +0 for max; equal non-zero values have equal bits).
 * Columns still at the start value hold only NaN and that infinity: one look down the
 * column tells which (NaN when it has no number).
 */
@inline function nanExtremeFirst(isMax: bool, p: usize, rows: usize, cols: usize, out: usize): void {
  const start = isMax ? -Infinity : Infinity;
  const sv = f64x2.splat(start);
  let c: usize = 0;
  for (; c + 2 <= cols; c += 2) v128.store(out + c * F64, sv);
  for (; c < cols; c++) store<f64>(out + c * F64, start);
  for (let r: usize = 0; r < rows; r++) {
    const row = p + r * cols * F64;
    c = 0;
    for (; c + 2 <= cols; c += 2) {
      const o = c * F64;
      const x = v128.load(row + o);
      const t = pick(isMax, v128.load(out + o), x);
      const tie = v128.and(x, f64x2.eq(x, t));
      v128.store(out + o, isMax ? v128.and(t, v128.or(tie, v128.not(f64x2.eq(x, t)))) : v128.or(t, tie));
    }
    for (; c < cols; c++) {
      const o = c * F64;
      const x = load<f64>(row + o);
      const t = load<f64>(out + o);
      if (better(isMax, x, t)) store<f64>(out + o, x);
      else if (x == t) {
        const bits = isMax ? reinterpret<u64>(t) & reinterpret<u64>(x) : reinterpret<u64>(t) | reinterpret<u64>(x);
        store<f64>(out + o, reinterpret<f64>(bits));
      }
    }
  }
  for (c = 0; c < cols; c++) {
    if (load<f64>(out + c * F64) != start) continue;
    let seen = false;
    for (let r: usize = 0; r < rows && !seen; r++) seen = load<f64>(p + (r * cols + c) * F64) == start;
    if (!seen) store<f64>(out + c * F64, NaN);
  }
}
export function nanmin_first(p: usize, rows: usize, cols: usize, out: usize): void { nanExtremeFirst(false, p, rows, cols, out); }
export function nanmax(p: usize, n: usize): f64 { return extreme(true, true, p, n); }
export function nanmax_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, extreme(true, true, p + r * cols * F64, cols));
}
export function nanmax_first(p: usize, rows: usize, cols: usize, out: usize): void { nanExtremeFirst(true, p, rows, cols, out); }

// ---- mean and variance (two-pass) ---------------------------------------------------------

/** Mean: (+0 + pairwise sum) / n, as the JS kernels. */
export function mean(p: usize, n: usize): f64 { return (0 + pairwiseSum(p, n)) / <f64>n; }
export function mean_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, mean(p + r * cols * F64, cols));
}
export function mean_first(p: usize, rows: usize, cols: usize, out: usize): void {
  reduceFirst(SUM, p, rows, cols, out);
  for (let c: usize = 0; c < cols; c++) store<f64>(out + c * F64, load<f64>(out + c * F64) / <f64>rows);
}

/** Variance with divisor n - ddof (two-pass: mean, then squared deviations). */
export function variance(p: usize, n: usize, ddof: f64): f64 {
  return (0 + pairwiseSquaredDeviations(p, n, mean(p, n))) / (<f64>n - ddof);
}
export function variance_last(p: usize, rows: usize, cols: usize, ddof: f64, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, variance(p + r * cols * F64, cols, ddof));
}
/** Column variances; `scratch` holds cols float64 (the column means). */
export function variance_first(p: usize, rows: usize, cols: usize, ddof: f64, out: usize, scratch: usize): void {
  mean_first(p, rows, cols, scratch);
  sq_dev_first(p, rows, cols, scratch, out);
  const divisor = <f64>rows - ddof;
  for (let c: usize = 0; c < cols; c++) store<f64>(out + c * F64, load<f64>(out + c * F64) / divisor);
}

/** Mean of the non-NaN elements (NaN when there is none): pairwise nansum / count. */
export function nanmean(p: usize, n: usize): f64 {
  return (0 + pairwiseNanSum(p, n)) / count_nonnan(p, n);
}
export function nanmean_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, nanmean(p + r * cols * F64, cols));
}
/** Column means of the non-NaN elements; `scratch` holds cols float64 (the counts). */
export function nanmean_first(p: usize, rows: usize, cols: usize, out: usize, scratch: usize): void {
  reduceFirst(NANSUM, p, rows, cols, out);
  count_first(p, rows, cols, scratch);
  for (let c: usize = 0; c < cols; c++) {
    store<f64>(out + c * F64, load<f64>(out + c * F64) / load<f64>(scratch + c * F64));
  }
}

// ---- argmin / argmax ----------------------------------------------------------------------

export function argmin(p: usize, n: usize): isize { return argExtreme(false, p, n); }
export function argmax(p: usize, n: usize): isize { return argExtreme(true, p, n); }
/** out[r] = argmin of row r, as float64. */
export function argmin_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, <f64>argmin(p + r * cols * F64, cols));
}
/** out[r] = argmax of row r, as float64. */
export function argmax_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) store<f64>(out + r * F64, <f64>argmax(p + r * cols * F64, cols));
}

/**
 * Column-wise argmin (isMax false) / argmax: out[c] = row index (as float64) of the first
 * extreme of column c of the rows×cols block at p, or of its first NaN; `scratch` (cols
 * float64) holds the running extremes. A row replaces the running value where it is
 * strictly smaller (larger), or NaN over a number; a NaN is never replaced. So ties keep
 * the first row (0 and -0 tie), as the flat kernels and the JS loops. rows ≥ 1.
 */
@inline function argFirst(isMax: bool, p: usize, rows: usize, cols: usize, out: usize, scratch: usize): void {
  memory.copy(scratch, p, cols * F64);
  memory.fill(out, 0, cols * F64);
  for (let r: usize = 1; r < rows; r++) {
    const row = p + r * cols * F64;
    const index = <f64>r;
    const rv = f64x2.splat(index);
    let c: usize = 0;
    for (; c + 4 <= cols; c += 4) {
      const o = c * F64;
      const x0 = v128.load(row + o);
      const x1 = v128.load(row + o, 16);
      const b0 = v128.load(scratch + o);
      const b1 = v128.load(scratch + o, 16);
      const u0 = v128.or(isMax ? f64x2.gt(x0, b0) : f64x2.lt(x0, b0), v128.andnot(f64x2.ne(x0, x0), f64x2.ne(b0, b0)));
      const u1 = v128.or(isMax ? f64x2.gt(x1, b1) : f64x2.lt(x1, b1), v128.andnot(f64x2.ne(x1, x1), f64x2.ne(b1, b1)));
      if (!v128.any_true(v128.or(u0, u1))) continue;
      v128.store(scratch + o, v128.bitselect(x0, b0, u0));
      v128.store(scratch + o, v128.bitselect(x1, b1, u1), 16);
      v128.store(out + o, v128.bitselect(rv, v128.load(out + o), u0));
      v128.store(out + o, v128.bitselect(rv, v128.load(out + o, 16), u1), 16);
    }
    for (; c < cols; c++) {
      const o = c * F64;
      const x = load<f64>(row + o);
      const b = load<f64>(scratch + o);
      if ((isMax ? x > b : x < b) || (x != x && b == b)) {
        store<f64>(scratch + o, x);
        store<f64>(out + o, index);
      }
    }
  }
}
/** out[c] = argmin of column c (first occurrence; first NaN wins), as float64; scratch: cols float64. */
export function argmin_first(p: usize, rows: usize, cols: usize, out: usize, scratch: usize): void {
  argFirst(false, p, rows, cols, out, scratch);
}
/** out[c] = argmax of column c (first occurrence; first NaN wins), as float64; scratch: cols float64. */
export function argmax_first(p: usize, rows: usize, cols: usize, out: usize, scratch: usize): void {
  argFirst(true, p, rows, cols, out, scratch);
}

// ---- cumulative sums and products ---------------------------------------------------------

/** out[0] = p[0] (so cumsum keeps a leading -0, as NumPy), then running sums/products. */
@inline function scan(isSum: bool, p: usize, out: usize, n: usize): void {
  if (n == 0) return;
  let acc = load<f64>(p);
  store<f64>(out, acc);
  for (let i: usize = 1; i < n; i++) {
    const o = i * F64;
    acc = isSum ? acc + load<f64>(p + o) : acc * load<f64>(p + o);
    store<f64>(out + o, acc);
  }
}

@inline function scanFirst(isSum: bool, p: usize, rows: usize, cols: usize, out: usize): void {
  if (rows == 0) return;
  memory.copy(out, p, cols * F64);
  for (let r: usize = 1; r < rows; r++) {
    const prev = out + (r - 1) * cols * F64;
    const row = p + r * cols * F64;
    const dst = out + r * cols * F64;
    let c: usize = 0;
    for (; c + 2 <= cols; c += 2) {
      const o = c * F64;
      const x = v128.load(prev + o);
      const y = v128.load(row + o);
      v128.store(dst + o, isSum ? f64x2.add(x, y) : f64x2.mul(x, y));
    }
    for (; c < cols; c++) {
      const o = c * F64;
      const x = load<f64>(prev + o);
      const y = load<f64>(row + o);
      store<f64>(dst + o, isSum ? x + y : x * y);
    }
  }
}

export function cumsum(p: usize, out: usize, n: usize): void { scan(true, p, out, n); }
export function cumsum_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) scan(true, p + r * cols * F64, out + r * cols * F64, cols);
}
export function cumsum_first(p: usize, rows: usize, cols: usize, out: usize): void { scanFirst(true, p, rows, cols, out); }
export function cumprod(p: usize, out: usize, n: usize): void { scan(false, p, out, n); }
export function cumprod_last(p: usize, rows: usize, cols: usize, out: usize): void {
  for (let r: usize = 0; r < rows; r++) scan(false, p + r * cols * F64, out + r * cols * F64, cols);
}
export function cumprod_first(p: usize, rows: usize, cols: usize, out: usize): void { scanFirst(false, p, rows, cols, out); }

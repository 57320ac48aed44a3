/**
 * JS reduction kernels, one table row a reducer, each as init / step / finish (STYLE item 3):
 *
 * - `identity`: the value of an empty reduction (`null`: none, an empty reduction throws);
 * - `init`: the accumulator's start value (the identity where there is one);
 * - `line`: folds one strided line into an accumulator (the step, over a run; used when the
 *   innermost loop is a reduced axis: "reduce the last axis of a contiguous array");
 * - `row`: steps a strided row of inputs into a strided row of accumulators (used when the
 *   innermost loop is a kept axis: "axis 0 of a C-contiguous 2-D array" walks rows and adds
 *   each into the output row, never column by column).
 *
 * The finishing step (divide by n for a mean, …) belongs to the public op in
 * `src/ops/reduce.ts`. The sum uses NumPy's pairwise summation (8 partial sums over blocks of
 * 128, halves above), so its error grows like O(log n)·ε rather than n·ε.
 * @module
 */

/**
 * Folds `n` elements `data[p], data[p+s], …` into `acc` and returns the new accumulator.
 * `center` is a per-output parameter (the mean, for squared deviations); others ignore it.
 */
export type LineKernel = (data: Float64Array, p: number, n: number, s: number, acc: number, center: number) => number;

/**
 * Steps `n` inputs `data[p + j*s]` into accumulators `out[o + j*t]`; `aux[c + j*t]` is the
 * per-output parameter (see {@link LineKernel}).
 */
export type RowKernel = (
  data: Float64Array, p: number, n: number, s: number,
  out: Float64Array, o: number, t: number, aux: Float64Array, c: number,
) => void;

/** One reducer: how to start, step and (with the op) finish a reduction. */
export interface Reducer {
  /** Result of reducing nothing; `null` when there is none (reducing nothing throws). */
  readonly identity: number | null;
  /** Start value of every accumulator. */
  readonly init: number;
  /** Fold a strided line into one accumulator. */
  readonly line: LineKernel;
  /** Step a strided row into a row of accumulators. */
  readonly row: RowKernel;
}

const PAIRWISE_BLOCK = 128;

/**
 * NumPy's pairwise summation of `data[p + i*s]`, i < n: 8 partial sums over blocks of up to
 * 128 elements, recursive halving above.
 * @param data the values
 * @param p index of the first
 * @param n how many
 * @param s step between them
 * @returns the sum (−0 for n = 0)
 */
export function pairwiseSum(data: Float64Array, p: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++, p += s) r += data[p]!;
    return r;
  }
  if (n <= PAIRWISE_BLOCK) {
    const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s, s5 = 5 * s, s6 = 6 * s, s7 = 7 * s, s8 = 8 * s;
    let r0 = data[p]!, r1 = data[p + s]!, r2 = data[p + s2]!, r3 = data[p + s3]!;
    let r4 = data[p + s4]!, r5 = data[p + s5]!, r6 = data[p + s6]!, r7 = data[p + s7]!;
    let i = 8;
    let q = p + s8;
    for (; i + 8 <= n; i += 8, q += s8) {
      r0 += data[q]!;
      r1 += data[q + s]!;
      r2 += data[q + s2]!;
      r3 += data[q + s3]!;
      r4 += data[q + s4]!;
      r5 += data[q + s5]!;
      r6 += data[q + s6]!;
      r7 += data[q + s7]!;
    }
    let r = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++, q += s) r += data[q]!;
    return r;
  }
  const half = pairwiseHalf(n);
  return pairwiseSum(data, p, half, s) + pairwiseSum(data, p + half * s, n - half, s);
}

/** NaN as +0, any other value as itself (a nansum term). */
function nanToZero(v: number): number {
  return v === v ? v : 0;
}

/**
 * {@link pairwiseSum} of the terms `v === v ? v : 0` (NumPy's nansum: NaN counts as +0).
 * Same splits and partial sums, so it equals the WASM `nansum` bit for bit.
 */
export function pairwiseNanSum(data: Float64Array, p: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++, p += s) {
      const v = data[p]!;
      r += v === v ? v : 0;
    }
    return r;
  }
  if (n <= PAIRWISE_BLOCK) {
    const s8 = 8 * s;
    let r0 = nanToZero(data[p]!), r1 = nanToZero(data[p + s]!), r2 = nanToZero(data[p + 2 * s]!), r3 = nanToZero(data[p + 3 * s]!);
    let r4 = nanToZero(data[p + 4 * s]!), r5 = nanToZero(data[p + 5 * s]!), r6 = nanToZero(data[p + 6 * s]!), r7 = nanToZero(data[p + 7 * s]!);
    let i = 8;
    let q = p + s8;
    for (; i + 8 <= n; i += 8, q += s8) {
      r0 += nanToZero(data[q]!);
      r1 += nanToZero(data[q + s]!);
      r2 += nanToZero(data[q + 2 * s]!);
      r3 += nanToZero(data[q + 3 * s]!);
      r4 += nanToZero(data[q + 4 * s]!);
      r5 += nanToZero(data[q + 5 * s]!);
      r6 += nanToZero(data[q + 6 * s]!);
      r7 += nanToZero(data[q + 7 * s]!);
    }
    let r = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++, q += s) {
      const v = data[q]!;
      r += v === v ? v : 0;
    }
    return r;
  }
  const half = pairwiseHalf(n);
  return pairwiseNanSum(data, p, half, s) + pairwiseNanSum(data, p + half * s, n - half, s);
}

/**
 * {@link pairwiseSum} of the terms `(x - center)²` (the second pass of var/std, as NumPy:
 * the deviations squared, then summed pairwise). Equals the WASM `sq_dev` bit for bit.
 */
export function pairwiseSquaredDeviations(data: Float64Array, p: number, n: number, s: number, center: number): number {
  if (n < 8) {
    let r = -0;
    for (let i = 0; i < n; i++, p += s) {
      const d = data[p]! - center;
      r += d * d;
    }
    return r;
  }
  if (n <= PAIRWISE_BLOCK) {
    const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s, s5 = 5 * s, s6 = 6 * s, s7 = 7 * s, s8 = 8 * s;
    let d0 = data[p]! - center, d1 = data[p + s]! - center, d2 = data[p + s2]! - center, d3 = data[p + s3]! - center;
    let d4 = data[p + s4]! - center, d5 = data[p + s5]! - center, d6 = data[p + s6]! - center, d7 = data[p + s7]! - center;
    let r0 = d0 * d0, r1 = d1 * d1, r2 = d2 * d2, r3 = d3 * d3, r4 = d4 * d4, r5 = d5 * d5, r6 = d6 * d6, r7 = d7 * d7;
    let i = 8;
    let q = p + s8;
    for (; i + 8 <= n; i += 8, q += s8) {
      d0 = data[q]! - center;
      d1 = data[q + s]! - center;
      d2 = data[q + s2]! - center;
      d3 = data[q + s3]! - center;
      d4 = data[q + s4]! - center;
      d5 = data[q + s5]! - center;
      d6 = data[q + s6]! - center;
      d7 = data[q + s7]! - center;
      r0 += d0 * d0;
      r1 += d1 * d1;
      r2 += d2 * d2;
      r3 += d3 * d3;
      r4 += d4 * d4;
      r5 += d5 * d5;
      r6 += d6 * d6;
      r7 += d7 * d7;
    }
    let r = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++, q += s) {
      const d = data[q]! - center;
      r += d * d;
    }
    return r;
  }
  const half = pairwiseHalf(n);
  return pairwiseSquaredDeviations(data, p, half, s, center) + pairwiseSquaredDeviations(data, p + half * s, n - half, s, center);
}

/**
 * First half of a pairwise split of `n` > 128 terms: n/2 rounded down to a multiple of 8
 * (NumPy's choice; the WASM kernels and the staged splits use the same).
 * @param n the number of terms
 * @returns the length of the first half
 */
export function pairwiseHalf(n: number): number {
  const half = n >>> 1;
  return half - (half % 8);
}

/**
 * Rows added in order in each leaf of {@link rowsTree}: up to 128 (as NumPy's pairwise
 * block), so reductions over ≤ 128 rows add in NumPy's order exactly.
 */
export const ROW_BLOCK = 128;

/**
 * Blocked-pairwise reduction over rows (a reduced axis that is not the innermost loop, such
 * as axis 0 of a C-contiguous matrix): the rows [lo, lo + n) are split in halves down to
 * leaves of at most {@link ROW_BLOCK} rows; `leaf(lo, n, slot)` writes the in-order sum of
 * its rows into accumulator row `slot`, and `combine(into, from)` adds accumulator row
 * `from` into `into`. The result ends in slot `slot`; slots up to `slot +`
 * {@link rowsTreeSlots}`(n) - 1` are used. The JS engine, the WASM dispatch and staging
 * all run this one tree, so their results agree bit for bit; the error grows like
 * (128 + log₂ n)·ε rather than n·ε.
 * @param lo first row
 * @param n number of rows
 * @param slot accumulator row receiving the result
 * @param leaf sums rows in order into a slot (starting from +0)
 * @param combine adds one slot into another
 */
export function rowsTree(
  lo: number, n: number, slot: number,
  leaf: (lo: number, n: number, slot: number) => void, combine: (into: number, from: number) => void,
): void {
  if (n <= ROW_BLOCK) {
    leaf(lo, n, slot);
    return;
  }
  const half = n >>> 1;
  rowsTree(lo, half, slot, leaf, combine);
  rowsTree(lo + half, n - half, slot + 1, leaf, combine);
  combine(slot, slot + 1);
}

/**
 * Accumulator rows {@link rowsTree} uses for `n` rows.
 * @param n number of rows
 * @returns slots needed (at least 1)
 */
export function rowsTreeSlots(n: number): number {
  let slots = 1;
  while (n > ROW_BLOCK) {
    n -= n >>> 1;
    slots++;
  }
  return slots;
}

/**
 * Product over a strided line, in order from `acc` (NumPy's multiply reduction is sequential:
 * partial products would round differently and can overflow, underflow or meet inf·0 where
 * NumPy does not).
 */
function prodLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let r = acc;
  for (let i = 0; i < n; i++, p += s) r *= data[p]!;
  return r;
}

/**
 * Minimum of a strided line; the first NaN ends the scan (NaN propagates). Ties of zeros
 * give -0 (IEEE `minimum`, as the WASM kernels: the result does not depend on the order).
 */
function minLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let m = acc;
  if (m !== m) return m;
  const p0 = p;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    if (!(v >= m)) {
      if (v !== v) return v;
      m = v;
    }
  }
  return m === 0 ? signedZeroTie(data, p0, n, s, m, true) : m;
}

/**
 * The extreme of a line whose extreme is a zero: -0 for a minimum when any -0 is there
 * (or `m` is -0), +0 for a maximum when any +0 is. A second pass only in that rare case,
 * so the hot loops stay as simple as a plain comparison.
 */
function signedZeroTie(data: Float64Array, p: number, n: number, s: number, m: number, isMin: boolean): number {
  const want = isMin ? -Infinity : Infinity;
  if (1 / m === want) return m;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    if (v === 0 && 1 / v === want) return v;
  }
  return m;
}

/** Maximum of a strided line; the first NaN ends the scan (NaN propagates). Ties of zeros give +0. */
function maxLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let m = acc;
  if (m !== m) return m;
  const p0 = p;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    if (!(v <= m)) {
      if (v !== v) return v;
      m = v;
    }
  }
  return m === 0 ? signedZeroTie(data, p0, n, s, m, false) : m;
}

/** Minimum skipping NaN; the accumulator starts as NaN, meaning "nothing seen yet". Zero ties give -0. */
function nanMinLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let m = acc;
  const p0 = p;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    if (v < m || m !== m) m = v;
  }
  return m === 0 ? signedZeroTie(data, p0, n, s, m, true) : m;
}

/** Maximum skipping NaN; the accumulator starts as NaN, meaning "nothing seen yet". Zero ties give +0. */
function nanMaxLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let m = acc;
  const p0 = p;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    if (v > m || m !== m) m = v;
  }
  return m === 0 ? signedZeroTie(data, p0, n, s, m, false) : m;
}

/** 1 when any element is nonzero (NaN counts as nonzero), else `acc`. */
function anyLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  if (acc !== 0) return 1;
  for (let i = 0; i < n; i++, p += s) if (data[p] !== 0) return 1;
  return 0;
}

/** 0 when any element is zero, else `acc`. */
function allLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  if (acc === 0) return 0;
  for (let i = 0; i < n; i++, p += s) if (data[p] === 0) return 0;
  return 1;
}

/** Number of non-NaN elements plus `acc`. */
function countLine(data: Float64Array, p: number, n: number, s: number, acc: number): number {
  let c = 0;
  for (let i = 0; i < n; i++, p += s) {
    const v = data[p]!;
    c += v === v ? 1 : 0;
  }
  return acc + c;
}

/** The reducers the public reductions are built from. */
export const REDUCERS = {
  sum: {
    identity: 0,
    init: 0,
    line: (data, p, n, s, acc) => acc + pairwiseSum(data, p, n, s),
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) out[o] += data[p]!;
    },
  },
  nansum: {
    identity: 0,
    init: 0,
    line: (data, p, n, s, acc) => acc + pairwiseNanSum(data, p, n, s),
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        if (v === v) out[o] += v;
      }
    },
  },
  prod: {
    identity: 1,
    init: 1,
    line: prodLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) out[o] *= data[p]!;
    },
  },
  min: {
    identity: null,
    init: Infinity,
    line: minLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        const m = out[o]!;
        if (v < m || v !== v || (v === 0 && m === 0 && 1 / v < 0)) out[o] = v;
      }
    },
  },
  max: {
    identity: null,
    init: -Infinity,
    line: maxLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        const m = out[o]!;
        if (v > m || v !== v || (v === 0 && m === 0 && 1 / v > 0)) out[o] = v;
      }
    },
  },
  nanmin: {
    identity: null,
    init: NaN,
    line: nanMinLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        const m = out[o]!;
        if (v < m || m !== m || (v === 0 && m === 0 && 1 / v < 0)) out[o] = v;
      }
    },
  },
  nanmax: {
    identity: null,
    init: NaN,
    line: nanMaxLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        const m = out[o]!;
        if (v > m || m !== m || (v === 0 && m === 0 && 1 / v > 0)) out[o] = v;
      }
    },
  },
  any: {
    identity: 0,
    init: 0,
    line: anyLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) if (data[p] !== 0) out[o] = 1;
    },
  },
  all: {
    identity: 1,
    init: 1,
    line: allLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) if (data[p] === 0) out[o] = 0;
    },
  },
  /** Number of non-NaN elements (the divisor of nanmean). */
  countNonNaN: {
    identity: 0,
    init: 0,
    line: countLine,
    row: (data, p, n, s, out, o, t) => {
      for (let j = 0; j < n; j++, p += s, o += t) {
        const v = data[p]!;
        if (v === v) out[o] += 1;
      }
    },
  },
  /** Sum of squared deviations from a per-output center (the second pass of var/std). */
  squaredDeviations: {
    identity: 0,
    init: 0,
    line: (data, p, n, s, acc, center) => acc + pairwiseSquaredDeviations(data, p, n, s, center),
    row: (data, p, n, s, out, o, t, aux, c) => {
      for (let j = 0; j < n; j++, p += s, o += t, c += t) {
        const d = data[p]! - aux[c]!;
        out[o] += d * d;
      }
    },
  },
} satisfies Record<string, Reducer>;

/** Name of a row of {@link REDUCERS}. */
export type ReducerName = keyof typeof REDUCERS;

/**
 * Index of the first minimum (`sign` = 1) or maximum (`sign` = -1) of a strided line, a NaN
 * counting as the extreme (its first index wins). `n` must be at least 1.
 * @param data the values
 * @param p index of the first
 * @param n how many (≥ 1)
 * @param s step between them
 * @param isMax true for argmax
 * @returns the position within the line
 */
export function argExtremeLine(data: Float64Array, p: number, n: number, s: number, isMax: boolean): number {
  let m = data[p]!;
  if (m !== m) return 0;
  let best = 0;
  p += s;
  if (isMax) {
    for (let i = 1; i < n; i++, p += s) {
      const v = data[p]!;
      if (!(v <= m)) {
        if (v !== v) return i;
        m = v;
        best = i;
      }
    }
  } else {
    for (let i = 1; i < n; i++, p += s) {
      const v = data[p]!;
      if (!(v >= m)) {
        if (v !== v) return i;
        m = v;
        best = i;
      }
    }
  }
  return best;
}

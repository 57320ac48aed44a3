/**
 * `nd.linalg.norm`: vector and matrix norms with NumPy's rules for which one applies
 * (numpy/linalg/_linalg.py `norm`), computed with NumPy's formulas on ndvec's element-wise
 * ops and reductions (`sqrt(sum(x²))`, `max(sum(|x|, axis))`, …; WASM kernels, pairwise sums),
 * the flattened 2-norm as `sqrt(x·x)`, the 2/-2/'nuc' matrix norms from the singular values
 * of src/linalg/svd.ts. The 2-norm and the Frobenius norm recompute, with rescaling, a lane
 * whose sum of squares overflows or underflows (LAPACK `dnrm2`'s concern): NumPy returns
 * `inf` for `norm([1e200, 1e200])`, ndvec 1.414e200.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, newArray } from '../array-factory.ts';
import { checkArity, checkAxisArg, checkBoolean, checkOptions, describe } from '../args.ts';
import { ArgumentError, AxisError, ShapeError, formatShape } from '../errors.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { normalizeAxis } from '../shape.ts';
import { matmul } from '../ops/linalg.ts';
import { binary, unary } from '../ops/elementwise.ts';
import { reduce } from '../ops/reduce.ts';
import { singularValues } from './svd.ts';
import { refuseTracing, withInput, type MatrixInput } from './decomp-support.ts';

/** Options of `nd.linalg.norm`. */
export interface NormOptions {
  /** Keep the reduced axes as size-1 axes (the result broadcasts against `x`). Default false. */
  keepdims?: boolean;
}

/** A norm order: a number (vectors: any p; matrices: 1, -1, 2, -2, ±Infinity), `'fro'` or `'nuc'`, or null for the default. */
export type NormOrder = number | 'fro' | 'nuc' | null;

/** Below this a lane's largest |x| makes its squares lose bits to underflow: rescale. */
const TINY = 1e-146;

/**
 * Σ f(x[p + i]) for i < n as NumPy's `add.reduce` along a contiguous axis: the first term,
 * plus the pairwise sum of the rest (`pairwise_sum`: 8 partial sums up to 128 elements,
 * halves above).
 */
function laneSum(x: Float64Array, p: number, n: number, f: (v: number) => number): number {
  return n === 0 ? 0 : f(x[p]!) + pairwise(x, p + 1, n - 1, f);
}

/** NumPy's `pairwise_sum` of f(x[p + i]), i < n. */
function pairwise(x: Float64Array, p: number, n: number, f: (v: number) => number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += f(x[p + i]!);
    return s;
  }
  if (n <= 128) {
    const r = [f(x[p]!), f(x[p + 1]!), f(x[p + 2]!), f(x[p + 3]!), f(x[p + 4]!), f(x[p + 5]!), f(x[p + 6]!), f(x[p + 7]!)];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += f(x[p + i + j]!);
    let s = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) s += f(x[p + i]!);
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(x, p, n2, f) + pairwise(x, p + n2, n - n2, f);
}

const abs = (v: number): number => Math.abs(v);
const square = (v: number): number => v * v;

/** max |x| of a lane (NaN if any is NaN); -Infinity for an empty lane. */
function maxAbs(x: Float64Array, p: number, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(x[p + i]!);
    if (v > m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/** min |x| of a lane (NaN if any is NaN); Infinity for an empty lane. */
function minAbs(x: Float64Array, p: number, n: number): number {
  let m = Infinity;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(x[p + i]!);
    if (v < m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/** The 2-norm of a lane: sqrt of the pairwise sum of squares, rescaled by max |x| when that overflows or underflows. */
function twoNorm(x: Float64Array, p: number, n: number): number {
  const s = Math.sqrt(laneSum(x, p, n, square));
  if (s !== Infinity && !(s < TINY)) return s;
  const m = maxAbs(x, p, n);
  if (!(m > 0) || m === Infinity || (s !== Infinity && m >= TINY)) return s;
  return m * Math.sqrt(laneSum(x, p, n, (v) => (v / m) * (v / m)));
}

/**
 * The 2-norm of all of `x`'s elements: as NumPy, `sqrt(x·x)` by the dot product (WASM
 * f64x2 for contiguous data), rescaled through {@link twoNorm} when that overflows or
 * underflows.
 */
function flatTwoNorm(x: NdArray): number {
  if (x.dtype === 'float64' && x.isContiguous && x.size > 0) {
    const v = newArray(x.storage, [x.size], [1], x.offset, false, true);
    const s = Math.sqrt(matmul(v, v) as number);
    if (s !== Infinity && !(s < TINY)) return s;
  }
  const { data, start, len } = lanesOf(x, x.shape.map((_, i) => i));
  return twoNorm(data, start, x.ndim === 0 ? 1 : len);
}

/**
 * The elements of `x` with `axes` moved last (in the order given): lanes of `len` contiguous
 * elements each, lane q at `start + q * len` (C order of the other axes).
 */
function lanesOf(x: NdArray, axes: readonly number[]): { data: Float64Array; start: number; len: number } {
  const keptAxes = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...keptAxes, ...axes];
  let len = 1;
  for (const k of axes) len *= x.shape[k]!;
  if (x.dtype === 'float64' && x.isContiguous && perm.every((k, i) => k === i)) return { data: x.f64(), start: x.start, len };
  const view = newArray(x.storage, perm.map((k) => x.shape[k]!), perm.map((k) => x.strides[k]!), x.offset, false, true);
  return { data: gatherFloat64(view), start: 0, len };
}

/** The result: a number when nothing is kept and no keepdims, else an array of `shape`. */
function resultOf(values: Float64Array, shape: readonly number[], scalar: boolean): NdArray | number {
  if (scalar) return values[0]!;
  const r = emptyArray(shape);
  r.f64().set(values, r.start);
  return r;
}

/** NumPy's error for a max/min over nothing. */
function emptyReduction(x: NdArray, what: string): ShapeError {
  return new ShapeError(`linalg.norm: zero-size array to reduction operation ${what} which has no identity (x of shape ${formatShape(x.shape)})`, [x.shape]);
}

/** Runs `f` with a list its temporaries go in; they are freed when it returns or throws. */
function withTemps<T>(f: (t: (x: NdArray) => NdArray) => T): T {
  const temps: NdArray[] = [];
  try {
    return f((x) => {
      temps.push(x);
      return x;
    });
  } finally {
    for (const t of temps) t.dispose();
  }
}

/** An op's result as an array (a reduction to one value gives a number): a 0-d array then. */
function arr(v: NdArray | number | boolean): NdArray {
  if (typeof v !== 'object') {
    const z = emptyArray([]);
    z.f64()[z.start] = Number(v);
    return z;
  }
  return v;
}

/** `r` as the result: a number when `scalar` (r freed), else r itself. */
function finish(r: NdArray, scalar: boolean): NdArray | number {
  if (!scalar) return r;
  const v = r.f64()[r.start]!;
  r.dispose();
  return v;
}

/**
 * Lanes of a sqrt-of-sum-of-squares result that overflowed or underflowed (inf, or below
 * TINY), recomputed with rescaling from the lanes of `x` over `axes` (C order of the kept
 * axes, as `r`'s elements).
 */
function rescaleLanes(r: NdArray, x: NdArray, axes: readonly number[]): void {
  const out = r.f64();
  let bad = false;
  for (let q = 0; q < r.size; q++) {
    const v = out[r.start + q]!;
    if (v === Infinity || v < TINY) bad = true;
  }
  if (!bad) return;
  const { data, start, len } = lanesOf(x, axes);
  const o = r.f64();
  for (let q = 0; q < r.size; q++) {
    const v = o[r.start + q]!;
    if (v === Infinity || v < TINY) o[r.start + q] = twoNorm(data, start + q * len, len);
  }
}

/** max or min over `axis` of `y` (a max over nothing is 0, NumPy's `initial=0`; a min over nothing throws). */
function extreme(x: NdArray, y: NdArray, axis: number, max: boolean, keepdims: boolean): NdArray {
  if (y.shape[axis] === 0) {
    if (!max) throw emptyReduction(x, 'minimum');
    const shape = keepdims ? y.shape.map((d, i) => (i === axis ? 1 : d)) : y.shape.filter((_, i) => i !== axis);
    const z = emptyArray(shape);
    z.f64().fill(0, z.start, z.start + z.size);
    return z;
  }
  return arr(reduce(max ? 'max' : 'min', y, axis, { keepdims }));
}

/** A vector norm of every lane along `axis`, with NumPy's ufunc formulas (pairwise sums, WASM kernels). */
function vectorNorm(x: NdArray, ord: number | null, axis: number, keepdims: boolean): NdArray | number {
  const scalar = !keepdims && x.ndim === 1;
  return withTemps((t) => {
    let r: NdArray;
    if (ord === null || ord === 2) {
      r = unary('sqrt', t(arr(reduce('sum', t(unary('square', x)), axis, { keepdims }))));
      rescaleLanes(r, x, [axis]);
    } else if (ord === Infinity || ord === -Infinity) r = extreme(x, t(unary('abs', x)), axis, ord === Infinity, keepdims);
    else if (ord === 0) r = arr(reduce('sum', t(binary('ne', x, 0)), axis, { keepdims }));
    else if (ord === 1) r = arr(reduce('sum', t(unary('abs', x)), axis, { keepdims }));
    else {
      const powered = t(binary('pow', t(unary('abs', x)), ord));
      r = binary('pow', t(arr(reduce('sum', powered, axis, { keepdims }))), 1 / ord);
    }
    return finish(r, scalar);
  });
}

/** A matrix norm of every `[rows, cols]` matrix over axes `r`, `c`. */
function matrixNorm(x: NdArray, ord: NormOrder, r: number, c: number, keepdims: boolean): NdArray | number {
  const shape = keepdims ? x.shape.map((d, i) => (i === r || i === c ? 1 : d)) : x.shape.filter((_, i) => i !== r && i !== c);
  const scalar = !keepdims && shape.length === 0;
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    const moved = newArray(x.storage, [...x.shape.filter((_, i) => i !== r && i !== c), x.shape[r]!, x.shape[c]!], [...x.strides.filter((_, i) => i !== r && i !== c), x.strides[r]!, x.strides[c]!], x.offset, false, true);
    const s = singularValues(moved);
    try {
      const k = s.shape[s.ndim - 1]!;
      const count = s.size === 0 ? shape.reduce((p, d) => p * d, 1) : s.size / k;
      if (k === 0 && ord === -2) throw emptyReduction(x, 'minimum');
      const sv = gatherFloat64(s);
      const out = new Float64Array(count);
      for (let q = 0; q < count; q++) {
        const p = q * k;
        out[q] = ord === 'nuc' ? laneSum(sv, p, k, abs) : ord === 2 ? Math.max(0, maxAbs(sv, p, k)) : minAbs(sv, p, k);
      }
      return resultOf(out, shape, scalar);
    } finally {
      s.dispose();
    }
  }
  return withTemps((t) => {
    let m: NdArray;
    if (ord === null || ord === 'fro') {
      m = unary('sqrt', t(arr(reduce('sum', t(unary('square', x)), [r, c]))));
      rescaleLanes(m, x, [r, c]);
    } else {
      // 1 / -1: max / min over columns of the column sums of |x|; ±inf: over rows of the row sums.
      const byColumn = ord === 1 || ord === -1;
      const sums = t(arr(reduce('sum', t(unary('abs', x)), byColumn ? r : c)));
      const other = byColumn ? (c > r ? c - 1 : c) : r > c ? r - 1 : r;
      m = extreme(x, sums, other, ord === 1 || ord === Infinity, false);
    }
    if (!keepdims) return finish(m, scalar);
    t(m);
    return resultOf(gatherFloat64(m), shape, false);
  });
}

/**
 * A matrix or vector norm, NumPy's `linalg.norm(x, ord, axis, keepdims)` with its rules:
 * - `axis` null and `ord` null: the 2-norm of the flattened array (any dimensions);
 * - `axis` one integer (or a 1-element array), or `axis` null on a 1-D `x`: vector norms
 *   along it: `ord` 2 (default), 1, Infinity (max |x|), -Infinity (min |x|), 0 (count of
 *   nonzeros), any other number p (`(Σ|x|^p)^(1/p)`);
 * - `axis` a pair, or `axis` null on a 2-D `x`: matrix norms of the matrices over those
 *   axes: 'fro' (default), 'nuc' (sum of singular values), 1 / -1 (max / min column sum of
 *   |x|), Infinity / -Infinity (max / min row sum), 2 / -2 (largest / smallest singular value);
 * - `axis` null with `ord` given on an array of 3 or more dimensions: an error, as NumPy.
 * The 2-norm and 'fro' rescale lanes whose squares overflow or underflow (NumPy would give
 * inf or 0 there); NaN propagates.
 * @param x the array (NdArray or nested data)
 * @param ord the order (null or omitted: 2-norm / Frobenius)
 * @param axis null, an axis, or a pair of axes
 * @param options `{ keepdims }`
 * @returns a number when every axis is reduced (and not keepdims), else a new array
 * @throws ArgumentError for an order that does not apply (`'fro'` for vectors, 3 for
 *   matrices); AxisError for an axis out of range or a repeated pair; ShapeError for more
 *   than two axes, an `ord` with `axis` null on 3+ dimensions, or a min over nothing (a max
 *   over nothing is 0, as NumPy's `initial=0`)
 * @example
 * nd.linalg.norm([3, 4]);                          // 5
 * nd.linalg.norm([[1, -2], [3, 4]], 1);            // 6 (max column sum)
 * nd.linalg.norm([[1, -2], [3, 4]], null, 1).toArray(); // [2.23606797749979, 5]
 */
export function norm(x: MatrixInput, ord?: NormOrder, axis?: number | readonly number[] | null, options?: NormOptions): NdArray | number {
  refuseTracing('linalg.norm', arguments);
  if (arguments.length > 4 || arguments.length < 1) checkArity('linalg.norm', arguments, 4, 1);
  const o = ord ?? null;
  if (o !== null && typeof o !== 'number' && o !== 'fro' && o !== 'nuc') {
    throw new ArgumentError('linalg.norm', 'ord', `ord must be a number, 'fro', 'nuc' or null, got ${describe(ord)}`);
  }
  const ax = checkAxisArg('linalg.norm', axis);
  const keepdims = checkBoolean('linalg.norm', 'keepdims', checkOptions('linalg.norm', options, ['keepdims'] as const).keepdims, false);
  return withInput(x, (a) => {
    let axes: number[];
    if (ax === null) {
      if (o === null || (o === 'fro' && a.ndim === 2) || (o === 2 && a.ndim === 1)) {
        const v = flatTwoNorm(a);
        return keepdims ? resultOf(new Float64Array([v]), a.shape.map(() => 1), false) : v;
      }
      axes = a.shape.map((_, i) => i);
    } else axes = typeof ax === 'number' ? [ax] : [...ax];
    if (axes.length === 1) {
      if (typeof o === 'string') throw new ArgumentError('linalg.norm', 'ord', `Invalid norm order '${o}' for vectors`);
      return vectorNorm(a, o, normalizeAxis(axes[0]!, a.ndim), keepdims);
    }
    if (axes.length === 2) {
      const r = normalizeAxis(axes[0]!, a.ndim), c = normalizeAxis(axes[1]!, a.ndim);
      if (r === c) throw new AxisError(axes[1]!, a.ndim, `linalg.norm: Duplicate axes given: [${axes.join(', ')}]`);
      if (o !== null && o !== 'fro' && o !== 'nuc' && ![1, -1, 2, -2, Infinity, -Infinity].includes(o)) {
        throw new ArgumentError('linalg.norm', 'ord', `Invalid norm order ${describe(o)} for matrices (1, -1, 2, -2, Infinity, -Infinity, 'fro', 'nuc')`);
      }
      return matrixNorm(a, o, r, c, keepdims);
    }
    throw new ShapeError(`linalg.norm: Improper number of dimensions to norm: axes [${axes.join(', ')}] of x ${formatShape(a.shape)} (a vector norm takes one axis, a matrix norm two)`, [a.shape]);
  });
}

/**
 * The NaN-skipping statistics NumPy builds by replacing NaN (`numpy/lib/_nanfunctions_impl.py`):
 * `nanvar`/`nanstd`, `nanprod`, `nanargmin`/`nanargmax`, `nancumsum`/`nancumprod`, and
 * `countNonzero`. Each follows NumPy's construction step by step, on the existing machinery
 * (the pairwise reductions of src/ops/reduce.ts, the element-wise and mask kernels), so the
 * WASM and JS paths give the same bits:
 *
 * - `nanvar`: the non-NaN count `cnt` and the sum with NaN as 0 (`nansum`, pairwise) give the
 *   mean `avg = sum / cnt`; the squared deviations `(x - avg)²` with 0 where x is NaN are
 *   summed pairwise (`sum`), then divided by `cnt - ddof`; where that is ≤ 0 the result is
 *   NaN (NumPy warns "Degrees of freedom <= 0 for slice" and gives NaN). An all-NaN slice
 *   gives NaN. `nanstd` is its square root.
 * - `nanprod`: `prod` of a copy with NaN as 1; `nancumsum`/`nancumprod`: the scans of a copy
 *   with NaN as 0 / 1.
 * - `nanargmin`/`nanargmax`: `argmin`/`argmax` of a copy with NaN as +Infinity / -Infinity,
 *   after raising {@link AllNaNSliceError} when a searched slice holds only NaN (an empty array gets
 *   argmin's own error, as in NumPy).
 * - `countNonzero`: the number of elements `!= 0` (NaN counts, -0 does not): one counting
 *   pass over every axis (WASM `count_nonzero` or a JS loop), else `sum` of the `ne(0)` mask
 *   (or of the bool array itself) over the axes.
 * Bool arrays hold no NaN: the nan-variants are then the plain reductions, as in NumPy.
 * @module
 */
import type { NdArray, AxisArg, KeepdimsOptions, ReduceOptions, VarOptions } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { NdvecError, formatShape } from '../errors.ts';
import { normalizeAxes, normalizeAxis } from '../shape.ts';
import { checkOut } from '../dispatch.ts';
import { activeKernels, bytePointer } from '../kernels/wasm.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { binary, unary } from './elementwise.ts';
import { countTrue, select, setWhere } from './mask.ts';
import { argReduce, cumulative, reduce, scalarAxis } from './reduce.ts';
import { copyInto, transpose } from './manipulate.ts';
import { checkArity, checkAxisArg, checkBoolean, checkOptions } from '../args.ts';
import { array, type ArrayInput } from '../create.ts';
import { NOT_TRACED, traceNdCall, tracing } from '../fuse/index.ts';

/**
 * `nanargmin`/`nanargmax` met a slice holding only NaN: NumPy raises `ValueError: All-NaN
 * slice encountered` there, since no index is meaningful. (An empty array gets argmin's
 * ShapeError, as NumPy's argmin error.)
 * @example
 * nd.nanargmax(nd.array([NaN, NaN])); // AllNaNSliceError: nanargmax: All-NaN slice encountered (shape [2], axis null)
 */
export class AllNaNSliceError extends NdvecError {
  /** The function that was called. */
  readonly func: string;
  /** The shape of the searched array. */
  readonly shape: readonly number[];
  /** The axis searched, or null for the flattened array. */
  readonly axis: number | null;
  /**
   * @param func the function called
   * @param shape the array's shape
   * @param axis the axis searched (null: flattened)
   */
  constructor(func: string, shape: readonly number[], axis: number | null) {
    super(`${func}: All-NaN slice encountered (shape ${formatShape(shape)}, axis ${axis === null ? 'null' : axis})`);
    this.func = func;
    this.shape = shape;
    this.axis = axis;
  }
}

/** Disposes the temporaries (skipping nulls and the input itself). */
function disposeAll(keep: NdArray, ...temps: (NdArray | null | undefined)[]): void {
  for (const t of temps) if (t != null && t !== keep && !t.isDisposed) t.dispose();
}

/** The reduced shape: dropped axes, or size 1 with keepdims. */
function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (!axes.includes(k)) out.push(shape[k]!);
    else if (keepdims) out.push(1);
  }
  return out;
}

/**
 * The axes of `a` from the largest memory step to the smallest (ties in axis order): the
 * C-order layout of NumPy's order-'K' copy (`PyArray_CreateSortedStridePerm`).
 */
function memoryOrder(a: NdArray): number[] {
  const order = a.shape.map((_, k) => k);
  return order.sort((p, q) => Math.abs(a.strides[q]!) - Math.abs(a.strides[p]!) || p - q);
}

/** The permutation undoing `perm` (`inverse[perm[i]] = i`). */
function inversePermutation(perm: readonly number[]): number[] {
  const inverse = new Array<number>(perm.length);
  perm.forEach((k, i) => (inverse[k] = i));
  return inverse;
}

/**
 * Variance (`'nanvar'`) or standard deviation (`'nanstd'`) over `axis`, skipping NaN, as
 * NumPy's `nanvar`/`nanstd` (see the module notes): divisor `cnt - ddof` with `cnt` the
 * non-NaN count of the slice; NaN where that is ≤ 0 (an all-NaN or empty slice, or
 * ddof ≥ cnt).
 * @param name `'nanvar'` or `'nanstd'`
 * @param a the array (float64; bool arrays are `var`/`std`)
 * @param axis an axis, a list of axes, or null for all
 * @param options `{ keepdims, ddof, out }` (checked by the caller)
 * @returns a number for a full reduction without keepdims/out, else a new array (`out` when given)
 * @throws AxisError for a bad axis; ShapeError/ReadOnlyError for an unfit `out` (nothing written)
 * @example
 * nanVariance('nanvar', nd.array([1, NaN, 3]), null); // 1
 */
export function nanVariance(name: 'nanvar' | 'nanstd', a: NdArray, axis: AxisArg, options?: VarOptions): NdArray | number {
  a.assertLive();
  if (a.dtype === 'bool') return reduce(name === 'nanvar' ? 'var' : 'std', a, axis, options) as NdArray | number;
  axis = scalarAxis(axis, a.ndim); // NumPy's nanvar sums: axis 0/-1 of a 0-d array pass
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const keepdims = options?.keepdims === true;
  const ddof = options?.ddof ?? 0;
  const given = options?.out;
  const outShape = reducedShape(a.shape, axes, keepdims);
  if (given !== undefined) checkOut(name, given, outShape, 'float64');
  let count = 1;
  for (const k of axes) count *= a.shape[k]!;
  const kept = { keepdims: true };
  let mask: NdArray | null = null;
  let nanCounts: NdArray | null = null;
  let centers: NdArray | null = null;
  let deviations: NdArray | null = null;
  let deviationsBase: NdArray | null = null;
  let squares: NdArray | null = null;
  let result: NdArray | null = null;
  try {
    mask = unary('isnan', a);
    nanCounts = reduce('sum', mask, axes, kept) as NdArray;
    centers = reduce('nansum', a, axes, kept) as NdArray;
    const m = centers.size;
    const counts = new Float64Array(m);
    {
      const nc = nanCounts.f64();
      const c = centers.f64();
      for (let i = 0; i < m; i++) {
        counts[i] = count - nc[nanCounts.start + i]!;
        c[centers.start + i] = c[centers.start + i]! / counts[i]!;
      }
    }
    // The deviations in `a`'s memory order (NumPy's copy keeps it: order 'K'), so their sum
    // runs in NumPy's order for transposed inputs too
    const layout = memoryOrder(a);
    deviationsBase = emptyArray(layout.map((k) => a.shape[k]!));
    deviations = layout.every((k, i) => k === i) ? deviationsBase : transpose(deviationsBase, inversePermutation(layout));
    binary('sub', a, centers, deviations);
    unary('square', deviations, deviations);
    setWhere(deviations, mask, 0);
    squares = reduce('sum', deviations, axes, kept) as NdArray;
    const isStd = name === 'nanstd';
    const finish = (i: number, s: number): number => {
      const dof = counts[i]! - ddof;
      const v = dof > 0 ? s / dof : NaN;
      return isStd ? Math.sqrt(v) : v;
    };
    const sq = squares.f64();
    if (given === undefined && !keepdims && axes.length === a.ndim) return finish(0, sq[squares.start]!);
    result = emptyArray(outShape);
    const r = result.f64();
    const s = squares.f64();
    for (let i = 0; i < m; i++) r[result.start + i] = finish(i, s[squares.start + i]!);
    if (given === undefined) {
      const done = result;
      result = null;
      return done;
    }
    copyInto(result, given);
    return given;
  } finally {
    disposeAll(a, mask, nanCounts, centers, deviations, deviationsBase, squares, result);
  }
}

/**
 * Product over `axis` treating NaN as 1, NumPy's `nanprod` (`prod` of the NaN-replaced copy;
 * an all-NaN slice gives 1).
 * @param a the array (bool arrays: `prod`)
 * @param axis an axis, a list of axes, or null for all
 * @param options `{ keepdims, out }` (checked by the caller)
 * @returns a number for a full reduction without keepdims/out, else an array
 * @throws AxisError for a bad axis; ShapeError/ReadOnlyError for an unfit `out`
 * @example
 * nanProd(nd.array([2, NaN, 3]), null); // 6
 */
export function nanProd(a: NdArray, axis: AxisArg, options?: ReduceOptions): NdArray | number {
  a.assertLive();
  if (a.dtype === 'bool') return reduce('prod', a, axis, options) as NdArray | number;
  axis = scalarAxis(axis, a.ndim);
  normalizeAxes(axis ?? null, a.ndim); // AxisError before any work
  // The copy keeps `a`'s memory order (NumPy's copy is order 'K'), so the in-order product
  // runs in NumPy's order for transposed inputs too
  const layout = memoryOrder(a);
  const base = emptyArray(layout.map((k) => a.shape[k]!));
  const replaced = layout.every((k, i) => k === i) ? base : transpose(base, inversePermutation(layout));
  let mask: NdArray | null = null;
  try {
    copyInto(a, replaced);
    mask = unary('isnan', a);
    setWhere(replaced, mask, 1);
    return reduce('prod', replaced, axis, options) as NdArray | number;
  } finally {
    mask?.dispose();
    if (replaced !== base) replaced.dispose();
    base.dispose();
  }
}

/** A copy of float64 `a` with every NaN replaced by `value` (C order). */
function withNaNAs(a: NdArray, value: number): NdArray {
  const mask = unary('isnan', a);
  try {
    return select(mask, value, a);
  } finally {
    mask.dispose();
  }
}

/**
 * Index of the minimum (`'nanargmin'`) or maximum (`'nanargmax'`) ignoring NaN, NumPy's
 * way: NaN becomes +Infinity (−Infinity for the maximum) and `argmin`/`argmax` runs on that
 * copy, so ties (with an infinity too) keep the first index. A slice holding only NaN
 * throws {@link AllNaNSliceError}; an empty array throws argmin's ShapeError, as NumPy.
 * @param name `'nanargmin'` or `'nanargmax'`
 * @param a the array (bool arrays: `argmin`/`argmax`)
 * @param axis the axis, or null for the flattened array
 * @param options `{ keepdims, out }` (checked by the caller)
 * @returns an index, or an array of indices (float64)
 * @throws AllNaNSliceError; AxisError for a bad axis; ShapeError for an unfit `out`
 * @example
 * nanArgReduce('nanargmax', nd.array([NaN, 3, 7, NaN]), null); // 2
 */
export function nanArgReduce(name: 'nanargmin' | 'nanargmax', a: NdArray, axis: number | null, options?: ReduceOptions): NdArray | number {
  a.assertLive();
  const plain = name === 'nanargmin' ? 'argmin' : 'argmax';
  axis = scalarAxis(axis, a.ndim);
  const ax = axis === null ? null : normalizeAxis(axis, a.ndim);
  if (a.dtype === 'bool') return argReduce(plain, a, ax, options); // no NaN: NumPy's argmin/argmax
  if (a.size === 0) return argReduce(plain, a, ax, options); // NumPy skips the NaN check: argmin's error (or an empty result)
  const mask = unary('isnan', a);
  let replaced: NdArray | null = null;
  try {
    if (ax === null) {
      if (countTrue(mask) === a.size) throw new AllNaNSliceError(name, a.shape, null);
    } else {
      const allNaN = reduce('all', mask, ax); // a boolean when `a` is 1-D
      const any = typeof allNaN === 'boolean' ? allNaN : countTrue(allNaN as NdArray) > 0;
      if (typeof allNaN === 'object') allNaN.dispose();
      if (any) throw new AllNaNSliceError(name, a.shape, ax);
    }
    replaced = select(mask, name === 'nanargmin' ? Infinity : -Infinity, a);
    return argReduce(plain, replaced, ax, options);
  } finally {
    mask.dispose();
    replaced?.dispose();
  }
}

/**
 * Cumulative sum (`'nancumsum'`, NaN as 0) or product (`'nancumprod'`, NaN as 1) along
 * `axis`, or over the flattened array (1-D result) when `axis` is null, NumPy's way.
 * @param name `'nancumsum'` or `'nancumprod'`
 * @param a the array (bool arrays: `cumsum`/`cumprod`)
 * @param axis the axis, or null
 * @returns a new float64 array
 * @throws AxisError for a bad axis
 * @example
 * nanCumulative('nancumsum', nd.array([1, NaN, 2]), null).toArray(); // [1, 1, 3]
 */
export function nanCumulative(name: 'nancumsum' | 'nancumprod', a: NdArray, axis: number | null): NdArray {
  a.assertLive();
  const plain = name === 'nancumsum' ? 'cumsum' : 'cumprod';
  if (a.dtype === 'bool') return cumulative(plain, a, axis);
  axis = scalarAxis(axis, a.ndim);
  if (axis !== null) normalizeAxis(axis, a.ndim); // AxisError before any work
  const replaced = withNaNAs(a, name === 'nancumsum' ? 0 : 1);
  try {
    return cumulative(plain, replaced, axis);
  } finally {
    replaced.dispose();
  }
}

/**
 * Number of nonzero elements over `axis` (all when null), NumPy's `count_nonzero`: NaN
 * counts as nonzero, ±0 does not; bool arrays count their true elements.
 * @param a the array
 * @param axis an axis, a list of axes, or null for all
 * @param options `{ keepdims }` (checked by the caller)
 * @returns a number for a full count without keepdims, else an array of counts (float64)
 * @throws AxisError for a bad axis
 * @example
 * countNonzeroOf(nd.array([[0, 1, NaN], [0, 0, -0]]), 1).toArray(); // [2, 0]
 */
export function countNonzeroOf(a: NdArray, axis: AxisArg, options?: KeepdimsOptions): NdArray | number {
  a.assertLive();
  axis = scalarAxis(axis, a.ndim);
  const axes = normalizeAxes(axis ?? null, a.ndim); // AxisError before any work
  if (a.dtype === 'float64' && axes.length === a.ndim) {
    // Every axis: one counting pass, no mask (WASM in the arena, else a JS loop)
    const count = countAll(a);
    if (options?.keepdims !== true) return count;
    const r = emptyArray(a.shape.map(() => 1));
    r.f64()[r.start] = count;
    return r;
  }
  const mask = a.dtype === 'bool' ? a : binary('ne', a, 0);
  try {
    return reduce('sum', mask, axis, { keepdims: options?.keepdims === true }) as NdArray | number;
  } finally {
    if (mask !== a) mask.dispose();
  }
}

/** Elements of float64 `a` that are not ±0 (NaN counts): the `count_nonzero` kernel or a JS loop. */
function countAll(a: NdArray): number {
  const k = activeKernels();
  if (k !== null && a.isContiguous && a.storage.inArena && a.size > 0) return k.count_nonzero(bytePointer(a), a.size);
  if (a.isContiguous) {
    const data = a.f64();
    let c = 0;
    for (let i = a.start, end = a.start + a.size; i < end; i++) if (data[i] !== 0) c++;
    return c;
  }
  const data = gatherFloat64(a);
  let c = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) c++;
  return c;
}

const KEEPDIMS_KEYS = ['keepdims'] as const;

/**
 * Counts the nonzero elements of `a`, NumPy's `count_nonzero(a, axis=None, keepdims=False)`:
 * NaN counts as nonzero, ±0 does not; a bool array counts its true elements.
 * @param a the array (an NdArray or data `nd.array` takes)
 * @param axis an axis, a list of axes, or null/omitted for all
 * @param options `{ keepdims }`
 * @returns a number when every axis is counted and keepdims is off, else an array of counts
 *   (float64; 0-d when the named axes are all of them)
 * @throws AxisError for a bad axis; ArgumentError for a bad argument or option
 * @example
 * nd.countNonzero([[0, 1, 7], [0, NaN, -0]]); // 3
 * nd.countNonzero([[0, 1, 7], [0, NaN, -0]], 1).toArray(); // [2, 1]
 */
export function countNonzero(a: NdArray | ArrayInput, axis?: null, options?: { keepdims?: false }): number;
export function countNonzero(a: NdArray | ArrayInput, axis: number | readonly number[], options?: KeepdimsOptions): NdArray;
export function countNonzero(a: NdArray | ArrayInput, axis: AxisArg, options: { keepdims: true }): NdArray;
export function countNonzero(a: NdArray | ArrayInput, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number;
export function countNonzero(a: NdArray | ArrayInput, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  if (tracing.depth !== 0 && traceNdCall('countNonzero', 'countNonzero', arguments) !== NOT_TRACED) {
    throw new NdvecError('countNonzero: not supported inside a fused function');
  }
  const n = arguments.length;
  if (n > 3 || n < 1) checkArity('countNonzero', arguments, 3, 1);
  // The common call, `nd.countNonzero(a)` on a float64 array: straight to the count.
  if (n === 1 && isNdArray(a) && a.dtype === 'float64') {
    a.assertLive();
    return countAll(a);
  }
  const ax = checkAxisArg('countNonzero', axis);
  const o = checkOptions('countNonzero', options, KEEPDIMS_KEYS);
  const keepdims = checkBoolean('countNonzero', 'keepdims', o.keepdims, false);
  const x = isNdArray(a) ? a : array(a);
  try {
    const r = countNonzeroOf(x, ax, { keepdims });
    if (typeof r === 'number' && ax !== null) {
      const z = emptyArray([]);
      z.f64()[z.start] = r;
      return z;
    }
    return r;
  } finally {
    if (x !== a) x.dispose();
  }
}

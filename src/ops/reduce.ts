/**
 * Reductions (`sum`, `mean`, `min`, `std`, `any`, the nan-variants, …), `argmin`/`argmax`
 * and the cumulative ops, on JS kernels for any strides.
 *
 * One engine runs every reduction: it lays the input's axes out as loops (reduced axes step
 * the output by 0), orders them by memory step and fuses runs, then either folds lines into
 * single outputs (innermost loop reduced) or steps input rows into output rows (innermost
 * loop kept). The reducers themselves (init / step) are the rows of
 * {@link REDUCERS}; each op below adds its finishing step.
 * @module
 */
import type { NdArray, AxisArg, ReduceOptions, VarOptions } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { ShapeError } from '../errors.ts';
import { contiguousStrides, normalizeAxes, normalizeAxis } from '../shape.ts';
import {
  REDUCERS, argExtremeLine, pairwiseNanSum, pairwiseSquaredDeviations, pairwiseSum, rowsTree, rowsTreeSlots,
  type Reducer, type ReducerName,
} from '../kernels/js-reduce.ts';
import { gatherFloat64, loopsAround, orderAndCoalesce, walkAxes, type LoopAxis } from '../kernels/js-strided.ts';
import { tryWasmArgReduce, tryWasmCumulative, tryWasmReduce } from './reduce-wasm.ts';
import { checkOut } from '../dispatch.ts';
import { copyInto } from './manipulate.ts';

/** Names accepted by {@link reduce}. */
export type ReduceName =
  | 'sum' | 'prod' | 'mean' | 'min' | 'max' | 'std' | 'var' | 'any' | 'all'
  | 'nansum' | 'nanmean' | 'nanmin' | 'nanmax';

/** How each public reduction is made: its reducer and how the result is finished. */
interface ReduceOp {
  /** The row of {@link REDUCERS} doing the main pass. */
  readonly reducer: ReducerName;
  /** `'plain'`: no finishing; `'mean'`: divide by n; `'nanmean'`: by the non-NaN count; `'var'`/`'std'`: two-pass variance. */
  readonly finish: 'plain' | 'mean' | 'nanmean' | 'var' | 'std';
  /** The result is bool: always (`'always'`), only for bool input (`'input'`), or never. */
  readonly boolResult: 'always' | 'input' | 'never';
}

const REDUCE_OPS: Record<ReduceName, ReduceOp> = {
  sum: { reducer: 'sum', finish: 'plain', boolResult: 'never' },
  prod: { reducer: 'prod', finish: 'plain', boolResult: 'never' },
  mean: { reducer: 'sum', finish: 'mean', boolResult: 'never' },
  min: { reducer: 'min', finish: 'plain', boolResult: 'input' },
  max: { reducer: 'max', finish: 'plain', boolResult: 'input' },
  std: { reducer: 'sum', finish: 'std', boolResult: 'never' },
  var: { reducer: 'sum', finish: 'var', boolResult: 'never' },
  any: { reducer: 'any', finish: 'plain', boolResult: 'always' },
  all: { reducer: 'all', finish: 'plain', boolResult: 'always' },
  nansum: { reducer: 'nansum', finish: 'plain', boolResult: 'never' },
  nanmean: { reducer: 'nansum', finish: 'nanmean', boolResult: 'never' },
  nanmin: { reducer: 'nanmin', finish: 'plain', boolResult: 'input' },
  nanmax: { reducer: 'nanmax', finish: 'plain', boolResult: 'input' },
};

const NO_AUX = new Float64Array(0);

/** `[0, 1, …, nd-1]` for small nd: the axes of a full reduction, without rebuilding them per call. */
const ALL_AXES: readonly (readonly number[])[] = Array.from({ length: 8 }, (_, nd) => Array.from({ length: nd }, (_, i) => i));

/** The float64 data of an array: its own view, or a C-order copy for bool arrays. */
interface FloatSource {
  data: Float64Array;
  start: number;
  strides: readonly number[];
  size: number;
}

/** Reads `a` as float64: the array itself, or (bool arrays) a contiguous 0/1 copy. */
function floatSource(a: NdArray): FloatSource {
  if (a.dtype === 'bool') return { data: gatherFloat64(a), start: 0, strides: contiguousStrides(a.shape), size: a.size };
  return { data: a.f64(), start: a.start, strides: a.strides, size: a.size };
}

/**
 * The input's axes as loops (reduced axes step the output by 0; kept axes step a C-order
 * block of the kept axes) and the number of outputs.
 */
function reductionLoops(src: FloatSource, shape: readonly number[], reduced: readonly boolean[]): { loops: LoopAxis[]; outSize: number } {
  const nd = shape.length;
  const loops: LoopAxis[] = new Array(nd);
  let outSize = 1;
  for (let k = nd - 1; k >= 0; k--) {
    const n = shape[k]!;
    loops[k] = { n, s: src.strides[k]!, t: reduced[k] ? 0 : outSize };
    if (!reduced[k]) outSize *= n;
  }
  return { loops, outSize };
}

/**
 * Runs `reducer` over `src` (shape `shape`), folding the axes flagged in `reduced` into
 * `out[outStart …]`, a C-order block holding the kept axes. `aux` (same layout as the
 * output, starting at 0) holds a per-output parameter.
 */
function runReducer(
  reducer: Reducer,
  src: FloatSource,
  shape: readonly number[],
  reduced: readonly boolean[],
  out: Float64Array,
  outStart: number,
  aux: Float64Array = NO_AUX,
  wholeContiguous = false,
): void {
  if (wholeContiguous) {
    // One output, one run of memory: a single tight line.
    out[outStart] = reducer.line(src.data, src.start, src.size, 1, reducer.init, aux.length === 0 ? 0 : aux[0]!);
    return;
  }
  const { loops, outSize } = reductionLoops(src, shape, reduced);
  out.fill(reducer.init, outStart, outStart + outSize);
  const ordered = orderAndCoalesce(loops);
  const inner = ordered.pop()!;
  const { data } = src;
  const auxShift = -outStart;
  const { n, s, t } = inner;
  if (n === 0) return;
  if (t === 0) {
    const line = reducer.line;
    walkAxes(ordered, src.start, outStart, (p, o) => {
      out[o] = line(data, p, n, s, out[o]!, aux.length === 0 ? 0 : aux[o + auxShift]!);
    });
  } else {
    const row = reducer.row;
    walkAxes(ordered, src.start, outStart, (p, o) => row(data, p, n, s, out, o, t, aux, o + auxShift));
  }
}

/** What a sum-like pass adds: the values, the values with NaN as 0, squared deviations, or non-NaN counts. */
type SumTerm = 'sum' | 'nansum' | 'squaredDeviations' | 'countNonNaN';

/** Pairwise sum of one strided line's terms (`center`: the mean, for squared deviations). */
function sumLine(term: SumTerm, data: Float64Array, p: number, n: number, s: number, center: number): number {
  if (term === 'sum') return pairwiseSum(data, p, n, s);
  if (term === 'nansum') return pairwiseNanSum(data, p, n, s);
  if (term === 'squaredDeviations') return pairwiseSquaredDeviations(data, p, n, s, center);
  return REDUCERS.countNonNaN.line(data, p, n, s, 0);
}

/** Adds one strided row's terms into `acc[a …]` (contiguous; `centers[j]` per element). */
function addRow(term: SumTerm, data: Float64Array, p: number, n: number, s: number, acc: Float64Array, a: number, centers: Float64Array): void {
  if (term === 'sum') {
    for (let j = 0; j < n; j++, p += s) acc[a + j] += data[p]!;
  } else if (term === 'nansum') {
    for (let j = 0; j < n; j++, p += s) {
      const v = data[p]!;
      acc[a + j] += v === v ? v : 0;
    }
  } else if (term === 'squaredDeviations') {
    for (let j = 0; j < n; j++, p += s) {
      const d = data[p]! - centers[j]!;
      acc[a + j] += d * d;
    }
  } else {
    for (let j = 0; j < n; j++, p += s) {
      const v = data[p]!;
      if (v === v) acc[a + j] += 1;
    }
  }
}

/**
 * Sum-like pass over any strides, pairwise along every reduced axis: writes into
 * `out[outStart …]` (C order over the kept axes) `+0 +` the sum of the terms of each
 * output's elements. Loops are ordered by memory step and fused as in {@link runReducer};
 * when the innermost loop is reduced, each line is summed pairwise ({@link pairwiseSum}) and
 * the lines of one output (other reduced loops) are summed pairwise again; when it is kept,
 * the reduced loops become rows added with the blocked-pairwise {@link rowsTree}. On
 * contiguous layouts this is exactly what the WASM kernels do (src/ops/reduce-wasm.ts), so
 * the two agree bit for bit. `centers` (same layout as the output, from 0) holds the means
 * for squared deviations.
 */
/** Elements of NumPy's iterator buffer: a strided whole reduction up to this size is one run. */
const NUMPY_BUFFER = 8192;

function runPairwise(
  term: SumTerm, src: FloatSource, shape: readonly number[], reduced: readonly boolean[],
  out: Float64Array, outStart: number, centers: Float64Array = NO_AUX, wholeContiguous = false,
): void {
  if (wholeContiguous) {
    // One output, one run of memory: one pairwise line (what the loops below reduce to).
    out[outStart] = 0 + sumLine(term, src.data, src.start, src.size, 1, centers.length === 0 ? 0 : centers[0]!);
    return;
  }
  const { loops, outSize } = reductionLoops(src, shape, reduced);
  out.fill(0, outStart, outStart + outSize);
  const ordered = orderAndCoalesce(loops);
  const inner = ordered.pop()!;
  if (inner.n === 0) return;
  const kept = ordered.filter((l) => l.t !== 0);
  const red = ordered.filter((l) => l.t === 0);
  let lines = 1;
  for (const l of red) lines *= l.n;
  // Offsets of the reduced positions (one loop: j·s, computed on the fly).
  let offsets: Float64Array | null = null;
  if (red.length > 1) {
    offsets = new Float64Array(lines);
    let j = 0;
    walkAxes(red, 0, 0, (q) => {
      offsets![j++] = q;
    });
  }
  const redStep = red.length === 1 ? red[0]!.s : 0;
  const offset = (j: number): number => (offsets === null ? j * redStep : offsets[j]!);
  const { data } = src;
  const { n, s, t } = inner;
  if (t === 0) {
    if (kept.length === 0 && lines > 1 && lines * n <= NUMPY_BUFFER) {
      // One output from a strided view: NumPy sums it as one buffered run in memory order
      // (its iterator's order; measured bit for bit up to its 8192-element buffer)
      const run = new Float64Array(lines * n);
      let w = 0;
      walkAxes(ordered, src.start, 0, (p) => {
        for (let i = 0; i < n; i++, p += s) run[w++] = data[p]!;
      });
      out[outStart] = 0 + sumLine(term, run, 0, w, 1, centers.length === 0 ? 0 : centers[0]!);
      return;
    }
    const sums = lines > 1 ? new Float64Array(lines) : null;
    walkAxes(kept, src.start, outStart, (p, o) => {
      const center = centers.length === 0 ? 0 : centers[o - outStart]!;
      if (sums === null) {
        out[o] = 0 + sumLine(term, data, p, n, s, center);
        return;
      }
      for (let j = 0; j < lines; j++) sums[j] = sumLine(term, data, p + offset(j), n, s, center);
      out[o] = 0 + pairwiseSum(sums, 0, lines, 1);
    });
    return;
  }
  // Innermost loop kept: rows of n outputs, reduced over `lines` rows by the rows tree.
  const acc = new Float64Array(rowsTreeSlots(lines) * n);
  const rowCenters = centers.length === 0 ? NO_AUX : new Float64Array(n);
  let base = 0;
  const leaf = (lo: number, count: number, slot: number): void => {
    const a = slot * n;
    acc.fill(0, a, a + n);
    for (let j = lo; j < lo + count; j++) addRow(term, data, base + offset(j), n, s, acc, a, rowCenters);
  };
  const combine = (into: number, from: number): void => {
    const a = into * n;
    const b = from * n;
    for (let j = 0; j < n; j++) acc[a + j] += acc[b + j]!;
  };
  walkAxes(kept, src.start, outStart, (p, o) => {
    if (centers.length !== 0) for (let j = 0; j < n; j++) rowCenters[j] = centers[o - outStart + j * t]!;
    base = p;
    rowsTree(0, lines, 0, leaf, combine);
    for (let j = 0; j < n; j++) out[o + j * t] = acc[j]!;
  });
}

/**
 * NumPy's legacy leniency: its ufunc reductions (sum, prod, min, max, any, all and the nan
 * forms built on them), argmin/argmax and the scans take axis 0 or -1 (a number, not a
 * list) on a 0-d array as the whole array; `mean`, `var`, `std`, `median`, `quantile`,
 * `average` refuse it (AxisError).
 * @param axis the axis argument
 * @param ndim the array's dimensions
 * @returns null for 0 or -1 on a 0-d array, else `axis`
 * @example
 * scalarAxis(-1, 0); // null
 */
export function scalarAxis<T>(axis: T, ndim: number): T | null {
  return ndim === 0 && (axis === 0 || axis === -1) ? null : axis;
}

/** Scratch output of full reductions (one element). */
const scalarOut = new Float64Array(1);

/**
 * Reduces `a` over `axis` with one of the named reductions, NumPy's way. NaN propagates
 * through `min`/`max` and is skipped by the nan-variants (`nanmin`/`nanmax` of all-NaN is
 * NaN, `nanmean` NaN, `nansum` 0). Empty reductions give the identity (`sum` 0, `prod` 1,
 * `any` false, `all` true), NaN for `mean`/`var`/`std`, and throw for `min`/`max`/`nanmin`/
 * `nanmax`. Sums, means, nansum/nanmean and both passes of `var`/`std` (mean, then squared
 * deviations, divisor `n - ddof`) are pairwise along every reduced axis, with the same bits
 * on the JS kernels, WASM and staging; where `n - ddof <= 0` the divisor is 0, as NumPy's
 * `max(n - ddof, 0)`: inf, or NaN where the deviations sum to 0. `prod` multiplies in order
 * along each line (NumPy's sequential multiply reduction).
 * @param name the reduction
 * @param a the array (float64, or bool: read as 0/1)
 * @param axis an axis, a list of axes, or omitted/null for all
 * @param options `{ keepdims, ddof, out }`: `out` receives the result (its shape must be
 *   the result's, `[]` for a full reduction without keepdims; float64, or bool for
 *   any/all and min/max of bool input) and is returned
 * @returns a number (a boolean for `any`/`all`, and for `min`/`max` of bool arrays) when
 *   every axis is reduced and `keepdims` is off; else a new array (bool where the scalar
 *   would be a boolean); `out` when given
 * @throws AxisError for an axis out of range or repeated
 * @throws ShapeError for `min`/`max`/`nanmin`/`nanmax` over zero elements; ShapeError,
 *   DTypeError or ReadOnlyError for an unfit `out` (nothing written)
 * @example
 * const a = nd.array([[1, 2, 3], [4, 5, 6]]);
 * reduce('sum', a, 0);                         // array([5, 7, 9])
 * reduce('mean', a, null);                     // 3.5
 * reduce('max', a, 1, { keepdims: true });     // array([[3], [6]])
 */
export function reduce(name: ReduceName, a: NdArray, axis: AxisArg, options?: VarOptions): NdArray | number | boolean {
  if (name !== 'mean' && name !== 'var' && name !== 'std') axis = scalarAxis(axis, a.ndim);
  const op = REDUCE_OPS[name];
  const reducer: Reducer = REDUCERS[op.reducer];
  const nd = a.ndim;
  const allAxes = axis === null || axis === undefined;
  const axes = allAxes ? ALL_AXES[nd] ?? normalizeAxes(null, nd) : normalizeAxes(axis, nd);
  const keepdims = options?.keepdims === true;
  const ddof = options?.ddof ?? 0;
  const reduced = new Array<boolean>(nd).fill(false);
  for (const k of axes) reduced[k] = true;
  let count = 1;
  const outShape: number[] = [];
  for (let k = 0; k < nd; k++) {
    if (reduced[k]) {
      count *= a.shape[k]!;
      if (keepdims) outShape.push(1);
    } else {
      outShape.push(a.shape[k]!);
    }
  }
  if (count === 0 && reducer.identity === null) {
    throw new ShapeError(`zero-size array to reduction operation ${name} which has no identity`, [a.shape]);
  }
  const boolResult = op.boolResult === 'always' || (op.boolResult === 'input' && a.dtype === 'bool');
  const scalar = !keepdims && axes.length === nd;
  const given = options?.out;
  if (given !== undefined) checkOut(name, given, outShape, boolResult ? 'bool' : 'float64');

  // Allocate the result first: later allocations could move the memory under fetched views.
  a.assertLive(); // before allocating, so a disposed input leaks nothing
  if (given !== undefined && (scalar || !given.isContiguous || given.storage === a.storage)) {
    // A 0-d, strided or overlapping out: reduce as usual, then copy in.
    return writeInto(reduce(name, a, axis, { keepdims, ddof }), given);
  }
  const result = scalar ? null : given ?? emptyArray(outShape, boolResult ? 'bool' : 'float64');
  if (tryWasmReduce(name, a, reduced, count, ddof, { result, scalarOut })) {
    if (result !== null) return result;
    return boolResult ? scalarOut[0] !== 0 : scalarOut[0]!;
  }
  const outSize = result === null ? 1 : result.size;
  let out: Float64Array;
  let outStart: number;
  if (result === null) {
    out = scalarOut;
    outStart = 0;
  } else if (boolResult) {
    out = new Float64Array(outSize);
    outStart = 0;
  } else {
    out = result.f64();
    outStart = result.start;
  }

  if (result === null || result.size > 0) {
    const src = floatSource(a);
    const whole = axes.length === nd && a.isContiguous;
    if (op.finish === 'var' || op.finish === 'std') {
      const means = new Float64Array(outSize);
      runPairwise('sum', src, a.shape, reduced, means, 0, NO_AUX, whole);
      for (let i = 0; i < outSize; i++) means[i]! /= count;
      runPairwise('squaredDeviations', src, a.shape, reduced, out, outStart, means, whole);
      const divisor = count - ddof;
      const isStd = op.finish === 'std';
      for (let i = outStart; i < outStart + outSize; i++) {
        const v = out[i]! / Math.max(divisor, 0); // NumPy: inf (or 0/0 NaN) where n - ddof <= 0
        out[i] = isStd ? Math.sqrt(v) : v;
      }
    } else if (op.reducer === 'sum' || op.reducer === 'nansum') {
      runPairwise(op.reducer, src, a.shape, reduced, out, outStart, NO_AUX, whole);
      if (op.finish === 'mean') {
        for (let i = outStart; i < outStart + outSize; i++) out[i]! /= count;
      } else if (op.finish === 'nanmean') {
        const counts = new Float64Array(outSize);
        runReducer(REDUCERS.countNonNaN, src, a.shape, reduced, counts, 0, NO_AUX, whole);
        for (let i = 0; i < outSize; i++) out[outStart + i]! /= counts[i]!;
      }
    } else {
      runReducer(reducer, src, a.shape, reduced, out, outStart, NO_AUX, whole);
    }
  }

  if (result === null) return boolResult ? out[0] !== 0 : out[0]!;
  if (boolResult) {
    const bytes = result.u8();
    const base = result.start;
    for (let i = 0; i < outSize; i++) bytes[base + i] = out[i] !== 0 ? 1 : 0;
  }
  return result;
}

/**
 * Writes a reduction's value (a number, a boolean or a temporary array) into `out`, whose
 * shape and dtype were checked, disposing the temporary.
 * @returns `out`
 */
function writeInto(value: NdArray | number | boolean, out: NdArray): NdArray {
  if (isNdArray(value)) {
    copyInto(value, out);
    value.dispose();
  } else if (out.dtype === 'bool') {
    out.u8()[out.start] = value === true || (typeof value === 'number' && value !== 0) ? 1 : 0;
  } else {
    out.f64()[out.start] = Number(value);
  }
  return out;
}

/**
 * Index of the first minimum or maximum, NumPy's `argmin`/`argmax`: over the flattened
 * array in C order (axis omitted/null: a number) or along one axis (an array of indices as
 * float64). A NaN counts as the extreme: the first NaN's index is returned.
 * @param name `'argmin'` or `'argmax'`
 * @param a the array (float64 or bool)
 * @param axis the axis, or omitted/null for the flattened array
 * @param options `{ keepdims, out }`: keep the reduced axis (all axes, for the flattened case)
 *   as size 1; write the indices (float64) into `out` (the result's shape, `[]` for one index) and return it
 * @returns an index, or an array of indices (`out` when given)
 * @throws AxisError for an axis out of range
 * @throws ShapeError when the searched sequence is empty
 * @example
 * const a = nd.array([[1, 9, 3], [7, 2, 8]]);
 * argReduce('argmax', a, null); // 1
 * argReduce('argmin', a, 0);    // array([0, 1, 0])
 */
export function argReduce(name: 'argmin' | 'argmax', a: NdArray, axis: number | null | undefined, options?: ReduceOptions): NdArray | number {
  a.assertLive();
  axis = scalarAxis(axis, a.ndim);
  const keepdims = options?.keepdims === true;
  const given = options?.out;
  if (given !== undefined) {
    const ax = axis === null || axis === undefined ? -1 : normalizeAxis(axis, a.ndim);
    const shape = a.shape.map((d, k) => (ax < 0 || k === ax ? 1 : d));
    if (!keepdims) shape.splice(ax < 0 ? 0 : ax, ax < 0 ? shape.length : 1);
    checkOut(name, given, shape, 'float64');
    return writeInto(argReduce(name, a, axis, { keepdims }), given);
  }
  const isMax = name === 'argmax';
  const nd = a.ndim;
  if (axis === null || axis === undefined) {
    if (a.size === 0) throw new ShapeError(`attempt to get ${name} of an empty sequence`, [a.shape]);
    const result = keepdims ? emptyArray(new Array<number>(nd).fill(1)) : null;
    const index = (tryWasmArgReduce(isMax, a, null, null) as number | null) ?? flatArgExtreme(floatSource(a), a.shape, isMax);
    if (result === null) return index;
    result.f64()[result.start] = index;
    return result;
  }
  const ax = normalizeAxis(axis, nd);
  const n = a.shape[ax]!;
  if (n === 0) throw new ShapeError(`attempt to get ${name} of an empty sequence`, [a.shape]);
  const outShape = a.shape.map((d, k) => (k === ax ? 1 : d));
  if (!keepdims) outShape.splice(ax, 1);
  const result = emptyArray(outShape);
  if (tryWasmArgReduce(isMax, a, ax, result) === true) return result;
  const src = floatSource(a);
  const out = result.f64();
  const loops = outerLoops(a.shape, src.strides, ax);
  const s = src.strides[ax]!;
  const { data } = src;
  walkAxes(loops, src.start, result.start, (p, o) => {
    out[o] = argExtremeLine(data, p, n, s, isMax);
  });
  return result;
}

/** C-order flat index of the first extreme of a non-empty array. */
function flatArgExtreme(src: FloatSource, shape: readonly number[], isMax: boolean): number {
  const { data } = src;
  const nd = shape.length;
  if (nd === 0) return 0;
  const inner = shape[nd - 1]!;
  const s = src.strides[nd - 1]!;
  let best = -1;
  let bestValue = NaN;
  let lineStart = 0;
  let done = false;
  walkAxes(outerLoops(shape, src.strides, nd - 1), src.start, 0, (p) => {
    if (done) return;
    const i = argExtremeLine(data, p, inner, s, isMax);
    const v = data[p + i * s]!;
    if (v !== v) {
      best = lineStart + i;
      done = true;
    } else if (best < 0 || (isMax ? v > bestValue : v < bestValue)) {
      best = lineStart + i;
      bestValue = v;
    }
    lineStart += inner;
  });
  return best;
}

/**
 * Loops over every axis but `skip`, C order, the second pointer walking a C-contiguous
 * output that lacks that axis.
 */
function outerLoops(shape: readonly number[], strides: readonly number[], skip: number): LoopAxis[] {
  const loops: LoopAxis[] = [];
  let step = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    if (k === skip) continue;
    loops.unshift({ n: shape[k]!, s: strides[k]!, t: step });
    step *= shape[k]!;
  }
  return loops;
}

/**
 * Cumulative sum or product along `axis` (same shape as `a`), or over the flattened array in
 * C order (a 1-D result) when `axis` is omitted/null. NaN propagates from where it appears.
 * @param name `'cumsum'` or `'cumprod'`
 * @param a the array (float64, or bool read as 0/1)
 * @param axis the axis, or omitted/null for the flattened array
 * @returns a new float64 array
 * @throws AxisError for an axis out of range
 * @example
 * cumulative('cumsum', nd.array([[1, 2], [3, 4]]), 0);    // array([[1, 2], [4, 6]])
 * cumulative('cumprod', nd.array([[1, 2], [3, 4]]), null); // array([1, 2, 6, 24])
 */
export function cumulative(name: 'cumsum' | 'cumprod', a: NdArray, axis: number | null | undefined): NdArray {
  a.assertLive();
  axis = scalarAxis(axis, a.ndim);
  const isSum = name === 'cumsum';
  const flat = axis === null || axis === undefined;
  const ax = flat ? -1 : normalizeAxis(axis as number, a.ndim);
  const result = emptyArray(flat ? [a.size] : a.shape);
  if (a.size === 0 || tryWasmCumulative(isSum, a, flat ? null : ax, result)) return result;
  const src = floatSource(a);
  const out = result.f64();
  const { data } = src;
  if (flat) {
    // Walk C order line by line (last axis), carrying the running value across lines.
    const nd = a.ndim;
    const inner = nd === 0 ? 1 : a.shape[nd - 1]!;
    const s = nd === 0 ? 0 : src.strides[nd - 1]!;
    let acc = isSum ? -0 : 1; // -0 + x is x exactly: a leading -0 stays -0, as NumPy
    const lines = nd === 0 ? [] : outerLoops(a.shape, src.strides, nd - 1).map((l) => ({ ...l, t: l.t * inner }));
    walkAxes(lines, src.start, result.start, (p, o) => {
      acc = cumulativeLine(data, p, inner, s, out, o, 1, acc, isSum);
    });
    return result;
  }
  const n = a.shape[ax]!;
  const s = src.strides[ax]!;
  const t = contiguousStrides(a.shape)[ax]!;
  const others = loopsAround(a.shape, src.strides, ax);
  // The tightest other axis in memory becomes the inner row when it beats the scanned axis.
  const ordered = orderAndCoalesce(others);
  const inner = ordered[ordered.length - 1]!;
  if (inner.n > 1 && Math.abs(inner.s) < Math.abs(s)) {
    ordered.pop();
    walkAxes(ordered, src.start, result.start, (p, o) => cumulativeRows(data, p, s, out, o, t, n, inner, isSum));
  } else {
    walkAxes(others, src.start, result.start, (p, o) => {
      cumulativeLine(data, p, n, s, out, o, t, isSum ? -0 : 1, isSum);
    });
  }
  return result;
}

/** Running sum/product of a strided line into `out`, starting from `acc`; returns the last value. */
function cumulativeLine(
  data: Float64Array, p: number, n: number, s: number,
  out: Float64Array, o: number, t: number, acc: number, isSum: boolean,
): number {
  if (isSum) {
    for (let i = 0; i < n; i++, p += s, o += t) out[o] = acc += data[p]!;
  } else {
    for (let i = 0; i < n; i++, p += s, o += t) out[o] = acc *= data[p]!;
  }
  return acc;
}

/**
 * Cumulative op along a scanned axis (`n` steps of `s` in, `t` out) applied to whole rows
 * (`row.n` elements, steps `row.s` in, `row.t` out): output row i = row i-1 op input row i.
 */
function cumulativeRows(
  data: Float64Array, p: number, s: number, out: Float64Array, o: number, t: number, n: number,
  row: LoopAxis, isSum: boolean,
): void {
  const { n: m, s: rs, t: rt } = row;
  for (let j = 0, q = p, r = o; j < m; j++, q += rs, r += rt) out[r] = data[q]!;
  for (let i = 1; i < n; i++) {
    p += s;
    const prev = o;
    o += t;
    if (isSum) {
      for (let j = 0, q = p, r = o, w = prev; j < m; j++, q += rs, r += rt, w += rt) out[r] = out[w]! + data[q]!;
    } else {
      for (let j = 0, q = p, r = o, w = prev; j < m; j++, q += rs, r += rt, w += rt) out[r] = out[w]! * data[q]!;
    }
  }
}

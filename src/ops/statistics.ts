/**
 * Order statistics and weighted means: `median`, `quantile`/`percentile` (NumPy's default
 * 'linear' method), `ptp` and `average`. Order statistics copy each reduced slice into a
 * scratch line and sort it; NaN anywhere in a slice makes its result NaN, as in NumPy.
 * @module
 */
import type { NdArray, AxisArg, KeepdimsOptions } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { DTypeError, NdvecError, ShapeError, formatShape } from '../errors.ts';
import { contiguousStrides, normalizeAxes, normalizeAxis, sameShape } from '../shape.ts';
import { gatherFloat64, walkAxes, type LoopAxis } from '../kernels/js-strided.ts';
import { binary } from './elementwise.ts';
import { reduce } from './reduce.ts';

/** A quantile argument: one number, or several (an array of numbers or an NdArray). */
export type QuantileArg = number | readonly number[] | NdArray;

/** Options of `average`. */
export interface AverageOptions extends KeepdimsOptions {
  /**
   * Weights: the input's shape, or (with one `axis`) a 1-D array as long as that axis.
   * Default: all weights 1 (the mean).
   */
  weights?: NdArray;
}

/** The layout of a reduction over some axes: kept axes as loops, reduced axes as one gathered line. */
interface SliceLayout {
  /** Loops over the kept axes (input step `s`, output step `t` in a C-order block of the kept axes). */
  kept: LoopAxis[];
  /** Loops over the reduced axes (input steps), gathered into a line of `count` values. */
  reduced: LoopAxis[];
  /** Elements in each reduced slice. */
  count: number;
  /** Number of slices (outputs per quantile). */
  slices: number;
  /** Shape of the result per quantile (reduced axes dropped, or 1 with keepdims). */
  outShape: number[];
}

function sliceLayout(a: NdArray, axis: AxisArg, keepdims: boolean): SliceLayout {
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const keptShape = a.shape.filter((_, k) => !axes.includes(k));
  const keptStrides = contiguousStrides(keptShape);
  const kept: LoopAxis[] = [];
  const reduced: LoopAxis[] = [];
  const outShape: number[] = [];
  let count = 1;
  for (let k = 0, j = 0; k < a.ndim; k++) {
    const n = a.shape[k]!;
    if (axes.includes(k)) {
      reduced.push({ n, s: a.strides[k]!, t: 0 });
      count *= n;
      if (keepdims) outShape.push(1);
    } else {
      kept.push({ n, s: a.strides[k]!, t: keptStrides[j++]! });
      outShape.push(n);
    }
  }
  return { kept, reduced, count, slices: keptShape.reduce((p, d) => p * d, 1), outShape };
}

/** Reads the quantiles as a plain list with the shape they add in front of the result. */
function readQuantiles(q: QuantileArg, scale: number, name: string): { values: number[]; shape: number[] | null } {
  let values: number[];
  let shape: number[] | null;
  if (typeof q === 'number') {
    values = [q];
    shape = null;
  } else if (isNdArray(q)) {
    q.assertLive();
    values = Array.from(gatherFloat64(q)); // a plain copy: no arena temporary, whatever q's strides
    shape = [...q.shape];
    if (shape.length === 0) shape = null;
  } else if (Array.isArray(q)) {
    values = [...q];
    shape = [values.length];
  } else {
    throw new DTypeError(`${name}: q must be a number, an array of numbers or an NdArray, got ${typeof q}`, typeof q);
  }
  return {
    values: values.map((v) => {
      if (typeof v !== 'number' || !(v >= 0 && v <= scale)) {
        throw new NdvecError(`${name}: ${scale === 1 ? 'quantiles' : 'percentiles'} must be in the range [0, ${scale}], got ${String(v)}`);
      }
      return v / scale;
    }),
    shape,
  };
}

/**
 * NumPy's 'linear' quantile of a sorted line without NaN: the value at virtual index
 * `q * (n - 1)`, interpolated as NumPy's `_lerp` does (from the nearer end).
 */
function linearQuantile(sorted: Float64Array, n: number, q: number): number {
  const index = q * (n - 1);
  const lo = Math.floor(index);
  const hi = Math.min(lo + 1, n - 1);
  const t = index - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * The middle of a sorted line without NaN, as NumPy's median: the mean of the middle value
 * or of the two middle values. Like NumPy's sum, it starts from +0, so -0 comes out as 0.
 */
function middle(sorted: Float64Array, n: number): number {
  const h = n >> 1;
  return n % 2 === 1 ? 0 + sorted[h]! : (0 + sorted[h - 1]! + sorted[h]!) / 2;
}

/**
 * Runs `statistic` on every reduced slice of `a` (sorted, NaN-free; NaN slices give NaN,
 * empty slices NaN) once per entry of `qs`, into a new array of shape
 * `[...qShape, ...outShape]`, or a number when both shapes are empty.
 */
function orderStatistic(
  a: NdArray,
  axis: AxisArg,
  keepdims: boolean,
  qs: readonly number[],
  qShape: number[] | null,
  statistic: (sorted: Float64Array, n: number, q: number) => number,
): NdArray | number {
  a.assertLive();
  const layout = sliceLayout(a, axis, keepdims);
  const shape = [...(qShape ?? []), ...layout.outShape];
  const scalar = shape.length === 0;
  // Allocate the result before fetching any view of the data.
  const result = scalar ? null : emptyArray(shape);
  const out = result === null ? new Float64Array(1) : result.f64();
  const outStart = result === null ? 0 : result.start;
  const src: Float64Array | Uint8Array = a.dtype === 'bool' ? a.u8() : a.f64();
  const { count, slices } = layout;
  const line = new Float64Array(count);
  walkAxes(layout.kept, a.start, outStart, (p, o) => {
    let n = 0;
    walkAxes(layout.reduced, p, 0, (r) => {
      line[n++] = src[r]!;
    });
    line.sort(); // NaN last
    const hasNaN = count === 0 || line[count - 1] !== line[count - 1];
    for (let j = 0; j < qs.length; j++) out[o + j * slices] = hasNaN ? NaN : statistic(line, count, qs[j]!);
  });
  return result ?? out[0]!;
}

/**
 * Median over `axis` (all axes when omitted), NumPy's `median`: the middle value, or the
 * mean of the two middle values. NaN in a slice makes its median NaN; an empty slice gives NaN.
 * @param a the array (float64, or bool read as 0/1)
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for a full reduction without keepdims, else an array
 * @throws AxisError for an axis out of range or repeated
 * @example
 * median(nd.array([[1, 3, 2], [4, NaN, 6]]), 1); // array([2, NaN])
 */
export function median(a: NdArray, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  return orderStatistic(a, axis, options?.keepdims === true, [0.5], null, (sorted, n) => middle(sorted, n));
}

/**
 * Quantiles over `axis` with NumPy's default 'linear' method (`q * (n - 1)` interpolated).
 * An array of quantiles adds its shape in front of the result, as NumPy does. NaN in a slice
 * makes its quantiles NaN; an empty slice gives NaN (NumPy raises IndexError).
 * @param a the array (float64, or bool read as 0/1)
 * @param q a quantile in [0, 1], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for one quantile over all axes without keepdims, else an array
 * @throws NdvecError for a quantile outside [0, 1]; AxisError for a bad axis
 * @example
 * quantile(nd.array([1, 2, 3, 4]), 0.25);           // 1.75
 * quantile(nd.array([1, 2, 3, 4]), [0, 1]).toArray(); // [1, 4]
 */
export function quantile(a: NdArray, q: QuantileArg, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  const { values, shape } = readQuantiles(q, 1, 'quantile');
  return orderStatistic(a, axis, options?.keepdims === true, values, shape, linearQuantile);
}

/**
 * Percentiles over `axis`: {@link quantile} with `p / 100`.
 * @param a the array
 * @param p a percentile in [0, 100], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for one percentile over all axes without keepdims, else an array
 * @throws NdvecError for a percentile outside [0, 100]; AxisError for a bad axis
 * @example
 * percentile(nd.array([1, 2, 3, 4]), 50); // 2.5
 */
export function percentile(a: NdArray, p: QuantileArg, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  const { values, shape } = readQuantiles(p, 100, 'percentile');
  return orderStatistic(a, axis, options?.keepdims === true, values, shape, linearQuantile);
}

/**
 * Range (maximum minus minimum) over `axis`, NumPy's `ptp`. NaN propagates.
 * @param a a float64 array (NumPy refuses bool too)
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for a full reduction, else an array
 * @throws DTypeError for a bool array; ShapeError over zero elements; AxisError for a bad axis
 * @example
 * ptp(nd.array([[4, 9, 2], [1, 1, 1]]), 1); // array([7, 0])
 */
export function ptp(a: NdArray, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  a.assertLive();
  if (a.dtype === 'bool') throw new DTypeError('ptp: a bool array has no range (NumPy neither); use astype("float64")', 'bool');
  const hi = reduce('max', a, axis, options) as NdArray | number;
  const lo = reduce('min', a, axis, options) as NdArray | number;
  if (typeof hi === 'number') return hi - (lo as number);
  binary('sub', hi, lo as NdArray, hi);
  (lo as NdArray).dispose();
  return hi;
}

/**
 * Weighted average over `axis`, NumPy's `average`: `sum(a * w) / sum(w)`. Without weights,
 * the mean.
 * @param a the array
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ weights, keepdims }`: weights of `a`'s shape, or 1-D along one `axis`
 * @returns a number for a full reduction, else an array
 * @throws ShapeError when the weights do not fit; NdvecError when weights sum to zero
 * @example
 * average(nd.array([1, 2, 3]), null, { weights: nd.array([3, 1, 0]) }); // 1.25
 */
export function average(a: NdArray, axis?: AxisArg, options?: AverageOptions): NdArray | number {
  a.assertLive();
  normalizeAxes(axis ?? null, a.ndim); // a bad axis throws before any temporary exists
  const weights = options?.weights;
  const keep = { keepdims: options?.keepdims === true };
  if (weights === undefined) return reduce('mean', a, axis, keep) as NdArray | number;
  if (!(isNdArray(weights))) throw new DTypeError(`average: weights must be an NdArray, got ${typeof weights}`, typeof weights);
  weights.assertLive();
  let w = weights;
  if (!sameShape(a.shape, weights.shape)) {
    if (typeof axis !== 'number') {
      throw new ShapeError(
        `average: weights of shape ${formatShape(weights.shape)} differ from the array's ${formatShape(a.shape)}; give one axis for 1-D weights`,
        [a.shape, weights.shape],
      );
    }
    const ax = normalizeAxis(axis, a.ndim);
    if (weights.ndim !== 1 || weights.shape[0] !== a.shape[ax]) {
      throw new ShapeError(
        `average: 1-D weights must be as long as axis ${ax} (${a.shape[ax]}), got shape ${formatShape(weights.shape)}`,
        [a.shape, weights.shape],
      );
    }
    // Line the weights up with `axis` and broadcast them over the rest.
    const strides = a.shape.map((_, k) => (k === ax ? weights.strides[0]! : 0));
    w = newArray(weights.storage, a.shape, strides, weights.offset, false, true);
  }
  const weighted = binary('mul', a, w);
  const numerator = reduce('sum', weighted, axis, keep) as NdArray | number;
  weighted.dispose();
  const denominator = reduce('sum', w, axis, keep) as NdArray | number;
  if (typeof numerator === 'number') {
    if (denominator === 0) throw new NdvecError("average: weights sum to zero, can't be normalized");
    return numerator / (denominator as number);
  }
  const den = denominator as NdArray;
  const zero = binary('eq', den, 0);
  const anyZero = reduce('any', zero, null) as boolean;
  zero.dispose();
  if (anyZero) {
    numerator.dispose();
    den.dispose();
    throw new NdvecError("average: weights sum to zero, can't be normalized");
  }
  binary('div', numerator, den, numerator);
  den.dispose();
  return numerator;
}

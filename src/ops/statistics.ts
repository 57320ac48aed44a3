/**
 * Order statistics and weighted means: `median`, `quantile`/`percentile` (every method of
 * NumPy 2's `quantile`, 'linear' by default), their nan* forms that skip NaN, `ptp` and
 * `average`. Order statistics copy each reduced slice into a line and select in it
 * (introselect, O(n): src/ops/select.ts, WASM on arena lines); NaN anywhere in a slice makes
 * its result NaN, as in NumPy, and the nan* forms work on the slice's numbers.
 * @module
 */
import type { NdArray, AxisArg, KeepdimsOptions } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { ArgumentError, DTypeError, NdvecError, ShapeError, formatShape } from '../errors.ts';
import { checkBoolean, checkChoice, checkOptions, describe } from '../args.ts';
import { withInput, type ArrayInput } from '../create.ts';
import { rejectTraced } from '../fuse/index.ts';
import { contiguousStrides, normalizeAxes, normalizeAxis, sameShape } from '../shape.ts';
import { gatherFloat64, orderAndCoalesce, walkAxes, type LoopAxis } from '../kernels/js-strided.ts';
import { binary } from './elementwise.ts';
import { reduce, scalarAxis } from './reduce.ts';
import { lineNanToEnd, lineSelect, selectKernels, type SelectLine } from './select.ts';
import { argsort } from './sort.ts';

/** A quantile argument: one number, or several (an array of numbers or an NdArray). */
export type QuantileArg = number | readonly number[] | NdArray;

/**
 * NumPy's quantile methods (`np.quantile(..., method=)`): the nine of Hyndman & Fan
 * ('inverted_cdf', 'averaged_inverted_cdf', 'closest_observation',
 * 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased',
 * 'normal_unbiased') and 'lower', 'higher', 'midpoint', 'nearest'.
 */
export type QuantileMethod =
  | 'inverted_cdf' | 'averaged_inverted_cdf' | 'closest_observation' | 'interpolated_inverted_cdf'
  | 'hazen' | 'weibull' | 'linear' | 'median_unbiased' | 'normal_unbiased'
  | 'lower' | 'higher' | 'midpoint' | 'nearest';

/** Every {@link QuantileMethod}, in NumPy's order. */
export const QUANTILE_METHODS: readonly QuantileMethod[] = [
  'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf',
  'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased',
  'lower', 'higher', 'midpoint', 'nearest',
];

/** Options of `quantile`, `percentile`, `nanquantile` and `nanpercentile`. */
export interface QuantileOptions extends KeepdimsOptions {
  /** How a quantile between two values is estimated (NumPy's `method`). Default 'linear'. */
  method?: QuantileMethod;
  /**
   * Weights of the values (NumPy 2's `weights`; only with method 'inverted_cdf'): `a`'s
   * shape, or the shape of the reduced axes in the order `axis` names them (a 1-D array as
   * long as one `axis`), broadcast over the other axes. Non-negative; each slice's weights
   * must have a positive, finite sum. An NdArray or plain nested numbers.
   */
  weights?: NdArray | ArrayInput;
}

/** @internal The checked options of a quantile function. */
export interface CheckedQuantileOptions {
  /** Keep the reduced axes as length 1. */
  keepdims: boolean;
  /** The method ('linear' when none was given). */
  method: QuantileMethod;
  /** The weights as given, or undefined. */
  weights: NdArray | ArrayInput | undefined;
}

/**
 * @internal Checks the options of a quantile function at the public edge:
 * `{ keepdims, method, weights }`.
 * @param func the public name
 * @param options what was passed
 * @returns the checked options
 */
export function quantileOptions(func: string, options: unknown): CheckedQuantileOptions {
  const o = checkOptions(func, options, ['keepdims', 'method', 'weights'] as const);
  const keepdims = checkBoolean(func, 'keepdims', o.keepdims, false);
  const method = o.method === undefined ? 'linear' : checkChoice(func, 'method', o.method, QUANTILE_METHODS);
  const w = o.weights;
  if (w !== undefined) {
    rejectTraced(func, [w]); // a stand-in of nd.fuse as weights: the fuser's FuseError
    if (!(isNdArray(w) || Array.isArray(w) || w instanceof Float64Array || typeof w === 'number' || typeof w === 'boolean')) {
      throw new ArgumentError(func, 'weights', `weights must be an NdArray, an array of numbers or a number, got ${describe(w)}`);
    }
    if (method !== 'inverted_cdf') {
      throw new ArgumentError(func, 'weights', `only method 'inverted_cdf' supports weights (NumPy's rule), got method '${method}'`);
    }
  }
  return { keepdims, method, weights: w as NdArray | ArrayInput | undefined };
}

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

function sliceLayout(a: Pick<NdArray, 'shape' | 'strides' | 'ndim'>, axis: AxisArg, keepdims: boolean): SliceLayout {
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

/** NumPy's `_lerp(a, b, t)`: `a + (b - a) * t`, from the far end `b - (b - a) * (1 - t)` when t ≥ 0.5. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** NumPy's `_compute_virtual_index`: `n * q + (alpha + q * (1 - alpha - beta)) - 1`. */
function virtualIndex(n: number, q: number, alpha: number, beta: number): number {
  return n * q + (alpha + q * (1 - alpha - beta)) - 1;
}

/** Round half to even (NumPy's `around`) of x ≥ 0. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Where NumPy's `_quantile` reads quantile `q` of `n` sorted values with `method`: positions
 * `prev`, `next` (0 ≤ · < n) and the weight `gamma` of `_lerp(v[prev], v[next], gamma)`;
 * for the discrete methods `gamma` is NaN and the answer is `v[prev]` as is.
 */
interface QuantilePick {
  prev: number;
  next: number;
  gamma: number;
}

/** Fills `pick` for quantile `q` (in [0, 1]) of `n` ≥ 1 values (NumPy 2's `_quantile`, exactly). */
function quantilePick(method: QuantileMethod, n: number, q: number, pick: QuantilePick): void {
  let index: number;
  switch (method) {
    case 'lower':
      index = Math.floor((n - 1) * q);
      break;
    case 'higher':
      index = Math.ceil((n - 1) * q);
      break;
    case 'nearest':
      index = roundHalfEven((n - 1) * q);
      break;
    case 'inverted_cdf':
    case 'closest_observation': {
      // _discrete_interpolation_to_boundaries: floor, or floor + 1 unless the condition holds.
      const at = method === 'inverted_cdf' ? n * q - 1 : n * q - 1 - 0.5;
      const previous = Math.floor(at);
      const g = at - previous;
      const keep = method === 'inverted_cdf' ? g === 0 : g === 0 && ((previous % 2) + 2) % 2 === 1;
      index = Math.max(0, keep ? previous : previous + 1);
      break;
    }
    default: {
      let vi: number;
      switch (method) {
        case 'linear': vi = (n - 1) * q; break;
        case 'averaged_inverted_cdf': vi = n * q - 1; break;
        case 'interpolated_inverted_cdf': vi = virtualIndex(n, q, 0, 1); break;
        case 'hazen': vi = virtualIndex(n, q, 0.5, 0.5); break;
        case 'weibull': vi = virtualIndex(n, q, 0, 0); break;
        case 'median_unbiased': vi = virtualIndex(n, q, 1 / 3, 1 / 3); break;
        case 'normal_unbiased': vi = virtualIndex(n, q, 3 / 8, 3 / 8); break;
        default: vi = 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q)); // midpoint
      }
      // _get_indexes: above the last index both neighbours are the last (-1), below 0 the first.
      let previous = Math.floor(vi);
      let next = previous + 1;
      if (vi >= n - 1) previous = next = -1;
      if (vi < 0) previous = next = 0;
      let gamma = vi - previous; // from the adjusted index, as NumPy computes it
      if (method === 'averaged_inverted_cdf') gamma = gamma === 0 ? 0.5 : 1;
      else if (method === 'midpoint') gamma = vi % 1 === 0 ? 0 : 0.5;
      pick.prev = previous < 0 ? n - 1 : previous;
      pick.next = next < 0 ? n - 1 : next;
      pick.gamma = gamma;
      return;
    }
  }
  pick.prev = pick.next = Math.min(index, n - 1);
  pick.gamma = NaN;
}

/**
 * The middle of `n` selected values as NumPy's median: the mean of the middle value or of
 * the two middle values. Like NumPy's mean, it starts from +0, so -0 comes out as 0.
 */
function middle(v: Float64Array, base: number, n: number): number {
  const h = n >> 1;
  return n % 2 === 1 ? 0 + v[base + h]! : (0 + v[base + h - 1]! + v[base + h]!) / 2;
}

/** What an order statistic computes: the median, or quantiles with a method. */
type Statistic = 'median' | QuantileMethod;

/**
 * Computes `statistic` on every reduced slice of `a` (once per entry of `qs` for quantiles)
 * into a new array of shape `[...qShape, ...outShape]`, or a number when both shapes are
 * empty. Each slice is copied into a line, its NaNs moved to the end and the needed
 * positions selected. A slice with NaN gives NaN (`skipNaN` false) or is reduced over its
 * numbers (`skipNaN`); a slice with no numbers gives NaN.
 */
function orderStatistic(
  a: NdArray,
  axis: AxisArg,
  keepdims: boolean,
  qs: readonly number[],
  qShape: number[] | null,
  statistic: Statistic,
  skipNaN: boolean,
  maskedMedian = false,
): NdArray | number {
  a.assertLive();
  const layout = sliceLayout(a, axis, keepdims);
  const shape = [...(qShape ?? []), ...layout.outShape];
  const scalar = shape.length === 0;
  const { count, slices } = layout;
  // Allocate the result and the line before fetching any view of the data.
  const result = scalar ? null : emptyArray(shape);
  let lineArray: NdArray | null = null;
  try {
    lineArray = count > 0 && slices > 0 ? emptyArray([count]) : null;
    const out = result === null ? new Float64Array(1) : result.f64();
    const outStart = result === null ? 0 : result.start;
    if (lineArray === null) {
      // Empty slices (or none): NaN everywhere.
      if (result !== null) out.fill(NaN, outStart, outStart + result.size);
      else out[0] = NaN;
      return result ?? out[0]!;
    }
    const src: Float64Array | Uint8Array = a.dtype === 'bool' ? a.u8() : a.f64();
    const v = lineArray.f64();
    const vs = lineArray.start;
    const line: SelectLine = { wasm: selectKernels(lineArray), v, vs, idx: null, is: 0 };
    // The order inside a slice does not matter: walk its axes in memory order, one run inside.
    const reduced = orderAndCoalesce(layout.reduced);
    const inner = reduced.pop()!;
    const contiguousRun = reduced.length === 0 && inner.s === 1;
    const picks: QuantilePick[] = qs.map(() => ({ prev: 0, next: 0, gamma: 0 }));
    const kths: number[] = [];
    walkAxes(layout.kept, a.start, outStart, (p, o) => {
      if (contiguousRun) {
        v.set(src.subarray(p, p + count), vs);
      } else {
        let w = vs;
        walkAxes(reduced, p, 0, (r) => {
          for (let i = 0, q = r; i < inner.n; i++, q += inner.s) v[w++] = src[q]!;
        });
      }
      const numbers = lineNanToEnd(line, count);
      const n = skipNaN ? numbers : numbers < count ? 0 : count;
      if (n === 0) {
        for (let j = 0; j < qs.length; j++) out[o + j * slices] = NaN;
        return;
      }
      if (statistic === 'median') {
        const h = n >> 1;
        lineSelect(line, n, n % 2 === 1 ? [h] : [h - 1, h]);
        // NumPy's masked median (nanmedian along an axis) sums the middle value twice when n is odd
        out[o] = maskedMedian && n % 2 === 1 ? (0 + v[vs + h]! + v[vs + h]!) / 2 : middle(v, vs, n);
        return;
      }
      kths.length = 0;
      for (let j = 0; j < qs.length; j++) {
        quantilePick(statistic, n, qs[j]!, picks[j]!);
        kths.push(picks[j]!.prev, picks[j]!.next);
      }
      kths.sort((x, y) => x - y);
      let distinct = 0;
      for (let j = 0; j < kths.length; j++) if (j === 0 || kths[j] !== kths[j - 1]) kths[distinct++] = kths[j]!;
      kths.length = distinct;
      lineSelect(line, n, kths);
      for (let j = 0; j < qs.length; j++) {
        const { prev, next, gamma } = picks[j]!;
        out[o + j * slices] = Number.isNaN(gamma) ? v[vs + prev]! : lerp(v[vs + prev]!, v[vs + next]!, gamma);
      }
    });
    return result ?? out[0]!;
  } catch (e) {
    result?.dispose();
    throw e;
  } finally {
    lineArray?.dispose();
  }
}

/** Runs a quantile function: unweighted by selection, or weighted ('inverted_cdf' only). */
function quantileOrWeighted(
  func: string,
  a: NdArray,
  axis: AxisArg | undefined,
  options: QuantileOptions | undefined,
  qs: readonly number[],
  qShape: number[] | null,
  skipNaN: boolean,
): NdArray | number {
  const method = options?.method ?? 'linear';
  const keepdims = options?.keepdims === true;
  const weights = options?.weights;
  // NumPy's nanquantile/nanpercentile of an empty array is nanmean(a, axis): NaN, no q axes
  if (skipNaN && a.size === 0) return reduce('nanmean', a, axis, { keepdims }) as NdArray | number;
  if (a.dtype === 'bool' && !BOOL_METHODS.includes(method)) {
    normalizeAxes(axis ?? null, a.ndim); // a bad axis first, as NumPy
    throw new DTypeError(
      `${func}: method '${method}' interpolates, which NumPy refuses for a bool array (TypeError: boolean subtract); use astype('float64'), or one of ${BOOL_METHODS.join(', ')}`,
      'bool',
    );
  }
  // quantileOptions (every public edge) refused weights with another method
  const r = weights === undefined
    ? orderStatistic(a, axis, keepdims, qs, qShape, method, skipNaN)
    : withInput(weights, (w) => weightedQuantile(func, a, axis, keepdims, w, qs, qShape, skipNaN));
  return a.dtype === 'bool' ? boolQuantiles(r, axis) : r;
}

/** The methods that pick one of the values (no arithmetic): NumPy keeps a bool array's dtype. */
const BOOL_METHODS: readonly QuantileMethod[] = ['inverted_cdf', 'closest_observation', 'lower', 'higher', 'nearest'];

/**
 * Quantiles of a bool array (each one of its 0/1 values) as NumPy gives them: a bool array,
 * a 0-d bool array when an axis was named; over all axes a number 0/1, as `min`/`max` of a bool
 * array. NaN (an empty slice, ndvec's answer where NumPy raises) keeps the float64 result.
 */
function boolQuantiles(r: NdArray | number, axis: AxisArg | undefined): NdArray | number {
  if (typeof r === 'number') {
    if (axis === null || axis === undefined || r !== r) return r;
    const b = emptyArray([], 'bool');
    b.u8()[b.start] = r !== 0 ? 1 : 0;
    return b;
  }
  const f = r.f64();
  for (let i = r.start, end = r.start + r.size; i < end; i++) if (f[i] !== f[i]) return r;
  const b = emptyArray(r.shape, 'bool');
  const u = b.u8();
  const g = r.f64(); // fetched again after the allocation
  for (let i = 0; i < r.size; i++) u[b.start + i] = g[r.start + i] !== 0 ? 1 : 0;
  r.dispose();
  return b;
}

/**
 * The weights as a plain C-order copy of `a`'s shape: `w` of `a`'s shape as is, or of the
 * reduced axes' shape (in the order `axis` names them) broadcast over the kept axes, as
 * NumPy's `_weights_are_valid`. Checks they are non-negative.
 */
function weightsLikeArray(func: string, a: NdArray, axis: AxisArg | undefined, w: NdArray): Float64Array {
  let full: Float64Array;
  if (sameShape(a.shape, w.shape)) {
    full = gatherFloat64(w);
  } else {
    if (axis === undefined || axis === null) {
      throw new ShapeError(
        `${func}: weights of shape ${formatShape(w.shape)} differ from the array's ${formatShape(a.shape)}; name the axis (or axes) the weights run along`,
        [a.shape, w.shape],
      );
    }
    const named = (typeof axis === 'number' ? [axis] : [...axis]).map((k) => normalizeAxis(k, a.ndim));
    const want = named.map((k) => a.shape[k]!);
    if (!sameShape(want, w.shape)) {
      throw new ShapeError(
        `${func}: weights must have the array's shape ${formatShape(a.shape)} or the shape ${formatShape(want)} of axis ${JSON.stringify(typeof axis === 'number' ? axis : [...axis])}, got ${formatShape(w.shape)}`,
        [a.shape, w.shape],
      );
    }
    const strides = a.shape.map((_, k) => (named.includes(k) ? w.strides[named.indexOf(k)]! : 0));
    const view = newArray(w.storage, a.shape, strides, w.offset, false, true);
    full = gatherFloat64(view);
  }
  for (let i = 0; i < full.length; i++) {
    if (full[i]! < 0) throw new ArgumentError(func, 'weights', `weights must be non-negative, got ${full[i]} at flat index ${i}`);
  }
  return full;
}

/**
 * NumPy 2's weighted 'inverted_cdf' quantile (`_quantile`'s weighted branch): each slice is
 * sorted (NaN last; one stable `argsort` over all slices), the weights summed in that order
 * into a CDF normalized by its last value, and quantile `q` is the first value whose CDF
 * reaches `q` (leading zero weights skipped). NaN in a slice gives NaN (`skipNaN` false), or
 * the NaNs and their weights are dropped (`skipNaN`); an empty slice gives NaN. A slice whose
 * weights sum to zero, ∞ or NaN throws, as NumPy raises. Equal values may be summed in
 * another order than NumPy's unstable argsort puts them, which can move the last bit of a
 * CDF step (never the value picked, unless a quantile falls within that rounding).
 */
function weightedQuantile(
  func: string,
  a: NdArray,
  axis: AxisArg | undefined,
  keepdims: boolean,
  w: NdArray,
  qs: readonly number[],
  qShape: number[] | null,
  skipNaN: boolean,
): NdArray | number {
  a.assertLive();
  const shape0 = { shape: a.shape, strides: contiguousStrides(a.shape), ndim: a.ndim };
  const layout = sliceLayout(shape0, axis, keepdims); // checks the axes (AxisError)
  const weights = weightsLikeArray(func, a, axis, w);
  const { count, slices } = layout;
  const outShape = [...(qShape ?? []), ...layout.outShape];
  const out = new Float64Array(qs.length * slices);
  if (count === 0 || slices === 0) {
    out.fill(NaN);
  } else {
    const values = gatherFloat64(a);
    // Each slice as a row of `lines` (its weights alike in `lineWeights`), then one argsort.
    const lineWeights = new Float64Array(slices * count);
    const lines = emptyArray([slices, count]);
    let order: NdArray | null = null;
    try {
      let v = lines.f64();
      const vs = lines.start;
      let row = 0;
      walkAxes(layout.kept, 0, 0, (p) => {
        let i = row * count;
        walkAxes(layout.reduced, p, 0, (r) => {
          v[vs + i] = values[r]!;
          lineWeights[i++] = weights[r]!;
        });
        row++;
      });
      order = argsort(lines, 1);
      v = lines.f64(); // fetched again: argsort's result may have grown the memory
      const idx = order.f64();
      const is = order.start;
      const cdf = new Float64Array(count);
      row = 0;
      walkAxes(layout.kept, 0, 0, (_p, o) => {
        const base = row++ * count;
        let n = count;
        if (skipNaN) while (n > 0 && Number.isNaN(v[vs + base + idx[is + base + n - 1]!])) n--;
        if (n === 0) {
          for (let j = 0; j < qs.length; j++) out[o + j * slices] = NaN;
          return;
        }
        let c = 0;
        for (let i = 0; i < n; i++) cdf[i] = c += lineWeights[base + idx[is + base + i]!]!;
        const total = cdf[n - 1]!;
        for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / total;
        if (Number.isNaN(cdf[n - 1])) {
          throw new ArgumentError(func, 'weights', `weights include NaN or ∞, or sum to zero, over a slice (sum ${total})`);
        }
        if (Number.isNaN(v[vs + base + idx[is + base + n - 1]!])) {
          for (let j = 0; j < qs.length; j++) out[o + j * slices] = NaN;
          return;
        }
        for (let j = 0; j < qs.length; j++) {
          const q = qs[j]!;
          // searchsorted(cdf, q, 'left') with leading zeros read as -1 (NumPy's fix for
          // leading zero weights): the first i with cdf[i] ≥ q.
          let lo = 0;
          let hi = n;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const cm = cdf[mid] === 0 ? -1 : cdf[mid]!;
            if (cm < q) lo = mid + 1;
            else hi = mid;
          }
          out[o + j * slices] = v[vs + base + idx[is + base + Math.min(lo, n - 1)]!]!;
        }
      });
    } finally {
      order?.dispose();
      lines.dispose();
    }
  }
  if (outShape.length === 0) return out[0]!;
  const result = emptyArray(outShape);
  result.f64().set(out, result.start);
  return result;
}

/**
 * Median over `axis` (all axes when omitted), NumPy's `median`: the middle value, or the
 * mean of the two middle values, found by selection (O(n)). NaN in a slice makes its median
 * NaN; an empty slice gives NaN.
 * @param a the array (float64, or bool read as 0/1)
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for a full reduction without keepdims, else an array
 * @throws AxisError for an axis out of range or repeated
 * @example
 * median(nd.array([[1, 3, 2], [4, NaN, 6]]), 1); // array([2, NaN])
 */
export function median(a: NdArray, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  return orderStatistic(a, axis, options?.keepdims === true, [0.5], null, 'median', false);
}

/**
 * Median over `axis` ignoring NaN, NumPy's `nanmedian`. A slice of NaNs only (or empty) gives
 * NaN (NumPy also warns).
 * @param a the array (float64, or bool read as 0/1)
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims }`
 * @returns a number for a full reduction without keepdims, else an array
 * @throws AxisError for an axis out of range or repeated
 * @example
 * nanmedian(nd.array([[1, 3, 2], [4, NaN, 6]]), 1); // array([2, 5])
 */
export function nanmedian(a: NdArray, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
  // NumPy's nanmedian of N-D data along fewer than all axes, slices shorter than 600, is
  // np.ma.median: an odd count's middle x comes out as (x + x) / 2 (inf past 8.99e307)
  let masked = false;
  if (axis !== null && axis !== undefined && a.dtype === 'float64') {
    const axes = normalizeAxes(axis, a.ndim);
    masked = axes.length < a.ndim && axes.reduce((c, k) => c * a.shape[k]!, 1) < 600;
  }
  return orderStatistic(a, axis, options?.keepdims === true, [0.5], null, 'median', true, masked);
}

/**
 * Quantiles over `axis`, NumPy's `quantile` with any of its methods (default 'linear':
 * `q * (n - 1)` interpolated), bit for bit (NumPy's index and `_lerp` formulas). An array of
 * quantiles adds its shape in front of the result, as NumPy does. NaN in a slice makes its
 * quantiles NaN; an empty slice gives NaN (NumPy raises IndexError). With `weights` (method
 * 'inverted_cdf' only, NumPy 2's weighted quantile) each slice is sorted and its weights
 * summed into a CDF; the result is the first value whose normalized CDF reaches `q`.
 * @param a the array (float64, or bool read as 0/1)
 * @param q a quantile in [0, 1], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims, method, weights }`: weights (method 'inverted_cdf' only) as NumPy 2's
 * @returns a number for one quantile over all axes without keepdims, else an array
 * @throws NdvecError for a quantile outside [0, 1]; AxisError for a bad axis; ArgumentError for
 *   weights with another method, negative weights or a slice whose weights sum to 0, ∞ or NaN;
 *   ShapeError for weights that fit neither the array nor the axes
 * @example
 * quantile(nd.array([1, 2, 3, 4]), 0.25);           // 1.75
 * quantile(nd.array([1, 2, 3, 4]), 0.25, null, { method: 'lower' }); // 1
 * quantile(nd.array([1, 2, 3, 4]), [0, 1]).toArray(); // [1, 4]
 * quantile(nd.array([1, 2, 3, 4]), 0.5, null, { method: 'inverted_cdf', weights: nd.array([1, 1, 1, 5]) }); // 4
 */
export function quantile(a: NdArray, q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
  const { values, shape } = readQuantiles(q, 1, 'quantile');
  return quantileOrWeighted('quantile', a, axis, options, values, shape, false);
}

/**
 * Percentiles over `axis`: {@link quantile} with `p / 100`.
 * @param a the array
 * @param p a percentile in [0, 100], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims, method, weights }`: weights (method 'inverted_cdf' only) as NumPy 2's
 * @returns a number for one percentile over all axes without keepdims, else an array
 * @throws NdvecError for a percentile outside [0, 100]; AxisError for a bad axis; ArgumentError
 *   or ShapeError for bad weights (as {@link quantile})
 * @example
 * percentile(nd.array([1, 2, 3, 4]), 50); // 2.5
 */
export function percentile(a: NdArray, p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
  const { values, shape } = readQuantiles(p, 100, 'percentile');
  return quantileOrWeighted('percentile', a, axis, options, values, shape, false);
}

/**
 * Quantiles over `axis` ignoring NaN, NumPy's `nanquantile`: {@link quantile} of each
 * slice's numbers; a slice of NaNs only (or empty) gives NaN. With `weights`, NaNs are
 * dropped with their weights. (NumPy 2.4 raises IndexError for N-D data with weights along
 * an axis, indexing the unbroadcast weights; ndvec broadcasts them as {@link quantile} does.)
 * @param a the array (float64, or bool read as 0/1)
 * @param q a quantile in [0, 1], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims, method, weights }`: weights (method 'inverted_cdf' only) as NumPy 2's
 * @returns a number for one quantile over all axes without keepdims, else an array
 * @throws NdvecError for a quantile outside [0, 1]; AxisError for a bad axis; ArgumentError for
 *   weights with another method, negative weights or a slice whose weights sum to 0, ∞ or NaN;
 *   ShapeError for weights that fit neither the array nor the axes
 * @example
 * nanquantile(nd.array([1, NaN, 2, 3, 4]), 0.25); // 1.75
 */
export function nanquantile(a: NdArray, q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
  const { values, shape } = readQuantiles(q, 1, 'nanquantile');
  return quantileOrWeighted('nanquantile', a, axis, options, values, shape, true);
}

/**
 * Percentiles over `axis` ignoring NaN: {@link nanquantile} with `p / 100`.
 * @param a the array
 * @param p a percentile in [0, 100], or an array of them
 * @param axis an axis, several, or omitted/null for all
 * @param options `{ keepdims, method, weights }`: weights (method 'inverted_cdf' only) as NumPy 2's
 * @returns a number for one percentile over all axes without keepdims, else an array
 * @throws NdvecError for a percentile outside [0, 100]; AxisError for a bad axis; ArgumentError
 *   or ShapeError for bad weights (as {@link quantile})
 * @example
 * nanpercentile(nd.array([1, NaN, 2, 3, 4]), 50); // 2.5
 */
export function nanpercentile(a: NdArray, p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
  const { values, shape } = readQuantiles(p, 100, 'nanpercentile');
  return quantileOrWeighted('nanpercentile', a, axis, options, values, shape, true);
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
  if (a.dtype === 'bool') {
    normalizeAxes(scalarAxis(axis ?? null, a.ndim), a.ndim); // a bad axis first, as NumPy (max's 0-d leniency)
    throw new DTypeError('ptp: a bool array has no range (NumPy neither); use astype("float64")', 'bool');
  }
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
  const axes = normalizeAxes(axis ?? null, a.ndim); // a bad axis throws before any temporary exists
  const weights = options?.weights;
  const keep = { keepdims: options?.keepdims === true };
  if (weights === undefined) {
    // NumPy's unweighted average divides a.size by the result's size (its `scl`, computed even
    // when not returned): an empty result raises ZeroDivisionError there
    const resultSize = a.shape.reduce((n, d, k) => (axes.includes(k) ? n : n * d), 1);
    if (resultSize === 0) throw new NdvecError(`average: division by zero (the result of shape ${formatShape(a.shape)} over axis ${JSON.stringify(axis ?? null)} is empty; NumPy raises ZeroDivisionError)`);
    return reduce('mean', a, axis, keep) as NdArray | number;
  }
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
    // NumPy sums 1-D weights before broadcasting them: a zero sum throws even when `a` is empty
    if (reduce('sum', weights, null) === 0) throw new NdvecError("average: weights sum to zero, can't be normalized");
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

/**
 * Histograms and binning, NumPy's `histogram`, `histogram_bin_edges`, `bincount` and
 * `digitize` (numpy/lib/_histograms_impl.py, numpy/lib/_function_base_impl.py), on float64:
 *
 * - Uniform bins (an integer or an estimator name): edges are `np.linspace(first, last,
 *   bins + 1)`; a value's bin is `trunc((x - first) / (last - first) * bins)` corrected once
 *   by the edges, so it lands where the edges say; the last bin is closed; values outside
 *   the range (and NaN) are ignored. The range is `range`, or the data's min and max (a
 *   non-finite min/max throws, as NumPy raises ValueError); an empty span becomes
 *   `[x - 0.5, x + 0.5]`; no data gives [0, 1]. Weighted sums run in NumPy's blocks of 65536
 *   values (bincount of each block added to the total), so the bits match.
 * - Edges given as an array (non-decreasing): counts `#(edges[i] <= x < edges[i+1])`, the
 *   last bin closed, as NumPy's sorted-search path; weighted, the sorted weights' running
 *   sums per block, as NumPy.
 * - `density`: `hist / diff(edges) / hist.sum()`.
 * The uniform count runs on a WASM kernel for contiguous arena data (wasm/assembly/histogram.ts)
 * with the JS reference (src/kernels/js-histogram.ts) everywhere else; both give the same bits.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import type { Input } from '../nd.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { ArgumentError, DTypeError, ShapeError, formatShape } from '../errors.ts';
import { checkArity, checkBoolean, checkChoice, checkInteger, checkOptions, describe } from '../args.ts';
import { arenaF64, scratchBlock } from '../memory.ts';
import { activeKernels, bytePointer } from '../kernels/wasm.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { pairwiseSum } from '../kernels/js-reduce.ts';
import { bincountAdd, bincountScan, histogramUniform, searchBins } from '../kernels/js-histogram.ts';
import { array, withInput, type ArrayInput } from '../create.ts';
import { NOT_TRACED, traceNdCall, tracing } from '../fuse/index.ts';
import { reduce } from './reduce.ts';


/** A bin estimator name (NumPy's `bins='auto'` etc.). */
export type BinEstimator = 'auto' | 'fd' | 'doane' | 'scott' | 'stone' | 'rice' | 'sturges' | 'sqrt';

/** The bin estimators of `bins` as a string, NumPy's names. */
const BIN_ESTIMATORS: readonly BinEstimator[] = ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'];

/** The `bins` argument: a number of uniform bins, an estimator name, or the edges. */
export type BinsArg = number | BinEstimator | readonly number[] | NdArray;

/** Options of `nd.histogramBinEdges`. */
export interface HistogramBinEdgesOptions {
  /** `[lo, hi]`: the outer edges of uniform bins (default: the data's min and max); values outside are ignored. */
  range?: readonly [number, number] | null;
  /** Weights of the same shape as `a` (estimator names refuse them, as NumPy). */
  weights?: NdArray | ArrayInput;
}

/** Options of `nd.histogram`. */
export interface HistogramOptions extends HistogramBinEdgesOptions {
  /** Divide each bin by its width and the total, so the histogram integrates to 1. */
  density?: boolean;
}

/** What `nd.histogram` returns: the counts (or sums of weights, or densities) and the edges. */
export interface HistogramResult {
  /** One value a bin (float64). */
  hist: NdArray;
  /** The bins' edges, one more than bins. */
  binEdges: NdArray;
}

/** Options of `nd.bincount`. */
export interface BincountOptions {
  /** A weight for each value of `x` (same length); the result sums them. */
  weights?: NdArray | ArrayInput;
  /** The smallest length of the result (default 0). */
  minlength?: number;
}

/** Options of `nd.digitize`. */
export interface DigitizeOptions {
  /** Whether a bin holds its right edge rather than its left (default false). */
  right?: boolean;
}

/** NumPy's block of values per bincount pass in `histogram` (BLOCK = 65536). */
const BLOCK = 65536;

/** Throws the fuser's error when a traced stand-in reaches a function fusion cannot run. */
function refuseTracing(name: string, args: IArguments): void {
  if (tracing.depth !== 0 && traceNdCall(name, name, args) !== NOT_TRACED) {
    throw new ArgumentError(name, 'a', `nd.${name} is not supported inside a fused function`);
  }
}

/** An optional array option (`weights`): undefined, an NdArray, or plain data. */
function optionalInput<T>(x: unknown, f: (a: NdArray | null) => T): T {
  if (x === undefined) return f(null);
  return withInput(x as Input, f);
}

/** The elements of `a` in C order as float64 (its own data when contiguous float64). */
interface Values {
  data: Float64Array;
  start: number;
  n: number;
}

function valuesOf(a: NdArray): Values {
  if (a.dtype === 'float64' && a.isContiguous) return { data: a.f64(), start: a.start, n: a.size };
  return { data: gatherFloat64(a), start: 0, n: a.size };
}

/** A `range` option: absent/null, or two numbers. */
function checkRange(func: string, range: unknown): readonly [number, number] | null {
  if (range === undefined || range === null) return null;
  if (isNdArray(range) && range.ndim === 1 && range.size === 2 && range.dtype === 'float64') {
    return [range.getNumber(0), range.getNumber(1)];
  }
  if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'number' || typeof range[1] !== 'number') {
    throw new ArgumentError(func, 'range', `range must be [lo, hi] (two numbers) or null, got ${describe(range)}`);
  }
  return [range[0], range[1]];
}

/** NumPy's `_get_outer_edges`: the range's or the data's outer edges, an empty span widened. */
function outerEdges(func: string, a: NdArray, range: readonly [number, number] | null): [number, number] {
  let first: number;
  let last: number;
  if (range !== null) {
    [first, last] = range;
    if (first > last) throw new ArgumentError(func, 'range', `max must be larger than min in range parameter, got [${first}, ${last}]`);
    if (!(Number.isFinite(first) && Number.isFinite(last))) {
      throw new ArgumentError(func, 'range', `supplied range of [${first}, ${last}] is not finite`);
    }
  } else if (a.size === 0) {
    first = 0;
    last = 1;
  } else {
    // a.min() and a.max(), as NumPy (NaN propagates into both)
    first = Number(reduce('min', a, null));
    last = Number(reduce('max', a, null));
    if (!(Number.isFinite(first) && Number.isFinite(last))) {
      const show = (x: number): string => (x !== x ? 'nan' : String(x));
      throw new ArgumentError(
        func, 'a',
        `autodetected range of [${show(first)}, ${show(last)}] is not finite: the data holds ${first !== first ? 'NaN' : '±Infinity'}; pass a finite range to ignore it`,
      );
    }
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return [first, last];
}

/** `np.linspace(first, last, bins + 1)` exactly (NumPy's formula: i·step + first, last pinned). */
function uniformEdges(first: number, last: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const delta = last - first;
  const step = delta / bins;
  for (let i = 0; i <= bins; i++) edges[i] = step === 0 ? (i / bins) * delta + first : i * step + first;
  edges[bins] = last;
  return edges;
}

/** NumPy 2.4's check of computed uniform edges: each strictly above the one before. */
function checkIncreasing(func: string, edges: Float64Array, first: number, last: number): void {
  const count = edges.length - 1;
  for (let i = 0; i < count; i++) {
    if (edges[i]! >= edges[i + 1]!) {
      throw new ArgumentError(func, 'bins', `Too many bins for data range. Cannot create ${count} finite-sized bins (edges ${edges[i]} and ${edges[i + 1]} over [${first}, ${last}])`);
    }
  }
}

/** The bins a histogram uses: uniform (with their count and outer edges) or given edges. */
interface Bins {
  edges: Float64Array;
  uniform: { first: number; last: number; bins: number } | null;
}

/** The values of `v` within [first, last] (the data estimators see when a range is given). */
function trimmed(v: Values, first: number, last: number): Float64Array {
  const kept: number[] = [];
  for (let j = 0; j < v.n; j++) {
    const x = v.data[v.start + j]!;
    if (x >= first && x <= last) kept.push(x);
  }
  return Float64Array.from(kept);
}

/** NumPy's `_get_bin_edges`. */
function binEdges(func: string, a: NdArray, bins: unknown, range: readonly [number, number] | null, weighted: boolean): Bins {
  const integral = a.dtype === 'bool';
  let count: number;
  let first: number;
  let last: number;
  if (typeof bins === 'string') {
    const name = checkChoice(func, 'bins', bins, BIN_ESTIMATORS);
    if (weighted) throw new ArgumentError(func, 'weights', `automated estimation of the number of bins ('${name}') is not supported for weighted data`);
    [first, last] = outerEdges(func, a, range);
    const v = valuesOf(a);
    const x = range === null ? v.data.slice(v.start, v.start + v.n) : trimmed(v, first, last);
    if (x.length === 0) {
      count = 1;
    } else {
      let width = estimateWidth(func, name, x, first, last);
      if (integral && width && width < 1) width = 1; // NumPy: integer data (bool arrays are uint8 there)
      count = width ? Math.ceil((last - first) / width) : 1;
      if (!Number.isSafeInteger(count) || count < 1) {
        throw new ArgumentError(func, 'bins', `the '${name}' estimator gave ${count} bins for the span [${first}, ${last}]`);
      }
    }
  } else if (typeof bins === 'number') {
    count = checkInteger(func, 'bins', bins, { min: 1 });
    [first, last] = outerEdges(func, a, range);
  } else {
    const edges = edgesArray(func, bins);
    for (let i = 0; i + 1 < edges.length; i++) {
      if (edges[i]! > edges[i + 1]!) {
        throw new ArgumentError(func, 'bins', `bins must increase monotonically, when an array: bins[${i}] = ${edges[i]} > bins[${i + 1}] = ${edges[i + 1]}`);
      }
    }
    return { edges, uniform: null };
  }
  if (count + 1 > 2 ** 31) throw new ArgumentError(func, 'bins', `too many bins: ${count}`);
  const edges = uniformEdges(first, last, count);
  checkIncreasing(func, edges, first, last);
  return { edges, uniform: { first, last, bins: count } };
}

/** Bin edges given as an array: a 1-D NdArray or a list of numbers. */
function edgesArray(func: string, bins: unknown): Float64Array {
  if (isNdArray(bins)) {
    bins.assertLive();
    if (bins.ndim !== 1) throw new ShapeError(`${func}: bins must be 1d, when an array, got shape ${formatShape(bins.shape)}`, [bins.shape]);
    return gatherFloat64(bins);
  }
  if (Array.isArray(bins) && bins.every((b) => typeof b === 'number')) return Float64Array.from(bins as number[]);
  throw new ArgumentError(func, 'bins', `bins must be a positive integer, an estimator name (${BIN_ESTIMATORS.join(', ')}) or an array of edges, got ${describe(bins)}`);
}

/** max - min of the (non-empty, finite) values. */
function ptp(x: Float64Array): number {
  let lo = x[0]!;
  let hi = x[0]!;
  for (let i = 1; i < x.length; i++) {
    const v = x[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}

/** np.std of plain values (pairwise, as ndvec's and NumPy's std). */
function stdOf(x: Float64Array): number {
  const a = array(x);
  try {
    return reduce('std', a, null) as number;
  } finally {
    a.dispose();
  }
}

/** np.percentile(x, q) with the 'linear' method (NumPy's `_lerp`), x sorted ascending. */
function percentileSorted(x: Float64Array, q: number): number {
  const n = x.length;
  const virtual = (n - 1) * (q / 100);
  let prev = Math.floor(virtual);
  let next = prev + 1;
  if (virtual >= n - 1) prev = next = n - 1;
  const gamma = virtual >= n - 1 ? virtual - -1 : virtual - prev; // NumPy's index -1 for the top
  const a = x[prev]!;
  const b = x[next]!;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** NumPy's bin-width estimators (`_hist_bin_*`), on non-empty data inside [first, last]. */
function estimateWidth(func: string, name: BinEstimator, x: Float64Array, first: number, last: number): number {
  const n = x.length;
  switch (name) {
    case 'sqrt':
      return ptp(x) / Math.sqrt(n);
    case 'sturges':
      return ptp(x) / (Math.log2(n) + 1.0);
    case 'rice':
      return ptp(x) / (2.0 * n ** (1.0 / 3));
    case 'scott':
      return (24.0 * Math.PI ** 0.5 / n) ** (1.0 / 3.0) * stdOf(x);
    case 'fd':
    case 'auto': {
      const sorted = x.slice().sort();
      const iqr = percentileSorted(sorted, 75) - percentileSorted(sorted, 25);
      const fd = 2.0 * iqr * n ** (-1.0 / 3.0);
      if (name === 'fd') return fd;
      // NumPy 2.4's 'auto': FD limited to half the sqrt width, then at most Sturges' width
      const sturges = ptp(x) / (Math.log2(n) + 1.0);
      const sqrt = ptp(x) / Math.sqrt(n);
      return Math.min(Math.max(fd, sqrt / 2), sturges);
    }
    case 'doane': {
      if (n <= 2) return 0;
      const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
      const sigma = stdOf(x);
      if (!(sigma > 0)) return 0;
      const a = array(x);
      try {
        const mean = reduce('mean', a, null) as number;
        const t = a.f64();
        for (let i = a.start; i < a.start + n; i++) t[i] = ((t[i]! - mean) / sigma) ** 3;
        const g1 = reduce('mean', a, null) as number;
        return ptp(x) / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1));
      } finally {
        a.dispose();
      }
    }
    case 'stone': {
      const span = ptp(x);
      if (n <= 1 || span === 0) return 0;
      const upper = Math.max(100, Math.trunc(Math.sqrt(n)));
      let best = 1;
      let bestValue = Infinity;
      for (let bins = 1; bins <= upper; bins++) {
        const counts = new Float64Array(bins);
        const edges = uniformEdges(first, last, bins);
        checkIncreasing(func, edges, first, last); // NumPy's np.histogram inside the estimator raises too
        histogramUniform(x, 0, n, first, last, bins, edges, null, 0, counts, 0);
        let dot = 0;
        for (let i = 0; i < bins; i++) dot += (counts[i]! / n) * (counts[i]! / n);
        const value = (2 - (n + 1) * dot) / (span / bins);
        if (value < bestValue) {
          bestValue = value;
          best = bins;
        }
      }
      return span / best;
    }
  }
}

/**
 * The uniform-bin counts into `hist` (zeroed): on WASM for float64 data in the arena (the
 * kernel `histogram_uniform`), else the JS reference. Weighted: NumPy's blocks of 65536
 * values, each summed from 0 and added to the total.
 */
function countUniform(a: NdArray, w: NdArray | null, bins: Bins, hist: Float64Array): void {
  const { first, last, bins: m } = bins.uniform!;
  if (wasmUniform(a, w, bins, hist)) return;
  const v = valuesOf(a);
  if (w === null) {
    histogramUniform(v.data, v.start, v.n, first, last, m, bins.edges, null, 0, hist, 0);
    return;
  }
  const wv = valuesOf(w);
  const block = new Float64Array(m);
  for (let o = 0; o < v.n; o += BLOCK) {
    block.fill(0);
    histogramUniform(v.data, v.start + o, Math.min(BLOCK, v.n - o), first, last, m, bins.edges, wv.data, wv.start + o, block, 0);
    for (let i = 0; i < m; i++) hist[i] += block[i]!;
  }
}

/** Smallest input from which the uniform histogram runs on WASM. */
const WASM_MIN = 64;

/** The uniform histogram on WASM (contiguous float64 data and weights in the arena); false: not taken. */
function wasmUniform(a: NdArray, w: NdArray | null, bins: Bins, hist: Float64Array): boolean {
  const k = activeKernels();
  const fits = (x: NdArray): boolean => x.dtype === 'float64' && x.isContiguous && x.storage.inArena;
  if (k === null || a.size < WASM_MIN || !fits(a) || (w !== null && !fits(w))) return false;
  const { first, last, bins: m } = bins.uniform!;
  // Scratch: the edges, then the counts (four sub-histograms unweighted; one, and a block's
  // sums, weighted); before any view.
  const scratch = scratchBlock(0, (m + 1 + 4 * m + (w === null ? 0 : m)) * 8);
  if (scratch < 0) return false;
  const edgesPtr = scratch;
  const countsPtr = scratch + (m + 1) * 8;
  const blockPtr = countsPtr + 4 * m * 8;
  const f = arenaF64();
  f.set(bins.edges, edgesPtr / 8);
  f.fill(0, countsPtr / 8, countsPtr / 8 + 4 * m);
  const p = bytePointer(a);
  if (w === null) {
    k.histogram_uniform(p, a.size, first, last, m, edgesPtr, 0, countsPtr);
    const c = arenaF64();
    const at = countsPtr / 8;
    for (let i = 0; i < m; i++) hist[i] = c[at + i]! + c[at + m + i]! + c[at + 2 * m + i]! + c[at + 3 * m + i]!;
    return true;
  } else {
    const q = bytePointer(w);
    for (let o = 0; o < a.size; o += BLOCK) {
      const len = Math.min(BLOCK, a.size - o);
      arenaF64().fill(0, blockPtr / 8, blockPtr / 8 + m);
      k.histogram_uniform(p + o * 8, len, first, last, m, edgesPtr, q + o * 8, blockPtr);
      k.add_vv(countsPtr, blockPtr, countsPtr, m);
    }
  }
  hist.set(arenaF64().subarray(countsPtr / 8, countsPtr / 8 + m));
  return true;
}

/** Ascending order with NaN last (NumPy's sort order), for the sorted-search path. */
function ascending(x: number, y: number): number {
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Index of the first element of sorted `s` not before `e` (`right`: the first after it), NaN last. */
function searchSorted(s: Float64Array, e: number, right: boolean): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = ascending(s[mid]!, e);
    if (right ? c <= 0 : c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts into the bins of given edges, NumPy's sorted-search path: per block of 65536
 * values (sorted, NaN last), `#(x < edges[j])` for every edge but the last, `#(x <= last)`
 * for the last, differenced. Weighted: the running sums of the weights in sorted order.
 * Unweighted edges without NaN take a binary search per value (the same counts).
 */
function countEdges(a: NdArray, w: NdArray | null, edges: Float64Array, hist: Float64Array): void {
  const m = edges.length;
  const nb = m - 1;
  if (nb < 1) return;
  const v = valuesOf(a);
  if (w === null && !edges.some((e) => e !== e)) {
    const top = edges[nb]!;
    for (let j = 0; j < v.n; j++) {
      const x = v.data[v.start + j]!;
      if (!(x >= edges[0]! && x <= top)) continue;
      // the last edge <= x (first index past it, minus one); the closed last bin takes x == top
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      hist[lo - 1 === nb ? nb - 1 : lo - 1]++;
    }
    return;
  }
  const cum = new Float64Array(m);
  const wv = w === null ? null : valuesOf(w);
  for (let o = 0; o < v.n; o += BLOCK) {
    const len = Math.min(BLOCK, v.n - o);
    const order = Array.from({ length: len }, (_, j) => j);
    const x = v.data;
    order.sort((i, j) => ascending(x[v.start + o + i]!, x[v.start + o + j]!) || i - j);
    const sorted = Float64Array.from(order, (i) => x[v.start + o + i]!);
    let running: Float64Array | null = null;
    if (wv !== null) {
      running = new Float64Array(len + 1);
      for (let j = 0; j < len; j++) running[j + 1] = running[j]! + wv.data[wv.start + o + order[j]!]!;
    }
    for (let e = 0; e < m; e++) {
      const at = searchSorted(sorted, edges[e]!, e === m - 1);
      cum[e] += running === null ? at : running[at]!;
    }
  }
  for (let i = 0; i < nb; i++) hist[i] = cum[i + 1]! - cum[i]!;
}

/** The weights option checked against `a`: same shape, as NumPy's `_ravel_and_check_weights`. */
function checkWeights(func: string, a: NdArray, w: NdArray | null): void {
  if (w === null) return;
  if (w.shape.length !== a.shape.length || w.shape.some((d, k) => d !== a.shape[k])) {
    throw new ShapeError(`${func}: weights should have the same shape as a: weights ${formatShape(w.shape)}, a ${formatShape(a.shape)}`, [w.shape, a.shape]);
  }
}

/** A float64 1-D array holding `values`. */
function fromValues(values: Float64Array): NdArray {
  const r = emptyArray([values.length]);
  r.f64().set(values, r.start);
  return r;
}

const EDGES_KEYS = ['range', 'weights'] as const;
const HISTOGRAM_KEYS = ['range', 'density', 'weights'] as const;

/**
 * The edges of the bins `nd.histogram` would use, NumPy's `histogram_bin_edges`: `bins`
 * uniform bins over `range` (or the data's min..max), the edges chosen by an estimator
 * (`'auto'`, `'fd'`, `'doane'`, `'scott'`, `'stone'`, `'rice'`, `'sturges'`, `'sqrt'`,
 * NumPy's formulas), or the given edges checked to be non-decreasing.
 * @param a the data (any shape; flattened)
 * @param bins a positive integer (default 10), an estimator name, or the edges
 * @param options `{ range, weights }`: `range` `[lo, hi]` (finite, lo ≤ hi) bounds uniform
 *   bins; `weights` (same shape as `a`) only refuse estimator names, as in NumPy
 * @returns the edges (float64, bins + 1 of them)
 * @throws ArgumentError for bad bins or range, a non-finite autodetected range (NaN or
 *   ±Infinity in the data; NumPy's ValueError), weights with an estimator name; ShapeError
 *   for weights of another shape, edges that are not 1-D
 * @example
 * nd.histogramBinEdges([1, 2, 3, 4], 3).toArray(); // [1, 2, 3, 4]
 * nd.histogramBinEdges([0, 1, 1, 2, 9], 'sturges').size; // 4
 */
export function histogramBinEdges(a: Input, bins: BinsArg = 10, options?: HistogramBinEdgesOptions): NdArray {
  refuseTracing('histogramBinEdges', arguments);
  checkArity('histogramBinEdges', arguments, 3, 1);
  const o = checkOptions('histogramBinEdges', options, EDGES_KEYS);
  const range = checkRange('histogramBinEdges', o.range);
  return withInput(a, (x) => optionalInput(o.weights, (w) => {
    checkWeights('histogramBinEdges', x, w);
    return fromValues(binEdges('histogramBinEdges', x, bins, range, w !== null).edges);
  }));
}

/**
 * NumPy's `histogram`: the counts of the flattened data in each bin (see
 * {@link histogramBinEdges} for `bins` and `range`), the last bin closed `[e, last]`, the
 * others half-open `[e0, e1)`; values outside the range and NaN are not counted (with
 * autodetected range NaN or ±Infinity throws, as NumPy). With `weights`, each value adds its
 * weight; with `density`, each bin is divided by its width and the total.
 * @param a the data (any shape; flattened)
 * @param bins a positive integer (default 10), an estimator name, or the edges
 * @param options `{ range, density, weights }`
 * @returns `{ hist, binEdges }` (float64 arrays; NumPy's counts are integers)
 * @throws ArgumentError for bad bins, range or options, a non-finite autodetected range, a
 *   span of uniform bins that overflows to Infinity together with a value's distance from
 *   the first edge (NumPy fails there too); ShapeError for weights of another shape than `a`
 * @example
 * const { hist, binEdges } = nd.histogram([1, 2, 1], 2);
 * hist.toArray();     // [2, 1]
 * binEdges.toArray(); // [1, 1.5, 2]
 * nd.histogram([0.5, 1, 3], [0, 1, 2, 3]).hist.toArray(); // [1, 1, 1]
 */
export function histogram(a: Input, bins: BinsArg = 10, options?: HistogramOptions): HistogramResult {
  refuseTracing('histogram', arguments);
  checkArity('histogram', arguments, 3, 1);
  const o = checkOptions('histogram', options, HISTOGRAM_KEYS);
  const range = checkRange('histogram', o.range);
  const density = checkBoolean('histogram', 'density', o.density, false);
  return withInput(a, (x) => optionalInput(o.weights, (w) => {
    checkWeights('histogram', x, w);
    const b = binEdges('histogram', x, bins, range, w !== null);
    if (b.uniform !== null && !Number.isFinite(b.uniform.last - b.uniform.first)) {
      // The span overflows (one bin: more fail the edges' check). NumPy's index of a value is
      // (x - first)·(bins / Infinity): NaN, and an IndexError, when x - first overflows too.
      const { first, last } = b.uniform;
      const v = valuesOf(x);
      for (let j = 0; j < v.n; j++) {
        const y = v.data[v.start + j]!;
        if (y >= first && y <= last && y - first === Infinity) {
          throw new ArgumentError('histogram', 'range', `the range [${first}, ${last}] is too wide: its span and ${y} - ${first} overflow to Infinity (NumPy fails too)`);
        }
      }
    }
    const nb = Math.max(b.edges.length - 1, 0);
    const counts = new Float64Array(nb);
    if (b.uniform !== null) countUniform(x, w, b, counts);
    else countEdges(x, w, b.edges, counts);
    if (density) {
      const total = pairwiseSum(counts, 0, nb, 1);
      for (let i = 0; i < nb; i++) counts[i] = counts[i]! / (b.edges[i + 1]! - b.edges[i]!) / total;
    }
    const hist = fromValues(counts);
    try {
      return { hist, binEdges: fromValues(b.edges) };
    } catch (e) {
      hist.dispose();
      throw e;
    }
  }));
}

const BINCOUNT_KEYS = ['weights', 'minlength'] as const;

/**
 * Number of occurrences of each value in `x`, NumPy's `bincount`: a result of length
 * `max(max(x) + 1, minlength)` whose entry i counts the i's of `x` (or sums their weights).
 * @param x a 1-D array of non-negative integers (float64 holding integers, or bool)
 * @param options `{ weights, minlength }`: `weights` as long as `x`; `minlength` ≥ 0
 * @returns the counts or sums (float64)
 * @throws ShapeError when `x` or `weights` is not 1-D or their lengths differ (an empty `x`
 *   ignores the weights, as NumPy); DTypeError
 *   for a value that is not an integer (NumPy cannot cast it to an integer index);
 *   ArgumentError for a negative value (NumPy's ValueError) or a bad option
 * @example
 * nd.bincount([0, 1, 1, 3]).toArray(); // [1, 2, 0, 1]
 * nd.bincount([0, 1, 1], { weights: [0.5, 1, 2], minlength: 4 }).toArray(); // [0.5, 3, 0, 0]
 */
export function bincount(x: Input, options?: BincountOptions): NdArray {
  refuseTracing('bincount', arguments);
  checkArity('bincount', arguments, 2, 1);
  const o = checkOptions('bincount', options, BINCOUNT_KEYS);
  const minlength = o.minlength === undefined ? 0 : checkInteger('bincount', 'minlength', o.minlength, { min: 0 });
  return withInput(x, (a) => optionalInput(o.weights, (w) => {
    if (a.ndim !== 1) throw new ShapeError(`bincount: x must be 1-D, got shape ${formatShape(a.shape)}`, [a.shape]);
    // NumPy returns zeros(minlength) for an empty x before it looks at the weights' length
    if (w !== null && a.size !== 0 && (w.ndim !== 1 || w.size !== a.size)) {
      throw new ShapeError(`bincount: the weights and x don't have the same length: weights ${formatShape(w.shape)}, x ${formatShape(a.shape)}`, [w.shape, a.shape]);
    }
    const k = activeKernels();
    const fits = (y: NdArray | null): boolean => y === null || (y.dtype === 'float64' && y.isContiguous && y.storage.inArena);
    const onWasm = k !== null && a.size >= WASM_MIN && fits(a) && fits(w);
    const v = valuesOf(a);
    const max = onWasm ? k.bincount_scan(bytePointer(a), a.size) : bincountScan(v.data, v.start, v.n);
    if (max < -1) {
      // NumPy casts x to integers first (any fraction, NaN or ±Infinity fails), then checks the sign
      let j = -2 - max;
      for (let i = j; i < v.n; i++) {
        const y = v.data[v.start + i]!;
        if (!(Number.isFinite(y) && Math.floor(y) === y)) {
          throw new DTypeError(`bincount: x must hold integers (NumPy cannot cast float64 to int64 safely), got ${y} at index ${i}`, 'float64');
        }
      }
      j = -2 - max;
      throw new ArgumentError('bincount', 'x', `x must have no negative elements, got ${v.data[v.start + j]} at index ${j}`);
    }
    const length = Math.max(max + 1, minlength);
    const result = emptyArray([length]);
    try {
      const out = result.f64();
      out.fill(0, result.start, result.start + length);
      if (onWasm && result.storage.inArena) {
        k.bincount_add(bytePointer(a), a.size, w === null ? 0 : bytePointer(w), bytePointer(result));
        return result;
      }
      const data = valuesOf(a); // fetched again: the allocation may have moved the memory
      const wv = w === null ? null : valuesOf(w);
      bincountAdd(data.data, data.start, data.n, wv === null ? null : wv.data, wv === null ? 0 : wv.start, out, result.start);
      return result;
    } catch (e) {
      result.dispose();
      throw e;
    }
  }));
}

const DIGITIZE_KEYS = ['right'] as const;

/**
 * NumPy's `check_array_monotonic`: 1 non-decreasing (or constant, or empty), -1
 * non-increasing, 0 neither (comparisons with NaN are false, as in NumPy's C loop).
 */
function monotonicity(b: Float64Array): number {
  const n = b.length;
  if (n === 0) return 1;
  let last = b[0]!;
  let i = 1;
  while (i < n && b[i] === last) i++;
  if (i === n) return 1;
  let next = b[i]!;
  if (last < next) {
    for (i++; i < n; i++) {
      last = next;
      next = b[i]!;
      if (last > next) return 0;
    }
    return 1;
  }
  for (i++; i < n; i++) {
    last = next;
    next = b[i]!;
    if (last < next) return 0;
  }
  return -1;
}

/**
 * The index of the bin each value falls in, NumPy's `digitize`: for increasing `bins`,
 * i with `bins[i-1] <= x < bins[i]` (`right`: `bins[i-1] < x <= bins[i]`), 0 below the
 * first edge and `bins.length` above the last; for decreasing bins the mirror image. It is
 * `searchsorted(bins, x, side)` with side `'right'` (`'left'` when `right`), NaN ordered
 * last.
 * @param x a number or an array of values (any shape)
 * @param bins a 1-D array of edges, monotonically increasing or decreasing
 * @param options `{ right }` (default false)
 * @returns an index (for a number) or float64 indices of `x`'s shape
 * @throws ArgumentError for bins that are neither increasing nor decreasing, a bad option;
 *   ShapeError for bins that are not 1-D
 * @example
 * nd.digitize([0.2, 6.4, 3.0, 1.6], [0, 1, 2.5, 4, 10]).toArray(); // [1, 4, 3, 2]
 * nd.digitize(4, [0, 1, 2.5, 4, 10], { right: true }); // 3
 */
export function digitize(x: number, bins: Input, options?: DigitizeOptions): number;
export function digitize(x: NdArray | Exclude<ArrayInput, number>, bins: Input, options?: DigitizeOptions): NdArray;
export function digitize(x: Input, bins: Input, options?: DigitizeOptions): NdArray | number;
export function digitize(x: Input, bins: Input, options?: DigitizeOptions): NdArray | number {
  refuseTracing('digitize', arguments);
  checkArity('digitize', arguments, 3, 2);
  const o = checkOptions('digitize', options, DIGITIZE_KEYS);
  const right = checkBoolean('digitize', 'right', o.right, false);
  return withInput(bins, (b) => {
    if (b.ndim !== 1) throw new ShapeError(`digitize: bins must be one-dimensional, got shape ${formatShape(b.shape)}`, [b.shape]);
    const edges = gatherFloat64(b);
    const mono = monotonicity(edges);
    if (mono === 0) throw new ArgumentError('digitize', 'bins', `bins must be monotonically increasing or decreasing, got ${describe(b)}`);
    const side = !right; // NumPy: side 'left' when right, else 'right'
    if (typeof x === 'number') {
      const out = new Float64Array(1);
      searchBins(Float64Array.of(x), 0, 1, edges, edges.length, side, mono === -1, out, 0);
      return out[0]!;
    }
    return withInput(x, (a) => {
      const result = emptyArray([...a.shape]);
      if (a.size === 0) return result;
      if (!wasmDigitize(a, edges, side, mono === -1, result)) {
        const v = valuesOf(a); // after the scratch block (which may grow the memory)
        searchBins(v.data, v.start, v.n, edges, edges.length, side, mono === -1, result.f64(), result.start);
      }
      return result;
    });
  });
}

/** digitize on WASM for contiguous float64 data in the arena; false: not taken. */
function wasmDigitize(a: NdArray, edges: Float64Array, right: boolean, reversed: boolean, result: NdArray): boolean {
  const k = activeKernels();
  if (k === null || a.size < WASM_MIN || a.dtype !== 'float64' || !a.isContiguous || !a.storage.inArena || !result.storage.inArena) return false;
  if (edges.length <= 64 && edges.some((e) => e !== e)) return false; // the counting form needs NaN-free edges
  const scratch = scratchBlock(0, edges.length * 8);
  if (scratch < 0) return false;
  arenaF64().set(edges, scratch / 8);
  k.digitize(bytePointer(a), a.size, scratch, edges.length, right ? 1 : 0, reversed ? 1 : 0, bytePointer(result));
  return true;
}

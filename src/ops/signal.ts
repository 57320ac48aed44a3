/**
 * One-dimensional signal functions, NumPy's `convolve`, `correlate`, `interp` and
 * `trapezoid`.
 *
 * Correlation is direct (no FFT): every output is one dot product summed from 0 with the
 * kernel index ascending, one multiply and one add a term. The full-overlap part runs on the
 * WASM kernel of wasm/assembly/convolve.ts (SIMD across outputs, so each output's sum is the
 * same as the JS loop's), the partial overlaps at the ends (mode 'full' / 'same') in JS.
 * NumPy sums the same terms in the same order for kernels of at most 11 taps (its
 * `small_correlate`) and hands the other dot products to BLAS `ddot`, which (OpenBLAS,
 * measured) sums fewer than 16 terms in the same order too: so every output whose dot has at
 * most 15 terms is NumPy's bit for bit; longer dots are blocked in BLAS and may differ in the
 * last bits.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { ArgumentError, ShapeError, formatShape } from '../errors.ts';
import { checkArity, checkChoice, checkNumber, checkOptions, checkSingleAxis, describe } from '../args.ts';
import { settings } from '../config.ts';
import { wasmExport } from '../dispatch.ts';
import { normalizeAxis } from '../shape.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { modFloor } from '../kernels/js-math.ts';
import { copyInto } from './manipulate.ts';
import { sliceAxis } from './axis-view.ts';
import { Converted, rejectTraced, type SignalInput } from './signal-args.ts';

/** The output sizes of `nd.convolve` and `nd.correlate`, as NumPy's `mode`. */
export type ConvolveMode = 'full' | 'same' | 'valid';
const MODES: readonly ConvolveMode[] = ['full', 'same', 'valid'];

type CorrelateKernel = (a: number, v: number, nk: number, out: number, nout: number) => void;

/** Smallest number of multiply-adds for which the WASM kernel is called (below, the JS loop). */
const WASM_MIN_WORK = 64;

/** A 1-D float64 view of `x` (NumPy's `ndmin=1`: a 0-d array becomes one element). */
function asVector(func: string, param: string, x: NdArray): NdArray {
  if (x.ndim === 0) return newArray(x.storage, [1], [1], x.offset, false, true);
  if (x.ndim > 1) throw new ShapeError(`${func}: ${param} must be 1-D, got shape ${formatShape(x.shape)} (NumPy: object too deep for desired array)`, [x.shape]);
  return x;
}

/** `x` (1-D float64) as a contiguous arena array: itself when it is one, else a temporary copy. */
function contiguous(conv: Converted, x: NdArray): NdArray {
  return x.isContiguous && x.storage.inArena ? x : conv.temporary(x.copy());
}

/**
 * NumPy's `_pyarray_correlate` for contiguous float64 `a` (n1) and `v` (n2 ≤ n1): the
 * correlation `out[t] = Σ_k a[t - nLeft + k] · v[k]` over the overlapping k, for the outputs
 * `mode` keeps ('same': nLeft = ⌊n2 / 2⌋).
 */
function correlateCore(a: NdArray, v: NdArray, mode: ConvolveMode): NdArray {
  const n1 = a.size;
  const n2 = v.size;
  const nLeft = mode === 'valid' ? 0 : mode === 'same' ? Math.floor(n2 / 2) : n2 - 1;
  const nRight = mode === 'valid' ? 0 : mode === 'same' ? n2 - nLeft - 1 : n2 - 1;
  const middle = n1 - n2 + 1;
  const out = emptyArray([nLeft + middle + nRight]);
  const kernel = wasmExport<CorrelateKernel>('correlate_valid_f64');
  const wasm = settings.wasm && kernel !== null && out.storage.inArena && a.storage.inArena && v.storage.inArena && middle * n2 >= WASM_MIN_WORK;
  if (wasm) kernel(a.start * 8, v.start * 8, n2, (out.start + nLeft) * 8, middle);
  const A = a.f64();
  const V = v.f64();
  const O = out.f64();
  const ai = a.start;
  const vi = v.start;
  let oi = out.start;
  // left end: output t overlaps v[nLeft - t ..] with a[0 ..]
  for (let t = 0; t < nLeft; t++, oi++) {
    const first = nLeft - t;
    let s = 0;
    for (let k = first; k < n2; k++) s += A[ai + k - first]! * V[vi + k]!;
    O[oi] = s;
  }
  if (!wasm) {
    for (let i = 0; i < middle; i++, oi++) {
      let s = 0;
      for (let k = 0, p = ai + i; k < n2; k++, p++) s += A[p]! * V[vi + k]!;
      O[oi] = s;
    }
  } else {
    oi += middle;
  }
  // right end: output r overlaps a[middle + r ..] with v[0 .. n2 - 2 - r]
  for (let r = 0; r < nRight; r++, oi++) {
    let s = 0;
    for (let k = 0, p = ai + middle + r; k < n2 - 1 - r; k++, p++) s += A[p]! * V[vi + k]!;
    O[oi] = s;
  }
  return out;
}

/** A reversed copy of 1-D `x`; `x` is disposed. */
function reversed(x: NdArray): NdArray {
  const out = emptyArray(x.shape);
  try {
    copyInto(x.flip(), out);
  } catch (e) {
    out.dispose();
    throw e;
  } finally {
    x.dispose();
  }
  return out;
}

function checkMode(func: string, mode: unknown, fallback: ConvolveMode): ConvolveMode {
  return mode === undefined ? fallback : checkChoice(func, 'mode', mode, MODES);
}

/**
 * Discrete linear convolution of two 1-D sequences, NumPy's `np.convolve(a, v, mode)`:
 * `out[n] = Σ_m a[m] · v[n - m]`. The longer input is taken as `a` (NumPy swaps them), then
 * mode 'full' (default) gives every point of overlap (length n + m - 1), 'same' the length
 * of the longer input centred as NumPy ('full' from index ⌊m / 2⌋ … with m the shorter
 * length), 'valid' only full overlaps (length n - m + 1). Direct summation with a WASM SIMD
 * kernel; see the module notes on rounding against NumPy's BLAS-summed long kernels.
 * @param a first sequence (0-d counts as one element)
 * @param v second sequence
 * @param mode 'full' (default), 'same' or 'valid'
 * @returns a new 1-D array
 * @throws ShapeError for an empty or multi-dimensional input; ArgumentError for an unknown mode
 * @example
 * nd.convolve([1, 2, 3], [0, 1, 0.5]).toArray();         // [0, 1, 2.5, 4, 1.5]
 * nd.convolve([1, 2, 3], [0, 1, 0.5], 'same').toArray(); // [1, 2.5, 4]
 */
export function convolve(a: SignalInput, v: SignalInput, mode?: ConvolveMode): NdArray {
  rejectTraced('convolve', arguments);
  checkArity('convolve', arguments, 3, 2);
  const m = checkMode('convolve', mode, 'full');
  const conv = new Converted();
  try {
    let x = asVector('convolve', 'a', conv.float(a));
    let k = asVector('convolve', 'v', conv.float(v));
    if (x.size === 0) throw new ShapeError('convolve: a cannot be empty', [x.shape]);
    if (k.size === 0) throw new ShapeError('convolve: v cannot be empty', [k.shape]);
    if (k.size > x.size) [x, k] = [k, x];
    return correlateCore(contiguous(conv, x), conv.temporary(k.flip().copy()), m);
  } finally {
    conv.release();
  }
}

/**
 * Cross-correlation of two 1-D sequences, NumPy's `np.correlate(a, v, mode)`: `out[k] =
 * Σ_n a[n + k] · v[n]` (no conjugation: float64). Mode 'valid' (default), 'same' or 'full'
 * as `nd.convolve`. When `v` is longer than `a`, NumPy correlates `v` with `a` and
 * reverses the result; so does this.
 * @param a first sequence (0-d counts as one element)
 * @param v second sequence
 * @param mode 'valid' (default), 'same' or 'full'
 * @returns a new 1-D array
 * @throws ShapeError for an empty or multi-dimensional input; ArgumentError for an unknown mode
 * @example
 * nd.correlate([1, 2, 3], [0, 1, 0.5]).toArray();         // [3.5]
 * nd.correlate([1, 2, 3], [0, 1, 0.5], 'full').toArray(); // [0.5, 2, 3.5, 3, 0]
 */
export function correlate(a: SignalInput, v: SignalInput, mode?: ConvolveMode): NdArray {
  rejectTraced('correlate', arguments);
  checkArity('correlate', arguments, 3, 2);
  const m = checkMode('correlate', mode, 'valid');
  const conv = new Converted();
  try {
    const x = asVector('correlate', 'a', conv.float(a));
    const k = asVector('correlate', 'v', conv.float(v));
    if (x.size === 0) throw new ShapeError('correlate: first array argument cannot be empty', [x.shape]);
    if (k.size === 0) throw new ShapeError('correlate: second array argument cannot be empty', [k.shape]);
    if (x.size < k.size) return reversed(correlateCore(contiguous(conv, k), contiguous(conv, x), m));
    return correlateCore(contiguous(conv, x), contiguous(conv, k), m);
  } finally {
    conv.release();
  }
}

// ---- interp -----------------------------------------------------------------------------

/** NumPy's `binary_search_with_guess` (compiled_base.c): j with xp[j] ≤ key < xp[j + 1]. */
const LIKELY_IN_CACHE_SIZE = 8;
function searchWithGuess(key: number, arr: Float64Array, len: number, guess: number): number {
  let imin = 0;
  let imax = len;
  if (key > arr[len - 1]!) return len;
  if (key < arr[0]!) return -1;
  if (len <= 4) {
    let i = 1;
    for (; i < len && key >= arr[i]!; ++i);
    return i - 1;
  }
  if (guess > len - 3) guess = len - 3;
  if (guess < 1) guess = 1;
  if (key < arr[guess]!) {
    if (key < arr[guess - 1]!) {
      imax = guess - 1;
      if (guess > LIKELY_IN_CACHE_SIZE && key >= arr[guess - LIKELY_IN_CACHE_SIZE]!) imin = guess - LIKELY_IN_CACHE_SIZE;
    } else {
      return guess - 1;
    }
  } else if (key < arr[guess + 1]!) {
    return guess;
  } else if (key < arr[guess + 2]!) {
    return guess + 1;
  } else {
    imin = guess + 2;
    if (guess < len - LIKELY_IN_CACHE_SIZE - 1 && key < arr[guess + LIKELY_IN_CACHE_SIZE]!) imax = guess + LIKELY_IN_CACHE_SIZE;
  }
  while (imin < imax) {
    const imid = imin + ((imax - imin) >> 1);
    if (key >= arr[imid]!) imin = imid + 1;
    else imax = imid;
  }
  return imin - 1;
}

/**
 * For non-decreasing `arr` (len ≥ 2) the same j as {@link searchWithGuess}, which for sorted
 * data is unique (the last index with arr[j] ≤ key; -1 below arr[0], len above arr[len-1]),
 * found by a branchless bisection: random keys make the guessed search's branches
 * mispredict (measured 2× NumPy's time on 1M random x; this form about NumPy's).
 */
function searchSorted(key: number, arr: Float64Array, len: number): number {
  if (key > arr[len - 1]!) return len;
  if (key < arr[0]!) return -1;
  let base = 0;
  let n = len;
  while (n > 1) {
    const half = n >>> 1;
    base += half * +(arr[base + half]! <= key);
    n -= half;
  }
  return base;
}

/** True when `arr` never decreases (NaN-free and sorted). */
function isSorted(arr: Float64Array): boolean {
  for (let i = 1; i < arr.length; i++) if (!(arr[i - 1]! <= arr[i]!)) return false;
  return true;
}

/** NumPy's `arr_interp` loop over `x` (C order) into `res`. */
function interpLoop(x: Float64Array, xi: number, lenx: number, dx: Float64Array, dy: Float64Array, lval: number, rval: number, res: Float64Array, ri: number): void {
  const lenxp = dx.length;
  const sorted = isSorted(dx);
  if (lenxp === 1) {
    const xv = dx[0]!;
    const fv = dy[0]!;
    for (let i = 0; i < lenx; i++) {
      const v = x[xi + i]!;
      res[ri + i] = v < xv ? lval : v > xv ? rval : fv;
    }
    return;
  }
  // slopes precomputed when there are fewer than points to evaluate (NumPy's rule; the same
  // formula, so the same bits): no division per element
  const slopes = lenxp <= lenx ? new Float64Array(lenxp - 1) : null;
  if (slopes !== null) for (let k = 0; k < lenxp - 1; k++) slopes[k] = (dy[k + 1]! - dy[k]!) / (dx[k + 1]! - dx[k]!);
  let j = 0;
  for (let i = 0; i < lenx; i++) {
    const v = x[xi + i]!;
    if (v !== v) {
      res[ri + i] = v;
      continue;
    }
    if (!sorted) j = searchWithGuess(v, dx, lenxp, j);
    else if (!(j >= 0 && j < lenxp - 1 && dx[j]! <= v && v < dx[j + 1]!)) {
      // x rising slowly (a grid, sorted data) stays in or next to the last interval
      j = j + 1 < lenxp - 1 && j >= 0 && dx[j + 1]! <= v && v < dx[j + 2]! ? j + 1 : searchSorted(v, dx, lenxp);
    }
    let r: number;
    if (j === -1) r = lval;
    else if (j === lenxp) r = rval;
    else if (j === lenxp - 1) r = dy[j]!;
    else if (dx[j] === v) r = dy[j]!; // avoid a non-finite interpolation
    else {
      const slope = slopes !== null ? slopes[j]! : (dy[j + 1]! - dy[j]!) / (dx[j + 1]! - dx[j]!);
      r = slope * (v - dx[j]!) + dy[j]!;
      if (r !== r) {
        // NaN one way: try from the other end
        r = slope * (v - dx[j + 1]!) + dy[j + 1]!;
        if (r !== r && dy[j] === dy[j + 1]) r = dy[j]!;
      }
    }
    res[ri + i] = r;
  }
}

/** Options of `nd.interp`. */
export interface InterpOptions {
  /** Value for x < xp[0] (default fp[0]); null means the default. */
  left?: number | null;
  /** Value for x > xp[-1] (default fp[-1]); null means the default. */
  right?: number | null;
  /** Period of the x-coordinates: xp is taken modulo it and sorted, left/right are ignored. */
  period?: number | null;
}

/**
 * One-dimensional piecewise-linear interpolation, NumPy's `np.interp(x, xp, fp, left, right,
 * period)`, with its formula bit for bit: between xp[j] and xp[j+1] the value is
 * `slope · (x - xp[j]) + fp[j]`, slope `(fp[j+1] - fp[j]) / (xp[j+1] - xp[j])`; if that is
 * NaN (an infinite slope or fp) it tries `slope · (x - xp[j+1]) + fp[j+1]`, then fp[j] when
 * fp[j] = fp[j+1]; at x = xp[j] exactly it gives fp[j]. NaN in x gives NaN. `xp` must be
 * increasing — not checked (neither does NumPy; the result is then meaningless, but equal to
 * NumPy's since the same guessed binary search is used). With `period`, x and xp are reduced
 * modulo |period|, xp sorted (a stable sort: where points coincide modulo the period,
 * NumPy's unstable argsort may order them differently, and x there may pick another of
 * their fp values) and extended by one point each side, and `left`/`right` are ignored.
 * @param x the x-coordinates to evaluate at (any shape, or a number)
 * @param xp the data points' x-coordinates, 1-D and increasing
 * @param fp the data points' y-coordinates, 1-D, as long as xp
 * @param options `{ left, right, period }`
 * @returns a number for a number `x`, else a new array of x's shape
 * @throws ShapeError for xp/fp not 1-D, of different lengths, or empty; ArgumentError for a
 *   period of 0 or an option that is not a number
 * @example
 * nd.interp(2.5, [1, 2, 3], [3, 2, 0]);                  // 1
 * nd.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0]).toArray(); // [3, 2.5, 0]
 * nd.interp([0, 1.5, 5], [1, 2, 3], [3, 2, 0], { left: -1, right: 99 }).toArray(); // [-1, 2.5, 99]
 */
export function interp(x: number, xp: SignalInput, fp: SignalInput, options?: InterpOptions): number;
export function interp(x: SignalInput, xp: SignalInput, fp: SignalInput, options?: InterpOptions): NdArray;
export function interp(x: SignalInput, xp: SignalInput, fp: SignalInput, options?: InterpOptions): NdArray | number {
  rejectTraced('interp', arguments);
  checkArity('interp', arguments, 4, 3);
  const opts = checkOptions('interp', options, ['left', 'right', 'period']);
  const numberOrNull = (p: 'left' | 'right' | 'period'): number | null =>
    opts[p] === undefined || opts[p] === null ? null : checkNumber('interp', p, opts[p]);
  let left = numberOrNull('left');
  let right = numberOrNull('right');
  const period = numberOrNull('period');
  if (period === 0) throw new ArgumentError('interp', 'period', 'period must be a non-zero value');
  const conv = new Converted();
  try {
    const xa = conv.float(x);
    const xpa = conv.float(xp);
    const fpa = conv.float(fp);
    if (xpa.ndim !== 1 || fpa.ndim !== 1) {
      throw new ShapeError(`interp: xp and fp must be 1-D sequences, got shapes ${formatShape(xpa.shape)} and ${formatShape(fpa.shape)}`, [xpa.shape, fpa.shape]);
    }
    if (xpa.size !== fpa.size) throw new ShapeError(`interp: fp and xp are not of the same length (${fpa.size} and ${xpa.size})`, [fpa.shape, xpa.shape]);
    if (xpa.size === 0) throw new ShapeError('interp: array of sample points is empty', [xpa.shape]);
    // x read in place when contiguous (a 1M copy cost as much as the interpolation of a grid)
    let xs: Float64Array | null = xa.isContiguous ? null : gatherFloat64(xa);
    let dx = gatherFloat64(xpa);
    let dy = gatherFloat64(fpa);
    if (period !== null) {
      const p = Math.abs(period);
      left = null;
      right = null;
      xs = (xs ?? gatherFloat64(xa)).map((v) => modFloor(v, p));
      const reduced = dx.map((v) => modFloor(v, p));
      const order = Array.from(reduced.keys()).sort((i, k) => (reduced[i]! < reduced[k]! ? -1 : reduced[i]! > reduced[k]! ? 1 : i - k));
      const n = order.length;
      const sx = new Float64Array(n + 2);
      const sy = new Float64Array(n + 2);
      for (let i = 0; i < n; i++) {
        sx[i + 1] = reduced[order[i]!]!;
        sy[i + 1] = dy[order[i]!]!;
      }
      sx[0] = sx[n]! - p;
      sy[0] = sy[n]!;
      sx[n + 1] = sx[1]! + p;
      sy[n + 1] = sy[1]!;
      dx = sx;
      dy = sy;
    }
    const lval = left ?? dy[0]!;
    const rval = right ?? dy[dy.length - 1]!;
    const out = emptyArray(xa.shape);
    if (xs === null && interpWasm(xa, dx, dy, lval, rval, out)) return numberOrArray(out, typeof x === 'number');
    if (xs === null) interpLoop(xa.f64(), xa.start, xa.size, dx, dy, lval, rval, out.f64(), out.start);
    else interpLoop(xs, 0, xs.length, dx, dy, lval, rval, out.f64(), out.start);
    return numberOrArray(out, typeof x === 'number');
  } finally {
    conv.release();
  }
}

/** `out`, or its one element (freeing it) when the caller passed a number. */
function numberOrArray(out: NdArray, scalar: boolean): NdArray | number {
  if (!scalar) return out;
  const r = out.f64()[out.start]!;
  out.dispose();
  return r;
}

type InterpKernel = (x: number, n: number, tables: number, m: number, lval: number, rval: number, out: number) => void;

/**
 * The WASM form of {@link interpLoop} for sorted xp of at least two points and at most as
 * many as x (NumPy's precomputed-slopes case): xp, fp and the slopes copied into one arena
 * block. Returns false, having written nothing, when it does not apply. The JS loop took 4×
 * NumPy's time on 1M points of a grid (bench-signal); the kernel is about NumPy's.
 */
function interpWasm(xa: NdArray, dx: Float64Array, dy: Float64Array, lval: number, rval: number, out: NdArray): boolean {
  const m = dx.length;
  if (!settings.wasm || m < 2 || m > xa.size || !xa.isContiguous || !xa.storage.inArena || !out.storage.inArena) return false;
  const kernel = wasmExport<InterpKernel>('interp_sorted_f64');
  if (kernel === null || !isSorted(dx)) return false;
  const tables = emptyArray([3 * m - 1]);
  try {
    if (!tables.storage.inArena) return false;
    const T = tables.f64();
    const t = tables.start;
    T.set(dx, t);
    T.set(dy, t + m);
    for (let k = 0; k < m - 1; k++) T[t + 2 * m + k] = (dy[k + 1]! - dy[k]!) / (dx[k + 1]! - dx[k]!);
    kernel(xa.start * 8, xa.size, t * 8, m, lval, rval, out.start * 8);
    return true;
  } finally {
    tables.dispose();
  }
}

// ---- trapezoid --------------------------------------------------------------------------

/** Options of `nd.trapezoid`. */
export interface TrapezoidOptions {
  /** Spacing of the samples when `x` is not given (default 1). */
  dx?: number;
  /** Axis to integrate along (default -1). */
  axis?: number;
}

function isOptionsObject(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || isNdArray(x) || ArrayBuffer.isView(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && !Object.prototype.hasOwnProperty.call(x, 'data');
}

/**
 * Integrates along an axis with the composite trapezoidal rule, NumPy's `np.trapezoid(y,
 * x=None, dx=1.0, axis=-1)`: `sum(d * (y[1:] + y[:-1]) / 2, axis)` with `d` the spacing
 * (`diff(x)` or `dx`), evaluated in NumPy's order (a product, a division by 2, then ndvec's
 * pairwise sum). `x` may be 1-D (as long as y's axis) or broadcast against y. The options
 * may come second when there is no `x`: `nd.trapezoid(y, { dx: 0.1 })`.
 * @param y the values (bool counts as 0/1)
 * @param x the sample points, or null/omitted to use `dx`
 * @param options `{ dx, axis }`
 * @returns a number for 1-D `y`, else an array with the axis removed
 * @throws AxisError for an axis out of range (a 0-d y has none); BroadcastError when x does
 *   not fit y; ArgumentError for `dx` together with `x`, or a bad option
 * @example
 * nd.trapezoid([1, 2, 3]);                   // 4
 * nd.trapezoid([1, 2, 3], [4, 6, 8]);        // 8
 * nd.trapezoid([1, 2, 3], { dx: 0.5 });      // 2
 * nd.trapezoid([[0, 1, 2], [3, 4, 5]], null, { axis: 0 }).toArray(); // [1.5, 2.5, 3.5]
 */
export function trapezoid(y: SignalInput, x?: SignalInput | null | TrapezoidOptions, options?: TrapezoidOptions): number | NdArray {
  rejectTraced('trapezoid', arguments);
  checkArity('trapezoid', arguments, 3, 1);
  if (arguments.length === 2 && isOptionsObject(x)) {
    options = x as TrapezoidOptions;
    x = null;
  }
  const opts = checkOptions('trapezoid', options, ['dx', 'axis']);
  const dx = opts.dx === undefined ? 1 : checkNumber('trapezoid', 'dx', opts.dx);
  const axisArg = opts.axis === undefined ? -1 : (checkSingleAxis('trapezoid', opts.axis, false) as number);
  if (x !== undefined && x !== null && opts.dx !== undefined) {
    throw new ArgumentError('trapezoid', 'dx', `dx applies only when x is not given, got x ${describe(x)} and dx ${describe(opts.dx)}`);
  }
  const conv = new Converted();
  try {
    // a bool y stays bool until its neighbours are added: NumPy's y[1:] + y[:-1] is a logical or there
    const ya = conv.array(y);
    const axis = normalizeAxis(axisArg, ya.ndim);
    const n = ya.shape[axis]!;
    let d: NdArray | number = dx;
    if (x !== undefined && x !== null) {
      const xa = conv.float(x as SignalInput);
      if (xa.ndim === 1) {
        const dd = conv.temporary(xa.diff());
        const shape = ya.shape.map((_, k) => (k === axis ? dd.size : 1));
        d = newArray(dd.storage, shape, shape.map((_, k) => (k === axis ? dd.strides[0]! : 0)), dd.offset, false, true);
      } else {
        d = conv.temporary(xa.diff(1, axisArg));
      }
    }
    const upper = sliceAxis(ya, axis, Math.min(1, n), n);
    const lower = sliceAxis(ya, axis, 0, Math.max(n - 1, 0));
    // NumPy's d * (y[1:] + y[:-1]) / 2, in place where the shape allows (no fresh 8 MB
    // temporaries: measured 5× NumPy's time on 1M with three allocations, see bench-signal)
    const sum = conv.temporary(upper.add(lower));
    const s = sum.dtype === 'bool' ? conv.temporary(sum.astype('float64')) : sum;
    let t = s;
    if (typeof d === 'number') s.mul(d, { out: s });
    else if (d.ndim <= s.ndim && d.shape.every((n, k) => n === 1 || n === s.shape[k + s.ndim - d.ndim])) d.mul(s, { out: s });
    else t = conv.temporary(d.mul(s));
    // x / 2 and x * 0.5 are the same real number, so the same double (division by a power of
    // two is exact up to the one rounding both share); the product is 5× faster in WASM
    t.mul(0.5, { out: t });
    const r = t.sum(axis);
    if (r.ndim === 0) {
      const v = r.get() as number;
      r.dispose();
      return v;
    }
    return r;
  } finally {
    conv.release();
  }
}

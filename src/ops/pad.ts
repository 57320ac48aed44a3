/**
 * Padding arrays, NumPy's `pad` with the modes 'constant', 'edge', 'reflect', 'symmetric',
 * 'wrap', 'linear_ramp', 'maximum', 'minimum', 'mean', 'median' and 'empty'. As NumPy: the
 * result is allocated, the input copied into its middle, then each axis in turn is padded
 * over the region already padded on the axes before it (so corners take the later axes'
 * values, and the statistics of later axes read the earlier axes' pads); reflections and
 * wraps wider than the axis are done in repeated passes, each copying at most one period
 * (NumPy's `_set_reflect_both` / `_set_wrap_both`, same chunks, same order). The statistics
 * are ndvec's own reductions (`mean` sums pairwise in NumPy's order, `median` selects), so
 * they give NumPy's bits; linear ramps follow `np.linspace(endpoint=False)`'s arithmetic,
 * including its switch to `(i / width) · delta` on a whole side when any lane's step is 0.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { ArgumentError, BroadcastError, ShapeError, formatShape } from '../errors.ts';
import { checkArity, checkChoice, checkOptions, describe } from '../args.ts';
import { fill } from '../create.ts';
import { copyInto } from './manipulate.ts';
import { repeatedAxis, reversedAxis, sliceAxis } from './axis-view.ts';
import { reduce } from './reduce.ts';
import { median } from './statistics.ts';
import { loopsAround, walkAxes } from '../kernels/js-strided.ts';
import { Converted, rejectTraced, type SignalInput } from './signal-args.ts';

/** The padding modes of `nd.pad`. */
export type PadMode =
  | 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap'
  | 'linear_ramp' | 'maximum' | 'minimum' | 'mean' | 'median' | 'empty';

const MODES: readonly PadMode[] = [
  'constant', 'edge', 'reflect', 'symmetric', 'wrap', 'linear_ramp', 'maximum', 'minimum', 'mean', 'median', 'empty',
];

/** The modes that pad with a statistic of the values near each edge. */
type StatMode = 'maximum' | 'minimum' | 'mean' | 'median';
const STAT_MODES: readonly PadMode[] = ['maximum', 'minimum', 'mean', 'median'];

/** Which option each mode takes (NumPy's `allowed_kwargs`). */
const MODE_OPTIONS: Record<PadMode, readonly string[]> = {
  constant: ['constantValues'], edge: [], wrap: [], empty: [],
  reflect: ['reflectType'], symmetric: ['reflectType'],
  linear_ramp: ['endValues'],
  maximum: ['statLength'], minimum: ['statLength'], mean: ['statLength'], median: ['statLength'],
};
const OPTION_KEYS = ['mode', 'constantValues', 'reflectType', 'endValues', 'statLength'] as const;

/**
 * Pad widths (NumPy's `pad_width`): one number for every side of every axis, `[before,
 * after]` for every axis, or one `[before, after]` (or `[both]`) per axis.
 */
export type PadWidths = number | readonly number[] | readonly (readonly number[])[];

/** Options of `nd.pad`. */
export interface PadOptions {
  /** How to fill the pad area (default 'constant'). */
  mode?: PadMode;
  /**
   * For 'constant': the value(s), broadcast like the widths (a number, `[before, after]`,
   * or per-axis pairs). Default 0.
   */
  constantValues?: number | readonly number[] | readonly (readonly number[])[];
  /**
   * For 'reflect' and 'symmetric' (NumPy's `reflect_type`): 'even' (default) mirrors the
   * values; 'odd' mirrors them through the edge value (2·edge − value), extending a trend.
   */
  reflectType?: 'even' | 'odd';
  /**
   * For 'linear_ramp' (NumPy's `end_values`): the value(s) the ramps end at, at the outer
   * edges of the result, broadcast like the widths. Default 0.
   */
  endValues?: number | readonly number[] | readonly (readonly number[])[];
  /**
   * For 'maximum', 'minimum', 'mean' and 'median' (NumPy's `stat_length`): how many values at
   * each edge the statistic reads, broadcast like the widths; `null` (default) reads the whole
   * axis. Fractions are rounded half to even, as NumPy's `np.round`; a length beyond the axis
   * reads the whole axis. 0 gives NaN for 'mean'/'median' and is an error for
   * 'maximum'/'minimum', as NumPy.
   */
  statLength?: number | readonly number[] | readonly (readonly number[])[] | null;
}

/** A nested number argument as [shape, flat values]; null when it is not 0-, 1- or 2-D numbers. */
function flatNumbers(x: unknown): [number[], number[]] | null {
  if (typeof x === 'number') return [[], [x]];
  if (!Array.isArray(x)) return null;
  if (x.every((v) => typeof v === 'number')) return [[x.length], [...(x as number[])]];
  if (!x.every((v) => Array.isArray(v))) return null;
  const inner = (x[0] as unknown[] | undefined)?.length ?? 0;
  const values: number[] = [];
  for (const row of x as unknown[][]) {
    if (row.length !== inner || !row.every((v) => typeof v === 'number')) return null;
    values.push(...(row as number[]));
  }
  return [[x.length, inner], values];
}

/**
 * NumPy's `_as_pairs`: `x` (0-, 1- or 2-D) broadcast to `ndim` pairs [before, after]. A
 * single value serves every side; two values (any shape but [2, 1]) serve every axis.
 */
function asPairs(func: string, param: string, x: unknown, ndim: number, asIndex: boolean | 'round'): [number, number][] {
  const parsed = flatNumbers(x);
  if (parsed === null) {
    throw new ArgumentError(func, param, `${param} must be a number, [before, after] or one [before, after] per axis, got ${describe(x)}`);
  }
  const [shape, v] = parsed;
  if (asIndex === 'round') {
    // NumPy's `np.round(x).astype(intp)`: half to even; non-finite values are refused.
    for (let i = 0; i < v.length; i++) {
      const w = v[i]!;
      if (!Number.isFinite(w)) throw new ArgumentError(func, param, `${param} must hold finite numbers, got ${describe(w)}`);
      const r = Math.round(w);
      v[i] = r - w === 0.5 && r % 2 !== 0 ? r - 1 : r;
      if (v[i]! < 0) throw new ArgumentError(func, param, `${param} can't contain negative values, got ${w}`);
      if (v[i] === 0) v[i] = 0; // -0 → 0
    }
  } else if (asIndex) {
    for (const w of v) {
      if (!Number.isSafeInteger(w)) throw new ArgumentError(func, param, `${param} must hold integers, got ${describe(w)}`);
      if (w < 0) throw new ArgumentError(func, param, `${param} can't contain negative values, got ${w}`);
    }
  }
  const norm = (w: number): number => (asIndex && w === 0 ? 0 : w);
  if (v.length === 1) return Array.from({ length: ndim }, () => [norm(v[0]!), norm(v[0]!)]);
  if (v.length === 2 && !(shape.length === 2 && shape[0] === 2 && shape[1] === 1)) {
    return Array.from({ length: ndim }, () => [norm(v[0]!), norm(v[1]!)]);
  }
  // np.broadcast_to(x, (ndim, 2))
  const rows = shape.length === 2 ? shape[0]! : 1;
  const cols = shape.length === 2 ? shape[1]! : shape.length === 1 ? shape[0]! : 1;
  if ((rows !== ndim && rows !== 1) || (cols !== 2 && cols !== 1)) throw new BroadcastError([shape, [ndim, 2]]);
  return Array.from({ length: ndim }, (_, i) => {
    const r = rows === 1 ? 0 : i;
    return [norm(v[r * cols]!), norm(v[r * cols + (cols === 1 ? 0 : 1)]!)];
  });
}

/**
 * The view of `padded` that axis `axis` pads: every axis up to `axis` whole, the later ones
 * restricted to the original area (NumPy's `_view_roi`).
 */
function regionOfAxis(padded: NdArray, widths: readonly [number, number][], shape: readonly number[], axis: number): NdArray {
  const dims = [...padded.shape];
  let offset = padded.offset;
  for (let k = axis + 1; k < dims.length; k++) {
    dims[k] = shape[k]!;
    offset += widths[k]![0] * padded.strides[k]!;
  }
  return newArray(padded.storage, dims, padded.strides, offset);
}

/** `dest = 2 · edge − dest`, edge broadcast along `axis` (NumPy's 'odd' reflection of a chunk). */
function reflectOdd(roi: NdArray, axis: number, edgeIndex: number, dest: NdArray): void {
  const twice = sliceAxis(roi, axis, edgeIndex, edgeIndex + 1).mul(2);
  try {
    twice.sub(dest, { out: dest });
  } finally {
    twice.dispose();
  }
}

/** One pass of NumPy's `_set_reflect_both`; returns the widths left. */
function reflectPass(roi: NdArray, axis: number, left: number, right: number, period: number, includeEdge: boolean, odd: boolean): [number, number] {
  const n = roi.shape[axis]!;
  let oldLength = n - right - left;
  let edgeOffset: number;
  if (includeEdge) {
    oldLength = Math.floor(oldLength / period) * period;
    edgeOffset = 1;
  } else {
    oldLength = Math.floor((oldLength - 1) / (period - 1)) * (period - 1) + 1;
    edgeOffset = 0;
    oldLength -= 1;
  }
  if (left > 0) {
    const chunk = Math.min(oldLength, left);
    // padded[left - chunk : left] = padded[left - edgeOffset + chunk : left - edgeOffset : -1]
    const dest = sliceAxis(roi, axis, left - chunk, left);
    copyInto(reversedAxis(roi, axis, left - edgeOffset + chunk, chunk), dest);
    if (odd) reflectOdd(roi, axis, left, dest);
    left -= chunk;
  }
  if (right > 0) {
    const chunk = Math.min(oldLength, right);
    // padded[n - right : n - right + chunk] = padded[-right + edgeOffset - 2 :: -1][:chunk]
    const dest = sliceAxis(roi, axis, n - right, n - right + chunk);
    copyInto(reversedAxis(roi, axis, n - right + edgeOffset - 2, chunk), dest);
    if (odd) reflectOdd(roi, axis, n - right - 1, dest);
    right -= chunk;
  }
  return [left, right];
}

/** One pass of NumPy's `_set_wrap_both`; returns the widths left. */
function wrapPass(roi: NdArray, axis: number, left: number, right: number, original: number): [number, number] {
  const n = roi.shape[axis]!;
  const period = Math.floor((n - right - left) / original) * original;
  let newLeft = 0;
  let newRight = 0;
  if (left > 0) {
    const end = left + period;
    const src = sliceAxis(roi, axis, end - Math.min(period, left), end);
    if (left > period) {
      copyInto(src, sliceAxis(roi, axis, left - period, left));
      newLeft = left - period;
    } else {
      copyInto(src, sliceAxis(roi, axis, 0, left));
    }
  }
  if (right > 0) {
    const start = n - right - period;
    const src = sliceAxis(roi, axis, start, start + Math.min(period, right));
    if (right > period) {
      copyInto(src, sliceAxis(roi, axis, n - right, n - right + period));
      newRight = right - period;
    } else {
      copyInto(src, sliceAxis(roi, axis, n - right, n));
    }
  }
  return [newLeft, newRight];
}

/** Fills the pad area of `axis` in `roi` with copies of the edge elements (mode 'edge'). */
function padEdge(roi: NdArray, axis: number, left: number, right: number): void {
  const n = roi.shape[axis]!;
  if (left > 0) copyInto(repeatedAxis(roi, axis, left, left), sliceAxis(roi, axis, 0, left));
  if (right > 0) copyInto(repeatedAxis(roi, axis, n - right - 1, right), sliceAxis(roi, axis, n - right, n));
}

/**
 * Visits every lane of `view` along `axis`: `visit(lane, p)` with the lane's number (C order
 * over the other axes) and its first element's index in the storage.
 */
function forEachLane(view: NdArray, axis: number, visit: (lane: number, p: number) => void): void {
  // loopsAround numbers the lanes in C order once the axis counts as length 1
  const lanes = loopsAround(view.shape.map((n, k) => (k === axis ? 1 : n)), view.strides, axis);
  walkAxes(lanes, view.start, 0, (p, lane) => visit(lane, p));
}

/**
 * One side of NumPy's `_get_linear_ramps`: `np.linspace(start, edge, width, endpoint=False)`
 * per lane, written from the outer end (`start`) towards the edge. As NumPy, when any lane's
 * step `(edge - start) / width` is 0, every lane of this side is `(i / width) · delta + start`,
 * else `i · step + start`.
 */
function linearRamp(roi: NdArray, axis: number, width: number, edgeIndex: number, start: number, right: boolean): void {
  if (width === 0) return;
  const data = roi.f64();
  const s = roi.strides[axis]!;
  const n = roi.shape[axis]!;
  const lanes = roi.size / n;
  const delta = new Float64Array(lanes);
  let anyStepZero = false;
  forEachLane(roi, axis, (lane, p) => {
    const d = data[p + edgeIndex * s]! - start;
    delta[lane] = d;
    if (d / width === 0) anyStepZero = true;
  });
  forEachLane(roi, axis, (lane, p) => {
    const d = delta[lane]!;
    const stepOf = d / width;
    for (let i = 0; i < width; i++) {
      const v = (anyStepZero ? (i / width) * d : i * stepOf) + start;
      data[p + (right ? n - 1 - i : i) * s] = v;
    }
  });
}

/**
 * NumPy's `_get_stats` and `_set_pad_area` for one axis: the statistic of the first
 * `lengths[0]` and last `lengths[1]` values of the original area (clipped to it; NumPy's
 * `stat_length`, null for all) fills the pads before and after.
 */
function padStat(roi: NdArray, axis: number, left: number, right: number, lengths: readonly [number | null, number | null], mode: StatMode): void {
  const n = roi.shape[axis]!;
  const rightIndex = n - right;
  const maxLength = rightIndex - left;
  const leftLength = lengths[0] === null || maxLength < lengths[0] ? maxLength : lengths[0];
  const rightLength = lengths[1] === null || maxLength < lengths[1] ? maxLength : lengths[1];
  const stat = (chunk: NdArray): NdArray =>
    (mode === 'median' ? median(chunk, axis, { keepdims: true }) : reduce(mode === 'maximum' ? 'max' : mode === 'minimum' ? 'min' : 'mean', chunk, axis, { keepdims: true })) as NdArray;
  const leftStat = stat(sliceAxis(roi, axis, left, left + leftLength));
  let rightStat: NdArray | null = null;
  try {
    rightStat = leftLength === maxLength && rightLength === maxLength ? leftStat : stat(sliceAxis(roi, axis, rightIndex - rightLength, rightIndex));
    if (left > 0) copyInto(repeatedAxis(leftStat, axis, 0, left), sliceAxis(roi, axis, 0, left));
    if (right > 0) copyInto(repeatedAxis(rightStat, axis, 0, right), sliceAxis(roi, axis, rightIndex, n));
  } finally {
    leftStat.dispose();
    if (rightStat !== null && rightStat !== leftStat) rightStat.dispose();
  }
}

/** Bool semantics on a float64 stand-in: every value becomes 0 or 1 (NaN → 1), as a store into a bool array. */
function asBoolValues(a: NdArray): void {
  const data = a.f64();
  for (let i = a.start, end = a.start + a.size; i < end; i++) data[i] = data[i] !== 0 ? 1 : 0;
}

/** What the modes beyond NumPy's first five read: `endValues` and `statLength` pairs per axis. */
export interface PadExtras {
  /** [before, after] end values per axis (mode 'linear_ramp'). */
  endValues?: readonly [number, number][];
  /** [before, after] statistic lengths per axis, null for the whole axis (the statistic modes). */
  statLength?: readonly [number | null, number | null][];
  /** Internal: `a` is the float64 stand-in of a bool array; pads are stored as 0/1 axis by axis. */
  asBool?: boolean;
}

/**
 * Pads `a` (already an array, arguments checked): see `nd.pad`.
 * @param a the array
 * @param widths [before, after] per axis (non-negative integers)
 * @param mode the padding mode
 * @param values [before, after] constant per axis (mode 'constant')
 * @param odd NumPy's `reflect_type='odd'` (modes 'reflect' and 'symmetric')
 * @param extras `endValues` ('linear_ramp') and `statLength` (the statistic modes) pairs per axis
 * @returns the padded array (a new array of `a`'s dtype)
 * @throws ShapeError for extending an empty axis with a mode other than 'constant' or 'empty';
 *   ArgumentError for a `statLength` of 0 with 'maximum' or 'minimum'
 * @example
 * padArray(nd.array([1, 2]), [[1, 1]], 'wrap', [[0, 0]]).toArray(); // [2, 1, 2, 1]
 */
export function padArray(a: NdArray, widths: readonly [number, number][], mode: PadMode, values: readonly [number, number][], odd = false, extras: PadExtras = {}): NdArray {
  a.assertLive();
  const shape = a.shape;
  if (mode === 'empty') mode = 'constant'; // ndvec fills the pad area with 0 (NumPy leaves it uninitialized)
  const numeric = mode === 'linear_ramp' || STAT_MODES.includes(mode);
  if (numeric && a.dtype === 'bool' && a.size > 0) {
    // Ramps and statistics are computed in float64 and stored as bool, axis by axis, as NumPy
    // stores into its bool result before the next axis reads it.
    const work = a.astype('float64');
    try {
      const padded = padArray(work, widths, mode, values, odd, { ...extras, asBool: true });
      try {
        return padded.astype('bool');
      } finally {
        padded.dispose();
      }
    } finally {
      work.dispose();
    }
  }
  const asBool = extras.asBool === true;
  if (numeric && a.size > 0 && (mode === 'maximum' || mode === 'minimum')) {
    const lengths = extras.statLength ?? [];
    for (let k = 0; k < lengths.length; k++) {
      if (lengths[k]![0] === 0 || lengths[k]![1] === 0) {
        throw new ArgumentError('pad', 'statLength', `statLength of 0 yields no value for padding (mode '${mode}', axis ${k})`);
      }
    }
  }
  const padded = emptyArray(shape.map((n, k) => widths[k]![0] + n + widths[k]![1]), a.dtype);
  try {
    let offset = 0;
    for (let k = 0; k < shape.length; k++) offset += widths[k]![0] * padded.strides[k]!;
    copyInto(a, newArray(padded.storage, shape, padded.strides, offset));
    if (mode !== 'constant' && a.size === 0) {
      for (let k = 0; k < shape.length; k++) {
        if (shape[k] === 0 && (widths[k]![0] > 0 || widths[k]![1] > 0)) {
          throw new ShapeError(`pad: can't extend empty axis ${k} using modes other than 'constant' or 'empty' (array of shape ${formatShape(shape)}, mode '${mode}')`, [shape]);
        }
      }
      return padded;
    }
    for (let axis = 0; axis < shape.length; axis++) {
      let [left, right] = widths[axis]!;
      if (left === 0 && right === 0) continue;
      const roi = regionOfAxis(padded, widths, shape, axis);
      const n = roi.shape[axis]!;
      if (mode === 'linear_ramp') {
        const [el, er] = extras.endValues?.[axis] ?? [0, 0];
        linearRamp(roi, axis, left, left, el, false);
        linearRamp(roi, axis, right, n - right - 1, er, true);
        if (asBool) asBoolValues(padded);
      } else if (numeric) {
        padStat(roi, axis, left, right, extras.statLength?.[axis] ?? [null, null], mode as StatMode);
        if (asBool) asBoolValues(padded);
      } else if (mode === 'constant') {
        const [vl, vr] = values[axis]!;
        if (left > 0) fill(sliceAxis(roi, axis, 0, left), a.dtype === 'bool' ? vl !== 0 : vl);
        if (right > 0) fill(sliceAxis(roi, axis, n - right, n), a.dtype === 'bool' ? vr !== 0 : vr);
      } else if (mode === 'edge' || ((mode === 'reflect' || mode === 'symmetric') && shape[axis] === 1)) {
        padEdge(roi, axis, left, right); // NumPy extends a length-1 axis by its edge for 'reflect' too
      } else if (mode === 'wrap') {
        while (left > 0 || right > 0) [left, right] = wrapPass(roi, axis, left, right, shape[axis]!);
      } else {
        while (left > 0 || right > 0) [left, right] = reflectPass(roi, axis, left, right, shape[axis]!, mode === 'symmetric', odd);
      }
    }
    return padded;
  } catch (e) {
    padded.dispose();
    throw e;
  }
}

/**
 * Pads an array, NumPy's `np.pad(a, pad_width, mode, constant_values=…)`.
 *
 * `widths` broadcast as NumPy's `pad_width`: `n` pads every side of every axis by n,
 * `[before, after]` every axis alike, `[[before, after], …]` one pair per axis (`[[n], …]`
 * one width per axis). Modes: `'constant'` (default; `constantValues`, default 0, broadcast
 * the same way), `'edge'` (repeat the edge element), `'reflect'` (mirror without the edge:
 * `[1, 2, 3]` → `3 2 | 1 2 3 | 2 1`), `'symmetric'` (mirror with the edge: `2 1 | 1 2 3 |
 * 3 2`), `'wrap'` (periodic); `reflectType: 'odd'` (NumPy's `reflect_type`) mirrors the
 * reflect/symmetric values through the edge (`2·edge − value`, float64 arrays only). Widths
 * larger than the axis are filled by repeated reflection or wrapping, as NumPy.
 * `'linear_ramp'` ramps from `endValues` (default 0, broadcast like the widths) at the outer
 * ends towards the edge values (`np.linspace(end, edge, width, endpoint=False)`, bit for
 * bit). `'maximum'`, `'minimum'`, `'mean'`, `'median'` fill each side with that statistic of
 * the `statLength` values nearest it (default `null`: the whole axis; broadcast like the
 * widths; fractions rounded half to even as NumPy; lengths beyond the axis clipped); a length
 * of 0 gives NaN for mean/median and is an ArgumentError for maximum/minimum (NumPy's
 * ValueError); no rounding for float64 (NumPy rounds only integer dtypes); a tie of 0 and -0
 * gives what `nd.max`/`nd.min` give (+0 / -0), where NumPy's answer depends on the order; a
 * mean over more than 128 values along a leading (non-last) axis sums in `nd.mean`'s blocked
 * pairwise order (docs/design.md), so its last bits may differ from NumPy's in-order sum.
 * On bool arrays ramps and statistics are computed in float64 and stored as `value !== 0`,
 * axis by axis, as NumPy stores into its bool result. `'empty'` fills the pad area with 0
 * (false), where NumPy leaves it uninitialized; like 'constant', it may extend empty axes.
 * The mode may be passed positionally (`nd.pad(a, 2, 'edge')`) or as `{ mode }`. Not
 * supported: callable modes, dict widths, and fractional widths (NumPy 2.4 raises TypeError
 * for them too; here they are an ArgumentError).
 * @param a the array (any dtype; the result has the same, bool constants are `value !== 0`)
 * @param widths the pad widths (non-negative integers)
 * @param mode the mode, or the options `{ mode, constantValues, reflectType, endValues, statLength }`
 * @param options `{ constantValues, reflectType, endValues, statLength }` when the mode is given positionally
 * @returns a new, padded array
 * @throws ArgumentError for negative or fractional widths, an unknown mode or option, or an
 *   option another mode takes (`constantValues` only with 'constant', `reflectType` with
 *   'reflect'/'symmetric', `endValues` with 'linear_ramp', `statLength` with the statistic
 *   modes: NumPy's "unsupported keyword arguments"), `reflectType: 'odd'` on a bool array, a
 *   negative or non-finite `statLength`, or one of 0 with 'maximum'/'minimum';
 *   BroadcastError for widths or values that do not broadcast to one pair per axis;
 *   ShapeError for extending an empty axis with a mode other than 'constant' or 'empty'
 *   (NumPy's ValueError)
 * @example
 * nd.pad(nd.array([1, 2, 3]), 2).toArray();               // [0, 0, 1, 2, 3, 0, 0]
 * nd.pad(nd.array([1, 2, 3]), [1, 2], 'reflect').toArray(); // [2, 1, 2, 3, 2, 1]
 * nd.pad(nd.array([1, 2]), 1, { constantValues: [-1, 9] }).toArray(); // [-1, 1, 2, 9]
 * nd.pad(nd.array([1, 2, 3, 4]), 2, 'linear_ramp', { endValues: [1, 2] }).toArray(); // [1, 1, 1, 2, 3, 4, 3, 2]
 * nd.pad(nd.array([1, 2, 3, 4]), 1, 'mean', { statLength: 2 }).toArray(); // [1.5, 1, 2, 3, 4, 3.5]
 */
export function pad(a: SignalInput, widths: PadWidths, mode?: PadMode | PadOptions, options?: Omit<PadOptions, 'mode'>): NdArray {
  rejectTraced('pad', arguments);
  checkArity('pad', arguments, 4, 2);
  let opts: Partial<Record<(typeof OPTION_KEYS)[number], unknown>>;
  if (typeof mode === 'string') {
    opts = { ...checkOptions('pad', options, OPTION_KEYS.slice(1)), mode };
  } else {
    if (options !== undefined || arguments.length > 3) {
      throw new ArgumentError('pad', 'options', `takes options only after a mode string (nd.pad(a, widths, 'constant', { constantValues })), got ${describe(mode)} then ${describe(options)}`);
    }
    opts = checkOptions('pad', mode, OPTION_KEYS);
  }
  rejectTraced('pad', [opts.constantValues, opts.endValues, opts.statLength]); // stand-ins of nd.fuse as option values
  const m = opts.mode === undefined ? 'constant' : checkChoice('pad', 'mode', opts.mode, MODES);
  if (opts.constantValues !== undefined && m !== 'constant') {
    throw new ArgumentError('pad', 'constantValues', `constantValues applies to mode 'constant' only, got mode '${m}'`);
  }
  const reflectType = opts.reflectType === undefined ? 'even' : checkChoice('pad', 'reflectType', opts.reflectType, ['even', 'odd'] as const);
  if (opts.reflectType !== undefined && m !== 'reflect' && m !== 'symmetric') {
    throw new ArgumentError('pad', 'reflectType', `reflectType applies to modes 'reflect' and 'symmetric' only, got mode '${m}'`);
  }
  for (const key of ['endValues', 'statLength'] as const) {
    if (opts[key] !== undefined && !MODE_OPTIONS[m].includes(key)) {
      const modes = (Object.keys(MODE_OPTIONS) as PadMode[]).filter((k) => MODE_OPTIONS[k].includes(key));
      throw new ArgumentError('pad', key, `${key} applies to mode${modes.length > 1 ? 's' : ''} ${modes.map((k) => `'${k}'`).join(', ')} only, got mode '${m}'`);
    }
  }
  const conv = new Converted();
  try {
    const x = conv.array(a);
    const w = asPairs('pad', 'widths', isNdArray(widths) ? (widths as unknown as NdArray).toArray() : widths, x.ndim, true);
    const cv = opts.constantValues === undefined ? 0 : opts.constantValues;
    const v = asPairs('pad', 'constantValues', isNdArray(cv) ? (cv as unknown as NdArray).toArray() : cv, x.ndim, false);
    if (reflectType === 'odd' && x.dtype === 'bool') {
      throw new ArgumentError('pad', 'reflectType', "reflectType 'odd' computes 2·edge − value: it needs a float64 array, got bool");
    }
    const extras: PadExtras = {};
    if (m === 'linear_ramp') {
      const ev = opts.endValues === undefined ? 0 : opts.endValues;
      extras.endValues = asPairs('pad', 'endValues', isNdArray(ev) ? (ev as unknown as NdArray).toArray() : ev, x.ndim, false);
    }
    if (STAT_MODES.includes(m) && opts.statLength !== undefined && opts.statLength !== null) {
      const sl = opts.statLength;
      extras.statLength = asPairs('pad', 'statLength', isNdArray(sl) ? (sl as unknown as NdArray).toArray() : sl, x.ndim, 'round');
    }
    return padArray(x, w, m, v, reflectType === 'odd', extras);
  } finally {
    conv.release();
  }
}

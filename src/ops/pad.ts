/**
 * Padding arrays, NumPy's `pad` with the modes 'constant', 'edge', 'reflect', 'symmetric'
 * and 'wrap'. As NumPy: the result is allocated, the input copied into its middle, then each
 * axis in turn is padded over the region already padded on the axes before it (so corners
 * take the later axes' values); reflections and wraps wider than the axis are done in
 * repeated passes, each copying at most one period (NumPy's `_set_reflect_both` /
 * `_set_wrap_both`, same chunks, same order).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { ArgumentError, BroadcastError, ShapeError, formatShape } from '../errors.ts';
import { checkArity, checkChoice, checkOptions, describe } from '../args.ts';
import { fill } from '../create.ts';
import { copyInto } from './manipulate.ts';
import { repeatedAxis, reversedAxis, sliceAxis } from './axis-view.ts';
import { Converted, rejectTraced, type SignalInput } from './signal-args.ts';

/** The padding modes of `nd.pad`. */
export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';

const MODES: readonly PadMode[] = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'];

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
function asPairs(func: string, param: string, x: unknown, ndim: number, asIndex: boolean): [number, number][] {
  const parsed = flatNumbers(x);
  if (parsed === null) {
    throw new ArgumentError(func, param, `${param} must be a number, [before, after] or one [before, after] per axis, got ${describe(x)}`);
  }
  const [shape, v] = parsed;
  if (asIndex) {
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
 * Pads `a` (already an array, arguments checked): see `nd.pad`.
 * @param a the array
 * @param widths [before, after] per axis (non-negative integers)
 * @param mode the padding mode
 * @param values [before, after] constant per axis (mode 'constant')
 * @param odd NumPy's `reflect_type='odd'` (modes 'reflect' and 'symmetric')
 * @returns the padded array (a new array of `a`'s dtype)
 * @throws ShapeError for extending an empty axis with a mode other than 'constant'
 * @example
 * padArray(nd.array([1, 2]), [[1, 1]], 'wrap', [[0, 0]]).toArray(); // [2, 1, 2, 1]
 */
export function padArray(a: NdArray, widths: readonly [number, number][], mode: PadMode, values: readonly [number, number][], odd = false): NdArray {
  a.assertLive();
  const shape = a.shape;
  const padded = emptyArray(shape.map((n, k) => widths[k]![0] + n + widths[k]![1]), a.dtype);
  try {
    let offset = 0;
    for (let k = 0; k < shape.length; k++) offset += widths[k]![0] * padded.strides[k]!;
    copyInto(a, newArray(padded.storage, shape, padded.strides, offset));
    if (mode !== 'constant' && a.size === 0) {
      for (let k = 0; k < shape.length; k++) {
        if (shape[k] === 0 && (widths[k]![0] > 0 || widths[k]![1] > 0)) {
          throw new ShapeError(`pad: can't extend empty axis ${k} using modes other than 'constant' (array of shape ${formatShape(shape)}, mode '${mode}')`, [shape]);
        }
      }
      return padded;
    }
    for (let axis = 0; axis < shape.length; axis++) {
      let [left, right] = widths[axis]!;
      if (left === 0 && right === 0) continue;
      const roi = regionOfAxis(padded, widths, shape, axis);
      const n = roi.shape[axis]!;
      if (mode === 'constant') {
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
 * larger than the axis are filled by repeated reflection or wrapping, as NumPy. The mode may
 * be passed positionally (`nd.pad(a, 2, 'edge')`) or as `{ mode }`. Not supported: NumPy's
 * 'linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'empty', callable modes, dict
 * widths, and fractional widths (NumPy rounds them; here they are an ArgumentError).
 * @param a the array (any dtype; the result has the same, bool constants are `value !== 0`)
 * @param widths the pad widths (non-negative integers)
 * @param mode the mode, or the options `{ mode, constantValues, reflectType }`
 * @param options `{ constantValues, reflectType }` when the mode is given positionally
 * @returns a new, padded array
 * @throws ArgumentError for negative or fractional widths, an unknown mode or option, or
 *   `constantValues` with a mode other than 'constant', `reflectType` with a mode other than
 *   'reflect'/'symmetric' or on a bool array; BroadcastError for widths or values
 *   that do not broadcast to one pair per axis; ShapeError for extending an empty axis with a
 *   mode other than 'constant' (NumPy's ValueError)
 * @example
 * nd.pad(nd.array([1, 2, 3]), 2).toArray();               // [0, 0, 1, 2, 3, 0, 0]
 * nd.pad(nd.array([1, 2, 3]), [1, 2], 'reflect').toArray(); // [2, 1, 2, 3, 2, 1]
 * nd.pad(nd.array([1, 2]), 1, { constantValues: [-1, 9] }).toArray(); // [-1, 1, 2, 9]
 */
export function pad(a: SignalInput, widths: PadWidths, mode?: PadMode | PadOptions, options?: Omit<PadOptions, 'mode'>): NdArray {
  rejectTraced('pad', arguments);
  checkArity('pad', arguments, 4, 2);
  let opts: Partial<Record<'mode' | 'constantValues' | 'reflectType', unknown>>;
  if (typeof mode === 'string') {
    opts = { ...checkOptions('pad', options, ['constantValues', 'reflectType']), mode };
  } else {
    if (options !== undefined || arguments.length > 3) {
      throw new ArgumentError('pad', 'options', `takes options only after a mode string (nd.pad(a, widths, 'constant', { constantValues })), got ${describe(mode)} then ${describe(options)}`);
    }
    opts = checkOptions('pad', mode, ['mode', 'constantValues', 'reflectType']);
  }
  const m = opts.mode === undefined ? 'constant' : checkChoice('pad', 'mode', opts.mode, MODES);
  if (m !== 'constant' && opts.constantValues !== undefined) {
    throw new ArgumentError('pad', 'constantValues', `constantValues applies to mode 'constant' only, got mode '${m}'`);
  }
  const reflectType = opts.reflectType === undefined ? 'even' : checkChoice('pad', 'reflectType', opts.reflectType, ['even', 'odd'] as const);
  if (opts.reflectType !== undefined && m !== 'reflect' && m !== 'symmetric') {
    throw new ArgumentError('pad', 'reflectType', `reflectType applies to modes 'reflect' and 'symmetric' only, got mode '${m}'`);
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
    return padArray(x, w, m, v, reflectType === 'odd');
  } finally {
    conv.release();
  }
}

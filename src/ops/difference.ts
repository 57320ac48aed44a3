/**
 * Discrete differences along an axis, NumPy's `diff`: `out[i] = a[i + 1] - a[i]`, applied
 * `n` times (bool arrays: `a[i + 1] != a[i]`, as NumPy).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { NdvecError, ShapeError } from '../errors.ts';
import { contiguousStrides, normalizeAxis } from '../shape.ts';
import { loopsAround, walkAxes } from '../kernels/js-strided.ts';

/**
 * The `n`-th discrete difference along `axis`, NumPy's `diff`. The axis shrinks by `n` (to
 * 0 at least); `n = 0` gives a copy. Bool arrays give bool results (`!=` instead of `-`).
 * @param a an array of at least one dimension
 * @param n how many times to difference (a non-negative integer, default 1)
 * @param axis the axis (default -1, the last)
 * @returns a new array
 * @throws ShapeError for a 0-d array; NdvecError for a bad `n`; AxisError for a bad axis
 * @example
 * diff(nd.array([1, 4, 9, 16])).toArray();    // [3, 5, 7]
 * diff(nd.array([1, 4, 9, 16]), 2).toArray(); // [2, 2]
 */
export function diff(a: NdArray, n = 1, axis = -1): NdArray {
  a.assertLive();
  if (n === 0) return a.copy(); // NumPy returns the input as it is, before checking ndim and axis
  if (a.ndim === 0) throw new ShapeError('diff requires input that is at least one dimensional', [a.shape]);
  if (!Number.isInteger(n) || n < 0) throw new NdvecError(`diff: order must be a non-negative integer, got ${String(n)}`);
  const ax = normalizeAxis(axis, a.ndim);
  const len = a.shape[ax]!;
  const outLen = Math.max(0, len - n);
  const shape = [...a.shape];
  shape[ax] = outLen;
  const isBool = a.dtype === 'bool';
  const result = emptyArray(shape, a.dtype);
  if (result.size === 0) return result;
  const src: Float64Array | Uint8Array = isBool ? a.u8() : a.f64();
  const out: Float64Array | Uint8Array = isBool ? result.u8() : result.f64();
  // Off the axis the output has the input's sizes: step the input by its strides, the output C-order.
  const loops = loopsAround(shape, a.strides, ax);
  const s = a.strides[ax]!;
  const t = contiguousStrides(shape)[ax]!;
  const line = new Float64Array(len);
  walkAxes(loops, a.start, result.start, (p, o) => {
    for (let i = 0; i < len; i++, p += s) line[i] = src[p]!;
    for (let pass = 0; pass < n; pass++) {
      const m = len - pass - 1;
      if (isBool) for (let i = 0; i < m; i++) line[i] = line[i + 1] !== line[i] ? 1 : 0;
      else for (let i = 0; i < m; i++) line[i] = line[i + 1]! - line[i]!;
    }
    for (let i = 0; i < outLen; i++, o += t) out[o] = line[i]!;
  });
  return result;
}

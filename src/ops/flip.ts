/**
 * Reversing the order of elements along axes, NumPy's `flip`: a view with negated strides.
 * @module
 */
import type { NdArray, AxisArg } from '../ndarray.ts';
import { newArray } from '../array-factory.ts';
import { normalizeAxes } from '../shape.ts';

/**
 * Reverses the order of elements along `axis` (every axis when omitted): a view with
 * negative strides sharing `a`'s data, as NumPy's `flip` (`a[::-1]` per axis).
 * @param a the array
 * @param axis an axis, several, or omitted/null for all
 * @returns the flipped view
 * @throws AxisError for an axis out of range or repeated
 * @example
 * flip(nd.array([[1, 2], [3, 4]]), 1).toArray(); // [[2, 1], [4, 3]]
 */
export function flip(a: NdArray, axis?: AxisArg): NdArray {
  a.assertLive();
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const strides = [...a.strides];
  let offset = a.offset;
  for (const k of axes) {
    const n = a.shape[k]!;
    if (n > 0) offset += (n - 1) * strides[k]!;
    strides[k] = -strides[k]!;
  }
  return newArray(a.storage, a.shape, strides, offset, false, a.readOnly);
}

/**
 * Views along one axis, for the array-building ops (roll, pad): `a[..., start:stop, ...]`
 * with a step of 1 or -1, sharing `a`'s memory.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { newArray } from '../array-factory.ts';

/**
 * The view `a[..., start:stop, ...]` on `axis` (0 ≤ start ≤ stop ≤ a.shape[axis], unchecked).
 * @param a the array
 * @param axis the axis (normalised)
 * @param start first index
 * @param stop one past the last index
 * @returns the view
 * @example
 * sliceAxis(nd.arange(6).reshape(2, 3), 1, 1, 3).toArray(); // [[1, 2], [4, 5]]
 */
export function sliceAxis(a: NdArray, axis: number, start: number, stop: number): NdArray {
  const shape = [...a.shape];
  shape[axis] = stop - start;
  return newArray(a.storage, shape, a.strides, a.offset + (stop > start ? start * a.strides[axis]! : 0), false, a.readOnly);
}

/**
 * The reversed view `a[..., first:first-length:-1, ...]` on `axis`: `length` elements from
 * index `first` downwards (unchecked).
 * @param a the array
 * @param axis the axis (normalised)
 * @param first index of the view's first element
 * @param length number of elements
 * @returns the view
 * @example
 * reversedAxis(nd.arange(5), 0, 3, 2).toArray(); // [3, 2]
 */
export function reversedAxis(a: NdArray, axis: number, first: number, length: number): NdArray {
  const shape = [...a.shape];
  shape[axis] = length;
  const strides = [...a.strides];
  strides[axis] = -strides[axis]!;
  return newArray(a.storage, shape, strides, a.offset + (length > 0 ? first * a.strides[axis]! : 0), false, a.readOnly);
}

/**
 * `a` with `axis` replaced by a stride-0 axis of `length` over index `at`: the edge `a[..., at:at+1, ...]` broadcast.
 * @param a the array
 * @param axis the axis (normalised)
 * @param at the index repeated
 * @param length the length of the broadcast axis
 * @returns the view
 * @example
 * repeatedAxis(nd.arange(3), 0, 2, 4).toArray(); // [2, 2, 2, 2]
 */
export function repeatedAxis(a: NdArray, axis: number, at: number, length: number): NdArray {
  const shape = [...a.shape];
  shape[axis] = length;
  const strides = [...a.strides];
  strides[axis] = 0;
  return newArray(a.storage, shape, strides, a.offset + at * a.strides[axis]!, false, a.readOnly);
}

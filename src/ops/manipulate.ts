import { NdArray } from '../ndarray.ts';
import { invariant } from '../errors.ts';
import { sameShape, type ShapeLike } from '../shape.ts';

/** One slice spec per axis: integer, null or ':', 'start:stop:step' string, or [start, stop, step?]. */
export type SliceSpec = number | null | string | readonly [number | null, number | null, (number | null)?];

/**
 * Copies `src` (any strides, same dtype) into `dst` (C-contiguous, same shape), in C order.
 * @param src the array to read
 * @param dst the contiguous array to write
 */
export function copyInto(src: NdArray, dst: NdArray): void {
  invariant(sameShape(src.shape, dst.shape), 'copyInto: shapes differ');
  invariant(src.dtype === dst.dtype, 'copyInto: dtypes differ');
  invariant(dst.isContiguous, 'copyInto: destination not contiguous');
  const isBool = src.dtype === 'bool';
  const from: Float64Array | Uint8Array = isBool ? src.u8() : src.f64();
  const to: Float64Array | Uint8Array = isBool ? dst.u8() : dst.f64();
  const n = src.size;
  if (n === 0) return;
  let q = dst.start;
  if (src.isContiguous) {
    // `set` copies correctly even when both views share one buffer.
    to.set(from.subarray(src.start, src.start + n), q);
    return;
  }
  const { shape, strides } = src;
  const nd = shape.length;
  const inner = shape[nd - 1]!;
  const innerStride = strides[nd - 1]!;
  const index = new Array<number>(nd).fill(0);
  let p = src.start;
  for (;;) {
    for (let i = 0, r = p; i < inner; i++, r += innerStride) to[q++] = from[r]!;
    let d = nd - 2;
    for (; d >= 0; d--) {
      p += strides[d]!;
      if (++index[d]! < shape[d]!) break;
      p -= strides[d]! * shape[d]!;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

export function slice(a: NdArray, specs: readonly SliceSpec[]): NdArray { throw new Error('not implemented yet'); }
export function reshape(a: NdArray, shape: ShapeLike): NdArray { throw new Error('not implemented yet'); }
export function transpose(a: NdArray, axes?: readonly number[]): NdArray { throw new Error('not implemented yet'); }
export function ravel(a: NdArray): NdArray { throw new Error('not implemented yet'); }
export function flatten(a: NdArray): NdArray { throw new Error('not implemented yet'); }
export function squeeze(a: NdArray, axis?: number | readonly number[]): NdArray { throw new Error('not implemented yet'); }
export function expandDims(a: NdArray, axis: number): NdArray { throw new Error('not implemented yet'); }
export function broadcastTo(a: NdArray, shape: ShapeLike): NdArray { throw new Error('not implemented yet'); }
export function concat(arrays: readonly NdArray[], axis?: number): NdArray { throw new Error('not implemented yet'); }
export function stack(arrays: readonly NdArray[], axis?: number): NdArray { throw new Error('not implemented yet'); }

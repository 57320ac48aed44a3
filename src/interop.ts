import type { NdArray } from './ndarray.ts';
/** The scijs `ndarray` layout. */
export interface ScijsNdarray {
  data: ArrayLike<number>;
  shape: number[];
  stride: number[];
  offset: number;
}
export function toNdarray(a: NdArray): ScijsNdarray { throw new Error('not implemented yet'); }
export function fromNdarray(x: { data: ArrayLike<number>; shape: readonly number[]; stride: readonly number[]; offset: number }): NdArray { throw new Error('not implemented yet'); }

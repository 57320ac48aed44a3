import type { NdArray } from '../ndarray.ts';
export function sort(a: NdArray, axis: number): NdArray {
  throw new Error('not implemented yet');
}
export function argsort(a: NdArray, axis: number): NdArray {
  throw new Error('not implemented yet');
}

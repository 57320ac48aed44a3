import type { NdArray, Operand } from '../ndarray.ts';

/** a.where(mask): 1-D array of a's elements where mask is true, in C order. */
export function compress(a: NdArray, mask: NdArray): NdArray {
  throw new Error('not implemented yet');
}
/** nd.where(cond, x, y) with broadcasting. */
export function select(cond: NdArray, x: Operand, y: Operand, out?: NdArray): NdArray {
  throw new Error('not implemented yet');
}
/** In-place a[mask] = value. */
export function setWhere(a: NdArray, mask: NdArray, value: Operand): void {
  throw new Error('not implemented yet');
}
/** Number of true (nonzero) elements. */
export function countTrue(a: NdArray): number {
  throw new Error('not implemented yet');
}

import type { NdArray } from '../ndarray.ts';
/** 1-D·1-D → number; 2-D×2-D, 2-D×1-D, 1-D×2-D → NdArray. */
export function matmul(a: NdArray, b: NdArray): NdArray | number {
  throw new Error('not implemented yet');
}

import type { AxisArg, NdArray, ReduceOptions, VarOptions } from '../ndarray.ts';

export type ReduceName =
  | 'sum' | 'prod' | 'mean' | 'min' | 'max' | 'std' | 'var' | 'any' | 'all'
  | 'nansum' | 'nanmean' | 'nanmin' | 'nanmax';

/** Reduction over axes; returns a plain number/boolean when every axis is reduced and !keepdims. */
export function reduce(name: ReduceName, a: NdArray, axis: AxisArg, options?: VarOptions): NdArray | number | boolean {
  throw new Error('not implemented yet');
}
/** argmin/argmax over one axis or the flattened array. */
export function argReduce(name: 'argmin' | 'argmax', a: NdArray, axis: number | null | undefined, options?: ReduceOptions): NdArray | number {
  throw new Error('not implemented yet');
}
/** cumsum/cumprod along an axis, or over the flattened array. */
export function cumulative(name: 'cumsum' | 'cumprod', a: NdArray, axis: number | null | undefined): NdArray {
  throw new Error('not implemented yet');
}

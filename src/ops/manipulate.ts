import type { NdArray } from '../ndarray.ts';
import type { ShapeLike } from '../shape.ts';

/** One slice spec per axis: integer, null or ':', 'start:stop:step' string, or [start, stop, step?]. */
export type SliceSpec = number | null | string | readonly [number | null, number | null, (number | null)?];

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

import type { NdArray } from './ndarray.ts';
import type { ShapeLike } from './shape.ts';

/** Nested arrays of numbers/booleans, a typed array, a scalar, or an NdArray. */
export type ArrayInput = number | boolean | NdArray | Float64Array | readonly unknown[];

export function array(x: ArrayInput): NdArray { throw new Error('not implemented yet'); }
export function zeros(shape: ShapeLike): NdArray { throw new Error('not implemented yet'); }
export function ones(shape: ShapeLike): NdArray { throw new Error('not implemented yet'); }
export function full(shape: ShapeLike, value: number | boolean): NdArray { throw new Error('not implemented yet'); }
export function arange(startOrStop: number, stop?: number, step?: number): NdArray { throw new Error('not implemented yet'); }
export function linspace(start: number, stop: number, num: number, options?: { endpoint?: boolean }): NdArray { throw new Error('not implemented yet'); }
export function eye(n: number): NdArray { throw new Error('not implemented yet'); }
export function random(shape: ShapeLike, options?: { seed?: number }): NdArray { throw new Error('not implemented yet'); }
export function randn(shape: ShapeLike, options?: { seed?: number }): NdArray { throw new Error('not implemented yet'); }

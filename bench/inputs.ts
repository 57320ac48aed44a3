/**
 * One data set in every form the variants need: a plain `Array`, a `Float64Array`, an ndvec
 * array, a scijs `ndarray` (for ndarray-ops) and a numpy-ts array, all holding the same numbers.
 * @module
 */
import ndarray from 'ndarray';
import type { NdArray as ScijsArray } from 'ndarray';
import * as np from 'numpy-ts';
import { nd, NdArray } from '../src/index.ts';
import { normalData } from './data.ts';

/** The same numbers in each library's array type. */
export interface Inputs {
  /** The numbers. */
  f64: Float64Array;
  /** The numbers as a plain `Array` (built on first use). */
  readonly list: number[];
  /** ndvec array of `shape`. */
  nd: NdArray;
  /** scijs ndarray of `shape` over a copy of the numbers. */
  sci: ScijsArray<Float64Array>;
  /** numpy-ts array of `shape`. */
  np: np.NDArray;
  /** Frees the ndvec and numpy-ts arrays. */
  dispose(): void;
}

/**
 * Builds seeded normal data of a shape in every form.
 * @param shape the array shape (1-D or 2-D)
 * @param seed the data seed
 * @returns the inputs
 * @example
 * const x = makeInputs([1000], 1); x.nd.size; // 1000
 */
export function makeInputs(shape: readonly number[], seed: number): Inputs {
  const n = shape.reduce((p, d) => p * d, 1);
  const f64 = normalData(n, seed);
  const flat = nd.array(f64);
  const ndArr = shape.length === 1 ? flat : flat.reshape(shape);
  const npFlat = np.array(f64);
  const npArr = shape.length === 1 ? npFlat : npFlat.reshape([...shape]);
  let list: number[] | null = null;
  return {
    f64,
    get list() {
      return (list ??= Array.from(f64));
    },
    nd: ndArr,
    sci: ndarray(f64.slice(), [...shape]),
    np: npArr,
    dispose() {
      flat.dispose();
      npArr.dispose();
      npFlat.dispose();
    },
  };
}

/**
 * A scijs ndarray over a new zeroed buffer, for ndarray-ops outputs (preallocated, as that
 * library is used).
 * @param n number of elements
 * @param kind `'f64'` or `'u8'` (bool results)
 * @returns the 1-D ndarray
 */
export function sciOutput(n: number, kind: 'f64' | 'u8' = 'f64'): ScijsArray<Float64Array | Uint8Array> {
  return ndarray(kind === 'f64' ? new Float64Array(n) : new Uint8Array(n), [n]);
}

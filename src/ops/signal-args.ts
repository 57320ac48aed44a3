/**
 * The public edge shared by the array-building and signal functions (`nd.pad`,
 * `nd.meshgrid`, `nd.interp`, `nd.convolve`, `nd.polyval`, …): plain data made into arrays
 * (and freed afterwards), float64 views of the inputs, and the `nd.fuse` guard.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { isNdArray } from '../array-factory.ts';
import { array, type ArrayInput } from '../create.ts';
import { rejectTraced } from '../fuse/index.ts';

export { rejectTraced };

/** An array argument: an NdArray or plain data that `nd.array` takes. */
export type SignalInput = NdArray | ArrayInput;

/**
 * Arrays made from plain data for the duration of one call; `release` frees them. An NdArray
 * passed in is used as is (and checked live).
 * @example
 * const conv = new Converted();
 * try {
 *   const x = conv.float([1, 2, 3]); // freed by release
 * } finally {
 *   conv.release();
 * }
 */
export class Converted {
  private readonly made: NdArray[] = [];

  /**
   * `x` as an NdArray (converted from plain data when needed).
   * @param x the argument
   * @returns the array
   */
  array(x: SignalInput): NdArray {
    if (isNdArray(x)) {
      x.assertLive();
      return x;
    }
    const a = array(x);
    this.made.push(a);
    return a;
  }

  /**
   * `x` as a float64 NdArray: bool arrays become 0/1 (a temporary freed by `release`).
   * @param x the argument
   * @returns the float64 array
   */
  float(x: SignalInput): NdArray {
    const a = this.array(x);
    if (a.dtype === 'float64') return a;
    const f = a.astype('float64');
    this.made.push(f);
    return f;
  }

  /**
   * Registers a temporary made by the caller, to be freed by `release`.
   * @param a the temporary
   * @returns `a`
   */
  temporary(a: NdArray): NdArray {
    this.made.push(a);
    return a;
  }

  /** Frees every array made here. */
  release(): void {
    for (const a of this.made) if (!a.isDisposed) a.dispose();
    this.made.length = 0;
  }
}

/**
 * Making arrays without importing the NdArray class: the ops and creation functions build
 * their results through this module, and src/ndarray.ts registers the class here when it
 * loads. This keeps the layers pointing one way (memory → kernels → dispatch → ops →
 * NdArray → `nd`): no op imports the class whose methods call it.
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { NDARRAY_BRAND } from './args.ts';
import { ShapeError, formatShape, invariant } from './errors.ts';
import { Storage, type DType } from './memory.ts';
import { shapeSize } from './shape.ts';

/** The NdArray constructor's parameters (storage, shape, strides, offset, owns, readOnly). */
type ArrayClass = new (
  storage: Storage,
  shape: readonly number[],
  strides?: readonly number[],
  offset?: number,
  ownsStorage?: boolean,
  readOnly?: boolean,
) => NdArray;

let arrayClass: ArrayClass | null = null;

/** @internal Called once by src/ndarray.ts with the NdArray class. */
export function registerArrayClass(cls: ArrayClass): void {
  arrayClass = cls;
}

/**
 * @internal A view (or, with `ownsStorage`, the owner) of `storage`.
 * @param storage data block
 * @param shape dimension sizes
 * @param strides element steps (default C-contiguous)
 * @param offset element offset into the storage
 * @param ownsStorage true for the array that allocated `storage`
 * @param readOnly true for a read-only view
 */
export function newArray(
  storage: Storage,
  shape: readonly number[],
  strides?: readonly number[],
  offset = 0,
  ownsStorage = false,
  readOnly = false,
): NdArray {
  invariant(arrayClass !== null, 'NdArray class registered before the first array is made');
  return new arrayClass(storage, shape, strides, offset, ownsStorage, readOnly);
}

/**
 * @internal Allocates an uninitialised C-contiguous array.
 * @param shape dimension sizes (validated by the caller)
 * @param dtype element type
 * @throws ShapeError when the engine cannot hold that many elements (a RangeError otherwise)
 */
export function emptyArray(shape: readonly number[], dtype: DType = 'float64'): NdArray {
  const size = shapeSize(shape);
  let storage: Storage;
  try {
    storage = new Storage(dtype, size);
  } catch (e) {
    // An impossible length (nd.zeros([1e6, 1e6])) or an allocation the engine refuses.
    if (!(e instanceof RangeError)) throw e;
    throw new ShapeError(`array of shape ${formatShape(shape)} is too big: ${size} elements of ${dtype}`, [shape]);
  }
  return newArray(storage, shape, undefined, 0, true);
}

/** True for an ndvec array (any view). */
export function isNdArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && (x as { [NDARRAY_BRAND]?: unknown })[NDARRAY_BRAND] === true;
}

/**
 * The outer product, NumPy's `outer`: a column view of one input times a row view of the
 * other, by the broadcasting `mul`.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { binary } from './elementwise.ts';
import { reshape } from './manipulate.ts';

/**
 * The outer product `out[i, j] = a[i] * b[j]` of the flattened inputs, NumPy's `outer`:
 * shape `[a.size, b.size]`. Two bool inputs give a bool result (logical and, as NumPy).
 * @param a the first array (flattened)
 * @param b the second array (flattened)
 * @returns the new 2-D array
 * @throws DisposedError for a disposed input
 * @example
 * outer(nd.array([1, 2, 3]), nd.array([4, 5])).toArray(); // [[4, 5], [8, 10], [12, 15]]
 */
export function outer(a: NdArray, b: NdArray): NdArray {
  a.assertLive();
  b.assertLive();
  const column = reshape(a, [a.size, 1]);
  const row = reshape(b, [1, b.size]);
  const product = binary('mul', column, row);
  // reshape copies only when the layout does not allow a view: free those copies.
  if (column.ownsStorage) column.dispose();
  if (row.ownsStorage) row.dispose();
  return product;
}

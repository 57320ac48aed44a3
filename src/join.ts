/**
 * The public joining functions of `nd` — `concat`, `stack`, `hstack`, `vstack`,
 * `columnStack` — with their arguments checked at the edge (count, types) before the
 * manipulate ops run. Entries given as plain JS data (NumPy's array_like) are copied into
 * temporary arrays that are disposed before returning.
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { isNdArray } from './array-factory.ts';
import { array, type ArrayInput } from './create.ts';
import {
  columnStack as columnStackOp,
  concat as concatOp,
  hstack as hstackOp,
  stack as stackOp,
  vstack as vstackOp,
} from './ops/manipulate.ts';
import { joinBlocks } from './ops/copy.ts';
import { ArgumentError } from './errors.ts';
import { checkArity, checkSingleAxis, describe } from './args.ts';

/**
 * Runs `op` on the entries of `arrays` (a JS array) as NdArrays: an NdArray is used as it
 * is, anything else goes through `nd.array` (whose errors name the data) into a temporary
 * that is disposed afterwards, even when `op` throws.
 */
function joinChecked(func: string, arrays: unknown, op: (xs: NdArray[]) => NdArray): NdArray {
  if (!Array.isArray(arrays)) {
    throw new ArgumentError(func, 'arrays', `arrays must be a JS array of arrays, got ${describe(arrays)}`);
  }
  const made: NdArray[] = [];
  try {
    const xs = (arrays as unknown[]).map((x, i) => {
      if (isNdArray(x)) return x;
      if (x === undefined) throw new ArgumentError(func, `arrays[${i}]`, `arrays[${i}] must be an array, got undefined`);
      const a = array(x as ArrayInput);
      made.push(a);
      return a;
    });
    return op(xs);
  } finally {
    for (const a of made) a.dispose();
  }
}

/**
 * Joins arrays along an existing axis (NumPy's `concatenate`); `axis` `null` joins the
 * flattened arrays, as NumPy's `axis=None`. The result is a copy; bool only when every
 * input is bool.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @param axis the axis (an integer, default 0; negative counts from the end), or `null`
 * @returns the joined array
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError
 *   naming the shapes on a mismatch; AxisError for an axis out of range
 * @example
 * nd.concat([nd.array([1, 2]), nd.array([3])]).toArray(); // [1, 2, 3]
 * nd.concat([nd.ones([2, 2]), nd.zeros([1])], null).toArray(); // [1, 1, 1, 1, 0]
 */
export function concat(arrays: readonly (NdArray | ArrayInput)[], axis: number | null = 0): NdArray {
  if (arguments.length !== 1 && arguments.length !== 2) checkArity('concat', arguments, 2, 1);
  const ax = checkSingleAxis('concat', axis, true);
  if ((ax === 0 || ax === null) && Array.isArray(arrays)) {
    const joined = joinBlocks(arrays, ax === 0 ? 'concat' : 'flat'); // contiguous float64 pieces: block copies
    if (joined !== null) return joined;
  }
  return joinChecked('concat', arrays, (xs) => {
    if (ax !== null) return concatOp(xs, ax);
    const flat = xs.map((x) => x.ravel());
    try {
      return concatOp(flat, 0);
    } finally {
      for (const f of flat) f.dispose(); // a view owns nothing; a copy is freed
    }
  });
}

/**
 * Joins same-shape arrays along a new axis (NumPy's `stack`). A copy.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @param axis position of the new axis in the result (an integer, default 0)
 * @returns the stacked array
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError
 *   when the shapes differ; AxisError for an axis out of range
 * @example
 * nd.stack([nd.array([1, 2]), nd.array([3, 4])], 1).toArray(); // [[1, 3], [2, 4]]
 */
export function stack(arrays: readonly (NdArray | ArrayInput)[], axis = 0): NdArray {
  if (arguments.length !== 1 && arguments.length !== 2) checkArity('stack', arguments, 2, 1);
  const ax = checkSingleAxis('stack', axis, false)!;
  if (ax === 0 && Array.isArray(arrays)) {
    const joined = joinBlocks(arrays, 'stack'); // same-shape contiguous float64 arrays: block copies
    if (joined !== null) return joined;
  }
  return joinChecked('stack', arrays, (xs) => stackOp(xs, ax));
}

/**
 * NumPy's `hstack`: joins along axis 1, or along axis 0 when the inputs are 1-D (0-d inputs
 * count as 1-D). A copy.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @returns the joined array
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError on a mismatch
 * @example
 * nd.hstack([nd.array([1, 2]), nd.array([3])]).toArray(); // [1, 2, 3]
 */
export function hstack(arrays: readonly (NdArray | ArrayInput)[]): NdArray {
  if (arguments.length !== 1) checkArity('hstack', arguments, 1, 1);
  if (Array.isArray(arrays) && isNdArray(arrays[0]) && arrays[0].ndim === 1) {
    const joined = joinBlocks(arrays, 'concat'); // 1-D contiguous float64 arrays: block copies
    if (joined !== null) return joined;
  }
  return joinChecked('hstack', arrays, hstackOp);
}

/**
 * NumPy's `vstack`: 1-D inputs of length n become rows [1, n], then all join along axis 0.
 * A copy.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @returns the joined array
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError on a mismatch
 * @example
 * nd.vstack([nd.array([1, 2]), nd.array([3, 4])]).toArray(); // [[1, 2], [3, 4]]
 */
export function vstack(arrays: readonly (NdArray | ArrayInput)[]): NdArray {
  if (arguments.length !== 1) checkArity('vstack', arguments, 1, 1);
  if (Array.isArray(arrays) && isNdArray(arrays[0]) && arrays[0].ndim >= 1) {
    // contiguous float64 arrays: 1-D ones of one length become the rows, ≥ 2-D ones join along axis 0
    const joined = joinBlocks(arrays, arrays[0].ndim === 1 ? 'stack' : 'concat');
    if (joined !== null) return joined;
  }
  return joinChecked('vstack', arrays, vstackOp);
}

/**
 * NumPy's `column_stack`: 1-D inputs become columns [n, 1], then all join along axis 1.
 * A copy.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @returns the joined array
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError on a mismatch
 * @example
 * nd.columnStack([nd.array([1, 2]), nd.array([3, 4])]).toArray(); // [[1, 3], [2, 4]]
 */
export function columnStack(arrays: readonly (NdArray | ArrayInput)[]): NdArray {
  if (arguments.length !== 1) checkArity('columnStack', arguments, 1, 1);
  return joinChecked('columnStack', arrays, columnStackOp);
}

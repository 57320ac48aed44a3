/**
 * The public joining and splitting functions of `nd` — `concat`, `stack`, `hstack`, `vstack`,
 * `dstack`, `columnStack`, `split`, `arraySplit`, `atleast1d/2d/3d` — with their arguments
 * checked at the edge (count, types) before the manipulate ops run. Entries given as plain JS
 * data (NumPy's array_like) are copied into temporary arrays that are disposed before
 * returning (the pieces of a split of plain data are copies; an atleast view of it owns it).
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { isNdArray, newArray } from './array-factory.ts';
import { array, type ArrayInput } from './create.ts';
import {
  arraySplit as arraySplitOp,
  atLeast as atLeastOp,
  columnStack as columnStackOp,
  concat as concatOp,
  dstack as dstackOp,
  hstack as hstackOp,
  stack as stackOp,
  vstack as vstackOp,
} from './ops/manipulate.ts';
import { joinBlocks } from './ops/copy.ts';
import { ArgumentError } from './errors.ts';
import { checkArity, checkInteger, checkSingleAxis, describe } from './args.ts';

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

/**
 * NumPy's `dstack`: 0-d, 1-D and 2-D inputs become 3-D ([1, 1, 1], [1, n, 1], [m, n, 1]), then
 * all join along axis 2. A copy.
 * @param arrays a JS array of arrays (NdArrays or data `nd.array` takes), at least one
 * @returns the joined array, at least 3-D
 * @throws ArgumentError for arguments of the wrong type or an extra argument; ShapeError on a mismatch
 * @example
 * nd.dstack([nd.array([1, 2]), nd.array([3, 4])]).toArray(); // [[[1, 3], [2, 4]]]
 */
export function dstack(arrays: readonly (NdArray | ArrayInput)[]): NdArray {
  if (arguments.length !== 1) checkArity('dstack', arguments, 1, 1);
  return joinChecked('dstack', arrays, dstackOp);
}

/** split/arraySplit after their arity check: views of an NdArray; copies of pieces of plain data. */
function splitChecked(func: string, a: NdArray | ArrayInput, indicesOrSections: unknown, axis: unknown, equal: boolean): NdArray[] {
  const sections = Array.isArray(indicesOrSections)
    ? indicesOrSections.map((v) => checkInteger(func, 'indicesOrSections', v))
    : checkInteger(func, 'indicesOrSections', indicesOrSections);
  const ax = checkSingleAxis(func, axis, false)!;
  if (isNdArray(a)) return arraySplitOp(a, sections, ax, equal, func);
  const x = array(a);
  try {
    // the pieces of a temporary: copies (nothing else sees them, so sharing would not show)
    return arraySplitOp(x, sections, ax, equal, func).map((p) => array(p));
  } finally {
    x.dispose();
  }
}

/**
 * NumPy's `array_split`: `a` cut along `axis` into `indicesOrSections` parts (the first
 * `length % parts` one element longer), or at the split points it lists (Python slice bounds:
 * negative counts from the end, beyond the end clamps). The pieces are views of an NdArray.
 * @param a the array (an NdArray, or data `nd.array` takes: the pieces are then new arrays)
 * @param indicesOrSections a number of parts (> 0), or the split points (integers)
 * @param axis the axis (default 0)
 * @returns the pieces
 * @throws ArgumentError for a part count ≤ 0 or non-integers; AxisError for a bad axis (a 0-d
 *   array has none)
 * @example
 * nd.arraySplit(nd.arange(5), 2).map((p) => p.toArray()); // [[0, 1, 2], [3, 4]]
 * nd.arraySplit(nd.arange(5), [1, 3]).map((p) => p.toArray()); // [[0], [1, 2], [3, 4]]
 */
export function arraySplit(a: NdArray | ArrayInput, indicesOrSections: number | readonly number[], axis = 0): NdArray[] {
  if (arguments.length !== 2 && arguments.length !== 3) checkArity('arraySplit', arguments, 3, 2);
  return splitChecked('arraySplit', a, indicesOrSections, axis, false);
}

/**
 * NumPy's `split`: as {@link arraySplit}, but a number of parts must divide the axis length.
 * @param a the array (an NdArray, or data `nd.array` takes: the pieces are then new arrays)
 * @param indicesOrSections a number of equal parts (> 0), or the split points (integers)
 * @param axis the axis (default 0)
 * @returns the pieces
 * @throws ShapeError when the parts would not be equal; as arraySplit otherwise
 * @example
 * nd.split(nd.arange(6), 3).map((p) => p.toArray()); // [[0, 1], [2, 3], [4, 5]]
 */
export function split(a: NdArray | ArrayInput, indicesOrSections: number | readonly number[], axis = 0): NdArray[] {
  if (arguments.length !== 2 && arguments.length !== 3) checkArity('split', arguments, 3, 2);
  return splitChecked('split', a, indicesOrSections, axis, true);
}

/** The atleast functions: one input gives one array, several a list (NumPy's tuple). */
export interface AtLeastFunction {
  /**
   * One input: the array with at least the dimensions.
   * @param a an NdArray or data `nd.array` takes
   * @returns `a` itself when it has them, else a view
   */
  (a: NdArray | ArrayInput): NdArray;
  /**
   * Several inputs: one array each (one input: the array itself, not a list).
   * @param arrays NdArrays or data `nd.array` takes
   * @returns the list (or the one array)
   */
  (...arrays: (NdArray | ArrayInput)[]): NdArray | NdArray[];
}

/** `x` with at least `n` dimensions; plain data becomes an array that owns its memory. */
function atLeastOne(x: NdArray | ArrayInput, n: 1 | 2 | 3): NdArray {
  if (isNdArray(x)) return atLeastOp(x, n);
  const a = array(x);
  const r = atLeastOp(a, n);
  return r === a ? a : newArray(r.storage, r.shape, r.strides, r.offset, true, r.readOnly); // the view owns the converted array's memory
}

function atLeastFunction(name: string, n: 1 | 2 | 3): AtLeastFunction {
  const f = function (...arrays: (NdArray | ArrayInput)[]): NdArray | NdArray[] {
    for (let i = 0; i < arrays.length; i++) {
      if (arrays[i] === undefined) throw new ArgumentError(name, `arrays[${i}]`, `arrays[${i}] must be an array, got undefined`);
    }
    const made: NdArray[] = [];
    try {
      for (const x of arrays) made.push(atLeastOne(x, n));
    } catch (e) {
      for (let i = 0; i < made.length; i++) if (!isNdArray(arrays[i])) made[i]!.dispose();
      throw e;
    }
    return made.length === 1 ? made[0]! : made;
  };
  Object.defineProperty(f, 'name', { value: name });
  return f as AtLeastFunction;
}

/**
 * NumPy's `atleast_1d`: each input with at least one dimension (a 0-d array becomes [1]); an
 * NdArray that has it is returned itself, else a view. One input gives one array, several a list.
 * @param arrays the inputs (NdArrays or data `nd.array` takes)
 * @returns the array, or the list of them
 * @example
 * nd.atleast1d(5).shape; // [1]
 */
export const atleast1d: AtLeastFunction = atLeastFunction('atleast1d', 1);

/**
 * NumPy's `atleast_2d`: each input with at least two dimensions (0-d → [1, 1], 1-D [n] →
 * [1, n]); an NdArray that has them is returned itself, else a view. One input gives one
 * array, several a list.
 * @param arrays the inputs (NdArrays or data `nd.array` takes)
 * @returns the array, or the list of them
 * @example
 * nd.atleast2d([1, 2]).shape; // [1, 2]
 */
export const atleast2d: AtLeastFunction = atLeastFunction('atleast2d', 2);

/**
 * NumPy's `atleast_3d`: each input with at least three dimensions (0-d → [1, 1, 1], 1-D [n] →
 * [1, n, 1], 2-D [m, n] → [m, n, 1]); an NdArray that has them is returned itself, else a
 * view. One input gives one array, several a list.
 * @param arrays the inputs (NdArrays or data `nd.array` takes)
 * @returns the array, or the list of them
 * @example
 * nd.atleast3d([[1, 2]]).shape; // [1, 2, 1]
 */
export const atleast3d: AtLeastFunction = atLeastFunction('atleast3d', 3);

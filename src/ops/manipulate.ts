/**
 * Views and shape manipulation: slicing, reshape, transpose, swapaxes, moveaxis, ravel/flatten,
 * squeeze, expandDims, broadcastTo, arraySplit and atLeast (all views sharing storage where the
 * layout allows), the copying joins concat, stack, hstack, vstack, dstack and columnStack, and
 * repeat and tile (each one `copyInto` from a view with stride-0 axes). `copyInto` is the one
 * strided copy routine.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { ArgumentError, AxisError, DTypeError, IndexError, ShapeError, formatShape, invariant } from '../errors.ts';
import {
  FULL_RANGE,
  broadcastStrides,
  contiguousStrides,
  normalizeAxes,
  normalizeAxis,
  normalizeShape,
  parseSliceSpec,
  resolveSliceRange,
  sameShape,
  shapeSize,
  type ShapeLike,
  type SliceSpec,
} from '../shape.ts';
import type { DType } from '../memory.ts';
import { copyStrided } from './copy.ts';

export type { SliceSpec };

/**
 * Copies `src` into `dst` element by element in C order. Both may have any strides (the
 * usual case is a contiguous `dst`); the shapes must match. The dtypes must match, except
 * that a bool `src` may fill a float64 `dst` (as 0/1).
 * @param src the array to read
 * @param dst the array to write (not overlapping `src`)
 */
export function copyInto(src: NdArray, dst: NdArray): void {
  invariant(sameShape(src.shape, dst.shape), 'copyInto: shapes differ');
  invariant(src.dtype === dst.dtype || src.dtype === 'bool', 'copyInto: float64 into bool');
  const from: Float64Array | Uint8Array = src.dtype === 'bool' ? src.u8() : src.f64();
  const to: Float64Array | Uint8Array = dst.dtype === 'bool' ? dst.u8() : dst.f64();
  const n = src.size;
  if (n === 0) return;
  if (src.isContiguous && dst.isContiguous) {
    // `set` converts bool bytes to 0/1 numbers, and copies right even within one buffer.
    to.set(from.subarray(src.start, src.start + n), dst.start);
    return;
  }
  if (copyStrided(src, dst)) return;
  const { shape } = src;
  const last = shape.length - 1;
  const inner = shape[last]!;
  const sIn = src.strides[last]!;
  const dIn = dst.strides[last]!;
  const index = new Array<number>(last).fill(0);
  let p = src.start;
  let q = dst.start;
  for (;;) {
    for (let i = 0, r = p, w = q; i < inner; i++, r += sIn, w += dIn) to[w] = from[r]!;
    let d = last - 1;
    for (; d >= 0; d--) {
      p += src.strides[d]!;
      q += dst.strides[d]!;
      if (++index[d]! < shape[d]!) break;
      p -= src.strides[d]! * shape[d]!;
      q -= dst.strides[d]! * shape[d]!;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

/** A new C-contiguous copy of `a` with the given shape (same size). */
function copyAs(a: NdArray, shape: readonly number[], dtype: DType = a.dtype): NdArray {
  const out = emptyArray(shape, dtype);
  copyInto(a, newArray(out.storage, a.shape, contiguousStrides(a.shape), 0));
  return out;
}

/** A view of `a`'s storage; read-only when `a` is (or when `readOnly` is given, as by broadcastTo). */
function view(a: NdArray, shape: readonly number[], strides: readonly number[], offset: number, readOnly = a.readOnly): NdArray {
  return newArray(a.storage, shape, strides, offset, false, readOnly);
}

// ---- slicing ----------------------------------------------------------------------------

/**
 * A view selecting along each axis (see {@link NdArray.slice}).
 * @param a the array
 * @param specs one spec per leading axis; missing trailing specs select everything
 * @returns the view
 * @throws IndexError for too many specs, an integer out of range, step 0 or a malformed spec
 * @example
 * slice(nd.arange(10), ['::-3']).toArray(); // [9, 6, 3, 0]
 */
export function slice(a: NdArray, specs: readonly SliceSpec[]): NdArray {
  a.assertLive();
  if (specs.length > a.ndim) {
    throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${specs.length} were indexed`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  for (let axis = 0; axis < a.ndim; axis++) {
    const n = a.shape[axis]!;
    const stride = a.strides[axis]!;
    const spec = axis < specs.length ? parseSliceSpec(specs[axis]!) : FULL_RANGE;
    if (typeof spec === 'number') {
      if (spec < -n || spec >= n) throw new IndexError(`index ${spec} is out of bounds for axis ${axis} with size ${n}`, spec, axis);
      offset += (spec < 0 ? spec + n : spec) * stride;
      continue;
    }
    const { first, step, length } = resolveSliceRange(spec, n, axis);
    if (length > 0) offset += first * stride;
    shape.push(length);
    strides.push(step * stride);
  }
  return view(a, shape, strides, offset);
}

// ---- reshape --------------------------------------------------------------------------

/** Replaces one -1 entry by the size that makes the element count match. */
function resolveReshape(size: number, shape: ShapeLike): number[] {
  const raw = typeof shape === 'number' ? [shape] : Array.from(shape);
  const unknown = raw.indexOf(-1);
  if (unknown !== raw.lastIndexOf(-1)) throw new ShapeError(`can only specify one unknown dimension, got shape ${formatShape(raw)}`, [raw]);
  const known = normalizeShape(raw.map((d) => (d === -1 ? 1 : d)));
  const knownSize = shapeSize(known);
  if (unknown >= 0 && knownSize !== 0 && size % knownSize === 0) known[unknown] = size / knownSize;
  else if (unknown >= 0 || knownSize !== size) {
    throw new ShapeError(`cannot reshape array of size ${size} into shape ${formatShape(raw)}`, [raw]);
  }
  return known;
}

/**
 * Strides that read `oldShape`/`oldStrides` in C order as `newShape`, or null when no view
 * can (NumPy's `_attempt_nocopy_reshape`: merged runs of old axes must be contiguous).
 */
function reshapeStrides(oldShape: readonly number[], oldStrides: readonly number[], newShape: readonly number[]): number[] | null {
  if (shapeSize(newShape) === 0) return contiguousStrides(newShape);
  const od: number[] = [];
  const os: number[] = [];
  for (let i = 0; i < oldShape.length; i++) {
    if (oldShape[i] !== 1) {
      od.push(oldShape[i]!);
      os.push(oldStrides[i]!);
    }
  }
  const ns = new Array<number>(newShape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newShape.length && oi < od.length) {
    let np = newShape[ni]!;
    let op = od[oi]!;
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!;
      else op *= od[oj++]!;
    }
    for (let k = oi; k < oj - 1; k++) if (os[k] !== od[k + 1]! * os[k + 1]!) return null;
    ns[nj - 1] = os[oj - 1]!;
    for (let k = nj - 1; k > ni; k--) ns[k - 1] = ns[k]! * newShape[k]!;
    ni = nj++;
    oi = oj++;
  }
  const lastStride = ni >= 1 ? ns[ni - 1]! : 1;
  for (let k = ni; k < newShape.length; k++) ns[k] = lastStride;
  return ns;
}

/**
 * Gives a new shape to the same elements in C order; one entry may be -1. A view when the
 * strides allow (always for contiguous arrays), else a copy.
 * @param a the array
 * @param shape the new shape
 * @returns the reshaped view or copy
 * @throws ShapeError `cannot reshape array of size 6 into shape [4]`
 * @example
 * reshape(nd.arange(6), [2, -1]).shape; // [2, 3]
 */
export function reshape(a: NdArray, shape: ShapeLike): NdArray {
  a.assertLive();
  const target = resolveReshape(a.size, shape);
  const strides = reshapeStrides(a.shape, a.strides, target);
  return strides === null ? copyAs(a, target) : view(a, target, strides, a.offset);
}

/**
 * Permutes the axes; reverses them when `axes` is omitted. A view.
 * @param a the array
 * @param axes a permutation of the axes (negative counts from the end)
 * @returns the transposed view
 * @throws AxisError when `axes` is not a permutation of the array's axes
 * @example
 * transpose(nd.zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 */
export function transpose(a: NdArray, axes?: readonly number[]): NdArray {
  a.assertLive();
  const ndim = a.ndim;
  if (axes === undefined) {
    // `a.T`: the axes reversed, built by plain loops (Array.from and two maps cost ~150 ns a call)
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = ndim - 1; i >= 0; i--) {
      shape.push(a.shape[i]!);
      strides.push(a.strides[i]!);
    }
    return view(a, shape, strides, a.offset);
  }
  if (axes.length !== ndim) {
    throw new AxisError(axes.length, ndim, `axes [${axes.join(',')}] don't match array of dimension ${ndim}`);
  }
  const order = axes.map((ax) => normalizeAxis(ax, ndim));
  const seen = new Set(order);
  if (seen.size !== ndim) throw new AxisError(axes[0]!, ndim, `repeated axis in transpose [${axes.join(',')}]`);
  return view(a, order.map((i) => a.shape[i]!), order.map((i) => a.strides[i]!), a.offset);
}

/**
 * Interchanges two axes, NumPy's `swapaxes`. A view.
 * @param a the array
 * @param axis1 the first axis (negative counts from the end)
 * @param axis2 the second axis
 * @returns the view with those two axes swapped
 * @throws AxisError when either axis is out of range
 * @example
 * swapaxes(nd.zeros([2, 3, 4]), 0, 2).shape; // [4, 3, 2]
 */
export function swapaxes(a: NdArray, axis1: number, axis2: number): NdArray {
  a.assertLive();
  const i = normalizeAxis(axis1, a.ndim);
  const j = normalizeAxis(axis2, a.ndim);
  const order = a.shape.map((_, k) => (k === i ? j : k === j ? i : k));
  return transpose(a, order);
}

/** `axes` (one or several) normalised for `moveaxis`; AxisError when out of range or repeated. */
function moveaxisList(axes: number | readonly number[], ndim: number, param: string): number[] {
  const list = typeof axes === 'number' ? [axes] : axes;
  const out: number[] = [];
  for (const ax of list) {
    const k = normalizeAxis(ax, ndim);
    if (out.includes(k)) throw new AxisError(ax, ndim, `repeated axis in moveaxis ${param} [${list.join(',')}]`);
    out.push(k);
  }
  return out;
}

/**
 * Moves axes to new positions, the others keeping their order, NumPy's `moveaxis`. A view.
 * @param a the array
 * @param source the axis or axes to move (negative counts from the end)
 * @param destination where each goes in the result, as many as `source`
 * @returns the view
 * @throws AxisError for an axis out of range or repeated; ShapeError when `source` and
 *   `destination` differ in length
 * @example
 * moveaxis(nd.zeros([2, 3, 4]), 0, -1).shape; // [3, 4, 2]
 * moveaxis(nd.zeros([2, 3, 4]), [0, 1], [-1, -2]).shape; // [4, 3, 2]
 */
export function moveaxis(a: NdArray, source: number | readonly number[], destination: number | readonly number[]): NdArray {
  a.assertLive();
  const src = moveaxisList(source, a.ndim, 'source');
  const dst = moveaxisList(destination, a.ndim, 'destination');
  if (src.length !== dst.length) {
    throw new ShapeError(`moveaxis: source [${src.join(',')}] and destination [${dst.join(',')}] must have the same number of elements`, [[src.length], [dst.length]]);
  }
  const order: number[] = [];
  for (let i = 0; i < a.ndim; i++) if (!src.includes(i)) order.push(i);
  const pairs = dst.map((d, i) => [d, src[i]!] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(a, order);
}

/**
 * The elements as a 1-D array in C order: a view when the layout allows, else a copy.
 * @param a the array
 * @returns the flat view or copy
 * @example
 * ravel(nd.array([[1, 2], [3, 4]])).toArray(); // [1, 2, 3, 4]
 */
export function ravel(a: NdArray): NdArray {
  return reshape(a, [a.size]);
}

/**
 * The elements as a new 1-D array in C order (always a copy).
 * @param a the array
 * @returns the copy
 * @example
 * flatten(nd.array([[1, 2], [3, 4]]).T).toArray(); // [1, 3, 2, 4]
 */
export function flatten(a: NdArray): NdArray {
  a.assertLive();
  return copyAs(a, [a.size]);
}

/**
 * Removes size-1 axes: all of them, or those given. A view.
 * @param a the array
 * @param axis the axis or axes to remove; each must have size 1 (a 0-d array takes a single
 *   0 or -1 and is returned as a view, as NumPy)
 * @returns the squeezed view
 * @throws AxisError for an axis out of range; ShapeError for an axis whose size is not 1
 * @example
 * squeeze(nd.zeros([1, 3, 1])).shape; // [3]
 */
export function squeeze(a: NdArray, axis?: number | readonly number[]): NdArray {
  a.assertLive();
  let drop: number[];
  if (axis === undefined || axis === null) drop = a.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else if (a.ndim === 0 && (axis === 0 || axis === -1)) drop = []; // NumPy lets one axis 0/-1 through for 0-d
  else {
    drop = normalizeAxes(axis, a.ndim);
    for (const ax of drop) {
      if (a.shape[ax] !== 1) {
        throw new ShapeError(
          `cannot squeeze axis ${ax} of shape ${formatShape(a.shape)}: its size is ${a.shape[ax]}, not 1`,
          [a.shape],
        );
      }
    }
  }
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return view(a, keep.map((i) => a.shape[i]!), keep.map((i) => a.strides[i]!), a.offset);
}

/**
 * Inserts size-1 axes at positions `axis` of the result (NumPy's `expand_dims`, a tuple of
 * axes included). A view.
 * @param a the array
 * @param axis where the new axis goes, in `[-ndim-1, ndim]`; or several positions, each in
 *   `[-n, n)` for the result's `n = ndim + axis.length` dimensions
 * @returns the expanded view
 * @throws AxisError when out of range or repeated
 * @example
 * expandDims(nd.zeros([3]), -1).shape; // [3, 1]
 * expandDims(nd.zeros([3]), [0, 2]).shape; // [1, 3, 1]
 */
export function expandDims(a: NdArray, axis: number | readonly number[]): NdArray {
  a.assertLive();
  if (typeof axis !== 'number') {
    const ndim = a.ndim + axis.length;
    const added = new Set<number>();
    for (const ax of axis) {
      const k = normalizeAxis(ax, ndim);
      if (added.has(k)) throw new AxisError(ax, ndim, `repeated axis ${ax} in expandDims [${axis.join(',')}] for a result of dimension ${ndim}`);
      added.add(k);
    }
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0, j = 0; i < ndim; i++) {
      // a new axis takes the stride of the axis after it (any stride is right for size 1)
      if (added.has(i)) {
        shape.push(1);
        strides.push(j < a.ndim ? a.strides[j]! * a.shape[j]! : 1);
      } else {
        shape.push(a.shape[j]!);
        strides.push(a.strides[j++]!);
      }
    }
    return view(a, shape, strides, a.offset);
  }
  const ax = normalizeAxis(axis, a.ndim + 1);
  const shape = [...a.shape];
  const strides = [...a.strides];
  const stride = ax < a.ndim ? a.strides[ax]! * a.shape[ax]! : 1;
  shape.splice(ax, 0, 1);
  strides.splice(ax, 0, stride);
  return view(a, shape, strides, a.offset);
}

/**
 * A read-only view of `a` broadcast to `shape`: stretched axes get stride 0, so one element
 * appears many times. As NumPy's `broadcast_to`, the view (and every view taken of it) is
 * read-only: `set`, `fill`, `setWhere` and `{ out }` throw ReadOnlyError; copy it to write.
 * @param a the array
 * @param shape the target shape
 * @returns the broadcast view
 * @throws BroadcastError when `a` does not broadcast to `shape`
 * @example
 * broadcastTo(nd.array([1, 2]), [3, 2]).toArray(); // [[1, 2], [1, 2], [1, 2]]
 */
export function broadcastTo(a: NdArray, shape: ShapeLike): NdArray {
  a.assertLive();
  const target = normalizeShape(shape);
  return view(a, target, broadcastStrides(a.shape, a.strides, target), a.offset, true);
}

// ---- joining --------------------------------------------------------------------------

/** Result dtype of a join: bool when every input is bool, else float64. */
function joinDType(arrays: readonly NdArray[]): DType {
  return arrays.every((x) => x.dtype === 'bool') ? 'bool' : 'float64';
}

function checkJoinInputs(arrays: readonly NdArray[], what: string): void {
  if (!Array.isArray(arrays) || arrays.length === 0) throw new ShapeError(`${what} needs at least one array`);
  for (const x of arrays) {
    if (!(isNdArray(x))) throw new DTypeError(`${what} takes NdArrays, got ${String(x)}`, typeof x);
    x.assertLive();
  }
}

/**
 * Joins arrays along an existing axis (a copy). All shapes must match except along `axis`.
 * The result is bool when every input is bool, else float64.
 * @param arrays the arrays, at least one, all with the same number of dimensions (≥ 1)
 * @param axis the axis to join along (default 0; negative counts from the end)
 * @returns the joined array
 * @throws ShapeError naming the shapes on a mismatch; AxisError for a bad axis
 * @example
 * nd.concat([nd.array([1, 2]), nd.array([3])]).toArray(); // [1, 2, 3]
 */
export function concat(arrays: readonly NdArray[], axis = 0): NdArray {
  checkJoinInputs(arrays, 'concat');
  return joinAlong(arrays, axis, 'concat');
}

/** concat's work, after the inputs were checked; `what` names the caller in messages. */
function joinAlong(arrays: readonly NdArray[], axis: number, what: string): NdArray {
  const first = arrays[0]!;
  if (first.ndim === 0) throw new ShapeError('zero-dimensional arrays cannot be concatenated', [first.shape]);
  const ax = normalizeAxis(axis, first.ndim);
  const shape = [...first.shape];
  shape[ax] = 0;
  for (const x of arrays) {
    const ok = x.ndim === first.ndim && x.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!ok) {
      throw new ShapeError(
        `${what} along axis ${ax}: shapes ${arrays.map((y) => formatShape(y.shape)).join(', ')} differ off that axis`,
        arrays.map((y) => y.shape),
      );
    }
    shape[ax]! += x.shape[ax]!;
  }
  const out = emptyArray(shape, joinDType(arrays));
  let offset = 0;
  for (const x of arrays) {
    copyInto(x, view(out, x.shape, out.strides, offset));
    offset += x.shape[ax]! * out.strides[ax]!;
  }
  return out;
}

/**
 * Joins same-shape arrays along a new axis (a copy).
 * @param arrays the arrays, at least one, all of one shape
 * @param axis position of the new axis in the result (default 0)
 * @returns the stacked array
 * @throws ShapeError naming the shapes when they differ; AxisError for a bad axis
 * @example
 * nd.stack([nd.array([1, 2]), nd.array([3, 4])], 1).toArray(); // [[1, 3], [2, 4]]
 */
export function stack(arrays: readonly NdArray[], axis = 0): NdArray {
  checkJoinInputs(arrays, 'stack');
  const first = arrays[0]!;
  for (const x of arrays) {
    if (!sameShape(x.shape, first.shape)) {
      throw new ShapeError(
        `stack needs arrays of one shape, got ${arrays.map((y) => formatShape(y.shape)).join(', ')}`,
        arrays.map((y) => y.shape),
      );
    }
  }
  const ax = normalizeAxis(axis, first.ndim + 1);
  return concat(arrays.map((x) => expandDims(x, ax)), ax);
}

/** `a` as at least 1-D: a 0-d array becomes shape [1] (a view). */
function atLeast1d(a: NdArray): NdArray {
  return a.ndim === 0 ? view(a, [1], [1], a.offset) : a;
}

/** `a` as at least 2-D: 0-d becomes [1, 1], 1-D [n] becomes the row [1, n] (views). */
function atLeast2d(a: NdArray): NdArray {
  return a.ndim >= 2 ? a : expandDims(atLeast1d(a), 0);
}

/**
 * Joins arrays horizontally, NumPy's `hstack`: along axis 1, or along axis 0 when the
 * inputs are 1-D (0-d inputs count as 1-D). A copy; bool only when every input is bool.
 * @param arrays the arrays, at least one
 * @returns the joined array
 * @throws ShapeError naming the shapes on a mismatch
 * @example
 * nd.hstack([nd.array([1, 2]), nd.array([3])]).toArray(); // [1, 2, 3]
 * nd.hstack([nd.ones([2, 1]), nd.zeros([2, 2])]).toArray(); // [[1, 0, 0], [1, 0, 0]]
 */
export function hstack(arrays: readonly NdArray[]): NdArray {
  checkJoinInputs(arrays, 'hstack');
  const parts = arrays.map(atLeast1d);
  return joinAlong(parts, parts[0]!.ndim === 1 ? 0 : 1, 'hstack');
}

/**
 * Joins arrays vertically, NumPy's `vstack`: 1-D inputs of length n become rows [1, n]
 * (0-d ones [1, 1]), then all join along axis 0. A copy.
 * @param arrays the arrays, at least one
 * @returns the joined array, at least 2-D
 * @throws ShapeError naming the shapes on a mismatch
 * @example
 * nd.vstack([nd.array([1, 2]), nd.array([3, 4])]).toArray(); // [[1, 2], [3, 4]]
 */
export function vstack(arrays: readonly NdArray[]): NdArray {
  checkJoinInputs(arrays, 'vstack');
  return joinAlong(arrays.map(atLeast2d), 0, 'vstack');
}

/**
 * Joins arrays as columns, NumPy's `column_stack`: 1-D inputs of length n become columns
 * [n, 1] (0-d ones [1, 1]), 2-D and higher stay as they are; all join along axis 1. A copy.
 * @param arrays the arrays, at least one
 * @returns the joined array, at least 2-D
 * @throws ShapeError naming the shapes on a mismatch
 * @example
 * nd.columnStack([nd.array([1, 2]), nd.array([3, 4])]).toArray(); // [[1, 3], [2, 4]]
 */
export function columnStack(arrays: readonly NdArray[]): NdArray {
  checkJoinInputs(arrays, 'columnStack');
  const columns = arrays.map((a) => (a.ndim >= 2 ? a : expandDims(atLeast1d(a), 1)));
  return joinAlong(columns, 1, 'columnStack');
}

/**
 * Splits `a` into views along `axis`, NumPy's `array_split`: `sections` equal parts (the
 * first `size % sections` one element longer), or the pieces between the split points
 * `indices` (Python slice bounds: negative counts from the end, out of range clamps, a point
 * before the previous one gives an empty piece).
 * @param a the array, at least 1-D
 * @param sections a number of parts (> 0), or the split points
 * @param axis the axis (negative counts from the end)
 * @param equal NumPy's `split`: a number of parts must divide the axis length
 * @param what the public name, for messages
 * @returns the pieces, views of `a`
 * @throws AxisError for a bad axis (a 0-d array has none); ArgumentError for sections ≤ 0;
 *   ShapeError when `equal` and the parts would differ
 * @example
 * arraySplit(nd.arange(5), 2, 0).map((p) => p.toArray()); // [[0, 1, 2], [3, 4]]
 */
export function arraySplit(a: NdArray, sections: number | readonly number[], axis: number, equal = false, what = 'arraySplit'): NdArray[] {
  a.assertLive();
  const ax = normalizeAxis(axis, a.ndim);
  const n = a.shape[ax]!;
  let points: number[];
  if (typeof sections === 'number') {
    if (sections <= 0) throw new ArgumentError(what, 'indicesOrSections', `number of sections must be larger than 0, got ${sections}`);
    if (equal && n % sections !== 0) {
      throw new ShapeError(`${what}: array split does not result in an equal division (axis ${ax} of length ${n} into ${sections} sections)`, [a.shape]);
    }
    const each = Math.floor(n / sections);
    const extras = n % sections;
    points = [0];
    for (let i = 0; i < sections; i++) points.push(points[i]! + (i < extras ? each + 1 : each));
  } else {
    points = [0, ...sections, n];
  }
  const out: NdArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const { first, length } = resolveSliceRange({ start: points[i]!, stop: points[i + 1]!, step: 1 }, n, ax);
    const shape = [...a.shape];
    shape[ax] = length;
    out.push(view(a, shape, a.strides, a.offset + (length > 0 ? first * a.strides[ax]! : 0)));
  }
  return out;
}

/**
 * `a` with at least `n` (1, 2 or 3) dimensions, NumPy's `atleast_1d`/`_2d`/`_3d`: `a` itself
 * when it has them, else a view with size-1 axes added: 0-d → [1], [1, 1] or [1, 1, 1]; 1-D
 * [k] → [1, k] or [1, k, 1]; 2-D [m, k] → [m, k, 1].
 * @param a the array
 * @param n 1, 2 or 3
 * @returns `a` or the view
 * @example
 * atLeast(nd.arange(3), 3).shape; // [1, 3, 1]
 */
export function atLeast(a: NdArray, n: 1 | 2 | 3): NdArray {
  a.assertLive();
  if (a.ndim >= n) return a;
  if (n === 1) return atLeast1d(a);
  if (n === 2) return atLeast2d(a);
  const two = atLeast2d(a);
  return view(two, [...two.shape, 1], [...two.strides, 1], two.offset);
}

/**
 * Joins arrays along the third axis, NumPy's `dstack`: 0-d, 1-D and 2-D inputs first become
 * 3-D ([1, 1, 1], [1, k, 1], [m, k, 1]). A copy; bool only when every input is bool.
 * @param arrays the arrays, at least one
 * @returns the joined array, at least 3-D
 * @throws ShapeError naming the shapes on a mismatch
 * @example
 * dstack([nd.array([1, 2]), nd.array([3, 4])]).shape; // [1, 2, 2]
 */
export function dstack(arrays: readonly NdArray[]): NdArray {
  checkJoinInputs(arrays, 'dstack');
  return joinAlong(arrays.map((x) => atLeast(x, 3)), 2, 'dstack');
}

/**
 * Checks counts for repeat/tile: one non-negative integer or a list of them (ArgumentError
 * for a negative or fractional one: NumPy's ValueError "negative dimensions").
 */
function readCounts(counts: number | readonly number[], what: string, name: string): number[] {
  const list = typeof counts === 'number' ? [counts] : Array.isArray(counts) ? Array.from(counts) : null;
  if (list === null) throw new DTypeError(`${what}: ${name} must be a number or an array of numbers, got ${String(counts)}`, typeof counts);
  for (const r of list) {
    if (typeof r !== 'number' || !Number.isSafeInteger(r) || r < 0) {
      throw new ArgumentError(what, name, `${name} must be non-negative integers, got ${String(r)}`);
    }
  }
  return list;
}

/**
 * Repeats each element, NumPy's `repeat`: along `axis`, element i appears `repeats[i]`
 * times (or `repeats` times each); with no axis the array is flattened first. A copy of
 * `a`'s dtype.
 * @param a the array
 * @param repeats a count for every element, or one count per index along the axis
 * @param axis the axis (omitted or null: flatten first)
 * @returns the new array
 * @throws ArgumentError for a negative or fractional count; ShapeError when the number of counts is
 *   neither 1 nor the axis length; AxisError for a bad axis
 * @example
 * repeat(nd.array([[1, 2], [3, 4]]), 2).toArray(); // [1, 1, 2, 2, 3, 3, 4, 4]
 * repeat(nd.array([[1, 2], [3, 4]]), [1, 2], 0).toArray(); // [[1, 2], [3, 4], [3, 4]]
 */
export function repeat(a: NdArray, repeats: number | readonly number[], axis?: number | null): NdArray {
  a.assertLive();
  // the axis is checked before the counts, as NumPy; a 0-d array repeats as a 1-D one (axis 0 or -1)
  const flat = axis === undefined || axis === null || a.ndim === 0;
  const ax = axis === undefined || axis === null ? 0 : normalizeAxis(axis, Math.max(a.ndim, 1));
  const counts = readCounts(repeats, 'repeat', 'repeats');
  const n = flat ? a.size : a.shape[ax]!;
  if (counts.length !== 1 && counts.length !== n) {
    throw new ShapeError(
      `repeat: ${counts.length} repeats for ${flat ? 'the flattened array' : `axis ${ax}`} of length ${n}; give 1 or ${n}`,
      [flat ? [a.size] : a.shape, [counts.length]],
    );
  }
  const src = flat ? ravel(a) : a;
  const shape = [...src.shape];
  shape[ax] = counts.length === 1 ? n * counts[0]! : counts.reduce((sum, r) => sum + r, 0);
  const out = emptyArray(shape, a.dtype);
  if (counts.length === 1) {
    // Read as [..., n, r, ...]: a stride-0 axis after `ax` repeats each element r times.
    const split = [...src.shape.slice(0, ax + 1), counts[0]!, ...src.shape.slice(ax + 1)];
    const strides = [...src.strides.slice(0, ax + 1), 0, ...src.strides.slice(ax + 1)];
    copyInto(view(src, split, strides, src.offset), view(out, split, contiguousStrides(split), 0));
  } else {
    let at = 0;
    for (let i = 0; i < n; i++) {
      const r = counts[i]!;
      const part = [...src.shape];
      part[ax] = r;
      const strides = [...src.strides];
      strides[ax] = 0;
      copyInto(view(src, part, strides, src.offset + i * src.strides[ax]!), view(out, part, out.strides, at * out.strides[ax]!));
      at += r;
    }
  }
  if (src !== a && src.ownsStorage) src.dispose();
  return out;
}

/**
 * Repeats the whole array `reps` times along each axis, NumPy's `tile`. When `reps` is
 * shorter than `a.ndim` it is padded with leading 1s; when longer, `a` gains leading size-1
 * axes. A copy of `a`'s dtype.
 * @param a the array
 * @param reps the count along each axis (a number: along the last axis)
 * @returns the new array
 * @throws ArgumentError for a negative or fractional count
 * @example
 * tile(nd.array([1, 2]), 2).toArray(); // [1, 2, 1, 2]
 * tile(nd.array([1, 2]), [2, 1]).toArray(); // [[1, 2], [1, 2]]
 */
export function tile(a: NdArray, reps: number | readonly number[]): NdArray {
  a.assertLive();
  const counts = readCounts(reps, 'tile', 'reps');
  const ndim = Math.max(counts.length, a.ndim);
  const shape = [...new Array<number>(ndim - a.ndim).fill(1), ...a.shape];
  const strides = [...new Array<number>(ndim - a.ndim).fill(0), ...a.strides];
  const full = [...new Array<number>(ndim - counts.length).fill(1), ...counts];
  const out = emptyArray(shape.map((d, i) => d * full[i]!), a.dtype);
  // Read as [r0, d0, r1, d1, ...]: each count a stride-0 axis in front of its axis.
  const pairs = shape.flatMap((d, i) => [full[i]!, d]);
  const pairStrides = strides.flatMap((s) => [0, s]);
  copyInto(view(a, pairs, pairStrides, a.offset), view(out, pairs, contiguousStrides(pairs), 0));
  return out;
}

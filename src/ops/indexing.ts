/**
 * Integer ("fancy") indexing, NumPy's forms that take index arrays: `take` (gather, flat or
 * along an axis), `put` (scatter into the flat array, in place), `takeAlongAxis` and
 * `putAlongAxis` (the partners of `argsort`). Indices are float64 values that must be
 * integers in [-n, n) (negative ones count from the end), given as an NdArray or nested
 * number arrays of any shape. Every index is checked before anything the caller can see is
 * written: a bad one throws IndexError naming it, and leaves every array as it was.
 * Contiguous float64 data in the arena runs the WASM kernels of wasm/assembly/gather.ts.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { ArgumentError, BroadcastError, DTypeError, IndexError, ShapeError, formatShape } from '../errors.ts';
import { checkChoice, checkOptions, describe } from '../args.ts';
import { fromNested } from '../nested.ts';
import { broadcastShapes, broadcastStrides, normalizeAxis, sameShape, shapeSize } from '../shape.ts';
import type { Data } from '../kernels/js.ts';
import { kernelTable, ptrOf } from '../dispatch.ts';
import { rejectTraced, tracing } from '../fuse/index.ts';

/** What an index argument may be: an NdArray of integral float64 values, nested numbers, or one number. */
export type IndexArg = NdArray | number | readonly number[] | readonly (readonly unknown[])[];

/** Values for `put`/`putAlongAxis`: a number, an NdArray, or nested numbers/booleans. */
export type ValuesArg = NdArray | number | boolean | readonly unknown[];

/** How `take`/`put` treat an index outside [-n, n) (NumPy's `mode`; see {@link TakeOptions}). */
export type IndexMode = 'raise' | 'wrap' | 'clip';

/**
 * Options of `a.take` / `a.put` (NumPy's `mode` argument).
 * - `mode`: `'raise'` (the default: an index outside [-n, n) throws IndexError), `'wrap'`
 *   (taken modulo n: -1 is the last element, n the first) or `'clip'` (clamped into
 *   [0, n - 1]; a negative index gives 0, as NumPy, not a count from the end). In every mode
 *   an index that is not an integer throws IndexError. An index into an empty axis throws in
 *   every mode when the result is not empty; when it is empty (another axis is 0), only
 *   'raise' throws, as NumPy (NumPy 2.4's 'wrap' loops forever there; ndvec answers as 'clip').
 */
export interface TakeOptions {
  /** `'raise'` (default), `'wrap'` or `'clip'`: how an index outside [-n, n) is treated. */
  mode?: IndexMode;
}

const MODES = ['raise', 'wrap', 'clip'] as const;

/**
 * The mode of a take/put options argument, checked strictly, as the kernels' number
 * (0 'raise', 1 'wrap', 2 'clip').
 * @param func the public name, for errors
 * @param options `undefined` or `{ mode }`
 * @returns 0, 1 or 2
 * @throws ArgumentError for anything but `undefined` or a plain object whose only key is `mode` with one of the three names
 * @example
 * indexMode('take', { mode: 'clip' }); // 2
 */
export function indexMode(func: string, options: unknown): number {
  if (options === undefined) return 0;
  const o = checkOptions(func, options, ['mode']);
  return o.mode === undefined ? 0 : MODES.indexOf(checkChoice(func, 'mode', o.mode, MODES));
}

/** An argument read as a live C-contiguous array, and whether it was made here (to dispose). */
interface Contiguous {
  readonly array: NdArray;
  readonly temporary: boolean;
}

function release(c: Contiguous | null): void {
  if (c !== null && c.temporary) c.array.dispose();
}

/**
 * The indices as a contiguous float64 array (a copy when given nested numbers, a strided
 * view, or a view of `target`'s memory, which a scatter would change under its reads).
 */
function indexArray(func: string, indices: unknown, target: NdArray | null): Contiguous {
  if (isNdArray(indices)) {
    indices.assertLive();
    if (indices.dtype === 'bool') {
      throw new DTypeError(`${func}: indices must be integers (float64), got a bool array; use a.where(mask) to select by a mask`, 'bool');
    }
    if (indices.isContiguous && (target === null || indices.storage !== target.storage)) return { array: indices, temporary: false };
    return { array: indices.copy(), temporary: true };
  }
  if (typeof indices === 'number') {
    // One index: a 0-d index array (NumPy's `a.take(2)` drops the axis it indexes).
    const array = emptyArray([], 'float64');
    array.f64()[array.start] = indices;
    return { array, temporary: true };
  }
  if (Array.isArray(indices)) {
    const array = fromNested(indices);
    if (array.dtype === 'bool') {
      array.dispose();
      throw new DTypeError(`${func}: indices must be integers, got booleans; use a.where(mask) to select by a mask`, 'bool');
    }
    return { array, temporary: true };
  }
  throw new ArgumentError(func, 'indices', `indices must be an NdArray, an array of integers or an integer, got ${describe(indices)}`);
}

/** Values as a live array (a number becomes a one-element array); copied when they share `target`'s memory. */
function valuesArray(func: string, values: unknown, target: NdArray): Contiguous {
  if (isNdArray(values)) {
    values.assertLive();
    if (values.storage !== target.storage) return { array: values, temporary: false };
    return { array: values.copy(), temporary: true };
  }
  if (typeof values === 'number' || typeof values === 'boolean') {
    const array = emptyArray([], typeof values === 'boolean' ? 'bool' : 'float64');
    if (typeof values === 'boolean') array.u8()[array.start] = values ? 1 : 0;
    else array.f64()[array.start] = values;
    return { array, temporary: true };
  }
  if (Array.isArray(values)) return { array: fromNested(values), temporary: true };
  throw new ArgumentError(func, 'values', `values must be a number, an NdArray or an array of numbers, got ${describe(values)}`);
}

/** The element offset index `v` names in an axis of `n`, or -1 (not an integer in [-n, n)). */
function resolveIndex(v: number, n: number): number {
  const w = v < 0 ? v + n : v;
  return w >= 0 && w < n && Math.floor(w) === w ? w : -1;
}

/**
 * The element offset index `v` names under `mode` (0 raise, 1 wrap, 2 clip), or -1 (JS twin
 * of gather.ts's resolveMode): wrap and clip take any integer (wrap by the exact remainder),
 * none when n is 0.
 */
function resolveMode(v: number, n: number, mode: number): number {
  if (mode === 0) return resolveIndex(v, n);
  if (!(Math.floor(v) === v && Math.abs(v) !== Infinity && n > 0)) return -1;
  if (mode === 1) {
    const r = v % n;
    return r < 0 ? r + n : r + 0; // + 0: -0 → 0
  }
  return v < 0 ? 0 : v > n - 1 ? n - 1 : v + 0;
}

/** The IndexError for index `v` (at `position` of the indices) into an axis of `n`, bad under `mode`. */
function badIndex(func: string, v: number, position: number, axis: number, n: number, mode = 0): IndexError {
  const w = v < 0 ? v + n : v;
  if (mode === 0 ? !(w >= 0 && w < n) && !Number.isNaN(v) : n === 0 && Math.floor(v) === v && Math.abs(v) !== Infinity) {
    return new IndexError(`${func}: index ${v} is out of bounds for axis ${axis} with size ${n}`, v, axis);
  }
  return new IndexError(`${func}: index ${v} (position ${position} of the indices) is not an integer (axis ${axis} with size ${n})`, v, axis);
}

/** x[xs + idx[i]] → o[os + i] for i < m (JS twin of take_f64); returns m, or the first bad position. */
function takeRow(x: Data, xs: number, n: number, idx: Float64Array, is: number, m: number, o: Data, os: number): number {
  for (let i = 0; i < m; i++) {
    const j = resolveIndex(idx[is + i]!, n);
    if (j < 0) return i;
    o[os + i] = x[xs + j]!;
  }
  return m;
}

/** takeRow under mode 1 'wrap' or 2 'clip' (apart, so the 'raise' loop stays as small as it was: 10–20 % faster at 1M). */
function takeRowMode(x: Data, xs: number, n: number, idx: Float64Array, is: number, m: number, o: Data, os: number, mode: number): number {
  for (let i = 0; i < m; i++) {
    const j = resolveMode(idx[is + i]!, n, mode);
    if (j < 0) return i;
    o[os + i] = x[xs + j]!;
  }
  return m;
}

/** First position of idx[is..is+m) that is not an index into n elements under `mode`, or m (JS twin of gather.ts's checkIndices). */
function firstBadIndex(idx: Float64Array, is: number, m: number, n: number, mode = 0): number {
  return mode === 0 ? firstBadRaise(idx, is, m, n) : firstBadMode(idx, is, m, n, mode);
}

/** firstBadIndex in mode 'raise' (its own small loop, as before the modes). */
function firstBadRaise(idx: Float64Array, is: number, m: number, n: number): number {
  for (let i = 0; i < m; i++) if (resolveIndex(idx[is + i]!, n) < 0) return i;
  return m;
}

/** firstBadIndex in mode 1 'wrap' or 2 'clip'. */
function firstBadMode(idx: Float64Array, is: number, m: number, n: number, mode: number): number {
  for (let i = 0; i < m; i++) if (resolveMode(idx[is + i]!, n, mode) < 0) return i;
  return m;
}

/** Runs `fill` on a new result; disposes the result when it throws. */
function filled(result: NdArray, fill: (result: NdArray) => void): NdArray {
  try {
    fill(result);
  } catch (e) {
    result.dispose();
    throw e;
  }
  return result;
}

/** Data view of an array by its dtype. */
function dataOf(a: NdArray): Data {
  return a.dtype === 'bool' ? a.u8() : a.f64();
}

/**
 * `a.take(indices, axis, { mode })`: elements of `a` at `indices`, from the flattened array
 * when `axis` is null, else along `axis` (NumPy `np.take`). The result's shape is
 * `indices`' shape (flat), else `a.shape[:axis] + indices.shape + a.shape[axis+1:]`.
 * @param a the source (float64 or bool, any layout)
 * @param indices integral float64 values (in [-n, n) in mode 'raise'), any shape
 * @param axis the axis, or null for the flattened array
 * @param mode 0 'raise', 1 'wrap', 2 'clip' (see {@link TakeOptions}; checked by {@link indexMode})
 * @param func the public name errors give (`takeAlongAxis` with axis null calls this)
 * @returns a new array of `a`'s dtype
 * @throws IndexError naming an index out of range or not an integer; AxisError; DTypeError for bool indices
 * @example
 * take(nd.array([10, 20, 30]), [2, -3], null).toArray(); // [30, 10]
 */
export function take(a: NdArray, indices: unknown, axis: number | null, mode = 0, func = 'take'): NdArray {
  if (tracing.depth !== 0) rejectTraced(func, [a, indices]);
  a.assertLive();
  // A 0-d array takes along "axis 0" as NumPy does: as its flattened one-element self.
  const ax = axis === null || a.ndim === 0 ? (axis === null ? null : normalizeAxis(axis, 1)) : normalizeAxis(axis, a.ndim);
  const idx = indexArray(func, indices, null);
  let src: Contiguous | null = null;
  try {
    src = a.isContiguous ? { array: a, temporary: false } : { array: a.copy(), temporary: true };
    const flat = ax === null || a.ndim === 0;
    const n = flat ? a.size : a.shape[ax]!;
    const outer = flat ? 1 : shapeSize(a.shape.slice(0, ax));
    const inner = flat ? 1 : shapeSize(a.shape.slice(ax + 1));
    const shape = flat ? [...idx.array.shape] : [...a.shape.slice(0, ax), ...idx.array.shape, ...a.shape.slice(ax + 1)];
    return filled(emptyArray(shape, a.dtype), (result) => gather(func, src!.array, n, outer, inner, idx.array, result, flat ? 0 : ax!, false, mode));
  } finally {
    release(src);
    release(idx);
  }
}

/**
 * result[o, i, r] = x[o, idx[i], r] over contiguous x (outer × n × inner) and result
 * (outer × m × inner); with `ownRows` (inner 1), row o reads its own index row idx[o, i].
 * Throws IndexError (result partly written) at the first bad index.
 */
function gather(func: string, x: NdArray, n: number, outer: number, inner: number, idx: NdArray, result: NdArray, axis: number, ownRows = false, mode = 0): void {
  const m = ownRows ? idx.size / outer : idx.size;
  const idxRow = ownRows ? m : 0;
  if (outer === 0) return; // NumPy's take visits no index when there is no outer row (nothing is checked)
  if (m === 0 || inner === 0) {
    // Nothing is read, but every index must still be valid (NumPy checks them too). An empty
    // axis refuses only a non-empty result under 'wrap'/'clip' (NumPy's "non-empty take from
    // an empty axes"): here only non-integers are bad (n 1 accepts every integer).
    const id = idx.f64();
    const bad = firstBadIndex(id, idx.start, idx.size, n === 0 && mode !== 0 ? 1 : n, mode);
    if (bad < idx.size) throw badIndex(func, id[idx.start + bad]!, bad, axis, n, mode);
    return;
  }
  const k = kernelTable();
  if (inner === 1 && k !== null && x.dtype === 'float64' && x.storage.inArena && idx.storage.inArena && result.storage.inArena) {
    const px = ptrOf(x);
    const pi = ptrOf(idx);
    const po = ptrOf(result);
    for (let r = 0; r < outer; r++) {
      const done = (k.take_f64!(px + r * n * 8, n, pi + r * idxRow * 8, m, po + r * m * 8, mode) as number) >>> 0;
      if (done < m) throw badIndex(func, idx.f64()[idx.start + r * idxRow + done]!, r * idxRow + done, axis, n, mode);
    }
    return;
  }
  const xd = dataOf(x);
  const id = idx.f64();
  const od = dataOf(result);
  if (inner === 1) {
    for (let r = 0; r < outer; r++) {
      const done =
        mode === 0
          ? takeRow(xd, x.start + r * n, n, id, idx.start + r * idxRow, m, od, result.start + r * m)
          : takeRowMode(xd, x.start + r * n, n, id, idx.start + r * idxRow, m, od, result.start + r * m, mode);
      if (done < m) throw badIndex(func, id[idx.start + r * idxRow + done]!, r * idxRow + done, axis, n, mode);
    }
    return;
  }
  const bad = firstBadIndex(id, idx.start, m, n, mode);
  if (bad < m) throw badIndex(func, id[idx.start + bad]!, bad, axis, n, mode);
  let t = result.start;
  for (let r = 0; r < outer; r++) {
    const base = x.start + r * n * inner;
    for (let i = 0; i < m; i++, t += inner) {
      const s = base + resolveMode(id[idx.start + i]!, n, mode) * inner;
      od.set(xd.subarray(s, s + inner), t);
    }
  }
}

/** Storage offset of flat (C-order) element `j` of `a`. */
function flatOffset(a: NdArray, j: number): number {
  let off = a.start;
  for (let d = a.ndim - 1; d >= 0; d--) {
    const s = a.shape[d]!;
    off += (j % s) * a.strides[d]!;
    j = Math.floor(j / s);
  }
  return off;
}

/** Value converter for writing `from`'s elements into `to`'s dtype (bool ← nonzero, NaN true, as NumPy's cast). */
function converted(from: NdArray, to: NdArray): (v: number) => number {
  if (to.dtype === 'bool' && from.dtype !== 'bool') return (v) => (v !== 0 ? 1 : 0);
  return (v) => v;
}

/**
 * `a.put(indices, values, { mode })`: `a.flat[indices[i]] = values.flat[i mod values.size]`
 * in order (a repeated index keeps the last value; NumPy `np.put`). Every index is checked
 * before anything is written, in every mode and on both paths (NumPy's `put` writes the
 * indices before a bad one, then raises).
 * @param a the target, written in place (any layout, writable)
 * @param indices integral float64 values (in [-a.size, a.size) in mode 'raise'), any shape
 * @param values a number or an array (read flat, cycled)
 * @param mode 0 'raise', 1 'wrap', 2 'clip' (see {@link TakeOptions}; checked by {@link indexMode})
 * @throws IndexError for a bad index (none is checked when `values` is empty: NumPy writes nothing then); ReadOnlyError
 * @example
 * const a = nd.zeros([3]); put(a, [0, 2], [5, 6]); a.toArray(); // [5, 0, 6]
 */
export function put(a: NdArray, indices: unknown, values: unknown, mode = 0): void {
  if (tracing.depth !== 0) rejectTraced('put', [a, indices, values]);
  a.assertLive();
  a.assertWritable('put');
  const idx = indexArray('put', indices, a);
  let vals: Contiguous | null = null;
  try {
    vals = valuesArray('put', values, a);
    if (!vals.array.isContiguous) {
      const copy = vals.array.copy();
      release(vals);
      vals = { array: copy, temporary: true };
    }
    const m = idx.array.size;
    const nv = vals.array.size;
    const n = a.size;
    if (m === 0) return;
    if (n === 0) {
      // NumPy: "cannot replace elements of an empty array", before it looks at the values.
      const id = idx.array.f64();
      throw badIndex('put', id[idx.array.start]!, 0, 0, n, mode);
    }
    if (nv === 0) return; // NumPy's put writes (and checks) nothing when values is empty
    scatterFlat('put', a, n, idx.array, m, vals.array, nv, mode);
  } finally {
    release(vals);
    release(idx);
  }
}

/** a.flat[idx[i]] = v.flat[i mod nv] for i < m, every index checked first (`func` names the caller in errors). */
function scatterFlat(func: string, a: NdArray, n: number, idx: NdArray, m: number, v: NdArray, nv: number, mode: number): void {
  const k = kernelTable();
  if (k !== null && a.dtype === 'float64' && v.dtype === 'float64' && a.isContiguous && a.storage.inArena && idx.storage.inArena && v.storage.inArena) {
    // One call checks every index, then writes (nothing when one is bad).
    const bad = (k.put_f64!(ptrOf(a), n, ptrOf(idx), m, ptrOf(v), nv, mode) as number) >>> 0;
    if (bad < m) throw badIndex(func, idx.f64()[idx.start + bad]!, bad, 0, n, mode);
    return;
  }
  const id = idx.f64();
  const bad = firstBadIndex(id, idx.start, m, n, mode);
  if (bad < m) throw badIndex(func, id[idx.start + bad]!, bad, 0, n, mode);
  const ad = dataOf(a);
  const vd = dataOf(v);
  if (a.isContiguous && a.dtype === v.dtype && mode === 0) {
    // The common case in one monomorphic loop (no cast, no offset walk).
    for (let i = 0, c = 0; i < m; i++) {
      ad[a.start + resolveIndex(id[idx.start + i]!, n)] = vd[v.start + c]!;
      if (++c === nv) c = 0;
    }
    return;
  }
  const cast = converted(v, a);
  const contiguous = a.isContiguous;
  for (let i = 0, c = 0; i < m; i++) {
    const j = resolveMode(id[idx.start + i]!, n, mode);
    ad[contiguous ? a.start + j : flatOffset(a, j)] = cast(vd[v.start + c]!);
    if (++c === nv) c = 0;
  }
}

/**
 * Strides that read `v` over a walk of `shape`, as NumPy's fancy assignment broadcasts values:
 * values with more dimensions than the walk are first reshaped to their trailing ones (NumPy
 * accepts [1, 2, 3] for a walk of [2, 3], and any empty values whose trailing axes hold a 0:
 * [2, 0] for a walk of [0]), the rest broadcast.
 * @throws BroadcastError naming `v`'s whole shape and the walk's
 */
function valuesStrides(v: NdArray, shape: readonly number[]): number[] {
  let k = Math.max(0, v.ndim - shape.length);
  // the reshape keeps the size: the leading axes all 1, or the trailing ones empty
  if (k > 0 && !v.shape.slice(0, k).every((d) => d === 1) && shapeSize(v.shape.slice(k)) !== 0) k = 0;
  try {
    return broadcastStrides(v.shape.slice(k), v.strides.slice(k), shape);
  } catch (e) {
    if (e instanceof BroadcastError) throw new BroadcastError([v.shape, shape]);
    throw e;
  }
}

/** Shapes of an along-axis operation: the index walk's shape (`a` and `indices` broadcast off the axis). */
function alongAxisShape(func: string, a: NdArray, idx: NdArray, ax: number): number[] {
  if (idx.ndim !== a.ndim) {
    throw new ShapeError(
      `${func}: indices must have as many dimensions as the array (${a.ndim}), got shape ${formatShape(idx.shape)}`,
      [idx.shape, a.shape],
    );
  }
  const shape = broadcastShapes(
    a.shape.map((d, i) => (i === ax ? 1 : d)),
    idx.shape.map((d, i) => (i === ax ? 1 : d)),
  );
  shape[ax] = idx.shape[ax]!;
  return shape;
}

/**
 * Walks `shape` (C order) calling `body(pa, pi, pv, k)` once per line along `ax`, with the
 * offsets of the line's first element in three strided operands; `k` is the line index.
 */
function forEachLine(
  shape: readonly number[],
  ax: number,
  strides: readonly (readonly number[])[],
  starts: readonly number[],
  body: (p0: number, p1: number, p2: number) => void,
): void {
  const ndim = shape.length;
  if (shapeSize(shape) === 0) return;
  const pos = new Array<number>(ndim).fill(0);
  const off = [...starts];
  while (true) {
    body(off[0]!, off[1] ?? 0, off[2] ?? 0);
    let d = ndim - 1;
    for (; d >= 0; d--) {
      if (d === ax) continue;
      pos[d]!++;
      for (let s = 0; s < off.length; s++) off[s]! += strides[s]![d]!;
      if (pos[d]! < shape[d]!) break;
      for (let s = 0; s < off.length; s++) off[s]! -= strides[s]![d]! * shape[d]!;
      pos[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * `nd.takeAlongAxis(a, indices, axis)`: picks `a`'s elements along `axis` at `indices`,
 * which has `a`'s number of dimensions and broadcasts against `a` off the axis (NumPy
 * `take_along_axis`); null `axis` takes from the flattened array with 1-D indices.
 * @param a the source
 * @param indices integral float64 values in [-n, n) (n = `a.shape[axis]`)
 * @param axis the axis, or null
 * @returns a new array: the broadcast shape with `indices.shape[axis]` along `axis`
 * @throws ShapeError when the dimensions differ; BroadcastError; IndexError; AxisError
 * @example
 * const a = nd.array([[3, 1], [0, 2]]);
 * takeAlongAxis(a, a.argsort(1), 1).toArray(); // [[1, 3], [0, 2]]
 */
export function takeAlongAxis(a: NdArray, indices: unknown, axis: number | null): NdArray {
  if (tracing.depth !== 0) rejectTraced('takeAlongAxis', [a, indices]);
  a.assertLive();
  if (axis === null) {
    const idx = indexArray('takeAlongAxis', indices, null);
    try {
      if (idx.array.ndim !== 1) {
        throw new ShapeError(`takeAlongAxis: with axis null, indices must be 1-D, got shape ${formatShape(idx.array.shape)}`, [idx.array.shape]);
      }
      return take(a, idx.array, null, 0, 'takeAlongAxis');
    } finally {
      release(idx);
    }
  }
  const ax = normalizeAxis(axis, a.ndim);
  const idx = indexArray('takeAlongAxis', indices, null);
  try {
    const shape = alongAxisShape('takeAlongAxis', a, idx.array, ax);
    const n = a.shape[ax]!;
    const ids = idx.array.f64();
    // NumPy checks the indices it visits: none when the walk is empty (e.g. a has a 0 axis).
    const bad = shapeSize(shape) === 0 ? idx.array.size : firstBadIndex(ids, idx.array.start, idx.array.size, n);
    if (bad < idx.array.size) throw badIndex('takeAlongAxis', ids[idx.array.start + bad]!, bad, ax, n);
    return filled(emptyArray(shape, a.dtype), (result) => {
      const m = shape[ax]!;
      if (ax === a.ndim - 1 && a.isContiguous && sameShape(idx.array.shape, shape) && sameShape(a.shape.slice(0, ax), shape.slice(0, ax)) && result.size > 0) {
        // The argsort pattern (last axis, one index row a row): gather row by row, as take.
        gather('takeAlongAxis', a, n, result.size / m, 1, idx.array, result, ax, true);
        return;
      }
      const aStrides = broadcastStrides(a.shape.map((d, i) => (i === ax ? 1 : d)), a.strides, shape.map((d, i) => (i === ax ? 1 : d)));
      const iStrides = broadcastStrides(idx.array.shape, idx.array.strides, shape);
      const aAx = a.strides[ax]!;
      const iAx = iStrides[ax]!;
      const oAx = result.strides[ax]!;
      const ad = dataOf(a);
      const id = idx.array.f64();
      const od = dataOf(result);
      forEachLine(shape, ax, [aStrides, iStrides, result.strides], [a.start, idx.array.start, result.start], (pa, pi, po) => {
        for (let i = 0; i < m; i++) od[po + i * oAx] = ad[pa + resolveIndex(id[pi + i * iAx]!, n) * aAx]!;
      });
    });
  } finally {
    release(idx);
  }
}

/**
 * `nd.putAlongAxis(a, indices, values, axis)`: writes `values` (broadcast to the index
 * walk's shape) into `a` along `axis` at `indices` (NumPy `put_along_axis`), in place.
 * Every index is checked before anything is written; a repeated target keeps the value written
 * last in C order of the index walk (as NumPy).
 * @param a the target (writable)
 * @param indices integral float64 values in [-n, n), `a`'s number of dimensions
 * @param values a number or an array broadcastable to the walk's shape
 * @param axis the axis, or null for the flattened array (1-D indices)
 * @throws ShapeError; BroadcastError; IndexError; AxisError; ReadOnlyError
 * @example
 * const a = nd.zeros([2, 2]);
 * putAlongAxis(a, [[1], [0]], 9, 1); a.toArray(); // [[0, 9], [9, 0]]
 */
export function putAlongAxis(a: NdArray, indices: unknown, values: unknown, axis: number | null): void {
  if (tracing.depth !== 0) rejectTraced('putAlongAxis', [a, indices, values]);
  a.assertLive();
  a.assertWritable('putAlongAxis');
  const func = 'putAlongAxis';
  const idx = indexArray(func, indices, a);
  let vals: Contiguous | null = null;
  try {
    vals = valuesArray(func, values, a);
    if (axis === null) {
      if (idx.array.ndim !== 1) {
        throw new ShapeError(`${func}: with axis null, indices must be 1-D, got shape ${formatShape(idx.array.shape)}`, [idx.array.shape]);
      }
      const m = idx.array.size;
      valuesStrides(vals.array, [m]);
      if (vals.array.size !== 1 && !vals.array.isContiguous) {
        const copy = vals.array.copy();
        release(vals);
        vals = { array: copy, temporary: true };
      }
      if (m > 0) scatterFlat(func, a, a.size, idx.array, m, vals.array, vals.array.size, 0);
      return;
    }
    const ax = normalizeAxis(axis, a.ndim);
    const shape = alongAxisShape(func, a, idx.array, ax);
    const n = a.shape[ax]!;
    const id = idx.array.f64();
    const bad = shapeSize(shape) === 0 ? idx.array.size : firstBadIndex(id, idx.array.start, idx.array.size, n);
    const vStrides = valuesStrides(vals.array, shape);
    if (bad < idx.array.size) throw badIndex(func, id[idx.array.start + bad]!, bad, ax, n);
    // The walk goes in C order (lines along the last axis), as NumPy's fancy assignment: where
    // a broadcast axis sends several writes to one element, the last in C order stays.
    const last = shape.length - 1;
    const m = shape[last]!;
    const aStrides = broadcastStrides(a.shape.map((d, i) => (i === ax ? 1 : d)), a.strides, shape.map((d, i) => (i === ax ? 1 : d)));
    const iStrides = broadcastStrides(idx.array.shape, idx.array.strides, shape);
    const aAx = a.strides[ax]!;
    const aLast = aStrides[last]!;
    const iLast = iStrides[last]!;
    const vLast = vStrides[last]!;
    const ad = dataOf(a);
    const vd = dataOf(vals.array);
    const cast = converted(vals.array, a);
    forEachLine(shape, last, [aStrides, iStrides, vStrides], [a.start, idx.array.start, vals.array.start], (pa, pi, pv) => {
      for (let i = 0; i < m; i++) ad[pa + i * aLast + resolveIndex(id[pi + i * iLast]!, n) * aAx] = cast(vd[pv + i * vLast]!);
    });
  } finally {
    release(vals);
    release(idx);
  }
}

/**
 * Interop with scijs `ndarray` (and so `ndarray-ops` and friends): `toNdarray` shares this
 * array's memory, `fromNdarray` copies any strided scijs array in.
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { emptyArray } from './array-factory.ts';
import { DTypeError, NdvecError, ShapeError, formatShape } from './errors.ts';
import { MAX_DIMS, checkArity, checkShape } from './args.ts';
import { MAX_NESTED_DIMS, copiedIfInArena, isDetached } from './nested.ts';

/**
 * A scijs `ndarray` over an NdArray's storage (`Float64Array`, or `Uint8Array` for bool).
 * Declared here structurally (it matches `ndarray.NdArray` of `@types/ndarray`) so that
 * ndvec ships no dependency on the `ndarray` package or its types.
 */
export interface ScijsNdarray {
  /** The flat data (may be the whole WebAssembly memory; see `offset`). */
  data: Float64Array | Uint8Array;
  /** Dimension sizes. */
  shape: number[];
  /** Step in elements between neighbours along each dimension. */
  stride: number[];
  /** Index in `data` of element [0, …, 0]. */
  offset: number;
  /** `'float64'` or `'uint8'` (bool arrays). */
  dtype: 'float64' | 'uint8';
  /** Number of elements. */
  size: number;
  /** Axes ordered by increasing stride. */
  order: number[];
  /** Number of dimensions. */
  dimension: number;
  /** Reads one element. */
  get(...args: number[]): number;
  /** Writes one element (the last argument is the value). */
  set(...args: number[]): number;
  /** Flat index in `data` of an element. */
  index(...args: number[]): number;
  /** View starting at the given indices. */
  lo(...args: number[]): ScijsNdarray;
  /** View ending before the given indices. */
  hi(...args: number[]): ScijsNdarray;
  /** View with the given steps. */
  step(...args: number[]): ScijsNdarray;
  /** View with permuted axes. */
  transpose(...args: number[]): ScijsNdarray;
  /** View fixing some indices (null keeps an axis). */
  pick(...args: Array<number | null>): ScijsNdarray;
  /** The transpose. */
  T: ScijsNdarray;
}

/** The `ndarray` package's default export: `ndarray(data, shape, stride, offset)`. */
export type NdarrayFactory = (
  data: Float64Array | Uint8Array,
  shape: number[],
  stride: number[],
  offset: number,
) => ScijsNdarray;

let resolvedFactory: NdarrayFactory | null = null;

/**
 * Finds the `ndarray` package without importing it statically (ndvec has no runtime
 * dependencies, and browsers cannot resolve a bare CommonJS specifier): in Node, through
 * `process.getBuiltinModule('node:module').createRequire`. Elsewhere callers pass it.
 */
function findNdarrayFactory(): NdarrayFactory | null {
  if (resolvedFactory !== null) return resolvedFactory;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const moduleApi = proc?.getBuiltinModule?.('node:module') as
    | { createRequire(from: string): (id: string) => unknown }
    | undefined;
  if (moduleApi === undefined) return null;
  try {
    const loaded = moduleApi.createRequire(import.meta.url)('ndarray') as NdarrayFactory | { default: NdarrayFactory };
    resolvedFactory = typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    return null;
  }
  return resolvedFactory;
}

/** What `nd.fromNdarray` accepts: the scijs layout (`data[offset + Σ i_k·stride_k]`). */
export interface NdarrayLike {
  /** The flat data: a typed array, a number[] or anything indexable with a length. */
  data:
    | ArrayLike<number>
    | {
        /** Element `i` of the flat data. */
        get(i: number): number;
        /** Number of elements in the flat data. */
        length: number;
      };
  /** Dimension sizes. */
  shape: readonly number[];
  /** Step in elements between neighbours along each dimension (may be negative or 0). */
  stride: readonly number[];
  /** Index in `data` of element [0, …, 0]. */
  offset: number;
}

/**
 * A scijs `ndarray` over the same memory as `a`: writes through either are seen by both.
 * Its `data` may be the whole WebAssembly memory; `offset` and `stride` locate the elements.
 * Do not keep it past `a.dispose()` or past an allocation that grows the memory.
 *
 * The `ndarray` package is an optional peer: in Node it is found where the app installed it;
 * in browsers (or to choose the copy) pass its default export as `factory`. Note that the
 * `ndarray` package itself compiles code with `new Function`, so it needs a page that allows
 * `'unsafe-eval'`.
 * @param a the array (float64 gives a `Float64Array` view, bool a `Uint8Array` one)
 * @param factory the `ndarray` package's default export (optional in Node)
 * @returns the scijs ndarray
 * @throws NdvecError when no `ndarray` package can be found and none was passed
 * @remarks scijs ndarrays have no read-only flag: the result of a read-only array (a
 * `broadcastTo` view) is writable, and writing through its stride-0 axes changes the shared
 * elements of the base array. Copy first (`a.copy().toNdarray()`) when you mean to write.
 * @example
 * const a = nd.array([1, 2, 3]);
 * ops.mulseq(a.toNdarray(), 2); // a is now [2, 4, 6]
 */
export function toNdarray(a: NdArray, factory?: NdarrayFactory): ScijsNdarray {
  const make = factory ?? findNdarrayFactory();
  if (make === null) {
    throw new NdvecError(
      "toNdarray needs the 'ndarray' package: install it (npm install ndarray) or pass it: a.toNdarray(ndarray)",
    );
  }
  const data = a.dtype === 'bool' ? a.u8() : a.f64();
  return make(data, [...a.shape], [...a.strides], a.start);
}

function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

/**
 * Copies a scijs-style strided array into a new float64 NdArray, honouring `stride` and
 * `offset`. The input is validated first: shape/stride lengths, integer strides and offset,
 * and every addressed index inside `data`.
 * @param x an object with `data`, `shape`, `stride`, `offset` (a scijs `ndarray`)
 * @returns the new C-contiguous array
 * @throws ShapeError for an inconsistent layout; DTypeError for data that are not numbers
 * @example
 * const x = ndarray(new Float64Array([1, 2, 3, 4]), [2, 2]);
 * nd.fromNdarray(x.transpose(1, 0)).toArray(); // [[1, 3], [2, 4]]
 */
export function fromNdarray(x: NdarrayLike): NdArray {
  checkArity('fromNdarray', arguments, 1, 1);
  if (x === null || typeof x !== 'object' || x.data === null || typeof x.data !== 'object') {
    throw new DTypeError(`fromNdarray expects { data, shape, stride, offset }, got ${String(x)}`, typeof x);
  }
  const rawShape: unknown = x.shape ?? [];
  const shape = checkShape('fromNdarray', ArrayBuffer.isView(rawShape) && (rawShape as Int32Array).length <= MAX_DIMS ? Array.from(rawShape as Int32Array) : rawShape);
  const stride = Array.from(x.stride ?? []);
  const { offset } = x;
  if (stride.length !== shape.length || !stride.every(isInteger) || !isInteger(offset)) {
    throw new ShapeError(
      `fromNdarray: invalid layout shape ${formatShape(shape)}, stride [${stride.join(',')}], offset ${offset}`,
      [shape],
    );
  }
  const length = x.data.length;
  const size = shape.reduce((p, d) => p * d, 1);
  if (size > 0) {
    let lo = offset;
    let hi = offset;
    shape.forEach((d, i) => {
      const reach = (d - 1) * stride[i]!;
      if (reach < 0) lo += reach;
      else hi += reach;
    });
    if (lo < 0 || hi >= length) {
      throw new ShapeError(
        `fromNdarray: shape ${formatShape(shape)}, stride [${stride.join(',')}], offset ${offset} reach indices ${lo}..${hi} outside data of length ${length}`,
        [shape],
      );
    }
  }
  const data = x.data as ArrayLike<unknown> & { get?: (i: number) => unknown };
  const read = typeof data.get === 'function' && !ArrayBuffer.isView(data) && !Array.isArray(data)
    ? (i: number): unknown => data.get!(i)
    : (i: number): unknown => data[i];
  const values = new Float64Array(size);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0, p = offset; k < size; k++) {
    const v = read(p);
    if (typeof v !== 'number') {
      throw new DTypeError(`fromNdarray: data[${p}] is ${typeof v === 'string' ? JSON.stringify(v) : String(v)}, not a number`, typeof v);
    }
    values[k] = v;
    for (let d = shape.length - 1; d >= 0; d--) {
      p += stride[d]!;
      if (++index[d]! < shape[d]!) break;
      p -= stride[d]! * shape[d]!;
      index[d] = 0;
    }
  }
  const out = emptyArray(shape, 'float64');
  out.f64().set(values, out.start);
  return out;
}

// ---- sending arrays to workers -------------------------------------------------------

/**
 * An array as plain data that `postMessage` and `structuredClone` carry: what
 * `a.toTransferable()` returns and `nd.array` takes back. `data` holds the elements in C
 * order in a buffer of its own (exactly `data.byteLength` bytes, offset 0), so it can be
 * moved rather than copied: `worker.postMessage(t, [t.data.buffer])`.
 */
export interface TransferableArray {
  /** Dimension sizes. */
  shape: number[];
  /** Element type. */
  dtype: 'float64' | 'bool';
  /** The elements in C order: a `Float64Array` for float64, a `Uint8Array` of 0/1 for bool. */
  data: Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
}

/**
 * The elements of `a` as {@link TransferableArray} plain data, copied into a fresh
 * `ArrayBuffer`. Send it to a worker (listing `data.buffer` as a transferable moves it
 * without a copy) and rebuild it there with `nd.array(t)`. NdArrays themselves cannot be
 * sent: their data lives in this thread's WebAssembly memory, so `postMessage(a)` and
 * `structuredClone(a)` throw a `DataCloneError`.
 * @param a the array (any layout: views are copied in C order)
 * @returns `{ shape, dtype, data }`
 * @throws DisposedError when `a` was disposed
 * @example
 * const t = a.toTransferable();
 * worker.postMessage(t, [t.data.buffer]);
 * // in the worker: const a = nd.array(event.data);
 */
export function toTransferable(a: NdArray): TransferableArray {
  a.assertLive();
  const shape = [...a.shape];
  const src = a.isContiguous ? a : a.copy();
  try {
    const view = src.dtype === 'bool' ? src.u8() : src.f64();
    return { shape, dtype: src.dtype, data: view.slice(src.start, src.start + src.size) };
  } finally {
    if (src !== a) src.dispose();
  }
}

/** Keys of a {@link TransferableArray}, in the order messages list them. */
const TRANSFERABLE_KEYS = ['shape', 'dtype', 'data'];

/** The `[[TypedArrayName]]` of a typed array (works across realms and for worker messages), else undefined. */
function typedArrayName(v: unknown): string | undefined {
  return ArrayBuffer.isView(v) ? Object.prototype.toString.call(v).slice(8, -1) : undefined;
}

/**
 * A new array from {@link TransferableArray} data (`a.toTransferable()`, possibly received
 * from another thread), checked strictly: a plain object with exactly the keys `shape`,
 * `dtype`, `data`; `dtype` `'float64'` with a `Float64Array` or `'bool'` with a `Uint8Array`
 * of 0/1 values; `shape` non-negative integers whose product is `data.length`; `data` not
 * detached. The data is copied.
 * @param x the object
 * @returns the new array
 * @throws ShapeError for a bad shape or a length mismatch; DTypeError for a bad dtype or data
 *   type; NdvecError for other keys or detached data
 */
export function fromTransferable(x: object): NdArray {
  const proto = Object.getPrototypeOf(x);
  const keys = Reflect.ownKeys(x).map(String);
  if ((proto !== Object.prototype && proto !== null) || keys.length !== 3 || !TRANSFERABLE_KEYS.every((k) => keys.includes(k))) {
    throw new DTypeError(
      `nd.array: cannot make an array from ${Object.prototype.toString.call(x)} with keys [${keys.join(', ')}]: an object must be a plain { shape, dtype, data } as a.toTransferable() makes`,
      typeof x,
    );
  }
  const { shape, dtype, data } = x as Record<string, unknown>;
  if (dtype !== 'float64' && dtype !== 'bool') {
    throw new DTypeError(`nd.array: { shape, dtype, data } has dtype ${typeof dtype === 'string' ? JSON.stringify(dtype) : String(dtype)}; dtypes are 'float64' and 'bool'`, String(dtype));
  }
  const wantData = dtype === 'float64' ? 'Float64Array' : 'Uint8Array';
  const dataName = typedArrayName(data);
  if (dataName !== wantData) {
    throw new DTypeError(`nd.array: { shape, dtype: '${dtype}', data } needs data as a ${wantData}, got ${dataName ?? Object.prototype.toString.call(data)}`, dtype);
  }
  const elements = data as Float64Array | Uint8Array;
  if (!Array.isArray(shape) || shape.length > MAX_NESTED_DIMS || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new ShapeError(`nd.array: { shape, dtype, data } needs shape as an array of at most ${MAX_NESTED_DIMS} non-negative integers, got ${Array.isArray(shape) ? `[${shape.map(String).join(',')}]` : String(shape)}`);
  }
  const dims = shape.map((d: number) => d + 0); // -0 becomes 0
  if (isDetached(elements)) {
    throw new NdvecError(`nd.array: { shape: ${formatShape(dims)}, dtype, data }: data's buffer is detached (it was transferred away from this thread)`);
  }
  const size = dims.reduce((p, d) => p * d, 1);
  if (size !== elements.length) {
    throw new ShapeError(`nd.array: { shape, dtype, data }: shape ${formatShape(dims)} holds ${size} elements but data has ${elements.length}`, [dims]);
  }
  if (dtype === 'bool') {
    const bad = (elements as Uint8Array).findIndex((v) => v > 1);
    if (bad >= 0) {
      throw new DTypeError(`nd.array: { shape, dtype: 'bool', data }: data[${bad}] is ${elements[bad]}; bool data holds 0 or 1`, dtype);
    }
  }
  const src = copiedIfInArena(elements);
  const out = emptyArray(dims, dtype);
  (dtype === 'bool' ? out.u8() : out.f64()).set(src, out.start);
  return out;
}

/**
 * The NdArray class: a view = (storage, shape, strides, offset). Methods are thin: the work
 * is in `src/ops/*` and the kernels they dispatch to.
 * @module
 */
import { ArgumentError, DTypeError, DisposedError, IndexError, ReadOnlyError, ShapeError, formatShape } from './errors.ts';
import {
  MAX_DIMS,
  NDARRAY_BRAND,
  checkArity,
  checkAxisArg,
  checkBoolean,
  checkDType,
  checkInteger,
  checkNumber,
  checkOptions,
  checkShape,
  checkSingleAxis,
  describe,
} from './args.ts';
import { emptyArray, registerArrayClass } from './array-factory.ts';
import { toNpy } from './io/npy.ts';
import { type DType, Storage } from './memory.ts';
import { contiguousStrides, isCContiguous, shapeSize } from './shape.ts';
import { binary, clip, unary } from './ops/elementwise.ts';
import { compress, countTrue, select, setWhere } from './ops/mask.ts';
import { argReduce, cumulative, reduce, type ReduceName } from './ops/reduce.ts';
import { argsort, sort } from './ops/sort.ts';
import { argpartition, partition, type KthArg } from './ops/select.ts';
import { indexMode, put, take, type IndexArg, type TakeOptions, type ValuesArg } from './ops/indexing.ts';
import { matmul } from './ops/linalg.ts';
import {
  broadcastTo,
  expandDims,
  flatten,
  ravel,
  reshape,
  repeat,
  slice,
  squeeze,
  swapaxes,
  transpose,
  type SliceSpec,
} from './ops/manipulate.ts';
import { formatArray } from './format.ts';
import { allclose, arrayEqual, closeOptions, isclose, type CloseOptions } from './ops/closeness.ts';
import {
  average,
  median,
  nanmedian,
  nanpercentile,
  nanquantile,
  percentile,
  ptp,
  quantile,
  quantileOptions,
  type AverageOptions,
  type QuantileArg,
  type QuantileOptions,
} from './ops/statistics.ts';
import { argwhere, nonzero, searchsorted, unique, type SearchSortedOptions } from './ops/search.ts';
import { diff } from './ops/difference.ts';
import { nanArgReduce, nanCumulative, nanProd, nanVariance } from './ops/nanstats.ts';
import { flip } from './ops/flip.ts';
import { checkIntegers, roll } from './ops/roll.ts';
import { fill } from './create.ts';
import { diagonal, trace } from './linalg/matrix.ts';
import { toNdarray, toTransferable, type NdarrayFactory, type ScijsNdarray, type TransferableArray } from './interop.ts';

/** The other operand of an element-wise op: an array or a number (broadcast). */
export type Operand = NdArray | number;

/** Options of every element-wise op, comparison and `nd.where`. */
export interface OutOptions {
  /** Write the result into this array (its shape must be the broadcast shape) and return it. */
  out?: NdArray;
}

/** Options of the reductions that take no `out` (argmin/argmax, median, quantile, percentile, ptp). */
export interface KeepdimsOptions {
  /** Keep reduced axes as size-1 axes (so the result broadcasts against the input). */
  keepdims?: boolean;
}

/** Options of reductions. */
export interface ReduceOptions extends KeepdimsOptions {
  /** Write the result into this array (the reduced shape, float64; bool for any/all) and return it. */
  out?: NdArray;
}

/** Options of `std` and `var`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof`. Default 0. */
  ddof?: number;
}

/** An axis argument of a reduction: one axis, several, or omitted for all. */
export type AxisArg = number | readonly number[] | null | undefined;

/** Options under which a reduction over every axis stays a plain number (or boolean). */
export interface ScalarOptions {
  /** Absent or false: the reduced axes are dropped (a scalar result). */
  keepdims?: false;
  /** Absent: the result is returned, not written. */
  out?: undefined;
}

/** {@link ScalarOptions} of `std`/`var`. */
export interface ScalarVarOptions extends ScalarOptions {
  /** Delta degrees of freedom: the divisor is `n - ddof`. Default 0. */
  ddof?: number;
}

/** Options under which every reduction gives an array: `keepdims: true` or an `out`. */
export type ArrayResultOptions = KeepdimsResultOptions | OutResultOptions;

/** Reduction options with `keepdims: true`: the result is an array with the reduced axes kept. */
export interface KeepdimsResultOptions {
  /** Keep reduced axes as size-1 axes. */
  keepdims: true;
  /** Write the result into this array and return it. */
  out?: NdArray;
}

/** Reduction options with an `out`: the result is written into it. */
export interface OutResultOptions {
  /** Write the result into this array (its shape must be the result's) and return it. */
  out: NdArray;
  /** Keep reduced axes as size-1 axes. */
  keepdims?: boolean;
}

/** {@link ArrayResultOptions} of `std`/`var`. */
export type ArrayResultVarOptions = ArrayResultOptions & DdofOption;

/** The `ddof` option of `std`/`var`. */
export interface DdofOption {
  /** Delta degrees of freedom: the divisor is `n - ddof`. Default 0. */
  ddof?: number;
}

/** What `toArray()` gives: nested arrays of numbers (booleans for bool arrays), or a scalar for 0-d. */
export type NestedArray = number | boolean | NestedArray[];

const OUT_KEYS = ['out'] as const;
const REDUCE_KEYS = ['keepdims', 'out'] as const;
const VAR_KEYS = ['keepdims', 'out', 'ddof'] as const;
const KEEPDIMS_KEYS = ['keepdims'] as const;

/** An `out` value: `undefined` (none) or an NdArray. */
function checkOutArg(func: string, out: unknown): NdArray | undefined {
  if (out === undefined || out instanceof NdArray) return out;
  throw new ArgumentError(func, 'out', `out must be an NdArray, got ${describe(out)}`);
}

/**
 * The options slot of an element-wise op: `{ out }`, or an NdArray (NumPy's positional
 * `out`: `a.add(b, out)`), or `undefined`.
 */
export function outOption(func: string, options: unknown): NdArray | undefined {
  if (options === undefined || options instanceof NdArray) return options;
  // Hot path (`a.add(b, { out })` in loops): an object literal whose only key is `out`, found
  // by for-in (no allocation); checkOptions' symbol-key scan costs ~60–130 ns a call (measured
  // with scripts/arg-check-timing.ts), so symbol-keyed properties are not looked at here.
  if (typeof options === 'object' && options !== null && Object.getPrototypeOf(options) === Object.prototype) {
    let onlyOut = true;
    for (const key in options) if (key !== 'out') onlyOut = false;
    if (onlyOut) return checkOutArg(func, (options as OutOptions).out);
  }
  return checkOutArg(func, checkOptions(func, options, OUT_KEYS).out);
}

/**
 * The options slot of a reduction, checked: an object with `keys`, an NdArray (positional
 * `out`, where `out` is a key) or a number (positional `ddof`, where `ddof` is a key).
 */
function reduceOptions(func: string, options: unknown, keys: readonly string[]): VarOptions | undefined {
  if (options === undefined) return undefined;
  if (options instanceof NdArray && keys.includes('out')) return { out: options };
  if (typeof options === 'number' && keys.includes('ddof')) return { ddof: checkNumber(func, 'ddof', options, true) };
  const o = checkOptions(func, options, keys) as Record<string, unknown>;
  const checked: VarOptions = { keepdims: checkBoolean(func, 'keepdims', o.keepdims, false) };
  if (o.out !== undefined) checked.out = checkOutArg(func, o.out);
  if (o.ddof !== undefined) checked.ddof = checkNumber(func, 'ddof', o.ddof, true);
  return checked;
}

/** A 0-d array holding `v` (a reduction over every axis when an axis was named). */
function scalarArray(v: number | boolean): NdArray {
  const r = NdArray.empty([], typeof v === 'boolean' ? 'bool' : 'float64');
  if (typeof v === 'boolean') r.u8()[r.start] = v ? 1 : 0;
  else r.f64()[r.start] = v;
  return r;
}

/**
 * The result of a reduction as the types promise: an array whenever an axis was named (a
 * 0-d array when it covered every axis), else the scalar; min/max-like scalars of bool
 * arrays as 0/1 (only any/all give booleans).
 */
function reductionResult(r: NdArray | number | boolean, axisGiven: boolean, booleanScalar: boolean): NdArray | number | boolean {
  if (typeof r === 'object') return r;
  if (axisGiven) return scalarArray(r);
  return typeof r === 'boolean' && !booleanScalar ? Number(r) : r;
}

/** A reduction method's work after its arity check: axis and options checked, result shaped. */
function reduceMethod(name: ReduceName, a: NdArray, axis: unknown, options: unknown): NdArray | number | boolean {
  const ax = checkAxisArg(name, axis);
  const r = reduce(name, a, ax, reduceOptions(name, options, name === 'std' || name === 'var' ? VAR_KEYS : REDUCE_KEYS));
  return reductionResult(r, ax !== null, name === 'any' || name === 'all');
}

/** Exact powers of ten NumPy's `power_of_ten` starts from. */
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** 10^n as NumPy's `power_of_ten` computes it (table, then repeated ×10), for bit-equal rounding. */
function powerOfTen(n: number): number {
  if (n < 9) return POW10[n]!;
  let r = 1e9;
  while (n-- > 9) r *= 10;
  return r;
}

/**
 * NumPy's `round(a, decimals)` (`PyArray_Round`): d > 0: `rint(a * 10^d) / 10^d`; d < 0:
 * `rint(a / 10^-d) * 10^-d`; d = 0: `rint(a)`. Three in-place passes over the result.
 */
function roundDecimals(a: NdArray, d: number, out: NdArray | undefined): NdArray {
  if (d === 0) return unary('round', a, out);
  const f = powerOfTen(Math.abs(d));
  const scaled = binary(d > 0 ? 'mul' : 'div', a, f, out);
  unary('round', scaled, scaled);
  return binary(d > 0 ? 'div' : 'mul', scaled, f, scaled);
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const disposeSymbol: typeof Symbol.dispose =
  (Symbol as { dispose?: typeof Symbol.dispose }).dispose ?? (Symbol.for('Symbol.dispose') as typeof Symbol.dispose);

/**
 * An n-dimensional array of float64 (or bool) values, NumPy style.
 *
 * Create arrays with the `nd` functions (`nd.array`, `nd.zeros`, …), not with `new`.
 * @example
 * const a = nd.array([[1, 2], [3, 4]]);
 * a.add(1).sum(0).toArray(); // [6, 8]
 */
export class NdArray {
  /** @internal The data block, shared by all views of one array. */
  readonly storage: Storage;
  /** Size of each dimension. */
  readonly shape: readonly number[];
  /** Step in elements between neighbours along each dimension. */
  readonly strides: readonly number[];
  /** Index of element [0, …, 0] within the storage, in elements. */
  readonly offset: number;
  /** Number of elements. */
  readonly size: number;
  /** @internal True for the array that allocated the storage (not a view of it). */
  readonly ownsStorage: boolean;
  /**
   * @internal True for a view made by `broadcastTo` and every view taken of one (slice,
   * transpose, reshape, squeeze, expandDims, ravel, flip): writes through it throw
   * ReadOnlyError. Copies are writable. See {@link writeable}.
   */
  readonly readOnly: boolean;
  /** C-contiguity, computed once (shape and strides never change). */
  private readonly contiguous: boolean;
  private disposed = false;

  /**
   * @internal Use the `nd` functions to create arrays.
   * @param storage data block
   * @param shape dimension sizes
   * @param strides element steps (default C-contiguous)
   * @param offset element offset into the storage
   * @param ownsStorage true for the array that allocated `storage`; false for views
   * @param readOnly true for a read-only view (a broadcast view, or a view of a read-only array)
   */
  constructor(
    storage: Storage,
    shape: readonly number[],
    strides?: readonly number[],
    offset = 0,
    ownsStorage = false,
    readOnly = false,
  ) {
    this.storage = storage;
    this.ownsStorage = ownsStorage;
    this.readOnly = readOnly;
    this.shape = shape;
    this.strides = strides ?? contiguousStrides(shape);
    this.offset = offset;
    this.size = shapeSize(shape);
    this.contiguous = strides === undefined || isCContiguous(shape, strides);
  }

  /**
   * @internal Allocates an uninitialised C-contiguous array.
   * @param shape dimension sizes (validated by the caller)
   * @param dtype element type
   * @throws ShapeError when the engine cannot hold that many elements (a RangeError otherwise)
   */
  static empty(shape: readonly number[], dtype: DType = 'float64'): NdArray {
    return emptyArray(shape, dtype);
  }

  /** Element type: `'float64'` or `'bool'`. */
  get dtype(): DType {
    return this.storage.dtype;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** The transpose (axes reversed), a view. */
  get T(): NdArray {
    return transpose(this);
  }

  /** @internal True when elements are laid out in C order with no gaps. */
  get isContiguous(): boolean {
    return this.contiguous;
  }

  /**
   * False for a read-only array (NumPy's `a.flags.writeable`): a `broadcastTo` view or any
   * view of one. `set`, `fill`, `setWhere` and `{ out }` throw ReadOnlyError on it.
   * @example
   * nd.zeros([2]).broadcastTo([3, 2]).writeable; // false
   */
  get writeable(): boolean {
    return !this.readOnly;
  }

  /**
   * @internal Throws ReadOnlyError when this array is read-only; call before writing anything.
   * @param what the operation about to write, for the message
   */
  assertWritable(what?: string): void {
    if (this.readOnly) throw new ReadOnlyError(this.shape, what);
  }

  /** @internal Throws DisposedError when this array or its storage was disposed. */
  assertLive(): void {
    if (this.disposed || this.storage.isFreed) throw new DisposedError();
  }

  /** @internal The float64 view holding the data and the index of element [0,…,0] in it. */
  f64(): Float64Array {
    if (this.disposed) throw new DisposedError();
    if (this.storage.dtype !== 'float64') {
      throw new DTypeError(`expected a float64 array, got ${this.storage.dtype}`, this.storage.dtype);
    }
    return this.storage.f64();
  }

  /** @internal The byte view holding a bool array's data. */
  u8(): Uint8Array {
    if (this.disposed) throw new DisposedError();
    if (this.storage.dtype !== 'bool') {
      throw new DTypeError(`expected a bool array, got ${this.storage.dtype}`, this.storage.dtype);
    }
    return this.storage.u8();
  }

  /** @internal Index of element [0,…,0] within the view `f64()`/`u8()` returns. */
  get start(): number {
    return this.storage.base + this.offset;
  }

  private flatIndex(idx: readonly unknown[], func: string): number {
    if (idx.length !== this.shape.length) {
      throw new IndexError(`${func}: expected ${this.shape.length} indices, got ${idx.length}`);
    }
    let p = this.start;
    for (let i = 0; i < idx.length; i++) {
      const n = this.shape[i]!;
      let k = idx[i] as number;
      if (!Number.isInteger(k)) {
        throw new ArgumentError(func, 'index', `index ${i} must be an integer, got ${describe(k)}`);
      }
      if (k < -n || k >= n) {
        throw new IndexError(`index ${k} is out of bounds for axis ${i} with size ${n}`, k, i);
      }
      if (k < 0) k += n;
      p += k * this.strides[i]!;
    }
    return p;
  }

  /**
   * Reads one element. Negative indices count from the end.
   * @param idx one index per dimension (none for a 0-d array)
   * @returns the element: a number, or a boolean for bool arrays
   * @example
   * nd.array([[1, 2], [3, 4]]).get(1, -1); // 4
   */
  get(...idx: number[]): number | boolean {
    this.assertLive();
    const p = this.flatIndex(idx, 'get');
    return this.dtype === 'bool' ? this.storage.u8()[p] !== 0 : this.storage.f64()[p]!;
  }

  /**
   * Reads one element of a float64 array as a number (typed: no cast needed).
   * @param idx one index per dimension (none for a 0-d array)
   * @returns the element
   * @throws DTypeError on a bool array (use {@link getBool})
   * @example
   * nd.array([[1, 2], [3, 4]]).getNumber(1, 0); // 3
   */
  getNumber(...idx: number[]): number {
    this.assertLive();
    if (this.dtype !== 'float64') throw new DTypeError(`getNumber: the array is ${this.dtype}; use getBool`, this.dtype);
    return this.storage.f64()[this.flatIndex(idx, 'getNumber')]!;
  }

  /**
   * Reads one element of a bool array as a boolean (typed: no cast needed).
   * @param idx one index per dimension (none for a 0-d array)
   * @returns the element
   * @throws DTypeError on a float64 array (use {@link getNumber})
   * @example
   * nd.array([1, 2]).gt(1).getBool(1); // true
   */
  getBool(...idx: number[]): boolean {
    this.assertLive();
    if (this.dtype !== 'bool') throw new DTypeError(`getBool: the array is ${this.dtype}; use getNumber`, this.dtype);
    return this.storage.u8()[this.flatIndex(idx, 'getBool')] !== 0;
  }

  /**
   * Writes one element in place. Negative indices count from the end.
   * @param args the indices, then the value
   * @returns this array
   * @example
   * nd.zeros([2, 2]).set(0, 1, 5).get(0, 1); // 5
   */
  set(...args: [...number[], number | boolean]): this {
    this.assertLive();
    this.assertWritable('set');
    const value: unknown = args[args.length - 1];
    if (args.length === 0) throw new ArgumentError('set', 'value', 'takes the indices, then the value; got no arguments');
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new DTypeError(`set: value must be a number or boolean, got ${describe(value)}`, typeof value);
    }
    const p = this.flatIndex(args.slice(0, -1), 'set');
    // NumPy's bool(x): only 0 and -0 (and false) are false; NaN is true.
    if (this.dtype === 'bool') this.storage.u8()[p] = value === 0 || value === false ? 0 : 1;
    else this.storage.f64()[p] = Number(value);
    return this;
  }

  // ---- views -------------------------------------------------------------------------

  /**
   * A view selecting along each axis: an integer (drops the axis), `null` or `':'` (all), a
   * string such as `'1:5'`, `'::2'`, `'-3:'`, `'::-1'`, or `[start, stop, step?]`. Missing
   * trailing specs mean all.
   * @param specs one spec per axis
   * @returns a view sharing this array's data
   * @example
   * nd.arange(10).slice('::3').toArray(); // [0, 3, 6, 9]
   */
  slice(...specs: SliceSpec[]): NdArray {
    return slice(this, specs);
  }

  /**
   * Gives a new shape to the same elements; one entry may be -1. A view when the layout
   * allows, else a copy.
   * @param shape the new shape, as an array or as the sizes (`reshape(3, 2)`, NumPy's form)
   * @returns the reshaped array
   * @example
   * nd.arange(6).reshape([2, -1]).shape; // [2, 3]
   * nd.arange(6).reshape(3, 2).shape; // [3, 2]
   */
  reshape(shape: number | readonly number[]): NdArray;
  reshape(...shape: number[]): NdArray;
  reshape(...args: unknown[]): NdArray {
    if (args.length === 0) throw new ArgumentError('reshape', 'shape', 'takes a shape (an array, or the sizes as arguments), got none');
    const shape = args.length === 1 ? args[0] : args;
    // Types as a shape would have them, -1 (the one unknown size) allowed; sizes checked by reshape.
    // (a list longer than MAX_DIMS is refused by checkShape before anything walks it)
    checkShape('reshape', Array.isArray(shape) && shape.length <= MAX_DIMS ? shape.map((d: unknown) => (d === -1 ? 0 : d)) : shape === -1 ? 0 : shape);
    return reshape(this, shape as number | readonly number[]);
  }

  /**
   * Permutes the axes (reverses them when none are given). A view.
   * @param axes the new order of the axes
   * @returns the transposed view
   * @example
   * nd.zeros([2, 3, 4]).transpose(2, 0, 1).shape; // [4, 2, 3]
   */
  transpose(...axes: number[]): NdArray;
  transpose(axes: readonly number[]): NdArray;
  transpose(...args: unknown[]): NdArray {
    const axes = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    for (const ax of axes) checkSingleAxis('transpose', ax, false, 'axes');
    return transpose(this, axes.length === 0 ? undefined : (axes as number[]));
  }

  /**
   * Interchanges two axes (NumPy's `a.swapaxes`). A view.
   * @param axis1 the first axis (negative counts from the end)
   * @param axis2 the second axis
   * @returns the view with those two axes swapped
   * @example
   * nd.zeros([2, 3, 4]).swapaxes(0, 2).shape; // [4, 3, 2]
   */
  swapaxes(axis1: number, axis2: number): NdArray {
    if (arguments.length !== 2) checkArity('swapaxes', arguments, 2, 2);
    return swapaxes(this, checkSingleAxis('swapaxes', axis1, false, 'axis1')!, checkSingleAxis('swapaxes', axis2, false, 'axis2')!);
  }

  /**
   * The elements as a 1-D array in C order: a view when possible, else a copy.
   * @returns the flattened array
   * @example
   * nd.array([[1, 2], [3, 4]]).ravel().toArray(); // [1, 2, 3, 4]
   */
  ravel(): NdArray {
    if (arguments.length > 0) checkArity('ravel', arguments, 0);
    return ravel(this);
  }

  /**
   * The elements as a new 1-D array in C order (always a copy).
   * @returns the copy
   * @example
   * nd.array([[1, 2], [3, 4]]).flatten().toArray(); // [1, 2, 3, 4]
   */
  flatten(): NdArray {
    if (arguments.length > 0) checkArity('flatten', arguments, 0);
    return flatten(this);
  }

  /**
   * Removes size-1 axes (all of them, or the one given). A view.
   * @param axis the axis to remove; it must have size 1
   * @returns the squeezed view
   * @example
   * nd.zeros([1, 3, 1]).squeeze().shape; // [3]
   */
  squeeze(axis?: number | readonly number[] | null): NdArray {
    if (arguments.length > 1) checkArity('squeeze', arguments, 1);
    return squeeze(this, checkAxisArg('squeeze', axis) ?? undefined);
  }

  /**
   * Inserts a size-1 axis at `axis` (or one at each of several positions, NumPy's tuple). A view.
   * @param axis where the new axis goes (negative counts from the end of the result), or an
   *   array of such positions in the result
   * @returns the expanded view
   * @example
   * nd.zeros([3]).expandDims(0).shape; // [1, 3]
   * nd.zeros([3]).expandDims([0, -1]).shape; // [1, 3, 1]
   */
  expandDims(axis: number | readonly number[]): NdArray {
    if (arguments.length !== 1) checkArity('expandDims', arguments, 1, 1);
    const ax = Array.isArray(axis) ? (checkAxisArg('expandDims', axis) as readonly number[]) : checkSingleAxis('expandDims', axis, false)!;
    return expandDims(this, ax);
  }

  /**
   * A read-only view of this array broadcast to `shape` (stride 0 on stretched axes, so one
   * element appears many times). As in NumPy, writing through it (`set`, `fill`, `setWhere`,
   * `{ out }`) throws ReadOnlyError; views of it are read-only too; `copy()` it to write.
   * @param shape the target shape
   * @returns the broadcast view
   * @example
   * nd.array([1, 2]).broadcastTo([3, 2]).shape; // [3, 2]
   */
  broadcastTo(shape: number | readonly number[]): NdArray {
    if (arguments.length !== 1) checkArity('broadcastTo', arguments, 1, 1);
    return broadcastTo(this, checkShape('broadcastTo', shape));
  }

  /**
   * A C-contiguous copy with its own storage.
   * @returns the copy
   * @example
   * const b = a.copy(); b.set(0, 9); // a is unchanged
   */
  copy(): NdArray {
    if (arguments.length > 0) checkArity('copy', arguments, 0);
    return unary('copy', this);
  }

  // ---- out ---------------------------------------------------------------------------

  /**
   * The elements as nested JS arrays (numbers, or booleans for bool arrays); a scalar for
   * a 0-d array.
   * @returns nested arrays
   * @example
   * nd.eye(2).toArray(); // [[1, 0], [0, 1]]
   */
  toArray(): NestedArray {
    if (arguments.length > 0) checkArity('toArray', arguments, 0);
    this.assertLive();
    const isBool = this.dtype === 'bool';
    const data: ArrayLike<number> = isBool ? this.storage.u8() : this.storage.f64();
    const { shape, strides } = this;
    const build = (dim: number, p: number): NestedArray => {
      if (dim === shape.length) return isBool ? data[p] !== 0 : data[p]!;
      const n = shape[dim]!;
      const s = strides[dim]!;
      const out = new Array<NestedArray>(n);
      for (let i = 0; i < n; i++) out[i] = build(dim + 1, p + i * s);
      return out;
    };
    return build(0, this.start);
  }

  /**
   * The elements as a new contiguous `Float64Array` in C order (bools become 0/1).
   * @returns the copy
   * @example
   * nd.arange(3).toFloat64Array(); // Float64Array [0, 1, 2]
   */
  toFloat64Array(): Float64Array {
    if (arguments.length > 0) checkArity('toFloat64Array', arguments, 0);
    this.assertLive();
    // One contiguous float64 temporary for views and bool arrays, freed before returning.
    const src = this.dtype === 'float64' && this.isContiguous ? this : unary(this.dtype === 'bool' ? 'toFloat' : 'copy', this);
    try {
      return src.storage.f64().slice(src.start, src.start + src.size);
    } finally {
      if (src !== this) src.dispose();
    }
  }

  /**
   * The elements as plain data `{ shape, dtype, data }` with `data` a fresh `Float64Array`
   * (bool: `Uint8Array` of 0/1) in C order, for sending to a worker: `postMessage(t,
   * [t.data.buffer])` moves it without a copy, and `nd.array(t)` rebuilds the array there.
   * NdArrays themselves cannot be sent (`postMessage(a)` and `structuredClone(a)` throw a
   * DataCloneError): their data lives in this thread's WebAssembly memory.
   * @returns the plain data
   * @example
   * const t = nd.arange(3).toTransferable(); // { shape: [3], dtype: 'float64', data: Float64Array [0, 1, 2] }
   * worker.postMessage(t, [t.data.buffer]);  // in the worker: nd.array(event.data)
   */
  toTransferable(): TransferableArray {
    if (arguments.length > 0) checkArity('toTransferable', arguments, 0);
    return toTransferable(this);
  }

  /**
   * The array as a NumPy `.npy` file, as `np.save` writes it: format 1.0, `<f8` or `|b1`, C
   * order (any view is written in C order).
   * @returns the file's bytes
   * @example
   * writeFileSync('x.npy', nd.arange(3).toNpy()); // np.load('x.npy') reads it
   */
  toNpy(): Uint8Array {
    if (arguments.length > 0) checkArity('toNpy', arguments, 0);
    return toNpy(this);
  }

  /**
   * A copy converted to another dtype (`'bool'`: nonzero is true; `'float64'`: 0/1).
   * @param dtype the target dtype
   * @returns the converted copy
   * @example
   * nd.array([0, 2]).astype('bool').toArray(); // [false, true]
   */
  astype(dtype: DType): NdArray {
    if (arguments.length !== 1) checkArity('astype', arguments, 1, 1);
    return unary(checkDType('astype', dtype) === 'bool' ? 'toBool' : 'toFloat', this);
  }

  /**
   * An `ndarray` (scijs) object over the same numbers, usable by `ndarray-ops`. It reads
   * this array's memory: do not keep it past `dispose()` or an allocation that grows memory.
   * It has no read-only flag: on a `broadcastTo` view, writes through it reach the shared
   * base elements (copy first to write).
   * @param factory the `ndarray` package's default export; optional in Node, where the
   *   installed package is found
   * @returns the scijs ndarray
   * @example
   * ops.addeq(a.toNdarray(), b.toNdarray());
   * a.toNdarray(ndarray); // passing the package's export: needed in browsers
   */
  toNdarray(factory?: NdarrayFactory): ScijsNdarray {
    if (arguments.length > 1) checkArity('toNdarray', arguments, 1);
    if (factory !== undefined && typeof factory !== 'function') {
      throw new ArgumentError('toNdarray', 'factory', `factory must be the ndarray package's export (a function), got ${describe(factory)}`);
    }
    return toNdarray(this, factory);
  }

  /**
   * NumPy-style text: `array([[1., 2.],\n       [3., 4.]])`, summarised past 1000 elements.
   * @returns the text
   * @example
   * String(nd.array([1, 2])); // 'array([1., 2.])'
   */
  toString(): string {
    if (arguments.length > 0) checkArity('toString', arguments, 0);
    this.assertLive();
    return formatArray(this);
  }

  /** @internal Node's `util.inspect` shows the same text as `toString()`. */
  [inspectSymbol](): string {
    return this.disposed || this.storage.isFreed ? 'array(<disposed>)' : formatArray(this);
  }

  // ---- memory ------------------------------------------------------------------------

  /**
   * Frees this array's memory now. On the array that owns the data, every view of it
   * becomes unusable too; on a view, only the view is marked disposed. Idempotent. Later
   * use throws `DisposedError`.
   * @example
   * const t = a.mul(2); const s = t.sum(); t.dispose();
   */
  dispose(): void {
    if (arguments.length > 0) checkArity('dispose', arguments, 0);
    if (this.disposed) return;
    this.disposed = true;
    if (this.ownsStorage) this.storage.free();
  }

  /** Same as {@link dispose}, so `using a = nd.zeros(…)` frees at the end of the block. */
  [disposeSymbol](): void {
    this.dispose();
  }

  /** True after `dispose()` (of this array or of the array owning its data). */
  get isDisposed(): boolean {
    return this.disposed || this.storage.isFreed;
  }

  // ---- element-wise (generated from one list; see src/kernels/table.ts) ------------------

  /**
   * Adds element-wise, broadcasting NumPy's way.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 2]).add(10).toArray(); // [11, 12]
   */
  add(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('add', arguments, 2);
    return binary('add', this, other, options === undefined ? undefined : outOption('add', options));
  }

  /**
   * Subtracts element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 2]).sub(1).toArray(); // [0, 1]
   */
  sub(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('sub', arguments, 2);
    return binary('sub', this, other, options === undefined ? undefined : outOption('sub', options));
  }

  /**
   * Multiplies element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 2]).mul(3).toArray(); // [3, 6]
   */
  mul(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('mul', arguments, 2);
    return binary('mul', this, other, options === undefined ? undefined : outOption('mul', options));
  }

  /**
   * Divides element-wise (IEEE: x/0 is ±Infinity or NaN).
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 2]).div(2).toArray(); // [0.5, 1]
   */
  div(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('div', arguments, 2);
    return binary('div', this, other, options === undefined ? undefined : outOption('div', options));
  }

  /**
   * Raises to a power element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([2, 3]).pow(2).toArray(); // [4, 9]
   */
  pow(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('pow', arguments, 2);
    return binary('pow', this, other, options === undefined ? undefined : outOption('pow', options));
  }

  /**
   * Remainder with the sign of the divisor, as NumPy's `mod`.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-3, 3]).mod(2).toArray(); // [1, 1]
   */
  mod(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('mod', arguments, 2);
    return binary('mod', this, other, options === undefined ? undefined : outOption('mod', options));
  }

  /**
   * Element-wise maximum; NaN propagates.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 5]).maximum(3).toArray(); // [3, 5]
   */
  maximum(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('maximum', arguments, 2);
    return binary('maximum', this, other, options === undefined ? undefined : outOption('maximum', options));
  }

  /**
   * Element-wise minimum; NaN propagates.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, 5]).minimum(3).toArray(); // [1, 3]
   */
  minimum(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('minimum', arguments, 2);
    return binary('minimum', this, other, options === undefined ? undefined : outOption('minimum', options));
  }

  /**
   * Element-wise `atan2(this, other)`, the angle of the point (other, this).
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1]).atan2(1).toArray(); // [0.7853981633974483]
   */
  atan2(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('atan2', arguments, 2);
    return binary('atan2', this, other, options === undefined ? undefined : outOption('atan2', options));
  }

  /**
   * Element-wise `sqrt(this² + other²)` without overflow.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([3]).hypot(4).toArray(); // [5]
   */
  hypot(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('hypot', arguments, 2);
    return binary('hypot', this, other, options === undefined ? undefined : outOption('hypot', options));
  }

  /**
   * Element-wise floor of `this / other`, NumPy's `floor_divide` (`//`) on float64 with its
   * `npy_divmod` rounding: floorDivide(1, 0.1) is 9, x / 0 is ±Infinity (NaN for 0 / 0),
   * Infinity / y is NaN.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([7, -7]).floorDivide(2).toArray(); // [3, -4]
   */
  floorDivide(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('floorDivide', arguments, 2);
    return binary('floorDivide', this, other, options === undefined ? undefined : outOption('floorDivide', options));
  }

  /**
   * Element-wise magnitude of `this` with the sign bit of `other`, NumPy's `copysign`
   * (copysign(1, -0) is -1; the sign bit of a NaN counts).
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, -2]).copysign(-0).toArray(); // [-1, -2]
   */
  copysign(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('copysign', arguments, 2);
    return binary('copysign', this, other, options === undefined ? undefined : outOption('copysign', options));
  }

  /**
   * `this > other` element-wise, as a bool array.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1, 2]).gt(0).toArray(); // [false, true]
   */
  gt(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('gt', arguments, 2);
    return binary('gt', this, other, options === undefined ? undefined : outOption('gt', options));
  }

  /**
   * `this >= other` element-wise, as a bool array.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0, 2]).ge(2).toArray(); // [false, true]
   */
  ge(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('ge', arguments, 2);
    return binary('ge', this, other, options === undefined ? undefined : outOption('ge', options));
  }

  /**
   * `this < other` element-wise, as a bool array.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1, 2]).lt(0).toArray(); // [true, false]
   */
  lt(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('lt', arguments, 2);
    return binary('lt', this, other, options === undefined ? undefined : outOption('lt', options));
  }

  /**
   * `this <= other` element-wise, as a bool array.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0, 2]).le(0).toArray(); // [true, false]
   */
  le(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('le', arguments, 2);
    return binary('le', this, other, options === undefined ? undefined : outOption('le', options));
  }

  /**
   * `this == other` element-wise, as a bool array (NaN is never equal).
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, NaN]).eq(1).toArray(); // [true, false]
   */
  eq(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('eq', arguments, 2);
    return binary('eq', this, other, options === undefined ? undefined : outOption('eq', options));
  }

  /**
   * `this != other` element-wise, as a bool array (NaN is always unequal).
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, NaN]).ne(1).toArray(); // [false, true]
   */
  ne(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('ne', arguments, 2);
    return binary('ne', this, other, options === undefined ? undefined : outOption('ne', options));
  }

  /**
   * Logical and of bool arrays, element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * a.gt(0).and(a.lt(5))
   */
  and(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('and', arguments, 2);
    return binary('and', this, other, options === undefined ? undefined : outOption('and', options));
  }

  /**
   * Logical or of bool arrays, element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * a.lt(0).or(a.gt(5))
   */
  or(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('or', arguments, 2);
    return binary('or', this, other, options === undefined ? undefined : outOption('or', options));
  }

  /**
   * Logical exclusive or of bool arrays, element-wise.
   * @param other an array (broadcast against this one) or a number
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * a.gt(0).xor(b.gt(0))
   */
  xor(other: Operand, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('xor', arguments, 2);
    return binary('xor', this, other, options === undefined ? undefined : outOption('xor', options));
  }

  /**
   * Negates element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1, -2]).neg().toArray(); // [-1, 2]
   */
  neg(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('neg', arguments, 1);
    return unary('neg', this, options === undefined ? undefined : outOption('neg', options));
  }

  /**
   * Absolute value element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1.5]).abs().toArray(); // [1.5]
   */
  abs(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('abs', arguments, 1);
    return unary('abs', this, options === undefined ? undefined : outOption('abs', options));
  }

  /**
   * Square root element-wise (NaN below 0).
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([4]).sqrt().toArray(); // [2]
   */
  sqrt(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('sqrt', arguments, 1);
    return unary('sqrt', this, options === undefined ? undefined : outOption('sqrt', options));
  }

  /**
   * Cube root element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-8]).cbrt().toArray(); // [-2]
   */
  cbrt(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('cbrt', arguments, 1);
    return unary('cbrt', this, options === undefined ? undefined : outOption('cbrt', options));
  }

  /**
   * Squares element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([3]).square().toArray(); // [9]
   */
  square(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('square', arguments, 1);
    return unary('square', this, options === undefined ? undefined : outOption('square', options));
  }

  /**
   * `1 / x` element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([4]).reciprocal().toArray(); // [0.25]
   */
  reciprocal(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('reciprocal', arguments, 1);
    return unary('reciprocal', this, options === undefined ? undefined : outOption('reciprocal', options));
  }

  /**
   * `e^x` element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).exp().toArray(); // [1]
   */
  exp(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('exp', arguments, 1);
    return unary('exp', this, options === undefined ? undefined : outOption('exp', options));
  }

  /**
   * `e^x - 1` element-wise, accurate near 0.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).expm1().toArray(); // [0]
   */
  expm1(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('expm1', arguments, 1);
    return unary('expm1', this, options === undefined ? undefined : outOption('expm1', options));
  }

  /**
   * Natural logarithm element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1]).log().toArray(); // [0]
   */
  log(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('log', arguments, 1);
    return unary('log', this, options === undefined ? undefined : outOption('log', options));
  }

  /**
   * `log(1 + x)` element-wise, accurate near 0.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).log1p().toArray(); // [0]
   */
  log1p(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('log1p', arguments, 1);
    return unary('log1p', this, options === undefined ? undefined : outOption('log1p', options));
  }

  /**
   * Base-2 logarithm element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([8]).log2().toArray(); // [3]
   */
  log2(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('log2', arguments, 1);
    return unary('log2', this, options === undefined ? undefined : outOption('log2', options));
  }

  /**
   * Base-10 logarithm element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([100]).log10().toArray(); // [2]
   */
  log10(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('log10', arguments, 1);
    return unary('log10', this, options === undefined ? undefined : outOption('log10', options));
  }

  /**
   * Sine element-wise (radians).
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).sin().toArray(); // [0]
   */
  sin(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('sin', arguments, 1);
    return unary('sin', this, options === undefined ? undefined : outOption('sin', options));
  }

  /**
   * Cosine element-wise (radians).
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).cos().toArray(); // [1]
   */
  cos(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('cos', arguments, 1);
    return unary('cos', this, options === undefined ? undefined : outOption('cos', options));
  }

  /**
   * Tangent element-wise (radians).
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).tan().toArray(); // [0]
   */
  tan(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('tan', arguments, 1);
    return unary('tan', this, options === undefined ? undefined : outOption('tan', options));
  }

  /**
   * Inverse sine element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1]).asin().toArray(); // [1.5707963267948966]
   */
  asin(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('asin', arguments, 1);
    return unary('asin', this, options === undefined ? undefined : outOption('asin', options));
  }

  /**
   * Inverse cosine element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([1]).acos().toArray(); // [0]
   */
  acos(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('acos', arguments, 1);
    return unary('acos', this, options === undefined ? undefined : outOption('acos', options));
  }

  /**
   * Inverse tangent element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).atan().toArray(); // [0]
   */
  atan(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('atan', arguments, 1);
    return unary('atan', this, options === undefined ? undefined : outOption('atan', options));
  }

  /**
   * Hyperbolic sine element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).sinh().toArray(); // [0]
   */
  sinh(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('sinh', arguments, 1);
    return unary('sinh', this, options === undefined ? undefined : outOption('sinh', options));
  }

  /**
   * Hyperbolic cosine element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).cosh().toArray(); // [1]
   */
  cosh(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('cosh', arguments, 1);
    return unary('cosh', this, options === undefined ? undefined : outOption('cosh', options));
  }

  /**
   * Hyperbolic tangent element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([0]).tanh().toArray(); // [0]
   */
  tanh(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('tanh', arguments, 1);
    return unary('tanh', this, options === undefined ? undefined : outOption('tanh', options));
  }

  /**
   * Rounds down element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1.5]).floor().toArray(); // [-2]
   */
  floor(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('floor', arguments, 1);
    return unary('floor', this, options === undefined ? undefined : outOption('floor', options));
  }

  /**
   * Rounds up element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1.5]).ceil().toArray(); // [-1]
   */
  ceil(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('ceil', arguments, 1);
    return unary('ceil', this, options === undefined ? undefined : outOption('ceil', options));
  }

  /**
   * Rounds toward zero element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-1.5]).trunc().toArray(); // [-1]
   */
  trunc(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('trunc', arguments, 1);
    return unary('trunc', this, options === undefined ? undefined : outOption('trunc', options));
  }

  /**
   * Rounds to `decimals` decimal places, halves to even, with NumPy's algorithm and results:
   * `rint(x * 10^d) / 10^d` (d < 0: `rint(x / 10^-d) * 10^-d`), so `round(2.675, 2)` is 2.68
   * as in NumPy (2.675 · 100 rounds to 267.5; Python's `round` gives 2.67). NaN, ±Infinity
   * and -0 are kept; a huge `decimals` overflows to NaN as in NumPy.
   * @param decimals decimal places (default 0; negative rounds to tens, hundreds, …)
   * @param options `{ out }` (or the array itself) to write into an existing array
   * @returns the result
   * @example
   * nd.array([0.5, 1.5, 2.5]).round().toArray(); // [0, 2, 2]
   * nd.array([2.675, 1234.5]).round(2).toArray(); // [2.68, 1234.5]
   * nd.array([1234.5]).round(-1).toArray(); // [1230]
   */
  round(decimals?: number, options?: OutOptions | NdArray): NdArray;
  round(options: OutOptions): NdArray;
  round(decimals?: number | OutOptions, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 2) checkArity('round', arguments, 2);
    if (typeof decimals === 'object' && decimals !== null && !(decimals instanceof NdArray) && arguments.length === 1) {
      return unary('round', this, outOption('round', decimals)); // the options-only form, round({ out })
    }
    const d = decimals === undefined ? 0 : checkInteger('round', 'decimals', decimals);
    return roundDecimals(this, d, options === undefined ? undefined : outOption('round', options));
  }

  /**
   * Sign element-wise: -1, 0 (keeping -0) or 1; NaN stays NaN.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-3, 0, 2]).sign().toArray(); // [-1, 0, 1]
   */
  sign(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('sign', arguments, 1);
    return unary('sign', this, options === undefined ? undefined : outOption('sign', options));
  }

  /**
   * True where the element is NaN.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([NaN, 1]).isnan().toArray(); // [true, false]
   */
  isnan(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('isnan', arguments, 1);
    return unary('isnan', this, options === undefined ? undefined : outOption('isnan', options));
  }

  /**
   * True where the element is neither NaN nor ±Infinity.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([Infinity, 1]).isfinite().toArray(); // [false, true]
   */
  isfinite(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('isfinite', arguments, 1);
    return unary('isfinite', this, options === undefined ? undefined : outOption('isfinite', options));
  }

  /**
   * True where the element is ±Infinity.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([-Infinity, 1]).isinf().toArray(); // [true, false]
   */
  isinf(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('isinf', arguments, 1);
    return unary('isinf', this, options === undefined ? undefined : outOption('isinf', options));
  }

  /**
   * Logical not of a bool array, element-wise.
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the result
   * @example
   * nd.array([true, false]).not().toArray(); // [false, true]
   */
  not(options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 1) checkArity('not', arguments, 1);
    return unary('not', this, options === undefined ? undefined : outOption('not', options));
  }

  /**
   * Limits values to [lo, hi] element-wise (NaN stays NaN).
   * @param lo lower bound (a number, an array, or null for none)
   * @param hi upper bound (a number, an array, or null for none)
   * @param options `{ out }` to write into an existing array, or that array itself (NumPy's positional `out`)
   * @returns the clipped array
   * @example
   * nd.array([-2, 0.5, 3]).clip(0, 1).toArray(); // [0, 0.5, 1]
   */
  clip(lo: Operand | null, hi: Operand | null, options?: OutOptions | NdArray): NdArray {
    if (arguments.length > 3 || arguments.length < 2) checkArity('clip', arguments, 3, 2);
    return clip(this, lo, hi, options === undefined ? undefined : outOption('clip', options));
  }

  // ---- masks ---------------------------------------------------------------------------

  /**
   * The elements where `mask` is true, as a new 1-D array in C order: the vector form of
   * `arr.filter(x => x > 0)`.
   * @param mask a bool array of this array's shape
   * @returns the selected elements
   * @example
   * const a = nd.array([-1, 2, -3, 4]);
   * a.where(a.gt(0)).toArray(); // [2, 4]
   */
  where(mask: NdArray): NdArray {
    if (arguments.length !== 1) checkArity('where', arguments, 1, 1);
    return compress(this, mask);
  }

  /**
   * Assigns `value` in place where `mask` is true.
   * @param mask a bool array of this array's shape
   * @param value a number, or an array broadcastable to this array's shape
   * @returns this array
   * @example
   * const a = nd.array([-1, 2]);
   * a.setWhere(a.lt(0), 0).toArray(); // [0, 2]
   */
  setWhere(mask: NdArray, value: Operand): this {
    if (arguments.length !== 2) checkArity('setWhere', arguments, 2, 2);
    setWhere(this, mask, value);
    return this;
  }

  /**
   * Counts true elements of a bool array (nonzero elements of a float array).
   * @returns the count
   * @example
   * nd.array([-1, 2, 3]).gt(0).count(); // 2
   */
  count(): number {
    if (arguments.length > 0) checkArity('count', arguments, 0);
    return countTrue(this);
  }

  // ---- reductions ------------------------------------------------------------------------

  /**
   * Sum of the elements over `axis` (all axes when omitted: a plain number). Empty sums are 0.
   * @param axis axis or axes to reduce
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([[1, 2], [3, 4]]).sum(0).toArray(); // [4, 6]
   */
  sum(axis?: null, options?: ScalarOptions): number;
  sum(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  sum(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  sum(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  sum(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('sum', arguments, 2);
    return reduceMethod('sum', this, axis, options) as NdArray | number;
  }

  /**
   * Product of the elements over `axis`. Empty products are 1.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([2, 3]).prod(); // 6
   */
  prod(axis?: null, options?: ScalarOptions): number;
  prod(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  prod(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  prod(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  prod(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('prod', arguments, 2);
    return reduceMethod('prod', this, axis, options) as NdArray | number;
  }

  /**
   * Mean over `axis`. The mean of nothing is NaN.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, 2]).mean(); // 1.5
   */
  mean(axis?: null, options?: ScalarOptions): number;
  mean(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  mean(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  mean(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  mean(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('mean', arguments, 2);
    return reduceMethod('mean', this, axis, options) as NdArray | number;
  }

  /**
   * Minimum over `axis`; NaN propagates. Throws on an empty reduction.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([3, 1]).min(); // 1
   */
  min(axis?: null, options?: ScalarOptions): number;
  min(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  min(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  min(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  min(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('min', arguments, 2);
    return reduceMethod('min', this, axis, options) as NdArray | number;
  }

  /**
   * Maximum over `axis`; NaN propagates. Throws on an empty reduction.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([3, 1]).max(); // 3
   */
  max(axis?: null, options?: ScalarOptions): number;
  max(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  max(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  max(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  max(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('max', arguments, 2);
    return reduceMethod('max', this, axis, options) as NdArray | number;
  }

  /**
   * Standard deviation over `axis`, divisor `n - ddof`.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, ddof, out }`, the `out` array, or `ddof` as a number (`a.std(0, 1)`)
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, 3]).std(); // 1
   */
  std(axis?: null, options?: ScalarVarOptions | number): number;
  std(axis: number | readonly number[], options?: VarOptions | NdArray | number): NdArray;
  std(axis: AxisArg, options: ArrayResultVarOptions | NdArray): NdArray;
  std(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number;
  std(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number {
    if (arguments.length > 2) checkArity('std', arguments, 2);
    return reduceMethod('std', this, axis, options) as NdArray | number;
  }

  /**
   * Variance over `axis`, divisor `n - ddof`.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, ddof, out }`, the `out` array, or `ddof` as a number (`a.std(0, 1)`)
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, 3]).var(); // 1
   */
  var(axis?: null, options?: ScalarVarOptions | number): number;
  var(axis: number | readonly number[], options?: VarOptions | NdArray | number): NdArray;
  var(axis: AxisArg, options: ArrayResultVarOptions | NdArray): NdArray;
  var(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number;
  var(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number {
    if (arguments.length > 2) checkArity('var', arguments, 2);
    return reduceMethod('var', this, axis, options) as NdArray | number;
  }

  /**
   * True when any element over `axis` is true (nonzero).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a boolean when no axis is named (and no keepdims/out), else a bool array (0-d when the named axes are all of them)
   * @example
   * nd.array([0, 1]).any(); // true
   */
  any(axis?: null, options?: ScalarOptions): boolean;
  any(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  any(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  any(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | boolean;
  any(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | boolean {
    if (arguments.length > 2) checkArity('any', arguments, 2);
    return reduceMethod('any', this, axis, options) as NdArray | boolean;
  }

  /**
   * True when every element over `axis` is true (nonzero).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a boolean when no axis is named (and no keepdims/out), else a bool array (0-d when the named axes are all of them)
   * @example
   * nd.array([0, 1]).all(); // false
   */
  all(axis?: null, options?: ScalarOptions): boolean;
  all(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  all(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  all(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | boolean;
  all(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | boolean {
    if (arguments.length > 2) checkArity('all', arguments, 2);
    return reduceMethod('all', this, axis, options) as NdArray | boolean;
  }

  /**
   * Sum over `axis`, skipping NaN.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, NaN]).nansum(); // 1
   */
  nansum(axis?: null, options?: ScalarOptions): number;
  nansum(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  nansum(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  nansum(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  nansum(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nansum', arguments, 2);
    return reduceMethod('nansum', this, axis, options) as NdArray | number;
  }

  /**
   * Mean over `axis`, skipping NaN.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, NaN, 3]).nanmean(); // 2
   */
  nanmean(axis?: null, options?: ScalarOptions): number;
  nanmean(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  nanmean(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  nanmean(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  nanmean(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanmean', arguments, 2);
    return reduceMethod('nanmean', this, axis, options) as NdArray | number;
  }

  /**
   * Minimum over `axis`, skipping NaN (NaN where all are NaN).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([NaN, 2]).nanmin(); // 2
   */
  nanmin(axis?: null, options?: ScalarOptions): number;
  nanmin(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  nanmin(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  nanmin(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  nanmin(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanmin', arguments, 2);
    return reduceMethod('nanmin', this, axis, options) as NdArray | number;
  }

  /**
   * Maximum over `axis`, skipping NaN (NaN where all are NaN).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([NaN, 2]).nanmax(); // 2
   */
  nanmax(axis?: null, options?: ScalarOptions): number;
  nanmax(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  nanmax(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  nanmax(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  nanmax(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanmax', arguments, 2);
    return reduceMethod('nanmax', this, axis, options) as NdArray | number;
  }

  /**
   * Variance over `axis`, skipping NaN (NumPy's `nanvar`): divisor `n - ddof` with n the
   * non-NaN count of each slice; NaN where that is ≤ 0 (an all-NaN slice, or ddof ≥ n).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, ddof, out }`, the `out` array, or `ddof` as a number
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, NaN, 3]).nanvar(); // 1
   */
  nanvar(axis?: null, options?: ScalarVarOptions | number): number;
  nanvar(axis: number | readonly number[], options?: VarOptions | NdArray | number): NdArray;
  nanvar(axis: AxisArg, options: ArrayResultVarOptions | NdArray): NdArray;
  nanvar(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number;
  nanvar(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number {
    if (arguments.length > 2) checkArity('nanvar', arguments, 2);
    const ax = checkAxisArg('nanvar', axis);
    return reductionResult(nanVariance('nanvar', this, ax, reduceOptions('nanvar', options, VAR_KEYS)), ax !== null, false) as NdArray | number;
  }

  /**
   * Standard deviation over `axis`, skipping NaN (NumPy's `nanstd`): the square root of {@link nanvar}.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, ddof, out }`, the `out` array, or `ddof` as a number
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, NaN, 3]).nanstd(); // 1
   */
  nanstd(axis?: null, options?: ScalarVarOptions | number): number;
  nanstd(axis: number | readonly number[], options?: VarOptions | NdArray | number): NdArray;
  nanstd(axis: AxisArg, options: ArrayResultVarOptions | NdArray): NdArray;
  nanstd(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number;
  nanstd(axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number {
    if (arguments.length > 2) checkArity('nanstd', arguments, 2);
    const ax = checkAxisArg('nanstd', axis);
    return reductionResult(nanVariance('nanstd', this, ax, reduceOptions('nanstd', options, VAR_KEYS)), ax !== null, false) as NdArray | number;
  }

  /**
   * Product over `axis`, NaN counted as 1 (NumPy's `nanprod`; an all-NaN slice gives 1).
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([2, NaN, 3]).nanprod(); // 6
   */
  nanprod(axis?: null, options?: ScalarOptions): number;
  nanprod(axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  nanprod(axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  nanprod(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
  nanprod(axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanprod', arguments, 2);
    const ax = checkAxisArg('nanprod', axis);
    return reductionResult(nanProd(this, ax, reduceOptions('nanprod', options, REDUCE_KEYS)), ax !== null, false) as NdArray | number;
  }

  /**
   * Index of the minimum ignoring NaN (NumPy's `nanargmin`: NaN read as +Infinity), over
   * `axis` or the flattened array. A slice of only NaN throws AllNaNSliceError.
   * @param axis the axis (flattened when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns an index, or an array of indices (as float64)
   * @example
   * nd.array([NaN, 3, 1]).nanargmin(); // 2
   */
  nanargmin(axis?: null, options?: ScalarOptions): number;
  nanargmin(axis: number, options?: ReduceOptions | NdArray): NdArray;
  nanargmin(axis: number | null | undefined, options: ArrayResultOptions | NdArray): NdArray;
  nanargmin(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number;
  nanargmin(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanargmin', arguments, 2);
    const ax = checkSingleAxis('nanargmin', axis, true);
    return reductionResult(nanArgReduce('nanargmin', this, ax, reduceOptions('nanargmin', options, REDUCE_KEYS)), ax !== null, false) as NdArray | number;
  }

  /**
   * Index of the maximum ignoring NaN (NumPy's `nanargmax`: NaN read as -Infinity), over
   * `axis` or the flattened array. A slice of only NaN throws AllNaNSliceError.
   * @param axis the axis (flattened when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns an index, or an array of indices (as float64)
   * @example
   * nd.array([NaN, 3, 1]).nanargmax(); // 1
   */
  nanargmax(axis?: null, options?: ScalarOptions): number;
  nanargmax(axis: number, options?: ReduceOptions | NdArray): NdArray;
  nanargmax(axis: number | null | undefined, options: ArrayResultOptions | NdArray): NdArray;
  nanargmax(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number;
  nanargmax(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('nanargmax', arguments, 2);
    const ax = checkSingleAxis('nanargmax', axis, true);
    return reductionResult(nanArgReduce('nanargmax', this, ax, reduceOptions('nanargmax', options, REDUCE_KEYS)), ax !== null, false) as NdArray | number;
  }

  /**
   * Cumulative sum along `axis` (of the flattened array when omitted), NaN counted as 0 (NumPy's `nancumsum`).
   * @param axis the axis
   * @returns an array of the same shape (1-D when axis is omitted)
   * @example
   * nd.array([1, NaN, 3]).nancumsum().toArray(); // [1, 1, 4]
   */
  nancumsum(axis?: number | null): NdArray {
    if (arguments.length > 1) checkArity('nancumsum', arguments, 1);
    return nanCumulative('nancumsum', this, checkSingleAxis('nancumsum', axis, true));
  }

  /**
   * Cumulative product along `axis` (of the flattened array when omitted), NaN counted as 1 (NumPy's `nancumprod`).
   * @param axis the axis
   * @returns an array of the same shape (1-D when axis is omitted)
   * @example
   * nd.array([2, NaN, 3]).nancumprod().toArray(); // [2, 2, 6]
   */
  nancumprod(axis?: number | null): NdArray {
    if (arguments.length > 1) checkArity('nancumprod', arguments, 1);
    return nanCumulative('nancumprod', this, checkSingleAxis('nancumprod', axis, true));
  }

  /**
   * Index of the minimum (first one; a NaN counts as the minimum) over `axis`, or in the flattened array.
   * @param axis the axis (flattened when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns an index, or an array of indices (as float64)
   * @example
   * nd.array([3, 1, 2]).argmin(); // 1
   */
  argmin(axis?: null, options?: ScalarOptions): number;
  argmin(axis: number, options?: ReduceOptions | NdArray): NdArray;
  argmin(axis: number | null | undefined, options: ArrayResultOptions | NdArray): NdArray;
  argmin(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number;
  argmin(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('argmin', arguments, 2);
    const ax = checkSingleAxis('argmin', axis, true);
    const r = argReduce('argmin', this, ax, reduceOptions('argmin', options, REDUCE_KEYS));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Index of the maximum (first one; a NaN counts as the maximum) over `axis`, or in the flattened array.
   * @param axis the axis (flattened when omitted)
   * @param options `{ keepdims, out }`, or the `out` array itself
   * @returns an index, or an array of indices (as float64)
   * @example
   * nd.array([3, 1, 2]).argmax(); // 0
   */
  argmax(axis?: null, options?: ScalarOptions): number;
  argmax(axis: number, options?: ReduceOptions | NdArray): NdArray;
  argmax(axis: number | null | undefined, options: ArrayResultOptions | NdArray): NdArray;
  argmax(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number;
  argmax(axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number {
    if (arguments.length > 2) checkArity('argmax', arguments, 2);
    const ax = checkSingleAxis('argmax', axis, true);
    const r = argReduce('argmax', this, ax, reduceOptions('argmax', options, REDUCE_KEYS));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Cumulative sum along `axis` (of the flattened array when omitted).
   * @param axis the axis
   * @returns an array of the same shape (1-D when axis is omitted)
   * @example
   * nd.array([1, 2, 3]).cumsum().toArray(); // [1, 3, 6]
   */
  cumsum(axis?: number | null): NdArray {
    if (arguments.length > 1) checkArity('cumsum', arguments, 1);
    return cumulative('cumsum', this, checkSingleAxis('cumsum', axis, true));
  }

  /**
   * Cumulative product along `axis` (of the flattened array when omitted).
   * @param axis the axis
   * @returns an array of the same shape (1-D when axis is omitted)
   * @example
   * nd.array([1, 2, 3]).cumprod().toArray(); // [1, 2, 6]
   */
  cumprod(axis?: number | null): NdArray {
    if (arguments.length > 1) checkArity('cumprod', arguments, 1);
    return cumulative('cumprod', this, checkSingleAxis('cumprod', axis, true));
  }

  // ---- combine -----------------------------------------------------------------------------

  /**
   * Dot product / matrix product (NumPy's `dot`): 1-D·1-D (a number), 2-D×2-D, 2-D×1-D and
   * 1-D×2-D; beyond 2-D the sum over this array's last axis and `other`'s second-to-last (shape
   * `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`); a 0-d operand multiplies element-wise.
   * @param other the right operand
   * @returns a number for two vectors, else an array
   * @example
   * nd.array([1, 2]).dot(nd.array([3, 4])); // 11
   */
  dot(other: NdArray): NdArray | number {
    if (arguments.length !== 1) checkArity('dot', arguments, 1, 1);
    if (!(other instanceof NdArray)) throw new ArgumentError('dot', 'other', `other must be an NdArray, got ${describe(other)}`);
    return matmul(this, other);
  }

  /**
   * A sorted copy along `axis` (default last); NaN sorts last; -0 and 0 keep their order
   * (a stable sort: WASM radix sort on arena arrays).
   * @param axis the axis (default -1), or null for the flattened array (NumPy's `axis=None`)
   * @returns the sorted copy (1-D for axis null)
   * @example
   * nd.array([3, NaN, 1]).sort().toArray(); // [1, 3, NaN]
   * nd.array([[3, 1], [2, 0]]).sort(null).toArray(); // [0, 1, 2, 3]
   */
  sort(axis: number | null = -1): NdArray {
    if (arguments.length > 1) checkArity('sort', arguments, 1);
    return sort(this, checkSingleAxis('sort', axis, true));
  }

  /**
   * Indices that sort along `axis` (default last). Stable: equal values (-0 and 0 too) keep
   * their order, as NumPy's `kind='stable'`; NaN last.
   * @param axis the axis (default -1), or null for the flattened array (NumPy's `axis=None`)
   * @returns the indices as float64 (1-D for axis null: positions in the flattened array)
   * @example
   * nd.array([3, 1, 2]).argsort().toArray(); // [1, 2, 0]
   * nd.array([[3, 1], [2, 0]]).argsort(null).toArray(); // [3, 1, 2, 0]
   */
  argsort(axis: number | null = -1): NdArray {
    if (arguments.length > 1) checkArity('argsort', arguments, 1);
    return argsort(this, checkSingleAxis('argsort', axis, true));
  }

  /**
   * A partitioned copy along `axis` (NumPy's `partition`): each position in `kth` holds the
   * value it would hold sorted, with nothing greater before it and nothing smaller after it.
   * NaN sorts last. O(n) a line (introselect).
   * @param kth a position or several (negative from the end)
   * @param axis the axis (default -1), or null for the flattened array
   * @returns the partitioned copy (1-D for axis null)
   * @throws ArgumentError for a kth out of bounds (naming it and the axis size)
   * @example
   * nd.array([5, 1, 4, 2, 3]).partition(2).get(2); // 3
   */
  partition(kth: KthArg, axis: number | null = -1): NdArray {
    if (arguments.length > 2 || arguments.length < 1) checkArity('partition', arguments, 2, 1);
    return partition(this, kth, checkSingleAxis('partition', axis, true));
  }

  /**
   * Indices that partition along `axis` (NumPy's `argpartition`; see {@link partition}).
   * The order within the parts is fixed (the same with WASM on or off) but may differ from
   * NumPy's.
   * @param kth a position or several (negative from the end)
   * @param axis the axis (default -1), or null for the flattened array
   * @returns the indices as float64 (1-D for axis null)
   * @throws ArgumentError for a kth out of bounds
   * @example
   * nd.array([5, 1, 4, 2, 3]).argpartition(0).get(0); // 1
   */
  argpartition(kth: KthArg, axis: number | null = -1): NdArray {
    if (arguments.length > 2 || arguments.length < 1) checkArity('argpartition', arguments, 2, 1);
    return argpartition(this, kth, checkSingleAxis('argpartition', axis, true));
  }

  // ---- integer indexing ------------------------------------------------------------------

  /**
   * Elements at integer indices (NumPy `a.take(indices, axis)`, and `a[[0, 2]]` on a 1-D
   * array): from the flattened array when `axis` is omitted or null, else along `axis`.
   * Negative indices count from the end. Note `a.slice([0, 2])` is a range, not two indices.
   * @param indices an NdArray of integral float64 values or nested numbers, any shape
   * @param axis the axis (default: the flattened array)
   * @param options `{ mode }`: `'raise'` (default), `'wrap'` or `'clip'` for indices outside [-n, n) (NumPy's `mode`)
   * @returns a new array: `indices`' shape (flat), else `a.shape[:axis] + indices.shape + a.shape[axis+1:]`
   * @throws IndexError naming an index out of range (with the axis size) or not an integer
   * @example
   * nd.array([10, 20, 30]).take([2, -3]).toArray(); // [30, 10]
   * nd.array([[1, 2], [3, 4]]).take([1], 1).toArray(); // [[2], [4]]
   * nd.array([10, 20, 30]).take([4, -1], null, { mode: 'clip' }).toArray(); // [30, 10]
   */
  take(indices: IndexArg, axis?: number | null, options?: TakeOptions): NdArray {
    if (arguments.length < 1 || arguments.length > 3) checkArity('take', arguments, 3, 1);
    const ax = checkSingleAxis('take', axis, true);
    return take(this, indices, ax, indexMode('take', options));
  }

  /**
   * Writes `values` at flat indices, in place (NumPy `a.put(indices, values)`, or
   * `a.flat[indices] = values`): values are read flat and cycled when shorter; a repeated
   * index keeps the last value. Every index is checked before anything is written.
   * @param indices an NdArray of integral float64 values or nested numbers, any shape
   * @param values a number, an NdArray or nested numbers
   * @param options `{ mode }`: `'raise'` (default), `'wrap'` or `'clip'` for indices outside [-n, n) (NumPy's `mode`)
   * @returns this array
   * @throws IndexError for a bad index; ReadOnlyError for a read-only array
   * @example
   * nd.zeros([4]).put([0, -1], [5, 6]).toArray(); // [5, 0, 0, 6]
   * nd.zeros([3]).put([5], 1, { mode: 'wrap' }).toArray(); // [0, 0, 1]
   */
  put(indices: IndexArg, values: ValuesArg, options?: TakeOptions): this {
    if (arguments.length !== 2 && arguments.length !== 3) checkArity('put', arguments, 3, 2);
    put(this, indices, values, indexMode('put', options));
    return this;
  }

  // ---- closeness -----------------------------------------------------------------------

  /**
   * Element-wise closeness, NumPy's `isclose`: `|a - b| <= atol + rtol * |b|`, broadcasting;
   * `inf` is close only to `inf`, NaN to nothing unless `equalNan`.
   * @param other an array or a number (the reference `b`)
   * @param options `{ rtol = 1e-5, atol = 1e-8, equalNan = false }`, or NumPy's positional `rtol, atol, equalNan`
   * @returns a bool array of the broadcast shape
   * @example
   * nd.array([1, 1.1, NaN]).isclose(nd.array([1, 1, NaN])).toArray(); // [true, false, false]
   */
  isclose(other: Operand, options?: CloseOptions): NdArray;
  isclose(other: Operand, rtol?: number, atol?: number, equalNan?: boolean): NdArray;
  isclose(other: Operand, ...rest: unknown[]): NdArray {
    return isclose(this, other, closeOptions('isclose', rest, 1));
  }

  /**
   * True when every element is close to `other` (see {@link isclose}), NumPy's `allclose`.
   * @param other an array or a number (the reference `b`)
   * @param options `{ rtol = 1e-5, atol = 1e-8, equalNan = false }`, or NumPy's positional `rtol, atol, equalNan`
   * @returns whether all elements are close
   * @example
   * nd.array([1, 2]).allclose(nd.array([1, 2 + 1e-9])); // true
   */
  allclose(other: Operand, options?: CloseOptions): boolean;
  allclose(other: Operand, rtol?: number, atol?: number, equalNan?: boolean): boolean;
  allclose(other: Operand, ...rest: unknown[]): boolean {
    return allclose(this, other, closeOptions('allclose', rest, 1));
  }

  /**
   * True when `other` has this shape and equal elements, NumPy's `array_equal` (NaN is
   * never equal unless `equalNan`; -0 equals 0).
   * @param other the array to compare with
   * @param options `{ equalNan = false }`
   * @returns whether shapes and values are equal
   * @example
   * nd.array([1, 2]).arrayEqual(nd.array([1, 2])); // true
   */
  arrayEqual(other: NdArray, options?: { equalNan?: boolean } | boolean): boolean {
    if (arguments.length > 2 || arguments.length < 1) checkArity('arrayEqual', arguments, 2, 1);
    const equalNan = typeof options === 'boolean' ? options : checkOptions('arrayEqual', options, ['equalNan'] as const).equalNan;
    return arrayEqual(this, other, { equalNan: checkBoolean('arrayEqual', 'equalNan', equalNan, false) });
  }

  // ---- statistics ----------------------------------------------------------------------

  /**
   * Median over `axis` (all axes when omitted); NaN in a slice gives NaN.
   * @param axis axis or axes to reduce
   * @param options `{ keepdims }`
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([3, 1, 4, 2]).median(); // 2.5
   */
  median(axis?: null, options?: { keepdims?: false }): number;
  median(axis: number | readonly number[], options?: KeepdimsOptions): NdArray;
  median(axis: AxisArg, options: { keepdims: true }): NdArray;
  median(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number;
  median(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
    if (arguments.length > 2) checkArity('median', arguments, 2);
    const ax = checkAxisArg('median', axis);
    const r = median(this, ax, reduceOptions('median', options, KEEPDIMS_KEYS));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Quantiles over `axis` (NumPy's `quantile`, bit for bit): `method` is one of NumPy's 13
   * (default 'linear'); an array of quantiles adds a leading axis. NaN in a slice gives NaN.
   * @param q a quantile in [0, 1], or an array of them
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, method, weights }` (weights: method 'inverted_cdf' only)
   * @returns a number for one quantile over all axes, else an array
   * @example
   * nd.array([1, 2, 3, 4]).quantile([0.25, 0.5]).toArray(); // [1.75, 2.5]
   * nd.array([1, 2, 3, 4]).quantile(0.5, null, { method: 'lower' }); // 2
   */
  quantile(q: number, axis?: null, options?: { keepdims?: false; method?: QuantileOptions['method']; weights?: QuantileOptions['weights'] }): number;
  quantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray;
  quantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number;
  quantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
    if (arguments.length > 3 || arguments.length < 1) checkArity('quantile', arguments, 3, 1);
    const ax = checkAxisArg('quantile', axis);
    const r = quantile(this, q, ax, quantileOptions('quantile', options));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Percentiles over `axis`: `quantile(p / 100)`.
   * @param p a percentile in [0, 100], or an array of them
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, method, weights }` (weights: method 'inverted_cdf' only)
   * @returns a number for one percentile over all axes, else an array
   * @example
   * nd.array([1, 2, 3, 4]).percentile(75); // 3.25
   */
  percentile(p: number, axis?: null, options?: { keepdims?: false; method?: QuantileOptions['method']; weights?: QuantileOptions['weights'] }): number;
  percentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray;
  percentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number;
  percentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
    if (arguments.length > 3 || arguments.length < 1) checkArity('percentile', arguments, 3, 1);
    const ax = checkAxisArg('percentile', axis);
    const r = percentile(this, p, ax, quantileOptions('percentile', options));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Median over `axis` ignoring NaN (NumPy's `nanmedian`); a slice of NaNs only gives NaN.
   * @param axis axis or axes to reduce
   * @param options `{ keepdims }`
   * @returns a number when no axis is named (and no keepdims), else an array
   * @example
   * nd.array([3, NaN, 1, 2]).nanmedian(); // 2
   */
  nanmedian(axis?: null, options?: { keepdims?: false }): number;
  nanmedian(axis: number | readonly number[], options?: KeepdimsOptions): NdArray;
  nanmedian(axis: AxisArg, options: { keepdims: true }): NdArray;
  nanmedian(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number;
  nanmedian(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
    if (arguments.length > 2) checkArity('nanmedian', arguments, 2);
    const ax = checkAxisArg('nanmedian', axis);
    const r = nanmedian(this, ax, reduceOptions('nanmedian', options, KEEPDIMS_KEYS));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Quantiles over `axis` ignoring NaN (NumPy's `nanquantile`); a slice of NaNs only gives NaN.
   * @param q a quantile in [0, 1], or an array of them
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, method, weights }` (weights: method 'inverted_cdf' only)
   * @returns a number for one quantile over all axes, else an array
   * @example
   * nd.array([1, NaN, 2, 3, 4]).nanquantile(0.25); // 1.75
   */
  nanquantile(q: number, axis?: null, options?: { keepdims?: false; method?: QuantileOptions['method']; weights?: QuantileOptions['weights'] }): number;
  nanquantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray;
  nanquantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number;
  nanquantile(q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
    if (arguments.length > 3 || arguments.length < 1) checkArity('nanquantile', arguments, 3, 1);
    const ax = checkAxisArg('nanquantile', axis);
    const r = nanquantile(this, q, ax, quantileOptions('nanquantile', options));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Percentiles over `axis` ignoring NaN: `nanquantile(p / 100)`.
   * @param p a percentile in [0, 100], or an array of them
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims, method, weights }` (weights: method 'inverted_cdf' only)
   * @returns a number for one percentile over all axes, else an array
   * @example
   * nd.array([1, NaN, 2, 3, 4]).nanpercentile(50); // 2.5
   */
  nanpercentile(p: number, axis?: null, options?: { keepdims?: false; method?: QuantileOptions['method']; weights?: QuantileOptions['weights'] }): number;
  nanpercentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray;
  nanpercentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number;
  nanpercentile(p: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number {
    if (arguments.length > 3 || arguments.length < 1) checkArity('nanpercentile', arguments, 3, 1);
    const ax = checkAxisArg('nanpercentile', axis);
    const r = nanpercentile(this, p, ax, quantileOptions('nanpercentile', options));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Range (max - min) over `axis`; NaN propagates.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ keepdims }`
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([4, 9, 2]).ptp(); // 7
   */
  ptp(axis?: null, options?: { keepdims?: false }): number;
  ptp(axis: number | readonly number[], options?: KeepdimsOptions): NdArray;
  ptp(axis: AxisArg, options: { keepdims: true }): NdArray;
  ptp(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number;
  ptp(axis?: AxisArg, options?: KeepdimsOptions): NdArray | number {
    if (arguments.length > 2) checkArity('ptp', arguments, 2);
    const ax = checkAxisArg('ptp', axis);
    const r = ptp(this, ax, reduceOptions('ptp', options, KEEPDIMS_KEYS));
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  /**
   * Weighted average over `axis`: `sum(a * w) / sum(w)`; the mean without weights.
   * @param axis axis or axes to reduce (all when omitted)
   * @param options `{ weights, keepdims }`; 1-D weights need one `axis`
   * @returns a number when no axis is named (and no keepdims/out), else an array (0-d when the named axes are all of them)
   * @example
   * nd.array([1, 2, 3]).average(null, { weights: nd.array([3, 1, 0]) }); // 1.25
   */
  average(axis?: null, options?: { weights?: NdArray; keepdims?: false }): number;
  average(axis: number | readonly number[], options?: Omit<AverageOptions, 'out'>): NdArray;
  average(axis: AxisArg, options: { weights?: NdArray; keepdims: true }): NdArray;
  average(axis?: AxisArg, options?: Omit<AverageOptions, 'out'>): NdArray | number;
  average(axis?: AxisArg, options?: Omit<AverageOptions, 'out'>): NdArray | number {
    if (arguments.length > 2) checkArity('average', arguments, 2);
    const ax = checkAxisArg('average', axis);
    const o = checkOptions('average', options, ['weights', 'keepdims'] as const);
    const weights = o.weights === undefined || o.weights instanceof NdArray ? o.weights : undefined;
    if (o.weights !== weights) throw new ArgumentError('average', 'weights', `weights must be an NdArray, got ${describe(o.weights)}`);
    const r = average(this, ax, { weights, keepdims: checkBoolean('average', 'keepdims', o.keepdims, false) });
    return reductionResult(r, ax !== null, false) as NdArray | number;
  }

  // ---- searching -----------------------------------------------------------------------

  /**
   * Indices of the nonzero (true) elements: one 1-D index array per dimension (NumPy's tuple).
   * @returns `ndim` float64 arrays of indices
   * @example
   * nd.array([0, 3, 0, 5]).nonzero()[0].toArray(); // [1, 3]
   */
  nonzero(): NdArray[] {
    if (arguments.length > 0) checkArity('nonzero', arguments, 0);
    return nonzero(this);
  }

  /**
   * Indices of the nonzero (true) elements as rows of an `[count, ndim]` array.
   * @returns the indices as float64
   * @example
   * nd.array([[0, 1], [1, 0]]).argwhere().toArray(); // [[0, 1], [1, 0]]
   */
  argwhere(): NdArray {
    if (arguments.length > 0) checkArity('argwhere', arguments, 0);
    return argwhere(this);
  }

  /**
   * The sorted distinct values of the flattened array; NaN once, at the end.
   * @returns a new 1-D array
   * @example
   * nd.array([2, NaN, 1, 2, NaN]).unique().toArray(); // [1, 2, NaN]
   */
  unique(): NdArray {
    if (arguments.length > 0) checkArity('unique', arguments, 0);
    return unique(this);
  }

  /**
   * Where values would be inserted into this sorted 1-D array to keep it sorted.
   * @param v a number or an array of values
   * @param options `{ side: 'left' | 'right' }` (default 'left'), or the side itself (`a.searchsorted(2, 'right')`)
   * @returns an index, or an array of indices (float64) of `v`'s shape
   * @example
   * nd.array([1, 3, 5]).searchsorted(4); // 2
   */
  searchsorted(v: number, options?: SearchSortedOptions | 'left' | 'right'): number;
  searchsorted(v: NdArray | readonly NestedArray[], options?: SearchSortedOptions | 'left' | 'right'): NdArray;
  searchsorted(v: number | NdArray | readonly NestedArray[], options?: SearchSortedOptions | 'left' | 'right'): number | NdArray;
  searchsorted(v: number | NdArray | readonly NestedArray[], options?: SearchSortedOptions | 'left' | 'right'): number | NdArray {
    if (arguments.length > 2 || arguments.length < 1) checkArity('searchsorted', arguments, 2, 1);
    return searchsorted(this, v, typeof options === 'string' ? { side: options } : options);
  }

  // ---- differences and order -------------------------------------------------------------

  /**
   * The `n`-th discrete difference along `axis` (bool arrays: `!=`).
   * @param n how many times to difference (default 1)
   * @param axis the axis (default -1)
   * @returns a new array, `n` shorter along `axis`
   * @example
   * nd.array([1, 4, 9]).diff().toArray(); // [3, 5]
   */
  diff(n = 1, axis = -1): NdArray {
    if (arguments.length > 2) checkArity('diff', arguments, 2);
    return diff(this, checkInteger('diff', 'n', n, { min: 0 }), checkSingleAxis('diff', axis, false) as number);
  }

  /**
   * Rolls elements along `axis` (NumPy's `roll`): those shifted off one end come back at the
   * other. `axis` omitted or null rolls the flattened array and restores the shape; `shift`
   * and `axis` may be arrays (broadcast against each other; shifts on one axis add up).
   * @param shift an integer or integers; positive moves elements towards higher indices
   * @param axis an axis, several, or null (default) for the flattened array
   * @returns a new array of this shape and dtype
   * @example
   * nd.arange(5).roll(2).toArray(); // [3, 4, 0, 1, 2]
   * nd.arange(6).reshape(2, 3).roll(-1, 1).toArray(); // [[1, 2, 0], [4, 5, 3]]
   */
  roll(shift: number | readonly number[], axis?: number | readonly number[] | null): NdArray {
    if (arguments.length > 2 || arguments.length < 1) checkArity('roll', arguments, 2, 1);
    return roll(this, checkIntegers('roll', 'shift', shift), axis === undefined || axis === null ? null : checkIntegers('roll', 'axis', axis));
  }

  /**
   * Reverses the order of elements along `axis` (all axes when omitted): a view with
   * negative strides.
   * @param axis axis or axes to flip
   * @returns the flipped view
   * @example
   * nd.array([1, 2, 3]).flip().toArray(); // [3, 2, 1]
   */
  flip(axis?: AxisArg): NdArray {
    if (arguments.length > 1) checkArity('flip', arguments, 1);
    return flip(this, checkAxisArg('flip', axis));
  }

  // ---- filling and repeating -------------------------------------------------------------

  /**
   * Sets every element to `value`, in place; works through views (slices, transposes).
   * The value is cast to this array's dtype: on a bool array nonzero (NaN too) is true, on
   * a float64 array a boolean is 0/1.
   * @param value the value
   * @returns this array
   * @example
   * nd.zeros(3).fill(7).toArray(); // [7, 7, 7]
   */
  fill(value: number | boolean): this {
    if (arguments.length !== 1) checkArity('fill', arguments, 1, 1);
    fill(this, value);
    return this;
  }

  /**
   * Repeats each element `repeats` times (or `repeats[i]` times for index i along `axis`);
   * flattened first when no axis is given. A copy.
   * @param repeats one count, or one per index along the axis
   * @param axis the axis (omitted or null: flatten first)
   * @returns the new array
   * @example
   * nd.array([1, 2]).repeat(2).toArray(); // [1, 1, 2, 2]
   */
  repeat(repeats: number | readonly number[], axis?: number | null): NdArray {
    if (arguments.length > 2 || arguments.length < 1) checkArity('repeat', arguments, 2, 1);
    return repeat(this, repeats, checkSingleAxis('repeat', axis, true));
  }

  // ---- matrices ------------------------------------------------------------------------

  /**
   * The diagonal over axes `axis1`, `axis2` (NumPy's `a.diagonal`): a READ-ONLY view, as
   * NumPy's; its last axis runs along the diagonal, the other axes stay in order.
   * @param offset the diagonal: 0 main (default), > 0 above, < 0 below
   * @param axis1 the rows' axis (default 0)
   * @param axis2 the columns' axis (default 1)
   * @returns the view (copy it to write)
   * @throws ShapeError for fewer than 2 dimensions; AxisError for a bad or repeated axis
   * @example
   * nd.array([[1, 2], [3, 4]]).diagonal().toArray(); // [1, 4]
   * nd.array([[1, 2], [3, 4]]).diagonal(1).toArray(); // [2]
   */
  diagonal(offset = 0, axis1 = 0, axis2 = 1): NdArray {
    if (arguments.length > 3) checkArity('diagonal', arguments, 3);
    return diagonal(
      this,
      checkInteger('diagonal', 'offset', offset),
      checkSingleAxis('diagonal', axis1, false, 'axis1') as number,
      checkSingleAxis('diagonal', axis2, false, 'axis2') as number,
    );
  }

  /**
   * The sum along a diagonal (NumPy's `a.trace`): a number for a matrix, an array of sums for
   * a stack (over `axis1`, `axis2`).
   * @param offset the diagonal: 0 main (default), > 0 above, < 0 below
   * @param axis1 the rows' axis (default 0)
   * @param axis2 the columns' axis (default 1)
   * @returns a number for a 2-D array, else a new array
   * @throws ShapeError for fewer than 2 dimensions; AxisError for a bad or repeated axis
   * @example
   * nd.array([[1, 2], [3, 4]]).trace(); // 5
   */
  trace(offset = 0, axis1 = 0, axis2 = 1): NdArray | number {
    if (arguments.length > 3) checkArity('trace', arguments, 3);
    return trace(
      this,
      checkInteger('trace', 'offset', offset),
      checkSingleAxis('trace', axis1, false, 'axis1') as number,
      checkSingleAxis('trace', axis2, false, 'axis2') as number,
    );
  }
}

// Lets lower layers (argument checks) recognise an array without importing this class.
Object.defineProperty(NdArray.prototype, NDARRAY_BRAND, { value: true });
registerArrayClass(NdArray);

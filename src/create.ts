/**
 * Array creation: from JS data (`nd.array`), filled (`zeros`, `ones`, `full`, `eye`,
 * `identity`, and the `*Like` forms; `fill` in place), ranges (`arange`, `linspace`,
 * `logspace`, `geomspace`) and seeded random numbers (`random`, `randn`).
 * @module
 */
import type { NdArray } from './ndarray.ts';
import { emptyArray, isNdArray } from './array-factory.ts';
import { ArgumentError, DTypeError, ShapeError, formatShape } from './errors.ts';
import { generatorFor } from './random/generator.ts';
import { normalizeShape, type ShapeLike } from './shape.ts';
import { copyInto } from './ops/manipulate.ts';
import { binary, unary } from './ops/elementwise.ts';
import { orderAndCoalesce, walkAxes } from './kernels/js-strided.ts';
import { describeValue, fromNested, fromTypedArray } from './nested.ts';
import { fromTransferable, type TransferableArray } from './interop.ts';
import { checkArity, checkBoolean, checkDType, checkInteger, checkNumber, checkOptions, checkShape, describe, isNdArrayLike } from './args.ts';
import type { DType } from './memory.ts';

/** A dtype argument of a creation function: `'float64'`, `'bool'`, or `{ dtype }`. */
export type DTypeArg =
  | DType
  | {
      /** `'float64'` or `'bool'`. */
      dtype?: DType;
    };

/**
 * Reads the dtype argument of a creation function (NumPy's positional or keyword `dtype`):
 * `'float64'`, `'bool'`, `{ dtype }` or `undefined`. Other dtypes throw DTypeError naming
 * the dtypes that exist; a number there is almost always a second dimension written NumPy's
 * other way (`zeros(2, 3)`), so it throws ArgumentError telling to pass a shape array.
 * @returns the dtype, or `undefined` when none was given
 */
function readDType(func: string, v: unknown, shapeHint?: unknown): DType | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    const hint = typeof shapeHint === 'number' ? `; for a 2-D array pass the shape as an array: ${func}([${shapeHint}, ${v}])` : '';
    throw new ArgumentError(func, 'dtype', `dtype must be 'float64', 'bool' or { dtype }, got ${describe(v)}${hint}`);
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isNdArrayLike(v)) {
    const { dtype } = checkOptions(func, v, ['dtype']);
    return dtype === undefined ? undefined : checkDType(func, dtype);
  }
  return checkDType(func, v);
}

/** `made` converted to `dtype` (consuming `made`), or `made` itself when it already has it. */
function withDType(made: NdArray, dtype: DType | undefined): NdArray {
  if (dtype === undefined || made.dtype === dtype) return made;
  try {
    return made.astype(dtype);
  } finally {
    made.dispose();
  }
}

/** Nested arrays of numbers/booleans, a typed array, a scalar, an NdArray, or `a.toTransferable()` data. */
export type ArrayInput = number | boolean | NdArray | Float64Array | readonly unknown[] | TransferableArray;

/**
 * Makes a new array from JS data. Nested arrays give the shape; all-boolean data gives a
 * bool array, anything else float64. The data is always copied.
 * @param x nested arrays of numbers/booleans, a `Float64Array` (or other typed array), a
 *   number or boolean (a 0-d array), an NdArray (copied), or `{ shape, dtype, data }` from
 *   `a.toTransferable()` (checked strictly; see `toTransferable`)
 * @param dtype `'float64'`, `'bool'` or `{ dtype }` (NumPy's `dtype`): converts the data
 *   (nonzero, NaN too, is true); other dtypes throw DTypeError
 * @returns the new array
 * @throws ShapeError for ragged, cyclic or sparse nested arrays, more than 64 levels, or more
 *   than 2^32 elements (checked before allocating); DTypeError for values that are not numbers
 *   or booleans, or for a dtype ndvec does not have; ArgumentError for an extra argument;
 *   NdvecError for a typed array whose buffer was detached
 * @example
 * nd.array([[1, 2], [3, 4]]).shape; // [2, 2]
 * nd.array([1, 0], 'bool').toArray(); // [true, false]
 * nd.array([true, false]).dtype;    // 'bool'
 * nd.array(5).ndim;                 // 0
 */
export function array(x: ArrayInput, dtype?: DTypeArg): NdArray {
  checkArity('array', arguments, 2, 1);
  const want = readDType('array', dtype);
  if (want !== undefined) return withDType(array(x), want);
  if (isNdArray(x)) {
    x.assertLive();
    const out = emptyArray([...x.shape], x.dtype);
    copyInto(x, out);
    return out;
  }
  if (typeof x === 'number' || typeof x === 'boolean') {
    const out = emptyArray([], typeof x === 'boolean' ? 'bool' : 'float64');
    (typeof x === 'boolean' ? out.u8() : out.f64())[out.start] = Number(x);
    return out;
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return fromTypedArray(x as unknown as Float64Array);
  if (Array.isArray(x)) return fromNested(x);
  if (typeof x === 'object' && x !== null) return fromTransferable(x);
  throw new DTypeError(`cannot make an array from ${describeValue(x)}`, typeof x);
}

/**
 * Runs `f` on `x` as an array (an NdArray is checked live); an array made here from plain
 * data is freed when `f` returns, so use it only where results never share the input's memory.
 * @param x an NdArray or plain data that `nd.array` takes
 * @param f what to run
 * @returns what `f` returns
 * @example
 * withInput([1, 2, 3], (a) => a.sum()); // 6, the converted array freed
 */
export function withInput<T>(x: NdArray | ArrayInput, f: (a: NdArray) => T): T {
  if (isNdArray(x)) {
    x.assertLive();
    return f(x);
  }
  const a = array(x);
  try {
    return f(a);
  } finally {
    a.dispose();
  }
}

/**
 * Fills a new array of `shape` with `value` (NumPy's `full`). Without `dtype`, a boolean
 * gives a bool array and a number float64; with it the value is cast as NumPy does (on bool,
 * nonzero, NaN too, is true; on float64 a boolean is 0/1).
 * @param shape a non-negative integer (1-D) or an array of them
 * @param value the fill value
 * @param dtype `'float64'`, `'bool'` or `{ dtype }`
 * @returns the new array
 * @throws ShapeError for an invalid shape; DTypeError for a value that is not a number or
 *   boolean, or a dtype ndvec does not have; ArgumentError for an extra argument
 * @example
 * nd.full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 * nd.full(2, 1, 'bool').toArray(); // [true, true]
 */
export function full(shape: ShapeLike, value: number | boolean, dtype?: DTypeArg): NdArray {
  checkArity('full', arguments, 3, 2);
  return filled('full', shape, value, dtype, false);
}

/**
 * A new array of zeros (NumPy's `zeros`): float64, or false with dtype `'bool'`.
 * @param shape a non-negative integer (1-D) or an array of them
 * @param dtype `'float64'` (default), `'bool'` or `{ dtype }`
 * @returns the new array
 * @throws ShapeError for an invalid shape; DTypeError for a dtype ndvec does not have;
 *   ArgumentError for a number in the dtype slot (`zeros(2, 3)`: pass `zeros([2, 3])`)
 * @example
 * nd.zeros([2, 3]).shape; // [2, 3]
 * nd.zeros(2, 'bool').toArray(); // [false, false]
 */
export function zeros(shape: ShapeLike, dtype?: DTypeArg): NdArray {
  checkArity('zeros', arguments, 2, 1);
  return filled('zeros', shape, 0, dtype, true);
}

/**
 * A new array of ones (NumPy's `ones`): float64, or true with dtype `'bool'`.
 * @param shape a non-negative integer (1-D) or an array of them
 * @param dtype `'float64'` (default), `'bool'` or `{ dtype }`
 * @returns the new array
 * @throws ShapeError for an invalid shape; DTypeError for a dtype ndvec does not have;
 *   ArgumentError for a number in the dtype slot (`ones(2, 3)`: pass `ones([2, 3])`)
 * @example
 * nd.ones(3).toArray(); // [1, 1, 1]
 */
export function ones(shape: ShapeLike, dtype?: DTypeArg): NdArray {
  checkArity('ones', arguments, 2, 1);
  return filled('ones', shape, 1, dtype, true);
}

/** `full`, `zeros` and `ones` after their arity check; `shapeHint` adds the `zeros([2, 3])` hint. */
function filled(func: string, shape: unknown, value: unknown, dtype: unknown, shapeHint: boolean): NdArray {
  const dims = checkShape(func, shape);
  assertFillValue(func, value);
  const dt = readDType(func, dtype, shapeHint ? shape : undefined) ?? (typeof value === 'boolean' ? 'bool' : 'float64');
  const out = emptyArray(dims, dt);
  const view = dt === 'bool' ? out.u8() : out.f64();
  view.fill(storedValue(value, dt), out.start, out.start + out.size);
  return out;
}

/** Throws DTypeError (naming `func`) unless `value` is a number or a boolean. */
function assertFillValue(func: string, value: unknown): asserts value is number | boolean {
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new DTypeError(`${func}: fill value must be a number or boolean, got ${describeValue(value)}`, typeof value);
  }
}

/** What an element of `dtype` holds for `value`, cast as NumPy does: bool is nonzero (NaN too), float64 is 0/1 for booleans. */
function storedValue(value: number | boolean, dtype: DType): number {
  return dtype === 'bool' ? (value !== 0 && value !== false ? 1 : 0) : Number(value);
}

/**
 * Writes `value` into every element of `a` in place, for any strides (slices, transposes,
 * flips). A read-only array (a `broadcastTo` view) throws ReadOnlyError. The value is cast to `a`'s dtype as NumPy does: on a bool array any
 * nonzero number (NaN too) is true; on a float64 array a boolean is 0/1.
 * @param a the array to write (float64 or bool)
 * @param value the value
 * @throws DTypeError for a value that is not a number or boolean; DisposedError when `a` was disposed;
 *   ReadOnlyError when `a` is read-only
 * @example
 * fill(nd.zeros([2, 2]).T, 3); // every element is 3
 */
export function fill(a: NdArray, value: number | boolean): void {
  a.assertWritable('fill');
  assertFillValue('fill', value);
  const isBool = a.dtype === 'bool';
  const data: Float64Array | Uint8Array = isBool ? a.u8() : a.f64();
  const v = storedValue(value, a.dtype);
  if (a.isContiguous) {
    data.fill(v, a.start, a.start + a.size);
    return;
  }
  const loops = orderAndCoalesce(a.shape.map((n, d) => ({ n, s: a.strides[d]!, t: 0 })));
  const inner = loops.pop()!;
  walkAxes(loops, a.start, 0, (p) => {
    for (let i = 0; i < inner.n; i++, p += inner.s) data[p] = v;
  });
}

/** The shape and dtype of `like` (an NdArray, or data `nd.array` takes), without keeping a copy. */
function shapeAndDType(like: ArrayInput): { shape: number[]; dtype: NdArray['dtype'] } {
  if (isNdArray(like)) {
    like.assertLive();
    return { shape: [...like.shape], dtype: like.dtype };
  }
  const tmp = array(like);
  const found = { shape: [...tmp.shape], dtype: tmp.dtype };
  tmp.dispose();
  return found;
}

/** `fullLike`, `zerosLike` and `onesLike` after their arity check. */
function filledLike(func: string, like: ArrayInput, value: unknown, dtype: unknown): NdArray {
  assertFillValue(func, value);
  const want = readDType(func, dtype);
  const found = shapeAndDType(like);
  const out = emptyArray(found.shape, want ?? found.dtype);
  fill(out, value);
  return out;
}

/**
 * A new array with the shape and dtype of `like`, filled with `value` (NumPy's `full_like`).
 * The dtype is `like`'s unless `dtype` is given: a number on a bool array is cast (nonzero,
 * NaN too, is true), a boolean on a float64 array is 0/1.
 * @param like an NdArray, or data `nd.array` takes (only its shape and dtype are used)
 * @param value the fill value
 * @param dtype `'float64'`, `'bool'` or `{ dtype }` (default: `like`'s)
 * @returns the new array
 * @throws DTypeError for a value that is not a number or boolean, or a dtype ndvec does not
 *   have; DisposedError for a disposed `like`; ArgumentError for an extra argument
 * @example
 * nd.fullLike(nd.zeros([2, 3]), 7).toArray(); // [[7, 7, 7], [7, 7, 7]]
 * nd.fullLike(nd.array([true, false]), 0).toArray(); // [false, false]
 */
export function fullLike(like: ArrayInput, value: number | boolean, dtype?: DTypeArg): NdArray {
  checkArity('fullLike', arguments, 3, 2);
  return filledLike('fullLike', like, value, dtype);
}

/**
 * A new array of zeros (false for bool) with the shape and dtype of `like` (NumPy's `zeros_like`).
 * @param like an NdArray, or data `nd.array` takes
 * @param dtype `'float64'`, `'bool'` or `{ dtype }` (default: `like`'s)
 * @returns the new array
 * @example
 * nd.zerosLike(nd.ones([2, 2])).toArray(); // [[0, 0], [0, 0]]
 */
export function zerosLike(like: ArrayInput, dtype?: DTypeArg): NdArray {
  checkArity('zerosLike', arguments, 2, 1);
  return filledLike('zerosLike', like, 0, dtype);
}

/**
 * A new array of ones (true for bool) with the shape and dtype of `like` (NumPy's `ones_like`).
 * @param like an NdArray, or data `nd.array` takes
 * @param dtype `'float64'`, `'bool'` or `{ dtype }` (default: `like`'s)
 * @returns the new array
 * @example
 * nd.onesLike(nd.arange(3)).toArray(); // [1, 1, 1]
 */
export function onesLike(like: ArrayInput, dtype?: DTypeArg): NdArray {
  checkArity('onesLike', arguments, 2, 1);
  return filledLike('onesLike', like, 1, dtype);
}

/** Largest element count a range may produce (guards against `arange(0, 1e300)`). */
const MAX_RANGE_LENGTH = 2 ** 32;

/**
 * Evenly spaced values in [start, stop) by `step`, as NumPy's `arange`, bit for bit: the
 * length is `ceil((stop - start) / step)` (0 when negative), element 0 is `start`, element 1
 * `start + step`, and element i `start + i * delta` with `delta = (start + step) - start`.
 * @param startOrStop `stop` when it is the only argument (start 0), else `start`
 * @param stop the end, excluded
 * @param step the spacing (default 1; must not be 0; may be negative; finite: NumPy's
 *   `arange(0, 1, inf)` is `[0]`, ndvec refuses an infinite step)
 * @param dtype `'float64'` (default), `'bool'` (the values cast: nonzero is true) or `{ dtype }`
 *   (the options object may also come right after the last number: `arange(5, { dtype })`)
 * @returns the new 1-D array
 * @throws ArgumentError for step 0, non-finite or non-number arguments, or a fifth argument; ShapeError for more than 2^32 elements (`arange(1, 2, 1e-310)`, NumPy's
 *   "Maximum allowed size exceeded"); DTypeError for a dtype ndvec does not have
 * @example
 * nd.arange(4).toArray();        // [0, 1, 2, 3]
 * nd.arange(1, 2, 0.25).toArray(); // [1, 1.25, 1.5, 1.75]
 * nd.arange(5, 0, -2).toArray(); // [5, 3, 1]
 */
export function arange(startOrStop: number, stop?: number, step = 1, dtype?: DTypeArg): NdArray {
  checkArity('arange', arguments, 4, 1);
  // NumPy's keyword dtype as a trailing options object: arange(5, { dtype: 'bool' })
  if (arguments.length === 2 && isOptionsObject(stop)) return arange(startOrStop, undefined, 1, stop as DTypeArg);
  if (arguments.length === 3 && isOptionsObject(step)) return arange(startOrStop, stop, 1, step as DTypeArg);
  const want = readDType('arange', dtype);
  if (want !== undefined) return withDType(arange(startOrStop, stop, step), want);
  let start = checkNumber('arange', stop === undefined ? 'stop' : 'start', startOrStop, true);
  if (stop === undefined) {
    stop = start;
    start = 0;
  } else {
    checkNumber('arange', 'stop', stop, true);
  }
  checkNumber('arange', 'step', step, true);
  if (step === 0) throw new ArgumentError('arange', 'step', 'step must not be zero');
  const n = arangeLength(start, stop, step);
  if (n > MAX_RANGE_LENGTH) throw new ShapeError(`arange(${start}, ${stop}, ${step}) would have ${n} elements`, [[n]]);
  const out = emptyArray([n], 'float64');
  const view = out.f64();
  const p = out.start;
  // NumPy's arange writes start and start + step, then element i as start + i * delta with
  // delta = (start + step) - start (its dtype `fill`): the same bits as NumPy, also for -0.
  if (n > 0) view[p] = start;
  if (n > 1) view[p + 1] = start + step;
  const delta = start + step - start;
  for (let i = 2; i < n; i++) view[p + i] = start + i * delta;
  return out;
}

/**
 * NumPy's arange length: `ceil((stop - start) / step)`, 0 when negative; when the quotient
 * underflows to 0 although `stop != start`, 1 for a positive quotient (NumPy's rule).
 */
function arangeLength(start: number, stop: number, step: number): number {
  const span = stop - start;
  const quotient = span / step;
  if (quotient === 0 && span !== 0) return Object.is(quotient, -0) ? 0 : 1;
  return Math.max(0, Math.ceil(quotient));
}

/**
 * Reads an `endpoint` argument given NumPy's way (a positional boolean) or as
 * `{ endpoint, ...keys }`; returns the options object (empty for a boolean) and the endpoint.
 */
function readEndpoint<K extends string>(
  func: string,
  v: unknown,
  keys: readonly K[],
): { endpoint: boolean; options: Partial<Record<K | 'endpoint', unknown>> } {
  if (v === undefined || typeof v === 'boolean') return { endpoint: v ?? true, options: {} };
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isNdArrayLike(v)) {
    throw new ArgumentError(func, 'endpoint', `endpoint must be true, false or an options object { ${['endpoint', ...keys].join(', ')} }, got ${describe(v)}`);
  }
  const options = checkOptions(func, v, ['endpoint', ...keys]);
  return { endpoint: checkBoolean(func, 'endpoint', options.endpoint, true), options };
}

/** linspace's values (NumPy's formula) in a new array; arguments already checked. */
function linspaceValues(start: number, stop: number, num: number, endpoint: boolean): NdArray {
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const out = emptyArray([num], 'float64');
  const view = out.f64();
  const p = out.start;
  for (let i = 0; i < num; i++) {
    // NumPy divides instead when the step underflows to 0; with div 0 (num 1 with the
    // endpoint) it computes 0 * delta + start, NaN for an infinite or NaN delta.
    view[p + i] = step === 0 ? (i / div) * delta + start : div > 0 ? i * step + start : i * delta + start;
  }
  if (endpoint && num > 1) view[p + num - 1] = stop;
  return out;
}

/**
 * `num` evenly spaced values from `start` to `stop` (included unless `endpoint` is false),
 * as NumPy's `linspace(start, stop, num=50, endpoint=True)`.
 * @param start first value
 * @param stop last value (or the excluded end when `endpoint` is false)
 * @param num number of values (a non-negative integer, default 50)
 * @param endpoint `true` (default), `false`, or `{ endpoint }`
 * @returns the new 1-D array
 * @throws ArgumentError for a negative or fractional `num`, arguments of the wrong type, an
 *   unknown option or an extra argument
 * @example
 * nd.linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 * nd.linspace(0, 1, 4, false).toArray(); // [0, 0.25, 0.5, 0.75]
 * nd.linspace(0, 1, 4, { endpoint: false }).toArray(); // the same
 */
export function linspace(start: number, stop: number, num = 50, endpoint?: boolean | { endpoint?: boolean }): NdArray {
  checkArity('linspace', arguments, 4, 2);
  checkNumber('linspace', 'start', start);
  checkNumber('linspace', 'stop', stop);
  checkInteger('linspace', 'num', num, { min: 0 });
  return linspaceValues(start, stop, num, readEndpoint('linspace', endpoint, []).endpoint);
}

/**
 * `num` values spaced evenly on a log scale, `base ** linspace(start, stop, num)`, as
 * NumPy's `logspace(start, stop, num=50, endpoint=True, base=10.0)`.
 * @param start `base ** start` is the first value
 * @param stop `base ** stop` is the last value (or the excluded end when `endpoint` is false)
 * @param num number of values (a non-negative integer, default 50)
 * @param endpoint `true` (default), `false`, or `{ endpoint, base }`
 * @param base the base (default 10), when `endpoint` is not an options object
 * @returns the new 1-D array
 * @throws ArgumentError for a negative or fractional `num`, arguments of the wrong type, an
 *   unknown option or an extra argument
 * @example
 * nd.logspace(0, 3, 4).toArray(); // [1, 10, 100, 1000]
 * nd.logspace(2, 3, 2, { base: 2 }).toArray(); // [4, 8]
 * nd.logspace(2, 3, 2, true, 2).toArray(); // [4, 8]
 */
export function logspace(
  start: number,
  stop: number,
  num = 50,
  endpoint?: boolean | { endpoint?: boolean; base?: number },
  base?: number,
): NdArray {
  const asOptions = typeof endpoint === 'object' && endpoint !== null;
  checkArity('logspace', arguments, asOptions ? 4 : 5, 2);
  checkNumber('logspace', 'start', start);
  checkNumber('logspace', 'stop', stop);
  checkInteger('logspace', 'num', num, { min: 0 });
  const read = readEndpoint('logspace', endpoint, ['base']);
  const b = asOptions ? read.options.base : base;
  const baseValue = b === undefined ? 10 : checkNumber('logspace', 'base', b);
  const exponents = linspaceValues(start, stop, num, read.endpoint);
  const baseArray = full([], baseValue);
  binary('pow', baseArray, exponents, exponents);
  baseArray.dispose();
  return exponents;
}

/**
 * `num` values spaced evenly on a log scale from `start` to `stop`, NumPy's
 * `geomspace(start, stop, num=50, endpoint=True)`: `logspace(log10(|start|), log10(|stop|))`
 * with the sign of `start`, the first value exactly `start` and (with the endpoint) the last
 * exactly `stop`. Negative bounds work when both are negative; opposite signs give NaN inside.
 * @param start the first value (not 0)
 * @param stop the last value (not 0; the excluded end when `endpoint` is false)
 * @param num number of values (a non-negative integer, default 50)
 * @param endpoint `true` (default), `false`, or `{ endpoint }`
 * @returns the new 1-D array
 * @throws ArgumentError for a 0 bound ("cannot include zero", NumPy's ValueError), a negative or
 *   fractional `num`, arguments of the wrong type, an unknown option or an extra argument
 * @example
 * nd.geomspace(1, 1000, 4).toArray(); // [1, 10, 100, 1000]
 * nd.geomspace(-1, -16, 5).toArray(); // [-1, -2, -4, -8, -16]
 */
export function geomspace(start: number, stop: number, num = 50, endpoint?: boolean | { endpoint?: boolean }): NdArray {
  checkArity('geomspace', arguments, 4, 2);
  checkNumber('geomspace', 'start', start);
  checkNumber('geomspace', 'stop', stop);
  checkInteger('geomspace', 'num', num, { min: 0 });
  const withEnd = readEndpoint('geomspace', endpoint, []).endpoint;
  if (start === 0 || stop === 0) throw new ArgumentError('geomspace', start === 0 ? 'start' : 'stop', `a geometric sequence cannot include zero, got start ${start} and stop ${stop}`);
  // NumPy: rotate start to positive (divide both by sign(start)), logspace of the log10s, ends exact, rotate back
  const sign = Math.sign(start);
  const from = start / sign;
  const to = stop / sign;
  const logs = emptyArray([2], 'float64');
  logs.f64()[logs.start] = from;
  logs.f64()[logs.start + 1] = to;
  unary('log10', logs, logs);
  const [logFrom, logTo] = [logs.f64()[logs.start]!, logs.f64()[logs.start + 1]!];
  logs.dispose();
  const out = linspaceValues(logFrom, logTo, num, withEnd);
  const base = full([], 10);
  binary('pow', base, out, out);
  base.dispose();
  const view = out.f64();
  if (num > 0) view[out.start] = from;
  if (num > 1 && withEnd) view[out.start + num - 1] = to;
  for (let i = 0; i < num; i++) view[out.start + i] *= sign;
  return out;
}

/** Options of `nd.eye`: NumPy's keywords `k` and `dtype`. */
export interface EyeOptions {
  /** The diagonal: > 0 above the main one, < 0 below (default 0). */
  k?: number;
  /** `'float64'` (default) or `'bool'`. */
  dtype?: DType;
}

/** True for an object literal: a trailing options object (NumPy's keywords). */
function isOptionsObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A 2-D array with ones on the `k`-th diagonal and zeros elsewhere, as NumPy's
 * `eye(N, M=None, k=0, dtype=float)`: k > 0 is above the main diagonal, k < 0 below. NumPy's
 * keywords may come as an options object in the last slot: `eye(3, { k: 1 })`.
 * @param n number of rows (a non-negative integer)
 * @param m number of columns (default, or `null`: `n`), or the options
 * @param k the diagonal (an integer, default 0), or the options
 * @param dtype `'float64'` (default), `'bool'`, or the options `{ k, dtype }`
 * @returns the new 2-D array
 * @throws ArgumentError for sizes or `k` that are not integers, an option given twice, an
 *   unknown option or an extra argument; DTypeError for a dtype ndvec does not have
 * @example
 * nd.eye(2).toArray(); // [[1, 0], [0, 1]]
 * nd.eye(2, 3, 1).toArray(); // [[0, 1, 0], [0, 0, 1]]
 * nd.eye(3, { k: -1, dtype: 'bool' }).dtype; // 'bool'
 */
export function eye(n: number, m?: number | null | EyeOptions, k?: number | EyeOptions, dtype?: DType | EyeOptions): NdArray {
  checkArity('eye', arguments, 4, 1);
  const given: unknown[] = [m, k, dtype].slice(0, arguments.length - 1);
  const options = given.length > 0 && isOptionsObject(given[given.length - 1]) ? checkOptions('eye', given.pop(), ['k', 'dtype']) : {};
  const [mArg, kArg, dtypeArg] = given;
  for (const [name, positional] of [['k', kArg], ['dtype', dtypeArg]] as const) {
    if (positional !== undefined && options[name] !== undefined) {
      throw new ArgumentError('eye', name, `${name} given twice: as argument and as option`);
    }
  }
  const rows = checkInteger('eye', 'n', n, { min: 0 });
  const cols = mArg === undefined || mArg === null ? rows : checkInteger('eye', 'm', mArg, { min: 0 });
  const kValue = kArg !== undefined ? kArg : options.k;
  const diag = kValue === undefined ? 0 : checkInteger('eye', 'k', kValue);
  const dt = dtypeArg !== undefined ? readDType('eye', dtypeArg) : options.dtype !== undefined ? checkDType('eye', options.dtype) : 'float64';
  const out = zeros([rows, cols], dt ?? 'float64');
  const view = out.dtype === 'bool' ? out.u8() : out.f64();
  for (let i = Math.max(0, -diag); i < rows && i + diag < cols; i++) view[out.start + i * cols + i + diag] = 1;
  return out;
}

/**
 * The n×n identity matrix, NumPy's `identity(n, dtype=float)`.
 * @param n number of rows and columns (a non-negative integer)
 * @param dtype `'float64'` (default), `'bool'` or `{ dtype }`
 * @returns the new 2-D array
 * @throws ArgumentError for `n` that is not a non-negative integer or an extra argument;
 *   DTypeError for a dtype ndvec does not have
 * @example
 * nd.identity(2).toArray(); // [[1, 0], [0, 1]]
 */
export function identity(n: number, dtype?: DTypeArg): NdArray {
  checkArity('identity', arguments, 2, 1);
  const rows = checkInteger('identity', 'n', n, { min: 0 });
  return eye(rows, rows, 0, readDType('identity', dtype) ?? 'float64');
}

// ---- random numbers ------------------------------------------------------------------

/** Options of `nd.random`: NumPy's `Generator.uniform(low, high)` plus the seed. */
export interface RandomOptions {
  /** An integer in [0, 2^53); without it a random seed is used. */
  seed?: number;
  /** Smallest value (included), default 0. */
  low?: number;
  /** End of the range (excluded), default 1. */
  high?: number;
}

/** Options of `nd.randn`: NumPy's `Generator.normal(loc, scale)` plus the seed. */
export interface RandnOptions {
  /** An integer in [0, 2^53); without it a random seed is used. */
  seed?: number;
  /** The mean, default 0 (`mean` is accepted too). */
  loc?: number;
  /** The standard deviation, ≥ 0, default 1 (`std` is accepted too). */
  scale?: number;
  /** Same as `loc`. */
  mean?: number;
  /** Same as `scale`. */
  std?: number;
}

/**
 * Reads the second argument of `random`/`randn`: a seed (NumPy's positional seed) or an
 * options object with `seed` and `keys`. The seed must be an integer in [0, 2^53).
 */
function readRandomOptions<K extends string>(
  func: string,
  v: unknown,
  keys: readonly K[],
): { seed: number | undefined; options: Partial<Record<K, unknown>> } {
  let seed: unknown;
  let options: Partial<Record<K, unknown>> = {};
  if (v === undefined || typeof v === 'number') seed = v;
  else if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isNdArrayLike(v)) {
    const all = checkOptions(func, v, ['seed', ...keys]);
    seed = all.seed;
    options = all as Partial<Record<K, unknown>>;
  } else {
    throw new ArgumentError(func, 'seed', `seed must be an integer or an options object { ${['seed', ...keys].join(', ')} }, got ${describe(v)}`);
  }
  return { seed: seed === undefined ? undefined : checkInteger(func, 'seed', seed, { min: 0, max: 2 ** 53 - 1 }), options };
}

/** The value of an option that has two names (`loc`/`mean`); giving both throws. */
function aliased(func: string, options: Record<string, unknown>, name: string, alias: string): unknown {
  if (options[name] !== undefined && options[alias] !== undefined) {
    throw new ArgumentError(func, alias, `${alias} is another name for ${name}: give one of them, got both`);
  }
  return options[name] !== undefined ? options[name] : options[alias];
}

/**
 * Uniform random numbers in [low, high) (default [0, 1)): `nd.rng(seed).random(shape)` or
 * `.uniform(low, high, shape)`, so the same seed gives NumPy's `default_rng(seed)` numbers,
 * bit for bit.
 * @param shape a non-negative integer (1-D) or an array of them
 * @param seed an integer seed in [0, 2^53), or `{ seed, low, high }`; without a seed a random one is used
 * @returns the new float64 array, `random · (high − low) + low` element-wise
 * @throws ShapeError for an invalid shape; ArgumentError for a seed that is not an integer in
 *   [0, 2^53), non-finite bounds, an unknown option or an extra argument
 * @example
 * nd.random([2, 2], 42).shape; // [2, 2]
 * nd.random(3, { seed: 42, low: 5, high: 6 }); // three values in [5, 6)
 */
export function random(shape: ShapeLike, seed?: number | RandomOptions): NdArray {
  checkArity('random', arguments, 2, 1);
  const dims = checkShape('random', shape);
  const read = readRandomOptions('random', seed, ['low', 'high']);
  const low = read.options.low === undefined ? 0 : checkNumber('random', 'low', read.options.low, true);
  const high = read.options.high === undefined ? 1 : checkNumber('random', 'high', read.options.high, true);
  const width = high - low;
  if (!Number.isFinite(width)) throw new ArgumentError('random', 'high', `high - low must be finite, got ${high} - ${low}`);
  // NumPy's uniform refuses high − low with its sign bit set (so high −0 over low 0 as well)
  if (width < 0 || Object.is(width, -0)) {
    const shown = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
    throw new ArgumentError('random', 'high', `high must be ≥ low, got low ${shown(low)} and high ${shown(high)}`);
  }
  const generator = generatorFor('random', read.seed);
  return read.options.low === undefined && read.options.high === undefined ? generator.random(dims) : generator.uniform(low, high, dims);
}

/**
 * Normal random numbers (default mean 0, standard deviation 1): `nd.rng(seed).standardNormal(shape)`
 * or `.normal(loc, scale, shape)`, so the same seed gives NumPy's `default_rng(seed)` numbers,
 * bit for bit (its ziggurat).
 * @param shape a non-negative integer (1-D) or an array of them
 * @param seed an integer seed in [0, 2^53), or `{ seed, loc, scale }` (`mean`, `std` are
 *   accepted for `loc`, `scale`); without a seed a random one is used
 * @returns the new float64 array, `loc + scale · z` element-wise
 * @throws ShapeError for an invalid shape; ArgumentError for a seed that is not an integer in
 *   [0, 2^53), a non-finite `loc`, a negative or non-finite `scale`, an unknown option or an
 *   extra argument
 * @example
 * nd.randn(1000, 1).mean(); // close to 0
 * nd.randn(1000, { seed: 1, loc: 5, scale: 2 }).std(); // close to 2
 */
export function randn(shape: ShapeLike, seed?: number | RandnOptions): NdArray {
  checkArity('randn', arguments, 2, 1);
  const dims = checkShape('randn', shape);
  const read = readRandomOptions('randn', seed, ['loc', 'scale', 'mean', 'std']);
  const locArg = aliased('randn', read.options, 'loc', 'mean');
  const scaleArg = aliased('randn', read.options, 'scale', 'std');
  const loc = locArg === undefined ? 0 : checkNumber('randn', 'loc', locArg, true);
  const scale = scaleArg === undefined ? 1 : checkNumber('randn', 'scale', scaleArg, true);
  if (scale < 0) throw new ArgumentError('randn', 'scale', `scale must be ≥ 0, got ${scale}`);
  const generator = generatorFor('randn', read.seed);
  return locArg === undefined && scaleArg === undefined ? generator.standardNormal(dims) : generator.normal(loc, scale, dims);
}

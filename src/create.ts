/**
 * Array creation: from JS data (`nd.array`), filled (`zeros`, `ones`, `full`, `eye`, and the
 * `*Like` forms; `fill` in place), ranges (`arange`, `linspace`, `logspace`) and seeded random
 * numbers (`random`, `randn`).
 * @module
 */
import { NdArray } from './ndarray.ts';
import { DTypeError, NdvecError, ShapeError, formatShape } from './errors.ts';
import { normalizeShape, type ShapeLike } from './shape.ts';
import { copyInto } from './ops/manipulate.ts';
import { binary } from './ops/elementwise.ts';
import { orderAndCoalesce, walkAxes } from './kernels/js-strided.ts';
import { describeValue, fromNested, fromTypedArray } from './nested.ts';
import { fromTransferable, type TransferableArray } from './interop.ts';

/** Nested arrays of numbers/booleans, a typed array, a scalar, an NdArray, or `a.toTransferable()` data. */
export type ArrayInput = number | boolean | NdArray | Float64Array | readonly unknown[] | TransferableArray;

/**
 * Makes a new array from JS data. Nested arrays give the shape; all-boolean data gives a
 * bool array, anything else float64. The data is always copied.
 * @param x nested arrays of numbers/booleans, a `Float64Array` (or other typed array), a
 *   number or boolean (a 0-d array), an NdArray (copied), or `{ shape, dtype, data }` from
 *   `a.toTransferable()` (checked strictly; see `toTransferable`)
 * @returns the new array
 * @throws ShapeError for ragged, cyclic or sparse nested arrays, more than 64 levels, or more
 *   than 2^32 elements (checked before allocating); DTypeError for values that are not
 *   numbers or booleans; NdvecError for a typed array whose buffer was detached
 * @example
 * nd.array([[1, 2], [3, 4]]).shape; // [2, 2]
 * nd.array([true, false]).dtype;    // 'bool'
 * nd.array(5).ndim;                 // 0
 */
export function array(x: ArrayInput): NdArray {
  if (x instanceof NdArray) {
    x.assertLive();
    const out = NdArray.empty([...x.shape], x.dtype);
    copyInto(x, out);
    return out;
  }
  if (typeof x === 'number' || typeof x === 'boolean') {
    const out = NdArray.empty([], typeof x === 'boolean' ? 'bool' : 'float64');
    (typeof x === 'boolean' ? out.u8() : out.f64())[out.start] = Number(x);
    return out;
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return fromTypedArray(x as unknown as Float64Array);
  if (Array.isArray(x)) return fromNested(x);
  if (typeof x === 'object' && x !== null) return fromTransferable(x);
  throw new DTypeError(`cannot make an array from ${describeValue(x)}`, typeof x);
}

/**
 * Fills a new array of `shape` with `value`: a boolean gives a bool array, a number float64.
 * @param shape a number (1-D) or the dimension sizes
 * @param value the fill value
 * @returns the new array
 * @throws ShapeError for an invalid shape
 * @example
 * nd.full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 */
export function full(shape: ShapeLike, value: number | boolean): NdArray {
  const dims = normalizeShape(shape);
  assertFillValue(value);
  const isBool = typeof value === 'boolean';
  const out = NdArray.empty(dims, isBool ? 'bool' : 'float64');
  const view = isBool ? out.u8() : out.f64();
  view.fill(Number(value), out.start, out.start + out.size);
  return out;
}

/**
 * A new float64 array of zeros.
 * @param shape a number (1-D) or the dimension sizes
 * @returns the new array
 * @throws ShapeError for an invalid shape
 * @example
 * nd.zeros([2, 3]).shape; // [2, 3]
 */
export function zeros(shape: ShapeLike): NdArray {
  return full(shape, 0);
}

/**
 * A new float64 array of ones.
 * @param shape a number (1-D) or the dimension sizes
 * @returns the new array
 * @throws ShapeError for an invalid shape
 * @example
 * nd.ones(3).toArray(); // [1, 1, 1]
 */
export function ones(shape: ShapeLike): NdArray {
  return full(shape, 1);
}

/** Throws DTypeError unless `value` is a number or a boolean. */
function assertFillValue(value: unknown): asserts value is number | boolean {
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new DTypeError(`fill value must be a number or boolean, got ${describeValue(value)}`, typeof value);
  }
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
  assertFillValue(value);
  const isBool = a.dtype === 'bool';
  const data: Float64Array | Uint8Array = isBool ? a.u8() : a.f64();
  const v = isBool ? (value !== 0 && value !== false ? 1 : 0) : Number(value);
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
  if (like instanceof NdArray) {
    like.assertLive();
    return { shape: [...like.shape], dtype: like.dtype };
  }
  const tmp = array(like);
  const found = { shape: [...tmp.shape], dtype: tmp.dtype };
  tmp.dispose();
  return found;
}

/**
 * A new array with the shape and dtype of `like`, filled with `value` (NumPy's `full_like`).
 * The dtype is always `like`'s: a number on a bool array is cast (nonzero, NaN too, is
 * true), a boolean on a float64 array is 0/1.
 * @param like an NdArray, or data `nd.array` takes (only its shape and dtype are used)
 * @param value the fill value
 * @returns the new array
 * @throws DTypeError for a value that is not a number or boolean; DisposedError for a disposed `like`
 * @example
 * nd.fullLike(nd.zeros([2, 3]), 7).toArray(); // [[7, 7, 7], [7, 7, 7]]
 * nd.fullLike(nd.array([true, false]), 0).toArray(); // [false, false]
 */
export function fullLike(like: ArrayInput, value: number | boolean): NdArray {
  assertFillValue(value);
  const { shape, dtype } = shapeAndDType(like);
  const out = NdArray.empty(shape, dtype);
  fill(out, value);
  return out;
}

/**
 * A new array of zeros (false for bool) with the shape and dtype of `like` (NumPy's `zeros_like`).
 * @param like an NdArray, or data `nd.array` takes
 * @returns the new array
 * @example
 * nd.zerosLike(nd.ones([2, 2])).toArray(); // [[0, 0], [0, 0]]
 */
export function zerosLike(like: ArrayInput): NdArray {
  return fullLike(like, 0);
}

/**
 * A new array of ones (true for bool) with the shape and dtype of `like` (NumPy's `ones_like`).
 * @param like an NdArray, or data `nd.array` takes
 * @returns the new array
 * @example
 * nd.onesLike(nd.arange(3)).toArray(); // [1, 1, 1]
 */
export function onesLike(like: ArrayInput): NdArray {
  return fullLike(like, 1);
}

function assertFinite(name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new NdvecError(`${name} must be a finite number, got ${describeValue(v)}`);
  }
}

/** Largest element count a range may produce (guards against `arange(0, 1e300)`). */
const MAX_RANGE_LENGTH = 2 ** 32;

/**
 * Evenly spaced values in [start, stop) by `step`, as NumPy's `arange`: the length is
 * `ceil((stop - start) / step)` (0 when negative) and element i is `start + i * step`.
 * @param startOrStop `stop` when it is the only argument (start 0), else `start`
 * @param stop the end, excluded
 * @param step the spacing (default 1; must not be 0; may be negative)
 * @returns the new 1-D array
 * @throws NdvecError for step 0 or non-finite arguments
 * @example
 * nd.arange(4).toArray();        // [0, 1, 2, 3]
 * nd.arange(1, 2, 0.25).toArray(); // [1, 1.25, 1.5, 1.75]
 * nd.arange(5, 0, -2).toArray(); // [5, 3, 1]
 */
export function arange(startOrStop: number, stop?: number, step = 1): NdArray {
  let start = startOrStop;
  if (stop === undefined) {
    stop = startOrStop;
    start = 0;
  }
  assertFinite('arange start', start);
  assertFinite('arange stop', stop);
  assertFinite('arange step', step);
  if (step === 0) throw new NdvecError('arange step must not be zero');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (n > MAX_RANGE_LENGTH) throw new NdvecError(`arange(${start}, ${stop}, ${step}) would have ${n} elements`);
  const out = NdArray.empty([n], 'float64');
  const view = out.f64();
  const p = out.start;
  for (let i = 0; i < n; i++) view[p + i] = start + i * step;
  return out;
}

/**
 * `num` evenly spaced values from `start` to `stop` (included unless `endpoint: false`),
 * as NumPy's `linspace`.
 * @param start first value
 * @param stop last value (or the excluded end with `endpoint: false`)
 * @param num number of values (a non-negative integer)
 * @param options `{ endpoint }`, default true
 * @returns the new 1-D array
 * @throws NdvecError for a negative or fractional `num`
 * @example
 * nd.linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 * nd.linspace(0, 1, 4, { endpoint: false }).toArray(); // [0, 0.25, 0.5, 0.75]
 */
export function linspace(start: number, stop: number, num: number, options: { endpoint?: boolean } = {}): NdArray {
  const endpoint = options.endpoint ?? true;
  if (!Number.isInteger(num) || num < 0) {
    throw new NdvecError(`linspace num must be a non-negative integer, got ${describeValue(num)}`);
  }
  if (typeof start !== 'number' || typeof stop !== 'number') {
    throw new DTypeError(`linspace start and stop must be numbers, got ${describeValue(start)} and ${describeValue(stop)}`, 'object');
  }
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const out = NdArray.empty([num], 'float64');
  const view = out.f64();
  const p = out.start;
  for (let i = 0; i < num; i++) {
    // NumPy divides instead when the step underflows to 0.
    view[p + i] = step === 0 ? (i / div) * delta + start : div > 0 ? i * step + start : start;
  }
  if (endpoint && num > 1) view[p + num - 1] = stop;
  return out;
}

/**
 * `num` values spaced evenly on a log scale, `base ** linspace(start, stop, num)`, as
 * NumPy's `logspace`.
 * @param start `base ** start` is the first value
 * @param stop `base ** stop` is the last value (or the excluded end with `endpoint: false`)
 * @param num number of values (a non-negative integer)
 * @param options `{ endpoint = true, base = 10 }`
 * @returns the new 1-D array
 * @throws NdvecError for a negative or fractional `num`; DTypeError for a `base` that is not a number
 * @example
 * nd.logspace(0, 3, 4).toArray(); // [1, 10, 100, 1000]
 * nd.logspace(2, 3, 2, { base: 2 }).toArray(); // [4, 8]
 */
export function logspace(
  start: number,
  stop: number,
  num: number,
  options: { endpoint?: boolean; base?: number } = {},
): NdArray {
  const base = options.base ?? 10;
  if (typeof base !== 'number') throw new DTypeError(`logspace base must be a number, got ${describeValue(base)}`, typeof base);
  const exponents = linspace(start, stop, num, { endpoint: options.endpoint ?? true });
  const baseArray = full([], base);
  binary('pow', baseArray, exponents, exponents);
  baseArray.dispose();
  return exponents;
}

/**
 * The identity matrix: ones on the diagonal, zeros elsewhere.
 * @param n number of rows
 * @param m number of columns (default `n`)
 * @returns the new 2-D array
 * @example
 * nd.eye(2).toArray(); // [[1, 0], [0, 1]]
 */
export function eye(n: number, m: number = n): NdArray {
  const out = zeros([n, m]);
  const view = out.f64();
  const k = Math.min(n, m);
  for (let i = 0; i < k; i++) view[out.start + i * m + i] = 1;
  return out;
}

// ---- random numbers ------------------------------------------------------------------

/** splitmix32: spreads a seed into well-mixed 32-bit words (to seed xoshiro128**). */
function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** (Blackman & Vigna): a small, fast 32-bit generator. Returns a function giving
 * uniform doubles in [0, 1) with 53 random bits.
 */
function uniformSource(seed: number): () => number {
  const mix = splitmix32((seed | 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x27d4eb2d));
  let a = mix(), b = mix(), c = mix(), d = mix();
  if ((a | b | c | d) === 0) a = 1;
  const next32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function resolveSeed(seed: number | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 53);
  if (!Number.isSafeInteger(seed)) throw new NdvecError(`seed must be an integer, got ${describeValue(seed)}`);
  return seed;
}

/** Allocates an array of `shape` and lets `fill` write its `n` elements from a seeded source. */
function fillRandom(
  shape: ShapeLike,
  seed: number | undefined,
  fill: (view: Float64Array, p: number, n: number, next: () => number) => void,
): NdArray {
  const dims = normalizeShape(shape);
  const next = uniformSource(resolveSeed(seed));
  const out = NdArray.empty(dims, 'float64');
  fill(out.f64(), out.start, out.size, next);
  return out;
}

/**
 * Uniform random numbers in [0, 1), from xoshiro128**. The same seed gives the same numbers.
 * @param shape a number (1-D) or the dimension sizes
 * @param options `{ seed }` (an integer); without it a random seed is used
 * @returns the new array
 * @example
 * nd.random([2, 2], { seed: 42 }).shape; // [2, 2]
 */
export function random(shape: ShapeLike, options: { seed?: number } = {}): NdArray {
  return fillRandom(shape, options.seed, (view, p, n, next) => {
    for (let i = 0; i < n; i++) view[p + i] = next();
  });
}

/**
 * Standard normal random numbers (mean 0, standard deviation 1), by the Box–Muller
 * transform of xoshiro128** uniforms. The same seed gives the same numbers.
 * @param shape a number (1-D) or the dimension sizes
 * @param options `{ seed }` (an integer); without it a random seed is used
 * @returns the new array
 * @example
 * nd.randn(1000, { seed: 1 }).mean(); // close to 0
 */
export function randn(shape: ShapeLike, options: { seed?: number } = {}): NdArray {
  return fillRandom(shape, options.seed, (view, p, n, next) => {
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      view[p + i] = r * Math.cos(theta);
      if (i + 1 < n) view[p + i + 1] = r * Math.sin(theta);
    }
  });
}

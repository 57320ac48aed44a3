/**
 * `nd.rng(seed)`: a random Generator with NumPy's streams, bit for bit. The same seed gives
 * the same numbers as `np.random.default_rng(seed)` (PCG64 seeded through SeedSequence), each
 * method draws exactly what NumPy's does (ziggurat normals and exponentials, Lemire's bounded
 * integers, NumPy's choice/shuffle/permutation algorithms), and successive calls continue the
 * stream as NumPy's do.
 *
 * This file is the NdArray face: it checks arguments (once, here), allocates results and
 * lets the samplers of ./distributions.ts fill them.
 * @module
 */
import { checkArity, checkBoolean, checkNumber, checkOptions, checkShape, describe, isNdArrayLike } from '../args.ts';
import { ArgumentError, NdvecError, formatShape } from '../errors.ts';
import { fromNested } from '../nested.ts';
import { walkAxes, type LoopAxis } from '../kernels/js-strided.ts';
// The one value import of the array class: the allocation in `allocate` below. Everything
// else recognises arrays by their brand (isNdArrayLike) and uses the type only.
import type { NdArray, NestedArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { tracing } from '../fuse/index.ts';
import { rejectTraced } from '../fuse/index.ts';
import {
  choiceWeighted,
  choiceWeightedWithoutReplacement,
  choiceWithoutReplacement,
  fillExponential,
  fillIntegers,
  fillNormal,
  fillRandom,
  fillUniform,
  kahanSum,
  randomInterval,
} from './distributions.ts';
import { PCG64 } from './pcg64.ts';
import { freshEntropy, generateState, seedPool, seedWords, type Seed } from './seed-sequence.ts';

export type { Seed } from './seed-sequence.ts';

/** A shape argument of the Generator methods; `undefined`/`null` is NumPy's `size=None` (one number). */
export type SizeArg = number | readonly number[] | null | undefined;

/** Options of {@link Generator.integers}. */
export interface IntegersOptions {
  /** Include `high` (NumPy's `endpoint=True`); default false. */
  endpoint?: boolean;
}

/** Options of {@link Generator.choice}. */
export interface ChoiceOptions {
  /** Draw with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries, summing to 1 (within √eps); default uniform. */
  p?: NdArray | readonly number[] | null;
}

const SQRT_EPS = Math.sqrt(2 ** -52);
const LIMIT = 2 ** 53;

/** The shape to fill, or null for one number. */
function sizeOf(func: string, shape: unknown): number[] | null {
  if (shape === undefined || shape === null) return null;
  return checkShape(func, shape);
}

/** A number for a message, -0 shown as -0. */
function fmtSigned(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A scale-like parameter: NumPy's CONS_NON_NEGATIVE (NaN passes; a set sign bit, -0 included, fails). */
function checkNonNegative(func: string, param: string, v: unknown): number {
  const x = checkNumber(func, param, v);
  if (x < 0 || Object.is(x, -0)) throw new ArgumentError(func, param, `${param} must be ≥ 0, got ${fmtSigned(x)}`);
  return x;
}

/** An integer bound of `integers`: within [-2^53, 2^53], so every result is an exact double. */
function checkBound(func: string, param: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > LIMIT) {
    throw new ArgumentError(func, param, `${param} must be an integer in [-2^53, 2^53], got ${describe(v)}`);
  }
  return v === 0 ? 0 : v;
}

/** A new uninitialised C-contiguous array (the array factory of the layer below). */
function allocate(shape: readonly number[], dtype: 'float64' | 'bool'): NdArray {
  return emptyArray(shape, dtype);
}

/** `options[key]` of a plain options object (anything else: undefined), for the nd.fuse guard. */
function plainField(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null && Object.getPrototypeOf(options) === Object.prototype ? (options as Record<string, unknown>)[key] : undefined;
}

/** True for an ndvec array. */
function isArray(v: unknown): v is NdArray {
  return isNdArrayLike(v);
}

/** The typed view and start of an array's data (float64 or bool). */
function dataOf(a: NdArray): Float64Array | Uint8Array {
  return a.dtype === 'bool' ? a.u8() : a.f64();
}

/** Element offsets (relative to the row start) of one row along axis 0, in C order. */
function rowOffsets(a: NdArray): number[] {
  const axes: LoopAxis[] = [];
  for (let k = 1; k < a.ndim; k++) axes.push({ n: a.shape[k]!, s: a.strides[k]!, t: 0 });
  const offsets: number[] = [];
  walkAxes(axes, 0, 0, (p) => offsets.push(p));
  return offsets;
}

/** The values of an array-like argument in C order, with its shape and dtype. */
interface Items {
  values: Float64Array;
  shape: number[];
  dtype: 'float64' | 'bool';
}

function itemsOf(func: string, param: string, a: unknown): Items {
  if (isArray(a)) {
    a.assertLive();
    const values = new Float64Array(a.size);
    const data = dataOf(a);
    const offsets = a.ndim === 0 ? [0] : rowOffsets(a);
    const rows = a.ndim === 0 ? 1 : a.shape[0]!;
    let q = 0;
    for (let i = 0; i < rows; i++) {
      const base = a.start + (a.ndim === 0 ? 0 : i * a.strides[0]!);
      for (const o of offsets) values[q++] = data[base + o]!;
    }
    return { values, shape: [...a.shape], dtype: a.dtype };
  }
  if (Array.isArray(a)) {
    if (a.every((v: unknown) => typeof v === 'number')) return { values: Float64Array.from(a as number[]), shape: [a.length], dtype: 'float64' };
    // nested rows or booleans, read as nd.array reads them (NumPy's np.asarray)
    let nested: NdArray;
    try {
      nested = fromNested(a);
    } catch (e) {
      if (e instanceof NdvecError) throw new ArgumentError(func, param, `${param} is not array data: ${e.message}`);
      throw e;
    }
    try {
      return itemsOf(func, param, nested);
    } finally {
      nested.dispose();
    }
  }
  throw new ArgumentError(func, param, `${param} must be an NdArray or an array of numbers, got ${describe(a)}`);
}

/** A new array of `shape` (dtype) holding `values` (C order). */
function arrayFrom(shape: readonly number[], dtype: 'float64' | 'bool', values: Float64Array): NdArray {
  const out = allocate(shape, dtype);
  if (dtype === 'bool') {
    const u8 = out.u8();
    for (let i = 0; i < values.length; i++) u8[out.start + i] = values[i]!;
  } else {
    out.f64().set(values, out.start);
  }
  return out;
}

/**
 * A random number generator with NumPy's `Generator` streams (PCG64). Make one with
 * `nd.rng(seed)`.
 */
export class Generator {
  /** The bit generator: its state is the stream position. */
  private readonly bitGenerator: PCG64;
  /** The seed the stream came from (the fresh entropy when none was given), as NumPy's `SeedSequence.entropy`. */
  readonly entropy: Seed;

  /** @internal Use `nd.rng(seed)`. */
  constructor(bitGenerator: PCG64, entropy: Seed) {
    this.bitGenerator = bitGenerator;
    this.entropy = entropy;
  }

  /** Allocates `size` (or fills one number) with `fill`. */
  private draw(size: number[] | null, fill: (out: Float64Array, start: number, n: number) => void): NdArray | number {
    if (size === null) {
      const one = new Float64Array(1);
      fill(one, 0, 1);
      return one[0]!;
    }
    const out = allocate(size, 'float64');
    if (out.size > 0) fill(out.f64(), out.start, out.size);
    return out;
  }

  /**
   * Uniform doubles in [0, 1), NumPy's `rng.random(size)`: 53 random bits each.
   * @param shape the result's shape; omitted: one number
   * @returns a float64 array of `shape`, or a number
   * @throws ShapeError for an invalid shape; ArgumentError for an extra argument
   * @example
   * nd.rng(42).random(2).toArray(); // [0.7739560485559633, 0.4388784397520523]
   */
  random(shape: number | readonly number[]): NdArray;
  random(): number;
  random(shape?: SizeArg): NdArray | number;
  random(shape?: SizeArg): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.random', arguments);
    checkArity('random', arguments, 1);
    const size = sizeOf('random', shape);
    return this.draw(size, (out, start, n) => fillRandom(this.bitGenerator, out, start, n));
  }

  /**
   * Uniform doubles in [low, high), NumPy's `rng.uniform(low, high, size)`: `low + (high − low) · random()`.
   * @param low lower bound (default 0)
   * @param high upper bound (default 1), ≥ low
   * @param shape the result's shape; omitted: one number
   * @returns a float64 array of `shape`, or a number
   * @throws ArgumentError when high − low is negative (-0 included, as NumPy) or not finite
   * @example
   * nd.rng(1).uniform(-1, 1, [2, 3]).shape; // [2, 3]
   */
  uniform(low: number | undefined, high: number | undefined, shape: number | readonly number[]): NdArray;
  uniform(low?: number, high?: number): number;
  uniform(low?: number, high?: number, shape?: SizeArg): NdArray | number;
  uniform(low: number = 0, high: number = 1, shape?: SizeArg): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.uniform', arguments);
    checkArity('uniform', arguments, 3);
    checkNumber('uniform', 'low', low);
    checkNumber('uniform', 'high', high);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new ArgumentError('uniform', 'high', `high - low must be finite, got ${high} - ${low}`);
    }
    // NumPy's CONS_NON_NEGATIVE on high − low: a set sign bit fails, so uniform(0, -0) throws too
    if (range < 0 || Object.is(range, -0)) {
      throw new ArgumentError('uniform', 'high', `high must be ≥ low, got low ${fmtSigned(low)} and high ${fmtSigned(high)}`);
    }
    const size = sizeOf('uniform', shape);
    return this.draw(size, (out, start, n) => fillUniform(this.bitGenerator, out, start, n, low, range));
  }

  /**
   * Random integers in [low, high) (or [low, high] with `{ endpoint: true }`), NumPy's
   * `rng.integers(low, high, size, endpoint=...)` with its int64 stream (Lemire's method),
   * returned as float64. `integers(n)` draws from [0, n).
   * @param low lowest value (or, with `high` omitted/null, the exclusive upper bound and low 0)
   * @param high upper bound (exclusive unless `endpoint`)
   * @param shape the result's shape; omitted: one number
   * @param options `{ endpoint }`
   * @returns a float64 array of integral values, or a number
   * @throws ArgumentError for bounds that are not integers in [-2^53, 2^53], an empty range (unless
   *   `shape` is empty: NumPy returns `[]` before it checks the range), an unknown option
   * @example
   * nd.rng(0).integers(0, 10, 3).toArray(); // [8, 6, 5]
   */
  integers(low: number, high: number | null | undefined, shape: number | readonly number[], options?: IntegersOptions): NdArray;
  integers(low: number, high?: number | null): number;
  integers(low: number, high?: number | null, shape?: SizeArg, options?: IntegersOptions): NdArray | number;
  integers(low: number, high?: number | null, shape?: SizeArg, options?: IntegersOptions): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.integers', arguments);
    checkArity('integers', arguments, 4, 1);
    const opts = checkOptions('integers', options, ['endpoint']);
    const endpoint = checkBoolean('integers', 'endpoint', opts.endpoint, false);
    let lo = checkBound('integers', 'low', low);
    let hi: number;
    if (high === undefined || high === null) {
      hi = lo;
      lo = 0;
    } else {
      hi = checkBound('integers', 'high', high);
    }
    const size = sizeOf('integers', shape);
    // NumPy returns an empty size before it looks at the range (`integers(5, 5, 0)` is `[]`)
    if (size !== null && size.includes(0)) return allocate(size, 'float64');
    if (endpoint ? lo > hi : lo >= hi) {
      throw new ArgumentError('integers', 'high', `${endpoint ? 'low > high' : 'low >= high'}: low ${lo}, high ${hi}`);
    }
    const last = endpoint ? hi : hi - 1;
    return this.draw(size, (out, start, n) => fillIntegers(this.bitGenerator, out, start, n, lo, last));
  }

  /**
   * Standard normal draws (mean 0, sd 1), NumPy's `rng.standard_normal(size)` (its ziggurat).
   * @param shape the result's shape; omitted: one number
   * @returns a float64 array of `shape`, or a number
   * @example
   * nd.rng(1).standardNormal(2).toArray(); // [0.345584192064786, 0.8216181435011584]
   */
  standardNormal(shape: number | readonly number[]): NdArray;
  standardNormal(): number;
  standardNormal(shape?: SizeArg): NdArray | number;
  standardNormal(shape?: SizeArg): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.standardNormal', arguments);
    checkArity('standardNormal', arguments, 1);
    const size = sizeOf('standardNormal', shape);
    return this.draw(size, (out, start, n) => fillNormal(this.bitGenerator, out, start, n, true));
  }

  /**
   * Normal draws `loc + scale · z`, NumPy's `rng.normal(loc, scale, size)`.
   * @param loc mean (default 0)
   * @param scale standard deviation (default 1), ≥ 0 (NaN passes, as in NumPy)
   * @param shape the result's shape; omitted: one number
   * @returns a float64 array of `shape`, or a number
   * @throws ArgumentError for a negative scale (-0 included, as NumPy)
   * @example
   * nd.rng(1).normal(10, 2, [2, 2]).shape; // [2, 2]
   */
  normal(loc: number | undefined, scale: number | undefined, shape: number | readonly number[]): NdArray;
  normal(loc?: number, scale?: number): number;
  normal(loc?: number, scale?: number, shape?: SizeArg): NdArray | number;
  normal(loc: number = 0, scale: number = 1, shape?: SizeArg): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.normal', arguments);
    checkArity('normal', arguments, 3);
    checkNumber('normal', 'loc', loc);
    checkNonNegative('normal', 'scale', scale);
    const size = sizeOf('normal', shape);
    return this.draw(size, (out, start, n) => fillNormal(this.bitGenerator, out, start, n, false, loc, scale));
  }

  /**
   * Exponential draws with mean `scale`, NumPy's `rng.exponential(scale, size)` (its ziggurat).
   * @param scale the mean (default 1), ≥ 0 (NaN passes, as in NumPy)
   * @param shape the result's shape; omitted: one number
   * @returns a float64 array of `shape`, or a number
   * @throws ArgumentError for a negative scale (-0 included, as NumPy)
   * @example
   * nd.rng(1).exponential(2, 3).shape; // [3]
   */
  exponential(scale: number | undefined, shape: number | readonly number[]): NdArray;
  exponential(scale?: number): number;
  exponential(scale?: number, shape?: SizeArg): NdArray | number;
  exponential(scale: number = 1, shape?: SizeArg): NdArray | number {
    if (tracing.depth !== 0) rejectTraced('rng.exponential', arguments);
    checkArity('exponential', arguments, 2);
    checkNonNegative('exponential', 'scale', scale);
    const size = sizeOf('exponential', shape);
    return this.draw(size, (out, start, n) => fillExponential(this.bitGenerator, out, start, n, scale));
  }

  /**
   * A random sample of `a`'s entries (rows, for an array of 2+ dimensions), NumPy's
   * `rng.choice(a, size, replace, p)`. `a` an integer n samples from [0, n).
   * @param a an integer ≥ 0, an NdArray (1+ dimensions) or (nested) JS arrays of numbers
   * @param shape the sample's shape; omitted: one entry (a number, or a row)
   * @param options `{ replace, p }`: with replacement (default true); probabilities
   * @returns the sample: shape `shape + a.shape[1:]`, a's dtype; or one entry
   * @throws ArgumentError for an empty population, probabilities of the wrong length, with NaN,
   *   negative entries or not summing to 1, or a sample larger than the population without replacement
   * @example
   * nd.rng(1).choice(5, 3, { replace: false }).toArray(); // three distinct of 0..4
   */
  choice(a: number | NdArray | readonly NestedArray[], shape: number | readonly number[], options?: ChoiceOptions): NdArray;
  choice(a: number | NdArray | readonly NestedArray[]): NdArray | number | boolean;
  choice(a: number | NdArray | readonly NestedArray[], shape?: SizeArg, options?: ChoiceOptions): NdArray | number | boolean;
  choice(a: number | NdArray | readonly NestedArray[], shape?: SizeArg, options?: ChoiceOptions): NdArray | number | boolean {
    if (tracing.depth !== 0) rejectTraced('rng.choice', [a, shape, plainField(options, 'p')]);
    checkArity('choice', arguments, 3, 1);
    const opts = checkOptions('choice', options, ['replace', 'p']);
    const replace = checkBoolean('choice', 'replace', opts.replace, true);
    let items: Items | null = null;
    let popSize: number;
    if (typeof a === 'number') {
      if (!Number.isSafeInteger(a) || a < 0) {
        throw new ArgumentError('choice', 'a', `a must be a non-negative integer or an array, got ${describe(a)}`);
      }
      popSize = a;
    } else {
      items = itemsOf('choice', 'a', a);
      if (items.shape.length === 0) throw new ArgumentError('choice', 'a', 'a must be 1-dimensional or more, or an integer; got a 0-d array');
      popSize = items.shape[0]!;
    }
    const size = sizeOf('choice', shape);
    const count = size === null ? 1 : size.reduce((x, y) => x * y, 1);
    if (popSize === 0 && count !== 0) {
      throw new ArgumentError('choice', 'a', `a is empty (population 0): cannot take ${count} sample${count === 1 ? '' : 's'}`);
    }
    let p: Float64Array | null = null;
    if (opts.p !== undefined && opts.p !== null) {
      const pi = itemsOf('choice', 'p', opts.p);
      if (pi.shape.length !== 1) throw new ArgumentError('choice', 'p', `p must be 1-dimensional, got shape ${formatShape(pi.shape)}`);
      if (pi.values.length !== popSize) {
        throw new ArgumentError('choice', 'p', `a and p must have the same size, got ${popSize} and ${pi.values.length}`);
      }
      p = pi.values;
      const sum = kahanSum(p);
      if (Number.isNaN(sum)) throw new ArgumentError('choice', 'p', 'probabilities contain NaN');
      const negative = p.findIndex((v) => v < 0);
      if (negative >= 0) throw new ArgumentError('choice', 'p', `probabilities must be non-negative, got p[${negative}] = ${p[negative]}`);
      if (Math.abs(sum - 1) > SQRT_EPS) throw new ArgumentError('choice', 'p', `probabilities must sum to 1, got ${sum}`);
    }
    const bg = this.bitGenerator;
    let idx: Float64Array;
    if (replace) {
      if (p !== null) idx = choiceWeighted(bg, p, count);
      else {
        idx = new Float64Array(count);
        if (count > 0) fillIntegers(bg, idx, 0, count, 0, popSize - 1);
      }
    } else {
      if (count > popSize) {
        throw new ArgumentError('choice', 'shape', `cannot take a larger sample (${count}) than the population (${popSize}) when replace is false`);
      }
      if (p !== null) {
        const positive = p.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
        if (positive < count) {
          throw new ArgumentError('choice', 'p', `fewer non-zero entries in p (${positive}) than the sample size (${count})`);
        }
        idx = choiceWeightedWithoutReplacement(bg, p, count);
      } else {
        idx = choiceWithoutReplacement(bg, popSize, count);
      }
    }
    if (items === null) return size === null ? idx[0]! : arrayFrom(size, 'float64', idx);
    // take along axis 0
    const rowLength = items.values.length / Math.max(popSize, 1);
    const rowShape = items.shape.slice(1);
    const values = new Float64Array(count * rowLength);
    for (let i = 0; i < count; i++) {
      values.set(items.values.subarray(idx[i]! * rowLength, (idx[i]! + 1) * rowLength), i * rowLength);
    }
    if (size === null && rowShape.length === 0) return items.dtype === 'bool' ? values[0] !== 0 : values[0]!;
    return arrayFrom([...(size ?? []), ...rowShape], items.dtype, values);
  }

  /**
   * Shuffles in place along axis 0 (rows of a 2+-d array), NumPy's `rng.shuffle(x)`. A plain
   * JS array is shuffled in place too.
   * @param a a writable NdArray of 1+ dimensions, or an array
   * @throws ArgumentError for a 0-d array or anything else; ReadOnlyError for a read-only view
   * @example
   * const a = nd.arange(5); nd.rng(1).shuffle(a); // a is permuted
   */
  shuffle(a: NdArray | unknown[]): void {
    if (tracing.depth !== 0) rejectTraced('rng.shuffle', [a]);
    checkArity('shuffle', arguments, 1, 1);
    const bg = this.bitGenerator;
    if (Array.isArray(a)) {
      for (let i = a.length - 1; i >= 1; i--) {
        const j = randomInterval(bg, i);
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return;
    }
    if (!isArray(a)) throw new ArgumentError('shuffle', 'a', `a must be an NdArray or an array, got ${describe(a)}`);
    a.assertLive();
    if (a.ndim === 0) throw new ArgumentError('shuffle', 'a', 'cannot shuffle a 0-d array (it has no axis 0)');
    a.assertWritable('shuffle');
    if (a.size === 0) return;
    const data = dataOf(a);
    const offsets = rowOffsets(a);
    const s0 = a.strides[0]!;
    for (let i = a.shape[0]! - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      if (j === i) continue;
      const pi = a.start + i * s0;
      const pj = a.start + j * s0;
      for (const o of offsets) {
        const t = data[pi + o]!;
        data[pi + o] = data[pj + o]!;
        data[pj + o] = t;
      }
    }
  }

  /**
   * A permuted copy, NumPy's `rng.permutation(x)`: an integer n gives a shuffled
   * `arange(n)`; an array gives a copy with its rows (axis 0) shuffled.
   * @param x an integer (a negative one gives an empty array, as NumPy's `arange(x)`), an
   *   NdArray of 1+ dimensions or (nested) JS arrays of numbers
   * @returns a new array
   * @throws ArgumentError for a fractional n, a 0-d array or anything else
   * @example
   * nd.rng(1).permutation(4).toArray(); // a permutation of [0, 1, 2, 3]
   */
  permutation(x: number | NdArray | readonly NestedArray[]): NdArray {
    if (tracing.depth !== 0) rejectTraced('rng.permutation', [x]);
    checkArity('permutation', arguments, 1, 1);
    let out: NdArray;
    if (typeof x === 'number') {
      if (!Number.isSafeInteger(x)) throw new ArgumentError('permutation', 'x', `x must be an integer or an array, got ${describe(x)}`);
      // NumPy permutes np.arange(x): a negative x gives an empty array
      const values = new Float64Array(Math.max(x, 0));
      for (let i = 0; i < x; i++) values[i] = i;
      out = arrayFrom([values.length], 'float64', values);
    } else {
      const items = itemsOf('permutation', 'x', x);
      if (items.shape.length === 0) throw new ArgumentError('permutation', 'x', 'x must be an integer or at least 1-dimensional, got a 0-d array');
      if (items.shape.length >= 2) {
        // NumPy shuffles an index array and takes those rows: it draws for every row even when
        // the rows are empty (shape [3, 0]), where shuffling the array itself would not draw
        const rows = items.shape[0]!;
        const order = new Float64Array(rows);
        for (let i = 0; i < rows; i++) order[i] = i;
        shuffleIndices(this.bitGenerator, order);
        const rowLength = items.values.length / Math.max(rows, 1);
        const values = new Float64Array(items.values.length);
        for (let i = 0; i < rows; i++) {
          values.set(items.values.subarray(order[i]! * rowLength, (order[i]! + 1) * rowLength), i * rowLength);
        }
        return arrayFrom(items.shape, items.dtype, values);
      }
      out = arrayFrom(items.shape, items.dtype, items.values);
    }
    this.shuffle(out);
    return out;
  }
}

/** NumPy's `_shuffle_raw` over a 1-D index array: swaps from the end, `random_interval` draws. */
function shuffleIndices(bg: PCG64, order: Float64Array): void {
  for (let i = order.length - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * A random number generator with NumPy's streams: `nd.rng(seed)` draws exactly what
 * `np.random.default_rng(seed)` draws (PCG64 seeded through SeedSequence).
 * @param seed a non-negative integer (a number up to 2^53, or a bigint of any size), or an
 *   array of them (as NumPy's seed sequences); omitted or null: 128 bits of fresh entropy from
 *   `crypto.getRandomValues` (kept in `generator.entropy` to replay the stream)
 * @returns the generator
 * @throws ArgumentError for a negative, fractional or non-finite seed, or an extra argument
 * @example
 * nd.rng(42).random(); // 0.7739560485559633, as np.random.default_rng(42).random()
 */
export function rng(seed?: Seed | null): Generator {
  if (tracing.depth !== 0) rejectTraced('rng', arguments);
  checkArity('rng', arguments, 1);
  return generatorFor('rng', seed);
}

/**
 * @internal A Generator for `seed`, seed errors naming `func` (`nd.random`/`nd.randn` make
 * theirs with it, so `nd.random(shape, { seed })` is `nd.rng(seed).random(shape)`).
 * @param func the public name, for messages
 * @param seed as {@link rng}'s
 * @returns the generator
 */
export function generatorFor(func: string, seed: unknown): Generator {
  const entropy = seed === undefined || seed === null ? freshEntropy() : (seed as Seed);
  const words = seedWords(func, entropy);
  return new Generator(new PCG64(generateState(seedPool(words), 8)), Array.isArray(entropy) ? [...entropy] : entropy);
}

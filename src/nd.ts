/**
 * The `nd` namespace: creation functions, runtime controls, and every NdArray method as a
 * function taking the array first (`nd.add(a, b)`), as NumPy users expect.
 * @module
 */
import {
  NdArray,
  outOption,
  type ArrayResultOptions,
  type ArrayResultVarOptions,
  type AxisArg,
  type KeepdimsOptions,
  type Operand,
  type NestedArray,
  type OutOptions,
  type ReduceOptions,
  type ScalarOptions,
  type ScalarVarOptions,
  type VarOptions,
} from './ndarray.ts';
import { checkArity, checkAxisArg, checkSingleAxis, describe } from './args.ts';
import { ArgumentError, invariant } from './errors.ts';
import {
  arange,
  array,
  eye,
  full,
  fullLike,
  geomspace,
  identity,
  linspace,
  logspace,
  ones,
  onesLike,
  randn,
  random,
  zeros,
  zerosLike,
  type ArrayInput,
} from './create.ts';
import { compress, select } from './ops/mask.ts';
import { putAlongAxis as putAlongAxisOp, takeAlongAxis as takeAlongAxisOp, type IndexArg, type TakeOptions, type ValuesArg } from './ops/indexing.ts';
import { moveaxis as moveaxisOp, tile, type SliceSpec } from './ops/manipulate.ts';
import { arraySplit, atleast1d, atleast2d, atleast3d, columnStack, concat, dstack, hstack, split, stack, vstack } from './join.ts';
import { outer } from './ops/outer.ts';
import { matmul, matmulStacked } from './ops/linalg.ts';
import { fromNdarray } from './interop.ts';
import { config, info, scope } from './runtime.ts';
import { leaks, profile, setFuseCheck } from './profile/profile.ts';
import { setProfiledNamespace } from './profile/recorder.ts';
import { ready } from './kernels/wasm.ts';
import { rng } from './random/generator.ts';
import { fromNpy } from './io/npy.ts';
import { fromNpz, toNpz } from './io/npz.ts';
import { allclose, closeOptions, isclose, type CloseOptions } from './ops/closeness.ts';
import type { AverageOptions, QuantileArg, QuantileOptions } from './ops/statistics.ts';
import type { KthArg } from './ops/select.ts';
import type { SearchSortedOptions } from './ops/search.ts';
import { fuse, NOT_TRACED, traceNdCall, tracing } from './fuse/index.ts';
import { linalg } from './linalg/index.ts';
import { cross, diag, kron, tril, triu } from './linalg/matrix.ts';
import { pad } from './ops/pad.ts';
import { meshgrid } from './ops/meshgrid.ts';
import { convolve, correlate, interp, trapezoid } from './ops/signal.ts';
import { polyfit, polyval } from './ops/poly.ts';
import { bincount, digitize, histogram, histogramBinEdges } from './ops/histogram.ts';
import { countNonzero } from './ops/nanstats.ts';

/** An array, or anything `nd.array` takes. */
/** An array argument of an `nd.*` function: an NdArray, or plain data that `nd.array` takes. */
export type Input = NdArray | ArrayInput;

/**
 * Runs `f` on `x` as an array. An array made here from plain data (`nd.add(2, a)`,
 * `nd.sum([1, 2])`) is freed when `f` returns: use only for ops whose result never shares
 * the input's memory (not for views).
 */
function withArray<T>(x: Input, f: (a: NdArray) => T): T {
  if (x instanceof NdArray) return f(x);
  const a = array(x);
  try {
    return f(a);
  } finally {
    a.dispose();
  }
}

/**
 * Runs method `name` on an array made from plain data (`nd.reshape([1, 2, 3, 4], [2, 2])`):
 * a result that is a view of it becomes the owner of its memory (so disposing the result
 * frees it; nothing else holds the converted array); otherwise the converted array is freed.
 */
function callOnConverted(x: Input, name: string, args: unknown[]): unknown {
  const a = array(x);
  let r: unknown;
  try {
    r = call(a, name, args);
  } catch (e) {
    a.dispose();
    throw e;
  }
  if (!(r instanceof NdArray) || r.storage !== a.storage) a.dispose();
  else if (r !== a) return new NdArray(r.storage, r.shape, r.strides, r.offset, true, r.readOnly);
  return r;
}

/** Calls method `name` of `a` with `args` (the nd.* functions forward to the methods). */
function call<T>(a: NdArray, name: string, args: unknown[]): T {
  return (a as unknown as Record<string, (...args: unknown[]) => T>)[name]!(...args);
}

/**
 * The nd.* form of a method: `nd.f(a, ...args)` is `a.f(...args)`, taking at most `max` and at
 * least `min` arguments (the array included). `view`: the result may share `a`'s memory, so
 * an array made from plain data is not freed.
 */
function methodFunction<F>(name: string, max: number, min = 1, view = false, publicName = name): F {
  invariant(max <= 4 || max === Infinity, `methodFunction ${name}: at most 3 arguments after the array are forwarded`);
  const method = (NdArray.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
  const converted = (a: Input, args: unknown[]): unknown =>
    view ? callOnConverted(a, name, args) : withArray(a, (x) => call(x, name, args));
  // Fixed arity: named parameters and the method resolved once, so `nd.add(a, b)` costs one
  // direct call more than `a.add(b)` (no rest array, no keyed lookup); the count is forwarded.
  const f =
    max === Infinity
      ? function (this: unknown, a: Input, ...args: unknown[]): unknown {
          if (tracing.depth !== 0) {
            const traced = traceNdCall(name, publicName, arguments);
            if (traced !== NOT_TRACED) return traced;
          }
          if (arguments.length < min) checkArity(publicName, arguments, max, min);
          return a instanceof NdArray ? method.apply(a, args) : converted(a, args);
        }
      : function (this: unknown, a: Input, x?: unknown, y?: unknown, z?: unknown): unknown {
          const n = arguments.length;
          if (tracing.depth !== 0) {
            const traced = traceNdCall(name, publicName, arguments);
            if (traced !== NOT_TRACED) return traced;
          }
          if (n > max || n < min) checkArity(publicName, arguments, max, min);
          if (!(a instanceof NdArray)) return converted(a, Array.prototype.slice.call(arguments, 1));
          return n <= 1 ? method.call(a) : n === 2 ? method.call(a, x) : n === 3 ? method.call(a, x, y) : method.call(a, x, y, z);
        };
  Object.defineProperty(f, 'name', { value: publicName });
  return f as F;
}

/** A binary element-wise op as a function; `a` may be a number. */
export type BinaryFunction = (a: NdArray | number, b: Operand, options?: OutOptions | NdArray) => NdArray;
/** A unary element-wise op as a function. */
export type UnaryFunction = (a: Input, options?: OutOptions | NdArray) => NdArray;

/** A reduction as a function (`nd.sum(a, axis, options)`), typed as the method. */
export interface ReduceFunction {
  (a: Input, axis?: null, options?: ScalarOptions): number;
  (a: Input, axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  (a: Input, axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  (a: Input, axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | number;
}
/** `nd.std`/`nd.var`: a number in the options slot is `ddof`. */
export interface VarFunction {
  (a: Input, axis?: null, options?: ScalarVarOptions | number): number;
  (a: Input, axis: number | readonly number[], options?: VarOptions | NdArray | number): NdArray;
  (a: Input, axis: AxisArg, options: ArrayResultVarOptions | NdArray): NdArray;
  (a: Input, axis?: AxisArg, options?: VarOptions | NdArray | number): NdArray | number;
}
/** `nd.any`/`nd.all`. */
export interface BoolReduceFunction {
  (a: Input, axis?: null, options?: ScalarOptions): boolean;
  (a: Input, axis: number | readonly number[], options?: ReduceOptions | NdArray): NdArray;
  (a: Input, axis: AxisArg, options: ArrayResultOptions | NdArray): NdArray;
  (a: Input, axis?: AxisArg, options?: ReduceOptions | NdArray): NdArray | boolean;
}
/** `nd.argmin`/`nd.argmax`. */
export interface ArgReduceFunction {
  (a: Input, axis?: null, options?: ScalarOptions): number;
  (a: Input, axis: number, options?: ReduceOptions | NdArray): NdArray;
  (a: Input, axis: number | null | undefined, options: ArrayResultOptions | NdArray): NdArray;
  (a: Input, axis?: number | null, options?: ReduceOptions | NdArray): NdArray | number;
}
/** `nd.median`/`nd.ptp`. */
export interface StatFunction {
  (a: Input, axis?: null, options?: { keepdims?: false }): number;
  (a: Input, axis: number | readonly number[], options?: KeepdimsOptions): NdArray;
  (a: Input, axis: AxisArg, options: { keepdims: true }): NdArray;
  (a: Input, axis?: AxisArg, options?: KeepdimsOptions): NdArray | number;
}
/** `nd.quantile`/`nd.percentile`/`nd.nanquantile`/`nd.nanpercentile`. */
export interface QuantileFunction {
  (a: Input, q: number, axis?: null, options?: { keepdims?: false; method?: QuantileOptions['method']; weights?: QuantileOptions['weights'] }): number;
  (a: Input, q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray;
  (a: Input, q: QuantileArg, axis?: AxisArg, options?: QuantileOptions): NdArray | number;
}
/** `nd.average`. */
export interface AverageFunction {
  (a: Input, axis?: null, options?: { weights?: NdArray; keepdims?: false }): number;
  (a: Input, axis: number | readonly number[], options?: Omit<AverageOptions, 'out'>): NdArray;
  (a: Input, axis: AxisArg, options: { weights?: NdArray; keepdims: true }): NdArray;
  (a: Input, axis?: AxisArg, options?: Omit<AverageOptions, 'out'>): NdArray | number;
}
/** `nd.searchsorted`. */
export interface SearchSortedFunction {
  (a: Input, v: number, options?: SearchSortedOptions | 'left' | 'right'): number;
  (a: Input, v: NdArray | readonly NestedArray[], options?: SearchSortedOptions | 'left' | 'right'): NdArray;
  (a: Input, v: number | NdArray | readonly NestedArray[], options?: SearchSortedOptions | 'left' | 'right'): number | NdArray;
}
/** `nd.round(a, decimals, out)`. */
export interface RoundFunction {
  (a: Input, decimals?: number, options?: OutOptions | NdArray): NdArray;
  (a: Input, options: OutOptions): NdArray;
}
/** `nd.reshape(a, [3, 2])` or `nd.reshape(a, 3, 2)`. */
export interface ReshapeFunction {
  (a: Input, shape: number | readonly number[]): NdArray;
  (a: Input, ...shape: number[]): NdArray;
}
/** `nd.transpose(a)`, `nd.transpose(a, [1, 0])` or `nd.transpose(a, 1, 0)`. */
export interface TransposeFunction {
  (a: Input, axes?: readonly number[]): NdArray;
  (a: Input, ...axes: number[]): NdArray;
}
/** `nd.isclose(a, b, options)` or NumPy's `nd.isclose(a, b, rtol, atol, equalNan)`. */
export interface CloseFunction<R> {
  (a: Operand, b: Operand, options?: CloseOptions): R;
  (a: Operand, b: Operand, rtol?: number, atol?: number, equalNan?: boolean): R;
}

/**
 * Selects from `x` where `cond` is true and from `y` elsewhere, broadcasting all three
 * (NumPy's three-argument `np.where`).
 * @param cond a bool array
 * @param x values where true (array or number)
 * @param y values where false (array or number)
 * @param options `{ out }`, or the `out` array itself
 * @returns the selected values
 * @example
 * const a = nd.array([-1, 2]);
 * nd.where(a.gt(0), a, 0).toArray(); // [0, 2]
 */
function where(cond: NdArray, x: Operand, y: Operand, options?: OutOptions | NdArray): NdArray {
  if (tracing.depth !== 0) {
    const traced = traceNdCall('where3', 'where', arguments);
    if (traced !== NOT_TRACED) return traced as NdArray;
  }
  if (arguments.length > 4 || arguments.length < 3) checkArity('where', arguments, 4, 3);
  return select(cond, x, y, options === undefined ? undefined : outOption('where', options));
}

/** The target of an in-place write: an NdArray (plain data would be a copy nobody sees). */
function assertTarget(func: string, a: unknown): asserts a is NdArray {
  // inside nd.fuse, a stand-in target is the fuser's FuseError (nothing is written in place there)
  if (tracing.depth !== 0 && traceNdCall(func, func, [a]) !== NOT_TRACED) throw new Error(`unreachable: nd.${func} was traced`);
  if (!(a instanceof NdArray)) throw new ArgumentError(func, 'a', `a must be an NdArray (it is written in place), got ${describe(a)}`);
}

/**
 * `a.put(indices, values, options)` as a function: writes `values` (flat, cycled) at flat
 * `indices` of `a`, in place (NumPy `np.put(a, ind, v, mode='raise')`).
 * @param a the target NdArray
 * @param indices integral float64 values, an NdArray or nested numbers
 * @param values a number, an NdArray or nested numbers
 * @param options `{ mode }`: `'raise'` (default), `'wrap'` or `'clip'`
 * @returns `a`
 * @example
 * nd.put(nd.zeros([3]), [2], 7).toArray(); // [0, 0, 7]
 * nd.put(nd.zeros([3]), [-5], 7, { mode: 'clip' }).toArray(); // [7, 0, 0]
 */
function put(a: NdArray, indices: IndexArg, values: ValuesArg, options?: TakeOptions): NdArray {
  if (arguments.length !== 3 && arguments.length !== 4) checkArity('put', arguments, 4, 3);
  assertTarget('put', a);
  return a.put(indices, values, options);
}

/**
 * Picks `a`'s elements along `axis` at `indices` (NumPy `np.take_along_axis`): `indices` has
 * `a`'s number of dimensions and broadcasts against `a` off the axis; the partner of
 * `argsort`. `axis` null takes from the flattened array with 1-D indices.
 * @param a the source
 * @param indices integral float64 values in [-n, n), an NdArray or nested numbers
 * @param axis the axis (default -1, as NumPy 2.3+), or null
 * @returns a new array
 * @example
 * const a = nd.array([[3, 1, 2], [9, 7, 8]]);
 * nd.takeAlongAxis(a, a.argsort(1), 1).toArray(); // [[1, 2, 3], [7, 8, 9]]
 */
function takeAlongAxis(a: Input, indices: IndexArg, axis: number | null = -1): NdArray {
  if (arguments.length !== 2 && arguments.length !== 3) checkArity('takeAlongAxis', arguments, 3, 2);
  const ax = checkSingleAxis('takeAlongAxis', axis, true);
  return withArray(a, (x) => takeAlongAxisOp(x, indices, ax));
}

/**
 * Writes `values` into `a` along `axis` at `indices`, in place (NumPy `np.put_along_axis`);
 * `values` broadcast to the shape of the index walk. Every index is checked first.
 * @param a the target NdArray
 * @param indices integral float64 values in [-n, n), with `a`'s number of dimensions
 * @param values a number, an NdArray or nested numbers
 * @param axis the axis, or null for the flattened array (1-D indices)
 * @returns `a`
 * @example
 * nd.putAlongAxis(nd.zeros([2, 2]), [[1], [0]], 9, 1).toArray(); // [[0, 9], [9, 0]]
 */
function putAlongAxis(a: NdArray, indices: IndexArg, values: ValuesArg, axis: number | null): NdArray {
  if (arguments.length !== 4) checkArity('putAlongAxis', arguments, 4, 4);
  assertTarget('putAlongAxis', a);
  putAlongAxisOp(a, indices, values, checkSingleAxis('putAlongAxis', axis, true));
  return a;
}

/**
 * Moves axes of `a` to new positions, the other axes keeping their order (NumPy's
 * `np.moveaxis`; NumPy has no method for it). A view of `a`.
 * @param a the array (an NdArray, or plain data: the result then owns its copy)
 * @param source the axis or axes to move (negative counts from the end)
 * @param destination where each goes in the result, as many as `source`
 * @returns the view
 * @example
 * nd.moveaxis(nd.zeros([2, 3, 4]), 0, -1).shape; // [3, 4, 2]
 * nd.moveaxis(nd.zeros([2, 3, 4]), [0, 1], [-1, -2]).shape; // [4, 3, 2]
 */
function moveaxis(a: Input, source: number | readonly number[], destination: number | readonly number[]): NdArray {
  if (tracing.depth !== 0) {
    const traced = traceNdCall('moveaxis', 'moveaxis', arguments);
    if (traced !== NOT_TRACED) return traced as NdArray;
  }
  if (arguments.length !== 3) checkArity('moveaxis', arguments, 3, 3);
  const check = (v: unknown, param: string): number | readonly number[] =>
    Array.isArray(v) ? (checkAxisArg('moveaxis', v, param) as readonly number[]) : checkSingleAxis('moveaxis', v, false, param)!;
  const src = check(source, 'source');
  const dst = check(destination, 'destination');
  if (a instanceof NdArray) return moveaxisOp(a, src, dst);
  const x = array(a);
  try {
    const r = moveaxisOp(x, src, dst);
    return new NdArray(r.storage, r.shape, r.strides, r.offset, true, r.readOnly); // owns the converted array's memory
  } catch (e) {
    x.dispose();
    throw e;
  }
}

/**
 * The ndvec namespace: creation (`nd.array`, `nd.zeros`, `nd.arange`, …), combining
 * (`nd.concat`, `nd.stack`, `nd.matmul`, `nd.where`), runtime controls (`nd.scope`,
 * `nd.config`, `nd.info`) and every NdArray method as a function taking the array first.
 * @namespace
 * @example
 * import { nd } from 'ndvec';
 * const a = nd.array([-1, 2, -3]);
 * nd.sum(nd.abs(a)); // 6
 */
export const nd = {
  /** @function */
  array,
  /** @function */
  zeros,
  /** @function */
  ones,
  /** @function */
  full,
  /** @function */
  arange,
  /** @function */
  linspace,
  /** @function */
  logspace,
  /** @function */
  geomspace,
  /** @function */
  zerosLike,
  /** @function */
  onesLike,
  /** @function */
  fullLike,
  /** @function */
  eye,
  /** @function */
  identity,
  /** @function */
  random,
  /** @function */
  randn,
  /** @function */
  rng,
  /** Linear algebra (`numpy.linalg`): see {@link linalg}. */
  linalg,
  /** @function */
  fromNpy,
  /** @function */
  fromNpz,
  /** @function */
  toNpz,
  /** `a.toNpy()` as a function. */
  toNpy: methodFunction<(a: NdArray) => Uint8Array>('toNpy', 1, 1),
  /** @function */
  concat,
  /** @function */
  stack,
  /** @function */
  hstack,
  /** @function */
  vstack,
  /** @function */
  columnStack,
  /** @function */
  dstack,
  /** @function */
  split,
  /** @function */
  arraySplit,
  /** @function */
  atleast1d,
  /** @function */
  atleast2d,
  /** @function */
  atleast3d,
  /** NumPy's `matmul`: stacks of matrices in the last two axes, batch axes broadcast; 1-D operands as a row / a column (two give a number). */
  matmul: function matmul(a: Input, b: Input): NdArray | number {
    // NumPy's matmul: stacks of matrices, batch axes broadcast (a.dot is NumPy's dot beyond 2-D)
    if (tracing.depth !== 0) {
      const traced = traceNdCall('dot', 'matmul', arguments);
      if (traced !== NOT_TRACED) return traced as NdArray;
    }
    if (arguments.length !== 2) checkArity('matmul', arguments, 2, 2);
    return withArray(a, (x) => withArray(b, (y) => matmulStacked(x, y)));
  },
  /** @function */
  where,
  /** Fuses an expression into one pass without temporaries (see src/fuse/fuse.ts). */
  fuse,
  /** `a.take(indices, axis, { mode })` as a function: elements at integer indices (flat without axis; NumPy `np.take`). */
  take: methodFunction<(a: Input, indices: IndexArg, axis?: number | null, options?: TakeOptions) => NdArray>('take', 4, 2),
  /** @function */
  put,
  /** @function */
  takeAlongAxis,
  /** @function */
  putAlongAxis,
  /** @function */
  /**
   * An NdArray copied from a scijs `ndarray` (any strides).
   * @param x the scijs ndarray
   * @returns the new array
   */
  fromNdarray: function fromNdarrayChecked(x: Parameters<typeof fromNdarray>[0]): NdArray {
    if (arguments.length !== 1) checkArity('fromNdarray', arguments, 1, 1);
    return fromNdarray(x);
  },
  /** @function */
  scope,
  /** @function */
  config,
  /** @function */
  info,
  /** @function */
  ready,
  /** @function */
  profile,
  /** @function */
  leaks,
  /** `a.where(mask)` as a function: the elements of `a` where `mask` is true, 1-D. */
  compress: methodFunction<(a: NdArray, mask: NdArray) => NdArray>('where', 2, 2, false, 'compress'),
  /** `a.dot(b)`. */
  dot: methodFunction<(a: NdArray, b: NdArray) => NdArray | number>('dot', 2, 2),
  /** `a.add(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  add: methodFunction<BinaryFunction>('add', 3, 2),
  /** `a.sub(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  sub: methodFunction<BinaryFunction>('sub', 3, 2),
  /** `a.mul(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  mul: methodFunction<BinaryFunction>('mul', 3, 2),
  /** `a.div(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  div: methodFunction<BinaryFunction>('div', 3, 2),
  /** `a.pow(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  pow: methodFunction<BinaryFunction>('pow', 3, 2),
  /** `a.mod(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  mod: methodFunction<BinaryFunction>('mod', 3, 2),
  /** `a.maximum(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  maximum: methodFunction<BinaryFunction>('maximum', 3, 2),
  /** `a.minimum(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  minimum: methodFunction<BinaryFunction>('minimum', 3, 2),
  /** `a.atan2(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  atan2: methodFunction<BinaryFunction>('atan2', 3, 2),
  /** `a.hypot(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  hypot: methodFunction<BinaryFunction>('hypot', 3, 2),
  /** `a.floorDivide(b)` as a function (NumPy `floor_divide`); `a` may be a number; `out` positional or `{ out }`. */
  floorDivide: methodFunction<BinaryFunction>('floorDivide', 3, 2),
  /** `a.copysign(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  copysign: methodFunction<BinaryFunction>('copysign', 3, 2),
  /** `a.gt(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  gt: methodFunction<BinaryFunction>('gt', 3, 2),
  /** `a.ge(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  ge: methodFunction<BinaryFunction>('ge', 3, 2),
  /** `a.lt(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  lt: methodFunction<BinaryFunction>('lt', 3, 2),
  /** `a.le(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  le: methodFunction<BinaryFunction>('le', 3, 2),
  /** `a.eq(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  eq: methodFunction<BinaryFunction>('eq', 3, 2),
  /** `a.ne(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  ne: methodFunction<BinaryFunction>('ne', 3, 2),
  /** `a.and(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  and: methodFunction<BinaryFunction>('and', 3, 2),
  /** `a.or(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  or: methodFunction<BinaryFunction>('or', 3, 2),
  /** `a.xor(b)` as a function; `a` may be a number; `out` positional or `{ out }`. */
  xor: methodFunction<BinaryFunction>('xor', 3, 2),
  /** `a.neg()` as a function. */
  neg: methodFunction<UnaryFunction>('neg', 2),
  /** `a.abs()` as a function. */
  abs: methodFunction<UnaryFunction>('abs', 2),
  /** `a.sqrt()` as a function. */
  sqrt: methodFunction<UnaryFunction>('sqrt', 2),
  /** `a.cbrt()` as a function. */
  cbrt: methodFunction<UnaryFunction>('cbrt', 2),
  /** `a.square()` as a function. */
  square: methodFunction<UnaryFunction>('square', 2),
  /** `a.reciprocal()` as a function. */
  reciprocal: methodFunction<UnaryFunction>('reciprocal', 2),
  /** `a.exp()` as a function. */
  exp: methodFunction<UnaryFunction>('exp', 2),
  /** `a.expm1()` as a function. */
  expm1: methodFunction<UnaryFunction>('expm1', 2),
  /** `a.log()` as a function. */
  log: methodFunction<UnaryFunction>('log', 2),
  /** `a.log1p()` as a function. */
  log1p: methodFunction<UnaryFunction>('log1p', 2),
  /** `a.log2()` as a function. */
  log2: methodFunction<UnaryFunction>('log2', 2),
  /** `a.log10()` as a function. */
  log10: methodFunction<UnaryFunction>('log10', 2),
  /** `a.sin()` as a function. */
  sin: methodFunction<UnaryFunction>('sin', 2),
  /** `a.cos()` as a function. */
  cos: methodFunction<UnaryFunction>('cos', 2),
  /** `a.tan()` as a function. */
  tan: methodFunction<UnaryFunction>('tan', 2),
  /** `a.asin()` as a function. */
  asin: methodFunction<UnaryFunction>('asin', 2),
  /** `a.acos()` as a function. */
  acos: methodFunction<UnaryFunction>('acos', 2),
  /** `a.atan()` as a function. */
  atan: methodFunction<UnaryFunction>('atan', 2),
  /** `a.sinh()` as a function. */
  sinh: methodFunction<UnaryFunction>('sinh', 2),
  /** `a.cosh()` as a function. */
  cosh: methodFunction<UnaryFunction>('cosh', 2),
  /** `a.tanh()` as a function. */
  tanh: methodFunction<UnaryFunction>('tanh', 2),
  /** `a.floor()` as a function. */
  floor: methodFunction<UnaryFunction>('floor', 2),
  /** `a.ceil()` as a function. */
  ceil: methodFunction<UnaryFunction>('ceil', 2),
  /** `a.trunc()` as a function. */
  trunc: methodFunction<UnaryFunction>('trunc', 2),
  /** `a.sign()` as a function. */
  sign: methodFunction<UnaryFunction>('sign', 2),
  /** `a.isnan()` as a function. */
  isnan: methodFunction<UnaryFunction>('isnan', 2),
  /** `a.isfinite()` as a function. */
  isfinite: methodFunction<UnaryFunction>('isfinite', 2),
  /** `a.isinf()` as a function. */
  isinf: methodFunction<UnaryFunction>('isinf', 2),
  /** `a.not()` as a function. */
  not: methodFunction<UnaryFunction>('not', 2),
  /** `a.round(decimals)` as a function: NumPy's `round(a, decimals, out)`. */
  round: methodFunction<RoundFunction>('round', 3),
  /** `a.clip(lo, hi)` as a function. */
  clip: methodFunction<(a: Input, lo: Operand | null, hi: Operand | null, options?: OutOptions | NdArray) => NdArray>('clip', 4, 3),
  /** `a.sum(axis, options)` as a function. */
  sum: methodFunction<ReduceFunction>('sum', 3),
  /** `a.prod(axis, options)` as a function. */
  prod: methodFunction<ReduceFunction>('prod', 3),
  /** `a.mean(axis, options)` as a function. */
  mean: methodFunction<ReduceFunction>('mean', 3),
  /** `a.min(axis, options)` as a function. */
  min: methodFunction<ReduceFunction>('min', 3),
  /** `a.max(axis, options)` as a function. */
  max: methodFunction<ReduceFunction>('max', 3),
  /** `a.nansum(axis, options)` as a function. */
  nansum: methodFunction<ReduceFunction>('nansum', 3),
  /** `a.nanmean(axis, options)` as a function. */
  nanmean: methodFunction<ReduceFunction>('nanmean', 3),
  /** `a.nanmin(axis, options)` as a function. */
  nanmin: methodFunction<ReduceFunction>('nanmin', 3),
  /** `a.nanmax(axis, options)` as a function. */
  nanmax: methodFunction<ReduceFunction>('nanmax', 3),
  /** `a.nanvar(axis, options)` as a function (a number in the options slot is ddof). */
  nanvar: methodFunction<VarFunction>('nanvar', 3),
  /** `a.nanstd(axis, options)` as a function (a number in the options slot is ddof). */
  nanstd: methodFunction<VarFunction>('nanstd', 3),
  /** `a.nanprod(axis, options)` as a function. */
  nanprod: methodFunction<ReduceFunction>('nanprod', 3),
  /** `a.nanargmin(axis, options)` as a function. */
  nanargmin: methodFunction<ArgReduceFunction>('nanargmin', 3),
  /** `a.nanargmax(axis, options)` as a function. */
  nanargmax: methodFunction<ArgReduceFunction>('nanargmax', 3),
  /** `a.nancumsum(axis)` as a function. */
  nancumsum: methodFunction<(a: Input, axis?: number | null) => NdArray>('nancumsum', 2),
  /** `a.nancumprod(axis)` as a function. */
  nancumprod: methodFunction<(a: Input, axis?: number | null) => NdArray>('nancumprod', 2),
  /** @function */
  countNonzero,
  /** @function */
  histogram,
  /** @function */
  histogramBinEdges,
  /** @function */
  bincount,
  /** @function */
  digitize,
  /** `a.std(axis, options)` as a function (a number in the options slot is ddof). */
  std: methodFunction<VarFunction>('std', 3),
  /** `a.var(axis, options)` as a function (a number in the options slot is ddof). */
  var: methodFunction<VarFunction>('var', 3),
  /** `a.any(axis, options)` as a function. */
  any: methodFunction<BoolReduceFunction>('any', 3),
  /** `a.all(axis, options)` as a function. */
  all: methodFunction<BoolReduceFunction>('all', 3),
  /** `a.argmin(axis, options)` as a function. */
  argmin: methodFunction<ArgReduceFunction>('argmin', 3),
  /** `a.argmax(axis, options)` as a function. */
  argmax: methodFunction<ArgReduceFunction>('argmax', 3),
  /** `a.cumsum(axis)` as a function. */
  cumsum: methodFunction<(a: Input, axis?: number | null) => NdArray>('cumsum', 2),
  /** `a.cumprod(axis)` as a function. */
  cumprod: methodFunction<(a: Input, axis?: number | null) => NdArray>('cumprod', 2),
  /** `a.sort(axis)` as a function. */
  sort: methodFunction<(a: Input, axis?: number | null) => NdArray>('sort', 2),
  /** `a.argsort(axis)` as a function. */
  argsort: methodFunction<(a: Input, axis?: number | null) => NdArray>('argsort', 2),
  /** `a.partition(kth, axis)` as a function. */
  partition: methodFunction<(a: Input, kth: KthArg, axis?: number | null) => NdArray>('partition', 3, 2),
  /** `a.argpartition(kth, axis)` as a function. */
  argpartition: methodFunction<(a: Input, kth: KthArg, axis?: number | null) => NdArray>('argpartition', 3, 2),
  /** `mask.count()` as a function. */
  count: methodFunction<(a: Input) => number>('count', 1),
  /** `a.setWhere(mask, value)` as a function. */
  setWhere: methodFunction<(a: NdArray, mask: NdArray, value: Operand) => NdArray>('setWhere', 3, 3),
  /** `a.reshape(shape)` as a function (a view of `a` when the layout allows). */
  reshape: methodFunction<ReshapeFunction>('reshape', Infinity, 2, true),
  /** `a.transpose(...axes)` as a function (a view of `a`). */
  transpose: methodFunction<TransposeFunction>('transpose', Infinity, 1, true),
  /** `a.swapaxes(axis1, axis2)` as a function (a view of `a`). */
  swapaxes: methodFunction<(a: Input, axis1: number, axis2: number) => NdArray>('swapaxes', 3, 3, true),
  /** @function */
  moveaxis,
  /** `a.slice(...specs)` as a function (a view of `a`). */
  slice: methodFunction<(a: NdArray, ...specs: SliceSpec[]) => NdArray>('slice', Infinity, 1, true),
  /** `a.ravel()` as a function (a view of `a` when the layout allows). */
  ravel: methodFunction<(a: Input) => NdArray>('ravel', 1, 1, true),
  /** `a.flatten()` as a function. */
  flatten: methodFunction<(a: Input) => NdArray>('flatten', 1),
  /** `a.squeeze(axis)` as a function (a view of `a`). */
  squeeze: methodFunction<(a: Input, axis?: number | readonly number[] | null) => NdArray>('squeeze', 2, 1, true),
  /** `a.expandDims(axis)` as a function (a view of `a`). */
  expandDims: methodFunction<(a: Input, axis: number | readonly number[]) => NdArray>('expandDims', 2, 2, true),
  /** `a.broadcastTo(shape)` as a function (a read-only view of `a`). */
  broadcastTo: methodFunction<(a: Input, shape: number | readonly number[]) => NdArray>('broadcastTo', 2, 2, true),
  /** `a.copy()` as a function. */
  copy: methodFunction<(a: Input) => NdArray>('copy', 1),
  /** `a.isclose(b)` as a function; either may be a number; tolerances as options or positional. */
  isclose: function isclosePositional(a: Operand, b: Operand, ...rest: unknown[]): NdArray {
    if (arguments.length < 2) checkArity('isclose', arguments, 5, 2);
    return isclose(a, b, closeOptions('isclose', rest, 2));
  } as CloseFunction<NdArray>,
  /** `a.allclose(b)` as a function; either may be a number; tolerances as options or positional. */
  allclose: function allclosePositional(a: Operand, b: Operand, ...rest: unknown[]): boolean {
    if (arguments.length < 2) checkArity('allclose', arguments, 5, 2);
    return allclose(a, b, closeOptions('allclose', rest, 2));
  } as CloseFunction<boolean>,
  /** `a.arrayEqual(b)` as a function. */
  arrayEqual: function arrayEqual(a: Input, b: Input, options?: { equalNan?: boolean } | boolean): boolean {
    if (arguments.length > 3 || arguments.length < 2) checkArity('arrayEqual', arguments, 3, 2);
    return withArray(a, (x) => withArray(b, (y) => x.arrayEqual(y, options)));
  },
  /** `a.median(axis)` as a function. */
  median: methodFunction<StatFunction>('median', 3),
  /** `a.nanmedian(axis)` as a function. */
  nanmedian: methodFunction<StatFunction>('nanmedian', 3),
  /** `a.nanquantile(q, axis)` as a function. */
  nanquantile: methodFunction<QuantileFunction>('nanquantile', 4, 2),
  /** `a.nanpercentile(p, axis)` as a function. */
  nanpercentile: methodFunction<QuantileFunction>('nanpercentile', 4, 2),
  /** `a.ptp(axis)` as a function. */
  ptp: methodFunction<StatFunction>('ptp', 3),
  /** `a.quantile(q, axis)` as a function. */
  quantile: methodFunction<QuantileFunction>('quantile', 4, 2),
  /** `a.percentile(p, axis)` as a function. */
  percentile: methodFunction<QuantileFunction>('percentile', 4, 2),
  /** `a.average(axis, { weights })` as a function. */
  average: methodFunction<AverageFunction>('average', 3),
  /** `a.nonzero()` as a function. */
  nonzero: methodFunction<(a: Input) => NdArray[]>('nonzero', 1),
  /** `a.argwhere()` as a function. */
  argwhere: methodFunction<(a: Input) => NdArray>('argwhere', 1),
  /** `a.unique()` as a function. */
  unique: methodFunction<(a: Input) => NdArray>('unique', 1),
  /** `a.searchsorted(v, side)` as a function. */
  searchsorted: methodFunction<SearchSortedFunction>('searchsorted', 3, 2),
  /** `a.diff(n, axis)` as a function. */
  diff: methodFunction<(a: Input, n?: number, axis?: number) => NdArray>('diff', 3),
  /** `a.flip(axis)` as a function (a view of `a`). */
  flip: methodFunction<(a: NdArray, axis?: AxisArg) => NdArray>('flip', 2, 1, true),
  /** `a.roll(shift, axis)` as a function (NumPy's `roll`; a new array). */
  roll: methodFunction<(a: Input, shift: number | readonly number[], axis?: number | readonly number[] | null) => NdArray>('roll', 3, 2),
  /** NumPy's `pad`: `nd.pad(a, widths, mode?, { constantValues })` (see the pad module). */
  pad,
  /** NumPy's `meshgrid`: `nd.meshgrid(...xs, { indexing, sparse })` → one array per input. */
  meshgrid,
  /** NumPy's `convolve(a, v, mode = 'full')` of 1-D sequences. */
  convolve,
  /** NumPy's `correlate(a, v, mode = 'valid')` of 1-D sequences. */
  correlate,
  /** NumPy's `interp(x, xp, fp, { left, right, period })`. */
  interp,
  /** NumPy's `trapezoid(y, x?, { dx, axis })`. */
  trapezoid,
  /** NumPy's `polyval(p, x)` (Horner, highest power first). */
  polyval,
  /** NumPy's `polyfit(x, y, deg, { rcond, full, w, cov })` (least squares through `nd.linalg.lstsq`). */
  polyfit,
  /** `a.fill(value)` as a function: fills `a` in place and returns it. */
  fill: methodFunction<(a: NdArray, value: number | boolean) => NdArray>('fill', 2, 2, true),
  /** `a.repeat(repeats, axis)` as a function. */
  repeat: methodFunction<(a: Input, repeats: number | readonly number[], axis?: number | null) => NdArray>('repeat', 3, 2),
  /** NumPy's `tile`: `a` repeated `reps` times along each axis (see the manipulate module). */
  tile: function tileChecked(a: Input, reps: number | readonly number[]): NdArray {
    if (arguments.length !== 2) checkArity('tile', arguments, 2, 2);
    return withArray(a, (x) => tile(x, reps));
  },
  /** NumPy's `outer`: `[a.size, b.size]` products of the flattened inputs. */
  outer: function outerChecked(a: Input, b: Input): NdArray {
    if (arguments.length !== 2) checkArity('outer', arguments, 2, 2);
    return withArray(a, (x) => withArray(b, (y) => outer(x, y)));
  },
  /** `a.diagonal(offset, axis1, axis2)` as a function (a read-only view of `a`). */
  diagonal: methodFunction<(a: Input, offset?: number, axis1?: number, axis2?: number) => NdArray>('diagonal', 4, 1, true),
  /** `a.trace(offset, axis1, axis2)` as a function. */
  trace: methodFunction<(a: Input, offset?: number, axis1?: number, axis2?: number) => NdArray | number>('trace', 4),
  /** @function */
  diag,
  /** @function */
  tril,
  /** @function */
  triu,
  /** @function */
  kron,
  /** @function */
  cross,
};

// nd.profile wraps these functions while it runs (src/profile/recorder.ts).
setProfiledNamespace(nd);
setFuseCheck(() => typeof (nd as Record<string, unknown>).fuse === 'function');

/**
 * The `nd` namespace: creation functions, runtime controls, and every NdArray method as a
 * function taking the array first (`nd.add(a, b)`), as NumPy users expect.
 * @module
 */
import { NdArray, type AxisArg, type Operand, type OutOptions, type ReduceOptions, type VarOptions } from './ndarray.ts';
import {
  arange,
  array,
  eye,
  full,
  fullLike,
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
import { columnStack, concat, hstack, stack, tile, vstack, type SliceSpec } from './ops/manipulate.ts';
import { outer } from './ops/outer.ts';
import { matmul } from './ops/linalg.ts';
import { fromNdarray } from './interop.ts';
import { config, info, scope } from './runtime.ts';
import { ready } from './kernels/wasm.ts';
import { allclose, isclose, type CloseOptions } from './ops/closeness.ts';
import type { AverageOptions, QuantileArg } from './ops/statistics.ts';
import type { SearchSortedOptions } from './ops/search.ts';

/** Accepts an NdArray, or anything `nd.array` takes, as an array. */
function asArray(x: NdArray | ArrayInput): NdArray {
  return x instanceof NdArray ? x : array(x);
}

/**
 * Selects from `x` where `cond` is true and from `y` elsewhere, broadcasting all three
 * (NumPy's three-argument `np.where`).
 * @param cond a bool array
 * @param x values where true (array or number)
 * @param y values where false (array or number)
 * @param options `{ out }`
 * @returns the selected values
 * @example
 * const a = nd.array([-1, 2]);
 * nd.where(a.gt(0), a, 0).toArray(); // [0, 2]
 */
function where(cond: NdArray, x: Operand, y: Operand, options?: OutOptions): NdArray {
  return select(cond, x, y, options?.out);
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
  zerosLike,
  /** @function */
  onesLike,
  /** @function */
  fullLike,
  /** @function */
  eye,
  /** @function */
  random,
  /** @function */
  randn,
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
  matmul,
  /** @function */
  where,
  /** @function */
  fromNdarray,
  /** @function */
  scope,
  /** @function */
  config,
  /** @function */
  info,
  /** @function */
  ready,
  /** `a.where(mask)` as a function: the elements of `a` where `mask` is true, 1-D. */
  compress: (a: NdArray, mask: NdArray): NdArray => compress(a, mask),
  /** `a.dot(b)`. */
  dot: (a: NdArray, b: NdArray): NdArray | number => matmul(a, b),
  /** `a.add(b)` as a function; `a` may be a number. */
  add: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).add(b, options),
  /** `a.sub(b)` as a function; `a` may be a number. */
  sub: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).sub(b, options),
  /** `a.mul(b)` as a function; `a` may be a number. */
  mul: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).mul(b, options),
  /** `a.div(b)` as a function; `a` may be a number. */
  div: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).div(b, options),
  /** `a.pow(b)` as a function; `a` may be a number. */
  pow: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).pow(b, options),
  /** `a.mod(b)` as a function; `a` may be a number. */
  mod: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).mod(b, options),
  /** `a.maximum(b)` as a function; `a` may be a number. */
  maximum: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).maximum(b, options),
  /** `a.minimum(b)` as a function; `a` may be a number. */
  minimum: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).minimum(b, options),
  /** `a.atan2(b)` as a function; `a` may be a number. */
  atan2: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).atan2(b, options),
  /** `a.hypot(b)` as a function; `a` may be a number. */
  hypot: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).hypot(b, options),
  /** `a.gt(b)` as a function; `a` may be a number. */
  gt: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).gt(b, options),
  /** `a.ge(b)` as a function; `a` may be a number. */
  ge: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).ge(b, options),
  /** `a.lt(b)` as a function; `a` may be a number. */
  lt: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).lt(b, options),
  /** `a.le(b)` as a function; `a` may be a number. */
  le: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).le(b, options),
  /** `a.eq(b)` as a function; `a` may be a number. */
  eq: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).eq(b, options),
  /** `a.ne(b)` as a function; `a` may be a number. */
  ne: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).ne(b, options),
  /** `a.and(b)` as a function; `a` may be a number. */
  and: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).and(b, options),
  /** `a.or(b)` as a function; `a` may be a number. */
  or: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).or(b, options),
  /** `a.xor(b)` as a function; `a` may be a number. */
  xor: (a: NdArray | number, b: Operand, options?: OutOptions): NdArray => asArray(a).xor(b, options),
  /** `a.neg()` as a function. */
  neg: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).neg(options),
  /** `a.abs()` as a function. */
  abs: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).abs(options),
  /** `a.sqrt()` as a function. */
  sqrt: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).sqrt(options),
  /** `a.cbrt()` as a function. */
  cbrt: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).cbrt(options),
  /** `a.square()` as a function. */
  square: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).square(options),
  /** `a.reciprocal()` as a function. */
  reciprocal: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).reciprocal(options),
  /** `a.exp()` as a function. */
  exp: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).exp(options),
  /** `a.expm1()` as a function. */
  expm1: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).expm1(options),
  /** `a.log()` as a function. */
  log: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).log(options),
  /** `a.log1p()` as a function. */
  log1p: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).log1p(options),
  /** `a.log2()` as a function. */
  log2: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).log2(options),
  /** `a.log10()` as a function. */
  log10: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).log10(options),
  /** `a.sin()` as a function. */
  sin: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).sin(options),
  /** `a.cos()` as a function. */
  cos: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).cos(options),
  /** `a.tan()` as a function. */
  tan: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).tan(options),
  /** `a.asin()` as a function. */
  asin: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).asin(options),
  /** `a.acos()` as a function. */
  acos: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).acos(options),
  /** `a.atan()` as a function. */
  atan: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).atan(options),
  /** `a.sinh()` as a function. */
  sinh: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).sinh(options),
  /** `a.cosh()` as a function. */
  cosh: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).cosh(options),
  /** `a.tanh()` as a function. */
  tanh: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).tanh(options),
  /** `a.floor()` as a function. */
  floor: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).floor(options),
  /** `a.ceil()` as a function. */
  ceil: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).ceil(options),
  /** `a.trunc()` as a function. */
  trunc: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).trunc(options),
  /** `a.round()` as a function. */
  round: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).round(options),
  /** `a.sign()` as a function. */
  sign: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).sign(options),
  /** `a.isnan()` as a function. */
  isnan: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).isnan(options),
  /** `a.isfinite()` as a function. */
  isfinite: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).isfinite(options),
  /** `a.isinf()` as a function. */
  isinf: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).isinf(options),
  /** `a.not()` as a function. */
  not: (a: NdArray | ArrayInput, options?: OutOptions): NdArray => asArray(a).not(options),
  /** `a.clip(lo, hi)` as a function. */
  clip: (a: NdArray | ArrayInput, lo: Operand | null, hi: Operand | null, options?: OutOptions): NdArray => asArray(a).clip(lo, hi, options),
  /** `a.sum(axis)` as a function. */
  sum: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).sum(axis, options),
  /** `a.prod(axis)` as a function. */
  prod: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).prod(axis, options),
  /** `a.mean(axis)` as a function. */
  mean: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).mean(axis, options),
  /** `a.min(axis)` as a function. */
  min: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).min(axis, options),
  /** `a.max(axis)` as a function. */
  max: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).max(axis, options),
  /** `a.std(axis)` as a function. */
  std: (a: NdArray | ArrayInput, axis?: AxisArg, options?: VarOptions): NdArray | number => asArray(a).std(axis, options),
  /** `a.var(axis)` as a function. */
  var: (a: NdArray | ArrayInput, axis?: AxisArg, options?: VarOptions): NdArray | number => asArray(a).var(axis, options),
  /** `a.any(axis)` as a function. */
  any: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | boolean => asArray(a).any(axis, options),
  /** `a.all(axis)` as a function. */
  all: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | boolean => asArray(a).all(axis, options),
  /** `a.nansum(axis)` as a function. */
  nansum: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).nansum(axis, options),
  /** `a.nanmean(axis)` as a function. */
  nanmean: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).nanmean(axis, options),
  /** `a.nanmin(axis)` as a function. */
  nanmin: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).nanmin(axis, options),
  /** `a.nanmax(axis)` as a function. */
  nanmax: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).nanmax(axis, options),
  /** `a.argmin(axis)` as a function. */
  argmin: (a: NdArray | ArrayInput, axis?: number | null, options?: ReduceOptions): NdArray | number => asArray(a).argmin(axis, options),
  /** `a.argmax(axis)` as a function. */
  argmax: (a: NdArray | ArrayInput, axis?: number | null, options?: ReduceOptions): NdArray | number => asArray(a).argmax(axis, options),
  /** `a.cumsum(axis)` as a function. */
  cumsum: (a: NdArray | ArrayInput, axis?: number | null): NdArray => asArray(a).cumsum(axis),
  /** `a.cumprod(axis)` as a function. */
  cumprod: (a: NdArray | ArrayInput, axis?: number | null): NdArray => asArray(a).cumprod(axis),
  /** `a.sort(axis)` as a function. */
  sort: (a: NdArray | ArrayInput, axis = -1): NdArray => asArray(a).sort(axis),
  /** `a.argsort(axis)` as a function. */
  argsort: (a: NdArray | ArrayInput, axis = -1): NdArray => asArray(a).argsort(axis),
  /** `mask.count()` as a function. */
  count: (a: NdArray | ArrayInput): number => asArray(a).count(),
  /** `a.setWhere(mask, value)` as a function. */
  setWhere: (a: NdArray, mask: NdArray, value: Operand): NdArray => a.setWhere(mask, value),
  /** `a.reshape(shape)` as a function. */
  reshape: (a: NdArray | ArrayInput, shape: number | readonly number[]): NdArray => asArray(a).reshape(shape),
  /** `a.transpose(...axes)` as a function. */
  transpose: (a: NdArray | ArrayInput, axes?: readonly number[]): NdArray => asArray(a).transpose(...(axes ?? [])),
  /** `a.slice(...specs)` as a function. */
  slice: (a: NdArray, ...specs: SliceSpec[]): NdArray => a.slice(...specs),
  /** `a.ravel()` as a function. */
  ravel: (a: NdArray | ArrayInput): NdArray => asArray(a).ravel(),
  /** `a.flatten()` as a function. */
  flatten: (a: NdArray | ArrayInput): NdArray => asArray(a).flatten(),
  /** `a.squeeze(axis)` as a function. */
  squeeze: (a: NdArray | ArrayInput, axis?: number | readonly number[]): NdArray => asArray(a).squeeze(axis),
  /** `a.expandDims(axis)` as a function. */
  expandDims: (a: NdArray | ArrayInput, axis: number): NdArray => asArray(a).expandDims(axis),
  /** `a.broadcastTo(shape)` as a function. */
  broadcastTo: (a: NdArray | ArrayInput, shape: number | readonly number[]): NdArray => asArray(a).broadcastTo(shape),
  /** `a.copy()` as a function. */
  copy: (a: NdArray | ArrayInput): NdArray => asArray(a).copy(),
  /** `a.isclose(b)` as a function; either may be a number. */
  isclose: (a: Operand, b: Operand, options?: CloseOptions): NdArray => isclose(a, b, options),
  /** `a.allclose(b)` as a function; either may be a number. */
  allclose: (a: Operand, b: Operand, options?: CloseOptions): boolean => allclose(a, b, options),
  /** `a.arrayEqual(b)` as a function. */
  arrayEqual: (a: NdArray | ArrayInput, b: NdArray | ArrayInput, options?: { equalNan?: boolean }): boolean => asArray(a).arrayEqual(asArray(b), options),
  /** `a.median(axis)` as a function. */
  median: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).median(axis, options),
  /** `a.quantile(q, axis)` as a function. */
  quantile: (a: NdArray | ArrayInput, q: QuantileArg, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).quantile(q, axis, options),
  /** `a.percentile(p, axis)` as a function. */
  percentile: (a: NdArray | ArrayInput, p: QuantileArg, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).percentile(p, axis, options),
  /** `a.ptp(axis)` as a function. */
  ptp: (a: NdArray | ArrayInput, axis?: AxisArg, options?: ReduceOptions): NdArray | number => asArray(a).ptp(axis, options),
  /** `a.average(axis, { weights })` as a function. */
  average: (a: NdArray | ArrayInput, axis?: AxisArg, options?: AverageOptions): NdArray | number => asArray(a).average(axis, options),
  /** `a.nonzero()` as a function. */
  nonzero: (a: NdArray | ArrayInput): NdArray[] => asArray(a).nonzero(),
  /** `a.argwhere()` as a function. */
  argwhere: (a: NdArray | ArrayInput): NdArray => asArray(a).argwhere(),
  /** `a.unique()` as a function. */
  unique: (a: NdArray | ArrayInput): NdArray => asArray(a).unique(),
  /** `a.searchsorted(v)` as a function. */
  searchsorted: (a: NdArray | ArrayInput, v: number | NdArray, options?: SearchSortedOptions): number | NdArray => asArray(a).searchsorted(v, options),
  /** `a.diff(n, axis)` as a function. */
  diff: (a: NdArray | ArrayInput, n = 1, axis = -1): NdArray => asArray(a).diff(n, axis),
  /** `a.flip(axis)` as a function (a view of `a`). */
  flip: (a: NdArray, axis?: AxisArg): NdArray => a.flip(axis),
  /** `a.fill(value)` as a function: fills `a` in place and returns it. */
  fill: (a: NdArray, value: number | boolean): NdArray => a.fill(value),
  /** `a.repeat(repeats, axis)` as a function. */
  repeat: (a: NdArray | ArrayInput, repeats: number | readonly number[], axis?: number | null): NdArray => asArray(a).repeat(repeats, axis),
  /** NumPy's `tile`: `a` repeated `reps` times along each axis (see the manipulate module). */
  tile: (a: NdArray | ArrayInput, reps: number | readonly number[]): NdArray => tile(asArray(a), reps),
  /** NumPy's `outer`: `[a.size, b.size]` products of the flattened inputs. */
  outer: (a: NdArray | ArrayInput, b: NdArray | ArrayInput): NdArray => outer(asArray(a), asArray(b)),
};

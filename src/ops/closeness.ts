/**
 * Closeness and equality of whole arrays, NumPy's `isclose`, `allclose` and `array_equal`:
 * `|a - b| <= atol + rtol * |b|` element-wise (broadcasting), infinities close only to
 * themselves, NaN close to nothing unless `equalNan`.
 * @module
 */
import type { NdArray, Operand } from '../ndarray.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { ArgumentError } from '../errors.ts';
import { checkArity, checkBoolean, checkNumber, checkOptions, describe, isNdArrayLike } from '../args.ts';
import { broadcastShapes, sameShape } from '../shape.ts';
import { broadcastTo } from './manipulate.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';

/** Options of `isclose` and `allclose`. */
export interface CloseOptions {
  /** Relative tolerance, scaled by `|b|`. Default 1e-5. */
  rtol?: number;
  /** Absolute tolerance. Default 1e-8. */
  atol?: number;
  /** Count two NaNs as close. Default false. */
  equalNan?: boolean;
}

/** Tolerances after defaults and checks. */
interface Tolerances {
  rtol: number;
  atol: number;
  equalNan: boolean;
}

const CLOSE_KEYS = ['rtol', 'atol', 'equalNan'] as const;

/** Checked tolerances: unknown keys, non-numbers and NaN throw ArgumentError naming `func`. */
function tolerances(func: string, options: CloseOptions | undefined): Tolerances {
  const o = checkOptions(func, options, CLOSE_KEYS);
  const tol = (name: 'rtol' | 'atol', fallback: number): number => {
    const v = o[name] === undefined ? fallback : checkNumber(func, name, o[name]);
    if (Number.isNaN(v)) throw new ArgumentError(func, name, `${name} must be a number, got NaN (NaN tolerances are refused)`);
    return v;
  };
  return { rtol: tol('rtol', 1e-5), atol: tol('atol', 1e-8), equalNan: checkBoolean(func, 'equalNan', o.equalNan, false) };
}

/**
 * The tolerance arguments of `isclose`/`allclose` as an options object: either one options
 * object, or NumPy's positional `rtol, atol, equalNan` (`a.isclose(b, 1e-3)`). Values are
 * checked by the op.
 * @param func the public name
 * @param rest the arguments after the operands
 * @param leading how many operands came before `rest` (for the arity message)
 * @returns the options
 */
export function closeOptions(func: string, rest: readonly unknown[], leading: number): CloseOptions | undefined {
  if (rest.length > 3) checkArity(func, [...new Array<unknown>(leading).fill(undefined), ...rest], leading + 3);
  const first = rest[0];
  if (rest.length <= 1 && (first === undefined || (typeof first === 'object' && first !== null && !isNdArrayLike(first)))) {
    return first as CloseOptions | undefined;
  }
  if (first !== undefined && typeof first !== 'number') {
    throw new ArgumentError(func, 'rtol', `rtol must be a number (or pass an options object), got ${describe(first)}`);
  }
  const options: Record<string, unknown> = {};
  CLOSE_KEYS.forEach((key, i) => {
    if (rest[i] !== undefined) options[key] = rest[i];
  });
  return options as CloseOptions;
}

/**
 * NumPy 2's closeness test of one pair: `(|x - y| <= atol + rtol * |y| and y finite) or
 * x == y`, NaN close to NaN only with `equalNan`. So infinities are close to themselves,
 * and with `atol = Infinity` a finite reference is close to anything but NaN (also ±Infinity).
 */
function isClosePair(x: number, y: number, t: Tolerances): boolean {
  if (x === y) return true; // also ±Infinity against itself, and -0 against 0
  if (x !== x || y !== y) return t.equalNan && x !== x && y !== y;
  return y - y === 0 && Math.abs(x - y) <= t.atol + t.rtol * Math.abs(y);
}

function checkOperand(x: unknown, name: string, param: string): asserts x is Operand {
  if (isNdArray(x)) x.assertLive();
  else if (typeof x !== 'number') throw new ArgumentError(name, param, `${param} must be an NdArray or a number, got ${describe(x)}`);
}

/** Both operands' values in C order over the broadcast shape (plain JS memory: no arena allocation). */
function broadcastValues(a: Operand, b: Operand, name: string): { shape: number[]; x: () => Float64Array; y: () => Float64Array } {
  checkOperand(a, name, 'a');
  checkOperand(b, name, 'b');
  const shape = broadcastShapes(isNdArray(a) ? a.shape : [], isNdArray(b) ? b.shape : []);
  const values = (v: Operand) => (): Float64Array =>
    isNdArray(v) ? gatherFloat64(broadcastTo(v, shape)) : new Float64Array(shape.reduce((p, d) => p * d, 1)).fill(v);
  return { shape, x: values(a), y: values(b) };
}

/**
 * Element-wise closeness, NumPy's `isclose`: `|a - b| <= atol + rtol * |b|` (not symmetric:
 * `b` is the reference), broadcasting. `inf` is close to `inf` only; NaN is close to nothing
 * unless `equalNan`. Bool arrays read as 0/1.
 * @param a an array or a number
 * @param b an array or a number (broadcast against `a`)
 * @param options `{ rtol = 1e-5, atol = 1e-8, equalNan = false }`
 * @returns a new bool array of the broadcast shape (0-d for two numbers)
 * @throws BroadcastError when the shapes do not broadcast; ArgumentError for other operands or tolerances
 * @example
 * isclose(nd.array([1, 1.001, NaN, Infinity]), nd.array([1, 1, NaN, Infinity])).toArray();
 * // [true, false, false, true]
 */
export function isclose(a: Operand, b: Operand, options?: CloseOptions): NdArray {
  const t = tolerances('isclose', options);
  const { shape, x, y } = broadcastValues(a, b, 'isclose');
  const result = emptyArray(shape, 'bool');
  const xs = x();
  const ys = y();
  const out = result.u8();
  const base = result.start;
  for (let i = 0; i < xs.length; i++) out[base + i] = isClosePair(xs[i]!, ys[i]!, t) ? 1 : 0;
  return result;
}

/**
 * True when every element pair is close (see {@link isclose}), NumPy's `allclose`.
 * Allocates no array.
 * @param a an array or a number
 * @param b an array or a number (broadcast against `a`)
 * @param options `{ rtol = 1e-5, atol = 1e-8, equalNan = false }`
 * @returns whether all pairs are close (true for empty arrays)
 * @throws BroadcastError when the shapes do not broadcast
 * @example
 * allclose(nd.array([1e10, 1e-8]), nd.array([1.00001e10, 1e-9])); // true
 */
export function allclose(a: Operand, b: Operand, options?: CloseOptions): boolean {
  const t = tolerances('allclose', options);
  const { x, y } = broadcastValues(a, b, 'allclose');
  const xs = x();
  const ys = y();
  for (let i = 0; i < xs.length; i++) if (!isClosePair(xs[i]!, ys[i]!, t)) return false;
  return true;
}

/**
 * True when both arrays have the same shape and equal elements, NumPy's `array_equal`
 * (no broadcasting; NaN is never equal unless `equalNan`; -0 equals 0; bool compares as 0/1).
 * @param a an array
 * @param b an array
 * @param options `{ equalNan = false }`
 * @returns whether shapes and values are equal
 * @example
 * arrayEqual(nd.array([1, 2]), nd.array([1, 2])); // true
 * arrayEqual(nd.array([1, 2]), nd.array([[1, 2]])); // false (shapes differ)
 */
export function arrayEqual(a: NdArray, b: NdArray, options?: { equalNan?: boolean }): boolean {
  for (const [param, x] of [['a', a], ['b', b]] as const) {
    if (!(isNdArray(x))) throw new ArgumentError('arrayEqual', param, `${param} must be an NdArray, got ${describe(x)}`);
  }
  a.assertLive();
  b.assertLive();
  if (!sameShape(a.shape, b.shape)) return false;
  const equalNan = options?.equalNan === true;
  const xs = gatherFloat64(a);
  const ys = gatherFloat64(b);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x !== y && !(equalNan && x !== x && y !== y)) return false;
  }
  return true;
}

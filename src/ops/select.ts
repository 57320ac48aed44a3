/**
 * Selection along an axis: `partition` and `argpartition` (NumPy's, with introselect: O(n)
 * per line, WASM on arena lines, the JS twin otherwise, identical results), and the line
 * selection that `median`/`quantile`/`percentile` and their nan* forms are built on. NaN is
 * the largest value (it ends every line, as NumPy sorts it); -0 and 0 are equal.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { ArgumentError } from '../errors.ts';
import { describe } from '../args.ts';
import { contiguousStrides, normalizeAxis } from '../shape.ts';
import { loopsAround, walkAxes } from '../kernels/js-strided.ts';
import { nanToEnd, selectAt } from '../kernels/js-select.ts';
import { kernelTable } from '../dispatch.ts';
import { argsort, sort } from './sort.ts';
import { flatten } from './manipulate.ts';

/** A `kth` argument: one position, or several. Negative positions count from the end. */
export type KthArg = number | readonly number[];

/** The WASM kernels a selection calls (by export name), or null for the JS twin. */
type SelectKernels = Record<string, ((...args: number[]) => unknown) | undefined> | null;

/**
 * A line being selected in: values `v[vs, vs + n)` (and float64 indices `idx[is, is + n)`
 * moving with them), with byte pointers when WASM works on them (`wasm` not null).
 */
export interface SelectLine {
  /** The WASM kernels, or null: the JS twin. */
  wasm: SelectKernels;
  /** View holding the values. */
  v: Float64Array;
  /** Index of the line's first value in `v`. */
  vs: number;
  /** Indices carried along, or null. */
  idx: Float64Array | null;
  /** Index of the first index in `idx`. */
  is: number;
}

/**
 * @internal Moves the line's NaNs to its end; returns how many values are numbers.
 * @param line the line
 * @param n its length
 * @returns the count of numbers
 */
export function lineNanToEnd(line: SelectLine, n: number): number {
  if (line.wasm !== null) {
    return (line.wasm.nan_to_end_f64!(line.vs * 8, line.idx === null ? 0 : line.is * 8, n) as number) >>> 0;
  }
  return nanToEnd(line.v, line.idx, line.is - line.vs, line.vs, n);
}

/**
 * @internal Settles positions `kths` (ascending, distinct) of the first `numbers` values of
 * a line (no NaN among them): each holds its sorted value, nothing greater before it and
 * nothing smaller after it. Positions at or past `numbers` are left alone (NaNs).
 * @param line the line
 * @param numbers how many values lead (NaN-free)
 * @param kths the positions, ascending, distinct
 */
export function lineSelect(line: SelectLine, numbers: number, kths: readonly number[]): void {
  let lo = 0;
  for (const k of kths) {
    if (k >= numbers) return;
    if (line.wasm !== null) line.wasm.select_f64!(line.vs * 8, line.idx === null ? 0 : line.is * 8, lo, numbers, k, selectRounds);
    else selectAt(line.v, line.idx, line.is - line.vs, line.vs + lo, line.vs + numbers, line.vs + k, lo > 0, selectRounds);
    lo = k + 1;
  }
}

/** Quickselect rounds before median of medians; -1: 2·log2(n). Tests set 0 to run the fallback. */
let selectRounds = -1;

/**
 * @internal For tests: how many quickselect rounds run before the median-of-medians pivot
 * takes over (0: from the start); -1 restores the default 2·log2(n).
 * @param rounds the rounds
 */
export function setSelectRounds(rounds: number): void {
  selectRounds = rounds;
}

/**
 * @internal The WASM kernels when they are on and every array given lies in the arena, else null.
 * @param arrays the arrays the kernels would touch
 * @returns the kernel table or null
 */
export function selectKernels(...arrays: (NdArray | null)[]): SelectKernels {
  const k = kernelTable();
  if (k === null || k.select_f64 === undefined) return null;
  for (const a of arrays) if (a !== null && !a.storage.inArena) return null;
  return k;
}

/**
 * Reads `kth` for a line of `n` (NumPy's rules: an integer or a sequence of them, negative
 * from the end), sorted ascending and without repeats; an `empty` array takes any integer.
 */
function normalizeKths(func: string, kth: unknown, n: number, axis: number, empty: boolean): number[] {
  const list: unknown[] = typeof kth === 'number' ? [kth] : Array.isArray(kth) ? [...(kth as unknown[])] : [kth];
  if (typeof kth !== 'number' && !Array.isArray(kth)) {
    throw new ArgumentError(func, 'kth', `kth must be an integer or an array of integers, got ${describe(kth)}`);
  }
  const out: number[] = [];
  for (const k of list) {
    if (typeof k !== 'number' || !Number.isSafeInteger(k)) {
      throw new ArgumentError(func, 'kth', `kth must be an integer or an array of integers, got ${describe(k)}`);
    }
    // NumPy checks the bounds only when there is something to partition (an empty array
    // takes any integer kth)
    if (!empty && (k < -n || k >= n)) {
      throw new ArgumentError(func, 'kth', `kth ${k} is out of bounds for axis ${axis} of size ${n}`);
    }
    out.push(k < 0 ? k + n : k);
  }
  return [...new Set(out)].sort((p, q) => p - q);
}

/** Partition or argpartition of `a` (float64) along `ax`. */
function selectAlong(func: string, a: NdArray, kthArg: unknown, ax: number, withIndices: boolean): NdArray {
  const n = a.shape[ax]!;
  const kths = normalizeKths(func, kthArg, n, ax, a.size === 0);
  const result = emptyArray(a.shape);
  if (result.size === 0) return result;
  const loops = loopsAround(a.shape, a.strides, ax);
  const t = contiguousStrides(a.shape)[ax]!;
  // Values work in the result row when it is contiguous (partition), else in a line; the
  // indices of argpartition work in the result row when contiguous, else in a line.
  const valueLine = withIndices || t !== 1 ? emptyArray([n]) : null;
  const indexLine = withIndices && t !== 1 ? emptyArray([n]) : null;
  try {
    const wasm = selectKernels(result, valueLine, indexLine);
    const src = a.f64();
    const s = a.strides[ax]!;
    const out = result.f64();
    const v = valueLine === null ? out : valueLine.f64();
    const idx = !withIndices ? null : indexLine === null ? out : indexLine.f64();
    const line: SelectLine = { wasm, v, vs: 0, idx, is: 0 };
    walkAxes(loops, a.start, result.start, (p, o) => {
      line.vs = valueLine === null ? o : valueLine.start;
      if (s === 1) v.set(src.subarray(p, p + n), line.vs);
      else for (let i = 0, q = p, w = line.vs; i < n; i++, q += s) v[w++] = src[q]!;
      if (idx !== null) {
        line.is = indexLine === null ? o : indexLine.start;
        if (wasm !== null) wasm.iota_f64!(line.is * 8, n);
        else for (let i = 0; i < n; i++) idx[line.is + i] = i;
      }
      lineSelect(line, lineNanToEnd(line, n), kths);
      if (withIndices && indexLine !== null) for (let i = 0, w = o; i < n; i++, w += t) out[w] = idx![line.is + i]!;
      else if (!withIndices && valueLine !== null) for (let i = 0, w = o; i < n; i++, w += t) out[w] = v[line.vs + i]!;
    });
  } catch (e) {
    result.dispose();
    throw e;
  } finally {
    valueLine?.dispose();
    indexLine?.dispose();
  }
  return result;
}

/** Runs `f` along `axis`, or along axis 0 of a flattened copy when `axis` is null. */
function alongAxis(a: NdArray, axis: number | null, f: (x: NdArray, ax: number) => NdArray): NdArray {
  a.assertLive();
  if (axis !== null) return f(a, normalizeAxis(axis, a.ndim));
  const flat = flatten(a);
  try {
    return f(flat, 0);
  } finally {
    flat.dispose();
  }
}

/**
 * A partitioned copy of `a` along `axis`, NumPy's `partition`: each position in `kth` holds
 * the value it would hold in the sorted line, nothing greater before it, nothing smaller
 * after it (the order within the parts is unspecified). NaN sorts last. O(n) per line
 * (introselect).
 * @param a the array (float64; a bool array comes back fully sorted, a valid partition)
 * @param kth a position or several, negative from the end
 * @param axis the axis (negative counts from the end), or null for the flattened array
 * @returns a new array of `a`'s shape (1-D for axis null)
 * @throws ArgumentError for a kth out of bounds (naming kth and the axis size; an empty array
 *   takes any integer, as NumPy); AxisError for a bad axis
 * @example
 * partition(nd.array([3, 4, 2, 1]), 2, -1); // array([1, 2, 3, 4]) (any order with 3 at position 2)
 */
export function partition(a: NdArray, kth: KthArg, axis: number | null): NdArray {
  return alongAxis(a, axis, (x, ax) => {
    if (x.dtype === 'bool') {
      normalizeKths('partition', kth, x.shape[ax]!, ax, x.size === 0);
      return sort(x, ax);
    }
    return selectAlong('partition', x, kth, ax, false);
  });
}

/**
 * Indices that partition `a` along `axis`, NumPy's `argpartition`: taking them along the
 * axis gives a partition (see {@link partition}). Which valid order comes out is fixed (the
 * same with and without WASM) but may differ from NumPy's.
 * @param a the array (float64, or bool: the stable argsort, a valid argpartition)
 * @param kth a position or several, negative from the end
 * @param axis the axis, or null for the flattened array
 * @returns float64 indices of `a`'s shape (1-D for axis null, and for a 0-d `a`, as NumPy)
 * @throws ArgumentError for a kth out of bounds (not for an empty array); AxisError for a bad axis
 * @example
 * argpartition(nd.array([3, 4, 2, 1]), 0, -1); // array([3, ...]): index of the minimum first
 */
export function argpartition(a: NdArray, kth: KthArg, axis: number | null): NdArray {
  // NumPy's C argpartition (as its argsort) takes a 0-d array as one of shape (1,): axis 0 or -1
  const ax0 = a.ndim === 0 && (axis === 0 || axis === -1) ? null : axis;
  return alongAxis(a, ax0, (x, ax) => {
    if (x.dtype === 'bool') {
      normalizeKths('argpartition', kth, x.shape[ax]!, ax, x.size === 0);
      return argsort(x, ax);
    }
    return selectAlong('argpartition', x, kth, ax, true);
  });
}

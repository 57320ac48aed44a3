/**
 * Rolling elements along axes, NumPy's `roll`: elements shifted off one end come back at the
 * other. A copy, made of at most 2^k block copies (k the number of axes rolled), each one
 * strided copy (`copyInto`).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, newArray } from '../array-factory.ts';
import { ArgumentError, BroadcastError } from '../errors.ts';
import { checkInteger, describe } from '../args.ts';
import { contiguousStrides, normalizeAxis } from '../shape.ts';
import { copyInto } from './manipulate.ts';
import { sliceAxis } from './axis-view.ts';

/**
 * An integer or an array of integers (roll's `shift` and `axis`).
 * @param func the public name
 * @param param the parameter name
 * @param v what was passed
 * @returns the integer, or a copy of the array
 * @throws ArgumentError for anything else
 * @example
 * checkIntegers('roll', 'shift', [1, -2]); // [1, -2]
 */
export function checkIntegers(func: string, param: string, v: unknown): number | number[] {
  if (typeof v === 'number') return checkInteger(func, param, v);
  if (!Array.isArray(v)) throw new ArgumentError(func, param, `${param} must be an integer or an array of integers, got ${describe(v)}`);
  return v.map((x) => checkInteger(func, param, x));
}

/**
 * Copies `src` into `dst` (same shape) rolled by `offsets[k]` (0 ≤ offset < size) on each axis.
 */
function rollInto(src: NdArray, dst: NdArray, offsets: readonly number[]): void {
  // Each rolled axis splits into two blocks: src[:n-o] → dst[o:] and src[n-o:] → dst[:o].
  let pairs: [NdArray, NdArray][] = [[src, dst]];
  for (let ax = 0; ax < offsets.length; ax++) {
    const o = offsets[ax]!;
    if (o === 0) continue;
    const n = src.shape[ax]!;
    const next: [NdArray, NdArray][] = [];
    for (const [s, d] of pairs) {
      next.push([sliceAxis(s, ax, 0, n - o), sliceAxis(d, ax, o, n)]);
      next.push([sliceAxis(s, ax, n - o, n), sliceAxis(d, ax, 0, o)]);
    }
    pairs = next;
  }
  for (const [s, d] of pairs) copyInto(s, d);
}

/**
 * Rolls `a` by `shift` along `axis`, NumPy's `roll`. `axis` null (the default): the array
 * is rolled as if flattened, then given back its shape. A shift and axis given as arrays
 * broadcast against each other; shifts on the same axis add up (NumPy's rule). A shift
 * larger than the axis wraps around (taken modulo its length).
 * @param a the array (any dtype; the result has the same)
 * @param shift integer shift(s); positive moves elements towards higher indices
 * @param axis an axis, several, or null for the flattened array
 * @returns a new array of `a`'s shape
 * @throws AxisError for an axis out of range; BroadcastError when shift and axis lengths differ
 * @example
 * roll(nd.arange(5), 2).toArray(); // [3, 4, 0, 1, 2]
 * roll(nd.arange(6).reshape(2, 3), [1, -1], [0, 1]).toArray(); // [[4, 5, 3], [1, 2, 0]]
 */
export function roll(a: NdArray, shift: number | readonly number[], axis: number | readonly number[] | null = null): NdArray {
  a.assertLive();
  const shifts = typeof shift === 'number' ? [shift] : [...shift];
  const ndim = axis === null ? 1 : a.ndim;
  const shape = axis === null ? [a.size] : a.shape;
  const axes = (axis === null ? [0] : typeof axis === 'number' ? [axis] : [...axis]).map((ax) => normalizeAxis(ax, ndim));
  // shift and axis broadcast as 1-D arrays (a number is one entry)
  const ls = shifts.length;
  const la = axes.length;
  if (ls !== la && ls !== 1 && la !== 1) throw new BroadcastError([[ls], [la]]);
  const pairs = ls === la ? ls : ls === 1 ? la : ls;
  // Shifts on one axis add up (NumPy sums Python ints); summed modulo the axis length, so
  // large safe-integer shifts never lose precision.
  const offsets = new Array<number>(ndim).fill(0);
  for (let i = 0; i < pairs; i++) {
    const ax = axes[la === 1 ? 0 : i]!;
    const n = shape[ax]!;
    if (n === 0) continue;
    const o = (offsets[ax]! + (shifts[ls === 1 ? 0 : i]! % n)) % n;
    offsets[ax] = o < 0 ? o + n : o;
  }
  const result = emptyArray(a.shape, a.dtype);
  if (result.size === 0) return result;
  if (axis !== null) {
    rollInto(a, result, offsets);
    return result;
  }
  // Flattened: a C-order 1-D form of `a` (a view when contiguous, else a copy).
  const flat = a.isContiguous ? newArray(a.storage, [a.size], [1], a.offset, false, true) : a.flatten();
  try {
    rollInto(flat, newArray(result.storage, [a.size], contiguousStrides([a.size]), 0), offsets);
  } finally {
    if (flat.ownsStorage) flat.dispose();
  }
  return result;
}

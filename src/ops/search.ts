/**
 * Searching: where the nonzero elements are (`nonzero`, `argwhere`), the distinct values
 * (`unique`) and where values would go in a sorted array (`searchsorted`). Indices come back
 * as float64, like `argsort`.
 * @module
 */
import type { NdArray, NestedArray } from '../ndarray.ts';
import { fromNested } from '../nested.ts';
import { emptyArray, isNdArray } from '../array-factory.ts';
import { ArgumentError, ShapeError, formatShape } from '../errors.ts';
import { checkChoice, checkOptions, describe } from '../args.ts';
import { countTrue } from './mask.ts';
import { ravel } from './manipulate.ts';
import { sort } from './sort.ts';

/** Calls `visit(index, value)` for every element of `a` in C order; `index` is reused between calls. */
function forEachElement(a: NdArray, visit: (index: readonly number[], value: number) => void): void {
  const data: Float64Array | Uint8Array = a.dtype === 'bool' ? a.u8() : a.f64();
  const nd = a.ndim;
  if (a.size === 0) return;
  const index = new Array<number>(nd).fill(0);
  let p = a.start;
  for (;;) {
    visit(index, data[p]!);
    let k = nd - 1;
    for (; k >= 0; k--) {
      p += a.strides[k]!;
      if (++index[k]! < a.shape[k]!) break;
      p -= a.strides[k]! * a.shape[k]!;
      index[k] = 0;
    }
    if (k < 0) return;
  }
}

/**
 * Indices of the nonzero (true) elements, NumPy's `nonzero`: one 1-D array per dimension,
 * in C order of the elements. NaN counts as nonzero, -0 as zero.
 * @param a an array of at least one dimension
 * @returns `a.ndim` arrays of indices (float64), each as long as the nonzero count
 * @throws ShapeError for a 0-d array (NumPy ≥ 2.1 refuses it too)
 * @example
 * nonzero(nd.array([[0, 5], [7, 0]])).map((x) => x.toArray()); // [[0, 1], [1, 0]]
 */
export function nonzero(a: NdArray): NdArray[] {
  a.assertLive();
  if (a.ndim === 0) throw new ShapeError('nonzero of a 0-d array is not allowed; use a.reshape([1]) first', [a.shape]);
  const count = countTrue(a);
  const results = a.shape.map(() => emptyArray([count]));
  const views = results.map((r) => r.f64());
  const starts = results.map((r) => r.start);
  let w = 0;
  forEachElement(a, (index, v) => {
    if (v === 0) return;
    for (let k = 0; k < index.length; k++) views[k]![starts[k]! + w] = index[k]!;
    w++;
  });
  return results;
}

/**
 * Indices of the nonzero (true) elements as rows, NumPy's `argwhere`.
 * @param a the array
 * @returns a float64 array of shape `[count, a.ndim]`
 * @example
 * argwhere(nd.array([[0, 5], [7, 0]])).toArray(); // [[0, 1], [1, 0]]
 */
export function argwhere(a: NdArray): NdArray {
  a.assertLive();
  const count = countTrue(a);
  const nd = a.ndim;
  const result = emptyArray([count, nd]);
  const out = result.f64();
  let w = result.start;
  forEachElement(a, (index, v) => {
    if (v === 0) return;
    for (let k = 0; k < nd; k++) out[w++] = index[k]!;
  });
  return result;
}

/** True when `s[i]` (in a sorted line starting at `base`) differs from `s[i - 1]`; NaNs form one run. */
function startsRun(s: Float64Array | Uint8Array, base: number, i: number): boolean {
  if (i === 0) return true;
  const v = s[base + i]!;
  const u = s[base + i - 1]!;
  return v !== u && !(v !== v && u !== u);
}

/**
 * The sorted distinct values of the flattened array, NumPy's `unique`: NaN appears once, at
 * the end (NumPy ≥ 1.21); -0 and 0 are one value (the first in sorted order is kept).
 * @param a the array (a bool array gives a bool result)
 * @returns a new 1-D array
 * @example
 * unique(nd.array([[3, 1], [NaN, 3], [1, NaN]])).toArray(); // [1, 3, NaN]
 */
export function unique(a: NdArray): NdArray {
  a.assertLive();
  const flat = ravel(a);
  const sorted = sort(flat, 0);
  if (flat !== a && flat.storage !== a.storage) flat.dispose();
  const isBool = a.dtype === 'bool';
  const n = sorted.size;
  // Count first, then allocate, then read: the allocation may move memory.
  const sortedData = (): Float64Array | Uint8Array => (isBool ? sorted.u8() : sorted.f64());
  let distinct = 0;
  const first = sortedData();
  for (let i = 0; i < n; i++) if (startsRun(first, sorted.start, i)) distinct++;
  const result = emptyArray([distinct], a.dtype);
  const s = sortedData();
  const out: Float64Array | Uint8Array = isBool ? result.u8() : result.f64();
  let w = result.start;
  for (let i = 0; i < n; i++) if (startsRun(s, sorted.start, i)) out[w++] = s[sorted.start + i]!;
  sorted.dispose();
  return result;
}

const SEARCH_KEYS = ['side'] as const;
const SIDES = ['left', 'right'] as const;

/** Options of `searchsorted`. */
export interface SearchSortedOptions {
  /** `'left'` (default): the first suitable index; `'right'`: the last. */
  side?: 'left' | 'right';
}

/** Order with NaN greatest (how `sort` places it): x before y. */
function before(x: number, y: number): boolean {
  return x < y || (y !== y && x === x);
}

/**
 * Where `v` would be inserted into the sorted 1-D array `a` to keep it sorted, NumPy's
 * `searchsorted`, by binary search. `'left'`: the first index i with `a[i] >= v`;
 * `'right'`: the first with `a[i] > v`. NaN sorts last, as `sort` puts it.
 * @param a a sorted 1-D array (any stride; not checked to be sorted)
 * @param v a number, or an array of values (an NdArray or plain nested numbers)
 * @param options `{ side }`
 * @returns an index for a number, else a float64 array of `v`'s shape
 * @throws ShapeError when `a` is not 1-D; ArgumentError for a bad side, an unknown option or a bad `v`
 * @example
 * searchsorted(nd.array([1, 2, 2, 3]), 2);                    // 1
 * searchsorted(nd.array([1, 2, 2, 3]), 2, { side: 'right' }); // 3
 */
export function searchsorted(a: NdArray, v: number | NdArray | readonly NestedArray[], options?: SearchSortedOptions): number | NdArray {
  a.assertLive();
  if (a.ndim !== 1) throw new ShapeError(`searchsorted needs a 1-D sorted array, got shape ${formatShape(a.shape)}`, [a.shape]);
  const o = checkOptions('searchsorted', options, SEARCH_KEYS);
  const side = o.side === undefined ? 'left' : checkChoice('searchsorted', 'side', o.side, SIDES);
  const right = side === 'right';
  const n = a.shape[0]!;
  const s = a.strides[0]!;
  const find = (data: Float64Array | Uint8Array, start: number, x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = data[start + mid * s]!;
      // left: move right while a[mid] < x; right: while !(x < a[mid]).
      if (right ? !before(x, m) : before(m, x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dataOf = (): Float64Array | Uint8Array => (a.dtype === 'bool' ? a.u8() : a.f64());
  if (typeof v === 'number') return find(dataOf(), a.start, v);
  if (Array.isArray(v)) {
    // plain data, as NumPy's asarray(v): values of the nested shape (booleans as 0/1)
    const values = fromNested(v as NestedArray[]);
    try {
      return searchsorted(a, values, options);
    } finally {
      values.dispose();
    }
  }
  if (!(isNdArray(v))) throw new ArgumentError('searchsorted', 'v', `v must be a number, an NdArray or an array of numbers, got ${describe(v)}`);
  v.assertLive();
  const result = emptyArray([...v.shape]);
  const out = result.f64();
  const data = dataOf();
  let w = result.start;
  forEachElement(v, (_, x) => {
    out[w++] = find(data, a.start, x);
  });
  return result;
}

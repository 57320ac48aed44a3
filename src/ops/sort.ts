/**
 * Sorting along an axis: `sort` (a sorted copy) and `argsort` (stable indices). NaN sorts
 * last; -0 and 0 compare equal and keep their input order, as NumPy's stable sort does.
 * Float64 lines run the WASM radix sort (wasm/assembly/sort.ts) when the arrays lie in the
 * arena: a contiguous input line is read in place, a strided one is copied into the result
 * row (or, along an outer axis, into a line that is copied back). Otherwise the JS loops
 * below (same results: a stable sort has one answer).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { contiguousStrides, normalizeAxis } from '../shape.ts';
import { loopsAround, walkAxes } from '../kernels/js-strided.ts';
import { kernelTable } from '../dispatch.ts';
import { flatten } from './manipulate.ts';

/**
 * Sorts (values, or indices when `indices`) every float64 line of `a` along `ax` into
 * `result` with the WASM kernels; false (nothing written) when they cannot run. Values take
 * `sort_values_f64` (wasm/assembly/sort-values.ts: not stable, reads a line that must not
 * overlap its output, so a strided line is first copied into the scratch's tail), indices
 * the stable `argsort_f64`.
 */
function wasmSortLines(a: NdArray, ax: number, result: NdArray, indices: boolean): boolean {
  const k = kernelTable();
  if (k === null || k.argsort_f64 === undefined || !a.storage.inArena || !result.storage.inArena) return false;
  const n = a.shape[ax]!;
  const t = contiguousStrides(a.shape)[ax]!;
  const s = a.strides[ax]!;
  const kernelBytes = indices ? (k.sort_tmp_bytes!(n) as number) : (k.sort_values_tmp_bytes!(n) as number);
  const kernelWords = Math.ceil(kernelBytes / 8);
  const copyIn = !indices && s !== 1; // the line's copy, after the kernel's scratch
  const tmp = emptyArray([kernelWords + (copyIn ? n : 0)]);
  const line = t === 1 ? null : emptyArray([n]);
  try {
    if (!tmp.storage.inArena || (line !== null && !line.storage.inArena)) return false;
    const loops = loopsAround(a.shape, a.strides, ax);
    const src = a.f64();
    const out = result.f64();
    const tmpPtr = tmp.start * 8;
    const copyAt = tmp.start + kernelWords;
    walkAxes(loops, a.start, result.start, (p, o) => {
      const w = line === null ? o : line.start;
      let from = p;
      if (!indices) {
        if (copyIn) {
          for (let i = 0, q = p; i < n; i++, q += s) out[copyAt + i] = src[q]!;
          from = copyAt;
        }
        if (((k.sort_values_f64!(from * 8, w * 8, n, tmpPtr) as number) >>> 0) > 0) {
          zeroSignsInInputOrder(out, w, n, src, p, s);
        }
      } else {
        if (s !== 1) {
          for (let i = 0, q = p; i < n; i++, q += s) out[w + i] = src[q]!;
          from = w;
        }
        k.argsort_f64!(from * 8, w * 8, n, tmpPtr);
      }
      if (line !== null) for (let i = 0, q = o; i < n; i++, q += t) out[q] = out[w + i]!;
    });
    return true;
  } finally {
    tmp.dispose();
    line?.dispose();
  }
}

/** Runs `f` along `axis`, or along axis 0 of a flattened copy when `axis` is null (NumPy's axis=None). */
function flatOrAlong(a: NdArray, axis: number | null, f: (x: NdArray, ax: number) => NdArray): NdArray {
  if (axis !== null) return f(a, normalizeAxis(axis, a.ndim));
  a.assertLive();
  const flat = flatten(a);
  try {
    return f(flat, 0);
  } finally {
    flat.dispose();
  }
}

/**
 * After `TypedArray.prototype.sort` (which puts -0 before 0), restores the input order of
 * the zeros: the run of zeros in `sorted[lo, lo+n)` takes the signs of the zeros of the
 * input line in the order they came.
 */
function restoreZeroOrder(sorted: Float64Array, lo: number, n: number, data: Float64Array, p: number, s: number): void {
  let z0 = lo;
  const end = lo + n;
  while (z0 < end && sorted[z0]! < 0) z0++;
  if (z0 === end || sorted[z0] !== 0 || !Object.is(sorted[z0], -0)) return; // no -0 at all
  let z1 = z0;
  while (z1 < end && sorted[z1] === 0) z1++;
  if (!Object.is(sorted[z1 - 1], 0)) return; // only -0: nothing to reorder
  let w = z0;
  for (let i = 0; i < n && w < z1; i++, p += s) {
    const v = data[p]!;
    if (v === 0) sorted[w++] = v;
  }
}

/**
 * After the WASM sort (which writes every zero as +0), gives the run of zeros in
 * `sorted[lo, lo+n)` the signs of the input line's zeros, in the order they came.
 */
function zeroSignsInInputOrder(sorted: Float64Array, lo: number, n: number, data: Float64Array, p: number, s: number): void {
  let w = lo;
  const end = lo + n;
  while (w < end && sorted[w]! < 0) w++;
  for (let i = 0; i < n && w < end && sorted[w] === 0; i++, p += s) {
    const v = data[p]!;
    if (v === 0) sorted[w++] = v;
  }
}

/**
 * A sorted copy of `a` along `axis`: numbers ascending, NaN last, -0 and 0 in input order.
 * @param a the array (float64, or bool: false first, result bool)
 * @param axis the axis (negative counts from the end), or null for the flattened array
 * @returns a new array of the same shape and dtype (1-D for axis null)
 * @throws AxisError for an axis out of range (every axis is, for a 0-d array)
 * @example
 * sort(nd.array([[3, NaN, 1], [2, 0, -1]]), -1); // array([[1, 3, NaN], [-1, 0, 2]])
 */
export function sort(a: NdArray, axis: number | null): NdArray {
  return flatOrAlong(a, axis, sortAlong);
}

function sortAlong(a: NdArray, ax: number): NdArray {
  a.assertLive();
  const result = emptyArray(a.shape, a.dtype);
  if (result.size === 0) return result;
  if (a.dtype === 'float64') {
    try {
      if (wasmSortLines(a, ax, result, false)) return result;
    } catch (e) {
      result.dispose();
      throw e;
    }
  }
  const n = a.shape[ax]!;
  const loops = loopsAround(a.shape, a.strides, ax);
  const t = contiguousStrides(a.shape)[ax]!;
  if (a.dtype === 'bool') {
    // Count the trues of each line; write falses then trues.
    const src = a.u8();
    const out = result.u8();
    const s = a.strides[ax]!;
    walkAxes(loops, a.start, result.start, (p, o) => {
      let trues = 0;
      for (let i = 0; i < n; i++, p += s) trues += src[p] !== 0 ? 1 : 0;
      for (let i = 0; i < n; i++, o += t) out[o] = i < n - trues ? 0 : 1;
    });
    return result;
  }
  const data = a.f64();
  const out = result.f64();
  const s = a.strides[ax]!;
  const line = t === 1 ? null : new Float64Array(n);
  walkAxes(loops, a.start, result.start, (p, o) => {
    if (line === null) {
      // The output line is contiguous: copy in, sort in place.
      for (let i = 0, q = p; i < n; i++, q += s) out[o + i] = data[q]!;
      out.subarray(o, o + n).sort();
      restoreZeroOrder(out, o, n, data, p, s);
    } else {
      for (let i = 0, q = p; i < n; i++, q += s) line[i] = data[q]!;
      line.sort();
      restoreZeroOrder(line, 0, n, data, p, s);
      for (let i = 0; i < n; i++, o += t) out[o] = line[i]!;
    }
  });
  return result;
}

/**
 * Indices that sort `a` along `axis`, stable (equal values keep their order; -0 equals 0),
 * NaN last; as float64.
 * @param a the array (float64 or bool)
 * @param axis the axis (negative counts from the end), or null for the flattened array
 * @returns a new float64 array of the same shape (1-D for axis null)
 * @throws AxisError for an axis out of range
 * @example
 * argsort(nd.array([3, 1, NaN, 1]), -1); // array([1, 3, 0, 2])
 */
export function argsort(a: NdArray, axis: number | null): NdArray {
  return flatOrAlong(a, axis, argsortAlong);
}

function argsortAlong(a: NdArray, ax: number): NdArray {
  a.assertLive();
  const result = emptyArray(a.shape);
  if (result.size === 0) return result;
  if (a.dtype === 'float64') {
    try {
      if (wasmSortLines(a, ax, result, true)) return result;
    } catch (e) {
      result.dispose();
      throw e;
    }
  }
  const n = a.shape[ax]!;
  const loops = loopsAround(a.shape, a.strides, ax);
  const t = contiguousStrides(a.shape)[ax]!;
  const isBool = a.dtype === 'bool';
  const src: Float64Array | Uint8Array = isBool ? a.u8() : a.f64();
  const out = result.f64();
  const s = a.strides[ax]!;
  const values = new Float64Array(n);
  const order = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  walkAxes(loops, a.start, result.start, (p, o) => {
    // Numbers first (sorted stably by value), then the NaNs in input order.
    let numbers = 0;
    let nans = n;
    for (let i = 0; i < n; i++, p += s) {
      const v = src[p]!;
      values[i] = v;
      if (v === v) order[numbers++] = i;
      else order[--nans] = i;
    }
    order.subarray(numbers).reverse();
    stableSortIndices(order, scratch, numbers, values);
    for (let i = 0; i < n; i++, o += t) out[o] = order[i]!;
  });
  return result;
}

const INSERTION_RUN = 16;

/**
 * Sorts `order[0, n)` (indices into `values`, none of them NaN) by value, stably: insertion
 * sort on runs of 16, then bottom-up merges through `scratch`. Comparisons are `<` on
 * numbers, so -0 and 0 tie and keep their order. Faster than a comparator sort, which calls
 * back into JS for every comparison.
 */
function stableSortIndices(order: Uint32Array, scratch: Uint32Array, n: number, values: Float64Array): void {
  for (let lo = 0; lo < n; lo += INSERTION_RUN) {
    const hi = Math.min(n, lo + INSERTION_RUN);
    for (let i = lo + 1; i < hi; i++) {
      const idx = order[i]!;
      const v = values[idx]!;
      let j = i - 1;
      while (j >= lo && values[order[j]!]! > v) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = idx;
    }
  }
  let from = order;
  let to = scratch;
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo, j = mid, k = lo;
      if (mid === hi || values[from[mid - 1]!]! <= values[from[mid]!]!) {
        // Already in order (or a lone run): copy.
        while (i < hi) to[k++] = from[i++]!;
        continue;
      }
      while (i < mid && j < hi) {
        // Take from the right run only when strictly smaller: ties keep input order.
        if (values[from[j]!]! < values[from[i]!]!) to[k++] = from[j++]!;
        else to[k++] = from[i++]!;
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from.subarray(0, n));
}

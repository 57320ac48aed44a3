/**
 * Building and reading matrices, NumPy's `diagonal`, `trace`, `diag`, `tril`, `triu`,
 * `kron` and `cross` (`nd.*` functions; `a.diagonal()` and `a.trace()` are also methods).
 * `diagonal` (and `diag` of a 2-D array) is a read-only view, as in NumPy; the others make
 * new arrays.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, isNdArray, newArray } from '../array-factory.ts';
import { checkArity, checkInteger, checkOptions, checkSingleAxis } from '../args.ts';
import { AxisError, ShapeError, formatShape } from '../errors.ts';
import { array } from '../create.ts';
import { broadcastShapes, broadcastStrides, normalizeAxis } from '../shape.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { copyInto } from '../ops/manipulate.ts';
import { binary } from '../ops/elementwise.ts';
import { reduce } from '../ops/reduce.ts';
import { refuseTracing, withInput, type MatrixInput } from './decomp-support.ts';

/**
 * The diagonal of `a` over axes `axis1`, `axis2` with `offset` (NumPy's `diagonal`): a
 * READ-ONLY view (as NumPy's) whose last axis runs along the diagonal and whose other axes
 * are `a`'s others, in order. Arguments are checked by the caller.
 * @param a the array, at least 2-D
 * @param offset the diagonal: 0 main, > 0 above, < 0 below
 * @param axis1 the rows' axis
 * @param axis2 the columns' axis
 * @returns the view
 * @throws ShapeError for fewer than 2 dimensions; AxisError for an axis out of range, or equal axes
 * @example
 * diagonal(nd.array([[1, 2], [3, 4]]), 0, 0, 1).toArray(); // [1, 4]
 */
export function diagonal(a: NdArray, offset: number, axis1: number, axis2: number): NdArray {
  a.assertLive();
  if (a.ndim < 2) throw new ShapeError(`diagonal: diag requires an array of at least two dimensions, got shape ${formatShape(a.shape)}`, [a.shape]);
  const r = normalizeAxis(axis1, a.ndim);
  const c = normalizeAxis(axis2, a.ndim);
  if (r === c) throw new AxisError(axis2, a.ndim, `diagonal: axis1 and axis2 cannot be the same (both ${r})`);
  const rows = a.shape[r]!, cols = a.shape[c]!;
  const length = Math.max(0, offset >= 0 ? Math.min(rows, cols - offset) : Math.min(rows + offset, cols));
  let start = a.offset;
  if (length > 0) start += offset >= 0 ? offset * a.strides[c]! : -offset * a.strides[r]!;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (i === r || i === c) continue;
    shape.push(a.shape[i]!);
    strides.push(a.strides[i]!);
  }
  shape.push(length);
  strides.push(a.strides[r]! + a.strides[c]!);
  return newArray(a.storage, shape, strides, start, false, true);
}

/**
 * The sum along a diagonal (NumPy's `trace`): of a matrix, a number; of a stack, the array of
 * the sums over axes `axis1`, `axis2` (the other axes kept). Bool arrays count true values.
 * @param a the array, at least 2-D
 * @param offset the diagonal
 * @param axis1 the rows' axis
 * @param axis2 the columns' axis
 * @returns a number for a 2-D array, else a new array
 * @throws ShapeError for fewer than 2 dimensions; AxisError for a bad axis
 * @example
 * trace(nd.array([[1, 2], [3, 4]]), 0, 0, 1); // 5
 */
export function trace(a: NdArray, offset: number, axis1: number, axis2: number): NdArray | number {
  const d = diagonal(a, offset, axis1, axis2);
  return reduce('sum', d, -1) as NdArray | number;
}

/** An array converted from plain data whose result `r` may be a view of it: `r` then owns the memory, else the conversion is freed. */
function adopt(converted: NdArray, r: NdArray): NdArray {
  if (r.storage !== converted.storage) {
    converted.dispose();
    return r;
  }
  return newArray(r.storage, r.shape, r.strides, r.offset, true, r.readOnly);
}

/**
 * NumPy's `diag`: of a 1-D array, the 2-D array with it on diagonal `k` (size `n + |k|`,
 * zeros elsewhere, the input's dtype); of a 2-D array, its diagonal `k` as a read-only view
 * (as `a.diagonal(k)`).
 * @param v a 1-D or 2-D array (NdArray or nested data)
 * @param k the diagonal: 0 main (default), > 0 above, < 0 below
 * @returns the new 2-D array, or the 1-D view
 * @throws ShapeError for other dimensions; ArgumentError for a non-integer `k`
 * @example
 * nd.diag([1, 2]).toArray();            // [[1, 0], [0, 2]]
 * nd.diag([[1, 2], [3, 4]], 1).toArray(); // [2]
 */
export function diag(v: MatrixInput, k?: number): NdArray {
  refuseTracing('diag', arguments);
  if (arguments.length !== 1 && arguments.length !== 2) checkArity('diag', arguments, 2, 1);
  const kk = k === undefined ? 0 : checkInteger('diag', 'k', k);
  const run = (x: NdArray): NdArray => {
    if (x.ndim === 2) return diagonal(x, kk, 0, 1);
    if (x.ndim !== 1) throw new ShapeError(`diag: input must be 1- or 2-d, got shape ${formatShape(x.shape)}`, [x.shape]);
    const n = x.size + Math.abs(kk);
    const result = emptyArray([n, n], x.dtype);
    (x.dtype === 'bool' ? result.u8() : result.f64()).fill(0, result.start, result.start + n * n);
    const d = diagonal(result, kk, 0, 1);
    copyInto(x, newArray(d.storage, d.shape, d.strides, d.offset));
    return result;
  };
  if (isNdArray(v)) {
    v.assertLive();
    return run(v);
  }
  const a = array(v);
  try {
    return adopt(a, run(a));
  } catch (e) {
    a.dispose();
    throw e;
  }
}

/** tril / triu: a copy of `m` with the elements off one side of diagonal `k` zeroed (per matrix of the last two axes). */
function triangle(func: 'tril' | 'triu', args: IArguments, m: MatrixInput, k: number | undefined): NdArray {
  refuseTracing(func, args);
  if (args.length !== 1 && args.length !== 2) checkArity(func, args, 2, 1);
  const kk = k === undefined ? 0 : checkInteger(func, 'k', k);
  return withInput(m, (x) => {
    if (x.ndim === 0) throw new ShapeError(`${func}: input must be at least 1-d, got a 0-d array`, [x.shape]);
    // A 1-D input is the rows of a square matrix (NumPy broadcasts it against the mask).
    const src = x.ndim === 1 ? newArray(x.storage, [x.size, x.size], [0, x.strides[0]!], x.offset, false, true) : x;
    const result = emptyArray(src.shape, x.dtype);
    copyInto(src, result);
    const rows = src.shape[src.ndim - 2]!, cols = src.shape[src.ndim - 1]!;
    const data = x.dtype === 'bool' ? result.u8() : result.f64();
    for (let p = result.start; p < result.start + result.size; p += rows * cols) {
      for (let i = 0; i < rows; i++) {
        // tril keeps j <= i + k, triu keeps j >= i + k.
        const lo = func === 'tril' ? Math.max(0, i + kk + 1) : 0;
        const hi = func === 'tril' ? cols : Math.min(cols, Math.max(0, i + kk));
        if (lo < hi) data.fill(0, p + i * cols + lo, p + i * cols + hi);
      }
    }
    return result;
  });
}

/**
 * The lower triangle of a matrix, or of each matrix of a stack (NumPy's `tril`): a copy with
 * the elements above diagonal `k` set to zero (NaN there too), the input's dtype. A 1-D
 * input is taken as the rows of an n×n matrix, as NumPy does.
 * @param m the array, at least 1-D
 * @param k the diagonal: 0 main (default), > 0 above, < 0 below
 * @returns a new array
 * @throws ShapeError for a 0-d input; ArgumentError for a non-integer `k`
 * @example
 * nd.tril([[1, 2], [3, 4]]).toArray(); // [[1, 0], [3, 4]]
 */
export function tril(m: MatrixInput, k?: number): NdArray {
  return triangle('tril', arguments, m, k);
}

/**
 * The upper triangle of a matrix, or of each matrix of a stack (NumPy's `triu`): a copy with
 * the elements below diagonal `k` set to zero, the input's dtype; 1-D as in {@link tril}.
 * @param m the array, at least 1-D
 * @param k the diagonal: 0 main (default), > 0 above, < 0 below
 * @returns a new array
 * @throws ShapeError for a 0-d input; ArgumentError for a non-integer `k`
 * @example
 * nd.triu([[1, 2], [3, 4]], 1).toArray(); // [[0, 2], [0, 0]]
 */
export function triu(m: MatrixInput, k?: number): NdArray {
  return triangle('triu', arguments, m, k);
}

/**
 * The Kronecker product (NumPy's `kron`): blocks `a[i] · b` laid out on `a`'s grid; the
 * shorter shape is padded with leading 1s, the result's shape is the product of the shapes.
 * Two bool arrays give a bool array (logical and), as NumPy.
 * @param a the first array (NdArray or nested data)
 * @param b the second array
 * @returns a new array
 * @example
 * nd.kron([1, 10], [1, 2]).toArray(); // [1, 2, 10, 20]
 * nd.kron(nd.eye(2), [[1, 2], [3, 4]]).shape; // [4, 4]
 */
export function kron(a: MatrixInput, b: MatrixInput): NdArray {
  refuseTracing('kron', arguments);
  if (arguments.length !== 2) checkArity('kron', arguments, 2, 2);
  return withInput(a, (x) =>
    withInput(b, (y) => {
      const ndim = Math.max(x.ndim, y.ndim);
      const pad = (s: readonly number[], fill: number): number[] => [...new Array<number>(ndim - s.length).fill(fill), ...s];
      const xs = pad(x.shape, 1), xt = pad(x.strides, 0);
      const ys = pad(y.shape, 1), yt = pad(y.strides, 0);
      // x as [x0, 1, x1, 1, …] and y as [1, y0, 1, y1, …]: their product is [x0, y0, x1, y1, …].
      const xv = newArray(x.storage, xs.flatMap((d) => [d, 1]), xt.flatMap((s) => [s, 0]), x.offset, false, true);
      const yv = newArray(y.storage, ys.flatMap((d) => [1, d]), yt.flatMap((s) => [0, s]), y.offset, false, true);
      const product = binary('mul', xv, yv);
      return newArray(product.storage, xs.map((d, i) => d * ys[i]!), undefined, product.offset, true);
    }),
  );
}

/** Options of `nd.cross` (NumPy's keywords). */
export interface CrossOptions {
  /** The vectors' axis in `a`, `b` and the result at once (overrides the others). */
  axis?: number;
  /** The vectors' axis in `a` (default -1). */
  axisa?: number;
  /** The vectors' axis in `b` (default -1). */
  axisb?: number;
  /** The vectors' axis in the result (default -1). */
  axisc?: number;
}

/** A view of `x` with axis `k` moved last. */
function axisLast(x: NdArray, k: number): NdArray {
  const order = [...x.shape.keys()].filter((i) => i !== k);
  order.push(k);
  return newArray(x.storage, order.map((i) => x.shape[i]!), order.map((i) => x.strides[i]!), x.offset, false, true);
}

/**
 * The cross product of 3-vectors (and, as NumPy 2 still allows, 2-vectors) along an axis
 * (NumPy's `cross`), broadcasting the other axes: two 3-vectors give a 3-vector; a 2-vector
 * counts as having z = 0 beside a 3-vector; two 2-vectors give the z component alone (a
 * scalar per pair, no vector axis). Float64 (bool inputs as 0/1).
 * @param a the first vectors (NdArray or nested data)
 * @param b the second vectors
 * @param options `{ axis }`, or `{ axisa, axisb, axisc }` (each default -1)
 * @returns a new array
 * @throws ShapeError when a vector axis is not 2 or 3 long, or an input is 0-d; BroadcastError
 *   when the other axes do not broadcast; AxisError for an axis out of range
 * @example
 * nd.cross([1, 0, 0], [0, 1, 0]).toArray(); // [0, 0, 1]
 * nd.cross([1, 2], [3, 4]).toArray();       // -2 (a 0-d array)
 */
export function cross(a: MatrixInput, b: MatrixInput, options?: CrossOptions): NdArray {
  refuseTracing('cross', arguments);
  if (arguments.length !== 2 && arguments.length !== 3) checkArity('cross', arguments, 3, 2);
  const o = checkOptions('cross', options, ['axis', 'axisa', 'axisb', 'axisc'] as const);
  // `axis` may be null (NumPy's default None); axisa/axisb/axisc are integers when given.
  const axisOf = (key: 'axisa' | 'axisb' | 'axisc'): number => (o[key] === undefined ? -1 : (checkSingleAxis('cross', o[key], false, key) as number));
  const all = checkSingleAxis('cross', o.axis, true, 'axis');
  const axisa = all ?? axisOf('axisa');
  const axisb = all ?? axisOf('axisb');
  const axiscArg = all ?? axisOf('axisc');
  return withInput(a, (x) =>
    withInput(b, (y) => {
      if (x.ndim < 1 || y.ndim < 1) throw new ShapeError(`cross: at least one array has zero dimension (shapes ${formatShape(x.shape)} and ${formatShape(y.shape)})`, [x.shape, y.shape]);
      const xa = axisLast(x, normalizeAxis(axisa, x.ndim));
      const ya = axisLast(y, normalizeAxis(axisb, y.ndim));
      const la = xa.shape[xa.ndim - 1]!, lb = ya.shape[ya.ndim - 1]!;
      if ((la !== 2 && la !== 3) || (lb !== 2 && lb !== 3)) {
        throw new ShapeError(`cross: incompatible dimensions for cross product (dimension must be 2 or 3), got ${la} and ${lb}`, [x.shape, y.shape]);
      }
      const batch = broadcastShapes(xa.shape.slice(0, -1), ya.shape.slice(0, -1));
      const vector = la === 3 || lb === 3;
      const axisc = vector ? normalizeAxis(axiscArg, batch.length + 1) : 0;
      const xb = newArray(xa.storage, [...batch, la], broadcastStrides(xa.shape, xa.strides, [...batch, la]), xa.offset, false, true);
      const yb = newArray(ya.storage, [...batch, lb], broadcastStrides(ya.shape, ya.strides, [...batch, lb]), ya.offset, false, true);
      const u = gatherFloat64(xb), v = gatherFloat64(yb);
      const count = u.length / la;
      const result = emptyArray(vector ? [...batch, 3] : batch);
      const out = result.f64();
      const s = result.start;
      for (let q = 0; q < count; q++) {
        const a0 = u[q * la]!, a1 = u[q * la + 1]!, a2 = la === 3 ? u[q * la + 2]! : 0;
        const b0 = v[q * lb]!, b1 = v[q * lb + 1]!, b2 = lb === 3 ? v[q * lb + 2]! : 0;
        if (!vector) {
          out[s + q] = a0 * b1 - a1 * b0;
          continue;
        }
        const w = s + q * 3;
        // NumPy's formulas, with its signs where a missing component is zero.
        if (la === 2) {
          out[w] = a1 * b2;
          out[w + 1] = -(a0 * b2);
        } else if (lb === 2) {
          out[w] = -(a2 * b1);
          out[w + 1] = a2 * b0;
        } else {
          out[w] = a1 * b2 - a2 * b1;
          out[w + 1] = a2 * b0 - a0 * b2;
        }
        out[w + 2] = a0 * b1 - a1 * b0;
      }
      if (!vector || axisc === batch.length) return result;
      // The vector axis moved to axisc: a view that owns the result's memory (as NumPy's moveaxis).
      const order = [...batch.keys()];
      order.splice(axisc, 0, batch.length);
      return newArray(result.storage, order.map((i) => result.shape[i]!), order.map((i) => result.strides[i]!), 0, true);
    }),
  );
}

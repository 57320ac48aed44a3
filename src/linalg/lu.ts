/**
 * `nd.linalg` functions built on the LU factorisation with partial pivoting (LAPACK's
 * `dgetrf`/`dgetrs`, as NumPy calls them): `det`, `slogdet`, `inv`, `solve`, `matrixPower`.
 * Stacks of matrices (`[..., M, M]`) are handled one matrix at a time in one workspace
 * (src/linalg/lu-workspace.ts).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, newArray } from '../array-factory.ts';
import { checkArity, checkInteger } from '../args.ts';
import { LinAlgError, ShapeError, formatShape } from '../errors.ts';
import { broadcastShapes } from '../shape.ts';
import { matmul } from '../ops/linalg.ts';
import { assertStacked2d, assertStackedSquare, batchCount, refuseTracing, withInput, type MatrixInput } from './decomp-support.ts';
import { LuWorkspace, batchOffsets, denseOf } from './lu-workspace.ts';

/** NumPy's message for a zero pivot, with where it was found. */
function singular(func: string, a: NdArray, step: number): LinAlgError {
  return new LinAlgError(`${func}: Singular matrix (exact zero pivot at step ${step} of the LU factorisation of ${formatShape(a.shape)})`, a.shape);
}

/** Checks a stack of square matrices; returns its order. */
function squareOrder(a: NdArray): number {
  assertStacked2d(a);
  assertStackedSquare(a);
  return a.shape[a.ndim - 1]!;
}

/**
 * Sign and log|det| of each matrix of a stack, as NumPy's `slogdet` computes them: LU,
 * sign from the row swaps and the signs of U's diagonal, log|det| the sum of log|u_ii|; a
 * zero pivot gives sign 0 and log|det| -Infinity.
 */
function signLogdets(a: NdArray): { signs: Float64Array; logs: Float64Array } {
  const n = squareOrder(a);
  const count = batchCount(a.shape);
  const signs = new Float64Array(count);
  const logs = new Float64Array(count);
  const ws = new LuWorkspace(n, 0);
  try {
    const src = denseOf(a);
    const { buf, piv, pivOff } = ws;
    for (let q = 0; q < count; q++) {
      const s = src.start + q * n * n;
      buf.set(src.data.subarray(s, s + n * n), ws.a);
      if (ws.factor() !== 0) {
        signs[q] = 0;
        logs[q] = -Infinity;
        continue;
      }
      let sign = 1;
      for (let i = 0; i < n; i++) if (piv[pivOff + i] !== i) sign = -sign;
      let acc = 0;
      for (let i = 0; i < n; i++) {
        let d = buf[ws.a + i * n + i]!;
        if (d < 0) {
          sign = -sign;
          d = -d;
        }
        acc += Math.log(d);
      }
      signs[q] = sign;
      logs[q] = acc;
    }
  } finally {
    ws.dispose();
  }
  return { signs, logs };
}

/** A new array of `shape` holding `values`. */
function arrayOf(shape: readonly number[], values: Float64Array): NdArray {
  const r = emptyArray(shape);
  r.f64().set(values, r.start);
  return r;
}

/**
 * The determinant of a square matrix, or of each matrix of a stack (NumPy's
 * `linalg.det`): from the LU factorisation, as `sign · exp(logabsdet)` exactly as NumPy
 * computes it (so `det([[1, 2], [3, 4]])` is -2.0000000000000004 there and here). A
 * singular matrix gives 0; NaN propagates.
 * @param a a matrix `[M, M]` or a stack `[..., M, M]` (NdArray or nested data)
 * @returns a number for one matrix, else an array of the stack's shape
 * @throws LinAlgError when `a` is not at least 2-D or its matrices are not square
 * @example
 * nd.linalg.det([[2, 0], [0, 3]]); // 6.000000000000001 (NumPy gives the same)
 * nd.linalg.det(nd.zeros([0, 0])); // 1
 */
export function det(a: MatrixInput): NdArray | number {
  refuseTracing('linalg.det', arguments);
  if (arguments.length !== 1) checkArity('linalg.det', arguments, 1, 1);
  return withInput(a, (x) => {
    const { signs, logs } = signLogdets(x);
    const dets = signs.map((s, i) => s * Math.exp(logs[i]!));
    return x.ndim === 2 ? dets[0]! : arrayOf(x.shape.slice(0, -2), dets);
  });
}

/**
 * Sign and natural log of the absolute determinant (NumPy's `linalg.slogdet`), which do not
 * overflow where `det` would: `det = sign · exp(logabsdet)`. A singular matrix gives
 * `[0, -Infinity]`.
 * @param a a matrix `[M, M]` or a stack `[..., M, M]`
 * @returns `[sign, logabsdet]`: numbers for one matrix, else two arrays of the stack's shape
 * @throws LinAlgError when `a` is not at least 2-D or its matrices are not square
 * @example
 * nd.linalg.slogdet([[1, 2], [3, 4]]); // [-1, 0.6931471805599455]
 */
export function slogdet(a: MatrixInput): [NdArray, NdArray] | [number, number] {
  refuseTracing('linalg.slogdet', arguments);
  if (arguments.length !== 1) checkArity('linalg.slogdet', arguments, 1, 1);
  return withInput(a, (x) => {
    const { signs, logs } = signLogdets(x);
    if (x.ndim === 2) return [signs[0]!, logs[0]!] as [number, number];
    const batch = x.shape.slice(0, -2);
    const sign = arrayOf(batch, signs);
    try {
      return [sign, arrayOf(batch, logs)] as [NdArray, NdArray];
    } catch (e) {
      sign.dispose();
      throw e;
    }
  });
}

/**
 * Solves `a · x = b` for each matrix of the stack `a` against `b` (rows of `b` are the
 * equations), or inverts each (`identity`), writing into `result` (C order, `[...batch, n, k]`).
 */
function solveInto(func: string, a: NdArray, b: NdArray, result: NdArray, batch: readonly number[], n: number, k: number, identity: boolean): void {
  const ws = new LuWorkspace(n, k);
  try {
    const aBatch = a.shape.slice(0, -2);
    const aOffsets = batchOffsets(batch, aBatch, n * n);
    const bBatch = identity ? [] : b.shape.slice(0, b.ndim === 1 ? 0 : -2);
    const bOffsets = identity ? null : batchOffsets(batch, bBatch, n * k);
    const src = denseOf(a);
    const rhs = identity ? null : denseOf(b);
    const { buf } = ws;
    const out = result.f64();
    for (let q = 0; q < aOffsets.length; q++) {
      const s = src.start + aOffsets[q]!;
      buf.set(src.data.subarray(s, s + n * n), ws.a);
      const info = ws.factor();
      if (info !== 0) throw singular(func, a, info - 1);
      if (rhs === null) ws.invert();
      else {
        const t = rhs.start + bOffsets![q]!;
        buf.set(rhs.data.subarray(t, t + n * k), ws.b);
        ws.solve();
      }
      out.set(buf.subarray(ws.b, ws.b + n * k), result.start + q * n * k);
    }
  } finally {
    ws.dispose();
  }
}

/**
 * The inverse of a square matrix, or of each matrix of a stack (NumPy's `linalg.inv`): from
 * the LU factorisation, as `U⁻¹·L⁻¹·P` (LAPACK `dgetri`'s route: 2n³ flops, where NumPy's
 * solve against I takes 8n³/3); singular exactly where NumPy's is.
 * @param a a matrix `[M, M]` or a stack `[..., M, M]`
 * @returns a new array of `a`'s shape
 * @throws LinAlgError for a singular matrix (an exactly zero pivot), or when `a` is not at
 *   least 2-D or its matrices are not square
 * @example
 * nd.linalg.inv([[4, 7], [2, 6]]).toArray(); // [[0.6, -0.7], [-0.2, 0.4]] (to rounding)
 */
export function inv(a: MatrixInput): NdArray {
  refuseTracing('linalg.inv', arguments);
  if (arguments.length !== 1) checkArity('linalg.inv', arguments, 1, 1);
  return withInput(a, (x) => {
    const n = squareOrder(x);
    const result = emptyArray(x.shape);
    try {
      if (result.size > 0) solveInto('linalg.inv', x, x, result, x.shape.slice(0, -2), n, n, true);
    } catch (e) {
      result.dispose();
      throw e;
    }
    return result;
  });
}

/**
 * Solves the linear system `a · x = b` (NumPy 2's `linalg.solve`): `a` is `[..., M, M]`;
 * a 1-D `b` of shape `[M]` is one right-hand side (the result is `[..., M]`), any other `b`
 * is a stack `[..., M, K]` of K right-hand sides whose leading axes broadcast against `a`'s
 * (the result is `[...broadcast, M, K]`). LU with partial pivoting, as LAPACK's `dgesv`.
 * @param a the coefficient matrices
 * @param b the right-hand sides
 * @returns the solution, a new array
 * @throws LinAlgError for a singular matrix (an exactly zero pivot) or when `a` is not a
 *   stack of square matrices; ShapeError when `b`'s shape does not fit
 * @example
 * nd.linalg.solve([[3, 1], [1, 2]], [9, 8]).toArray(); // [2, 3] (to rounding)
 */
export function solve(a: MatrixInput, b: MatrixInput): NdArray {
  refuseTracing('linalg.solve', arguments);
  if (arguments.length !== 2) checkArity('linalg.solve', arguments, 2, 2);
  return withInput(a, (x) =>
    withInput(b, (y) => {
      const n = squareOrder(x);
      const vector = y.ndim === 1;
      if (y.ndim === 0 || y.shape[y.ndim - (vector ? 1 : 2)] !== n) {
        throw new ShapeError(
          `linalg.solve: b of shape ${formatShape(y.shape)} does not fit a of shape ${formatShape(x.shape)}: b must be [${n}] or [..., ${n}, K]`,
          [x.shape, y.shape],
        );
      }
      const k = vector ? 1 : y.shape[y.ndim - 1]!;
      let batch: number[];
      try {
        batch = broadcastShapes(x.shape.slice(0, -2), vector ? [] : y.shape.slice(0, -2));
      } catch {
        throw new ShapeError(`linalg.solve: the stacks of a ${formatShape(x.shape)} and b ${formatShape(y.shape)} do not broadcast`, [x.shape, y.shape]);
      }
      const result = emptyArray(vector ? [...batch, n] : [...batch, n, k]);
      try {
        if (result.size > 0) solveInto('linalg.solve', x, y, result, batch, n, k, false);
        // no right-hand side (K = 0): NumPy still factors a, and raises for a singular one
        else if (k === 0 && n > 0 && batchCount(batch) > 0) inv(x).dispose();
      } catch (e) {
        result.dispose();
        throw e;
      }
      return result;
    }),
  );
}

/** Matrix products of two stacks of the same shape `[..., n, n]`, one matrix at a time. */
function matmulStack(x: NdArray, y: NdArray): NdArray {
  if (x.ndim === 2) return matmul(x, y) as NdArray;
  const n = x.shape[x.ndim - 1]!;
  const result = emptyArray(x.shape);
  try {
    const count = batchCount(x.shape);
    for (let q = 0; q < count; q++) {
      const xs = newArray(x.storage, [n, n], x.strides.slice(-2), x.offset + q * n * n);
      const ys = newArray(y.storage, [n, n], y.strides.slice(-2), y.offset + q * n * n);
      const p = matmul(xs, ys) as NdArray;
      result.f64().set(p.f64().subarray(p.start, p.start + n * n), result.start + q * n * n);
      p.dispose();
    }
  } catch (e) {
    result.dispose();
    throw e;
  }
  return result;
}

/**
 * Raises a square matrix (or each of a stack) to the integer power `n` (NumPy's
 * `linalg.matrix_power`): repeated squaring; `n = 0` gives the identity, a negative `n`
 * the power of the inverse. Unlike NumPy, `n = 1` returns a copy, never `a` itself; a bool
 * matrix is multiplied as 0/1 float64.
 * @param a a matrix `[M, M]` or a stack `[..., M, M]`
 * @param n the exponent, an integer
 * @returns a new array of `a`'s shape
 * @throws LinAlgError when `a` is not a stack of square matrices, or (n < 0) is singular;
 *   ArgumentError when `n` is not an integer
 * @example
 * nd.linalg.matrixPower([[1, 1], [1, 0]], 5).toArray(); // [[8, 5], [5, 3]]
 */
export function matrixPower(a: MatrixInput, n: number): NdArray {
  refuseTracing('linalg.matrixPower', arguments);
  if (arguments.length !== 2) checkArity('linalg.matrixPower', arguments, 2, 2);
  let e = checkInteger('linalg.matrixPower', 'n', n);
  return withInput(a, (x) => {
    const m = squareOrder(x);
    if (e === 0) {
      const r = emptyArray(x.shape);
      const d = r.f64();
      d.fill(0, r.start, r.start + r.size);
      for (let q = r.start; q < r.start + r.size; q += m * m) for (let i = 0; i < m; i++) d[q + i * (m + 1)] = 1;
      return r;
    }
    // A stack made contiguous float64 once (bool becomes 0/1; strided views copied).
    let base: NdArray;
    if (e < 0) {
      base = inv(x);
      e = -e;
    } else {
      base = emptyArray(x.shape);
      const src = denseOf(x);
      base.f64().set(src.data.subarray(src.start, src.start + x.size), base.start);
    }
    if (e === 1 || x.size === 0) return base;
    let z: NdArray | null = null;
    let result: NdArray | null = null;
    try {
      while (e > 0) {
        const next: NdArray = z === null ? base : matmulStack(z, z);
        if (z !== null && z !== result) z.dispose();
        z = next;
        const bit = e % 2;
        e = Math.floor(e / 2);
        if (bit === 1) {
          const prev: NdArray | null = result;
          result = prev === null ? z : matmulStack(prev, z);
          if (prev !== null && prev !== z) prev.dispose();
        }
      }
      if (z !== null && z !== result) z.dispose();
      if (base !== result && base !== z && !base.isDisposed) base.dispose();
      return result!;
    } catch (err) {
      for (const t of [z, result, base]) t?.dispose();
      throw err;
    }
  });
}

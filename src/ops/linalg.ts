/**
 * Matrix products: `matmul` (also `a.dot(b)`) for vectors and matrices; beyond 2-D, NumPy's
 * `dot` rule (`dotNd`, one gemm over gathered copies) and NumPy's `matmul` over broadcast stacks
 * (`matmulStacked`, one gemm per matrix of the batch, on JS: the WASM kernels serve 1-D/2-D).
 *
 * Contiguous float64 operands in the arena, big enough, run on the WASM kernels
 * (src/ops/reduce-wasm.ts); otherwise, on JS: 2-D×2-D works on C-contiguous operands (copies where the inputs are strided) in i-k-j
 * order, blocked over k and j so a panel of `b` stays in cache, four rows of `a` at a time so
 * each loaded element of `b` serves four outputs.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray, newArray } from '../array-factory.ts';
import { ShapeError, formatShape } from '../errors.ts';
import { broadcastShapes, broadcastStrides, contiguousStrides } from '../shape.ts';
import { binary } from './elementwise.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { tryWasmMatmul } from './reduce-wasm.ts';

/** A float64 matrix in C order: `data[start + i*cols + j]`. */
interface DenseMatrix {
  data: Float64Array;
  start: number;
}

/** The array's data as a C-order block: its own view when contiguous float64, else a copy. */
function dense(a: NdArray): DenseMatrix {
  if (a.dtype === 'float64' && a.isContiguous) return { data: a.f64(), start: a.start };
  return { data: gatherFloat64(a), start: 0 };
}

/** Dot product of two strided vectors of length `n`, 4 partial sums. */
function dotStrided(x: Float64Array, p: number, sx: number, y: Float64Array, q: number, sy: number, n: number): number {
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4, p += 4 * sx, q += 4 * sy) {
    r0 += x[p]! * y[q]!;
    r1 += x[p + sx]! * y[q + sy]!;
    r2 += x[p + 2 * sx]! * y[q + 2 * sy]!;
    r3 += x[p + 3 * sx]! * y[q + 3 * sy]!;
  }
  for (; i < n; i++, p += sx, q += sy) r0 += x[p]! * y[q]!;
  return (r0 + r1) + (r2 + r3);
}

/** A scalar read from a float64 or bool 1-D operand: the view and its step. */
function vectorOf(a: NdArray): { data: Float64Array; start: number; step: number } {
  if (a.dtype === 'float64') return { data: a.f64(), start: a.start, step: a.strides[0]! };
  return { data: gatherFloat64(a), start: 0, step: 1 };
}

const BLOCK_K = 128;
const BLOCK_J = 512;

/**
 * C[m×n] = A[m×k] · B[k×n], all C order; `c` must be zeroed.
 */
function gemm(a: DenseMatrix, b: DenseMatrix, c: Float64Array, cs: number, m: number, k: number, n: number): void {
  const A = a.data, B = b.data;
  const as = a.start, bs = b.start;
  for (let j0 = 0; j0 < n; j0 += BLOCK_J) {
    const j1 = Math.min(n, j0 + BLOCK_J);
    for (let k0 = 0; k0 < k; k0 += BLOCK_K) {
      const k1 = Math.min(k, k0 + BLOCK_K);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const c0 = cs + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        const a0 = as + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (let kk = k0; kk < k1; kk++) {
          const x0 = A[a0 + kk]!, x1 = A[a1 + kk]!, x2 = A[a2 + kk]!, x3 = A[a3 + kk]!;
          const brow = bs + kk * n;
          for (let j = j0; j < j1; j++) {
            const y = B[brow + j]!;
            c[c0 + j] += x0 * y;
            c[c1 + j] += x1 * y;
            c[c2 + j] += x2 * y;
            c[c3 + j] += x3 * y;
          }
        }
      }
      for (; i < m; i++) {
        const c0 = cs + i * n;
        const a0 = as + i * k;
        for (let kk = k0; kk < k1; kk++) {
          const x0 = A[a0 + kk]!;
          const brow = bs + kk * n;
          for (let j = j0; j < j1; j++) c[c0 + j] += x0 * B[brow + j]!;
        }
      }
    }
  }
}

/**
 * Matrix product, NumPy's `dot` (and `matmul` for 1-D and 2-D operands): vector·vector (a
 * number), matrix×matrix, matrix×vector and vector×matrix (arrays); a 0-d operand multiplies
 * element-wise, and N-D operands follow `dot`'s rule (the sum over the last axis of `a` and
 * the second-to-last of `b`: shape `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`). Inputs may
 * be any views (transposed, sliced, broadcast); bool operands count as 0/1.
 * @param a left operand
 * @param b right operand
 * @returns a number for two vectors, else a new float64 array
 * @throws ShapeError when the inner dimensions differ (`matmul: shapes [2,3] and [4,2] not
 *   aligned`)
 * @example
 * matmul(nd.array([[1, 2], [3, 4]]), nd.array([5, 6])); // array([17, 39])
 * matmul(nd.array([1, 2]), nd.array([3, 4]));            // 11
 */
export function matmul(a: NdArray, b: NdArray): NdArray | number {
  if (a.ndim < 1 || a.ndim > 2 || b.ndim < 1 || b.ndim > 2) return dotNd(a, b);
  const inner = a.shape[a.ndim - 1]!;
  if (inner !== b.shape[0]) {
    throw new ShapeError(`matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned`, [a.shape, b.shape]);
  }
  const k = inner;
  a.assertLive();
  b.assertLive();
  if (a.ndim === 1 && b.ndim === 1) {
    const fast = tryWasmMatmul(a, b, null);
    if (fast !== null) return fast as number;
    const x = vectorOf(a);
    const y = vectorOf(b);
    return dotStrided(x.data, x.start, x.step, y.data, y.start, y.step, k);
  }
  if (a.ndim === 2 && b.ndim === 1) {
    const m = a.shape[0]!;
    const result = emptyArray([m]);
    if (tryWasmMatmul(a, b, result) === true) return result;
    const out = result.f64();
    const A = dense(a);
    const y = vectorOf(b);
    for (let i = 0; i < m; i++) out[result.start + i] = dotStrided(A.data, A.start + i * k, 1, y.data, y.start, y.step, k);
    return result;
  }
  const n = b.shape[1]!;
  const m = a.ndim === 2 ? a.shape[0]! : 1;
  const result = emptyArray(a.ndim === 2 ? [m, n] : [n]);
  if (tryWasmMatmul(a, b, result) === true) return result;
  result.storage.fill0();
  if (result.size === 0) return result;
  const out = result.f64();
  // A 1-D left operand is a 1×k matrix: its contiguous copy (or view) serves as one.
  const A = dense(a);
  gemm(A, dense(b), out, result.start, m, k, n);
  return result;
}


/** Inner-dimension check shared by `dotNd` and `matmulStacked`. */
function aligned(name: string, a: NdArray, b: NdArray, ka: number, kb: number): void {
  if (ka !== kb) throw new ShapeError(`${name}: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned`, [a.shape, b.shape]);
}

/**
 * NumPy's `dot` beyond 2-D: a 0-d operand multiplies element-wise; else the sum over the last
 * axis of `a` and the second-to-last axis of `b` (the only one of a 1-D `b`), as one gemm of `a`
 * read as `[a.size / K, K]` by `b` with that axis moved first, read as `[K, b.size / K]`.
 */
function dotNd(a: NdArray, b: NdArray): NdArray {
  a.assertLive();
  b.assertLive();
  if (a.ndim === 0 || b.ndim === 0) return binary('mul', a, b);
  const k = a.shape[a.ndim - 1]!;
  const bk = b.ndim === 1 ? 0 : b.ndim - 2;
  aligned('dot', a, b, k, b.shape[bk]!);
  const rest = b.shape.filter((_, i) => i !== bk);
  const outShape = [...a.shape.slice(0, -1), ...rest];
  const result = emptyArray(outShape);
  result.storage.fill0();
  if (result.size === 0 || k === 0) return result;
  const m = a.size / k;
  const n = b.size / k;
  const perm = [bk, ...b.shape.map((_, i) => i).filter((i) => i !== bk)];
  const bt = newArray(b.storage, perm.map((i) => b.shape[i]!), perm.map((i) => b.strides[i]!), b.offset);
  gemm({ data: gatherFloat64(a), start: 0 }, { data: gatherFloat64(bt), start: 0 }, result.f64(), result.start, m, k, n);
  return result;
}

/**
 * NumPy's `matmul` for any operands of at least one dimension: stacks of matrices in the last
 * two axes, their leading (batch) axes broadcast; a 1-D `a` is a row `[1, K]` and a 1-D `b` a
 * column `[K, 1]`, the added axis removed from the result (two vectors give a number).
 * @param a left operand, at least 1-D
 * @param b right operand, at least 1-D
 * @returns a number for two vectors, else a new float64 array `[...batch, M, N]`
 * @throws ShapeError for a 0-d operand or inner dimensions that differ; BroadcastError when
 *   the batch axes do not broadcast
 * @example
 * matmulStacked(nd.ones([2, 2, 3]), nd.ones([3, 4])).shape; // [2, 2, 4]
 */
export function matmulStacked(a: NdArray, b: NdArray): NdArray | number {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError(`matmul: operands must be at least 1-D, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`, [a.shape, b.shape]);
  }
  if (a.ndim <= 2 && b.ndim <= 2) return matmul(a, b);
  a.assertLive();
  b.assertLive();
  const as = a.ndim === 1 ? [1, a.shape[0]!] : a.shape;
  const bs = b.ndim === 1 ? [b.shape[0]!, 1] : b.shape;
  const m = as[as.length - 2]!, k = as[as.length - 1]!, n = bs[bs.length - 1]!;
  aligned('matmul', a, b, k, bs[bs.length - 2]!);
  const ab = as.slice(0, -2), bb = bs.slice(0, -2);
  const batch = broadcastShapes(ab, bb);
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [m]), ...(b.ndim === 1 ? [] : [n])];
  const result = emptyArray(outShape);
  result.storage.fill0();
  if (result.size === 0 || k === 0) return result;
  const A = gatherFloat64(a), B = gatherFloat64(b);
  const out = result.f64();
  // C-order matrix strides of each operand's own batch axes, 0 where it broadcasts
  const step = (own: number[], size: number): number[] => broadcastStrides(own, contiguousStrides(own).map((s) => s * size), batch);
  const sa = step(ab, m * k), sb = step(bb, k * n);
  const count = result.size / (m * n);
  const idx = new Array<number>(batch.length).fill(0);
  for (let q = 0; q < count; q++) {
    let oa = 0, ob = 0;
    for (let d = 0; d < batch.length; d++) (oa += idx[d]! * sa[d]!), (ob += idx[d]! * sb[d]!);
    gemm({ data: A, start: oa }, { data: B, start: ob }, out, result.start + q * m * n, m, k, n);
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++idx[d]! < batch[d]!) break;
      idx[d] = 0;
    }
  }
  return result;
}

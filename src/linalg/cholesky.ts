/**
 * `nd.linalg.cholesky`: the lower Cholesky factor of symmetric positive-definite matrices
 * (LAPACK's `dpotrf` with uplo 'L', as NumPy calls it).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { checkArity, checkBoolean, checkOptions } from '../args.ts';
import { LinAlgError, formatShape } from '../errors.ts';
import { assertStacked2d, assertStackedSquare, batchCount, refuseTracing, withInput, type MatrixInput } from './decomp-support.ts';
import { LuWorkspace, denseOf } from './lu-workspace.ts';

/** Options of `nd.linalg.cholesky`. */
export interface CholeskyOptions {
  /** Return the upper factor `U = Lᵀ` (`a = Uᵀ·U`) instead of the lower one (NumPy 2's `upper`). Default false. */
  upper?: boolean;
}

/**
 * The Cholesky factor `L` of a symmetric positive-definite matrix, `a = L·Lᵀ` with `L`
 * lower triangular (NumPy's `linalg.cholesky`); batched over a stack `[..., M, M]`. Only
 * the lower triangle of `a` is read (as NumPy: symmetry is not checked); the result has
 * zeros above the diagonal. `{ upper: true }` returns `Lᵀ` and reads the upper triangle.
 * @param a a matrix `[M, M]` or a stack `[..., M, M]`
 * @param options `{ upper }` (default false)
 * @returns a new array of `a`'s shape
 * @throws LinAlgError when a matrix is not positive definite (a pivot ≤ 0, NumPy's
 *   "Matrix is not positive definite"), or `a` is not a stack of square matrices
 * @example
 * nd.linalg.cholesky([[4, 2], [2, 3]]).toArray(); // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(a: MatrixInput, options?: CholeskyOptions): NdArray {
  refuseTracing('linalg.cholesky', arguments);
  if (arguments.length !== 1 && arguments.length !== 2) checkArity('linalg.cholesky', arguments, 2, 1);
  const o = checkOptions('linalg.cholesky', options, ['upper'] as const);
  const upper = checkBoolean('linalg.cholesky', 'upper', o.upper, false);
  return withInput(a, (x) => {
    assertStacked2d(x);
    assertStackedSquare(x);
    const n = x.shape[x.ndim - 1]!;
    const result = emptyArray(x.shape);
    if (result.size === 0) return result;
    const ws = new LuWorkspace(n, 0);
    try {
      const src = denseOf(x);
      const out = result.f64();
      const { buf } = ws;
      const count = batchCount(x.shape);
      for (let q = 0; q < count; q++) {
        const s = src.start + q * n * n;
        if (upper) {
          // The upper triangle of a, transposed, is the lower triangle of aᵀ.
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) buf[ws.a + i * n + j] = src.data[s + j * n + i]!;
        } else buf.set(src.data.subarray(s, s + n * n), ws.a);
        const info = ws.cholesky();
        if (info !== 0) {
          throw new LinAlgError(
            `linalg.cholesky: Matrix is not positive definite (pivot ${info - 1} of ${formatShape(x.shape)} is not positive)`,
            x.shape,
          );
        }
        const d = result.start + q * n * n;
        if (upper) {
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[d + i * n + j] = buf[ws.a + j * n + i]!;
        } else out.set(buf.subarray(ws.a, ws.a + n * n), d);
      }
    } catch (e) {
      result.dispose();
      throw e;
    } finally {
      ws.dispose();
    }
    return result;
  });
}

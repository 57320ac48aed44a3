/**
 * `nd.linalg.eigh` and `eigvalsh`: eigenvalues (ascending) and eigenvectors of symmetric
 * matrices by cyclic two-sided Jacobi. Only the triangle `UPLO` names is read, as NumPy.
 * Jacobi is slower than LAPACK's tridiagonal QR (several sweeps of O(n³)) but accurate
 * (eigenvalues to O(ε‖A‖), vectors orthogonal to O(nε)) and simple; each sweep is one WASM
 * call (`eigh_jacobi_sweep`, f64x2 row rotations) or its JS reference. The matrix is scaled
 * by a power of two first.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { checkArity, checkChoice } from '../args.ts';
import { LinAlgError, formatShape } from '../errors.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import {
  Workspace,
  allocateResults,
  assertStacked2d,
  assertStackedSquare,
  batchCount,
  powerOfTwoScale,
  refuseTracing,
  withInput,
  type MatrixInput,
} from './decomp-support.ts';

/** Most Jacobi sweeps before the eigenvalues count as not converging. */
const MAX_SWEEPS = 100;

/** Which triangle of the matrix `eigh` reads: lower (default) or upper. */
export type Uplo = 'L' | 'U';

/**
 * @internal Eigen-decomposition of every symmetric matrix of `a` (at least 2-D, square):
 * `[w]` or `[w, v]` (w ascending, v's columns the eigenvectors).
 */
export function eighStack(a: NdArray, uplo: Uplo, vectors: boolean): NdArray[] {
  assertStacked2d(a);
  assertStackedSquare(a);
  const n = a.shape[a.ndim - 1]!;
  const lead = a.shape.slice(0, -2);
  const src = gatherFloat64(a);
  const batches = batchCount(a.shape);
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const x = uplo === 'L' ? src[b * n * n + i * n + j]! : src[b * n * n + j * n + i]!;
        if (!Number.isFinite(x)) {
          throw new LinAlgError(`Eigenvalues did not converge (the matrix of shape ${formatShape(a.shape)} holds ${x})`, a.shape);
        }
      }
    }
  }
  const results = allocateResults(vectors ? [[...lead, n], [...lead, n, n]] : [[...lead, n]]);
  let ws: Workspace | null = null;
  try {
    ws = new Workspace(2 * n * n);
    const buf = ws.buf, base = ws.base;
    const A = base, V = base + n * n;
    const wOut = results[0]!;
    const wData = wOut.f64();
    const vOut = vectors ? results[1]! : null;
    const vData = vOut === null ? null : vOut.f64();
    const diag = new Float64Array(n);
    for (let b = 0; b < batches; b++) {
      const s0 = b * n * n;
      let maxAbs = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) maxAbs = Math.max(maxAbs, Math.abs(uplo === 'L' ? src[s0 + i * n + j]! : src[s0 + j * n + i]!));
      }
      const scale = powerOfTwoScale(maxAbs);
      let fro = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const x = (uplo === 'L' ? src[s0 + i * n + j]! : src[s0 + j * n + i]!) * scale;
          buf[A + i * n + j] = x;
          buf[A + j * n + i] = x;
          fro += (i === j ? 1 : 2) * x * x;
        }
      }
      buf.fill(0, V, V + n * n);
      for (let i = 0; i < n; i++) buf[V + i * n + i] = 1;
      // Below this an off-diagonal entry moves no eigenvalue by a representable amount.
      const floor = Math.sqrt(fro) * 1e-300;
      let sweeps = 0;
      while (ws.kernels.eighSweep(A, n, V, floor, vectors) > 0) {
        if (++sweeps >= MAX_SWEEPS) throw new LinAlgError('Eigenvalues did not converge', a.shape);
      }
      for (let i = 0; i < n; i++) diag[i] = buf[A + i * n + i]!;
      const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => diag[i]! - diag[j]! || i - j);
      for (let i = 0; i < n; i++) wData[wOut.start + b * n + i] = diag[order[i]!]! / scale;
      if (vOut !== null && vData !== null) {
        // v[r][i] = eigenvector i (row order[i] of V), entry r.
        let p = vOut.start + b * n * n;
        for (let r = 0; r < n; r++) for (let i = 0; i < n; i++) vData[p++] = buf[V + order[i]! * n + r]!;
      }
    }
  } catch (e) {
    for (const r of results) r.dispose();
    throw e;
  } finally {
    ws?.dispose();
  }
  return results;
}

/**
 * Eigenvalues and eigenvectors of symmetric matrices, NumPy's `np.linalg.eigh`: for each
 * matrix of a stack, `a·v[:, i] = w[i]·v[:, i]`, w ascending, v orthogonal. Only the lower
 * (`'L'`, default) or upper (`'U'`) triangle is read. Eigenvector signs may differ from
 * NumPy's. Non-finite entries in that triangle throw LinAlgError ("Eigenvalues did not
 * converge", as NumPy does for some of them).
 * @param a square matrix (…, N, N): an NdArray or nested numbers
 * @param UPLO `'L'` or `'U'`
 * @returns `[w, v]`: w (…, N), v (…, N, N)
 * @throws LinAlgError for fewer than 2 dimensions, non-square matrices, non-finite entries
 * @example
 * const [w, v] = nd.linalg.eigh([[2, 1], [1, 2]]);
 * w.toArray(); // [1, 3]
 */
export function eigh(a: MatrixInput, UPLO?: Uplo): [NdArray, NdArray] {
  refuseTracing('linalg.eigh', arguments);
  checkArity('linalg.eigh', arguments, 2, 1);
  const uplo = UPLO === undefined ? 'L' : checkChoice('linalg.eigh', 'UPLO', UPLO, ['L', 'U'] as const);
  return withInput(a, (x) => {
    const r = eighStack(x, uplo, true);
    return [r[0]!, r[1]!];
  });
}

/**
 * Eigenvalues of symmetric matrices, NumPy's `np.linalg.eigvalsh`: as {@link eigh} without
 * the vectors.
 * @param a square matrix (…, N, N): an NdArray or nested numbers
 * @param UPLO `'L'` (default) or `'U'`: the triangle read
 * @returns w (…, N), ascending
 * @throws LinAlgError for fewer than 2 dimensions, non-square matrices, non-finite entries
 * @example
 * nd.linalg.eigvalsh([[2, 1], [1, 2]]).toArray(); // [1, 3]
 */
export function eigvalsh(a: MatrixInput, UPLO?: Uplo): NdArray {
  refuseTracing('linalg.eigvalsh', arguments);
  checkArity('linalg.eigvalsh', arguments, 2, 1);
  const uplo = UPLO === undefined ? 'L' : checkChoice('linalg.eigvalsh', 'UPLO', UPLO, ['L', 'U'] as const);
  return withInput(a, (x) => eighStack(x, uplo, false)[0]!);
}

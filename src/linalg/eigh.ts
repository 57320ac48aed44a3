/**
 * `nd.linalg.eigh` and `eigvalsh`: eigenvalues (ascending) and eigenvectors of symmetric
 * matrices, as LAPACK's classic path: Householder reduction to tridiagonal form (EISPACK
 * tred2) and implicit QL with shifts (tql2), backward stable (eigenvalues to O(ε‖A‖), vectors
 * orthogonal to O(nε)). Only the triangle `UPLO` names is read, as NumPy. The matrix is held
 * transposed so every O(n³) loop runs along contiguous rows: the tridiag_* kernels and
 * rotate_rows (WASM f64x2, or their JS reference). It is scaled by a power of two first.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { checkArity, checkChoice } from '../args.ts';
import { LinAlgError, formatShape } from '../errors.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { EPS } from '../kernels/js-decomp.ts';
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

/** Most implicit QL iterations for one eigenvalue before the eigenvalues count as not converging. */
const MAX_QL_ITERATIONS = 60;

/**
 * Householder tridiagonalisation (EISPACK tred2) of the symmetric n×n matrix at `w`, both
 * triangles filled, then implicit QL with Wilkinson-like shifts (tql2), as JAMA's port of
 * EISPACK, held transposed (W = Vᵀ) so every inner loop runs along a contiguous row: the hot
 * loops are the tridiag_* and rotate_rows kernels. On return d holds the eigenvalues
 * (unsorted) and, when `vectors`, row j of W the eigenvector of d[j]. @internal (svd.ts
 * uses it to precondition Jacobi.)
 * @returns false when QL did not converge
 */
export function tridiagonalEigen(ws: Workspace, w: number, n: number, d: number, e: number, vectors: boolean): boolean {
  if (n === 0) return true;
  const buf = ws.buf;
  const K = ws.kernels;
  const W = (j: number, k: number): number => w + j * n + k;
  for (let j = 0; j < n; j++) buf[d + j] = buf[W(j, n - 1)]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(buf[d + k]!);
    if (scale === 0) {
      buf[e + i] = buf[d + i - 1]!;
      for (let j = 0; j < i; j++) {
        buf[d + j] = buf[W(j, i - 1)]!;
        buf[W(j, i)] = 0;
        buf[W(i, j)] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        buf[d + k] = buf[d + k]! / scale;
        h += buf[d + k]! * buf[d + k]!;
      }
      const f = buf[d + i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      buf[e + i] = scale * g;
      h -= f * g;
      buf[d + i - 1] = f - g;
      buf.fill(0, e, e + i);
      K.tridiagSimilarity(w, n, i, d, e);
      let ff = 0;
      for (let j = 0; j < i; j++) {
        buf[e + j] = buf[e + j]! / h;
        ff += buf[e + j]! * buf[d + j]!;
      }
      const hh = ff / (h + h);
      for (let j = 0; j < i; j++) buf[e + j] = buf[e + j]! - hh * buf[d + j]!;
      K.tridiagRank2(w, n, i, d, e);
    }
    buf[d + i] = h;
  }
  if (vectors) {
    for (let i = 0; i < n - 1; i++) {
      buf[W(i, n - 1)] = buf[W(i, i)]!;
      buf[W(i, i)] = 1;
      const h = buf[d + i + 1]!;
      if (h !== 0) {
        for (let k = 0; k <= i; k++) buf[d + k] = buf[W(i + 1, k)]! / h;
        K.tridiagAccumulate(w, n, i, d);
      }
      for (let k = 0; k <= i; k++) buf[W(i + 1, k)] = 0;
    }
    for (let j = 0; j < n; j++) {
      buf[d + j] = buf[W(j, n - 1)]!;
      buf[W(j, n - 1)] = 0;
    }
    buf[W(n - 1, n - 1)] = 1;
  } else {
    for (let j = 0; j < n; j++) buf[d + j] = buf[W(j, j)]!;
  }
  buf[e] = 0;
  // tql2: implicit QL on the tridiagonal (d, e).
  for (let i = 1; i < n; i++) buf[e + i - 1] = buf[e + i]!;
  buf[e + n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(buf[d + l]!) + Math.abs(buf[e + l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(buf[e + m]!) <= EPS * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_QL_ITERATIONS) return false;
        let g = buf[d + l]!;
        let p = (buf[d + l + 1]! - g) / (2 * buf[e + l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        buf[d + l] = buf[e + l]! / (p + r);
        buf[d + l + 1] = buf[e + l]! * (p + r);
        const dl1 = buf[d + l + 1]!;
        let h = g - buf[d + l]!;
        for (let i = l + 2; i < n; i++) buf[d + i] = buf[d + i]! - h;
        f += h;
        p = buf[d + m]!;
        let c = 1, c2 = 1, c3 = 1;
        const el1 = buf[e + l + 1]!;
        let s = 0, s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * buf[e + i]!;
          h = c * p;
          r = Math.hypot(p, buf[e + i]!);
          buf[e + i + 1] = s * r;
          s = buf[e + i]! / r;
          c = p / r;
          p = c * buf[d + i]! - s * g;
          buf[d + i + 1] = h + s * (c * g + s * buf[d + i]!);
          // Columns i and i+1 of V are rows i and i+1 of W.
          if (vectors) K.rotateRows(W(i, 0), W(i + 1, 0), n, c, s);
        }
        p = (-s * s2 * c3 * el1 * buf[e + l]!) / dl1;
        buf[e + l] = s * p;
        buf[d + l] = c * p;
      } while (Math.abs(buf[e + l]!) > EPS * tst1);
    }
    buf[d + l] = buf[d + l]! + f;
    buf[e + l] = 0;
  }
  return true;
}

/** Which triangle of the matrix `eigh` reads: lower (default) or upper (either case, as NumPy). */
export type Uplo = 'L' | 'U' | 'l' | 'u';

/** The UPLO argument: 'L' (default) or 'U', either case (NumPy upper-cases it). */
function checkUplo(func: string, v: unknown): 'L' | 'U' {
  if (v === undefined) return 'L';
  return checkChoice(func, 'UPLO', v, ['L', 'U', 'l', 'u'] as const).toUpperCase() as 'L' | 'U';
}

/**
 * @internal Eigen-decomposition of every symmetric matrix of `a` (at least 2-D, square):
 * `[w]` or `[w, v]` (w ascending, v's columns the eigenvectors).
 */
export function eighStack(a: NdArray, uplo: 'L' | 'U', vectors: boolean): NdArray[] {
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
    ws = new Workspace(n * n + 2 * n);
    const buf = ws.buf, base = ws.base;
    const A = base, D = base + n * n, E = D + n;
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
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const x = (uplo === 'L' ? src[s0 + i * n + j]! : src[s0 + j * n + i]!) * scale;
          buf[A + i * n + j] = x;
          buf[A + j * n + i] = x;
        }
      }
      if (!tridiagonalEigen(ws, A, n, D, E, vectors)) throw new LinAlgError('Eigenvalues did not converge', a.shape);
      for (let i = 0; i < n; i++) diag[i] = buf[D + i]!;
      const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => diag[i]! - diag[j]! || i - j);
      for (let i = 0; i < n; i++) wData[wOut.start + b * n + i] = diag[order[i]!]! / scale;
      if (vOut !== null && vData !== null) {
        // v[r][i] = eigenvector i (row order[i] of W), entry r.
        let p = vOut.start + b * n * n;
        for (let r = 0; r < n; r++) for (let i = 0; i < n; i++) vData[p++] = buf[A + order[i]! * n + r]!;
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
 * @param UPLO `'L'` (default) or `'U'` (lower case too, as NumPy)
 * @returns `[w, v]`: w (…, N), v (…, N, N)
 * @throws LinAlgError for fewer than 2 dimensions, non-square matrices, non-finite entries
 * @example
 * const [w, v] = nd.linalg.eigh([[2, 1], [1, 2]]);
 * w.toArray(); // [1, 3]
 */
export function eigh(a: MatrixInput, UPLO?: Uplo): [NdArray, NdArray] {
  refuseTracing('linalg.eigh', arguments);
  checkArity('linalg.eigh', arguments, 2, 1);
  const uplo = checkUplo('linalg.eigh', UPLO);
  return withInput(a, (x) => {
    const r = eighStack(x, uplo, true);
    return [r[0]!, r[1]!];
  });
}

/**
 * Eigenvalues of symmetric matrices, NumPy's `np.linalg.eigvalsh`: as {@link eigh} without
 * the vectors.
 * @param a square matrix (…, N, N): an NdArray or nested numbers
 * @param UPLO `'L'` (default) or `'U'` (lower case too): the triangle read
 * @returns w (…, N), ascending
 * @throws LinAlgError for fewer than 2 dimensions, non-square matrices, non-finite entries
 * @example
 * nd.linalg.eigvalsh([[2, 1], [1, 2]]).toArray(); // [1, 3]
 */
export function eigvalsh(a: MatrixInput, UPLO?: Uplo): NdArray {
  refuseTracing('linalg.eigvalsh', arguments);
  checkArity('linalg.eigvalsh', arguments, 2, 1);
  const uplo = checkUplo('linalg.eigvalsh', UPLO);
  return withInput(a, (x) => eighStack(x, uplo, false)[0]!);
}

/**
 * What NumPy builds on the SVD: `nd.linalg.lstsq` (least squares, as LAPACK's `dgelsd`
 * does: minimum-norm solution over the singular values above `rcond·s₀`), `pinv`
 * (Moore–Penrose pseudo-inverse) and `matrixRank`. All use the Jacobi SVD of svd.ts (or
 * the symmetric eigen-decomposition of eigh.ts for `hermitian`).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { checkArity, checkBoolean, checkOptions, describe } from '../args.ts';
import { ArgumentError, LinAlgError } from '../errors.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { EPS } from '../kernels/js-decomp.ts';
import { allocateResults, assertStacked2d, batchCount, refuseTracing, withInput, type MatrixInput } from './decomp-support.ts';
import { svdStack } from './svd.ts';
import { eighStack } from './eigh.ts';
import { matmul } from '../ops/linalg.ts';

/** Options of `nd.linalg.lstsq`. */
export interface LstsqOptions {
  /**
   * Singular values ≤ `rcond · s₀` count as zero; default machine ε · max(M, N) (NumPy 2's
   * default); negative means machine ε (LAPACK's rule).
   */
  rcond?: number | null;
}

/** Options of `nd.linalg.pinv`. */
export interface PinvOptions {
  /** Relative cutoff for small singular values (default 1e-15, NumPy's); not with `rtol`. */
  rcond?: number | null;
  /** NumPy 2's name for the cutoff: a number, or null for max(M, N)·ε; not with `rcond`. */
  rtol?: number | null;
  /** The matrices are symmetric: use the eigen-decomposition (default false). */
  hermitian?: boolean;
}

/** Options of `nd.linalg.matrixRank`. */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values above it count (default: S.max · rtol). */
  tol?: number | null;
  /** Relative threshold (default max(M, N)·ε); not with `tol`. */
  rtol?: number | null;
  /** The matrices are symmetric: the singular values are |eigenvalues| (default false). */
  hermitian?: boolean;
}

/** A number or null/undefined option (null: NumPy's None). */
function numberOrNull(func: string, param: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number') throw new ArgumentError(func, param, `${param} must be a number or null, got ${describe(v)}`);
  return v;
}

/**
 * Least-squares solution of `a·x = b`, NumPy's `np.linalg.lstsq`: the x of least norm
 * minimising ‖b − a·x‖₂ (each column of b), through the SVD of `a`.
 * @param a coefficient matrix (M, N)
 * @param b right-hand side (M,) or (M, K)
 * @param options `{ rcond }`: singular values ≤ rcond·s₀ count as zero (default ε·max(M, N))
 * @returns `[x, residuals, rank, s]`: x (N,) or (N, K); residuals: squared 2-norms of
 *   b − a·x per column, shape (1,) for 1-D b or (K,), and empty (0,) when rank < N or
 *   M ≤ N (as NumPy); rank of `a` (a number); s its singular values (min(M, N),), descending
 * @throws LinAlgError when a or b is not 2-D (b may be 1-D), the row counts differ
 *   ("Incompatible dimensions"), or `a` holds NaN or ±Inf ("SVD did not converge in Linear
 *   Least Squares", as NumPy)
 * @example
 * const [x, res, rank, s] = nd.linalg.lstsq([[0, 1], [1, 1], [2, 1], [3, 1]], [-1, 0.2, 0.9, 2.1]);
 * x.toArray(); // [1, -0.95] (slope, intercept)
 */
export function lstsq(a: MatrixInput, b: MatrixInput, options?: LstsqOptions): [NdArray, NdArray, number, NdArray] {
  refuseTracing('linalg.lstsq', arguments);
  checkArity('linalg.lstsq', arguments, 3, 2);
  const o = checkOptions('linalg.lstsq', options, ['rcond']);
  const rcondArg = numberOrNull('linalg.lstsq', 'rcond', o.rcond);
  return withInput(a, (A) => withInput(b, (B) => lstsqArrays(A, B, rcondArg)));
}

function lstsqArrays(A: NdArray, B: NdArray, rcondArg: number | null): [NdArray, NdArray, number, NdArray] {
  for (const x of [A, B]) {
    if (x.ndim !== 2 && !(x === B && x.ndim === 1)) {
      throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be two-dimensional`, x.shape);
    }
  }
  const m = A.shape[0]!, n = A.shape[1]!;
  const oneD = B.ndim === 1;
  const nrhs = oneD ? 1 : B.shape[1]!;
  if (B.shape[0] !== m) throw new LinAlgError('Incompatible dimensions', B.shape);
  const a = gatherFloat64(A);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]!)) throw new LinAlgError(`SVD did not converge in Linear Least Squares (a holds ${a[i]})`, A.shape);
  }
  const bData = gatherFloat64(B);
  const k = Math.min(m, n);
  let rcond = rcondArg ?? EPS * Math.max(m, n);
  if (rcond < 0) rcond = EPS;
  const [U, S, Vh] = svdStack(A, true, false) as [NdArray, NdArray, NdArray];
  let x: NdArray | null = null;
  try {
    const u = gatherFloat64(U), s = gatherFloat64(S), vh = gatherFloat64(Vh);
    const cutoff = k > 0 ? rcond * s[0]! : 0;
    let rank = 0;
    while (rank < k && s[rank]! > cutoff) rank++;
    // x = Σ_{l<rank} vh[l]ᵀ · (u[:, l]·b) / s[l], column by column of b.
    const xs = new Float64Array(n * nrhs);
    const coef = new Float64Array(rank);
    for (let c = 0; c < nrhs; c++) {
      for (let l = 0; l < rank; l++) {
        let t = 0;
        for (let r = 0; r < m; r++) t += u[r * k + l]! * bData[r * nrhs + c]!;
        coef[l] = t / s[l]!;
      }
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let l = 0; l < rank; l++) t += vh[l * n + i]! * coef[l]!;
        xs[i * nrhs + c] = t;
      }
    }
    const withResiduals = rank === n && m > n;
    const res = new Float64Array(withResiduals ? nrhs : 0);
    if (withResiduals) {
      for (let c = 0; c < nrhs; c++) {
        let sum = 0;
        for (let r = 0; r < m; r++) {
          let ax = 0;
          for (let i = 0; i < n; i++) ax += a[r * n + i]! * xs[i * nrhs + c]!;
          const d = bData[r * nrhs + c]! - ax;
          sum += d * d;
        }
        res[c] = sum;
      }
    }
    const [xOut, rOut] = allocateResults([oneD ? [n] : [n, nrhs], [res.length]]) as [NdArray, NdArray];
    x = xOut;
    xOut.f64().set(xs, xOut.start);
    rOut.f64().set(res, rOut.start);
    return [xOut, rOut, rank, S];
  } catch (e) {
    S.dispose();
    x?.dispose();
    throw e;
  } finally {
    U.dispose();
    Vh.dispose();
  }
}

/**
 * The pseudo-inverse of every matrix of `A`: from the SVD (or, for `hermitian`, from eigh:
 * s = |w|, left vectors v·sign(w)), res = (Vhᵀ·diag(1/s kept)) · Uᵀ, the product by matmul.
 */
function pinvStack(A: NdArray, rcond: number | null, rtolNone: boolean, hermitian: boolean): NdArray {
  assertStacked2d(A);
  const m = A.shape[A.ndim - 2]!, n = A.shape[A.ndim - 1]!;
  const lead = A.shape.slice(0, -2);
  const cut = rtolNone ? Math.max(m, n) * EPS : (rcond ?? 1e-15);
  if (m === 0 || n === 0) return allocateResults([[...lead, n, m]])[0]!;
  if (hermitian && m !== n) throw new LinAlgError(`Last 2 dimensions of the array must be square`, A.shape);
  const batches = batchCount(A.shape);
  const k = hermitian ? n : Math.min(m, n);
  const factors = hermitian ? eighStack(A, 'L', true) : svdStack(A, true, false);
  let out: NdArray | null = null;
  try {
    // left (n×k) = Vhᵀ·diag(sinv), right (k×m) = Uᵀ, per matrix; SVD: U (m×k), Vh (k×n);
    // eigh: w (n), v (n×n): left[i][l] = v[i][l]·sign(w[l])/|w[l]|, right[l][j] = v[j][l].
    const f = factors.map(gatherFloat64);
    out = allocateResults([[...lead, n, m]])[0]!;
    for (let b = 0; b < batches; b++) {
      const s = new Float64Array(k), sign = new Float64Array(k).fill(1);
      for (let l = 0; l < k; l++) {
        if (hermitian) {
          const wl = f[0]![b * n + l]!;
          s[l] = Math.abs(wl);
          sign[l] = Math.sign(wl);
        } else s[l] = f[1]![b * k + l]!;
      }
      let smax = 0;
      for (let l = 0; l < k; l++) smax = s[l]! > smax || s[l] !== s[l] ? s[l]! : smax;
      const cutoff = cut * smax;
      const [left, right] = allocateResults([[n, k], [k, m]]) as [NdArray, NdArray];
      try {
        const L = left.f64(), R = right.f64();
        const u = hermitian ? f[1]! : f[0]!, U0 = hermitian ? b * n * n : b * m * k;
        for (let l = 0; l < k; l++) {
          const sinv = s[l]! > cutoff ? sign[l]! / s[l]! : 0;
          for (let i = 0; i < n; i++) {
            const vli = hermitian ? f[1]![b * n * n + i * n + l]! : f[2]![b * k * n + l * n + i]!;
            L[left.start + i * k + l] = vli * sinv;
          }
          for (let j = 0; j < m; j++) R[right.start + l * m + j] = u[U0 + j * k + l]!;
        }
        const prod = matmul(left, right) as NdArray;
        try {
          out.f64().set(prod.f64().subarray(prod.start, prod.start + n * m), out.start + b * n * m);
        } finally {
          prod.dispose();
        }
      } finally {
        left.dispose();
        right.dispose();
      }
    }
    return out;
  } catch (e) {
    out?.dispose();
    throw e;
  } finally {
    for (const x of factors) x.dispose();
  }
}

/**
 * Moore–Penrose pseudo-inverse, NumPy's `np.linalg.pinv`, of each matrix of a stack: from the
 * SVD, singular values ≤ rcond · (largest) count as zero.
 * @param a matrix (…, M, N): an NdArray or nested numbers
 * @param options `{ rcond = 1e-15, rtol, hermitian = false }` (rcond and rtol are two names
 *   for the cutoff: give one; `rtol: null` means max(M, N)·ε)
 * @returns a new array (…, N, M)
 * @throws LinAlgError for fewer than 2 dimensions or NaN entries ("SVD did not converge");
 *   ArgumentError when both rcond and rtol are given
 * @example
 * nd.linalg.pinv([[1, 2], [2, 4]]).toArray(); // [[0.04, 0.08], [0.08, 0.16]]
 */
export function pinv(a: MatrixInput, options?: PinvOptions): NdArray {
  refuseTracing('linalg.pinv', arguments);
  checkArity('linalg.pinv', arguments, 2, 1);
  const o = checkOptions('linalg.pinv', options, ['rcond', 'rtol', 'hermitian']);
  const rcond = numberOrNull('linalg.pinv', 'rcond', o.rcond);
  const rtol = numberOrNull('linalg.pinv', 'rtol', o.rtol);
  const hermitian = checkBoolean('linalg.pinv', 'hermitian', o.hermitian, false);
  if (rcond !== null && 'rtol' in o && o.rtol !== undefined) {
    throw new ArgumentError('linalg.pinv', 'rtol', "`rtol` and `rcond` can't be both set");
  }
  const rtolNone = rcond === null && 'rtol' in o && o.rtol === null;
  return withInput(a, (x) => pinvStack(x, rcond ?? rtol, rtolNone, hermitian));
}

/**
 * Rank of each matrix of a stack, NumPy's `np.linalg.matrix_rank`: the number of singular
 * values above `tol` (default S.max · max(M, N) · ε). Arrays of fewer than 2 dimensions
 * have rank 1 unless all zero.
 * @param a array (…, M, N), or a vector or number
 * @param options `{ tol, rtol, hermitian = false }` (tol and rtol: give one)
 * @returns the rank (a number) for a matrix or less; a new array (…) of ranks for a stack
 * @throws LinAlgError for NaN entries ("SVD did not converge"); ArgumentError when both tol
 *   and rtol are given
 * @example
 * nd.linalg.matrixRank([[1, 2], [2, 4]]); // 1
 */
export function matrixRank(a: MatrixInput, options?: MatrixRankOptions): number | NdArray {
  refuseTracing('linalg.matrixRank', arguments);
  checkArity('linalg.matrixRank', arguments, 2, 1);
  const o = checkOptions('linalg.matrixRank', options, ['tol', 'rtol', 'hermitian']);
  const tol = numberOrNull('linalg.matrixRank', 'tol', o.tol);
  const rtol = numberOrNull('linalg.matrixRank', 'rtol', o.rtol);
  const hermitian = checkBoolean('linalg.matrixRank', 'hermitian', o.hermitian, false);
  if (tol !== null && rtol !== null) throw new ArgumentError('linalg.matrixRank', 'rtol', "`tol` and `rtol` can't be both set");
  return withInput(a, (x) => {
    if (x.ndim < 2) {
      const d = gatherFloat64(x);
      return d.every((v) => v === 0) ? 0 : 1;
    }
    const m = x.shape[x.ndim - 2]!, n = x.shape[x.ndim - 1]!;
    let S: NdArray;
    if (hermitian) {
      if (m !== n) throw new LinAlgError(`Last 2 dimensions of the array must be square`, x.shape);
      S = eighStack(x, 'L', false)[0]!;
    } else {
      S = svdStack(x, false, false)[0]!;
    }
    let s: Float64Array;
    try {
      s = gatherFloat64(S);
    } finally {
      S.dispose();
    }
    const k = hermitian ? n : Math.min(m, n);
    const batches = batchCount(x.shape);
    const ranks = new Float64Array(batches);
    for (let b = 0; b < batches; b++) {
      let limit: number;
      if (tol !== null) limit = tol;
      else {
        let smax = 0; // NumPy: S.max(initial=0), NaN propagating
        for (let l = 0; l < k; l++) {
          const v = Math.abs(s[b * k + l]!);
          smax = v > smax || v !== v ? v : smax;
          if (v !== v) break;
        }
        limit = smax * (rtol ?? Math.max(m, n) * EPS);
      }
      let r = 0;
      for (let l = 0; l < k; l++) if (Math.abs(s[b * k + l]!) > limit) r++;
      ranks[b] = r;
    }
    if (x.ndim === 2) return ranks[0]!;
    const out = allocateResults([x.shape.slice(0, -2)])[0]!;
    out.f64().set(ranks, out.start);
    return out;
  });
}

/**
 * JS reference kernels of `nd.linalg`'s LU and Cholesky (the WASM kernels in
 * wasm/assembly/linalg.ts run the same algorithm, operation for operation, so both give the
 * same bits). Matrices are row-major blocks of a Float64Array: element (i, j) of a matrix at
 * `off` with row stride `ld` is `x[off + i*ld + j]`.
 *
 * - `luFactor`: blocked right-looking LU with partial pivoting (LAPACK `dgetrf`): panels of
 *   {@link LU_BLOCK} columns are factored column by column, the block row of U is solved, and
 *   the trailing matrix is updated by one matrix product (`gemmSub`).
 * - `luSolve`: P·L·U·X = B for many right-hand sides (`dgetrs`), blocked the same way.
 * - `choleskyFactor`: blocked lower Cholesky (`dpotrf` with uplo L).
 *
 * In every update each element subtracts its products in order of the summation index (no
 * partial sums), so JS and WASM round identically.
 * @module
 */

/** Columns of a panel (LU, Cholesky) and rows of a block (triangular solves). */
export const LU_BLOCK = 32;

/** Smallest normal float64 (LAPACK's sfmin): pivots at least this big are inverted once. */
const SFMIN = 2.2250738585072014e-308;

/**
 * C[m×n] -= A[m×kk] · B[kk×n]; each C element subtracts its kk products in order of p.
 * @param x the data (all three operands live in it)
 */
export function gemmSub(x: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, m: number, n: number, kk: number): void {
  for (let i = 0; i < m; i++) {
    const ci = c + i * ldc;
    const ai = a + i * lda;
    for (let p = 0; p < kk; p++) {
      const s = x[ai + p]!;
      const bp = b + p * ldb;
      for (let j = 0; j < n; j++) x[ci + j] -= s * x[bp + j]!;
    }
  }
}

/**
 * C[m×n] -= A[m×kk] · Bᵀ where B is n×kk (row j of B is column j of Bᵀ); order of p.
 */
export function gemmSubNT(x: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, m: number, n: number, kk: number): void {
  for (let i = 0; i < m; i++) {
    const ci = c + i * ldc;
    const ai = a + i * lda;
    for (let p = 0; p < kk; p++) {
      const s = x[ai + p]!;
      for (let j = 0; j < n; j++) x[ci + j] -= s * x[b + j * ldb + p]!;
    }
  }
}

/**
 * LU factorisation with partial pivoting, in place: the n×n matrix at `off` (row stride n)
 * becomes L (unit lower, below the diagonal) and U (upper); `piv[k]` is the row swapped with
 * row k at step k (0-based, as applied in order). A zero pivot does not stop the
 * factorisation (as LAPACK).
 * @param x the data
 * @param off index of element (0, 0)
 * @param n the order
 * @param piv receives n pivot rows
 * @param pivOff index of piv[0] in `piv`
 * @returns 0, or 1 + the first step whose pivot is exactly zero (the matrix is singular)
 */
export function luFactor(x: Float64Array, off: number, n: number, piv: Int32Array, pivOff = 0): number {
  let info = 0;
  for (let k0 = 0; k0 < n; k0 += LU_BLOCK) {
    const kb = Math.min(LU_BLOCK, n - k0);
    const k1 = k0 + kb;
    for (let k = k0; k < k1; k++) {
      let p = k;
      let big = Math.abs(x[off + k * n + k]!);
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(x[off + i * n + k]!);
        if (v > big) {
          big = v;
          p = i;
        }
      }
      piv[pivOff + k] = p;
      const rk = off + k * n;
      if (x[off + p * n + k] !== 0) {
        if (p !== k) {
          const rp = off + p * n;
          for (let j = 0; j < n; j++) {
            const t = x[rk + j]!;
            x[rk + j] = x[rp + j]!;
            x[rp + j] = t;
          }
        }
        const d = x[rk + k]!;
        if (Math.abs(d) >= SFMIN) {
          const r = 1 / d;
          for (let i = k + 1; i < n; i++) x[off + i * n + k] *= r;
        } else {
          for (let i = k + 1; i < n; i++) x[off + i * n + k] /= d;
        }
      } else if (info === 0) {
        info = k + 1;
      }
      // The rest of the panel: a[i, k+1:k1] -= l[i, k] · u[k, k+1:k1].
      for (let i = k + 1; i < n; i++) {
        const ri = off + i * n;
        const s = x[ri + k]!;
        for (let j = k + 1; j < k1; j++) x[ri + j] -= s * x[rk + j]!;
      }
    }
    if (k1 < n) {
      // U12 = L11⁻¹ · A12, row by row.
      for (let r = k0 + 1; r < k1; r++) {
        const rr = off + r * n;
        for (let p = k0; p < r; p++) {
          const s = x[rr + p]!;
          const rp = off + p * n;
          for (let j = k1; j < n; j++) x[rr + j] -= s * x[rp + j]!;
        }
      }
      gemmSub(x, off + k1 * n + k0, n, off + k0 * n + k1, n, off + k1 * n + k1, n, n - k1, n - k1, kb);
    }
  }
  return info;
}

/**
 * Solves A·X = B in place of B (n×k at `b`, row stride k) from `luFactor`'s output: row
 * swaps, L·Y = P·B forward, U·X = Y backward (division by the diagonal, as LAPACK's dtrsm).
 * Blocks of {@link LU_BLOCK} rows: earlier rows are subtracted by one product, then the block
 * is solved row by row; every element still subtracts in order of the column index of L/U.
 * @param x the data holding both the factors and B
 * @param lu index of the factors' element (0, 0)
 * @param n the order
 * @param piv the pivots of `luFactor`
 * @param pivOff index of piv[0]
 * @param b index of B's element (0, 0)
 * @param k number of right-hand sides (columns of B)
 */
export function luSolve(x: Float64Array, lu: number, n: number, piv: Int32Array, pivOff: number, b: number, k: number): void {
  for (let i = 0; i < n; i++) {
    const p = piv[pivOff + i]!;
    if (p === i) continue;
    const ri = b + i * k, rp = b + p * k;
    for (let j = 0; j < k; j++) {
      const t = x[ri + j]!;
      x[ri + j] = x[rp + j]!;
      x[rp + j] = t;
    }
  }
  for (let i0 = 0; i0 < n; i0 += LU_BLOCK) {
    const i1 = Math.min(n, i0 + LU_BLOCK);
    if (i0 > 0) gemmSub(x, lu + i0 * n, n, b, k, b + i0 * k, k, i1 - i0, k, i0);
    for (let r = i0 + 1; r < i1; r++) {
      const rr = b + r * k;
      for (let p = i0; p < r; p++) {
        const s = x[lu + r * n + p]!;
        const rp = b + p * k;
        for (let j = 0; j < k; j++) x[rr + j] -= s * x[rp + j]!;
      }
    }
  }
  backSolve(x, lu, n, b, k);
}

/** U·X = B in place of B (n×k at `b`), U the upper factor at `lu`: blocks from the bottom, division by the diagonal. */
function backSolve(x: Float64Array, lu: number, n: number, b: number, k: number): void {
  const last = Math.floor((n - 1) / LU_BLOCK) * LU_BLOCK;
  for (let i0 = last; i0 >= 0; i0 -= LU_BLOCK) {
    const i1 = Math.min(n, i0 + LU_BLOCK);
    if (i1 < n) gemmSub(x, lu + i0 * n + i1, n, b + i1 * k, k, b + i0 * k, k, i1 - i0, k, n - i1);
    for (let r = i1 - 1; r >= i0; r--) {
      const rr = b + r * k;
      for (let p = r + 1; p < i1; p++) {
        const s = x[lu + r * n + p]!;
        const rp = b + p * k;
        for (let j = 0; j < k; j++) x[rr + j] -= s * x[rp + j]!;
      }
      const d = x[lu + r * n + r]!;
      for (let j = 0; j < k; j++) x[rr + j] /= d;
    }
  }
}

/**
 * The inverse from `luFactor`'s output, into the n×n block at `out` (LAPACK `dgetri`'s
 * route, 2n³ flops with the factorisation instead of the 8n³/3 of solving against I):
 * Z = L⁻¹ (lower triangular: products only over the nonzero part, by blocks of columns),
 * W = U⁻¹·Z, then the column swaps in reverse order (A⁻¹ = U⁻¹·L⁻¹·P).
 * @param x the data holding the factors and `out`
 * @param lu index of the factors' element (0, 0)
 * @param n the order
 * @param piv the pivots of `luFactor`
 * @param pivOff index of piv[0]
 * @param out index of the result's element (0, 0) (not overlapping the factors)
 */
export function luInverse(x: Float64Array, lu: number, n: number, piv: Int32Array, pivOff: number, out: number): void {
  x.fill(0, out, out + n * n);
  for (let i = 0; i < n; i++) x[out + i * n + i] = 1;
  for (let i0 = 0; i0 < n; i0 += LU_BLOCK) {
    const i1 = Math.min(n, i0 + LU_BLOCK);
    // Rows [i0, i1) against the rows above; row p of Z is zero right of column p.
    for (let c0 = 0; c0 < i0; c0 += LU_BLOCK) {
      const c1 = Math.min(i0, c0 + LU_BLOCK);
      gemmSub(x, lu + i0 * n + c0, n, out + c0 * n + c0, n, out + i0 * n + c0, n, i1 - i0, c1 - c0, i0 - c0);
    }
    for (let r = i0 + 1; r < i1; r++) {
      const rr = out + r * n;
      for (let p = i0; p < r; p++) {
        const s = x[lu + r * n + p]!;
        const rp = out + p * n;
        for (let j = 0; j <= p; j++) x[rr + j] -= s * x[rp + j]!;
      }
    }
  }
  backSolve(x, lu, n, out, n);
  for (let k = n - 1; k >= 0; k--) {
    const p = piv[pivOff + k]!;
    if (p === k) continue;
    for (let i = 0; i < n; i++) {
      const r = out + i * n;
      const t = x[r + k]!;
      x[r + k] = x[r + p]!;
      x[r + p] = t;
    }
  }
}

/**
 * Lower Cholesky factorisation in place: reads the lower triangle of the n×n matrix at `off`
 * (row stride n), writes L there and zeros above the diagonal. Blocked right-looking: the
 * diagonal block and the panel below it are solved with dot products (in order of the
 * index), the trailing lower triangle updated by products with L21ᵀ by blocks of rows.
 * @param x the data
 * @param off index of element (0, 0)
 * @param n the order
 * @returns 0, or 1 + the first column whose pivot is ≤ 0: not positive definite (a NaN pivot propagates, as NumPy)
 */
export function choleskyFactor(x: Float64Array, off: number, n: number): number {
  for (let k0 = 0; k0 < n; k0 += LU_BLOCK) {
    const k1 = Math.min(n, k0 + LU_BLOCK);
    for (let j = k0; j < k1; j++) {
      const rj = off + j * n;
      let d = x[rj + j]!;
      for (let p = k0; p < j; p++) d -= x[rj + p]! * x[rj + p]!;
      if (d <= 0) return j + 1;
      const l = Math.sqrt(d);
      x[rj + j] = l;
      for (let i = j + 1; i < n; i++) {
        const ri = off + i * n;
        let s = x[ri + j]!;
        for (let p = k0; p < j; p++) s -= x[ri + p]! * x[rj + p]!;
        x[ri + j] = s / l;
      }
    }
    for (let r0 = k1; r0 < n; r0 += LU_BLOCK) {
      const r1 = Math.min(n, r0 + LU_BLOCK);
      gemmSubNT(x, off + r0 * n + k0, n, off + k1 * n + k0, n, off + r0 * n + k1, n, r1 - r0, r1 - k1, k1 - k0);
    }
  }
  for (let i = 0; i < n; i++) x.fill(0, off + i * n + i + 1, off + (i + 1) * n);
  return 0;
}

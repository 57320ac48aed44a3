/**
 * LU and Cholesky of row-major float64 matrices (`nd.linalg`). Pointers are byte offsets,
 * sizes and row strides elements; the pivots are int32. The algorithm is the JS reference's
 * (src/kernels/js-linalg.ts) operation for operation, so both give the same bits:
 *
 * - `lu_factor`: blocked right-looking LU with partial pivoting; panels of BLOCK columns are
 *   factored column by column (row swaps over whole rows), the block row of U solved, and
 *   the trailing matrix updated by `gemm_sub`.
 * - `lu_solve`: P·L·U·X = B for k right-hand sides, blocks of BLOCK rows.
 * - `cholesky_factor`: blocked lower Cholesky.
 *
 * `gemm_sub` (C -= A·B) packs blocks of B (KC rows × NC columns) into panels of 4 columns in
 * a scratch buffer and runs a 4×4 register tile (8 f64x2 accumulators started from C); each
 * C element subtracts its products one by one in order of the summation index, exactly as
 * the JS loop does. f64x2 also carries the row swaps and the row updates (axpy) of the panel.
 */
import { F64 } from './lanes';

/** Columns of a panel, rows of a triangular-solve block (src/kernels/js-linalg.ts LU_BLOCK). */
const BLOCK: usize = 32;
/** Rows of B a packed block. */
const KC: usize = 256;
/** Columns of B a packed block. */
const NC: usize = 256;
/** Columns of a packed panel. */
const NR: usize = 4;
/** Bytes of one packed panel row. */
const PANEL_ROW: usize = NR * F64;
/** Smallest normal float64 (LAPACK's sfmin). */
const SFMIN: f64 = 2.2250738585072014e-308;

/**
 * Float64 elements of scratch the kernels of this file need when no dimension passes n (the
 * order, or the number of right-hand sides): the packed blocks of `gemm_sub`, then a
 * transposed panel of BLOCK × n (LU, Cholesky).
 * @param n the largest dimension involved
 */
export function linalg_scratch(n: usize): usize {
  return packLength(n) + BLOCK * n;
}

/** Float64 elements of the packed blocks of `gemm_sub` when no dimension passes n (the first part of the scratch). */
@inline function packLength(n: usize): usize {
  return min<usize>(n, KC) * ((min<usize>(n, NC) + NR - 1) / NR) * NR;
}

/** c[j] -= s · b[j] for j < n (f64x2, same rounding as the scalar loop). */
@inline function axpySub(s: f64, b: usize, c: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let j: usize = 0;
  for (; j + 4 <= n; j += 4) {
    const o = j * F64;
    v128.store(c + o, f64x2.sub(v128.load(c + o), f64x2.mul(sv, v128.load(b + o))));
    v128.store(c + o, f64x2.sub(v128.load(c + o, 16), f64x2.mul(sv, v128.load(b + o, 16))), 16);
  }
  for (; j < n; j++) {
    const o = j * F64;
    store<f64>(c + o, load<f64>(c + o) - s * load<f64>(b + o));
  }
}

/** Swaps n float64 at x and y. */
@inline function swapRows(x: usize, y: usize, n: usize): void {
  let j: usize = 0;
  for (; j + 2 <= n; j += 2) {
    const o = j * F64;
    const t = v128.load(x + o);
    v128.store(x + o, v128.load(y + o));
    v128.store(y + o, t);
  }
  if (j < n) {
    const o = j * F64;
    const t = load<f64>(x + o);
    store<f64>(x + o, load<f64>(y + o));
    store<f64>(y + o, t);
  }
}

/**
 * Packs rows [0, kc) × columns [0, nc) of B into panels of NR columns (zero-padded): panel q
 * holds kc rows of NR values. With `trans`, B is given as its transpose (row j of `b` is
 * column j of B).
 */
function packB(b: usize, ldb: usize, kc: usize, nc: usize, dst: usize, trans: bool): void {
  for (let j: usize = 0; j < nc; j += NR) {
    const cols = min<usize>(NR, nc - j);
    for (let p: usize = 0; p < kc; p++, dst += PANEL_ROW) {
      if (!trans && cols == NR) {
        const src = b + (p * ldb + j) * F64;
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      } else {
        for (let q: usize = 0; q < NR; q++) {
          store<f64>(dst + q * F64, q < cols ? load<f64>(b + (trans ? (j + q) * ldb + p : p * ldb + j + q) * F64) : 0);
        }
      }
    }
  }
}

/**
 * C[rows×4] -= A[rows×kc] · panel[kc×4], 2·rows f64x2 accumulators started from C, products
 * subtracted one by one in order of p. `rows` is a constant at each call site.
 */
@inline function tile(a: usize, lda: usize, panel: usize, kc: usize, c: usize, ldc: usize, rows: usize): void {
  const c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
  let c00 = v128.load(c), c01 = v128.load(c, 16);
  let c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  if (rows > 1) {
    c10 = v128.load(c1);
    c11 = v128.load(c1, 16);
  }
  if (rows > 2) {
    c20 = v128.load(c2);
    c21 = v128.load(c2, 16);
  }
  if (rows > 3) {
    c30 = v128.load(c3);
    c31 = v128.load(c3, 16);
  }
  const row1 = lda, row2 = lda + lda, row3 = row2 + lda;
  let ap = a;
  let bp = panel;
  const end = panel + kc * PANEL_ROW;
  for (; bp < end; bp += PANEL_ROW, ap += F64) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let x = v128.load64_splat(ap);
    c00 = f64x2.sub(c00, f64x2.mul(x, b0));
    c01 = f64x2.sub(c01, f64x2.mul(x, b1));
    if (rows > 1) {
      x = v128.load64_splat(ap + row1);
      c10 = f64x2.sub(c10, f64x2.mul(x, b0));
      c11 = f64x2.sub(c11, f64x2.mul(x, b1));
    }
    if (rows > 2) {
      x = v128.load64_splat(ap + row2);
      c20 = f64x2.sub(c20, f64x2.mul(x, b0));
      c21 = f64x2.sub(c21, f64x2.mul(x, b1));
    }
    if (rows > 3) {
      x = v128.load64_splat(ap + row3);
      c30 = f64x2.sub(c30, f64x2.mul(x, b0));
      c31 = f64x2.sub(c31, f64x2.mul(x, b1));
    }
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  if (rows > 1) {
    v128.store(c1, c10);
    v128.store(c1, c11, 16);
  }
  if (rows > 2) {
    v128.store(c2, c20);
    v128.store(c2, c21, 16);
  }
  if (rows > 3) {
    v128.store(c3, c30);
    v128.store(c3, c31, 16);
  }
}

/** An edge tile of `rows` × `cols` (< 4 columns): scalar, in order of p. */
function edgeTile(a: usize, lda: usize, panel: usize, kc: usize, c: usize, ldc: usize, rows: usize, cols: usize): void {
  for (let r: usize = 0; r < rows; r++) {
    const ar = a + r * lda;
    const cr = c + r * ldc;
    for (let q: usize = 0; q < cols; q++) {
      let s = load<f64>(cr + q * F64);
      for (let p: usize = 0; p < kc; p++) s -= load<f64>(ar + p * F64) * load<f64>(panel + p * PANEL_ROW + q * F64);
      store<f64>(cr + q * F64, s);
    }
  }
}

/** C -= A·B (or A·Bᵀ with `trans`) with byte row strides; see {@link gemm_sub}. */
function gemmSub(a: usize, lda: usize, b: usize, ldb: usize, c: usize, ldc: usize, m: usize, n: usize, kk: usize, scratch: usize, trans: bool): void {
  if (m == 0 || n == 0 || kk == 0) return;
  for (let j0: usize = 0; j0 < n; j0 += NC) {
    const nc = min<usize>(NC, n - j0);
    for (let k0: usize = 0; k0 < kk; k0 += KC) {
      const kc = min<usize>(KC, kk - k0);
      if (trans) packB(b + (j0 * ldb + k0) * F64, ldb, kc, nc, scratch, true);
      else packB(b + (k0 * ldb + j0) * F64, ldb, kc, nc, scratch, false);
      const panelBytes = kc * PANEL_ROW;
      const ldaB = lda * F64, ldcB = ldc * F64;
      for (let i: usize = 0; i < m; i += 4) {
        const rows = min<usize>(4, m - i);
        const aBlock = a + (i * lda + k0) * F64;
        const cRow = c + (i * ldc + j0) * F64;
        let panel = scratch;
        for (let j: usize = 0; j < nc; j += NR, panel += panelBytes) {
          const cols = min<usize>(NR, nc - j);
          const cTile = cRow + j * F64;
          if (cols < NR) edgeTile(aBlock, ldaB, panel, kc, cTile, ldcB, rows, cols);
          else if (rows == 4) tile(aBlock, ldaB, panel, kc, cTile, ldcB, 4);
          else if (rows == 3) tile(aBlock, ldaB, panel, kc, cTile, ldcB, 3);
          else if (rows == 2) tile(aBlock, ldaB, panel, kc, cTile, ldcB, 2);
          else tile(aBlock, ldaB, panel, kc, cTile, ldcB, 1);
        }
      }
    }
  }
}

/**
 * C[m×n] -= A[m×kk] · B[kk×n], row strides lda, ldb, ldc in elements; `scratch` holds
 * `linalg_scratch(max(n, kk))` float64. Each C element subtracts its products in order.
 */
export function gemm_sub(a: usize, lda: usize, b: usize, ldb: usize, c: usize, ldc: usize, m: usize, n: usize, kk: usize, scratch: usize): void {
  gemmSub(a, lda, b, ldb, c, ldc, m, n, kk, scratch, false);
}

/**
 * LU with partial pivoting in place of the n×n matrix at `a` (row stride n); `piv` receives
 * n int32 pivot rows. Returns 0 or 1 + the first step with an exactly zero pivot.
 */
export function lu_factor(a: usize, n: usize, piv: usize, scratch: usize): i32 {
  let info: i32 = 0;
  const ld = n * F64;
  // Each panel (columns k0..k1 of rows k0..n) is factored transposed in the scratch after the
  // packed blocks, one column a row: the pivot search, the scaling and the panel updates run
  // along contiguous memory (f64x2), with the JS reference's operations in its order.
  const panel = scratch + packLength(n) * F64;
  for (let k0: usize = 0; k0 < n; k0 += BLOCK) {
    const kb = min<usize>(BLOCK, n - k0);
    const k1 = k0 + kb;
    const rows = n - k0, pr = rows * F64;
    for (let i: usize = 0; i < rows; i++) {
      const src = a + (k0 + i) * ld + k0 * F64;
      for (let c: usize = 0; c < kb; c++) store<f64>(panel + c * pr + i * F64, load<f64>(src + c * F64));
    }
    for (let c: usize = 0; c < kb; c++) {
      const pc = panel + c * pr;
      let p = c;
      let big = abs<f64>(load<f64>(pc + c * F64));
      for (let i: usize = c + 1; i < rows; i++) {
        const v = abs<f64>(load<f64>(pc + i * F64));
        if (v > big) {
          big = v;
          p = i;
        }
      }
      store<i32>(piv + (k0 + c) * 4, <i32>(k0 + p));
      if (load<f64>(pc + p * F64) != 0) {
        if (p != c) {
          for (let q: usize = 0; q < kb; q++) {
            const x = panel + q * pr;
            const t = load<f64>(x + c * F64);
            store<f64>(x + c * F64, load<f64>(x + p * F64));
            store<f64>(x + p * F64, t);
          }
        }
        const d = load<f64>(pc + c * F64);
        if (abs<f64>(d) >= SFMIN) scaleRow(pc + (c + 1) * F64, 1 / d, rows - c - 1);
        else divRow(pc + (c + 1) * F64, d, rows - c - 1);
      } else if (info == 0) {
        info = <i32>(k0 + c) + 1;
      }
      const below = rows - c - 1;
      for (let q: usize = c + 1; q < kb; q++) {
        const x = panel + q * pr;
        axpySub(load<f64>(x + c * F64), pc + (c + 1) * F64, x + (c + 1) * F64, below);
      }
    }
    for (let i: usize = 0; i < rows; i++) {
      const dst = a + (k0 + i) * ld + k0 * F64;
      for (let c: usize = 0; c < kb; c++) store<f64>(dst + c * F64, load<f64>(panel + c * pr + i * F64));
    }
    // The panel's row swaps, on the columns outside it.
    for (let k: usize = k0; k < k1; k++) {
      const p = <usize>load<i32>(piv + k * 4);
      if (p == k) continue;
      swapRows(a + k * ld, a + p * ld, k0);
      swapRows(a + k * ld + k1 * F64, a + p * ld + k1 * F64, n - k1);
    }
    if (k1 < n) {
      const w = n - k1;
      for (let r: usize = k0 + 1; r < k1; r++) {
        const rr = a + r * ld;
        for (let p: usize = k0; p < r; p++) axpySub(load<f64>(rr + p * F64), a + (p * n + k1) * F64, rr + k1 * F64, w);
      }
      gemmSub(a + (k1 * n + k0) * F64, n, a + (k0 * n + k1) * F64, n, a + (k1 * n + k1) * F64, n, n - k1, n - k1, kb, scratch, false);
    }
  }
  return info;
}

/**
 * Solves A·X = B in place of B (n×k at `b`, row stride k) from `lu_factor`'s output (`lu`,
 * `piv`); `scratch` holds `linalg_scratch(max(n, k))` float64.
 */
export function lu_solve(lu: usize, n: usize, piv: usize, b: usize, k: usize, scratch: usize): void {
  const ld = n * F64, ldb = k * F64;
  for (let i: usize = 0; i < n; i++) {
    const p = <usize>load<i32>(piv + i * 4);
    if (p != i) swapRows(b + i * ldb, b + p * ldb, k);
  }
  for (let i0: usize = 0; i0 < n; i0 += BLOCK) {
    const i1 = min<usize>(n, i0 + BLOCK);
    if (i0 > 0) gemmSub(lu + i0 * ld, n, b, k, b + i0 * ldb, k, i1 - i0, k, i0, scratch, false);
    for (let r: usize = i0 + 1; r < i1; r++) {
      const rr = b + r * ldb;
      for (let p: usize = i0; p < r; p++) axpySub(load<f64>(lu + r * ld + p * F64), b + p * ldb, rr, k);
    }
  }
  backSolve(lu, n, b, k, scratch);
}

/** U·X = B in place of B (n×k at `b`), U the upper factor at `lu`: blocks from the bottom. */
function backSolve(lu: usize, n: usize, b: usize, k: usize, scratch: usize): void {
  if (n == 0) return;
  const ld = n * F64, ldb = k * F64;
  let i0 = ((n - 1) / BLOCK) * BLOCK;
  while (true) {
    const i1 = min<usize>(n, i0 + BLOCK);
    if (i1 < n) gemmSub(lu + i0 * ld + i1 * F64, n, b + i1 * ldb, k, b + i0 * ldb, k, i1 - i0, k, n - i1, scratch, false);
    for (let r = i1; r-- > i0;) {
      const rr = b + r * ldb;
      for (let p: usize = r + 1; p < i1; p++) axpySub(load<f64>(lu + r * ld + p * F64), b + p * ldb, rr, k);
      divRow(rr, load<f64>(lu + r * ld + r * F64), k);
    }
    if (i0 == 0) break;
    i0 -= BLOCK;
  }
}

/**
 * The inverse from `lu_factor`'s output into the n×n block at `out` (not overlapping the
 * factors): Z = L⁻¹ over its nonzero (lower) part by blocks of columns, W = U⁻¹·Z, then the
 * column swaps in reverse order (A⁻¹ = U⁻¹·L⁻¹·P, LAPACK dgetri's route, 2n³ flops in all).
 */
export function lu_inverse(lu: usize, n: usize, piv: usize, out: usize, scratch: usize): void {
  const ld = n * F64;
  memory.fill(out, 0, n * ld);
  for (let i: usize = 0; i < n; i++) store<f64>(out + i * ld + i * F64, 1);
  for (let i0: usize = 0; i0 < n; i0 += BLOCK) {
    const i1 = min<usize>(n, i0 + BLOCK);
    for (let c0: usize = 0; c0 < i0; c0 += BLOCK) {
      const c1 = min<usize>(i0, c0 + BLOCK);
      gemmSub(lu + (i0 * n + c0) * F64, n, out + (c0 * n + c0) * F64, n, out + (i0 * n + c0) * F64, n, i1 - i0, c1 - c0, i0 - c0, scratch, false);
    }
    for (let r: usize = i0 + 1; r < i1; r++) {
      const rr = out + r * ld;
      for (let p: usize = i0; p < r; p++) axpySub(load<f64>(lu + r * ld + p * F64), out + p * ld, rr, p + 1);
    }
  }
  backSolve(lu, n, out, n, scratch);
  for (let k = n; k-- > 0;) {
    const p = <usize>load<i32>(piv + k * 4);
    if (p == k) continue;
    for (let i: usize = 0; i < n; i++) {
      const r = out + i * ld;
      const t = load<f64>(r + k * F64);
      store<f64>(r + k * F64, load<f64>(r + p * F64));
      store<f64>(r + p * F64, t);
    }
  }
}

/** x[j] *= r for j < n. */
@inline function scaleRow(x: usize, r: f64, n: usize): void {
  const rv = f64x2.splat(r);
  let j: usize = 0;
  for (; j + 2 <= n; j += 2) v128.store(x + j * F64, f64x2.mul(v128.load(x + j * F64), rv));
  if (j < n) store<f64>(x + j * F64, load<f64>(x + j * F64) * r);
}

/** x[j] /= d for j < n. */
@inline function divRow(x: usize, d: f64, n: usize): void {
  const dv = f64x2.splat(d);
  let j: usize = 0;
  for (; j + 2 <= n; j += 2) v128.store(x + j * F64, f64x2.div(v128.load(x + j * F64), dv));
  if (j < n) store<f64>(x + j * F64, load<f64>(x + j * F64) / d);
}

/**
 * Lower Cholesky in place of the n×n matrix at `a` (reads its lower triangle, writes L and
 * zeros above the diagonal). Returns 0 or 1 + the first column whose pivot is not positive.
 */
export function cholesky_factor(a: usize, n: usize, scratch: usize): i32 {
  const ld = n * F64;
  // The panel (columns k0..k1 of rows k0..n) is solved transposed in the scratch after the
  // packed blocks, one column a row, so its updates are f64x2 axpys along the column: the
  // same subtractions, in the same order, as the JS reference's dot products.
  const panel = scratch + packLength(n) * F64;
  for (let k0: usize = 0; k0 < n; k0 += BLOCK) {
    const k1 = min<usize>(n, k0 + BLOCK);
    const kb = k1 - k0, rows = n - k0, pr = rows * F64;
    for (let i: usize = 0; i < rows; i++) {
      const src = a + (k0 + i) * ld + k0 * F64;
      for (let c: usize = 0; c < kb; c++) store<f64>(panel + c * pr + i * F64, load<f64>(src + c * F64));
    }
    for (let c: usize = 0; c < kb; c++) {
      const pc = panel + c * pr;
      let d = load<f64>(pc + c * F64);
      for (let q: usize = 0; q < c; q++) {
        const v = load<f64>(panel + q * pr + c * F64);
        d -= v * v;
      }
      if (d <= 0) return <i32>(k0 + c) + 1;
      const l = Math.sqrt(d);
      store<f64>(pc + c * F64, l);
      const below = rows - c - 1;
      for (let q: usize = 0; q < c; q++) {
        const pq = panel + q * pr;
        axpySub(load<f64>(pq + c * F64), pq + (c + 1) * F64, pc + (c + 1) * F64, below);
      }
      divRow(pc + (c + 1) * F64, l, below);
    }
    for (let i: usize = 0; i < rows; i++) {
      const dst = a + (k0 + i) * ld + k0 * F64;
      const last = min<usize>(kb, i + 1);
      for (let c: usize = 0; c < last; c++) store<f64>(dst + c * F64, load<f64>(panel + c * pr + i * F64));
    }
    for (let r0: usize = k1; r0 < n; r0 += BLOCK) {
      const r1 = min<usize>(n, r0 + BLOCK);
      gemmSub(a + (r0 * n + k0) * F64, n, a + (k1 * n + k0) * F64, n, a + (r0 * n + k1) * F64, n, r1 - r0, r1 - k1, k1 - k0, scratch, true);
    }
  }
  for (let i: usize = 0; i < n; i++) memory.fill(a + (i * n + i + 1) * F64, 0, (n - i - 1) * F64);
  return 0;
}

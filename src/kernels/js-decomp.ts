/**
 * The hot loops of the orthogonal decompositions (`nd.linalg.qr`, `svd`, `eigh` and what is
 * built on them) as plain JS: the reference path for wasm/assembly/decomp.ts, which runs the
 * same algorithm with f64x2 SIMD. Every position is an element index into `buf` (for an
 * arena storage `buf` is the whole memory, so index × 8 is the WASM byte pointer).
 *
 * - {@link houseApply}: a Householder reflector `H = I − τ·v·vᵀ` applied to `count` vectors
 *   (rows of a row-major block, `stride` apart): `x ← x − τ·(v·x)·v`.
 * - {@link svdJacobiSweep}: one cyclic sweep of one-sided (Hestenes) Jacobi over the `n` rows
 *   of `w` (the columns of the matrix being decomposed), rotating the rows of `v` alike.
 * - {@link tridiagSimilarity}, {@link tridiagRank2}, {@link tridiagAccumulate}: the O(n³)
 *   loops of Householder tridiagonalisation (EISPACK tred2) on the transposed matrix;
 *   {@link rotateRows}: the QL rotations (tql2) of two eigenvector rows.
 * - {@link houseApplyRight}: a reflector applied from the right to a block held by columns
 *   (Golub–Kahan bidiagonalisation).
 * - {@link gramRows}, {@link combineRows}: the Gram matrix of a set of rows and linear
 *   combinations of rows (the eigenvector start of Jacobi SVD).
 * @module
 */

/** Machine epsilon of float64 (2⁻⁵²). */
export const EPS = 2.220446049250313e-16;

/**
 * Squared column norm below which one-sided Jacobi leaves a column alone (the matrix is
 * scaled so its largest entry is about 1; see svdJacobiSweep).
 */
export const SVD_TINY_SQ = 1e-280;

/** Tangent of the Jacobi angle for `zeta = cot 2θ`: the root of t² + 2ζt − 1 of smaller magnitude. */
export function jacobiTangent(zeta: number): number {
  const az = Math.abs(zeta);
  // For |ζ| past 1e150 ζ² overflows; t ≈ 1/(2ζ) there to full precision.
  const t = az > 1e150 ? 0.5 / az : 1 / (az + Math.sqrt(1 + az * az));
  return zeta < 0 ? -t : t;
}

/**
 * Applies `H = I − tau·v·vᵀ` (v has `len` entries at `v`) to `count` vectors of `len` entries
 * at `x`, `x + stride`, …: each becomes `x − tau·(v·x)·v`.
 * @param buf the float64 data
 * @param v index of v[0]
 * @param len entries of v and of each vector
 * @param tau the reflector's scale
 * @param x index of the first vector
 * @param count how many vectors
 * @param stride index step between vectors
 */
export function houseApply(buf: Float64Array, v: number, len: number, tau: number, x: number, count: number, stride: number): void {
  if (tau === 0) return;
  for (let r = 0; r < count; r++, x += stride) {
    let s0 = 0, s1 = 0;
    let i = 0;
    for (; i + 2 <= len; i += 2) {
      s0 += buf[v + i]! * buf[x + i]!;
      s1 += buf[v + i + 1]! * buf[x + i + 1]!;
    }
    if (i < len) s0 += buf[v + i]! * buf[x + i]!;
    const s = tau * (s0 + s1);
    if (s === 0) continue;
    for (i = 0; i < len; i++) buf[x + i] = buf[x + i]! - s * buf[v + i]!;
  }
}

/** Rotates two vectors of `len` entries: `x ← c·x − s·y`, `y ← s·x + c·y`. */
function rotate(buf: Float64Array, x: number, y: number, len: number, c: number, s: number): void {
  for (let i = 0; i < len; i++) {
    const a = buf[x + i]!, b = buf[y + i]!;
    buf[x + i] = c * a - s * b;
    buf[y + i] = s * a + c * b;
  }
}

/** Σ x[i]² over `len` entries (two partial sums, as the WASM kernel's lanes). */
function sumSquares(buf: Float64Array, x: number, len: number): number {
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    const a = buf[x + i]!, b = buf[x + i + 1]!;
    s0 += a * a;
    s1 += b * b;
  }
  if (i < len) s0 += buf[x + i]! * buf[x + i]!;
  return s0 + s1;
}

/** x·y over `len` entries (two partial sums). */
function dot(buf: Float64Array, x: number, y: number, len: number): number {
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i + 2 <= len; i += 2) {
    s0 += buf[x + i]! * buf[y + i]!;
    s1 += buf[x + i + 1]! * buf[y + i + 1]!;
  }
  if (i < len) s0 += buf[x + i]! * buf[y + i]!;
  return s0 + s1;
}

/**
 * One cyclic sweep of one-sided Jacobi: for every pair p < q of the `n` rows of `w` (each
 * `m` long, contiguous), when `|wp·wq| > tol·‖wp‖·‖wq‖` the pair is rotated to make them
 * orthogonal, and rows p and q of `v` (each `nv` long) by the same rotation. The squared
 * norms are computed at the start of the sweep into `norms` (n entries) and then updated
 * by the rotations (α − tγ, β + tγ, as LAPACK's dgsvj0), recomputed where that cancels, so
 * a pair costs one dot product.
 * @param buf the float64 data
 * @param w index of the first row of w (rows `m` apart)
 * @param n rows of w and of v
 * @param m length of a row of w
 * @param v index of the first row of v (rows `nv` apart)
 * @param nv length of a row of v (0: no v)
 * @param tol the orthogonality threshold (relative)
 * @param norms index of n float64 for the squared row norms of w
 * @returns how many rotations the sweep made (0: converged)
 */
export function svdJacobiSweep(buf: Float64Array, w: number, n: number, m: number, v: number, nv: number, tol: number, norms: number): number {
  let rotations = 0;
  for (let p = 0; p < n; p++) buf[norms + p] = sumSquares(buf, w + p * m, m);
  for (let p = 0; p + 1 < n; p++) {
    const wp = w + p * m;
    for (let q = p + 1; q < n; q++) {
      const alpha = buf[norms + p]!, beta = buf[norms + q]!;
      // A column whose squared norm nears the subnormal range cannot be made orthogonal to
      // working precision (its products lose bits): it is left alone, and the caller treats
      // it as a zero column for U (its norm is below 1e-140 of the largest).
      if (!(alpha >= SVD_TINY_SQ && beta >= SVD_TINY_SQ)) continue;
      const wq = w + q * m;
      const gamma = dot(buf, wp, wq, m);
      if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
      const t = jacobiTangent((beta - alpha) / (2 * gamma));
      const c = 1 / Math.sqrt(1 + t * t);
      const s = c * t;
      rotate(buf, wp, wq, m, c, s);
      if (nv > 0) rotate(buf, v + p * nv, v + q * nv, nv, c, s);
      const a2 = alpha - t * gamma, b2 = beta + t * gamma;
      buf[norms + p] = a2 > 0.25 * alpha ? a2 : sumSquares(buf, wp, m);
      buf[norms + q] = b2 > 0.25 * beta ? b2 : sumSquares(buf, wq, m);
      rotations++;
    }
  }
  return rotations;
}

/**
 * Rotates two vectors of `len` entries (exported form of the rotation the sweeps use):
 * `x ← c·x − s·y`, `y ← s·x + c·y`.
 * @param buf the float64 data
 * @param x index of the first vector
 * @param y index of the second vector
 * @param len entries of each
 * @param c cosine
 * @param s sine
 */
export function rotateRows(buf: Float64Array, x: number, y: number, len: number, c: number, s: number): void {
  rotate(buf, x, y, len, c, s);
}

/**
 * Step i of Householder tridiagonalisation (EISPACK tred2, on Wᵀ: the matrix is held with
 * W[j][k] = V[k][j], so every inner loop runs along a contiguous row): the similarity
 * product `e = A·u` over the leading i×i block (lower triangle of V = rows of W from the
 * diagonal on), u in d, and V[j][i] = u[j] saved in row i of W.
 * @param buf the float64 data
 * @param w index of W[0][0] (n×n, row-major)
 * @param n order
 * @param i the step (1 ≤ i < n)
 * @param d index of d (n)
 * @param e index of e (n), zero on entry for j < i
 */
export function tridiagSimilarity(buf: Float64Array, w: number, n: number, i: number, d: number, e: number): void {
  for (let j = 0; j < i; j++) {
    const row = w + j * n;
    const f = buf[d + j]!;
    buf[w + i * n + j] = f;
    let g = buf[e + j]! + buf[row + j]! * f;
    for (let k = j + 1; k < i; k++) {
      const x = buf[row + k]!;
      g += x * buf[d + k]!;
      buf[e + k] = buf[e + k]! + x * f;
    }
    buf[e + j] = g;
  }
}

/**
 * Step i of tred2, its rank-2 update: `V[k][j] −= d[j]·e[k] + e[j]·d[k]` for j ≤ k < i (row
 * j of W from the diagonal), then `d[j] = V[i−1][j]`, `V[i][j] = 0`.
 * @param buf the float64 data
 * @param w index of W[0][0]
 * @param n order
 * @param i the step
 * @param d index of d
 * @param e index of e
 */
export function tridiagRank2(buf: Float64Array, w: number, n: number, i: number, d: number, e: number): void {
  for (let j = 0; j < i; j++) {
    const row = w + j * n;
    const f = buf[d + j]!, g = buf[e + j]!;
    for (let k = j; k < i; k++) buf[row + k] = buf[row + k]! - (f * buf[e + k]! + g * buf[d + k]!);
    buf[d + j] = buf[row + i - 1]!;
    buf[row + i] = 0;
  }
}

/**
 * Step i of tred2's accumulation of the reflectors: for j ≤ i, `g = V[·][i+1]·V[·][j]` over
 * rows 0…i, then `V[·][j] −= g·d` (columns of V are rows of W).
 * @param buf the float64 data
 * @param w index of W[0][0]
 * @param n order
 * @param i the step (0 ≤ i < n − 1)
 * @param d index of d (the scaled reflector, i + 1 entries)
 */
export function tridiagAccumulate(buf: Float64Array, w: number, n: number, i: number, d: number): void {
  const src = w + (i + 1) * n;
  for (let j = 0; j <= i; j++) {
    const row = w + j * n;
    let g0 = 0, g1 = 0;
    let k = 0;
    for (; k + 2 <= i + 1; k += 2) {
      g0 += buf[src + k]! * buf[row + k]!;
      g1 += buf[src + k + 1]! * buf[row + k + 1]!;
    }
    if (k <= i) g0 += buf[src + k]! * buf[row + k]!;
    const g = g0 + g1;
    for (k = 0; k <= i; k++) buf[row + k] = buf[row + k]! - g * buf[d + k]!;
  }
}

/**
 * A Householder reflector `H = I − tau·v·vᵀ` applied from the right to the rows of a block
 * held by columns: the block's `count` columns (each `len` long, `stride` apart, starting at
 * `x`) are mixed by v (count entries at `v`): `y = Σ_j v[j]·col_j`, then
 * `col_j −= tau·v[j]·y`. `y` is scratch of `len` entries.
 * @param buf the float64 data
 * @param v index of v[0]
 * @param count columns (entries of v)
 * @param tau the reflector's scale
 * @param x index of the first column
 * @param len rows (entries of each column)
 * @param stride index step between columns
 * @param y index of `len` float64 of scratch
 */
export function houseApplyRight(buf: Float64Array, v: number, count: number, tau: number, x: number, len: number, stride: number, y: number): void {
  if (tau === 0 || len === 0) return;
  buf.fill(0, y, y + len);
  for (let j = 0; j < count; j++) {
    const vj = buf[v + j]!;
    if (vj === 0) continue;
    const col = x + j * stride;
    for (let i = 0; i < len; i++) buf[y + i] = buf[y + i]! + vj * buf[col + i]!;
  }
  for (let j = 0; j < count; j++) {
    const s = tau * buf[v + j]!;
    if (s === 0) continue;
    const col = x + j * stride;
    for (let i = 0; i < len; i++) buf[col + i] = buf[col + i]! - s * buf[y + i]!;
  }
}

/**
 * Gram matrix of the `n` rows (each `m` long) at `w`: `g[i][j] = w_i·w_j` (n×n, both
 * triangles written).
 * @param buf the float64 data
 * @param w index of the first row
 * @param n rows
 * @param m length of a row
 * @param g index of the n×n result (must not overlap w)
 */
export function gramRows(buf: Float64Array, w: number, n: number, m: number, g: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const x = dot(buf, w + i * m, w + j * m, m);
      buf[g + i * n + j] = x;
      buf[g + j * n + i] = x;
    }
  }
}

/**
 * Linear combinations of rows: `out_i = Σ_k c[i][k]·w_k` for i < n (c is n×n row-major, the
 * w_k are n rows of `m` at `w`, the out_i n rows of `m` at `out`, not overlapping w).
 * @param buf the float64 data
 * @param c index of c[0][0]
 * @param n rows of c, w and out
 * @param w index of w's first row
 * @param m length of a row of w and out
 * @param out index of the first output row
 */
export function combineRows(buf: Float64Array, c: number, n: number, w: number, m: number, out: number): void {
  for (let i = 0; i < n; i++) {
    const o = out + i * m;
    buf.fill(0, o, o + m);
    for (let k = 0; k < n; k++) {
      const s = buf[c + i * n + k]!;
      if (s === 0) continue;
      const x = w + k * m;
      for (let r = 0; r < m; r++) buf[o + r] = buf[o + r]! + s * buf[x + r]!;
    }
  }
}

/**
 * The hot loops of the orthogonal decompositions (nd.linalg.qr, svd, eigh), f64x2 SIMD: the
 * same algorithms as src/kernels/js-decomp.ts (the JS reference), on byte pointers into the
 * arena. Rows are contiguous float64 vectors; pointers need no alignment. Nothing allocates.
 *
 * - `house_apply(v, len, tau, x, count, stride)`: x ← x − τ·(v·x)·v for `count` vectors
 *   `stride` bytes apart (a Householder reflector applied to the columns of a block).
 * - `svd_jacobi_sweep(w, n, m, v, nv, tol, norms)`: one cyclic one-sided Jacobi sweep over
 *   the n rows of w (m long), rotating rows of v (nv long) alike, squared norms tracked at
 *   `norms`; returns the rotation count.
 * - `tridiag_similarity`, `tridiag_rank2`, `tridiag_accumulate(w, n, i, d[, e])`: step i of
 *   Householder tridiagonalisation (EISPACK tred2) on the transposed matrix;
 *   `rotate_rows(x, y, len, c, s)`: a QL rotation (tql2) of two eigenvector rows.
 * - `house_apply_right(v, count, tau, x, len, stride, y)`: a reflector applied from the right
 *   to `count` columns (Golub–Kahan bidiagonalisation), `y` scratch of len float64.
 * - `gram_rows(w, n, m, g)`, `combine_rows(c, n, w, m, out)`: Gram matrix of n rows and
 *   linear combinations of rows (the eigenvector start of Jacobi SVD).
 */
import { F64 } from './lanes';

/** SVD_TINY_SQ of src/kernels/js-decomp.ts. */
const SVD_TINY_SQ: f64 = 1e-280;

/** Tangent of the Jacobi angle for ζ = cot 2θ (the smaller root of t² + 2ζt − 1). */
@inline function jacobiTangent(zeta: f64): f64 {
  const az = abs<f64>(zeta);
  const t = az > 1e150 ? 0.5 / az : 1.0 / (az + sqrt<f64>(1.0 + az * az));
  return zeta < 0 ? -t : t;
}

/** v·x over len entries (two f64x2 accumulators, scalar tail). */
@inline function dotRow(v: usize, x: usize, len: usize): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 4 <= len; i += 4) {
    const o = i * F64;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(v + o), v128.load(x + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(v + o, 16), v128.load(x + o, 16)));
  }
  for (; i + 2 <= len; i += 2) {
    const o = i * F64;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(v + o), v128.load(x + o)));
  }
  const s = f64x2.add(s0, s1);
  let r = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (i < len) r += load<f64>(v + i * F64) * load<f64>(x + i * F64);
  return r;
}

/** x ← x − s·v over len entries. */
@inline function axpyNeg(s: f64, v: usize, x: usize, len: usize): void {
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 2 <= len; i += 2) {
    const o = i * F64;
    v128.store(x + o, f64x2.sub(v128.load(x + o), f64x2.mul(sv, v128.load(v + o))));
  }
  if (i < len) {
    const o = i * F64;
    store<f64>(x + o, load<f64>(x + o) - s * load<f64>(v + o));
  }
}

/** x ← c·x − s·y, y ← s·x + c·y over len entries. */
function rotateRows(x: usize, y: usize, len: usize, c: f64, s: f64): void {
  const cv = f64x2.splat(c);
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 2 <= len; i += 2) {
    const o = i * F64;
    const a = v128.load(x + o);
    const b = v128.load(y + o);
    v128.store(x + o, f64x2.sub(f64x2.mul(cv, a), f64x2.mul(sv, b)));
    v128.store(y + o, f64x2.add(f64x2.mul(sv, a), f64x2.mul(cv, b)));
  }
  if (i < len) {
    const o = i * F64;
    const a = load<f64>(x + o);
    const b = load<f64>(y + o);
    store<f64>(x + o, c * a - s * b);
    store<f64>(y + o, s * a + c * b);
  }
}

/**
 * Applies H = I − tau·v·vᵀ to `count` vectors of `len` float64 at x, x + stride, … (bytes).
 */
export function house_apply(v: usize, len: usize, tau: f64, x: usize, count: usize, stride: usize): void {
  if (tau == 0) return;
  for (let r: usize = 0; r < count; r++, x += stride) {
    const s = tau * dotRow(v, x, len);
    if (s != 0) axpyNeg(s, v, x, len);
  }
}

/** Σ x² over len entries (f64x2 lanes). */
@inline function sumSquares(x: usize, len: usize): f64 {
  let s = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 2 <= len; i += 2) {
    const a = v128.load(x + i * F64);
    s = f64x2.add(s, f64x2.mul(a, a));
  }
  let r = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (i < len) {
    const a = load<f64>(x + i * F64);
    r += a * a;
  }
  return r;
}

/**
 * One cyclic one-sided Jacobi sweep over the n rows (m float64 each, contiguous) at w:
 * pairs with |wp·wq| > tol·‖wp‖·‖wq‖ are rotated orthogonal, rows of v (nv each) alike. The
 * squared norms live at `norms` (n float64): computed at the start, updated by the rotations
 * (α − tγ, β + tγ), recomputed where that cancels. Returns the number of rotations.
 */
export function svd_jacobi_sweep(w: usize, n: usize, m: usize, v: usize, nv: usize, tol: f64, norms: usize): f64 {
  let rotations: f64 = 0;
  const rowBytes = m * F64;
  for (let p: usize = 0; p < n; p++) store<f64>(norms + p * F64, sumSquares(w + p * rowBytes, m));
  for (let p: usize = 0; p + 1 < n; p++) {
    const wp = w + p * rowBytes;
    for (let q: usize = p + 1; q < n; q++) {
      const alpha = load<f64>(norms + p * F64);
      const beta = load<f64>(norms + q * F64);
      // Columns with squared norm near the subnormal range are left alone (js-decomp.ts).
      if (!(alpha >= SVD_TINY_SQ && beta >= SVD_TINY_SQ)) continue;
      const wq = w + q * rowBytes;
      const gamma = dotRow(wp, wq, m);
      if (!(abs<f64>(gamma) > tol * sqrt<f64>(alpha) * sqrt<f64>(beta))) continue;
      const t = jacobiTangent((beta - alpha) / (2 * gamma));
      const c = 1.0 / sqrt<f64>(1.0 + t * t);
      const s = c * t;
      rotateRows(wp, wq, m, c, s);
      if (nv > 0) rotateRows(v + p * nv * F64, v + q * nv * F64, nv, c, s);
      const a2 = alpha - t * gamma;
      const b2 = beta + t * gamma;
      store<f64>(norms + p * F64, a2 > 0.25 * alpha ? a2 : sumSquares(wp, m));
      store<f64>(norms + q * F64, b2 > 0.25 * beta ? b2 : sumSquares(wq, m));
      rotations += 1;
    }
  }
  return rotations;
}

/** x ← c·x − s·y, y ← s·x + c·y over len float64 (the rotation tql2 applies to eigenvectors). */
export function rotate_rows(x: usize, y: usize, len: usize, c: f64, s: f64): void {
  rotateRows(x, y, len, c, s);
}

/**
 * Step i of Householder tridiagonalisation (tred2 on W = Vᵀ, see src/kernels/js-decomp.ts
 * tridiagSimilarity): e += A·u over the leading block, u in d; V[j][i] = d[j] into row i.
 */
export function tridiag_similarity(w: usize, n: usize, i: usize, d: usize, e: usize): void {
  const rowBytes = n * F64;
  for (let j: usize = 0; j < i; j++) {
    const row = w + j * rowBytes;
    const f = load<f64>(d + j * F64);
    store<f64>(w + i * rowBytes + j * F64, f);
    const fv = f64x2.splat(f);
    let gv = f64x2.splat(0);
    let k: usize = j + 1;
    for (; k + 2 <= i; k += 2) {
      const o = k * F64;
      const x = v128.load(row + o);
      gv = f64x2.add(gv, f64x2.mul(x, v128.load(d + o)));
      v128.store(e + o, f64x2.add(v128.load(e + o), f64x2.mul(x, fv)));
    }
    let g = load<f64>(e + j * F64) + load<f64>(row + j * F64) * f + (f64x2.extract_lane(gv, 0) + f64x2.extract_lane(gv, 1));
    if (k < i) {
      const o = k * F64;
      const x = load<f64>(row + o);
      g += x * load<f64>(d + o);
      store<f64>(e + o, load<f64>(e + o) + x * f);
    }
    store<f64>(e + j * F64, g);
  }
}

/** Step i of tred2, the rank-2 update of rows j < i of W (tridiagRank2 in js-decomp.ts). */
export function tridiag_rank2(w: usize, n: usize, i: usize, d: usize, e: usize): void {
  const rowBytes = n * F64;
  for (let j: usize = 0; j < i; j++) {
    const row = w + j * rowBytes;
    const f = load<f64>(d + j * F64);
    const g = load<f64>(e + j * F64);
    const fv = f64x2.splat(f);
    const gv = f64x2.splat(g);
    let k: usize = j;
    for (; k + 2 <= i; k += 2) {
      const o = k * F64;
      const upd = f64x2.add(f64x2.mul(fv, v128.load(e + o)), f64x2.mul(gv, v128.load(d + o)));
      v128.store(row + o, f64x2.sub(v128.load(row + o), upd));
    }
    if (k < i) {
      const o = k * F64;
      store<f64>(row + o, load<f64>(row + o) - (f * load<f64>(e + o) + g * load<f64>(d + o)));
    }
    store<f64>(d + j * F64, load<f64>(row + (i - 1) * F64));
    store<f64>(row + i * F64, 0);
  }
}

/** Step i of tred2's accumulation (tridiagAccumulate in js-decomp.ts). */
export function tridiag_accumulate(w: usize, n: usize, i: usize, d: usize): void {
  const rowBytes = n * F64;
  const src = w + (i + 1) * rowBytes;
  for (let j: usize = 0; j <= i; j++) {
    const row = w + j * rowBytes;
    const g = dotRow(src, row, i + 1);
    axpyNeg(g, d, row, i + 1);
  }
}

/**
 * H = I − tau·v·vᵀ from the right on a block held by columns (houseApplyRight in
 * js-decomp.ts): y = Σ v[j]·col_j (len float64 of scratch at y), then col_j −= tau·v[j]·y.
 */
export function house_apply_right(v: usize, count: usize, tau: f64, x: usize, len: usize, stride: usize, y: usize): void {
  if (tau == 0 || len == 0) return;
  memory.fill(y, 0, len * F64);
  for (let j: usize = 0; j < count; j++) {
    const vj = load<f64>(v + j * F64);
    if (vj != 0) axpyNeg(-vj, x + j * stride, y, len);
  }
  for (let j: usize = 0; j < count; j++) {
    const s = tau * load<f64>(v + j * F64);
    if (s != 0) axpyNeg(s, y, x + j * stride, len);
  }
}

/** g[i][j] = w_i·w_j for the n rows (m float64 each) at w; g is n×n, both triangles. */
export function gram_rows(w: usize, n: usize, m: usize, g: usize): void {
  const rowBytes = m * F64;
  for (let i: usize = 0; i < n; i++) {
    for (let j: usize = i; j < n; j++) {
      const x = dotRow(w + i * rowBytes, w + j * rowBytes, m);
      store<f64>(g + (i * n + j) * F64, x);
      store<f64>(g + (j * n + i) * F64, x);
    }
  }
}

/** out_i = Σ_k c[i][k]·w_k (c n×n row-major; w and out n rows of m float64, apart). */
export function combine_rows(c: usize, n: usize, w: usize, m: usize, out: usize): void {
  const rowBytes = m * F64;
  for (let i: usize = 0; i < n; i++) {
    const o = out + i * rowBytes;
    memory.fill(o, 0, rowBytes);
    for (let k: usize = 0; k < n; k++) {
      const s = load<f64>(c + (i * n + k) * F64);
      if (s != 0) axpyNeg(-s, w + k * rowBytes, o, m);
    }
  }
}

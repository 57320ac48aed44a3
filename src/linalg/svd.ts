/**
 * `nd.linalg.svd` and the singular values alone ({@link singularValues}, which
 * `nd.linalg.norm` uses for ord 2, −2 and 'nuc').
 *
 * With vectors: one-sided (Hestenes) Jacobi. The columns of the matrix (of its transpose when
 * it is wide) are rotated in pairs until all are mutually orthogonal; their norms are the
 * singular values, the normalised columns the left singular vectors, the accumulated
 * rotations the right ones. Each sweep is one WASM call (`svd_jacobi_sweep`, f64x2) or its
 * JS reference. From 16 columns Jacobi starts from the eigenvectors of the Gram matrix
 * (computed by eigh's tred2/tql2), which leaves it 2–3 sweeps instead of about 13; the
 * singular values are then accurate to ε‖A‖, as LAPACK's. Left vectors of zero singular
 * values (and the extra ones of `fullMatrices`) complete the basis through a Householder QR.
 *
 * Values alone: Golub–Kahan bidiagonalisation by Householder reflectors from both sides,
 * then LINPACK's implicit-shift QR on the bidiagonal (no vectors to accumulate).
 *
 * Every matrix is first scaled by a power of two so that no square overflows or underflows.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { checkArity, checkBoolean, checkOptions } from '../args.ts';
import { LinAlgError, formatShape } from '../errors.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { EPS, SVD_TINY_SQ } from '../kernels/js-decomp.ts';
import {
  Workspace,
  allocateResults,
  assertStacked2d,
  batchCount,
  powerOfTwoScale,
  refuseTracing,
  withInput,
  type MatrixInput,
} from './decomp-support.ts';
import { formQt, householderQr, norm2, reflector } from './qr.ts';
import { eighStack, tridiagonalEigen } from './eigh.ts';

/**
 * Columns from which Jacobi starts from the eigenvectors of the Gram matrix rather than from
 * the identity (below, plain Jacobi is as fast).
 */
const PRECONDITION_MIN = 16;

/** Most Jacobi sweeps before an SVD counts as not converging (LAPACK's dgesvj allows 30). */
const MAX_SWEEPS = 60;

/** Options of `nd.linalg.svd`. */
export interface SvdOptions {
  /** U (…, M, M) and Vh (…, N, N) when true (default); (…, M, K) and (…, K, N) when false. */
  fullMatrices?: boolean;
  /** Return U and Vh (default true); false returns the singular values alone. */
  computeUv?: boolean;
  /**
   * The matrices are symmetric (default false): the decomposition comes from `eigh` (S =
   * |w|, U = v, Vh = (v·sign(w))ᵀ, as NumPy, whose Vh has a zero row for a zero eigenvalue).
   */
  hermitian?: boolean;
}

/** Where one matrix's factors land: the workspace layout of {@link svdOne}. */
interface SvdLayout {
  /** rows of the working matrix's columns (max(M, N)) */
  mm: number;
  /** columns of the working matrix (min(M, N)) */
  nn: number;
  /** index of W: nn rows of length mm (the columns of A, or of Aᵀ when wide) */
  w: number;
  /** index of V: nn rows of length nn (rows of Vᵀ of the working matrix) */
  v: number;
  /** index of U's columns as rows: ucols rows of length mm */
  u: number;
  /** index of QR scratch: the reflector scales (nn) */
  tau: number;
  /** index of the singular values (nn) */
  s: number;
  /** index of the squared column norms the sweeps track (nn) */
  norms: number;
  /** total size */
  size: number;
}

function layout(m: number, n: number, computeUv: boolean, full: boolean): SvdLayout {
  const mm = Math.max(m, n), nn = Math.min(m, n);
  const ucols = full ? mm : nn;
  const w = 0;
  const v = w + nn * mm;
  const u = v + (computeUv ? nn * nn : 0);
  const tau = u + (computeUv ? ucols * mm : 0);
  const s = tau + nn;
  const norms = s + nn;
  // With vectors, the QR completion factors a copy of U's known columns after that (nn rows
  // of mm); without, the bidiagonalisation needs d, e, a row (nn each) and a column (mm).
  return { mm, nn, w, v, u, tau, s, norms, size: norms + nn + (computeUv ? nn * mm : 3 * nn + mm) };
}

/**
 * The SVD of one M×N matrix (C-order at `src[s0…]`) into the workspace: singular values at
 * `L.s` (descending), and when `computeUv` the working matrix's left vectors as rows at
 * `L.u` (`ucols` of them) and right vectors as rows at `L.v`, in the same order. The working
 * matrix is A (M ≥ N) or Aᵀ (M < N). An infinite entry (NaN was refused before) gives NaN
 * values and identity vectors.
 */
function svdOne(ws: Workspace, L: SvdLayout, src: Float64Array, s0: number, m: number, n: number, computeUv: boolean, full: boolean): void {
  const buf = ws.buf, base = ws.base;
  const { mm, nn } = L;
  const w = base + L.w, v = base + L.v, u = base + L.u, sv = base + L.s;
  const wide = m < n;
  let maxAbs = 0;
  for (let i = 0; i < m * n; i++) {
    const x = Math.abs(src[s0 + i]!);
    if (x > maxAbs) maxAbs = x;
  }
  const ucols = full ? mm : nn;
  if (maxAbs === Infinity) {
    // NumPy (LAPACK) gives NaN singular values for infinite entries and finite vectors.
    buf.fill(NaN, sv, sv + nn);
    if (computeUv) {
      identityRows(buf, v, nn, nn, nn);
      identityRows(buf, u, ucols, mm, mm);
    }
    return;
  }
  const scale = powerOfTwoScale(maxAbs);
  // W's row i: column i of A (tall), or row i of A (wide: a column of Aᵀ).
  for (let i = 0; i < nn; i++) {
    const row = w + i * mm;
    if (wide) for (let r = 0; r < mm; r++) buf[row + r] = src[s0 + i * n + r]! * scale;
    else for (let r = 0; r < mm; r++) buf[row + r] = src[s0 + r * n + i]! * scale;
  }
  if (!computeUv) {
    const values = bidiagonalValues(ws, w, mm, nn, base + L.norms + nn);
    if (values === null) throw new LinAlgError('SVD did not converge', [m, n]);
    values.sort((x, y) => y - x);
    for (let i = 0; i < nn; i++) buf[sv + i] = values[i]! / scale;
    return;
  }
  if (nn >= PRECONDITION_MIN) {
    // V₀ from eigh of the Gram matrix WᵀW (eigenvectors as rows, in U's storage, free until
    // the end), then W ← W·V₀ and V ← V₀: the columns start nearly orthogonal and Jacobi
    // polishes them in a few sweeps (its convergence test is unchanged; W·V₀ adds rounding
    // of ε‖A‖ to every column, which is what costs tiny values their relative accuracy).
    const g = u, d = base + L.tau, e = sv;
    ws.kernels.gramRows(w, nn, mm, g);
    if (!tridiagonalEigen(ws, g, nn, d, e, true)) identityRows(buf, g, nn, nn, nn);
    const copy = base + L.norms + nn;
    ws.kernels.combineRows(g, nn, w, mm, copy);
    buf.copyWithin(w, copy, copy + nn * mm);
    buf.copyWithin(v, g, g + nn * nn);
  } else identityRows(buf, v, nn, nn, nn);
  const tol = Math.max(1, Math.sqrt(mm)) * EPS;
  let sweeps = 0;
  while (ws.kernels.svdSweep(w, nn, mm, v, computeUv ? nn : 0, tol, base + L.norms) > 0) {
    if (++sweeps >= MAX_SWEEPS) throw new LinAlgError('SVD did not converge', [m, n]);
  }
  // Singular values: the column norms, sorted descending (stable), with their vectors.
  const sigma = new Float64Array(nn);
  for (let i = 0; i < nn; i++) sigma[i] = norm2(buf, w + i * mm, mm);
  const order = Array.from({ length: nn }, (_, i) => i).sort((i, j) => sigma[j]! - sigma[i]! || i - j);
  for (let i = 0; i < nn; i++) buf[sv + i] = sigma[order[i]!]! / scale;
  if (!computeUv) return;
  // U's columns: normalised W rows, in order; those of zero singular values come later.
  let known = 0;
  for (let i = 0; i < nn; i++) {
    const p = order[i]!;
    const sg = sigma[p]!;
    // Columns Jacobi left alone as too small (SVD_TINY_SQ) get completed vectors like zeros.
    if (!(sg * sg >= SVD_TINY_SQ)) break;
    const dst = u + i * mm, from = w + p * mm;
    const inv = 1 / sg;
    for (let r = 0; r < mm; r++) buf[dst + r] = buf[from + r]! * inv;
    known++;
  }
  // V's rows reordered: W's storage is free now, use it to hold the permuted copy.
  for (let i = 0; i < nn; i++) buf.copyWithin(w + i * nn, v + order[i]! * nn, v + order[i]! * nn + nn);
  buf.copyWithin(v, w, w + nn * nn);
  if (known < ucols) completeBasis(ws, L, known, ucols);
}

/** Most implicit-shift QR steps on one singular value of the bidiagonal (LINPACK allows 30). */
const MAX_BIDIAGONAL_STEPS = 75;

/**
 * Singular values alone (unsorted), as LAPACK's `gesdd` without vectors: Golub–Kahan
 * bidiagonalisation by Householder reflectors from both sides (the left ones by the
 * house_apply kernel over contiguous columns, the right ones by house_apply_right), then
 * implicit-shift QR on the bidiagonal (LINPACK's dsvdc, as JAMA ports it) without vectors.
 * `w` holds the mm×nn working matrix by columns (mm ≥ nn) and is destroyed; `scratch` has
 * 3·nn + mm float64.
 * @returns the values, or null when the QR iteration did not converge
 */
function bidiagonalValues(ws: Workspace, w: number, mm: number, nn: number, scratch: number): Float64Array | null {
  const buf = ws.buf;
  const K = ws.kernels;
  const row = scratch + 2 * nn, col = scratch + 3 * nn;
  const d = new Float64Array(nn), e = new Float64Array(nn);
  for (let k = 0; k < nn; k++) {
    const x = w + k * mm + k;
    const t = reflector(buf, x, mm - k);
    d[k] = buf[x]!;
    if (t !== 0) {
      buf[x] = 1;
      K.houseApply(x, mm - k, t, x + mm, nn - k - 1, mm);
    }
    if (k + 1 >= nn) continue;
    // Row k right of the diagonal (strided in this layout), gathered, made a reflector and
    // applied from the right to rows k+1… of columns k+1….
    const count = nn - k - 1;
    for (let j = 0; j < count; j++) buf[row + j] = buf[w + (k + 1 + j) * mm + k]!;
    const tr = reflector(buf, row, count);
    e[k] = buf[row]!;
    if (tr !== 0) {
      buf[row] = 1;
      K.houseApplyRight(row, count, tr, w + (k + 1) * mm + k + 1, mm - k - 1, mm, col);
    }
  }
  return bidiagonalQr(d, e) ? d : null;
}

/**
 * Singular values of the upper bidiagonal (d, e) in place (d; e destroyed): LINPACK dsvdc's
 * implicit-shift QR iteration without vectors (JAMA's port), with negligible entries
 * deflated at ε relative to their neighbours.
 * @returns false when a value took more than MAX_BIDIAGONAL_STEPS steps
 */
function bidiagonalQr(s: Float64Array, e: Float64Array): boolean {
  let p = s.length;
  let iter = 0;
  const tiny = Math.pow(2, -966);
  while (p > 0) {
    let k: number;
    let kase: number;
    for (k = p - 2; k >= -1; k--) {
      if (k === -1) break;
      if (Math.abs(e[k]!) <= tiny + EPS * (Math.abs(s[k]!) + Math.abs(s[k + 1]!))) {
        e[k] = 0;
        break;
      }
    }
    if (k === p - 2) kase = 4;
    else {
      let ks: number;
      for (ks = p - 1; ks >= k; ks--) {
        if (ks === k) break;
        const t = (ks !== p ? Math.abs(e[ks]!) : 0) + (ks !== k + 1 ? Math.abs(e[ks - 1]!) : 0);
        if (Math.abs(s[ks]!) <= tiny + EPS * t) {
          s[ks] = 0;
          break;
        }
      }
      if (ks === k) kase = 3;
      else if (ks === p - 1) kase = 1;
      else {
        kase = 2;
        k = ks;
      }
    }
    k++;
    if (kase === 1) {
      // Deflate a negligible s[p-1].
      let f = e[p - 2]!;
      e[p - 2] = 0;
      for (let j = p - 2; j >= k; j--) {
        const t = Math.hypot(s[j]!, f);
        const cs = s[j]! / t, sn = f / t;
        s[j] = t;
        if (j !== k) {
          f = -sn * e[j - 1]!;
          e[j - 1] = cs * e[j - 1]!;
        }
      }
    } else if (kase === 2) {
      // Split at a negligible s[k-1].
      let f = e[k - 1]!;
      e[k - 1] = 0;
      for (let j = k; j < p; j++) {
        const t = Math.hypot(s[j]!, f);
        const cs = s[j]! / t, sn = f / t;
        s[j] = t;
        f = -sn * e[j]!;
        e[j] = cs * e[j]!;
      }
    } else if (kase === 3) {
      // One QR step, shift from the trailing 2×2.
      const scale = Math.max(Math.abs(s[p - 1]!), Math.abs(s[p - 2]!), Math.abs(e[p - 2]!), Math.abs(s[k]!), Math.abs(e[k]!));
      const sp = s[p - 1]! / scale, spm1 = s[p - 2]! / scale, epm1 = e[p - 2]! / scale;
      const sk = s[k]! / scale, ek = e[k]! / scale;
      const b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
      const c = sp * epm1 * (sp * epm1);
      let shift = 0;
      if (b !== 0 || c !== 0) {
        shift = Math.sqrt(b * b + c);
        if (b < 0) shift = -shift;
        shift = c / (b + shift);
      }
      let f = (sk + sp) * (sk - sp) + shift;
      let g = sk * ek;
      for (let j = k; j < p - 1; j++) {
        let t = Math.hypot(f, g);
        let cs = f / t, sn = g / t;
        if (j !== k) e[j - 1] = t;
        f = cs * s[j]! + sn * e[j]!;
        e[j] = cs * e[j]! - sn * s[j]!;
        g = sn * s[j + 1]!;
        s[j + 1] = cs * s[j + 1]!;
        t = Math.hypot(f, g);
        cs = f / t;
        sn = g / t;
        s[j] = t;
        f = cs * e[j]! + sn * s[j + 1]!;
        s[j + 1] = -sn * e[j]! + cs * s[j + 1]!;
        g = sn * e[j + 1]!;
        e[j + 1] = cs * e[j + 1]!;
      }
      e[p - 2] = f;
      if (++iter > MAX_BIDIAGONAL_STEPS) return false;
    } else {
      // Converged: s[k] is a singular value (made non-negative).
      if (s[k]! < 0) s[k] = -s[k]!;
      iter = 0;
      p--;
    }
  }
  return true;
}

/** Rows 0…count−1 of the `len`-wide identity at `at` (rows `stride` apart). */
function identityRows(buf: Float64Array, at: number, count: number, len: number, stride: number): void {
  for (let i = 0; i < count; i++) {
    buf.fill(0, at + i * stride, at + i * stride + len);
    if (i < len) buf[at + i * stride + i] = 1;
  }
}

/**
 * Completes the `known` orthonormal rows at `L.u` (length mm) to `ucols` orthonormal rows:
 * Householder QR of the known ones (as the columns of an mm×known matrix), Q formed with
 * ucols columns; Q's columns past `known` are orthogonal to the known ones.
 */
function completeBasis(ws: Workspace, L: SvdLayout, known: number, ucols: number): void {
  const buf = ws.buf, base = ws.base;
  const mm = L.mm;
  const u = base + L.u, tau = base + L.tau;
  const copy = base + L.norms + L.nn;
  buf.copyWithin(copy, u, u + known * mm);
  householderQr(ws, copy, mm, known, tau);
  // Q (ucols columns) lands in U's rows: the first `known` are ±the known vectors, so keep
  // those and take the rest.
  const saved = buf.slice(u, u + known * mm);
  formQt(ws, copy, mm, known, tau, u, ucols);
  buf.set(saved, u);
}

/** Refuses NaN entries as LAPACK's SVD does (NumPy: "SVD did not converge"). */
function assertNoNaN(src: Float64Array, shape: readonly number[], what = 'SVD did not converge'): void {
  for (let i = 0; i < src.length; i++) {
    if (src[i] !== src[i]) throw new LinAlgError(`${what} (the matrix of shape ${formatShape(shape)} holds NaN)`, shape);
  }
}

/**
 * @internal The singular values of each matrix of a stack, descending (NumPy's
 * `svd(a, compute_uv=False)`, as `np.linalg.svdvals`), for `nd.linalg.norm` and friends. The
 * argument is trusted (an NdArray with at least 2 dimensions); this signature stays stable.
 * @param a array (…, M, N)
 * @returns a new array (…, min(M, N))
 * @throws LinAlgError when a matrix holds NaN ("SVD did not converge", as NumPy)
 * @example
 * singularValues(nd.array([[3, 0], [0, 4]])).toArray(); // [4, 3]
 */
export function singularValues(a: NdArray): NdArray {
  return svdStack(a, false, false)[0]!;
}

/**
 * @internal SVD of every matrix of `a` (at least 2-D): `[S]`, or `[U, S, Vh]` when
 * `computeUv`.
 */
export function svdStack(a: NdArray, computeUv: boolean, full: boolean): NdArray[] {
  assertStacked2d(a);
  const lead = a.shape.slice(0, -2);
  const m = a.shape[a.ndim - 2]!, n = a.shape[a.ndim - 1]!;
  const k = Math.min(m, n);
  const src = gatherFloat64(a);
  assertNoNaN(src, a.shape);
  const uCols = full ? m : k, vRows = full ? n : k;
  const shapes = computeUv ? [[...lead, m, uCols], [...lead, k], [...lead, vRows, n]] : [[...lead, k]];
  const results = allocateResults(shapes);
  const L = layout(m, n, computeUv, full);
  let ws: Workspace | null = null;
  try {
    ws = new Workspace(L.size);
    const buf = ws.buf, base = ws.base;
    const sOut = computeUv ? results[1]! : results[0]!;
    const sData = sOut.f64();
    const batches = batchCount(a.shape);
    const wide = m < n;
    const { mm, nn } = L;
    for (let b = 0; b < batches; b++) {
      if (m === 0 || n === 0) {
        if (computeUv) {
          // NumPy: identity factors for empty matrices (U m×m or m×0, Vh n×n or 0×n).
          writeIdentity(results[0]!, b, m, uCols);
          writeIdentity(results[2]!, b, vRows, n);
        }
        continue;
      }
      svdOne(ws, L, src, b * m * n, m, n, computeUv, full);
      for (let i = 0; i < k; i++) sData[sOut.start + b * k + i] = buf[base + L.s + i]!;
      if (!computeUv) continue;
      const U = results[0]!, Vh = results[2]!;
      const uData = U.f64(), vData = Vh.f64();
      const ucolsW = full ? mm : nn;
      if (!wide) {
        // U[r][i] = working U column i, entry r; Vh[i][c] = V row i, entry c.
        let p = U.start + b * m * uCols;
        for (let r = 0; r < m; r++) for (let i = 0; i < uCols; i++) uData[p++] = buf[base + L.u + i * mm + r]!;
        p = Vh.start + b * vRows * n;
        for (let i = 0; i < vRows; i++) for (let c = 0; c < n; c++) vData[p++] = buf[base + L.v + i * nn + c]!;
      } else {
        // A = Bᵀ, B = U_B·S·V_Bᵀ: U = V_B (U[r][i] = V row i, entry r), Vh = U_Bᵀ.
        let p = U.start + b * m * uCols;
        for (let r = 0; r < m; r++) for (let i = 0; i < uCols; i++) uData[p++] = buf[base + L.v + i * nn + r]!;
        p = Vh.start + b * vRows * n;
        for (let i = 0; i < vRows && i < ucolsW; i++) for (let c = 0; c < n; c++) vData[p++] = buf[base + L.u + i * mm + c]!;
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

/** Writes the rows×cols identity into matrix `b` of a stack. */
function writeIdentity(out: NdArray, b: number, rows: number, cols: number): void {
  const d = out.f64();
  const p = out.start + b * rows * cols;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) d[p + i * cols + j] = i === j ? 1 : 0;
}

/**
 * Singular value decomposition, NumPy's `np.linalg.svd`: `a = U·diag(S)·Vh` for each matrix
 * of a stack, S descending (K = min(M, N)). Signs of singular vector pairs may differ from
 * NumPy's (both are valid); S matches. NaN entries throw LinAlgError as NumPy; ±Inf give NaN
 * singular values.
 * @param a matrix (…, M, N): an NdArray or nested numbers
 * @param options `{ fullMatrices = true, computeUv = true, hermitian = false }`
 * @returns `[U, S, Vh]`: U (…, M, M) or (…, M, K), S (…, K), Vh (…, N, N) or (…, K, N);
 *   S alone when `computeUv` is false
 * @throws LinAlgError for fewer than 2 dimensions, NaN entries, or no convergence
 * @example
 * const [u, s, vh] = nd.linalg.svd([[3, 0], [0, 4]]);
 * s.toArray(); // [4, 3]
 * nd.linalg.svd([[1, 2], [3, 4]], { computeUv: false }).toArray(); // [5.465, 0.366]
 */
export function svd(a: MatrixInput, options?: SvdOptions): [NdArray, NdArray, NdArray] | NdArray {
  refuseTracing('linalg.svd', arguments);
  checkArity('linalg.svd', arguments, 2, 1);
  const o = checkOptions('linalg.svd', options, ['fullMatrices', 'computeUv', 'hermitian']);
  const full = checkBoolean('linalg.svd', 'fullMatrices', o.fullMatrices, true);
  const computeUv = checkBoolean('linalg.svd', 'computeUv', o.computeUv, true);
  const hermitian = checkBoolean('linalg.svd', 'hermitian', o.hermitian, false);
  return withInput(a, (x) => {
    if (hermitian) return hermitianSvd(x, computeUv);
    const r = svdStack(x, computeUv, full);
    return computeUv ? [r[0]!, r[1]!, r[2]!] : r[0]!;
  });
}

/**
 * NumPy's `svd(a, hermitian=True)`: from eigh, s = |w| descending (NumPy: argsort of s,
 * reversed), u = v in that order, vt = (u·sign(w))ᵀ.
 */
function hermitianSvd(a: NdArray, computeUv: boolean): [NdArray, NdArray, NdArray] | NdArray {
  const parts = eighStack(a, 'L', computeUv);
  const n = a.shape[a.ndim - 1]!;
  const batches = batchCount(a.shape);
  try {
    const w = gatherFloat64(parts[0]!);
    const v = computeUv ? gatherFloat64(parts[1]!) : null;
    const shapes = computeUv ? [parts[1]!.shape, parts[0]!.shape, parts[1]!.shape] : [parts[0]!.shape];
    const out = allocateResults(shapes);
    const S = computeUv ? out[1]! : out[0]!;
    const sData = S.f64();
    const uData = computeUv ? out[0]!.f64() : null, vData = computeUv ? out[2]!.f64() : null;
    for (let b = 0; b < batches; b++) {
      const wb = w.subarray(b * n, b * n + n);
      // argsort(|w|) ascending (w is ascending: |w| sorted stably), then reversed.
      const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.abs(wb[i]!) - Math.abs(wb[j]!) || i - j).reverse();
      for (let i = 0; i < n; i++) sData[S.start + b * n + i] = Math.abs(wb[order[i]!]!);
      if (v === null || uData === null || vData === null) continue;
      const U = out[0]!, Vh = out[2]!;
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < n; i++) {
          const x = v[b * n * n + r * n + order[i]!]!;
          uData[U.start + b * n * n + r * n + i] = x;
          vData[Vh.start + b * n * n + i * n + r] = x * Math.sign(wb[order[i]!]!);
        }
      }
    }
    return computeUv ? [out[0]!, out[1]!, out[2]!] : out[0]!;
  } finally {
    for (const p of parts) p.dispose();
  }
}

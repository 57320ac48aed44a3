/**
 * `nd.linalg.qr`: Householder QR, as LAPACK's `dgeqrf` + `dorgqr` (NumPy's backend) in their
 * unblocked forms (`dgeqr2`, `dorg2r`), with
 * LAPACK's sign convention (`dlarfg`: R's diagonal entries have the sign opposite to the
 * pivot column's leading entry), so Q and R match NumPy's up to rounding. The matrix is held
 * by columns (each column a contiguous row of the workspace), so each reflector is applied
 * to the trailing columns as dot + axpy over contiguous vectors: the `house_apply` kernel
 * (WASM f64x2, or its JS reference). Batched over leading axes. Mode 'raw' returns that
 * workspace as is: by columns it is NumPy's `h` (LAPACK's `dgeqrf` output transposed), with
 * the reflectors' scales `tau`.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { checkArity, checkChoice } from '../args.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
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

/** A mode of `nd.linalg.qr` (NumPy's). */
export type QrMode = 'reduced' | 'complete' | 'r' | 'raw';
/** The modes `qr` takes. */
const QR_MODES: readonly QrMode[] = ['reduced', 'complete', 'r', 'raw'];

/** ‖buf[x … x+len)‖₂ without overflow or underflow (scaled by the largest magnitude). */
export function norm2(buf: Float64Array, x: number, len: number): number {
  let big = 0;
  for (let i = 0; i < len; i++) {
    const v = Math.abs(buf[x + i]!);
    if (v > big || v !== v) big = v;
  }
  if (big === 0 || !Number.isFinite(big)) return big;
  const inv = powerOfTwoScale(big); // exact, and finite for subnormal `big` too
  let s = 0;
  for (let i = 0; i < len; i++) {
    const v = buf[x + i]! * inv;
    s += v * v;
  }
  return Math.sqrt(s) / inv;
}

/** LAPACK dlarfg's SAFMIN: smallest normal / ε (below it 1/(α − β) may overflow). */
const SAFMIN = 2.2250738585072014e-308 / 1.1102230246251565e-16;
const RSAFMIN = 1 / SAFMIN;

/** β = −sign(α)·hypot(α, xnorm) (LAPACK's SIGN: +0 counts positive). */
function signedBeta(alpha: number, xnorm: number): number {
  const h = Math.hypot(alpha, xnorm);
  return alpha >= 0 || alpha !== alpha ? -h : h;
}

/**
 * Householder QR in place (LAPACK `dgeqr2`): `w` holds the m×n matrix by columns (n rows of
 * length m at `w`). On return the upper triangle holds R (column j, rows ≤ j), below it the
 * reflectors' vectors (implicit leading 1), and `tau[j]` their scales, j < min(m, n).
 * @param ws the workspace
 * @param w index of column 0
 * @param m rows
 * @param n columns
 * @param tau index of the min(m, n) scales
 */
export function householderQr(ws: Workspace, w: number, m: number, n: number, tau: number): void {
  const buf = ws.buf;
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    const x = w + j * m + j;
    const t = reflector(buf, x, m - j);
    buf[tau + j] = t;
    if (t === 0) continue;
    const beta = buf[x]!;
    buf[x] = 1;
    ws.kernels.houseApply(x, m - j, t, x + m, n - j - 1, m);
    buf[x] = beta;
  }
}

/**
 * LAPACK's `dlarfg` in place: makes the reflector H = I − τ·v·vᵀ (v[0] = 1) with
 * H·x = [β, 0, …]; x[0] becomes β and x[1…] the rest of v.
 * @param buf the float64 data
 * @param x index of x[0]
 * @param len entries of x
 * @returns τ (0: H = I, x unchanged)
 */
export function reflector(buf: Float64Array, x: number, len: number): number {
  const alpha = buf[x]!;
  const xnorm = norm2(buf, x + 1, len - 1);
  if (xnorm === 0) return 0;
  let a0 = alpha;
  let beta = signedBeta(a0, xnorm);
  // dlarfg: a tiny |β| would make 1/(α − β) overflow; scale x up first (and β back after).
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    do {
      knt++;
      for (let i = 1; i < len; i++) buf[x + i] = buf[x + i]! * RSAFMIN;
      beta *= RSAFMIN;
      a0 *= RSAFMIN;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    beta = signedBeta(a0, norm2(buf, x + 1, len - 1));
  }
  const t = (beta - a0) / beta;
  const scale = 1 / (a0 - beta);
  for (let i = 1; i < len; i++) buf[x + i] = buf[x + i]! * scale;
  for (let i = 0; i < knt; i++) beta *= SAFMIN;
  buf[x] = beta;
  return t;
}

/**
 * Forms the first `q` columns of Q = H₀·H₁·…·H_{k−1} (LAPACK `dorg2r`) from the output of
 * {@link householderQr}, as rows of Qᵀ: q rows of length m at `qt`. The diagonal of `w`
 * (R's) is kept.
 * @param ws the workspace
 * @param w index of the factored columns
 * @param m rows of the matrix
 * @param k reflectors (min(m, n))
 * @param tau index of their scales
 * @param qt index of Qᵀ's first row
 * @param q columns of Q to form (k ≤ q ≤ m)
 */
export function formQt(ws: Workspace, w: number, m: number, k: number, tau: number, qt: number, q: number): void {
  const buf = ws.buf;
  buf.fill(0, qt, qt + q * m);
  for (let i = 0; i < q; i++) buf[qt + i * m + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const x = w + j * m + j;
    const keep = buf[x]!;
    buf[x] = 1;
    // Rows i < j of Qᵀ are still e_i, which H_j leaves alone.
    ws.kernels.houseApply(x, m - j, buf[tau + j]!, qt + j * m + j, q - j, m);
    buf[x] = keep;
  }
}

/**
 * QR decomposition, NumPy's `np.linalg.qr`: `a = Q·R` with Q orthonormal columns and R upper
 * triangular, for each matrix of a stack (K = min(M, N)).
 * @param a matrix (…, M, N): an NdArray or nested numbers
 * @param mode `'reduced'` (default): Q (…, M, K), R (…, K, N); `'complete'`: Q (…, M, M),
 *   R (…, M, N); `'r'`: R (…, K, N) alone; `'raw'`: `[h, tau]` as NumPy's, LAPACK's
 *   `dgeqrf` output: h (…, N, M) is the factored matrix transposed (row j of h is column j:
 *   R's entries on and above the diagonal, below it reflector j's vector, whose leading 1 is
 *   implicit) and tau (…, K) the reflectors' scales, so Q = H₀·…·H_{K−1} with
 *   Hⱼ = I − tau[j]·vⱼ·vⱼᵀ (tau 0: Hⱼ = I). LAPACK's sign convention, as NumPy's.
 * @returns `[Q, R]`, R alone for mode `'r'`, `[h, tau]` for mode `'raw'`
 * @throws LinAlgError for fewer than 2 dimensions; ArgumentError for an unknown mode
 * @example
 * const [q, r] = nd.linalg.qr([[1, 2], [3, 4]]);
 * r.toArray(); // [[-3.1623, -4.4272], [0, -0.6325]] (as NumPy)
 * const [h, tau] = nd.linalg.qr([[1, 2], [3, 4]], 'raw');
 * h.toArray(); // [[-3.1623, 0.7208], [-4.4272, -0.6325]]; tau.toArray(): [1.3162, 0] (as NumPy)
 */
export function qr(a: MatrixInput, mode?: QrMode): [NdArray, NdArray] | NdArray {
  refuseTracing('linalg.qr', arguments);
  checkArity('linalg.qr', arguments, 2, 1);
  const which = mode === undefined ? 'reduced' : checkChoice('linalg.qr', 'mode', mode, QR_MODES);
  return withInput(a, (x) => {
    assertStacked2d(x);
    const lead = x.shape.slice(0, -2);
    const m = x.shape[x.ndim - 2]!, n = x.shape[x.ndim - 1]!;
    const k = Math.min(m, n);
    const q = which === 'complete' ? m : k;
    const rRows = which === 'complete' ? m : k;
    if (which === 'raw') {
      // NumPy's `h` is the factored workspace (held by columns) as is, and `tau` its scales.
      const raw = allocateResults([[...lead, n, m], [...lead, k]]) as [NdArray, NdArray];
      const [hOut, tauOut] = raw;
      factorEach(x, m, n, k, 0, raw, (ws, b) => {
        hOut.f64().set(ws.buf.subarray(ws.base, ws.base + m * n), hOut.start + b * m * n);
        tauOut.f64().set(ws.buf.subarray(ws.base + m * n, ws.base + m * n + k), tauOut.start + b * k);
      });
      return raw;
    }
    const shapes = which === 'r' ? [[...lead, rRows, n]] : [[...lead, m, q], [...lead, rRows, n]];
    const results = allocateResults(shapes);
    const qOut = which === 'r' ? null : results[0]!;
    const rOut = results[results.length - 1]!;
    const tau = m * n, qt = tau + k;
    factorEach(x, m, n, k, qOut === null ? 0 : q * m, results, (ws, b) => {
      const buf = ws.buf, base = ws.base;
      const rData = rOut.f64();
      let r0 = rOut.start + b * rRows * n;
      for (let i = 0; i < rRows; i++) for (let j = 0; j < n; j++) rData[r0++] = j >= i ? buf[base + j * m + i]! : 0;
      if (qOut !== null) {
        formQt(ws, base, m, k, base + tau, base + qt, q);
        const qData = qOut.f64();
        let q0 = qOut.start + b * m * q;
        for (let i = 0; i < m; i++) for (let j = 0; j < q; j++) qData[q0++] = buf[base + qt + j * m + i]!;
      }
    });
    return qOut === null ? rOut : [qOut, rOut];
  });
}

/**
 * Householder-factors each matrix of the stack `x` (…, M, N) in one workspace: the matrix by
 * columns at 0, its K scales at M·N, then `extra` words for the caller; `use(ws, b)` reads
 * matrix b's factors out. Disposes `results` when anything throws.
 */
function factorEach(x: NdArray, m: number, n: number, k: number, extra: number, results: readonly NdArray[], use: (ws: Workspace, b: number) => void): void {
  const src = gatherFloat64(x);
  let ws: Workspace | null = null;
  try {
    ws = new Workspace(m * n + k + extra);
    const buf = ws.buf, base = ws.base;
    const batches = batchCount(x.shape);
    for (let b = 0; b < batches; b++) {
      const s0 = b * m * n;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) buf[base + j * m + i] = src[s0 + i * n + j]!;
      householderQr(ws, base, m, n, base + m * n);
      use(ws, b);
    }
  } catch (e) {
    for (const r of results) r.dispose();
    throw e;
  } finally {
    ws?.dispose();
  }
}

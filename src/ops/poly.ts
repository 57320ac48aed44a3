/**
 * Polynomials given by coefficient arrays, highest power first: NumPy's `polyval` and
 * `polyfit` (least squares through `nd.linalg.lstsq`).
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { ArgumentError, ShapeError, formatShape } from '../errors.ts';
import { checkArity, checkInteger, checkNumber, checkOptions, checkBoolean, describe } from '../args.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
import { lstsq } from '../linalg/lstsq.ts';
import { inv } from '../linalg/lu.ts';
import { Converted, rejectTraced, type SignalInput } from './signal-args.ts';

/**
 * Evaluates the polynomial with coefficients `p` (highest power first) at `x`, NumPy's
 * `np.polyval(p, x)`, by Horner's rule in NumPy's order: y starts at 0 and becomes `y · x +
 * p[i]` for each coefficient, so the results are NumPy's bit for bit, including its first
 * step 0 · x: at x = ±Infinity that is NaN, so polyval([1], Infinity) is NaN as in NumPy.
 * An empty `p` gives zeros.
 * @param p the coefficients, 1-D, highest power first
 * @param x where to evaluate: a number, or an array of any shape
 * @returns a number for a number `x`, else a new array of x's shape
 * @throws ShapeError when p is not 1-D
 * @example
 * nd.polyval([3, 0, 1], 5);                  // 76
 * nd.polyval([3, 0, 1], [0, 1, 2]).toArray(); // [1, 4, 13]
 */
export function polyval(p: SignalInput, x: number): number;
export function polyval(p: SignalInput, x: SignalInput): NdArray;
export function polyval(p: SignalInput, x: SignalInput): NdArray | number {
  rejectTraced('polyval', arguments);
  checkArity('polyval', arguments, 2, 2);
  const conv = new Converted();
  try {
    const pa = conv.float(p);
    if (pa.ndim !== 1) throw new ShapeError(`polyval: p must be 1-D, got shape ${formatShape(pa.shape)}`, [pa.shape]);
    const coef = gatherFloat64(pa);
    if (typeof x === 'number') return horner(coef, x);
    const xa = conv.float(x);
    const xs = xa.isContiguous ? null : gatherFloat64(xa);
    const out = emptyArray(xa.shape);
    const X = xs ?? xa.f64();
    const xi = xs === null ? xa.start : 0;
    const O = out.f64();
    const oi = out.start;
    const n = out.size;
    const m = coef.length;
    // Four elements at a time: four independent Horner chains (one chain is latency-bound,
    // measured 3× NumPy's time at degree 5); each element's operations are unchanged.
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const v0 = X[xi + i]!, v1 = X[xi + i + 1]!, v2 = X[xi + i + 2]!, v3 = X[xi + i + 3]!;
      let y0 = 0, y1 = 0, y2 = 0, y3 = 0;
      for (let k = 0; k < m; k++) {
        const c = coef[k]!;
        y0 = y0 * v0 + c;
        y1 = y1 * v1 + c;
        y2 = y2 * v2 + c;
        y3 = y3 * v3 + c;
      }
      O[oi + i] = y0;
      O[oi + i + 1] = y1;
      O[oi + i + 2] = y2;
      O[oi + i + 3] = y3;
    }
    for (; i < n; i++) O[oi + i] = horner(coef, X[xi + i]!);
    return out;
  } finally {
    conv.release();
  }
}

function horner(coef: Float64Array, v: number): number {
  let y = 0;
  for (let k = 0; k < coef.length; k++) y = y * v + coef[k]!;
  return y;
}

/** Options of `nd.polyfit`. */
export interface PolyfitOptions {
  /** Relative cutoff for small singular values (default len(x)·ε), passed to lstsq. */
  rcond?: number | null;
  /** Return `[coefficients, residuals, rank, singularValues, rcond]` (default false). */
  full?: boolean;
  /** Weights of the points (1-D, as long as x): minimises Σ (w·(y − p(x)))². */
  w?: SignalInput | null;
  /** Also return the coefficients' covariance matrix: true (scaled) or 'unscaled'. */
  cov?: boolean | 'unscaled';
}

const EPS = 2.220446049250313e-16;

/**
 * Least-squares polynomial fit, NumPy's `np.polyfit(x, y, deg, rcond, full, w, cov)`: the
 * coefficients (highest power first) of the degree-`deg` polynomial minimising the squared
 * error at the points. As NumPy: the Vandermonde matrix (powers by repeated multiplication)
 * is weighted by `w`, its columns scaled to unit 2-norm, solved with `nd.linalg.lstsq` (rcond
 * default len(x)·ε), and the solution divided by the column norms. `y` 2-D fits each column
 * (coefficients in columns). NumPy's RankWarning on a rank-deficient fit is not raised
 * (ndvec has no warnings): pass `full: true` to see the rank. The SVD behind lstsq is
 * ndvec's own, so coefficients agree with NumPy's to rounding, not bit for bit.
 * @param x sample points, 1-D, not empty
 * @param y values, 1-D or 2-D with len(x) rows
 * @param deg degree (a non-negative integer)
 * @param options `{ rcond, full, w, cov }`
 * @returns the coefficients ((deg + 1,) or (deg + 1, K)); with `full`, `[coefficients,
 *   residuals, rank, singularValues, rcond]`; with `cov`, `[coefficients, covariance]`
 *   ((deg + 1, deg + 1), or (deg + 1, deg + 1, K) for 2-D y)
 * @throws ShapeError for x not 1-D or empty, y not 1-D/2-D or of another length, w not
 *   matching; ArgumentError for a bad degree or option, or cov with no more points than
 *   coefficients; LinAlgError (from lstsq) for NaN or ±Infinity in x or w
 * @example
 * nd.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1).toArray(); // ≈ [2, 1]
 */
export function polyfit(x: SignalInput, y: SignalInput, deg: number, options?: PolyfitOptions & { full?: false; cov?: false }): NdArray;
export function polyfit(x: SignalInput, y: SignalInput, deg: number, options: PolyfitOptions & { full: true }): [NdArray, NdArray, number, NdArray, number];
export function polyfit(x: SignalInput, y: SignalInput, deg: number, options: PolyfitOptions & { cov: true | 'unscaled' }): [NdArray, NdArray];
export function polyfit(x: SignalInput, y: SignalInput, deg: number, options?: PolyfitOptions): NdArray | [NdArray, NdArray, number, NdArray, number] | [NdArray, NdArray];
export function polyfit(x: SignalInput, y: SignalInput, deg: number, options?: PolyfitOptions): NdArray | [NdArray, NdArray, number, NdArray, number] | [NdArray, NdArray] {
  rejectTraced('polyfit', arguments);
  checkArity('polyfit', arguments, 4, 3);
  const order = checkInteger('polyfit', 'deg', deg, { min: 0 }) + 1;
  const o = checkOptions('polyfit', options, ['rcond', 'full', 'w', 'cov']);
  const full = checkBoolean('polyfit', 'full', o.full, false);
  if (o.cov !== undefined && typeof o.cov !== 'boolean' && o.cov !== 'unscaled') {
    throw new ArgumentError('polyfit', 'cov', `cov must be true, false or 'unscaled', got ${describe(o.cov)}`);
  }
  const cov = o.cov ?? false;
  const conv = new Converted();
  try {
    const xa = conv.float(x);
    const ya = conv.float(y);
    if (xa.ndim !== 1) throw new ShapeError(`polyfit: expected 1D vector for x, got shape ${formatShape(xa.shape)}`, [xa.shape]);
    if (xa.size === 0) throw new ShapeError('polyfit: expected non-empty vector for x', [xa.shape]);
    if (ya.ndim < 1 || ya.ndim > 2) throw new ShapeError(`polyfit: expected 1D or 2D array for y, got shape ${formatShape(ya.shape)}`, [ya.shape]);
    if (ya.shape[0] !== xa.size) throw new ShapeError(`polyfit: expected x and y to have same length, got ${xa.size} and ${ya.shape[0]}`, [xa.shape, ya.shape]);
    const m = xa.size;
    const rcond = o.rcond === undefined || o.rcond === null ? m * EPS : checkNumber('polyfit', 'rcond', o.rcond);
    const xs = gatherFloat64(xa);
    const k = ya.ndim === 2 ? ya.shape[1]! : 1;
    const rhs = conv.temporary(ya.copy());
    const R = rhs.f64();
    const ri = rhs.start;
    // Vandermonde matrix, highest power first: column order-1-j holds x^j by repeated products
    const lhs = conv.temporary(emptyArray([m, order]));
    const L = lhs.f64();
    const li = lhs.start;
    for (let i = 0; i < m; i++) {
      let p = 1;
      L[li + i * order + order - 1] = 1;
      for (let j = 1; j < order; j++) {
        p *= xs[i]!;
        L[li + i * order + order - 1 - j] = p;
      }
    }
    if (o.w !== undefined && o.w !== null) {
      const wa = conv.float(o.w as SignalInput);
      if (wa.ndim !== 1) throw new ShapeError(`polyfit: expected a 1-d array for weights, got shape ${formatShape(wa.shape)}`, [wa.shape]);
      if (wa.size !== m) throw new ShapeError(`polyfit: expected w and y to have the same length, got ${wa.size} and ${m}`, [wa.shape, ya.shape]);
      const ws = gatherFloat64(wa);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < order; j++) L[li + i * order + j]! *= ws[i]!;
        for (let c = 0; c < k; c++) R[ri + i * k + c]! *= ws[i]!;
      }
    }
    // column norms (NumPy sums the rows in order), then unit columns
    const scale = new Float64Array(order);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < order; j++) {
        const v = L[li + i * order + j]!;
        scale[j] = i === 0 ? v * v : scale[j]! + v * v;
      }
    }
    for (let j = 0; j < order; j++) scale[j] = Math.sqrt(scale[j]!);
    for (let i = 0; i < m; i++) for (let j = 0; j < order; j++) L[li + i * order + j]! /= scale[j]!;
    const [c, resids, rank, sv] = lstsq(lhs, rhs, { rcond });
    const C = c.f64();
    for (let j = 0; j < order; j++) for (let q = 0; q < k; q++) C[c.start + j * k + q]! /= scale[j]!;
    if (full) return [c, resids, rank, sv, rcond];
    if (cov === false) {
      resids.dispose();
      sv.dispose();
      return c;
    }
    sv.dispose();
    try {
      const gram = conv.temporary(lhs.T.dot(lhs) as NdArray);
      const vbase = conv.temporary(inv(gram));
      const V = vbase.f64();
      for (let i = 0; i < order; i++) for (let j = 0; j < order; j++) V[vbase.start + i * order + j]! /= scale[i]! * scale[j]!;
      let fac: NdArray | number = 1;
      if (cov !== 'unscaled') {
        if (m <= order) throw new ArgumentError('polyfit', 'cov', `the number of data points must exceed order to scale the covariance matrix (${m} points, order ${order})`);
        fac = conv.temporary(resids.div(m - order));
      }
      const covariance = ya.ndim === 1 ? vbase.mul(fac) : conv.temporary(vbase.reshape([order, order, 1])).mul(fac);
      return [c, covariance];
    } catch (e) {
      c.dispose();
      throw e;
    } finally {
      resids.dispose();
    }
  } finally {
    conv.release();
  }
}

/**
 * Polynomials given by coefficient arrays, highest power first: NumPy's `polyval` and
 * `polyfit`.
 * @module
 */
import type { NdArray } from '../ndarray.ts';
import { emptyArray } from '../array-factory.ts';
import { ShapeError, formatShape } from '../errors.ts';
import { checkArity } from '../args.ts';
import { gatherFloat64 } from '../kernels/js-strided.ts';
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
    for (let i = 0; i < n; i++) {
      const v = X[xi + i]!;
      let y = 0;
      for (let k = 0; k < m; k++) y = y * v + coef[k]!;
      O[oi + i] = y;
    }
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

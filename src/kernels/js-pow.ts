/**
 * `pow` as NumPy computes it (C99 `pow`), by one algorithm that the WASM kernel
 * (wasm/assembly/pow.ts) repeats operation for operation, so both give the same bits.
 *
 * For x > 0 finite and y finite: ln x in double-double (x = 2^k·m, m in [√½, √2),
 * ln m = 2·atanh(f) with f = (m − 1)/(m + 1) as a double-double, the first two series terms
 * in double-double and the rest, up to f²⁵, in double), then exp(y·ln x) with y·ln x as a
 * double-double: k = nearest(h/ln 2), r = h − k·ln 2 exactly, exp(r) by its Taylor series to
 * r¹⁴/14!, 1 + r summed exactly, scaled by 2^k in two exact steps (one rounding for a
 * subnormal result). No tables, no fused multiply-add (Dekker's splitting for exact
 * products). Error below 1 ulp (measured against NumPy in test/pow.test.ts).
 * Negative bases with an integer exponent take the sign of odd exponents; the C99 special
 * values (0, ±∞, NaN, 1**y, x**0, (−1)**±∞) come first.
 * @module
 */

/** 2^27 + 1: Dekker's splitting constant. */
const SPLIT = 134217729;
/** ln 2 with 21 trailing zero bits (k·LN2_HI is exact for |k| < 2^21) and the rest. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
/** 1.5·2^52: adding and subtracting it rounds to the nearest integer, ties to even. */
const ROUNDER = 6755399441055744;
/** 2/3 as a double-double. */
const C3H = 0.6666666666666666;
const C3L = 3.700743415417188e-17;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** Index of the high (sign/exponent) word of `scratch` in `words`. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The rounding error of the product a·b = p (Dekker), for |a|, |b| below 2^996. */
function productError(a: number, b: number, p: number): number {
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** The rounding error of the sum a + b = s (Knuth's two-sum). */
function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** 2^k for an integer k in [-1022, 1023]. */
function powerOfTwo(k: number): number {
  words[HI] = (k + 1023) << 20;
  words[LO] = 0;
  return scratch[0]!;
}

/**
 * x ** y for x > 0 finite (normal or subnormal), y finite and nonzero.
 * @param x base
 * @param y exponent
 * @returns x to the power y
 */
function powPositive(x: number, y: number): number {
  scratch[0] = x;
  let k = -1023;
  if (words[HI]! < 0x00100000) {
    scratch[0] = x * 18014398509481984; // 2^54: subnormal → normal
    k -= 54;
  }
  const high = words[HI]!;
  k += high >>> 20;
  words[HI] = (high & 0x000fffff) | 0x3ff00000;
  let m = scratch[0]!;
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  // f = (m − 1)/(m + 1) as fhi + flo.
  const u = m - 1;
  const v = m + 1;
  const vlo = m - (v - 1);
  const fhi = u / v;
  const fv = fhi * v;
  const flo = (((u - fv) - productError(fhi, v, fv)) - fhi * vlo) / v;
  // ln m = 2f + (2/3)f³ + f⁵·(2/5 + f²·(2/7 + …)).
  const s = fhi * fhi;
  const poly = 0.4 + s * (0.2857142857142857 + s * (0.2222222222222222 + s * (0.18181818181818182 +
    s * (0.15384615384615385 + s * (0.13333333333333333 + s * (0.11764705882352941 +
    s * (0.10526315789473684 + s * (0.09523809523809523 + s * (0.08695652173913043 + s * 0.08)))))))));
  const tail = ((fhi * s) * s) * poly;
  const slo = productError(fhi, fhi, s);
  const cube = s * fhi;
  const cubeLo = productError(s, fhi, cube) + (slo * fhi + (3 * s) * flo);
  const t = cube * C3H;
  const tlo = productError(cube, C3H, t) + (cube * C3L + cubeLo * C3H);
  // ln x = k·ln 2 + ln m as lhi + llo.
  const a = k * LN2_HI;
  const b = 2 * fhi;
  const h1 = a + b;
  const e1 = sumError(a, b, h1);
  const h2 = h1 + t;
  const e2 = sumError(h1, t, h2);
  const rest = (e1 + e2) + (k * LN2_LO + (2 * flo + (tlo + tail)));
  const lhi = h2 + rest;
  const llo = (h2 - lhi) + rest;
  // y·ln x as h + hlo.
  const h = y * lhi;
  if (h > 710) return Infinity;
  if (h < -746) return 0;
  const hlo = productError(y, lhi, h) + y * llo;
  return expDoubleDouble(h, hlo);
}

/**
 * e^(h + hlo) for h in [-746, 710], |hlo| ≤ ulp(h).
 * @param h high part
 * @param hlo low part
 * @returns the exponential, overflowing to Infinity and underflowing through subnormals to 0
 */
function expDoubleDouble(h: number, hlo: number): number {
  const kf = (h * INV_LN2 + ROUNDER) - ROUNDER;
  const rhi = h - kf * LN2_HI;
  const rlo = hlo - kf * LN2_LO;
  const r = rhi + rlo;
  const c = (rhi - r) + rlo;
  // e^r = 1 + r + r²/2 + r³·(1/6 + r/24 + …), 1 + r + r²/2 summed exactly.
  const rr = r * r;
  const rrLo = productError(r, r, rr);
  const q = (rr * r) * (0.16666666666666666 + r * (0.041666666666666664 + r * (0.008333333333333333 +
    r * (0.001388888888888889 + r * (0.0001984126984126984 + r * (2.48015873015873e-05 +
    r * (2.7557319223985893e-06 + r * (2.755731922398589e-07 + r * (2.505210838544172e-08 +
    r * (2.08767569878681e-09 + r * (1.6059043836821613e-10 + r * 1.1470745597729725e-11)))))))))));
  const one = 1 + r;
  const oneLo = (1 - one) + r;
  const half = 0.5 * rr;
  const sum = one + half;
  const sumLo = (one - sum) + half;
  const e = sum + ((sumLo + oneLo) + ((0.5 * rrLo + q) + (c + c * r)));
  const k1 = Math.trunc(kf * 0.5);
  return (e * powerOfTwo(k1)) * powerOfTwo(kf - k1);
}

/**
 * `x ** y` as NumPy's `np.power` on float64 (C99 `pow`): 1 ** y and x ** 0 are 1 for every
 * x and y (NaN too), (−1) ** ±Infinity is 1, a negative base needs an integer exponent (else
 * NaN) and takes the sign of odd ones, 0 ** negative is ±Infinity, overflow gives Infinity and
 * underflow goes through the subnormals to 0. Same bits as the WASM kernel; within 1 ulp of
 * the correctly rounded power.
 * @param x base
 * @param y exponent
 * @returns x to the power y
 * @example
 * powNumpy(1, NaN); // 1
 * powNumpy(-8, 1 / 3); // NaN
 * powNumpy(0, -1); // Infinity
 */
export function powNumpy(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return (ax < 1) === (y > 0) ? 0 : Infinity;
  }
  let sign = 1;
  let ax = x;
  if (x < 0 || (x === 0 && 1 / x < 0)) {
    ax = -x;
    if (Math.floor(y) !== y) {
      if (x !== 0 && x !== -Infinity) return NaN;
    } else if (Math.floor(y * 0.5) !== y * 0.5) sign = -1;
  }
  if (ax === 1) return sign; // (-1) ** even or odd integer, however large (no ln 1 · 1e308)
  if (ax === 0) return sign * (y < 0 ? Infinity : 0);
  if (ax === Infinity) return sign * (y < 0 ? 0 : Infinity);
  return sign * powPositive(ax, y);
}

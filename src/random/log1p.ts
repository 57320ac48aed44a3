/**
 * `log1p` with NumPy-on-Linux's rounding, for the ziggurat tails (the only place where a libm
 * result becomes a random number's value). NumPy calls the C library's `log1p`: glibc's is
 * fdlibm's method with the polynomial R(z) in a split form (R1 + z²·R2 + z⁴·R3 + z⁶·R4), and
 * on x86-64 CPUs with FMA glibc picks (ifunc) a build of it with fused multiply-adds: Debian
 * 12's glibc 2.36 does, and made the fixtures. V8's `Math.log1p` is fdlibm's Horner form
 * without FMA: on 450,000 test inputs 240 differ from glibc by one ulp, and one normal in
 * 10^7 from seed 12 came out one ulp off through it.
 *
 * Reimplemented from the method (1 + x = 2^k·(1 + f), s = f/(2 + f),
 * log1p(f) = f − (hfsq − s·(hfsq + R))) with fdlibm's constants, placing the fused
 * multiply-adds where that build has them (read off its machine code), with an exact FMA
 * emulated in double arithmetic (Boldo–Melquiond: exact product, TwoSum, round-to-odd).
 * NumPy on a CPU without FMA (glibc's SSE2 build) or on other C libraries can round a tail
 * value differently, about once in 10^7 normals: ndvec follows the FMA build. AArch64 glibc
 * (GCC fuses by default there) probably matches it; not verified.
 * @module
 */

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const LP1 = 6.666666666666735130e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;

const scratch = new Float64Array(1);
const words = new Int32Array(scratch.buffer);
const bits64 = new BigInt64Array(scratch.buffer);
/** Index of the high 32-bit word of a double in `words` (platform byte order). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Splits for Dekker's exact product: 2^27 + 1. */
const SPLITTER = 134217729;

/**
 * fma(a, b, c) = a·b + c rounded once, for finite arguments away from overflow and
 * underflow (all this module needs): exact product (Dekker), TwoSum, then the low parts
 * summed with round-to-odd before the final round-to-nearest.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  // exact product ph + pl = a·b
  const ph = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = al * bl - (((ph - ah * bh) - al * bh) - ah * bl);
  // sh + sl = ph + c exactly
  const sh = ph + c;
  const bv = sh - ph;
  const sl = (ph - (sh - bv)) + (c - bv);
  // v = round-to-odd(pl + sl)
  const v = pl + sl;
  const vv = v - pl;
  const ve = (pl - (v - vv)) + (sl - vv);
  return sh + roundToOdd(v, ve);
}

/** v (= RN(v + e)) moved to its odd neighbour toward e when the sum was inexact and v is even. */
function roundToOdd(v: number, e: number): number {
  if (e === 0 || v === 0) return v;
  scratch[0] = v;
  const lowWord = words[1 - HI]!;
  if ((lowWord & 1) !== 0) return v;
  // toward e: away from zero when e has v's sign, else toward zero
  const away = e > 0 === v > 0;
  bits64[0] = bits64[0]! + (away ? 1n : -1n);
  return scratch[0];
}

function highWord(x: number): number {
  scratch[0] = x;
  return words[HI]!;
}

function withHighWord(x: number, hi: number): number {
  scratch[0] = x;
  words[HI] = hi;
  return scratch[0];
}

/**
 * ln(1 + x), rounded as glibc's generic `log1p`.
 * @param x any number
 * @returns ln(1 + x); -Infinity at -1, NaN below
 */
export function log1pGlibc(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return fusedMultiplyAdd(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : fusedMultiplyAdd(k, LN2_HI, fusedMultiplyAdd(k, LN2_LO, c));
    const r = hfsq * fusedMultiplyAdd(-f, 0.66666666666666666, 1);
    return k === 0 ? f - r : fusedMultiplyAdd(k, LN2_HI, -(r - fusedMultiplyAdd(k, LN2_LO, c) - f));
  }
  const s = f / (2 + f);
  const z = s * s;
  const r2 = fusedMultiplyAdd(z, LP3, LP2);
  const r3 = fusedMultiplyAdd(z, LP5, LP4);
  const r4 = fusedMultiplyAdd(z, LP7, LP6);
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const r = fusedMultiplyAdd(z6, r4, fusedMultiplyAdd(z4, r3, fusedMultiplyAdd(z, LP1, z2 * r2)));
  const q = s * (r + hfsq);
  if (k === 0) return f - (hfsq - q);
  return fusedMultiplyAdd(k, LN2_HI, -(hfsq - (fusedMultiplyAdd(k, LN2_LO, c) + q) - f));
}

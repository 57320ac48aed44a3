/**
 * pow: x ** y on float64, as NumPy's `np.power` (C99 pow special values).
 *
 * Forms, as the arithmetic family (arith.ts):
 *   `pow_vv(a, b, out, n)`  out[i] = a[i] ** b[i]
 *   `pow_vs(a, s, out, n)`  out[i] = a[i] ** s
 *   `pow_sv(s, b, out, n)`  out[i] = s ** b[i]
 *   `pow_rows(a, aRow, b, bRow, out, outRow, rows, cols)`  rows of contiguous elements
 * Pointers are byte offsets, counts and strides are elements. out may equal a or b.
 *
 * The algorithm is src/kernels/js-pow.ts, operation for operation (that file explains it),
 * so JS and WASM give the same bits: ln x as a double-double (no tables), then
 * exp(y·ln x). Two lanes at a time; when a lane is not the plain case (x zero, subnormal,
 * ±Infinity or NaN, y ±Infinity or NaN, |y·ln x| > 708) the pair goes through the scalar
 * function, which handles every case. No static data.
 */
import { F64 } from './lanes';

const SPLIT: f64 = 134217729.0;
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;
const INV_LN2: f64 = 1.4426950408889634;
const ROUNDER: f64 = 6755399441055744.0;
const C3H: f64 = 0.6666666666666666;
const C3L: f64 = 3.700743415417188e-17;
const SQRT2: f64 = 1.4142135623730951;
const TWO54: f64 = 18014398509481984.0;

// ---- scalar -------------------------------------------------------------------------------

@inline function productError(a: f64, b: f64, p: f64): f64 {
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

@inline function sumError(a: f64, b: f64, s: f64): f64 {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

@inline function powerOfTwo(k: f64): f64 {
  return reinterpret<f64>(<u64>(<i64>k + 1023) << 52);
}

@inline function logPoly(s: f64): f64 {
  return 0.4 + s * (0.2857142857142857 + s * (0.2222222222222222 + s * (0.18181818181818182 +
    s * (0.15384615384615385 + s * (0.13333333333333333 + s * (0.11764705882352941 +
    s * (0.10526315789473684 + s * (0.09523809523809523 + s * (0.08695652173913043 + s * 0.08)))))))));
}

@inline function expPoly(r: f64): f64 {
  return 0.16666666666666666 + r * (0.041666666666666664 + r * (0.008333333333333333 +
    r * (0.001388888888888889 + r * (0.0001984126984126984 + r * (2.48015873015873e-05 +
    r * (2.7557319223985893e-06 + r * (2.755731922398589e-07 + r * (2.505210838544172e-08 +
    r * (2.08767569878681e-09 + r * (1.6059043836821613e-10 + r * 1.1470745597729725e-11))))))))));
}

function expDoubleDouble(h: f64, hlo: f64): f64 {
  const kf = (h * INV_LN2 + ROUNDER) - ROUNDER;
  const rhi = h - kf * LN2_HI;
  const rlo = hlo - kf * LN2_LO;
  const r = rhi + rlo;
  const c = (rhi - r) + rlo;
  const rr = r * r;
  const rrLo = productError(r, r, rr);
  const q = (rr * r) * expPoly(r);
  const one = 1 + r;
  const oneLo = (1 - one) + r;
  const half = 0.5 * rr;
  const sum = one + half;
  const sumLo = (one - sum) + half;
  const e = sum + ((sumLo + oneLo) + ((0.5 * rrLo + q) + (c + c * r)));
  const k1 = trunc<f64>(kf * 0.5);
  return (e * powerOfTwo(k1)) * powerOfTwo(kf - k1);
}

function powPositive(x: f64, y: f64): f64 {
  let bits = reinterpret<u64>(x);
  let k: f64 = -1023;
  if (bits < 0x0010000000000000) {
    bits = reinterpret<u64>(x * TWO54);
    k -= 54;
  }
  k += <f64>(bits >> 52);
  let m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (m > SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const u = m - 1;
  const v = m + 1;
  const vlo = m - (v - 1);
  const fhi = u / v;
  const fv = fhi * v;
  const flo = (((u - fv) - productError(fhi, v, fv)) - fhi * vlo) / v;
  const s = fhi * fhi;
  const tail = ((fhi * s) * s) * logPoly(s);
  const slo = productError(fhi, fhi, s);
  const cube = s * fhi;
  const cubeLo = productError(s, fhi, cube) + (slo * fhi + (3 * s) * flo);
  const t = cube * C3H;
  const tlo = productError(cube, C3H, t) + (cube * C3L + cubeLo * C3H);
  const a = k * LN2_HI;
  const b = 2 * fhi;
  const h1 = a + b;
  const e1 = sumError(a, b, h1);
  const h2 = h1 + t;
  const e2 = sumError(h1, t, h2);
  const rest = (e1 + e2) + (k * LN2_LO + (2 * flo + (tlo + tail)));
  const lhi = h2 + rest;
  const llo = (h2 - lhi) + rest;
  const h = y * lhi;
  if (h > 710) return Infinity;
  if (h < -746) return 0;
  const hlo = productError(y, lhi, h) + y * llo;
  return expDoubleDouble(h, hlo);
}

/** x ** y for any x, y: the C99 special values, then {@link powPositive}. */
function powScalar(x: f64, y: f64): f64 {
  if (y == 0 || x == 1) return 1;
  if (x != x || y != y) return NaN;
  if (y == Infinity || y == -Infinity) {
    const ax = abs<f64>(x);
    if (ax == 1) return 1;
    return (ax < 1) == (y > 0) ? 0 : Infinity;
  }
  let sign: f64 = 1;
  let ax = x;
  if (x < 0 || (x == 0 && 1 / x < 0)) {
    ax = -x;
    if (floor<f64>(y) != y) {
      if (x != 0 && x != -Infinity) return NaN;
    } else if (floor<f64>(y * 0.5) != y * 0.5) sign = -1;
  }
  if (ax == 1) return sign;
  if (ax == 0) return sign * (y < 0 ? Infinity : 0);
  if (ax == Infinity) return sign * (y < 0 ? 0 : Infinity);
  return sign * powPositive(ax, y);
}

// ---- two lanes ----------------------------------------------------------------------------

@inline function add(a: v128, b: v128): v128 { return f64x2.add(a, b); }
@inline function sub(a: v128, b: v128): v128 { return f64x2.sub(a, b); }
@inline function mul(a: v128, b: v128): v128 { return f64x2.mul(a, b); }
@inline function k2(c: f64): v128 { return f64x2.splat(c); }

@inline function productErrorV(a: v128, b: v128, p: v128): v128 {
  const ta = mul(k2(SPLIT), a);
  const ah = sub(ta, sub(ta, a));
  const al = sub(a, ah);
  const tb = mul(k2(SPLIT), b);
  const bh = sub(tb, sub(tb, b));
  const bl = sub(b, bh);
  return add(add(add(sub(mul(ah, bh), p), mul(ah, bl)), mul(al, bh)), mul(al, bl));
}

@inline function sumErrorV(a: v128, b: v128, s: v128): v128 {
  const bb = sub(s, a);
  return add(sub(a, sub(s, bb)), sub(b, bb));
}

@inline function logPolyV(s: v128): v128 {
  let p = add(k2(0.08695652173913043), mul(s, k2(0.08)));
  p = add(k2(0.09523809523809523), mul(s, p));
  p = add(k2(0.10526315789473684), mul(s, p));
  p = add(k2(0.11764705882352941), mul(s, p));
  p = add(k2(0.13333333333333333), mul(s, p));
  p = add(k2(0.15384615384615385), mul(s, p));
  p = add(k2(0.18181818181818182), mul(s, p));
  p = add(k2(0.2222222222222222), mul(s, p));
  p = add(k2(0.2857142857142857), mul(s, p));
  return add(k2(0.4), mul(s, p));
}

@inline function expPolyV(r: v128): v128 {
  let p = add(k2(1.6059043836821613e-10), mul(r, k2(1.1470745597729725e-11)));
  p = add(k2(2.08767569878681e-09), mul(r, p));
  p = add(k2(2.505210838544172e-08), mul(r, p));
  p = add(k2(2.755731922398589e-07), mul(r, p));
  p = add(k2(2.7557319223985893e-06), mul(r, p));
  p = add(k2(2.48015873015873e-05), mul(r, p));
  p = add(k2(0.0001984126984126984), mul(r, p));
  p = add(k2(0.001388888888888889), mul(r, p));
  p = add(k2(0.008333333333333333), mul(r, p));
  p = add(k2(0.041666666666666664), mul(r, p));
  return add(k2(0.16666666666666666), mul(r, p));
}

/** x ** y on two lanes: the plain case vectorised, any other pair through powScalar. */
@inline function powLanes(x: v128, y: v128): v128 {
  const ax = f64x2.abs(x);
  // ln |x|: x = 2^k·m (normal |x|; other lanes are recomputed below).
  const e = i64x2.shr_u(ax, 52);
  let k = sub(v128.or(e, i64x2.splat(0x4330000000000000)), k2(4503599627370496.0 + 1023.0));
  let m = v128.or(v128.and(ax, i64x2.splat(0x000fffffffffffff)), i64x2.splat(0x3ff0000000000000));
  const big = f64x2.gt(m, k2(SQRT2));
  m = v128.bitselect(mul(m, k2(0.5)), m, big);
  k = add(k, v128.and(big, k2(1.0)));
  const u = sub(m, k2(1.0));
  const v = add(m, k2(1.0));
  const vlo = sub(m, sub(v, k2(1.0)));
  const fhi = f64x2.div(u, v);
  const fv = mul(fhi, v);
  const flo = f64x2.div(sub(sub(sub(u, fv), productErrorV(fhi, v, fv)), mul(fhi, vlo)), v);
  const s = mul(fhi, fhi);
  const tail = mul(mul(mul(fhi, s), s), logPolyV(s));
  const slo = productErrorV(fhi, fhi, s);
  const cube = mul(s, fhi);
  const cubeLo = add(productErrorV(s, fhi, cube), add(mul(slo, fhi), mul(mul(k2(3.0), s), flo)));
  const t = mul(cube, k2(C3H));
  const tlo = add(productErrorV(cube, k2(C3H), t), add(mul(cube, k2(C3L)), mul(cubeLo, k2(C3H))));
  const a = mul(k, k2(LN2_HI));
  const b = mul(k2(2.0), fhi);
  const h1 = add(a, b);
  const e1 = sumErrorV(a, b, h1);
  const h2 = add(h1, t);
  const e2 = sumErrorV(h1, t, h2);
  const rest = add(add(e1, e2), add(mul(k, k2(LN2_LO)), add(mul(k2(2.0), flo), add(tlo, tail))));
  const lhi = add(h2, rest);
  const llo = add(sub(h2, lhi), rest);
  // exp(y·ln |x|)
  const h = mul(y, lhi);
  const hlo = add(productErrorV(y, lhi, h), mul(y, llo));
  const rounded = add(mul(h, k2(INV_LN2)), k2(ROUNDER));
  const kf = sub(rounded, k2(ROUNDER));
  const rhi = sub(h, mul(kf, k2(LN2_HI)));
  const rlo = sub(hlo, mul(kf, k2(LN2_LO)));
  const r = add(rhi, rlo);
  const c = add(sub(rhi, r), rlo);
  const rr = mul(r, r);
  const rrLo = productErrorV(r, r, rr);
  const q = mul(mul(rr, r), expPolyV(r));
  const one = add(k2(1.0), r);
  const oneLo = add(sub(k2(1.0), one), r);
  const half = mul(k2(0.5), rr);
  const sum = add(one, half);
  const sumLo = add(sub(one, sum), half);
  const ex = add(sum, add(add(sumLo, oneLo), add(add(mul(k2(0.5), rrLo), q), add(c, mul(c, r)))));
  // |kf| ≤ 1021 in the plain case: 2^kf is one normal factor (the scalar's two are exact too).
  const scale = i64x2.shl(i64x2.add(rounded, i64x2.splat(1023)), 52);
  let result = mul(ex, scale);
  // Negative bases: odd integer exponents flip the sign, other exponents give NaN.
  const negative = f64x2.lt(x, k2(0.0));
  const integer = f64x2.eq(f64x2.floor(y), y);
  const halfY = mul(y, k2(0.5));
  const odd = v128.and(integer, f64x2.ne(f64x2.floor(halfY), halfY));
  result = v128.xor(result, v128.and(v128.and(negative, odd), i64x2.splat(0x8000000000000000)));
  result = v128.bitselect(k2(NaN), result, v128.andnot(negative, integer));
  const plain = v128.and(
    v128.and(f64x2.ge(ax, k2(2.2250738585072014e-308)), f64x2.lt(ax, k2(Infinity))),
    v128.and(f64x2.lt(f64x2.abs(y), k2(1e300)), f64x2.le(f64x2.abs(h), k2(708.0))),
  );
  if (!i64x2.all_true(plain)) {
    result = f64x2.replace_lane(
      f64x2.splat(powScalar(f64x2.extract_lane(x, 0), f64x2.extract_lane(y, 0))),
      1,
      powScalar(f64x2.extract_lane(x, 1), f64x2.extract_lane(y, 1)),
    );
  }
  return result;
}

// ---- kernels ------------------------------------------------------------------------------

export function pow_vv(a: usize, b: usize, out: usize, n: usize): void {
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const o = i * F64;
    v128.store(out + o, powLanes(v128.load(a + o), v128.load(b + o)));
  }
  if (i < n) {
    const o = i * F64;
    store<f64>(out + o, powScalar(load<f64>(a + o), load<f64>(b + o)));
  }
}

export function pow_vs(a: usize, s: f64, out: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const o = i * F64;
    v128.store(out + o, powLanes(v128.load(a + o), sv));
  }
  if (i < n) {
    const o = i * F64;
    store<f64>(out + o, powScalar(load<f64>(a + o), s));
  }
}

export function pow_sv(s: f64, b: usize, out: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const o = i * F64;
    v128.store(out + o, powLanes(sv, v128.load(b + o)));
  }
  if (i < n) {
    const o = i * F64;
    store<f64>(out + o, powScalar(s, load<f64>(b + o)));
  }
}

export function pow_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  for (let r: usize = 0; r < rows; r++) {
    pow_vv(a + r * aRow * F64, b + r * bRow * F64, out + r * outRow * F64, cols);
  }
}

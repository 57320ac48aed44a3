/**
 * Unary float64 → float64 ops on f64x2 instructions: neg abs sqrt floor ceil trunc round
 * square reciprocal, each `unary_<op>(a, out, n)` (the naming of transcendental.ts); out may equal a. round is round-half-to-even
 * (f64x2.nearest), as NumPy's. Also copies, fills and bool ↔ float64 conversions.
 * Pointers are byte offsets, counts elements.
 */
import { F64, packMasks16 } from './lanes';

const NEG: i32 = 0;
const ABS: i32 = 1;
const SQRT: i32 = 2;
const FLOOR: i32 = 3;
const CEIL: i32 = 4;
const TRUNC: i32 = 5;
const ROUND: i32 = 6;
const SQUARE: i32 = 7;
const RECIPROCAL: i32 = 8;

@inline function unaryVector(op: i32, x: v128): v128 {
  if (op == NEG) return f64x2.neg(x);
  if (op == ABS) return f64x2.abs(x);
  if (op == SQRT) return f64x2.sqrt(x);
  if (op == FLOOR) return f64x2.floor(x);
  if (op == CEIL) return f64x2.ceil(x);
  if (op == TRUNC) return f64x2.trunc(x);
  if (op == ROUND) return f64x2.nearest(x);
  if (op == SQUARE) return f64x2.mul(x, x);
  return f64x2.div(f64x2.splat(1), x);
}

@inline function unaryScalar(op: i32, x: f64): f64 {
  if (op == NEG) return -x;
  if (op == ABS) return abs<f64>(x);
  if (op == SQRT) return sqrt<f64>(x);
  if (op == FLOOR) return floor<f64>(x);
  if (op == CEIL) return ceil<f64>(x);
  if (op == TRUNC) return trunc<f64>(x);
  if (op == ROUND) return nearest<f64>(x);
  if (op == SQUARE) return x * x;
  return 1 / x;
}

@inline function loopUnary(op: i32, a: usize, out: usize, n: usize): void {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    const o = i * F64;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    const x2 = v128.load(a + o, 32);
    const x3 = v128.load(a + o, 48);
    v128.store(out + o, unaryVector(op, x0));
    v128.store(out + o, unaryVector(op, x1), 16);
    v128.store(out + o, unaryVector(op, x2), 32);
    v128.store(out + o, unaryVector(op, x3), 48);
  }
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    v128.store(out + o, unaryVector(op, x0));
    v128.store(out + o, unaryVector(op, x1), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, unaryScalar(op, load<f64>(a + o)));
  }
}

export function unary_neg(a: usize, out: usize, n: usize): void { loopUnary(NEG, a, out, n); }
export function unary_abs(a: usize, out: usize, n: usize): void { loopUnary(ABS, a, out, n); }
export function unary_sqrt(a: usize, out: usize, n: usize): void { loopUnary(SQRT, a, out, n); }
export function unary_floor(a: usize, out: usize, n: usize): void { loopUnary(FLOOR, a, out, n); }
export function unary_ceil(a: usize, out: usize, n: usize): void { loopUnary(CEIL, a, out, n); }
export function unary_trunc(a: usize, out: usize, n: usize): void { loopUnary(TRUNC, a, out, n); }
export function unary_round(a: usize, out: usize, n: usize): void { loopUnary(ROUND, a, out, n); }
export function unary_square(a: usize, out: usize, n: usize): void { loopUnary(SQUARE, a, out, n); }
export function unary_reciprocal(a: usize, out: usize, n: usize): void { loopUnary(RECIPROCAL, a, out, n); }

/** out[i] = a[i] for n float64 (overlap allowed: memmove). */
export function copy_f64(a: usize, out: usize, n: usize): void { memory.copy(out, a, n * F64); }
/** out[i] = a[i] for n bytes (overlap allowed: memmove). */
export function copy_u8(a: usize, out: usize, n: usize): void { memory.copy(out, a, n); }
/** out[i] = v for n float64. */
export function fill_f64(out: usize, n: usize, v: f64): void {
  const vv = f64x2.splat(v);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) v128.store(out + i * F64, vv);
  for (; i < n; i++) store<f64>(out + i * F64, v);
}
/** out[i] = v for n bytes. */
export function fill_u8(out: usize, n: usize, v: u8): void { memory.fill(out, v, n); }

/** Bytes 0/1 from float64: out[i] = a[i] != 0 (NaN is true, as NumPy's bool(nan)). */
export function to_bool(a: usize, out: usize, n: usize): void {
  const zero = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const p = a + i * F64;
    v128.store(out + i, packMasks16(
      f64x2.ne(v128.load(p), zero), f64x2.ne(v128.load(p, 16), zero),
      f64x2.ne(v128.load(p, 32), zero), f64x2.ne(v128.load(p, 48), zero),
      f64x2.ne(v128.load(p, 64), zero), f64x2.ne(v128.load(p, 80), zero),
      f64x2.ne(v128.load(p, 96), zero), f64x2.ne(v128.load(p, 112), zero),
    ));
  }
  for (; i < n; i++) store<u8>(out + i, <u8>(load<f64>(a + i * F64) != 0));
}
/** float64 0/1 from bytes: out[i] = m[i] != 0 ? 1 : 0. */
export function to_float(m: usize, out: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + i * F64, load<u8>(m + i) != 0 ? 1 : 0);
}

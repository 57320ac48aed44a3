/**
 * Binary float64 arithmetic: add sub mul div maximum minimum; clip (`clip_vss`, `clip_vvv`).
 *
 * Forms of each op `<op>`:
 *   `<op>_vv(a, b, out, n)`  out[i] = a[i] op b[i]
 *   `<op>_vs(a, s, out, n)`  out[i] = a[i] op s
 *   `<op>_sv(s, b, out, n)`  out[i] = s op b[i]
 *   `<op>_rows(a, aRow, b, bRow, out, outRow, rows, cols)`  row r of each operand starts
 *     `r * <x>Row` elements after its pointer and its `cols` elements are contiguous; a row
 *     stride of 0 broadcasts one row over every row.
 * Pointers are byte offsets, counts and strides are elements. out may equal a or b.
 * maximum/minimum are NumPy's `(x > y || x != x) ? x : y` (the table's JS expression): NaN
 * propagates from either side, and on ties (0 vs -0) the second operand wins, as
 * np.maximum(0.0, -0.0) is -0.0. (wasm f64x2.max would give +0: IEEE orders -0 < +0.)
 * pow has its own file (pow.ts). mod stays in JS: NumPy's floored modulo is division-bound
 * with a per-element sign fix-up, where a kernel measured no gain.
 */
import { F64 } from './lanes';

const ADD: i32 = 0;
const SUB: i32 = 1;
const MUL: i32 = 2;
const DIV: i32 = 3;
const MAX: i32 = 4;
const MIN: i32 = 5;

@inline function opVector(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return f64x2.add(x, y);
  if (op == SUB) return f64x2.sub(x, y);
  if (op == MUL) return f64x2.mul(x, y);
  if (op == DIV) return f64x2.div(x, y);
  if (op == MAX) return v128.bitselect(x, y, v128.or(f64x2.gt(x, y), f64x2.ne(x, x)));
  return v128.bitselect(x, y, v128.or(f64x2.lt(x, y), f64x2.ne(x, x)));
}

@inline function opScalar(op: i32, x: f64, y: f64): f64 {
  if (op == ADD) return x + y;
  if (op == SUB) return x - y;
  if (op == MUL) return x * y;
  if (op == DIV) return x / y;
  if (op == MAX) return x > y || x != x ? x : y;
  return x < y || x != x ? x : y;
}

@inline function loopVV(op: i32, a: usize, b: usize, out: usize, n: usize): void {
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    const y0 = v128.load(b + o);
    const y1 = v128.load(b + o, 16);
    v128.store(out + o, opVector(op, x0, y0));
    v128.store(out + o, opVector(op, x1, y1), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, opScalar(op, load<f64>(a + o), load<f64>(b + o)));
  }
}

@inline function loopVS(op: i32, a: usize, s: f64, out: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    v128.store(out + o, opVector(op, x0, sv));
    v128.store(out + o, opVector(op, x1, sv), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, opScalar(op, load<f64>(a + o), s));
  }
}

@inline function loopSV(op: i32, s: f64, b: usize, out: usize, n: usize): void {
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    const y0 = v128.load(b + o);
    const y1 = v128.load(b + o, 16);
    v128.store(out + o, opVector(op, sv, y0));
    v128.store(out + o, opVector(op, sv, y1), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, opScalar(op, s, load<f64>(b + o)));
  }
}

@inline function loopRows(
  op: i32, a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize,
): void {
  for (let r: usize = 0; r < rows; r++) {
    loopVV(op, a + r * aRow * F64, b + r * bRow * F64, out + r * outRow * F64, cols);
  }
}

export function add_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(ADD, a, b, out, n); }
export function add_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(ADD, a, s, out, n); }
export function add_sv(s: f64, b: usize, out: usize, n: usize): void { loopVS(ADD, b, s, out, n); }
export function add_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(ADD, a, aRow, b, bRow, out, outRow, rows, cols);
}

export function sub_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(SUB, a, b, out, n); }
export function sub_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(SUB, a, s, out, n); }
export function sub_sv(s: f64, b: usize, out: usize, n: usize): void { loopSV(SUB, s, b, out, n); }
export function sub_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(SUB, a, aRow, b, bRow, out, outRow, rows, cols);
}

export function mul_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(MUL, a, b, out, n); }
export function mul_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(MUL, a, s, out, n); }
export function mul_sv(s: f64, b: usize, out: usize, n: usize): void { loopVS(MUL, b, s, out, n); }
export function mul_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(MUL, a, aRow, b, bRow, out, outRow, rows, cols);
}

export function div_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(DIV, a, b, out, n); }
export function div_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(DIV, a, s, out, n); }
export function div_sv(s: f64, b: usize, out: usize, n: usize): void { loopSV(DIV, s, b, out, n); }
export function div_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(DIV, a, aRow, b, bRow, out, outRow, rows, cols);
}

export function maximum_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(MAX, a, b, out, n); }
export function maximum_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(MAX, a, s, out, n); }
export function maximum_sv(s: f64, b: usize, out: usize, n: usize): void { loopSV(MAX, s, b, out, n); }
export function maximum_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(MAX, a, aRow, b, bRow, out, outRow, rows, cols);
}

export function minimum_vv(a: usize, b: usize, out: usize, n: usize): void { loopVV(MIN, a, b, out, n); }
export function minimum_vs(a: usize, s: f64, out: usize, n: usize): void { loopVS(MIN, a, s, out, n); }
export function minimum_sv(s: f64, b: usize, out: usize, n: usize): void { loopSV(MIN, s, b, out, n); }
export function minimum_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  loopRows(MIN, a, aRow, b, bRow, out, outRow, rows, cols);
}

// ---- clip: minimum(maximum(x, lo), hi) in one pass ------------------------------------------

@inline function clipVector(x: v128, lo: v128, hi: v128): v128 { return opVector(MIN, opVector(MAX, x, lo), hi); }
@inline function clipScalar(x: f64, lo: f64, hi: f64): f64 { return opScalar(MIN, opScalar(MAX, x, lo), hi); }

/**
 * out[i] = minimum(maximum(a[i], lo), hi) with the two ops' NaN and tie rules (NaN in a, lo or
 * hi gives NaN; lo > hi gives hi); -Infinity / Infinity stand for a missing bound exactly.
 * With `held` 1 it is minimum(hi, maximum(lo, a[i])) instead: a ±0 tie keeps the value held,
 * as NumPy's clip loop for two stride-0 bounds (`m = x < lo ? lo : x; m > hi ? hi : m`), so
 * clip(-0, -Infinity, 0) is -0 (maximum/minimum give their second operand on a tie).
 */
export function clip_vss(a: usize, lo: f64, hi: f64, out: usize, n: usize, held: u32): void {
  const l = f64x2.splat(lo);
  const h = f64x2.splat(hi);
  let i: usize = 0;
  if (lo == lo && hi == hi) {
    if (held != 0) {
      // pmax(x, lo) = x < lo ? lo : x and pmin(m, hi) = hi < m ? hi : m: the rule exactly, a NaN x kept
      for (; i + 4 <= n; i += 4) {
        const o = i * F64;
        v128.store(out + o, f64x2.pmin(f64x2.pmax(v128.load(a + o), l), h));
        v128.store(out + o, f64x2.pmin(f64x2.pmax(v128.load(a + o, 16), l), h), 16);
      }
    } else {
      // Bounds are numbers: pmax(lo, x) = lo < x ? x : lo and pmin(hi, y) = y < hi ? y : hi are
      // maximum/minimum exactly (ties give the bound) except for a NaN x, put back by the select.
      for (; i + 4 <= n; i += 4) {
        const o = i * F64;
        const x0 = v128.load(a + o);
        const x1 = v128.load(a + o, 16);
        v128.store(out + o, v128.bitselect(x0, f64x2.pmin(h, f64x2.pmax(l, x0)), f64x2.ne(x0, x0)));
        v128.store(out + o, v128.bitselect(x1, f64x2.pmin(h, f64x2.pmax(l, x1)), f64x2.ne(x1, x1)), 16);
      }
    }
  }
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    v128.store(out + o, held != 0 ? opVector(MIN, h, opVector(MAX, l, x0)) : clipVector(x0, l, h));
    v128.store(out + o, held != 0 ? opVector(MIN, h, opVector(MAX, l, x1)) : clipVector(x1, l, h), 16);
  }
  for (; i < n; i++) {
    const x = load<f64>(a + i * F64);
    store<f64>(out + i * F64, held != 0 ? opScalar(MIN, hi, opScalar(MAX, lo, x)) : clipScalar(x, lo, hi));
  }
}

/** out[i] = minimum(maximum(a[i], lo[i]), hi[i]); out may equal a, lo or hi. */
export function clip_vvv(a: usize, lo: usize, hi: usize, out: usize, n: usize): void {
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const o = i * F64;
    v128.store(out + o, clipVector(v128.load(a + o), v128.load(lo + o), v128.load(hi + o)));
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, clipScalar(load<f64>(a + o), load<f64>(lo + o), load<f64>(hi + o)));
  }
}

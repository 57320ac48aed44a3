/**
 * copysign (NumPy `np.copysign`): the magnitude bits of x with the sign bit of y, so -0 and
 * NaN signs count and the result is exact — the same bits as the table's JS expression
 * (src/kernels/js-floor-divide.ts) and as C copysign. The branchy JS form mispredicts on
 * random signs (measured 30× NumPy's time on 1M); one bitselect a vector does not.
 * Forms as in arith.ts: `copysign_vv(a, b, out, n)`, `_vs(a, s, out, n)`, `_sv(s, b, out, n)`,
 * `_rows(a, aRow, b, bRow, out, outRow, rows, cols)`. Pointers are byte offsets; no static data.
 */
import { F64 } from './lanes';

@inline function signMask(): v128 {
  return i64x2.splat(0x8000000000000000);
}

@inline function vv(a: usize, b: usize, out: usize, n: usize): void {
  const m = signMask();
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    v128.store(out + o, v128.bitselect(v128.load(b + o), v128.load(a + o), m));
    v128.store(out + o, v128.bitselect(v128.load(b + o, 16), v128.load(a + o, 16), m), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, copysign<f64>(load<f64>(a + o), load<f64>(b + o)));
  }
}

export function copysign_vv(a: usize, b: usize, out: usize, n: usize): void {
  vv(a, b, out, n);
}

export function copysign_vs(a: usize, s: f64, out: usize, n: usize): void {
  const m = signMask();
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    v128.store(out + o, v128.bitselect(sv, v128.load(a + o), m));
    v128.store(out + o, v128.bitselect(sv, v128.load(a + o, 16), m), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, copysign<f64>(load<f64>(a + o), s));
  }
}

export function copysign_sv(s: f64, b: usize, out: usize, n: usize): void {
  const m = signMask();
  const sv = f64x2.splat(s);
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i * F64;
    v128.store(out + o, v128.bitselect(v128.load(b + o), sv, m));
    v128.store(out + o, v128.bitselect(v128.load(b + o, 16), sv, m), 16);
  }
  for (; i < n; i++) {
    const o = i * F64;
    store<f64>(out + o, copysign<f64>(s, load<f64>(b + o)));
  }
}

export function copysign_rows(a: usize, aRow: usize, b: usize, bRow: usize, out: usize, outRow: usize, rows: usize, cols: usize): void {
  for (let r: usize = 0; r < rows; r++) vv(a + r * aRow * F64, b + r * bRow * F64, out + r * outRow * F64, cols);
}

/**
 * Direct 1-D correlation, the inner part of NumPy's `correlate` / `convolve`:
 *   `correlate_valid_f64(a, v, nk, out, nout)`  out[i] = Σ_{k<nk} a[i + k] · v[k], i < nout
 * (a holds nout + nk - 1 elements). Each output is summed from 0.0 with k ascending, one
 * multiply and one add a term (no fused multiply-add), exactly as the scalar JS reference
 * (src/ops/signal.ts) and NumPy's small-kernel loop: the SIMD lanes are different outputs,
 * never parts of one sum, so results do not depend on the lane count or the tail.
 * Blocks of 16 outputs keep eight f64x2 accumulators in registers and load v[k] once a
 * block; then pairs; then a scalar tail. Pointers are byte offsets; no static data.
 */
import { F64 } from './lanes';

export function correlate_valid_f64(a: usize, v: usize, nk: usize, out: usize, nout: usize): void {
  let i: usize = 0;
  for (; i + 16 <= nout; i += 16) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    let s4 = f64x2.splat(0);
    let s5 = f64x2.splat(0);
    let s6 = f64x2.splat(0);
    let s7 = f64x2.splat(0);
    let p = a + i * F64;
    for (let k: usize = 0; k < nk; k++, p += F64) {
      const w = f64x2.splat(load<f64>(v + k * F64));
      s0 = f64x2.add(s0, f64x2.mul(v128.load(p), w));
      s1 = f64x2.add(s1, f64x2.mul(v128.load(p, 16), w));
      s2 = f64x2.add(s2, f64x2.mul(v128.load(p, 32), w));
      s3 = f64x2.add(s3, f64x2.mul(v128.load(p, 48), w));
      s4 = f64x2.add(s4, f64x2.mul(v128.load(p, 64), w));
      s5 = f64x2.add(s5, f64x2.mul(v128.load(p, 80), w));
      s6 = f64x2.add(s6, f64x2.mul(v128.load(p, 96), w));
      s7 = f64x2.add(s7, f64x2.mul(v128.load(p, 112), w));
    }
    const o = out + i * F64;
    v128.store(o, s0);
    v128.store(o, s1, 16);
    v128.store(o, s2, 32);
    v128.store(o, s3, 48);
    v128.store(o, s4, 64);
    v128.store(o, s5, 80);
    v128.store(o, s6, 96);
    v128.store(o, s7, 112);
  }
  for (; i + 2 <= nout; i += 2) {
    let s = f64x2.splat(0);
    let p = a + i * F64;
    for (let k: usize = 0; k < nk; k++, p += F64) {
      s = f64x2.add(s, f64x2.mul(v128.load(p), f64x2.splat(load<f64>(v + k * F64))));
    }
    v128.store(out + i * F64, s);
  }
  for (; i < nout; i++) {
    let s: f64 = 0;
    let p = a + i * F64;
    for (let k: usize = 0; k < nk; k++, p += F64) s += load<f64>(p) * load<f64>(v + k * F64);
    store<f64>(out + i * F64, s);
  }
}

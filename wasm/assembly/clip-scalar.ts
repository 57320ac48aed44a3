/**
 * clip with both bounds one value each (numbers, or one-element arrays), as NumPy runs it.
 *
 * NumPy's DOUBLE_clip takes a separate loop when both bounds have stride 0, and there a tie
 * keeps the value already held: `m = x < lo ? lo : x; out = m > hi ? hi : m`. So
 * np.clip(-0.0, -inf, 0.0) is -0.0 and np.clip(-5.0, 0.0, -0.0) is +0.0, where the general loop
 * (array bounds) and np.maximum/np.minimum (one bound None) give the bound on a tie
 * (`clip_vss` / `clip_vvv` in arith.ts keep that rule). Measured on NumPy 2.4.6 for every
 * combination of ±0 values and bounds, contiguous and strided, sizes 1..33
 * (scripts/fuzz-elementwise.py found the difference).
 *
 * WASM's pmax(x, lo) is `x < lo ? lo : x` and pmin(m, hi) is `hi < m ? hi : m`: the rule
 * exactly, a NaN x included (it stays). NaN bounds are not handled here (the caller takes the
 * general path: every result is NaN). One pass, 4 elements an iteration, scalar tail.
 */

/** out[i] = clip(a[i], lo, hi) with ties keeping a[i]; lo and hi are not NaN; out may equal a. */
export function clip_scalar_bounds(a: usize, lo: f64, hi: f64, out: usize, n: usize): void {
  const l = f64x2.splat(lo);
  const h = f64x2.splat(hi);
  let i: usize = 0;
  for (; i + 4 <= n; i += 4) {
    const o = i << 3;
    const x0 = v128.load(a + o);
    const x1 = v128.load(a + o, 16);
    v128.store(out + o, f64x2.pmin(f64x2.pmax(x0, l), h));
    v128.store(out + o, f64x2.pmin(f64x2.pmax(x1, l), h), 16);
  }
  for (; i < n; i++) {
    const x = load<f64>(a + (i << 3));
    const m = x < lo ? lo : x;
    store<f64>(out + (i << 3), m > hi ? hi : m);
  }
}

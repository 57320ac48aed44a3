/**
 * Byte masks applied to float64 data: counting, compressing (`a.where(mask)`), selecting
 * (`nd.where(cond, x, y)`) and masked assignment (`a.setWhere(mask, value)`).
 * A mask byte is true when nonzero. Pointers are byte offsets, counts elements.
 */
import {
  F64, byteTruth, highPair, lowPair, widenQuarter0, widenQuarter1, widenQuarter2, widenQuarter3,
} from './lanes';

/**
 * Number of nonzero bytes in m[0..n). Bytes are counted in an i8x16 accumulator (at most
 * 255 steps before it is widened into the total).
 */
export function count_true(m: usize, n: usize): usize {
  let total: usize = 0;
  let i: usize = 0;
  while (i + 16 <= n) {
    let acc = i8x16.splat(0);
    let steps = 0;
    for (; steps < 255 && i + 16 <= n; steps++, i += 16) acc = i8x16.sub(acc, byteTruth(v128.load(m + i)));
    const pairs = i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(acc));
    total += <usize>(i32x4.extract_lane(pairs, 0) + i32x4.extract_lane(pairs, 1) +
      i32x4.extract_lane(pairs, 2) + i32x4.extract_lane(pairs, 3));
  }
  for (; i < n; i++) total += <usize>(load<u8>(m + i) != 0);
  return total;
}

/**
 * Copies x[i] for every true m[i] to out, in order; returns the number written. `count` is
 * the number of true bytes (from count_true): out needs room for exactly that many, and no
 * byte past out[count) is written. Branchless inside 16-element groups, a pair of elements a
 * step: store the pair (second lane moved down when only it is kept) at out[k], then
 * k += m[i] + m[i+1]. Groups with no true byte are skipped, all-true groups are block copies, and the
 * group holding the last true elements takes a careful path so nothing spills past count.
 * out may equal x (writes never pass reads).
 */
export function compress(x: usize, m: usize, out: usize, n: usize, count: usize): usize {
  let k: usize = 0;
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const bits = i8x16.bitmask(byteTruth(v128.load(m + i)));
    if (bits == 0) continue;
    const src = x + i * F64;
    if (bits == 0xffff) {
      memory.copy(out + k * F64, src, 16 * F64);
      k += 16;
      continue;
    }
    const trues = <usize>popcnt<i32>(bits);
    if (k + trues + 1 < count) {
      // pairs: keep lanes as they are when the first is true, else move the second down;
      // store both lanes at out[k] (the extra lane is overwritten later) and advance.
      for (let j: usize = 0; j < 16; j += 2) {
        const pair = v128.load(src + j * F64);
        const first = (bits >>> <i32>j) & 1;
        const second = (bits >>> <i32>(j + 1)) & 1;
        const keep = i64x2.splat(-<i64>first);
        v128.store(out + k * F64, v128.bitselect(pair, i64x2.shuffle(pair, pair, 1, 1), keep));
        k += <usize>(first + second);
      }
    } else {
      for (let j: usize = 0; j < 16; j++) {
        if ((bits >>> <i32>j) & 1) {
          store<f64>(out + k * F64, load<f64>(src + j * F64));
          k++;
        }
      }
    }
  }
  for (; i < n && k < count; i++) {
    if (load<u8>(m + i) != 0) {
      store<f64>(out + k * F64, load<f64>(x + i * F64));
      k++;
    }
  }
  return k;
}

/**
 * out[i] = c[i] ? x[i] : y[i] with `xStep`/`yStep` 1 for arrays of n and 0 for the scalars
 * xs/ys. 16 elements a step: 16 cond bytes widen into eight float64 lane masks for
 * v128.bitselect.
 */
@inline function loopSelect(c: usize, x: usize, xStep: usize, xs: f64, y: usize, yStep: usize, ys: f64, out: usize, n: usize): void {
  const xv = f64x2.splat(xs);
  const yv = f64x2.splat(ys);
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const truth = byteTruth(v128.load(c + i));
    const q0 = widenQuarter0(truth);
    const q1 = widenQuarter1(truth);
    const q2 = widenQuarter2(truth);
    const q3 = widenQuarter3(truth);
    const o = i * F64;
    const p = x + o * xStep;
    const q = y + o * yStep;
    const r = out + o;
    v128.store(r, v128.bitselect(xStep ? v128.load(p) : xv, yStep ? v128.load(q) : yv, lowPair(q0)));
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 16) : xv, yStep ? v128.load(q, 16) : yv, highPair(q0)), 16);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 32) : xv, yStep ? v128.load(q, 32) : yv, lowPair(q1)), 32);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 48) : xv, yStep ? v128.load(q, 48) : yv, highPair(q1)), 48);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 64) : xv, yStep ? v128.load(q, 64) : yv, lowPair(q2)), 64);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 80) : xv, yStep ? v128.load(q, 80) : yv, highPair(q2)), 80);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 96) : xv, yStep ? v128.load(q, 96) : yv, lowPair(q3)), 96);
    v128.store(r, v128.bitselect(xStep ? v128.load(p, 112) : xv, yStep ? v128.load(q, 112) : yv, highPair(q3)), 112);
  }
  for (; i < n; i++) {
    const o = i * F64;
    const xi = xStep ? load<f64>(x + o) : xs;
    const yi = yStep ? load<f64>(y + o) : ys;
    store<f64>(out + o, load<u8>(c + i) != 0 ? xi : yi);
  }
}

/** out[i] = c[i] ? x[i] : y[i]. out may equal x or y. */
export function select_vv(c: usize, x: usize, y: usize, out: usize, n: usize): void {
  loopSelect(c, x, 1, 0, y, 1, 0, out, n);
}
/** out[i] = c[i] ? x[i] : s. */
export function select_vs(c: usize, x: usize, s: f64, out: usize, n: usize): void {
  loopSelect(c, x, 1, 0, 0, 0, s, out, n);
}
/** out[i] = c[i] ? s : y[i]. */
export function select_sv(c: usize, s: f64, y: usize, out: usize, n: usize): void {
  loopSelect(c, 0, 0, s, y, 1, 0, out, n);
}
/** out[i] = c[i] ? s : t. */
export function select_ss(c: usize, s: f64, t: f64, out: usize, n: usize): void {
  loopSelect(c, 0, 0, s, 0, 0, t, out, n);
}
/** a[i] = s where m[i] (in place): select_sv with out = y = a. */
export function set_where_scalar(a: usize, m: usize, s: f64, n: usize): void {
  loopSelect(m, 0, 0, s, a, 1, 0, a, n);
}
/** a[i] = v[i] where m[i] (in place; v has a's shape): select_vv with out = y = a. */
export function set_where(a: usize, m: usize, v: usize, n: usize): void {
  loopSelect(m, v, 1, 0, a, 1, 0, a, n);
}

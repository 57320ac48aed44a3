/**
 * Integer indexing on contiguous float64 data: gather (`a.take(indices)`) and scatter
 * (`a.put(indices, values)`). Indices are float64 values (ndvec's one number dtype); an index
 * is valid when it is integral and in [-n, n), negative ones counting from the end (NumPy's
 * wrap). Pointers are byte offsets, counts elements. No static data.
 *
 * `mode` is NumPy's: 0 'raise' (the above), 1 'wrap' (any integral index, taken modulo n),
 * 2 'clip' (any integral index, clamped into [0, n); a negative one gives 0). In every mode
 * a non-integral index (NaN and ±Infinity included) is bad, and so is any index when n is 0.
 * The fast blocks are the same in every mode (an index in [0, n) names the same element in
 * all three); only the careful loops that redo a failing block differ.
 */
import { F64 } from './lanes';

/** NumPy's index modes (`mode` of take_f64/put_f64). */
const RAISE: u32 = 0;
const WRAP: u32 = 1;

/**
 * The element offset an index names in an axis of `n` elements, or -1 when the index is
 * not an integer in [-n, n) (NaN and ±Infinity included: the range test fails for them).
 */
@inline function resolveIndex(v: f64, n: f64): i64 {
  const w = v < 0 ? v + n : v;
  if (!(w >= 0 && w < n)) return -1;
  const j = <i64>w;
  return <f64>j == w ? j : -1;
}

/**
 * The element offset an index names under `mode` (see the file's doc), or -1 for a bad one.
 * Wrap takes the exact floating remainder (fmod), so huge integral indices wrap exactly.
 */
@inline function resolveMode(v: f64, n: f64, mode: u32): i64 {
  if (mode == RAISE) return resolveIndex(v, n);
  if (!(Math.floor(v) == v && Math.abs(v) != Infinity && n > 0)) return -1;
  if (mode == WRAP) {
    const r = v % n;
    return <i64>(r < 0 ? r + n : r);
  }
  return <i64>(v < 0 ? 0.0 : v > n - 1 ? n - 1 : v);
}

/** 2^52: adding it to a float in [0, 2^52) rounds to an integer held in the low mantissa bits. */
const TWO52: f64 = 4503599627370496.0;

/**
 * Two indices at once: returns w + 2^52 per lane (the element offset in its low 32 bits),
 * where w = v (+ n when v < 0), and ANDs into `ok` the lanes' flag "w integral and in
 * [0, n)". The integral test needs no conversion: (w + 2^52) - 2^52 == w.
 */
@inline function offsetsPair(v: v128, n: v128, magic: v128, zero: v128): v128 {
  const w = f64x2.add(v, v128.and(f64x2.lt(v, zero), n));
  return f64x2.add(w, magic);
}

/** The validity flags of a pair: all ones where (w + 2^52) - 2^52 == w and 0 ≤ w < n. */
@inline function validPair(v: v128, wm: v128, n: v128, magic: v128, zero: v128): v128 {
  const w = f64x2.add(v, v128.and(f64x2.lt(v, zero), n));
  return v128.and(v128.and(f64x2.ge(w, zero), f64x2.lt(w, n)), f64x2.eq(f64x2.sub(wm, magic), w));
}

/** True when all four indices of the pairs a, b are integers in [-n, n). */
@inline function quadValid(a: v128, b: v128, n: v128, magic: v128, zero: v128): bool {
  const okA = validPair(a, offsetsPair(a, n, magic, zero), n, magic, zero);
  const okB = validPair(b, offsetsPair(b, n, magic, zero), n, magic, zero);
  return i64x2.all_true(v128.and(okA, okB));
}

/** Indices a block of put's check (checkIndices): the validity flags are tested once a block. */
const BLOCK: usize = 64;

/**
 * w + 2^52 for w = v clamped to [0, top] (top = n - 1); NaN clamps to 0. pmin/pmax are one
 * instruction each (minpd/maxpd).
 */
@inline function clampedPair(v: v128, zero: v128, top: v128, magic: v128): v128 {
  return f64x2.add(f64x2.pmin(top, f64x2.pmax(zero, v)), magic);
}

/**
 * All ones in the lanes where v is an integer in [0, n): exactly where the clamped offset
 * t - 2^52 equals v (a clamped, rounded or NaN index differs from it; -0 equals 0).
 */
@inline function exactPair(t: v128, v: v128, magic: v128): v128 {
  return f64x2.eq(f64x2.sub(t, magic), v);
}

/**
 * The careful loop: out[i] = x[idx[i]] with negative indices wrapped, stopping at the first
 * index that is not an integer in [-n, n) (returns its position; m when all were valid).
 * Four indices a step, checked two at a time in SIMD lanes, offsets from the low bits of
 * w + 2^52 (no float→int conversions), the four loads issued before any store.
 */
function takeWrapped(x: usize, n: usize, idx: usize, m: usize, out: usize): usize {
  const fn = <f64>n;
  const nv = f64x2.splat(fn);
  const magic = f64x2.splat(TWO52);
  const zero = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 4 <= m; i += 4) {
    const a = v128.load(idx + i * F64);
    const b = v128.load(idx + i * F64, 16);
    if (!quadValid(a, b, nv, magic, zero)) break;
    const wa = offsetsPair(a, nv, magic, zero);
    const wb = offsetsPair(b, nv, magic, zero);
    const v0 = load<f64>(x + (<usize>i32x4.extract_lane(wa, 0) << 3));
    const v1 = load<f64>(x + (<usize>i32x4.extract_lane(wa, 2) << 3));
    const v2 = load<f64>(x + (<usize>i32x4.extract_lane(wb, 0) << 3));
    const v3 = load<f64>(x + (<usize>i32x4.extract_lane(wb, 2) << 3));
    store<f64>(out + i * F64, v0);
    store<f64>(out + i * F64, v1, 8);
    store<f64>(out + i * F64, v2, 16);
    store<f64>(out + i * F64, v3, 24);
  }
  for (; i < m; i++) {
    const j = resolveIndex(load<f64>(idx + i * F64), fn);
    if (j < 0) return i;
    store<f64>(out + i * F64, load<f64>(x + <usize>j * F64));
  }
  return m;
}

/** The careful loop under `mode`: takeWrapped for 'raise', else one index a step (resolveMode). */
function takeCareful(x: usize, n: usize, idx: usize, m: usize, out: usize, mode: u32): usize {
  if (mode == RAISE) return takeWrapped(x, n, idx, m, out);
  const fn = <f64>n;
  for (let i: usize = 0; i < m; i++) {
    const j = resolveMode(load<f64>(idx + i * F64), fn, mode);
    if (j < 0) return i;
    store<f64>(out + i * F64, load<f64>(x + <usize>j * F64));
  }
  return m;
}

/** Indices a block of take_f64's fast loop (its validity flags are tested once a block); the tail after the last one goes in blocks of 16. */
const TAKE_BLOCK: usize = 256;

/**
 * The element offset in the low 32 bits of v + 2^52 (v itself when v is an integer in
 * [0, 2^32)), forced into [0, n) so the load it feeds stays in memory whatever v is: ANDed
 * with `limit` (2^k - 1 ≥ n - 1; the caller checked that x + 8·2^k is inside the memory),
 * or, with `Masked` = u16, the unsigned minimum with `limit` = n - 1.
 */
@inline function loadOffset<Masked>(p: usize, limit: u32): usize {
  const j = <u32>reinterpret<u64>(load<f64>(p) + TWO52);
  return <usize>(sizeof<Masked>() == 1 ? j & limit : min<u32>(j, limit));
}

/**
 * The fast blocks of take_f64 (see there); returns how many leading indices it handled (a
 * multiple of TAKE_BLOCK), or, when a block held a bad index, that index's position + m + 1
 * (an offset the caller tells apart because it exceeds m).
 */
@inline function takeBlocks<Masked>(x: usize, n: usize, idx: usize, m: usize, out: usize, limit: u32, mode: u32, block: usize): usize {
  const zero = f64x2.splat(0);
  const top = f64x2.splat(<f64>(n - 1));
  let i: usize = 0;
  for (; i + block <= m; i += block) {
    let ok = i64x2.splat(-1);
    const p = idx + i * F64;
    const q = out + i * F64;
    for (let k: usize = 0; k < block * F64; k += 4 * F64) {
      const a = v128.load(p + k);
      const b = v128.load(p + k, 16);
      // valid: the index clamped into [0, n - 1] and rounded is the index itself (false for
      // a negative, out-of-range, fractional or NaN one; -0 passes as 0): four SIMD ops a pair
      ok = v128.and(ok, v128.and(f64x2.eq(f64x2.nearest(f64x2.pmin(top, f64x2.pmax(zero, a))), a), f64x2.eq(f64x2.nearest(f64x2.pmin(top, f64x2.pmax(zero, b))), b)));
      const j0 = loadOffset<Masked>(p + k, limit);
      const j1 = loadOffset<Masked>(p + k + 8, limit);
      const j2 = loadOffset<Masked>(p + k + 16, limit);
      const j3 = loadOffset<Masked>(p + k + 24, limit);
      store<f64>(q + k, load<f64>(x + (j0 << 3)));
      store<f64>(q + k, load<f64>(x + (j1 << 3)), 8);
      store<f64>(q + k, load<f64>(x + (j2 << 3)), 16);
      store<f64>(q + k, load<f64>(x + (j3 << 3)), 24);
    }
    if (!i64x2.all_true(ok)) {
      const done = takeCareful(x, n, p, block, q, mode);
      if (done < block) return m + 1 + i + done;
    }
  }
  return i;
}

/**
 * out[i] = x[idx[i]] for i < m, where x has n elements. Stops at the first index that is bad
 * under `mode` (see the file's doc) and returns its position (out is then written below it,
 * and maybe beyond: the caller drops it); returns m when every index was valid.
 *
 * A random gather is bound by how many of its loads the core keeps in flight, so what counts
 * is the work an element costs on the way to its load. The common case, indices in [0, n),
 * runs blocks of 256 with no branch inside: the offset of each load comes from the low bits of
 * v + 2^52 in a general register (a scalar add and a move, no float→int conversion; kept in
 * bounds by a mask or an unsigned minimum, so a bad index loads some element of memory, never
 * past it), while SIMD lanes check the same indices on the side: each pair clamped into
 * [0, n) (pmax/pmin) and rounded, "equals the index" ANDed into a flag tested once a block. A block that fails (negative indices, or a bad one) is redone by the careful loop,
 * which resolves the indices under `mode` and finds the bad index.
 *
 * Third pass (2026-12-03; kernel alone, 1M random indices into 1M values, variants in random
 * order a round, 100–150 rounds a run, p10 / median ms; a scratch harness, not committed):
 * blocks of 256 instead of 64 won in 12 of 14 runs at load 2–4 (e.g. 0.86 / 0.97 against
 * 0.92 / 1.04; 0.96 / 1.16 against 1.03 / 1.26), the exit of the inner loop every 16 steps
 * being what the bigger block saves. The offsets taken instead from the low bits of the
 * clamped lanes (vmovd/vpextrd, which needs no mask) won on a quiet machine and in L1
 * (0.88 / 1.00 against 0.95 / 1.04 at load 1.8; 0.44 against 0.52 with n = 1000) but lost
 * by up to 25 % in runs with a busy neighbour (1.52 against 1.31 p10, five runs of seven at
 * load 4–6), as the second pass had also found; half the offsets from lanes, half scalar,
 * sat between; offsets from the index's own lanes (f64x2.extract_lane instead of a second
 * scalar load) lost as well (1.60 against 1.14 p10): a load whose address waits on SIMD work
 * loses, whatever it saves in instructions. Blocks of 16 after the last block of 256 keep a
 * valid tail out of the careful loop (1K take: 0.92× NumPy's a[idx] after, 0.98× before).
 * Also lost: eight indices a step (1.11 / 1.34 against 1.04 / 1.23), byte
 * addresses computed in the lanes and stored into `out` to be read back (store forwarding,
 * 1.6–2.0 ms), the offsets shuffled into one vector first (1.3–1.7 ms), checks by
 * (clamp(v) + 2^52) - 2^52 == v replaced by nearest(clamp(v)) == v, one op fewer a pair,
 * gained 1–3 % (p10 0.86 against 0.88, 0.99 against 1.02 ms; kept). Dropping the mask (unsafe) gained 8 %: the instructions
 * an element costs count even at 1M. Second pass (load ≈ 11, best of 15): this form with
 * blocks of 64 1.01–1.45 ms; offsets from the lanes of the wrapped, unclamped index
 * 1.51–2.30 ms; the careful loop alone 1.06–1.54 ms; no checks at all 0.77–1.2 ms. A
 * validation pass into an i32 scratch (in L1) followed by a gather from it was slower
 * (1.67–2.0 ms, with the scratch placed away from the stores' 4 KB aliases or not).
 */
export function take_f64(x: usize, n: usize, idx: usize, m: usize, out: usize, mode: u32): usize {
  let i: usize = 0;
  if (n > 0) {
    const mask = n == 1 ? <u32>0 : <u32>0xffffffff >>> clz(<u32>(n - 1));
    const inMemory = <u64>x + ((<u64>mask + 1) << 3) <= (<u64>memory.size() << 16);
    // blocks of 256, then of 16 for the rest (so the careful loop sees at most 15 indices
    // of a valid tail: at 1K, 232 of them went through it otherwise)
    i = inMemory ? takeBlocks<u8>(x, n, idx, m, out, mask, mode, TAKE_BLOCK) : takeBlocks<u16>(x, n, idx, m, out, <u32>(n - 1), mode, TAKE_BLOCK);
    if (i > m) return i - m - 1;
    const p = idx + i * F64;
    const q = out + i * F64;
    const r = m - i;
    const j = inMemory ? takeBlocks<u8>(x, n, p, r, q, mask, mode, 16) : takeBlocks<u16>(x, n, p, r, q, <u32>(n - 1), mode, 16);
    if (j > r) return i + (j - r - 1);
    i += j;
  }
  return i + takeCareful(x, n, idx + i * F64, m - i, out + i * F64, mode);
}

/** The careful check: position of the first of idx[0..m) that is bad under `mode`, or m. */
function checkWrapped(idx: usize, m: usize, n: usize, mode: u32): usize {
  const fn = <f64>n;
  if (mode != RAISE) {
    for (let i: usize = 0; i < m; i++) {
      if (resolveMode(load<f64>(idx + i * F64), fn, mode) < 0) return i;
    }
    return m;
  }
  const nv = f64x2.splat(fn);
  const magic = f64x2.splat(TWO52);
  const zero = f64x2.splat(0);
  let i: usize = 0;
  for (; i + 4 <= m; i += 4) {
    if (!quadValid(v128.load(idx + i * F64), v128.load(idx + i * F64, 16), nv, magic, zero)) break;
  }
  for (; i < m; i++) {
    if (resolveIndex(load<f64>(idx + i * F64), fn) < 0) return i;
  }
  return m;
}

/**
 * Position of the first of idx[0..m) that is bad under `mode`, or m when none is.
 * Blocks of 64 indices in [0, n) pass with the clamp test of take_f64 (no branch inside a
 * block); a block that fails is checked by the careful loop (negative indices wrap). Sets
 * {@link nonNegative}: the scatter skips the wrap over those leading indices. Measured (1M random indices, alternating in one process): 0.33 ms against
 * 0.52 ms for the careful loop alone.
 */
function checkIndices(idx: usize, m: usize, n: usize, mode: u32): usize {
  let i: usize = 0;
  nonNegative = 0;
  let clean = true;
  if (n > 0) {
    const magic = f64x2.splat(TWO52);
    const zero = f64x2.splat(0);
    const top = f64x2.splat(<f64>(n - 1));
    for (; i + BLOCK <= m; i += BLOCK) {
      let ok = i64x2.splat(-1);
      const p = idx + i * F64;
      for (let k: usize = 0; k < BLOCK * F64; k += 4 * F64) {
        const a = v128.load(p + k);
        const b = v128.load(p + k, 16);
        ok = v128.and(ok, v128.and(exactPair(clampedPair(a, zero, top, magic), a, magic), exactPair(clampedPair(b, zero, top, magic), b, magic)));
      }
      if (!i64x2.all_true(ok)) {
        clean = false;
        const done = checkWrapped(p, BLOCK, n, mode);
        if (done < BLOCK) return i + done;
      }
      if (clean) nonNegative = i + BLOCK;
    }
  }
  return i + checkWrapped(idx + i * F64, m - i, n, mode);
}

/** How many leading indices the last checkIndices found in [0, n) (a multiple of 64). */
let nonNegative: usize = 0;

/**
 * a[idx[i]] = v[i mod nv] for i < m, in order (a repeated index keeps the last value), where
 * a has n elements and nv ≥ 1, after checking every index: returns the position of the first
 * index that is bad under `mode` (see the file's doc) with nothing written, or m once written. The
 * offsets come from the low bits of w + 2^52, as in take_f64; when values need no cycling
 * (nv ≥ m), four a step: over the leading blocks the check found in [0, n) with no wrap and
 * the offsets taken in general registers, then with the wrap computed two at a time in SIMD
 * lanes. Measured (1M random indices into 1M values, the scatter alone, alternating, load
 * ≈ 11): 1.45–1.56 ms scalar offsets, 1.61–1.78 ms offsets from the SIMD lanes without the
 * wrap, 1.93–2.07 ms for check + lanes with the wrap (the check is 0.3–0.4 ms of it).
 */
export function put_f64(a: usize, n: usize, idx: usize, m: usize, v: usize, nv: usize, mode: u32): usize {
  const bad = checkIndices(idx, m, n, mode);
  if (bad < m) return bad;
  const fn = <f64>n;
  let i: usize = 0;
  if (nv >= m) {
    const nvec = f64x2.splat(fn);
    const magic = f64x2.splat(TWO52);
    const zero = f64x2.splat(0);
    const plain = nonNegative;
    for (; i + 4 <= plain; i += 4) {
      // checked indices in [0, n): the offset is the low 32 bits of v + 2^52, taken in a
      // general register (faster than from the SIMD lanes, as in take_f64)
      const p = idx + i * F64;
      store<f64>(a + (<usize><u32>reinterpret<u64>(load<f64>(p) + TWO52) << 3), load<f64>(v + i * F64));
      store<f64>(a + (<usize><u32>reinterpret<u64>(load<f64>(p, 8) + TWO52) << 3), load<f64>(v + i * F64, 8));
      store<f64>(a + (<usize><u32>reinterpret<u64>(load<f64>(p, 16) + TWO52) << 3), load<f64>(v + i * F64, 16));
      store<f64>(a + (<usize><u32>reinterpret<u64>(load<f64>(p, 24) + TWO52) << 3), load<f64>(v + i * F64, 24));
    }
    for (; mode == RAISE && i + 4 <= m; i += 4) {
      const wa = offsetsPair(v128.load(idx + i * F64), nvec, magic, zero);
      const wb = offsetsPair(v128.load(idx + i * F64, 16), nvec, magic, zero);
      store<f64>(a + (<usize>i32x4.extract_lane(wa, 0) << 3), load<f64>(v + i * F64));
      store<f64>(a + (<usize>i32x4.extract_lane(wa, 2) << 3), load<f64>(v + i * F64, 8));
      store<f64>(a + (<usize>i32x4.extract_lane(wb, 0) << 3), load<f64>(v + i * F64, 16));
      store<f64>(a + (<usize>i32x4.extract_lane(wb, 2) << 3), load<f64>(v + i * F64, 24));
    }
  }
  let k: usize = i % nv;
  for (; i < m; i++) {
    const x = load<f64>(idx + i * F64);
    const j = mode == RAISE ? <usize>(<u32>reinterpret<u64>((x < 0 ? x + fn : x) + TWO52)) : <usize>resolveMode(x, fn, mode);
    store<f64>(a + j * F64, load<f64>(v + k * F64));
    k++;
    if (k == nv) k = 0;
  }
  return m;
}

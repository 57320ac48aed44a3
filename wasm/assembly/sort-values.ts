/**
 * Sorting the values of a contiguous float64 row (`sort_values_f64`), for `sort`. Unlike
 * `argsort_f64` (wasm/assembly/sort.ts) it need not be stable: equal numbers are
 * interchangeable, so only the order of -0 and +0 could show it, and the caller gives the
 * zero run its input signs back whenever this returns nonzero. NaNs go last.
 *
 * A distribution sort that sorts by comparisons only inside bins of a few keys:
 * - Rows of TOP_MIN elements or more: one pass counts the top 16 bits of every
 *   order-preserving key (a number's bits, sign flipped when positive, all flipped when
 *   negative: unsigned key order is number order). When the numbers fill fewer than
 *   NARROW_BINS of those bins (one exponent, say) and one bin holds over 4 buckets' worth,
 *   a second pass counts 16 bits of `key - (their lowest bin's key)` instead (of
 *   `key - min` when one bin holds them all; all equal: done). One scatter pass moves the
 *   keys by bin, NaNs to the end; runs of adjacent bins, contiguous, are the buckets, of
 *   about BUCKET_TARGET keys (normal data's keys crowd a few exponents, so most bins are
 *   empty and a few hold 8K keys each).
 * - Each bucket ({@link keysToOut}): its keys spread by `(key - low) >> shift` into about
 *   one bin per key (up to 2^13 bins, 2^16 for buckets over 64K; the shift from the
 *   bucket's key range, or from its exact min/max when every key lands in one bin),
 *   scattered to the output as numbers. A shift of 0 (a bin per key value) is a counting
 *   sort: done. A bin of more than SMALL is sorted the same way in place from its exact
 *   min/max (every level takes at least 5 bits off the range, so the depth is bounded).
 *   Then three rounds of odd-even transposition (f64x2 pmin/pmax on pairs: a pair that
 *   straddles two bins is already in order, so they sort bins of up to 3 keys without a
 *   branch) and one insertion pass for what is left.
 * - Shorter rows skip the top pass: one SIMD pass finds min/max (NaNs and -0s counted), and
 *   the first spread is linear in the values, `(v - min) * bins / (max - min)` (monotone:
 *   each step rounds monotonically), which suits bell-shaped data better than key bits (a 1K
 *   normal row lands about one per bin; on keys it fills ~20 bins of exponents). A range
 *   that is not finite (±Inf), or values that crowd (more than 24 of 64 evenly spaced
 *   elements in one of 64 coarse bins: magnitudes over many exponents, outliers), spread by
 *   keys. No wasm `f64.min` (V8 compiles it to a branchy NaN/-0 sequence) and no saturating
 *   truncation: the bin is rounded by adding 2^52, the clamp is integer. The transposition
 *   rounds only past one key a bin (at 1K they cost more than the branches they save).
 *
 * Measured against `sort_f64` (the stable MSD sort it replaces for values), kernel alone, CPU
 * time (best of 2×9 runs, 2-core EPYC under load 3–4, so ±10%), seeded data:
 * - 1K, µs: normal 9.5 → 4.3, uniform [0,1) 8.6 → 4.2, ten values 13.7 → 5.9, all equal
 *   6.1 → 0.9, sorted 7.6 → 4.0, reversed 12.0 → 4.0, NaN/±Inf/±0 mix 12.3 → 9.0,
 *   subnormals 12.6 → 4.9, magnitudes 1e±300 5.7 → 4.8, two tight clusters 14.3 → 9.1.
 * - 1M, ms: normal 15.6 → 6.9, uniform 17.4 → 9.2, ten values 6.1 → 4.7, all equal
 *   4.0 → 2.4, sorted 7.4 → 5.3, reversed 8.1 → 8.1, mix 11.3 → 6.1, subnormals
 *   17.4 → 10.0, 1e±300 16.7 → 7.9, two tight clusters (1 + [0, 1e-12) and
 *   1e10 + [0, 1e-3): each one top bin of 500K) 9.5 → 8.8.
 * - Steps that counted (1M, ratio to the step before, same run): the three transposition
 *   rounds 0.78 normal, 0.81 uniform, 1.05–1.10 sorted and reversed; the counting-sort
 *   exit and the 16-bit spread of big buckets 0.81 on the two clusters.
 * - 1M normals by phase, before the rounds: histogram 0.85 ms, scatter 1.6, buckets 5.5–6,
 *   of which the insertion pass 3.5 (0.35 on a sorted row: mispredicted compares; the rounds
 *   take most of that away).
 * Tried and lost (1M normals unless said): (1) bins from the sign and exponent with as many
 * mantissa bits as the exponent's share of a 1/16 sample asks (buckets of ~730, L1-sized),
 * an exact counting pass through that table, one scatter: 9.5–10.5 ms against 8.5 (the
 * counting pass costs 1.4 ms and the small buckets were no cheaper). (2) Splitting only the
 * heavy 16-bit bins by their next key bits: the same extra counting pass (1.9 ms). (3) Two
 * LSD passes inside each bucket on the top log2(m) + 6 bits, then an insertion pass with
 * almost no ties: no faster on normals, sorted rows 1.6× slower. (2) and (3) were timed on
 * a sample with many repeated values (a JS LCG that lost bits), so only roughly. (4) The
 * value-linear spread for long rows too (65536 bins, one scatter): 13.7 ms (65536 write
 * streams). (5) m/4 bins in a bucket: 30–50% slower on random rows; 2m bins (14-bit cap):
 * 4% faster on normals, 5–10% slower on sorted and reversed rows, 20% on clusters at 64K.
 * (6) Sorting a bucket in a staging buffer that stays in cache, then copying it out in
 * order: 1–6% on normals, 7–10% slower on sorted rows. (7) A branchless insertion (each
 * key against the three before it, shifts by selects on the bits, the last three kept in
 * registers): no faster on normals (the select chain is serial), 1.5× slower on sorted
 * rows. (8) Two or four transposition rounds instead of three: about even on normals, four
 * slower on sorted rows.
 * NumPy 2.4 here sorts with x86-simd-sort (AVX-512 quicksort, 8 float64 lanes per compare);
 * side by side `sort` of 1M normals takes about 0.85× NumPy's time, 1K about 1.0×
 * (docs/benchmarks-numpy.md).
 *
 * Memory, all from the caller (kernels never allocate): `tmp` of {@link sort_values_tmp_bytes}(n)
 * bytes (the top pass's bin counts and bucket firsts, the levels' counts, a key buffer of
 * n). `src`, `out` and `tmp` must not overlap. Pointers are byte offsets, 8-aligned.
 */

import { ALL, SIGN, ceilLog2, countBins, countedTotal, groupBins, keysHigh, keysLow, prefixCounts, valueOfKey } from './sort-keys';

/** The NaN written at the end of the row (the one `sort_f64` writes). */
const NAN_BITS: u64 = 0x7fffffffffffffff;

/**
 * 2^52: adding it to a number in [0, 2^31) rounds it to an integer held in the low bits
 * (round to nearest: still monotone, all a spread needs; cheaper than a saturating trunc).
 */
const MAGIC: f64 = 4503599627370496;

/** Transposition rounds before the insertion pass that finishes a spread. */
const ROUNDS: u32 = 3;

/** Ranges up to this many finish by insertion sort. */
const SMALL: usize = 24;
/** Rows from this many elements start by the 16-bit key histogram. */
const TOP_MIN: usize = 1 << 16;
const TOP_BINS: usize = 1 << 16;
/** The top bin of -0's key. */
const NEG_ZERO_BIN: usize = 0x7fff;

/** Buckets of the top pass hold about this many keys (n >> 15 when that is more). */
const BUCKET_TARGET: usize = 1024;
/** Most bits of a level's spread, and the levels kept at once (a bin recurses while its level's counts are live). */
const LEVEL_BITS_MAX: u32 = 13;

const LEVELS: usize = 18;
/**
 * Buckets of more than WIDE_MIN keys (one crowded top bin of a long row) spread by up to
 * WIDE_BITS bits; with exact ranges that can happen on WIDE_LEVELS levels at most (each
 * takes 16 bits off the range). A level's counts start right after the previous level's
 * bins, so the scratch holds WIDE_LEVELS wide levels and LEVELS narrow ones.
 */
const WIDE_MIN: usize = 1 << 16;
const WIDE_BITS: u32 = 16;
const WIDE_LEVELS: usize = 5;
const WIDE_LEVEL_BYTES: usize = ((<usize>1 << WIDE_BITS) + 4) << 2;

const TOP_COUNT_BYTES: usize = ((TOP_BINS + 2) << 2);
const FIRST_BYTES: usize = ((TOP_BINS + 2) << 2);
const TOP_BYTES: usize = TOP_COUNT_BYTES + FIRST_BYTES;
/** A row whose numbers fill fewer top bins than this is counted again from its key range. */
const NARROW_BINS: usize = 4096;

/** Bits of a level's spread for rows of n: about log2(n), within [4, LEVEL_BITS_MAX]. */
@inline function levelBitsCap(n: usize): u32 {
  return min(LEVEL_BITS_MAX, max(4, ceilLog2(n)));
}

/** Bytes of one level's counts for rows of n (the bins and one more for NaN, rounded to 8). */
@inline function levelBytes(n: usize): usize {
  return (((<usize>1 << levelBitsCap(n)) + 4) << 2);
}

/** Bytes of scratch `sort_values_f64` needs for a row of `n`. */
export function sort_values_tmp_bytes(n: usize): usize {
  return (n >= TOP_MIN ? TOP_BYTES + WIDE_LEVELS * WIDE_LEVEL_BYTES : 0) + LEVELS * levelBytes(n) + (n << 3);
}

/** The order-preserving key of a number (not NaN); -0 takes the key just below +0's. */
@inline function keyOf(v: f64): u64 {
  const b = reinterpret<u64>(v);
  return b ^ ((<u64>(<i64>b >> 63)) | SIGN);
}

/** Insertion sort of the numbers out[lo, hi) (no NaN; -0 and +0 equal). */
function insertion(out: usize, lo: usize, hi: usize): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = load<f64>(out + (i << 3));
    let prev = load<f64>(out + ((i - 1) << 3));
    if (prev <= v) continue;
    let j = i;
    do {
      store<f64>(out + (j << 3), prev);
      j--;
      if (j == lo) break;
      prev = load<f64>(out + ((j - 1) << 3));
    } while (prev > v);
    store<f64>(out + (j << 3), v);
  }
}

/**
 * One round of odd-even transposition over out[from, hi): each pair (from + 2i, from + 2i + 1)
 * ordered by min/max, two pairs a step (no NaN; -0/+0 in either order). Pairs that straddle
 * two bins of a spread are already in order, so rounds sort the bins' few keys in place,
 * without a branch.
 */
@inline function transposeRound(out: usize, from: usize, hi: usize): void {
  let i = from;
  for (; i + 4 <= hi; i += 4) {
    const p = out + (i << 3);
    const x = v128.load(p);
    const z = v128.load(p, 16);
    const a = v128.shuffle<f64>(x, z, 0, 2);
    const b = v128.shuffle<f64>(x, z, 1, 3);
    const mn = f64x2.pmin(a, b);
    const mx = f64x2.pmax(a, b);
    v128.store(p, v128.shuffle<f64>(mn, mx, 0, 2));
    v128.store(p, v128.shuffle<f64>(mn, mx, 1, 3), 16);
  }
  if (i + 2 <= hi) {
    const p = out + (i << 3);
    const a = load<f64>(p);
    const b = load<f64>(p, 8);
    store<f64>(p, select<f64>(b, a, b < a));
    store<f64>(p, select<f64>(a, b, b < a), 8);
  }
}

/** Sorts out[lo, hi) (no NaN) after a spread into about one bin a key: three transposition rounds, then insertion for what is left. */
function finishSpread(out: usize, lo: usize, hi: usize): void {
  for (let r: u32 = 0; r < ROUNDS; r++) transposeRound(out, lo + (r & 1), hi);
  insertion(out, lo, hi);
}

/**
 * Sorts the keys kb[lo, lo + m), all within [low, low + range], writing their numbers in
 * order to out[lo, lo + m). `exact`: low and low + range are the least and largest keys.
 * counts: this level's counts (the next level's follow at + step).
 */
function keysToOut(kb: usize, out: usize, lo: usize, m: usize, low: u64, range: u64, counts: usize, cap: u32, exact: bool, rounds: bool): void {
  const hi = lo + m;
  if (m <= SMALL) {
    for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), valueOfKey(load<u64>(kb + (i << 3))));
    insertion(out, lo, hi);
    return;
  }
  if (range == 0) {
    const v = valueOfKey(low);
    for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), v);
    return;
  }
  const bits = min(m > WIDE_MIN ? WIDE_BITS : cap, max(4, ceilLog2(m)));
  const width = <u32>(64 - clz<u64>(range));
  const sh = <u64>(width > bits ? width - bits : 0);
  const nb = <usize>(range >> sh) + 1;
  const most = countBins(kb, lo, hi, low, sh, nb, counts);
  if (<usize>most == m && !exact) {
    // One bin holds them all: spread again from the exact range.
    const mn = keysLow(kb, lo, hi);
    const mx = keysHigh();
    keysToOut(kb, out, lo, m, mn, mx - mn, counts, cap, true, rounds);
    return;
  }
  for (let i = lo; i < hi; i++) {
    const k = load<u64>(kb + (i << 3));
    const at = counts + (<usize>((k - low) >> sh) << 2);
    const pos = <usize>load<u32>(at);
    store<u32>(at, <u32>pos + 1);
    store<f64>(out + (pos << 3), valueOfKey(k));
  }
  if (sh == 0) return; // a bin per key value: a counting sort, done
  if (<usize>most > SMALL) bigBins(out, kb, lo, nb, counts, counts + ((nb + 4) << 2), cap, rounds);
  if (rounds) finishSpread(out, lo, hi);
  else insertion(out, lo, hi);
}

/** After a scatter (counts[b] = end of bin b, bins from lo): sorts every bin of more than SMALL in place. */
function bigBins(out: usize, kb: usize, lo: usize, nb: usize, counts: usize, next: usize, cap: u32, rounds: bool): void {
  let start = lo;
  for (let b: usize = 0; b < nb; b++) {
    const end = <usize>load<u32>(counts + (b << 2));
    if (end - start > SMALL) valuesInPlace(out, kb, start, end - start, next, cap, rounds);
    start = end;
  }
}

/** Sorts the numbers out[lo, lo + m) in place (keys through kb[lo, lo + m)). */
function valuesInPlace(out: usize, kb: usize, lo: usize, m: usize, counts: usize, cap: u32, rounds: bool): void {
  const hi = lo + m;
  let mn = ALL;
  let mx: u64 = 0;
  for (let i = lo; i < hi; i++) {
    const k = keyOf(load<f64>(out + (i << 3)));
    store<u64>(kb + (i << 3), k);
    mn = min(mn, k);
    mx = max(mx, k);
  }
  keysToOut(kb, out, lo, m, mn, mx - mn, counts, cap, true, rounds);
}

/** Rows below TOP_MIN: min/max, a spread linear in the values (keys when the range is not finite). */
function sortShort(src: usize, out: usize, n: usize, tmp: usize): u32 {
  const cap = levelBitsCap(n);
  const step = levelBytes(n);
  const counts = tmp;
  const kb = tmp + LEVELS * step;
  // min, max, NaNs and -0s, two lanes at a time.
  let vmn = f64x2.splat(Infinity);
  let vmx = f64x2.splat(-Infinity);
  let vnan = i64x2.splat(0);
  let vneg = i64x2.splat(0);
  const sign = i64x2.splat(<i64>SIGN);
  let i: usize = 0;
  for (; i + 2 <= n; i += 2) {
    const v = v128.load(src + (i << 3));
    vmn = f64x2.pmin(vmn, v);
    vmx = f64x2.pmax(vmx, v);
    vnan = i64x2.sub(vnan, f64x2.ne(v, v));
    vneg = i64x2.sub(vneg, i64x2.eq(v, sign));
  }
  let vmin = min(f64x2.extract_lane(vmn, 0), f64x2.extract_lane(vmn, 1));
  let vmax = max(f64x2.extract_lane(vmx, 0), f64x2.extract_lane(vmx, 1));
  let nans = <usize>(i64x2.extract_lane(vnan, 0) + i64x2.extract_lane(vnan, 1));
  let negZeros = <u32>(i64x2.extract_lane(vneg, 0) + i64x2.extract_lane(vneg, 1));
  if (i < n) {
    const v = load<f64>(src + (i << 3));
    if (v != v) nans++;
    else {
      vmin = min(vmin, v);
      vmax = max(vmax, v);
    }
    negZeros += <u32>(reinterpret<u64>(v) == SIGN);
  }
  const m = n - nans;
  const nan = reinterpret<f64>(NAN_BITS);
  for (let j = m; j < n; j++) store<f64>(out + (j << 3), nan);
  const range = vmax - vmin;
  if (m <= SMALL || range == 0) {
    // Copy the numbers (a range of 0 is all one number, or zeros of both signs).
    let w: usize = 0;
    for (let j: usize = 0; j < n; j++) {
      const v = load<f64>(src + (j << 3));
      store<f64>(out + (w << 3), v);
      w += <usize>(v == v);
    }
    if (range != 0) insertion(out, 0, m);
    return negZeros;
  }
  const bits = min(cap, max(4, ceilLog2(m)));
  const nb = <usize>1 << bits;
  const scale = <f64>nb / range;
  // 64 evenly spaced elements in 64 coarse linear bins: more than 24 in one says the values
  // crowd (magnitudes spread over many exponents, outliers), which keys spread better.
  let crowded = false;
  if (range - range == 0) {
    memory.fill(counts, 0, 65 << 2);
    const coarse = <f64>64 / range;
    for (let j: usize = 0, q: usize = 0; j < 64; j++, q += n) {
      const v = load<f64>(src + ((q >> 6) << 3));
      const d = select<usize>(min<usize>(<usize>reinterpret<u64>((v - vmin) * coarse + MAGIC), 63), 64, v == v);
      const at = counts + (d << 2);
      const c = load<u32>(at) + 1;
      store<u32>(at, c);
      crowded = crowded || (d < 64 && c > 24);
    }
  }
  if (range - range != 0 || crowded) {
    // An infinite range (±Inf, or numbers far apart), or values crowded in a few linear
    // bins (magnitudes spread over many exponents): keys.
    let mn = ALL;
    let mx: u64 = 0;
    let w: usize = 0;
    for (let j: usize = 0; j < n; j++) {
      const v = load<f64>(src + (j << 3));
      const k = keyOf(v);
      store<u64>(kb + (w << 3), k);
      const num = v == v;
      w += <usize>num;
      mn = min(mn, select<u64>(k, ALL, num));
      mx = max(mx, select<u64>(k, 0, num));
    }
    keysToOut(kb, out, 0, m, mn, mx - mn, counts, cap, true, m > (<usize>1 << cap));
    return negZeros;
  }
  memory.fill(counts, 0, (nb + 1) << 2);
  for (let j: usize = 0; j < n; j++) {
    const v = load<f64>(src + (j << 3));
    const d = select<usize>(min<usize>(<usize>reinterpret<u64>((v - vmin) * scale + MAGIC), nb - 1), nb, v == v);
    const at = counts + (d << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  const most = prefixCounts(counts, nb, 0);
  store<u32>(counts + (nb << 2), countedTotal()); // the NaNs' bin: written over by the NaN fill below
  for (let j: usize = 0; j < n; j++) {
    const v = load<f64>(src + (j << 3));
    const d = select<usize>(min<usize>(<usize>reinterpret<u64>((v - vmin) * scale + MAGIC), nb - 1), nb, v == v);
    const at = counts + (d << 2);
    const pos = <usize>load<u32>(at);
    store<u32>(at, <u32>pos + 1);
    store<f64>(out + (pos << 3), v);
  }
  for (let j = m; j < n; j++) store<f64>(out + (j << 3), nan);
  if (<usize>most > SMALL) bigBins(out, kb, 0, nb, counts, counts + ((nb + 4) << 2), cap, m > nb);
  // Up to one key a bin (m <= nb) the insertion alone was faster (1K normals: 4.2 µs
  // against 4.4 with the rounds); beyond (the bins capped at 2^13), the rounds win
  // (30K normals 0.75×, uniform 0.42×).
  if (m > nb) finishSpread(out, 0, m);
  else insertion(out, 0, m);
  return negZeros;
}

/** The top bin of a key: `(k - base) >> shift`, NaN's bin TOP_BINS. */
@inline function topBin(v: f64, base: u64, shift: u64): usize {
  return select<usize>(<usize>((keyOf(v) - base) >> shift), TOP_BINS, v == v);
}

/**
 * Rows of TOP_MIN or more: the 16-bit key histogram (a second one from the numbers' range
 * when they are narrow and crowded), one scatter pass by bin into kb, then each run of bins
 * of about the target (a bucket) sorted in cache into out.
 */
function sortLong(src: usize, out: usize, n: usize, tmp: usize): u32 {
  const counts = tmp;
  const first = counts + TOP_COUNT_BYTES;
  const cap = levelBitsCap(n);
  const step = levelBytes(n);
  const levels = tmp + TOP_BYTES;
  const kb = levels + WIDE_LEVELS * WIDE_LEVEL_BYTES + LEVELS * step;
  let base: u64 = 0;
  let shift: u64 = 48;
  memory.fill(counts, 0, (TOP_BINS + 1) << 2);
  for (let i: usize = 0; i < n; i++) {
    const at = counts + (topBin(load<f64>(src + (i << 3)), base, shift) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  const nans = <usize>load<u32>(counts + (TOP_BINS << 2));
  const m = n - nans;
  // -0's key lies in bin 0x7fff, with the negative numbers of magnitude below 2^-1007.
  const maybeNegZero = <u32>(load<u32>(counts + (NEG_ZERO_BIN << 2)) != 0);
  let lowBin: usize = 0;
  while (lowBin < TOP_BINS && load<u32>(counts + (lowBin << 2)) == 0) lowBin++;
  let highBin: usize = TOP_BINS;
  while (highBin > lowBin && load<u32>(counts + ((highBin - 1) << 2)) == 0) highBin--;
  const nan = reinterpret<f64>(NAN_BITS);
  const target = max(BUCKET_TARGET, n >> 15);
  let most: u32 = 0;
  for (let b = lowBin; b < highBin; b++) most = max(most, load<u32>(counts + (b << 2)));
  if (highBin - lowBin < NARROW_BINS && <usize>most > (target << 2)) {
    // A narrow row with crowded bins: count 16 bits of key - (its lowest bin) instead, or
    // of key - min when one bin holds every number.
    base = <u64>lowBin << 48;
    let width = <u32>(64 - clz<u64>((<u64>(highBin - lowBin) << 48) - 1));
    if (highBin - lowBin == 1) {
      let mn = ALL;
      let mx: u64 = 0;
      for (let i: usize = 0; i < n; i++) {
        const v = load<f64>(src + (i << 3));
        const k = keyOf(v);
        const num = v == v;
        mn = min(mn, select<u64>(k, ALL, num));
        mx = max(mx, select<u64>(k, 0, num));
      }
      if (mn == mx) {
        const v = valueOfKey(mn);
        for (let i: usize = 0; i < m; i++) store<f64>(out + (i << 3), v);
        for (let i = m; i < n; i++) store<f64>(out + (i << 3), nan);
        return maybeNegZero;
      }
      base = mn;
      width = <u32>(64 - clz<u64>(mx - mn));
    }
    shift = <u64>(width > 16 ? width - 16 : 0);
    memory.fill(counts, 0, (TOP_BINS + 1) << 2);
    for (let i: usize = 0; i < n; i++) {
      const at = counts + (topBin(load<f64>(src + (i << 3)), base, shift) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
  // Starts of the bins (counts[b]); runs of adjacent bins make buckets (first[id]: the
  // first bin of bucket id) of about the target, contiguous in kb.
  const buckets = groupBins(counts, TOP_BINS, first, target);
  store<u32>(counts + (TOP_BINS << 2), countedTotal()); // the NaNs' bin
  for (let i: usize = 0; i < n; i++) {
    const v = load<f64>(src + (i << 3));
    const k = keyOf(v);
    const c = counts + (select<usize>(<usize>((k - base) >> shift), TOP_BINS, v == v) << 2);
    const pos = <usize>load<u32>(c);
    store<u32>(c, <u32>pos + 1);
    store<u64>(kb + (pos << 3), k);
  }
  // counts[b] is now the end of bin b.
  let start: usize = 0;
  for (let b: usize = 0; b < buckets; b++) {
    const f = load<u32>(first + (b << 2));
    const next = load<u32>(first + ((b + 1) << 2));
    const end = <usize>load<u32>(counts + (<usize>(next - 1) << 2));
    if (end > start) {
      const low = base + (<u64>f << shift);
      keysToOut(kb, out, start, end - start, low, (<u64>(next - f) << shift) - 1, levels, cap, false, true);
    }
    start = end;
  }
  for (let i = m; i < n; i++) store<f64>(out + (i << 3), nan);
  return maybeNegZero;
}

/**
 * out[0, n) = the numbers of src[0, n) ascending, then its NaNs (as the NaN with all
 * payload bits set). Zeros come out with arbitrary signs: returns nonzero when src may hold
 * a -0 (the caller then gives the zero run the input's signs in input order).
 * tmp: sort_values_tmp_bytes(n) bytes; src, out and tmp must not overlap.
 */
export function sort_values_f64(src: usize, out: usize, n: usize, tmp: usize): u32 {
  if (n == 0) return 0;
  return n < TOP_MIN ? sortShort(src, out, n, tmp) : sortLong(src, out, n, tmp);
}

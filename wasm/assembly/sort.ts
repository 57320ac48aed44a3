/**
 * Stable argsort of contiguous float64 rows (`argsort_f64`): for rows below 320K
 * an MSD radix sort on order-preserving 64-bit keys: a number's bits with the sign flipped
 * (positive) or all bits flipped (negative), so unsigned key order is number order; -0 takes
 * +0's key (equal, kept in input order: the sort is stable) and every NaN the largest key
 * (last, in input order). Each level counts one digit of a range (about log2(n) - 2 bits: up
 * to 16 for the whole row, 12 below), scatters it stably into the other buffer and recurses
 * into the buckets; ranges below 48 keys finish by a stable insertion sort, and a digit the
 * same in every key is skipped. A bucket that fits in cache is sorted there.
 *
 * Measured on 1M random normals, kernel alone, CPU time (process.cpuUsage, best of 25 in one
 * run; wall time was 1–3× that, 2-core EPYC with load average 6–8): LSD with 8-bit digits
 * over all 64 bits (8 passes) 15.1 ms sort / 22.6 ms argsort; a 16-bit top split then LSD
 * inside the buckets 12.5 / 13.3 ms; this MSD sort 12.7 / 13.8 ms (the values sort it then
 * also ran was replaced by sort-values.ts and removed), and at 1K elements 9–12 µs
 * against 14–16 µs for the LSD (fewer passes over a short row). Wider LSD digits lost
 * (11 bits: 28.4 / 41.1 ms, 16 bits: 25.8 / 37.6 ms wall, the scatters miss the cache).
 *
 * `sort` runs `sort_values_f64` (wasm/assembly/sort-values.ts, not stable). `argsort_f64` of
 * 320K+ elements runs
 * {@link argsortLong}, the values kernel's bucket structure made stable: a 16-bit key
 * histogram (a second from the numbers' bins when within 256 bins and crowded), one stable
 * scatter of keys and indices by bin, runs of bins of ~1K keys each spread stably into ~one
 * bin a key (a bin per key value is already sorted), an insertion pass per run of small
 * bins, the MSD sort for a bin of more than 24; rows already non-decreasing (the identity)
 * or strictly decreasing (the reverse) take one pass.
 *
 * Where it lost to this MSD sort, and the fixes (kernel alone, CPU time, best of 21 rounds
 * alternating in one process, 56 distributions at 100K, 262K, 327K, 524K and 1M; identical
 * code measures 0.92–1.08× here, so single rows within that are noise):
 * - Rows of 100K–290K (normals 1.03–1.34×, uniform 1.2–1.3×, uniform in [1, 2) 1.2–1.4×):
 *   the MSD sort's working set fits the cache there (its time per key doubles between 285K
 *   and 292K keys); the long kernel now starts at 320K ({@link ARG_TOP_MIN}).
 * - The "nearly reversed" loss (1.24–1.36×) was not about order: integer rows without 0
 *   (1..n, nearly sorted ones too: 1.12–1.16×) span ~320 first-histogram bins, few enough
 *   for the second histogram, which spread them finer than needed into more scatter streams
 *   and cost a pass; with 0 in the row the span is 16K bins and it ran 0.87–0.91×. The
 *   second histogram now needs a span of at most 256 bins: 0.85–0.88×.
 * - Powers of two (2.6–2.9× for 59 exponents, 1.16–1.4× for 4–16): in the second histogram
 *   their counters sit 4 KB apart, one cache set. It is skipped when the keys sampled from
 *   the most crowded bin are all one value (`sampledOneValue`): 0.69–0.83×. Padding the
 *   counters one line a 1K bins cut 16 exponents from 1.45× to 1.27× only.
 * - One 16-bit key prefix (1 + 1e-9·u, 2^40 + integers, 2 or 1000 values in a sliver:
 *   1.06–1.2×; the second histogram from the exact range, and a 10–14-bit one, did not
 *   help) and crowded clusters over a wide span (two or four clusters, 1.03–1.13×: buckets
 *   handed to the MSD sort after two passes it does not make): 256 sampled keys
 *   (`sampledForMsd`) send such rows to the MSD sort itself, 0.96–1.02×.
 * - Buckets of over 196K keys (a spread would average 24+ a bin) take the MSD sort from
 *   their exact range, one-value buckets are written in one pass: ten/two values 0.90 →
 *   0.78×, 0.93 → 0.74×.
 * Now at 1M: normal 0.71–0.75×, uniform 0.83–0.89×, nearly reversed integers 0.85–0.88×,
 * nearly sorted 0.87–0.93×, organ pipe / sawtooth 0.72–0.97×, few values 0.72–0.83×,
 * outliers 0.67–0.75×, sorted/reversed 0.15×, all equal 0.31×, the MSD-routed rows 0.96–1.02×;
 * at 327K and 524K likewise (normal 0.63× / 0.70×); nothing measured above 1.03× outside
 * the noise of identical code.
 *
 * Memory, all from the caller (kernels never allocate): `out` (n float64), and `tmp` of
 * {@link sort_tmp_bytes}(n) bytes: the digit counts of every level, a second key buffer,
 * two u32 index buffers (and the long argsort's bin counts,
 * bucket firsts and spread counts). Pointers are byte offsets, 8-aligned.
 */

import { ALL, SIGN, ceilLog2, countBins, groupBins, keysHigh, keysLow } from './sort-keys';

/** Ranges shorter than this finish by insertion sort on the keys. */
const INSERTION_MAX: usize = 48;

/** Most digit bits of the first level (65536 counts), and of the deeper ones (4096). */
const FIRST_BITS_MAX: u32 = 16;
const DEEP_BITS_MAX: u32 = 12;
/** Levels of counts kept at once (a range recurses into its buckets while its counts are live): every level takes at least 4 of the 64 bits. */
const LEVELS: u32 = 16;
const FIRST_COUNT_BYTES: usize = (<usize>1 << FIRST_BITS_MAX) << 2;
const DEEP_COUNT_BYTES: usize = (<usize>1 << DEEP_BITS_MAX) << 2;
const COUNT_BYTES: usize = FIRST_COUNT_BYTES + (<usize>(LEVELS - 1)) * DEEP_COUNT_BYTES;

/** The order-preserving key of a value: -0 as +0, NaN (any sign or payload) largest. */
@inline function keyOf(v: f64): u64 {
  const b = reinterpret<u64>(v);
  const k = b ^ ((<u64>(<i64>b >> 63)) | SIGN);
  return select<u64>(select<u64>(SIGN, k, v == 0), ALL, v == v);
}

/**
 * Bytes of scratch `argsort_f64` needs for `n` elements: digit counts, a second key buffer,
 * two u32 index buffers (and the long kernel's bins from ARG_TOP_MIN).
 */
export function sort_tmp_bytes(n: usize): usize {
  return COUNT_BYTES + (n << 4) + (n >= ARG_TOP_MIN ? ARG_TOP_BYTES : 0);
}

/** Stable insertion sort of keys[0, n) with their u32 indices. */
function insertionKeys(keys: usize, idx: usize, n: usize): void {
  for (let i: usize = 1; i < n; i++) {
    const k = load<u64>(keys + (i << 3));
    const x = load<u32>(idx + (i << 2));
    let j = i;
    while (j > 0) {
      const prev = load<u64>(keys + ((j - 1) << 3));
      if (prev <= k) break;
      store<u64>(keys + (j << 3), prev);
      store<u32>(idx + (j << 2), load<u32>(idx + ((j - 1) << 2)));
      j--;
    }
    store<u64>(keys + (j << 3), k);
    store<u32>(idx + (j << 2), x);
  }
}

/** Writes the indices of a sorted range, idx[lo, hi), into out[lo, hi) as float64. */
function finish(idx: usize, out: usize, lo: usize, hi: usize): void {
  for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), <f64>load<u32>(idx + (i << 2)));
}

/** Digit bits for a range of m keys: about log2(m) - SPREAD (buckets of ~2^SPREAD), within [4, cap]. */
const SPREAD: u32 = 2;
@inline function digitBits(m: usize, cap: u32): u32 {
  const lg = <u32>(64 - clz<u64>(<u64>m)); // ceil(log2(m + 1))
  return min(cap, max(4, lg - SPREAD));
}

/**
 * MSD radix sort of the keys cur[lo, lo + m) by their bits below `top` (all bits above are
 * equal in the range), with their u32 indices icur; `alt`/`ialt` are the other buffers
 * (same offsets). Each level counts one digit, scatters the range stably into the other
 * buffer and recurses into each bucket; a digit that is the same in every key is skipped
 * without moving; short ranges finish by insertion sort. Every finished range is written
 * to out[lo, hi) (its indices as float64). counts: this level's digit counts.
 */
function msd(
  cur: usize, alt: usize, icur: usize, ialt: usize, out: usize,
  lo: usize, m: usize, top: u32, level: u32, counts: usize, counted: bool = false,
): void {
  while (true) {
    if (top == 0 || m < INSERTION_MAX) {
      if (top != 0) insertionKeys(cur + (lo << 3), icur + (lo << 2), m);
      finish(icur, out, lo, lo + m);
      return;
    }
    const bits = min(top, digitBits(m, level == 0 ? FIRST_BITS_MAX : DEEP_BITS_MAX));
    const shift = <u64>(top - bits);
    const buckets = <usize>1 << bits;
    const mask = <u64>(buckets - 1);
    const hi = lo + m;
    if (!counted) {
      memory.fill(counts, 0, buckets << 2);
      for (let i = lo; i < hi; i++) {
        const at = counts + (<usize>((load<u64>(cur + (i << 3)) >> shift) & mask) << 2);
        store<u32>(at, load<u32>(at) + 1);
      }
    }
    counted = false; // the caller counted the first digit only
    // Starting positions; a digit shared by every key moves nothing: go on below it.
    let sum = <u32>lo;
    let shared = false;
    for (let b: usize = 0; b < buckets; b++) {
      const c = load<u32>(counts + (b << 2));
      if (<usize>c == m) {
        shared = true;
        break;
      }
      store<u32>(counts + (b << 2), sum);
      sum += c;
    }
    if (shared) {
      top = <u32>shift;
      continue;
    }
    for (let i = lo; i < hi; i++) {
      const k = load<u64>(cur + (i << 3));
      const at = counts + (<usize>((k >> shift) & mask) << 2);
      const pos = <usize>load<u32>(at);
      store<u32>(at, <u32>pos + 1);
      store<u64>(alt + (pos << 3), k);
      store<u32>(ialt + (pos << 2), load<u32>(icur + (i << 2)));
    }
    // counts[b] is now the end of bucket b.
    const deeper = counts + (level == 0 ? FIRST_COUNT_BYTES : DEEP_COUNT_BYTES);
    let start = lo;
    for (let b: usize = 0; b < buckets && start < hi; b++) {
      const end = <usize>load<u32>(counts + (b << 2));
      const len = end - start;
      if (len == 1) {
        finish(ialt, out, start, end);
      } else if (len > 1 && (len < INSERTION_MAX || shift == 0)) {
        if (shift != 0) insertionKeys(alt + (start << 3), ialt + (start << 2), len);
        finish(ialt, out, start, end);
      } else if (len > 1) {
        msd(alt, cur, ialt, icur, out, start, len, <u32>shift, level + 1, deeper);
      }
      start = end;
    }
    return;
  }
}

/** The MSD argsort of a row: keys of src into out (with their indices), then the MSD radix sort. */
function sortKeys(src: usize, out: usize, n: usize, tmp: usize): void {
  const keysB = tmp + COUNT_BYTES;
  const idxA = keysB + (n << 3);
  const idxB = idxA + (n << 2);
  // The keys, the indices and the counts of the first digit in one pass (msd's first step).
  const count = n >= INSERTION_MAX;
  const shift = <u64>(64 - digitBits(n, FIRST_BITS_MAX));
  if (count) memory.fill(tmp, 0, <usize>(<u64>1 << (64 - shift)) << 2);
  for (let i: usize = 0; i < n; i++) {
    const v = load<f64>(src + (i << 3));
    const k = keyOf(v);
    store<u64>(out + (i << 3), k);
    store<u32>(idxA + (i << 2), <u32>i);
    if (count) {
      const at = tmp + (<usize>(k >> shift) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
  msd(out, keysB, idxA, idxB, out, 0, n, 64, 0, tmp, count);
}

/**
 * out[0, n) = the indices that sort src[0, n), as float64: stable (equal keys, -0 and +0
 * included, keep input order), NaN last in input order. src may equal out.
 * tmp: sort_tmp_bytes(n) bytes.
 */
export function argsort_f64(src: usize, out: usize, n: usize, tmp: usize): void {
  if (n >= ARG_TOP_MIN) argsortLong(src, out, n, tmp);
  else sortKeys(src, out, n, tmp);
}

/**
 * Rows from this many elements (320K) take {@link argsortLong}. From 64K it lost to the MSD
 * sort between ~100K and ~290K (normals 1.03–1.34×, uniform 1.2–1.3×, uniform in [1, 2)
 * 1.2–1.4×) while the MSD sort's working set fits the cache: its time per key doubles from
 * 285K to 292K keys on this machine (2.5 → 5.3 ms for normals); past that the long kernel
 * wins (0.55–0.65× on normals at 292K–330K). 320K leaves a margin above that cliff.
 */
const ARG_TOP_MIN: usize = 5 << 16;
const ARG_TOP_BINS: usize = 1 << 16;
/** Most bits of a bucket's spread; runs of bins up to ARG_SMALL keys finish by insertion. */
const ARG_SPREAD_BITS: u32 = 13;
const ARG_SMALL: usize = 24;
const ARG_BUCKET_TARGET: usize = 1024;
/** The second histogram is taken for rows within this many first-histogram bins (16 a binade). */
const ARG_NARROW_SPAN: usize = 256;
/** Buckets of more keys than this take the MSD sort (their spread would average ARG_SMALL+ a bin). */
const ARG_BUCKET_MSD: usize = ARG_SMALL << ARG_SPREAD_BITS;
const ARG_TOP_COUNT_BYTES: usize = (ARG_TOP_BINS + 2) << 2;
const ARG_SPREAD_BYTES: usize = ((<usize>1 << ARG_SPREAD_BITS) + 4) << 2;
const ARG_TOP_BYTES: usize = ARG_TOP_COUNT_BYTES * 2 + ARG_SPREAD_BYTES;

/**
 * Stable finish of keys[lo, hi) with u32 indices (after a stable spread into about one bin a
 * key): the insertion sort, then the indices as float64 into out. (Transposition rounds
 * before it, which took a third off the values sort, made no difference here: 1M normals
 * 0.55× of the MSD time with or without them, reversed rows 1.6× against 1.3×.)
 */
function argFinish(keys: usize, idx: usize, out: usize, lo: usize, hi: usize): void {
  if (hi - lo > 1) insertionKeys(keys + (lo << 3), idx + (lo << 2), hi - lo);
  for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), <f64>load<u32>(idx + (i << 2)));
}

/**
 * A bucket of the long argsort: keys kb[lo, lo + m) with indices ib[...], all keys within
 * [low, low + range], in input order among equals. Spreads them stably by
 * `(key - low) >> shift` into about one bin a key (keys into `out`, indices into ib2), then
 * finishes runs of small bins with {@link argFinish} and sorts each bin of more than
 * ARG_SMALL with the MSD sort ({@link msd}, from its exact key range). Writes the indices
 * as float64 to out[lo, lo + m).
 */
function argBucket(kb: usize, ib: usize, out: usize, ib2: usize, lo: usize, m: usize, low: u64, range: u64, counts: usize, msdCounts: usize, exact: bool): void {
  const hi = lo + m;
  if (m > ARG_BUCKET_MSD && !exact) {
    // Spread would leave more than ARG_SMALL a bin on average: the MSD sort, from the
    // bucket's exact key range, as the rows below ARG_TOP_MIN.
    const mn = keysLow(kb, lo, hi);
    const mx = keysHigh();
    if (mn == mx) {
      for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), <f64>load<u32>(ib + (i << 2)));
    } else {
      msd(kb, out, ib, ib2, out, lo, m, <u32>(64 - clz<u64>(mn ^ mx)), 1, msdCounts);
    }
    return;
  }
  if (range == 0) {
    // One key value: the indices are in order already.
    for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), <f64>load<u32>(ib + (i << 2)));
    return;
  }
  if (m <= ARG_SMALL) {
    for (let i = lo; i < hi; i++) {
      store<u64>(out + (i << 3), load<u64>(kb + (i << 3)));
      store<u32>(ib2 + (i << 2), load<u32>(ib + (i << 2)));
    }
    argFinish(out, ib2, out, lo, hi);
    return;
  }
  const bits = min(ARG_SPREAD_BITS, max(4, ceilLog2(m)));
  const width = <u32>(64 - clz<u64>(range));
  const sh = <u64>(width > bits ? width - bits : 0);
  const nb = <usize>(range >> sh) + 1;
  const most = countBins(kb, lo, hi, low, sh, nb, counts);
  if (<usize>most == m && !exact) {
    const mn = keysLow(kb, lo, hi);
    const mx = keysHigh();
    argBucket(kb, ib, out, ib2, lo, m, mn, mx - mn, counts, msdCounts, true);
    return;
  }
  for (let i = lo; i < hi; i++) {
    const k = load<u64>(kb + (i << 3));
    const at = counts + (<usize>((k - low) >> sh) << 2);
    const pos = <usize>load<u32>(at);
    store<u32>(at, <u32>pos + 1);
    store<u64>(out + (pos << 3), k);
    store<u32>(ib2 + (pos << 2), load<u32>(ib + (i << 2)));
  }
  if (sh == 0) {
    // A bin per key value: sorted, equal keys in order.
    for (let i = lo; i < hi; i++) store<f64>(out + (i << 3), <f64>load<u32>(ib2 + (i << 2)));
    return;
  }
  if (<usize>most <= ARG_SMALL) {
    argFinish(out, ib2, out, lo, hi);
    return;
  }
  // counts[b] is the end of bin b: runs of small bins finish together, big bins by msd.
  let run = lo;
  let start = lo;
  for (let b: usize = 0; b < nb; b++) {
    const end = <usize>load<u32>(counts + (b << 2));
    const len = end - start;
    if (len > ARG_SMALL) {
      argFinish(out, ib2, out, run, start);
      const mn = keysLow(out, start, end);
      const mx = keysHigh();
      msd(out, kb, ib2, ib, out, start, len, <u32>(64 - clz<u64>(mn ^ mx)), 1, msdCounts);
      run = end;
    }
    start = end;
  }
  argFinish(out, ib2, out, run, hi);
}

/**
 * Whether the keys of src[0, n) sampled at 256 even steps send the row to the MSD sort: all
 * in one first-histogram bin (key >> 48: a sliver of a binade, which the MSD sort splits by
 * its first varying digit), or, over too wide a span for the second histogram, one bin with
 * a share of the samples that makes it a bucket of more than ARG_BUCKET_MSD keys, not all
 * one value (clusters: argBucket would hand it to the MSD sort after two passes the MSD
 * sort does not make). `top` (ARG_TOP_BINS zeroed
 * counts) counts the samples and is left zeroed. Only speed depends on the answer.
 */
function sampledForMsd(src: usize, n: usize, top: usize): bool {
  const step = n >> 8;
  let lo: usize = ARG_TOP_BINS;
  let hi: usize = 0;
  let most: u32 = 0;
  let mostBin: usize = 0;
  let samples: usize = 0;
  for (let i: usize = 0; i < n; i += step) {
    const b = <usize>(keyOf(load<f64>(src + (i << 3))) >> 48);
    lo = min(lo, b);
    hi = max(hi, b);
    const at = top + (b << 2);
    const c = load<u32>(at) + 1;
    store<u32>(at, c);
    if (c > most) {
      most = c;
      mostBin = b;
    }
    samples++;
  }
  for (let i: usize = 0; i < n; i += step) {
    store<u32>(top + (<usize>(keyOf(load<f64>(src + (i << 3))) >> 48) << 2), 0);
  }
  if (hi == lo) return true;
  return hi - lo >= ARG_NARROW_SPAN && (<u64>most * <u64>n) / <u64>samples > <u64>ARG_BUCKET_MSD && !sampledOneValue(src, n, mostBin);
}

/**
 * Whether the keys of src[0, n) sampled at 256 even steps that fall in first-histogram bin
 * `bin` (at least 8 of them) are all one value: the crowded bin is then likely a few values,
 * which the buckets finish in a pass each, so a second histogram would be a wasted pass
 * (and, for values a power of two apart, counters 4 KB apart in one cache set). Only speed
 * depends on the answer.
 */
function sampledOneValue(src: usize, n: usize, bin: usize): bool {
  const step = n >> 8;
  let seen: u32 = 0;
  let first: u64 = 0;
  for (let i: usize = 0; i < n; i += step) {
    const k = keyOf(load<f64>(src + (i << 3)));
    if (<usize>(k >> 48) != bin) continue;
    if (seen == 0) first = k;
    else if (k != first) return false;
    seen++;
  }
  return seen >= 8;
}

/**
 * Rows of ARG_TOP_MIN or more: the 16-bit key histogram (a second one from the numbers'
 * bins when they are narrow and crowded), one stable scatter by bin into kb/ib, then each
 * run of bins of about ARG_BUCKET_TARGET keys through {@link argBucket}. The MSD sort
 * alone spent most of its time in the insertion sorts of its small buckets (a mispredicted
 * compare every few keys); the rounds take most of that away.
 */
function argsortLong(src: usize, out: usize, n: usize, tmp: usize): void {
  // Presorted rows: non-decreasing keys give the identity, strictly decreasing ones the
  // reverse (equal keys would have to keep their order). A random row leaves at once.
  let up: usize = 1;
  let prev = keyOf(load<f64>(src));
  while (up < n) {
    const k = keyOf(load<f64>(src + (up << 3)));
    if (k < prev) break;
    prev = k;
    up++;
  }
  if (up == n) {
    for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), <f64>i);
    return;
  }
  if (up == 1) {
    let down: usize = 1;
    prev = keyOf(load<f64>(src));
    while (down < n) {
      const k = keyOf(load<f64>(src + (down << 3)));
      if (k >= prev) break;
      prev = k;
      down++;
    }
    if (down == n) {
      for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), <f64>(n - 1 - i));
      return;
    }
  }
  const msdCounts = tmp;
  const top = tmp + COUNT_BYTES;
  memory.fill(top, 0, ARG_TOP_BINS << 2);
  if (sampledForMsd(src, n, top)) {
    sortKeys(src, out, n, tmp);
    return;
  }
  const first = top + ARG_TOP_COUNT_BYTES;
  const spread = first + ARG_TOP_COUNT_BYTES;
  const kb = spread + ARG_SPREAD_BYTES;
  const ib = kb + (n << 3);
  const ib2 = ib + (n << 2);
  let base: u64 = 0;
  let shift: u64 = 48;
  for (let i: usize = 0; i < n; i++) {
    const at = top + (<usize>(keyOf(load<f64>(src + (i << 3))) >> 48) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  let lowBin: usize = 0;
  while (load<u32>(top + (lowBin << 2)) == 0) lowBin++;
  let highBin: usize = ARG_TOP_BINS;
  while (load<u32>(top + ((highBin - 1) << 2)) == 0) highBin--;
  const target = max(ARG_BUCKET_TARGET, n >> 15);
  let most: u32 = 0;
  let mostBin = lowBin;
  for (let b = lowBin; b < highBin; b++) {
    const c = load<u32>(top + (b << 2));
    if (c > most) {
      most = c;
      mostBin = b;
    }
  }
  const span = highBin - lowBin;
  if (span == 1 || (span <= ARG_NARROW_SPAN && <usize>most > (target << 2) && !sampledOneValue(src, n, mostBin))) {
    // Narrow and crowded: count 16 bits of key - (the lowest bin's key) instead, or of
    // key - min when one bin holds every key (all equal: the identity).
    base = <u64>lowBin << 48;
    let width = <u32>(64 - clz<u64>((<u64>(highBin - lowBin) << 48) - 1));
    if (highBin - lowBin == 1) {
      let mn = ALL;
      let mx: u64 = 0;
      for (let i: usize = 0; i < n; i++) {
        const k = keyOf(load<f64>(src + (i << 3)));
        mn = min(mn, k);
        mx = max(mx, k);
      }
      if (mn == mx) {
        for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), <f64>i);
        return;
      }
      base = mn;
      width = <u32>(64 - clz<u64>(mx - mn));
    }
    shift = <u64>(width > 16 ? width - 16 : 0);
    memory.fill(top, 0, ARG_TOP_BINS << 2);
    for (let i: usize = 0; i < n; i++) {
      const at = top + (<usize>((keyOf(load<f64>(src + (i << 3))) - base) >> shift) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
  // Bin starts; runs of adjacent bins of about the target make the buckets (first[id]).
  const buckets = groupBins(top, ARG_TOP_BINS, first, target);
  for (let i: usize = 0; i < n; i++) {
    const k = keyOf(load<f64>(src + (i << 3)));
    const c = top + (<usize>((k - base) >> shift) << 2);
    const pos = <usize>load<u32>(c);
    store<u32>(c, <u32>pos + 1);
    store<u64>(kb + (pos << 3), k);
    store<u32>(ib + (pos << 2), <u32>i);
  }
  // top[b] is now the end of bin b.
  let start: usize = 0;
  for (let b: usize = 0; b < buckets; b++) {
    const f = load<u32>(first + (b << 2));
    const next = load<u32>(first + ((b + 1) << 2));
    const end = <usize>load<u32>(top + (<usize>(next - 1) << 2));
    if (end > start) {
      const low = base + (<u64>f << shift);
      argBucket(kb, ib, out, ib2, start, end - start, low, (<u64>(next - f) << shift) - 1, spread, msdCounts, false);
    }
    start = end;
  }
}

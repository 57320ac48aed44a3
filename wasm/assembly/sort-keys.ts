/**
 * Pieces shared by the two float64 sorts on order-preserving u64 keys: wasm/assembly/sort.ts
 * (the stable argsort and the MSD sort) and wasm/assembly/sort-values.ts (the values sort).
 * Each file keeps its own `keyOf` (they differ on -0 and NaN).
 */

export const SIGN: u64 = 0x8000000000000000;
export const ALL: u64 = 0xffffffffffffffff;

/** ⌈log2 m⌉, 0 for m ≤ 1. */
@inline export function ceilLog2(m: usize): u32 {
  return m <= 1 ? 0 : <u32>(64 - clz<u64>(<u64>(m - 1)));
}

/** The number of a key (the largest key gives a NaN). */
@inline export function valueOfKey(k: u64): f64 {
  return reinterpret<f64>(k ^ (((k >> 63) - 1) | SIGN));
}

/** The largest key the last {@link keysLow} saw. */
let highest: u64 = 0;

/** The smallest of the keys kb[lo, hi); their largest is then {@link keysHigh}(). */
@inline export function keysLow(kb: usize, lo: usize, hi: usize): u64 {
  let mn = ALL;
  let mx: u64 = 0;
  for (let i = lo; i < hi; i++) {
    const k = load<u64>(kb + (i << 3));
    mn = min(mn, k);
    mx = max(mx, k);
  }
  highest = mx;
  return mn;
}

/** The largest key of the range the last {@link keysLow} read. */
@inline export function keysHigh(): u64 {
  return highest;
}

/** The total of the counts the last {@link prefixCounts} or {@link groupBins} turned into starts. */
let counted: u32 = 0;

/** The total count the last {@link prefixCounts} or {@link groupBins} saw (where the next bin would start). */
@inline export function countedTotal(): u32 {
  return counted;
}

/**
 * Turns the `nb` u32 counts at `counts` into their bins' first positions (from `start`, in
 * bin order); returns the fullest bin's count (the total is then {@link countedTotal}()).
 */
@inline export function prefixCounts(counts: usize, nb: usize, start: u32): u32 {
  let sum = start;
  let most: u32 = 0;
  for (let b: usize = 0; b < nb; b++) {
    const at = counts + (b << 2);
    const c = load<u32>(at);
    store<u32>(at, sum);
    sum += c;
    most = max(most, c);
  }
  counted = sum;
  return most;
}

/**
 * Counts the keys kb[lo, hi) into the `nb` u32 bins `(key - low) >> sh` at `counts`, then
 * turns each count into its bin's first position (from lo, in bin order); returns the
 * fullest bin's count.
 */
@inline export function countBins(kb: usize, lo: usize, hi: usize, low: u64, sh: u64, nb: usize, counts: usize): u32 {
  memory.fill(counts, 0, nb << 2);
  for (let i = lo; i < hi; i++) {
    const at = counts + (<usize>((load<u64>(kb + (i << 3)) - low) >> sh) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  return prefixCounts(counts, nb, <u32>lo);
}

/**
 * Turns the u32 counts of `bins` adjacent bins at `counts` into their first positions (from
 * 0) and groups runs of adjacent bins into buckets of about `target` keys (a bucket closes
 * before the bin that would take it past the target): first[id] = bucket id's first bin,
 * first[buckets] = bins. Returns the number of buckets (the total is then {@link countedTotal}()).
 */
@inline export function groupBins(counts: usize, bins: usize, first: usize, target: usize): usize {
  let id: usize = 0;
  let acc: usize = 0;
  let at: u32 = 0;
  store<u32>(first, 0);
  for (let b: usize = 0; b < bins; b++) {
    const c = <usize>load<u32>(counts + (b << 2));
    if (acc > 0 && acc + c > target) {
      id++;
      store<u32>(first + (id << 2), <u32>b);
      acc = 0;
    }
    store<u32>(counts + (b << 2), at);
    acc += c;
    at += <u32>c;
  }
  store<u32>(first + ((id + 1) << 2), <u32>bins);
  counted = at;
  return id + 1;
}

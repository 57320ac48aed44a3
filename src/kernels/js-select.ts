/**
 * Selection on float64 rows, the JS twin of wasm/assembly/select.ts: introselect
 * (quickselect, median-of-3/ninther pivot, Lomuto partition, equal runs split off, median of
 * medians after 2·log2(n) rounds, so O(n) in the worst case), optionally carrying float64
 * indices along. It makes exactly the kernel's
 * moves, so a row partitioned here equals the row WASM partitions (tests compare both).
 * Positions are element indices into `v` (and into `idx`, at the same offsets).
 * @module
 */

/** Ranges this short are finished by insertion sort. */
const SMALL = 8;

/** Indices carried along: `idx[i + io]` moves with `v[i]`. */
let io = 0;

function swap(v: Float64Array, idx: Float64Array | null, i: number, j: number): void {
  const t = v[i]!;
  v[i] = v[j]!;
  v[j] = t;
  if (idx !== null) {
    const u = idx[i + io]!;
    idx[i + io] = idx[j + io]!;
    idx[j + io] = u;
  }
}

/**
 * @internal Moves the NaNs of v[lo, lo + n) to its end (two pointers, swapping), carrying
 * `idx`; returns how many values are not NaN.
 * @param v the values
 * @param idx indices carried along (`idx[i + idxOffset]` with `v[i]`), or null
 * @param idxOffset where idx's positions start relative to v's
 * @param lo first position
 * @param n how many
 * @returns the count of numbers, now at v[lo, lo + count)
 */
export function nanToEnd(v: Float64Array, idx: Float64Array | null, idxOffset: number, lo: number, n: number): number {
  io = idxOffset;
  let i = lo;
  let j = lo + n - 1;
  for (;;) {
    while (i <= j && v[i] === v[i]) i++;
    while (j > i && v[j] !== v[j]) j--;
    if (i >= j) break;
    swap(v, idx, i, j);
    i++;
    j--;
  }
  return i - lo;
}

function insertionSort(v: Float64Array, idx: Float64Array | null, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = v[i]!;
    const xi = idx !== null ? idx[i + io]! : 0;
    let j = i - 1;
    while (j >= lo && v[j]! > x) {
      v[j + 1] = v[j]!;
      if (idx !== null) idx[j + 1 + io] = idx[j + io]!;
      j--;
    }
    v[j + 1] = x;
    if (idx !== null) idx[j + 1 + io] = xi;
  }
}

function medianOf3(v: Float64Array, a: number, b: number, c: number): number {
  const va = v[a]!;
  const vb = v[b]!;
  const vc = v[c]!;
  if (va < vb) {
    if (vb < vc) return b;
    return va < vc ? c : a;
  }
  if (va < vc) return a;
  return vb < vc ? c : b;
}

/** Pivot position for v[lo, hi): median of 3 (first, middle, last), Tukey's ninther from 128 up. */
function pivotOf(v: Float64Array, lo: number, hi: number): number {
  const len = hi - lo;
  const mid = lo + (len >> 1);
  if (len < 128) return medianOf3(v, lo, mid, hi - 1);
  const e = len >> 3;
  return medianOf3(
    v,
    medianOf3(v, lo, lo + e, lo + 2 * e),
    medianOf3(v, mid - e, mid, mid + e),
    medianOf3(v, hi - 1 - 2 * e, hi - 1 - e, hi - 1),
  );
}

/**
 * Lomuto partition of v[lo, hi) around the pivot v[lo], making the WASM kernel's branchless
 * moves: v[lo, j) < v[j] = pivot ≤ v(j, hi), returns j; with `orEqual`, values equal to the
 * pivot go left too and the return is the end of the ≤ part (the pivot stays at lo).
 */
function partitionAt(v: Float64Array, idx: Float64Array | null, lo: number, hi: number, orEqual: boolean): number {
  const pivot = v[lo]!;
  let j = lo + 1;
  for (let i = lo + 1; i < hi; i++) {
    const x = v[i]!;
    v[i] = v[j]!;
    v[j] = x;
    if (idx !== null) {
      const xi = idx[i + io]!;
      idx[i + io] = idx[j + io]!;
      idx[j + io] = xi;
    }
    if (orEqual ? x <= pivot : x < pivot) j++;
  }
  if (orEqual) return j;
  swap(v, idx, lo, j - 1);
  return j - 1;
}

function medianOfMedians(v: Float64Array, idx: Float64Array | null, lo: number, hi: number, floor: boolean): number {
  const groups = Math.floor((hi - lo) / 5);
  for (let g = 0; g < groups; g++) {
    const s = lo + 5 * g;
    insertionSort(v, idx, s, s + 5);
    swap(v, idx, lo + g, s + 2);
  }
  const mid = lo + (groups >> 1);
  selectRange(v, idx, lo, lo + groups, mid, floor);
  return mid;
}

/**
 * @internal Rearranges v[lo, hi) (no NaN there) so that v[k] holds the value it would hold
 * sorted, with nothing greater before it and nothing smaller after it; `idx` moves alike.
 * @param v the values
 * @param idx indices carried along (`idx[i + idxOffset]` with `v[i]`), or null
 * @param idxOffset where idx's positions start relative to v's
 * @param lo first position of the range
 * @param hi one past its last
 * @param k the position to settle, lo ≤ k < hi
 * @param floor whether v[lo - 1] is no greater than any value of the range (after a selection of lo - 1)
 * @param rounds quickselect rounds before the median-of-medians pivot; -1: 2·log2(hi - lo) (tests pass 0)
 */
export function selectAt(
  v: Float64Array, idx: Float64Array | null, idxOffset: number, lo: number, hi: number, k: number, floor: boolean, rounds = -1,
): void {
  io = idxOffset;
  selectRange(v, idx, lo, hi, k, floor, rounds);
}

/** See the kernel's selectRange (wasm/assembly/select.ts): the same steps. */
function selectRange(v: Float64Array, idx: Float64Array | null, lo: number, hi: number, k: number, floor: boolean, rounds = -1): void {
  let depth = rounds >= 0 ? rounds : 2 * (31 - Math.clz32((hi - lo) | 1));
  for (;;) {
    if (hi - lo <= SMALL) {
      insertionSort(v, idx, lo, hi);
      return;
    }
    if (k === lo || k === hi - 1) {
      let m = lo;
      let best = v[lo]!;
      if (k === lo) {
        for (let i = lo + 1; i < hi; i++) {
          const x = v[i]!;
          if (x < best) {
            best = x;
            m = i;
          }
        }
      } else {
        for (let i = lo + 1; i < hi; i++) {
          const x = v[i]!;
          if (x > best) {
            best = x;
            m = i;
          }
        }
      }
      swap(v, idx, k, m);
      return;
    }
    let p: number;
    if (depth === 0) {
      p = medianOfMedians(v, idx, lo, hi, floor);
    } else {
      depth--;
      p = pivotOf(v, lo, hi);
    }
    swap(v, idx, lo, p);
    if (floor && !(v[lo - 1]! < v[lo]!)) {
      const e = partitionAt(v, idx, lo, hi, true); // v[lo, e) all equal the pivot
      if (k < e) return;
      lo = e;
      continue;
    }
    const j = partitionAt(v, idx, lo, hi, false);
    if (j === k) return;
    if (k < j) {
      hi = j;
    } else {
      lo = j + 1;
      floor = true;
    }
  }
}

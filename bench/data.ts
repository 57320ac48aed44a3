/**
 * Benchmark inputs: seeded normal random numbers, so every run and every variant sees the
 * same data (about half of it positive).
 * @module
 */

/** The array sizes every element-wise case runs at, with their labels. */
export const SIZES: readonly { label: string; n: number }[] = [
  { label: '1K', n: 1_000 },
  { label: '100K', n: 100_000 },
  { label: '1M', n: 1_000_000 },
];

/** The seed of all benchmark data. */
export const SEED = 20_240_601;

/**
 * Uniform doubles in [0, 1) from mulberry32: small, fast and the same on every engine.
 * @param seed an integer
 * @returns a function giving the next number
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `n` standard normal numbers (Box–Muller over mulberry32), the same for the same seed.
 * @param n how many
 * @param seed an integer; different cases use different seeds so `a` and `b` differ
 * @returns a new Float64Array
 * @example
 * normalData(4, 1); // Float64Array of 4 numbers, about half of them positive
 */
export function normalData(n: number, seed: number = SEED): Float64Array {
  const next = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

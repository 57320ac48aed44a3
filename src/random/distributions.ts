/**
 * NumPy's samplers (numpy/random/src/distributions/distributions.c and the Generator methods
 * of _generator.pyx) over a {@link PCG64}, writing into plain Float64Arrays: the same draws
 * in the same order, so the numbers match NumPy bit for bit and a stream continues across
 * calls as NumPy's does. Arguments are checked by the caller (src/random/generator.ts).
 * @module
 */
import { invariant } from '../errors.ts';
import type { PCG64 } from './pcg64.ts';
import { fillOnWasm, storeElement } from './wasm-samplers.ts';
import { log1pGlibc } from './log1p.ts';
import { FE, FI, KE, KI, WE, WI, ZIGGURAT_EXP_R, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from './ziggurat-tables.ts';

const TWO21 = 2097152;
const TWO23 = 8388608;
const INV53 = 1 / 9007199254740992;
const TWO32 = 4294967296;

/**
 * Fills `out[start, start + n)` with `random()`: doubles in [0, 1).
 * @param bg the bit generator
 * @param out destination
 * @param start first index written
 * @param n count
 */
export function fillRandom(bg: PCG64, out: Float64Array, start: number, n: number): void {
  fillUniform(bg, out, start, n, 0, 1);
}

/**
 * NumPy's `random_uniform`: `low + range · next_double` (range = high − low, checked by the
 * caller); low 0 and range 1 give exactly `random()`.
 */
export function fillUniform(bg: PCG64, out: Float64Array, start: number, n: number, low: number, range: number): void {
  if (fillOnWasm(bg, out, start, n, (k, ptr, m) => k.random_uniform_fill(ptr, m, low, range))) return;
  for (let i = start, end = start + n; i < end; i++) {
    bg.next64();
    out[i] = low + range * ((bg.hi * TWO21 + (bg.lo >>> 11)) * INV53);
  }
}

/**
 * The tail of NumPy's normal ziggurat (|x| > r), after the draw whose low 32 bits are `lo`
 * (bit 17 of it gives the sign).
 */
function normalTail(bg: PCG64, lo: number): number {
  for (;;) {
    const xx = -ZIGGURAT_NOR_INV_R * log1pGlibc(-bg.nextDouble());
    const yy = -log1pGlibc(-bg.nextDouble());
    if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
  }
}

/** NumPy's `random_standard_normal`: the 256-layer ziggurat, tail and wedges included. */
export function standardNormal(bg: PCG64): number {
  for (;;) {
    bg.next64();
    const hi = bg.hi;
    const lo = bg.lo;
    const idx = lo & 0xff;
    // rabs = bits 9..60 of r (52 bits); sign = bit 8
    const rabs = (hi & 0x1fffffff) * TWO23 + (lo >>> 9);
    // times ±1 for the sign bit: exact (and -0 for 0, as -x), and no branch on a coin flip
    const x = rabs * WI[idx]! * (1 - ((lo >>> 7) & 2));
    if (rabs < KI[idx]!) return x;
    if (idx === 0) return normalTail(bg, lo);
    if ((FI[idx - 1]! - FI[idx]!) * bg.nextDouble() + FI[idx]! < Math.exp(-0.5 * x * x)) return x;
  }
}

/**
 * Fills `out[start, start + n)` with `standard_normal` (`standard` true: the draws
 * themselves, so -0 stays -0) or NumPy's `random_normal`, `loc + scale · z`.
 */
export function fillNormal(
  bg: PCG64,
  out: Float64Array,
  start: number,
  n: number,
  standard: boolean,
  loc = 0,
  scale = 1,
): void {
  const onWasm = fillOnWasm(bg, out, start, n, (k, ptr, m, sync) => {
    let done = 0;
    for (;;) {
      done += k.random_normal_fill(ptr + done * 8, m - done, standard ? 1 : 0, loc, scale);
      if (done === m) return;
      const lo = k.last_raw_lo() >>> 0;
      sync.toJs();
      const z = normalTail(bg, lo);
      sync.toWasm();
      storeElement(ptr + done * 8, standard ? z : loc + scale * z);
      done++;
    }
  });
  if (onWasm) return;
  const end = start + n;
  if (standard) {
    for (let i = start; i < end; i++) out[i] = standardNormal(bg);
  } else {
    for (let i = start; i < end; i++) out[i] = loc + scale * standardNormal(bg);
  }
}

/** The tail of NumPy's exponential ziggurat (x > r). */
function exponentialTail(bg: PCG64): number {
  return ZIGGURAT_EXP_R - log1pGlibc(-bg.nextDouble());
}

/** NumPy's `random_standard_exponential`: the 256-layer ziggurat. */
export function standardExponential(bg: PCG64): number {
  for (;;) {
    bg.next64();
    // ri = r >> 3; idx = ri & 0xff; ri >>= 8  → idx = bits 3..10, ri = bits 11..63 (53 bits)
    const idx = (bg.lo >>> 3) & 0xff;
    const ri = bg.hi * TWO21 + (bg.lo >>> 11);
    const x = ri * WE[idx]!;
    if (ri < KE[idx]!) return x;
    if (idx === 0) return exponentialTail(bg);
    if ((FE[idx - 1]! - FE[idx]!) * bg.nextDouble() + FE[idx]! < Math.exp(-x)) return x;
  }
}

/** Fills `out[start, start + n)` with `scale · standard_exponential` (NumPy's `random_exponential`). */
export function fillExponential(bg: PCG64, out: Float64Array, start: number, n: number, scale: number): void {
  const onWasm = fillOnWasm(bg, out, start, n, (k, ptr, m, sync) => {
    let done = 0;
    for (;;) {
      done += k.random_exponential_fill(ptr + done * 8, m - done, scale);
      if (done === m) return;
      sync.toJs();
      const x = exponentialTail(bg);
      sync.toWasm();
      storeElement(ptr + done * 8, scale * x);
      done++;
    }
  });
  if (onWasm) return;
  for (let i = start, end = start + n; i < end; i++) out[i] = scale * standardExponential(bg);
}

/**
 * Lemire's method for a range below 2^32 - 1 (NumPy's `buffered_bounded_lemire_uint32`,
 * drawing 32-bit words through the `has_uint32` buffer).
 * @returns an integer in [0, rng]
 */
function boundedLemire32(bg: PCG64, rng: number): number {
  const excl = rng + 1;
  let u = bg.next32();
  let leftover = Math.imul(u, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (TWO32 - excl) % excl;
    while (leftover < threshold) {
      u = bg.next32();
      leftover = Math.imul(u, excl) >>> 0;
    }
  }
  // high 32 bits of u·excl, exactly: u = uh·2^16 + ul
  const t = (u >>> 16) * excl + Math.floor(((u & 0xffff) * excl) / 65536);
  return Math.floor(t / 65536);
}

const MASK64 = 0xffffffffffffffffn;

/**
 * Lemire's method for a 64-bit range (NumPy's `bounded_lemire_uint64`; ranges past 2^32 are
 * at most 2^54 here, since results must be exact doubles). BigInt: only this path uses it.
 * @returns an integer in [0, rng]
 */
function boundedLemire64(bg: PCG64, rng: bigint): bigint {
  const excl = rng + 1n;
  bg.next64();
  let m = ((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) * excl;
  let leftover = m & MASK64;
  if (leftover < excl) {
    const threshold = (MASK64 - rng) % excl;
    while (leftover < threshold) {
      bg.next64();
      m = ((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) * excl;
      leftover = m & MASK64;
    }
  }
  return m >> 64n;
}

/**
 * NumPy's `random_bounded_uint64` without masking (what `integers` and `choice` use): an
 * integer in [0, rng].
 * @param bg the bit generator
 * @param rng the inclusive range, an integer in [0, 2^53)
 */
export function boundedInteger(bg: PCG64, rng: number): number {
  if (rng === 0) return 0;
  if (rng < 0xffffffff) return boundedLemire32(bg, rng);
  if (rng === 0xffffffff) return bg.next32();
  return Number(boundedLemire64(bg, BigInt(rng)));
}

/**
 * Fills `out[start, start + n)` with integers uniform in [low, high] (NumPy's
 * `random_bounded_uint64_fill`, Lemire, as `Generator.integers` with dtype int64).
 * @param low smallest value, an integer in [-2^53, 2^53]
 * @param high largest value, an integer in [low, 2^53]
 */
export function fillIntegers(bg: PCG64, out: Float64Array, start: number, n: number, low: number, high: number): void {
  const end = start + n;
  const rng = high - low; // exact when below 2^53
  if (rng <= 0xffffffff) {
    if (rng > 0 && rng < 0xffffffff && fillOnWasm(bg, out, start, n, (k, ptr, m) => k.random_bounded32_fill(ptr, m, low, rng))) {
      return;
    }
    for (let i = start; i < end; i++) out[i] = low + boundedInteger(bg, rng);
    return;
  }
  const lowBig = BigInt(low);
  const rngBig = BigInt(high) - lowBig;
  const rngHi = Number(rngBig >> 32n);
  const rngLo = Number(rngBig & 0xffffffffn);
  if (fillOnWasm(bg, out, start, n, (k, ptr, m) => k.random_bounded64_fill(ptr, m, low, rngHi, rngLo))) return;
  for (let i = start; i < end; i++) out[i] = Number(lowBig + boundedLemire64(bg, rngBig));
}

/**
 * NumPy's `random_interval(max)`: masked rejection, 32-bit draws for max < 2^32 (what
 * `shuffle` and `permutation` use).
 * @returns an integer in [0, max]
 */
export function randomInterval(bg: PCG64, max: number): number {
  if (max === 0) return 0;
  invariant(max <= 0xffffffff, `randomInterval: max ${max} is past 2^32 - 1`);
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  for (;;) {
    const value = (bg.next32() & mask) >>> 0;
    if (value <= max) return value;
  }
}

/** NumPy's `_shuffle_int(n, first, data)`: Lemire-bounded swaps, from n − 1 down to `first`. */
function shuffleInt(bg: PCG64, data: Float64Array, n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = boundedInteger(bg, i);
    const tmp = data[j]!;
    data[j] = data[i]!;
    data[i] = tmp;
  }
}

/** Smallest all-ones mask ≥ v (NumPy's `_gen_mask`), for v < 2^53. */
function genMask(v: number): number {
  let mask = 0;
  while (mask < v) mask = mask * 2 + 1;
  return mask;
}

/**
 * Indices of `Generator.choice(popSize, size, replace=False)` without p (shuffle=True): a
 * tail shuffle of arange(popSize) for large draws, Floyd's algorithm with a hash set otherwise.
 * @returns `size` distinct indices in [0, popSize)
 */
export function choiceWithoutReplacement(bg: PCG64, popSize: number, size: number): Float64Array {
  if (popSize > 10000 && size > Math.floor(popSize / 50)) {
    const idx = new Float64Array(popSize);
    for (let i = 0; i < popSize; i++) idx[i] = i;
    shuffleInt(bg, idx, popSize, Math.max(popSize - size, 1));
    return idx.slice(popSize - size);
  }
  const idx = new Float64Array(size);
  const mask = genMask(Math.floor(1.2 * size));
  const empty = -1;
  const hashSet = new Float64Array(mask + 1).fill(empty);
  // mask < 2^31 for any size that fits in memory, so `& mask` on numbers is exact
  for (let j = popSize - size; j < popSize; j++) {
    const val = boundedInteger(bg, j);
    let loc = val & mask;
    while (hashSet[loc] !== empty && hashSet[loc] !== val) loc = (loc + 1) & mask;
    if (hashSet[loc] === empty) {
      hashSet[loc] = val;
      idx[j - popSize + size] = val;
    } else {
      loc = j & mask;
      while (hashSet[loc] !== empty) loc = (loc + 1) & mask;
      hashSet[loc] = j;
      idx[j - popSize + size] = j;
    }
  }
  shuffleInt(bg, idx, size, 1);
  return idx;
}

/** NumPy's `np.cumsum(p)` then `cdf /= cdf[-1]`. */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += p[i]!;
    cdf[i] = s;
  }
  const last = cdf[p.length - 1]!;
  for (let i = 0; i < p.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** `cdf.searchsorted(x, side='right')`: the first index whose value is greater than x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indices of `Generator.choice(len(p), size, replace=True, p=p)`: one `random()` a draw,
 * looked up in the normalised cumulative sum.
 */
export function choiceWeighted(bg: PCG64, p: Float64Array, size: number): Float64Array {
  const cdf = normalisedCdf(p);
  const out = new Float64Array(size);
  fillRandom(bg, out, 0, size);
  for (let i = 0; i < size; i++) out[i] = searchRight(cdf, out[i]!);
  return out;
}

/**
 * Indices of `Generator.choice(len(p), size, replace=False, p=p)`: rounds of `random()`
 * draws, keeping each new index at its first occurrence, zeroing the found ones' weights.
 * The caller checked that p has at least `size` positive entries.
 */
export function choiceWeightedWithoutReplacement(bg: PCG64, p: Float64Array, size: number): Float64Array {
  const weights = p.slice();
  const found = new Float64Array(size);
  let nUniq = 0;
  while (nUniq < size) {
    const x = new Float64Array(size - nUniq);
    fillRandom(bg, x, 0, x.length);
    for (let k = 0; k < nUniq; k++) weights[found[k]!] = 0;
    const cdf = normalisedCdf(weights);
    const fresh = new Set<number>();
    const added: number[] = [];
    for (let k = 0; k < x.length; k++) {
      const v = searchRight(cdf, x[k]!);
      if (!fresh.has(v)) {
        fresh.add(v);
        added.push(v);
      }
    }
    // NumPy appends every distinct value of this round (a value found in an earlier round
    // has weight 0 and cannot come back)
    for (const v of added) found[nUniq++] = v;
  }
  return found;
}

/** NumPy's `kahan_sum` of the probabilities (what `choice` checks against 1). */
export function kahanSum(p: Float64Array): number {
  if (p.length === 0) return 0;
  let sum = p[0]!;
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

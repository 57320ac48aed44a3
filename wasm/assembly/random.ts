/**
 * NumPy's random streams: PCG64 (XSL-RR 128/64, NumPy's multiplier) with i64 math, and the
 * bulk samplers of numpy/random/src/distributions/distributions.c that `nd.rng` fills
 * arrays with. The generator state lives in globals: src/random/wasm-samplers.ts loads it
 * (`pcg64_set`) before a fill and reads it back (`pcg64_get`) after, so the JS generator
 * (src/random/pcg64.ts) and this one are one stream.
 *
 * The samplers stop early on the rare draws whose result needs `log1p` (the tails of the
 * normal and exponential ziggurats, about 1 draw in 4000): they return how many elements
 * they wrote, and the JS side finishes that element with its Math.log1p (fdlibm's, as
 * glibc's log1p that NumPy calls) and calls again for the rest. `last_raw_lo()` gives the
 * low 32 bits of the draw that stopped them. Pointers are byte offsets, counts elements.
 */
import { FE, FI, KE, KI, WE, WI } from './random-tables';

const MUL_HI: u64 = 2549297995355413924;
const MUL_LO: u64 = 4865540595714422341;

let stateLo: u64 = 0;
let stateHi: u64 = 0;
let incLo: u64 = 1;
let incHi: u64 = 0;
let hasUint32: i32 = 0;
let uinteger: u32 = 0;
let lastRaw: u64 = 0;
/** M² and (M + 1)·inc (mod 2^128): two steps at once, `x' = M²·x + C2` (see random_uniform_fill). */
const MUL2_HI: u64 = 1710491942223705148;
const MUL2_LO: u64 = 5953435361322512025;
let inc2Lo: u64 = 0;
let inc2Hi: u64 = 0;

/**
 * Loads the state: 128-bit state and increment as 32-bit limbs (lowest first) and NumPy's
 * uint32 buffer (`has_uint32`, `uinteger`).
 */
export function pcg64_set(s0: u32, s1: u32, s2: u32, s3: u32, i0: u32, i1: u32, i2: u32, i3: u32, has: i32, buffered: u32): void {
  stateLo = (<u64>s1 << 32) | <u64>s0;
  stateHi = (<u64>s3 << 32) | <u64>s2;
  incLo = (<u64>i1 << 32) | <u64>i0;
  incHi = (<u64>i3 << 32) | <u64>i2;
  hasUint32 = has;
  uinteger = buffered;
  // C2 = (M + 1)·inc mod 2^128
  const mLo = MUL_LO + 1;
  const mHi = MUL_HI + <u64>(mLo == 0);
  inc2Lo = mLo * incLo;
  inc2Hi = mulHigh(mLo, incLo) + mLo * incHi + mHi * incLo;
}

/**
 * Reads the state back: k = 0..3 state limbs, 4..7 increment limbs, 8 has_uint32, 9 the
 * buffered uint32.
 */
export function pcg64_get(k: i32): u32 {
  switch (k) {
    case 0: return <u32>stateLo;
    case 1: return <u32>(stateLo >> 32);
    case 2: return <u32>stateHi;
    case 3: return <u32>(stateHi >> 32);
    case 4: return <u32>incLo;
    case 5: return <u32>(incLo >> 32);
    case 6: return <u32>incHi;
    case 7: return <u32>(incHi >> 32);
    case 8: return <u32>hasUint32;
    default: return uinteger;
  }
}

/** Low 32 bits of the last 64-bit draw (the one that stopped a sampler early). */
export function last_raw_lo(): u32 {
  return <u32>lastRaw;
}

/** High 64 bits of a·b. */
@inline function mulHigh(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const w0 = a0 * b0;
  const t = a1 * b0 + (w0 >> 32);
  let w1 = t & 0xffffffff;
  const w2 = t >> 32;
  w1 += a0 * b1;
  return a1 * b1 + w2 + (w1 >> 32);
}

/** One step and the XSL-RR output (NumPy's `pcg64_next64`). */
@inline function next64(): u64 {
  const lo = stateLo * MUL_LO;
  let hi = mulHigh(stateLo, MUL_LO) + stateLo * MUL_HI + stateHi * MUL_LO;
  const newLo = lo + incLo;
  hi += incHi + <u64>(newLo < lo);
  stateLo = newLo;
  stateHi = hi;
  return rotr<u64>(hi ^ newLo, hi >> 58);
}

/** NumPy's `next_double`. */
@inline function nextDouble(): f64 {
  return <f64><i64>(next64() >> 11) * (1.0 / 9007199254740992.0);
}

/** NumPy's `next_uint32` (low half first, the high half buffered). */
@inline function next32(): u32 {
  if (hasUint32) {
    hasUint32 = 0;
    return uinteger;
  }
  const r = next64();
  hasUint32 = 1;
  uinteger = <u32>(r >> 32);
  return <u32>r;
}

/** The double of an XSL-RR output of state (hi, lo): NumPy's `next_double`. */
@inline function doubleOf(hi: u64, lo: u64): f64 {
  return <f64><i64>(rotr<u64>(hi ^ lo, hi >> 58) >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * `low + range · next_double` for n elements (range 1, low 0 give `random()` exactly). Runs
 * the stream as two interleaved lanes (even and odd steps, each advanced by M² and C2), so
 * two independent multiply chains overlap (1e6 doubles: 2.65 → 2.25 ms here; what is left is
 * the seven 64-bit multiplies a step costs without a 64×64→128 instruction).
 */
export function random_uniform_fill(out: usize, n: i32, low: f64, range: f64): void {
  let i = 0;
  if (n >= 4) {
    store<f64>(out, low + range * nextDouble());
    let aLo = stateLo;
    let aHi = stateHi;
    store<f64>(out + 8, low + range * nextDouble());
    let bLo = stateLo;
    let bHi = stateHi;
    for (i = 2; i + 1 < n; i += 2) {
      const aLoNext = aLo * MUL2_LO + inc2Lo;
      aHi = mulHigh(aLo, MUL2_LO) + aLo * MUL2_HI + aHi * MUL2_LO + inc2Hi + <u64>(aLoNext < inc2Lo);
      aLo = aLoNext;
      const bLoNext = bLo * MUL2_LO + inc2Lo;
      bHi = mulHigh(bLo, MUL2_LO) + bLo * MUL2_HI + bHi * MUL2_LO + inc2Hi + <u64>(bLoNext < inc2Lo);
      bLo = bLoNext;
      store<f64>(out + (<usize>i << 3), low + range * doubleOf(aHi, aLo));
      store<f64>(out + (<usize>(i + 1) << 3), low + range * doubleOf(bHi, bLo));
    }
    stateLo = bLo;
    stateHi = bHi;
  }
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), low + range * nextDouble());
}

/**
 * Standard normals (`standard` 1: the values themselves, as `standard_normal`) or
 * `loc + scale · z` (`normal`) by NumPy's ziggurat. Stops at a tail draw.
 * @returns how many elements were written (n unless a tail draw stopped it)
 */
export function random_normal_fill(out: usize, n: i32, standard: i32, loc: f64, scale: f64): i32 {
  for (let i = 0; i < n; i++) {
    let x: f64;
    for (;;) {
      const raw = next64();
      const idx = <usize>(raw & 0xff);
      const r = raw >> 8;
      const rabs = (r >> 1) & 0x000fffffffffffff;
      // rabs < 2^52: the signed conversion is exact (and one instruction); the sign is set
      // without a branch (it is a coin flip, a branch would mispredict half the time)
      x = reinterpret<f64>(reinterpret<u64>(<f64><i64>rabs * load<f64>(WI + (idx << 3))) ^ ((r & 1) << 63));
      if (rabs < load<u64>(KI + (idx << 3))) break;
      if (idx == 0) {
        lastRaw = raw;
        return i;
      }
      const fPrev = load<f64>(FI + ((idx - 1) << 3));
      const f = load<f64>(FI + (idx << 3));
      if ((fPrev - f) * nextDouble() + f < Math.exp(-0.5 * x * x)) break;
    }
    store<f64>(out + (<usize>i << 3), standard ? x : loc + scale * x);
  }
  return n;
}

/**
 * `scale · standard_exponential` by NumPy's ziggurat. Stops at a tail draw.
 * @returns how many elements were written (n unless a tail draw stopped it)
 */
export function random_exponential_fill(out: usize, n: i32, scale: f64): i32 {
  for (let i = 0; i < n; i++) {
    let x: f64;
    for (;;) {
      const raw = next64();
      const ri = raw >> 3;
      const idx = <usize>(ri & 0xff);
      const rr = ri >> 8;
      x = <f64><i64>rr * load<f64>(WE + (idx << 3));
      if (rr < load<u64>(KE + (idx << 3))) break;
      if (idx == 0) {
        lastRaw = raw;
        return i;
      }
      const fPrev = load<f64>(FE + ((idx - 1) << 3));
      const f = load<f64>(FE + (idx << 3));
      if ((fPrev - f) * nextDouble() + f < Math.exp(-x)) break;
    }
    store<f64>(out + (<usize>i << 3), scale * x);
  }
  return n;
}

/**
 * `low + k`, k uniform in [0, rng] for 0 < rng < 2^32 − 1, by Lemire's method on 32-bit
 * draws through the uint32 buffer (NumPy's `buffered_bounded_lemire_uint32`).
 */
export function random_bounded32_fill(out: usize, n: i32, low: f64, rng: u32): void {
  const excl: u64 = <u64>rng + 1;
  const threshold: u64 = (0x100000000 - excl) % excl;
  for (let i = 0; i < n; i++) {
    let m: u64 = <u64>next32() * excl;
    let leftover = m & 0xffffffff;
    if (leftover < excl) {
      while (leftover < threshold) {
        m = <u64>next32() * excl;
        leftover = m & 0xffffffff;
      }
    }
    store<f64>(out + (<usize>i << 3), low + <f64>(m >> 32));
  }
}

/**
 * `low + k`, k uniform in [0, rng] for 2^32 − 1 < rng < 2^64 − 1, by Lemire's method on
 * 64-bit draws (NumPy's `bounded_lemire_uint64`). `low` is an integer in [-2^53, 2^53]
 * (exact as f64); the sum is formed in i64, so results are exact whenever they are within
 * ±2^53. rng is given as two 32-bit halves.
 */
export function random_bounded64_fill(out: usize, n: i32, low: f64, rngHi: u32, rngLo: u32): void {
  const rng: u64 = (<u64>rngHi << 32) | <u64>rngLo;
  const excl = rng + 1;
  const threshold: u64 = (0xffffffffffffffff - rng) % excl;
  const off = <i64>low;
  for (let i = 0; i < n; i++) {
    let x = next64();
    let leftover = x * excl;
    if (leftover < excl) {
      while (leftover < threshold) {
        x = next64();
        leftover = x * excl;
      }
    }
    store<f64>(out + (<usize>i << 3), <f64>(off + <i64>mulHigh(x, excl)));
  }
}

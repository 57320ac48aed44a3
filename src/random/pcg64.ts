/**
 * PCG64 (XSL-RR 128/64), NumPy's default bit generator, in plain JS number arithmetic.
 *
 * The 128-bit state and increment live in four 32-bit limbs each (`s0` lowest). A step is
 * `state = state · M + inc (mod 2^128)` with NumPy's multiplier M; the 32×32-bit partial
 * products that need their high half are split at 16 bits so every intermediate is an exact
 * double (below 2^53), the ones that only feed the top limb use `Math.imul`. No BigInt: measured
 * here (2-core machine under load), a 128-bit BigInt step `(s·M + inc) & mask` costs 60–140 ns,
 * this one about 16 ns (and a whole draw with the output ~20–35 ns). Bulk fills run on the i64
 * WASM kernels instead (src/random/wasm-samplers.ts, ~2.3 ns a draw).
 *
 * Outputs are exactly NumPy's: `next64` (the XSL-RR output after the step, as two 32-bit
 * halves in {@link PCG64.hi} / {@link PCG64.lo}), `next32` (low half first, the high half
 * kept for the next call: NumPy's `has_uint32` buffer), `nextDouble` (`(x >> 11) · 2^-53`).
 * @module
 */

/** NumPy's PCG_DEFAULT_MULTIPLIER_128 in 32-bit limbs, lowest first. */
const M0 = 0x9fccf645;
const M1 = 0x4385df64;
const M2 = 0x1fc65da4;
const M3 = 0x2360ed05;
const M0H = M0 >>> 16;
const M0L = M0 & 0xffff;
const M1H = M1 >>> 16;
const M1L = M1 & 0xffff;
const M2H = M2 >>> 16;
const M2L = M2 & 0xffff;
const INV16 = 1 / 65536;
const INV32 = 1 / 4294967296;
const TWO21 = 2097152;
const INV53 = 1 / 9007199254740992;

/**
 * High 32 bits of a·m for uint32 a and m = mh·2^16 + ml, exactly: a·m = a·mh·2^16 + a·ml,
 * and every term stays below 2^49.
 */
function mulHigh(a: number, mh: number, ml: number): number {
  return Math.floor((a * mh + Math.floor(a * ml * INV16)) * INV16);
}

/**
 * The PCG64 bit generator with NumPy's stream. Construct it from the four 64-bit words
 * SeedSequence generates (see `seedPcg64`), or from a raw state.
 */
export class PCG64 {
  /** State limbs, lowest first. */
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  /** Increment limbs (always odd), lowest first. */
  i0 = 1;
  i1 = 0;
  i2 = 0;
  i3 = 0;
  /** NumPy's `has_uint32`: a high half is waiting for the next {@link next32}. */
  hasUint32 = false;
  /** NumPy's `uinteger`: the waiting high half. */
  uinteger = 0;
  /** High 32 bits of the last {@link next64} output. */
  hi = 0;
  /** Low 32 bits of the last {@link next64} output. */
  lo = 0;

  /**
   * Seeds as NumPy's `pcg64_set_seed(state, seed, inc)`: `seed = w0·2^64 + w1`,
   * `initseq = w2·2^64 + w3`; `inc = initseq·2 + 1`; state = 0, step, state += seed, step.
   * @param words 8 uint32 words: the four uint64 words of `generate_state(4, uint64)`, each
   *   as (low, high)
   */
  constructor(words: Uint32Array) {
    // initseq = (w2 << 64) | w3 ; inc = (initseq << 1) | 1
    const q0 = words[6]!, q1 = words[7]!, q2 = words[4]!, q3 = words[5]!;
    this.i0 = ((q0 << 1) | 1) >>> 0;
    this.i1 = ((q1 << 1) | (q0 >>> 31)) >>> 0;
    this.i2 = ((q2 << 1) | (q1 >>> 31)) >>> 0;
    this.i3 = ((q3 << 1) | (q2 >>> 31)) >>> 0;
    this.step();
    // state += seed (seed = (w0 << 64) | w1)
    const add = [words[2]!, words[3]!, words[0]!, words[1]!];
    let carry = 0;
    let x = this.s0 + add[0]! + carry;
    this.s0 = x >>> 0;
    carry = x >= 4294967296 ? 1 : 0;
    x = this.s1 + add[1]! + carry;
    this.s1 = x >>> 0;
    carry = x >= 4294967296 ? 1 : 0;
    x = this.s2 + add[2]! + carry;
    this.s2 = x >>> 0;
    carry = x >= 4294967296 ? 1 : 0;
    this.s3 = (this.s3 + add[3]! + carry) >>> 0;
    this.step();
  }

  /** One LCG step: `state = state · M + inc (mod 2^128)`, column by column. */
  step(): void {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    let x = (Math.imul(s0, M0) >>> 0) + this.i0;
    const r0 = x >>> 0;
    let c = (x - r0) * INV32;
    x = mulHigh(s0, M0H, M0L) + (Math.imul(s0, M1) >>> 0) + (Math.imul(s1, M0) >>> 0) + this.i1 + c;
    const r1 = x >>> 0;
    c = (x - r1) * INV32;
    x = mulHigh(s0, M1H, M1L) + mulHigh(s1, M0H, M0L) +
      (Math.imul(s0, M2) >>> 0) + (Math.imul(s1, M1) >>> 0) + (Math.imul(s2, M0) >>> 0) + this.i2 + c;
    const r2 = x >>> 0;
    c = (x - r2) * INV32;
    // the top limb keeps only its low 32 bits: Math.imul suffices for its own products
    x = mulHigh(s0, M2H, M2L) + mulHigh(s1, M1H, M1L) + mulHigh(s2, M0H, M0L) +
      Math.imul(s0, M3) + Math.imul(s1, M2) + Math.imul(s2, M1) + Math.imul(s3, M0) + this.i3 + c;
    this.s0 = r0;
    this.s1 = r1;
    this.s2 = r2;
    this.s3 = x >>> 0;
  }

  /** Steps and leaves the 64-bit output in {@link hi} / {@link lo} (NumPy's `next_uint64`). */
  next64(): void {
    this.step();
    const x = (this.s3 ^ this.s1) >>> 0;
    const y = (this.s2 ^ this.s0) >>> 0;
    const rot = this.s3 >>> 26;
    // rotate (x:y) right by rot without branches (rot is random: branches would mispredict):
    // swap the halves when rot ≥ 32, then rotate by r = rot mod 32, where `(v << 1) << (31 - r)`
    // is `v << (32 - r)` also for r = 0 (a JS shift by 32 would shift by 0)
    const swap = -(rot >>> 5);
    const h = ((x & ~swap) | (y & swap)) >>> 0;
    const l = ((y & ~swap) | (x & swap)) >>> 0;
    const r = rot & 31;
    this.hi = ((h >>> r) | ((l << 1) << (31 - r))) >>> 0;
    this.lo = ((l >>> r) | ((h << 1) << (31 - r))) >>> 0;
  }

  /** NumPy's `next_uint32`: the low half of a fresh 64-bit output, then its high half. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** NumPy's `next_double`: `(next_uint64 >> 11) · 2^-53`, in [0, 1). */
  nextDouble(): number {
    this.next64();
    return (this.hi * TWO21 + (this.lo >>> 11)) * INV53;
  }
}

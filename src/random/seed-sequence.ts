/**
 * NumPy's `SeedSequence` (numpy/random/bit_generator.pyx), as far as `default_rng(seed)`
 * uses it: the seed becomes uint32 words (an integer split lowest word first, an array's
 * entries split and concatenated), they are hashed into a 4-word pool, and the pool is
 * expanded into the words that seed PCG64. All uint32 arithmetic, with `Math.imul`.
 * @module
 */
import { describe } from '../args.ts';
import { ArgumentError } from '../errors.ts';

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** A seed `nd.rng` accepts: a non-negative integer (number up to 2^53, or bigint), or an array of them. */
export type Seed = number | bigint | readonly (number | bigint)[];

/** Splits one non-negative integer into uint32 words, lowest first (0 gives [0]). */
function integerWords(func: string, v: unknown, where: string): number[] {
  if (typeof v === 'bigint') {
    if (v < 0n) throw new ArgumentError(func, 'seed', `${where} must be a non-negative integer, got ${describe(v)}`);
    if (v === 0n) return [0];
    const words: number[] = [];
    for (let n = v; n > 0n; n >>= 32n) words.push(Number(n & 0xffffffffn));
    return words;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 53) {
    throw new ArgumentError(
      func,
      'seed',
      `${where} must be a non-negative integer up to 2^53 (a bigint for larger ones), got ${describe(v)}`,
    );
  }
  if (v === 0) return [0];
  const words: number[] = [];
  for (let n = v; n > 0; n = Math.floor(n / 4294967296)) words.push(n % 4294967296);
  return words;
}

/**
 * NumPy's `_coerce_to_uint32_array` for the seeds ndvec accepts.
 * @param func the public name, for messages
 * @param seed an integer or an array of integers (not nested)
 * @returns the entropy words
 * @throws ArgumentError for a negative, fractional, non-finite or too large number, or anything else
 */
export function seedWords(func: string, seed: unknown): Uint32Array {
  if (Array.isArray(seed)) {
    const words: number[] = [];
    seed.forEach((v: unknown, i) => {
      words.push(...integerWords(func, v, `seed[${i}]`));
    });
    return Uint32Array.from(words);
  }
  if (typeof seed === 'number' || typeof seed === 'bigint') return Uint32Array.from(integerWords(func, seed, 'seed'));
  throw new ArgumentError(func, 'seed', `seed must be a non-negative integer or an array of them, got ${describe(seed)}`);
}

/** The hash of `hashmix`, with its running constant. */
class HashMix {
  private constant = INIT_A;
  hash(value: number): number {
    value = (value ^ this.constant) >>> 0;
    this.constant = Math.imul(this.constant, MULT_A) >>> 0;
    value = Math.imul(value, this.constant) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  }
}

function mix(x: number, y: number): number {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

/**
 * SeedSequence's pool (`mix_entropy` over the assembled entropy; no spawn key).
 * @param entropy the entropy words
 * @returns the 4-word pool
 */
export function seedPool(entropy: Uint32Array): Uint32Array {
  const pool = new Uint32Array(POOL_SIZE);
  const h = new HashMix();
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = h.hash(i < entropy.length ? entropy[i]! : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst]!, h.hash(pool[src]!));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, h.hash(entropy[src]!));
  }
  return pool;
}

/**
 * SeedSequence's `generate_state(n32, uint32)`: `n32` words drawn from the pool.
 * @param pool the 4-word pool
 * @param n32 how many uint32 words (twice the uint64 count; uint64 word k is words 2k, 2k+1, low first)
 * @returns the words
 */
export function generateState(pool: Uint32Array, n32: number): Uint32Array {
  const out = new Uint32Array(n32);
  let hashConst = INIT_B;
  for (let i = 0; i < n32; i++) {
    let v = (pool[i % POOL_SIZE]! ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}

/**
 * 128 bits of fresh entropy from `crypto.getRandomValues`, as NumPy's `SeedSequence()` draws
 * (`randbits(128)`), returned as the integer it is so it can be logged and passed back.
 * @returns a bigint in [0, 2^128)
 */
export function freshEntropy(): bigint {
  const words = new Uint32Array(4);
  globalThis.crypto.getRandomValues(words);
  let n = 0n;
  for (let i = 3; i >= 0; i--) n = (n << 32n) | BigInt(words[i]!);
  return n;
}

/**
 * Random numbers: `standardNormal` of 1K, 100K and 1M from seed 1, NumPy's stream
 * (`np.random.default_rng(1).standard_normal(n)`). Every variant computes the same numbers:
 * the baseline is the plain loop of the same algorithm (PCG64 and NumPy's ziggurat on JS
 * numbers, src/random/distributions.ts), ndvec on its JS and WASM samplers, numpy-ts (whose
 * stream matches NumPy's too). NumPy's own time on this machine: scripts/random-timing.ts.
 * @module
 */
import * as np from 'numpy-ts';
import { standardNormal } from '../src/random/distributions.ts';
import { rng } from '../src/random/generator.ts';
import { PCG64 } from '../src/random/pcg64.ts';
import { generateState, seedPool, seedWords } from '../src/random/seed-sequence.ts';
import { BASELINE } from './classic.ts';
import { SIZES } from './data.ts';
import { ndvecVariants, observe, observeAndFree, type BenchCase } from './harness.ts';

function standardNormalCase(size: string, n: number): BenchCase {
  return {
    op: 'standardNormal',
    size,
    baseline: BASELINE,
    setup() {
      return {
        variants: [
          {
            name: BASELINE,
            fn: () => {
              const bg = new PCG64(generateState(seedPool(seedWords('bench', 1)), 8));
              const r = new Float64Array(n);
              for (let i = 0; i < n; i++) r[i] = standardNormal(bg);
              observe(r);
            },
          },
          ...ndvecVariants(() => observeAndFree(rng(1).standardNormal(n))),
          { name: 'numpy-ts', fn: () => observeAndFree(np.random.default_rng(1).standard_normal([n])) },
        ],
        dispose() {},
      };
    },
  };
}

/**
 * The random-number cases.
 * @returns one `standardNormal` case a size
 */
export function randomCases(): BenchCase[] {
  return SIZES.map(({ label, n }) => standardNormalCase(label, n));
}

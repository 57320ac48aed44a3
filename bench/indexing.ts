/**
 * Integer indexing: `a.take(idx)` (gather) and `a.put(idx, v)` (scatter, in place) of n
 * random indices into n values, at 1K and 1M. Against a typed-array loop (no index
 * checks), ndvec on JS and WASM kernels, and numpy-ts (`np.take` with int32 indices, `np.put`
 * with a plain list: its put ignores an index NDArray).
 * NumPy's own time on this machine (`a[idx]`, `np.put`): scripts/take-timing.ts.
 * @module
 */
import * as np from 'numpy-ts';
import { nd } from '../src/index.ts';
import { BASELINE } from './classic.ts';
import { SIZES } from './data.ts';
import { ndvecVariants, observe, observeAndFree, type BenchCase, type Variant } from './harness.ts';

/** Seeded values and indices of one size, as ndvec arrays, typed arrays and numpy-ts arrays. */
function inputs(n: number) {
  const g = nd.rng(13);
  const a = g.random(n);
  const idx = g.integers(0, n, n);
  const v = g.random(n);
  const idxI32 = Int32Array.from(idx.toFloat64Array());
  return {
    a,
    idx,
    v,
    x: a.toFloat64Array(),
    ix: idx.toFloat64Array(),
    vx: v.toFloat64Array(),
    npA: np.array(Array.from(a.toFloat64Array())),
    npIdx: np.array(Array.from(idxI32), 'int32'),
    npV: np.array(Array.from(v.toFloat64Array())),
    /** numpy-ts 1.x `put` ignores an NDArray of indices (writes nothing): it gets a plain list. */
    idxList: Array.from(idxI32),
    dispose(): void {
      a.dispose();
      idx.dispose();
      v.dispose();
    },
  };
}

function indexingCase(op: 'take' | 'put', size: string, n: number): BenchCase {
  return {
    op,
    size,
    baseline: BASELINE,
    setup() {
      const d = inputs(n);
      const variants: Variant[] =
        op === 'take'
          ? [
              {
                name: BASELINE,
                fn: () => {
                  const out = new Float64Array(n);
                  for (let i = 0; i < n; i++) out[i] = d.x[d.ix[i]!]!;
                  observe(out);
                },
              },
              ...ndvecVariants(() => observeAndFree(d.a.take(d.idx))),
              { name: 'numpy-ts', fn: () => observeAndFree(np.take(d.npA, d.npIdx as never)) },
            ]
          : [
              {
                name: BASELINE,
                fn: () => {
                  for (let i = 0; i < n; i++) d.x[d.ix[i]!] = d.vx[i]!;
                  observe(d.x);
                },
              },
              ...ndvecVariants(() => observe(d.a.put(d.idx, d.v))),
              {
                name: 'numpy-ts',
                fn: () => {
                  np.put(d.npA, d.idxList as never, d.npV as never);
                  observe(d.npA);
                },
              },
            ];
      return { variants, dispose: () => d.dispose() };
    },
  };
}

/**
 * The integer-indexing cases.
 * @returns `take` and `put` at each size
 */
export function indexingCases(): BenchCase[] {
  // 1K and 1M only: the quick run (test/bench.test.ts) has a time budget for every case.
  return SIZES.filter(({ n }) => n !== 100_000).flatMap(({ label, n }) => [indexingCase('take', label, n), indexingCase('put', label, n)]);
}

/**
 * The three classic cases, at 1K, 100K and 1M float64: keep the positive values (filter),
 * `x*x + 2*x + 1` (transform), and the sum of the positive values (aggregate). Each runs as
 * the plain `Array` method, a typed-array loop, ndvec on JS and on WASM kernels, and the
 * peers that have the op.
 *
 * ndvec variants free what they allocate with `dispose()`, temporaries included, as the docs
 * recommend. The headline case (filter) also runs inside `nd.scope` and with no dispose at
 * all, so the cost of forgetting shows.
 * @module
 */
import * as np from 'numpy-ts';
import ops from 'ndarray-ops';
import { nd, type NdArray } from '../src/index.ts';
import { SIZES } from './data.ts';
import { ndvecVariants, observe, observeAndFree, type BenchCase } from './harness.ts';
import { makeInputs, sciOutput } from './inputs.ts';

/** The baseline of every case: a hand-written loop over a `Float64Array`. */
export const BASELINE = 'typed-loop';

function filterCase(label: string, n: number): BenchCase {
  return {
    op: 'filter',
    size: label,
    baseline: BASELINE,
    setup() {
      const x = makeInputs([n], 1);
      const { f64, list, nd: a } = x;
      const keepPositive = (v: number): boolean => v > 0;
      const keepFused = nd.fuse((v: NdArray) => v.where(v.gt(0)));
      return {
        dispose: x.dispose,
        variants: [
          { name: 'Array.filter', fn: () => observe(list.filter(keepPositive)) },
          { name: 'Float64Array.filter', fn: () => observe(f64.filter(keepPositive)) },
          {
            name: BASELINE,
            fn: () => {
              const out = new Float64Array(n);
              let k = 0;
              for (let i = 0; i < n; i++) {
                const v = f64[i]!;
                if (v > 0) out[k++] = v;
              }
              observe(out.subarray(0, k));
            },
          },
          ...ndvecVariants(() => {
            const mask = a.gt(0);
            const r = a.where(mask);
            observeAndFree(r, mask);
          }),
          {
            name: 'ndvec-wasm-scope',
            wasm: true,
            fn: () => nd.scope(() => observe(a.where(a.gt(0)))),
          },
          { name: 'ndvec-fused', wasm: true, fn: () => observeAndFree(keepFused(a) as NdArray) },
          {
            name: 'numpy-ts',
            fn: () => {
              const mask = np.greater(x.np, 0);
              const r = x.np.bindex(mask);
              observeAndFree(r, mask);
            },
          },
          // Last: it leaves the arena full and JS buffers behind for the GC.
          { name: 'ndvec-wasm-no-dispose', wasm: true, fn: () => observe(a.where(a.gt(0))) },
        ],
      };
    },
  };
}

function transformCase(label: string, n: number): BenchCase {
  return {
    op: 'transform',
    size: label,
    baseline: BASELINE,
    setup() {
      const x = makeInputs([n], 2);
      const { f64, list, nd: a, sci } = x;
      const out = sciOutput(n);
      const tmp = sciOutput(n);
      const prealloc = new Float64Array(n);
      const polyFused = nd.fuse((v: NdArray) => v.pow(2).add(v.mul(2)).add(1));
      const fusedOut = nd.zeros([n]);
      return {
        dispose: () => {
          fusedOut.dispose();
          x.dispose();
        },
        variants: [
          { name: 'Array.map', fn: () => observe(list.map((v) => v * v + 2 * v + 1)) },
          {
            name: BASELINE,
            fn: () => {
              const r = new Float64Array(n);
              for (let i = 0; i < n; i++) {
                const v = f64[i]!;
                r[i] = v * v + 2 * v + 1;
              }
              observe(r);
            },
          },
          ...ndvecVariants(() => {
            const sq = a.mul(a);
            const twice = a.mul(2);
            const sum = sq.add(twice);
            const r = sum.add(1);
            observeAndFree(r, sq, twice, sum);
          }),
          {
            name: 'typed-loop-prealloc',
            fn: () => {
              for (let i = 0; i < n; i++) {
                const v = f64[i]!;
                prealloc[i] = v * v + 2 * v + 1;
              }
              observe(prealloc);
            },
          },
          { name: 'ndvec-fused', wasm: true, fn: () => observeAndFree(polyFused(a) as NdArray) },
          { name: 'ndvec-fused-out', wasm: true, fn: () => observe(polyFused(a, { out: fusedOut })) },
          {
            name: 'ndarray-ops',
            fn: () => {
              ops.mul(out, sci, sci);
              ops.muls(tmp, sci, 2);
              ops.addeq(out, tmp);
              ops.addseq(out, 1);
              observe(out.data);
            },
          },
          {
            name: 'numpy-ts',
            fn: () => {
              const sq = np.multiply(x.np, x.np);
              const twice = np.multiply(x.np, 2);
              const sum = np.add(sq, twice);
              const r = np.add(sum, 1);
              observeAndFree(r, sq, twice, sum);
            },
          },
        ],
      };
    },
  };
}

function aggregateCase(label: string, n: number): BenchCase {
  return {
    op: 'aggregate',
    size: label,
    baseline: BASELINE,
    setup() {
      const x = makeInputs([n], 3);
      const { f64, list, nd: a } = x;
      const sumFused = nd.fuse((v: NdArray) => v.where(v.gt(0)).sum());
      return {
        dispose: x.dispose,
        variants: [
          { name: 'Array.reduce', fn: () => observe(list.reduce((s, v) => (v > 0 ? s + v : s), 0)) },
          {
            name: BASELINE,
            fn: () => {
              let s = 0;
              for (let i = 0; i < n; i++) {
                const v = f64[i]!;
                if (v > 0) s += v;
              }
              observe(s);
            },
          },
          ...ndvecVariants(() => {
            const mask = a.gt(0);
            const kept = a.where(mask);
            observeAndFree(kept.sum(), mask, kept);
          }),
          { name: 'ndvec-fused', wasm: true, fn: () => observe(sumFused(a)) },
          {
            name: 'numpy-ts',
            fn: () => {
              const mask = np.greater(x.np, 0);
              const kept = x.np.bindex(mask);
              observeAndFree(np.sum(kept), mask, kept);
            },
          },
        ],
      };
    },
  };
}

/**
 * The classic cases, filter then transform then aggregate, each at every size.
 * @returns the cases in report order
 * @example
 * for (const c of classicCases()) await runCase(c, timing);
 */
export function classicCases(): BenchCase[] {
  return [filterCase, transformCase, aggregateCase].flatMap((make) => SIZES.map((s) => make(s.label, s.n)));
}

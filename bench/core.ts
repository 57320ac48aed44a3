/**
 * The core operations: `add`, `sum`, `gt`, `nd.where(a.gt(0), a, 0)` and `exp` at 1K, 100K
 * and 1M; `pow` by 2, 3, 2.5 and by an array (positive bases) at 1K and 1M; `mean` along
 * each axis of 1000×1000; `dot` of 500×500 (against an i-k-j triple
 * loop). Each against a typed-array loop that allocates its result, ndvec on JS and WASM
 * kernels (results disposed), ndarray-ops (preallocated output, as that library is used) and
 * numpy-ts (results disposed). A peer without the op is left out and shows `–`.
 * @module
 */
import * as np from 'numpy-ts';
import ops from 'ndarray-ops';
import { nd, type NdArray } from '../src/index.ts';
import { SIZES, normalData } from './data.ts';
import { ndvecVariants, observe, observeAndFree, type BenchCase, type Variant } from './harness.ts';
import ndarray from 'ndarray';
import { makeInputs, sciOutput, type Inputs } from './inputs.ts';
import { BASELINE } from './classic.ts';

/** Runs `make` (an ndvec or numpy-ts op), observes and frees its result. */
function freed(make: () => NdArray | np.NDArray | number): () => void {
  return () => observeAndFree(make());
}

/**
 * A case over one or two seeded inputs of `shape`.
 * @param op the op name
 * @param size the size label
 * @param shape the input shape
 * @param build the variants, given the inputs `x` and `y`
 */
function coreCase(
  op: string,
  size: string,
  shape: readonly number[],
  build: (x: Inputs, y: Inputs, n: number) => Variant[],
): BenchCase {
  return {
    op,
    size,
    baseline: BASELINE,
    setup() {
      const x = makeInputs(shape, 11);
      const y = makeInputs(shape, 12);
      return {
        variants: build(x, y, x.f64.length),
        dispose() {
          x.dispose();
          y.dispose();
        },
      };
    },
  };
}

function addCase(size: string, n: number): BenchCase {
  return coreCase('add', size, [n], (x, y) => {
    const out = sciOutput(n);
    return [
      {
        name: BASELINE,
        fn: () => {
          const a = x.f64;
          const b = y.f64;
          const r = new Float64Array(n);
          for (let i = 0; i < n; i++) r[i] = a[i]! + b[i]!;
          observe(r);
        },
      },
      ...ndvecVariants(freed(() => x.nd.add(y.nd))),
      { name: 'ndarray-ops', fn: () => observe(ops.add(out, x.sci, y.sci).data) },
      { name: 'numpy-ts', fn: freed(() => np.add(x.np, y.np)) },
    ];
  });
}

function sumCase(size: string, n: number): BenchCase {
  return coreCase('sum', size, [n], (x) => [
    {
      name: BASELINE,
      fn: () => {
        const a = x.f64;
        let s = 0;
        for (let i = 0; i < n; i++) s += a[i]!;
        observe(s);
      },
    },
    ...ndvecVariants(freed(() => x.nd.sum())),
    { name: 'ndarray-ops', fn: () => observe(ops.sum(x.sci)) },
    { name: 'numpy-ts', fn: freed(() => np.sum(x.np) as number) },
  ]);
}

function gtCase(size: string, n: number): BenchCase {
  return coreCase('gt', size, [n], (x) => {
    const out = sciOutput(n, 'u8');
    return [
      {
        name: BASELINE,
        fn: () => {
          const a = x.f64;
          const r = new Uint8Array(n);
          for (let i = 0; i < n; i++) r[i] = a[i]! > 0 ? 1 : 0;
          observe(r);
        },
      },
      ...ndvecVariants(freed(() => x.nd.gt(0))),
      { name: 'ndarray-ops', fn: () => observe(ops.gts(out, x.sci, 0).data) },
      { name: 'numpy-ts', fn: freed(() => np.greater(x.np, 0)) },
    ];
  });
}

function whereCase(size: string, n: number): BenchCase {
  return coreCase('where', size, [n], (x) => [
    {
      name: BASELINE,
      fn: () => {
        const a = x.f64;
        const r = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const v = a[i]!;
          r[i] = v > 0 ? v : 0;
        }
        observe(r);
      },
    },
    ...ndvecVariants(() => {
      const mask = x.nd.gt(0);
      const r = nd.where(mask, x.nd, 0);
      observeAndFree(r, mask);
    }),
    {
      name: 'numpy-ts',
      fn: () => {
        const mask = np.greater(x.np, 0);
        const r = np.where(mask, x.np, 0);
        observeAndFree(r, mask);
      },
    },
  ]);
}

function expCase(size: string, n: number): BenchCase {
  return coreCase('exp', size, [n], (x) => {
    const out = sciOutput(n);
    return [
      {
        name: BASELINE,
        fn: () => {
          const a = x.f64;
          const r = new Float64Array(n);
          for (let i = 0; i < n; i++) r[i] = Math.exp(a[i]!);
          observe(r);
        },
      },
      ...ndvecVariants(freed(() => x.nd.exp())),
      { name: 'ndarray-ops', fn: () => observe(ops.exp(out, x.sci).data) },
      { name: 'numpy-ts', fn: freed(() => np.exp(x.np)) },
    ];
  });
}

/**
 * `pow` on positive bases (|normal data|, so every variant gives numbers, not NaN): by a number
 * (`pow(2)`, `pow(3)`, `pow(2.5)`) or element-wise by a second array (`pow(array)`, exponents
 * normal data). The baseline loop calls Math.pow.
 */
function powCase(exponent: number | 'array', size: string, n: number): BenchCase {
  return {
    op: exponent === 'array' ? 'pow(array)' : `pow(${exponent})`,
    size,
    baseline: BASELINE,
    setup() {
      const base = normalData(n, 11).map(Math.abs);
      const exps = normalData(n, 12);
      const x = { nd: nd.array(base), np: np.array(base), sci: ndarray(base.slice(), [n]) };
      const y = { nd: nd.array(exps), np: np.array(exps), sci: ndarray(exps.slice(), [n]) };
      const out = sciOutput(n);
      const s = exponent === 'array' ? 0 : exponent;
      const variants: Variant[] = [
        {
          name: BASELINE,
          fn: exponent === 'array'
            ? () => {
              const r = new Float64Array(n);
              for (let i = 0; i < n; i++) r[i] = Math.pow(base[i]!, exps[i]!);
              observe(r);
            }
            : () => {
              const r = new Float64Array(n);
              for (let i = 0; i < n; i++) r[i] = Math.pow(base[i]!, s);
              observe(r);
            },
        },
        ...ndvecVariants(freed(() => x.nd.pow(exponent === 'array' ? y.nd : s))),
        {
          name: 'ndarray-ops',
          fn: exponent === 'array' ? () => observe(ops.pow(out, x.sci, y.sci).data) : () => observe(ops.pows(out, x.sci, s).data),
        },
        { name: 'numpy-ts', fn: freed(() => np.power(x.np, exponent === 'array' ? y.np : s)) },
      ];
      return {
        variants,
        dispose() {
          for (const a of [x.nd, y.nd, x.np, y.np]) a.dispose();
        },
      };
    },
  };
}

const MEAN_SIDE = 1000;

function meanCase(axis: 0 | 1): BenchCase {
  const rows = MEAN_SIDE;
  const cols = MEAN_SIDE;
  return coreCase(`mean axis=${axis}`, `${rows}×${cols}`, [rows, cols], (x) => [
    {
      name: BASELINE,
      fn: () => {
        const a = x.f64;
        const r = new Float64Array(axis === 0 ? cols : rows);
        if (axis === 0) {
          for (let i = 0; i < rows; i++) {
            const row = i * cols;
            for (let j = 0; j < cols; j++) r[j]! += a[row + j]!;
          }
          for (let j = 0; j < cols; j++) r[j]! /= rows;
        } else {
          for (let i = 0; i < rows; i++) {
            const row = i * cols;
            let s = 0;
            for (let j = 0; j < cols; j++) s += a[row + j]!;
            r[i] = s / cols;
          }
        }
        observe(r);
      },
    },
    ...ndvecVariants(freed(() => x.nd.mean(axis))),
    { name: 'numpy-ts', fn: freed(() => np.mean(x.np, axis) as np.NDArray) },
  ]);
}

const DOT_SIDE = 500;

function dotCase(): BenchCase {
  const n = DOT_SIDE;
  return coreCase('dot', `${n}×${n}`, [n, n], (x, y) => [
    {
      name: BASELINE,
      fn: () => {
        const a = x.f64;
        const b = y.f64;
        const c = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          const ci = i * n;
          for (let k = 0; k < n; k++) {
            const aik = a[ci + k]!;
            const bk = k * n;
            for (let j = 0; j < n; j++) c[ci + j]! += aik * b[bk + j]!;
          }
        }
        observe(c);
      },
    },
    ...ndvecVariants(freed(() => x.nd.dot(y.nd))),
    { name: 'numpy-ts', fn: freed(() => np.matmul(x.np, y.np)) },
  ]);
}

/**
 * The core cases in report order: each element-wise op at every size, then mean, then dot.
 * @returns the cases
 * @example
 * for (const c of coreCases()) await runCase(c, timing);
 */
export function coreCases(): BenchCase[] {
  const sized = [addCase, sumCase, gtCase, whereCase, expCase].flatMap((make) => SIZES.map((s) => make(s.label, s.n)));
  // pow at 1K and 1M only (the per-element cost does not change in between; the suite's time is bounded).
  const powSizes = SIZES.filter((s) => s.label !== '100K');
  const pow = ([2, 3, 2.5, 'array'] as const).flatMap((e) => powSizes.map((s) => powCase(e, s.label, s.n)));
  return [...sized, ...pow, meanCase(0), meanCase(1), dotCase()];
}

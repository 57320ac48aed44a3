/**
 * Measures nd.rng against NumPy's default_rng on this machine, in the same run (NumPy through
 * python3 when it is installed): `rng(1).standardNormal(1e6)` (seeding included, as the issue
 * states it), `random`, `exponential`, `integers(0, 1000)` of 1e6, and the JS samplers
 * (WASM switched off) for contrast. Fastest of several runs, milliseconds.
 *
 *     node --import tsx scripts/random-timing.ts
 * @module
 */
import { execFileSync } from 'node:child_process';
import { settings } from '../src/config.ts';
import type { NdArray } from '../src/ndarray.ts';
import { rng } from '../src/random/generator.ts';
import { fastestPerCall } from './timing.ts';

const N = 1e6;
const cases: [string, () => NdArray | number, string][] = [
  ['standardNormal(1e6), seeding included', () => rng(1).standardNormal(N), 'np.random.default_rng(1).standard_normal(10**6)'],
  ['random(1e6)', () => g.random(N), 'g.random(10**6)'],
  ['exponential(1, 1e6)', () => g.exponential(1, N), 'g.exponential(1.0, 10**6)'],
  ['integers(0, 1000, 1e6)', () => g.integers(0, 1000, N), 'g.integers(0, 1000, 10**6)'],
  ['normal(2, 3, 1e6)', () => g.normal(2, 3, N), 'g.normal(2.0, 3.0, 10**6)'],
];
const g = rng(1);

function numpyMs(expr: string): number | null {
  const code = [
    'import numpy as np, timeit',
    'g = np.random.default_rng(1)',
    `print(min(timeit.repeat(lambda: ${expr}, number=1, repeat=30)) * 1e3)`,
  ].join('\n');
  try {
    return Number(execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

const rows: Record<string, string>[] = [];
for (const [name, fn, expr] of cases) {
  const run = (): void => {
    const r = fn();
    if (typeof r !== 'number') r.dispose();
  };
  const wasm = fastestPerCall(run, 1, 30);
  settings.wasm = false;
  const js = fastestPerCall(run, 1, 5);
  settings.wasm = true;
  const numpy = numpyMs(expr);
  rows.push({
    case: name,
    'ndvec WASM ms': wasm.toFixed(2),
    'ndvec JS ms': js.toFixed(2),
    'NumPy ms': numpy === null ? 'n/a' : numpy.toFixed(2),
    'ndvec/NumPy': numpy === null ? 'n/a' : (wasm / numpy).toFixed(2),
  });
}
console.table(rows);

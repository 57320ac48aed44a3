/**
 * Measures integer indexing against NumPy on this machine, in the same run (NumPy through
 * python3 when it is installed): 1M random indices into 1M values (`a.take(idx)` against
 * NumPy's `a[idx]` and `a.take(idx)`, int64 indices there, integral float64 ones here),
 * `a.put(idx, v)` against `np.put(a, idx, v)`, the same at 1K, and the JS loops (WASM
 * switched off) for contrast. Fastest of several runs, milliseconds.
 *
 *     node --import tsx scripts/take-timing.ts
 * @module
 */
import { execFileSync } from 'node:child_process';
import { settings } from '../src/config.ts';
import { nd } from '../src/nd.ts';
import { fastestPerCall } from './timing.ts';

interface Case {
  name: string;
  run: () => void;
  numpy: string;
  iters: number;
}

function numpyMs(n: number, expr: string, iters: number): number | null {
  const code = [
    'import numpy as np, timeit',
    'g = np.random.default_rng(1)',
    `a = g.random(${n}); idx = g.integers(0, ${n}, ${n}); v = g.random(${n})`,
    `print(min(timeit.repeat(lambda: ${expr}, number=${iters}, repeat=30)) / ${iters} * 1e3)`,
  ].join('\n');
  try {
    return Number(execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

function casesFor(n: number, iters: number): Case[] {
  const g = nd.rng(1);
  const a = g.random(n);
  const idx = g.integers(0, n, n);
  const v = g.random(n);
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`;
  return [
    { name: `take ${label} of ${label}`, run: () => a.take(idx).dispose(), numpy: 'a[idx]', iters },
    { name: `take ${label} of ${label} (NumPy a.take)`, run: () => a.take(idx).dispose(), numpy: 'a.take(idx)', iters },
    { name: `put ${label} into ${label}`, run: () => void a.put(idx, v), numpy: 'np.put(a, idx, v)', iters },
  ].map((c) => ({ ...c, numpy: c.numpy, iters }));
}

const rows: Record<string, string>[] = [];
for (const [n, iters] of [[1e6, 1], [1e3, 2000]] as const) {
  for (const c of casesFor(n, iters)) {
    const wasm = fastestPerCall(c.run, c.iters, 30);
    settings.wasm = false;
    const js = fastestPerCall(c.run, c.iters, 10);
    settings.wasm = true;
    const numpy = numpyMs(n, c.numpy, c.iters);
    rows.push({
      case: `${c.name}: ${c.numpy}`,
      'ndvec WASM ms': wasm.toFixed(4),
      'ndvec JS ms': js.toFixed(4),
      'NumPy ms': numpy === null ? 'n/a' : numpy.toFixed(4),
      'ndvec/NumPy': numpy === null ? 'n/a' : (wasm / numpy).toFixed(2),
    });
  }
}
console.table(rows);

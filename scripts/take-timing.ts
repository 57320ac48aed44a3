/**
 * Measures integer indexing against NumPy on this machine, in the same run (NumPy through
 * python3 when it is installed): 1M random indices into 1M values (`a.take(idx)` against
 * NumPy's `a[idx]` and `a.take(idx)`, int64 indices there, integral float64 ones here),
 * `a.put(idx, v)` against `np.put(a, idx, v)`, the same at 1K, and the JS loops (WASM
 * switched off) for contrast. Fastest of several runs, milliseconds; ndvec and NumPy alternate
 * in rounds (the best round of each is kept).
 *
 *     node --import tsx scripts/take-timing.ts
 * @module
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { settings } from '../src/config.ts';
import { nd } from '../src/nd.ts';
import { fastestPerCall } from './timing.ts';

interface Case {
  name: string;
  run: () => void;
  numpy: string;
  iters: number;
}

/** NumPy's fastest time of `expr` a call (ms), `repeat` runs of `iters` calls, in a fresh python3. */
function numpyMs(n: number, expr: string, iters: number, repeat: number): number | null {
  const code = [
    'import numpy as np, timeit',
    'g = np.random.default_rng(1)',
    `a = g.random(${n}); idx = g.integers(0, ${n}, ${n}); v = g.random(${n})`,
    `print(min(timeit.repeat(lambda: ${expr}, number=${iters}, repeat=${repeat})) / ${iters} * 1e3)`,
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

// The machine this ran on is shared: ndvec and NumPy are timed in alternating rounds and each
// keeps its best round, so a burst of load elsewhere does not land on one side only.
const ROUNDS = 6;
const rows: Record<string, string>[] = [];
for (const [n, iters] of [[1e6, 1], [1e3, 2000]] as const) {
  for (const c of casesFor(n, iters)) {
    let wasm = Infinity;
    let numpy: number | null = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      wasm = Math.min(wasm, fastestPerCall(c.run, c.iters, 10));
      const t = numpyMs(n, c.numpy, c.iters, 10);
      numpy = t === null || numpy === null ? null : Math.min(numpy, t);
    }
    settings.wasm = false;
    const js = fastestPerCall(c.run, c.iters, 10);
    settings.wasm = true;
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
console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

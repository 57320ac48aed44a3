/**
 * Integer indexing against NumPy on this machine, side by side in one run: 1M random indices
 * into 1M values, `a.take(idx)` against NumPy's `a[idx]` and `a.take(idx)` (int64 indices
 * there, integral float64 ones here), `a.put(idx, v)` against `np.put(a, idx, v)`,
 * `a.take(idx, null, { mode: 'clip' })` against `a.take(idx, mode='clip')`, and the same at 1K. Node and Python blocks alternate (`--rounds`, default 7), so both sides see the
 * same machine load; each block times every case (fastest of a few runs, mean per call). The
 * table shows each side's median over the rounds, the ratio of the medians, and the range of
 * the per-round ratios (ndvec / NumPy: below 1 is faster). The JS kernels (WASM off) are timed
 * once at the end for contrast. Without python3 + numpy, the ndvec columns alone.
 *
 *     node --import tsx scripts/take-timing.ts [--rounds 7]
 * @module
 */
import os from 'node:os';
import { settings } from '../src/config.ts';
import { nd } from '../src/nd.ts';
import type { NdArray } from '../src/ndarray.ts';
import { alternateWithPython, fastestPerCall, median } from './timing.ts';

const argv = process.argv.slice(2);
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1] || 7);
const SIZES = [1e6, 1e3] as const;
/** Calls per timed run and runs per block, by size. */
const ITERS = (n: number): number => (n >= 1e6 ? 1 : 2000);
const RUNS = 7;

interface Case {
  name: string;
  numpy: string;
  run: (x: { a: NdArray; idx: NdArray; v: NdArray }) => void;
}
const CASES: Case[] = [
  { name: 'take', numpy: 'a[idx]', run: (x) => x.a.take(x.idx).dispose() },
  { name: 'take', numpy: 'a.take(idx)', run: (x) => x.a.take(x.idx).dispose() },
  { name: 'put', numpy: 'np.put(a, idx, v)', run: (x) => void x.a.put(x.idx, x.v) },
  { name: "take mode 'clip'", numpy: "a.take(idx, mode='clip')", run: (x) => x.a.take(x.idx, null, { mode: 'clip' }).dispose() },
];

function inputs(n: number): { a: NdArray; idx: NdArray; v: NdArray } {
  const g = nd.rng(1);
  return { a: g.random(n), idx: g.integers(0, n, n), v: g.random(n) };
}

function nodeBlock(): number[][] {
  return SIZES.map((n) => {
    const x = inputs(n);
    try {
      return CASES.map((c) => fastestPerCall(() => c.run(x), ITERS(n), RUNS));
    } finally {
      for (const y of Object.values(x)) y.dispose();
    }
  });
}

const PY = `
import json, sys, timeit
import numpy as np
sizes, stmts, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
out = []
for n in sizes:
    g = np.random.default_rng(1)
    env = {'np': np, 'a': g.random(n), 'idx': g.integers(0, n, n), 'v': g.random(n)}
    iters = 1 if n >= 10**6 else 2000
    out.append([min(timeit.repeat(s, number=iters, repeat=runs, globals=env)) / iters * 1e3 for s in stmts])
print(json.dumps(out))
`;

const sides = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(SIZES), JSON.stringify(CASES.map((c) => c.numpy)), String(RUNS)]);
settings.wasm = false;
const js = nodeBlock();
settings.wasm = true;

const rows: Record<string, string>[] = [];
SIZES.forEach((n, s) => {
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`;
  CASES.forEach((c, k) => {
    const mine = sides.nodeRuns.map((r) => r[s]![k]!);
    const theirs = sides.pyRuns.map((r) => r[s]![k]!);
    const ratios = theirs.map((t, r) => mine[r]! / t);
    rows.push({
      case: `${c.name} ${label} (NumPy ${c.numpy})`,
      'ndvec ms': median(mine).toFixed(4),
      'ndvec JS ms': js[s]![k]!.toFixed(4),
      'NumPy ms': theirs.length ? median(theirs).toFixed(4) : 'n/a',
      'ndvec/NumPy': theirs.length ? (median(mine) / median(theirs)).toFixed(2) : 'n/a',
      'per-round ratios': ratios.length ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : 'n/a',
    });
  });
});
console.table(rows);
console.log(`${ROUNDS} alternating rounds, medians; Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 16)} UTC`);

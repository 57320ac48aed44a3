/**
 * nd.rng against NumPy's default_rng on this machine, side by side in one run:
 * `rng(1).standardNormal(1e6)` (seeding included, as the issue states it), `random`,
 * `exponential`, `integers(0, 1000)` and `normal(2, 3)` of 1e6 from a generator made once.
 * Node and Python blocks alternate (`--rounds`, default 7) so both see the same machine load;
 * each block times every case (fastest of a few runs). The table shows each side's median
 * over the rounds, the ratio of the medians and the range of the per-round ratios
 * (ndvec / NumPy: below 1 is faster). The JS samplers (WASM off) are timed once at the end.
 *
 *     node --import tsx scripts/random-timing.ts [--rounds 7]
 * @module
 */
import os from 'node:os';
import { settings } from '../src/config.ts';
import { nd } from '../src/nd.ts';
import type { NdArray } from '../src/ndarray.ts';
import { alternateWithPython, fastestPerCall, median } from './timing.ts';

const argv = process.argv.slice(2);
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1] || 7);
const RUNS = 7;
const N = 1e6;
const rng = nd.rng;
const g = rng(1);
const CASES: [string, () => NdArray, string][] = [
  ['standardNormal(1e6), seeding included', () => rng(1).standardNormal(N), 'np.random.default_rng(1).standard_normal(10**6)'],
  ['random(1e6)', () => g.random(N), 'g.random(10**6)'],
  ['exponential(1, 1e6)', () => g.exponential(1, N), 'g.exponential(1.0, 10**6)'],
  ['integers(0, 1000, 1e6)', () => g.integers(0, 1000, N), 'g.integers(0, 1000, 10**6)'],
  ['normal(2, 3, 1e6)', () => g.normal(2, 3, N), 'g.normal(2.0, 3.0, 10**6)'],
];

function nodeBlock(): number[][] {
  return [CASES.map(([, fn]) => fastestPerCall(() => fn().dispose(), 1, RUNS))];
}

const PY = `
import json, sys, timeit
import numpy as np
stmts, runs = json.loads(sys.argv[1]), int(sys.argv[2])
g = np.random.default_rng(1)
print(json.dumps([[min(timeit.repeat(s, number=1, repeat=runs, globals={'np': np, 'g': g})) * 1e3 for s in stmts]]))
`;

const sides = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(CASES.map((c) => c[2])), String(RUNS)]);
settings.wasm = false;
const js = nodeBlock()[0]!;
settings.wasm = true;

const rows = CASES.map(([name, , expr], k) => {
  const mine = sides.nodeRuns.map((r) => r[0]![k]!);
  const theirs = sides.pyRuns.map((r) => r[0]![k]!);
  const ratios = theirs.map((t, r) => mine[r]! / t);
  return {
    case: name,
    NumPy: expr,
    'ndvec ms': median(mine).toFixed(2),
    'ndvec JS ms': js[k]!.toFixed(2),
    'NumPy ms': theirs.length ? median(theirs).toFixed(2) : 'n/a',
    'ndvec/NumPy': theirs.length ? (median(mine) / median(theirs)).toFixed(2) : 'n/a',
    'per-round ratios': ratios.length ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : 'n/a',
  };
});
console.table(rows);
console.log(`${ROUNDS} alternating rounds, medians; Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 16)} UTC`);

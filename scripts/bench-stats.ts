/**
 * Side-by-side timing of the statistics functions of issue 14 against NumPy: histogram
 * (10 and 100 uniform bins), bincount, digitize, nanstd, nanargmax, countNonzero, at 1K and
 * 1M float64 elements, alternating Node and Python rounds (scripts/timing.ts) so both see the
 * same machine load; prints a markdown table of medians (µs per call) and ratios.
 *
 *     node --import tsx scripts/bench-stats.ts [--rounds 5] [--wasm off]
 *
 * The data: `a` standard normal with 10% NaN for the nan-functions (`x` the same without
 * NaN for histogram/digitize), `k` integers in [0, 100) (float64 in ndvec, int64 in NumPy,
 * since NumPy's bincount refuses floats).
 * @module
 */
import { alternateWithPython, fastestPerCall, median } from './timing.ts';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { nd, type NdArray } from '../src/index.js';

const SIZES = [1000, 1_000_000] as const;
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ROUNDS = Number(flag('--rounds') ?? 5);
const RUNS = 5;
if (flag('--wasm') === 'off') nd.config({ wasm: false });

interface Inputs {
  a: NdArray;
  x: NdArray;
  k: NdArray;
  edges: NdArray;
}

/** name, ndvec work (frees what it makes), NumPy statement. */
const OPS: [string, (v: Inputs) => unknown, string][] = [
  ['histogram 10 bins', (v) => {
    const h = nd.histogram(v.x, 10);
    h.hist.dispose();
    h.binEdges.dispose();
  }, 'np.histogram(x, 10)'],
  ['histogram 100 bins', (v) => {
    const h = nd.histogram(v.x, 100);
    h.hist.dispose();
    h.binEdges.dispose();
  }, 'np.histogram(x, 100)'],
  ['bincount', (v) => nd.bincount(v.k).dispose(), 'np.bincount(k)'],
  ['digitize (16 edges)', (v) => nd.digitize(v.x, v.edges).dispose(), 'np.digitize(x, edges)'],
  ['nanstd', (v) => v.a.nanstd(), 'np.nanstd(a)'],
  ['nanargmax', (v) => v.a.nanargmax(), 'np.nanargmax(a)'],
  ['countNonzero', (v) => nd.countNonzero(v.a), 'np.count_nonzero(a)'],
];

function itersFor(n: number): number {
  return Math.max(1, Math.round(2e6 / (n * 2 + 2000)));
}

function nodeBlock(): number[][] {
  const times: number[][] = [];
  for (const n of SIZES) {
    const x = nd.rng(1).standardNormal(n);
    const a = x.copy();
    a.setWhere(nd.random([n], 5).lt(0.1), NaN);
    const v: Inputs = { a, x, k: nd.random([n], 3).mul(100).floor(), edges: nd.linspace(-3, 3, 16) };
    const row: number[] = [];
    for (const [, fn] of OPS) {
      const iters = itersFor(n);
      for (let i = 0; i < iters; i++) fn(v);
      row.push(fastestPerCall(() => fn(v), iters, RUNS) * 1000);
    }
    for (const arr of Object.values(v)) arr.dispose();
    times.push(row);
  }
  return times;
}

const PY = `
import sys, json, time, math
import numpy as np
ops = json.loads(sys.argv[1]); sizes = json.loads(sys.argv[2]); runs = int(sys.argv[3])
out = []
for n in sizes:
    x = np.random.default_rng(1).standard_normal(n)
    a = x.copy(); a[np.random.default_rng(5).random(n) < 0.1] = np.nan
    env = {'np': np, 'a': a, 'x': x, 'k': np.floor(np.random.default_rng(3).random(n) * 100).astype(np.int64),
           'edges': np.linspace(-3, 3, 16)}
    iters = max(1, round(2e6 / (n * 2 + 2000)))
    row = []
    for stmt in ops:
        code = compile(stmt, '<op>', 'eval')
        for _ in range(iters): eval(code, env)
        best = math.inf
        for _ in range(runs):
            t0 = time.perf_counter()
            for _ in range(iters): eval(code, env)
            best = min(best, (time.perf_counter() - t0) / iters)
        row.append(best * 1e6)
    out.append(row)
print(json.dumps(out))
`;

const { nodeRuns, pyRuns, skipped } = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(OPS.map((o) => o[2])), JSON.stringify(SIZES), String(RUNS)]);
const npVersion = skipped === undefined ? spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).stdout.trim() : '';
console.log(
  `ndvec (wasm ${nd.config().wasm ? 'on' : 'off'}) vs NumPy ${npVersion || '(absent)'} · Node ${process.version} · ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}` +
    ` · ${new Date().toISOString().slice(0, 10)} · median of ${ROUNDS} alternating rounds · µs per call`,
);
const fmt = (t: number): string => (t < 10 ? t.toFixed(2) : t < 100 ? t.toFixed(1) : t.toFixed(0));
const header = ['op', ...SIZES.flatMap((n) => {
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`;
  return skipped === undefined ? [`ndvec ${label}`, `NumPy ${label}`, `ratio ${label}`] : [`ndvec ${label}`];
})];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
OPS.forEach(([name], k) => {
  const cells = [name];
  SIZES.forEach((_, s) => {
    const mine = median(nodeRuns.map((t) => t[s]![k]!));
    cells.push(fmt(mine));
    if (skipped === undefined) {
      const theirs = median(pyRuns.map((t) => t[s]![k]!));
      cells.push(fmt(theirs), `${(mine / theirs).toFixed(2)}×`);
    }
  });
  console.log(`| ${cells.join(' | ')} |`);
});

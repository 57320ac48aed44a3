/**
 * Side-by-side timing of ndvec and NumPy on the kernels of issue 10 (`npm run bench:numpy`).
 *
 * The same data on both sides (`nd.rng(1).standardNormal(n)` is NumPy's
 * `default_rng(1).standard_normal(n)` bit for bit). Node and Python blocks alternate, `ROUNDS`
 * times; each block times every op at 1K and 1M (fastest run of a few, mean per call), and the
 * table shows the median over the rounds of each side and their ratio ndvec / NumPy.
 * Without python3 + numpy it prints one line and the ndvec column alone.
 *
 * Options: `--rounds N` (default 3), `--only name,name` (ops whose name contains any of them).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { alternateWithPython, commandLine, fastestPerCall, median } from './timing.ts';
import * as os from 'node:os';
import { nd, type NdArray } from '../src/index.js';

const SIZES = [1000, 1_000_000] as const;
const { rounds: ROUNDS, only: ONLY } = commandLine();

interface Inputs {
  a: NdArray;
  b: NdArray;
  p: NdArray;
  m: NdArray;
}

/** name, ndvec work (frees what it makes), NumPy statement over a, b, p (positive), m (2-D). */
const OPS: [string, (x: Inputs) => unknown, string][] = [
  ['log', (x) => x.p.log().dispose(), 'np.log(p)'],
  ['tanh', (x) => x.a.tanh().dispose(), 'np.tanh(a)'],
  ['exp', (x) => x.a.exp().dispose(), 'np.exp(a)'],
  ['min', (x) => x.a.min(), 'a.min()'],
  ['max', (x) => x.a.max(), 'a.max()'],
  ['argmin', (x) => x.a.argmin(), 'a.argmin()'],
  ['argmax', (x) => x.a.argmax(), 'a.argmax()'],
  ['min(axis 0) (square)', (x) => x.m.min(0).dispose(), 'm.min(0)'],
  ['max(axis 1) (square)', (x) => x.m.max(1).dispose(), 'm.max(1)'],
  ['argmax(axis 1) (square)', (x) => x.m.argmax(1).dispose(), 'm.argmax(1)'],
  ['clip(-1,1)', (x) => x.a.clip(-1, 1).dispose(), 'np.clip(a, -1, 1)'],
  ['abs', (x) => x.a.abs().dispose(), 'np.abs(a)'],
  ['T.copy() (square)', (x) => x.m.T.copy().dispose(), 'm.T.copy()'],
  ["slice('::2').copy()", (x) => x.a.slice('::2').copy().dispose(), 'a[::2].copy()'],
  ['concat([a,b])', (x) => nd.concat([x.a, x.b]).dispose(), 'np.concatenate([a, b])'],
  ['a > 0', (x) => x.a.gt(0).dispose(), 'a > 0'],
  ['pow(2)', (x) => x.a.pow(2).dispose(), 'a ** 2'],
];
const ops = OPS.filter(([name]) => !ONLY || ONLY.some((o) => name.includes(o)));

/** Calls per run so that one run lasts about 2 ms (at least 1). */
const itersFor = (n: number): number => Math.max(1, Math.round(2e6 / (n * 2 + 2000)));
const RUNS = 7;

function nodeBlock(): number[][] {
  const times: number[][] = [];
  for (const n of SIZES) {
    const side = Math.round(Math.sqrt(n));
    const x: Inputs = {
      a: nd.rng(1).standardNormal(n),
      b: nd.rng(3).standardNormal(n),
      p: nd.random([n], 2).add(0.5),
      m: nd.rng(4).standardNormal([side, side]),
    };
    const row: number[] = [];
    for (const [, fn] of ops) {
      const iters = itersFor(n);
      for (let i = 0; i < iters; i++) fn(x);
      row.push(fastestPerCall(() => fn(x), iters, RUNS) * 1000);
    }
    for (const v of Object.values(x)) v.dispose();
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
    side = int(round(math.sqrt(n)))
    env = {'np': np, 'a': np.random.default_rng(1).standard_normal(n),
           'b': np.random.default_rng(3).standard_normal(n),
           'p': np.random.default_rng(2).random(n) + 0.5,
           'm': np.random.default_rng(4).standard_normal((side, side))}
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

const { nodeRuns, pyRuns, skipped } = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(ops.map((o) => o[2])), JSON.stringify(SIZES), String(RUNS)]);
let npVersion = '';
if (skipped === undefined) {
  const v = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  npVersion = v.stdout.trim();
}
console.log(
  `ndvec vs NumPy ${npVersion || '(absent)'} · Node ${process.version} · ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}` +
    ` · median of ${ROUNDS} alternating rounds · µs per call`,
);
const fmt = (v: number): string => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const header = ['op', ...SIZES.flatMap((n) => {
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`;
  return skipped === undefined ? [`ndvec ${label}`, `NumPy ${label}`, `ratio ${label}`] : [`ndvec ${label}`];
})];
const rows = ops.map(([name], k) => {
  const cells = [name];
  SIZES.forEach((_, s) => {
    const mine = median(nodeRuns.map((t) => t[s][k]));
    cells.push(fmt(mine));
    if (skipped === undefined) {
      const theirs = median(pyRuns.map((t) => t[s][k]));
      cells.push(fmt(theirs), `${(mine / theirs).toFixed(2)}×`);
    }
  });
  return cells;
});
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

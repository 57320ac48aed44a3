/**
 * Side-by-side timing of ndvec and NumPy on the array-building and signal functions
 * (issue 14): `node --import tsx scripts/bench-signal.ts [--rounds N] [--only name,name]`.
 *
 * The same data on both sides: `a = nd.rng(1).standardNormal(1e6)` is NumPy's
 * `default_rng(1).standard_normal(1e6)` bit for bit; kernels and sample points are
 * linspaces. Node and Python blocks alternate `ROUNDS` times (scripts/timing.ts
 * `alternateWithPython`); each block times every row (fastest of a few runs, mean per call)
 * and the table shows the median over the rounds of each side and the ratio ndvec / NumPy
 * (below 1: ndvec faster). Results are disposed inside the timed call, as NumPy frees them.
 * @module
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { alternateWithPython, commandLine, fastestPerCall, median } from './timing.ts';
import { nd, type NdArray } from '../src/index.js';

const { rounds: ROUNDS, only: ONLY } = commandLine();
const N = 1_000_000;

const drop = (r: unknown): void => {
  if (Array.isArray(r)) r.forEach(drop);
  else if (typeof r === 'object' && r !== null && 'dispose' in r) (r as NdArray).dispose();
};

/** The inputs both sides build the same way (Python: the PY_SETUP names). */
interface Env {
  a: NdArray;
  b: NdArray;
  sq: NdArray;
  grid: NdArray;
  k31: NdArray;
  k5: NdArray;
  xp: NdArray;
  fp: NdArray;
  p5: NdArray;
}
function makeEnv(): Env {
  const a = nd.rng(1).standardNormal(N);
  const b = nd.rng(2).standardNormal(N);
  const xp = nd.linspace(-5, 5, 1001);
  return {
    a,
    b,
    sq: a.reshape(1000, 1000),
    grid: nd.linspace(-6, 6, N),
    k31: nd.linspace(-1, 1, 31),
    k5: nd.linspace(-1, 1, 5),
    xp,
    fp: xp.sin(),
    p5: nd.array([0.5, -1.25, 2, 0.75, -3, 1]),
  };
}
const PY_SETUP = `
a = np.random.default_rng(1).standard_normal(${N}); b = np.random.default_rng(2).standard_normal(${N})
sq = a.reshape(1000, 1000); grid = np.linspace(-6, 6, ${N}); k31 = np.linspace(-1, 1, 31); k5 = np.linspace(-1, 1, 5)
xp = np.linspace(-5, 5, 1001); fp = np.sin(xp); p5 = np.array([0.5, -1.25, 2, 0.75, -3, 1])
`;

/** name, ndvec work, NumPy statement. */
const ROWS: [string, (e: Env) => unknown, string][] = [
  ['convolve 1M × 31', (e) => nd.convolve(e.a, e.k31), 'np.convolve(a, k31)'],
  ['convolve 1M × 31 same', (e) => nd.convolve(e.a, e.k31, 'same'), "np.convolve(a, k31, 'same')"],
  ['convolve 1M × 5', (e) => nd.convolve(e.a, e.k5), 'np.convolve(a, k5)'],
  ['correlate 1M × 31 valid', (e) => nd.correlate(e.a, e.k31), 'np.correlate(a, k31)'],
  ['interp 1M random x (1001 points)', (e) => nd.interp(e.a, e.xp, e.fp), 'np.interp(a, xp, fp)'],
  ['interp 1M grid x (1001 points)', (e) => nd.interp(e.grid, e.xp, e.fp), 'np.interp(grid, xp, fp)'],
  ['pad 1000² by 3 constant', (e) => nd.pad(e.sq, 3), 'np.pad(sq, 3)'],
  ['pad 1000² by 3 reflect', (e) => nd.pad(e.sq, 3, 'reflect'), "np.pad(sq, 3, 'reflect')"],
  ['pad 1000² by 3 edge', (e) => nd.pad(e.sq, 3, 'edge'), "np.pad(sq, 3, 'edge')"],
  ['roll 1M', (e) => e.a.roll(12345), 'np.roll(a, 12345)'],
  ['roll 1000² axis 1', (e) => e.sq.roll(17, 1), 'np.roll(sq, 17, 1)'],
  ['polyval 1M (degree 5)', (e) => nd.polyval(e.p5, e.a), 'np.polyval(p5, a)'],
  ['floorDivide 1M', (e) => e.a.floorDivide(e.b), 'np.floor_divide(a, b)'],
  ['copysign 1M', (e) => e.a.copysign(e.b), 'np.copysign(a, b)'],
  ['trapezoid 1M', (e) => nd.trapezoid(e.a), 'np.trapezoid(a)'],
  ['meshgrid 1000 × 1000', (e) => nd.meshgrid(e.sq.slice(0), e.sq.slice(1)), 'np.meshgrid(sq[0], sq[1])'],
];
const rows = ROWS.filter(([name]) => !ONLY || ONLY.some((o) => name.includes(o)));
const RUNS = 5;
const ITERS = 3;

function nodeBlock(): number[][] {
  const env = makeEnv();
  const times: number[] = [];
  for (const [, fn] of rows) {
    drop(fn(env));
    times.push(fastestPerCall(() => drop(fn(env)), ITERS, RUNS));
  }
  for (const v of Object.values(env)) (v as NdArray).dispose();
  return [times];
}

const PY = `
import sys, json, time, math
import numpy as np
${PY_SETUP}
stmts = json.loads(sys.argv[1]); runs = int(sys.argv[2]); iters = int(sys.argv[3])
env = dict(globals())
row = []
for stmt in stmts:
    code = compile(stmt, '<op>', 'eval')
    eval(code, env)
    best = math.inf
    for _ in range(runs):
        t0 = time.perf_counter()
        for _ in range(iters): eval(code, env)
        best = min(best, (time.perf_counter() - t0) / iters)
    row.append(best * 1e3)
print(json.dumps([row]))
`;

const { nodeRuns, pyRuns, skipped } = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(rows.map((r) => r[2])), String(RUNS), String(ITERS)]);
let npVersion = '';
if (skipped === undefined) npVersion = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `${new Date().toISOString().slice(0, 10)} · ndvec vs NumPy ${npVersion || '(absent)'} · Node ${process.version} · ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}` +
    ` · median of ${ROUNDS} alternating rounds · ms per call`,
);
const fmt = (v: number): string => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));
const header = skipped === undefined ? ['op', 'ndvec ms', 'NumPy ms', 'ndvec / NumPy'] : ['op', 'ndvec ms'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
rows.forEach(([name, , stmt], k) => {
  const mine = median(nodeRuns.map((t) => t[0]![k]!));
  const cells = [`${name} (\`${stmt}\`)`, fmt(mine)];
  if (skipped === undefined) {
    const theirs = median(pyRuns.map((t) => t[0]![k]!));
    cells.push(fmt(theirs), `${(mine / theirs).toFixed(2)}×`);
  }
  console.log(`| ${cells.join(' | ')} |`);
});

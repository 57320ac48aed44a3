/**
 * Side-by-side timing of ndvec and NumPy on selection and sorting (issue 14):
 * `node --import tsx scripts/bench-selection.ts [--rounds N] [--only name,name]`.
 *
 * The same data on both sides (`nd.rng(1).standardNormal(n)` is NumPy's
 * `default_rng(1).standard_normal(n)` bit for bit). Node and Python blocks alternate `ROUNDS`
 * times (scripts/timing.ts `alternateWithPython`); each block times every op at 1K and 1M
 * (fastest of a few runs, mean per call) and the table shows the median over the rounds of
 * each side and the ratio ndvec / NumPy. Every op works on the same unsorted input each call
 * (sorting and selection copy it first on both sides). Rows whose ndvec function does not
 * exist (an older tree) print as "—".
 * @module
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { alternateWithPython, commandLine, fastestPerCall, median } from './timing.ts';
import { nd, type NdArray } from '../src/index.js';

const SIZES = [1000, 1_000_000] as const;
const { rounds: ROUNDS, only: ONLY } = commandLine();

type Method = (this: NdArray, ...args: unknown[]) => unknown;
const has = (name: string): boolean => typeof (nd.zeros([1]) as unknown as Record<string, unknown>)[name] === 'function';
const call = (a: NdArray, name: string, ...args: unknown[]): unknown =>
  ((a as unknown as Record<string, Method>)[name]!).apply(a, args);
const drop = (r: unknown): void => {
  if (typeof r === 'object' && r !== null && 'dispose' in r) (r as NdArray).dispose();
};

/** name, the method it needs, ndvec work on `a` of `n` elements, NumPy statement over a, n. */
const OPS: [string, string, (a: NdArray, n: number) => unknown, string][] = [
  ['median', 'median', (a) => drop(a.median()), 'np.median(a)'],
  ['quantile(0.25)', 'quantile', (a) => drop(a.quantile(0.25)), 'np.quantile(a, 0.25)'],
  ['quantile([.1,.5,.9])', 'quantile', (a) => drop(a.quantile([0.1, 0.5, 0.9])), 'np.quantile(a, [0.1, 0.5, 0.9])'],
  ['nanmedian', 'nanmedian', (a) => drop(call(a, 'nanmedian')), 'np.nanmedian(a)'],
  ['partition(n/2)', 'partition', (a, n) => drop(call(a, 'partition', n >> 1)), 'np.partition(a, n // 2)'],
  ['argpartition(n/2)', 'argpartition', (a, n) => drop(call(a, 'argpartition', n >> 1)), 'np.argpartition(a, n // 2)'],
  ['sort', 'sort', (a) => drop(a.sort()), 'np.sort(a)'],
  ['argsort', 'argsort', (a) => drop(a.argsort()), 'np.argsort(a)'],
  ["argsort (kind='stable')", 'argsort', (a) => drop(a.argsort()), "np.argsort(a, kind='stable')"],
];
const ops = OPS.filter(([name]) => !ONLY || ONLY.some((o) => name.includes(o)));

/** Calls per run so that one run lasts a few ms (at least 1). */
const itersFor = (n: number): number => Math.max(1, Math.round(2e5 / (n + 200)));
const RUNS = 5;

function nodeBlock(): number[][] {
  const times: number[][] = [];
  for (const n of SIZES) {
    const a = nd.rng(1).standardNormal(n);
    const row: number[] = [];
    for (const [, method, fn] of ops) {
      if (!has(method)) {
        row.push(NaN);
        continue;
      }
      const iters = itersFor(n);
      for (let i = 0; i < iters; i++) fn(a, n);
      row.push(fastestPerCall(() => fn(a, n), iters, RUNS) * 1000);
    }
    a.dispose();
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
    env = {'np': np, 'n': n, 'a': np.random.default_rng(1).standard_normal(n)}
    iters = max(1, round(2e5 / (n + 200)))
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

const { nodeRuns, pyRuns, skipped } = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(ops.map((o) => o[3])), JSON.stringify(SIZES), String(RUNS)]);
let npVersion = '';
if (skipped === undefined) {
  const v = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  npVersion = v.stdout.trim();
}
console.log(
  `${new Date().toISOString().slice(0, 10)} · ndvec vs NumPy ${npVersion || '(absent)'} · Node ${process.version} · ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}` +
    ` · median of ${ROUNDS} alternating rounds · µs per call`,
);
const fmt = (v: number): string => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const header = ['op', ...SIZES.flatMap((n) => {
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`;
  return skipped === undefined ? [`ndvec ${label}`, `NumPy ${label}`, `ratio ${label}`] : [`ndvec ${label}`];
})];
const rows = ops.map(([name, , , stmt], k) => {
  const cells = [`${name} (\`${stmt}\`)`];
  SIZES.forEach((_, s) => {
    const mine = median(nodeRuns.map((t) => t[s]![k]!));
    cells.push(fmt(mine));
    if (skipped === undefined) {
      const theirs = median(pyRuns.map((t) => t[s]![k]!));
      cells.push(fmt(theirs), Number.isNaN(mine) ? '—' : `${(mine / theirs).toFixed(2)}×`);
    }
  });
  return cells;
});
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

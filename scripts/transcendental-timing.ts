/**
 * ns per element of the transcendental kernels at 1K and 1M, ndvec (WASM, and JS with
 * `--js`) beside NumPy in the same run (python3 child process; skipped with one line when
 * python3 + numpy is absent). Usage: `node --import tsx scripts/transcendental-timing.ts
 * [--rounds N] [--only log,tanh] [--js]`. Each round times Node then Python; the table shows
 * the median over rounds of the fastest of 7 runs.
 * @module
 */
import { alternateWithPython, commandLine, median } from './timing.ts';
import { nd, type NdArray } from '../src/index.js';

const { argv, rounds: ROUNDS, only: ONLY } = commandLine();
if (argv.includes('--js')) nd.config({ wasm: false });
const SIZES = [1000, 1_000_000];
const RUNS = 7;
type Fn = 'log' | 'log1p' | 'log2' | 'log10' | 'exp' | 'expm1' | 'tanh' | 'sinh' | 'cosh';
/** name and input: p = uniform [0.5, 2.5), a = standard normal (same bits on both sides). */
const FNS: [Fn, 'p' | 'a'][] = [
  ['log', 'p'], ['log1p', 'p'], ['log2', 'p'], ['log10', 'p'],
  ['exp', 'a'], ['expm1', 'a'], ['tanh', 'a'], ['sinh', 'a'], ['cosh', 'a'],
];
const fns = FNS.filter(([f]) => !ONLY || ONLY.includes(f));
const itersFor = (n: number): number => Math.max(1, Math.round(2e6 / (n * 2 + 2000)));

function nodeBlock(): number[][] {
  return SIZES.map((n) => {
    const inputs: Record<'p' | 'a', NdArray> = {
      a: nd.rng(1).standardNormal(n),
      p: nd.random([n], 2).add(0.5),
    };
    const row = fns.map(([f, which]) => {
      const x = inputs[which];
      const iters = itersFor(n);
      for (let i = 0; i < iters; i++) x[f]().dispose();
      let best = Infinity;
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        for (let i = 0; i < iters; i++) x[f]().dispose();
        best = Math.min(best, (performance.now() - t0) / iters);
      }
      return (best * 1e6) / n;
    });
    inputs.a.dispose();
    inputs.p.dispose();
    return row;
  });
}

const PY = `
import sys, json, time, math
import numpy as np
fns = json.loads(sys.argv[1]); sizes = json.loads(sys.argv[2]); runs = int(sys.argv[3])
out = []
for n in sizes:
    env = {'a': np.random.default_rng(1).standard_normal(n), 'p': np.random.default_rng(2).random(n) + 0.5}
    iters = max(1, round(2e6 / (n * 2 + 2000)))
    row = []
    for f, which in fns:
        fn = getattr(np, f); x = env[which]
        for _ in range(iters): fn(x)
        best = math.inf
        for _ in range(runs):
            t0 = time.perf_counter()
            for _ in range(iters): fn(x)
            best = min(best, (time.perf_counter() - t0) / iters)
        row.append(best * 1e9 / n)
    out.append(row)
print(json.dumps(out))
`;

const { nodeRuns, pyRuns, skipped } = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(fns), JSON.stringify(SIZES), String(RUNS)]);
const cell = (runs: number[][][], s: number, f: number): number => median(runs.map((t) => t[s][f]));
console.log(`ns/element (${argv.includes('--js') ? 'JS' : 'WASM'} backend), median of ${ROUNDS} rounds`);
console.log('fn       ndvec 1K  numpy 1K  ratio   ndvec 1M  numpy 1M  ratio');
fns.forEach(([f], i) => {
  const parts = [f.padEnd(7)];
  SIZES.forEach((_, s) => {
    const a = cell(nodeRuns, s, i);
    parts.push(a.toFixed(2).padStart(9));
    if (pyRuns.length) {
      const b = cell(pyRuns, s, i);
      parts.push(b.toFixed(2).padStart(9), `${(a / b).toFixed(2)}×`.padStart(7));
    }
  });
  console.log(parts.join(' '));
});

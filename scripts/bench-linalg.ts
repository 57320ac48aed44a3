/**
 * Side-by-side timing of `nd.linalg` and NumPy's `numpy.linalg` (LAPACK):
 * `npx tsx scripts/bench-linalg.ts` (options `--rounds N`, default 3; `--only name,name`).
 *
 * The same data on both sides: every input is `nd.rng(seed).standardNormal(shape)`, which is
 * NumPy's `default_rng(seed).standard_normal(shape)` bit for bit (`spd` inputs add
 * `n·I` to `a·aᵀ` on both sides). Node and Python blocks alternate, `ROUNDS` times, so both
 * see the same machine load; each block times every row (fastest of a few runs, mean per
 * call) and the table shows each side's median over the rounds and the ratio ndvec / NumPy.
 * ndvec runs on one thread; NumPy's BLAS may use several: run with `OPENBLAS_NUM_THREADS=1`
 * (or `OMP_NUM_THREADS=1`) for a one-thread anchor.
 *
 * To add a row: one entry in ROWS (name, inputs, the ndvec call, the NumPy statement).
 * @module
 */
import { alternateWithPython, commandLine, fastestPerCall, median } from './timing.ts';
import { nd, type NdArray } from '../src/index.js';

const { rounds: ROUNDS, only: ONLY } = commandLine();

/** An input: `standardNormal(shape)` of generator `seed`; `spd` makes a·aᵀ + n·I (square). */
interface InputSpec {
  seed: number;
  shape: number[];
  spd?: boolean;
}

/** One benchmark row. */
interface Row {
  /** Name shown in the table (stable). */
  name: string;
  /** Inputs by name (the NumPy statement sees the same names). */
  inputs: Record<string, InputSpec>;
  /** The ndvec work; must free what it makes. */
  run: (x: Record<string, NdArray>) => void;
  /** The NumPy statement (numpy as np). */
  py: string;
}

/** Frees an NdArray, or every NdArray in a list; numbers pass. */
function free(r: unknown): void {
  if (Array.isArray(r)) for (const x of r) free(x);
  else if (r !== null && typeof r === 'object' && 'dispose' in r) (r as NdArray).dispose();
}

/** `nd.linalg` by name (rows may name functions another file adds later). */
const linalg = nd.linalg as unknown as Record<string, (...args: unknown[]) => unknown>;

const ROWS: Row[] = [
  { name: 'solve 500² · 500', inputs: { a: { seed: 1, shape: [500, 500] }, b: { seed: 2, shape: [500] } }, run: (x) => free(linalg.solve!(x.a!, x.b!)), py: 'np.linalg.solve(a, b)' },
  { name: 'solve 500² · 500²', inputs: { a: { seed: 1, shape: [500, 500] }, b: { seed: 2, shape: [500, 500] } }, run: (x) => free(linalg.solve!(x.a!, x.b!)), py: 'np.linalg.solve(a, b)' },
  { name: 'inv 500²', inputs: { a: { seed: 1, shape: [500, 500] } }, run: (x) => free(linalg.inv!(x.a!)), py: 'np.linalg.inv(a)' },
  { name: 'det 500²', inputs: { a: { seed: 1, shape: [500, 500] } }, run: (x) => free(linalg.det!(x.a!)), py: 'np.linalg.det(a)' },
  { name: 'cholesky 500²', inputs: { a: { seed: 1, shape: [500, 500], spd: true } }, run: (x) => free(linalg.cholesky!(x.a!)), py: 'np.linalg.cholesky(a)' },
  { name: 'solve 50² · 50', inputs: { a: { seed: 1, shape: [50, 50] }, b: { seed: 2, shape: [50] } }, run: (x) => free(linalg.solve!(x.a!, x.b!)), py: 'np.linalg.solve(a, b)' },
  { name: 'inv 1000 × 4²', inputs: { a: { seed: 1, shape: [1000, 4, 4] } }, run: (x) => free(linalg.inv!(x.a!)), py: 'np.linalg.inv(a)' },
  { name: "norm 1000² 'fro'", inputs: { a: { seed: 1, shape: [1000, 1000] } }, run: (x) => free(linalg.norm!(x.a!, 'fro')), py: "np.linalg.norm(a, 'fro')" },
  // Orthogonal decompositions (src/linalg/{qr,svd,eigh,lstsq}.ts).
  { name: 'svd 200²', inputs: { a: { seed: 1, shape: [200, 200] } }, run: (x) => free(linalg.svd!(x.a!)), py: 'np.linalg.svd(a)' },
  { name: 'svd 200² values only', inputs: { a: { seed: 1, shape: [200, 200] } }, run: (x) => free(linalg.svd!(x.a!, { computeUv: false })), py: 'np.linalg.svd(a, compute_uv=False)' },
  { name: 'svd 500×50', inputs: { a: { seed: 1, shape: [500, 50] } }, run: (x) => free(linalg.svd!(x.a!, { fullMatrices: false })), py: 'np.linalg.svd(a, full_matrices=False)' },
  { name: 'qr 200²', inputs: { a: { seed: 1, shape: [200, 200] } }, run: (x) => free(linalg.qr!(x.a!)), py: 'np.linalg.qr(a)' },
  { name: 'eigh 200²', inputs: { a: { seed: 1, shape: [200, 200], spd: true } }, run: (x) => free(linalg.eigh!(x.a!)), py: 'np.linalg.eigh(a)' },
  { name: 'eigvalsh 200²', inputs: { a: { seed: 1, shape: [200, 200], spd: true } }, run: (x) => free(linalg.eigvalsh!(x.a!)), py: 'np.linalg.eigvalsh(a)' },
  { name: 'lstsq 500×50 · 500', inputs: { a: { seed: 1, shape: [500, 50] }, b: { seed: 2, shape: [500] } }, run: (x) => free(linalg.lstsq!(x.a!, x.b!)), py: 'np.linalg.lstsq(a, b)' },
  { name: 'pinv 200²', inputs: { a: { seed: 1, shape: [200, 200] } }, run: (x) => free(linalg.pinv!(x.a!)), py: 'np.linalg.pinv(a)' },
];
const rows = ROWS.filter((r) => !ONLY || ONLY.some((o) => r.name.includes(o)));

/** The ndvec inputs of a row. */
function makeInputs(row: Row): Record<string, NdArray> {
  const out: Record<string, NdArray> = {};
  for (const [name, spec] of Object.entries(row.inputs)) {
    const g = nd.rng(spec.seed).standardNormal(spec.shape);
    if (spec.spd) {
      const n = spec.shape[0]!;
      const aat = g.dot(g.T) as NdArray;
      const eye = nd.eye(n).mul(n);
      out[name] = aat.add(eye);
      for (const t of [g, aat, eye]) t.dispose();
    } else out[name] = g;
  }
  return out;
}

/** Calls a run so that one run lasts about 50 ms (at least 1), from a first timed call. */
function itersFor(once: number): number {
  return Math.max(1, Math.min(1000, Math.round(50 / Math.max(once, 1e-3))));
}
const RUNS = 5;

function nodeBlock(): number[][] {
  const row: number[] = [];
  for (const r of rows) {
    const x = makeInputs(r);
    const t0 = performance.now();
    r.run(x);
    const iters = itersFor(performance.now() - t0);
    row.push(fastestPerCall(() => r.run(x), iters, RUNS));
    for (const v of Object.values(x)) v.dispose();
  }
  return [row];
}

const PY = `
import json, sys, time
import numpy as np
rows = json.loads(sys.argv[1])
out = []
for inputs, stmt in rows:
    env = {'np': np}
    for name, spec in inputs.items():
        g = np.random.default_rng(spec['seed']).standard_normal(spec['shape'])
        if spec.get('spd'):
            n = spec['shape'][0]
            g = g @ g.T + n * np.eye(n)
        env[name] = g
    code = compile(stmt, '<row>', 'eval')
    t0 = time.perf_counter(); eval(code, env); once = (time.perf_counter() - t0) * 1e3
    iters = max(1, min(1000, round(50 / max(once, 1e-3))))
    best = float('inf')
    for _ in range(${RUNS}):
        t1 = time.perf_counter()
        for _ in range(iters): eval(code, env)
        best = min(best, (time.perf_counter() - t1) * 1e3 / iters)
    out.append(best)
print(json.dumps([out]))
`;

const side = alternateWithPython(ROUNDS, nodeBlock, PY, [JSON.stringify(rows.map((r) => [r.inputs, r.py]))]);
const fmt = (ms: number): string => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
console.log(`nd.linalg vs numpy.linalg, median of ${ROUNDS} rounds (wasm: ${nd.info().wasm})`);
console.log('| case | ndvec | NumPy | ndvec / NumPy |');
console.log('|---|---:|---:|---:|');
rows.forEach((r, i) => {
  const mine = median(side.nodeRuns.map((t) => t[0]![i]!));
  const theirs = side.pyRuns.length > 0 ? median(side.pyRuns.map((t) => t[0]![i]!)) : NaN;
  console.log(`| ${r.name} | ${fmt(mine)} | ${Number.isNaN(theirs) ? '—' : fmt(theirs)} | ${Number.isNaN(theirs) ? '—' : (mine / theirs).toFixed(2)} |`);
});

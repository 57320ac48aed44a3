/**
 * Undisposed loops of the matmul and reduction families against their disposed loops: past
 * the arena's soft limit results are JS-backed, and the ops must keep running the WASM
 * kernels by staging through scratch (src/ops/reduce-wasm.ts), so the undisposed loop stays
 * within 2× of the disposed one (issue 8).
 *
 *     node --import tsx scripts/no-dispose-families.ts [--iterations N] [--soft-limit MiB]
 *
 * Each (case, mode) runs in its own child process. The inputs are made first, then the soft
 * limit is lowered (default 4 MiB; 16 MiB for the 1000×1000 cases, whose input is 8 MB; 64 MiB
 * for the 1M cases, whose disposed loops hold 8 MB arrays) so the steady state (every result JS-backed) comes after
 * a few hundred iterations rather than tens of thousands; the undisposed figure is the mean
 * ms/iteration of the last fifth of the run, the disposed one of the whole run. Cases:
 *
 * - `dot 200×200`: `a.dot(b)` (320 KB results);
 * - `sum(0)`, `mean(1)`, `var(0)`, `argmax(1)` of 1000×1000 (8 KB results, input in the arena);
 * - `sum()`, `mean()`, `var()`, `argmax()` of `x = a.mul(1.5)`, 1M (x is an 8 MB result:
 *   JS-backed past the limit, so the reduction reads JS-backed input; the disposed loop
 *   disposes x), and `x=a*1.5` alone: the element-wise part of those loops;
 * - `sum()`, `mean()`, `var()`, `argmax()` of a 1M array made JS-backed (the "undisposed"
 *   column) against the same array in the arena (the "disposed" column): staging alone.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nd, type NdArray } from '../src/index.ts';
import { stagedReduceCalls } from '../src/ops/reduce-wasm.ts';

type Step = (keep: (r: unknown) => void) => void;

/** The measured reductions, over all axes (`axis` omitted) or one. */
const REDUCE: Record<'sum' | 'mean' | 'var' | 'argmax', (a: NdArray, axis?: number) => unknown> = {
  sum: (a, axis) => (axis === undefined ? a.sum() : a.sum(axis)),
  mean: (a, axis) => (axis === undefined ? a.mean() : a.mean(axis)),
  var: (a, axis) => (axis === undefined ? a.var() : a.var(axis)),
  argmax: (a, axis) => (axis === undefined ? a.argmax() : a.argmax(axis)),
};

/**
 * Builds a case's inputs (before the soft limit is lowered, so they are in the arena; with
 * `jsBacked`, as JS-backed arrays, the state of the inputs of an undisposed program), then
 * returns one iteration, which hands every array it makes to `keep`.
 */
const CASES: Record<string, (jsBacked: boolean) => Step> = {
  'dot 200×200': () => {
    const a = nd.random([200, 200], { seed: 1 });
    const b = nd.random([200, 200], { seed: 2 });
    return (keep) => keep(a.dot(b));
  },
  ...Object.fromEntries(
    (['sum(0)', 'mean(1)', 'var(0)', 'argmax(1)'] as const).map((op) => [
      `${op} 1000×1000`,
      () => {
        const a = nd.random([1000, 1000], { seed: 3 });
        const axis = Number(op.slice(-2, -1));
        const name = op.slice(0, -3) as 'sum' | 'mean' | 'var' | 'argmax';
        return (keep: (r: unknown) => void) => keep(REDUCE[name](a, axis));
      },
    ]),
  ),
  'x=a*1.5 alone 1M': () => {
    const a = nd.random([1_000_000], { seed: 7 });
    return (keep) => keep(a.mul(1.5));
  },
  ...Object.fromEntries(
    (['sum', 'mean', 'var', 'argmax'] as const).map((name) => [
      `x=a*1.5; x.${name}() 1M`,
      () => {
        const a = nd.random([1_000_000], { seed: 7 });
        return (keep: (r: unknown) => void) => {
          const x = a.mul(1.5);
          keep(REDUCE[name](x));
          keep(x);
        };
      },
    ]),
  ),
  ...Object.fromEntries(
    (['sum', 'mean', 'var', 'argmax'] as const).map((name) => [
      `${name}() of a JS-backed 1M`,
      (jsBacked: boolean) => {
        if (jsBacked) nd.config({ arenaSoftLimit: 0 });
        const a = nd.random([1_000_000], { seed: 8 });
        nd.config({ arenaSoftLimit: 256 * 1024 * 1024 });
        return (keep: (r: unknown) => void) => keep(REDUCE[name](a));
      },
    ]),
  ),
};

/** One (case, mode) in this process; prints JSON. */
function child(name: string, mode: 'dispose' | 'no-dispose', iterations: number, softLimitMiB: number): void {
  const step = CASES[name]!(mode === 'no-dispose');
  // Above the inputs (8 MB for 1000×1000) and, for 1M, a few 8 MB results, so the disposed
  // loop stays in the arena; results of the undisposed loop pass it after ≤ ~1000 iterations.
  const floor = name.endsWith('1M') ? 64 : name.includes('1000×1000') ? 16 : 0;
  nd.config({ arenaSoftLimit: Math.max(softLimitMiB, floor) * 1024 * 1024 });
  const dropped: unknown[] = []; // the undisposed loop holds at most 4 results
  const keep = mode === 'dispose'
    ? (r: unknown) => {
      if (r !== null && typeof r === 'object' && 'dispose' in r) (r as NdArray).dispose();
    }
    : (r: unknown) => {
      dropped[dropped.length % 4] = r;
    };
  for (let i = 0; i < 20; i++) step(keep); // warm-up
  const staged0 = stagedReduceCalls.reduce + stagedReduceCalls.arg + stagedReduceCalls.matmul;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    step(keep);
    times.push(performance.now() - t0);
  }
  const tail = times.slice(Math.floor(iterations * 0.8));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const staged = stagedReduceCalls.reduce + stagedReduceCalls.arg + stagedReduceCalls.matmul - staged0;
  console.log(JSON.stringify({ all: mean(times), last: mean(tail), staged }));
}

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '2000' },
    'soft-limit': { type: 'string', default: '4' },
    child: { type: 'string' },
    mode: { type: 'string' },
  },
});
const iterations = Number(values.iterations);
const softLimit = Number(values['soft-limit']);
if (values.child !== undefined) {
  child(values.child, values.mode as 'dispose' | 'no-dispose', iterations, softLimit);
} else {
  const script = fileURLToPath(import.meta.url);
  const run = (name: string, mode: string) => JSON.parse(execFileSync(process.execPath, [
    '--import', 'tsx', script, '--child', name, '--mode', mode, '--iterations', String(iterations), '--soft-limit', String(softLimit),
  ], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as { all: number; last: number; staged: number };
  console.log(`${iterations} iterations, soft limit ${softLimit} MiB; ms per iteration`);
  console.log('case                          disposed  undisposed(last 20%)  ratio  staged calls');
  for (const name of Object.keys(CASES)) {
    const d = run(name, 'dispose');
    const u = run(name, 'no-dispose');
    console.log(`${name.padEnd(28)}  ${d.all.toFixed(3).padStart(8)}  ${u.last.toFixed(3).padStart(20)}  ${(u.last / d.all).toFixed(2).padStart(5)}  ${u.staged}`);
  }
}

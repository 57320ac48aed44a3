/**
 * Side-by-side timing of matrix products: ndvec (`a.dot(b)`, WASM path), numpy-ts
 * (`np.matmul` / `np.dot`) and, when given a previous build of the kernels module, its
 * `matmul`/`dot` kernels called directly on their own memory. Fastest of N runs (after
 * 200 ms of warm-up, so V8 has tiered the kernels up), ms.
 *
 *     node --import tsx scripts/matmul-compare.ts [--old path/to/old-ndvec.wasm] [--runs N]
 *
 * (Keep an old build with `cp build/ndvec.wasm /tmp/old.wasm` before changing the kernels.)
 * @module
 */
import { readFileSync } from 'node:fs';
import * as np from 'numpy-ts';
import { nd } from '../src/index.ts';

const args = process.argv.slice(2);
const oldPath = args.includes('--old') ? args[args.indexOf('--old') + 1]! : null;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 30;

/** [label, shape of a, shape of b]. */
const CASES: [string, number[], number[]][] = [
  ['64×64 · 64×64', [64, 64], [64, 64]],
  ['256×256 · 256×256', [256, 256], [256, 256]],
  ['500×500 · 500×500', [500, 500], [500, 500]],
  ['333×517 · 517×129', [333, 517], [517, 129]],
  ['7×1001 · 1001×13', [7, 1001], [1001, 13]],
  ['1×500 · 500×500', [1, 500], [500, 500]],
  ['500×500 · 500×1', [500, 500], [500, 1]],
  ['500×500 · 500 (mv)', [500, 500], [500]],
  ['1000×1000 · 1000 (mv)', [1000, 1000], [1000]],
  ['1e5 · 1e5 (vv)', [100_000], [100_000]],
];

/** Deterministic values in [-1, 1). */
function values(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Fastest of `runs` timings of `fn` after 200 ms of warm-up calls (WASM tiers up), ms. */
function fastest(fn: () => void): number {
  const warm = performance.now();
  do fn();
  while (performance.now() - warm < 200);
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

interface OldKernels {
  matmul(a: number, b: number, c: number, m: number, k: number, n: number, scratch?: number): void;
  dot(a: number, b: number, n: number): number;
}

/** The old module on its own memory, or null. */
function loadOld(): { k: OldKernels; memory: WebAssembly.Memory } | null {
  if (oldPath === null) return null;
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 65536 });
  const module = new WebAssembly.Module(readFileSync(oldPath));
  const instance = new WebAssembly.Instance(module, { env: { memory, abort: () => { throw new Error('abort'); } } });
  return { k: instance.exports as unknown as OldKernels, memory };
}

const old = loadOld();
const fmt = (ms: number | null): string => (ms === null ? '–' : ms < 0.1 ? ms.toFixed(4) : ms.toFixed(3));
console.log(`fastest of ${runs} runs, ms`);
console.log(['case', 'ndvec-old', 'ndvec-new', 'numpy-ts'].map((s, i) => (i === 0 ? s.padEnd(24) : s.padStart(10))).join(''));
for (const [label, sa, sb] of CASES) {
  const na = sa.reduce((p, d) => p * d, 1), nb = sb.reduce((p, d) => p * d, 1);
  const av = values(na, 1), bv = values(nb, 2);
  const a = nd.array(av).reshape(sa), b = nd.array(bv).reshape(sb);
  const npA = np.array(av).reshape(sa), npB = np.array(bv).reshape(sb);
  const m = sa.length === 2 ? sa[0]! : 1, k = sa[sa.length - 1]!, n = sb.length === 2 ? sb[1]! : 1;
  const news = fastest(() => {
    const r = a.dot(b);
    if (typeof r !== 'number') r.dispose();
  });
  const peer = fastest(() => {
    const r = sa.length === 1 && sb.length === 1 ? np.dot(npA, npB) : np.matmul(npA, npB);
    if (typeof r === 'object' && r !== null && 'dispose' in r) (r as np.NDArray).dispose();
  });
  let olds: number | null = null;
  if (old !== null) {
    const pa = 65536, pb = pa + na * 8, pc = pb + nb * 8;
    const f = new Float64Array(old.memory.buffer);
    f.set(av, pa / 8);
    f.set(bv, pb / 8);
    const { k: ok } = old;
    if (sa.length === 1 && sb.length === 1) olds = fastest(() => ok.dot(pa, pb, k));
    else if (sb.length === 1) {
      olds = fastest(() => {
        const out = new Float64Array(old.memory.buffer);
        for (let i = 0; i < m; i++) out[pc / 8 + i] = ok.dot(pa + i * k * 8, pb, k);
      });
    } else olds = fastest(() => ok.matmul(pa, pb, pc, m, k, n));
  }
  console.log(label.padEnd(24) + [olds, news, peer].map((x) => fmt(x).padStart(10)).join(''));
  a.dispose();
  b.dispose();
  npA.dispose();
  npB.dispose();
}

/**
 * Measures where the WASM reductions, scans and matrix products overtake the JS kernels:
 * every family at 16…4096 elements, `nd.config({ wasm: false })` and `{ wasm: true }` side by
 * side in one run, with every WASM threshold set to 0 so the WASM column really is WASM.
 * Prints a table (ns a call, fastest of 15 alternating runs) and, per family, the smallest size from which
 * WASM stays at least as fast. The thresholds in src/ops/reduce-wasm.ts come from this.
 *
 *     node --import tsx scripts/reduce-thresholds.ts
 *
 * With `--large` it instead times the 1M-element cases of docs/design.md
 * ("Reductions: JS or WASM").
 * @module
 */
import { nd, NdArray } from '../src/index.ts';
import { WASM_REDUCE_THRESHOLDS, type WasmReduceFamily } from '../src/ops/reduce-wasm.ts';
import { wasmKernels } from '../src/kernels/wasm.ts';

if (wasmKernels === null) throw new Error('the WASM kernels did not load');

type Case = { family: WasmReduceFamily; name: string; make: (n: number) => () => unknown };

function randomArray(shape: number[], nanEvery = 0): NdArray {
  const size = shape.reduce((x, y) => x * y, 1);
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = nanEvery > 0 && i % nanEvery === 3 ? NaN : Math.random() * 2 - 1;
  return nd.array(values).reshape(shape);
}

/** Drops an array result at once, so the arena does not grow during timing. */
function drop(r: unknown): unknown {
  if (r instanceof NdArray) r.dispose();
  return r;
}

const SMALL: Case[] = [
  { family: 'sum', name: 'sum()', make: (n) => { const a = randomArray([n]); return () => a.sum(); } },
  { family: 'sum', name: 'mean(0) [n/8,8]', make: (n) => { const a = randomArray([n / 8, 8]); return () => drop(a.mean(0)); } },
  { family: 'sum', name: 'sum(1) [8,n/8]', make: (n) => { const a = randomArray([8, n / 8]); return () => drop(a.sum(1)); } },
  { family: 'extreme', name: 'max()', make: (n) => { const a = randomArray([n]); return () => a.max(); } },
  { family: 'extreme', name: 'nanmin()', make: (n) => { const a = randomArray([n], 7); return () => a.nanmin(); } },
  { family: 'extreme', name: 'any() (all 0)', make: (n) => { const a = nd.zeros([n]); return () => a.any(); } },
  { family: 'nanmean', name: 'nanmean()', make: (n) => { const a = randomArray([n], 7); return () => a.nanmean(); } },
  { family: 'var', name: 'var()', make: (n) => { const a = randomArray([n]); return () => a.var(); } },
  { family: 'var', name: 'std(0) [n/8,8]', make: (n) => { const a = randomArray([n / 8, 8]); return () => drop(a.std(0)); } },
  { family: 'arg', name: 'argmax()', make: (n) => { const a = randomArray([n]); return () => a.argmax(); } },
  { family: 'scan', name: 'cumsum()', make: (n) => { const a = randomArray([n]); return () => drop(a.cumsum()); } },
  { family: 'bool', name: 'sum() bool', make: (n) => { const a = randomArray([n]).gt(0); return () => a.sum(); } },
  { family: 'dot', name: 'dot 1-D', make: (n) => { const a = randomArray([n]), b = randomArray([n]); return () => a.dot(b); } },
  {
    family: 'matmul', name: 'matmul s×s×s (n = s³)',
    make: (n) => {
      const s = Math.max(1, Math.round(Math.cbrt(n)));
      const a = randomArray([s, s]), b = randomArray([s, s]);
      return () => drop(a.dot(b));
    },
  },
];

/** Calls of `fn` that last about 2 ms. */
function callsFor(fn: () => unknown): number {
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - t0 > 2) return calls;
    calls *= 2;
  }
}

/** ns per call of one run of `calls` calls. */
function run(fn: () => unknown, calls: number): number {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return ((performance.now() - t0) * 1e6) / calls;
}

/**
 * JS and WASM ns/call of one case: both warmed up, then 15 alternating runs each, the
 * minimum kept (the machine is shared; the minimum is the least disturbed run).
 */
function both(make: () => () => unknown): { js: number; wasm: number } {
  const fn = make();
  nd.config({ wasm: false });
  const jsCalls = callsFor(fn);
  nd.config({ wasm: true });
  const wasmCalls = callsFor(fn);
  let js = Infinity, wasm = Infinity;
  try {
    for (let r = 0; r < 15; r++) {
      nd.config({ wasm: false });
      js = Math.min(js, run(fn, jsCalls));
      nd.config({ wasm: true });
      wasm = Math.min(wasm, run(fn, wasmCalls));
    }
  } finally {
    nd.config({ wasm: true });
  }
  return { js, wasm };
}

function small(): void {
  for (const key of Object.keys(WASM_REDUCE_THRESHOLDS) as WasmReduceFamily[]) WASM_REDUCE_THRESHOLDS[key] = 0;
  const sizes = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
  console.log(`case (ns/call js / wasm)`.padEnd(26) + sizes.map((n) => String(n).padStart(15)).join(''));
  for (const c of SMALL) {
    const cells: string[] = [];
    let from: number | null = null;
    for (const n of sizes) {
      const { js, wasm } = both(() => c.make(n));
      cells.push(`${js.toFixed(0)}/${wasm.toFixed(0)}`.padStart(15));
      if (wasm <= js) from ??= n;
      else from = null;
    }
    console.log(`${c.family}: ${c.name}`.padEnd(26) + cells.join('') + `   wasm from ${from ?? '-'}`);
  }
}

function large(): void {
  const v = randomArray([1_000_000]);
  const m = v.reshape([1000, 1000]);
  const a = randomArray([500, 500]), b = randomArray([500, 500]);
  const cases: [string, () => unknown][] = [
    ['sum() 1M', () => v.sum()],
    ['mean(0) 1000×1000', () => drop(m.mean(0))],
    ['mean(1) 1000×1000', () => drop(m.mean(1))],
    ['sum(0) 1000×1000', () => drop(m.sum(0))],
    ['max() 1M', () => v.max()],
    ['argmax() 1M', () => v.argmax()],
    ['var() 1M', () => v.var()],
    ['cumsum() 1M', () => drop(v.cumsum())],
    ['dot 500×500 · 500×500', () => drop(a.dot(b))],
  ];
  console.log('case'.padEnd(26) + 'js µs'.padStart(12) + 'wasm µs'.padStart(12) + 'speed-up'.padStart(10));
  for (const [name, fn] of cases) {
    const { js, wasm } = both(() => fn);
    console.log(name.padEnd(26) + (js / 1e3).toFixed(1).padStart(12) + (wasm / 1e3).toFixed(1).padStart(12) + `${(js / wasm).toFixed(2)}×`.padStart(10));
  }
}

if (process.argv.includes('--large')) large();
else small();

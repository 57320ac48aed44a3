/**
 * Measures the element-wise families on the JS loops and on WASM side by side, to set the
 * thresholds `WASM_MIN` in src/ops/elementwise.ts (see docs/design.md, "Element-wise: JS or
 * WASM"). Each cell is the fastest of 11 runs, ns per call including the result's
 * allocation and dispose().
 *
 *     node --import tsx scripts/elementwise-thresholds.ts
 * @module
 */
import { nd, type NdArray } from '../src/index.ts';
import { fastestPerCall } from './timing.ts';

const SIZES = [1, 4, 16, 64, 256, 1024, 4096];

/** One op of each family: (a, b, mask) → result. */
const FAMILIES: Record<string, (a: NdArray, b: NdArray, m: NdArray) => NdArray> = {
  'binary (add)': (a, b) => a.add(b),
  'binary (mul 2)': (a) => a.mul(2),
  'compare (gt)': (a, b) => a.gt(b),
  'unary simple (abs)': (a) => a.abs(),
  'unary transc. (exp)': (a) => a.exp(),
  'unary transc. (sin)': (a) => a.sin(),
  'compress (where)': (a, _b, m) => a.where(m),
  'select (nd.where)': (a, b, m) => nd.where(m, a, b),
};

/** Fastest of 11 runs, per call (ns). */
function fastest(fn: () => void, iters: number): number {
  return fastestPerCall(fn, iters, 11) * 1e6;
}

console.log(`ns per call, JS / WASM (fastest of 11 runs); Node ${process.version}`);
console.log('family'.padEnd(22) + SIZES.map((n) => String(n).padStart(14)).join(''));
for (const [name, op] of Object.entries(FAMILIES)) {
  let line = name.padEnd(22);
  for (const n of SIZES) {
    const a = nd.array(Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3));
    const b = nd.array(Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.3)));
    const m = a.gt(0);
    const iters = Math.max(2000, Math.floor(400_000 / (n + 16)));
    const ns: number[] = [];
    for (const wasm of [false, true]) {
      nd.config({ wasm });
      ns.push(fastest(() => op(a, b, m).dispose(), iters));
    }
    nd.config({ wasm: true });
    line += `${ns[0]!.toFixed(0)}/${ns[1]!.toFixed(0)}`.padStart(14);
    for (const x of [a, b, m]) x.dispose();
  }
  console.log(line);
}

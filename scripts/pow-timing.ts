/**
 * Times `pow` against `square` at 1K and 1M (positive bases, |normal data|), before and after
 * the pow kernel: "before" is the loop ndvec ran until then (`x ** y` in JS with NumPy's two
 * fix-ups, the old powNumpy), "JS" the new reference loops (`nd.config({ wasm: false })`), and
 * "WASM" the default dispatch (pow by 2 is square; 3, 2.5 and arrays run wasm/assembly/pow.ts).
 * Prints µs per call (fastest run) and the ratio to `square` on WASM.
 * Run: `node --import tsx scripts/pow-timing.ts`
 * @module
 */
import { nd } from '../src/index.ts';
import { fastestPerCall } from './timing.ts';

/** The powNumpy of before the kernel (JS `**` and NumPy's two special cases). */
function powBefore(x: number, y: number): number {
  const r = x ** y;
  if (r === r) return r;
  return x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : r;
}

function seeded(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 4 - 2;
  }
  return out;
}

for (const n of [1_000, 1_000_000]) {
  const iters = n === 1_000 ? 2000 : 5;
  const runs = 7;
  const base = seeded(n, 1).map(Math.abs);
  const exps = seeded(n, 2);
  const x = nd.array(base);
  const y = nd.array(exps);
  const out = new Float64Array(n);
  const rows: [string, () => void][] = [
    ['square', () => x.square().dispose()],
    ['pow(2)', () => x.pow(2).dispose()],
    ['pow(3)', () => x.pow(3).dispose()],
    ['pow(2.5)', () => x.pow(2.5).dispose()],
    ['pow(array)', () => x.pow(y).dispose()],
  ];
  const before: Record<string, () => void> = {
    'pow(2)': () => { for (let i = 0; i < n; i++) out[i] = powBefore(base[i]!, 2); },
    'pow(3)': () => { for (let i = 0; i < n; i++) out[i] = powBefore(base[i]!, 3); },
    'pow(2.5)': () => { for (let i = 0; i < n; i++) out[i] = powBefore(base[i]!, 2.5); },
    'pow(array)': () => { for (let i = 0; i < n; i++) out[i] = powBefore(base[i]!, exps[i]!); },
  };
  const squareWasm = fastestPerCall(rows[0]![1], iters, runs);
  console.log(`\n${n.toLocaleString('en')} elements: µs per call (ratio to square on WASM, ${(squareWasm * 1e3).toFixed(1)} µs)`);
  console.log('op          before (JS **)   JS reference     WASM');
  for (const [name, fn] of rows) {
    nd.config({ wasm: false });
    const js = fastestPerCall(fn, iters, runs);
    nd.config({ wasm: true });
    const wasm = fastestPerCall(fn, iters, runs);
    const old = before[name] === undefined ? NaN : fastestPerCall(before[name]!, iters, runs);
    const cell = (ms: number): string => (Number.isNaN(ms) ? '–' : `${(ms * 1e3).toFixed(1)} (${(ms / squareWasm).toFixed(1)}×)`).padEnd(17);
    console.log(`${name.padEnd(12)}${cell(old)}${cell(js)}${cell(wasm)}`);
  }
  x.dispose();
  y.dispose();
}

/**
 * Reading JS data in and out: `nd.array` of nested arrays and typed arrays, `nd.scope`
 * returning big values, `a.toTransferable()`. Prints µs per call (fastest of several runs).
 *
 *     node --import tsx scripts/input-timing.ts [srcDir]
 *
 * `srcDir` defaults to this checkout's src/; pass another copy's src/ to compare (the
 * figures in docs/design.md, "Reading input and sending arrays", came from this script on
 * the tree before and after the change).
 * @module
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fastestPerCall } from './timing.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = resolve(process.argv[2] ?? join(root, 'src'));
const { nd } = (await import(pathToFileURL(join(src, 'index.ts')).href)) as typeof import('../src/index.ts');

const flat = Array.from({ length: 1000 }, (_, i) => i * 0.5);
const nested = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => r + c));
const big = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 1000 }, (_, c) => r + c));
const f64 = new Float64Array(1e6);
let list: { next: unknown } = { next: null };
for (let i = 0; i < 100_000; i++) list = { next: list };
const a = nd.random([1000, 1000], { seed: 1 });

const cases: [string, () => void, number][] = [
  ['nd.array(1000 numbers)', () => nd.array(flat).dispose(), 2000],
  ['nd.array(100×10 nested)', () => nd.array(nested).dispose(), 2000],
  ['nd.array(1000×1000 nested)', () => nd.array(big).dispose(), 5],
  ['nd.array(Float64Array(1e6))', () => nd.array(f64).dispose(), 50],
  ['nd.scope(() => new Float64Array(1e6))', () => void nd.scope(() => f64), 50],
  ['nd.scope(() => 100k-node linked list)', () => void nd.scope(() => list), 3],
  ['a(1000×1000).toTransferable()', () => void a.toTransferable(), 20],
  ['a(1000×1000).T.toTransferable()', () => void a.T.toTransferable(), 10],
];
for (const [name, fn, iters] of cases) {
  let result: string;
  try {
    for (let i = 0; i < Math.min(iters, 5); i++) fn(); // warm-up
    result = `${(fastestPerCall(fn, iters, 5) * 1000).toFixed(1).padStart(12)} µs`;
  } catch (e) {
    result = `throws ${(e as Error).name}: ${(e as Error).message.slice(0, 60)}`; // an older tree
  }
  console.log(`${name.padEnd(40)} ${result}`);
}

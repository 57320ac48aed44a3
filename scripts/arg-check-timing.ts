/**
 * Cost of the argument checks at the public edge on the hot paths (1K elements): a.add(b),
 * a.add(b, { out }), a.add(b, out), nd.add(a, b), a.sum(), a.sum(0) on [32, 32], a.get(i).
 * Run: node --import tsx scripts/arg-check-timing.ts
 * @module
 */
import { nd } from '../src/index.ts';
import { fastestPerCall } from './timing.ts';

const n = 1000;
const a = nd.random([n], { seed: 1 });
const b = nd.random([n], { seed: 2 });
const out = nd.zeros([n]);
const m = a.reshape([40, 25]);
const ITERS = 100_000;
const RUNS = 9;

const cases: [string, () => void][] = [
  ['a.add(b) 1K', () => a.add(b).dispose()],
  ['a.add(b, { out }) 1K', () => void a.add(b, { out })],
  ['nd.add(a, b) 1K', () => nd.add(a, b).dispose()],
  ['a.sum() 1K', () => void a.sum()],
  ['a.sum(0) [40,25]', () => (m.sum(0) as { dispose(): void }).dispose()],
  ['a.get(i) 1K', () => void a.get(7)],
];
for (const [name, fn] of cases) {
  const us = fastestPerCall(fn, ITERS, RUNS) * 1e3;
  console.log(`${name.padEnd(24)} ${us.toFixed(3)} µs/call`);
}

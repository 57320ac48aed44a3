/**
 * Cost of the argument checks at the public edge on the hot paths (1K elements): each method
 * (and nd.* function) beside the op it calls, interleaved in one process, fastest of 60 rounds
 * of 3×4,000 calls (short runs, so a loaded machine still yields clean windows).
 * Run: node --import tsx scripts/arg-check-timing.ts
 * Measured on a loaded 2-core box (load 6–11), before the checks (0eaa77f) / after, ns a call,
 * and the method's cost over the op it calls in the same run (the op itself moves with other
 * engineers' work): a.add(b) 322–327 / 308–326 (+6 / +7 over binary), a.add(b, { out }) 268–274
 * / 267–283 (+7 / +0…14), nd.add(a, b) 314–330 / 309 (+12 / −3, after the fixed-arity forward),
 * a.sqrt() 1171–1211 / 1159–1212, a.sum() 154–164 / 161–168, a.get(7) 6–8 / 7.
 * @module
 */
import { nd } from '../src/index.ts';
import { binary, unary } from '../src/ops/elementwise.ts';
import { reduce } from '../src/ops/reduce.ts';
import { fastestPerCall } from './timing.ts';

const a = nd.random([1000], { seed: 1 });
const b = nd.random([1000], { seed: 2 });
const out = nd.zeros([1000]);
const cases: [string, () => void][] = [
  ['binary(add,a,b)', () => binary('add', a, b).dispose()],
  ['a.add(b)', () => a.add(b).dispose()],
  ['nd.add(a,b)', () => nd.add(a, b).dispose()],
  ['binary(add,a,b,out)', () => void binary('add', a, b, out)],
  ['a.add(b,{out})', () => void a.add(b, { out })],
  ['a.add(b,out)', () => void a.add(b, out)],
  ['unary(sqrt,a)', () => unary('sqrt', a).dispose()],
  ['a.sqrt()', () => a.sqrt().dispose()],
  ['reduce(sum,a,null)', () => void reduce('sum', a, null)],
  ['a.sum()', () => void a.sum()],
  ['a.get(7)', () => void a.get(7)],
];
const best = new Map<string, number>();
for (let round = 0; round < 60; round++) {
  for (const [name, fn] of cases) best.set(name, Math.min(best.get(name) ?? Infinity, fastestPerCall(fn, 4_000, 3) * 1e6));
}
for (const [name] of cases) console.log(`${name.padEnd(22)} ${best.get(name)!.toFixed(0)} ns`);

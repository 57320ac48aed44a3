/**
 * The profile of the three classic cases (keep x > 0, x*x + 2*x + 1, sum of the positive
 * values), eager and fused, on 1M float64 (issue 12: "profile first"):
 *   node --import tsx bench/profile.ts [size] [repeats]
 * Eager runs dispose what they allocate except the results of the last round, so the leak
 * report shows what a forgotten dispose looks like.
 * @module
 */
import { nd, type NdArray } from '../src/index.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 20);
const x = nd.randn(n, { seed: 1 });

function eager(keep: boolean): void {
  const mask = x.gt(0);
  const kept = x.where(mask);
  const sq = x.mul(x);
  const twice = x.mul(2);
  const sum = sq.add(twice);
  const poly = sum.add(1);
  const m2 = x.gt(0);
  const pos = x.where(m2);
  pos.sum();
  for (const a of [mask, sq, twice, sum, m2, pos]) a.dispose();
  if (!keep) {
    kept.dispose();
    poly.dispose();
  }
}

console.log(`eager, ${repeats} rounds of the three cases on ${n} elements\n`);
const eagerProfile = nd.profile(() => {
  for (let r = 0; r < repeats; r++) eager(r === repeats - 1);
});
console.log(eagerProfile.toString());

console.log(`\nfused, ${repeats} rounds\n`);
const fusedProfile = nd.profile(() => {
  const keepPositive = nd.fuse((a: NdArray) => a.where(a.gt(0)));
  const polynomial = nd.fuse((a: NdArray) => a.mul(a).add(a.mul(2)).add(1));
  const sumPositive = nd.fuse((a: NdArray) => a.where(a.gt(0)).sum());
  for (let r = 0; r < repeats; r++) {
    (keepPositive(x) as NdArray).dispose();
    (polynomial(x) as NdArray).dispose();
    sumPositive(x);
  }
});
console.log(fusedProfile.toString());
x.dispose();

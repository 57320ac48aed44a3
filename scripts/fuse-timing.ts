// Side-by-side timing of nd.fuse (issue 11) against a hand-written fused Float64Array loop
// into a preallocated buffer, a plain for loop, and the eager ops. Results are disposed (or
// written into `out`) so the arena does not grow. Usage: node --import tsx scripts/fuse-timing.ts
import { nd } from '../src/index.ts';
import { fastestPerCall } from './timing.ts';

type T = ReturnType<typeof nd.array>;
const us = (ms: number): string => (ms * 1000).toFixed(2).padStart(9);

function row(label: string, times: Record<string, number>, ratios: [string, string, string][]): void {
  const parts = Object.entries(times).map(([k, v]) => `${k} ${us(v)} µs`);
  const rs = ratios.map(([name, a, b]) => `${name} ${(times[a]! / times[b]!).toFixed(2)}×`);
  console.log(`${label.padEnd(22)} ${parts.join(' | ')}  →  ${rs.join(', ')}`);
}

for (const n of [1000, 1_000_000]) {
  const iters = n === 1000 ? 20000 : 30;
  const runs = 9;
  const data = nd.random([n]).sub(0.5).mul(10);
  const raw = data.f64().subarray(data.start, data.start + n);
  const plain = Float64Array.from(raw);
  const buf = new Float64Array(n);
  const outArr = nd.zeros([n]);

  // transform x**2 + 2x + 1
  const poly = nd.fuse((x: T) => x.pow(2).add(x.mul(2)).add(1));
  const t = {
    loop: fastestPerCall(() => {
      for (let i = 0; i < n; i++) {
        const x = plain[i]!;
        buf[i] = x * x + 2 * x + 1;
      }
    }, iters, runs),
    fusedOut: fastestPerCall(() => void poly(data, { out: outArr } as unknown as T), iters, runs),
    fused: fastestPerCall(() => (poly(data) as T).dispose(), iters, runs),
    eager: fastestPerCall(() => {
      const a = data.pow(2);
      const b = data.mul(2);
      const c = a.add(b);
      const d = c.add(1);
      a.dispose(); b.dispose(); c.dispose(); d.dispose();
    }, iters, runs),
  };
  row(`transform n=${n}`, t, [['fusedOut/loop', 'fusedOut', 'loop'], ['fused/loop', 'fused', 'loop'], ['eager/fused', 'eager', 'fused']]);

  // aggregate: sum of x where x > 0
  const posSum = nd.fuse((x: T) => x.where(x.gt(0)).sum());
  const a = {
    loop: fastestPerCall(() => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = plain[i]!;
        if (x > 0) s += x;
      }
      if (s === -1) console.log(s);
    }, iters, runs),
    fused: fastestPerCall(() => void posSum(data), iters, runs),
    eager: fastestPerCall(() => {
      const m = data.gt(0);
      const w = data.where(m);
      w.sum();
      m.dispose(); w.dispose();
    }, iters, runs),
  };
  row(`aggregate n=${n}`, a, [['fused/loop', 'fused', 'loop'], ['eager/fused', 'eager', 'fused']]);

  // filter
  const keep = nd.fuse((x: T) => x.where(x.gt(0)));
  const f = {
    fused: fastestPerCall(() => (keep(data) as T).dispose(), iters, runs),
    eager: fastestPerCall(() => {
      const m = data.gt(0);
      const w = data.where(m);
      m.dispose(); w.dispose();
    }, iters, runs),
  };
  row(`filter n=${n}`, f, [['fused/eager', 'fused', 'eager']]);
}

// call overhead: a fused add on 10 elements vs eager a.add(b)
const a10 = nd.random([10]);
const b10 = nd.random([10]);
const add = nd.fuse((x: T, y: T) => x.add(y));
const small = {
  eager: fastestPerCall(() => a10.add(b10).dispose(), 200000, 9),
  fused: fastestPerCall(() => (add(a10, b10) as T).dispose(), 200000, 9),
};
row('add n=10', small, [['fused/eager', 'fused', 'eager']]);

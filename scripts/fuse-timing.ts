// Side-by-side timing of nd.fuse (issue 11) against a hand-written fused Float64Array loop
// into a preallocated buffer, a plain for loop, and the eager ops, with each bar of the issue
// checked. The variants of a row run interleaved (one batch each, round after round) and the
// best batch of each counts, so load from other processes hits them alike. Results are
// disposed (or written into `out`) so the arena does not grow.
// Usage: node --import tsx scripts/fuse-timing.ts [rounds (default 15)]
import { nd } from '../src/index.ts';

type T = ReturnType<typeof nd.array>;
const rounds = Number(process.argv[2] ?? 15);
const us = (ms: number): string => (ms * 1000).toFixed(2).padStart(9);

/** Best time per call (ms) of each variant, the variants interleaved round by round. */
function interleaved(variants: Record<string, () => void>, iters: number): Record<string, number> {
  const best: Record<string, number> = {};
  for (const k of Object.keys(variants)) best[k] = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of Object.entries(variants)) {
      const t0 = performance.now();
      for (let i = 0; i < iters; i++) fn();
      best[k] = Math.min(best[k]!, (performance.now() - t0) / iters);
    }
  }
  return best;
}

/** Prints one row: times, ratios, and the bar `[label, numerator, denominator, limit]` met or missed. */
function row(label: string, times: Record<string, number>, ratios: [string, string, string][], bar?: [string, string, string, number]): void {
  const parts = Object.entries(times).map(([k, v]) => `${k} ${us(v)} µs`);
  const rs = ratios.map(([name, a, b]) => `${name} ${(times[a]! / times[b]!).toFixed(2)}×`);
  let verdict = '';
  if (bar !== undefined) {
    const [what, a, b, limit] = bar;
    const r = times[a]! / times[b]!;
    verdict = `  [bar ${what} ≤ ${limit}: ${r.toFixed(2)} ${r <= limit ? 'met' : 'MISSED'}]`;
  }
  console.log(`${label.padEnd(20)} ${parts.join(' | ')}  →  ${rs.join(', ')}${verdict}`);
}

console.log(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}, ${rounds} rounds`);
for (const n of [1000, 1_000_000]) {
  const iters = n === 1000 ? 4000 : 6;
  const data = nd.random([n]).sub(0.5).mul(10);
  const raw = data.f64().subarray(data.start, data.start + n);
  const plain = Float64Array.from(raw);
  const buf = new Float64Array(n);
  const outArr = nd.zeros([n]);

  // transform x**2 + 2x + 1
  const poly = nd.fuse((x: T) => x.pow(2).add(x.mul(2)).add(1));
  const t = interleaved({
    loop: () => {
      for (let i = 0; i < n; i++) {
        const x = plain[i]!;
        buf[i] = x * x + 2 * x + 1;
      }
    },
    fusedOut: () => void poly(data, { out: outArr } as unknown as T),
    fused: () => (poly(data) as T).dispose(),
    eager: () => {
      const a = data.pow(2);
      const b = data.mul(2);
      const c = a.add(b);
      const d = c.add(1);
      a.dispose(); b.dispose(); c.dispose(); d.dispose();
    },
  }, iters);
  row(`transform n=${n}`, t, [['fusedOut/loop', 'fusedOut', 'loop'], ['fused/loop', 'fused', 'loop'], ['eager/fused', 'eager', 'fused']],
    n === 1000 ? ['fused/loop', 'fused', 'loop', 1.5] : ['fused/loop', 'fused', 'loop', 1]);

  // aggregate: sum of x where x > 0
  const posSum = nd.fuse((x: T) => x.where(x.gt(0)).sum());
  const a = interleaved({
    loop: () => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = plain[i]!;
        if (x > 0) s += x;
      }
      if (s === -1) console.log(s);
    },
    fused: () => void posSum(data),
    eager: () => {
      const m = data.gt(0);
      const w = data.where(m);
      w.sum();
      m.dispose(); w.dispose();
    },
  }, iters);
  row(`aggregate n=${n}`, a, [['fused/loop', 'fused', 'loop'], ['fused/eager', 'fused', 'eager']],
    n === 1000 ? ['fused/loop', 'fused', 'loop', 1] : ['fused/eager', 'fused', 'eager', 1 / 3]);

  // filter
  const keep = nd.fuse((x: T) => x.where(x.gt(0)));
  const f = interleaved({
    fused: () => (keep(data) as T).dispose(),
    eager: () => {
      const m = data.gt(0);
      const w = data.where(m);
      m.dispose(); w.dispose();
    },
  }, iters);
  row(`filter n=${n}`, f, [['fused/eager', 'fused', 'eager']], ['fused/eager', 'fused', 'eager', 1]);
}

// call overhead: a fused add on 10 elements vs eager a.add(b)
const a10 = nd.random([10]);
const b10 = nd.random([10]);
const add = nd.fuse((x: T, y: T) => x.add(y));
const small = interleaved({
  eager: () => a10.add(b10).dispose(),
  fused: () => (add(a10, b10) as T).dispose(),
}, 40000);
row('add n=10', small, [['fused/eager', 'fused', 'eager']], ['fused/eager', 'fused', 'eager', 2]);

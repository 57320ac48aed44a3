/**
 * The arena's memory policy at scale (issue 10, "Memory policy at scale"): three chains on
 * 10M-element arrays with default settings, once with every temporary and result disposed
 * and once with nothing disposed.
 *
 *     node --import tsx scripts/memory-scale.ts [--iterations N] [--n N] [--ideal] [--fixed MiB] [--only log,concat]
 *
 * Three inputs are made first (`x`, `y` normal, `p = |x| + 0.5`: 3 × 80 MB, 240 MiB live), as
 * a script holding its data would. The chains:
 *
 * - `transform`: `x*x + 2x + 1` as `x.mul(x).add(x.mul(2)).add(1)` (three temporaries);
 * - `log`: `p.log()`;
 * - `concat`: `nd.concat([x, y])` (a 160 MB result).
 *
 * Modes: `dispose` (every temporary and result disposed), `no-dispose` (nothing disposed, a
 * synchronous loop: the registry cannot run until it ends), `no-dispose-async` (nothing
 * disposed, the loop yields to the event loop after each iteration, as a server or UI does,
 * so the registry can return dropped blocks).
 *
 * Each (chain, mode) runs in its own child process (fresh arena, its own peak RSS). Printed
 * per row: the first iteration, the median of the others (ms), how many results of the
 * timed iterations were in the arena (the rest JS-backed), the arena size and the peak RSS at
 * the end. `--ideal` adds a row per chain with the soft limit raised to 4 GiB (everything in
 * the arena; disposed), the speed the chain can reach. `--fixed 256` runs every row with a
 * fixed soft limit of 256 MiB: the policy before the adaptive limit (the "before" column).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nd, type NdArray } from '../src/index.ts';
import { normalData } from '../bench/data.ts';
import { median } from './timing.ts';

const CHAINS = ['transform', 'log', 'concat'] as const;
type Chain = (typeof CHAINS)[number];
type Mode = 'dispose' | 'no-dispose' | 'no-dispose-async' | 'ideal';

/** What a child reports. */
interface Report {
  firstMs: number;
  medianMs: number;
  inArena: number;
  iterations: number;
  arenaMB: number;
  liveMB: number;
  peakRssMB: number;
  softLimitMB: number;
}

const MB = 1024 * 1024;

/** One iteration of `chain`: returns its result; with `dispose`, frees every temporary. */
function step(chain: Chain, x: NdArray, y: NdArray, p: NdArray, dispose: boolean): NdArray {
  switch (chain) {
    case 'transform': {
      const xx = x.mul(x);
      const x2 = x.mul(2);
      const s = xx.add(x2);
      if (dispose) {
        xx.dispose();
        x2.dispose();
      }
      const r = s.add(1);
      if (dispose) s.dispose();
      return r;
    }
    case 'log':
      return p.log();
    case 'concat':
      return nd.concat([x, y]);
  }
}

async function child(chain: Chain, mode: Mode, n: number, iterations: number, fixedMiB: number): Promise<Report> {
  if (fixedMiB > 0) nd.config({ arenaSoftLimit: fixedMiB * MB });
  if (mode === 'ideal') nd.config({ arenaSoftLimit: 4 * 1024 * MB });
  const x = nd.array(normalData(n, 1));
  const y = nd.array(normalData(n, 2));
  const p = nd.scope(() => x.abs().add(0.5));
  const dispose = mode === 'dispose' || mode === 'ideal';
  const times: number[] = [];
  let inArena = 0;
  const dropped: NdArray[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const r = step(chain, x, y, p, dispose);
    times.push(performance.now() - t0);
    if (i > 0 && r.storage.inArena) inArena++;
    if (dispose) r.dispose();
    else dropped[i % 2] = r; // keeps at most two results reachable, drops the rest
    if (mode === 'no-dispose-async') await new Promise((resolve) => setImmediate(resolve));
  }
  const info = nd.info();
  return {
    firstMs: times[0]!,
    medianMs: median(times.slice(1)),
    inArena,
    iterations: iterations - 1,
    arenaMB: info.arenaBytes / MB,
    liveMB: info.liveBytes / MB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    softLimitMB: nd.config().arenaSoftLimit / MB,
  };
}

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '12' },
    n: { type: 'string', default: '10000000' },
    ideal: { type: 'boolean', default: false },
    fixed: { type: 'string', default: '0' },
    only: { type: 'string' },
    child: { type: 'string' },
    mode: { type: 'string' },
  },
});
const iterations = Number(values.iterations);
const n = Number(values.n);
const fixedMiB = Number(values.fixed);
if (!Number.isInteger(fixedMiB) || fixedMiB < 0) throw new RangeError(`--fixed must be a whole number of MiB, got ${values.fixed}`);
if (!Number.isInteger(iterations) || iterations < 2) throw new RangeError(`--iterations must be an integer ≥ 2, got ${values.iterations}`);
if (!Number.isInteger(n) || n < 1) throw new RangeError(`--n must be a positive integer, got ${values.n}`);

if (values.child !== undefined) {
  console.log(JSON.stringify(await child(values.child as Chain, values.mode as Mode, n, iterations, fixedMiB)));
} else {
  const script = fileURLToPath(import.meta.url);
  const run = (chain: Chain, mode: Mode): Report => JSON.parse(execFileSync(process.execPath, [
    ...process.execArgv, script, '--child', chain, '--mode', mode, '--iterations', String(iterations), '--n', String(n), '--fixed', String(fixedMiB),
  ], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as Report;
  console.log(`${n.toLocaleString('en-US')} elements, inputs x, y, p live (${((3 * 8 * n) / MB).toFixed(0)} MiB); ` +
    `${iterations} iterations a row, one child process each; Node ${process.version}; WASM kernels: ${nd.info().wasm}; ` +
    (fixedMiB > 0 ? `fixed soft limit ${fixedMiB} MiB` : 'adaptive soft limit (default)'));
  const header = ['chain', 'mode', 'first ms', 'median ms', 'results in arena', 'arena MB', 'live MB', 'peak RSS MB', 'soft limit MB'];
  const rows: string[][] = [];
  const modes: Mode[] = ['dispose', 'no-dispose', 'no-dispose-async'];
  if (values.ideal) modes.push('ideal');
  const chains = CHAINS.filter((c) => values.only === undefined || values.only.split(',').includes(c));
  for (const chain of chains) {
    for (const mode of modes) {
      process.stderr.write(`${chain} ${mode}…\n`);
      const r = run(chain, mode);
      rows.push([chain, mode, r.firstMs.toFixed(1), r.medianMs.toFixed(1), `${r.inArena}/${r.iterations}`,
        r.arenaMB.toFixed(0), r.liveMB.toFixed(0), r.peakRssMB.toFixed(0), r.softLimitMB.toFixed(0)]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((l) => l[c]!.length)));
  const line = (l: string[]): string => '| ' + l.map((v, c) => v.padEnd(widths[c]!)).join(' | ') + ' |';
  console.log([line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n'));
  console.log('soft limit MB: nd.config().arenaSoftLimit at the end (the fixed limit, or the base of the adaptive limit).');
}

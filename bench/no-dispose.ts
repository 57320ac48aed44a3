/**
 * What happens when nobody calls `dispose()`: 10,000 iterations of `x = x.add(y)` and of
 * `a.where(a.gt(0))` on 1M-element arrays, dropping every result; then the same loops with
 * `dispose()` and inside `nd.scope`, where the arena must stay flat.
 *
 *     node --import tsx bench/no-dispose.ts [--iterations N]     (npm run bench:memory)
 *
 * Each loop runs in its own child process so its peak RSS (`resourceUsage().maxRSS`) is its
 * own. Targets for the undisposed loops: they complete, peak RSS < 1 GB, and the last 1,000
 * iterations take at most 1.5× the time of the first 1,000 (windows shrink to a tenth of the
 * run for short runs). Exits 1 when a target is missed.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nd, type NdArray } from '../src/index.ts';
import { normalData } from './data.ts';

const N = 1_000_000;
const MAX_RSS_BYTES = 1024 ** 3;
const MAX_SLOWDOWN = 1.5;

/** The loops, by name: each does one iteration of its work. */
const LOOPS = [
  'add typed-loop',
  'add no-dispose',
  'where no-dispose',
  'add dispose',
  'where dispose',
  'add nd.scope',
  'where nd.scope',
] as const;
type LoopName = (typeof LOOPS)[number];

/** What a child reports about its loop. */
interface LoopReport {
  loop: LoopName;
  iterations: number;
  seconds: number;
  firstMs: number;
  lastMs: number;
  peakRssMB: number;
  /** `nd.info()` after the first window, at the middle and at the end, in MB. */
  arenaMB: number[];
  liveMB: number[];
  wasm: boolean;
}

/** Builds one iteration of a loop over fresh seeded inputs. */
function makeStep(loop: LoopName): () => void {
  const a = nd.array(normalData(N, 1));
  const y = nd.array(normalData(N, 2));
  let x: NdArray = a.copy();
  let sink = 0;
  const xs = a.toFloat64Array();
  const ys = y.toFloat64Array();
  let xt = xs;
  const steps: Record<LoopName, () => void> = {
    // The reference: what users write without ndvec, a typed-array loop allocating its result.
    'add typed-loop': () => {
      const next = new Float64Array(N);
      for (let i = 0; i < N; i++) next[i] = xt[i]! + ys[i]!;
      xt = next;
    },
    'add no-dispose': () => {
      x = x.add(y);
    },
    'where no-dispose': () => {
      sink += a.where(a.gt(0)).size;
    },
    'add dispose': () => {
      const next = x.add(y);
      x.dispose();
      x = next;
    },
    'where dispose': () => {
      const mask = a.gt(0);
      const kept = a.where(mask);
      sink += kept.size;
      mask.dispose();
      kept.dispose();
    },
    'add nd.scope': () => {
      sink += nd.scope(() => x.add(y).sum() as number);
    },
    'where nd.scope': () => {
      sink += nd.scope(() => a.where(a.gt(0)).size);
    },
  };
  return () => {
    steps[loop]();
    if (sink < 0) console.log(sink);
  };
}

const MB = 1024 * 1024;

/** Runs one loop in this process and returns its report. */
function runLoop(loop: LoopName, iterations: number): LoopReport {
  const window = Math.max(1, Math.min(1000, Math.floor(iterations / 10)));
  const step = makeStep(loop);
  const times = new Float64Array(iterations);
  const arenaMB: number[] = [];
  const liveMB: number[] = [];
  const checkpoints = new Set([window - 1, Math.floor(iterations / 2), iterations - 1]);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    step();
    times[i] = performance.now() - t0;
    if (checkpoints.has(i)) {
      const info = nd.info();
      arenaMB.push(info.arenaBytes / MB);
      liveMB.push(info.liveBytes / MB);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const mean = (from: number, to: number): number => times.subarray(from, to).reduce((s, t) => s + t, 0) / (to - from);
  return {
    loop,
    iterations,
    seconds,
    firstMs: mean(0, window),
    lastMs: mean(iterations - window, iterations),
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    arenaMB,
    liveMB,
    wasm: nd.info().wasm,
  };
}

/** Runs a loop in a child process (fresh heap, its own peak RSS). */
function runChild(loop: LoopName, iterations: number): LoopReport {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, self, '--child', loop, '--iterations', String(iterations)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoopReport;
}

/** The verdict on a loop: undisposed loops have RSS and slowdown targets, the others must stay flat. */
function verdict(r: LoopReport): { ok: boolean; why: string } {
  const slowdown = r.lastMs / r.firstMs;
  if (r.loop.endsWith('no-dispose') || r.loop.endsWith('typed-loop')) {
    const ok = r.peakRssMB * MB < MAX_RSS_BYTES && slowdown <= MAX_SLOWDOWN;
    return { ok, why: `peak RSS ${r.peakRssMB < 1024 ? 'under' : 'OVER'} 1 GB, last/first ${slowdown.toFixed(2)} ${slowdown <= MAX_SLOWDOWN ? '≤' : '>'} ${MAX_SLOWDOWN}` };
  }
  const flat = (xs: number[]): boolean => Math.max(...xs) - Math.min(...xs) < 1e-9;
  const ok = flat(r.arenaMB) && flat(r.liveMB);
  return { ok, why: ok ? 'arena and live bytes flat' : 'arena or live bytes GREW' };
}

const { values: args } = parseArgs({
  options: { iterations: { type: 'string', default: '10000' }, child: { type: 'string' } },
});
const iterations = Number(args.iterations);
if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`--iterations must be a positive integer, got ${args.iterations}`);

if (args.child !== undefined) {
  if (!(LOOPS as readonly string[]).includes(args.child)) throw new RangeError(`unknown loop ${args.child}`);
  console.log(JSON.stringify(runLoop(args.child as LoopName, iterations)));
} else {
  const window = Math.max(1, Math.min(1000, Math.floor(iterations / 10)));
  console.log(`${iterations} iterations a loop on ${N.toLocaleString('en-US')}-element float64 arrays; ` +
    `first/last window = ${window} iterations; Node ${process.version}; WASM kernels: ${nd.info().wasm}`);
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(' → ');
  const header = ['loop', 'total', 'first ms/it', 'last ms/it', 'last/first', 'peak RSS', 'arena MB', 'live MB', 'verdict'];
  const lines: string[][] = [];
  let failed = false;
  for (const loop of LOOPS) {
    process.stderr.write(`running ${loop}…\n`);
    const r = runChild(loop, iterations);
    const v = verdict(r);
    failed ||= !v.ok;
    lines.push([
      r.loop,
      `${r.seconds.toFixed(1)} s`,
      r.firstMs.toFixed(3),
      r.lastMs.toFixed(3),
      (r.lastMs / r.firstMs).toFixed(2),
      `${r.peakRssMB.toFixed(0)} MB`,
      fmt(r.arenaMB),
      fmt(r.liveMB),
      `${v.ok ? 'PASS' : 'FAIL'}: ${v.why}`,
    ]);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const row = (l: string[]): string => l.map((v, c) => v.padEnd(widths[c]!)).join('  ').trimEnd();
  console.log(['', row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n'));
  console.log('\narena/live MB: nd.info() after the first window → at the middle → at the end.');
  if (failed) process.exitCode = 1;
}

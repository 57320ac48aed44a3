// What nd.profile costs (issue 12): `a.add(b)` (result disposed) at 10 and 1K elements,
// median ns per call over rounds, in three states: never profiled, after a profile ran (the
// wrappers are removed again), and while profiling. Compare two source trees side by side:
//   node --import tsx scripts/profile-overhead.ts [srcDir ...]
// (default: this tree's src/). Each tree runs in its own process, alternately, twice;
// `nd.add(a, b)` at 1K too (nd's properties are replaced and restored by a profile).
//   node --import tsx scripts/profile-overhead.ts --interleaved <dirA> <dirB>
// loads both trees in one process and alternates their rounds (fairer on a loaded machine).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROUNDS = 21;
const CALLS = 20000;

interface Arr {
  add(b: unknown): { dispose(): void };
  dispose(): void;
}
interface Nd {
  arange(n: number): Arr;
  add(a: Arr, b: Arr): { dispose(): void };
  profile(fn: () => unknown): unknown;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(nd: Nd, n: number, viaNd = false): number {
  const a = nd.arange(n);
  const b = nd.arange(n);
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    if (viaNd) for (let i = 0; i < CALLS; i++) nd.add(a, b).dispose();
    else for (let i = 0; i < CALLS; i++) a.add(b).dispose();
    rounds.push(Number(process.hrtime.bigint() - t0) / CALLS);
  }
  a.dispose();
  b.dispose();
  return median(rounds);
}

async function child(src: string): Promise<void> {
  const { nd } = (await import(join(src, 'index.ts'))) as { nd: Nd };
  const out: Record<string, number> = {};
  for (const n of [10, 1000]) out[`plain ${n}`] = time(nd, n);
  out['nd.add, plain 1000'] = time(nd, 1000, true);
  if (typeof nd.profile === 'function') {
    nd.profile(() => nd.arange(3).add(1));
    for (const n of [10, 1000]) out[`after a profile ${n}`] = time(nd, n);
    out['nd.add, after a profile 1000'] = time(nd, 1000, true);
    for (const n of [10, 1000]) {
      let t = 0;
      nd.profile(() => {
        t = time(nd, n);
      });
      out[`while profiling ${n}`] = t;
    }
  }
  console.log(JSON.stringify(out));
}

/**
 * Both trees loaded in one process (each has its own arena and WASM instance), their rounds
 * interleaved, so load from other processes hits both alike: median ns of `a.add(b)` per tree.
 */
async function interleaved(dirs: string[]): Promise<void> {
  const trees = await Promise.all(dirs.map(async (d) => ((await import(join(d, 'index.ts'))) as { nd: Nd }).nd));
  for (const n of [10, 1000]) {
    const pairs = trees.map((nd) => [nd.arange(n), nd.arange(n)] as const);
    const rounds: number[][] = trees.map(() => []);
    for (let r = 0; r < ROUNDS * 3; r++) {
      for (let t = 0; t < trees.length; t++) {
        const [a, b] = pairs[t]!;
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < CALLS; i++) a.add(b).dispose();
        rounds[t]!.push(Number(process.hrtime.bigint() - t0) / CALLS);
      }
    }
    console.log(`a.add(b) at ${n}, interleaved in one process: ${dirs.map((d, t) => `${d} ${median(rounds[t]!).toFixed(0)} ns`).join(', ')}`);
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!);
} else if (process.argv[2] === '--interleaved') {
  await interleaved(process.argv.slice(3).map((d) => resolve(d)));
} else {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : [resolve(import.meta.dirname, '..', 'src')];
  const results = new Map<string, Record<string, number>[]>();
  for (let pass = 0; pass < 2; pass++) {
    for (const dir of dirs) {
      const text = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dir], { encoding: 'utf8' });
      const list = results.get(dir) ?? [];
      list.push(JSON.parse(text.trim().split('\n').pop()!) as Record<string, number>);
      results.set(dir, list);
    }
  }
  for (const [dir, runs] of results) {
    console.log(dir);
    for (const key of Object.keys(runs[0]!)) console.log(`  ${key.padEnd(22)} ${runs.map((r) => `${r[key]!.toFixed(0)} ns`).join('  ')}`);
  }
}

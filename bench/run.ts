/**
 * `npm run bench`: runs every benchmark family, prints the console table, and (full runs
 * only) writes docs/benchmarks.md and docs/benchmarks.svg.
 *
 *     npm run bench                      full run, writes docs/
 *     npm run bench -- --quick           ~30 ms a task, prints only (CI smoke run)
 *     npm run bench -- --out DIR         writes the .md and .svg to DIR instead
 *     npm run bench -- --filter filter   only cases whose "op size" contains the text
 *
 * Each case runs in a child process of its own (`--case N`): in one process, what ran before
 * changed the small cases' figures (a 1K typed-array transform loop: 26 µs a call after the
 * filter cases, 1.8 µs in a fresh process).
 *
 * Exits 1 when any variant threw or computed a different answer from the loop.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { classicCases, BASELINE } from './classic.ts';
import { coreCases } from './core.ts';
import { randomCases } from './random.ts';
import { indexingCases } from './indexing.ts';
import { runCase, type ResultRow, type Timing } from './harness.ts';
import { consoleTable, describeMachine, machineLine } from './report.ts';
import { benchmarksMarkdown } from './doc.ts';
import { chartSpec, renderSvg } from './chart.ts';

/** Timing of the full run: about 2–3 minutes on a 2-core machine. */
const FULL: Timing = { time: 500, iterations: 8, warmupTime: 100, warmupIterations: 4 };
/** Timing of `--quick`: proves every case runs, numbers are rough. */
const QUICK: Timing = { time: 30, iterations: 2, warmupTime: 5, warmupIterations: 1 };

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    filter: { type: 'string' },
    case: { type: 'string' },
  },
});

const timing = args.quick ? QUICK : FULL;
const cases = [...classicCases(), ...coreCases(), ...randomCases(), ...indexingCases()].filter(
  (c) => args.filter === undefined || `${c.op} ${c.size}`.includes(args.filter),
);

/** Runs case `index` (of the filtered list) in a child process and returns its rows. */
function runInChild(index: number): ResultRow[] {
  const self = fileURLToPath(import.meta.url);
  const forwarded = process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out');
  const out = execFileSync(process.execPath, [...process.execArgv, self, ...forwarded, '--case', String(index)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  // JSON has no NaN (a missing figure): it comes back as null.
  return JSON.parse(out.trim().split('\n').at(-1)!, (_key, v: unknown) => (v === null ? NaN : v)) as ResultRow[];
}

if (args.case !== undefined) {
  const c = cases[Number(args.case)];
  if (c === undefined) throw new RangeError(`--case ${args.case}: there are ${cases.length} cases`);
  console.log(JSON.stringify(await runCase(c, timing)));
  process.exit(0);
}

const started = performance.now();
const rows: ResultRow[] = [];
for (const [i, c] of cases.entries()) {
  process.stderr.write(`[${i + 1}/${cases.length}] ${c.op} ${c.size}\n`);
  rows.push(...runInChild(i));
}
const seconds = (performance.now() - started) / 1000;

const machine = describeMachine();
console.log(consoleTable(rows, machine));
console.log(`\n${cases.length} cases, ${rows.length} variants in ${seconds.toFixed(1)} s (${args.quick ? 'quick' : 'full'} run)`);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = args.out ?? (args.quick || args.filter !== undefined ? undefined : path.join(repoRoot, 'docs'));
if (outDir !== undefined) {
  await mkdir(outDir, { recursive: true });
  const spec = chartSpec(rows, 'ndvec: speed-up over a plain typed-array loop', machineLine(machine), BASELINE);
  await writeFile(path.join(outDir, 'benchmarks.svg'), await renderSvg(spec));
  await writeFile(path.join(outDir, 'benchmarks.md'), benchmarksMarkdown(rows, machine, { seconds, timing }));
  console.log(`wrote ${path.join(outDir, 'benchmarks.md')} and benchmarks.svg`);
}

const failed = rows.filter((r) => r.error !== undefined);
if (failed.length > 0) {
  console.error(`\n${failed.length} variant(s) failed:`);
  for (const r of failed) console.error(`  ${r.op} ${r.size} ${r.variant}: ${r.error}`);
  process.exitCode = 1;
}

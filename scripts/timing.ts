import { spawnSync } from 'node:child_process';
/**
 * Timing helper shared by the measurement scripts in scripts/ (not by the tinybench suite).
 * @module
 */

/**
 * Fastest mean time of one call of `fn` over `runs` runs of `iters` calls each.
 * @param fn the work
 * @param iters calls per run
 * @param runs number of runs
 * @returns milliseconds per call
 * @example
 * fastestPerCall(() => a.add(b).dispose(), 1000, 11) * 1e6; // ns per call
 */
export function fastestPerCall(fn: () => void, iters: number, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iters; i++) fn();
    best = Math.min(best, (performance.now() - t0) / iters);
  }
  return best;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** What {@link alternateWithPython} measured: a table of timings per round for each side. */
export interface SideBySide {
  nodeRuns: number[][][];
  pyRuns: number[][][];
  /** Why the NumPy side did not run (no python3, no numpy), or undefined when it did. */
  skipped: string | undefined;
}

/**
 * Runs `rounds` rounds alternating a Node block and a Python block (python3 -c `py` with
 * `args`, printing a JSON table), so both sides see the same machine load. The Python side is
 * dropped, with the reason, the first time python3 or numpy is missing or fails.
 */
export function alternateWithPython(rounds: number, nodeBlock: () => number[][], py: string, args: readonly string[]): SideBySide {
  const result: SideBySide = { nodeRuns: [], pyRuns: [], skipped: undefined };
  for (let r = 0; r < rounds; r++) {
    result.nodeRuns.push(nodeBlock());
    if (result.skipped !== undefined) continue;
    const res = spawnSync('python3', ['-c', py, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (res.error) result.skipped = `python3 not found (${res.error.message})`;
    else if (res.status !== 0) result.skipped = `python3 with numpy failed: ${res.stderr.trim().split('\n').pop()}`;
    else result.pyRuns.push(JSON.parse(res.stdout) as number[][]);
  }
  if (result.skipped !== undefined) console.log(`NumPy side skipped: ${result.skipped}`);
  return result;
}

/** The command line of a side-by-side script. */
export interface CommandLine {
  /** the arguments after the script */
  argv: string[];
  /** the value after flag `name` (`--rounds 5` → '5'), or undefined */
  flag: (name: string) => string | undefined;
  /** `--rounds N`, default 3 */
  rounds: number;
  /** `--only a,b`: the names of the ops to run (those containing any of them), or undefined for all */
  only: string[] | undefined;
}

/**
 * Reads the options every side-by-side script takes (`--rounds N`, `--only a,b`) and gives
 * access to the rest.
 * @returns the parsed command line
 * @example
 * const { rounds, only, flag } = commandLine();
 */
export function commandLine(): CommandLine {
  const argv = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { argv, flag, rounds: Number(flag('--rounds') ?? 3), only: flag('--only')?.split(',') };
}

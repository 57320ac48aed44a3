/**
 * Turning result rows into text: the machine line, the console table and the Markdown
 * tables of docs/benchmarks.md.
 * @module
 */
import os from 'node:os';
import { nd } from '../src/index.ts';
import type { ResultRow } from './harness.ts';

/**
 * Relative margin of error (percent) above which a figure is noisy: the harness re-runs such
 * a task once, keeps the steadier run, and marks the row (`noisy`) when it stays above.
 */
export const NOISY_RME = 10;

/** The timing figures of one tinybench run of a task. */
export interface TaskStats {
  /** Mean time of one operation, ms. */
  meanMs: number;
  /** Median time of one operation, ms. */
  p50Ms: number;
  /** Relative margin of error of the mean, percent. */
  rme: number;
  /** Timed samples. */
  samples: number;
}

/**
 * Of two runs of the same task, the one with the smaller relative error.
 * @param first the first run
 * @param second the re-run
 * @returns the steadier of the two (the first on a tie)
 * @example
 * steadier({ meanMs: 2, p50Ms: 1, rme: 113, samples: 9 }, { meanMs: 1, p50Ms: 1, rme: 4, samples: 9 }).rme; // 4
 */
export function steadier(first: TaskStats, second: TaskStats): TaskStats {
  return second.rme < first.rme ? second : first;
}

/**
 * Speed-up of each row over its case's baseline by MEDIAN times (the typical call: one GC
 * pause or burst of machine noise moves a mean, hardly a median); NaN without both figures.
 * @param rows the results
 * @param baseline the baseline variant's name
 * @returns one ratio a row, in order
 * @example
 * medianRatios(rows, 'typed-loop'); // [1, 2.5, …]
 */
export function medianRatios(rows: readonly ResultRow[], baseline: string): number[] {
  return rows.map((r) => {
    const base = rows.find((b) => b.op === r.op && b.size === r.size && b.variant === baseline);
    return base === undefined ? NaN : base.p50Ms / r.p50Ms;
  });
}

/** The note of a noisy row. */
export function noisyNote(rme: number): string {
  return `noisy: ±${rme.toFixed(0)}% after a re-run`;
}

/** Peers every case lists; a case without the op shows `–` for them. */
export const PEERS: readonly string[] = ['ndarray-ops', 'numpy-ts'];

/** Where and when the numbers were taken. */
export interface Machine {
  /** CPU model. */
  cpu: string;
  /** Logical cores. */
  cores: number;
  /** `process.version`. */
  node: string;
  /** OS and architecture. */
  platform: string;
  /** ISO date of the run. */
  date: string;
  /** Whether ndvec's WASM kernels ran (and with SIMD). */
  wasm: string;
  /** 1-minute load average when the report was made (0 where the OS has none). */
  load: number;
}

/**
 * Describes this machine and ndvec's runtime.
 * @returns the description
 * @example
 * describeMachine().cores; // 2
 */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  const info = nd.info();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: os.loadavg()[0] ?? 0,
    wasm: info.wasm ? `WASM kernels loaded${info.simd ? ' (SIMD)' : ' (no SIMD)'}` : 'WASM kernels NOT loaded: ndvec-wasm runs the JS kernels',
  };
}

/**
 * One line naming the machine, for the top of the table.
 * @param m the machine
 * @returns the text
 */
export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}, ${m.date}, load average ${m.load.toFixed(1)}; ${m.wasm}`;
}

/**
 * Formats a duration in ms with a unit that keeps 3 significant digits.
 * @param ms milliseconds
 * @returns e.g. `812 ns`, `3.41 µs`, `12.5 ms`
 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1e-3) return `${(ms * 1e6).toPrecision(3)} ns`;
  if (ms < 1) return `${(ms * 1e3).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

/**
 * Formats operations a second with thousands separators.
 * @param hz ops/s
 * @returns the text
 */
export function formatHz(hz: number): string {
  if (!Number.isFinite(hz)) return '–';
  return hz >= 100 ? Math.round(hz).toLocaleString('en-US') : hz.toPrecision(3);
}

/**
 * Formats a speed-up over the baseline.
 * @param ratio baseline time / this time
 * @returns e.g. `12.3×`, `0.41×`
 */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toPrecision(2)}×`;
}

/** A case's rows, with `–` rows added for the peers it lacks. */
function withPeerGaps(rows: readonly ResultRow[]): ResultRow[] {
  const out: ResultRow[] = [];
  const keys = [...new Set(rows.map((r) => `${r.op}\u0000${r.size}`))];
  for (const key of keys) {
    const group = rows.filter((r) => `${r.op}\u0000${r.size}` === key);
    out.push(...group);
    for (const peer of PEERS) {
      if (!group.some((r) => r.variant === peer)) {
        out.push({ op: group[0]!.op, size: group[0]!.size, variant: peer, hz: NaN, meanMs: NaN, p50Ms: NaN, rme: NaN, ratio: NaN, samples: 0, error: 'no such op' });
      }
    }
  }
  return out;
}

/**
 * The cells of the full table: case, size, variant, ops/s, mean, ±rme, median, vs loop, note
 * (a noisy row's ratio gets `*` and its note says so).
 */
function cells(rows: readonly ResultRow[]): string[][] {
  return withPeerGaps(rows).map((r) => [
    r.op,
    r.size,
    r.variant,
    formatHz(r.hz),
    formatTime(r.meanMs),
    Number.isFinite(r.rme) ? `±${r.rme.toFixed(1)}%` : '–',
    formatTime(r.p50Ms),
    formatRatio(r.ratio) + (r.noisy ? '*' : ''),
    r.error ?? (r.noisy ? noisyNote(r.rme) : ''),
  ]);
}

const HEADER = ['case', 'size', 'variant', 'ops/s', 'mean', '±rme', 'median', 'vs loop', 'note'];
const RIGHT_ALIGNED = new Set([3, 4, 5, 6, 7]);

/**
 * The console table: one row a variant, with the machine on top.
 * @param rows the results
 * @param machine where they were taken
 * @returns the text, ready to print
 */
export function consoleTable(rows: readonly ResultRow[], machine: Machine): string {
  const body = cells(rows);
  const all = [HEADER, ...body];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r.map((v, c) => (RIGHT_ALIGNED.has(c) ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [machineLine(machine), '', line(HEADER), rule];
  let previous = '';
  for (const r of body) {
    const key = `${r[0]} ${r[1]}`;
    if (previous !== '' && key !== previous) out.push('');
    previous = key;
    out.push(line(r));
  }
  return out.join('\n');
}

/**
 * The full results as a Markdown table (same columns as the console table).
 * @param rows the results
 * @returns the Markdown
 */
export function markdownTable(rows: readonly ResultRow[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const out = [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, c) => (RIGHT_ALIGNED.has(c) ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const r of cells(rows)) out.push(`| ${r.map(esc).join(' | ')} |`);
  return out.join('\n');
}

/**
 * A compact Markdown table: one row a case and size, one column a variant, each cell the
 * speed-up over the typed-array loop (`*`: noisy, see {@link NOISY_RME}).
 * @param rows the results
 * @param variants the columns, in order
 * @returns the Markdown
 */
export function speedupTable(rows: readonly ResultRow[], variants: readonly string[]): string {
  const keys = [...new Set(rows.map((r) => `${r.op}\u0000${r.size}`))];
  const out = [`| case | size | ${variants.join(' | ')} |`, `| --- | --- | ${variants.map(() => '---:').join(' | ')} |`];
  for (const key of keys) {
    const [op, size] = key.split('\u0000') as [string, string];
    const cellsOfRow = variants.map((v) => {
      const r = rows.find((x) => x.op === op && x.size === size && x.variant === v);
      return r === undefined ? '–' : formatRatio(r.ratio) + (r.noisy ? '*' : '');
    });
    out.push(`| ${op} | ${size} | ${cellsOfRow.join(' | ')} |`);
  }
  return out.join('\n');
}

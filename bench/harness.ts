/**
 * The benchmark harness: a case is one operation at one size, with its variants side by side
 * (`filter/Array.filter`, `filter/typed-loop`, `filter/ndvec-wasm`, …). Each case builds its
 * inputs only when it runs (so the arena never holds more than one case's data), checks that
 * every variant computes the same answer as the baseline, times them with tinybench and frees
 * its inputs.
 * @module
 */
import { Bench } from 'tinybench';
import { nd, NdArray } from '../src/index.ts';
import { NOISY_RME, steadier, type TaskStats } from './report.ts';

/** One way of doing a case's work. */
export interface Variant {
  /** Stable name, the part after the slash: `Array.filter`, `typed-loop`, `ndvec-wasm`, … */
  name: string;
  /** The timed work. Call {@link observe} on its result (free outside verification). */
  fn: () => void;
  /** Run with `nd.config({ wasm })` in force (ndvec variants only). */
  wasm?: boolean;
}

/** What a case builds when it runs: its variants, and how to free its inputs. */
export interface Fixture {
  /** The variants, baseline included. */
  variants: Variant[];
  /** Frees the inputs (ndvec and numpy-ts arrays). */
  dispose(): void;
}

/** One operation at one size. */
export interface BenchCase {
  /** Operation name, the part before the slash: `filter`, `add`, `mean axis=0`, … */
  op: string;
  /** Size label: `1K`, `100K`, `1M`, `1000×1000`, … */
  size: string;
  /** The variant every ratio is taken against (the plain typed-array loop). */
  baseline: string;
  /** Builds the inputs and the variants (called once, just before timing). */
  setup(): Fixture;
}

/** tinybench timing settings. */
export interface Timing {
  /** Time budget a task, ms. */
  time: number;
  /** Minimum iterations a task. */
  iterations: number;
  /** Warm-up budget a task, ms. */
  warmupTime: number;
  /** Minimum warm-up iterations a task. */
  warmupIterations: number;
}

/** One line of the results: a variant of a case. */
export interface ResultRow {
  /** Operation name. */
  op: string;
  /** Size label. */
  size: string;
  /** Variant name. */
  variant: string;
  /** Operations a second (1000 / mean). */
  hz: number;
  /** Mean time of one operation, ms. */
  meanMs: number;
  /** Median time of one operation, ms: the typical call, without the GC pauses that the mean spreads over all calls. */
  p50Ms: number;
  /** Relative margin of error of the mean, percent. */
  rme: number;
  /** Speed-up over the case's baseline (baseline mean / this mean); NaN when unknown. */
  ratio: number;
  /** Timed samples. */
  samples: number;
  /** Why there is no figure (the variant threw, or computed a different answer). */
  error?: string;
  /** The relative error stayed over {@link NOISY_RME} % after a re-run: the figure is marked, not trusted. */
  noisy?: boolean;
}

interface Digest {
  count: number;
  sum: number;
  sumAbs: number;
}

let verifying = false;
let lastDigest: Digest | null = null;

function digestOf(values: ArrayLike<unknown>): Digest {
  let sum = 0;
  let sumAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    sum += v;
    sumAbs += Math.abs(v);
  }
  return { count: values.length, sum, sumAbs };
}

interface NumpyTsLike {
  toArray(): unknown;
  dispose(): void;
}

function digest(x: unknown): Digest {
  if (typeof x === 'number' || typeof x === 'boolean') return digestOf([x]);
  if (x instanceof NdArray) return digestOf(x.toFloat64Array());
  if (Array.isArray(x)) return digestOf(x.flat(Infinity));
  if (ArrayBuffer.isView(x)) return digestOf(x as unknown as ArrayLike<number>);
  const maybe = x as Partial<NumpyTsLike> | null;
  if (maybe !== null && typeof maybe.toArray === 'function') {
    const flat = maybe.toArray();
    return digestOf(Array.isArray(flat) ? flat.flat(Infinity) : [flat]);
  }
  throw new TypeError(`cannot digest a ${Object.prototype.toString.call(x)}`);
}

/**
 * Hands a variant's result to the correctness check. Outside the check it returns at once,
 * so it costs one branch in the timed loop. Call it before disposing the result.
 * @param result the variant's answer: a number, an NdArray, a typed array, an Array, or a
 *   numpy-ts array
 * @example
 * const r = a.where(m); observe(r); r.dispose();
 */
export function observe(result: unknown): void {
  if (verifying) lastDigest = digest(result);
}

/**
 * Observes a result, then frees it and the temporaries that produced it, as user code that
 * follows the docs does (ndvec and numpy-ts arrays both have `dispose()`).
 * @param result the answer (a number is only observed)
 * @param temporaries arrays computed on the way
 * @example
 * const m = a.gt(0); observeAndFree(a.where(m), m);
 */
export function observeAndFree(result: unknown, ...temporaries: { dispose(): void }[]): void {
  observe(result);
  if (typeof result === 'object' && result !== null && 'dispose' in result) (result as { dispose(): void }).dispose();
  for (const t of temporaries) t.dispose();
}

/**
 * The two ndvec variants of one piece of work: `ndvec-js` (JS kernels) and `ndvec-wasm`.
 * @param fn the work, written against the public API
 * @param suffix appended to both names (`-no-dispose` …)
 * @returns the two variants
 * @example
 * ndvecVariants(() => { const r = a.add(b); observe(r); r.dispose(); });
 */
export function ndvecVariants(fn: () => void, suffix = ''): Variant[] {
  return [
    { name: `ndvec-js${suffix}`, fn, wasm: false },
    { name: `ndvec-wasm${suffix}`, fn, wasm: true },
  ];
}

function sameAnswer(a: Digest, b: Digest): boolean {
  if (a.count !== b.count) return false;
  const tolerance = 1e-9 * Math.max(a.sumAbs, b.sumAbs) + 1e-12;
  return Math.abs(a.sum - b.sum) <= tolerance;
}

function describe(d: Digest): string {
  return `${d.count} values summing to ${d.sum}`;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 120);
}

/** Runs a variant once with the check on; returns its digest or the error text. */
function verifyVariant(v: Variant): Digest | string {
  verifying = true;
  lastDigest = null;
  try {
    nd.config({ wasm: v.wasm ?? true });
    v.fn();
    return lastDigest ?? 'the variant never called observe()';
  } catch (e) {
    return message(e);
  } finally {
    verifying = false;
    nd.config({ wasm: true });
  }
}

/**
 * Yields to the event loop so pending finalizers run. It does not force a GC: a forced full
 * GC (`--expose-gc`, `gc()`) shrinks the young generation, after which a loop that allocates
 * its result ran up to 15× slower (a 1K filter loop: 1.6 µs → 26 µs median).
 */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Times one variant with tinybench; returns its statistics or the error text. */
async function timeVariant(c: BenchCase, v: Variant, timing: Timing): Promise<TaskStats | string> {
  await settle();
  const bench = new Bench({ name: `${c.op} ${c.size}`, ...timing });
  const wasm = v.wasm ?? true;
  bench.add(`${c.op}/${v.name}`, v.fn, {
    beforeAll: () => void nd.config({ wasm }),
    afterAll: () => void nd.config({ wasm: true }),
  });
  bench.runSync();
  const r = bench.tasks[0]!.result;
  if (r.state === 'completed' || r.state === 'aborted-with-statistics') {
    return { meanMs: r.latency.mean, p50Ms: r.latency.p50, rme: r.latency.rme, samples: r.latency.samplesCount };
  }
  return r.state === 'errored' ? message(r.error) : `not timed (${r.state})`;
}

/**
 * Checks and times one case: every variant must give the baseline's answer (count and sum
 * of the result); variants that differ or throw get no figure.
 * @param c the case
 * @param timing tinybench settings
 * @returns one row a variant, in the case's order
 */
export async function runCase(c: BenchCase, timing: Timing): Promise<ResultRow[]> {
  const fixture = c.setup();
  try {
    const rows = new Map<string, ResultRow>();
    const reference = fixture.variants.find((v) => v.name === c.baseline);
    const expected = reference === undefined ? 'no baseline' : verifyVariant(reference);
    const timed: { v: Variant; row: ResultRow }[] = [];
    for (const v of fixture.variants) {
      const row: ResultRow = { op: c.op, size: c.size, variant: v.name, hz: NaN, meanMs: NaN, p50Ms: NaN, rme: NaN, ratio: NaN, samples: 0 };
      rows.set(v.name, row);
      const got = v === reference ? expected : verifyVariant(v);
      if (typeof got === 'string') row.error = got;
      else if (typeof expected === 'string') row.error = `baseline ${c.baseline} failed: ${expected}`;
      else if (!sameAnswer(got, expected)) row.error = `got ${describe(got)}, ${c.baseline} gave ${describe(expected)}`;
      if (row.error === undefined) timed.push({ v, row });
    }
    // One variant at a time, with finalizers run in between. A figure noisier than
    // NOISY_RME % is measured once more; the steadier run is kept, and marked if still noisy.
    for (const { v, row } of timed) {
      let stats = await timeVariant(c, v, timing);
      if (typeof stats !== 'string' && stats.rme > NOISY_RME) {
        const again = await timeVariant(c, v, timing);
        if (typeof again !== 'string') stats = steadier(stats, again);
      }
      if (typeof stats === 'string') {
        row.error = stats;
        continue;
      }
      Object.assign(row, stats, { hz: 1000 / stats.meanMs });
      if (stats.rme > NOISY_RME) row.noisy = true;
    }
    const base = rows.get(c.baseline);
    for (const row of rows.values()) row.ratio = base === undefined ? NaN : base.meanMs / row.meanMs;
    return [...rows.values()];
  } finally {
    fixture.dispose();
    nd.config({ wasm: true });
    await settle();
  }
}

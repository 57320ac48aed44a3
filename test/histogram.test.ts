/**
 * histogram / histogramBinEdges / bincount / digitize: NumPy 2.4's values written out
 * (test/fixtures/stats.json, from scripts/stats-fixtures.py: integer bins, every estimator,
 * ranges, density, weights, given edges with repeats, values exactly on computed edges, NaN
 * and ±Inf data, empty and size-1 data), compared bit for bit with the WASM kernels on and
 * off; edge cases and errors; fast-check properties with a fixed seed (counts sum to the
 * number of in-range values; bincount sums; the WASM and JS paths agree).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { ArgumentError, DTypeError, ShapeError } from '../src/errors.ts';

interface Result {
  expected?: string[] | string[][];
  expectedShape?: number[] | number[][];
  error?: string;
}
interface HistCase {
  data: string;
  bins: number | string | string[];
  range: string[] | null;
  density: boolean;
  weighted: boolean;
  histogram: Result;
  edges: Result;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'stats.json'), 'utf8')) as {
  numpy: string;
  data: Record<string, { x: string[]; shape: number[] }>;
  weights: Record<string, { x: string[]; shape: number[] }>;
  histogram: HistCase[];
  bincount: ({ x: string[]; weights: string[] | null; minlength: number } & Result)[];
  digitize: ({ x: string[]; bins: string[]; right: boolean } & Result)[];
};

const num = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const make = (src: { x: string[]; shape: number[] }): NdArray => nd.array(src.x.map(num)).reshape(src.shape);
const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** NumPy errors as ndvec's named ones. */
const ERRORS: Record<string, (e: unknown) => boolean> = {
  ValueError: (e) => e instanceof ArgumentError || e instanceof ShapeError,
  TypeError: (e) => e instanceof ArgumentError || e instanceof DTypeError,
  MemoryError: (e) => e instanceof ArgumentError, // an estimator asking for ~1e16 bins
};

/** Runs `f`, checks an error against NumPy's or returns the value. */
function outcome<T>(label: string, expected: Result, f: () => T, failures: string[]): T | null {
  try {
    const r = f();
    if (expected.error !== undefined) failures.push(`${label}: returned, NumPy raised ${expected.error}`);
    return expected.error === undefined ? r : null;
  } catch (e) {
    if (expected.error === undefined) failures.push(`${label}: threw ${String(e)}`);
    else if (!ERRORS[expected.error]?.(e)) failures.push(`${label}: threw ${String(e)}, NumPy ${expected.error}`);
    return null;
  }
}

for (const wasm of [true, false]) {
  describe(`histogram family against NumPy ${fixture.numpy} (wasm ${wasm})`, () => {
    const before = nd.config().wasm;
    after(() => void nd.config({ wasm: before }));

    test(`${fixture.histogram.length} histogram / histogramBinEdges cases, bit for bit`, () => {
      nd.config({ wasm });
      const failures: string[] = [];
      for (const c of fixture.histogram) {
        const a = make(fixture.data[c.data]!);
        const w = c.weighted ? make(fixture.weights[c.data]!) : undefined;
        const bins = Array.isArray(c.bins) ? c.bins.map(num) : c.bins;
        const range = c.range === null ? undefined : (c.range.map(num) as [number, number]);
        const label = `histogram(${c.data}, ${JSON.stringify(c.bins)}, range ${JSON.stringify(c.range)}, density ${c.density}, weighted ${c.weighted})`;
        const h = outcome(label, c.histogram, () => nd.histogram(a, bins as never, { range, density: c.density, weights: w }), failures);
        if (h !== null) {
          const [hist, edges] = c.histogram.expected as string[][];
          // weighted sums over given edges: running sums in the order of NumPy's (unstable)
          // argsort, so ties of equal values may add their weights in another order
          const tolerance = c.weighted && Array.isArray(c.bins) ? 8 * Number.EPSILON * hist!.map(num).reduce((t, v) => t + Math.abs(v), 0) : 0;
          const near = (x: number[], y: number[]): boolean => x.length === y.length && x.every((v, i) => Object.is(v, y[i]) || Math.abs(v - y[i]!) <= tolerance);
          if (!near(Array.from(h.hist.toFloat64Array()), hist!.map(num))) failures.push(`${label}: hist [${Array.from(h.hist.toFloat64Array())}] vs NumPy [${hist}]`);
          if (!same(Array.from(h.binEdges.toFloat64Array()), edges!.map(num))) failures.push(`${label}: edges [${Array.from(h.binEdges.toFloat64Array())}] vs NumPy [${edges}]`);
          h.hist.dispose();
          h.binEdges.dispose();
        }
        const e = outcome(`${label} edges`, c.edges, () => nd.histogramBinEdges(a, bins as never, { range, weights: w }), failures);
        if (e !== null) {
          if (!same(Array.from(e.toFloat64Array()), (c.edges.expected as string[]).map(num))) failures.push(`${label}: histogramBinEdges [${Array.from(e.toFloat64Array())}] vs NumPy [${c.edges.expected}]`);
          e.dispose();
        }
        a.dispose();
        w?.dispose();
      }
      assert.deepEqual(failures, []);
    });

    test(`${fixture.bincount.length} bincount and ${fixture.digitize.length} digitize cases`, () => {
      nd.config({ wasm });
      const failures: string[] = [];
      for (const c of fixture.bincount) {
        const label = `bincount(${c.x.length} values, weights ${c.weights !== null}, minlength ${c.minlength})`;
        const r = outcome(label, c, () => nd.bincount(c.x.map(num), { weights: c.weights?.map(num), minlength: c.minlength }), failures);
        if (r !== null && !same(Array.from(r.toFloat64Array()), (c.expected as string[]).map(num))) failures.push(`${label}: [${Array.from(r.toFloat64Array())}] vs NumPy [${c.expected}]`);
      }
      for (const c of fixture.digitize) {
        const label = `digitize(bins [${c.bins}], right ${c.right})`;
        const r = outcome(label, c, () => nd.digitize(c.x.map(num), c.bins.map(num), { right: c.right }), failures);
        if (r !== null && !same(Array.from((r as NdArray).toFloat64Array()), (c.expected as string[]).map(num))) {
          failures.push(`${label}: [${Array.from((r as NdArray).toFloat64Array())}] vs NumPy [${c.expected}]`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}

describe('histogram family: edge cases', () => {
  test('NumPy docstring examples', () => {
    const r = nd.histogram([1, 2, 1], [0, 1, 2, 3]);
    assert.deepEqual([r.hist.toArray(), r.binEdges.toArray()], [[0, 2, 1], [0, 1, 2, 3]]);
    assert.deepEqual(nd.histogram(nd.arange(4), nd.arange(5), { density: true }).hist.toArray(), [0.25, 0.25, 0.25, 0.25]);
    assert.deepEqual(nd.histogram([[1, 2, 1], [1, 0, 1]], [0, 1, 2, 3]).hist.toArray(), [1, 4, 1]);
    assert.deepEqual(nd.histogram(nd.arange(5), 10, { density: true }).hist.toArray(), [0.5, 0, 0.49999999999999983, 0, 0, 0.49999999999999956, 0, 0.5000000000000001, 0, 0.5000000000000001]);
    assert.deepEqual(nd.digitize([0.2, 6.4, 3.0, 1.6], [0, 1, 2.5, 4, 10]).toArray(), [1, 4, 3, 2]);
    assert.deepEqual(nd.bincount(nd.arange(5)).toArray(), [1, 1, 1, 1, 1]);
    assert.deepEqual(nd.bincount([0, 1, 1, 3, 2, 1, 7]).toArray(), [1, 3, 1, 1, 0, 0, 0, 1]);
  });

  test('views: strided, transposed and reversed data equal their copies', () => {
    const base = nd.array(Array.from({ length: 60 }, (_, i) => Math.sin(i) * 10)).reshape([6, 10]);
    for (const view of [base.T, base.slice('::2', '::-3'), base.slice(null, 4)]) {
      const copy = view.copy();
      for (const bins of [7, 'auto', [-5, 0, 5]] as const) {
        const x = nd.histogram(view, bins as never, { weights: typeof bins === 'string' ? undefined : view.abs() });
        const y = nd.histogram(copy, bins as never, { weights: typeof bins === 'string' ? undefined : copy.abs() });
        assert.deepEqual([x.hist.toArray(), x.binEdges.toArray()], [y.hist.toArray(), y.binEdges.toArray()]);
      }
      assert.deepEqual(nd.digitize(view, [-5, 0, 5]).toArray(), nd.digitize(copy, [-5, 0, 5]).toArray());
      copy.dispose();
    }
    const ints = nd.array([3, 0, 1, 1, 2, 9, 4, 4]);
    assert.deepEqual(nd.bincount(ints.slice('::-2')).toArray(), nd.bincount(ints.slice('::-2').copy()).toArray());
  });

  test('bool data is 0/1 (an estimator sees integers: width at least 1, as NumPy on uint8)', () => {
    const b = nd.array([true, false, true, true]);
    assert.deepEqual(nd.histogram(b, 2).hist.toArray(), [1, 3]);
    assert.deepEqual(nd.histogramBinEdges(b, 'auto').toArray(), [0, 1]);
    assert.deepEqual(nd.bincount(b).toArray(), [1, 3]);
  });

  test('values outside the range, NaN and ±Inf are ignored with a range; autodetected NaN/Inf throws', () => {
    const r = nd.histogram([NaN, -Infinity, 0, 1, 2, Infinity, 5], 2, { range: [0, 2] });
    assert.deepEqual(r.hist.toArray(), [1, 2]);
    assert.throws(() => nd.histogram([1, NaN]), (e: unknown) => e instanceof ArgumentError && /autodetected range of \[nan, nan\] is not finite/.test(e.message));
    assert.throws(() => nd.histogram([1, Infinity]), (e: unknown) => e instanceof ArgumentError && /\[1, Infinity\]/.test(e.message));
    // given edges ignore NaN (NumPy sorts it last)
    assert.deepEqual(nd.histogram([1, NaN, 2], [0, 1, 2]).hist.toArray(), [0, 2]);
  });

  test('min == max widens to ±0.5; empty data uses [0, 1]', () => {
    assert.deepEqual(nd.histogramBinEdges([3, 3], 2).toArray(), [2.5, 3, 3.5]);
    assert.deepEqual(nd.histogram([], 4).binEdges.toArray(), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(nd.histogram([], 4).hist.toArray(), [0, 0, 0, 0]);
    assert.deepEqual(nd.histogram([7], 1).hist.toArray(), [1]);
  });

  test('errors: named, with the values; inputs left intact', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    assert.throws(() => nd.histogram(a, 0), ArgumentError);
    assert.throws(() => nd.histogram(a, 2.5), ArgumentError);
    assert.throws(() => nd.histogram(a, 'best' as never), ArgumentError);
    assert.throws(() => nd.histogram(a, [3, 1, 2]), (e: unknown) => e instanceof ArgumentError && /increase monotonically/.test(e.message));
    assert.throws(() => nd.histogram(a, nd.ones([2, 2])), ShapeError);
    assert.throws(() => nd.histogram(a, 3, { range: [2, 1] }), (e: unknown) => e instanceof ArgumentError && /max must be larger than min/.test(e.message));
    assert.throws(() => nd.histogram(a, 3, { range: [0, Infinity] }), /supplied range of \[0, Infinity\] is not finite/);
    assert.throws(() => nd.histogram(a, 3, { range: [0] as never }), ArgumentError);
    assert.throws(() => nd.histogram(a, 3, { weights: nd.ones([4]) }), (e: unknown) => e instanceof ShapeError && e.shapes.length === 2 && /weights \[4\], a \[2,2\]/.test(e.message));
    assert.throws(() => nd.histogram(a, 'auto', { weights: nd.ones([2, 2]) }), ArgumentError);
    assert.throws(() => nd.histogram(a, 3, { density: 1 } as never), ArgumentError);
    assert.throws(() => nd.histogram(a, 3, { bins: 3 } as never), ArgumentError);
    assert.throws(() => (nd.histogram as (...x: unknown[]) => unknown)(a, 3, {}, 1), ArgumentError);
    assert.throws(() => nd.histogram([1e308, -1e308]), /Too many bins/);
    assert.throws(() => nd.bincount([1, 2.5]), DTypeError);
    assert.throws(() => nd.bincount([1, NaN]), DTypeError);
    assert.throws(() => nd.bincount([1, -1, 0.5]), DTypeError); // NumPy's cast fails before the sign check
    assert.throws(() => nd.bincount([1, -1]), (e: unknown) => e instanceof ArgumentError && /no negative elements, got -1 at index 1/.test(e.message));
    assert.throws(() => nd.bincount(a), ShapeError);
    assert.throws(() => nd.bincount([1, 2], { weights: [1] }), (e: unknown) => e instanceof ShapeError && e.shapes.length === 2);
    assert.throws(() => nd.bincount([1, 2], { minlength: -1 }), ArgumentError);
    assert.throws(() => nd.digitize([1, 2], [1, 3, 2]), (e: unknown) => e instanceof ArgumentError && /monotonically/.test(e.message));
    assert.throws(() => nd.digitize([1, 2], [[1, 2]]), ShapeError);
    assert.throws(() => nd.digitize([1, 2], [1, 2], { right: 'yes' } as never), ArgumentError);
    assert.deepEqual(a.toArray(), [[1, 2], [3, 4]]);
  });

  test('digitize of a number gives a number; of a 2-D array, its shape', () => {
    assert.equal(nd.digitize(4, [0, 1, 2.5, 4, 10], { right: true }), 3);
    assert.equal(nd.digitize(4, [0, 1, 2.5, 4, 10]), 4);
    assert.deepEqual(nd.digitize([[1, 5], [11, -1]], [10, 4, 0]).toArray(), [[2, 1], [0, 3]]);
    assert.deepEqual(nd.digitize([], [1, 2]).toArray(), []);
  });

  test('large inputs: the WASM kernels and the JS reference give the same bits', () => {
    const xs = Array.from({ length: 70001 }, (_, i) => Math.sin(i * 0.37) * 3 + (i % 97) * 1e-3);
    const a = nd.array(xs);
    const w = nd.array(xs.map((x) => x * x + 0.1));
    const ints = nd.array(xs.map((x) => Math.floor(Math.abs(x) * 10)));
    const runAll = (): unknown[] => {
      const r = [nd.histogram(a, 10), nd.histogram(a, 100, { weights: w }), nd.histogram(a, 13, { range: [-1, 2.2], density: true })];
      return [...r.flatMap((h) => [h.hist.toArray(), h.binEdges.toArray()]), nd.bincount(ints).toArray(), nd.bincount(ints, { weights: w }).toArray(),
        nd.digitize(a, [-2, -1, 0, 0.5, 3]).toArray(), nd.digitize(a, [3, 1, -1], { right: true }).toArray()];
    };
    const before = nd.config().wasm;
    try {
      nd.config({ wasm: true });
      const fromWasm = runAll();
      nd.config({ wasm: false });
      assert.deepStrictEqual(runAll(), fromWasm);
    } finally {
      nd.config({ wasm: before });
    }
  });
});

describe('histogram family: properties (fast-check, seed 42)', () => {
  const data = fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0)), { maxLength: 300 });

  test('histogram counts sum to the number of values in range (closed), WASM and JS alike', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 1, max: 40 }), fc.double({ min: -50, max: -0.5, noNaN: true }), fc.double({ min: 0.5, max: 50, noNaN: true }), (xs, bins, lo, hi) => {
        const inRange = xs.filter((x) => x >= lo && x <= hi).length;
        const before = nd.config().wasm;
        try {
          nd.config({ wasm: true });
          const w = nd.histogram(xs, bins, { range: [lo, hi] }).hist.toArray() as number[];
          nd.config({ wasm: false });
          const j = nd.histogram(xs, bins, { range: [lo, hi] }).hist.toArray() as number[];
          assert.deepEqual(w, j);
          assert.equal(w.reduce((s, v) => s + v, 0), inRange);
        } finally {
          nd.config({ wasm: before });
        }
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test('each counted value lies in its bin: [e_i, e_i+1), the last bin closed', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (xs, bins) => {
        const { hist, binEdges } = nd.histogram(xs, bins);
        const e = binEdges.toArray() as number[];
        const expected = new Array<number>(bins).fill(0);
        for (const x of xs) {
          let i = e.findIndex((_, k) => k < bins && x >= e[k]! && (x < e[k + 1]! || (k === bins - 1 && x <= e[bins]!)));
          if (i < 0) i = x === e[bins] ? bins - 1 : -1;
          assert.ok(i >= 0, `value ${x} in no bin of [${e}]`);
          expected[i]!++;
        }
        assert.deepEqual(hist.toArray(), expected);
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test('bincount: sums to the length (or the weights sum), entry i counts the i', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }), fc.integer({ min: 0, max: 40 }), (xs, minlength) => {
        const r = nd.bincount(xs, { minlength }).toArray() as number[];
        assert.equal(r.length, Math.max(xs.length === 0 ? 0 : Math.max(...xs) + 1, minlength));
        assert.equal(r.reduce((s, v) => s + v, 0), xs.length);
        for (let i = 0; i < r.length; i++) assert.equal(r[i], xs.filter((x) => x === i).length);
        const w = xs.map((x) => x * 0.5 + 1);
        const rw = nd.bincount(xs, { weights: w, minlength }).toArray() as number[];
        const total = w.reduce((s, v) => s + v, 0);
        assert.ok(Math.abs(rw.reduce((s, v) => s + v, 0) - total) <= 1e-12 * Math.max(1, total));
        for (let i = 0; i < rw.length; i++) assert.equal(rw[i], xs.reduce((s, x, j) => (x === i ? s + w[j]! : s), 0));
        return true;
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  test('digitize agrees with a linear scan of the edges, both directions and sides', () => {
    fc.assert(
      fc.property(data, fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (xs, raw, right, decreasing) => {
        const edges = [...raw].sort((p, q) => (decreasing ? q - p : p - q));
        decreasing = decreasing && edges.length > 1; // one edge counts as increasing (NumPy)
        const got = nd.digitize(xs, edges, { right }).toArray() as number[];
        // increasing: #(e < x) with right, #(e <= x) without; decreasing: m minus those
        const below = (x: number): number => edges.filter((e) => (right ? e < x : e <= x)).length;
        const expected = xs.map((x) => (decreasing ? edges.length - below(x) : below(x)));
        // NaN: NumPy sorts it after every edge
        const nanFixed = expected.map((v, i) => (Number.isNaN(xs[i]!) ? (decreasing ? 0 : edges.length) : v));
        assert.deepEqual(got, nanFixed);
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

/**
 * Selection and order statistics (issue 14): partition/argpartition, median, quantile and
 * percentile with every NumPy method, nanmedian/nanquantile/nanpercentile. NumPy's values
 * written out (scripts/selection-fixtures.py → test/fixtures/selection.json), edge cases, and
 * fast-check properties (fixed seed): a partition is a permutation with the partition
 * property, WASM and JS give identical rows, the median-of-medians fallback selects right.
 * Every table runs on the JS kernels and on WASM.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, DisposedError, NdvecError } from '../src/errors.ts';
import { QUANTILE_METHODS, type QuantileMethod } from '../src/ops/statistics.ts';
import { setSelectRounds } from '../src/ops/select.ts';
import { assertValues, onJsAndWasm } from './helpers.ts';

type Enc = number | string | Enc[];
const dec = (x: Enc): unknown =>
  Array.isArray(x) ? x.map(dec) : x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x === '-0' ? -0 : x;
const F = JSON.parse(readFileSync(new URL('./fixtures/selection.json', import.meta.url), 'utf8')) as {
  quantile: { a: Enc; method: QuantileMethod; q: number[]; quantile: Enc; nanquantile: Enc }[];
  median: { a: Enc; median: Enc; nanmedian: Enc }[];
  axes: { a: Enc; axis: number | number[] | null; keepdims: boolean; shape: number[]; [k: string]: unknown }[];
  partition: { a: Enc; kth: number | number[]; at: Enc }[];
  sort: { a: Enc; sort: Enc; argsort: Enc }[];
};

const toList = (r: NdArray | number): unknown => {
  if (typeof r === 'number') return r;
  const v = r.toArray();
  r.dispose();
  return v;
};

/** Both kernels give `expected` (exactly: -0 differs from 0, NaN equals NaN). */
function bothKernels(run: () => unknown, expected: unknown, what: string): void {
  const [js, wasm] = onJsAndWasm(run);
  assertValues(js, expected, 0, `${what} (JS)`);
  assertValues(wasm, expected, 0, `${what} (WASM)`);
}

describe('quantile/nanquantile: every NumPy method, bit for bit', () => {
  for (const method of QUANTILE_METHODS) {
    test(method, () => {
      const cases = F.quantile.filter((c) => c.method === method);
      assert.ok(cases.length > 10);
      for (const c of cases) {
        const a = dec(c.a) as number[];
        bothKernels(() => toList(nd.quantile(a, c.q, null, { method })), dec(c.quantile), `quantile ${JSON.stringify(c.a)}`);
        bothKernels(() => toList(nd.nanquantile(a, c.q, null, { method })), dec(c.nanquantile), `nanquantile ${JSON.stringify(c.a)}`);
        // percentile is quantile of p / 100: exact where p / 100 gives q back.
        const p = c.q.filter((q) => (q * 100) / 100 === q);
        const idx = p.map((q) => c.q.indexOf(q));
        const want = idx.map((i) => (dec(c.quantile) as number[])[i]);
        bothKernels(() => toList(nd.percentile(a, p.map((q) => q * 100), null, { method })), want, `percentile ${JSON.stringify(c.a)}`);
      }
    });
  }
  test('default method is linear; one q gives a number', () => {
    assert.equal(nd.quantile([1, 2, 3, 4], 0.25), 1.75);
    assert.equal(nd.array([1, 2, 3, 4]).quantile(0.25, null, { method: 'lower' }), 1);
    assert.equal(nd.array([1, 2, 3, 4]).percentile(50, null, { method: 'midpoint' }), 2.5);
    assert.equal(nd.nanpercentile([1, NaN, 2, 3, 4], 50), 2.5);
  });
});

describe('median/nanmedian: NumPy values', () => {
  test('1-D lines', () => {
    for (const c of F.median) {
      const a = dec(c.a) as number[];
      bothKernels(() => nd.median(a), dec(c.median), `median ${JSON.stringify(c.a)}`);
      bothKernels(() => nd.nanmedian(a), dec(c.nanmedian), `nanmedian ${JSON.stringify(c.a)}`);
    }
  });
});

describe('over axes, keepdims, on views', () => {
  for (const c of F.axes) {
    const label = `${JSON.stringify(c.shape)} axis=${JSON.stringify(c.axis)} keepdims=${c.keepdims}`;
    test(label, () => {
      const data = dec(c.a) as number[][];
      const opts = { keepdims: c.keepdims };
      const views: [string, () => NdArray][] = [
        ['contiguous', () => nd.array(data)],
        // The same values through a transposed copy viewed back: strides differ, values do not.
        ['transposed view', () => {
          const t = nd.array(data).transpose().copy();
          return t.transpose();
        }],
      ];
      for (const [how, make] of views) {
        const a = make();
        const ax = c.axis as number | number[] | null;
        const sh = (r: NdArray | number): number[] => (typeof r === 'number' ? [] : r.shape.slice());
        const m = a.median(ax, opts);
        assert.deepEqual(sh(m), c.shape, `${how} median shape`);
        if (typeof m !== 'number') m.dispose();
        bothKernels(() => toList(a.median(ax, opts)), dec(c.median as Enc), `${how} median`);
        bothKernels(() => toList(a.nanmedian(ax, opts)), dec(c.nanmedian as Enc), `${how} nanmedian`);
        bothKernels(() => toList(a.quantile([0.2, 0.5], ax, opts)), dec(c.quantile as Enc), `${how} quantile`);
        bothKernels(() => toList(a.nanquantile([0.2, 0.5], ax, opts)), dec(c.nanquantile as Enc), `${how} nanquantile`);
        bothKernels(() => toList(a.nanpercentile(30, ax, { ...opts, method: 'nearest' })), dec(c.nanpercentile_nearest as Enc), `${how} nanpercentile`);
        a.dispose();
      }
    });
  }
});

/** Asserts `p` (values of one line) is a partition of `a` at `kths`: a permutation, sorted values at kth, sides in order. */
function assertPartition(a: readonly number[], p: readonly number[], kths: readonly number[], what: string): void {
  const key = (x: number): number => (Number.isNaN(x) ? Infinity : x);
  const less = (x: number, y: number): boolean => (Number.isNaN(y) ? !Number.isNaN(x) : x < y);
  const sorted = [...a].sort((x, y) => (Number.isNaN(x) ? 1 : 0) - (Number.isNaN(y) ? 1 : 0) || x - y);
  const bag = (xs: readonly number[]): string[] => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x))).sort();
  assert.deepEqual(bag(p), bag(a), `${what}: not a permutation`);
  for (const k of kths) {
    assert.ok(Object.is(key(p[k]!), key(sorted[k]!)) || p[k] === sorted[k], `${what}: position ${k} holds ${p[k]}, sorted ${sorted[k]}`);
    for (let i = 0; i < k; i++) assert.ok(!less(p[k]!, p[i]!), `${what}: ${p[i]} at ${i} before kth ${k} (${p[k]})`);
    for (let i = k + 1; i < p.length; i++) assert.ok(!less(p[i]!, p[k]!), `${what}: ${p[i]} at ${i} after kth ${k} (${p[k]})`);
  }
}

describe('partition/argpartition', () => {
  test('NumPy values at kth, the partition property, argpartition takes to a partition', () => {
    for (const c of F.partition) {
      const a = dec(c.a) as number[];
      const kths = (Array.isArray(c.kth) ? c.kth : [c.kth]).map((k) => (k < 0 ? k + a.length : k));
      const [pj, pw] = onJsAndWasm(() => nd.partition(a, c.kth).toArray() as number[]);
      const [ij, iw] = onJsAndWasm(() => nd.argpartition(a, c.kth).toArray() as number[]);
      assert.deepEqual(pw.map(String), pj.map(String), 'WASM and JS partition differ');
      assert.deepEqual(iw, ij, 'WASM and JS argpartition differ');
      // Which of equal values (-0 or 0) lands at kth is unspecified: compare with 0 for -0.
      const plus0 = (xs: number[]): number[] => xs.map((x) => (x === 0 ? 0 : x));
      assertValues(plus0(kths.map((k) => pw[k]!)), plus0(dec(c.at) as number[]), 0, `partition ${JSON.stringify(c.a)} kth ${JSON.stringify(c.kth)}`);
      assertPartition(a, pw, kths, 'partition');
      assertPartition(a, iw.map((i) => a[i]!), kths, 'argpartition');
    }
  });

  test('negative kth, several kth, axis null flattens, axis 0, method and nd forms', () => {
    const m = nd.array([[9, 1, 5], [3, 7, 2]]);
    assert.deepEqual((m.partition(-1).toArray() as number[][]).map((r) => r[2]), [9, 7]);
    assert.deepEqual((nd.partition(m, [0, 2], 1).toArray() as number[][]).map((r) => [r[0], r[2]]), [[1, 9], [2, 7]]);
    const flat = m.partition(5, null);
    assert.deepEqual(flat.shape, [6]);
    assert.equal(flat.get(5), 9);
    assert.deepEqual(m.partition(0, 0).toArray(), [[3, 1, 2], [9, 7, 5]]);
    assert.deepEqual(m.argpartition(1, 0).toArray(), [[1, 0, 1], [0, 1, 0]]);
    assert.deepEqual(nd.argpartition([5, 1, 4], 0, null).get(0), 1);
    assert.deepEqual(nd.partition([[3, 1]], 0).toArray(), [[1, 3]]);
    m.dispose();
  });

  test('kth out of bounds names kth and the axis size; bad kth types', () => {
    const a = nd.array([[1, 2, 3]]);
    assert.throws(() => a.partition(3), (e: unknown) => e instanceof ArgumentError && /kth 3 is out of bounds for axis 1 of size 3/.test(e.message));
    assert.throws(() => a.argpartition(-4), (e: unknown) => e instanceof ArgumentError && /kth -4 is out of bounds for axis 1 of size 3/.test(e.message));
    assert.throws(() => a.partition(1, 0), (e: unknown) => e instanceof ArgumentError && /of size 1/.test(e.message));
    assert.throws(() => a.partition(1.5), ArgumentError);
    assert.throws(() => a.partition([0, '1' as unknown as number]), ArgumentError);
    assert.throws(() => a.partition('0' as unknown as number), ArgumentError);
    assert.throws(() => a.partition(0, 2), AxisError);
    assert.throws(() => nd.array(5).partition(0), AxisError);
    // NumPy checks kth only against an axis with data: np.partition(np.zeros(0), 0) is []
    assert.deepEqual(nd.zeros([0]).partition(0).shape, [0]);
    assert.deepEqual(nd.zeros([0]).argpartition(3).shape, [0]);
    assert.deepEqual(nd.zeros([2, 0]).partition(0, 0).shape, [2, 0]);
    a.dispose();
  });

  test('size 1, bool arrays, strided and transposed inputs, input untouched', () => {
    assert.deepEqual(nd.partition([4], 0).toArray(), [4]);
    assert.deepEqual(nd.argpartition([4], -1).toArray(), [0]);
    const b = nd.array([true, false, true, false]);
    const pb = b.partition(1);
    assert.equal(pb.dtype, 'bool');
    assert.deepEqual(pb.toArray(), [false, false, true, true]);
    assert.deepEqual(b.argpartition(1).toArray(), [1, 3, 0, 2]);
    const base = nd.array([[8, 1, 6, 3, 5], [4, 9, 2, 7, 0], [3, 3, 3, 1, 1]]);
    for (const [how, v] of [['transposed', base.T], ['strided', base.slice(null, '::-2')]] as const) {
      for (const axis of [0, 1]) {
        const values = v.toArray() as number[][];
        const n = v.shape[axis]!;
        for (const kth of [0, n - 1, n >> 1]) {
          const [pj, pw] = onJsAndWasm(() => v.partition(kth, axis).toArray() as number[][]);
          assert.deepEqual(pw, pj, `${how} axis ${axis}: WASM and JS differ`);
          const lines = axis === 1 ? values : values[0]!.map((_, j) => values.map((r) => r[j]!));
          const plines = axis === 1 ? pw : pw[0]!.map((_, j) => pw.map((r) => r[j]!));
          lines.forEach((line, r) => assertPartition(line, plines[r]!, [kth], `${how} axis ${axis} line ${r}`));
        }
      }
    }
    assert.deepEqual((base.toArray() as number[][])[0], [8, 1, 6, 3, 5]);
    base.dispose();
  });

  test('disposed input throws DisposedError', () => {
    const a = nd.array([1, 2]);
    a.dispose();
    assert.throws(() => a.partition(0), DisposedError);
    assert.throws(() => a.nanmedian(), DisposedError);
  });
});

describe('order statistics: edge cases', () => {
  test('empty slices give NaN; all-NaN slices give NaN in the nan* forms', () => {
    bothKernels(() => nd.median(nd.zeros([0])), NaN, 'median of empty');
    bothKernels(() => toList(nd.nanmedian(nd.zeros([2, 0]), 1)), [NaN, NaN], 'nanmedian of empty rows');
    bothKernels(() => toList(nd.nanquantile([[NaN, NaN], [1, NaN]], [0, 1], 1)), [[NaN, 1], [NaN, 1]], 'nanquantile all-NaN row');
    bothKernels(() => toList(nd.quantile(nd.zeros([0, 3]), 0.5, 0)), [NaN, NaN, NaN], 'quantile over an empty axis');
    assert.deepEqual(nd.nanmedian(nd.zeros([3, 0]), 0).shape, [0]);
  });
  test('bool input reads as 0/1', () => {
    assert.equal(nd.array([true, false, true]).nanmedian(), 1);
    assert.equal(nd.array([true, false, true, false]).quantile(0.5, null, { method: 'higher' }), 1);
  });
  test('options are checked: method names, unknown keys, keepdims type', () => {
    const a = nd.array([1, 2, 3]);
    assert.throws(() => a.quantile(0.5, null, { method: 'cubic' as QuantileMethod }), (e: unknown) => e instanceof ArgumentError && /method must be one of/.test(e.message) && /cubic/.test(e.message));
    assert.throws(() => a.nanquantile(0.5, null, { interpolation: 'linear' } as never), (e: unknown) => e instanceof ArgumentError && /unknown option 'interpolation'/.test(e.message));
    assert.throws(() => a.nanpercentile(50, null, { keepdims: 1 as unknown as boolean }), ArgumentError);
    assert.throws(() => a.nanmedian(null, { method: 'linear' } as never), ArgumentError);
    assert.throws(() => a.nanquantile(2), (e: unknown) => e instanceof NdvecError && /\[0, 1\], got 2/.test(e.message));
    assert.throws(() => a.nanpercentile(101), (e: unknown) => e instanceof NdvecError && /\[0, 100\], got 101/.test(e.message));
    assert.throws(() => (a.nanmedian as (...x: unknown[]) => unknown)(null, {}, 1), ArgumentError);
    a.dispose();
  });
  test('the input is untouched', () => {
    const a = nd.array([5, NaN, 1, 4, 2]);
    a.median();
    a.nanquantile([0.1, 0.9]);
    a.nanmedian();
    assert.deepEqual(a.toArray(), [5, NaN, 1, 4, 2]);
    a.dispose();
  });
});

/** Values with many ties, both zeros, ±Infinity and some NaN. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -20, max: 20 }).map((x) => x / 4) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);

describe('properties (fast-check, seed 42)', () => {
  test('partition is a permutation with the partition property; argpartition takes to one; WASM = JS', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (a, ks) => {
        const kths = [...new Set(ks.map((k) => k % a.length))].sort((x, y) => x - y);
        const [pj, pw] = onJsAndWasm(() => nd.partition(a, kths).toArray() as number[]);
        const [ij, iw] = onJsAndWasm(() => nd.argpartition(a, kths).toArray() as number[]);
        assert.deepEqual(pw.map(String), pj.map(String));
        assert.deepEqual(iw, ij);
        assertPartition(a, pw, kths, 'partition');
        assert.deepEqual([...iw].sort((x, y) => x - y), a.map((_, i) => i), 'argpartition is a permutation');
        assertPartition(a, iw.map((i) => a[i]!), kths, 'argpartition');
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  test('median, lower/higher/nearest quantiles equal the sorted line\'s', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, q) => {
        const nums = a.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
        const n = nums.length;
        const h = n >> 1;
        const med = n === 0 ? NaN : n % 2 ? 0 + nums[h]! : (0 + nums[h - 1]! + nums[h]!) / 2;
        for (const wasm of [false, true]) {
          nd.config({ wasm });
          assert.ok(Object.is(nd.nanmedian(a), med), `nanmedian ${nd.nanmedian(a)} vs ${med}`);
          assert.ok(Object.is(nd.median(a), n < a.length ? NaN : med));
          if (n > 0) {
            const lower = nd.nanquantile(a, q, null, { method: 'lower' });
            assert.ok(Object.is(lower, nums[Math.floor((n - 1) * q)]), `lower ${lower}`);
            assert.ok(Object.is(nd.nanquantile(a, q, null, { method: 'higher' }), nums[Math.ceil((n - 1) * q)]));
          }
        }
        nd.config({ wasm: true });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  test('the median-of-medians fallback (from the first round) selects the same values', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.nat(), (a, k0) => {
        const k = k0 % a.length;
        const [wantJ, wantW] = onJsAndWasm(() => nd.partition(a, k).toArray() as number[]);
        setSelectRounds(0);
        try {
          const [pj, pw] = onJsAndWasm(() => nd.partition(a, k).toArray() as number[]);
          assert.deepEqual(pw.map(String), pj.map(String));
          assertPartition(a, pw, [k], 'median-of-medians partition');
          assert.ok(Object.is(pw[k], wantW[k]) && Object.is(pj[k], wantJ[k]));
        } finally {
          setSelectRounds(-1);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  test('adversarial lines select in linear time: sorted, reversed, all equal, organ pipe, two values', () => {
    const n = 200_001;
    const lines: [string, (i: number) => number][] = [
      ['sorted', (i) => i],
      ['reversed', (i) => n - i],
      ['all equal', () => 3],
      ['organ pipe', (i) => Math.min(i, n - i)],
      ['two values', (i) => i % 2],
      ['sawtooth', (i) => i % 1000],
    ];
    for (const [name, f] of lines) {
      const a = nd.array(Float64Array.from({ length: n }, (_, i) => f(i)));
      const sorted = Float64Array.from(a.toFloat64Array()).sort();
      for (const wasm of [true, false]) {
        nd.config({ wasm });
        const t0 = performance.now();
        const m = a.median() as number;
        const ms = performance.now() - t0;
        assert.equal(m, sorted[n >> 1], `${name}: median`);
        // Quadratic behaviour would take minutes here; linear takes milliseconds.
        assert.ok(ms < 5000, `${name}: median took ${ms} ms`);
      }
      nd.config({ wasm: true });
      a.dispose();
    }
  });
});

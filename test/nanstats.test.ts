/**
 * nanvar / nanstd / nanprod / nanargmin / nanargmax / nancumsum / nancumprod / countNonzero:
 * NumPy 2.4's values written out (test/fixtures/stats.json, from scripts/stats-fixtures.py:
 * every axis, negative axes, axis pairs, keepdims, ddof 0/1/2.5, all-NaN slices, ±Inf, -0,
 * empty arrays, size 1), run with the WASM kernels on and off; edge cases (views, out, bool
 * input, errors); fast-check properties with a fixed seed (nanvar equals var of the NaN-free
 * values; nanprod/nancumsum equal the plain ops on the NaN-replaced copy; countNonzero
 * counts `x != 0`).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nd, AllNaNSliceError, type NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, ShapeError } from '../src/errors.ts';

interface NanCase {
  fn: string;
  array: string;
  /** 'T': the case runs on the transposed view. */
  view?: string;
  axis: number | number[] | null;
  ddof?: number;
  keepdims?: boolean;
  expected?: string[];
  expectedShape?: number[];
  error?: string;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'stats.json'), 'utf8')) as {
  numpy: string;
  arrays: Record<string, { x: string[]; shape: number[] }>;
  nan: NanCase[];
};

const num = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const arrayOf = (name: string): NdArray => {
  const { x, shape } = fixture.arrays[name]!;
  return nd.array(x.map(num)).reshape(shape);
};

/** The call of one fixture case on ndvec. */
function run(c: NanCase, a: NdArray): NdArray | number {
  const opts = { keepdims: c.keepdims ?? false };
  switch (c.fn) {
    case 'nanvar':
    case 'nanstd':
      return nd[c.fn](a, c.axis, { ...opts, ddof: c.ddof ?? 0 });
    case 'nanprod':
      return nd.nanprod(a, c.axis, opts);
    case 'countNonzero':
      return nd.countNonzero(a, c.axis, opts);
    case 'nanargmin':
    case 'nanargmax':
      return nd[c.fn](a, c.axis as number | null, opts);
    case 'nancumsum':
    case 'nancumprod':
      return nd[c.fn](a, c.axis as number | null);
    default:
      throw new Error(`unknown fixture fn ${c.fn}`);
  }
}

/** Values equal bit for bit (NaN = NaN, -0 ≠ 0), or within `ulps` units in the last place. */
function close(actual: number, expected: number, ulps: number): boolean {
  if (Object.is(actual, expected)) return true;
  if (ulps === 0 || !Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= ulps * Number.EPSILON * Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/** How NumPy's errors map onto ndvec's named ones. */
const ERRORS: Record<string, (e: unknown) => boolean> = {
  ValueError: (e) => e instanceof AllNaNSliceError || e instanceof ShapeError,
  AxisError: (e) => e instanceof AxisError,
};

for (const wasm of [true, false]) {
  describe(`nan-functions against NumPy ${fixture.numpy} (wasm ${wasm})`, () => {
    const before = nd.config().wasm;
    nd.config({ wasm });
    after(() => void nd.config({ wasm: before }));
    test(`${fixture.nan.length} fixture cases: values, shapes and errors`, () => {
      nd.config({ wasm });
      const failures: string[] = [];
      let exact = 0;
      for (const c of fixture.nan) {
        const base = arrayOf(c.array);
        const a = c.view === 'T' ? base.T : base;
        const label = `${c.fn}(${c.array}${c.view === 'T' ? '.T' : ''}, axis ${JSON.stringify(c.axis)}, ddof ${c.ddof ?? '-'}, keepdims ${c.keepdims ?? '-'})`;
        try {
          let r: NdArray | number;
          try {
            r = run(c, a);
          } catch (e) {
            if (c.error === undefined) failures.push(`${label}: threw ${String(e)}`);
            else if (!ERRORS[c.error]?.(e)) failures.push(`${label}: threw ${String(e)}, NumPy ${c.error}`);
            continue;
          }
          if (c.error !== undefined) {
            failures.push(`${label}: returned, NumPy raised ${c.error}`);
            continue;
          }
          const shape = typeof r === 'number' ? [] : [...r.shape];
          const values = typeof r === 'number' ? [r] : Array.from(r.toFloat64Array());
          if (typeof r !== 'number') r.dispose();
          assert.deepEqual(shape, c.expectedShape, label);
          const expected = c.expected!.map(num);
          // nanprod is ndvec's prod of the NaN-replaced copy: that prod keeps 4 partial
          // products (NumPy multiplies in order), so its last bits may differ
          const ulps = c.fn === 'nanprod' ? 8 : 0;
          const bad = values.findIndex((v, i) => !close(v, expected[i]!, ulps));
          if (bad >= 0 || values.length !== expected.length) failures.push(`${label}: [${values}] vs NumPy [${expected}]`);
          else if (c.fn !== 'nanprod' && !values.every((v, i) => Object.is(v, expected[i]))) failures.push(`${label}: not bit-exact`);
          else exact++;
        } finally {
          base.dispose();
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(exact > fixture.nan.length * 0.9, `only ${exact} of ${fixture.nan.length} cases checked`);
    });
  });
}

describe('nan-functions: edge cases', () => {
  test('nanvar/nanstd of an all-NaN slice, of ddof >= count: NaN (NumPy warns)', () => {
    assert.deepEqual(nd.array([[NaN, NaN], [1, 3]]).nanvar(1).toArray(), [NaN, 1]);
    assert.ok(Number.isNaN(nd.nanstd([2, NaN], null, { ddof: 1 })));
    assert.ok(Number.isNaN(nd.nanvar([2, 4], null, 2)));
    assert.equal(nd.nanvar([2, 4], null, 1), 2);
    assert.ok(Number.isNaN(nd.nanvar([])));
  });

  test('nanvar with ±Inf: NaN as NumPy (inf - inf)', () => {
    assert.ok(Number.isNaN(nd.nanvar([Infinity, 1, NaN])));
    assert.ok(Number.isNaN(nd.nanstd([Infinity, -Infinity])));
  });

  test('strided, transposed and reversed views equal their copies', () => {
    const base = nd.array([[1, NaN, 3, 4], [NaN, 6, 7, 8], [9, 10, NaN, NaN]]);
    for (const view of [base.T, base.slice(null, '::-2'), base.slice('::2', '1:'), base.T.slice('::-1')]) {
      const copy = view.copy();
      for (const axis of [null, 0, 1, -1] as const) {
        assert.deepEqual(nd.nanvar(view, axis, { keepdims: true }).toArray(), nd.nanvar(copy, axis, { keepdims: true }).toArray());
        assert.deepEqual(nd.nanprod(view, axis, { keepdims: true }).toArray(), nd.nanprod(copy, axis, { keepdims: true }).toArray());
        assert.deepEqual(nd.countNonzero(view, axis, { keepdims: true }).toArray(), nd.countNonzero(copy, axis, { keepdims: true }).toArray());
        assert.deepEqual(nd.nancumsum(view, axis).toArray(), nd.nancumsum(copy, axis).toArray());
      }
      assert.deepEqual(nd.nanargmax(view, 0).toArray(), nd.nanargmax(copy, 0).toArray());
      assert.equal(nd.nanargmin(view), nd.nanargmin(copy));
      copy.dispose();
    }
  });

  test('out: written and returned; a wrong shape throws before anything is written', () => {
    const a = nd.array([[1, NaN, 3], [4, 5, NaN]]);
    const out = nd.zeros([2]);
    assert.equal(a.nanstd(1, { out }), out);
    assert.deepEqual(out.toArray(), [1, 0.5]);
    const strided = nd.zeros([3, 2]).slice(null, 0);
    a.nanvar(0, { out: strided, ddof: 0 });
    assert.deepEqual(strided.toArray(), [2.25, 0, 0]);
    const bad = nd.full([3], 7);
    assert.throws(() => a.nanvar(1, { out: bad }), ShapeError);
    assert.deepEqual(bad.toArray(), [7, 7, 7]);
    assert.deepEqual(a.nanprod(0, { out: nd.zeros([3]) }).toArray(), [4, 5, 3]);
    assert.deepEqual(a.nanargmax(1, { out: nd.zeros([2]) }).toArray(), [2, 1]);
    assert.equal(a.nanvar(1, nd.zeros([2])).size, 2); // positional out
    assert.deepEqual(a.nanvar(1, 1).toArray(), [2, 0.5]); // positional ddof
  });

  test('a named axis gives a 0-d array, as the other reductions', () => {
    const r = nd.array([1, NaN, 3]).nanvar(0);
    assert.deepEqual([r.shape, r.toArray()], [[], 1]);
    assert.deepEqual(nd.countNonzero([1, 0, 2], 0).shape, []);
    assert.deepEqual(nd.countNonzero([[1, 0], [2, 2]], null, { keepdims: true }).toArray(), [[3]]);
  });

  test('bool arrays: the plain reductions (no NaN), countNonzero counts true', () => {
    const b = nd.array([[true, false, true], [false, false, true]]);
    assert.equal(nd.nanvar(b), b.var());
    assert.deepEqual(nd.nanprod(b, 0).toArray(), [0, 0, 1]);
    assert.equal(nd.nanargmax(b), 0);
    assert.deepEqual(nd.nancumsum(b).toArray(), [1, 1, 2, 2, 2, 3]);
    assert.equal(nd.countNonzero(b), 3);
    assert.deepEqual(nd.countNonzero(b, 1).toArray(), [2, 1]);
  });

  test('nanargmin/nanargmax: all-NaN slices throw AllNaNSliceError naming the shape and axis; empty arrays throw ShapeError', () => {
    assert.throws(() => nd.nanargmax([NaN, NaN]), (e: unknown) => e instanceof AllNaNSliceError && /All-NaN slice encountered/.test(e.message) && e.axis === null);
    assert.throws(() => nd.nanargmin([[1, NaN], [NaN, NaN]], 1), (e: unknown) => e instanceof AllNaNSliceError && e.axis === 1 && e.shape.join() === '2,2');
    assert.deepEqual(nd.nanargmin([[1, NaN], [NaN, 2]], 0).toArray(), [0, 1]);
    assert.throws(() => nd.nanargmin([[1, NaN], [NaN, NaN]], 0), AllNaNSliceError);
    assert.throws(() => nd.nanargmax([]), ShapeError);
    assert.deepEqual(nd.nanargmax(nd.zeros([0, 3]), 1).toArray(), []);
    // NumPy's replacement: NaN becomes +inf for argmin, so [NaN, inf] gives 0
    assert.equal(nd.nanargmin([NaN, Infinity]), 0);
    assert.equal(nd.nanargmax([NaN, -Infinity, 2]), 2);
  });

  test('errors: bad axes, arguments and options are named errors; inputs intact', () => {
    const a = nd.array([[1, NaN], [3, 4]]);
    assert.throws(() => a.nanvar(2), AxisError);
    assert.throws(() => a.nanprod([0, 0]), AxisError);
    assert.throws(() => a.nanargmax([0, 1] as never), ArgumentError);
    assert.throws(() => a.nancumsum(5), AxisError);
    assert.throws(() => a.nanstd(0, { ddof: '1' } as never), ArgumentError);
    assert.throws(() => a.nanvar(0, { keepdim: true } as never), ArgumentError);
    assert.throws(() => nd.countNonzero(a, 0, { out: nd.zeros([2]) } as never), ArgumentError);
    assert.throws(() => nd.countNonzero(a, 3), AxisError);
    assert.throws(() => (nd.countNonzero as (...x: unknown[]) => unknown)(a, 0, {}, 1), ArgumentError);
    assert.deepEqual(a.toArray(), [[1, NaN], [3, 4]]);
  });

  test('large inputs: WASM and JS give the same bits', () => {
    const data = Array.from({ length: 5003 }, (_, i) => (i % 17 === 0 ? NaN : Math.sin(i) * 1e3 + i));
    const a = nd.array(data).reshape([5003]);
    const m = nd.array(data.slice(0, 5000)).reshape([50, 100]);
    const runAll = (): unknown[] => [
      a.nanvar(), a.nanstd(null, 1), a.nanprod(), a.nanargmax(), a.nanargmin(), a.nancumsum().toArray(), nd.countNonzero(a),
      m.nanvar(0).toArray(), m.nanstd(1).toArray(), m.nanargmax(0).toArray(), m.nancumprod(1).toArray(), nd.countNonzero(m, 0).toArray(),
    ];
    const before = nd.config().wasm;
    try {
      nd.config({ wasm: true });
      const w = runAll();
      nd.config({ wasm: false });
      assert.deepStrictEqual(runAll(), w);
    } finally {
      nd.config({ wasm: before });
    }
  });
});

describe('nan-functions: properties (fast-check, seed 42)', () => {
  const values = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { minLength: 1, maxLength: 300 });

  test('nanvar/nanstd equal var/std of the NaN-free values (within rounding)', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 2 }), (xs, ddof) => {
        const kept = xs.filter((x) => !Number.isNaN(x));
        const v = nd.nanvar(xs, null, { ddof });
        if (kept.length - ddof <= 0) return Number.isNaN(v);
        const ref = nd.var(kept, null, { ddof });
        const s = nd.nanstd(xs, null, { ddof });
        const scale = Math.max(...kept.map(Math.abs), 1) ** 2;
        return Math.abs(v - ref) <= 1e-12 * scale && Math.abs(s * s - ref) <= 1e-9 * scale;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test('nanprod, nancumsum, nanargmax equal the plain ops on the NaN-replaced copy', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const ones = xs.map((x) => (Number.isNaN(x) ? 1 : x));
        const zeros = xs.map((x) => (Number.isNaN(x) ? 0 : x));
        const minus = xs.map((x) => (Number.isNaN(x) ? -Infinity : x));
        assert.ok(Object.is(nd.nanprod(xs), nd.prod(ones)));
        assert.deepStrictEqual(nd.nancumsum(xs).toArray(), nd.cumsum(zeros).toArray());
        if (xs.some((x) => !Number.isNaN(x))) assert.equal(nd.nanargmax(xs), nd.argmax(minus));
        else assert.throws(() => nd.nanargmax(xs), AllNaNSliceError);
        return true;
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  test('countNonzero counts x != 0 along every axis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1, -2.5, NaN, Infinity), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(null, 0, 1),
        (xs, axis) => {
          const a = nd.array(xs).reshape([2, 3]);
          const rows = [xs.slice(0, 3), xs.slice(3)];
          const nz = (v: number): number => (v !== 0 ? 1 : 0);
          const expected = axis === null ? xs.reduce((s, v) => s + nz(v), 0)
            : axis === 0 ? [0, 1, 2].map((j) => nz(rows[0]![j]!) + nz(rows[1]![j]!))
            : rows.map((r) => r.reduce((s, v) => s + nz(v), 0));
          const got = nd.countNonzero(a, axis);
          assert.deepEqual(typeof got === 'number' ? got : got.toArray(), expected);
          return true;
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});

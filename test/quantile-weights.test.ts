/**
 * The `weights` option of quantile / percentile / nanquantile / nanpercentile (NumPy 2,
 * method 'inverted_cdf' only): NumPy's values from test/fixtures/quantile-weights.json
 * (scripts/quantile-weights-fixtures.py) bit for bit — full-shape weights, 1-D weights along
 * an axis, weights over several axes in the order `axis` names them, keepdims, ties, zero
 * weights, NaN, ±Inf, -0 — on plain, transposed and nested inputs, WASM on and off; errors
 * as NumPy raises them; scaling and permutation properties.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, ShapeError } from '../src/errors.ts';
import { FuseError } from '../src/fuse/index.ts';

type Encoded = number | 'NaN' | 'Infinity' | '-Infinity';
interface Flat { shape: number[]; data: Encoded[] }
interface Case {
  name: string;
  func: 'quantile' | 'percentile' | 'nanquantile' | 'nanpercentile';
  a: Flat;
  weights: Flat;
  q: number | number[];
  axis: number | number[] | null;
  keepdims: boolean;
  expected: Flat;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/quantile-weights.json', import.meta.url), 'utf8')) as { cases: Case[] };
const decode = (v: Encoded): number => (typeof v === 'number' ? v : Number(v));
const build = (f: Flat): NdArray => nd.array(f.data.map(decode)).reshape(f.shape);
const flat = (r: NdArray | number): number[] => (typeof r === 'number' ? [r] : Array.from(r.toArray() as never as number[]).flat(Infinity as 1) as number[]);

function checkResult(r: NdArray | number, expected: Flat, label: string): void {
  if (expected.shape.length === 0) {
    assert.equal(typeof r, 'number', `${label}: expected a number`);
  } else {
    assert.ok(typeof r !== 'number', `${label}: expected an array`);
    assert.deepEqual((r as NdArray).shape, expected.shape, `${label}: shape`);
  }
  const got = flat(r);
  const want = expected.data.map(decode);
  assert.equal(got.length, want.length, `${label}: size`);
  want.forEach((w, i) => assert.ok(Object.is(got[i], w), `${label}: [${i}] got ${got[i]}, NumPy ${w}`));
  if (typeof r !== 'number') r.dispose();
}

for (const wasm of [true, false]) {
  describe(`quantile weights (wasm ${wasm})`, () => {
    test('NumPy fixture, bit for bit: nd.* and methods, views and nested input', () => {
      nd.config({ wasm });
      try {
        assert.ok(fixture.cases.length >= 30);
        for (const c of fixture.cases) {
          const a = build(c.a);
          const w = build(c.weights);
          const options = { method: 'inverted_cdf' as const, keepdims: c.keepdims, weights: w };
          checkResult(nd[c.func](a, c.q, c.axis, options), c.expected, `${c.name} nd.${c.func}`);
          checkResult(a[c.func](c.q, c.axis, options), c.expected, `${c.name} method`);
          // The same values through transposed (non-contiguous) views of both arrays.
          const aT = a.ndim > 1 ? a.T.copy().T : a;
          const wT = w.ndim > 1 ? w.T.copy().T : w;
          checkResult(nd[c.func](aT, c.q, c.axis, { ...options, weights: wT }), c.expected, `${c.name} views`);
          // Plain nested weights.
          checkResult(nd[c.func](a, c.q, c.axis, { ...options, weights: w.toArray() as number[] }), c.expected, `${c.name} nested weights`);
          if (aT !== a) aT.dispose();
          if (wT !== w) wT.dispose();
          a.dispose();
          w.dispose();
        }
      } finally {
        nd.config({ wasm: true });
      }
    });
  });
}

describe('quantile weights: edges', () => {
  test('0-d data with a scalar weight', () => {
    assert.equal(nd.quantile(5, 0.5, null, { method: 'inverted_cdf', weights: 2 }), 5);
  });
  test('empty slices give NaN (NumPy raises IndexError), no slices give an empty array', () => {
    assert.ok(Number.isNaN(nd.quantile([], 0.5, null, { method: 'inverted_cdf', weights: [] }) as number));
    const r = nd.quantile(nd.zeros([0, 3]), 0.5, 1, { method: 'inverted_cdf', weights: [1, 2, 3] }) as NdArray;
    assert.deepEqual(r.shape, [0]);
    r.dispose();
    const e = nd.nanquantile(nd.zeros([2, 0]), [0.5], 1, { method: 'inverted_cdf', weights: [] }) as NdArray;
    // NumPy gives nanmean(a, axis) for an empty array: shape (2,), all NaN (no q axis)
    assert.deepEqual(e.shape, [2]);
    assert.ok((e.toArray() as number[]).every(Number.isNaN));
    e.dispose();
  });
  test('bool weights read as 0/1', () => {
    assert.equal(nd.quantile([1, 2, 3], 0.5, null, { method: 'inverted_cdf', weights: [true, false, true] }), 1);
  });
  test('keepdims over all axes with weights', () => {
    const r = nd.quantile([[1, 2], [3, 4]], 0.5, null, { method: 'inverted_cdf', weights: [[1, 1], [1, 5]], keepdims: true }) as NdArray;
    assert.deepEqual(r.toArray(), [[4]]);
    r.dispose();
  });
});

describe('quantile weights: errors as NumPy raises them, inputs intact', () => {
  const a = (): NdArray => nd.array([[1, 2, 3], [4, 5, 6]]);
  const cases: [string, () => unknown, new (...args: never[]) => Error, RegExp][] = [
    ['a method other than inverted_cdf', () => nd.quantile([1, 2], 0.5, null, { weights: [1, 1] }), ArgumentError, /only method 'inverted_cdf' supports weights.*'linear'/],
    ['method lower', () => nd.nanpercentile([1, 2], 50, null, { method: 'lower', weights: [1, 1] }), ArgumentError, /'lower'/],
    ['negative weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: [1, -1] }), ArgumentError, /non-negative, got -1 at flat index 1/],
    ['weights summing to zero', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: [0, 0] }), ArgumentError, /sum to zero/],
    ['NaN weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: [1, NaN] }), ArgumentError, /NaN/],
    ['infinite weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: [1, Infinity] }), ArgumentError, /∞/],
    ['nan-form: weights of the numbers summing to zero', () => nd.nanquantile([1, NaN, 3], 0.5, null, { method: 'inverted_cdf', weights: [0, 1, 0] }), ArgumentError, /sum to zero/],
    ['1-D weights without an axis', () => a().quantile(0.5, null, { method: 'inverted_cdf', weights: [1, 2, 3] }), ShapeError, /name the axis/],
    ['weights not along the axis', () => a().quantile(0.5, 0, { method: 'inverted_cdf', weights: [1, 2, 3] }), ShapeError, /shape \[2\] of axis 0, got \[3\]/],
    ['axes named in the other order', () => nd.quantile(nd.zeros([2, 3, 4]), 0.5, [2, 0], { method: 'inverted_cdf', weights: nd.ones([2, 4]) }), ShapeError, /\[4,2\]/],
    ['a string as weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: 'heavy' as never }), ArgumentError, /weights must be .*got string 'heavy'/],
    ['null as weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: null as never }), ArgumentError, /weights must be .*null/],
    ['an object as weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weights: {} as never }), ArgumentError, /weights must be/],
    ['a bad axis with weights', () => a().quantile(0.5, 2, { method: 'inverted_cdf', weights: [1, 2, 3] }), AxisError, /axis 2/],
    ['an unknown key beside weights', () => nd.quantile([1, 2], 0.5, null, { method: 'inverted_cdf', weight: [1, 1] } as never), ArgumentError, /unknown option 'weight'/],
  ];
  for (const [name, run, cls, message] of cases) {
    test(name, () => assert.throws(run, (e: unknown) => e instanceof cls && message.test((e as Error).message), name));
  }
  test('a stand-in of nd.fuse as weights: the fuser\'s FuseError', () => {
    const a = nd.array([1, 2, 3]);
    const f = nd.fuse((x) => nd.quantile(a, 0.5, null, { method: 'inverted_cdf', weights: x }) as never);
    assert.throws(() => f(nd.array([1, 1, 1])), FuseError);
    a.dispose();
  });
  test('the inputs are intact after an error', () => {
    const x = nd.array([3, 1, 2]);
    const w = nd.array([1, -2, 1]);
    assert.throws(() => x.quantile(0.5, null, { method: 'inverted_cdf', weights: w }), ArgumentError);
    assert.deepEqual(x.toArray(), [3, 1, 2]);
    assert.deepEqual(w.toArray(), [1, -2, 1]);
    x.dispose();
    w.dispose();
  });
});

describe('quantile weights: properties', () => {
  const data = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 });
  const qArb = fc.double({ min: 0, max: 1, noNaN: true });
  test('scaling the weights by a power of two changes nothing', () => {
    fc.assert(fc.property(data, fc.integer({ min: -30, max: 30 }), qArb, fc.integer({ min: 0, max: 1000 }), (xs, k, q, seed) => {
      const w = xs.map((_, i) => ((i * 7 + seed) % 5) + (i === 0 ? 1 : 0));
      const scaled = w.map((v) => v * 2 ** k);
      const o = { method: 'inverted_cdf' as const };
      return Object.is(nd.quantile(xs, q, null, { ...o, weights: w }), nd.quantile(xs, q, null, { ...o, weights: scaled }));
    }), { seed: 42, numRuns: 200 });
  });
  test('permuting distinct values with their weights changes nothing; the result is one of the values', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 }), qArb, (xs, q) => {
      const w = xs.map((x) => (Math.abs(x) % 4) + 0.25);
      const perm = xs.map((_, i) => i).reverse();
      const o = { method: 'inverted_cdf' as const };
      const r1 = nd.quantile(xs, q, null, { ...o, weights: w }) as number;
      const r2 = nd.quantile(perm.map((i) => xs[i]!), q, null, { ...o, weights: perm.map((i) => w[i]!) }) as number;
      return Object.is(r1, r2) && xs.includes(r1);
    }), { seed: 42, numRuns: 200 });
  });
});

/**
 * median / quantile / percentile / ptp / average: NumPy values written out (axes, negative
 * axes, several axes, keepdims, quantile arrays, views, empties, NaN/±Inf/-0), errors, and
 * property tests against sorting a JS array.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { AxisError, DTypeError, NdvecError, ShapeError } from '../src/errors.ts';
import { assertValues } from './helpers.ts';

const N = [[1, 5, 2, 8], [3, 7, 0, -1], [4, 4, 6, 2]];
const M = [[1, 5, 2, 8], [3, NaN, 0, -1], [4, 4, 6, 2]];

const values = (r: NdArray | number): unknown => (typeof r === 'number' ? r : r.toArray());

// [description, computed, np result] — checked with NumPy 2.x.
const CASES: [string, () => NdArray | number, unknown][] = [
  ['median all', () => nd.array(N).median(), 3.5],
  ['median axis 0', () => nd.array(N).median(0), [3, 5, 2, 2]],
  ['median axis -2', () => nd.array(N).median(-2), [3, 5, 2, 2]],
  ['median axis 1 keepdims', () => nd.array(N).median(1, { keepdims: true }), [[3.5], [1.5], [4]]],
  ['median axes [0, 1] keepdims', () => nd.array(N).median([0, 1], { keepdims: true }), [[3.5]]],
  ['median of a stepped, reversed view', () => nd.array(N).slice('::2', '::-1').median(1), [3.5, 4]],
  ['median of a transpose', () => nd.array(N).T.median(0), [3.5, 1.5, 4]],
  ['median with NaN', () => nd.array(M).median(0), [3, NaN, 2, 2]],
  ['median all with NaN', () => nd.array(M).median(), NaN],
  ['median of -0, -0 is 0', () => nd.median([-0, -0]), 0],
  ['median of [-0] is 0', () => nd.median([-0]), 0],
  ['median size 1', () => nd.median([5]), 5],
  ['median overflows as NumPy', () => nd.median([1e308, 1e308]), Infinity],
  ['median of -inf, inf', () => nd.median([-Infinity, Infinity]), NaN],
  ['median of -inf, 1, inf', () => nd.median([-Infinity, 1, Infinity]), 1],
  ['median of empty slices', () => nd.zeros([0, 3]).median(0), [NaN, NaN, NaN]],
  ['median with no slices', () => nd.zeros([2, 0]).median(0), []],
  ['median of bool', () => nd.median([true, false, true, true]), 1],
  ['median of 0-d', () => nd.array(3).median(), 3],
  ['quantile list, axis 1', () => nd.array(N).quantile([0.1, 0.9], 1), [[1.3, -0.7, 2.6], [7.1000000000000005, 5.800000000000001, 5.4]]],
  ['quantile axis 0', () => nd.array(N).quantile(0.3, 0), [2.2, 4.6, 1.2, 0.7999999999999998]],
  ['quantile 2-D q', () => nd.array(N).quantile(nd.array([[0, 1], [0.5, 0.25]])), [[-1, 8], [3.5, 1.75]]],
  ['quantile [1..4]', () => nd.quantile([1, 2, 3, 4], [0.1, 0.5, 0.9]), [1.3, 2.5, 3.7]],
  ['quantile of -0, -0 keeps -0', () => nd.quantile([-0, -0], 0.5), -0],
  ['quantile of -inf, 1, inf at 0.75', () => nd.quantile([-Infinity, 1, Infinity], 0.75), NaN],
  ['quantile of -inf, 1, inf at 0.25', () => nd.quantile([-Infinity, 1, Infinity], 0.25), -Infinity],
  ['quantile with NaN', () => nd.array(M).quantile([0, 1], 0), [[1, NaN, 0, -1], [4, NaN, 6, 8]]],
  ['percentile list', () => nd.array(N).percentile([25, 75]), [1.75, 5.25]],
  ['percentile axis 1 keepdims', () => nd.array(N).percentile(40, 1, { keepdims: true }), [[2.6000000000000005], [0.6000000000000005], [4]]],
  ['percentile axes [0, 1]', () => nd.percentile([[1, 2], [3, 4]], 40, [0, 1]), 2.2],
  ['ptp all', () => nd.array(N).ptp(), 9],
  ['ptp axis 0', () => nd.array(N).ptp(0), [3, 3, 6, 9]],
  ['ptp with NaN', () => nd.array(M).ptp(1), [7, NaN, 4]],
  ['ptp keepdims', () => nd.array(N).ptp(1, { keepdims: true }), [[7], [8], [4]]],
  ['ptp of a transpose, axis -1', () => nd.array(N).T.ptp(-1), [3, 3, 6, 9]],
  ['average all', () => nd.array(N).average(), 3.4166666666666665],
  ['average 1-D weights on axis 0', () => nd.array(N).average(0, { weights: nd.array([1, 0, 3]) }), [3.25, 4.25, 5, 3.5]],
  ['average full weights, axis 0', () => nd.array(N).average(0, { weights: nd.array(N).abs() }), [3.25, 5.625, 5, 6.090909090909091]],
  ['average full weights, all', () => nd.average(N, null, { weights: nd.array(N) }), 5.487804878048781],
  ['average keepdims', () => nd.array(N).average(1, { weights: nd.ones(4), keepdims: true }), [[4], [2.25], [4]]],
  ['average of a stepped view, weights a view', () => nd.arange(10).slice('::2').average(0, { weights: nd.arange(5).flip() }), 2],
];

describe('statistics: NumPy values', () => {
  for (const [name, run, expected] of CASES) {
    test(name, () => assertValues(values(run()), expected));
  }
  test('shapes of results', () => {
    assert.deepEqual((nd.zeros([2, 3, 4]).quantile([0.5, 0.1], [0, 2]) as NdArray).shape, [2, 3]);
    assert.deepEqual((nd.zeros([2, 3, 4]).median(-1, { keepdims: true }) as NdArray).shape, [2, 3, 1]);
    assert.equal(typeof nd.zeros([2, 3]).quantile(0.5), 'number');
    assert.deepEqual((nd.zeros([2, 3]).quantile(0.5, null, { keepdims: true }) as NdArray).shape, [1, 1]);
  });
  test('the input is untouched', () => {
    const a = nd.array([3, 1, 2]);
    a.median();
    a.quantile([0.2, 0.8]);
    assert.deepEqual(a.toArray(), [3, 1, 2]);
  });
});

describe('statistics: errors', () => {
  test('quantile out of range names the value', () => {
    assert.throws(() => nd.quantile([1, 2], 1.5), (e: unknown) => e instanceof NdvecError && /\[0, 1\], got 1.5/.test(e.message));
    assert.throws(() => nd.quantile([1, 2], [0.5, NaN]), /got NaN/);
    assert.throws(() => nd.percentile([1, 2], -1), (e: unknown) => e instanceof NdvecError && /\[0, 100\], got -1/.test(e.message));
    assert.throws(() => nd.quantile([1, 2], 'x' as never), DTypeError);
  });
  test('axes', () => {
    assert.throws(() => nd.median([[1, 2]], 2), (e: unknown) => e instanceof AxisError && /axis 2 is out of bounds for array of dimension 2/.test(e.message));
    assert.throws(() => nd.median([[1, 2]], [0, -2]), AxisError);
  });
  test('ptp: bool and empty', () => {
    assert.throws(() => nd.ptp([true, false]), DTypeError);
    assert.throws(() => nd.ptp(nd.zeros([0])), ShapeError);
  });
  test('average: weights that do not fit, weights summing to zero', () => {
    assert.throws(() => nd.array(N).average(null, { weights: nd.ones(4) }), (e: unknown) => e instanceof ShapeError && /\[4\].*\[3,4\]/.test(e.message));
    assert.throws(() => nd.array(N).average(1, { weights: nd.ones(3) }), (e: unknown) => e instanceof ShapeError && /axis 1 \(4\), got shape \[3\]/.test(e.message));
    assert.throws(() => nd.array(N).average(0, { weights: nd.array([1, -1, 0]) }), /weights sum to zero/);
    assert.throws(() => nd.average([1, 2], null, { weights: nd.array([1, -1]) }), /weights sum to zero/);
  });
});

describe('statistics: properties against sorting a JS array', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const reference = (xs: number[], q: number): number => {
    const s = [...xs].sort((x, y) => x - y);
    const idx = q * (s.length - 1);
    const lo = Math.floor(idx);
    const hi = Math.min(lo + 1, s.length - 1);
    const t = idx - lo;
    return s[lo]! + (s[hi]! - s[lo]!) * t;
  };
  test('median and quantile of rows, on a transposed copy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), fc.array(finite, { minLength: 36, maxLength: 36 }), fc.double({ min: 0, max: 1, noNaN: true }), (rows, cols, pool, q) => {
        const data = pool.slice(0, rows * cols);
        const a = nd.array(data).reshape([cols, rows]).T; // rows of a = strided columns
        const lines = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => data[c * rows + r]!));
        const med = (a.median(1) as NdArray).toArray() as number[];
        const qs = (a.quantile(q, -1) as NdArray).toArray() as number[];
        lines.forEach((line, r) => {
          const s = [...line].sort((x, y) => x - y);
          const h = s.length >> 1;
          const m = s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
          assert.ok(Math.abs(med[r]! - m) <= 1e-9 * (1 + Math.abs(m)), `median of ${line}: ${med[r]} vs ${m}`);
          const e = reference(line, q);
          assert.ok(Math.abs(qs[r]! - e) <= 1e-9 * (1 + Math.abs(e)), `quantile ${q} of ${line}: ${qs[r]} vs ${e}`);
        });
      }),
    );
  });
  test('a NaN anywhere makes the median NaN', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 20 }), fc.nat(), (xs, at) => {
        const withNaN = [...xs];
        withNaN.splice(at % (xs.length + 1), 0, NaN);
        assert.ok(Number.isNaN(nd.median(withNaN) as number));
      }),
    );
  });
});

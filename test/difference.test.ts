/**
 * diff and flip: NumPy values written out (axes, negative axes, n > 1, n past the length,
 * n = 0, views, NaN/±Inf/-0, bool), errors, and property tests against plain JS.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { AxisError, NdvecError, ShapeError } from '../src/errors.ts';
import { assertValues } from './helpers.ts';

const T = [[1, 3, 6], [10, 15, 21]];

describe('diff: NumPy values', () => {
  // [description, computed, np.diff result]
  const CASES: [string, () => NdArray, unknown][] = [
    ['last axis', () => nd.array(T).diff(), [[2, 3], [5, 6]]],
    ['axis 0', () => nd.array(T).diff(1, 0), [[9, 12, 15]]],
    ['n 2 on a transpose, axis -2', () => nd.array(T).T.diff(2, -2), [[1, 1]]],
    ['NaN and infinities', () => nd.diff([1, Infinity, Infinity, NaN, 2]), [Infinity, NaN, NaN, NaN]],
    ['signed zeros', () => nd.diff([-0, 0, -0]), [0, -0]],
    ['n past the length', () => nd.diff([1, 2], 5), []],
    ['n 0 is a copy', () => nd.diff([1, 2], 0), [1, 2]],
    ['stepped reversed view, n 3', () => nd.arange(10).slice('::-3').diff(3), [0]],
    ['bool: not-equal', () => nd.diff([true, true, false]), [false, true]],
    ['bool n 2', () => nd.diff([true, true, false], 2), [true]],
    ['size 1', () => nd.diff([7]), []],
  ];
  for (const [name, run, expected] of CASES) test(name, () => assertValues(run().toArray(), expected));
  test('shapes and dtypes', () => {
    assert.deepEqual(nd.array([[1, 2]]).diff(1, 0).shape, [0, 2]);
    assert.deepEqual(nd.zeros([0, 4]).diff().shape, [0, 3]);
    assert.equal(nd.diff([true, false]).dtype, 'bool');
  });
  test('errors', () => {
    assert.throws(() => nd.array(1).diff(), ShapeError);
    assert.throws(() => nd.diff([1, 2], -1), (e: unknown) => e instanceof NdvecError && /got -1/.test(e.message));
    assert.throws(() => nd.diff([1, 2], 1.5), /diff: n must be an integer, got number 1\.5/);
    assert.throws(() => nd.diff([1, 2], 1, 1), AxisError);
  });
});

describe('flip: NumPy values', () => {
  test('axes, views, writes through', () => {
    assert.deepEqual(nd.array(T).flip().toArray(), [[21, 15, 10], [6, 3, 1]]);
    assert.deepEqual(nd.array(T).flip(0).toArray(), [[10, 15, 21], [1, 3, 6]]);
    assert.deepEqual(nd.flip(nd.array(T), -1).toArray(), [[6, 3, 1], [21, 15, 10]]);
    assert.deepEqual(nd.array(T).flip([0, 1]).toArray(), [[21, 15, 10], [6, 3, 1]]);
    assert.deepEqual(nd.array(T).T.flip(0).toArray(), [[6, 21], [3, 15], [1, 10]]);
    assert.deepEqual(nd.arange(10).slice('::3').flip().toArray(), [9, 6, 3, 0]);
    assert.deepEqual(nd.zeros([0, 2]).flip().shape, [0, 2]);
    assert.equal(nd.array(5).flip().toArray(), 5);
    const a = nd.array([1, 2, 3]);
    const f = a.flip();
    assert.deepEqual(f.strides, [-1]);
    f.set(0, 9);
    assert.deepEqual(a.toArray(), [1, 2, 9]);
    assert.deepEqual(f.flip().toArray(), [1, 2, 9]);
  });
  test('errors', () => {
    assert.throws(() => nd.zeros([2]).flip(1), AxisError);
    assert.throws(() => nd.zeros([2, 2]).flip([0, 0]), AxisError);
  });
});

describe('diff and flip: properties', () => {
  test('diff = neighbour differences of a JS array; flip = reverse', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 20 }), fc.integer({ min: 0, max: 3 }), (xs, n) => {
        let ref = xs;
        for (let k = 0; k < n; k++) ref = ref.slice(1).map((x, i) => x - ref[i]!);
        assertValues(nd.diff(xs, n).toArray(), ref);
        assertValues(nd.array(xs).flip().toArray(), [...xs].reverse());
      }),
    );
  });
});

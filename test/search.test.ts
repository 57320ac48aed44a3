/**
 * nonzero / argwhere / unique / searchsorted: NumPy values written out (views, empties,
 * NaN/±Inf/-0, bool arrays), errors, and property tests against plain JS references.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { NdvecError, ShapeError } from '../src/errors.ts';
import { assertValues } from './helpers.ts';

const list = (xs: NdArray[]): unknown[] => xs.map((x) => x.toArray());

describe('nonzero and argwhere: NumPy values', () => {
  // [input, np.nonzero(a), np.argwhere(a)]
  const CASES: [() => NdArray, unknown, unknown][] = [
    [() => nd.array([[0, 1], [2, 0]]), [[0, 1], [1, 0]], [[0, 1], [1, 0]]],
    [() => nd.array([[0, 1], [2, 0]]).T, [[0, 1], [1, 0]], [[0, 1], [1, 0]]],
    [() => nd.array([0, NaN, -0, Infinity, 0]), [[1, 3]], [[1], [3]]],
    [() => nd.array([true, false, true]), [[0, 2]], [[0], [2]]],
    [() => nd.arange(10).slice('::-3'), [[0, 1, 2]], [[0], [1], [2]]], // [9, 6, 3, 0]
    [() => nd.zeros([0, 3]), [[], []], []],
    [() => nd.zeros([2, 2]), [[], []], []],
    [() => nd.array([[[0, 5]], [[6, 0]]]), [[0, 1], [0, 0], [1, 0]], [[0, 0, 1], [1, 0, 0]]],
  ];
  CASES.forEach(([make, nz, aw], i) => {
    test(`case ${i}`, () => {
      const a = make();
      assert.deepEqual(list(a.nonzero()), nz);
      assert.deepEqual(list(nd.nonzero(a)), nz);
      const w = a.argwhere();
      assert.deepEqual(w.shape, [(nz as unknown[][])[0]!.length, a.ndim]);
      if (w.size > 0) assert.deepEqual(w.toArray(), aw);
    });
  });
  test('0-d: nonzero refuses, argwhere gives [count, 0]', () => {
    assert.throws(() => nd.array(3).nonzero(), (e: unknown) => e instanceof ShapeError && /0-d/.test(e.message));
    assert.deepEqual(nd.array(3).argwhere().shape, [1, 0]);
    assert.deepEqual(nd.array(0).argwhere().shape, [0, 0]);
  });
});

describe('unique: NumPy values', () => {
  // [input, np.unique(a)]
  const CASES: [() => NdArray, unknown][] = [
    [() => nd.array([3, 1, 3, NaN, 1, NaN, 2]), [1, 2, 3, NaN]],
    [() => nd.array([[Infinity, -Infinity], [Infinity, 0]]), [-Infinity, 0, Infinity]],
    [() => nd.array([-0, 0, 1]), [-0, 1]], // first in sorted order kept, as NumPy
    [() => nd.array([0, -0, 1]), [0, 1]],
    [() => nd.array([NaN, NaN]), [NaN]],
    [() => nd.array([5]), [5]],
    [() => nd.zeros([0]), []],
    [() => nd.array([[4, 1], [2, 4]]).T.slice(null, '::-1'), [1, 2, 4]],
    [() => nd.array([true, false, true]), [false, true]],
  ];
  CASES.forEach(([make, expected], i) => {
    test(`case ${i}`, () => {
      const a = make();
      assertValues(a.unique().toArray(), expected);
      assertValues(nd.unique(a).toArray(), expected);
    });
  });
  test('bool stays bool; the input is untouched', () => {
    assert.equal(nd.array([true]).unique().dtype, 'bool');
    const a = nd.array([2, 1, 2]);
    a.unique();
    assert.deepEqual(a.toArray(), [2, 1, 2]);
  });
});

describe('searchsorted: NumPy values', () => {
  const A = [1, 2, 2, 3, NaN];
  const V = [2, NaN, 0, 3.5, -Infinity, Infinity, 1];
  test('left and right', () => {
    // np.searchsorted(A, V), np.searchsorted(A, V, 'right')
    assert.deepEqual((nd.array(A).searchsorted(nd.array(V)) as NdArray).toArray(), [1, 4, 0, 4, 0, 4, 0]);
    assert.deepEqual((nd.searchsorted(A, nd.array(V), { side: 'right' }) as NdArray).toArray(), [3, 5, 0, 4, 0, 4, 1]);
    // plain nested values, as NumPy's asarray(v): np.searchsorted([1, 2, 3], [[0.5, 3]], side='right') is [[0, 3]]
    assert.deepEqual(nd.searchsorted([1, 2, 3], [2, 3]).toArray(), [1, 2]);
    assert.deepEqual(nd.array([1, 2, 3]).searchsorted([[0.5, 3]], 'right').toArray(), [[0, 3]]);
    assert.deepEqual(nd.searchsorted([1, 2, 3], [true, false]).toArray(), [0, 0]);
    assert.deepEqual(nd.searchsorted([1, 2, 3], []).shape, [0]);
    assert.throws(() => nd.searchsorted([1, 2, 3], [[1], [1, 2]]), ShapeError);
  });
  test('numbers, shapes of v, empties, strided a', () => {
    assert.equal(nd.array([1, 3, 5]).searchsorted(4), 2);
    assert.equal(nd.array([1, 3, 5]).searchsorted(5, { side: 'right' }), 3);
    assert.equal(nd.zeros([0]).searchsorted(1), 0);
    assert.deepEqual((nd.array([1, 3, 5]).searchsorted(nd.array([[0, 6], [3, 3]])) as NdArray).toArray(), [[0, 3], [1, 1]]);
    const strided = nd.array([9, 7, 5, 3, 1]).slice('::-2'); // [1, 5, 9]
    assert.equal(strided.searchsorted(6), 2);
    assert.equal(nd.array([false, true, true]).searchsorted(1), 1);
  });
  test('errors', () => {
    assert.throws(() => nd.zeros([2, 2]).searchsorted(1), (e: unknown) => e instanceof ShapeError && /\[2,2\]/.test(e.message));
    assert.throws(() => nd.zeros([2]).searchsorted(1, { side: 'middle' as never }), (e: unknown) => e instanceof NdvecError && /middle/.test(e.message));
  });
});

describe('search: properties against plain JS', () => {
  const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(NaN, Infinity, -Infinity));
  test('unique = sorted Set with NaN last; searchsorted = linear scan', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), value, (xs, v) => {
        const distinct = [...new Set(xs.filter((x) => !Number.isNaN(x)))].sort((x, y) => x - y);
        if (xs.some(Number.isNaN)) distinct.push(NaN);
        assertValues(nd.unique(xs).toArray(), distinct);
        const sorted = nd.sort(xs);
        const s = sorted.toArray() as number[];
        const lessThan = (x: number, y: number): boolean => x < y || (Number.isNaN(y) && !Number.isNaN(x));
        assert.equal(sorted.searchsorted(v), s.filter((x) => lessThan(x, v)).length);
        assert.equal(sorted.searchsorted(v, { side: 'right' }), s.filter((x) => !lessThan(v, x)).length);
        const nz = nd.array(xs).nonzero()[0]!.toArray();
        assert.deepEqual(nz, xs.flatMap((x, i) => (x !== 0 ? [i] : [])));
      }),
    );
  });
});

/**
 * isclose / allclose / arrayEqual: NumPy values written out (infinities, NaN with and
 * without equalNan, -0, broadcasting, views, empties), and a property test against a plain
 * per-element reference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd } from '../src/index.ts';
import { ArgumentError, BroadcastError, DTypeError, NdvecError } from '../src/errors.ts';

const inf = Infinity;

// [a, b, options, np.isclose(a, b, ...)] — checked with NumPy 2.x.
const CASES: [unknown, unknown, object, unknown][] = [
  [[1, inf, -inf, NaN, 1e-9, 1], [1.000001, inf, inf, NaN, 0, inf], {}, [true, true, false, false, true, false]],
  [[NaN, NaN, 1], [NaN, 1, NaN], { equalNan: true }, [true, false, false]],
  [[-0, 0, 1e10, 1e10], [0, -0, 1.00001e10, 1.0001e10], {}, [true, true, true, false]],
  [[1, 1.1], [1, 1], { rtol: 0.1, atol: 0 }, [true, false]], // 1.1 - 1 is 0.10000000000000009
  [[1, 1.2], [1, 1], { rtol: 0.1, atol: 0 }, [true, false]],
  [[100, 105], 100, { rtol: 0, atol: 5 }, [true, true]],
  [[[1], [2]], [1, 2], {}, [[true, false], [false, true]]],
  [[], [], {}, []],
  [[5], [5], {}, [true]],
  [[1e308, -1e308], [1e308, 1e308], {}, [true, false]],
];

describe('isclose: NumPy values', () => {
  for (const [a, b, options, expected] of CASES) {
    test(`isclose(${JSON.stringify(a)}, ${JSON.stringify(b)}, ${JSON.stringify(options)})`, () => {
      const A = nd.array(a as number[]);
      const B = typeof b === 'number' ? b : nd.array(b as number[]);
      assert.deepEqual(nd.isclose(A, B, options).toArray(), expected);
      assert.deepEqual(A.isclose(B, options).toArray(), expected);
      assert.equal(A.allclose(B, options), (expected as unknown[]).flat().every((x) => x === true));
    });
  }
  test('two numbers give a 0-d bool array', () => {
    const r = nd.isclose(1, 1 + 1e-9);
    assert.deepEqual([r.shape, r.dtype, r.toArray()], [[], 'bool', true]);
  });
  test('not symmetric: b is the reference', () => {
    // np.isclose(1, 2, rtol=0.5, atol=0) -> True; np.isclose(2, 1, rtol=0.5, atol=0) -> False
    assert.equal(nd.isclose(1, 2, { rtol: 0.5, atol: 0 }).toArray(), true);
    assert.equal(nd.isclose(2, 1, { rtol: 0.5, atol: 0 }).toArray(), false);
  });
  test('views: a transpose against a stepped slice', () => {
    const a = nd.array([[1, 2], [3, 4]]).T; // [[1, 3], [2, 4]]
    const b = nd.array([1, 0, 3, 0, 2, 0, 4.1, 0]).slice('::2').reshape([2, 2]); // [[1, 3], [2, 4.1]]
    assert.deepEqual(a.isclose(b).toArray(), [[true, true], [true, false]]);
    assert.equal(a.allclose(b, { atol: 0.2 }), true);
  });
  test('bool arrays read as 0/1', () => {
    assert.deepEqual(nd.array([true, false]).isclose(nd.array([1, 0.5])).toArray(), [true, false]);
  });
  test('errors name the values', () => {
    assert.throws(() => nd.isclose(nd.zeros([2]), nd.zeros([3])), (e: unknown) => e instanceof BroadcastError && /\[2\] and \[3\]/.test(e.message));
    assert.throws(() => nd.isclose(nd.zeros([2]), 'x' as never), ArgumentError);
    assert.throws(() => nd.allclose(nd.zeros([2]), 0, { rtol: NaN }), (e: unknown) => e instanceof NdvecError && /rtol must be a number, got NaN/.test(e.message));
  });
});

describe('allclose and arrayEqual', () => {
  test('allclose: NumPy values', () => {
    assert.equal(nd.allclose(nd.array([1e10, 1e-7]), nd.array([1.00001e10, 1e-8])), false);
    assert.equal(nd.allclose(nd.array([1e10, 1e-8]), nd.array([1.00001e10, 1e-9])), true);
    assert.equal(nd.allclose(nd.array([1, NaN]), nd.array([1, NaN])), false);
    assert.equal(nd.allclose(nd.array([1, NaN]), nd.array([1, NaN]), { equalNan: true }), true);
    assert.equal(nd.allclose(nd.zeros([0]), nd.zeros([0])), true);
    assert.equal(nd.allclose(nd.array([[2, 2]]), 2), true);
  });
  // [a, b, np.array_equal(a, b)]
  const EQUAL: [unknown, unknown, boolean][] = [
    [[1, 2], [1, 2], true],
    [[1, 2], [[1, 2]], false],
    [[1, 2], [1, 3], false],
    [[NaN], [NaN], false],
    [[-0, inf], [0, inf], true],
    [[], [], true],
    [[[1, 2], [3, 4]], [[1, 2], [3, 4]], true],
  ];
  for (const [a, b, expected] of EQUAL) {
    test(`arrayEqual(${JSON.stringify(a)}, ${JSON.stringify(b)}) is ${expected}`, () => {
      assert.equal(nd.array(a as number[]).arrayEqual(nd.array(b as number[])), expected);
      assert.equal(nd.arrayEqual(a as number[], b as number[]), expected);
    });
  }
  test('arrayEqual: equalNan, views, bool against 0/1', () => {
    assert.equal(nd.array([NaN, 1]).arrayEqual(nd.array([NaN, 1]), { equalNan: true }), true);
    assert.equal(nd.array([[1, 2], [3, 4]]).T.arrayEqual(nd.array([[1, 3], [2, 4]])), true);
    assert.equal(nd.array([3, 2, 1]).flip().arrayEqual(nd.arange(1, 4)), true);
    assert.equal(nd.array([true, false]).arrayEqual(nd.array([1, 0])), true);
  });
});

describe('isclose: property against a per-element reference', () => {
  const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 1 + 1e-6));
  test('matches |x - y| <= atol + rtol|y| with the NumPy special cases', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 40 }), fc.boolean(), (pairs, equalNan) => {
        const xs = pairs.map((p) => p[0]);
        const ys = pairs.map((p) => p[1]);
        const expected = pairs.map(([x, y]) => {
          if (Number.isNaN(x) || Number.isNaN(y)) return equalNan && Number.isNaN(x) && Number.isNaN(y);
          if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
          return Math.abs(x - y) <= 1e-8 + 1e-5 * Math.abs(y);
        });
        assert.deepEqual(nd.isclose(nd.array(xs), nd.array(ys), { equalNan }).toArray(), expected);
        assert.equal(nd.allclose(nd.array(xs), nd.array(ys), { equalNan }), expected.every(Boolean));
      }),
    );
  });
});

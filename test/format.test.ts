import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { nd, NdArray } from '../src/index.ts';
import { floatFormatter } from '../src/format.ts';

// Expected strings are repr() output of NumPy 2.4 for the same data.
const cases: [string, () => NdArray, string][] = [
  ["[[1, 2], [3, 4]]", () => nd.array([[1, 2], [3, 4]]),
    "array([[1., 2.],\n       [3., 4.]])"],
  ["[1.5, -2, 3]", () => nd.array([1.5, -2, 3]),
    "array([ 1.5, -2. ,  3. ])"],
  ["5 (0-d)", () => nd.array(5),
    "array(5.)"],
  ["-0 (0-d)", () => nd.array(-0),
    "array(-0.)"],
  ["[-0]", () => nd.array([-0]),
    "array([-0.])"],
  ["[0, 0]", () => nd.zeros(2),
    "array([0., 0.])"],
  ["[1e-5, 1.5]", () => nd.array([1e-5, 1.5]),
    "array([1.0e-05, 1.5e+00])"],
  ["[1e8]", () => nd.array([1e8]),
    "array([1.e+08])"],
  ["[1e7, 1]", () => nd.array([1e7, 1]),
    "array([1.e+07, 1.e+00])"],
  ["[0.1, 100]", () => nd.array([0.1, 100]),
    "array([  0.1, 100. ])"],
  ["[0.1, 100.1] (ratio > 1e3)", () => nd.array([0.1, 100.1]),
    "array([1.000e-01, 1.001e+02])"],
  ["[1e-4, 0.1]", () => nd.array([1e-4, 0.1]),
    "array([0.0001, 0.1   ])"],
  ["[1.23456789e-10, -1e100]", () => nd.array([1.23456789e-10, -1e100]),
    "array([ 1.23456789e-010, -1.00000000e+100])"],
  ["[1e300, 1]", () => nd.array([1e300, 1]),
    "array([1.e+300, 1.e+000])"],
  ["[max float]", () => nd.array([1.7976931348623157e308]),
    "array([1.79769313e+308])"],
  ["[5e-324, 1]", () => nd.array([5e-324, 1]),
    "array([5.e-324, 1.e+000])"],
  ["[1/7, 2/7, 3/7]", () => nd.array([1 / 7, 2 / 7, 3 / 7]),
    "array([0.14285714, 0.28571429, 0.42857143])"],
  ["[0.1 + 0.2, 1e-3]", () => nd.array([0.1 + 0.2, 1e-3]),
    "array([0.3  , 0.001])"],
  ["[0.001953125] (tie rounds to even)", () => nd.array([0.001953125]),
    "array([0.00195312])"],
  ["[0.005859375] (tie rounds to even, up)", () => nd.array([0.005859375]),
    "array([0.00585938])"],
  ["[123456.7891234, 0.5]", () => nd.array([123456.7891234, 0.5]),
    "array([1.23456789e+05, 5.00000000e-01])"],
  ["[-inf, 1]", () => nd.array([-Infinity, 1]),
    "array([-inf,   1.])"],
  ["[nan, inf]", () => nd.array([NaN, Infinity]),
    "array([nan, inf])"],
  ["[nan, 1e-5]", () => nd.array([NaN, 1e-5]),
    "array([   nan, 1.e-05])"],
  ["nan (0-d)", () => nd.array(NaN),
    "array(nan)"],
  ["-1e8 (0-d)", () => nd.array(-1e8),
    "array(-1.e+08)"],
  ["empty", () => nd.array([]),
    "array([], dtype=float64)"],
  ["zeros [2, 0]", () => nd.zeros([2, 0]),
    "array([], shape=(2, 0), dtype=float64)"],
  ["bool [0, 3]", () => nd.full([0, 3], false),
    "array([], shape=(0, 3), dtype=bool)"],
  ["bool [0]", () => nd.full(0, true),
    "array([], dtype=bool)"],
  ["[true, false]", () => nd.array([true, false]),
    "array([ True, False])"],
  ["[true, true]", () => nd.array([true, true]),
    "array([ True,  True])"],
  ["true (0-d)", () => nd.array(true),
    "array(True)"],
  ["arange(12) as [2, 2, 3]", () => nd.arange(12).reshape([2, 2, 3]),
    "array([[[ 0.,  1.,  2.],\n        [ 3.,  4.,  5.]],\n\n       [[ 6.,  7.,  8.],\n        [ 9., 10., 11.]]])"],
  ["ones [3, 1]", () => nd.ones([3, 1]),
    "array([[1.],\n       [1.],\n       [1.]])"],
  ["arange(30) * 1.1 (wraps at 75)", () => nd.array(Array.from({ length: 30 }, (_, i) => i * 1.1)),
    "array([ 0. ,  1.1,  2.2,  3.3,  4.4,  5.5,  6.6,  7.7,  8.8,  9.9, 11. ,\n       12.1, 13.2, 14.3, 15.4, 16.5, 17.6, 18.7, 19.8, 20.9, 22. , 23.1,\n       24.2, 25.3, 26.4, 27.5, 28.6, 29.7, 30.8, 31.9])"],
  ["arange(2000) (summarised)", () => nd.arange(2000),
    "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03], shape=(2000,))"],
  ["1001 x -1.5 (summarised)", () => nd.full(1001, -1.5),
    "array([-1.5, -1.5, -1.5, ..., -1.5, -1.5, -1.5], shape=(1001,))"],
  ["1500 bools (summarised)", () => nd.array(Array.from({ length: 1500 }, (_, i) => i % 2 === 0)),
    "array([ True, False,  True, ..., False,  True, False], shape=(1500,))"],
  ["arange(2000) as [2, 10, 100]", () => nd.arange(2000).reshape([2, 10, 100]),
    "array([[[0.000e+00, 1.000e+00, 2.000e+00, ..., 9.700e+01, 9.800e+01,\n         9.900e+01],\n        [1.000e+02, 1.010e+02, 1.020e+02, ..., 1.970e+02, 1.980e+02,\n         1.990e+02],\n        [2.000e+02, 2.010e+02, 2.020e+02, ..., 2.970e+02, 2.980e+02,\n         2.990e+02],\n        ...,\n        [7.000e+02, 7.010e+02, 7.020e+02, ..., 7.970e+02, 7.980e+02,\n         7.990e+02],\n        [8.000e+02, 8.010e+02, 8.020e+02, ..., 8.970e+02, 8.980e+02,\n         8.990e+02],\n        [9.000e+02, 9.010e+02, 9.020e+02, ..., 9.970e+02, 9.980e+02,\n         9.990e+02]],\n\n       [[1.000e+03, 1.001e+03, 1.002e+03, ..., 1.097e+03, 1.098e+03,\n         1.099e+03],\n        [1.100e+03, 1.101e+03, 1.102e+03, ..., 1.197e+03, 1.198e+03,\n         1.199e+03],\n        [1.200e+03, 1.201e+03, 1.202e+03, ..., 1.297e+03, 1.298e+03,\n         1.299e+03],\n        ...,\n        [1.700e+03, 1.701e+03, 1.702e+03, ..., 1.797e+03, 1.798e+03,\n         1.799e+03],\n        [1.800e+03, 1.801e+03, 1.802e+03, ..., 1.897e+03, 1.898e+03,\n         1.899e+03],\n        [1.900e+03, 1.901e+03, 1.902e+03, ..., 1.997e+03, 1.998e+03,\n         1.999e+03]]], shape=(2, 10, 100))"],
  ["arange(3000) as [1000, 3]", () => nd.arange(3000).reshape([1000, 3]),
    "array([[0.000e+00, 1.000e+00, 2.000e+00],\n       [3.000e+00, 4.000e+00, 5.000e+00],\n       [6.000e+00, 7.000e+00, 8.000e+00],\n       ...,\n       [2.991e+03, 2.992e+03, 2.993e+03],\n       [2.994e+03, 2.995e+03, 2.996e+03],\n       [2.997e+03, 2.998e+03, 2.999e+03]], shape=(1000, 3))"],
  ["transposed view", () => nd.arange(6).reshape([2, 3]).T,
    "array([[0., 3.],\n       [1., 4.],\n       [2., 5.]])"],
  ["reversed step view", () => nd.arange(10).slice('::-3'),
    "array([9., 6., 3., 0.])"],
  ["broadcast view", () => nd.array([1, 2]).broadcastTo([2, 2]),
    "array([[1., 2.],\n       [1., 2.]])"],
];

describe('formatArray matches NumPy repr', () => {
  for (const [name, make, expected] of cases) {
    test(name, () => {
      const a = make();
      assert.equal(a.toString(), expected);
      assert.equal(String(a), expected);
      assert.equal(inspect(a), expected);
    });
  }
});

describe('element formatter', () => {
  test('one common width; nan and inf padded to it', () => {
    const f = floatFormatter([1.25, -30, NaN, -Infinity]);
    assert.deepEqual([1.25, -30, NaN, -Infinity].map(f), ['  1.25', '-30.  ', '   nan', '  -inf']);
  });
  test('scientific when the smallest nonzero is < 1e-4; zeros do not count', () => {
    assert.deepEqual([0, 1].map(floatFormatter([0, 1])), ['0.', '1.']);
    assert.deepEqual([0, 5e-5].map(floatFormatter([0, 5e-5])), ['0.e+00', '5.e-05']);
  });
});

describe('printing and memory', () => {
  test('a disposed array prints as disposed for inspect and throws for toString', () => {
    const a = nd.ones(2);
    a.dispose();
    assert.equal(inspect(a), 'array(<disposed>)');
    assert.throws(() => a.toString(), /dispose/);
  });
  test('printing does not change the array', () => {
    const a = nd.array([[1.5, NaN], [-0, 3]]);
    a.toString();
    assert.deepEqual(a.toArray(), [[1.5, NaN], [-0, 3]]);
  });
});

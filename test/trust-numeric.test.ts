/**
 * Trust, numeric side of creation (issue 8): `arange` matches NumPy bit for bit (element i is
 * start + i·delta with delta = (start + step) − start), and seeds hash all 53 of their bits
 * (seed 2^32 used to give seed 668265261's stream) while anything but an integer in
 * [0, 2^53) throws a named error.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdvecError } from '../src/index.ts';

describe('arange matches NumPy bit for bit', () => {
  // [start, stop, step, np.arange(float(start), float(stop), float(step))] with numpy 2.4.6;
  // every value is Python's repr (shortest round-trip), so the literal is the exact double.
  const CASES: [number, number, number, number[]][] = [
    [1, 2, 0.1, [1.0, 1.1, 1.2000000000000002, 1.3000000000000003, 1.4000000000000004, 1.5000000000000004, 1.6000000000000005, 1.7000000000000006, 1.8000000000000007, 1.9000000000000008]],
    [0, 1, 0.1, [0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9]],
    [-1, 1, 0.3, [-1.0, -0.7, -0.3999999999999999, -0.09999999999999987, 0.20000000000000018, 0.5000000000000002, 0.8000000000000003]],
    [0.5, 10, 0.7, [0.5, 1.2, 1.9, 2.5999999999999996, 3.3, 4.0, 4.699999999999999, 5.3999999999999995, 6.1, 6.8, 7.5, 8.2, 8.899999999999999, 9.6]],
    [10000000000.0, 10000000005.0, 0.7, [10000000000.0, 10000000000.7, 10000000001.400002, 10000000002.100002, 10000000002.800003, 10000000003.500004, 10000000004.200005, 10000000004.900005]],
    [5, -3, -0.45, [5.0, 4.55, 4.1, 3.6499999999999995, 3.1999999999999993, 2.749999999999999, 2.299999999999999, 1.8499999999999988, 1.3999999999999986, 0.9499999999999984, 0.4999999999999982, 0.049999999999998046, -0.40000000000000213, -0.8500000000000023, -1.3000000000000025, -1.7500000000000027, -2.200000000000003, -2.650000000000003]],
    [-0.0, 3, 1, [-0.0, 1.0, 2.0]],
    [0, 1e-320, 1e+300, [0.0]],
    [0, -1e-320, 1e+300, []],
    [0.1, 0.4, 0.1, [0.1, 0.2, 0.30000000000000004, 0.4]],
    [1, 1.3, 0.1, [1.0, 1.1, 1.2000000000000002, 1.3000000000000003]],
    [2, 2, 1, []],
    [1e-300, 1e-299, 1e-300, [1e-300, 2e-300, 3e-300, 4e-300, 5e-300, 6e-300, 7e-300, 8e-300, 9e-300]],
    [0, 10, 0.3333333333333333, [0.0, 0.3333333333333333, 0.6666666666666666, 1.0, 1.3333333333333333, 1.6666666666666665, 2.0, 2.333333333333333, 2.6666666666666665, 3.0, 3.333333333333333, 3.6666666666666665, 4.0, 4.333333333333333, 4.666666666666666, 5.0, 5.333333333333333, 5.666666666666666, 6.0, 6.333333333333333, 6.666666666666666, 7.0, 7.333333333333333, 7.666666666666666, 8.0, 8.333333333333332, 8.666666666666666, 9.0, 9.333333333333332, 9.666666666666666]],
    [-2.5, 2.5, 0.5, [-2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]],
    [1, 0, 0.1, []],
  ];
  for (const [start, stop, step, expected] of CASES) {
    test(`arange(${start}, ${stop}, ${step})`, () => {
      const a = nd.arange(start, stop, step);
      const got = [...a.toFloat64Array()];
      assert.equal(got.length, expected.length, `length ${got.length}, NumPy ${expected.length}`);
      got.forEach((v, i) => assert.ok(Object.is(v, expected[i]), `element ${i}: ${v}, NumPy ${expected[i]}`));
      a.dispose();
    });
  }

  test('one-argument and integer forms are unchanged', () => {
    assert.deepEqual(nd.arange(4).toArray(), [0, 1, 2, 3]);
    assert.deepEqual(nd.arange(5, 0, -2).toArray(), [5, 3, 1]);
    assert.deepEqual(nd.arange(0).toArray(), []);
  });
});

describe('random seeds', () => {
  const first = (seed: number, n = 4): number[] => nd.random(n, { seed }).toArray() as number[];

  test('seed 2^32 and seed 668265261 give different streams (were identical)', () => {
    assert.notDeepEqual(first(2 ** 32), first(668265261));
  });

  test('seeds that differ in one bit give different streams, for every one of the 53 bits', () => {
    for (const base of [0, 1, 668265261, 2 ** 32, 2 ** 53 - 1]) {
      const b = first(base, 2);
      for (let k = 0; k < 53; k++) {
        const bit = 2 ** k;
        const other = Math.floor(base / bit) % 2 === 1 ? base - bit : base + bit;
        assert.notDeepEqual(first(other, 2), b, `seed ${base} vs ${other}`);
      }
    }
  });

  test("every seed gives NumPy's default_rng(seed) stream, 2^32 and 2^53 - 1 included", () => {
    assert.deepEqual(first(42, 2), [0.7739560485559633, 0.4388784397520523]);
    assert.deepEqual(first(2 ** 32, 3), [0.8897387912781343, 0.5571380502062263, 0.8009080868919721]);
    assert.deepEqual(first(2 ** 53 - 1, 3), [0.7862681066761149, 0.6063032385025929, 0.5376094823800641]);
    assert.deepEqual(nd.randn(2, { seed: 2 ** 40 }).toArray(), nd.randn(2, { seed: 2 ** 40 }).toArray());
  });

  const BAD: [string, unknown][] = [
    ['-1', -1], ['1.5', 1.5], ['2^53', 2 ** 53], ['NaN', NaN], ['Infinity', Infinity], ['-0.5', -0.5], ['"1"', '1'], ['1n', 1n], ['null', null],
  ];
  for (const [name, seed] of BAD) {
    test(`seed ${name} throws a named error (random and randn)`, () => {
      assert.throws(() => nd.random(2, { seed } as never), (e: Error) => e instanceof NdvecError && /seed/.test(e.message));
      assert.throws(() => nd.randn(2, { seed } as never), (e: Error) => e instanceof NdvecError && /seed/.test(e.message));
    });
  }
});

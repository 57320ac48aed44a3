import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, DTypeError, NdvecError, ShapeError } from '../src/index.ts';

/** dtype, shape and nested values of an array, for one deepEqual. */
function summary(a: NdArray): { dtype: string; shape: readonly number[]; values: unknown } {
  return { dtype: a.dtype, shape: a.shape, values: a.toArray() };
}

describe('nd.array', () => {
  const cases: [string, () => NdArray, string, number[], unknown][] = [
    ['nested 2-D', () => nd.array([[1, 2], [3, 4]]), 'float64', [2, 2], [[1, 2], [3, 4]]],
    ['number[]', () => nd.array([1.5, -2, 3]), 'float64', [3], [1.5, -2, 3]],
    ['3-D', () => nd.array([[[1], [2]], [[3], [4]]]), 'float64', [2, 2, 1], [[[1], [2]], [[3], [4]]]],
    ['Float64Array', () => nd.array(new Float64Array([1, NaN, -Infinity])), 'float64', [3], [1, NaN, -Infinity]],
    ['other typed array', () => nd.array(new Int32Array([-1, 7]) as unknown as Float64Array), 'float64', [2], [-1, 7]],
    ['booleans', () => nd.array([true, false, true]), 'bool', [3], [true, false, true]],
    ['nested booleans', () => nd.array([[true], [false]]), 'bool', [2, 1], [[true], [false]]],
    ['mixed booleans and numbers', () => nd.array([true, 2, false]), 'float64', [3], [1, 2, 0]],
    ['number scalar', () => nd.array(5), 'float64', [], 5],
    ['boolean scalar', () => nd.array(false), 'bool', [], false],
    ['empty', () => nd.array([]), 'float64', [0], []],
    ['empty rows', () => nd.array([[], []]), 'float64', [2, 0], [[], []]],
    ['special values', () => nd.array([-0, NaN, Infinity, 1e308]), 'float64', [4], [-0, NaN, Infinity, 1e308]],
    ['NdArray (copy)', () => nd.array(nd.array([[1, 2], [3, 4]]).T), 'float64', [2, 2], [[1, 3], [2, 4]]],
    ['bool NdArray (copy)', () => nd.array(nd.array([true, false]).slice('::-1')), 'bool', [2], [false, true]],
  ];
  for (const [name, make, dtype, shape, values] of cases) {
    test(name, () => assert.deepEqual(summary(make()), { dtype, shape, values }));
  }

  test('-0 survives', () => assert.ok(Object.is(nd.array([-0]).get(0), -0)));

  test('copies its input', () => {
    const src = new Float64Array([1, 2]);
    const a = nd.array(src);
    src[0] = 9;
    assert.equal(a.get(0), 1);
    const b = nd.array(a);
    a.set(1, 7);
    assert.deepEqual(b.toArray(), [1, 2]);
    assert.ok(b.ownsStorage && b.storage !== a.storage);
  });

  const errors: [string, unknown, typeof ShapeError | typeof DTypeError, RegExp][] = [
    ['ragged rows', [[1, 2], [3]], ShapeError, /x\[1\] has length 1, expected length 2 for shape \[2,2\]/],
    ['scalar among rows', [[1], 2], ShapeError, /x\[1\] has a scalar \(2\)/],
    ['row among scalars', [1, [2]], ShapeError, /x\[1\] is a sequence/],
    ['string', [1, 'a'], DTypeError, /"a" \(element 1/],
    ['null', [null], DTypeError, /null \(element 0/],
    ['undefined', [[1, undefined]], DTypeError, /undefined \(element 1/],
    ['object', { length: 2 }, DTypeError, /\[object Object\]/],
  ];
  for (const [name, input, cls, message] of errors) {
    test(`rejects ${name}`, () => assert.throws(() => nd.array(input as never), (e: Error) => e instanceof cls && message.test(e.message)));
  }
});

describe('zeros, ones, full, eye', () => {
  const cases: [string, () => NdArray, string, number[], unknown][] = [
    ['zeros([2, 3])', () => nd.zeros([2, 3]), 'float64', [2, 3], [[0, 0, 0], [0, 0, 0]]],
    ['zeros(3)', () => nd.zeros(3), 'float64', [3], [0, 0, 0]],
    ['zeros([])', () => nd.zeros([]), 'float64', [], 0],
    ['zeros(0)', () => nd.zeros(0), 'float64', [0], []],
    ['ones([1, 2])', () => nd.ones([1, 2]), 'float64', [1, 2], [[1, 1]]],
    ['ones([2, 0])', () => nd.ones([2, 0]), 'float64', [2, 0], [[], []]],
    ['full number', () => nd.full([2], 7.5), 'float64', [2], [7.5, 7.5]],
    ['full NaN', () => nd.full(1, NaN), 'float64', [1], [NaN]],
    ['full true', () => nd.full([2, 1], true), 'bool', [2, 1], [[true], [true]]],
    ['full false', () => nd.full(2, false), 'bool', [2], [false, false]],
    ['eye(2)', () => nd.eye(2), 'float64', [2, 2], [[1, 0], [0, 1]]],
    ['eye(2, 3)', () => nd.eye(2, 3), 'float64', [2, 3], [[1, 0, 0], [0, 1, 0]]],
    ['eye(0)', () => nd.eye(0), 'float64', [0, 0], []],
  ];
  for (const [name, make, dtype, shape, values] of cases) {
    test(name, () => assert.deepEqual(summary(make()), { dtype, shape, values }));
  }

  test('fills every element of a reused block', () => {
    for (let i = 0; i < 3; i++) nd.full(7, 9).dispose();
    assert.deepEqual(nd.zeros(7).toArray(), [0, 0, 0, 0, 0, 0, 0]);
  });

  for (const bad of [-1, 1.5, NaN, [2, -3], [Infinity]]) {
    test(`rejects shape ${JSON.stringify(bad)}`, () => {
      assert.throws(() => nd.zeros(bad as number), ShapeError);
      assert.throws(() => nd.full(bad as number, true), ShapeError);
    });
  }
});

describe('arange (values checked against NumPy)', () => {
  const cases: [number[], number[]][] = [
    [[5], [0, 1, 2, 3, 4]],
    [[1, 2, 0.25], [1, 1.25, 1.5, 1.75]],
    [[5, 0, -2], [5, 3, 1]],
    [[10, 0, -3], [10, 7, 4, 1]],
    [[0], []],
    [[3, 1], []],
    [[-3], []],
    [[1.5], [0, 1]],
    [[0, 1, 0.1], [0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9]],
    [[0, -1, -0.3], [0, -0.3, -0.6, -0.8999999999999999]],
  ];
  for (const [args, expected] of cases) {
    test(`arange(${args.join(', ')})`, () => {
      const a = nd.arange(...(args as [number, number?, number?]));
      assert.deepEqual(a.shape, [expected.length]);
      assert.deepEqual(a.toArray(), expected);
    });
  }
  test('step 0 and non-finite arguments throw', () => {
    assert.throws(() => nd.arange(0, 1, 0), (e: Error) => e instanceof NdvecError && /step must not be zero/.test(e.message));
    assert.throws(() => nd.arange(Infinity), NdvecError);
    assert.throws(() => nd.arange(0, NaN), NdvecError);
  });
});

describe('linspace (values checked against NumPy)', () => {
  const cases: [number, number, number, boolean, number[]][] = [
    [0, 1, 5, true, [0, 0.25, 0.5, 0.75, 1]],
    [0, 1, 4, false, [0, 0.25, 0.5, 0.75]],
    [2, 3, 1, true, [2]],
    [2, 3, 1, false, [2]],
    [2, 3, 0, true, []],
    [1, -1, 3, true, [1, 0, -1]],
    [0, 0.1, 4, true, [0, 0.03333333333333333, 0.06666666666666667, 0.1]],
    [5, 5, 3, true, [5, 5, 5]],
  ];
  for (const [start, stop, num, endpoint, expected] of cases) {
    test(`linspace(${start}, ${stop}, ${num}, endpoint=${endpoint})`, () => {
      assert.deepEqual(nd.linspace(start, stop, num, { endpoint }).toArray(), expected);
    });
  }
  test('endpoint defaults to true', () => assert.deepEqual(nd.linspace(0, 2, 3).toArray(), [0, 1, 2]));
  test('bad num throws', () => {
    assert.throws(() => nd.linspace(0, 1, -1), NdvecError);
    assert.throws(() => nd.linspace(0, 1, 2.5), NdvecError);
  });
});

describe('random and randn', () => {
  test('a seed reproduces the numbers; another seed changes them', () => {
    const a = nd.random([3, 4], { seed: 42 }).toArray();
    assert.deepEqual(nd.random([3, 4], { seed: 42 }).toArray(), a);
    assert.notDeepEqual(nd.random([3, 4], { seed: 43 }).toArray(), a);
    assert.deepEqual(nd.randn(5, { seed: 7 }).toArray(), nd.randn(5, { seed: 7 }).toArray());
  });

  test("fixed values: NumPy's default_rng(42).random(2) and default_rng(1).standard_normal(3)", () => {
    assert.deepEqual(nd.random(2, { seed: 42 }).toArray(), [0.7739560485559633, 0.4388784397520523]);
    assert.deepEqual(nd.randn(3, { seed: 1 }).toArray(), [0.345584192064786, 0.8216181435011584, 0.33043707618338714]);
  });

  test('without a seed, two calls differ', () => {
    assert.notDeepEqual(nd.random(4).toArray(), nd.random(4).toArray());
  });

  test('random is uniform on [0, 1): range, mean, variance', () => {
    const v = nd.random(100_000, { seed: 1 }).toFloat64Array();
    let sum = 0;
    let sq = 0;
    for (const x of v) {
      assert.ok(x >= 0 && x < 1);
      sum += x;
      sq += x * x;
    }
    const mean = sum / v.length;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
    assert.ok(Math.abs(sq / v.length - mean * mean - 1 / 12) < 0.005);
  });

  for (const n of [0, 1, 2, 3, 7]) {
    test(`randn of odd and tiny sizes (${n}) fills every element`, () => {
      const a = nd.randn(n, { seed: 3 });
      assert.equal(a.size, n);
      for (const x of a.toFloat64Array()) assert.ok(Number.isFinite(x));
    });
  }

  test('randn is standard normal: mean 0, variance 1, symmetric tails', () => {
    const v = nd.randn(100_001, { seed: 5 }).toFloat64Array();
    let sum = 0;
    let sq = 0;
    let beyond2 = 0;
    for (const x of v) {
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 2) beyond2++;
    }
    assert.ok(Math.abs(sum / v.length) < 0.02);
    assert.ok(Math.abs(sq / v.length - 1) < 0.02);
    assert.ok(Math.abs(beyond2 / v.length - 0.0455) < 0.004);
  });

  test('bad seed and shape throw', () => {
    assert.throws(() => nd.random(2, { seed: 1.5 }), NdvecError);
    assert.throws(() => nd.randn(-2), ShapeError);
  });
});

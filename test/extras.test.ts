/**
 * zerosLike/onesLike/fullLike, fill, logspace, hstack/vstack/columnStack, outer, repeat and
 * tile: NumPy 2.4 values written out (views, 0-d, empty, bool, NaN/-0), errors that leave
 * inputs untouched, and property tests against plain JS references.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, type NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, DisposedError, DTypeError, NdvecError, ShapeError } from '../src/errors.ts';
import { assertValues } from './helpers.ts';

/** A [3, 4] float array 0..11 — the base of most view cases. */
const grid = (): NdArray => nd.arange(12).reshape([3, 4]);

describe('zerosLike / onesLike / fullLike: shape and dtype of the input', () => {
  // [description, computed, NumPy result, dtype]
  const CASES: [string, () => NdArray, unknown, string][] = [
    ['zerosLike float 2-D', () => nd.zerosLike(nd.ones([2, 2])), [[0, 0], [0, 0]], 'float64'],
    ['onesLike of a transpose keeps its shape', () => nd.onesLike(nd.zeros([2, 3]).T), [[1, 1], [1, 1], [1, 1]], 'float64'],
    ['zerosLike bool is false', () => nd.zerosLike(nd.array([true, false])), [false, false], 'bool'],
    ['onesLike bool is true', () => nd.onesLike(nd.array([false])), [true], 'bool'],
    ['fullLike float with -0', () => nd.fullLike(nd.zeros([2, 2]).T, -0), [[-0, -0], [-0, -0]], 'float64'],
    ['fullLike float with NaN', () => nd.fullLike(nd.zeros(2), NaN), [NaN, NaN], 'float64'],
    ['fullLike float with true is 1', () => nd.fullLike(nd.zeros(2), true), [1, 1], 'float64'],
    ['fullLike bool with 0.5 is true', () => nd.fullLike(nd.array([true, false]), 0.5), [true, true], 'bool'],
    ['fullLike bool with NaN is true', () => nd.fullLike(nd.array([true, false]), NaN), [true, true], 'bool'],
    ['fullLike bool with -0 is false', () => nd.fullLike(nd.array([true]), -0), [false], 'bool'],
    ['fullLike 0-d', () => nd.fullLike(nd.array(3), 2), 2, 'float64'],
    ['fullLike of nested JS data', () => nd.fullLike([[1, 2, 3]], 4), [[4, 4, 4]], 'float64'],
    ['onesLike of JS booleans', () => nd.onesLike([true, false]), [true, true], 'bool'],
  ];
  for (const [name, run, expected, dtype] of CASES) {
    test(name, () => {
      const r = run();
      assertValues(r.toArray(), expected);
      assert.equal(r.dtype, dtype);
    });
  }
  test('empty shapes, own memory', () => {
    assert.deepEqual(nd.onesLike(nd.zeros([0, 3])).shape, [0, 3]);
    const a = nd.arange(3);
    const z = nd.zerosLike(a);
    z.set(0, 9);
    assert.deepEqual(a.toArray(), [0, 1, 2]);
    assert.ok(z.isContiguous);
  });
  test('errors', () => {
    assert.throws(() => nd.fullLike(nd.zeros(2), 'x' as unknown as number), (e: unknown) => e instanceof DTypeError && /"x"/.test(e.message));
    const gone = nd.zeros(2);
    gone.dispose();
    assert.throws(() => nd.zerosLike(gone), DisposedError);
  });
});

describe('fill: in place, through views', () => {
  test('values (NumPy: a[::2, ::-3].fill(-1) on arange(12).reshape(3, 4))', () => {
    const a = grid();
    const v = a.slice('::2', '::-3');
    assert.equal(v.fill(-1), v);
    assert.deepEqual(a.toArray(), [[-1, 1, 2, -1], [4, 5, 6, 7], [-1, 9, 10, -1]]);
  });
  test('a transposed column, a contiguous array, 0-d, empty', () => {
    const a = grid();
    a.T.slice(1).fill(NaN);
    assertValues(a.toArray(), [[0, NaN, 2, 3], [4, NaN, 6, 7], [8, NaN, 10, 11]]);
    assert.deepEqual(nd.zeros(5).fill(2.5).toArray(), [2.5, 2.5, 2.5, 2.5, 2.5]);
    assert.equal(nd.array(1).fill(-Infinity).toArray(), -Infinity);
    assert.deepEqual(nd.zeros([0, 2]).fill(1).shape, [0, 2]);
  });
  test('bool arrays: numbers cast, NaN is true', () => {
    const m = nd.array([false, false, false, false]);
    m.slice('::2').fill(NaN);
    assert.deepEqual(m.toArray(), [true, false, true, false]);
    m.fill(0);
    assert.deepEqual(m.toArray(), [false, false, false, false]);
    assert.deepEqual(nd.zeros(2).fill(true).toArray(), [1, 1]);
    assert.deepEqual(nd.fill(nd.array([true]), false).toArray(), [false]);
  });
  test('errors leave the array untouched', () => {
    const a = nd.arange(3);
    assert.throws(() => a.fill(null as unknown as number), (e: unknown) => e instanceof DTypeError && /null/.test(e.message));
    assert.deepEqual(a.toArray(), [0, 1, 2]);
    const v = a.slice('1:');
    a.dispose();
    assert.throws(() => v.fill(1), DisposedError);
  });
  test('property: fill on any stepped 2-D view writes exactly its elements', () => {
    const spec = fc.tuple(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 7 }), spec, spec, fc.boolean(), (rows, cols, [s0, b0], [s1, b1], transpose) => {
        const base = nd.arange(rows * cols).reshape([rows, cols]);
        const ref = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i * cols + j));
        const pick = (n: number, step: number, begin: number): number[] => {
          const idx: number[] = [];
          if (step > 0) for (let i = Math.min(begin, n); i < n; i += step) idx.push(i);
          else for (let i = n - 1 - Math.min(begin, n); i >= 0; i += step) idx.push(i);
          return idx;
        };
        const first = (step: number, begin: number): string => (step > 0 ? `${begin}::${step}` : `${-1 - begin}::${step}`);
        const r = rows === 0 ? [] : pick(rows, s0, b0);
        const c = cols === 0 ? [] : pick(cols, s1, b1);
        let v = base.slice(rows === 0 ? ':' : first(s0, b0), cols === 0 ? ':' : first(s1, b1));
        if (transpose) v = v.T;
        v.fill(-1);
        for (const i of r) for (const j of c) ref[i]![j] = -1;
        assert.deepEqual(base.toArray(), ref);
      }),
    );
  });
});

describe('logspace: NumPy values', () => {
  // [description, computed, np.logspace result, ulps] (1 ulp: JS pow vs C pow)
  const CASES: [string, () => NdArray, number[], number][] = [
    ['0..3, 4 values', () => nd.logspace(0, 3, 4), [1, 10, 100, 1000], 0],
    ['0..1, 5 values', () => nd.logspace(0, 1, 5), [1, 1.7782794100389228, 3.1622776601683795, 5.62341325190349, 10], 1],
    ['endpoint false', () => nd.logspace(0, 3, 4, { endpoint: false }), [1, 5.62341325190349, 31.622776601683793, 177.82794100389228], 1],
    ['base 2', () => nd.logspace(2, 3, 4, { base: 2 }), [4, 5.039684199579493, 6.3496042078727974, 8], 1],
    ['base e, descending', () => nd.logspace(1, 0, 3, { base: Math.E }), [2.718281828459045, 1.6487212707001282, 1], 1],
    ['negative exponents', () => nd.logspace(0, -2, 3), [1, 0.1, 0.01], 0],
    ['negative base: NaN for fractional powers', () => nd.logspace(0, 1, 3, { base: -2 }), [1, NaN, -2], 0],
    ['one value', () => nd.logspace(0, 1, 1), [1], 0],
    ['no values', () => nd.logspace(0, 1, 0), [], 0],
  ];
  for (const [name, run, expected, ulps] of CASES) test(name, () => assertValues(run().toArray(), expected, ulps));
  test('errors', () => {
    assert.throws(() => nd.logspace(0, 1, -1), (e: unknown) => e instanceof NdvecError && /-1/.test(e.message));
    assert.throws(() => nd.logspace(0, 1, 2.5), /2\.5/);
    assert.throws(() => nd.logspace(0, 1, 3, { base: '10' as unknown as number }), ArgumentError);
  });
  test('property: equals base ** linspace within 1 ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.double({ min: 0.5, max: 16, noNaN: true }), (start, stop, num, base) => {
        const lin = nd.linspace(start, stop, num).toArray() as number[];
        assertValues(nd.logspace(start, stop, num, { base }).toArray(), lin.map((e) => base ** e), 2);
      }),
    );
  });
});

describe('hstack / vstack / columnStack: NumPy values', () => {
  const CASES: [string, () => NdArray, unknown][] = [
    ['hstack 1-D', () => nd.hstack([nd.array([1, 2]), nd.array([3])]), [1, 2, 3]],
    ['hstack 0-d with 1-D', () => nd.hstack([nd.array(1), nd.array([2, 3])]), [1, 2, 3]],
    ['hstack 2-D along axis 1', () => nd.hstack([nd.ones([2, 1]), nd.zeros([2, 2])]), [[1, 0, 0], [1, 0, 0]]],
    ['hstack with an empty block', () => nd.hstack([nd.zeros([2, 0]), nd.ones([2, 1])]), [[1], [1]]],
    ['hstack views', () => nd.hstack([grid().T.slice('::2'), grid().slice('1:', 0).reshape([2, 1])]), [[0, 4, 8, 4], [2, 6, 10, 8]]],
    ['vstack 1-D rows', () => nd.vstack([nd.array([1, 2]), nd.array([3, 4])]), [[1, 2], [3, 4]]],
    ['vstack 1-D with 2-D', () => nd.vstack([nd.array([1, 2]), nd.array([[3, 4]])]), [[1, 2], [3, 4]]],
    ['vstack 0-d', () => nd.vstack([nd.array(1), nd.array(2)]), [[1], [2]]],
    ['vstack bool with float is float', () => nd.vstack([nd.array([true]), nd.array([2])]), [[1], [2]]],
    ['vstack a reversed view', () => nd.vstack([nd.arange(3).flip(), nd.arange(3)]), [[2, 1, 0], [0, 1, 2]]],
    ['columnStack 1-D columns', () => nd.columnStack([nd.array([1, 2]), nd.array([3, 4])]), [[1, 3], [2, 4]]],
    ['columnStack 1-D with 2-D', () => nd.columnStack([nd.array([1, 2]), nd.array([[3], [4]])]), [[1, 3], [2, 4]]],
    ['columnStack 0-d', () => nd.columnStack([nd.array(1)]), [[1]]],
  ];
  for (const [name, run, expected] of CASES) test(name, () => assertValues(run().toArray(), expected));
  test('dtypes', () => {
    assert.equal(nd.vstack([nd.array([true]), nd.array([false])]).dtype, 'bool');
    assert.deepEqual(nd.hstack([nd.array([true]), nd.array([false])]).toArray(), [true, false]);
  });
  test('errors name the function and the shapes', () => {
    assert.throws(() => nd.vstack([nd.zeros(2), nd.zeros(3)]), (e: unknown) => e instanceof ShapeError && /vstack/.test(e.message) && /\[1,2\], \[1,3\]/.test(e.message));
    assert.throws(() => nd.hstack([nd.zeros([2, 1]), nd.zeros([3, 1])]), (e: unknown) => e instanceof ShapeError && /hstack/.test(e.message) && /\[2,1\], \[3,1\]/.test(e.message));
    assert.throws(() => nd.hstack([nd.zeros(2), nd.zeros([2, 1])]), ShapeError);
    assert.throws(() => nd.columnStack([nd.zeros(2), nd.zeros(3)]), /columnStack/);
    assert.throws(() => nd.hstack([]), ShapeError);
    // plain data entries are arrays, as NumPy's array_like (np.vstack([[1, 2]]) is [[1, 2]]); a string is not
    assert.deepEqual(nd.vstack([[1, 2] as unknown as NdArray]).toArray(), [[1, 2]]);
    assert.throws(() => nd.vstack(['ab' as unknown as NdArray]), DTypeError);
  });
  test('property: vstack of 1-D rows equals stack; hstack of 1-D equals concat', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const arrays = rows.map((r) => nd.array(r));
        assert.deepEqual(nd.vstack(arrays).toArray(), nd.stack(arrays).toArray());
        assert.deepEqual(nd.hstack(arrays).toArray(), rows.flat());
        assert.deepEqual(nd.columnStack(arrays).toArray(), nd.stack(arrays, 1).toArray());
      }),
    );
  });
});

describe('outer: NumPy values', () => {
  const CASES: [string, () => NdArray, unknown][] = [
    ['1-D by 2-D (flattened)', () => nd.outer([1, 2, 3], [[4, 5]]), [[4, 5], [8, 10], [12, 15]]],
    ['a transposed 2-D input flattens in C order', () => nd.outer(nd.arange(6).reshape([2, 3]).T, nd.array([1, -1])), [[0, -0], [3, -3], [1, -1], [4, -4], [2, -2], [5, -5]]],
    ['bool by bool is logical and', () => nd.outer([true, false], [true, true]), [[true, true], [false, false]]],
    ['NaN and Inf', () => nd.outer([NaN, Infinity], [0, 2]), [[NaN, NaN], [NaN, Infinity]]],
    ['0-d inputs', () => nd.outer(nd.array(3), nd.array(4)), [[12]]],
    ['empty', () => nd.outer([], [1, 2]), []],
  ];
  for (const [name, run, expected] of CASES) test(name, () => assertValues(run().toArray(), expected));
  test('shapes and inputs untouched', () => {
    assert.deepEqual(nd.outer([], [1, 2]).shape, [0, 2]);
    const a = nd.arange(4);
    const b = nd.array([2, 3]);
    nd.outer(a, b);
    assert.deepEqual([a.toArray(), b.toArray()], [[0, 1, 2, 3], [2, 3]]);
    const gone = nd.zeros(2);
    gone.dispose();
    assert.throws(() => nd.outer(gone, b), DisposedError);
  });
  test('property: out[i][j] = a[i] * b[j]', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), fc.array(fc.double()), (a, b) => {
        const got = nd.outer(a, b);
        assert.deepEqual(got.shape, [a.length, b.length]);
        assertValues(got.toArray(), a.map((x) => b.map((y) => x * y)));
      }),
    );
  });
});

describe('repeat: NumPy values', () => {
  const M = [[1, 2], [3, 4]];
  const CASES: [string, () => NdArray, unknown][] = [
    ['no axis flattens', () => nd.array(M).repeat(2), [1, 1, 2, 2, 3, 3, 4, 4]],
    ['counts per row', () => nd.array(M).repeat([1, 2], 0), [[1, 2], [3, 4], [3, 4]]],
    ['axis 1', () => nd.array(M).repeat(3, 1), [[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]]],
    ['axis -1 on a transpose with a zero count', () => nd.arange(6).reshape([2, 3]).T.repeat([2, 0], -1), [[0, 0], [1, 1], [2, 2]]],
    ['0-d', () => nd.repeat(nd.array(5), 3), [5, 5, 5]],
    ['one count in a list', () => nd.repeat([1, 2], [2]), [1, 1, 2, 2]],
    ['count 0', () => nd.repeat([1, 2], 0), []],
    ['bool', () => nd.array([true, false]).repeat([2, 1]), [true, true, false]],
    ['reversed stepped view, NaN and -0', () => nd.array([NaN, 1, -0, 2]).slice('::-2').repeat(2), [2, 2, 1, 1]],
    ['-0 kept', () => nd.repeat([-0], 2), [-0, -0]],
    ['empty', () => nd.zeros([0, 3]).repeat(2, 1), []],
  ];
  for (const [name, run, expected] of CASES) test(name, () => assertValues(run().toArray(), expected));
  test('shapes and dtypes', () => {
    assert.deepEqual(nd.zeros([0, 3]).repeat(2, 1).shape, [0, 6]);
    assert.deepEqual(nd.zeros([2, 3]).repeat(0, 0).shape, [0, 3]);
    assert.equal(nd.array([true]).repeat(2).dtype, 'bool');
  });
  test('errors leave the input untouched', () => {
    const a = nd.array(M);
    assert.throws(() => a.repeat(-1), (e: unknown) => e instanceof NdvecError && /got -1/.test(e.message));
    assert.throws(() => a.repeat(1.5), /got 1.5/);
    assert.throws(() => a.repeat([1, 2, 3], 0), (e: unknown) => e instanceof ShapeError && /3 repeats for axis 0 of length 2/.test(e.message));
    assert.throws(() => a.repeat([1, 2]), /2 repeats for the flattened array of length 4/);
    assert.throws(() => a.repeat(2, 2), AxisError);
    // NumPy repeats a 0-d array as a 1-D one: axis 0 and -1 work, others are out of range
    assert.deepEqual(nd.array(5).repeat(2, 0).toArray(), [5, 5]);
    assert.deepEqual(nd.array(5).repeat([3], -1).toArray(), [5, 5, 5]);
    assert.throws(() => nd.array(5).repeat(2, 1), AxisError);
    assert.throws(() => nd.array(5).repeat(2, -2), AxisError);
    assert.throws(() => a.repeat('2' as unknown as number), DTypeError);
    assert.deepEqual(a.toArray(), M);
  });
  test('property: flat repeat equals a plain flatMap', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 9 }), fc.integer({ min: 0, max: 4 }), (xs, r) => {
        assertValues(nd.repeat(xs, r).toArray(), xs.flatMap((x) => new Array<number>(r).fill(x)));
        const counts = xs.map((_, i) => (i * 7 + r) % 4);
        assertValues(nd.repeat(xs, counts).toArray(), xs.flatMap((x, i) => new Array<number>(counts[i]!).fill(x)));
      }),
    );
  });
});

describe('tile: NumPy values', () => {
  const CASES: [string, () => NdArray, unknown][] = [
    ['1-D twice', () => nd.tile([1, 2], 2), [1, 2, 1, 2]],
    ['1-D into rows', () => nd.tile([1, 2], [2, 1]), [[1, 2], [1, 2]]],
    ['more reps than dims', () => nd.tile([[1, 2]], [2, 1, 2]), [[[1, 2, 1, 2]], [[1, 2, 1, 2]]]],
    ['fewer reps than dims', () => nd.tile([[1, 2], [3, 4]], 2), [[1, 2, 1, 2], [3, 4, 3, 4]]],
    ['a stepped transpose', () => nd.tile(nd.arange(6).reshape([2, 3]).T.slice('::2'), [2, 2]), [[0, 3, 0, 3], [2, 5, 2, 5], [0, 3, 0, 3], [2, 5, 2, 5]]],
    ['0-d', () => nd.tile(nd.array(5), 3), [5, 5, 5]],
    ['0-d, no reps', () => nd.tile(nd.array(5), []), 5],
    ['bool', () => nd.tile([true, false], 2), [true, false, true, false]],
    ['zero reps', () => nd.tile([1, 2], 0), []],
  ];
  for (const [name, run, expected] of CASES) test(name, () => assertValues(run().toArray(), expected));
  test('shapes and dtypes', () => {
    assert.deepEqual(nd.tile([1, 2], 0).shape, [0]);
    assert.deepEqual(nd.tile(nd.zeros([0, 2]), [3, 2]).shape, [0, 4]);
    assert.equal(nd.tile([true], 3).dtype, 'bool');
  });
  test('errors', () => {
    assert.throws(() => nd.tile([1], -2), (e: unknown) => e instanceof NdvecError && /reps must be non-negative integers, got -2/.test(e.message));
    assert.throws(() => nd.tile([1], [1, 0.5]), /got 0.5/);
  });
  test('property: tile of a 1-D array equals concatenated copies', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (xs, r, rows) => {
        const row = Array.from({ length: r }, () => xs).flat();
        assertValues(nd.tile(xs, r).toArray(), row);
        assertValues(nd.tile(xs, [rows, r]).toArray(), Array.from({ length: rows }, () => row));
      }),
    );
  });
});

/**
 * Masks: compress (`a.where(mask)`), select (`nd.where`), setWhere and count, with expected
 * values written out, every layout, errors that leave arrays untouched, and a property test
 * against plain-array references.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { BroadcastError, DTypeError, ShapeError } from '../src/errors.ts';
import { assertValues } from './helpers.ts';

const SIZES = [0, 1, 2, 3, 5, 7, 17];

describe('compress: a.where(mask)', () => {
  const cases: [string, () => NdArray, unknown][] = [
    ['keeps x > 0', () => { const a = nd.array([-1, 2, -3, 4, NaN, 0, Infinity]); return a.where(a.gt(0)); }, [2, 4, Infinity]],
    ['2-D in C order', () => { const a = nd.array([[1, -2], [-3, 4]]); return a.where(a.lt(0)); }, [-2, -3]],
    ['transposed: C order of the view', () => { const a = nd.array([[1, 2], [3, 4]]).T; return a.where(a.ne(3)); }, [1, 2, 4]],
    ['reversed view and mask', () => { const a = nd.arange(6).slice('::-1'); return a.where(nd.array([true, false, true, false, true, true]).slice('::-1').slice('::-1')); }, [5, 3, 1, 0]],
    ['strided mask from a bigger one', () => nd.arange(3).where(nd.array([true, false, false, true, true, false]).slice('::2')), [0, 2]],
    ['none true', () => nd.arange(4).where(nd.arange(4).gt(10)), []],
    ['all true', () => nd.arange(3).where(nd.arange(3).ge(0)), [0, 1, 2]],
    ['empty', () => nd.zeros([0]).where(nd.zeros([0]).gt(0)), []],
    ['0-d', () => nd.array(5).where(nd.array(true)), [5]],
    ['bool values', () => nd.array([true, false, true]).where(nd.array([true, true, false])), [true, false]],
    ['-0 and NaN kept as they are', () => nd.array([-0, NaN, 1]).where(nd.array([true, true, false])), [-0, NaN]],
  ];
  for (const [name, run, expected] of cases) {
    test(name, () => {
      const r = run();
      assert.equal(r.ndim, 1);
      assertValues(r.toArray(), expected);
    });
  }
  test(`sizes ${SIZES.join(', ')}, every third element dropped`, () => {
    for (const n of SIZES) {
      const values = Array.from({ length: n }, (_, i) => i * 1.5 - 4);
      const keep = values.map((_, i) => i % 3 !== 1);
      assertValues(nd.array(values).where(nd.array(keep.map(Number)).astype('bool')).toArray(), values.filter((_, i) => keep[i]), 0, `n=${n}`);
    }
  });
  test('the result does not share storage with the input', () => {
    const a = nd.array([1, 2]);
    const r = a.where(a.gt(0));
    a.set(0, 9);
    assertValues(r.toArray(), [1, 2]);
  });
  const bad: [string, () => unknown, new (...a: never[]) => Error, RegExp][] = [
    ['float mask', () => nd.array([1, 2]).where(nd.array([1, 0])), DTypeError, /mask must be a bool array, got float64/],
    ['shape mismatch', () => nd.array([1, 2]).where(nd.array([true, false, true])), ShapeError, /\[3\].*\[2\]/],
    ['broadcastable but not equal', () => nd.zeros([2, 2]).where(nd.array([true, false])), ShapeError, /\[2\].*\[2,2\]/],
  ];
  for (const [name, run, cls, message] of bad) {
    test(`${name}: ${cls.name}`, () => assert.throws(run, (e: unknown) => e instanceof cls && message.test((e as Error).message)));
  }
});

describe('count', () => {
  const cases: [string, () => number, number][] = [
    ['bool', () => nd.array([true, false, true]).count(), 2],
    ['float: nonzero, NaN counts, -0 does not', () => nd.array([0, -0, NaN, 2, -1]).count(), 3],
    ['strided', () => nd.array([true, false, true, true]).slice('::-2').count(), 1],
    ['transposed 2-D', () => nd.array([[1, 0, 2], [0, 0, 3]]).T.count(), 3],
    ['empty', () => nd.zeros([0, 3]).count(), 0],
    ['0-d', () => nd.array(true).count(), 1],
  ];
  for (const [name, run, expected] of cases) test(name, () => assert.equal(run(), expected));
  test(`sizes ${SIZES.join(', ')}`, () => {
    for (const n of SIZES) assert.equal(nd.arange(n).gt(1).count(), Math.max(0, n - 2), `n=${n}`);
  });
});

describe('select: nd.where(cond, x, y)', () => {
  const c = () => nd.array([true, false, true]);
  const cases: [string, () => NdArray, unknown][] = [
    ['arrays', () => nd.where(c(), nd.array([1, 2, 3]), nd.array([-1, -2, -3])), [1, -2, 3]],
    ['numbers', () => nd.where(c(), 1, 0), [1, 0, 1]],
    ['array and number', () => { const a = nd.array([-1, 2, -3]); return nd.where(a.gt(0), a, 0); }, [0, 2, 0]],
    ['number and array', () => nd.where(c(), NaN, nd.array([4, 5, 6])), [NaN, 5, NaN]],
    ['broadcast cond column against a row', () => nd.where(nd.array([[true], [false]]), nd.array([1, 2]), nd.array([[7], [8]])), [[1, 2], [8, 8]]],
    ['0-d cond', () => nd.where(nd.array(false), nd.array([1, 2]), 9), [9, 9]],
    ['transposed operands', () => nd.where(nd.array([[true, false], [false, true]]).T, nd.array([[1, 2], [3, 4]]).T, 0), [[1, 0], [0, 4]]],
    ['bool x and y give bool', () => nd.where(c(), nd.array([true, true, true]), nd.array([false, false, false])), [true, false, true]],
    ['bool x with number y gives float', () => nd.where(c(), nd.array([true, false, true]), 5), [1, 5, 1]],
    ['empty', () => nd.where(nd.zeros([0]).gt(0), 1, 2), []],
    ['-0 preserved', () => nd.where(c(), -0, 1), [-0, 1, -0]],
  ];
  for (const [name, run, expected] of cases) test(name, () => assertValues(run().toArray(), expected));
  test(`sizes ${SIZES.join(', ')}`, () => {
    for (const n of SIZES) {
      const a = nd.arange(n);
      assertValues(nd.where(a.ge(n / 2), a, a.neg()).toArray(), Array.from({ length: n }, (_, i) => (i >= n / 2 ? i : -i)), 0, `n=${n}`);
    }
  });
  test('into out, including out being x', () => {
    const x = nd.array([1, 2, 3]);
    assert.equal(nd.where(c(), 0, x, { out: x }), x);
    assertValues(x.toArray(), [0, 2, 0]);
    const y = nd.array([1, 2, 3]);
    nd.where(c(), y.slice('::-1'), y, { out: y });
    assertValues(y.toArray(), [3, 2, 1]);
  });
  const bad: [string, (out: NdArray) => unknown, new (...a: never[]) => Error][] = [
    ['float cond', (out) => nd.where(nd.array([1, 0]), 1, 2, { out }), DTypeError],
    ['shapes do not broadcast', (out) => nd.where(nd.array([true, false]), nd.zeros([3]), 0, { out }), BroadcastError],
    ['out shape', (out) => nd.where(nd.array([true, false, true]), 1, 2, { out }), ShapeError],
    ['out dtype', () => nd.where(nd.array([true, false]), 1, 2, { out: nd.array([true, true]) }), DTypeError],
  ];
  for (const [name, run, cls] of bad) {
    test(`${name}: ${cls.name}, out untouched`, () => {
      const out = nd.array([7, 8]);
      assert.throws(() => run(out), cls);
      assertValues(out.toArray(), [7, 8]);
    });
  }
});

describe('setWhere', () => {
  const cases: [string, () => NdArray, unknown][] = [
    ['number', () => { const a = nd.array([-1, 2, -3]); return a.setWhere(a.lt(0), 0); }, [0, 2, 0]],
    ['array of the same shape', () => { const a = nd.array([1, 2, 3]); return a.setWhere(nd.array([true, false, true]), nd.array([10, 20, 30])); }, [10, 2, 30]],
    ['broadcast row value', () => { const a = nd.zeros([2, 2]); return a.setWhere(nd.array([[true, false], [false, true]]), nd.array([5, 6])); }, [[5, 0], [0, 6]]],
    ['broadcast mask', () => { const a = nd.zeros([2, 2]); return a.setWhere(nd.array([true, false]), 1); }, [[1, 0], [1, 0]]],
    ['strided target', () => { const a = nd.arange(6); a.slice('::2').setWhere(nd.array([true, false, true]), -1); return a; }, [-1, 1, 2, 3, -1, 5]],
    ['transposed target', () => { const a = nd.zeros([2, 3]); a.T.setWhere(nd.array([[true, false], [false, false], [false, true]]), 1); return a; }, [[1, 0, 0], [0, 0, 1]]],
    ['NaN value', () => nd.array([1, 2]).setWhere(nd.array([false, true]), NaN), [1, NaN]],
    ['bool target, number', () => nd.array([true, false]).setWhere(nd.array([true, true]), 0), [false, false]],
    ['bool target, bool array', () => nd.array([true, false]).setWhere(nd.array([false, true]), nd.array([true, true])), [true, true]],
    ['float target, bool array as 0/1', () => nd.array([5, 5]).setWhere(nd.array([true, true]), nd.array([true, false])), [1, 0]],
    ['value is the reversed target (copied first)', () => { const a = nd.array([1, 2, 3]); return a.setWhere(nd.array([true, true, true]), a.slice('::-1')); }, [3, 2, 1]],
    ['empty', () => nd.zeros([0]).setWhere(nd.zeros([0]).gt(0), 1), []],
  ];
  for (const [name, run, expected] of cases) test(name, () => assertValues(run().toArray(), expected));
  test('returns the same array', () => {
    const a = nd.array([1]);
    assert.equal(a.setWhere(nd.array([true]), 2), a);
  });
  const bad: [string, (a: NdArray) => unknown, new (...a: never[]) => Error][] = [
    ['float mask', (a) => a.setWhere(nd.array([1, 0, 1]), 0), DTypeError],
    ['mask does not broadcast', (a) => a.setWhere(nd.array([true, false]), 0), BroadcastError],
    ['value does not broadcast', (a) => a.setWhere(nd.array([true, true, true]), nd.array([1, 2])), BroadcastError],
    ['value bigger than a', (a) => a.setWhere(nd.array([true, true, true]), nd.zeros([2, 3])), BroadcastError],
  ];
  for (const [name, run, cls] of bad) {
    test(`${name}: ${cls.name}, untouched`, () => {
      const a = nd.array([1, 2, 3]);
      assert.throws(() => run(a), cls);
      assertValues(a.toArray(), [1, 2, 3]);
    });
  }
  test('float value into a bool array: DTypeError', () => {
    const a = nd.array([true, false]);
    assert.throws(() => a.setWhere(nd.array([true, true]), nd.array([0.5, 2])), DTypeError);
    assertValues(a.toArray(), [true, false]);
  });
});

describe('property: masks against plain arrays', () => {
  const data = fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(NaN, -0, Infinity)), { maxLength: 40 });
  test('compress, count, select and setWhere on contiguous and reversed views, WASM and JS', () => {
    fc.assert(
      fc.property(data, fc.boolean(), fc.boolean(), (values, reversed, wasm) => {
        nd.config({ wasm });
        let a = nd.array(values);
        if (reversed) a = nd.array([...values].reverse()).slice('::-1');
        const mask = a.gt(0);
        const keep = values.map((v) => v > 0);
        assertValues(a.where(mask).toArray(), values.filter((_, i) => keep[i]));
        assert.equal(mask.count(), keep.filter(Boolean).length);
        assertValues(nd.where(mask, a, -1).toArray(), values.map((v, i) => (keep[i] ? v : -1)));
        a.setWhere(a.isnan(), 0);
        assertValues(a.toArray(), values.map((v) => (Number.isNaN(v) ? 0 : v)));
        a.setWhere(mask, a.neg());
        assertValues(a.toArray(), values.map((v, i) => (keep[i] ? -v : Number.isNaN(v) ? 0 : v)));
      }),
    );
    nd.config({ wasm: true });
  });
});

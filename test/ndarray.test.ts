import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, DisposedError, IndexError, ArgumentError } from '../src/index.ts';

describe('get and set', () => {
  const a = nd.arange(6).reshape([2, 3]);
  const reads: [string, () => number | boolean, number | boolean][] = [
    ['get(0, 0)', () => a.get(0, 0), 0],
    ['get(1, -1)', () => a.get(1, -1), 5],
    ['get(-2, 1)', () => a.get(-2, 1), 1],
    ['get on a transpose', () => a.T.get(2, 1), 5],
    ['get on a reversed slice', () => a.slice(null, '::-1').get(0, 0), 2],
    ['get on a broadcast view', () => nd.array([7, 8]).broadcastTo([3, 2]).get(2, 1), 8],
    ['get on 0-d', () => nd.array(4).get(), 4],
    ['get on bool', () => nd.array([false, true]).get(1), true],
  ];
  for (const [name, read, expected] of reads) test(name, () => assert.equal(read(), expected));

  const badReads: [string, () => unknown, RegExp][] = [
    ['index past the end', () => a.get(2, 0), /index 2 is out of bounds for axis 0 with size 2/],
    ['negative past the start', () => a.get(0, -4), /index -4 is out of bounds for axis 1 with size 3/],
    ['too few indices', () => a.get(0), /expected 2 indices, got 1/],
    ['too many indices', () => a.get(0, 0, 0), /expected 2 indices, got 3/],
    ['index into an empty axis', () => nd.zeros(0).get(0), /index 0 is out of bounds for axis 0 with size 0/],
  ];
  for (const [name, fn, message] of badReads) {
    test(`IndexError: ${name}`, () => assert.throws(fn, (e: Error) => e instanceof IndexError && message.test(e.message)));
  }

  test('set writes one element, returns the array, coerces per dtype', () => {
    const b = nd.zeros([2, 2]);
    assert.equal(b.set(0, 1, 5), b);
    b.set(-1, -1, true);
    assert.deepEqual(b.toArray(), [[0, 5], [0, 1]]);
    const m = nd.full(2, false).set(1, 1);
    assert.deepEqual(m.toArray(), [false, true]);
    const z = nd.array(1).set(-0);
    assert.ok(Object.is(z.get(), -0));
  });

  test('set through a view writes the base; a bad index writes nothing', () => {
    const b = nd.zeros([2, 3]);
    b.T.set(2, 1, 9);
    assert.throws(() => b.set(2, 0, 1), IndexError);
    assert.deepEqual(b.toArray(), [[0, 0, 0], [0, 0, 9]]);
  });
});

describe('toArray, toFloat64Array, copy', () => {
  const cases: [string, () => NdArray, unknown, number[]][] = [
    ['2-D', () => nd.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]], [1, 2, 3, 4]],
    ['transposed', () => nd.array([[1, 2], [3, 4]]).T, [[1, 3], [2, 4]], [1, 3, 2, 4]],
    ['step slice of 3-D', () => nd.arange(24).reshape([2, 3, 4]).slice('::-1', 1, '1::2'), [[17, 19], [5, 7]], [17, 19, 5, 7]],
    ['broadcast', () => nd.array([1, 2]).broadcastTo([2, 2]), [[1, 2], [1, 2]], [1, 2, 1, 2]],
    ['0-d', () => nd.array(2.5), 2.5, [2.5]],
    ['empty', () => nd.zeros([0, 3]), [], []],
    ['size 1', () => nd.array([[7]]), [[7]], [7]],
    ['odd length around SIMD width', () => nd.arange(7), [0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 6]],
    ['NaN, ±Inf, -0', () => nd.array([NaN, Infinity, -Infinity, -0]), [NaN, Infinity, -Infinity, -0], [NaN, Infinity, -Infinity, -0]],
    ['bool', () => nd.array([true, false]), [true, false], [1, 0]],
    ['bool reversed', () => nd.array([true, false, false]).slice('::-1'), [false, false, true], [0, 0, 1]],
  ];
  for (const [name, make, nested, flat] of cases) {
    test(name, () => {
      const a = make();
      assert.deepEqual(a.toArray(), nested);
      const f = a.toFloat64Array();
      assert.ok(f instanceof Float64Array);
      assert.deepEqual(Array.from(f), flat);
      const c = a.copy();
      assert.deepEqual({ values: c.toArray(), dtype: c.dtype, owns: c.ownsStorage, contiguous: c.isContiguous }, { values: nested, dtype: a.dtype, owns: true, contiguous: true });
    });
  }

  test('toFloat64Array is a copy with its own buffer', () => {
    const a = nd.arange(3);
    const f = a.toFloat64Array();
    f[0] = 9;
    assert.equal(a.get(0), 0);
    assert.equal(f.length, f.buffer.byteLength / 8);
  });

  test('copy is independent of its source', () => {
    const a = nd.arange(4);
    const c = a.copy();
    c.set(0, 9);
    a.set(1, 8);
    assert.deepEqual([a.toArray(), c.toArray()], [[0, 8, 2, 3], [9, 1, 2, 3]]);
  });
});

describe('dispose', () => {
  test('the owner frees the storage; views of it become unusable', () => {
    const a = nd.arange(4);
    const v = a.slice('1:');
    a.dispose();
    a.dispose(); // idempotent
    assert.ok(a.isDisposed && v.isDisposed);
    for (const use of [() => a.get(0), () => v.get(0), () => a.toArray(), () => v.toFloat64Array(), () => a.set(0, 1)]) {
      assert.throws(use, DisposedError);
    }
  });

  test('disposing a view leaves the base usable', () => {
    const a = nd.arange(4);
    const v = a.reshape([2, 2]);
    v.dispose();
    assert.ok(v.isDisposed && !a.isDisposed);
    assert.throws(() => v.get(0, 0), DisposedError);
    assert.deepEqual(a.toArray(), [0, 1, 2, 3]);
  });

  test('Symbol.dispose disposes', () => {
    const a = nd.ones(2);
    a[Symbol.dispose]();
    assert.ok(a.isDisposed);
  });

  test('memory of disposed arrays is reused without leaking values into new arrays', () => {
    const before = nd.info().liveArrays;
    for (let i = 0; i < 50; i++) nd.full(33, 7).dispose();
    assert.equal(nd.info().liveArrays, before);
    assert.deepEqual(nd.zeros(33).toArray(), new Array(33).fill(0));
  });
});

describe('shape facts', () => {
  const cases: [string, () => NdArray, number, number, boolean][] = [
    ['contiguous 2-D', () => nd.zeros([2, 3]), 2, 6, true],
    ['transpose', () => nd.zeros([2, 3]).T, 2, 6, false],
    ['size-1 axes ignore strides', () => nd.zeros([3, 1]).T, 2, 3, true],
    ['empty', () => nd.zeros([2, 0, 3]), 3, 0, true],
    ['0-d', () => nd.array(1), 0, 1, true],
  ];
  for (const [name, make, ndim, size, contiguous] of cases) {
    test(name, () => {
      const a = make();
      assert.deepEqual([a.ndim, a.size, a.isContiguous], [ndim, size, contiguous]);
    });
  }
});

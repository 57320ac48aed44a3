/**
 * Matrix helpers: nd.trace / a.trace, nd.diagonal / a.diagonal (read-only views), nd.diag,
 * nd.tril, nd.triu, nd.kron, nd.cross. NumPy's answers written out
 * (test/fixtures/linalg-lu.json, scripts/linalg-fixtures.py), compared exactly (same
 * operations as NumPy, -0 included); views, dtypes, strided inputs, errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, NdvecError } from '../src/index.ts';
import { ArgumentError, AxisError, BroadcastError, ReadOnlyError, ShapeError } from '../src/errors.ts';
import { onJsAndWasm } from './helpers.ts';
import { FIXTURE, argOf, decode, isArrayArg } from './linalg-fixture.ts';

const plain = (r: unknown): unknown => (r instanceof NdArray ? r.toArray() : r);
const F = nd as unknown as Record<string, (...a: unknown[]) => unknown>;

describe('NumPy answers (fixtures)', () => {
  for (const [i, c] of FIXTURE.cases.entries()) {
    if (!['diagonal', 'trace', 'diag', 'tril', 'triu', 'kron', 'cross'].includes(c.fn)) continue;
    const label = `${c.fn} #${i} ${JSON.stringify(c.args.map((a) => (isArrayArg(a) ? a.shape : a)))}`;
    test(label, () => {
      const run = (): unknown => F[c.fn]!(...c.args.map(argOf));
      if (c.error !== undefined) {
        assert.throws(run, NdvecError, `${label}: NumPy raised ${c.error}`);
        return;
      }
      const [js, wasm] = onJsAndWasm(run);
      const want = decode(c.expected);
      for (const got of [js, wasm]) {
        assert.deepEqual(got instanceof NdArray ? got.shape : [], c.shape, `${label}: shape`);
        // deepStrictEqual: NaN equals NaN, -0 differs from 0.
        assert.deepEqual(plain(got), want, label);
      }
    });
  }
});

describe('diagonal and diag: read-only views, as NumPy', () => {
  test('a view: writes to the base show through; writes to it throw ReadOnlyError', () => {
    const a = nd.arange(9).reshape([3, 3]);
    const d = a.diagonal();
    assert.equal(d.writeable, false);
    assert.throws(() => d.fill(0), ReadOnlyError);
    assert.throws(() => d.set(0, 1), ReadOnlyError);
    a.set(1, 1, 40);
    assert.deepEqual(d.toArray(), [0, 40, 8]);
    assert.deepEqual(nd.diag(a, 1).toArray(), [1, 5]);
    assert.equal(nd.diag(a).writeable, false);
    assert.deepEqual(d.copy().fill(1).toArray(), [1, 1, 1]);
  });

  test('of strided and transposed views; of plain data (the view owns its memory)', () => {
    const a = nd.arange(20).reshape([4, 5]);
    assert.deepEqual(a.T.diagonal(1).toArray(), [5, 11, 17]);
    assert.deepEqual(a.slice('::2', '::-1').diagonal().toArray(), [4, 13]);
    const d = nd.diagonal([[1, 2], [3, 4]]);
    assert.deepEqual(d.toArray(), [1, 4]);
    d.dispose();
    assert.equal(d.isDisposed, true);
    const e = nd.diag([[1, 2], [3, 4]], -1);
    assert.deepEqual(e.toArray(), [3]);
  });

  test('bool arrays keep their dtype; diag of bool is bool', () => {
    const m = nd.array([[true, false], [false, true]]);
    assert.deepEqual(m.diagonal().toArray(), [true, true]);
    assert.equal(nd.diag([true, false], 1).dtype, 'bool');
    assert.deepEqual(nd.diag([true, false], 1).toArray(), [[false, true, false], [false, false, false], [false, false, false]]);
    assert.equal(m.trace(), 2);
    assert.equal(nd.tril(m, -1).dtype, 'bool');
    assert.deepEqual(nd.tril(m, -1).toArray(), [[false, false], [false, false]]);
  });

  test('errors name the shape or axis', () => {
    assert.throws(() => nd.arange(3).diagonal(), ShapeError);
    assert.throws(() => nd.zeros([2, 2]).diagonal(0, 1, 1), AxisError);
    assert.throws(() => nd.zeros([2, 2]).diagonal(0, 0, 2), AxisError);
    assert.throws(() => nd.zeros([2, 2]).diagonal(0.5), ArgumentError);
    assert.throws(() => (nd.zeros([2, 2]).diagonal as (...a: unknown[]) => unknown)(0, 0, 1, 7), ArgumentError);
    assert.throws(() => nd.diag(nd.zeros([2, 2, 2])), ShapeError);
    assert.throws(() => nd.diag(5), ShapeError);
    assert.throws(() => nd.diag([1], 1.5), ArgumentError);
    assert.throws(() => nd.trace(nd.zeros([3])), ShapeError);
    assert.throws(() => nd.zeros([2, 2]).trace('1' as never), ArgumentError);
  });
});

describe('trace', () => {
  test('a number of a matrix, an array of a stack; offsets past the edge give 0', () => {
    const a = nd.arange(12).reshape([3, 4]);
    assert.equal(a.trace(), 15);
    assert.equal(nd.trace(a, 1), 18);
    assert.equal(nd.trace(a, 7), 0);
    assert.equal(nd.trace(a, -7), 0);
    assert.deepEqual((nd.trace(nd.arange(24).reshape([2, 3, 4]), 0, 1, 2) as NdArray).toArray(), [15, 51]);
    assert.equal(nd.trace([[1, NaN], [0, 2]], 1), NaN);
    assert.equal(nd.trace(nd.zeros([0, 0])), 0);
  });
});

describe('tril and triu', () => {
  test('stacks, strided input, NaN above the diagonal becomes 0, the input is untouched', () => {
    const a = nd.array([[[NaN, NaN], [1, NaN]], [[2, 3], [4, 5]]]);
    assert.deepEqual(nd.tril(a).toArray(), [[[NaN, 0], [1, NaN]], [[2, 0], [4, 5]]]);
    assert.deepEqual(nd.triu(a.slice(null, '::-1')).toArray(), [[[1, NaN], [0, NaN]], [[4, 5], [0, 3]]]);
    assert.ok(Number.isNaN(a.get(0, 0, 1) as number));
    assert.deepEqual(nd.tril(nd.zeros([3, 0])).shape, [3, 0]);
  });
  test('errors', () => {
    assert.throws(() => nd.tril(5), ShapeError);
    assert.throws(() => nd.triu([[1]], 0.5), ArgumentError);
    assert.throws(() => (nd.triu as (...a: unknown[]) => unknown)([[1]], 0, 1), ArgumentError);
  });
});

describe('kron', () => {
  test('bool × bool is bool (logical and); float otherwise; strided inputs', () => {
    const k = nd.kron([true, false], [[true], [true]]);
    assert.equal(k.dtype, 'bool');
    assert.deepEqual(k.toArray(), [[true, false], [true, false]]);
    assert.equal(nd.kron([true], [2]).dtype, 'float64');
    const a = nd.arange(6).reshape([2, 3]);
    assert.deepEqual(nd.kron(a.T, [1, -1]).toArray(), nd.kron(a.T.copy(), [1, -1]).toArray());
  });
});

describe('cross', () => {
  test('broadcasting, axis options, 2-vectors', () => {
    const a = nd.array([[1, 0, 0], [0, 1, 0]]);
    assert.deepEqual(nd.cross(a, [0, 0, 1]).toArray(), [[0, -1, 0], [1, 0, 0]]);
    assert.deepEqual(nd.cross(a.T, nd.array([[0], [0], [1]]), { axis: 0 }).toArray(), [[0, 1], [-1, 0], [0, 0]]);
    const c = nd.cross(nd.ones([4, 3]), nd.arange(3), { axisc: 0 });
    assert.deepEqual(c.shape, [3, 4]);
    assert.deepEqual(c.toArray(), [[1, 1, 1, 1], [-2, -2, -2, -2], [1, 1, 1, 1]]);
    assert.equal(nd.cross([1, 2], [3, 4]).ndim, 0);
  });
  test('errors', () => {
    assert.throws(() => nd.cross([1, 2, 3, 4], [1, 2, 3]), ShapeError);
    assert.throws(() => nd.cross(5, [1, 2, 3]), ShapeError);
    assert.throws(() => nd.cross(nd.ones([2, 3]), nd.ones([3, 3])), BroadcastError);
    assert.throws(() => nd.cross([1, 2, 3], [1, 2, 3], { axis: 1 }), AxisError);
    assert.throws(() => nd.cross([1, 2, 3], [1, 2, 3], { axes: 0 } as never), ArgumentError);
    assert.throws(() => nd.cross([1, 2, 3], [1, 2, 3], { axis: 0.5 }), ArgumentError);
  });
});

test('inside nd.fuse, a stand-in gets the fuser\'s named error', () => {
  for (const f of [(x: NdArray) => nd.tril(x), (x: NdArray) => nd.kron(x, x), (x: NdArray) => nd.cross(x, x), (x: NdArray) => nd.diag(x), (x: NdArray) => nd.trace(x), (x: NdArray) => nd.diagonal(x)]) {
    assert.throws(() => nd.fuse(f as (x: NdArray) => NdArray)(nd.eye(3)), NdvecError);
  }
});

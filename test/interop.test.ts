import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import ndarray from 'ndarray';
import { nd, DTypeError, ShapeError } from '../src/index.ts';

type Sci = ndarray.NdArray<Float64Array | Uint8Array | number[]>;
const ops = createRequire(import.meta.url)('ndarray-ops') as {
  addeq(out: Sci, a: Sci): Sci;
  addseq(out: Sci, s: number): Sci;
  mulseq(out: Sci, s: number): Sci;
  assign(out: Sci, a: Sci): Sci;
  sum(a: Sci): number;
};

describe('toNdarray shares memory with ndarray-ops', () => {
  test('layout: shape, stride, offset = start, typed data', () => {
    const a = nd.array([[1, 2, 3], [4, 5, 6]]);
    const s = a.toNdarray();
    assert.deepEqual([s.shape, s.stride, s.offset], [[2, 3], [3, 1], a.start]);
    assert.ok(s.data instanceof Float64Array);
    assert.equal(s.get(1, 2), 6);
    assert.equal(ops.sum(s), 21);
  });

  const cases: [string, (a: ReturnType<typeof nd.arange>) => void, unknown][] = [
    ['addeq on the whole array', (a) => ops.addeq(a.toNdarray(), nd.ones([2, 3]).toNdarray()), [[1, 2, 3], [4, 5, 6]]],
    ['addseq on a step slice', (a) => ops.addseq(a.slice(null, '::2').toNdarray(), 100), [[100, 1, 102], [103, 4, 105]]],
    ['mulseq on a reversed slice', (a) => ops.mulseq(a.slice(1, '::-1').toNdarray(), -1), [[0, 1, 2], [-3, -4, -5]]],
    ['addeq through a transpose', (a) => ops.addeq(a.T.toNdarray(), nd.arange(6).reshape([3, 2]).toNdarray()), [[0, 3, 6], [4, 7, 10]]],
    ['assign from a strided scijs array', (a) => ops.assign(a.toNdarray(), ndarray([0, 1, 2, 3, 4, 5], [3, 2]).transpose(1, 0)), [[0, 2, 4], [1, 3, 5]]],
    ['assign into a 1-element window', (a) => ops.assign(a.slice(0, [1, 2]).toNdarray(), ndarray([9], [1])), [[0, 9, 2], [3, 4, 5]]],
  ];
  for (const [name, act, expected] of cases) {
    test(name, () => {
      const a = nd.arange(6).reshape([2, 3]);
      act(a);
      assert.deepEqual(a.toArray(), expected);
    });
  }

  test('bool arrays give a Uint8Array view', () => {
    const m = nd.array([true, false, true]);
    const s = m.toNdarray();
    assert.ok(s.data instanceof Uint8Array);
    assert.deepEqual([s.get(0), s.get(1)], [1, 0]);
    s.set(1, 1);
    assert.deepEqual(m.toArray(), [true, true, true]);
  });

  test('0-d and empty arrays', () => {
    assert.equal(nd.array(3).toNdarray().get(), 3);
    assert.equal(ops.sum(nd.zeros([0, 2]).toNdarray()), 0);
  });

  test('disposed arrays throw', () => {
    const a = nd.ones(2);
    a.dispose();
    assert.throws(() => a.toNdarray(), /dispose/);
  });
});

describe('fromNdarray copies any strided scijs array', () => {
  const base = (): Sci => ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
  const cases: [string, () => { data: ArrayLike<number>; shape: number[]; stride: number[]; offset: number }, number[], unknown][] = [
    ['contiguous', base, [2, 3], [[1, 2, 3], [4, 5, 6]]],
    ['transposed', () => base().transpose(1, 0), [3, 2], [[1, 4], [2, 5], [3, 6]]],
    ['negative step', () => base().step(-1, 2), [2, 2], [[4, 6], [1, 3]]],
    ['picked row (offset)', () => base().pick(1, null), [3], [4, 5, 6]],
    ['lo/hi window', () => base().lo(1, 1).hi(1, 2), [1, 2], [[5, 6]]],
    ['plain number[] data', () => ndarray([7, 8, 9], [3], [-1], 2), [3], [9, 8, 7]],
    ['stride 0', () => ({ data: [4], shape: [3], stride: [0], offset: 0 }), [3], [4, 4, 4]],
    ['0-d', () => ndarray([7], []), [], 7],
    ['empty with any strides', () => ({ data: [], shape: [0, 4], stride: [100, -100], offset: 0 }), [0, 4], []],
    ['NaN, -0 and inf survive', () => ndarray([NaN, -0, -Infinity], [3]), [3], [NaN, -0, -Infinity]],
  ];
  for (const [name, make, shape, values] of cases) {
    test(name, () => {
      const src = make();
      const before = Array.from(src.data);
      const a = nd.fromNdarray(src);
      assert.deepEqual({ shape: a.shape, values: a.toArray(), dtype: a.dtype, owns: a.ownsStorage }, { shape, values, dtype: 'float64', owns: true });
      assert.ok(a.isContiguous);
      assert.deepEqual(Array.from(src.data), before);
    });
  }

  test('round trips keep values and layout', () => {
    const a = nd.random([3, 4], { seed: 9 });
    for (const v of [a, a.T, a.slice('::-1', '1::2')]) {
      assert.deepEqual(nd.fromNdarray(v.toNdarray()).toArray(), v.toArray());
    }
    const s = ndarray(new Float64Array([1, 2, 3, 4]), [2, 2]).transpose(1, 0);
    const back = nd.fromNdarray(s).toNdarray();
    assert.deepEqual([back.get(0, 1), back.get(1, 0)], [s.get(0, 1), s.get(1, 0)]);
  });

  const errors: [string, unknown, Function, RegExp][] = [
    ['reads past the end', { data: [1, 2], shape: [3], stride: [1], offset: 0 }, ShapeError, /indices 0\.\.2 outside data of length 2/],
    ['reads before the start', { data: [1, 2], shape: [2], stride: [-1], offset: 0 }, ShapeError, /indices -1\.\.0/],
    ['stride length mismatch', { data: [1, 2], shape: [2], stride: [1, 1], offset: 0 }, ShapeError, /stride \[1,1\]/],
    ['fractional offset', { data: [1, 2], shape: [1], stride: [1], offset: 0.5 }, ShapeError, /offset 0\.5/],
    ['negative shape', { data: [1, 2], shape: [-1], stride: [1], offset: 0 }, ShapeError, /invalid shape/],
    ['string data', { data: [1, 'a'], shape: [2], stride: [1], offset: 0 }, DTypeError, /data\[1\] is "a"/],
    ['not an object', 5, DTypeError, /expects \{ data, shape, stride, offset \}/],
  ];
  for (const [name, input, cls, message] of errors) {
    test(`rejects ${name}`, () => assert.throws(() => nd.fromNdarray(input as never), (e: Error) => e instanceof cls && message.test(e.message)));
  }
});

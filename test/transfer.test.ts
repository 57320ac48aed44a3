/**
 * Sending arrays elsewhere (issue 8): `a.toTransferable()` gives `{ shape, dtype, data }`
 * with a buffer of its own, `nd.array` takes it back (checked strictly), and the silent path
 * (`structuredClone(a)`, `postMessage(a)`, which used to deliver internal pointers and no
 * values) throws a DataCloneError. A real worker_threads round trip checks the whole path.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Worker, MessageChannel } from 'node:worker_threads';
import { nd, NdArray, DTypeError, ShapeError, NdvecError, DisposedError } from '../src/index.ts';

const live = (): number => nd.info().liveBytes;

describe('toTransferable', () => {
  const CASES: [string, () => NdArray, number[], string, number[]][] = [
    ['1-D float64', () => nd.array([1.5, -0, NaN, Infinity]), [4], 'float64', [1.5, -0, NaN, Infinity]],
    ['2-D transposed view (C order of the view)', () => nd.arange(6).reshape([2, 3]).T, [3, 2], 'float64', [0, 3, 1, 4, 2, 5]],
    ['strided slice', () => nd.arange(10).slice('1::3'), [3], 'float64', [1, 4, 7]],
    ['bool', () => nd.array([true, false, true]), [3], 'bool', [1, 0, 1]],
    ['bool view', () => nd.array([[true, false], [false, false]]).T, [2, 2], 'bool', [1, 0, 0, 0]],
    ['0-d', () => nd.array(7), [], 'float64', [7]],
    ['empty', () => nd.zeros([2, 0]), [2, 0], 'float64', []],
    ['broadcast view', () => nd.array([1, 2]).broadcastTo([2, 2]), [2, 2], 'float64', [1, 2, 1, 2]],
  ];
  for (const [name, make, shape, dtype, values] of CASES) {
    test(`${name}: fresh buffer of its own, C order, no arena bytes left`, () => {
      const a = make();
      const before = live();
      const t = a.toTransferable();
      assert.equal(live(), before, 'the temporary copy of a view is freed');
      assert.deepEqual(t.shape, shape);
      assert.equal(t.dtype, dtype);
      assert.ok(t.data instanceof (dtype === 'bool' ? Uint8Array : Float64Array));
      assert.deepEqual([...t.data], values);
      assert.equal(t.data.byteOffset, 0);
      assert.equal(t.data.buffer.byteLength, t.data.byteLength, 'the buffer holds exactly the data');
      assert.ok(!(t.data.buffer instanceof SharedArrayBuffer));
      const back = nd.array(t);
      assert.deepEqual(back.shape, shape);
      assert.equal(back.dtype, dtype);
      assert.deepEqual(back.toArray(), a.toArray());
      t.data[0] = 99; // the copy is independent of both arrays
      if (a.size > 0) assert.notEqual(back.toFloat64Array()[0], 99);
      back.dispose();
      a.dispose();
    });
  }

  test('throws DisposedError on a disposed array', () => {
    const a = nd.ones([2]);
    a.dispose();
    assert.throws(() => a.toTransferable(), DisposedError);
  });
});

describe('nd.array({ shape, dtype, data }) is checked strictly', () => {
  const f64 = (n: number): Float64Array => new Float64Array(n);
  const BAD: [string, unknown, new (...a: never[]) => Error, RegExp][] = [
    ['an extra key', { shape: [2], dtype: 'float64', data: f64(2), extra: 1 }, DTypeError, /keys \[shape, dtype, data, extra\]/],
    ['a missing key', { shape: [2], data: f64(2) }, DTypeError, /keys \[shape, data\]/],
    ['a class instance', new (class Foo { shape = [2]; dtype = 'float64'; data = f64(2); })(), DTypeError, /\{ shape, dtype, data \}/],
    ['dtype int32', { shape: [2], dtype: 'int32', data: f64(2) }, DTypeError, /dtype "int32"; dtypes are 'float64' and 'bool'/],
    ['float64 with Float32Array data', { shape: [2], dtype: 'float64', data: new Float32Array(2) }, DTypeError, /needs data as a Float64Array, got Float32Array/],
    ['bool with Float64Array data', { shape: [2], dtype: 'bool', data: f64(2) }, DTypeError, /needs data as a Uint8Array, got Float64Array/],
    ['data a plain array', { shape: [2], dtype: 'float64', data: [1, 2] }, DTypeError, /got \[object Array\]/],
    ['bool data holding 2', { shape: [3], dtype: 'bool', data: new Uint8Array([1, 0, 2]) }, DTypeError, /data\[2\] is 2; bool data holds 0 or 1/],
    ['length mismatch', { shape: [2, 2], dtype: 'float64', data: f64(3) }, ShapeError, /shape \[2,2\] holds 4 elements but data has 3/],
    ['negative dimension', { shape: [-1], dtype: 'float64', data: f64(1) }, ShapeError, /non-negative integers, got \[-1\]/],
    ['fractional dimension', { shape: [1.5], dtype: 'float64', data: f64(1) }, ShapeError, /got \[1.5\]/],
    ['string dimension', { shape: ['2'], dtype: 'float64', data: f64(2) }, ShapeError, /got \[2\]/],
    ['shape not an array', { shape: 2, dtype: 'float64', data: f64(2) }, ShapeError, /got 2/],
  ];
  for (const [name, input, cls, message] of BAD) {
    test(`rejects ${name}`, () => {
      const before = live();
      assert.throws(() => nd.array(input as never), (e: Error) => e instanceof cls && message.test(e.message));
      assert.equal(live(), before);
    });
  }

  test('rejects data whose buffer was transferred away (detached)', () => {
    const t = nd.arange(4).toTransferable();
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(t, [t.data.buffer]);
    port1.close();
    port2.close();
    assert.throws(() => nd.array(t), (e: Error) => e instanceof NdvecError && /detached/.test(e.message));
  });

  test('-0 in the shape becomes 0; a Float64Array with a byteOffset is fine', () => {
    const data = new Float64Array([9, 1, 2, 3]).subarray(1);
    const a = nd.array({ shape: [3], dtype: 'float64', data });
    assert.deepEqual(a.toArray(), [1, 2, 3]);
    const z = nd.array({ shape: [-0, 2], dtype: 'float64', data: new Float64Array(0) });
    assert.ok(Object.is(z.shape[0], 0));
    a.dispose();
    z.dispose();
  });
});

describe('NdArrays cannot be cloned silently', () => {
  test('structuredClone(a) throws a DataCloneError that says what to do', () => {
    for (const a of [nd.arange(3), nd.arange(6).reshape([2, 3]).T, nd.array([true])]) {
      assert.throws(() => structuredClone(a), (e: Error) => e.name === 'DataCloneError' && /toTransferable/.test(e.message));
      assert.throws(() => structuredClone({ nested: [a] }), (e: Error) => e.name === 'DataCloneError');
      a.dispose();
    }
  });

  test('postMessage(a) throws a DataCloneError; nothing is sent', () => {
    const { port1, port2 } = new MessageChannel();
    const a = nd.arange(3);
    assert.throws(() => port1.postMessage(a), (e: Error) => e.name === 'DataCloneError' && /toTransferable/.test(e.message));
    port1.close();
    port2.close();
    a.dispose();
  });

  test('structuredClone of the transferable form works and copies', () => {
    const a = nd.array([[1, 2], [3, 4]]);
    const t = structuredClone(a.toTransferable());
    assert.deepEqual(nd.array(t).toArray(), [[1, 2], [3, 4]]);
    a.dispose();
  });
});

describe('a real worker_threads round trip', () => {
  test('float64 and bool arrays go to a worker and come back, buffers moved', async () => {
    const worker = new Worker(new URL('./fixtures/transfer-worker.mjs', import.meta.url));
    const replies: unknown[] = [];
    let wake: () => void = () => undefined;
    worker.on('message', (m) => {
      replies.push(m);
      wake();
    });
    const next = async (): Promise<any> => {
      while (replies.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
      return replies.shift();
    };
    try {
      assert.equal(await next(), 'ready');
      const a = nd.arange(12).reshape([3, 4]).T; // a view: sent in C order of the view
      const t = a.toTransferable();
      worker.postMessage(t, [t.data.buffer]);
      assert.equal(t.data.byteLength, 0, 'the buffer moved to the worker');
      const r1 = await next();
      assert.equal(r1.error, undefined, r1.error);
      assert.equal(r1.live, 0, 'the worker freed its arrays');
      const back = nd.array(r1.ok);
      assert.deepEqual(back.shape, [4, 3]);
      assert.deepEqual(back.toArray(), (a.mul(2).toArray()));

      const m = nd.array([true, false, true]);
      const tm = m.toTransferable();
      worker.postMessage(tm, [tm.data.buffer]);
      const r2 = await next();
      assert.deepEqual(nd.array(r2.ok).toArray(), [false, true, false]);

      worker.postMessage({ shape: [2], dtype: 'float64', data: new Float64Array(3) });
      const r3 = await next();
      assert.match(r3.error, /^ShapeError: .*shape \[2\] holds 2 elements but data has 3/);
    } finally {
      await worker.terminate();
    }
  });
});

/**
 * Trust, memory side (issue 8): nd.scope closes whatever its return value holds, nd.array
 * refuses cyclic/sparse/huge nested input with a named error, and copies typed arrays that
 * view ndvec's own WASM memory safely across a memory grow.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, NdvecError, DisposedError } from '../src/index.ts';

/** Live arena bytes now. */
const live = (): number => nd.info().liveBytes;

describe('nd.scope walks its return value safely', () => {
  test('a 100k-node linked list: the array at its tail is kept, the temporaries freed', () => {
    const before = live();
    let tmp!: NdArray;
    const head = nd.scope(() => {
      tmp = nd.ones([8]).mul(3);
      let node: { next: unknown; value?: NdArray } = { next: null, value: nd.ones([2]) };
      for (let i = 0; i < 100_000; i++) node = { next: node };
      return node;
    });
    let tail: any = head;
    while (tail.next !== null) tail = tail.next;
    assert.equal(tmp.isDisposed, true);
    assert.deepEqual(tail.value.toArray(), [1, 1]);
    tail.value.dispose();
    assert.equal(live(), before);
  });

  test('returning a Float64Array(1e7) keeps it and closes the scope', () => {
    const before = live();
    let tmp!: NdArray;
    const big = nd.scope(() => {
      tmp = nd.ones([16]);
      return new Float64Array(1e7);
    });
    assert.equal(big.length, 1e7);
    assert.equal(tmp.isDisposed, true);
    assert.equal(live(), before);
  });

  test('typed arrays, ArrayBuffers and a DataView inside an object are not entered', () => {
    const r = nd.scope(() => ({ a: nd.ones([2]), f: new Float64Array(1e6), b: new ArrayBuffer(8), d: new DataView(new ArrayBuffer(8)) }));
    assert.deepEqual(r.a.toArray(), [1, 1]);
    r.a.dispose();
  });

  test('typed arrays are data, never entered: an NdArray hung on one as a property is not seen', () => {
    // Walking into typed arrays made `return new Float64Array(1e7)` cost 0.7 s (now 0.3 ms).
    let hidden!: NdArray;
    const r = nd.scope(() => {
      const f = new Float64Array(4) as Float64Array & { extra?: NdArray };
      f.extra = hidden = nd.ones([2]);
      return f;
    });
    assert.equal(r.length, 4);
    assert.equal(hidden.isDisposed, true);
  });

  test('a throwing getter: the scope returns, closes, and frees nothing it cannot prove unreachable', () => {
    const before = live();
    let visible!: NdArray;
    const r = nd.scope(() => {
      visible = nd.ones([2]);
      return { visible, get bad(): never { throw new Error('getter'); } };
    });
    assert.equal(r.visible, visible);
    assert.deepEqual(visible.toArray(), [1, 1]);
    visible.dispose();
    assert.equal(live(), before);
    // The scope was closed: arrays made afterwards belong to no scope and stay live.
    const after = nd.ones([2]);
    assert.deepEqual(after.toArray(), [1, 1]);
    after.dispose();
  });

  test('a Proxy whose traps throw, and a revoked Proxy', () => {
    const throwing = new Proxy({}, { ownKeys() { throw new Error('ownKeys'); }, getPrototypeOf() { throw new Error('proto'); } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [throwing, proxy, { inner: throwing }, [proxy]]) {
      let made!: NdArray;
      const r = nd.scope(() => {
        made = nd.ones([2]);
        return value;
      });
      assert.equal(r, value);
      assert.equal(made.isDisposed, false, 'an unreadable value keeps the scope\'s arrays');
      made.dispose();
    }
  });

  test('a Proxy that reads fine is walked through its traps', () => {
    let tmp!: NdArray;
    const r = nd.scope(() => {
      tmp = nd.ones([3]);
      return new Proxy({ a: nd.ones([2]) }, {});
    });
    assert.deepEqual(r.a.toArray(), [1, 1]);
    assert.equal(tmp.isDisposed, true);
    r.a.dispose();
  });

  test('a thenable whose then getter throws is a plain value', () => {
    const r = nd.scope(() => ({ get then(): never { throw new Error('then'); } }));
    assert.equal(typeof r, 'object');
  });

  test('cycles through Map, Set and arrays are visited once', () => {
    const r = nd.scope(() => {
      const m = new Map<unknown, unknown>();
      const s = new Set<unknown>([m]);
      const arr: unknown[] = [s, nd.ones([2])];
      m.set(arr, s);
      return { m };
    });
    const arr = [...r.m.keys()][0] as unknown[];
    assert.deepEqual((arr[1] as NdArray).toArray(), [1, 1]);
    (arr[1] as NdArray).dispose();
  });

  test('a scope that throws or refuses a Promise is closed: later arrays are not freed by it', async () => {
    assert.throws(() => nd.scope(() => { throw new Error('boom'); }), /boom/);
    assert.throws(() => nd.scope(async () => 1), NdvecError);
    const later = nd.ones([2]);
    nd.scope(() => nd.ones([1]));
    assert.deepEqual(later.toArray(), [1, 1]);
    later.dispose();
  });

  test('an array returned behind a closure is freed (closures are not looked into)', () => {
    const get = nd.scope(() => {
      const a = nd.ones([2]);
      return () => a;
    });
    assert.throws(() => get().sum(), DisposedError);
  });
});

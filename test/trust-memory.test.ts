/**
 * Trust, memory side (issue 8): nd.scope closes whatever its return value holds, nd.array
 * refuses cyclic/sparse/huge nested input with a named error, and copies typed arrays that
 * view ndvec's own WASM memory safely across a memory grow.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nd, NdArray, NdvecError, DisposedError, ShapeError, DTypeError } from '../src/index.ts';
import { arenaRoom } from '../src/memory.ts';
import ndarray from 'ndarray';

/** Live arena bytes now. */
const live = (): number => nd.info().liveBytes;

describe('nd.array(a.toNdarray().data)', () => {
  test('a.toNdarray().data (the whole memory) copies right although the copy grows the memory', () => {
    // First in this file: the memory is still small, so the copy stays in the arena (under the soft limit).
    const a = nd.arange(1000).mul(3);
    const data = a.toNdarray(ndarray).data as Float64Array;
    const grownFrom = nd.info().arenaBytes;
    const b = nd.array(data); // as big as the memory: allocating it must grow the memory
    assert.ok(nd.info().arenaBytes > grownFrom, 'the memory grew during nd.array');
    assert.equal(b.size, grownFrom / 8);
    for (const k of [0, 1, 499, 999]) assert.equal(b.get(a.start + k), 3 * k);
    a.dispose();
    b.dispose();
  });
});

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

  test('more than 250,000 objects, or a Proxy that makes new objects forever: the walk stops and keeps everything', () => {
    const handler: ProxyHandler<object> = {
      ownKeys: () => ['x'],
      getOwnPropertyDescriptor: () => ({ value: undefined, enumerable: true, configurable: true }),
      get: () => new Proxy({}, handler),
    };
    for (const make of [() => Array.from({ length: 250_001 }, () => ({})), () => new Proxy({}, handler)]) {
      let made!: NdArray;
      nd.scope(() => {
        made = nd.ones([2]);
        return make();
      });
      assert.equal(made.isDisposed, false);
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

describe('nd.array refuses input that used to kill the process', () => {
  const row = new Array(65537).fill(1);
  let deep: unknown = 1;
  for (let i = 0; i < 65; i++) deep = [deep];
  const self: unknown[] = [1];
  self[0] = self;
  const selfDeep: unknown[][] = [[1, 2], [3, 4]];
  selfDeep[0]![0] = selfDeep;
  const sparse: number[] = [];
  sparse[2e8] = 1;
  const CASES: [string, () => unknown, RegExp][] = [
    ['x[0] = x', () => self, /cyclic nested arrays: x\[0\] is x itself/],
    ['x[0][0] = x', () => selfDeep, /cyclic nested arrays: x\[0\]\[0\] is x itself/],
    ['a sparse array (a[2e8] = 1)', () => sparse, /sparse array: x\[0\] is a hole \(no element in an array of length 200000001\)/],
    ['a hole in a row', () => [[1, 2], [3, , 5].slice(0, 2)], /sparse array: x\[1\]\[1\] is a hole/],
    ['a hole among rows', () => [[1], , [3]], /sparse array: x\[1\] is a hole/],
    ['65536 rows of one shared 65537-row (2^32 + 65536 elements)', () => new Array(65536).fill(row), /shape \[65536,65537\] would hold 4295032832 elements, more than the 4294967296/],
    ['65 levels of nesting', () => deep, /deeper than 64 levels/],
  ];
  for (const [name, input, message] of CASES) {
    test(`${name}: ShapeError, nothing allocated`, () => {
      const before = live();
      assert.throws(() => nd.array(input() as never), (e: Error) => e instanceof ShapeError && message.test(e.message));
      assert.equal(live(), before);
    });
  }

  test('64 levels of nesting are fine (NumPy\'s limit)', () => {
    let x: unknown = 5;
    for (let i = 0; i < 64; i++) x = [x];
    const a = nd.array(x as never);
    assert.equal(a.ndim, 64);
    assert.equal(a.sum(), 5);
    a.dispose();
  });

  test('an explicit undefined is a value error, not a hole', () => {
    assert.throws(() => nd.array([1, undefined] as never), (e: Error) => e instanceof DTypeError && /undefined \(element 1 in C order, x\[1\]\)/.test(e.message));
  });

  test('shared rows are fine (no intermediate list): 2000 references to one 3000-row', () => {
    const r = new Array(3000).fill(0).map((_, i) => i);
    const a = nd.array(new Array(2000).fill(r));
    assert.deepEqual(a.shape, [2000, 3000]);
    assert.equal(a.get(1999, 2999), 2999);
    a.dispose();
  });

  test('values: nested numbers, bools, typed rows, empty and ragged-looking empties', () => {
    assert.deepEqual(nd.array([[1, -0], [NaN, -Infinity]]).toArray(), [[1, -0], [NaN, -Infinity]]);
    assert.ok(Object.is((nd.array([[-0]]).toArray() as number[][])[0]![0], -0));
    assert.deepEqual(nd.array([[true], [false]]).toArray(), [[true], [false]]);
    assert.equal(nd.array([[true], [false]]).dtype, 'bool');
    assert.equal(nd.array([true, 1]).dtype, 'float64');
    assert.deepEqual(nd.array([new Float64Array([1, 2]), new Float64Array([3, 4])]).toArray(), [[1, 2], [3, 4]]);
    assert.deepEqual(nd.array([new Int32Array([1, -2])]).toArray(), [[1, -2]]);
    assert.deepEqual(nd.array([[], []]).shape, [2, 0]);
    assert.equal(nd.array([]).dtype, 'float64');
  });
});

describe('nd.array of a typed array that views ndvec\'s own memory', () => {
  /** A Float64Array over the arena holding `a`'s elements (what `a.toNdarray().data` exposes). */
  const arenaView = (a: NdArray): Float64Array => a.f64().subarray(a.start, a.start + a.size);

  /**
   * An arena array of `n` elements, then fillers until the arena's top has less room than
   * `need` bytes: an allocation of a size class not on a free list must grow the memory.
   * The classes used here (1.25, 1.5, 1.75, 2.5 MiB) are used by nothing else in this file.
   */
  const arenaArrayThenFill = (n: number, need: number): { a: NdArray; fillers: NdArray[] } => {
    const a = nd.arange(n);
    assert.ok(a.storage.inArena, 'the source lives in the arena');
    const fillers: NdArray[] = [];
    for (let guard = 0; arenaRoom() >= need; guard++) {
      assert.ok(guard < 1000, 'filling the arena terminates');
      const filler = nd.full([Math.max(1, Math.floor(arenaRoom() / 1.25))], false);
      assert.ok(filler.storage.inArena, 'fillers live in the arena');
      fillers.push(filler);
    }
    return { a, fillers };
  };
  const disposeAll = (arrays: NdArray[]): void => arrays.forEach((x) => x.dispose());

  const MIB = 2 ** 20;

  test('the copy is right although allocating it grew the memory (was all NaN/garbage)', () => {
    const n = (1.25 * MIB) / 8;
    const { a, fillers } = arenaArrayThenFill(n, 1.25 * MIB);
    const view = arenaView(a);
    const grownFrom = nd.info().arenaBytes;
    const b = nd.array(view);
    assert.ok(nd.info().arenaBytes > grownFrom, 'the memory grew during nd.array');
    assert.equal(b.size, n);
    assert.equal(b.get(0), 0);
    assert.equal(b.get(12345), 12345);
    assert.equal(b.get(n - 1), n - 1);
    assert.equal(b.sum(), a.sum());
    disposeAll([a, b, ...fillers]);
  });

  test('a typed row of the arena inside nested arrays', () => {
    const n = (1.5 * MIB) / 8;
    const { a, fillers } = arenaArrayThenFill(n, 1.5 * MIB);
    const view = arenaView(a);
    const b = nd.array([view.subarray(0, 3), view.subarray(n - 3)]);
    assert.deepEqual(b.toArray(), [[0, 1, 2], [n - 3, n - 2, n - 1]]);
    const grownFrom = nd.info().arenaBytes;
    const c = nd.array([view]);
    assert.ok(nd.info().arenaBytes > grownFrom, 'the memory grew during nd.array');
    assert.equal(c.get(0, n - 1), n - 1);
    assert.equal(c.sum(), a.sum());
    disposeAll([a, b, c, ...fillers]);
  });

  test('{ shape, dtype, data } whose data views the arena, across a grow', () => {
    const n = (2.5 * MIB) / 8;
    const { a, fillers } = arenaArrayThenFill(n, 2.5 * MIB);
    const grownFrom = nd.info().arenaBytes;
    const b = nd.array({ shape: [n / 2, 2], dtype: 'float64', data: arenaView(a) as Float64Array<ArrayBuffer> });
    assert.ok(nd.info().arenaBytes > grownFrom, 'the memory grew during nd.array');
    assert.equal(b.get(n / 2 - 1, 1), n - 1);
    assert.equal(b.sum(), a.sum());
    disposeAll([a, b, ...fillers]);
  });

  test('a view taken before the memory grew is detached: NdvecError, not an empty array', () => {
    const small = nd.arange(4);
    const stale = arenaView(small);
    const { a, fillers } = arenaArrayThenFill(4, 1.75 * MIB);
    const big = nd.zeros([(1.75 * MIB) / 8]); // grows the memory: `stale` is detached now
    assert.equal(stale.length, 0);
    assert.throws(() => nd.array(stale), (e: Error) => e instanceof NdvecError && /detached/.test(e.message));
    disposeAll([small, a, big, ...fillers]);
  });
});

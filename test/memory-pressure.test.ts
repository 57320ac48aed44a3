/**
 * Safety without dispose(): with the arena's soft limit lowered to a few MiB, loops that drop
 * every result complete with correct values on JS-backed storage, live arena bytes never
 * pass the limit, and collected arrays return their blocks (grouped registrations
 * included); with dispose() or nd.scope the arena stays flat.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { nd, type NdArray } from '../src/index.ts';
import { collect } from './gc.ts';
import { stagedCalls } from '../src/dispatch.ts';

const N = 100_000;
const ITERATIONS = 300;
const MiB = 1024 * 1024;
const defaultLimit = nd.config().arenaSoftLimit;
after(() => nd.config({ arenaSoftLimit: defaultLimit }));

const xs = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 0.37) * 10);
const ys = Float64Array.from({ length: N }, (_, i) => Math.cos(i * 0.11));

/** Lowers the soft limit to `room` bytes above what is live now; returns the limit. */
function lowerLimit(room: number): number {
  const limit = nd.info().liveBytes + room;
  nd.config({ arenaSoftLimit: limit });
  return limit;
}

describe('past the soft limit, without dispose()', () => {
  test('x = x.add(y): completes, exact values, live bytes within the limit, JS-backed results', () => {
    const y = nd.array(ys);
    let x: NdArray = nd.array(xs);
    const limit = lowerLimit(4 * MiB);
    let jsBacked = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      x = x.add(y);
      if (!x.storage.inArena) jsBacked++;
      assert.ok(nd.info().liveBytes <= limit, `iteration ${i}: live ${nd.info().liveBytes} > limit ${limit}`);
    }
    assert.ok(jsBacked > ITERATIONS / 2, `only ${jsBacked} results were JS-backed`);
    const expected = Float64Array.from(xs);
    for (let i = 0; i < ITERATIONS; i++) for (let j = 0; j < N; j++) expected[j] = expected[j]! + ys[j]!;
    assert.deepEqual(x.toFloat64Array(), expected);
    // Mixed operands (arena and JS-backed) and every family still agree with plain loops.
    const z = x.mul(y).gt(0);
    for (const j of [0, 1, 777, N - 1]) assert.equal(z.get(j), expected[j]! * ys[j]! > 0);
    assert.equal(x.exp().get(5), Math.exp(expected[5]!));
    nd.config({ arenaSoftLimit: defaultLimit });
  });

  test('a.where(a.gt(0)): completes, exact values, live bytes within the limit', () => {
    const a = nd.array(xs);
    const expected = xs.filter((v) => v > 0);
    const limit = lowerLimit(3 * MiB);
    let kept: NdArray | null = null;
    const staged = { ...stagedCalls };
    try {
      for (let i = 0; i < ITERATIONS; i++) {
        kept = a.where(a.gt(0));
        assert.ok(nd.info().liveBytes <= limit, `iteration ${i}: live ${nd.info().liveBytes} > limit ${limit}`);
      }
    } finally {
      nd.config({ arenaSoftLimit: defaultLimit });
    }
    // JS-backed masks and results still ran the WASM kernels, through scratch blocks.
    assert.ok(stagedCalls.compare - staged.compare > ITERATIONS / 2, `gt staged ${stagedCalls.compare - staged.compare} times`);
    assert.ok(stagedCalls.compress - staged.compress > ITERATIONS / 2, `compress staged ${stagedCalls.compress - staged.compress} times`);
    assert.equal(kept!.storage.inArena, false);
    assert.deepEqual(kept!.toFloat64Array(), expected);
    assert.deepEqual(nd.where(a.gt(0), a, 0).toFloat64Array(), xs.map((v) => (v > 0 ? v : 0)));
    nd.config({ arenaSoftLimit: defaultLimit });
  });

  test('collected arrays return their arena blocks (small grouped blocks and large ones)', async () => {
    await collect();
    const start = nd.info().liveBytes;
    (() => {
      const small = nd.array([1, 2, 3]);
      for (let i = 0; i < 500; i++) small.add(i); // 500 small blocks, about 16 registration groups
      const big = nd.array(xs);
      for (let i = 0; i < 20; i++) big.mul(2); // 20 large blocks, one registration each
      assert.ok(nd.info().liveBytes > start);
    })();
    await collect();
    assert.equal(nd.info().liveBytes, start);
  });

  test('a block freed by dispose() and reused is not freed again when its old group is collected', async () => {
    await collect();
    const start = nd.info().liveBytes;
    (() => {
      const t = nd.array([1, 2, 3]).add(1); // the input and t share a registration group
      t.dispose();
    })();
    await Promise.resolve(); // the job ends: the next allocation opens a new group
    globalThis.keepAlive = nd.array([4, 5, 6]); // reuses t's block
    await collect(); // the old group is collected: it must return the input's block only
    const other = nd.array([7, 8, 9]); // would land on keepAlive's block after a double free
    assert.deepEqual((globalThis.keepAlive as NdArray).toArray(), [4, 5, 6]);
    assert.equal(nd.info().liveBytes, start + 2 * 32);
    other.dispose();
    (globalThis.keepAlive as NdArray).dispose();
    delete globalThis.keepAlive;
    assert.equal(nd.info().liveBytes, start);
  });
});

declare global {
  // eslint-disable-next-line no-var
  var keepAlive: unknown;
}

describe('with dispose() or nd.scope the arena stays flat', () => {
  const y = nd.array(ys);
  const a = nd.array(xs);

  const loops: [string, () => void][] = [
    ['add, dispose()', () => {
      let x = a.copy();
      for (let i = 0; i < ITERATIONS; i++) {
        const next = x.add(y);
        x.dispose();
        x = next;
      }
      x.dispose();
    }],
    ['where, dispose()', () => {
      for (let i = 0; i < ITERATIONS; i++) {
        const m = a.gt(0);
        a.where(m).dispose();
        m.dispose();
      }
    }],
    ['add, nd.scope', () => {
      for (let i = 0; i < ITERATIONS; i++) nd.scope(() => a.add(y).sum());
    }],
    ['where, nd.scope', () => {
      for (let i = 0; i < ITERATIONS; i++) nd.scope(() => a.where(a.gt(0)).size);
    }],
  ];
  for (const [name, loop] of loops) {
    test(name, () => {
      const before = nd.info();
      lowerLimit(4 * MiB);
      try {
        loop();
      } finally {
        nd.config({ arenaSoftLimit: defaultLimit });
      }
      const end = nd.info();
      assert.equal(end.liveBytes, before.liveBytes);
      assert.equal(end.liveArrays, before.liveArrays);
      assert.equal(end.arenaBytes, before.arenaBytes);
    });
  }
});

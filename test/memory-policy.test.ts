/**
 * The arena's adaptive soft limit (src/memory.ts, issue 10 "Memory policy at scale"): a base
 * that follows the machine, raised by explicit frees, lowered by registry reclaims, capped;
 * free blocks of the right size class reused past it; a limit set with nd.config fixed and
 * strict. The base is lowered to a few MiB here (setArenaBaseLimit) so small arrays reach it.
 */
import { test, describe, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { totalmem } from 'node:os';
import { nd, type NdArray } from '../src/index.ts';
import { collect } from './gc.ts';
import { arenaCap, arenaFreeBytes, arenaLimitInForce, arenaSoftLimit, setArenaBaseLimit } from '../src/memory.ts';
import { stagedCalls } from '../src/dispatch.ts';

const MiB = 1024 * 1024;
const N = 200_000; // 1.6 MB: size class 1.75 MiB
const BLOCK = 1.75 * MiB;
const defaultBase = arenaSoftLimit();
after(() => {
  setArenaBaseLimit(defaultBase);
  nd.config({ arenaSoftLimit: defaultBase });
});

const xs = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 0.37) * 10);

describe('defaults follow the machine', () => {
  test('cap ≤ ¾ of the 4 GiB wasm32 maximum and ≤ ¼ of the machine; base = cap / 8 within 64–512 MiB', () => {
    const cap = arenaCap();
    assert.ok(cap <= 0.75 * 4096 * MiB, `cap ${cap}`);
    assert.ok(cap <= totalmem() / 4, `cap ${cap} > a quarter of ${totalmem()}`);
    assert.ok(defaultBase >= 64 * MiB && defaultBase <= 512 * MiB, `base ${defaultBase}`);
    assert.equal(defaultBase, Math.min(512 * MiB, Math.max(64 * MiB, Math.floor(cap / 8 / MiB) * MiB)));
    assert.equal(nd.config().arenaSoftLimit, defaultBase);
    assert.ok(arenaLimitInForce() >= defaultBase && arenaLimitInForce() <= cap);
  });
});

describe('adaptive limit', () => {
  beforeEach(async () => {
    await collect();
    setArenaBaseLimit(nd.info().liveBytes + 4 * MiB);
  });

  test('explicit frees raise the limit in force, registry reclaims lower it', async () => {
    const base = arenaLimitInForce();
    for (let i = 0; i < 3; i++) nd.array(xs).dispose();
    assert.equal(arenaLimitInForce(), base + 3 * BLOCK);
    (() => {
      for (let i = 0; i < 2; i++) nd.array(xs); // dropped
    })();
    await collect();
    assert.equal(arenaLimitInForce(), base + BLOCK);
  });

  test('a disposed chain past the base stays in the arena after its first pass', () => {
    const x = nd.array(xs);
    const y = nd.array(xs.map((v) => v * 0.5));
    const inArena: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      // x*x + 2y + 1: three temporaries and a result, 4 × 1.75 MiB on top of x and y
      const xx = x.mul(x);
      const y2 = y.mul(2);
      const s = xx.add(y2);
      xx.dispose();
      y2.dispose();
      const r = s.add(1);
      s.dispose();
      inArena.push(xx.storage.inArena && y2.storage.inArena && s.storage.inArena && r.storage.inArena);
      if (i === 5) {
        const got = r.toFloat64Array();
        for (const j of [0, 1, 777, N - 1]) assert.equal(got[j], xs[j]! * xs[j]! + 2 * (xs[j]! * 0.5) + 1);
      }
      r.dispose();
    }
    assert.deepEqual(inArena.slice(1), [true, true, true, true, true], `in arena per pass: ${inArena}`);
    x.dispose();
    y.dispose();
  });

  test('an undisposed loop stays within the base (plus free blocks) and goes to JS buffers', () => {
    const y = nd.array(xs);
    let x: NdArray = nd.array(xs);
    const bound = arenaLimitInForce() + arenaFreeBytes();
    const arenaBefore = nd.info().arenaBytes;
    let jsBacked = 0;
    for (let i = 0; i < 40; i++) {
      x = x.add(y);
      if (!x.storage.inArena) jsBacked++;
      assert.ok(nd.info().liveBytes <= bound, `iteration ${i}: live ${nd.info().liveBytes} > ${bound}`);
    }
    assert.ok(jsBacked >= 20, `only ${jsBacked} of 40 results JS-backed`);
    assert.ok(nd.info().arenaBytes <= Math.max(arenaBefore, bound + 64 * MiB));
    const got = x.toFloat64Array();
    for (const j of [0, 5, N - 1]) {
      let v = xs[j]!;
      for (let i = 0; i < 40; i++) v += xs[j]!;
      assert.equal(got[j], v);
    }
  });

  test('past the limit a free block of the same size class is reused, another size goes to a JS buffer', async () => {
    (() => {
      nd.array(xs); // dropped: its block comes back through the registry (no credit)
    })();
    await collect();
    assert.ok(arenaFreeBytes() >= BLOCK);
    const keep: NdArray[] = [];
    while (nd.info().liveBytes + 65536 <= arenaLimitInForce()) keep.push(nd.zeros([8192]));
    while (nd.info().liveBytes + 16 <= arenaLimitInForce()) keep.push(nd.zeros([1]));
    assert.ok(nd.info().liveBytes + BLOCK > arenaLimitInForce());
    const reused = nd.array(xs);
    assert.ok(reused.storage.inArena, 'same size class: the free block is reused');
    const other = nd.array(xs.subarray(0, 12345)); // class 112 KiB: no free block
    assert.ok(!other.storage.inArena, 'no free block of that class: a JS buffer');
    assert.deepEqual(reused.toFloat64Array(), xs);
    // JS-backed and arena operands together still run the WASM kernels (staged).
    const staged = stagedCalls.binary;
    const sum = other.add(reused.slice('0:12345'));
    assert.deepEqual(sum.toFloat64Array(), xs.subarray(0, 12345).map((v) => 2 * v));
    assert.ok(stagedCalls.binary > staged || !nd.info().wasm);
    for (const a of [...keep, reused, other, sum]) a.dispose();
  });
});

describe('a limit set with nd.config is fixed and strict', () => {
  test('frees do not raise it, free blocks are not reused past it; the default value restores the adaptive limit', () => {
    setArenaBaseLimit(defaultBase);
    const live = nd.info().liveBytes;
    nd.config({ arenaSoftLimit: live + 4 * MiB });
    try {
      for (let i = 0; i < 4; i++) nd.array(xs).dispose();
      assert.equal(arenaLimitInForce(), live + 4 * MiB);
      nd.config({ arenaSoftLimit: 0 });
      assert.ok(arenaFreeBytes() >= BLOCK);
      const a = nd.array(xs);
      assert.equal(a.storage.inArena, false, 'limit 0: JS-backed even with a free block of its class');
      a.dispose();
    } finally {
      nd.config({ arenaSoftLimit: defaultBase });
    }
    assert.equal(nd.config().arenaSoftLimit, defaultBase);
    assert.ok(arenaLimitInForce() >= defaultBase);
  });
});

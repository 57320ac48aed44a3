/**
 * Registration groups started over (src/memory.ts joinGroup): a full open group whose every
 * block was freed explicitly takes new blocks under the same registration. Blocks freed
 * before the restart are never freed again, blocks joined after it come back when their
 * arrays are collected, and a live array of the restarted group keeps its block and values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nd, type NdArray } from '../src/index.ts';
import { collect } from './gc.ts';

test('a dispose-as-you-go loop over many groups leaves nothing live, before and after collection', async () => {
  await collect();
  const start = nd.info().liveBytes;
  const a = nd.arange(500);
  for (let i = 0; i < 5000; i++) a.mul(2).dispose(); // 4 KB blocks: 16 a group, ~300 restarts
  a.dispose();
  assert.equal(nd.info().liveBytes, start);
  await collect();
  assert.equal(nd.info().liveBytes, start);
});

test('after restarts: kept arrays keep their blocks and values, live blocks never share a pointer', async () => {
  await collect();
  const start = nd.info().liveBytes;
  const kept: NdArray[] = [];
  (() => {
    const a = nd.arange(100); // 896 B blocks: 32 a group
    for (let i = 0; i < 200; i++) a.add(i).dispose(); // restarts of the open group
    for (let i = 0; i < 100; i++) {
      const r = a.add(i); // joins the restarted group (or the next ones)
      if (i % 7 === 0) kept.push(r); // the rest is dropped without dispose
    }
    a.dispose();
  })();
  await collect(); // dropped arrays of groups without a kept one come back
  assert.ok(nd.info().liveBytes >= start + kept.length * 896);
  // A block freed twice would sit twice on its free list and be handed out twice.
  const others = Array.from({ length: 300 }, (_, i) => nd.full([100], -i));
  const ptrs = [...kept, ...others].map((x) => x.storage.ptr);
  assert.equal(new Set(ptrs).size, ptrs.length);
  kept.forEach((r, k) => assert.deepEqual(r.toArray(), Array.from({ length: 100 }, (_, j) => j + 7 * k)));
  for (const o of others) o.dispose();
  for (const r of kept) r.dispose();
  assert.ok(nd.info().liveBytes >= start);
});

/**
 * The arena the WASM kernels share: growth keeps Storage views valid, size classes are
 * reused after free, dispose makes access throw, nd.info() reports the figures, and every
 * table row naming a WASM kernel finds it in the module.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RESERVED_BYTES, Storage, arenaMemory, memoryStats, sizeClass } from '../src/memory.ts';
import { DisposedError } from '../src/errors.ts';
import { info } from '../src/runtime.ts';
import { OPS, checkTable } from '../src/kernels/table.ts';
import { wasmKernels, wasmStatus, bytePointer } from '../src/kernels/wasm.ts';

/** Export names of the module, and the families their `_vv/_vs/_sv/_rows` forms make. */
function exportNames(): Set<string> {
  assert.ok(wasmKernels !== null, `WASM kernels did not load: ${wasmStatus.reason}`);
  const names = new Set(Object.keys(wasmKernels));
  for (const name of [...names]) {
    const family = /^(.*)_(vv|vs|sv|rows)$/.exec(name);
    if (family !== null && ['vv', 'vs', 'sv', 'rows'].every((f) => names.has(`${family[1]}_${f}`))) names.add(family[1]!);
  }
  return names;
}

describe('wasm arena', () => {
  test('the module loaded with SIMD on the arena memory, its static data below RESERVED_BYTES', () => {
    assert.equal(wasmStatus.loaded, true, wasmStatus.reason);
    assert.equal(wasmStatus.simd, true);
    const heapBase = (wasmKernels as unknown as { heapBase(): number }).heapBase() >>> 0;
    assert.ok(heapBase > 0 && heapBase <= RESERVED_BYTES, `heapBase ${heapBase}`);
    assert.ok(arenaMemory() !== null);
  });

  test('memory growth keeps Storage views valid and data intact; kernels see the grown memory', () => {
    const memory = arenaMemory()!;
    const first = new Storage('float64', 1000);
    first.f64().set(Array.from({ length: 1000 }, (_, i) => i * 0.5), first.base);
    const startBytes = memory.buffer.byteLength;
    const held: Storage[] = [];
    while (memory.buffer.byteLength === startBytes) held.push(new Storage('float64', 1 << 20)); // 8 MiB each
    assert.ok(memory.buffer.byteLength > startBytes);
    const view = first.f64();
    assert.equal(view.buffer, memory.buffer, 'view rebuilt on the grown buffer');
    assert.equal(view[first.base + 999], 499.5);
    const last = held[held.length - 1]!;
    wasmKernels!.fill_f64(last.ptr, last.length, 3);
    assert.equal(wasmKernels!.sum(last.ptr, last.length), 3 * (1 << 20));
    assert.equal(wasmKernels!.sum(first.ptr, 1000), 0.5 * (999 * 1000) / 2);
    for (const s of held) s.free();
    first.free();
  });

  test('free returns the block to its size class and the next allocation reuses it', () => {
    const a = new Storage('float64', 100); // 800 bytes → class 896
    assert.equal(a.bytes, sizeClass(800));
    const ptr = a.ptr;
    a.free();
    const b = new Storage('float64', 105); // 840 bytes: same class
    assert.equal(b.ptr, ptr);
    const c = new Storage('bool', 3000); // other class: not that block
    assert.notEqual(c.ptr, ptr);
    b.free();
    c.free();
  });

  test('blocks are 16-byte aligned for v128 access and start at RESERVED_BYTES or above', () => {
    for (const n of [1, 3, 17, 1000]) {
      const s = new Storage('bool', n);
      assert.equal(s.ptr % 16, 0);
      assert.ok(s.ptr >= RESERVED_BYTES);
      s.free();
    }
  });

  test('dispose: access throws DisposedError, free is idempotent', () => {
    const s = new Storage('float64', 8);
    s.free();
    assert.throws(() => s.f64(), DisposedError);
    s.free();
    const m = new Storage('bool', 8);
    m.free();
    assert.throws(() => m.u8(), DisposedError);
  });

  test('nd.info() reports wasm, simd and live figures that follow allocations', () => {
    const before = info();
    assert.equal(before.wasm, true);
    assert.equal(before.simd, true);
    assert.equal(before.arenaBytes, arenaMemory()!.buffer.byteLength);
    const s = new Storage('float64', 1000); // 8000 bytes → class 8192
    const during = info();
    assert.equal(during.liveArrays, before.liveArrays + 1);
    assert.equal(during.liveBytes, before.liveBytes + 8192);
    s.free();
    const after = info();
    assert.equal(after.liveArrays, before.liveArrays);
    assert.equal(after.liveBytes, before.liveBytes);
    assert.deepEqual(memoryStats(), {
      arenaBytes: after.arenaBytes, liveBytes: after.liveBytes, liveArrays: after.liveArrays, scratchBytes: after.scratchBytes,
    });
  });

  test('bytePointer: start × 8 for float64, start for bool, -1 off the arena', () => {
    const f = new Storage('float64', 4);
    assert.equal(bytePointer({ storage: f, start: f.base + 2 }), f.ptr + 16);
    const m = new Storage('bool', 4);
    assert.equal(bytePointer({ storage: m, start: m.base + 3 }), m.ptr + 3);
    const empty = new Storage('float64', 0); // no block: JS-backed
    assert.equal(bytePointer({ storage: empty, start: 0 }), -1);
  });
});

describe('op table ↔ WASM module', () => {
  test('every table row that names a WASM kernel (field `wasm`) finds it exported', () => {
    const names = exportNames();
    const missing = OPS.filter((r) => r.wasm !== undefined && !names.has(r.wasm)).map((r) => `${r.name} → ${r.wasm}`);
    assert.deepEqual(missing, []);
    assert.deepEqual(checkTable(OPS, names), []);
  });
  test('the check catches a missing kernel, naming the row', () => {
    const names = exportNames();
    const problems = checkTable([{ ...OPS[0]!, wasm: 'no_such_kernel' }], names);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /no_such_kernel/);
  });
  test('families export all forms: binary families _vv/_vs/_sv/_rows, unary ops unary_<op>', () => {
    const names = exportNames();
    for (const f of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'gt', 'ge', 'lt', 'le', 'eq', 'ne', 'and', 'or', 'xor']) {
      assert.ok(names.has(f), `family ${f}`);
    }
    for (const u of ['neg', 'abs', 'sqrt', 'floor', 'ceil', 'trunc', 'round', 'square', 'reciprocal']) {
      assert.ok(names.has(`unary_${u}`), `unary_${u}`);
    }
  });
});

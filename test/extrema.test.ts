/**
 * The blocked extrema kernels (min max nanmin nanmax argmin argmax and their `_last` forms in
 * wasm/assembly/reduce.ts) against JS reference loops: sizes 0..4099 (around the SIMD width
 * and the 256-element block), NaN in any block, ±Inf, ±0 ties, subnormals; and through the
 * public API on contiguous data and on views (the JS path), which must agree.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Storage } from '../src/memory.ts';
import { wasmKernels, wasmStatus, type WasmKernels } from '../src/kernels/wasm.ts';
import { argExtremeLine } from '../src/kernels/js-reduce.ts';
import { nd } from '../src/index.ts';

const k: WasmKernels = (() => {
  assert.ok(wasmStatus.loaded, `WASM kernels did not load: ${wasmStatus.reason}`);
  return wasmKernels!;
})();

const SPECIALS = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 2.2e-308, 1e308, -1e308, 1, -1];
const SIZES = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 255, 256, 257, 511, 513, 1023, 1024, 1025, 2049, 4099];

/** min/max the ndvec way: NaN propagates, min(0, -0) is -0, max(0, -0) is +0. */
function refExtreme(xs: readonly number[], isMax: boolean, skipNaN: boolean): number {
  let r = NaN;
  for (const x of xs) {
    if (x !== x) {
      if (skipNaN) continue;
      return NaN;
    }
    r = r !== r ? x : isMax ? Math.max(r, x) : Math.min(r, x);
  }
  return r;
}
const refArg = (xs: readonly number[], isMax: boolean): number =>
  xs.length === 0 ? -1 : argExtremeLine(Float64Array.from(xs), 0, xs.length, 1, isMax);

function withBlock<T>(xs: readonly number[], fn: (p: number) => T): T {
  const s = new Storage('float64', xs.length);
  s.f64().set(xs, s.base);
  try {
    return fn(Math.max(s.ptr, 0));
  } finally {
    s.free();
  }
}

function checkAll(xs: readonly number[]): void {
  const n = xs.length;
  withBlock(xs, (p) => {
    const got = {
      min: k.min(p, n), max: k.max(p, n), nanmin: k.nanmin(p, n), nanmax: k.nanmax(p, n),
      argmin: k.argmin(p, n), argmax: k.argmax(p, n),
    };
    const want = {
      min: refExtreme(xs, false, false), max: refExtreme(xs, true, false),
      nanmin: refExtreme(xs, false, true), nanmax: refExtreme(xs, true, true),
      argmin: refArg(xs, false), argmax: refArg(xs, true),
    };
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      assert.ok(Object.is(got[key], want[key]), `${key} of ${n} values: got ${got[key]}, want ${want[key]}`);
    }
  });
}

/** n values from a ramp, with `specials` at given positions. */
function ramp(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.sin(i * 0.7 + seed) * 100);
}

describe('extrema kernels', () => {
  test('ramps of every size around the SIMD width and the block, a special value at each place', () => {
    for (const n of SIZES) {
      checkAll(ramp(n, 1));
      if (n === 0) continue;
      for (const at of new Set([0, 1, n >> 1, Math.max(0, n - 2), n - 1, Math.min(n - 1, 255), Math.min(n - 1, 256), Math.min(n - 1, 1024)])) {
        for (const v of SPECIALS) {
          const xs = ramp(n, 2);
          xs[at] = v;
          checkAll(xs);
        }
      }
    }
  });

  test('ties: first occurrence across blocks; ±0 ties for arg ops, -0 wins min and +0 max', () => {
    const zeros = (n: number, negAt: number[], posAt: number[], base: number) => {
      const xs = new Array<number>(n).fill(base);
      for (const i of negAt) xs[i] = -0;
      for (const i of posAt) xs[i] = 0;
      return xs;
    };
    checkAll(zeros(3000, [2500], [], 0));
    checkAll(zeros(3000, [], [2999], -0));
    checkAll(zeros(3000, [5, 2000], [7], 1));
    checkAll(new Array<number>(2050).fill(7));
    checkAll(new Array<number>(2050).fill(Infinity));
    checkAll(new Array<number>(2050).fill(-Infinity));
    checkAll(new Array<number>(2050).fill(NaN));
    // ±Infinity in one block (the NaN probe's false alarm) and sums that overflow both ways
    checkAll(Array.from({ length: 1030 }, (_, i) => (i === 5 ? Infinity : i === 9 ? -Infinity : i)));
    checkAll(Array.from({ length: 1030 }, (_, i) => (i % 2 ? 1.7e308 : -1.7e308)));
    const two = [...new Array<number>(1500).fill(3), -1, ...new Array<number>(1500).fill(3), -1];
    checkAll(two);
    // all-NaN except one Inf: nanmin Inf, nanmax Inf
    const nanInf = new Array<number>(1100).fill(NaN);
    nanInf[1050] = Infinity;
    checkAll(nanInf);
    nanInf[1050] = -Infinity;
    checkAll(nanInf);
  });

  test('argmin/argmax rescan by lane class: the extreme at several places mod 8, in the groups of eight and the tail', () => {
    // the rescan walks only the classes (index mod 8) whose accumulator reached the extreme,
    // each no further than the earliest match so far: the first index must still win
    let seed = 7;
    const next = (m: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % m;
    };
    for (const n of [1, 7, 8, 9, 15, 16, 17, 31, 255, 256, 257, 263, 300, 1000, 4099]) {
      for (let trial = 0; trial < 24; trial++) {
        const xs = ramp(n, trial).map((x) => x / 1000);
        const places = Array.from({ length: 1 + next(4) }, () => next(n));
        for (const at of places) xs[at] = 5;
        for (const at of places.map((q) => (q * 3 + 1) % n)) xs[at] = -5;
        checkAll(xs);
        // the same with ±0 as the tied extreme (argmin/argmax treat them equal)
        const zs = xs.map((x) => (x === 5 ? -1 : x === -5 ? 1 : x + 2));
        for (const at of places) zs[at] = trial % 2 ? -0 : 0;
        for (const at of places.slice(1)) zs[at] = trial % 2 ? 0 : -0;
        checkAll(zs.map((z) => (Object.is(z, 0) || Object.is(z, -0) ? z : Math.abs(z))));
      }
    }
    const long = ramp(70_003, 9);
    for (const at of [8200, 8195, 12_287, 8193]) long[at] = 1000;
    for (const at of [40_961, 40_960 + 7, 45_000]) long[at] = -1000;
    checkAll(long);
    // no block beats the start value (every element that infinity): block 0, every class
    for (const v of [Infinity, -Infinity]) for (const n of [5, 300, 70_003]) checkAll(new Array<number>(n).fill(v));
    // the extreme only in a block's tail (after its groups of eight), and tied there with a group
    for (const n of [13, 263, 4099]) {
      const xs = ramp(n, 4).map((x) => x / 1000);
      xs[n - 2] = 9;
      xs[n - 1] = -9;
      checkAll(xs);
      xs[n >> 1] = 9;
      xs[3] = -9;
      checkAll(xs);
    }
  });

  test('long runs (≥ 65536 elements: blocks of 4096): a special value or a tie at block edges', () => {
    const n = 70_003;
    const base = ramp(n, 5);
    checkAll(base);
    for (const at of [0, 1, 4095, 4096, 4097, 8191, 40_000, 65_535, 65_536, 69_999, n - 3, n - 1]) {
      for (const v of [NaN, -Infinity, Infinity, -0, 0, -1000, 1000]) {
        const xs = base.slice();
        xs[at] = v;
        checkAll(xs);
      }
    }
    // Infinity - Infinity in one block (the probe's false alarm) and ties in two long blocks
    const alarm = base.slice();
    alarm[5000] = Infinity;
    alarm[6000] = -Infinity;
    checkAll(alarm);
    const ties = base.slice();
    ties[9000] = -500;
    ties[60_000] = -500;
    ties[9001] = 500;
    ties[69_000] = 500;
    checkAll(ties);
  });

  test('property: any values, any size up to 4099 (specials often)', () => {
    const value = fc.oneof(fc.constantFrom(...SPECIALS), fc.double(), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4099 }), (xs) => checkAll(xs)),
      { seed: 42, numRuns: 150 },
    );
    // rare specials in long arrays: NaN/ties land in any block
    const rare = fc.oneof({ weight: 200, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) });
    fc.assert(fc.property(fc.array(rare, { minLength: 1000, maxLength: 4099 }), (xs) => checkAll(xs)), { seed: 43, numRuns: 60 });
  });

  test('nanmin_first/nanmax_first: columns of NaN, ±Inf, ±0 ties, mixed; any width', () => {
    const column = (c: number, r: number): number => {
      switch (c % 6) {
        case 0: return NaN; // all NaN -> NaN
        case 1: return r === 2 ? Infinity : NaN; // NaN and +Inf
        case 2: return r === 1 ? -Infinity : NaN;
        case 3: return r % 2 ? -0 : 0; // ±0 ties
        case 4: return r === 3 ? 0 : -0;
        default: return r % 3 === 0 ? NaN : Math.sin(r * c) * 10;
      }
    };
    for (const cols of [1, 2, 3, 5, 6, 7, 13]) {
      for (const rows of [1, 2, 4, 7]) {
        const xs: number[] = [];
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) xs.push(column(c, r));
        const s = new Storage('float64', xs.length);
        const out = new Storage('float64', cols);
        s.f64().set(xs, s.base);
        for (const isMax of [false, true]) {
          (isMax ? k.nanmax_first : k.nanmin_first)(s.ptr, rows, cols, out.ptr);
          for (let c = 0; c < cols; c++) {
            const want = refExtreme(xs.filter((_, i) => i % cols === c), isMax, true);
            const got = out.f64()[out.base + c]!;
            assert.ok(Object.is(got, want), `${isMax ? 'nanmax' : 'nanmin'} ${rows}x${cols} column ${c}: ${got} vs ${want}`);
          }
        }
        s.free();
        out.free();
      }
    }
  });

  test('min_first/max_first: strips of 8 columns, pairs, single columns; NaN, ±Inf, ±0, subnormals in any column; any shape up to 4099 elements', () => {
    const check = (xs: readonly number[], rows: number, cols: number): void => {
      const s = new Storage('float64', xs.length);
      const out = new Storage('float64', cols);
      s.f64().set(xs, s.base);
      try {
        for (const isMax of [false, true]) {
          (isMax ? k.max_first : k.min_first)(Math.max(s.ptr, 0), rows, cols, Math.max(out.ptr, 0));
          for (let c = 0; c < cols; c++) {
            const want = refExtreme(xs.filter((_, i) => i % cols === c), isMax, false);
            const got = out.f64()[out.base + c]!;
            assert.ok(Object.is(got, want), `${isMax ? 'max' : 'min'}_first ${rows}x${cols} column ${c}: ${got} vs ${want}`);
          }
        }
      } finally {
        s.free();
        out.free();
      }
    };
    // every column kind next to each other, widths around the strip (8) and pair (2) widths
    const column = (c: number, r: number, rows: number): number => {
      switch (c % 9) {
        case 0: return r === rows - 1 ? NaN : r; // NaN in the last row
        case 1: return r === 0 ? Infinity : r === 1 ? -Infinity : r; // the probe's false alarm
        case 2: return r % 2 ? -0 : 0;
        case 3: return r === rows >> 1 ? 0 : -0;
        case 4: return r % 2 ? 5e-324 : -5e-324;
        case 5: return Infinity;
        case 6: return NaN;
        case 7: return r % 2 ? 1.7e308 : -1.7e308;
        default: return Math.sin(r * 7 + c) * 10;
      }
    };
    for (const cols of [1, 2, 3, 7, 8, 9, 10, 15, 16, 17, 18, 19, 27, 33]) {
      for (const rows of [0, 1, 2, 3, 5, 9, 64]) {
        const xs: number[] = [];
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) xs.push(column(c, r, rows));
        check(xs, rows, cols);
      }
    }
    const value = fc.oneof({ weight: 20, arbitrary: fc.double() }, { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) }, { weight: 3, arbitrary: fc.integer({ min: -2, max: 2 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(value, { maxLength: 4099 }), (cols, pool) => {
        const rows = Math.floor(pool.length / cols);
        check(pool.slice(0, rows * cols), rows, cols);
      }),
      { seed: 45, numRuns: 120 },
    );
  });

  test('_last forms: one row a result, rows of any length', () => {
    for (const cols of [1, 3, 8, 17, 1025]) {
      const rows = 3;
      const xs = ramp(rows * cols, 3);
      xs[cols + (cols >> 1)] = NaN;
      const s = new Storage('float64', xs.length);
      const out = new Storage('float64', rows);
      s.f64().set(xs, s.base);
      try {
        const names = ['min_last', 'max_last', 'nanmin_last', 'nanmax_last', 'argmin_last', 'argmax_last'] as const;
        for (const name of names) {
          k[name](s.ptr, rows, cols, out.ptr);
          const got = Array.from(out.f64().subarray(out.base, out.base + rows));
          const want = [0, 1, 2].map((r) => {
            const row = xs.slice(r * cols, (r + 1) * cols);
            const isMax = name.includes('max');
            return name.startsWith('arg') ? refArg(row, isMax) : refExtreme(row, isMax, name.startsWith('nan'));
          });
          got.forEach((g, r) => assert.ok(Object.is(g, want[r]), `${name} cols ${cols} row ${r}: ${g} vs ${want[r]}`));
        }
      } finally {
        s.free();
        out.free();
      }
    }
  });
});

describe('extrema through the API: contiguous (WASM) = strided view (JS) = NumPy', () => {
  test('values written out from NumPy 2.4', () => {
    // np.array([3, -1, 7, -1, 7, np.nan, -5]); min nan, argmin 5; without the NaN: min -1 argmin 1, max 7 argmax 2
    const a = nd.array([3, -1, 7, -1, 7, NaN, -5]);
    assert.ok(Number.isNaN(a.min()));
    assert.equal(a.argmin(), 5);
    assert.equal(a.argmax(), 5);
    assert.equal(a.nanmin(), -5);
    assert.equal(a.nanmax(), 7);
    const b = nd.array([3, -1, 7, -1, 7]);
    assert.deepEqual([b.min(), b.max(), b.argmin(), b.argmax()], [-1, 7, 1, 2]);
    assert.ok(Number.isNaN(nd.array([NaN, NaN]).nanmax()));
  });

  test('property: a 2-D array and its transposed copy agree along every axis and whole', () => {
    const value = fc.oneof({ weight: 30, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 70 }), fc.array(value, { minLength: 2800, maxLength: 2800 }), (r, c, pool) => {
        const a = nd.array(pool.slice(0, r * c)).reshape(r, c);
        const t = a.T; // strided view: JS kernels
        const tc = t.copy(); // contiguous: WASM kernels
        for (const op of ['min', 'max', 'nanmin', 'nanmax', 'argmin', 'argmax'] as const) {
          assert.ok(Object.is(t[op](), tc[op]()), `${op} whole ${r}x${c}`);
          for (const axis of [0, 1]) {
            const x = (t[op](axis).toArray() as number[]).map(String);
            const y = (tc[op](axis).toArray() as number[]).map(String);
            assert.deepEqual(x, y, `${op} axis ${axis} ${r}x${c}`);
          }
        }
        [a, tc].forEach((v) => v.dispose());
      }),
      { seed: 44, numRuns: 40 },
    );
  });
});

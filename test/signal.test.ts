/**
 * Array building and signal functions against NumPy 2.4 (test/fixtures/signal.json, written
 * by scripts/signal-fixtures.py): roll, meshgrid, floorDivide, copysign, convolve, correlate,
 * interp, trapezoid, polyval (and polyfit when nd.linalg.lstsq exists); edge cases (empty,
 * size 1, sizes around the SIMD widths, NaN, ±Infinity, -0, strided and transposed views,
 * size-1 broadcast axes); WASM on and off; fast-check properties with a fixed seed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, BroadcastError, ShapeError } from '../src/errors.ts';
import { FuseError } from '../src/fuse/index.ts';
import { FIXTURE, bothKernels, dec, flat, sameValues, toNd, type FixtureArray } from './signal-helpers.ts';

const SEED = { seed: 42 };

describe('roll', () => {
  const cases = FIXTURE.roll as { a: FixtureArray; shift: number | number[]; axis: number | number[] | null; expected: FixtureArray }[];
  test(`${cases.length} NumPy cases, method and function, WASM on and off`, () => {
    bothKernels((wasm) => {
      for (const c of cases) {
        const a = toNd(c.a);
        for (const r of [a.roll(c.shift, c.axis), nd.roll(a, c.shift, c.axis)]) {
          const label = `roll(${JSON.stringify(c.a.shape)}, ${JSON.stringify(c.shift)}, ${JSON.stringify(c.axis)}) wasm=${wasm}`;
          assert.deepEqual(r.shape, c.expected.shape, label);
          assert.equal(r.dtype, c.expected.dtype, label);
          assert.ok(sameValues(flat(r), c.expected.dtype === 'bool' ? c.expected.data : dec(c.expected.data)), label);
          r.dispose();
        }
        a.dispose();
      }
    });
  });
  test('transposed, reversed and broadcast inputs roll their logical values', () => {
    const a = nd.arange(12).reshape(3, 4);
    assert.deepEqual(a.T.roll(1).toArray(), [[11, 0, 4], [8, 1, 5], [9, 2, 6], [10, 3, 7]]);
    assert.deepEqual(a.T.roll(1, 0).toArray(), [[3, 7, 11], [0, 4, 8], [1, 5, 9], [2, 6, 10]]);
    assert.deepEqual(nd.arange(5).flip().roll(-1).toArray(), [3, 2, 1, 0, 4]);
    assert.deepEqual(nd.array([1, 2, 3]).broadcastTo([2, 3]).roll(1, 1).toArray(), [[3, 1, 2], [3, 1, 2]]);
  });
  test('huge shifts add up exactly (modulo the axis length)', () => {
    const big = Number.MAX_SAFE_INTEGER; // 9007199254740991 = 1 (mod 5), and 2·big = 2 (mod 5)
    assert.deepEqual(nd.arange(5).roll([big, big], [0, 0]).toArray(), [3, 4, 0, 1, 2]);
    assert.deepEqual(nd.arange(5).roll(-big).toArray(), [1, 2, 3, 4, 0]);
  });
  test('errors: shift/axis lengths that do not broadcast, bad axis, non-integers', () => {
    const a = nd.arange(6).reshape(2, 3);
    assert.throws(() => a.roll([1, 2], [0, 1, 1]), BroadcastError);
    assert.throws(() => a.roll(1, 2), AxisError);
    assert.throws(() => a.roll(1.5), ArgumentError);
    assert.throws(() => a.roll('1' as unknown as number), ArgumentError);
    assert.throws(() => a.roll([1, 0.5], [0, 1]), ArgumentError);
    assert.throws(() => (a.roll as (...x: unknown[]) => NdArray)(1, 0, 0), ArgumentError);
    assert.throws(() => (a.roll as (...x: unknown[]) => NdArray)(), ArgumentError);
  });
  test('property: roll by s then by -s is the identity (any axis, any shift)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -20, max: 20 }),
        fc.option(fc.nat(2), { nil: null }),
        (shape, s, ax) => {
          const a = nd.arange(shape.reduce((p, q) => p * q, 1)).reshape(shape);
          const axis = ax === null ? null : ax % shape.length;
          const r = a.roll(s, axis);
          const back = r.roll(-s, axis);
          const ok = sameValues(flat(back), flat(a));
          a.dispose();
          r.dispose();
          back.dispose();
          return ok;
        },
      ),
      { ...SEED, numRuns: 150 },
    );
  });
});

describe('meshgrid', () => {
  const cases = FIXTURE.meshgrid as { xs: unknown[]; indexing: 'xy' | 'ij'; sparse: boolean; expected: FixtureArray[] }[];
  test(`${cases.length} NumPy cases`, () => {
    for (const c of cases) {
      const r = nd.meshgrid(...(c.xs as number[][]), { indexing: c.indexing, sparse: c.sparse });
      assert.equal(r.length, c.expected.length);
      r.forEach((m, k) => {
        const label = `meshgrid ${JSON.stringify(c.xs)} ${c.indexing} sparse=${c.sparse} output ${k}`;
        assert.deepEqual(m.shape, c.expected[k]!.shape, label);
        assert.ok(sameValues(flat(m), dec(c.expected[k]!.data)), label);
        m.dispose();
      });
    }
  });
  test('defaults, NdArray and strided inputs, bool dtype kept, no inputs', () => {
    const [X, Y] = nd.meshgrid(nd.array([1, 2, 3, 4, 5, 6]).slice('::2'), nd.array([[4], [5]]));
    assert.deepEqual(X!.toArray(), [[1, 3, 5], [1, 3, 5]]);
    assert.deepEqual(Y!.toArray(), [[4, 4, 4], [5, 5, 5]]);
    const [B] = nd.meshgrid(nd.array([true, false]), [1, 2, 3]);
    assert.equal(B!.dtype, 'bool');
    assert.deepEqual(B!.toArray(), [[true, false], [true, false], [true, false]]);
    assert.deepEqual(nd.meshgrid(), []);
    assert.deepEqual(nd.meshgrid({ indexing: 'ij' }), []);
    const [T] = nd.meshgrid(nd.arange(6).reshape(2, 3).T); // flattened in C order of the view
    assert.deepEqual(T!.toArray(), [0, 3, 1, 4, 2, 5]);
  });
  test('a trailing plain object is the options, checked strictly', () => {
    assert.throws(() => nd.meshgrid([1, 2], { indexng: 'ij' } as never), /unknown option 'indexng'/);
    assert.throws(() => nd.meshgrid([1, 2], { indexing: 'yx' } as never), ArgumentError);
    assert.throws(() => nd.meshgrid([1, 2], { sparse: 1 } as never), ArgumentError);
    // a transferable array ({ shape, dtype, data }) is an input
    const [t] = nd.meshgrid(nd.array([5, 6]).toTransferable() as never);
    assert.deepEqual(t!.toArray(), [5, 6]);
  });
  test('meshgrid does not fuse', () => {
    assert.throws(() => nd.fuse((x) => nd.meshgrid(x)[0] as never)(nd.array([1])), FuseError);
  });
});

describe('floorDivide and copysign (table rows)', () => {
  for (const name of ['floorDivide', 'copysign'] as const) {
    const c = FIXTURE[name] as { x: unknown[]; y: unknown[]; expected: unknown[] };
    test(`${name}: ${c.x.length} special-value pairs against NumPy, WASM on and off, number operands`, () => {
      const x = dec<number[]>(c.x);
      const y = dec<number[]>(c.y);
      const e = dec<number[]>(c.expected);
      bothKernels(() => {
        const r = nd[name](nd.array(x), nd.array(y));
        const got = r.toArray() as number[];
        got.forEach((v, i) => assert.ok(Object.is(v, e[i]), `${name}(${x[i]}, ${y[i]}) = ${v}, NumPy ${e[i]}`));
        for (let i = 0; i < x.length; i += 23) {
          assert.ok(Object.is((nd[name](x[i]!, nd.array(y)).toArray() as number[])[i], e[i]), `${name}(number ${x[i]}, ...)`);
          assert.ok(Object.is((nd.array(x)[name](y[i]!).toArray() as number[])[i], e[i]), `${name}(..., number ${y[i]})`);
        }
      });
    });
  }
  test('floorDivide: random values, broadcasting with size-1 axes, { out }', () => {
    const c = FIXTURE.floorDivideRandom as { x: number[]; y: number[]; expected: number[] };
    assert.ok(sameValues(nd.floorDivide(nd.array(c.x), nd.array(c.y)).toArray() as number[], dec(c.expected)));
    const a = nd.array([[7], [-7]]);
    const out = nd.zeros([2, 3]);
    a.floorDivide(nd.array([2, -2, 0.5]), { out });
    assert.deepEqual(out.toArray(), [[3, -4, 14], [-4, 3, -14]]);
  });
  test('copysign takes the sign bit of a NaN, as NumPy', () => {
    const negNaN = new Float64Array([NaN]);
    new Uint8Array(negNaN.buffer)[7] |= 0x80;
    const r = nd.array([1, 2, Infinity]).copysign(nd.array(negNaN).broadcastTo([3]));
    assert.ok(sameValues(r.toArray() as number[], dec(FIXTURE.copysignNegativeNaN)));
  });
  test('inside nd.fuse: the same bits as eager', () => {
    const x = nd.array([7.5, -7, 1, -0, Infinity, NaN, 3]);
    const y = nd.array([2, 2, 0.1, 1, 2, 1, -0]);
    const f = nd.fuse((a, b) => a.floorDivide(b).copysign(b));
    const eager = x.floorDivide(y).copysign(y);
    assert.ok(sameValues(f(x, y).toArray() as number[], eager.toArray() as number[]));
    const g = nd.fuse((a, b) => nd.copysign(nd.floorDivide(a, b), -1));
    assert.ok(sameValues(g(x, y).toArray() as number[], nd.copysign(x.floorDivide(y), -1).toArray() as number[]));
  });
});

describe('convolve and correlate', () => {
  const cases = FIXTURE.convolve as { a: unknown[]; v: unknown[]; mode: 'full' | 'same' | 'valid'; convolve: unknown[]; correlate: unknown[] }[];
  test(`${cases.length} NumPy cases × 2 functions, WASM on and off: exact up to 15 terms, 1e-13 relative beyond`, () => {
    bothKernels((wasm) => {
      for (const c of cases) {
        for (const f of ['convolve', 'correlate'] as const) {
          const got = nd[f](dec<number[]>(c.a), dec<number[]>(c.v), c.mode).toArray() as number[];
          const e = dec<number[]>(c[f]);
          const label = `${f}(${c.a.length}, ${c.v.length}, ${c.mode}) wasm=${wasm}`;
          assert.equal(got.length, e.length, label);
          // NumPy sums dots of 16 terms or more with BLAS ddot (blocked): last-bit differences
          const exact = Math.min(c.a.length, c.v.length) <= 15;
          const scale = Math.max(...e.map(Math.abs).filter(Number.isFinite), 1);
          got.forEach((v, i) => {
            if (exact || !Number.isFinite(e[i]!)) assert.ok(Object.is(v, e[i]), `${label}[${i}]: ${v} vs ${e[i]}`);
            else assert.ok(Math.abs(v - e[i]!) <= 1e-13 * scale, `${label}[${i}]: ${v} vs ${e[i]}`);
          });
        }
      }
    });
  });
  test('sizes around the SIMD block (16) and pair width: WASM equals the JS reference bit for bit', () => {
    for (const n of [1, 2, 3, 15, 16, 17, 18, 31, 32, 33, 47, 100]) {
      for (const m of [1, 2, 5, 11, 12]) {
        if (m > n) continue;
        const a = nd.random([n], n * 31 + m).sub(0.5);
        const v = nd.random([m], m * 7 + n).sub(0.5);
        for (const mode of ['full', 'same', 'valid'] as const) {
          nd.config({ wasm: true });
          const w = nd.convolve(a, v, mode).toArray() as number[];
          nd.config({ wasm: false });
          const j = nd.convolve(a, v, mode).toArray() as number[];
          nd.config({ wasm: true });
          assert.ok(sameValues(w, j), `n=${n} m=${m} ${mode}`);
        }
      }
    }
  });
  test('strided, reversed and 0-d inputs; the result is always float64 1-D', () => {
    const a = nd.array([1, 0, 2, 0, 3, 0]).slice('::2');
    assert.deepEqual(nd.convolve(a, nd.array([1, 1]).flip()).toArray(), [1, 3, 5, 3]);
    assert.deepEqual(nd.correlate(nd.array([3, 2, 1]).flip(), [1, 1], 'full').toArray(), [1, 3, 5, 3]);
    assert.deepEqual(nd.convolve(2, [1, 2, 3]).toArray(), [2, 4, 6]);
    assert.deepEqual(nd.convolve(nd.array([true, true]), [1, 2]).toArray(), [1, 3, 2]);
  });
  test('errors: empty, 2-D, unknown mode, extra argument', () => {
    assert.throws(() => nd.convolve([], []), /a cannot be empty/);
    assert.throws(() => nd.convolve([], [1]), /a cannot be empty/); // checked before NumPy swaps them
    assert.throws(() => nd.convolve([1], []), /v cannot be empty/);
    assert.throws(() => nd.correlate([], [1]), /first array argument cannot be empty/);
    assert.throws(() => nd.correlate([1], []), /second array argument cannot be empty/);
    assert.throws(() => nd.convolve([[1, 2]], [1]), ShapeError);
    assert.throws(() => nd.convolve([1, 2], [1], 'circular' as 'full'), ArgumentError);
    assert.throws(() => (nd.correlate as (...x: unknown[]) => unknown)([1], [1], 'full', 1), ArgumentError);
    assert.throws(() => nd.fuse((x) => nd.convolve(x, [1]) as never)(nd.array([1])), FuseError);
  });
  test('property: convolve commutes in mode full (exactly, for short kernels)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 9 }),
        (a, v) => sameValues(nd.convolve(a, v).toArray() as number[], nd.convolve(v, a).toArray() as number[]),
      ),
      { ...SEED, numRuns: 100 },
    );
  });
  test('property: convolve is the definition Σ a[i]·v[n-i] (integers: exact), every mode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('full', 'same', 'valid'),
        (a, v, mode) => {
          const full = Array.from({ length: a.length + v.length - 1 }, (_, k) => {
            let s = 0;
            for (let i = 0; i < a.length; i++) if (k - i >= 0 && k - i < v.length) s += a[i]! * v[k - i]!;
            return s;
          });
          const [n, m] = [Math.max(a.length, v.length), Math.min(a.length, v.length)];
          // 'valid': full overlaps only; 'same': n elements of the full result from index
          // m - 1 - ⌊m / 2⌋ (NumPy's centring: ⌊m / 2⌋ partial outputs on the left)
          const start = mode === 'full' ? 0 : mode === 'valid' ? m - 1 : m - 1 - Math.floor(m / 2);
          const length = mode === 'full' ? n + m - 1 : mode === 'valid' ? n - m + 1 : n;
          const want = full.slice(start, start + length);
          const got = nd.convolve(a, v, mode as 'full').toArray() as number[];
          return got.length === want.length && got.every((x, i) => x === want[i]);
        },
      ),
      { ...SEED, numRuns: 150 },
    );
  });
  test('property: correlate(a, v, full) is convolve(a, reversed v)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (a, v) => {
          const c = nd.correlate(a, v, 'full').toArray() as number[];
          const k = nd.convolve(a, [...v].reverse(), 'full').toArray() as number[];
          return c.every((x, i) => Math.abs(x - k[i]!) <= 1e-12 * (1 + Math.abs(x)));
        },
      ),
      { ...SEED, numRuns: 100 },
    );
  });
});

describe('interp', () => {
  const cases = FIXTURE.interp as { x: unknown[]; xp: unknown[]; fp: unknown[]; options: Record<string, unknown>; expected: unknown[] }[];
  test(`${cases.length} NumPy cases bit for bit (NaN, ±Infinity in fp, repeated and unsorted xp, period), WASM on and off`, () => {
    bothKernels(() => {
      for (const c of cases) {
        const got = nd.interp(nd.array(dec<number[]>(c.x)), dec<number[]>(c.xp), dec<number[]>(c.fp), Object.fromEntries(Object.entries(c.options).map(([k, v]) => [k, dec(v)]))).toArray() as number[];
        const e = dec<number[]>(c.expected);
        got.forEach((v, i) => assert.ok(Object.is(v, e[i]), `interp xp=${JSON.stringify(c.xp)} ${JSON.stringify(c.options)} at ${dec<number[]>(c.x)[i]}: ${v} vs ${e[i]}`));
      }
    });
  });
  test('property: the WASM kernel (sorted xp) equals the JS reference on random, sorted and repeated x', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 12, maxLength: 60 }),
        fc.array(fc.constantFrom(-1, 0, 1, 2.5, Infinity, -Infinity, NaN), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        (xpRaw, x, fpRaw, sortX) => {
          const xp = [...xpRaw].sort((p, q) => p - q);
          const fp = xp.map((_, k) => fpRaw[k]!);
          const xs = sortX ? [...x, ...xp].sort((p, q) => p - q) : [...x, ...xp, NaN];
          nd.config({ wasm: true });
          const w = nd.interp(xs, xp, fp).toArray() as number[];
          nd.config({ wasm: false });
          const j = nd.interp(xs, xp, fp).toArray() as number[];
          nd.config({ wasm: true });
          return sameValues(w, j);
        },
      ),
      { ...SEED, numRuns: 200 },
    );
  });
  test('empty x gives an empty result; size-1 xp; x of shape [2, 0]', () => {
    assert.deepEqual(nd.interp([], [1, 2], [3, 4]).shape, [0]);
    assert.deepEqual(nd.interp(nd.zeros([2, 0]), [1, 2], [3, 4]).shape, [2, 0]);
    // one sample point: NumPy's special case compares x < xp and x > xp only, so NaN gives fp[0]
    assert.deepEqual(nd.interp([0, 1, 2, NaN], [1], [5], { left: -1, right: 9 }).toArray(), [-1, 5, 9, 5]);
  });
  test('x of any shape or a view; a number gives a number', () => {
    assert.equal(nd.interp(2.5, [1, 2, 3], [3, 2, 0]), 1);
    assert.deepEqual(nd.interp(nd.array([[0, 1.5], [2.5, 5]]).T, [1, 2, 3], [3, 2, 0]).toArray(), [[3, 1], [2.5, 0]]);
    const r = nd.interp(nd.array(1.5), [1, 2], [0, 1]);
    assert.ok(r instanceof NdArray && r.ndim === 0 && r.get() === 0.5);
    assert.deepEqual(nd.interp([1, 2], nd.array([0, 9, 1, 9, 2]).slice('::2'), [0, 10, 20]).toArray(), [10, 20]);
  });
  test('errors', () => {
    assert.throws(() => nd.interp([1], [], []), /sample points is empty/);
    assert.throws(() => nd.interp([1], [1, 2], [1]), /not of the same length/);
    assert.throws(() => nd.interp([1], [[1, 2]], [[1, 2]]), ShapeError);
    assert.throws(() => nd.interp([1], [1, 2], [1, 2], { period: 0 }), /period must be a non-zero value/);
    assert.throws(() => nd.interp([1], [1, 2], [1, 2], { lft: 0 } as never), /unknown option 'lft'/);
    assert.throws(() => nd.interp([1], [1, 2], [1, 2], { left: '0' } as never), ArgumentError);
    assert.throws(() => nd.fuse((x) => nd.interp(x, [1, 2], [1, 2]) as never)(nd.array([1])), FuseError);
  });
});

describe('trapezoid', () => {
  const cases = FIXTURE.trapezoid as { y: FixtureArray; x: unknown; dx: number | null; axis: number | null; expected: FixtureArray }[];
  test(`${cases.length} NumPy cases`, () => {
    for (const c of cases) {
      const y = toNd(c.y);
      const opts: { dx?: number; axis?: number } = {};
      if (c.dx !== null) opts.dx = c.dx;
      if (c.axis !== null) opts.axis = c.axis;
      const r = nd.trapezoid(y, c.x === null ? null : dec<number[]>(c.x), opts);
      const got = typeof r === 'number' ? [r] : flat(r);
      if (typeof r === 'number') assert.deepEqual(c.expected.shape, [], 'a number for a 1-D y');
      else assert.deepEqual(r.shape, c.expected.shape);
      const e = dec<number[]>(c.expected.data);
      got.forEach((v, i) => assert.ok(Object.is(v, e[i]) || Math.abs((v as number) - e[i]!) <= 1e-15 * Math.abs(e[i]!), `trapezoid ${JSON.stringify(c.y.shape)} x=${JSON.stringify(c.x)}: ${v} vs ${e[i]}`));
    }
  });
  test('options second when there is no x; errors', () => {
    assert.equal(nd.trapezoid([1, 2, 3], { dx: 0.5 }), 2);
    assert.equal(nd.trapezoid(nd.array([1, 2, 3, 4, 5, 6]).slice('::2')), 6);
    assert.throws(() => nd.trapezoid([1, 2], [1, 2], { dx: 2 }), /dx applies only when x is not given/);
    assert.throws(() => nd.trapezoid([1, 2, 3], [1, 2, 3, 4]), BroadcastError);
    assert.throws(() => nd.trapezoid(5), AxisError);
    assert.throws(() => nd.trapezoid([[1, 2]], null, { axis: 2 }), AxisError);
    assert.throws(() => nd.trapezoid([1, 2], null, { ax: 0 } as never), ArgumentError);
    assert.throws(() => nd.fuse((x) => nd.trapezoid(x) as never)(nd.array([1])), FuseError);
  });
});

describe('polyval', () => {
  const cases = FIXTURE.polyval as { p: number[]; x: unknown[]; expected: unknown[] }[];
  test(`${cases.length} NumPy cases bit for bit (0·±Infinity first step, -0, NaN)`, () => {
    for (const c of cases) {
      const x = dec<number[]>(c.x);
      const e = dec<number[]>(c.expected);
      const got = nd.polyval(c.p, nd.array(x)).toArray() as number[];
      got.forEach((v, i) => assert.ok(Object.is(v, e[i]), `polyval(${JSON.stringify(c.p)}, ${x[i]}): ${v} vs ${e[i]}`));
      x.forEach((xv, i) => assert.ok(Object.is(nd.polyval(c.p, xv), e[i]), `number x ${xv}`));
    }
  });
  test('x of any shape or a strided view, sizes around the four-chain unroll; errors', () => {
    assert.deepEqual(nd.polyval([1, 0, 0], nd.arange(6).reshape(2, 3).T).toArray(), [[0, 9], [1, 16], [4, 25]]);
    for (const n of [0, 1, 3, 4, 5, 7, 8, 9]) {
      const x = nd.linspace(-1, 2, n);
      const want = (x.toArray() as number[]).map((v) => nd.polyval([2, -1, 0.5], v));
      assert.ok(sameValues(nd.polyval([2, -1, 0.5], x).toArray() as number[], want), `n=${n}`);
    }
    assert.deepEqual(nd.polyval([], [1, 2]).toArray(), [0, 0]);
    assert.deepEqual(nd.polyval(nd.array([9, 1, 0]).slice('1:'), [2, 3]).toArray(), [2, 3]);
    assert.throws(() => nd.polyval([[1, 2]], 1), ShapeError);
    assert.throws(() => (nd.polyval as (...x: unknown[]) => unknown)([1], 1, 2), ArgumentError);
    assert.throws(() => nd.fuse((x) => nd.polyval([1, 2], x) as never)(nd.array([1])), FuseError);
  });
});

describe('polyfit', () => {
  const cases = FIXTURE.polyfit as { x: unknown[]; y: FixtureArray; deg: number; w: unknown[] | null; expected: FixtureArray }[];
  const close = (got: number[], e: number[], label: string): void => {
    const scale = Math.max(1, ...e.map(Math.abs));
    got.forEach((v, i) => assert.ok(Math.abs(v - e[i]!) <= 1e-12 * scale, `${label}[${i}]: ${v} vs ${e[i]}`));
  };
  test(`${cases.length} NumPy cases (weights, 2-D y) within 1e-12 of the largest coefficient`, () => {
    for (const c of cases) {
      const y = toNd(c.y);
      const r = nd.polyfit(dec<number[]>(c.x), y, c.deg, c.w === null ? {} : { w: dec<number[]>(c.w) });
      assert.deepEqual(r.shape, c.expected.shape);
      close(flat(r) as number[], dec(c.expected.data), `polyfit deg ${c.deg}`);
    }
  });
  test('full: [coefficients, residuals, rank, singular values, rcond]; cov', () => {
    const f = FIXTURE.polyfitFull as { x: unknown[]; y: unknown[]; deg: number; coef: unknown[]; residuals: unknown[]; rank: number; singularValues: unknown[]; rcond: number };
    const [c, res, rank, s, rcond] = nd.polyfit(dec<number[]>(f.x), dec<number[]>(f.y), f.deg, { full: true });
    close(c.toArray() as number[], dec(f.coef), 'coef');
    close(res.toArray() as number[], dec(f.residuals), 'residuals');
    assert.equal(rank, f.rank);
    close(s.toArray() as number[], dec(f.singularValues), 's');
    assert.equal(rcond, f.rcond);
    const [, V] = nd.polyfit(dec<number[]>(f.x), dec<number[]>(f.y), f.deg, { cov: true });
    close(flat(V) as number[], [0.225, -0.225, -0.50625, -0.225, 0.66375, 0.286875, -0.50625, 0.286875, 2.345625], 'cov');
    const [, U] = nd.polyfit([0, 1, 2, 3], [[0, 1], [1, 2], [4, 3], [9, 5]], 1, { cov: 'unscaled' });
    assert.deepEqual(U.shape, [2, 2, 1]); // NumPy: Vbase[:, :, newaxis] * 1
    assert.deepEqual(nd.polyfit([0, 1, 2, 3], [[0, 1], [1, 2], [4, 3], [9, 5]], 1, { cov: true })[1].shape, [2, 2, 2]);
  });
  test('errors', () => {
    assert.throws(() => nd.polyfit([], [], 1), ShapeError);
    assert.throws(() => nd.polyfit([[1, 2]], [1, 2], 1), ShapeError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2, 3], 1), ShapeError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], -1), ArgumentError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], 1.5), ArgumentError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], 1, { w: [1] }), ShapeError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], 1, { weights: [1, 1] } as never), /unknown option 'weights'/);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], 1, { cov: 'yes' } as never), ArgumentError);
    assert.throws(() => nd.polyfit([1, 2], [1, 2], 1, { cov: true }), /must exceed order/);
    assert.throws(() => nd.fuse((x) => nd.polyfit(x, x, 1) as never)(nd.array([1, 2])), FuseError);
  });
  test('property: polyval of polyfit reproduces exact polynomial data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (p, extra) => {
          const x = nd.linspace(-2, 2, p.length + 3 + extra);
          const y = nd.polyval(p, x);
          const c = nd.polyfit(x, y, p.length - 1);
          const back = nd.polyval(c, x);
          const ok = (back.toArray() as number[]).every((v, i) => Math.abs(v - (y.toArray() as number[])[i]!) <= 1e-10 * (1 + Math.abs(v)));
          for (const a of [x, y, c, back]) a.dispose();
          return ok;
        },
      ),
      { ...SEED, numRuns: 60 },
    );
  });
});

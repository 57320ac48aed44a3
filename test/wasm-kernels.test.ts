/**
 * The WASM kernels against straightforward JS loops: exact for arithmetic, comparisons,
 * masks, unary ops, min/max/arg*, scans and matmul; within n·ε (relative to the sum of
 * magnitudes) for sums, means and variances. Explicit sizes around the SIMD widths plus
 * fast-check over sizes 0..4099 and values with NaN, ±Inf, -0, subnormals and 1e308.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Storage } from '../src/memory.ts';
import { wasmKernels, wasmStatus, type WasmKernels } from '../src/kernels/wasm.ts';
import { assertValues } from './helpers.ts';

const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33];
const SPECIALS = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -2.2e-308, 1e308, -1e308, 1, -1, 0.5, 1.5, 2.5, -2.5, -3.5];
const RUNS = { numRuns: 40 };

/** Any double, specials often. */
const anyDouble = fc.oneof(fc.constantFrom(...SPECIALS), fc.double());
/** Doubles whose sums of 4099 cannot overflow, so every summation order agrees up to rounding. */
const sumDouble = fc.oneof(
  fc.constantFrom(NaN, Infinity, -0, 0, 5e-324, 1e300, -1e300, 1, -1),
  fc.double({ min: -1e300, max: 1e300, noNaN: true }),
);
const vectorOf = (arb: fc.Arbitrary<number>) => fc.array(arb, { minLength: 0, maxLength: 4099 });
const pairOf = (arb: fc.Arbitrary<number>) =>
  fc.integer({ min: 0, max: 4099 }).chain((n) =>
    fc.tuple(fc.array(arb, { minLength: n, maxLength: n }), fc.array(arb, { minLength: n, maxLength: n })),
  );
const maskOf = (n: number) => fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n });

const k: WasmKernels = (() => {
  assert.ok(wasmStatus.loaded, `WASM kernels did not load: ${wasmStatus.reason}`);
  return wasmKernels!;
})();

/** A float64 arena block holding `values`. */
function f64Block(values: readonly number[]): Storage {
  const s = new Storage('float64', values.length);
  assert.ok(s.inArena || values.length === 0);
  s.f64().set(values, s.base);
  return s;
}
/** A bool arena block holding `values` (bytes). */
function u8Block(values: readonly number[]): Storage {
  const s = new Storage('bool', values.length);
  s.u8().set(values, s.base);
  return s;
}
/** Arena pointer of a block; empty blocks have none, and kernels must not touch it. */
const ptr = (s: Storage): number => Math.max(s.ptr, 0);
const readF64 = (s: Storage, n = s.length): number[] => Array.from(s.f64().subarray(s.base, s.base + n));
const readU8 = (s: Storage, n = s.length): number[] => Array.from(s.u8().subarray(s.base, s.base + n));

/** Sample values of size n drawn from the specials and a ramp (deterministic). */
function sample(n: number, seed = 1): number[] {
  return Array.from({ length: n }, (_, i) => (i % 3 === 0 ? SPECIALS[(i * 7 + seed) % SPECIALS.length]! : (i - n / 2) * 0.37 * seed));
}

/** Asserts |got - want| within n·ε of the magnitudes summed (NaN/±Inf must match). */
function assertSumClose(got: number, want: number, magnitude: number, n: number, what: string): void {
  if (!Number.isFinite(want)) {
    assert.ok(Object.is(got, want), `${what}: got ${got}, expected ${want}`);
    return;
  }
  const tol = (n + 4) * Number.EPSILON * magnitude;
  assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, expected ${want} (±${tol})`);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// ---- element-wise ------------------------------------------------------------------------

const BINARY: [string, (x: number, y: number) => number][] = [
  ['add', (x, y) => x + y],
  ['sub', (x, y) => x - y],
  ['mul', (x, y) => x * y],
  ['div', (x, y) => x / y],
  ['maximum', (x, y) => (x > y || x !== x ? x : y)],
  ['minimum', (x, y) => (x < y || x !== x ? x : y)],
];
const COMPARE: [string, (x: number, y: number) => boolean][] = [
  ['gt', (x, y) => x > y],
  ['ge', (x, y) => x >= y],
  ['lt', (x, y) => x < y],
  ['le', (x, y) => x <= y],
  ['eq', (x, y) => x === y],
  ['ne', (x, y) => x !== y],
];
type Forms = {
  vv(a: number, b: number, out: number, n: number): void;
  vs(a: number, s: number, out: number, n: number): void;
  sv(s: number, b: number, out: number, n: number): void;
  rows(a: number, aRow: number, b: number, bRow: number, out: number, outRow: number, rows: number, cols: number): void;
};
function forms(family: string): Forms {
  const table = k as unknown as Record<string, Forms['vv']>;
  return {
    vv: table[`${family}_vv`]!,
    vs: table[`${family}_vs`]!,
    sv: table[`${family}_sv`]!,
    rows: table[`${family}_rows`] as unknown as Forms['rows'],
  };
}

/** Checks every form of a binary family (float64 inputs) against `ref`, output f64 or bytes. */
function checkBinary(family: string, ref: (x: number, y: number) => number, xs: number[], ys: number[], outBytes: boolean): void {
  const n = xs.length;
  const f = forms(family);
  const s = ys[0] ?? 2.5;
  const a = f64Block(xs);
  const b = f64Block(ys);
  const out = outBytes ? new Storage('bool', n) : new Storage('float64', n);
  const read = (o: Storage) => (outBytes ? readU8(o) : readF64(o));
  f.vv(ptr(a), ptr(b), ptr(out), n);
  assertValues(read(out), xs.map((x, i) => ref(x, ys[i]!)), 0, `${family}_vv n=${n}`);
  f.vs(ptr(a), s, ptr(out), n);
  assertValues(read(out), xs.map((x) => ref(x, s)), 0, `${family}_vs n=${n}`);
  f.sv(s, ptr(b), ptr(out), n);
  assertValues(read(out), ys.map((y) => ref(s, y)), 0, `${family}_sv n=${n}`);
  // rows: a as rows×cols against row 0 of b broadcast (bRow 0)
  const cols = n > 0 ? Math.max(1, Math.floor(Math.sqrt(n))) : 0;
  const rows = cols > 0 ? Math.floor(n / cols) : 0;
  f.rows(ptr(a), cols, ptr(b), 0, ptr(out), cols, rows, cols);
  assertValues(read(out, ), [...xs.slice(0, rows * cols).map((x, i) => ref(x, ys[i % cols]!)), ...read(out).slice(rows * cols)], 0, `${family}_rows n=${n}`);
  if (!outBytes) {
    f.vv(ptr(a), ptr(b), ptr(a), n); // in place: out = a
    assertValues(readF64(a), xs.map((x, i) => ref(x, ys[i]!)), 0, `${family}_vv in place n=${n}`);
    f.vs(ptr(b), s, ptr(b), n);
    assertValues(readF64(b), ys.map((y) => ref(y, s)), 0, `${family}_vs in place n=${n}`);
  }
  a.free();
  b.free();
  out.free();
}

describe('wasm binary arithmetic', () => {
  for (const [family, ref] of BINARY) {
    test(`${family}: sizes around the SIMD width, all forms, in place`, () => {
      for (const n of SIZES) checkBinary(family, ref, sample(n, 1), sample(n, 2).reverse(), false);
    });
    test(`${family}: property, random sizes and special values`, () => {
      fc.assert(fc.property(pairOf(anyDouble), ([xs, ys]) => checkBinary(family, ref, xs, ys, false)), RUNS);
    });
  }
  test('maximum/minimum: NaN propagates either side; ties (0, -0) give the second, as NumPy', () => {
    const a = f64Block([NaN, 1, -0, 0, -Infinity]);
    const b = f64Block([1, NaN, 0, -0, NaN]);
    const out = new Storage('float64', 5);
    k.maximum_vv(a.ptr, b.ptr, out.ptr, 5);
    assertValues(readF64(out), [NaN, NaN, 0, -0, NaN]);
    k.minimum_vv(a.ptr, b.ptr, out.ptr, 5);
    assertValues(readF64(out), [NaN, NaN, 0, -0, NaN]);
  });
  test('sub_sv and div_sv put the scalar on the left', () => {
    const b = f64Block([1, 2, 4, 8, 16]);
    const out = new Storage('float64', 5);
    k.sub_sv(1, b.ptr, out.ptr, 5);
    assertValues(readF64(out), [0, -1, -3, -7, -15]);
    k.div_sv(1, b.ptr, out.ptr, 5);
    assertValues(readF64(out), [1, 0.5, 0.25, 0.125, 0.0625]);
  });
  test('rows: a row broadcast on the left, row strides of views', () => {
    // row [10, 20, 30] minus the 3×3 block [[1..3],[4..6],[7..9]] read with row stride 3
    const row = f64Block([10, 20, 30]);
    const block = f64Block([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const out = new Storage('float64', 6);
    k.sub_rows(row.ptr, 0, block.ptr, 3, out.ptr, 3, 2, 3);
    assertValues(readF64(out), [9, 18, 27, 6, 15, 24]);
    // a[:, :2] (row stride 3) times itself into a 2-column output
    k.mul_rows(block.ptr, 3, block.ptr, 3, out.ptr, 2, 3, 2);
    assertValues(readF64(out), [1, 4, 16, 25, 49, 64]);
  });
});

describe('wasm comparisons, logical ops, predicates', () => {
  for (const [family, ref] of COMPARE) {
    test(`${family}: sizes, all forms; property`, () => {
      const asByte = (x: number, y: number) => (ref(x, y) ? 1 : 0);
      // SIZES, and around the 32-element step (two groups of 16) of loopCompare
      for (const n of [...SIZES, 47, 48, 49, 63, 64, 65, 95, 97, 4099]) checkBinary(family, asByte, sample(n, 1), sample(n, 3), true);
      fc.assert(fc.property(pairOf(anyDouble), ([xs, ys]) => checkBinary(family, asByte, xs, ys, true)), RUNS);
    });
  }
  test('gt_vs on a written-out case', () => {
    const a = f64Block([-1, 0, -0, 2, NaN, Infinity, 1e308, 5e-324, 0.5]);
    const out = new Storage('bool', 9);
    k.gt_vs(a.ptr, 0, out.ptr, 9);
    assert.deepEqual(readU8(out), [0, 0, 0, 1, 0, 1, 1, 1, 1]);
    k.ne_vs(a.ptr, 0, out.ptr, 9);
    assert.deepEqual(readU8(out), [1, 0, 0, 1, 1, 1, 1, 1, 1]);
  });
  const LOGICAL: [string, (x: number, y: number) => number][] = [
    ['and', (x, y) => (x !== 0 && y !== 0 ? 1 : 0)],
    ['or', (x, y) => (x !== 0 || y !== 0 ? 1 : 0)],
    ['xor', (x, y) => ((x !== 0) !== (y !== 0) ? 1 : 0)],
  ];
  for (const [family, ref] of LOGICAL) {
    test(`${family}: vv, vs, sv, rows on bytes (nonzero is true, results 0/1)`, () => {
      const f = forms(family);
      for (const n of [...SIZES, 100]) {
        const xs = Array.from({ length: n }, (_, i) => [0, 1, 2, 255][(i * 5) % 4]!);
        const ys = Array.from({ length: n }, (_, i) => [1, 0, 0, 1, 7][i % 5]!);
        const a = u8Block(xs);
        const b = u8Block(ys);
        const out = new Storage('bool', n);
        f.vv(ptr(a), ptr(b), ptr(out), n);
        assert.deepEqual(readU8(out), xs.map((x, i) => ref(x, ys[i]!)), `${family}_vv n=${n}`);
        for (const s of [0, 1]) {
          f.vs(ptr(a), s, ptr(out), n);
          assert.deepEqual(readU8(out), xs.map((x) => ref(x, s)), `${family}_vs(${s}) n=${n}`);
          f.sv(s, ptr(b), ptr(out), n);
          assert.deepEqual(readU8(out), ys.map((y) => ref(s, y)), `${family}_sv(${s}) n=${n}`);
        }
        f.rows(ptr(a), 0, ptr(b), 1, ptr(out), 1, n, 1); // column: a[0] against each b[r]
        assert.deepEqual(readU8(out), ys.map((y) => ref(xs[0]!, y)), `${family}_rows n=${n}`);
        f.vv(ptr(a), ptr(b), ptr(a), n);
        assert.deepEqual(readU8(a), xs.map((x, i) => ref(x, ys[i]!)), `${family}_vv in place n=${n}`);
      }
    });
  }
  test('not and predicates', () => {
    for (const n of [...SIZES, 100]) {
      const bytes = Array.from({ length: n }, (_, i) => [0, 1, 3][i % 3]!);
      const m = u8Block(bytes);
      const out = new Storage('bool', n);
      k.not(ptr(m), ptr(out), n);
      assert.deepEqual(readU8(out), bytes.map((x) => (x === 0 ? 1 : 0)));
      const xs = sample(n);
      const a = f64Block(xs);
      k.isnan(ptr(a), ptr(out), n);
      assert.deepEqual(readU8(out), xs.map((x) => (Number.isNaN(x) ? 1 : 0)), `isnan n=${n}`);
      k.isfinite(ptr(a), ptr(out), n);
      assert.deepEqual(readU8(out), xs.map((x) => (Number.isFinite(x) ? 1 : 0)), `isfinite n=${n}`);
      k.isinf(ptr(a), ptr(out), n);
      assert.deepEqual(readU8(out), xs.map((x) => (Math.abs(x) === Infinity ? 1 : 0)), `isinf n=${n}`);
    }
  });
});

const UNARY: [string, (x: number) => number][] = [
  ['unary_neg', (x) => -x],
  ['unary_abs', Math.abs],
  ['unary_sqrt', Math.sqrt],
  ['unary_floor', Math.floor],
  ['unary_ceil', Math.ceil],
  ['unary_trunc', Math.trunc],
  ['unary_round', roundHalfEven],
  ['unary_square', (x) => x * x],
  ['unary_reciprocal', (x) => 1 / x],
];

describe('wasm unary ops and conversions', () => {
  const table = k as unknown as Record<string, (a: number, out: number, n: number) => void>;
  for (const [name, ref] of UNARY) {
    test(`${name}: sizes, property, in place`, () => {
      const check = (xs: number[]) => {
        const a = f64Block(xs);
        const out = new Storage('float64', xs.length);
        table[name]!(ptr(a), ptr(out), xs.length);
        assertValues(readF64(out), xs.map(ref), 0, `${name} n=${xs.length}`);
        table[name]!(ptr(a), ptr(a), xs.length);
        assertValues(readF64(a), xs.map(ref), 0, `${name} in place n=${xs.length}`);
        a.free();
        out.free();
      };
      for (const n of SIZES) check(sample(n));
      fc.assert(fc.property(vectorOf(anyDouble), check), RUNS);
    });
  }
  test('round is half to even', () => {
    const a = f64Block([0.5, 1.5, 2.5, -0.5, -2.5, 3.5, -0.2, 4503599627370497, 0.49999999999999994]);
    k.unary_round(a.ptr, a.ptr, 9);
    assertValues(readF64(a), [0, 2, 2, -0, -2, 4, -0, 4503599627370497, 0]);
  });
  test('copy, fill, to_bool, to_float', () => {
    for (const n of SIZES) {
      const xs = sample(n);
      const a = f64Block(xs);
      const out = new Storage('float64', n);
      k.copy_f64(ptr(a), ptr(out), n);
      assertValues(readF64(out), xs);
      k.fill_f64(ptr(out), n, -0);
      assertValues(readF64(out), xs.map(() => -0));
      const m = new Storage('bool', n);
      k.to_bool(ptr(a), ptr(m), n);
      assert.deepEqual(readU8(m), xs.map((x) => (x !== 0 ? 1 : 0)), `to_bool n=${n}`);
      k.to_float(ptr(m), ptr(out), n);
      assertValues(readF64(out), xs.map((x) => (x !== 0 ? 1 : 0)));
      const m2 = new Storage('bool', n);
      k.copy_u8(ptr(m), ptr(m2), n);
      assert.deepEqual(readU8(m2), readU8(m));
      k.fill_u8(ptr(m2), n, 1);
      assert.deepEqual(readU8(m2), xs.map(() => 1));
    }
  });
});

// ---- masks -------------------------------------------------------------------------------

describe('wasm masks', () => {
  const checkMasks = (xs: number[], bits: number[]) => {
    const n = xs.length;
    const x = f64Block(xs);
    const m = u8Block(bits);
    const want = xs.filter((_, i) => bits[i] !== 0);
    assert.equal(k.count_true(ptr(m), n), want.length, `count_true n=${n}`);
    // output sized exactly count, followed by sentinels that must survive
    const out = new Storage('float64', want.length + 3);
    out.f64().fill(7, out.base, out.base + want.length + 3);
    assert.equal(k.compress(ptr(x), ptr(m), ptr(out), n, want.length), want.length);
    assertValues(readF64(out), [...want, 7, 7, 7], 0, `compress n=${n}`);
    const ys = xs.map((v) => -v);
    const y = f64Block(ys);
    const sel = new Storage('float64', n);
    k.select_vv(ptr(m), ptr(x), ptr(y), ptr(sel), n);
    assertValues(readF64(sel), xs.map((v, i) => (bits[i] ? v : ys[i]!)), 0, `select_vv n=${n}`);
    k.select_vs(ptr(m), ptr(x), 9, ptr(sel), n);
    assertValues(readF64(sel), xs.map((v, i) => (bits[i] ? v : 9)), 0, `select_vs n=${n}`);
    k.select_sv(ptr(m), 9, ptr(y), ptr(sel), n);
    assertValues(readF64(sel), ys.map((v, i) => (bits[i] ? 9 : v)), 0, `select_sv n=${n}`);
    k.select_ss(ptr(m), 9, -0, ptr(sel), n);
    assertValues(readF64(sel), bits.map((b) => (b ? 9 : -0)), 0, `select_ss n=${n}`);
    k.set_where(ptr(y), ptr(m), ptr(x), n);
    assertValues(readF64(y), xs.map((v, i) => (bits[i] ? v : ys[i]!)), 0, `set_where n=${n}`);
    k.set_where_scalar(ptr(x), ptr(m), NaN, n);
    assertValues(readF64(x), xs.map((v, i) => (bits[i] ? NaN : v)), 0, `set_where_scalar n=${n}`);
    // compress in place (out = x)
    const z = f64Block(xs);
    k.compress(ptr(z), ptr(m), ptr(z), n, want.length);
    assertValues(readF64(z, want.length), want, 0, `compress in place n=${n}`);
    for (const s of [x, m, out, y, sel, z]) s.free();
  };
  test('sizes, with dense, sparse, all-true and all-false masks', () => {
    for (const n of [...SIZES, 48, 100]) {
      const xs = sample(n);
      checkMasks(xs, xs.map((_, i) => (i % 3 === 1 ? 1 : 0)));
      checkMasks(xs, xs.map(() => 1));
      checkMasks(xs, xs.map(() => 0));
      checkMasks(xs, xs.map((_, i) => (i === n - 1 ? 1 : 0)));
      checkMasks(xs, xs.map((_, i) => (i < 20 ? 1 : 0)));
    }
  });
  test('property: random masks and values', () => {
    const arb = fc.integer({ min: 0, max: 4099 }).chain((n) =>
      fc.tuple(fc.array(anyDouble, { minLength: n, maxLength: n }), maskOf(n)),
    );
    fc.assert(fc.property(arb, ([xs, bits]) => checkMasks(xs, bits)), RUNS);
  });
  test('count_true over more than 255 × 16 bytes, nonzero bytes other than 1', () => {
    const n = 16 * 600 + 5;
    const m = u8Block(Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 200 : i % 2)));
    let want = 0;
    for (let i = 0; i < n; i++) if (i % 7 === 0 || i % 2 === 1) want++;
    assert.equal(k.count_true(m.ptr, n), want);
  });
});

// ---- reductions --------------------------------------------------------------------------

/** Strict JS references: min/max with Math.min/max, arg* first extreme or first NaN. */
const jsMin = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => Math.min(a, b), Infinity));
const jsMax = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => Math.max(a, b), -Infinity));
const nonNaN = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
const jsNanMin = (xs: number[]) => (nonNaN(xs).length === 0 ? NaN : jsMin(nonNaN(xs)));
const jsNanMax = (xs: number[]) => (nonNaN(xs).length === 0 ? NaN : jsMax(nonNaN(xs)));
function jsArg(xs: number[], better: (a: number, b: number) => boolean): number {
  if (xs.length === 0) return -1;
  const nan = xs.findIndex((x) => Number.isNaN(x));
  if (nan >= 0) return nan;
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (better(xs[i]!, xs[best]!)) best = i;
  return best;
}
const jsArgmin = (xs: number[]) => jsArg(xs, (a, b) => a < b);
const jsArgmax = (xs: number[]) => jsArg(xs, (a, b) => a > b);
const jsAny = (xs: number[]) => (xs.some((x) => x !== 0) ? 1 : 0);
const jsAll = (xs: number[]) => (xs.every((x) => x !== 0) ? 1 : 0);
const jsSum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Σ|x| over the non-NaN values (the scale of a sum's rounding error). */
const magnitude = (xs: number[]) => xs.reduce((a, b) => (Number.isNaN(b) ? a : a + Math.abs(b)), 0);

/** Exact reductions: name → reference. */
const EXACT: [string, (xs: number[]) => number][] = [
  ['min', jsMin],
  ['max', jsMax],
  ['nanmin', jsNanMin],
  ['nanmax', jsNanMax],
  ['any', jsAny],
  ['all', jsAll],
];

type Whole = (p: number, n: number) => number;
type Axis = (p: number, rows: number, cols: number, out: number) => void;

/** Row r and column c of a rows×cols block given as a flat list. */
const rowOf = (xs: number[], cols: number, r: number) => xs.slice(r * cols, r * cols + cols);
const colOf = (xs: number[], rows: number, cols: number, c: number) => Array.from({ length: rows }, (_, r) => xs[r * cols + c]!);

/** Checks `<name>`, `<name>_last`, `<name>_first` with `compare(got, want, values)`. */
function checkReduction(name: string, ref: (xs: number[]) => number, xs: number[], compare: (got: number, want: number, values: number[], what: string) => void, firstAxis = true): void {
  const table = k as unknown as Record<string, Whole & Axis>;
  const a = f64Block(xs);
  compare(table[name]!(ptr(a), xs.length), ref(xs), xs, `${name} n=${xs.length}`);
  for (const cols of [1, 3, 5, 6, 8, 17]) {
    const rows = Math.floor(xs.length / cols);
    if (rows === 0) continue;
    const out = new Storage('float64', Math.max(rows, cols));
    const scratch = new Storage('float64', cols); // argm…_first's running extremes (others ignore it)
    table[`${name}_last`]!(ptr(a), rows, cols, ptr(out));
    const last = readF64(out, rows);
    for (let r = 0; r < rows; r++) compare(last[r]!, ref(rowOf(xs, cols, r)), rowOf(xs, cols, r), `${name}_last row ${r} of ${rows}×${cols}`);
    if (firstAxis) {
      (table[`${name}_first`] as unknown as (...args: number[]) => void)(ptr(a), rows, cols, ptr(out), ptr(scratch));
      const first = readF64(out, cols);
      for (let c = 0; c < cols; c++) compare(first[c]!, ref(colOf(xs, rows, cols, c)), colOf(xs, rows, cols, c), `${name}_first col ${c} of ${rows}×${cols}`);
    }
    out.free();
    scratch.free();
  }
  a.free();
}

const exact = (got: number, want: number, _values: number[], what: string) => assert.ok(Object.is(got, want), `${what}: got ${got}, expected ${want}`);
const closeSum = (got: number, want: number, values: number[], what: string) => assertSumClose(got, want, magnitude(values), values.length, what);

describe('wasm reductions', () => {
  for (const [name, ref] of EXACT) {
    test(`${name}: exact on sizes and property (whole, last axis, first axis)`, () => {
      for (const n of [...SIZES, 64, 100]) checkReduction(name, ref, sample(n), exact);
      fc.assert(fc.property(vectorOf(anyDouble), (xs) => checkReduction(name, ref, xs, exact)), RUNS);
    });
  }
  for (const [name, ref] of [['argmin', jsArgmin], ['argmax', jsArgmax]] as const) {
    test(`${name}: first extreme, first NaN, ties; property`, () => {
      const check = (xs: number[]) => checkReduction(name, ref, xs, exact);
      for (const n of [...SIZES, 64]) check(sample(n));
      check([3, 1, 1, 3, 0, -0, 0]);
      check([1, 2, NaN, 0, NaN]);
      check([-0, 0, -0]);
      fc.assert(fc.property(vectorOf(fc.oneof(anyDouble, fc.constantFrom(1, 2, 3))), check), RUNS);
    });
  }
  test('argmin/argmax written out', () => {
    const a = f64Block([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    assert.equal(k.argmin(a.ptr, 11), 1);
    assert.equal(k.argmax(a.ptr, 11), 5);
    const b = f64Block([3, 1, 4, NaN, 5, NaN]);
    assert.equal(k.argmin(b.ptr, 6), 3);
    assert.equal(k.argmax(b.ptr, 6), 3);
    assert.equal(k.argmin(0, 0), -1);
  });
  test('argmin_first/argmax_first written out: ties keep the first row, 0 and -0 tie, the first NaN wins', () => {
    // 4 rows × 5 columns; columns: plain, tie, zeros, NaN late, NaN first, ±Inf
    const block = f64Block([
      5, 2, 0, 1, NaN,
      3, 2, -0, -1, 7,
      4, 1, 0, NaN, -Infinity,
      3, 1, -0, NaN, Infinity,
    ]);
    const out = new Storage('float64', 5);
    const scratch = new Storage('float64', 5);
    k.argmin_first(block.ptr, 4, 5, out.ptr, scratch.ptr);
    assert.deepEqual(readF64(out, 5), [1, 2, 0, 2, 0]);
    k.argmax_first(block.ptr, 4, 5, out.ptr, scratch.ptr);
    assert.deepEqual(readF64(out, 5), [0, 0, 0, 2, 0]);
    k.argmax_first(block.ptr + 5 * 8, 3, 5, out.ptr, scratch.ptr); // rows 1..3: no NaN in the last column
    assert.deepEqual(readF64(out, 5), [1, 0, 0, 1, 2]);
    k.argmin_first(block.ptr + 5 * 8, 3, 5, out.ptr, scratch.ptr);
    assert.deepEqual(readF64(out, 5), [0, 1, 0, 1, 1]);
    k.argmin_first(block.ptr, 1, 5, out.ptr, scratch.ptr); // one row: all 0
    assert.deepEqual(readF64(out, 5), [0, 0, 0, 0, 0]);
    out.free();
    scratch.free();
    block.free();
  });
  const SUMS: [string, (xs: number[]) => number][] = [
    ['sum', jsSum],
    ['nansum', (xs) => jsSum(nonNaN(xs))],
    ['mean', (xs) => jsSum(xs) / xs.length],
    ['nanmean', (xs) => jsSum(nonNaN(xs)) / nonNaN(xs).length],
  ];
  for (const [name, ref] of SUMS) {
    test(`${name}: within n·ε on sizes and property (whole, last, first)`, () => {
      for (const n of [...SIZES, 64, 100]) checkReduction(name, ref, sample(n).map((x) => (Math.abs(x) > 1e300 ? 1 : x)), closeSum, name !== 'nanmean');
      fc.assert(fc.property(vectorOf(sumDouble), (xs) => checkReduction(name, ref, xs, closeSum, name !== 'nanmean')), RUNS);
    });
  }
  test('sum written out; prod', () => {
    const a = f64Block([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(k.sum(a.ptr, 11), 66);
    assert.equal(k.prod(a.ptr, 11), 39916800);
    assert.equal(k.sum(a.ptr, 0), 0);
    assert.equal(k.prod(a.ptr, 0), 1);
    const prodRef = (xs: number[]) => xs.reduce((p, x) => p * x, 1);
    const close = (got: number, want: number, values: number[], what: string) =>
      assertSumClose(got, want, Math.abs(want), values.length * 2, what);
    const factor = fc.oneof(fc.constantFrom(NaN, Infinity, 0, -0, -1), fc.double({ min: 0.9, max: 1.1, noNaN: true }));
    fc.assert(fc.property(vectorOf(factor), (xs) => checkReduction('prod', prodRef, xs, close)), RUNS);
  });
  test('nanmean/variance/nanmean_first written out', () => {
    const a = f64Block([1, NaN, 3, 4, NaN, 8]);
    assert.equal(k.nanmean(a.ptr, 6), 4);
    const out = new Storage('float64', 3);
    const scratch = new Storage('float64', 3);
    k.nanmean_first(a.ptr, 2, 3, out.ptr, scratch.ptr); // [[1,NaN,3],[4,NaN,8]]
    assertValues(readF64(out), [2.5, NaN, 5.5]);
    const b = f64Block([2, 4, 4, 4, 5, 5, 7, 9]);
    assert.equal(k.variance(b.ptr, 8, 0), 4);
    assert.equal(k.variance(b.ptr, 8, 1), 32 / 7);
    k.variance_first(b.ptr, 4, 2, 0, out.ptr, scratch.ptr); // columns [2,4,5,7], [4,4,5,9]
    assertValues(readF64(out, 2), [3.25, 4.25]);
    k.variance_last(b.ptr, 2, 4, 0, out.ptr);
    assertValues(readF64(out, 2), [0.75, 2.75]);
  });
  test('variance: property against a two-pass JS loop', () => {
    const jsVar = (xs: number[]) => {
      const m = jsSum(xs) / xs.length;
      return xs.reduce((s, x) => s + (x - m) * (x - m), 0) / xs.length;
    };
    const finite = fc.double({ min: -1e100, max: 1e100, noNaN: true });
    fc.assert(
      fc.property(vectorOf(finite), (xs) => {
        const a = f64Block(xs);
        const want = jsVar(xs);
        const scale = xs.reduce((s, x) => s + x * x, 0);
        assertSumClose(k.variance(ptr(a), xs.length, 0), want, scale / Math.max(1, xs.length) + Math.abs(want), 4 * xs.length, 'variance');
      }),
      RUNS,
    );
  });
  test('cumsum keeps a leading -0 (NumPy: out[0] = x[0])', () => {
    const a = f64Block([-0, -0, 1]);
    k.cumsum(a.ptr, a.ptr, 3);
    assertValues(readF64(a), [-0, -0, 1]);
  });
  test('cumsum/cumprod: exact against sequential loops (whole, last, first, in place)', () => {
    const scanRef = (xs: number[], sum: boolean) => {
      let acc = xs[0]!;
      return xs.map((x, i) => (i === 0 ? x : (acc = sum ? acc + x : acc * x)));
    };
    const check = (xs: number[]) => {
      for (const sum of [true, false]) {
        const name = sum ? 'cumsum' : 'cumprod';
        const table = k as unknown as Record<string, (...args: number[]) => void>;
        const a = f64Block(xs);
        const out = new Storage('float64', xs.length);
        table[name]!(ptr(a), ptr(out), xs.length);
        assertValues(readF64(out), scanRef(xs, sum), 0, `${name} n=${xs.length}`);
        const cols = 3;
        const rows = Math.floor(xs.length / cols);
        const block = xs.slice(0, rows * cols);
        table[`${name}_last`]!(ptr(a), rows, cols, ptr(out));
        assertValues(readF64(out, rows * cols), Array.from({ length: rows }, (_, r) => scanRef(rowOf(block, cols, r), sum)).flat(), 0, `${name}_last`);
        table[`${name}_first`]!(ptr(a), rows, cols, ptr(a)); // in place
        const cols3 = Array.from({ length: cols }, (_, c) => scanRef(colOf(block, rows, cols, c), sum));
        assertValues(readF64(a, rows * cols), block.map((_, i) => cols3[i % cols]![Math.floor(i / cols)]!), 0, `${name}_first`);
      }
    };
    for (const n of SIZES) check(sample(n));
    fc.assert(fc.property(vectorOf(anyDouble), check), RUNS);
  });
});

// ---- matmul ------------------------------------------------------------------------------

describe('wasm matmul and dot', () => {
  const jsMatmul = (a: number[], b: number[], m: number, kk: number, n: number) => {
    const c = new Array<number>(m * n).fill(0);
    for (let i = 0; i < m; i++) for (let p = 0; p < kk; p++) for (let j = 0; j < n; j++) c[i * n + j]! += a[i * kk + p]! * b[p * n + j]!;
    return c;
  };
  const check = (m: number, kk: number, n: number) => {
    const av = Array.from({ length: m * kk }, (_, i) => ((i * 37) % 11) - 5.5);
    const bv = Array.from({ length: kk * n }, (_, i) => ((i * 13) % 7) * 0.25 - 0.6);
    const a = f64Block(av);
    const b = f64Block(bv);
    const c = new Storage('float64', m * n);
    const scratch = new Storage('float64', k.matmul_scratch(m, kk, n));
    k.matmul(ptr(a), ptr(b), ptr(c), m, kk, n, ptr(scratch));
    const want = jsMatmul(av, bv, m, kk, n);
    if (n === 1 && m >= 4) {
      // B one column: the matrix·vector kernel, several partial sums a row (within k·ε).
      const got = readF64(c);
      for (let i = 0; i < m; i++) {
        const products = Array.from({ length: kk }, (_, p) => av[i * kk + p]! * bv[p]!);
        assertSumClose(got[i]!, want[i]!, magnitude(products), kk, `matmul ${m}×${kk}·${kk}×1 row ${i}`);
      }
    } else {
      assertValues(readF64(c), want, 0, `matmul ${m}×${kk}·${kk}×${n}`);
    }
    for (const s of [a, b, c, scratch]) s.free();
  };
  test('written out: [[1,2],[3,4]]·[[5,6],[7,8]]', () => {
    const a = f64Block([1, 2, 3, 4]);
    const b = f64Block([5, 6, 7, 8]);
    const c = new Storage('float64', 4);
    k.matmul(a.ptr, b.ptr, c.ptr, 2, 2, 2, 0);
    assertValues(readF64(c), [19, 22, 43, 50]);
  });
  test('shapes around the SIMD width and past the blocks, exact against i-k-j loops', () => {
    for (const [m, kk, n] of [
      [0, 3, 2], [2, 0, 3], [1, 1, 1], [3, 5, 7], [4, 4, 9], [17, 3, 1], [5, 130, 260], [33, 257, 5],
      // around the 4×4 tile, the 256-deep k-block and the 256-wide column block
      [4, 1, 4], [5, 2, 6], [6, 7, 3], [7, 9, 2], [4, 513, 1], [9, 600, 3], [13, 257, 258], [8, 3, 513], [4, 256, 256], [1, 300, 9],
    ]) check(m!, kk!, n!);
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), check), RUNS);
  });
  test('NaN, ±Inf and -0 land where the i-k-j loop puts them, at every tile position', () => {
    const shape = fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 14 }));
    fc.assert(
      fc.property(shape, fc.nat(), ([m, kk, n], seed) => {
        // B one column (m ≥ 4) runs matvec, another order of additions: no 1e308 there, so
        // every partial sum of these small integers is exact and any order gives the same.
        const specials = n === 1 && m >= 4 ? [NaN, Infinity, -Infinity, -0, 0] : [NaN, Infinity, -Infinity, -0, 0, 1e308];
        const pick = (i: number) => ((i * 2654435761 + seed) >>> 0) % 97;
        const av = Array.from({ length: m * kk }, (_, i) => (pick(i) < 3 ? specials[pick(i + 7) % specials.length]! : (pick(i) % 5) - 2));
        const bv = Array.from({ length: kk * n }, (_, i) => (pick(i + 1) < 3 ? specials[pick(i + 3) % specials.length]! : (pick(i + 1) % 7) - 3));
        const a = f64Block(av);
        const b = f64Block(bv);
        const c = new Storage('float64', m * n);
        const scratch = new Storage('float64', k.matmul_scratch(m, kk, n));
        k.matmul(ptr(a), ptr(b), ptr(c), m, kk, n, ptr(scratch));
        const got = readF64(c);
        for (const s of [a, b, c, scratch]) s.free();
        assertValues(got, jsMatmul(av, bv, m, kk, n), 0, `matmul ${m}×${kk}·${kk}×${n}`);
      }),
      { numRuns: 100 },
    );
  });
  test('matrix·vector within k·ε, NaN/Inf kept', () => {
    for (const [m, kk] of [[1, 1], [3, 0], [4, 7], [5, 8], [9, 17], [33, 1001]]) {
      const av = sample(m * kk, 2);
      const xv = sample(kk, 3);
      const a = f64Block(av);
      const x = f64Block(xv);
      const y = new Storage('float64', m);
      k.matvec(ptr(a), ptr(x), ptr(y), m, kk);
      const got = readF64(y);
      for (let i = 0; i < m; i++) {
        const products = Array.from({ length: kk }, (_, p) => av[i * kk + p]! * xv[p]!);
        assertSumClose(got[i]!, jsSum(products), magnitude(products), kk, `matvec ${m}×${kk} row ${i}`);
      }
      for (const s of [a, x, y]) s.free();
    }
  });
  test('dot within n·ε', () => {
    fc.assert(
      fc.property(pairOf(fc.double({ min: -1e100, max: 1e100, noNaN: true })), ([xs, ys]) => {
        const a = f64Block(xs);
        const b = f64Block(ys);
        const products = xs.map((x, i) => x * ys[i]!);
        assertSumClose(k.dot(ptr(a), ptr(b), xs.length), jsSum(products), magnitude(products), xs.length, 'dot');
      }),
      RUNS,
    );
  });
});

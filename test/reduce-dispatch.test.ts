/**
 * The WASM dispatch of reductions, scans and matrix products (src/ops/reduce-wasm.ts):
 * `nd.config({ wasm: true })` against `nd.config({ wasm: false })` on random shapes and
 * values (NaN, ±Inf, -0, subnormals, ±1e308), every axis choice, keepdims, ddof; exact for
 * min/max/argmin/argmax/any/all/cumsum/cumprod/matmul (same operation order), within n·ε·Σ|x| for
 * sums, means, variances and dot products; strided views must stay on JS; large contiguous
 * input must really run on WASM (the dispatch counters).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ShapeError } from '../src/errors.ts';
import { wasmKernels } from '../src/kernels/wasm.ts';
import { WASM_REDUCE_THRESHOLDS, blockLayout, wasmReduceCalls, type WasmReduceFamily } from '../src/ops/reduce-wasm.ts';

const EPS = Number.EPSILON;
const RUNS = { numRuns: 60 };
const hasWasm = wasmKernels !== null;

/** The outcome of a call: its value (arrays as flat C-order data + shape) or its error class. */
type Outcome = { value: number | boolean; shape?: undefined } | { data: number[]; shape: number[]; dtype: string } | { error: string };

function outcome(fn: () => NdArray | number | boolean): Outcome {
  try {
    const r = fn();
    if (r instanceof NdArray) return { data: Array.from(r.dtype === 'bool' ? r.copy().astype('float64').toFloat64Array() : r.toFloat64Array()), shape: [...r.shape], dtype: r.dtype };
    return { value: r };
  } catch (e) {
    return { error: (e as Error).constructor.name };
  }
}

/** Runs `fn` on the JS kernels and on WASM (restoring wasm: true), with the WASM call count. */
function jsAndWasm(fn: () => NdArray | number | boolean): { js: Outcome; wasm: Outcome; calls: number } {
  try {
    nd.config({ wasm: false });
    const js = outcome(fn);
    nd.config({ wasm: true });
    const before = totalCalls();
    const wasm = outcome(fn);
    return { js, wasm, calls: totalCalls() - before };
  } finally {
    nd.config({ wasm: true });
  }
}

function totalCalls(): number {
  return Object.values(wasmReduceCalls).reduce((x, y) => x + y, 0);
}

function flat(o: Outcome): number[] {
  if ('error' in o) throw new Error(`unexpected error ${o.error}`);
  if ('data' in o) return o.data;
  return [typeof o.value === 'boolean' ? (o.value ? 1 : 0) : o.value];
}

/** Same error, same shape/dtype/kind, and every element passing `close(i, js, wasm)`. */
function compare(js: Outcome, wasm: Outcome, close: (i: number, x: number, y: number) => boolean, what: string): void {
  if ('error' in js || 'error' in wasm) {
    assert.deepEqual(wasm, js, what);
    return;
  }
  if ('data' in js) {
    assert.ok('data' in wasm, what);
    assert.deepEqual(wasm.shape, js.shape, what);
    assert.equal(wasm.dtype, js.dtype, what);
  } else {
    assert.equal(typeof (wasm as { value: unknown }).value, typeof js.value, what);
  }
  const x = flat(js), y = flat(wasm);
  assert.equal(y.length, x.length, what);
  for (let i = 0; i < x.length; i++) {
    if (!close(i, x[i]!, y[i]!)) assert.fail(`${what}: element ${i}: js ${x[i]} wasm ${y[i]}`);
  }
}

const exact = (_i: number, x: number, y: number): boolean => Object.is(x, y);

// ---- random data -------------------------------------------------------------------------

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -2.5e-310, 2.2250738585072014e-308, 1e308, -1e308, 1, -1];

/** Mostly ordinary numbers, some specials (NaN, ±Inf, -0, subnormals, ±1e308). */
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }).map((v) => v) },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
);

/** Numbers whose products cannot over- or underflow in any order, plus zeros, NaN, ±Inf. */
const gentleValue = fc.oneof(
  { weight: 10, arbitrary: fc.double({ min: 0.5, max: 2, noNaN: true }).chain((v) => fc.constantFrom(v, -v)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity) },
);

/** Shapes: 1-D up to 4099, 2-D up to 70×70, 3-D up to 16³ (zeros included). */
const shape = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 4099 })).map((s) => [...s]),
  fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 70 })).map((s) => [...s]),
  fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 })).map((s) => [...s]),
);

/** A C-contiguous array of `shape` filled from `values` (cycled); `seed` varies the start. */
function arrayOf(shape: number[], values: number[]): NdArray {
  const size = shape.reduce((x, y) => x * y, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = values.length === 0 ? 0 : values[(i * 7 + (i >> 5)) % values.length]!;
  return nd.array(data).reshape(shape);
}

const arrayArb = (v: fc.Arbitrary<number> = value) =>
  fc.record({ shape, values: fc.array(v, { minLength: 1, maxLength: 300 }) }).map(({ shape, values }) => arrayOf(shape, values));

/** Every axis argument for an n-D array: null, each axis (also negative), each axis pair. */
function axisChoices(nd: number): (number | number[] | null)[] {
  const out: (number | number[] | null)[] = [null];
  for (let k = 0; k < nd; k++) out.push(k, k - nd);
  for (let i = 0; i < nd; i++) for (let j = i + 1; j < nd; j++) out.push([i, j]);
  return out;
}

// ---- reference bounds --------------------------------------------------------------------

/** The elements reduced into each output (C order of the outputs). */
function groups(a: NdArray, axis: number | number[] | null): number[][] {
  const data = a.toFloat64Array();
  const shape = a.shape;
  const nd = shape.length;
  const axes = axis === null ? shape.map((_, k) => k) : (Array.isArray(axis) ? axis : [axis]).map((k) => (k + nd) % nd);
  const kept = shape.map((_, k) => !axes.includes(k));
  const outSize = shape.reduce((s, d, k) => (kept[k] ? s * d : s), 1);
  const out: number[][] = Array.from({ length: outSize }, () => []);
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < data.length; i++) {
    let o = 0;
    for (let k = 0; k < nd; k++) if (kept[k]) o = o * shape[k]! + idx[k]!;
    out[o]!.push(data[i]!);
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
  }
  return out;
}

/**
 * Tolerance check for a sum-like result of group g: exact when equal; else both finite and
 * within c·n·ε·scale (scale = Σ|x| of the finite elements, or of the squares for var). When
 * the scale overflows, the order of additions decides between Inf, NaN and finite: no check.
 */
function withinSumError(gs: number[][], scaleOf: (g: number[]) => number, c = 2) {
  return (i: number, x: number, y: number): boolean => {
    if (Object.is(x, y)) return true;
    const g = gs[i]!;
    const scale = scaleOf(g);
    if (!Number.isFinite(scale) || scale > 1e300) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    return Math.abs(x - y) <= c * Math.max(g.length, 1) * EPS * scale + 1e-300;
  };
}

const absSum = (g: number[]) => g.reduce((s, v) => (Number.isFinite(v) ? s + Math.abs(v) : s), 0);
const absMean = (g: number[]) => absSum(g) / Math.max(1, g.filter((v) => !Number.isNaN(v)).length);
const meanSquare = (g: number[]) => g.reduce((s, v) => (Number.isFinite(v) ? s + v * v : s), 0) / Math.max(1, g.length);

// ---- tests -------------------------------------------------------------------------------

type ReduceFn = 'sum' | 'prod' | 'mean' | 'min' | 'max' | 'std' | 'var' | 'any' | 'all' | 'nansum' | 'nanmean' | 'nanmin' | 'nanmax';

/** How WASM and JS results must agree, per reduction. */
const TOLERANCE: Record<ReduceFn, (gs: number[][], ddof: number) => (i: number, x: number, y: number) => boolean> = {
  sum: (gs) => withinSumError(gs, absSum),
  nansum: (gs) => withinSumError(gs, absSum),
  mean: (gs) => withinSumError(gs, absMean),
  nanmean: (gs) => withinSumError(gs, absMean),
  var: (gs, ddof) => withinSumError(gs, (g) => 4 * meanSquare(g) * g.length / Math.max(1, g.length - ddof), 4),
  std: (gs, ddof) => {
    const v = withinSumError(gs, (g) => 4 * meanSquare(g) * g.length / Math.max(1, g.length - ddof), 4);
    return (i, x, y) => v(i, x * x, y * y) || Math.abs(x - y) <= 1e-6 * Math.abs(x);
  },
  prod: (gs) => (i, x, y) => {
    if (Object.is(x, y)) return true;
    const g = gs[i]!;
    return Number.isFinite(x) && Number.isFinite(y) && Math.sign(x) === Math.sign(y) && Math.abs(x - y) <= 2 * g.length * EPS * Math.abs(x);
  },
  min: () => exact, max: () => exact, nanmin: () => exact, nanmax: () => exact, any: () => exact, all: () => exact,
};

const REDUCTIONS = Object.keys(TOLERANCE) as ReduceFn[];

describe('reductions: WASM equals the JS kernels', { skip: !hasWasm }, () => {
  for (const name of REDUCTIONS) {
    test(`${name}: every axis choice, keepdims, ddof, random values`, () => {
      let wasmCalls = 0;
      fc.assert(
        fc.property(arrayArb(name === 'prod' ? gentleValue : value), fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.nat(), (a, keepdims, ddof, pick) => {
          const choices = axisChoices(a.ndim);
          const axis = choices[pick % choices.length]!;
          const opts = name === 'var' || name === 'std' ? { keepdims, ddof } : { keepdims };
          const { js, wasm, calls } = jsAndWasm(() => (a[name] as (ax: unknown, o: unknown) => NdArray | number | boolean).call(a, axis, opts));
          wasmCalls += calls;
          const close = 'error' in js ? exact : TOLERANCE[name](groups(a, axis), ddof);
          compare(js, wasm, close, `${name}(${JSON.stringify(axis)}) of shape [${a.shape}]`);
          a.dispose();
        }),
        RUNS,
      );
      assert.ok(wasmCalls > 10, `only ${wasmCalls} runs took the WASM path`);
    });
  }

  test('min/max/nanmin/nanmax on ties of 0 and -0 (IEEE: min gives -0, max +0, on both paths)', () => {
    fc.assert(
      fc.property(shape, fc.array(fc.constantFrom(0, -0, 0, -0, 1, -1, NaN), { minLength: 1, maxLength: 40 }), fc.nat(), (s, values, pick) => {
        const a = arrayOf(s, values.filter((v, i) => i < 2 || !Number.isNaN(v)));
        const choices = axisChoices(a.ndim);
        const axis = choices[pick % choices.length]!;
        for (const name of ['min', 'max', 'nanmin', 'nanmax'] as const) {
          const { js, wasm } = jsAndWasm(() => a[name](axis));
          compare(js, wasm, exact, `${name}(${JSON.stringify(axis)}) [${s}] of ${values}`);
        }
        a.dispose();
      }),
      RUNS,
    );
  });

  test('bool input: sum/mean/any/all (whole: count_true), min/max (JS)', () => {
    fc.assert(
      fc.property(shape, fc.array(fc.constantFrom(0, 1, 2, NaN), { minLength: 1, maxLength: 40 }), fc.nat(), (s, values, pick) => {
        const b = arrayOf(s, values).astype('bool');
        const choices = axisChoices(b.ndim);
        const axis = choices[pick % choices.length]!;
        for (const name of ['sum', 'mean', 'any', 'all', 'min', 'max'] as const) {
          const { js, wasm } = jsAndWasm(() => b[name](axis));
          compare(js, wasm, name === 'mean' ? TOLERANCE.mean(groups(b.astype('float64'), axis), 0) : exact, `${name} bool [${s}]`);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('argmin/argmax, cumsum/cumprod: WASM equals the JS kernels exactly', { skip: !hasWasm }, () => {
  for (const name of ['argmin', 'argmax', 'cumsum', 'cumprod'] as const) {
    test(`${name}: flattened and every axis`, () => {
      let wasmCalls = 0;
      fc.assert(
        fc.property(arrayArb(name === 'cumprod' ? gentleValue : value), fc.boolean(), fc.nat(), (a, keepdims, pick) => {
          const axis = [null, ...Array.from({ length: a.ndim }, (_, k) => k)][pick % (a.ndim + 1)]!;
          const call = name === 'argmin' || name === 'argmax' ? () => a[name](axis, { keepdims }) : () => a[name](axis);
          const { js, wasm, calls } = jsAndWasm(call);
          wasmCalls += calls;
          compare(js, wasm, exact, `${name}(${axis}) of shape [${a.shape}]`);
          a.dispose();
        }),
        RUNS,
      );
      assert.ok(wasmCalls > 10, `only ${wasmCalls} runs took the WASM path`);
    });
  }
});

describe('matmul/dot: WASM equals the JS kernels', { skip: !hasWasm }, () => {
  const dim = fc.integer({ min: 0, max: 40 });
  test('2-D × 2-D (but k×1 B) and 1-D × 2-D exactly (same order of additions), 2-D × 1-D and 1-D · 1-D within n·ε', () => {
    fc.assert(
      fc.property(dim, dim, dim, fc.array(value, { minLength: 1, maxLength: 200 }), fc.constantFrom('mm', 'vm', 'mv', 'vv'), (m, k, n, values, form) => {
        const a = form === 'mm' || form === 'mv' ? arrayOf([m, k], values) : arrayOf([k], values);
        const b = form === 'mm' || form === 'vm' ? arrayOf([k, n], values.slice().reverse()) : arrayOf([k], values.slice(1).concat(values[0]!));
        const { js, wasm } = jsAndWasm(() => a.dot(b));
        const A = a.toFloat64Array(), B = b.toFloat64Array();
        const products = (i: number): number[] => Array.from({ length: k }, (_, j) => (form === 'vv' ? A[j]! * B[j]! : A[i * k + j]! * B[j]!));
        // 2-D × 2-D sums each element in order of k (exact), except B a single column with
        // m ≥ 4 rows: that runs the matrix·vector kernel (several partial sums, like 'mv').
        const ordered = form === 'vm' || (form === 'mm' && !(n === 1 && m >= 4));
        const close = ordered ? exact : withinSumError(Array.from({ length: form === 'vv' ? 1 : m }, (_, i) => products(i)), absSum, 4);
        compare(js, wasm, close, `${form} m=${m} k=${k} n=${n}`);
      }),
      RUNS,
    );
  });
  test('exactness of 2-D × 2-D on a written-out case with -0 and NaN', () => {
    const a = nd.array([[-0, 1], [NaN, 2], [3, 4]]);
    const b = nd.array([[-0, 5, 1, 1, 1, 1], [-0, 6, 1, 1, 1, 1]]);
    const { js, wasm } = jsAndWasm(() => a.dot(b));
    compare(js, wasm, exact, 'mm');
    assert.deepEqual(flat(js), [0, 6, 1, 1, 1, 1, NaN, NaN, NaN, NaN, NaN, NaN, 0, 39, 7, 7, 7, 7]);
  });
});

describe('dispatch: which path runs', { skip: !hasWasm }, () => {
  /** Calls counted for `family` while running `fn`. */
  function callsOf(family: WasmReduceFamily, fn: () => unknown): number {
    const before = wasmReduceCalls[family];
    fn();
    return wasmReduceCalls[family] - before;
  }
  const big = nd.arange(24 * 30 * 10).reshape([24, 30, 10]).mul(0.5);

  test('large contiguous input runs on WASM: whole, leading and trailing axes, every family', () => {
    const cases: [WasmReduceFamily, () => unknown][] = [
      ['sum', () => big.sum()], ['sum', () => big.mean(0)], ['sum', () => big.sum([1, 2])], ['sum', () => big.prod(-1)],
      ['sum', () => big.sum([0, 1], { keepdims: true })], ['sum', () => nd.arange(100_000).sum()],
      ['extreme', () => big.max()], ['extreme', () => big.nanmin(0)], ['extreme', () => big.any(2)], ['extreme', () => big.all([0, 1])],
      ['nanmean', () => big.nanmean(0)], ['nanmean', () => big.nanmean(2)],
      ['var', () => big.var()], ['var', () => big.std(0, { ddof: 1 })], ['var', () => big.var([1, 2])],
      ['arg', () => big.argmax()], ['arg', () => big.argmin(2)], ['arg', () => big.argmax(0)], ['arg', () => big.reshape([1, 24, 300]).argmin(1)],
      ['scan', () => big.cumsum()], ['scan', () => big.cumsum(0)], ['scan', () => big.cumprod(1)], ['scan', () => big.cumsum(2)],
      ['bool', () => big.astype('bool').sum()], ['bool', () => big.astype('bool').all()],
      ['matmul', () => big.reshape([240, 30]).dot(big.reshape([30, 240]))], ['matmul', () => big.reshape([240, 30]).dot(nd.ones([30]))],
      ['dot', () => big.ravel().dot(big.ravel())],
      // Strided or bool operands are copied into scratch (staged), not left to the JS loops.
      ['dot', () => big.ravel().slice('::3').dot(big.ravel().slice('1::3'))],
      ['matmul', () => big.reshape([240, 30]).T.dot(big.reshape([240, 30]))],
    ];
    for (const [family, fn] of cases) assert.equal(callsOf(family, fn), 1, `${family}: ${fn.toString()}`);
  });

  test('strided, transposed, middle-axis, small, bool-axis and wasm:false cases stay on JS', () => {
    const cases: (() => unknown)[] = [
      () => big.slice('::2').sum(), () => big.T.mean(0), () => big.transpose(1, 0, 2).max(),
      () => big.sum(1), () => big.var([0, 2]), () => big.argmin(1), () => big.T.argmax(0),
      () => big.slice(':', ':', '::2').cumsum(), () => big.slice('::-1').argmax(),
      () => nd.array([1, 2, 3]).sum(), () => nd.arange(8).max(), () => nd.array([[1, 2], [3, 4]]).dot(nd.array([[1, 2], [3, 4]])),
      () => big.astype('bool').any(0), () => big.var(null, { ddof: big.size }),
    ];
    const before = totalCalls();
    for (const fn of cases) fn();
    assert.equal(totalCalls() - before, 0);
    try {
      nd.config({ wasm: false });
      const off = totalCalls();
      big.sum();
      big.mean(0);
      big.reshape([240, 30]).dot(big.reshape([30, 240]));
      assert.equal(totalCalls() - off, 0);
    } finally {
      nd.config({ wasm: true });
    }
  });

  test('thresholds: just below runs JS, at the threshold runs WASM', () => {
    for (const family of ['sum', 'extreme'] as const) {
      const t = WASM_REDUCE_THRESHOLDS[family];
      const fn = family === 'sum' ? (a: NdArray) => a.sum() : (a: NdArray) => a.max();
      assert.equal(callsOf(family, () => fn(nd.ones([t - 1]))), 0);
      assert.equal(callsOf(family, () => fn(nd.ones([t]))), 1);
    }
  });

  test('pairwise accuracy kept on WASM: 1e6 × 0.1 sums within 1e-8 of 1e5', () => {
    const a = nd.full([1_000_000], 0.1);
    assert.equal(callsOf('sum', () => assert.ok(Math.abs((a.sum() as number) - 1e5) < 1e-8)), 1);
    const rows = nd.full([2, 500_000], 0.1);
    const means = rows.mean(1) as NdArray;
    const values = Array.from(means.toFloat64Array());
    assert.ok(values.every((v) => Math.abs(v - 0.1) < 1e-15), String(values));
  });

  test('written-out NaN, -0 and empty semantics on the WASM path', () => {
    const n = 64;
    const withNaN = Array.from({ length: n }, (_, i) => (i === 40 || i === 50 ? NaN : i === 7 ? -5 : i));
    const a = nd.array(withNaN);
    assert.ok(Number.isNaN(a.max() as number));
    assert.ok(Number.isNaN(a.min() as number));
    assert.equal(a.nanmin(), -5);
    assert.equal(a.nanmax(), 63);
    assert.equal(a.argmax(), 40);
    assert.equal(a.argmin(), 40);
    assert.equal(a.nansum(), (63 * 64) / 2 - 40 - 50 - 7 - 5);
    const zeros = nd.array(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : -0)));
    assert.ok(Object.is(zeros.min(), -0));
    assert.ok(Object.is(zeros.max(), 0));
    assert.ok(Object.is(zeros.nanmin(), -0));
    assert.ok(Object.is((zeros.cumsum() as NdArray).get(1), 0));
    assert.ok(Object.is((nd.full([n], -0).cumsum() as NdArray).get(n - 1), -0));
    assert.throws(() => nd.zeros([0, 64]).max(0), ShapeError);
    assert.deepEqual((nd.zeros([0, 64]).sum(0) as NdArray).toArray(), new Array(64).fill(0));
    assert.ok(Number.isNaN(nd.ones([64]).var(null, { ddof: 64 }) as number));
    // argmin/argmax along axis 0 (argm…_first): 4 rows × 16 columns, NaN/-0/±Inf/ties in columns 0-4
    const rows = [
      [5, 2, 0, 1, NaN],
      [3, 2, -0, -1, 7],
      [4, 1, 0, NaN, -Infinity],
      [3, 1, -0, NaN, Infinity],
    ].map((r, i) => [...r, ...Array.from({ length: 11 }, (_, j) => ((i * 7 + j * 3) % 5) - 2)]);
    const m = nd.array(rows);
    const before = wasmReduceCalls.arg;
    const argmin0 = (m.argmin(0) as NdArray).toArray() as number[];
    const argmax0 = (m.argmax(0) as NdArray).toArray() as number[];
    assert.equal(wasmReduceCalls.arg - before, 2);
    assert.deepEqual(argmin0.slice(0, 5), [1, 2, 0, 2, 0]);
    assert.deepEqual(argmax0.slice(0, 5), [0, 0, 0, 2, 0]);
    // columns 5..15: (i·7 + j·3) mod 5 − 2 over i = 0..3
    const colMin = (j: number) => [0, 1, 2, 3].reduce((b, i) => (((i * 7 + j * 3) % 5) < ((b * 7 + j * 3) % 5) ? i : b), 0);
    const colMax = (j: number) => [0, 1, 2, 3].reduce((b, i) => (((i * 7 + j * 3) % 5) > ((b * 7 + j * 3) % 5) ? i : b), 0);
    assert.deepEqual(argmin0.slice(5), Array.from({ length: 11 }, (_, j) => colMin(j)));
    assert.deepEqual(argmax0.slice(5), Array.from({ length: 11 }, (_, j) => colMax(j)));
  });

  test('blockLayout: leading, trailing, whole, size-1 axes ignored, middle axes refused', () => {
    assert.deepEqual(blockLayout([4, 5, 6], [true, false, false]), { kind: 'first', rows: 4, cols: 30 });
    assert.deepEqual(blockLayout([4, 5, 6], [true, true, false]), { kind: 'first', rows: 20, cols: 6 });
    assert.deepEqual(blockLayout([4, 5, 6], [false, false, true]), { kind: 'last', rows: 20, cols: 6 });
    assert.deepEqual(blockLayout([4, 5, 6], [false, true, true]), { kind: 'last', rows: 4, cols: 30 });
    assert.deepEqual(blockLayout([4, 5, 6], [true, true, true]), { kind: 'whole', rows: 1, cols: 120 });
    assert.deepEqual(blockLayout([4, 1, 6], [true, false, true]), { kind: 'whole', rows: 1, cols: 24 });
    assert.deepEqual(blockLayout([4, 1, 6], [false, true, true]), { kind: 'last', rows: 4, cols: 6 });
    assert.equal(blockLayout([4, 5, 6], [false, true, false]), null);
    assert.equal(blockLayout([4, 5, 6], [true, false, true]), null);
  });
});

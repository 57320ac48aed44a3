/**
 * take / put / takeAlongAxis / putAlongAxis against NumPy over random and named cases
 * (test/fixtures/indexing-random.json, written by scripts/indexing-fixtures.py): shapes of 0–4
 * dimensions with 0- and 1-length axes (a few long ones for the WASM blocks), every mode, axes
 * in and out of range, indices given as a number, nested numbers or an NdArray view (transposed,
 * reversed, strided, broadcast, offset) holding -0, NaN, ±Inf, 1.5, 2^53, 1e300, sources and targets as
 * views, bool arrays, values that are views of the target. Each case must give NumPy's shape
 * and values bit for bit (-0 and NaN included) or the named error that stands for NumPy's
 * exception, on the JS kernels and on WASM, and an error must leave the target, the source and
 * the indices as they were (NumPy's put writes the indices before a bad one; ndvec writes none).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nd, NdArray } from '../src/index.ts';
import { DTypeError, IndexError } from '../src/errors.ts';
import fc from 'fast-check';
import { onJsAndWasm } from './helpers.ts';
import { build, decode, pack, type Enc, type Packed, type Recipe } from './fixture-views.ts';

type Nested = Enc | Nested[];
type IndexDesc = { kind: 'number'; value: Enc } | { kind: 'nested'; value: Nested } | { kind: 'array'; value: Recipe };
type ValuesDesc = { kind: 'number'; value: Enc } | { kind: 'nested'; value: Nested } | { kind: 'alias'; value: 'self' | 'rev' } | { kind: 'array'; value: Recipe };
interface Case {
  op: 'take' | 'put' | 'tal' | 'pal';
  a: Recipe;
  indices: IndexDesc;
  values?: ValuesDesc;
  axis?: number | null | 'default';
  mode?: 'raise' | 'wrap' | 'clip';
  result?: Packed;
  error?: string;
  message?: string;
  label?: string;
}
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/indexing-random.json', import.meta.url), 'utf8')) as { numpy: string; cases: Case[] };

const decodeNested = (x: Nested): unknown => (Array.isArray(x) ? x.map(decodeNested) : decode(x));



/** The ndvec error class names that stand for each NumPy exception. */
function wanted(c: Case): string[] {
  if (c.error === 'IndexError') return /shape mismatch/.test(c.message ?? '') ? ['BroadcastError'] : ['IndexError'];
  if (c.error === 'ValueError') return ['ShapeError', 'BroadcastError'];
  if (c.error === 'AxisError') return ['AxisError'];
  return [`(NumPy raised ${c.error})`];
}

type Outcome = { result: Packed } | { error: string; message: string };

/** Runs one case (method form on even `k`, the nd.* function on odd); on error, checks every operand is unchanged. */
function run(c: Case, k: number): Outcome {
  const a = build(c.a);
  const before = pack(a);
  const indices = c.indices.kind === 'number' ? decode(c.indices.value) : c.indices.kind === 'nested' ? decodeNested(c.indices.value) : build(c.indices.value);
  const indicesBefore = indices instanceof NdArray ? pack(indices) : null;
  const method = k % 2 === 0;
  const options = c.mode === undefined || (c.mode === 'raise' && k % 4 < 2) ? undefined : { mode: c.mode };
  try {
    if (c.op === 'take') return { result: pack(method ? a.take(indices as never, c.axis as number | null, options) : nd.take(a, indices as never, c.axis as number | null, options)) };
    if (c.op === 'tal') {
      const r = c.axis === 'default' ? nd.takeAlongAxis(a, indices as never) : nd.takeAlongAxis(a, indices as never, c.axis as number | null);
      assert.deepEqual(pack(a), before, 'takeAlongAxis wrote into its source');
      return { result: pack(r) };
    }
    const v = c.values!;
    const values =
      v.kind === 'number' ? decode(v.value) : v.kind === 'nested' ? decodeNested(v.value) : v.kind === 'alias' ? (v.value === 'self' ? a : a.slice('::-1')) : build(v.value);
    if (c.op === 'put') {
      const r = method ? a.put(indices as never, values as never, options) : nd.put(a, indices as never, values as never, options);
      assert.equal(r, a);
    } else {
      assert.equal(c.axis === 'default' ? nd.putAlongAxis(a, indices as never, values as never, -1) : nd.putAlongAxis(a, indices as never, values as never, c.axis as number | null), a);
    }
    return { result: pack(a) };
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assert.deepEqual(pack(a), before, `${(e as Error).message}: the array was changed before the error`);
    if (indicesBefore !== null) assert.deepEqual(pack(indices as NdArray), indicesBefore, 'the indices were changed');
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

function check(c: Case, k: number): void {
  const label = c.label ?? `case ${k}: ${JSON.stringify({ ...c, a: { ...c.a, base: c.a.base.length > 16 ? `${c.a.base.length} values` : c.a.base }, result: undefined })}`;
  for (const [i, got] of onJsAndWasm(() => run(c, k)).entries()) {
    const where = `${label} [${i === 0 ? 'JS' : 'WASM'}]`;
    if (c.error !== undefined) {
      assert.ok('error' in got, `${where}: NumPy raised ${c.error} (${c.message}), ndvec returned ${JSON.stringify(got)}`);
      assert.ok(wanted(c).includes(got.error), `${where}: NumPy raised ${c.error} (${c.message}), ndvec ${got.error}: ${got.message}`);
    } else {
      assert.ok('result' in got, `${where}: NumPy returned, ndvec threw ${'error' in got ? `${got.error}: ${got.message}` : ''}`);
      assert.deepEqual(got.result, c.result, where);
    }
  }
}

describe(`integer indexing against NumPy ${FIXTURE.numpy}: random cases (scripts/indexing-fixtures.py)`, () => {
  const random = FIXTURE.cases.filter((c) => c.label === undefined);
  for (const op of ['take', 'put', 'tal', 'pal'] as const) {
    const name = { take: 'take', put: 'put', tal: 'takeAlongAxis', pal: 'putAlongAxis' }[op];
    test(`${name}: NumPy's shape and values bit for bit, or its error; JS and WASM; operands intact on error`, () => {
      const cases = random.filter((c) => c.op === op);
      assert.ok(cases.length > 200, `${cases.length} ${op} cases`);
      assert.ok(cases.filter((c) => c.error !== undefined).length > 30, 'errors among the cases');
      for (const [k, c] of cases.entries()) check(c, k);
    });
  }
});

describe('integer indexing against NumPy: named cases (the review\'s findings)', () => {
  for (const [k, c] of FIXTURE.cases.filter((x) => x.label !== undefined).entries()) test(c.label!, () => check(c, k));
});

/** Element-wise equality where NaN equals NaN and the two zeros are equal (a reduction may return either zero). */
function assertSameValues(got: NdArray, want: NdArray, label: string): void {
  assert.deepEqual(got.shape, want.shape, `${label}: shape`);
  const g = (got.toArray() as unknown[]).flat(Infinity) as number[];
  const w = (want.toArray() as unknown[]).flat(Infinity) as number[];
  for (let i = 0; i < g.length; i++) assert.ok(g[i] === w[i] || (Number.isNaN(g[i]) && Number.isNaN(w[i])), `${label}: element ${i}: ${g[i]} vs ${w[i]}`);
}

describe('arg* outputs fed to takeAlongAxis / putAlongAxis (fast-check, JS and WASM)', () => {
  /** A float64 array of 1–3 dimensions (lengths 1–5) with NaN, ±Inf, -0 and repeats, as itself or a transposed/reversed view. */
  const arrayCase = fc
    .record({
      shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      pool: fc.array(fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 2.5, 1e308, 5e-324), { minLength: 1, maxLength: 6 }),
      seed: fc.nat(),
      view: fc.constantFrom('c', 'T', 'rev'),
      axisPick: fc.nat(),
    })
    .map(({ shape, pool, seed, view, axisPick }) => {
      const size = shape.reduce((p, d) => p * d, 1);
      const values = Array.from({ length: size }, (_, i) => pool[(i * 7 + seed) % pool.length]!);
      return { shape, values, view, axis: (axisPick % (2 * shape.length)) - shape.length };
    });
  const make = (c: { shape: number[]; values: number[]; view: string }): NdArray => {
    const base = nd.array(new Float64Array(c.values)).reshape(c.view === 'T' ? [...c.shape].reverse() : c.shape);
    return c.view === 'T' ? base.transpose() : c.view === 'rev' ? base.slice('::-1') : base;
  };
  test('takeAlongAxis(a, a.argsort(axis), axis) is a.sort(axis); with argmax/argmin(keepdims) it is max/min(keepdims); argpartition puts the kth in place', () => {
    fc.assert(
      fc.property(arrayCase, (c) => {
        onJsAndWasm(() => {
          const a = make(c);
          assertSameValues(nd.takeAlongAxis(a, a.argsort(c.axis), c.axis), a.sort(c.axis), 'argsort');
          assertSameValues(nd.takeAlongAxis(a, a.argmax(c.axis, { keepdims: true }), c.axis), a.max(c.axis, { keepdims: true }), 'argmax');
          assertSameValues(nd.takeAlongAxis(a, a.argmin(c.axis, { keepdims: true }), c.axis), a.min(c.axis, { keepdims: true }), 'argmin');
          const n = a.shape.at(c.axis)!;
          const kth = n - 1 - (c.values.length % n);
          const parted = nd.takeAlongAxis(a, a.argpartition(kth, c.axis), c.axis);
          assertSameValues(parted.take([kth], c.axis), a.sort(c.axis).take([kth], c.axis), 'argpartition');
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
  test('putAlongAxis(b, a.argsort(axis), a.sort(axis), axis) rebuilds a; putAlongAxis at argmax(keepdims) writes one element a line', () => {
    fc.assert(
      fc.property(arrayCase, (c) => {
        onJsAndWasm(() => {
          const a = make(c);
          const b = nd.zeros(a.shape);
          // a target that is itself a view (transposed base): the writes land in its base's layout
          const t = nd.zeros([...a.shape].reverse()).transpose();
          assert.equal(nd.putAlongAxis(b, a.argsort(c.axis), a.sort(c.axis), c.axis), b);
          nd.putAlongAxis(t, a.argsort(c.axis), a.sort(c.axis), c.axis);
          assertSameValues(b, a, 'rebuilt');
          assertSameValues(t, a, 'rebuilt into a transposed view');
          const marks = nd.zeros(a.shape);
          nd.putAlongAxis(marks, a.argmax(c.axis, { keepdims: true }), 1, c.axis);
          assertSameValues(marks.sum(c.axis, { keepdims: true }), nd.ones(a.max(c.axis, { keepdims: true }).shape), 'one mark a line');
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('IndexError messages name the index, its position for a non-integer, and the axis size', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['take 1.5', () => nd.array([1, 2, 3]).take([0, 1.5]), /^take: index 1\.5 \(position 1 of the indices\) is not an integer \(axis 0 with size 3\)$/],
    ['take NaN under clip, axis 1', () => nd.zeros([2, 4]).take([NaN], 1, { mode: 'clip' }), /^take: index NaN \(position 0 of the indices\) is not an integer \(axis 1 with size 4\)$/],
    ['take -Infinity under wrap', () => nd.zeros([5]).take([-Infinity], null, { mode: 'wrap' }), /not an integer \(axis 0 with size 5\)$/],
    ['take 2**53', () => nd.zeros([5]).take([2 ** 53]), /^take: index 9007199254740992 is out of bounds for axis 0 with size 5$/],
    ['put 1e300', () => nd.zeros([2, 3]).put([1e300], 1), /^put: index 1e\+300 is out of bounds for axis 0 with size 6$/],
    ['putAlongAxis flat', () => nd.putAlongAxis(nd.zeros([2, 3]), [9], 1, null), /^putAlongAxis: index 9 is out of bounds for axis 0 with size 6$/],
    ['takeAlongAxis flat', () => nd.takeAlongAxis(nd.zeros([2, 3]), [0, -7], null), /^takeAlongAxis: index -7 is out of bounds for axis 0 with size 6$/],
    ['takeAlongAxis -0.5', () => nd.takeAlongAxis(nd.zeros([2, 3]), [[-0.5]], 1), /^takeAlongAxis: index -0\.5 .* is not an integer \(axis 1 with size 3\)$/],
  ];
  for (const [label, f, message] of cases) {
    test(label, () => {
      for (const wasm of [false, true]) {
        nd.config({ wasm });
        try {
          assert.throws(f, (e: unknown) => e instanceof IndexError && message.test(e.message), `${label} wasm ${wasm}`);
        } finally {
          nd.config({ wasm: true });
        }
      }
    });
  }
});

describe('bool indices are refused with DTypeError (NumPy 2.4: np.take reads True as 1, take_along_axis raises IndexError)', () => {
  const boolIndices: [string, () => unknown][] = [
    ['bool NdArray', () => nd.array([true, false])],
    ['0-d bool NdArray', () => nd.array(true)],
    ['empty bool NdArray', () => nd.zeros([0], 'bool')],
    ['nested booleans', () => [true, false]],
    ['a bool view', () => nd.array([[true, false], [false, true]]).transpose().slice(0)],
  ];
  for (const [label, indices] of boolIndices) {
    test(label, () => {
      for (const wasm of [false, true]) {
        nd.config({ wasm });
        try {
          const a = nd.array([10, 20, 30]);
          assert.throws(() => a.take(indices() as never), DTypeError);
          assert.throws(() => nd.take(a, indices() as never, 0), DTypeError);
          assert.throws(() => a.put(indices() as never, 7), DTypeError);
          assert.throws(() => nd.takeAlongAxis(a, indices() as never, 0), DTypeError);
          assert.throws(() => nd.putAlongAxis(a, indices() as never, 7, 0), DTypeError);
          assert.throws(() => nd.putAlongAxis(a, indices() as never, 7, null), DTypeError);
          assert.deepEqual(a.toArray(), [10, 20, 30]);
        } finally {
          nd.config({ wasm: true });
        }
      }
    });
  }
});

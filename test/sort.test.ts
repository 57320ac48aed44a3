/**
 * sort/argsort: NumPy values written out (NaN last, -0/0 in input order, stable ties), every
 * axis, views, empties, and a property test against a stable reference sort.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ArgumentError, AxisError, DisposedError } from '../src/errors.ts';
import { argsort, sort } from '../src/ops/sort.ts';

const M = [
  [3, -1, NaN, 2, -0, 0, Infinity, -Infinity],
  [1, 1, 1, 0, -0, NaN, NaN, -5],
];
const B = [[[5, 2], [1, 4]], [[0, 3], [2, 2]]];

// [input, axis, sorted, argsort (stable)] — NumPy 2.4 (`np.sort`, `np.argsort(kind='stable')`).
const CASES: [number[] | number[][] | number[][][], number, unknown, unknown][] = [
  [M, -1,
    [[-Infinity, -1, -0, 0, 2, 3, Infinity, NaN], [-5, 0, -0, 1, 1, 1, NaN, NaN]],
    [[7, 1, 4, 5, 3, 0, 6, 2], [7, 3, 4, 0, 1, 2, 5, 6]]],
  [M, 1,
    [[-Infinity, -1, -0, 0, 2, 3, Infinity, NaN], [-5, 0, -0, 1, 1, 1, NaN, NaN]],
    [[7, 1, 4, 5, 3, 0, 6, 2], [7, 3, 4, 0, 1, 2, 5, 6]]],
  [M, 0,
    [[1, -1, 1, 0, -0, 0, Infinity, -Infinity], [3, 1, NaN, 2, -0, NaN, NaN, -5]],
    [[1, 0, 1, 1, 0, 0, 0, 0], [0, 1, 0, 0, 1, 1, 1, 1]]],
  [B, 0, [[[0, 2], [1, 2]], [[5, 3], [2, 4]]], [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]],
  [B, 1, [[[1, 2], [5, 4]], [[0, 2], [2, 3]]], [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]],
  [B, -1, [[[2, 5], [1, 4]], [[0, 3], [2, 2]]], [[[1, 0], [0, 1]], [[0, 1], [0, 1]]]],
  [[0, -0, 0, -0], 0, [0, -0, 0, -0], [0, 1, 2, 3]],
  [[-0, 1, 0, -1, -0], 0, [-1, -0, 0, -0, 1], [3, 0, 2, 4, 1]],
  [[NaN, NaN, 1], 0, [1, NaN, NaN], [2, 0, 1]],
  [[2, 1, 2, 1, 2], 0, [1, 1, 2, 2, 2], [1, 3, 0, 2, 4]],
  [[7], 0, [7], [0]],
];


/** The stable argsort of `values`: equal values (-0 and 0 included) in input order, NaN last in input order. */
function stableOrder(values: Float64Array): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((i, j) => {
    const x = values[i]!, y = values[j]!;
    if (x !== x || y !== y) return x !== x && y !== y ? i - j : x !== x ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : i - j;
  });
  return Float64Array.from(order);
}
describe('sort/argsort: NumPy values', () => {
  for (const [input, axis, sorted, order] of CASES) {
    test(`${JSON.stringify(input)} axis=${axis}`, () => {
      const a = nd.array(input);
      assert.deepStrictEqual(sort(a, axis).toArray(), sorted); // Object.is: -0 and 0 told apart
      assert.deepStrictEqual(argsort(a, axis).toArray(), order);
      assert.deepStrictEqual(a.toArray(), input, 'the input is untouched');
    });
  }
  test('methods and nd functions, default axis -1', () => {
    assert.deepStrictEqual(nd.array([3, NaN, 1]).sort().toArray(), [1, 3, NaN]);
    assert.deepStrictEqual(nd.argsort(nd.array([[3, 1, 2]])).toArray(), [[1, 2, 0]]);
    assert.deepStrictEqual(nd.sort(nd.array(B), 0).toArray(), CASES[3]![2]);
  });
});

describe('edge cases', () => {
  test('axis errors, including a 0-d array', () => {
    assert.throws(() => sort(nd.array([[1, 2]]), 2), AxisError);
    assert.throws(() => argsort(nd.array([1, 2]), -2), AxisError);
    assert.throws(() => sort(nd.array(3), -1), AxisError);
  });
  test('axis null (NumPy axis=None) flattens in C order: methods and nd functions, views, 0-d, empty', () => {
    // np.sort(a, axis=None), np.argsort(a, axis=None, kind='stable') written out
    const a = nd.array([[3, NaN, -0], [2, 0, 1]]);
    assert.deepStrictEqual(a.sort(null).toArray(), [-0, 0, 1, 2, 3, NaN]);
    assert.deepStrictEqual(nd.sort(a, null).toArray(), [-0, 0, 1, 2, 3, NaN]);
    assert.deepStrictEqual(a.argsort(null).toArray(), [2, 4, 5, 3, 0, 1]);
    assert.deepStrictEqual(nd.argsort(a.T, null).toArray(), [3, 4, 5, 1, 0, 2]);
    assert.deepStrictEqual(nd.takeAlongAxis(a, a.argsort(null), null).toArray(), [-0, 0, 1, 2, 3, NaN]);
    assert.deepStrictEqual(nd.array(5).sort(null).toArray(), [5]);
    assert.deepStrictEqual(nd.array(5).argsort(null).toArray(), [0]);
    assert.deepEqual(nd.zeros([2, 0, 3]).argsort(null).shape, [0]);
    assert.throws(() => (a.argsort as (...args: unknown[]) => NdArray).call(a, null, 0), ArgumentError);
  });
  test('empty arrays keep their shape', () => {
    assert.deepEqual(sort(nd.zeros([0]), 0).shape, [0]);
    assert.deepEqual(sort(nd.zeros([2, 0]), -1).shape, [2, 0]);
    assert.deepEqual(argsort(nd.zeros([0, 3]), 0).shape, [0, 3]);
  });
  test('bool arrays sort false first and keep the dtype; argsort is stable', () => {
    const b = nd.array([[true, false, true], [false, false, true]]);
    const s = sort(b, -1);
    assert.equal(s.dtype, 'bool');
    assert.deepEqual(s.toArray(), [[false, true, true], [false, false, true]]);
    assert.deepEqual(argsort(b, -1).toArray(), [[1, 0, 2], [0, 1, 2]]);
    assert.deepEqual(sort(b, 0).toArray(), [[false, false, true], [true, false, true]]);
  });
  test('views: transposed, negative steps, broadcast', () => {
    const a = nd.array([[9, 1, 5], [2, 8, 4]]);
    assert.deepEqual(sort(a.T, -1).toArray(), [[2, 9], [1, 8], [4, 5]]);
    assert.deepEqual(sort(a.T, 0).toArray(), [[1, 2], [5, 4], [9, 8]]);
    assert.deepEqual(sort(a.slice(null, '::-1'), -1).toArray(), [[1, 5, 9], [2, 4, 8]]);
    assert.deepEqual(argsort(a.slice(null, '::-1'), -1).toArray(), [[1, 0, 2], [2, 0, 1]]);
    assert.deepEqual(argsort(a.slice('::-1', '::2'), 0).toArray(), [[0, 0], [1, 1]]);
    assert.deepEqual(sort(nd.array([3, 1]).broadcastTo([2, 2]), -1).toArray(), [[1, 3], [1, 3]]);
    assert.deepEqual(argsort(nd.array([3, 1]).broadcastTo([2, 2]), 0).toArray(), [[0, 0], [1, 1]]);
  });
  for (const n of [1, 2, 3, 5, 7, 17, 1000]) {
    test(`size ${n}: reversed input sorts ascending; ties stay in order`, () => {
      const values = Array.from({ length: n }, (_, i) => n - i);
      assert.deepEqual([...sort(nd.array(values), 0).toFloat64Array()], values.slice().reverse());
      const ties = Array.from({ length: n }, (_, i) => i % 3);
      const expected = [0, 1, 2].flatMap((r) => ties.flatMap((v, i) => (v === r ? [i] : [])));
      assert.deepEqual([...argsort(nd.array(ties), 0).toFloat64Array()], expected);
    });
  }
});

/** Reference: stable sort of indices, NaN last, -0 equal to 0. */
function referenceOrder(values: number[]): number[] {
  const rank = (v: number) => (Number.isNaN(v) ? Infinity : v);
  return values
    .map((_, i) => i)
    .sort((i, j) => {
      const x = values[i]!, y = values[j]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return (Number.isNaN(x) ? 1 : 0) - (Number.isNaN(y) ? 1 : 0);
      return rank(x) < rank(y) ? -1 : rank(x) > rank(y) ? 1 : 0;
    });
}

describe('property: sort/argsort match a stable reference along every axis', () => {
  const valueArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) },
    { weight: 2, arbitrary: fc.double({ noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, 0, -0, Infinity, -Infinity) },
  );
  const arb = fc
    .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 })
    .chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        data: fc.array(valueArb, { minLength: shape.reduce((p, d) => p * d, 1), maxLength: shape.reduce((p, d) => p * d, 1) }),
        axis: fc.integer({ min: -shape.length, max: shape.length - 1 }),
        transpose: fc.boolean(),
      }),
    );
  test('random shapes, values with ties, NaN, ±0, ±Infinity', () => {
    fc.assert(
      fc.property(arb, ({ shape, data, axis, transpose }) => {
        let a: NdArray = nd.array(Float64Array.from(data)).reshape(shape);
        if (transpose) a = a.T;
        const ax = axis < 0 ? axis + a.ndim : axis;
        const s = sort(a, axis);
        const o = argsort(a, axis);
        // Check each line along `ax`.
        const other = a.shape.map((d, k) => (k === ax ? 1 : d));
        const count = other.reduce((p, d) => p * d, 1);
        for (let flat = 0; flat < count; flat++) {
          const idx: number[] = [];
          let rest = flat;
          for (let k = other.length - 1; k >= 0; k--) {
            idx[k] = rest % other[k]!;
            rest = Math.floor(rest / other[k]!);
          }
          const pos = (i: number) => idx.map((v, k) => (k === ax ? i : v));
          const line = Array.from({ length: a.shape[ax]! }, (_, i) => a.get(...pos(i)) as number);
          const order = referenceOrder(line);
          assert.deepStrictEqual(Array.from({ length: line.length }, (_, i) => o.get(...pos(i))), order);
          assert.deepStrictEqual(Array.from({ length: line.length }, (_, i) => s.get(...pos(i))), order.map((i) => line[i]));
        }
      }),
      { numRuns: 300 },
    );
  });
  test('long 1-D lines (past the insertion runs, through the merges)', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 0, maxLength: 300 }), (values) => {
        const order = referenceOrder(values);
        assert.deepStrictEqual([...argsort(nd.array(Float64Array.from(values)), 0).toFloat64Array()], order);
        assert.deepStrictEqual([...sort(nd.array(Float64Array.from(values)), 0).toFloat64Array()], order.map((i) => values[i]));
      }),
      { numRuns: 300 },
    );
  });
});

test('disposed inputs throw DisposedError', () => {
  const a = nd.array([3, 1]);
  a.dispose();
  assert.throws(() => sort(a, 0), DisposedError);
  assert.throws(() => argsort(a, 0), DisposedError);
});

/** Runs `f` with WASM off, then on (restoring on), returning both results. */
function jsThenWasm<T>(f: () => T): [T, T] {
  nd.config({ wasm: false });
  let js: T;
  try {
    js = f();
  } finally {
    nd.config({ wasm: true });
  }
  return [js, f()];
}

/** A NaN with the sign bit set and a payload (the radix keys must still put it last). */
const NEG_NAN = new Float64Array(new BigUint64Array([0xfff8000000000123n]).buffer)[0]!;

describe('WASM radix sort (issue 14): same as the JS reference, stable, NaN and -0 as NumPy', () => {
  const special = [NaN, NEG_NAN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308];
  const line = (n: number, seed: number): number[] =>
    Array.from({ length: n }, (_, i) => {
      const r = Math.sin(i * 12.9898 + seed) * 43758.5453;
      const f = r - Math.floor(r);
      return f < 0.15 ? special[i % special.length]! : f < 0.6 ? Math.floor(f * 10) - 3 : (f - 0.5) * 1e6;
    });
  for (const n of [0, 1, 2, 3, 46, 47, 48, 49, 255, 256, 257, 4099, 70_001]) {
    test(`size ${n}: sort and argsort equal the JS path and the stable reference`, () => {
      const values = line(n, n);
      const order = referenceOrder(values);
      const [sj, sw] = jsThenWasm(() => [...nd.array(Float64Array.from(values)).sort().toFloat64Array()]);
      const [oj, ow] = jsThenWasm(() => [...nd.array(Float64Array.from(values)).argsort().toFloat64Array()]);
      assert.deepStrictEqual(ow, order);
      assert.deepStrictEqual(oj, order);
      const want = order.map((i) => values[i]);
      // Object.is on every value: -0 and 0 in input order, NaN (any payload) last.
      assert.deepStrictEqual(sw, want);
      assert.deepStrictEqual(sj, want);
    });
  }
  test('one crowded top bucket (same sign, exponent and 4 mantissa bits: 12-bit digits) and a normal sample', () => {
    const crowded = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? -1.9 : 1) - Math.floor(Math.abs(Math.sin(i)) * 5000) / 81920);
    const normal = [...nd.rng(5).standardNormal(150_000).toFloat64Array()];
    for (const values of [crowded, normal]) {
      const order = referenceOrder(values);
      const [oj, ow] = jsThenWasm(() => [...nd.argsort(Float64Array.from(values) as never).toFloat64Array()]);
      assert.ok(ow.every((v, i) => v === order[i]), 'WASM argsort');
      assert.ok(oj.every((v, i) => v === order[i]), 'JS argsort');
      const [sj, sw] = jsThenWasm(() => [...nd.sort(Float64Array.from(values) as never).toFloat64Array()]);
      assert.ok(sw.every((v, i) => Object.is(v, values[order[i]!])), 'WASM sort');
      assert.ok(sj.every((v, i) => Object.is(v, sw[i])), 'JS sort');
    }
  });
  test('deepest recursion: a group of 50 keys that loses one key at every 4-bit digit', () => {
    // 1 + k·2^-52 differ in the lowest bits only; each outlier differs from 1 at one 4-bit digit.
    const group = Array.from({ length: 50 }, (_, i) => 1 + (i % 3) * 2 ** -52);
    const outliers = Array.from({ length: 13 }, (_, j) => 1 + 2 ** (-52 + 4 * j));
    for (const values of [[...group, ...outliers], [...outliers, ...group].map((v) => -v)]) {
      const order = referenceOrder(values);
      const [oj, ow] = jsThenWasm(() => [...nd.argsort(values).toFloat64Array()]);
      assert.deepStrictEqual(ow, order);
      assert.deepStrictEqual(oj, order);
      assert.deepStrictEqual([...nd.sort(values).toFloat64Array()], order.map((i) => values[i]));
    }
  });
  test('integers (constant high digits: skipped radix passes), all equal, sorted, reversed', () => {
    for (const values of [
      Array.from({ length: 3000 }, (_, i) => (i * 7919) % 1000),
      Array.from({ length: 3000 }, () => 4),
      Array.from({ length: 3000 }, (_, i) => i),
      Array.from({ length: 3000 }, (_, i) => -i),
      Array.from({ length: 3000 }, (_, i) => (i % 2 ? -0 : 0)),
    ]) {
      const order = referenceOrder(values);
      const [oj, ow] = jsThenWasm(() => [...nd.argsort(Float64Array.from(values) as never).toFloat64Array()]);
      assert.deepStrictEqual(ow, order);
      assert.deepStrictEqual(oj, order);
      const [sj, sw] = jsThenWasm(() => [...nd.sort(Float64Array.from(values) as never).toFloat64Array()]);
      assert.deepStrictEqual(sw, order.map((i) => values[i]));
      assert.deepStrictEqual(sj, sw);
    }
  });
  test('every axis of a 3-D array, strided and transposed views, axis null flattens', () => {
    const base = nd.array(Float64Array.from(line(4 * 60 * 70, 3))).reshape([4, 60, 70]);
    const views = [base, base.transpose(2, 0, 1), base.slice(null, '::-3', '1::2')];
    for (const v of views) {
      for (const axis of [0, 1, 2, -1, null]) {
        // axis null is NumPy's None: the flattened array, C order
        const [sj, sw] = jsThenWasm(() => sort(v, axis));
        const [oj, ow] = jsThenWasm(() => argsort(v, axis));
        assert.deepStrictEqual(sw.toArray(), sj.toArray(), `sort axis ${axis}`);
        assert.deepStrictEqual(ow.toArray(), oj.toArray(), `argsort axis ${axis}`);
        if (axis === null) {
          assert.deepEqual(sw.shape, [v.size]);
          assert.deepStrictEqual([...ow.toFloat64Array()], referenceOrder([...v.toFloat64Array()]));
        }
        for (const r of [sj, sw, oj, ow]) r.dispose();
      }
    }
    base.dispose();
  });
  test('property (seed 42): WASM equals JS equals the stable reference', () => {
    const valueArb = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -4, max: 4 }) },
      { weight: 3, arbitrary: fc.double() },
      { weight: 1, arbitrary: fc.constantFrom(...special) },
    );
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 400 }), (values) => {
        const order = referenceOrder(values);
        const [oj, ow] = jsThenWasm(() => [...nd.array(Float64Array.from(values)).argsort().toFloat64Array()]);
        assert.deepStrictEqual(ow, order);
        assert.deepStrictEqual(oj, order);
        const [sj, sw] = jsThenWasm(() => [...nd.array(Float64Array.from(values)).sort().toFloat64Array()]);
        assert.deepStrictEqual(sw, order.map((i) => values[i]));
        assert.deepStrictEqual(sj, sw);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

/**
 * The values sort (`sort_values_f64`, not stable): Float64Array.prototype.sort's order (NaN
 * last), with the run of zeros given the input's zeros in input order (NumPy's stable kind
 * keeps them so; ndvec's sort promises it whatever kernel runs).
 */
function referenceSort(values: ArrayLike<number>): Float64Array {
  const s = Float64Array.from(values).sort();
  let z = 0;
  while (z < s.length && s[z]! < 0) z++;
  for (let i = 0; i < values.length && z < s.length && s[z] === 0; i++) if (values[i] === 0) s[z++] = values[i]!;
  return s;
}

/** The first index where `got` and `want` differ by Object.is (-1: none). */
function firstDifference(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) return i;
  return -1;
}

describe('values sort (sort_values_f64): equal to the reference sort, sizes 0..4099 and 1M', () => {
  let seed = 7;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed + 0.5) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
  const special = [NaN, NEG_NAN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
  /** name → generator of n values. */
  const DISTRIBUTIONS: [string, (n: number) => Float64Array][] = [
    ['uniform', (n) => Float64Array.from({ length: n }, rnd)],
    ['normal', (n) => Float64Array.from({ length: n }, normal)],
    ['many duplicates', (n) => Float64Array.from({ length: n }, () => Math.floor(rnd() * 10) - 5)],
    ['all equal', (n) => new Float64Array(n).fill(-2.5)],
    ['sorted', (n) => Float64Array.from({ length: n }, (_, i) => i * 0.5 - 7)],
    ['reversed', (n) => Float64Array.from({ length: n }, (_, i) => n - i)],
    ['NaN, ±Inf, ±0 mixed', (n) => Float64Array.from({ length: n }, () => (rnd() < 0.5 ? special[Math.floor(rnd() * special.length)]! : normal()))],
    ['subnormals', (n) => Float64Array.from({ length: n }, () => (rnd() - 0.5) * 1e-310)],
    ['magnitudes 1e±300', (n) => Float64Array.from({ length: n }, () => (rnd() < 0.5 ? -1 : 1) * Math.exp((rnd() - 0.5) * 1380))],
    ['two tight clusters', (n) => Float64Array.from({ length: n }, () => (rnd() < 0.5 ? 1 + rnd() * 1e-12 : 1e10 + rnd() * 1e-3))],
    ['zeros of both signs and tiny negatives', (n) => Float64Array.from({ length: n }, () => [0, -0, -5e-324, -1e-310, 1][Math.floor(rnd() * 5)]!)],
    ['uniform in [1, 2) (one exponent)', (n) => Float64Array.from({ length: n }, () => 1 + rnd())],
    ['uniform in [1, 1 + 1/16) (one 16-bit key prefix)', (n) => Float64Array.from({ length: n }, () => 1 + rnd() / 16)],
    ['normal, a fifth in a tiny interval', (n) => Float64Array.from({ length: n }, () => (rnd() < 0.2 ? 1 + rnd() * 1e-9 : normal()))],
    ['normal, a fifth one value', (n) => Float64Array.from({ length: n }, () => (rnd() < 0.2 ? 0.25 : normal()))],
  ];
  const check = (values: Float64Array, label: string): void => {
    const want = referenceSort(values);
    const [js, wasm] = jsThenWasm(() => {
      const a = nd.array(values);
      const s = a.sort();
      const out = s.toFloat64Array();
      s.dispose();
      a.dispose();
      return out;
    });
    assert.equal(firstDifference(wasm, want), -1, `WASM, ${label}`);
    assert.equal(firstDifference(js, want), -1, `JS, ${label}`);
  };
  test('every size 0..300, then every 23rd to 4099 and 4096..4099, each distribution in turn', () => {
    const sizes: number[] = [];
    for (let n = 0; n <= 300; n++) sizes.push(n);
    for (let n = 301; n < 4096; n += 23) sizes.push(n);
    sizes.push(4096, 4097, 4098, 4099);
    sizes.forEach((n, k) => {
      for (const [name, make] of [DISTRIBUTIONS[k % DISTRIBUTIONS.length]!, DISTRIBUTIONS[(k * 5 + 3) % DISTRIBUTIONS.length]!]) {
        check(make(n), `${name}, n = ${n}`);
      }
    });
  });
  test('every distribution at 4099, 65535 (short path), 65536 and 1M (top histogram)', () => {
    for (const [name, make] of DISTRIBUTIONS) {
      for (const n of [4099, 65535, 65536]) check(make(n), `${name}, n = ${n}`);
    }
    for (const [name, make] of DISTRIBUTIONS) {
      const values = make(1_000_000);
      const want = referenceSort(values);
      const got = nd.sort(nd.array(values)).toFloat64Array();
      assert.equal(firstDifference(got, want), -1, `WASM, ${name}, 1M`);
    }
  });
  test('argsort of rows of 70K and 300K (the MSD sort, below the 320K of the bucketed kernel): the stable reference, every distribution', () => {
    const nearlyReversed = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => (rnd() < 0.01 ? rnd() * n : n - i));
    const rows: [string, Float64Array][] = DISTRIBUTIONS.map(([name, make]) => [name, make(70_001)]);
    rows.push(['nearly reversed', nearlyReversed(70_001)], ['normal, 300K', DISTRIBUTIONS[1]![1](300_000)]);
    rows.push(['strictly decreasing', Float64Array.from({ length: 70_000 }, (_, i) => -i)], ['decreasing with a tie', Float64Array.from({ length: 70_000 }, (_, i) => (i === 5 ? -4 : -i))]);
    for (const [name, values] of rows) {
      const want = stableOrder(values);
      const got = nd.argsort(nd.array(values)).toFloat64Array();
      assert.equal(firstDifference(got, want), -1, `WASM argsort, ${name}`);
    }
    const js = jsThenWasm(() => nd.argsort(nd.array(rows[6]![1])).toFloat64Array());
    assert.equal(firstDifference(js[0], js[1]), -1, 'JS and WASM argsort, NaN/±Inf/±0 mixed');
  });
  test('argsort past the long kernel threshold (320K): every distribution, and the rows it routes to the MSD sort', () => {
    // Rows the long kernel once lost on, each taking one of its routes: the MSD sort for a
    // sample in one 16-bit key prefix or one crowded bin of distinct keys, the second
    // histogram skipped for few values, a bucket of over 196K keys sorted by the MSD sort or
    // written at once when it holds one value.
    const n = 1 << 19;
    const rows: [string, Float64Array][] = [
      ['nearly reversed integers from 1, 1% replaced', Float64Array.from({ length: n }, (_, i) => (rnd() < 0.01 ? 1 + Math.floor(rnd() * n) : n - i))],
      ['powers of two, 40 exponents', Float64Array.from({ length: n }, () => 2 ** (Math.floor(rnd() * 40) - 20))],
      ['powers of two, 10 exponents', Float64Array.from({ length: n }, () => 2 ** Math.floor(rnd() * 10))],
      ['1 + 1e-9 × 1000 values (one key prefix)', Float64Array.from({ length: n }, () => 1 + 1e-9 * Math.floor(rnd() * 1000))],
      ['1 + 1e-9 × 1000 values, NaN', Float64Array.from({ length: n }, () => (rnd() < 0.01 ? NaN : 1 + 1e-9 * Math.floor(rnd() * 1000)))],
      ['four tight clusters 1e3 apart, ties', Float64Array.from({ length: n }, () => 1000 ** Math.floor(rnd() * 4) * (1 + Math.floor(rnd() * 1e5) * 1e-12))],
      ['a 40% cluster 1e-12 wide in [1, 4)', Float64Array.from({ length: n }, () => (rnd() < 0.4 ? 1 + Math.floor(rnd() * 5e4) * 2e-17 : 1 + 3 * rnd()))],
      ['half zeros of both signs, normals, NaN', Float64Array.from({ length: n }, () => (rnd() < 0.5 ? (rnd() < 0.5 ? -0 : 0) : rnd() < 0.02 ? NaN : normal()))],
    ];
    // Every distribution just past the threshold (the earlier test's 70K rows take the MSD sort now).
    for (const [name, make] of DISTRIBUTIONS) rows.push([`${name}, 327681`, make(327_681)]);
    for (const [name, values] of rows) {
      const want = stableOrder(values);
      const got = nd.argsort(nd.array(values)).toFloat64Array();
      assert.equal(firstDifference(got, want), -1, `WASM argsort, ${name}`);
    }
    const js = jsThenWasm(() => nd.argsort(nd.array(rows[7]![1])).toFloat64Array());
    assert.equal(firstDifference(js[0], js[1]), -1, 'JS and WASM argsort, half zeros');
  });
  test('only NaNs, one number among NaNs, ±Inf only, a -0 among +0 (long and short rows)', () => {
    for (const n of [5, 100, 70_000]) {
      check(new Float64Array(n).fill(NaN), `NaN × ${n}`);
      const one = new Float64Array(n).fill(NaN);
      one[n >> 1] = -3;
      check(one, `one number, n = ${n}`);
      check(Float64Array.from({ length: n }, (_, i) => (i % 3 ? Infinity : -Infinity)), `±Inf, n = ${n}`);
      const zeros = new Float64Array(n);
      zeros[n - 2] = -0;
      check(zeros, `one -0, n = ${n}`);
    }
  });
  test('2-D, axis 0 and -1, contiguous, strided and transposed, across the short/long threshold', () => {
    for (const [rows, cols] of [[3, 70_000], [70_000, 3], [37, 41]]) {
      const values = Float64Array.from({ length: rows * cols }, () => (rnd() < 0.1 ? special[Math.floor(rnd() * special.length)]! : normal()));
      const a = nd.array(values).reshape([rows, cols]);
      for (const v of [a, a.T, a.slice('::-1', '::2')]) {
        for (const axis of [0, -1]) {
          const [js, wasm] = jsThenWasm(() => sort(v, axis));
          assert.deepStrictEqual(wasm.toArray(), js.toArray(), `${rows}×${cols} axis ${axis}`);
          // Each line against the reference.
          const ax = axis < 0 ? v.ndim + axis : axis;
          const lines = v.shape[1 - ax]!;
          for (let l = 0; l < Math.min(lines, 3); l++) {
            const take = (x: NdArray): Float64Array =>
              Float64Array.from({ length: v.shape[ax]! }, (_, i) => x.get(...(ax === 0 ? [i, l] : [l, i])) as number);
            assert.equal(firstDifference(take(wasm), referenceSort(take(v))), -1, `${rows}×${cols} axis ${axis} line ${l}`);
          }
          js.dispose();
          wasm.dispose();
        }
      }
      a.dispose();
    }
  });
});

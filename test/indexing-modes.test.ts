/**
 * take/put with NumPy's `mode` ('raise', 'wrap', 'clip'): NumPy's values from
 * test/fixtures/take-modes.json (scripts/take-fixtures.py), on the JS kernels and on WASM;
 * the option checked strictly; WASM = JS under every mode (fast-check); the WASM take's
 * blocks of 256 with a bad or negative index at their edges.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nd, NdArray } from '../src/index.ts';
import { ArgumentError, IndexError } from '../src/errors.ts';
import { assertSameArrays, assertValues, onJsAndWasm } from './helpers.ts';

type Nested = number | string | Nested[];
interface TakeCase {
  source?: string;
  shape?: number[];
  indices: number | number[] | number[][];
  axis: number | null;
  mode: 'raise' | 'wrap' | 'clip';
  result?: Nested;
  error?: string;
}
interface PutCase {
  target: string;
  indices: number | number[] | number[][];
  values: number[];
  mode: 'raise' | 'wrap' | 'clip';
  result?: Nested;
  error?: string;
}
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/take-modes.json', import.meta.url), 'utf8')) as {
  sources: Record<string, Nested>;
  targets: Record<string, Nested>;
  take: TakeCase[];
  put: PutCase[];
};

/** The fixture's numbers: 'NaN' and '±Infinity' written as strings. */
function decode(x: Nested): unknown {
  if (Array.isArray(x)) return x.map(decode);
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  return x;
}

/** A result's values and whether it threw IndexError, on one path. */
function outcome(f: () => NdArray): { values: unknown; shape: number[] } | 'IndexError' {
  try {
    const r = f();
    return { values: r.toArray(), shape: [...r.shape] };
  } catch (e) {
    if (e instanceof IndexError) return 'IndexError';
    throw e;
  }
}

describe('take with mode: NumPy np.take(a, indices, axis, mode=...) values', () => {
  for (const mode of ['raise', 'wrap', 'clip'] as const) {
    test(`mode '${mode}' (JS and WASM)`, () => {
      const cases = FIXTURE.take.filter((c) => c.mode === mode);
      assert.ok(cases.length > 100);
      for (const c of cases) {
        const label = JSON.stringify({ ...c, result: undefined, indices: Array.isArray(c.indices) && c.indices.length > 8 ? `${c.indices.length} indices` : c.indices });
        const run = (): NdArray => {
          const a = c.source !== undefined ? nd.array(decode(FIXTURE.sources[c.source]!) as number[]) : nd.zeros(c.shape!);
          return a.take(c.indices, c.axis, { mode });
        };
        for (const got of onJsAndWasm(() => outcome(run))) {
          if (c.error !== undefined) {
            assert.equal(got, 'IndexError', label);
          } else {
            assert.notEqual(got, 'IndexError', label);
            assertValues((got as { values: unknown }).values, decode(c.result!), 0, label);
          }
        }
      }
    });
  }
  test('nd.take(a, indices, axis, { mode }) and plain-data input', () => {
    assertValues(nd.take([10, 20, 30], [3, -4, 7], null, { mode: 'wrap' }).toArray(), [10, 30, 20]);
    assertValues(nd.take(nd.array([[1, 2], [3, 4]]), [-1, 5], 1, { mode: 'clip' }).toArray(), [[1, 2], [3, 4]]);
    assertValues(nd.take(nd.array([[1, 2], [3, 4]]), [-1, 5], 0, { mode: 'clip' }).toArray(), [[1, 2], [3, 4]]);
    assertValues(nd.arange(5).take(7, undefined, { mode: 'wrap' }).toArray(), 2);
  });
  test('a strided or transposed source and strided indices, every mode', () => {
    const base = nd.arange(24).reshape([4, 6]);
    const src = base.transpose(); // 6 × 4, not contiguous
    const idx = nd.array([9, -7, 2, 100, -100, 0, 3, 1]).slice('::2'); // [9, 2, -100, 3]
    for (const [mode, flat] of [
      ['wrap', [9, 2, 20, 3]],
      ['clip', [9, 2, 0, 3]],
    ] as const) {
      // src's flat C order: src.flat[j] = base[j % 4][floor(j / 4)] = (j % 4) * 6 + floor(j / 4)
      const expected = flat.map((j) => (j % 4) * 6 + Math.floor(j / 4));
      for (const r of onJsAndWasm(() => src.take(idx, null, { mode }))) assertValues(r.toArray(), expected);
    }
    for (const r of onJsAndWasm(() => src.take(idx, 1, { mode: 'clip' }))) {
      assertValues(r.toArray(), (src.toArray() as number[][]).map((row) => [row[3], row[2], row[0], row[3]]));
    }
  });
});

describe('put with mode: NumPy np.put(a, ind, v, mode=...) values', () => {
  for (const mode of ['raise', 'wrap', 'clip'] as const) {
    test(`mode '${mode}' (JS and WASM); a bad index writes nothing`, () => {
      const cases = FIXTURE.put.filter((c) => c.mode === mode);
      assert.ok(cases.length > 50);
      for (const c of cases) {
        const label = JSON.stringify({ ...c, result: undefined, values: c.values.length, indices: Array.isArray(c.indices) && c.indices.length > 8 ? `${c.indices.length} indices` : c.indices });
        const start = c.target === 'empty' ? [] : decode(FIXTURE.targets[c.target]!);
        const run = (): NdArray => {
          const a = c.target === 'empty' ? nd.zeros([0]) : nd.array(start as number[]);
          try {
            return a.put(c.indices, c.values, { mode });
          } catch (e) {
            assertValues(a.toArray(), start, 0, `${label}: written before the error`);
            throw e;
          }
        };
        for (const got of onJsAndWasm(() => outcome(run))) {
          if (c.error !== undefined) assert.equal(got, 'IndexError', label);
          else assertValues((got as { values: unknown }).values, decode(c.result!), 0, label);
        }
      }
    });
  }
  test('nd.put(a, indices, values, { mode }) returns a; a non-contiguous target', () => {
    const a = nd.zeros([3]);
    assert.equal(nd.put(a, [5, -5], [1, 2], { mode: 'wrap' }), a);
    assertValues(a.toArray(), [0, 2, 1]);
    for (const r of onJsAndWasm(() => {
      const base = nd.zeros([2, 3]);
      base.transpose().put([-1, 9], [7, 8], { mode: 'clip' }); // flat order of the 3 × 2 view
      return base;
    })) {
      assertValues(r.toArray(), [[7, 0, 0], [0, 0, 8]]);
    }
  });
});

describe('mode: non-integral indices are bad in every mode (IndexError naming them, nothing written)', () => {
  for (const mode of ['wrap', 'clip'] as const) {
    test(mode, () => {
      for (const bad of [0.5, -2.5, NaN, Infinity, -Infinity, 1e-300]) {
        for (const m of [1, 5, 300]) {
          const idx = Array.from({ length: m }, (_, i) => (i * 13) % 9 - 3);
          idx[m - 1] = bad;
          for (const wasm of [false, true]) {
            nd.config({ wasm });
            try {
              assert.throws(() => nd.arange(5).take(idx, null, { mode }), (e: unknown) => e instanceof IndexError && e.message.includes(`index ${bad} (position ${m - 1} of the indices) is not an integer`), `${mode} ${bad} m ${m} wasm ${wasm}`);
              const a = nd.arange(5);
              assert.throws(() => a.put(idx, 9, { mode }), IndexError);
              assertValues(a.toArray(), [0, 1, 2, 3, 4]);
            } finally {
              nd.config({ wasm: true });
            }
          }
        }
      }
    });
  }
  test('an empty axis: any index throws in every mode, with the axis size', () => {
    for (const mode of ['raise', 'wrap', 'clip'] as const) {
      assert.throws(() => nd.zeros([0]).take([3], null, { mode }), /index 3 is out of bounds for axis 0 with size 0/);
      assert.throws(() => nd.zeros([2, 0]).take([0], 1, { mode }), /index 0 is out of bounds for axis 1 with size 0/);
      assert.throws(() => nd.zeros([0]).put([3], 1, { mode }), /index 3 is out of bounds for axis 0 with size 0/);
    }
  });
});

describe('mode option: checked strictly, inputs left intact', () => {
  test('unknown keys, bad values, non-objects throw ArgumentError naming them', () => {
    const a = nd.arange(3);
    assert.throws(() => a.take([0], null, { mode: 'wrapped' } as never), (e: unknown) => e instanceof ArgumentError && /mode must be one of 'raise', 'wrap', 'clip', got string 'wrapped'/.test(e.message));
    assert.throws(() => a.take([0], null, { mode: 1 } as never), ArgumentError);
    assert.throws(() => a.take([0], null, { mode: 'raise', out: a } as never), (e: unknown) => e instanceof ArgumentError && /unknown option 'out'/.test(e.message));
    assert.throws(() => a.take([0], null, 'clip' as never), (e: unknown) => e instanceof ArgumentError && /options must be an object/.test(e.message));
    assert.throws(() => (a.take as (...args: unknown[]) => NdArray).call(a, [0], null, {}, 1), ArgumentError);
    assert.throws(() => a.put([5], 1, { mode: 'Clip' } as never), ArgumentError);
    assert.throws(() => a.put([5], 1, { modes: 'clip' } as never), /unknown option 'modes'/);
    assert.throws(() => (a.put as (...args: unknown[]) => NdArray).call(a, [5], 1, {}, 2), ArgumentError);
    assert.throws(() => nd.put(a, [5], 1, { mode: null } as never), ArgumentError);
    assert.throws(() => (nd.take as (...args: unknown[]) => NdArray)(a, [5], null, { mode: 'clip' }, 2), ArgumentError);
    assertValues(a.toArray(), [0, 1, 2]);
    // a bad option is refused before any index is looked at
    assert.throws(() => a.put([0.5], 1, { mode: 'nope' } as never), ArgumentError);
  });
  test("{} and { mode: undefined } are 'raise'", () => {
    const a = nd.arange(3);
    assert.throws(() => a.take([3], null, {}), IndexError);
    assert.throws(() => a.take([3], null, { mode: undefined }), IndexError);
    assertValues(a.take([-1], null, { mode: 'raise' }).toArray(), [2]);
  });
});

describe('WASM take/put = JS under every mode (fast-check)', () => {
  const caseArb = fc.record({
    n: fc.integer({ min: 1, max: 300 }),
    m: fc.integer({ min: 0, max: 700 }),
    spread: fc.constantFrom(1, 1.5, 3, 1000),
    negatives: fc.constantFrom(0, 0.01, 0.5),
    specials: fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 2 ** 31, -(2 ** 31), 1e300, -1e300)), { maxLength: 2 }),
    mode: fc.constantFrom('raise', 'wrap', 'clip'),
    seed: fc.nat(),
  }).map(({ n, m, spread, negatives, specials, mode, seed }) => {
    let s = seed + 1;
    const next = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
    const idx = Array.from({ length: m }, () => {
      const j = Math.floor(next() * n * spread);
      return next() < negatives ? -j - 1 : j;
    });
    for (const [at, v] of specials) if (m > 0 && next() < 0.5) idx[at % m] = v;
    return { n, idx, mode: mode as 'raise' | 'wrap' | 'clip' };
  });
  test('take', () => {
    fc.assert(
      fc.property(caseArb, ({ n, idx, mode }) => {
        const run = (): NdArray | string => {
          try {
            return nd.arange(n).mul(1.5).take(idx, null, { mode });
          } catch (e) {
            assert.ok(e instanceof IndexError);
            return (e as Error).message;
          }
        };
        const [js, wasm] = onJsAndWasm(run);
        if (typeof js === 'string' || typeof wasm === 'string') assert.equal(wasm, js);
        else assertSameArrays(js, wasm, 0, 'take');
      }),
      { seed: 42, numRuns: 250 },
    );
  });
  test('put (values cycled or not)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 800 }), ({ n, idx, mode }, nv) => {
        const run = (): [NdArray, string] => {
          const a = nd.arange(n);
          try {
            a.put(idx, nd.arange(nv).add(0.25), { mode });
            return [a, ''];
          } catch (e) {
            assert.ok(e instanceof IndexError);
            return [a, (e as Error).message];
          }
        };
        const [js, wasm] = onJsAndWasm(run);
        assert.equal(wasm[1], js[1]);
        assertSameArrays(js[0], wasm[0], 0, 'put');
      }),
      { seed: 42, numRuns: 250 },
    );
  });
});

describe("WASM take's blocks of 256 (and of 16 after them): a negative or bad index at a block edge", () => {
  test('values and the index named', () => {
    const n = 1000;
    const src = nd.arange(n).mul(0.5);
    // after the last block of 256 the rest goes in blocks of 16, then the careful loop
    for (const m of [255, 256, 257, 300, 511, 512, 513, 783, 1030]) {
      const base = Array.from({ length: m }, (_, i) => (i * 7919) % n);
      for (const at of [0, 3, 4, 252, 255, 256, 259, 271, 272, 287, 288, 511, 512, 767, 768, m - 1].filter((p) => p < m)) {
        for (const special of [-1, -n, -0, n - 1]) {
          const idx = base.map((v, i) => (i === at ? special : v));
          const expected = idx.map((v) => ((v < 0 ? v + n : v) + 0) * 0.5);
          for (const r of onJsAndWasm(() => src.take(idx))) assertValues(r.toArray(), expected);
        }
        for (const [bad, message] of [
          [n, `index ${n} is out of bounds for axis 0 with size ${n}`],
          [-n - 1, `index ${-n - 1} is out of bounds`],
          [999.5, `index 999.5 \\(position ${at} of`],
          [NaN, `index NaN \\(position ${at} of`],
          [2 ** 32 + 3, `index ${2 ** 32 + 3} is out of bounds`],
        ] as const) {
          const idx = base.map((v, i) => (i === at ? bad : i === m - 1 && at < m - 1 ? -5000 : v));
          for (const wasm of [false, true]) {
            nd.config({ wasm });
            try {
              assert.throws(() => src.take(idx), (e: unknown) => e instanceof IndexError && new RegExp(message).test(e.message), `m ${m} at ${at} bad ${bad} wasm ${wasm}`);
            } finally {
              nd.config({ wasm: true });
            }
          }
        }
      }
    }
  });
});

describe('WASM take/put = JS over sizes 0..4099 and layouts (fast-check)', () => {
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 5000 }),
    m: fc.integer({ min: 0, max: 4099 }),
    mode: fc.constantFrom('raise', 'wrap', 'clip'),
    stridedSource: fc.boolean(),
    stridedIndices: fc.boolean(),
    negatives: fc.constantFrom(0, 0.001, 0.3),
    special: fc.option(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 5e-324, -5e-324, 0.5, 1e300)), { nil: undefined }),
    seed: fc.nat(),
  });
  test('take and put: same values or the same IndexError', () => {
    fc.assert(
      fc.property(arb, ({ n, m, mode, stridedSource, stridedIndices, negatives, special, seed }) => {
        let s = seed + 1;
        const next = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
        const raw = Array.from({ length: stridedIndices ? 2 * m : m }, () => {
          const j = Math.floor(next() * n);
          return next() < negatives ? -j - 1 : j;
        });
        if (special !== undefined && raw.length > 0) raw[special[0] % raw.length] = special[1];
        const take = (): NdArray | string => {
          const base = nd.arange(stridedSource ? 2 * n : n).mul(0.75);
          const src = stridedSource ? base.slice('::2') : base;
          const ids = nd.array(raw);
          try {
            return src.take(stridedIndices ? ids.slice('::2') : ids, null, { mode });
          } catch (e) {
            assert.ok(e instanceof IndexError);
            return (e as Error).message;
          }
        };
        const [js, wasm] = onJsAndWasm(take);
        if (typeof js === 'string' || typeof wasm === 'string') assert.equal(wasm, js);
        else assertSameArrays(js, wasm, 0, 'take');
        const put = (): [NdArray, string] => {
          const a = nd.arange(n);
          const ids = nd.array(raw);
          try {
            a.put(stridedIndices ? ids.slice('::2') : ids, nd.arange(m + 1).neg(), { mode });
            return [a, ''];
          } catch (e) {
            assert.ok(e instanceof IndexError);
            return [a, (e as Error).message];
          }
        };
        const [pj, pw] = onJsAndWasm(put);
        assert.equal(pw[1], pj[1]);
        assertSameArrays(pj[0], pw[0], 0, 'put');
      }),
      { seed: 42, numRuns: 120 },
    );
  });
});

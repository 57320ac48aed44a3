/**
 * nd.pad against NumPy 2.4 (test/fixtures/signal.json from scripts/signal-fixtures.py): every
 * mode with widths of 0, 1, larger than the axis (repeated reflection and wrapping), per-axis
 * pairs and NumPy's pad_width broadcasting, constant values per side and axis, bool arrays,
 * 0-d and empty arrays, strided and transposed inputs; argument errors. The modes
 * 'linear_ramp', 'maximum', 'minimum', 'mean', 'median' and 'empty' against NumPy 2.4 from
 * test/fixtures/pad-modes.json (scripts/pad-fixtures.py): end values and stat lengths in all
 * of NumPy's broadcast forms, stat lengths 0, fractional and beyond the axis, NaN/±Inf/-0,
 * bool and 0-d arrays, empty axes, corners read by later axes, and NumPy's errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd } from '../src/index.ts';
import fc from 'fast-check';
import { ArgumentError, BroadcastError, ShapeError } from '../src/errors.ts';
import { FuseError } from '../src/fuse/index.ts';
import { readFileSync } from 'node:fs';
import { FIXTURE, bothKernels, dec, flat, sameValues, toNd, type FixtureArray } from './signal-helpers.ts';

interface PadCase {
  a: FixtureArray;
  widths: unknown;
  mode: 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';
  constantValues: unknown;
  reflectType: 'odd' | null;
  expected: FixtureArray;
}
const CASES = FIXTURE.pad as PadCase[];

describe('nd.pad against NumPy', () => {
  test(`${CASES.length} cases (WASM on and off)`, () => {
    bothKernels((wasm) => {
      for (const c of CASES) {
        const a = toNd(c.a);
        const cv = c.constantValues === null ? undefined : dec(c.constantValues);
        const r = c.reflectType !== null
          ? nd.pad(a, c.widths as number, c.mode, { reflectType: c.reflectType })
          : cv === undefined ? nd.pad(a, c.widths as number, c.mode) : nd.pad(a, c.widths as number, c.mode, { constantValues: cv as number });
        const label = `pad(${JSON.stringify(c.a.shape)}, ${JSON.stringify(c.widths)}, ${c.mode}, ${JSON.stringify(c.constantValues)}, ${c.reflectType}) wasm=${wasm}`;
        assert.deepEqual(r.shape, c.expected.shape, label);
        assert.equal(r.dtype, c.expected.dtype, label);
        assert.ok(sameValues(flat(r), c.expected.dtype === 'bool' ? c.expected.data : dec(c.expected.data)), `${label}: ${JSON.stringify(flat(r))}`);
        a.dispose();
        r.dispose();
      }
    });
  });

  test('the same cases on transposed and strided inputs', () => {
    for (const c of CASES) {
      if (c.a.shape.length !== 2) continue;
      const a = toNd(c.a);
      const t = a.T.copy().T; // same values, Fortran-order strides
      const big = nd.zeros([c.a.shape[0]!, 2 * c.a.shape[1]!]);
      const strided = big.slice(null, '::2');
      for (let i = 0; i < c.a.shape[0]!; i++) for (let j = 0; j < c.a.shape[1]!; j++) big.set(i, 2 * j, a.get(i, j) as number);
      const cv = c.constantValues !== null ? { constantValues: dec(c.constantValues) as number } : c.reflectType !== null ? { reflectType: c.reflectType } : {};
      for (const x of [t, strided]) {
        const r = nd.pad(x, c.widths as number, c.mode, cv);
        assert.ok(sameValues(flat(r), dec(c.expected.data)), `${c.mode} ${JSON.stringify(c.widths)} strides ${JSON.stringify(x.strides)}`);
        r.dispose();
      }
      a.dispose();
      big.dispose();
    }
  });

  test('mode as an option, default constant 0, plain nested input', () => {
    assert.deepEqual(nd.pad([1, 2, 3], 2).toArray(), [0, 0, 1, 2, 3, 0, 0]);
    assert.deepEqual(nd.pad([1, 2, 3], [1, 2], { mode: 'reflect' }).toArray(), [2, 1, 2, 3, 2, 1]);
    assert.deepEqual(nd.pad([1, 2], 1, { constantValues: [-1, 9] }).toArray(), [-1, 1, 2, 9]);
    assert.deepEqual(nd.pad([[1, 2]], [[0, 0], [1, 1]], 'edge').toArray(), [[1, 1, 2, 2]]);
  });

  test('extending an empty axis with a mode other than constant is a ShapeError (NumPy ValueError)', () => {
    for (const e of FIXTURE.padErrors as { a: FixtureArray; widths: number; mode: 'edge' }[]) {
      const a = toNd(e.a);
      assert.throws(() => nd.pad(a, e.widths, e.mode), (err: unknown) => err instanceof ShapeError && /can't extend empty axis/.test((err as Error).message), `${e.mode} ${JSON.stringify(e.widths)}`);
      a.dispose();
    }
  });

  test('argument errors name the problem; the input is left intact', () => {
    const a = nd.array([1, 2, 3]);
    assert.throws(() => nd.pad(a, -1), ArgumentError);
    assert.throws(() => nd.pad(a, 1.5), ArgumentError);
    assert.throws(() => nd.pad(a, [1, 2, 3]), BroadcastError);
    assert.throws(() => nd.pad(nd.zeros([2, 2, 2]), [[1, 2], [3, 4]]), BroadcastError);
    assert.throws(() => nd.pad(a, 'x' as unknown as number), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'average' as 'edge'), /mode must be one of .*got string 'average'|'average'/);
    assert.throws(() => nd.pad(a, 1, { mode: 'edge', constantValues: 1 }), /constantValues applies to mode 'constant'/);
    assert.throws(() => nd.pad(a, 1, 'edge', { constantValues: 1 }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'wrap', { reflectType: 'odd' }), /reflectType applies to modes 'reflect' and 'symmetric'/);
    assert.throws(() => nd.pad(a, 1, 'reflect', { reflectType: 'even ' as 'even' }), ArgumentError);
    assert.throws(() => nd.pad(nd.array([true, false]), 1, 'reflect', { reflectType: 'odd' }), /needs a float64 array/);
    assert.throws(() => nd.pad(a, 1, { mod: 'edge' } as unknown as { mode: 'edge' }), /unknown option 'mod'/);
    assert.throws(() => nd.pad(a, 1, { mode: 'edge' }, {}), ArgumentError);
    assert.throws(() => (nd.pad as unknown as (...x: unknown[]) => unknown)(a, 1, 'edge', {}, 5), ArgumentError);
    assert.throws(() => (nd.pad as unknown as (...x: unknown[]) => unknown)(a), ArgumentError);
    assert.deepEqual(a.toArray(), [1, 2, 3]);
  });

  test('property: the middle of the padded array is the input (every mode, 1-3 axes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { minLength: 3, maxLength: 3 }),
        fc.constantFrom('constant', 'edge', 'reflect', 'symmetric', 'wrap'),
        (shape, w, mode) => {
          const a = nd.arange(shape.reduce((p, q) => p * q, 1)).reshape(shape);
          const widths = shape.map((_, k) => [w[k]![0], w[k]![1]]);
          const r = nd.pad(a, widths, mode as 'edge');
          const middle = r.slice(...shape.map((n, k) => [widths[k]![0], widths[k]![0] + n] as [number, number]));
          const ok = sameValues(flat(middle), flat(a)) && r.shape.every((n, k) => n === shape[k]! + widths[k]![0] + widths[k]![1]);
          a.dispose();
          r.dispose();
          return ok;
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  test('property: 1-D wrap, reflect and symmetric follow their index formulas for any width', () => {
    // wrap: a[(i - l) mod n]; reflect: period 2n - 2 mirrored without the edges; symmetric: period 2n
    const source = (mode: string, j: number, n: number): number => {
      if (mode === 'wrap') return ((j % n) + n) % n;
      if (mode === 'reflect') {
        if (n === 1) return 0;
        const p = 2 * n - 2;
        const m = ((j % p) + p) % p;
        return m < n ? m : p - m;
      }
      const p = 2 * n;
      const m = ((j % p) + p) % p;
      return m < n ? m : p - 1 - m;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(20), fc.nat(20), fc.constantFrom('wrap', 'reflect', 'symmetric'), (n, l, r, mode) => {
        const a = nd.arange(n).mul(3).add(1);
        const got = nd.pad(a, [l, r], mode as 'wrap').toArray() as number[];
        const want = Array.from({ length: l + n + r }, (_, i) => 3 * source(mode, i - l, n) + 1);
        a.dispose();
        return sameValues(got, want);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  test('pad does not fuse: a FuseError at trace time', () => {
    const f = nd.fuse((x) => nd.pad(x, 1) as never);
    assert.throws(() => f(nd.array([1, 2])), FuseError);
    // A stand-in as an option value is refused the same way.
    const a = nd.array([1, 2, 3]);
    const g = nd.fuse((x) => nd.pad(a, 1, 'linear_ramp', { endValues: x as never }) as never);
    assert.throws(() => g(nd.array([1, 2])), FuseError);
    const h = nd.fuse((x) => nd.pad(a, 1, 'mean', { statLength: x as never }) as never);
    assert.throws(() => h(nd.array([1, 2])), FuseError);
    a.dispose();
  });
});

type NewMode = 'linear_ramp' | 'maximum' | 'minimum' | 'mean' | 'median' | 'empty';
interface ModeCase {
  a: FixtureArray;
  widths: unknown;
  mode: NewMode;
  option: unknown;
  expected: FixtureArray & { data: unknown[] | null };
}
interface ModeError {
  a: FixtureArray;
  widths: unknown;
  mode: NewMode;
  option: unknown;
  error: string;
  message: string;
}
const MODES_FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/pad-modes.json', import.meta.url), 'utf8')) as { cases: ModeCase[]; errors: ModeError[] };

/** nd.pad with NumPy's keyword for the mode (`end_values` → endValues, `stat_length` → statLength). */
function padMode(x: unknown, widths: unknown, mode: NewMode, option: unknown, asOptionsObject = false): ReturnType<typeof nd.pad> {
  const key = mode === 'linear_ramp' ? 'endValues' : 'statLength';
  const extra = option === null || mode === 'empty' ? {} : { [key]: dec(option) };
  return asOptionsObject ? nd.pad(x as never, widths as number, { mode, ...extra }) : nd.pad(x as never, widths as number, mode, extra);
}

/**
 * For 'maximum'/'minimum', -0 read as 0: ndvec's max/min settle a tie of 0 and -0 the IEEE
 * way whatever the order (docs/design.md), NumPy's answer depends on the order. Only zeros
 * are merged; every other value is compared exactly.
 */
function zeroTies(mode: string, values: readonly unknown[]): unknown[] {
  return mode === 'maximum' || mode === 'minimum' ? values.map((v) => (v === 0 ? 0 : v)) : [...values];
}

describe('nd.pad modes linear_ramp, maximum, minimum, mean, median, empty against NumPy 2.4', () => {
  test(`${MODES_FIXTURE.cases.length} cases, bit for bit (WASM on and off)`, () => {
    assert.ok(MODES_FIXTURE.cases.length > 200);
    bothKernels((wasm) => {
      for (const c of MODES_FIXTURE.cases) {
        const a = toNd(c.a);
        const label = `pad(${JSON.stringify(c.a.shape)} ${c.a.dtype}, ${JSON.stringify(c.widths)}, ${c.mode}, ${JSON.stringify(c.option)}) wasm=${wasm}`;
        const r = padMode(a, c.widths, c.mode, c.option, c.a.shape.length === 2);
        assert.deepEqual(r.shape, c.expected.shape, label);
        assert.equal(r.dtype, c.expected.dtype, label);
        if (c.expected.data !== null) {
          const want = c.expected.dtype === 'bool' ? c.expected.data : dec<number[]>(c.expected.data);
          assert.ok(sameValues(zeroTies(c.mode, flat(r)), zeroTies(c.mode, want)), `${label}: ${JSON.stringify(flat(r))} vs ${JSON.stringify(c.expected.data)}`);
        } else {
          // 'empty': NumPy leaves the pad area uninitialized; ndvec fills it with 0 (false).
          const w = (Array.isArray(c.widths) ? c.widths : [c.widths]) as unknown[];
          const pairs = a.shape.map((_, k) => {
            const p = (Array.isArray(w[0]) ? w[Math.min(k, w.length - 1)] : w) as number[];
            return [p[0]!, p[p.length - 1]!] as [number, number];
          });
          if (a.size > 0) {
            const middle = a.ndim === 0 ? r : r.slice(...pairs.map(([l], k) => [l, l + a.shape[k]!] as [number, number]));
            assert.ok(sameValues(flat(middle), flat(a)), `${label}: middle`);
          }
          const total = flat(r).filter((v) => v === 0 || v === false).length;
          const inMiddle = flat(a).filter((v) => v === 0 || v === false).length;
          assert.equal(total - inMiddle, r.size - a.size, `${label}: pad area all zero`);
        }
        a.dispose();
        r.dispose();
      }
    });
  });

  test('the same cases on transposed and strided inputs, and as plain nested data', () => {
    for (const c of MODES_FIXTURE.cases) {
      if (c.a.shape.length !== 2 || c.expected.data === null || c.a.dtype === 'bool') continue;
      const a = toNd(c.a);
      const t = a.T.copy().T; // same values, Fortran-order strides
      const big = nd.zeros([c.a.shape[0]!, 2 * c.a.shape[1]!]);
      const strided = big.slice(null, '::2');
      for (let i = 0; i < c.a.shape[0]!; i++) for (let j = 0; j < c.a.shape[1]!; j++) big.set(i, 2 * j, a.get(i, j) as number);
      for (const x of a.size > 0 ? [t, strided, a.toArray()] : [t, strided]) {
        const r = padMode(x, c.widths, c.mode, c.option);
        assert.ok(sameValues(zeroTies(c.mode, flat(r)), zeroTies(c.mode, dec(c.expected.data))), `${c.mode} ${JSON.stringify(c.widths)} ${JSON.stringify(c.option)}`);
        r.dispose();
      }
      a.dispose();
      big.dispose();
    }
  });

  test(`NumPy's ${MODES_FIXTURE.errors.length} refusals are named errors (ValueError → ArgumentError, ShapeError, BroadcastError)`, () => {
    assert.ok(MODES_FIXTURE.errors.length >= 30);
    for (const e of MODES_FIXTURE.errors) {
      const a = toNd(e.a);
      const [cls, pattern] = /stat_length of 0/.test(e.message)
        ? [ArgumentError, /statLength of 0 yields no value for padding/]
        : /can't extend empty axis/.test(e.message)
          ? [ShapeError, /can't extend empty axis \d using modes other than 'constant' or 'empty'/]
          : /negative/.test(e.message)
            ? [ArgumentError, /statLength can't contain negative values/]
            : [BroadcastError, /broadcast/];
      assert.throws(() => padMode(a, e.widths, e.mode, e.option), (err: unknown) => err instanceof cls && pattern.test((err as Error).message), `${e.mode} ${JSON.stringify(e.widths)} ${JSON.stringify(e.option)}: NumPy ${e.message}`);
      a.dispose();
    }
  });

  test('options of the new modes: strict keys, values and the mode they belong to; inputs intact', () => {
    const a = nd.array([1, 2, 3]);
    assert.throws(() => nd.pad(a, 1, 'mean', { endValues: 1 }), /endValues applies to mode 'linear_ramp' only, got mode 'mean'/);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp', { statLength: 1 }), /statLength applies to modes 'maximum', 'minimum', 'mean', 'median' only, got mode 'linear_ramp'/);
    assert.throws(() => nd.pad(a, 1, { mode: 'edge', statLength: 1 }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'empty', { constantValues: 1 }), /constantValues applies to mode 'constant' only, got mode 'empty'/);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp', { constantValues: 1 }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp', { endValues: 'x' as never }), /endValues must be a number, \[before, after\]/);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp', { endValues: null as never }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp', { endValues: [1, 2, 3] }), BroadcastError);
    assert.throws(() => nd.pad(a, 1, 'mean', { statLength: NaN }), /statLength must hold finite numbers, got number NaN/);
    assert.throws(() => nd.pad(a, 1, 'mean', { statLength: Infinity }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'mean', { statLength: -0.6 }), /can't contain negative values, got -0.6/);
    assert.throws(() => nd.pad(a, 1, 'mean', { statLength: true as never }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'median', { statLenght: 1 } as never), /unknown option 'statLenght'/);
    assert.throws(() => nd.pad(a, 1, 'maximum', { statLength: [[0, 1]] }), ArgumentError);
    assert.throws(() => nd.pad(a, 1, 'linear_ramp' as 'edge', { reflectType: 'odd' }), /reflectType applies/);
    assert.deepEqual(a.toArray(), [1, 2, 3]);
    // -0.4 rounds to 0 (NumPy's np.round), a length of 0: NaN for mean.
    const r = nd.pad(a, 1, 'mean', { statLength: -0.4 });
    assert.ok(sameValues(flat(r), [NaN, 1, 2, 3, NaN]));
    r.dispose();
    // statLength null is NumPy's None: the whole axis.
    const m = nd.pad(a, 1, { mode: 'median', statLength: null });
    assert.deepEqual(m.toArray(), [2, 1, 2, 3, 2]);
    m.dispose();
    a.dispose();
  });

  test('property: maximum ≥ mean ≥ minimum pads and median between them, any stat length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.nat(6), fc.nat(6), fc.integer({ min: 1, max: 14 }),
        (xs, l, r, len) => {
          const lo = nd.pad(xs, [l, r], 'minimum', { statLength: len }).toArray() as number[];
          const hi = nd.pad(xs, [l, r], 'maximum', { statLength: len }).toArray() as number[];
          const mean = nd.pad(xs, [l, r], 'mean', { statLength: len }).toArray() as number[];
          const med = nd.pad(xs, [l, r], 'median', { statLength: len }).toArray() as number[];
          const k = Math.min(len, xs.length);
          const leftWindow = xs.slice(0, k);
          const tol = 1e-12 * Math.max(...xs.map(Math.abs));
          const ok = lo.every((v, i) => v <= hi[i]! && med[i]! >= v && med[i]! <= hi[i]! && mean[i]! >= v - tol && mean[i]! <= hi[i]! + tol);
          return ok && (l === 0 || (lo[0] === Math.min(...leftWindow) && hi[0] === Math.max(...leftWindow)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  test('property: a linear ramp starts at its end value and steps evenly towards the edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 9 }), (edge, end, w) => {
        const got = nd.pad([edge, 0, edge], [w, 0], 'linear_ramp', { endValues: end }).toArray() as number[];
        return got[0] === end && got.slice(0, w).every((v, i) => Math.abs(v - (end + ((edge - end) * i) / w)) <= 1e-12 * (Math.abs(edge) + Math.abs(end) + 1));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

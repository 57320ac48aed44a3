/**
 * nd.pad against NumPy 2.4 (test/fixtures/signal.json from scripts/signal-fixtures.py): every
 * mode with widths of 0, 1, larger than the axis (repeated reflection and wrapping), per-axis
 * pairs and NumPy's pad_width broadcasting, constant values per side and axis, bool arrays,
 * 0-d and empty arrays, strided and transposed inputs; argument errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nd } from '../src/index.ts';
import fc from 'fast-check';
import { ArgumentError, BroadcastError, ShapeError } from '../src/errors.ts';
import { FuseError } from '../src/fuse/index.ts';
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
    assert.throws(() => nd.pad(a, 1, 'mean' as 'edge'), ArgumentError);
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
  });
});

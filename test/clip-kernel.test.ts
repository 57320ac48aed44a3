/**
 * clip in one pass (`clip_vss` / `clip_vvv` in wasm/assembly/arith.ts) against the two-pass
 * maximum-then-minimum path it replaces (WASM switched off, and views): same bits for any
 * size 0..4099, scalar, null and array bounds, NaN / ±Inf / -0 / subnormals; NumPy values
 * written out.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd } from '../src/index.ts';
import type { NdArray } from '../src/ndarray.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SPECIALS = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 1e308, -1e308, 1, -1, 0.5];
const bits = (a: NdArray): string[] => (a.toArray() as number[]).map((v) => (Object.is(v, -0) ? '-0' : String(v)));

function bothWays(fn: () => NdArray): [string[], string[]] {
  const fast = fn();
  const got = bits(fast);
  fast.dispose();
  nd.config({ wasm: false });
  try {
    const slow = fn();
    const want = bits(slow);
    slow.dispose();
    return [got, want];
  } finally {
    nd.config({ wasm: true });
  }
}

describe('clip in one pass', () => {
  test('NumPy 2.4 values: np.clip(x, -1, 1), NaN bounds give NaN, lo > hi gives hi', () => {
    const x = nd.array([-2, -1, -0, 0, 0.5, 1, 2, NaN, Infinity, -Infinity, 5e-324]);
    assert.deepEqual(bits(x.clip(-1, 1)), ['-1', '-1', '-0', '0', '0.5', '1', '1', 'NaN', '1', '-1', '5e-324']);
    assert.deepEqual(bits(x.clip(NaN, 1)), new Array(11).fill('NaN'));
    assert.deepEqual(bits(x.clip(-1, NaN)), new Array(11).fill('NaN'));
    assert.deepEqual(bits(x.clip(2, 1)), ['1', '1', '1', '1', '1', '1', '1', 'NaN', '1', '1', '1']);
    assert.deepEqual(bits(x.clip(null, 0.5)), ['-2', '-1', '-0', '0', '0.5', '0.5', '0.5', 'NaN', '0.5', '-Infinity', '5e-324']);
  });

  test('property: scalar / null / array bounds, any size, same bits as the two-pass path', () => {
    const value = fc.oneof(fc.constantFrom(...SPECIALS), fc.double({ min: -3, max: 3 }));
    const bound = fc.oneof(fc.constant(null), fc.constantFrom(...SPECIALS), fc.double({ min: -2, max: 2, noNaN: true }), fc.constant('array' as const));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4099 }), bound, bound, fc.nat(), (xs, lo, hi, seed) => {
        const a = nd.array(xs);
        const arr = (k: number) => nd.array(xs.map((_, i) => SPECIALS[(i * 5 + seed + k) % SPECIALS.length]! * 0.9));
        const l = lo === 'array' ? arr(1) : lo;
        const h = hi === 'array' ? arr(2) : hi;
        const [got, want] = bothWays(() => a.clip(l, h));
        assert.deepEqual(got, want);
        // into out = a itself
        const c = a.copy();
        c.clip(l, h, { out: c });
        assert.deepEqual(bits(c), want);
        for (const v of [a, c, l, h]) if (typeof v === 'object' && v !== null) v.dispose();
      }),
      { numRuns: 120 },
    );
  });

  test('sizes around the SIMD width; views and broadcast bounds take the general path with the same result', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 7, 8, 9, 1023, 1025]) {
      const xs = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? SPECIALS[i % SPECIALS.length]! : Math.sin(i) * 3));
      const a = nd.array(xs);
      const [got, want] = bothWays(() => a.clip(-1, 1.5));
      assert.deepEqual(got, want, `n ${n}`);
      const view = nd.array(xs.flatMap((v) => [v, 99])).slice('::2');
      assert.deepEqual(bits(view.clip(-1, 1.5)), want, `view n ${n}`);
      a.dispose();
    }
    const m = nd.array([[-3, 0, 3], [NaN, -0, 2]]);
    assert.deepEqual((m.clip(nd.array([-1, 0, 1]), 2).toArray() as number[][]).flat().map(String), ['-1', '0', '2', 'NaN', '0', '2']);
  });
});

describe('clip on a ±0 tie: the sign NumPy gives (test/fixtures/clip-ties.json, scripts/clip-tie-fixtures.py)', () => {
  interface TieCase { x: number[]; value: string; lo: number[] | 'num'; loValue: string; hi: number[] | 'num'; hiValue: string; shape: number[]; negative: boolean }
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'clip-ties.json'), 'utf8')) as { cases: TieCase[] };
  for (const wasm of [true, false]) {
    test(`every mix of one-element shapes and numbers as bounds, wasm ${wasm}`, () => {
      nd.config({ wasm });
      try {
        assert.equal(fixture.cases.length, 400);
        let kept = 0;
        for (const c of fixture.cases) {
          const num = (v: string): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v));
          const bound = (s: number[] | 'num', v: string): number | NdArray => (s === 'num' ? num(v) : nd.full(s, num(v)));
          const x = nd.full(c.x, num(c.value));
          const r = x.clip(bound(c.lo, c.loValue), bound(c.hi, c.hiValue));
          const label = `${JSON.stringify(c.x)} ${c.value} in [${JSON.stringify(c.lo)} ${c.loValue}, ${JSON.stringify(c.hi)} ${c.hiValue}]`;
          assert.deepEqual(r.shape, c.shape, label);
          for (const v of r.toFloat64Array()) assert.equal(v === 0 && 1 / v < 0, c.negative, label);
          if (c.negative === (c.value === '-0.0')) kept++;
        }
        // both rules occur: the held value kept (stride-0 bounds) and the bound winning
        assert.ok(kept > 0 && kept < fixture.cases.length);
      } finally {
        nd.config({ wasm: true });
      }
    });
  }
});

// ndvec against NumPy's own results (test/fixtures/numpy-conformance.json, written by
// scripts/numpy-fixtures.py with NumPy 2.x): rounding, ranges, eye, var/std, nan-reductions,
// isclose, searchsorted, quantiles, element-wise special values, cumulative ops. Exact where
// NumPy's algorithm is specified (rounding, ranges, comparisons, selections), within a few
// ulp where the summation order may differ (var/std, transcendental binaries).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nd, type NdArray } from '../src/index.ts';
import { ordinal } from './helpers.ts';

const ulpDistance = (a: number, b: number): number => Number(ordinal(a) > ordinal(b) ? ordinal(a) - ordinal(b) : ordinal(b) - ordinal(a));

type Enc = string | boolean | Enc[];
interface Case {
  kind: string;
  [key: string]: unknown;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'numpy-conformance.json'), 'utf8')) as { numpy: string; cases: Case[] };

/** Decodes the fixture's numbers (repr strings) into a flat list. */
function dec(x: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const e of v) walk(e);
    else if (typeof v === 'boolean') out.push(v ? 1 : 0);
    else if (v === 'nan') out.push(NaN);
    else if (v === 'inf') out.push(Infinity);
    else if (v === '-inf') out.push(-Infinity);
    else out.push(Number(v as string));
  };
  walk(x);
  return out;
}
const num = (x: unknown): number => dec(x)[0]!;

/** Flat float64 values of an ndvec result (numbers, booleans as 0/1). */
function flat(r: NdArray | number | boolean): number[] {
  if (typeof r === 'number') return [r];
  if (typeof r === 'boolean') return [r ? 1 : 0];
  return Array.from(r.toFloat64Array());
}

/** Same values, NaN equal to NaN, -0 distinct from 0, within `ulps`. */
function assertValues(got: number[], expected: number[], ulps: number, what: string): void {
  assert.equal(got.length, expected.length, `${what}: length`);
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(g)) {
      assert.ok(Number.isNaN(e) && Number.isNaN(g), `${what}[${i}]: got ${g}, NumPy ${e}`);
    } else if (ulps === 0 || !Number.isFinite(e)) {
      assert.ok(Object.is(g, e), `${what}[${i}]: got ${g}, NumPy ${e}`);
    } else {
      assert.ok(ulpDistance(g, e) <= ulps, `${what}[${i}]: got ${g}, NumPy ${e} (${ulpDistance(g, e)} ulp)`);
    }
  }
}

function arrayOf(c: Case, key = 'x'): NdArray {
  const values = nd.array(dec(c[key]));
  return c['shape'] === undefined ? values : values.reshape(c['shape'] as number[]);
}

const axisOf = (c: Case): number | null => (c['axis'] === null || c['axis'] === undefined ? null : (c['axis'] as number));

const run: Record<string, (c: Case) => [NdArray | number | boolean, number]> = {
  round: (c) => [nd.array(dec(c['x'])).round(c['decimals'] as number), 0],
  arange: (c) => [(nd.arange as (...a: number[]) => NdArray)(...(c['args'] as number[])), 0],
  linspace: (c) => {
    const [s, e, n, endpoint] = c['args'] as [number, number, number, boolean];
    return [nd.linspace(s, e, n, { endpoint }), 0];
  },
  eye: (c) => {
    const [n, m, k] = c['args'] as [number, number, number];
    return [(nd.eye as (...a: number[]) => NdArray)(n, m, k), 0];
  },
  var: (c) => [arrayOf(c).var(axisOf(c), { ddof: c['ddof'] as number }) as NdArray | number, 4],
  std: (c) => [arrayOf(c).std(axisOf(c), { ddof: c['ddof'] as number }) as NdArray | number, 4],
  'var-formula': (c) => [nd.arange(c['n'] as number).mod(7).mul(1e-3).add(1e9).var() as number, 64],
  'std-formula': (c) => [nd.arange(c['n'] as number).mod(7).mul(1e-3).add(1e9).std() as number, 64],
  'sum-full': (c) => [nd.full([c['n'] as number], Number(c['value'])).nansum() as number, 0],
  nansum: (c) => [arrayOf(c).nansum(axisOf(c)) as NdArray | number, 0],
  nanmean: (c) => [arrayOf(c).nanmean(axisOf(c)) as NdArray | number, 1],
  nanmin: (c) => [arrayOf(c).nanmin(axisOf(c)) as NdArray | number, 0],
  nanmax: (c) => [arrayOf(c).nanmax(axisOf(c)) as NdArray | number, 0],
  isclose: (c) => [
    nd.isclose(nd.array(dec(c['x'])), nd.array(dec(c['y'])), { rtol: num(c['rtol']), atol: num(c['atol']), equalNan: c['equalNan'] as boolean }),
    0,
  ],
  searchsorted: (c) => [nd.array(dec(c['x'])).searchsorted(nd.array(dec(c['v'])), { side: c['side'] as 'left' | 'right' }), 0],
  quantile: (c) => [arrayOf(c).quantile(dec(c['q']), axisOf(c)) as NdArray | number, 1],
  median: (c) => [arrayOf(c).median(axisOf(c)) as NdArray | number, 0],
  binary: (c) => {
    const op = ({ arctan2: 'atan2', power: 'pow' } as Record<string, string>)[c['op'] as string] ?? (c['op'] as string);
    const x = nd.array(dec(c['x']));
    const y = nd.array(dec(c['y']));
    return [(x as unknown as Record<string, (b: NdArray) => NdArray>)[op]!.call(x, y), op === 'pow' || op === 'atan2' || op === 'hypot' ? 2 : 0];
  },
  unary: (c) => {
    const op = ({ rint: 'round' } as Record<string, string>)[c['op'] as string] ?? (c['op'] as string);
    const x = nd.array(dec(c['x']));
    return [(x as unknown as Record<string, () => NdArray>)[op]!.call(x), op === 'cbrt' ? 1 : 0];
  },
  clip: (c) => [nd.array(dec(c['x'])).clip(num(c['lo']), num(c['hi'])), 0],
  cumsum: (c) => [arrayOf(c).cumsum(c['axis'] as number), 0],
  cumprod: (c) => [arrayOf(c).cumprod(c['axis'] as number), 0],
  diff: (c) => [arrayOf(c).diff(1, c['axis'] as number), 0],
};

for (const wasm of [true, false]) {
  describe(`NumPy ${fixture.numpy} conformance (${wasm ? 'WASM' : 'JS'} kernels)`, () => {
    fixture.cases.forEach((c, i) => {
      const label = `${i}: ${c.kind}${c['op'] ? ` ${String(c['op'])}` : ''} ${JSON.stringify(c['args'] ?? c['axis'] ?? c['decimals'] ?? c['side'] ?? '')}`;
      test(label, () => {
        const before = nd.config().wasm;
        nd.config({ wasm });
        try {
          const fn = run[c.kind];
          assert.ok(fn !== undefined, `no runner for ${c.kind}`);
          const [result, ulps] = fn(c);
          assertValues(flat(result), dec(c['expected'] as Enc), ulps, label);
        } finally {
          nd.config({ wasm: before });
        }
      });
    });
  });
}

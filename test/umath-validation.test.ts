/**
 * NumPy's own accuracy data (test/fixtures/umath-validation/, the float64 rows of NumPy 2.4.6's
 * umath-validation-set-<fn>.csv: hex-exact inputs, correctly rounded outputs, NumPy's ulp bound
 * per file; BSD-3, see the README there) run through `nd.<fn>` on the WASM backend and with
 * `nd.config({ wasm: false })` (the JS `Math.*` loops). Every result is within the file's ulp
 * bound of the expected value, and special results (NaN, ±Inf, ±0) match exactly. Each file
 * runs in its own order (blocks mixing specials and ordinary values) and with its ordinary
 * rows alone (so the WASM table paths see them), and once more in place.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nd } from '../src/index.ts';
import { ulpsSpecialsExact, unaryValues } from './helpers.ts';

const FNS = ['log', 'log2', 'log10', 'log1p', 'exp', 'expm1', 'tanh', 'sinh', 'cosh'] as const;
type Fn = (typeof FNS)[number];

const bitsView = new BigUint64Array(1);
const doubleView = new Float64Array(bitsView.buffer);
const fromHex = (hex: string): number => {
  bitsView[0] = BigInt(hex);
  return doubleView[0]!;
};

interface Rows {
  input: number[];
  expected: number[];
  ulps: number;
}

function load(fn: Fn): Rows {
  const text = readFileSync(new URL(`./fixtures/umath-validation/umath-validation-set-${fn}.csv`, import.meta.url), 'utf8');
  const rows: Rows = { input: [], expected: [], ulps: 0 };
  for (const line of text.split('\n').slice(1)) {
    if (!line.startsWith('np.float64')) continue;
    const [, x, y, tol] = line.split(',');
    rows.input.push(fromHex(x!));
    rows.expected.push(fromHex(y!));
    rows.ulps = Math.max(rows.ulps, Number(tol));
  }
  return rows;
}

const distance = ulpsSpecialsExact;
const run = unaryValues;

function check(fn: Fn, rows: Rows, backend: string): number {
  const ordinary = rows.input.map((_, i) => i).filter((i) => {
    const y = rows.expected[i]!;
    return Number.isFinite(y) && y !== 0 && Number.isFinite(rows.input[i]!);
  });
  const layouts: [string, number[], boolean][] = [
    ['file order', rows.input.map((_, i) => i), false],
    ['ordinary rows', ordinary, false],
    ['file order, in place', rows.input.map((_, i) => i), true],
  ];
  let worst = 0;
  for (const [layout, idx, inPlace] of layouts) {
    const got = run(fn, idx.map((i) => rows.input[i]!), inPlace);
    idx.forEach((i, k) => {
      const d = distance(got[k]!, rows.expected[i]!);
      worst = Math.max(worst, d);
      assert.ok(d <= rows.ulps, `${backend} ${fn}(${rows.input[i]}) = ${got[k]}, want ${rows.expected[i]} ` +
        `(${d} ulp > ${rows.ulps}; ${layout})`);
    });
  }
  return worst;
}

describe('NumPy umath validation data (float64 rows)', () => {
  for (const fn of FNS) {
    test(`${fn}: WASM and JS within the file's ulp bound`, () => {
      const rows = load(fn);
      assert.ok(rows.input.length > 100, `${fn}: fixture rows`);
      const wasm = check(fn, rows, 'WASM');
      nd.config({ wasm: false });
      let js: number;
      try {
        js = check(fn, rows, 'JS');
      } finally {
        nd.config({ wasm: true });
      }
      console.log(`# ${fn.padEnd(6)} ${rows.input.length} rows, bound ${rows.ulps} ulp: WASM max ${wasm}, JS max ${js}`);
    });
  }
});

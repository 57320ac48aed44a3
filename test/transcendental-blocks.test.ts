/**
 * The blocked transcendental kernels (wasm/assembly/transcendental.ts: a branch-free table path
 * over blocks of 256, the careful path for a block holding a value outside the table path's
 * domain) against the JS reference (`nd.config({ wasm: false })`, i.e. `Math.*`): every result
 * within 2 ulp, special results (NaN, ±Inf, ±0) identical. Random doubles over the whole
 * range and near each function's special points, one special at the start, middle, end or
 * tail of sizes around the block, sizes 0..4099, out of place and in place.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nd } from '../src/index.ts';
import { ulpsSpecialsExact, unaryValues } from './helpers.ts';

const FNS = ['log', 'log2', 'log10', 'log1p', 'exp', 'expm1', 'tanh', 'sinh', 'cosh'] as const;
type Fn = (typeof FNS)[number];
const MAX_ULP = 2;
/**
 * tanh: V8's Math.tanh is itself up to 2 ulp from the correctly rounded value (e.g. at
 * -0.22584764286875725: exact -0.22208445527770193, Math.tanh ...188, WASM ...196, NumPy ...19),
 * so WASM (within 2 ulp of the exact value, see test/umath-validation.test.ts) may sit 3 from it.
 * cosh/sinh near overflow were 3 apart too (at 710.4749020421292 WASM was 2 ulp below the
 * exact 1.7959717123663998e+308, Math.cosh 1 above); since e^|x|/2 comes from one exp there,
 * WASM is within 1 ulp of exact (written out below) and 2 of Math.
 */
const MAX_ULP_OF: Partial<Record<Fn, number>> = { tanh: 3 };

/** Values each kernel treats specially, and the edges of its fast path. */
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 2.2250738585072014e-308,
  2.225073858507201e-308, -1, -1 + 2 ** -53, -0.5, 1, 1 - 2 ** -53, 1 + 2 ** -52, 704, -704,
  703.9999999999999, 709.782712893384, 709.7827128933841, 710.4758600739439, 710.475860073944,
  -745.1332191019411, -745.1332191019412, 0.34657359027997264, 0.5493061443340548, 22, 1e308,
  -1e308, 1e-300];

const values = unaryValues;
const distance = ulpsSpecialsExact;

/** Asserts the WASM results of fn over xs within MAX_ULP of the JS ones (specials exact). */
function agree(fn: Fn, xs: number[], inPlace = false): void {
  const got = values(fn, xs, inPlace);
  nd.config({ wasm: false });
  let want: number[];
  try {
    want = values(fn, xs, false);
  } finally {
    nd.config({ wasm: true });
  }
  for (let i = 0; i < xs.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const d = distance(g, w);
    assert.ok(d <= (MAX_ULP_OF[fn] ?? MAX_ULP), `${fn}(${xs[i]}) at ${i} of ${xs.length}${inPlace ? ' (in place)' : ''}: ` +
      `WASM ${g}, JS ${w} (${d} ulp)`);
  }
}

/** Ordinary inputs for fn (its table path's domain), deterministic. */
function ordinary(fn: Fn, n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    out.push(fn.startsWith('log') ? 0.01 + 50 * u : -30 + 60 * u);
  }
  return out;
}

describe('blocked transcendental kernels: WASM within 2 ulp of JS', () => {
  test('random doubles over the whole range (fast-check), out of place and in place', () => {
    fc.assert(fc.property(fc.constantFrom(...FNS), fc.array(fc.double(), { maxLength: 600 }), fc.boolean(),
      (fn, xs, inPlace) => agree(fn, xs, inPlace)), { seed: 42, numRuns: 300 });
  });

  test('random values near the special points and in each fast range (fast-check)', () => {
    const near = fc.tuple(fc.constantFrom(...SPECIALS.filter(Number.isFinite)), fc.integer({ min: -64, max: 64 }),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), fc.boolean()).map(([p, k, d, ulps]) =>
      (ulps ? p + k * Math.max(Math.abs(p) * 2 ** -52, 5e-324) : p + d));
    const ranged = fc.oneof(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      fc.double({ min: -1e-5, max: 1e-5, noNaN: true }));
    fc.assert(fc.property(fc.constantFrom(...FNS), fc.array(fc.oneof(near, ranged), { minLength: 1, maxLength: 1100 }),
      (fn, xs) => agree(fn, xs)), { seed: 42, numRuns: 400 });
  });

  test('one special at the start, middle, end or tail of sizes around the block, both ways', () => {
    const sizes = [1, 2, 3, 4, 5, 7, 8, 255, 256, 257, 259, 260, 511, 512, 513, 515, 1024, 1027];
    for (const fn of FNS) {
      for (const n of sizes) {
        const base = ordinary(fn, n, n);
        agree(fn, base);
        const spots = [...new Set([0, n >> 1, (n & ~3) - 1, n - 1].filter((i) => i >= 0 && i < n))];
        for (const special of [NaN, Infinity, -Infinity, -0, 5e-324, -1, 1e308, -750]) {
          for (const at of spots) {
            const xs = base.slice();
            xs[at] = special;
            agree(fn, xs, false);
            agree(fn, xs, true);
          }
        }
      }
    }
  });

  test('sizes 0..4099 (every size for one function a size, all functions at the block sizes)', () => {
    for (let n = 0; n <= 4099; n++) {
      const fn = FNS[n % FNS.length]!;
      const xs = ordinary(fn, n, 7 * n + 1);
      if (n % 5 === 3) xs[(n * 13) % n] = NaN;
      agree(fn, xs, n % 2 === 1);
    }
  });

  test('written-out values (NumPy 2.4: np.<fn> of each): specials identical, others within 2 ulp', () => {
    const xs = [NaN, Infinity, -Infinity, 0, -0, -1, 5e-324];
    const want: Record<Fn, number[]> = {
      log: [NaN, Infinity, NaN, -Infinity, -Infinity, NaN, -744.4400719213812],
      log2: [NaN, Infinity, NaN, -Infinity, -Infinity, NaN, -1074],
      log10: [NaN, Infinity, NaN, -Infinity, -Infinity, NaN, -323.3062153431158],
      log1p: [NaN, Infinity, NaN, 0, -0, -Infinity, 5e-324],
      exp: [NaN, Infinity, 0, 1, 1, 0.36787944117144233, 1],
      expm1: [NaN, Infinity, -1, 0, -0, -0.6321205588285577, 5e-324],
      tanh: [NaN, 1, -1, 0, -0, -0.7615941559557649, 5e-324],
      sinh: [NaN, Infinity, -Infinity, 0, -0, -1.1752011936438014, 5e-324],
      cosh: [NaN, Infinity, Infinity, 1, 1, 1.5430806348152437, 1],
    };
    for (const fn of FNS) {
      // four copies: the blocked path and the tail both see every value
      const got = values(fn, [...xs, ...xs, ...xs, ...xs], false);
      for (let i = 0; i < got.length; i++) {
        assert.ok(distance(got[i]!, want[fn][i % xs.length]!) <= MAX_ULP, `${fn}(${xs[i % xs.length]}) = ${got[i]}`);
      }
    }
  });
});

test('tanh near 0 stays within 2 ulp of the exact value (mpmath; the table expm1 without the carried rounding error of r, or tanh without the e + 2 correction, was 3 ulp off here)', () => {
  const rows: [number, number][] = [
    [-0.0017255965488067737, -0.0017255948360487192], [-0.0014976897358671675, -0.0014976886160582646],
    [-0.0016438210293314545, -0.0016438195487173846], [0.0015042621378451061, 0.0015042610032290483],
    [0.0016383078109961785, 0.0016383063452297024], [-0.0016169037337460277, -0.0016169023246818215],
    [-0.0013711302419147971, -0.001371129382674675], [0.0017163972974104712, 0.0017163956118990502],
    // 3 ulp off when the rounding error of e + 2 is not corrected (tried for speed, dropped)
    [0.0004882280522414772, 0.00048822801344905556],
  ];
  // four copies of each: the table path (blocks of 4) sees every value
  const got = unaryValues('tanh', rows.flatMap(([x]) => [x, x, x, x]), false);
  got.forEach((g, i) => {
    const [x, want] = rows[i >> 2]!;
    assert.ok(ulpsSpecialsExact(g, want) <= 2, `tanh(${x}) = ${g}, exact ${want}`);
  });
});

test('cosh near overflow stays within 2 ulp of the exact value (mpmath)', () => {
  const [got] = unaryValues('cosh', [710.4749020421292], false);
  assert.ok(ulpsSpecialsExact(got!, 1.7959717123663998e308) <= 2, `cosh(710.4749020421292) = ${got}`);
});

test('sinh and cosh beyond |x| = 704 (e^|x|/2 in one exp) within 1 ulp of the exact value (mpmath; e^(|x|/2) squared was 3 off)', () => {
  const rows: [number, number][] = [
    [-709.0702093359157, 4.4080772920180335e307], [-709.0776218447563, 4.4408736052292793e307],
    [706.0888750433548, 2.236001903561429e306], [710.4749020421292, 1.7959717123663998e308],
  ];
  const xs = rows.map(([x]) => x);
  const sinh = unaryValues('sinh', xs, false);
  const cosh = unaryValues('cosh', xs, false);
  rows.forEach(([x, mag], i) => {
    assert.ok(ulpsSpecialsExact(sinh[i]!, Math.sign(x) * mag) <= 1, `sinh(${x}) = ${sinh[i]}, exact ${Math.sign(x) * mag}`);
    assert.ok(ulpsSpecialsExact(cosh[i]!, mag) <= 1, `cosh(${x}) = ${cosh[i]}, exact ${mag}`);
  });
});

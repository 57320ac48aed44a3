/**
 * The vectorised transcendental kernels (wasm/assembly/transcendental.ts, loaded through
 * src/kernels/wasm.ts) against `Math.*`: every result within MAX_ULP units in the last place.
 * Written-out tables (special values exact; other rows correctly rounded values from mpmath),
 * dense sweeps of each function's interesting range, fast-check over random doubles and random
 * bit patterns, sizes around the SIMD width, in place, and no write past the end. The last test
 * prints the largest ulp distance each function showed.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Storage } from '../src/memory.ts';
import { wasmKernels, wasmStatus, type WasmKernels } from '../src/kernels/wasm.ts';
import { ordinal } from './helpers.ts';

/** The accuracy contract, in ulp against the host's `Math.*`. */
const MAX_ULP = 4;
/**
 * Tighter contracts: the table paths of exp, expm1 and the logs are within about 1 ulp of the
 * exact value (test/umath-validation.test.ts), so ≤ 2 ulp of Math.*.
 */
const MAX_ULP_OF: Partial<Record<string, number>> = { exp: 2, expm1: 2, log: 2, log1p: 2, log2: 2, log10: 2 };
const OPS = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tanh'] as const;
type Op = (typeof OPS)[number];
/** Elements a kernel call handles in the sweeps (stays well inside the arena). */
const CHUNK = 1 << 15;

const kernels: WasmKernels = (() => {
  assert.ok(wasmStatus.loaded, `WASM kernels did not load: ${wasmStatus.reason}`);
  return wasmKernels!;
})();

// ---------------------------------------------------------------------------------------------
// ulp distance
// ---------------------------------------------------------------------------------------------

const bitsView = new BigInt64Array(1);
const doubleView = new Float64Array(bitsView.buffer);

/** Double with the given 64-bit pattern. */
function fromBits(bits: bigint): number {
  bitsView[0] = BigInt.asIntN(64, bits);
  return doubleView[0]!;
}

/**
 * Representable doubles between a and b: 0 when equal (same sign of zero), Infinity when one
 * is NaN and the other is not (two NaNs count as equal).
 */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

describe('ulpDistance (the yardstick)', () => {
  test('counts representable doubles', () => {
    assert.equal(ulpDistance(1, 1), 0);
    assert.equal(ulpDistance(1, 1 + 2 ** -52), 1);
    assert.equal(ulpDistance(1, 1 - 2 ** -53), 1);
    assert.equal(ulpDistance(0, -0), 1);
    assert.equal(ulpDistance(5e-324, -5e-324), 3);
    assert.equal(ulpDistance(Number.MAX_VALUE, Infinity), 1);
    assert.equal(ulpDistance(NaN, NaN), 0);
    assert.equal(ulpDistance(NaN, 1), Infinity);
  });
});

// ---------------------------------------------------------------------------------------------
// Running a kernel
// ---------------------------------------------------------------------------------------------

const ptr = (s: Storage): number => Math.max(s.ptr, 0);

/** op over `values` through the WASM kernel (out of place, or in place). */
function runKernel(op: Op, values: ArrayLike<number>, inPlace = false): Float64Array {
  const n = values.length;
  const input = new Storage('float64', n);
  const output = inPlace ? input : new Storage('float64', n);
  try {
    assert.ok(n === 0 || (input.inArena && output.inArena), 'test blocks must live in the arena');
    input.f64().set(values, input.base);
    kernels[`unary_${op}`](ptr(input), ptr(output), n);
    return output.f64().slice(output.base, output.base + n);
  } finally {
    input.free();
    output.free();
  }
}

/** Largest distance seen per op, and where. */
const worst = new Map<Op, { ulp: number; x: number; checked: number }>(
  OPS.map((op) => [op, { ulp: 0, x: NaN, checked: 0 }]),
);

/** Asserts every kernel result within MAX_ULP of Math[op], recording the largest distance. */
function checkAgainstMath(op: Op, xs: ArrayLike<number>): void {
  const record = worst.get(op)!;
  for (let start = 0; start < xs.length; start += CHUNK) {
    const part = Array.prototype.slice.call(xs, start, start + CHUNK) as number[];
    const got = runKernel(op, part);
    for (let i = 0; i < part.length; i++) {
      const x = part[i]!;
      const want = Math[op](x);
      const u = ulpDistance(got[i]!, want);
      if (u > record.ulp) Object.assign(record, { ulp: u, x });
      const limit = MAX_ULP_OF[op] ?? MAX_ULP;
      if (u > limit) {
        assert.fail(`${op}(${x}) = ${got[i]}, Math.${op} = ${want}: ${u} ulp > ${limit}`);
      }
    }
    record.checked += part.length;
  }
}

/** n evenly spaced points from lo to hi. */
function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Doubles around x: x and `radius` neighbours (in ulp) on each side. */
function neighbours(x: number, radius: number): number[] {
  const b = ordinal(x);
  const out: number[] = [];
  for (let d = -radius; d <= radius; d++) {
    const o = b + BigInt(d);
    out.push(fromBits(o < 0n ? -(o + 1n) | -0x8000000000000000n : o));
  }
  return out;
}

/** For each binary exponent in [eLo, eHi], `perExponent` mantissas (deterministic). */
function acrossExponents(eLo: number, eHi: number, perExponent: number): number[] {
  const out: number[] = [];
  for (let e = eLo; e <= eHi; e++) {
    for (let j = 0; j < perExponent; j++) out.push(2 ** e * (1 + ((j * 0.6180339887498949) % 1)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Written-out cases: [x, expected]. Expected NaN, ±Inf, ±0 and `exact` rows must match bit for
// bit; the others (correctly rounded, from mpmath at 300 bits) within MAX_ULP.
// ---------------------------------------------------------------------------------------------

type Row = readonly [x: number, want: number, exact?: 'exact'];

const SPECIAL_ROWS: Record<Op, Row[]> = {
  exp: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, 0], [0, 1, 'exact'], [-0, 1, 'exact'],
    [1, 2.718281828459045], [-1, 0.36787944117144233], [0.5, 1.6487212707001282],
    [100, 2.6881171418161356e43], [1e-300, 1, 'exact'], [-1e-20, 1, 'exact'],
    [709.782712893384, 1.7976931348622732e308], [709.7827128933841, Infinity], [710, Infinity],
    [1e308, Infinity], [-708.3964185322641, 2.2250738585072626e-308],
    [-708.4, 2.217119081664265e-308], [-740, 4.2e-322], [-745.1332191019411, 5e-324, 'exact'],
    [-745.1332191019412, 0], [-746, 0], [-1e308, 0],
  ],
  expm1: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, -1], [0, 0], [-0, -0], [5e-324, 5e-324],
    [-5e-324, -5e-324], [2.2e-308, 2.2e-308, 'exact'], [1e-10, 1.00000000005e-10],
    [-1e-10, -9.999999999500001e-11], [0.5, 0.6487212707001282], [-0.5, -0.3934693402873666],
    [1, 1.7182818284590453], [-1, -0.6321205588285577], [0.35, 0.41906754859325723],
    [0.3466, 0.41425091185052865], [-37, -0.9999999999999999], [-40, -1, 'exact'],
    [700, 1.0142320547350045e304], [709.782712893384, 1.7976931348622732e308],
    [709.7827128933841, Infinity], [-1e308, -1],
  ],
  log: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, NaN], [0, -Infinity], [-0, -Infinity],
    [-1, NaN], [-5e-324, NaN], [1, 0], [2, 0.6931471805599453], [0.5, -0.6931471805599453],
    [10, 2.302585092994046], [3, 1.0986122886681098], [1e308, 709.1962086421661],
    [Number.MAX_VALUE, 709.782712893384], [5e-324, -744.4400719213812],
    [2.2250738585072014e-308, -708.3964185322641], [1e-310, -713.8013788281542],
    [1 + 2 ** -52, 2.2204460492503128e-16], [1 - 2 ** -53, -1.1102230246251565e-16],
    [0.7071067811865476, -0.3465735902799726], [1.4142135623730951, 0.3465735902799727],
  ],
  log1p: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, NaN], [0, 0], [-0, -0], [-1, -Infinity],
    [-1.5, NaN], [5e-324, 5e-324], [-5e-324, -5e-324], [1e-300, 1e-300, 'exact'],
    [1e-10, 9.999999999500001e-11], [-1e-10, -1.00000000005e-10], [-0.5, -0.6931471805599453],
    [-0.9999999999999999, -36.7368005696771], [1, 0.6931471805599453], [3, 1.3862943611198906],
    [1e308, 709.1962086421661], [2 ** -30, 9.313225741817976e-10],
  ],
  log2: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, NaN], [0, -Infinity], [-0, -Infinity], [-2, NaN],
    [1, 0], [8, 3, 'exact'], [0.125, -3, 'exact'], [1024, 10, 'exact'], [5e-324, -1074, 'exact'],
    [3, 1.584962500721156], [10, 3.321928094887362], [1e308, 1023.1538532253076],
    [1e-310, -1029.7977094150824], [1.5e-323, -1072.415037499279],
  ],
  log10: [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, NaN], [0, -Infinity], [-0, -Infinity], [-10, NaN],
    [1, 0], [1000, 3], [1e-5, -5], [1e22, 22], [1e-300, -300], [1e308, 308], [2, 0.3010299956639812],
    [3, 0.47712125471966244], [5e-324, -323.3062153431158], [1e-310, -310],
  ],
  sin: [
    [NaN, NaN], [Infinity, NaN], [-Infinity, NaN], [0, 0], [-0, -0], [5e-324, 5e-324],
    [-5e-324, -5e-324], [1e-300, 1e-300, 'exact'], [1, 0.8414709848078965], [-1, -0.8414709848078965],
    [Math.PI, 1.2246467991473532e-16], [Math.PI / 2, 1, 'exact'], [2 * Math.PI, -2.4492935982947064e-16],
    [100, -0.5063656411097588], [1e6, -0.34999350217129294], [1048575.5, -0.1624508310778367],
    [1048576, 0.3304931400217347], [1e22, -0.8522008497671888], [1e300, -0.8178819121159085],
  ],
  cos: [
    [NaN, NaN], [Infinity, NaN], [-Infinity, NaN], [0, 1, 'exact'], [-0, 1, 'exact'],
    [1e-300, 1, 'exact'], [1, 0.5403023058681398], [-1, 0.5403023058681398], [Math.PI, -1, 'exact'],
    [Math.PI / 2, 6.123233995736766e-17], [2 * Math.PI, 1, 'exact'], [100, 0.8623188722876839],
    [1e6, 0.9367521275331447], [1048576, 0.943808393901312], [1e22, 0.523214785395139],
    [1e300, -0.5753861119575491],
  ],
  tanh: [
    [NaN, NaN], [Infinity, 1], [-Infinity, -1], [0, 0], [-0, -0], [5e-324, 5e-324], [-5e-324, -5e-324],
    [3.5e-323, 3.5e-323, 'exact'], [1e-300, 1e-300, 'exact'], [0.5, 0.46211715726000974],
    [0.5493061443340548, 0.49999999999999994], [0.5493061443340549, 0.5], [1, 0.7615941559557649],
    [-1, -0.7615941559557649], [-0.25, -0.24491866240370913], [19, 0.9999999999999999],
    [20, 1, 'exact'], [22, 1, 'exact'], [-1e300, -1, 'exact'],
  ],
};

describe('written-out values', () => {
  for (const op of OPS) {
    test(op, () => {
      const rows = SPECIAL_ROWS[op];
      const got = runKernel(op, rows.map((r) => r[0]));
      rows.forEach(([x, want, exact], i) => {
        const strict = exact === 'exact' || Number.isNaN(want) || !Number.isFinite(want) || want === 0;
        if (strict) assert.ok(Object.is(got[i], want), `${op}(${x}) = ${got[i]}, want exactly ${want}`);
        else assert.ok(ulpDistance(got[i]!, want) <= MAX_ULP, `${op}(${x}) = ${got[i]}, want ${want}`);
      });
      // and against the host's Math on the same rows
      checkAgainstMath(op, rows.map((r) => r[0]));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Dense sweeps
// ---------------------------------------------------------------------------------------------

const SWEEPS: Record<Op, () => number[]> = {
  exp: () => [
    ...linspace(-745.2, 709.9, 300_001),
    ...linspace(-1, 1, 100_001),
    ...neighbours(709.782712893384, 2000),
    ...neighbours(-745.1332191019411, 2000),
    ...neighbours(-708.3964185322641, 2000),
    ...acrossExponents(-1074, 9, 20).flatMap((x) => [x, -x]),
  ],
  expm1: () => [
    ...linspace(-40, 710, 300_001),
    ...linspace(-1.5, 1.5, 100_001),
    ...neighbours(Math.LN2 / 2, 2000),
    ...neighbours(-Math.LN2 / 2, 2000),
    ...neighbours(709.782712893384, 500),
    ...acrossExponents(-1074, 9, 20).flatMap((x) => [x, -x]),
  ],
  log: () => [
    ...acrossExponents(-1074, 1023, 100),
    ...linspace(0.5, 2, 200_001),
    ...neighbours(1, 2000),
    ...linspace(5e-324, 2.2250738585072014e-308, 20_001),
  ],
  log1p: () => [
    ...linspace(-0.999999, 10, 200_001),
    ...neighbours(-1, 500).filter((x) => x > -1),
    ...acrossExponents(-1074, 1023, 50),
    ...acrossExponents(-1074, -1, 50).map((x) => -x),
    ...linspace(-1e-8, 1e-8, 20_001),
  ],
  log2: () => [...acrossExponents(-1074, 1023, 100), ...linspace(0.5, 2, 200_001), ...neighbours(1, 2000)],
  log10: () => [...acrossExponents(-1074, 1023, 100), ...linspace(0.5, 2, 200_001), ...neighbours(1, 2000)],
  sin: () => trigSweep(),
  cos: () => trigSweep(),
  tanh: () => [
    ...linspace(-30, 30, 300_001),
    ...linspace(-1e-3, 1e-3, 20_001),
    ...neighbours(0.5493061443340548, 2000),
    ...acrossExponents(-1074, 5, 20).flatMap((x) => [x, -x]),
  ],
};

/** sin/cos sweep: [-1e6, 1e6], [-10, 10], doubles nearest to k·π/2, the 2^20 switch, huge. */
function trigSweep(): number[] {
  const nearPiHalves: number[] = [];
  for (let k = 1; k < 200_000; k += 7) nearPiHalves.push(k * (Math.PI / 2), -k * (Math.PI / 2));
  return [
    ...linspace(-1e6, 1e6, 300_001),
    ...linspace(-10, 10, 100_001),
    ...nearPiHalves,
    ...neighbours(1048576, 1000),
    ...neighbours(-1048576, 1000),
    ...acrossExponents(-1074, 1023, 20).flatMap((x) => [x, -x]),
  ];
}

describe('dense sweeps', () => {
  for (const op of OPS) test(op, () => checkAgainstMath(op, SWEEPS[op]()));
});

// ---------------------------------------------------------------------------------------------
// Random doubles (fast-check)
// ---------------------------------------------------------------------------------------------

/** Any double from its 64-bit pattern: every exponent, NaN payloads, subnormals, both signs. */
const bitPatternDouble = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(fromBits);
const RANDOM_RANGE: Record<Op, fc.Arbitrary<number>> = {
  exp: fc.double({ min: -750, max: 750 }),
  expm1: fc.double({ min: -50, max: 720 }),
  log: fc.double({ min: 0, max: Number.MAX_VALUE }),
  log1p: fc.double({ min: -1, max: 1e10 }),
  log2: fc.double({ min: 0, max: Number.MAX_VALUE }),
  log10: fc.double({ min: 0, max: Number.MAX_VALUE }),
  sin: fc.double({ min: -2e6, max: 2e6 }),
  cos: fc.double({ min: -2e6, max: 2e6 }),
  tanh: fc.double({ min: -40, max: 40 }),
};

describe('random doubles (fast-check)', () => {
  for (const op of OPS) {
    test(op, () => {
      const anyDouble = fc.oneof(fc.double(), bitPatternDouble, RANDOM_RANGE[op]);
      fc.assert(
        fc.property(fc.array(anyDouble, { maxLength: 300 }), (xs) => {
          checkAgainstMath(op, xs);
        }),
        { seed: 42, numRuns: 300 },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Sizes, in place, bounds
// ---------------------------------------------------------------------------------------------

const SIZES = [0, 1, 2, 3, 4, 5, 7, 17];
const SAMPLE = [-0, 0.3, NaN, 2.5, -1.25, Infinity, 1e-310, -7, 0.75, 40, -Infinity, 1e6, 3e7, 0.5, -0.5, 5e-324, 12];

describe('sizes around the SIMD width, in place, no write past the end', () => {
  for (const op of OPS) {
    test(op, () => {
      for (const n of SIZES) {
        const xs = SAMPLE.slice(0, n);
        // element by element (n = 1 takes the scalar tail), the reference for every size
        const oneByOne = xs.map((x) => runKernel(op, [x])[0]!);
        assert.deepEqual(Array.from(runKernel(op, xs)), oneByOne, `${op} n=${n}`);
        assert.deepEqual(Array.from(runKernel(op, xs, true)), oneByOne, `${op} n=${n} in place`);
        // guards after the output stay untouched
        const input = new Storage('float64', n);
        const output = new Storage('float64', n + 2);
        try {
          input.f64().set(xs, input.base);
          output.f64().fill(-123.5, output.base, output.base + n + 2);
          kernels[`unary_${op}`](ptr(input), ptr(output), n);
          const out = output.f64();
          assert.deepEqual([out[output.base + n], out[output.base + n + 1]], [-123.5, -123.5], `${op} n=${n} guards`);
        } finally {
          input.free();
          output.free();
        }
      }
    });
  }
});

describe('exp: table path in blocks of 256, redone or checked where a block holds a special', () => {
  const SPECIALS = [NaN, Infinity, -Infinity, 709.78, 710, -745.1, -800, 704, -704, 1e308];
  test('one special at the start, middle, end or tail of sizes around the block, out of place and in place', () => {
    for (const n of [4, 252, 255, 256, 257, 259, 260, 511, 512, 513, 1027]) {
      const base = Array.from({ length: n }, (_, i) => ((i * 0.6180339887498949) % 1) * 80 - 40);
      for (const at of [0, n >> 1, n - 1, n - 2]) {
        for (const special of SPECIALS) {
          const xs = base.slice();
          xs[at] = special;
          const got = runKernel('exp', xs);
          const inPlace = runKernel('exp', xs, true);
          for (let i = 0; i < n; i++) {
            const u = ulpDistance(got[i]!, Math.exp(xs[i]!));
            assert.ok(u <= 2, `exp(${xs[i]}) = ${got[i]} vs ${Math.exp(xs[i]!)}: ${u} ulp (n=${n}, special ${special} at ${at})`);
            assert.ok(Object.is(inPlace[i], got[i]), `exp in place differs at ${i} (n=${n}, special ${special} at ${at})`);
          }
        }
      }
    }
  });

  test('written-out special results', () => {
    const xs = [NaN, Infinity, -Infinity, 0, -0, 709.8, -745.2, -745.1, -708.5, 1e-300, -5e-324, 703.9, 704];
    const want = [NaN, Infinity, 0, 1, 1, Infinity, 0, 5e-324, 2.006132305331306e-308, 1, 1,
      Math.exp(703.9), Math.exp(704)];
    // 256 copies so the block path (not only the tail) sees each value with neighbours
    const got = runKernel('exp', Array.from({ length: 256 * xs.length }, (_, i) => xs[i % xs.length]!));
    for (let i = 0; i < got.length; i++) {
      const w = want[i % xs.length]!;
      assert.ok(ulpDistance(got[i]!, w) <= (i % xs.length >= 11 ? 2 : 0), `exp(${xs[i % xs.length]}) = ${got[i]}, want ${w}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

after(() => {
  const lines = OPS.map((op) => {
    const w = worst.get(op)!;
    return `${op.padEnd(6)} max ${w.ulp} ulp vs Math.${op} (at x = ${w.x}) over ${w.checked} values`;
  });
  console.log(`transcendental kernels, largest distance to Math.*:\n  ${lines.join('\n  ')}`);
});
